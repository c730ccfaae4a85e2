# SPDX-License-Identifier: MIT
# harness/selftest-lib.sh - sourced by the harness/selftest-*.sh self-tests
# of the case runner: each asserts on the real TAP output of
# harness/selftest_cases (a binary whose cases pass, fail, hang, crash and
# leak on purpose) and prints TAP itself.  They are separate scripts so that
# make -j runs them beside each other and beside the case binaries.
#
# Usage: selftest-*.sh [path/to/selftest_cases]   (default: ./harness/selftest_cases)

bin=${1:-${IPCCONF_BUILDDIR:-.}/harness/selftest_cases}
if [ ! -x "$bin" ]; then
	echo "1..0 # SKIP $bin is not built (make builds it)"
	exit 0
fi
# A folder removed however the script ends, interrupted included.
case $0 in */*) here=${0%/*};; *) here=.;; esac
. "$here/workdir.sh"
make_workdir ipcconf-selftest
unset IPCCONF_CASES IPCCONF_BASELINE IPCCONF_BLOCK_PROOF

# A cross build run under an emulator (ci/aarch64-qemu.sh) needs its wrapper.
run_bin() { ${IPCCONF_EXEC_WRAPPER:-} "$bin" "$@"; }

# Bounds scale with IPCCONF_TIMEOUT_MUL, as the runner's do.  The runs of
# selftest_cases get a quarter of the caller's multiplier: their deliberate
# hangs (a case's 1 s watchdog, the 1 s grace for a child left running)
# then cost 0.25 s each instead of 1 s, and every other bound (a case's
# 10 s default watchdog, 2.5 s) still leaves a loaded machine its margin.
# umul is the caller's multiplier, for bounds on the self-test's own runs.
umul=${IPCCONF_TIMEOUT_MUL:-1}
mul=$(awk -v m="$umul" 'BEGIN { printf "%g", m / 4 }')
IPCCONF_TIMEOUT_MUL=$mul; export IPCCONF_TIMEOUT_MUL
t1=$mul
n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
# not_ok DESCRIPTION [DETAIL]: the detail first, then the output it is about
# (a CI log may keep only the first lines of a failure).
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -n "${2:-}" ] && echo "# $2"
	[ -f "$work/out" ] && sed 's/^/# /' "$work/out" | head -40
}
# The checks read files with the shell's own read and case, not grep or
# wc: a self-test makes a hundred of them, and every process started costs
# more than the check (make -j2 check, on a machine where fork is dear).
# find_line FILE LEAD STRING: a line of FILE has the fixed STRING after
# what the pattern LEAD matches ('*': anywhere in the line; '': at its start).
find_line() {
	while IFS= read -r has_l || [ -n "$has_l" ]; do
		# shellcheck disable=SC2254
		case $has_l in $2"$3"*) return 0;; esac
	done <"$1"
	return 1
}
# has FILE STRING: a line of FILE contains the fixed string.
has() { find_line "$1" '*' "$2"; }
# starts FILE PREFIX: a line of FILE starts with it.
starts() { find_line "$1" '' "$2"; }
# count_lines FILE: sets lines to its number of lines.
count_lines() {
	lines=0
	while IFS= read -r has_l || [ -n "$has_l" ]; do lines=$((lines + 1)); done <"$1"
}
# expect DESCRIPTION PATTERN: the last output contains the fixed string.
expect() {
	if has "$work/out" "$2"; then ok "$1"; else
		not_ok "$1" "missing: $2"; fi
}
# expect_line DESCRIPTION PREFIX: a line of the last output starts with it
# ("ok 3 - x" is in "not ok 3 - x" too).
expect_line() {
	if starts "$work/out" "$2"; then ok "$1"; else
		not_ok "$1" "missing line: $2"; fi
}
expect_not() {
	if has "$work/out" "$2"; then not_ok "$1" "unexpected: $2"
	else ok "$1"; fi
}
expect_status() {
	if [ "$st" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit status $st, expected $2"; fi
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

# end: the plan, and the status.
finish() {
	echo "1..$n"
	[ "$failed" -eq 0 ]
}
