#!/bin/sh
# ci/distcheck.sh - the release tarball builds, passes make check out of
# tree from a read-only source, installs and uninstalls cleanly.
. "$(dirname "$0")/lib.sh"
bootstrap
b="$ci_dir/distcheck"
rm -rf "$b"; mkdir -p "$b"
(cd "$b" && "$srcdir/configure" -q)
say "make distcheck"
make -C "$b" -j"$jobs" distcheck >"$b/distcheck.out" 2>&1 || { tail -80 "$b/distcheck.out"; die "distcheck failed"; }
grep -E 'archives ready|\.tar\.gz' "$b/distcheck.out" | head -3
