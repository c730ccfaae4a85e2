#! /bin/sh
# SPDX-License-Identifier: MIT
# harness/tap-driver.sh - automake test driver for ipcconf's TAP streams.
#
# Speaks automake's custom test driver protocol (--test-name, --log-file,
# --trs-file, --color-tests, --expect-failure, --enable-hard-errors,
# --ignore-exit, --merge; then -- and the command) with what automake's
# build-aux/tap-driver.sh would report for the TAP that ipcconf binaries
# print.  Two processes per test (this shell and one awk) instead of
# several shells, cat and awk: the test's output goes to its .log, a plain
# file, and is read once after the test ended.  The driver never talks to
# the test through a pipe.
#
# TAP read: the plan (1..N, 1..0 # SKIP reason), ok / not ok with # SKIP /
# # TODO directives, Bail out!.  Errors reported as automake does: a missing
# or repeated plan, too few or too many results, a non-zero exit status.

test_name= log_file= trs_file= color=no expect_failure=no ignore_exit=no
while [ $# -gt 0 ]; do
	case $1 in
	--test-name) test_name=$2; shift;;
	--log-file) log_file=$2; shift;;
	--trs-file) trs_file=$2; shift;;
	--color-tests) color=$2; shift;;
	--expect-failure) expect_failure=$2; shift;;
	--enable-hard-errors) shift;;
	--diagnostic-string) shift;;
	--ignore-exit) ignore_exit=yes;;
	--merge|--no-merge|--comments|--no-comments) ;;
	--) shift; break;;
	*) echo "$0: unknown option '$1'" >&2; exit 2;;
	esac
	shift
done
if [ -z "$test_name" ] || [ -z "$log_file" ] || [ -z "$trs_file" ]; then
	echo "$0: --test-name, --log-file and --trs-file are required" >&2
	exit 2
fi

# Signals interrupting make reach the test itself; keep the driver alive
# long enough to record what the test reported.
trap : INT TERM HUP
"$@" >"$log_file" 2>&1 </dev/null
st=$?
trap - INT TERM HUP

exec ${AM_TAP_AWK:-awk} -v name="$test_name" -v trs="$trs_file" -v logf="$log_file" \
	-v color="$color" -v xfail="$expect_failure" -v st="$st" -v ignore_exit="$ignore_exit" '
function decorate(r) {
	if (color != "yes") return r
	if (r == "PASS") return "\033[0;32m" r "\033[m"
	if (r == "FAIL" || r == "ERROR") return (r == "FAIL" ? "\033[0;31m" : "\033[0;35m") r "\033[m"
	if (r == "XFAIL" || r == "XPASS") return (r == "XFAIL" ? "\033[1;32m" : "\033[0;31m") r "\033[m"
	if (r == "SKIP") return "\033[1;34m" r "\033[m"
	return r
}
function report(r, details,   msg) {
	msg = ": " name (details != "" ? " " details : "")
	print decorate(r) msg
	extra[nextra++] = r msg
	results[nres++] = r
	seen[r] = 1
}
function flip(r) {
	if (xfail != "yes") return r
	if (r == "PASS") return "XFAIL"
	if (r == "FAIL") return "XPASS"
	return r
}
BEGIN { plan = -1; n = 0; late = 0; bailed = 0 }
bailed { next }
/^1\.\.[0-9]+/ {
	if (plan >= 0) { report("ERROR", "- multiple test plans"); next }
	p = $0; sub(/^1\.\./, "", p); reason = p; sub(/[^0-9].*/, "", p); plan = p + 0
	if (n > 0) late = 1
	if (plan == 0 && n == 0) {
		if (reason ~ /#[ \t]*[sS][kK][iI][pP]/) {
			sub(/^[0-9]+[ \t]*#[ \t]*[sS][kK][iI][pP][ \t]*:?[ \t]*/, "", reason)
			report("SKIP", reason != "" ? "- " reason : "")
		} else report("SKIP", "")
	}
	next
}
/^(not )?ok([ \t]|$)/ {
	n++
	ok = ($0 !~ /^not /)
	line = $0; sub(/^(not )?ok[ \t]*/, "", line)
	num = n
	if (line ~ /^[0-9]+/) { num = line; sub(/[^0-9].*/, "", num); num += 0; sub(/^[0-9]+[ \t]*/, "", line) }
	dir = ""; expl = ""; desc = line
	if (match(line, /[ \t]*#[ \t]*([tT][oO][dD][oO]|[sS][kK][iI][pP])([^a-zA-Z0-9_]|$)/)) {
		desc = substr(line, 1, RSTART - 1)
		rest = substr(line, RSTART); sub(/^[ \t]*#[ \t]*/, "", rest)
		dir = toupper(substr(rest, 1, 4)); expl = substr(rest, 5)
		sub(/^[ \t]*/, "", expl); sub(/[ \t]*$/, "", expl)
	}
	details = num (desc != "" ? " " desc : "")
	if (late) details = details " # AFTER LATE PLAN"
	else if (plan >= 0 && n > plan) details = details " # UNPLANNED"
	else if (num != n) details = sprintf("%s # OUT-OF-ORDER (expecting %d)", details, n)
	else if (dir != "") details = details " # " dir (expl != "" ? " " expl : "")
	if (late || (plan >= 0 && n > plan) || num != n) r = "ERROR"
	else if (dir == "TODO") r = ok ? "XPASS" : "XFAIL"
	else if (dir == "SKIP" && ok) r = "SKIP"
	else r = flip(ok ? "PASS" : "FAIL")
	report(r, details)
	next
}
/^Bail out!/ {
	m = $0; sub(/^Bail out![ \t]*/, "", m)
	report("ERROR", "- Bail out!" (m != "" ? " " m : ""))
	bailed = 1
	next
}
END {
	if (!bailed) {
		if (plan < 0) report("ERROR", "- missing test plan")
		else if (!late && n < plan) report("ERROR", sprintf("- too few tests run (expected %d, got %d)", plan, n))
		else if (!late && n > plan) report("ERROR", sprintf("- too many tests run (expected %d, got %d)", plan, n))
		if (st != 0 && ignore_exit != "yes") {
			d = ""
			if (st == 127) d = " (command not found?)"
			else if (st >= 128 && st <= 255) d = sprintf(" (terminated by signal %d?)", st - 128)
			report("ERROR", sprintf("- exited with status %d%s", st, d))
		}
	}
	g = "PASS"; all_skip = 1; recheck = 0; copy = 0
	for (k in seen) { if (k != "SKIP") all_skip = 0; if (k != "XFAIL" && k != "PASS" && k != "SKIP") recheck = 1; if (k != "PASS") copy = 1 }
	if ("ERROR" in seen) g = "ERROR"
	else if (("FAIL" in seen) || ("XPASS" in seen)) g = "FAIL"
	else if (all_skip && nres > 0) g = "SKIP"
	for (i = 0; i < nres; i++) print ":test-result: " results[i] > trs
	print ":global-test-result: " g > trs
	print ":recheck: " (recheck ? "yes" : "no") > trs
	print ":copy-in-global-log: " (copy ? "yes" : "no") > trs
	for (i = 0; i < nextra; i++) print extra[i] >> logf
}' "$log_file"
