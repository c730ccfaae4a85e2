#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/selftest-giveup.sh - selftest_cases is built from two source files,
# as a family's binary is: its cases come in file order, helpers of both
# files run, and the early give-up rule (README, "A platform where
# everything hangs") keeps its account per source file, so one file's
# hanging interface does not cost the next file its runs.
case $0 in */*) . "${0%/*}/selftest-lib.sh";; *) . ./selftest-lib.sh;; esac

# The registry sorts the tables by file name: selftest_cases.c's cases
# first, although selftest_family.c is linked first.
run_bin --list >"$work/out"
i=0 first_b= last_a=
while IFS= read -r l; do
	i=$((i + 1))
	case $l in
	"selftest.helpers_of_both_files	"*) first_b=$i;;
	"selftest.giveup_a2	"*) last_a=$i;;
	esac
done <"$work/out"
if [ -n "$first_b" ] && [ -n "$last_a" ] && [ "$last_a" -lt "$first_b" ]; then
	ok "the cases of the two files are listed in file order"
else not_ok "file order: giveup_a2 at line '$last_a', helpers_of_both_files at '$first_b'"; fi

run_bin --case selftest.helpers_of_both_files >"$work/out" 2>&1
expect "a case execs helpers of its own and of the other file" "ok 1 - selftest.helpers_of_both_files"

# Scaled down so that one hanging case (timeout_s 12) spends more than the
# give-up time (10 s x gmul) of its file by itself; a second file's first
# case that got the shortened watchdog of a file after a slow failure
# (2 s x gmul) instead of its own would show it in its timeout.  Only the
# four giveup cases run, and two of them hang whatever the bound.
set -- $(awk -v m="$mul" 'BEGIN { printf "%g %g", 0.05 * m, 12 * 0.05 * m }')
gmul=$1 t12=$2
SELFTEST_GIVEUP=1 IPCCONF_TIMEOUT_MUL=$gmul run_bin 'selftest.giveup_*' >"$work/out" 2>&1; st=$?
expect_status "the run ends with status 0" 0
expect "1..4" "1..4"
expect "the first file's first hanging case runs to its watchdog" "not ok 1 - selftest.giveup_a1: the first case of a file that hangs runs to its watchdog # timeout after $t12 s"
expect "then that file's next case is not run, naming the file" "not ok 2 - selftest.giveup_a2: once a file spent the give-up time in slow failures its next case is not run # not run: 1 cases of harness/selftest_cases.c failed slowly"
expect "the second file's first hanging case still runs, to its full watchdog" "not ok 3 - selftest.giveup_b1: a file's first hanging case runs to its full watchdog whatever another file spent # timeout after $t12 s"
expect "the second file gives up on its own account" "not ok 4 - selftest.giveup_b2: once this file spent the give-up time its next case is not run # not run: 1 cases of harness/selftest_family.c failed slowly"

finish
