# harness/: self-tests of the runner, its test driver and its fault
# injection.  selftest_cases is a case binary made to pass, fail, hang,
# crash and leak on purpose; the selftest-*.sh scripts run it and assert on
# its real TAP output (separate scripts, so that make -j runs them at once).
check_PROGRAMS += harness/selftest_cases
dist_check_SCRIPTS += harness/selftest-run.sh harness/selftest-cli.sh \
	harness/selftest-interrupt.sh
EXTRA_DIST += harness/selftest-lib.sh harness/tap-driver.sh
