#!/bin/sh
# ci/gate.sh - the project's full test gate (what .ci/run calls): every
# build flavour and check in turn; reports each step's time and result and
# fails if any step failed.  IPCCONF_STRESS_RUNS sets the stress count
# (default 3 here; ci/stress.sh alone defaults to 20).
dir=$(cd "$(dirname "$0")" && pwd)
# Build flavours first, then the foreign platforms (emulators, gVisor, a
# second kernel under user-mode Linux), every case proven able to fail
# (falsify, in the gcc step's tree, so the report shows it), the report of
# all platform runs, packaging, the runner's own robustness, and load.
# IPCCONF_GATE_STEPS="a b" runs only the steps named.
steps="gcc clang valgrind sanitizers musl m32 aarch64-qemu s390x-qemu ppc64le-qemu riscv64-qemu armhf-qemu gvisor uml falsify report distcheck install unpriv faults stress"
[ -n "${IPCCONF_GATE_STEPS:-}" ] && steps=$IPCCONF_GATE_STEPS
failed=; summary=
for s in $steps; do
	start=$(date +%s)
	if [ "$s" = stress ]; then
		sh "$dir/stress.sh" "${IPCCONF_STRESS_RUNS:-3}"; st=$?
	else
		sh "$dir/$s.sh"; st=$?
	fi
	t=$(( $(date +%s) - start ))
	if [ "$st" -eq 0 ]; then r=pass; else r=FAIL; failed="$failed $s"; fi
	summary="$summary$(printf '%-14s %-5s %5d s' "$s" "$r" "$t")
"
done
printf '\n=== gate summary\n%s' "$summary"
nsteps=$(echo $steps | wc -w); nfail=$(echo $failed | wc -w)
echo "gate steps: $((nsteps - nfail)) of $nsteps passed${failed:+; failed:$failed}"
ci_dir=${IPCCONF_CI_DIR:-/tmp/ipcconf-ci}
[ -f "$ci_dir/report/ipcconf-report.html" ] &&
	echo "report: $ci_dir/report/ipcconf-report.html (text: $ci_dir/report/ipcconf-report.txt)"
# Last line: the case counts of the reference (gcc) run.
if [ -f "$ci_dir/gcc/summary.txt" ]; then
	line=$(tail -n 1 "$ci_dir/gcc/summary.txt")
	[ -z "$failed" ] && echo "cases: $line" || echo "cases: ${line%%,*}, $nfail failed"
fi
[ -z "$failed" ]
