#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/selftest-run.sh - one full run of selftest_cases: every kind of
# outcome is reported as documented, and the run ends promptly.
case $0 in */*) . "${0%/*}/selftest-lib.sh";; *) . ./selftest-lib.sh;; esac

# The full run is made of waits on purpose (a hang to its 1 s watchdog, a
# child left running for its 1 s grace): an eighth of the caller's
# multiplier instead of a quarter (selftest-lib.sh) halves them.  After the
# first hang, the runner gives every later case of the file 2 s x the
# multiplier (supervise.c): a quarter of a second natively, more than those
# cases take beside a loaded CPU.  Under an emulator (IPCCONF_EXEC_WRAPPER)
# a fork costs tens of milliseconds, and with an eighth the stray case's
# three forks outlasted its 1.25 s under qemu-i386 beside stress-ng: there
# the divisor stays 4.
div=8; [ -n "${IPCCONF_EXEC_WRAPPER:-}" ] && div=4
mul=$(awk -v m="$umul" -v d="$div" 'BEGIN { printf "%g", m / d }')
t1=$mul
IPCCONF_TIMEOUT_MUL=$mul; export IPCCONF_TIMEOUT_MUL
s0=$(date +%s)
mkdir "$work/lane"
SELFTEST_LANE_DIR="$work/lane" run_bin >"$work/full" 2>&1; st=$?
secs=$(( $(date +%s) - s0 ))
cp "$work/full" "$work/out"
expect_status "a run with failing cases still exits 0 (results are in TAP)" 0
run_bin --list >"$work/list"; count_lines "$work/list"; total=$lines
expect "the plan comes first and counts every case" "1..$total"
expect "a passing case is ok with id and statement" "ok 2 - selftest.passes: a case whose checks hold is ok"
expect "a failed check is not ok" "not ok 3 - selftest.fails_check"
expect "a failure names file:line and the call" "# harness/selftest_cases.c:"
expect "a failure shows the expected errno by name" "#   expected: -1, errno EAGAIN/EWOULDBLOCK"
expect "a failure shows what happened instead" "#   actual:   succeeded (returned 0)"
expect "a failure repeats what the case asserts" "# asserts: a failed check makes the case not ok with its diagnostic"
expect_line "the runner says the multiplier it applies" "# runner: every watchdog and wait is scaled by IPCCONF_TIMEOUT_MUL=$t1"
expect "a hung case is ended by the watchdog" "selftest.hangs: a hung case is killed by the watchdog # timeout after $t1 s"
expect "a timeout shows the last progress point" "# last progress: reading a pipe nobody writes at harness/selftest_cases.c"
expect "a crash is reported by signal name" "selftest.crashes: a crashed case is not ok with the signal's name # killed by SIGSEGV"
expect "a killed case is not ok" "selftest.leaks_objects: objects of a killed case are removed by the harness # killed by SIGKILL"
expect_not "objects of a killed case are not reported leaked" "leaked"
expect "a case without checks is not ok" "selftest.checks_nothing: a case that checks nothing is not ok # no check ran"
expect "a failed check in a child counts" "#   (in child process"
expect "a skip gives its reason" "ok 9 - selftest.skips: a skipped case says why # SKIP the reason is given here"
expect "the blocking proof catches a call that does not block" "#   actual:   it returned before release: -1, errno EAGAIN/EWOULDBLOCK"
expect "checkpoints and barriers order processes" "ok 11 - selftest.checkpoint_order"
expect "a dead peer ends a checkpoint wait with its cause" "was killed by SIGABRT before checkpoint 1"
expect "a child left running is reported" "was still running when the case ended"
expect "the blocking proof passes a blocking call" "ok 14 - selftest.block_proof_proves_blocking"
expect "an exec'd helper runs" "ok 1 - selftest.exec_helper_runs"
expect_line "a timed case runs in its lane beside the cases after it" "ok 17 - selftest.timed_runs_beside"
expect "a timed case that hangs is ended by its lane's watchdog, in the list's order" "not ok 18 - selftest.timed_hangs: a timed case that hangs is ended by its lane's watchdog # timeout after $t1 s"
if awk '/^(not )?ok / { if ($0 ~ /^ok/) k = $2; else k = $3; if (k != ++i) bad = 1 } END { exit bad || i == 0 }' "$work/full"; then
	ok "the results come numbered in the order of the list, lanes included"
else not_ok "results out of order in the full run"; fi
if [ "$secs" -lt "$(awk -v m="$umul" 'BEGIN { printf "%d", 8 * m }')" ]; then ok "the run continues after a timeout and ends promptly"
else not_ok "the run took $secs s"; fi

# A process that left the case's process group, orphaned: killed and said
# (or, where the runner cannot be a subreaper, a skip that says so).
stray_text() { sed -n '/ - selftest.stray_outside_group:/,/^\(not \)\{0,1\}ok /p' "$work/full" | sed 's/^/# /'; }
skip=$(sed -n 's/^ok [0-9]* - selftest.stray_outside_group: .* # SKIP //p' "$work/out")
if [ -n "$skip" ]; then
	n=$((n + 1)); echo "ok $n - a process outside the case's group is killed by the runner # SKIP $skip"
	n=$((n + 1)); echo "ok $n - that process is gone when the run ends # SKIP as above"
else
	f0=$failed
	expect "a process outside the case's group is killed by the runner and reported" "# runner: killed 1 process(es) of the case that outlived it outside its process group"
	stray=$(sed -n 's/^# stray pid \([0-9]*\)$/\1/p' "$work/out")
	if [ -n "$stray" ] && ! kill -0 "$stray" 2>/dev/null; then ok "that process is gone when the run ends"
	else not_ok "the stray process '$stray' still runs"; kill -KILL "$stray" 2>/dev/null; fi
	[ "$failed" -eq "$f0" ] || { echo "# the case's report:"; stray_text; }
fi

# Objects named by the leaking case are gone.
sem=$(sed -n 's/^# created \(\/ipcconf\.[0-9.]*\)$/\1/p' "$work/out")
q=$(sed -n 's/^# created msq \([0-9]*\)$/\1/p' "$work/out")
if [ -n "$q" ] && sysv_gone "$q"; then ok "the SysV queue of a killed case was removed"
else not_ok "SysV queue '$q' of a killed case still exists"; fi
if [ -z "$sem" ] || [ ! -e "/dev/shm/sem.${sem#/}" ]; then ok "the POSIX semaphore name of a killed case was removed"
else not_ok "POSIX semaphore $sem still exists"; fi

finish
