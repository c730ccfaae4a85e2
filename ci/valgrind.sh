#!/bin/sh
# ci/valgrind.sh - every case binary under memcheck (make check-valgrind):
# 0 errors and 0 bytes definitely or indirectly lost, or it fails.  The
# build is configure's default (static), so this also runs the relinking
# that check-valgrind does there (Makefile.am).
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install valgrind
b="$ci_dir/valgrind"
rm -rf "$b"; mkdir -p "$b"
(cd "$b" && "$srcdir/configure" -q)
make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }
snapshot "$b/before"
say "make check-valgrind"
st=0
make -C "$b" -j"$jobs" check-valgrind >"$b/check.out" 2>&1 || st=$?
grep -E '^# [A-Z]+:|^valgrind:' "$b/check.out" || true
"$b/harness/ipcconf" summary "$b" | tail -n 3 || true
snapshot "$b/after"
leftovers "$b/before" "$b/after" || die "objects left behind"
[ "$st" -eq 0 ] || { tail -100 "$b/check.out"; die "check-valgrind failed"; }
