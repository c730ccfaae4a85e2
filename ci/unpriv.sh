#!/bin/sh
# ci/unpriv.sh - the suite run by an unprivileged user (uid 65534, nobody):
# permission cases then test the owner's own mode bits, and cases that need
# a second uid skip with that reason.  Run as root; it drops privileges.
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install util-linux
[ "$(id -u)" -eq 0 ] || { build_check unpriv; exit 0; }
b="$ci_dir/unpriv"
rm -rf "$b"; mkdir -p "$b/src" "$b/build"
# The clone may sit where nobody cannot read (under /root, say): build
# from a copy that nobody owns.
(cd "$srcdir" && tar cf - --exclude=.git .) | (cd "$b/src" && tar xf -)
chown -R 65534:65534 "$b"
as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups env HOME="$b" TMPDIR="$b" "$@"; }
as_nobody sh -c "cd '$b/build' && ../src/configure -q" || die "configure as nobody failed"
b="$b/build"
as_nobody make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }
snapshot "$b/before"
st=0
as_nobody make -C "$b" -j"$jobs" check >"$b/check.out" 2>&1 || st=$?
grep -E '^# [A-Z]+:' "$b/check.out" || true
as_nobody "$b/harness/ipcconf" summary "$b" | sed -n '/^mechanism/,/^total/p;/passed,/p'
snapshot "$b/after"
leftovers "$b/before" "$b/after" || die "objects left behind"
[ "$st" -eq 0 ] || { head -150 "$b/test-suite.log"; die "make check as nobody failed"; }
