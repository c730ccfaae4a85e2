# harness/: self-tests of the runner.  selftest_cases is a case binary
# made to pass, fail, hang, crash and leak on purpose; selftest.sh runs it
# and asserts on its real TAP output.
check_PROGRAMS += harness/selftest_cases
dist_check_SCRIPTS += harness/selftest.sh
# ipcconf report / compare: the HTML conformance report and the man page.
dist_man1_MANS = harness/ipcconf.1
# report-test.sh runs real suites (seconds): ci/report.sh runs it, not make check.
EXTRA_DIST += harness/report-test.sh
MOSTLYCLEANFILES = report.html report.txt
report: harness/ipcconf
	@IPCCONF_LIBEXECDIR=$(abs_top_builddir) harness/ipcconf report -o report $(REPORT_FLAGS) .
.PHONY: report
