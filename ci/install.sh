#!/bin/sh
# ci/install.sh - make install, then run the installed suite with the
# installed `ipcconf` command and no build tree: all, one family, one case,
# with a TAP log directory, a summary and JUnit XML.
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install libtap-formatter-junit-perl
b="$ci_dir/install"; prefix="$ci_dir/install-prefix"
rm -rf "$b" "$prefix"; mkdir -p "$b"
(cd "$b" && "$srcdir/configure" -q --prefix="$prefix")
make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }
make -C "$b" install >"$b/install.out" 2>&1 || { cat "$b/install.out"; die "install failed"; }
rm -rf "$b"   # the installed suite must not need the build tree
run="$prefix/bin/ipcconf"
cd "$ci_dir"
say "ipcconf pipe"
"$run" -o "$ci_dir/logs-pipe" pipe | tail -n 4
say "ipcconf 'pipe.read_eof*'"
"$run" -o "$ci_dir/logs-one" 'pipe.read_eof*' | tail -n 2
say "ipcconf (everything) --junit"
st=0
"$run" -o "$ci_dir/logs-all" --junit "$ci_dir/ipcconf-junit.xml" || st=$?
grep -c '<testcase' "$ci_dir/ipcconf-junit.xml" | sed 's/^/JUnit testcases: /'
say "bad arguments"
for a in "--bogus" "no.such.case" "nofamily"; do
	if "$run" $a >/dev/null 2>&1; then die "'ipcconf $a' did not fail"; fi
	"$run" $a 2>&1 | head -1
done
[ "$st" -eq 0 ] || die "the installed suite reported failures"
