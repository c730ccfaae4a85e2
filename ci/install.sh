#!/bin/sh
# ci/install.sh - make install, then run the installed suite with the
# installed `ipcconf` command and no build tree: all, one family, one case,
# with a TAP log directory, a summary and JUnit XML.
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install libtap-formatter-junit-perl procps
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
say "ipcconf summary --junit, interrupted"
# The summary of the logs takes well under a second; tap2junit then runs
# for seconds: the signals land while its temporary folder exists.
for sig in INT TERM; do
	setsid env --default-signal=INT "$run" summary --junit "$ci_dir/int.xml" "$ci_dir/logs-all" >/dev/null 2>&1 &
	pid=$!
	i=0
	while ! ls -d "${TMPDIR:-/tmp}"/ipcconf-junit.* >/dev/null 2>&1 && [ $i -lt 250 ]; do sleep 0.02; i=$((i + 1)); done
	[ $i -lt 250 ] || die "ipcconf summary --junit made no temporary folder within 5 s"
	jst=0; kill -"$sig" -"$pid"; wait "$pid" || jst=$?
	i=0
	while group_alive "$pid" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	left=$(ls -d "${TMPDIR:-/tmp}"/ipcconf-junit.* 2>/dev/null || :)
	[ -z "$left" ] || die "SIG$sig during --junit left $left"
	echo "ok - SIG$sig during --junit: status $jst, nothing left behind"
done
say "bad arguments"
for a in "--bogus" "no.such.case" "nofamily"; do
	if "$run" $a >/dev/null 2>&1; then die "'ipcconf $a' did not fail"; fi
	"$run" $a 2>&1 | head -1
done
[ "$st" -eq 0 ] || die "the installed suite reported failures"
