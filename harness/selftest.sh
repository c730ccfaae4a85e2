#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/selftest.sh - self-tests of the case runner, asserted on the real
# TAP output of harness/selftest_cases (a binary whose cases pass, fail,
# hang, crash and leak on purpose).  Prints TAP itself.
#
# Usage: selftest.sh [path/to/selftest_cases]   (default: ./harness/selftest_cases)

bin=${1:-${IPCCONF_BUILDDIR:-.}/harness/selftest_cases}
if [ ! -x "$bin" ]; then
	echo "1..0 # SKIP $bin is not built (make check builds it)"
	exit 0
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/ipcconf-selftest.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
unset IPCCONF_CASES IPCCONF_BASELINE IPCCONF_BLOCK_PROOF

# A cross build run under an emulator (ci/aarch64-qemu.sh) needs its wrapper.
run_bin() { ${IPCCONF_EXEC_WRAPPER:-} "$bin" "$@"; }

# Bounds scale with IPCCONF_TIMEOUT_MUL, as the runner's do.
mul=${IPCCONF_TIMEOUT_MUL:-1}
t1=$(awk -v m="$mul" 'BEGIN { printf "%g", 1 * m }')
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -f "$work/out" ] && sed 's/^/# /' "$work/out" | head -40
}
# expect DESCRIPTION PATTERN: the last output contains the fixed string.
expect() {
	if grep -qF -- "$2" "$work/out"; then ok "$1"; else
		not_ok "$1"; echo "# missing: $2"; fi
}
expect_not() {
	if grep -qF -- "$2" "$work/out"; then not_ok "$1"; echo "# unexpected: $2"
	else ok "$1"; fi
}
expect_status() {
	if [ "$st" -eq "$2" ]; then ok "$1"; else
		not_ok "$1"; echo "# exit status $st, expected $2"; fi
}

# Wait (bounded) until a file exists and is non-empty.
wait_for_file() {
	i=0
	while [ ! -s "$1" ] && [ $i -lt 500 ]; do
		sleep 0.02; i=$((i + 1))
	done
	[ -s "$1" ]
}

# ipcs exits 0 either way; a queue that exists is listed by its id.
sysv_gone() { ! ipcs -q | awk -v id="$1" '$2 == id { found = 1 } END { exit !found }'; }

# --- one full run, in the background while the other checks run ----------------
( s0=$(date +%s); run_bin >"$work/full" 2>&1; st=$?
  echo "$st $(( $(date +%s) - s0 ))" >"$work/full.st" ) &
fullpid=$!

# Cases run in the order of the binary's table, whatever the order asked.
# --- forced fallback of the blocking proof -------------------------------
run_bin --block-proof=window selftest.block_proof_proves_blocking \
	selftest.block_proof_catches_nonblocking >"$work/out" 2>&1; st=$?
expect "the timed-window fallback passes a blocking call" "ok 2 - selftest.block_proof_proves_blocking"
expect "the fallback says it was used" "# blocking proof: timed window"
expect "the timed-window fallback still catches a call that returns" "not ok 1 - selftest.block_proof_catches_nonblocking"

# --- selection -------------------------------------------------------------
run_bin --case 'selftest.pass*' >"$work/out" 2>&1; st=$?
expect "--case selects by glob" "1..1"
(IPCCONF_CASES='nothing.here'; export IPCCONF_CASES; run_bin) >"$work/out" 2>&1; st=$?
expect "IPCCONF_CASES matching nothing skips the binary" "1..0 # SKIP"
run_bin --list >"$work/out" 2>&1; st=$?
if awk -F'\t' 'NF != 5 { bad = 1 } END { exit bad }' "$work/out"; then
	ok "--list prints id, mechanism, needs, statement, source"
else not_ok "--list lines do not have 5 tab-separated fields"; fi

# --- bad command lines: one clear line, exit 2 -------------------------------
for args in "--bogus" "--case nosuch.case" "nosuch.*" "--timeout abc" \
	"--timeout 0" "--timeout" "--block-proof=maybe" "--baseline $work/missing.txt"; do
	# shellcheck disable=SC2086
	run_bin $args >"$work/out" 2>"$work/err"; st=$?
	lines=$(wc -l <"$work/err")
	if [ "$st" -eq 2 ] && [ "$lines" -eq 1 ] && [ ! -s "$work/out" ]; then
		ok "'$args' is rejected with one line and status 2"
	else
		cp "$work/err" "$work/out"
		not_ok "'$args': status $st, $lines line(s) on stderr"
	fi
done

# --- baselines -------------------------------------------------------------
printf '# comment\n\nselftest.fails_check todo a documented deviation\nselftest.passes todo listed but passes\nselftest.crashes skip not provided here\n' >"$work/base.txt"
run_bin --baseline "$work/base.txt" selftest.fails_check selftest.passes selftest.crashes >"$work/out" 2>&1; st=$?
expect "a listed failure is TODO (expected failure)" "not ok 2 - selftest.fails_check: a failed check makes the case not ok with its diagnostic # TODO $work/base.txt:3: a documented deviation"
expect "a listed case that passes is an unexpected pass" "ok 1 - selftest.passes: a case whose checks hold is ok # TODO unexpected pass"
expect "a 'skip' entry skips the case with the baseline's reason" "ok 3 - selftest.crashes: a crashed case is not ok with the signal's name # SKIP $work/base.txt:5: not provided here"
for bad in "selftest.passes" "selftest.passes maybe why" "selftest.passes todo" "Not-An-Id todo x" "selftest.passes todo has # hash"; do
	printf '%s\n' "$bad" >"$work/bad.txt"
	run_bin --baseline "$work/bad.txt" >"$work/out" 2>"$work/err"; st=$?
	if [ "$st" -eq 2 ] && grep -qF "$work/bad.txt:1:" "$work/err"; then
		ok "malformed baseline line '$bad' is rejected naming file:line"
	else
		cp "$work/err" "$work/out"; not_ok "baseline line '$bad': status $st"
	fi
done

# Layers: include reads a file relative to the including one, in order; the
# directive names the layer file and line that applied.
mkdir -p "$work/layers"
printf '# platform\nselftest.passes todo the platform says so\ninclude layer.txt\n' >"$work/layers/plat.txt"
printf '# layer\n\nselftest.fails_check todo from the layer\nselftest.passes todo shadowed by the platform\n' >"$work/layers/layer.txt"
run_bin --baseline "$work/layers/plat.txt" selftest.fails_check selftest.passes >"$work/out" 2>&1
expect "an included layer's entry applies, naming the layer file and line" "# TODO $work/layers/layer.txt:3: from the layer"
expect "the first matching entry applies (the platform's before its layer)" "# TODO unexpected pass: $work/layers/plat.txt:2 lists it: the platform says so"
(IPCCONF_EXPECTED_DIR="$work/layers"; export IPCCONF_EXPECTED_DIR
 run_bin --baseline "$work/layers/plat.txt" selftest.fails_check) >"$work/out" 2>&1
expect "a layer in the expected directory is named expected/<file> in the directive" "# TODO expected/layer.txt:3: from the layer"
for bad in "include" "include nosuch.txt" "include two words.txt"; do
	printf 'selftest.passes todo fine\n%s\n' "$bad" >"$work/layers/bad.txt"
	run_bin --baseline "$work/layers/bad.txt" >"$work/out" 2>"$work/err"; st=$?
	if [ "$st" -eq 2 ] && grep -qF "$work/layers/bad.txt:2:" "$work/err"; then
		ok "a bad include line '$bad' is rejected naming file:line"
	else
		cp "$work/err" "$work/out"; not_ok "include line '$bad': status $st"
	fi
done
printf 'include plat.txt\n' >"$work/layers/bad.txt"
printf 'include bad.txt\n' >"$work/layers/plat.txt"
run_bin --baseline "$work/layers/bad.txt" >"$work/out" 2>"$work/err"; st=$?
if [ "$st" -eq 2 ] && grep -q "layers/[a-z]*\\.txt:1: include .*cycle" "$work/err"; then
	ok "an include cycle is rejected naming file:line"
else
	cp "$work/err" "$work/out"; not_ok "include cycle: status $st"
fi

# --- transcripts -------------------------------------------------------------
mkdir -p "$work/exp"
tcase() {
	(IPCCONF_EXPECTED_DIR="$work/exp" SELFTEST_TRANSCRIPT=1
	 export IPCCONF_EXPECTED_DIR SELFTEST_TRANSCRIPT; run_bin selftest.transcript_compare) >"$work/out" 2>&1
}
printf 'line one\nline two\n' >"$work/exp/selftest.txt"; tcase
expect "a matching transcript is ok" "ok 1 - selftest.transcript_compare"
printf 'line one\nline 2\n' >"$work/exp/selftest.txt"; tcase
expect "a differing transcript names the first differing line" "differs at line 2"
expect "a differing transcript shows expected and actual" "#   expected: line 2"
printf 'line one\n' >"$work/exp/selftest.txt"; tcase
expect "output longer than its transcript shows where the file ended" "#   expected: (end of file)"
rm -f "$work/exp/selftest.txt"; tcase
expect "a missing transcript is reported" "cannot read transcript $work/exp/selftest.txt"
printf 'line one\nline two' >"$work/exp/selftest.txt"; tcase
expect "a transcript without its final newline is malformed" "malformed transcript"
printf 'line one\000\nline two\n' >"$work/exp/selftest.txt"; tcase
expect "a transcript with a NUL byte is malformed" "malformed transcript"

# --- the ipcconf runner (generated next to this binary) ------------------------
runner=$(dirname "$bin")/ipcconf
if [ -x "$runner" ] && [ -z "${IPCCONF_EXEC_WRAPPER:-}" ]; then
	for args in "--bogus" "-j 0" "-j x" "summary $work/nonexistent" "summary --bogus x" \
		"nosuchfamily" "no.such.case" "--baseline $work/missing.txt pipe"; do
		# shellcheck disable=SC2086
		IPCCONF_LIBEXECDIR=$(dirname "$bin")/.. "$runner" -o "$work/logs" $args >"$work/out" 2>"$work/err"; st=$?
		if [ "$st" -eq 2 ] && [ "$(wc -l <"$work/err")" -eq 1 ]; then
			ok "ipcconf $args is rejected with one line and status 2"
		else cp "$work/err" "$work/out"; not_ok "ipcconf $args: status $st"; fi
	done
	mkdir -p "$work/logs2"
	printf '1..2\nok 1 - pipe.a: x\nnot ok 2 - pipe.b: y\n# diag line\n' >"$work/logs2/a.log"
	"$runner" summary "$work/logs2" >"$work/out" 2>&1; st=$?
	expect_status "ipcconf summary exits 1 when a case failed" 1
	expect "the summary lists the failure with its diagnostic" "    # diag line"
	expect "the summary ends with the counts" "1 passed, 1 failed, 0 skipped"
	printf '1..3\nok 1 - pipe.a: x\n' >"$work/logs2/a.log"
	"$runner" summary "$work/logs2" >"$work/out" 2>&1; st=$?
	expect "the summary flags a binary that reported fewer cases than planned" "planned 3 cases, 1 reported"
else
	n=$((n + 1)); echo "ok $n - ipcconf runner checks # SKIP runner not built here or run under an emulator"
fi

# --- interrupting a run, and the watchdog, leave nothing behind ----------------
for how in SIGINT SIGTERM watchdog; do
	rm -f "$work/mark"
	if [ "$how" = watchdog ]; then
		(SELFTEST_MARK="$work/mark"; export SELFTEST_MARK
		 exec ${IPCCONF_EXEC_WRAPPER:-} "$bin" --timeout 1 selftest.holds_objects_and_hangs) >"$work/out" 2>&1 &
	else
		(SELFTEST_MARK="$work/mark"; export SELFTEST_MARK
		 exec ${IPCCONF_EXEC_WRAPPER:-} "$bin" selftest.holds_objects_and_hangs) >"$work/out" 2>&1 &
	fi
	pid=$!
	if ! wait_for_file "$work/mark"; then
		kill -KILL "$pid" 2>/dev/null; wait "$pid"
		not_ok "$how: the case never reported its objects"; continue
	fi
	[ "$how" = watchdog ] || kill -s "${how#SIG}" "$pid"
	{ wait "$pid"; st=$?; } 2>/dev/null
	read -r q s m mq sem shm dir <"$work/mark"
	leftovers=
	for obj in "msg $q" "sem $s" "shm $m" "pmq $mq" "psem $sem" "pshm $shm"; do
		# shellcheck disable=SC2086
		run_bin --helper exists $obj; rc=$?
		# 1 is "gone"; 0 "still there"; anything else a broken check.
		[ "$rc" -eq 1 ] || leftovers="$leftovers $obj (exists: $rc)"
	done
	[ ! -e "$dir" ] || leftovers="$leftovers $dir"
	if [ -z "$leftovers" ]; then ok "$how: SysV msg/sem/shm, POSIX mq/sem/shm, FIFO and socket file of the running case are removed"
	else not_ok "$how left:$leftovers"; fi
	case $how in
	SIGINT) [ "$st" -eq 130 ] && ok "SIGINT: the runner re-raises it (status 130)" || not_ok "SIGINT: status $st";;
	SIGTERM) [ "$st" -eq 143 ] && ok "SIGTERM: the runner re-raises it (status 143)" || not_ok "SIGTERM: status $st";;
	watchdog) expect "watchdog: the case is reported as timed out" "# timeout after $t1 s";;
	esac
done

# --- the full run's results ---------------------------------------------------
wait "$fullpid"
cp "$work/full" "$work/out"
read -r st secs <"$work/full.st"
expect_status "a run with failing cases still exits 0 (results are in TAP)" 0
total=$(run_bin --list | wc -l)
expect "the plan comes first and counts every case" "1..$total"
expect "a passing case is ok with id and statement" "ok 2 - selftest.passes: a case whose checks hold is ok"
expect "a failed check is not ok" "not ok 3 - selftest.fails_check"
expect "a failure names file:line and the call" "# harness/selftest_cases.c:"
expect "a failure shows the expected errno by name" "#   expected: -1, errno EAGAIN/EWOULDBLOCK"
expect "a failure shows what happened instead" "#   actual:   succeeded (returned 0)"
expect "a failure repeats what the case asserts" "# asserts: a failed check makes the case not ok with its diagnostic"
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
if [ "$secs" -lt "$(awk -v m="$mul" 'BEGIN { printf "%d", 8 * m }')" ]; then ok "the run continues after a timeout and ends promptly"
else not_ok "the run took $secs s"; fi

# Objects named by the leaking case are gone.
sem=$(sed -n 's/^# created \(\/ipcconf\.[0-9.]*\)$/\1/p' "$work/out")
q=$(sed -n 's/^# created msq \([0-9]*\)$/\1/p' "$work/out")
if [ -n "$q" ] && sysv_gone "$q"; then ok "the SysV queue of a killed case was removed"
else not_ok "SysV queue '$q' of a killed case still exists"; fi
if [ -z "$sem" ] || [ ! -e "/dev/shm/sem.${sem#/}" ]; then ok "the POSIX semaphore name of a killed case was removed"
else not_ok "POSIX semaphore $sem still exists"; fi

echo "1..$n"
[ "$failed" -eq 0 ]
