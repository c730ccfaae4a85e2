# harness/: self-tests of the runner.  selftest_cases is a case binary
# made to pass, fail, hang, crash and leak on purpose; selftest.sh runs it
# and asserts on its real TAP output.
check_PROGRAMS += harness/selftest_cases
dist_check_SCRIPTS += harness/selftest.sh
