# harness/: self-tests of the runner and its fault injection.
# selftest_cases is a case binary made to pass, fail, hang, crash and leak
# on purpose; the selftest-*.sh scripts run it and assert on
# its real TAP output (separate scripts, so that make -j runs them at once).
noinst_PROGRAMS += harness/selftest_cases
# Two files, as a family's binary: selftest-giveup.sh checks the file order
# (this one is linked first, listed second), helpers across files and the
# give-up rule's account per file.
harness_selftest_cases_SOURCES = harness/selftest_family.c \
	harness/selftest_cases.c
RUNNER_SELFTESTS += harness/selftest-run.sh harness/selftest-cli.sh \
	harness/selftest-interrupt.sh harness/selftest-giveup.sh
EXTRA_DIST += $(RUNNER_SELFTESTS) harness/selftest-lib.sh harness/workdir.sh

# Fault injection for the runner's own tests (LD_PRELOAD; never installed,
# not part of make check, which must stay fast): `make check-faults` runs
# the real runner under each fault of harness/faults.c and asserts on the
# outcome (harness/selftest-faults.sh; ci/faults.sh runs it).
harness/ipcconf-faults.so: $(srcdir)/harness/faults.c $(srcdir)/harness/interpose.c \
		$(srcdir)/harness/interpose.h
	$(AM_V_CCLD)$(MKDIR_P) harness && $(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -shared \
	  -o $@ $(srcdir)/harness/faults.c $(srcdir)/harness/interpose.c -ldl
check-faults:
	@$(ipcconf_shared_run)
check-faults-run: harness/ipcconf-faults.so $(nobase_pkglibexec_PROGRAMS) $(noinst_PROGRAMS)
	IPCCONF_BUILDDIR='$(abs_top_builddir)' \
	IPCCONF_FAULTS_LIB='$(abs_top_builddir)/harness/ipcconf-faults.so' \
	IPCCONF_EXPECTED_DIR='$(abs_top_srcdir)/expected' \
	  /bin/sh $(srcdir)/harness/selftest-faults.sh
MOSTLYCLEANFILES = report.html report.txt harness/ipcconf-faults.so
EXTRA_DIST += harness/faults.c harness/interpose.c harness/interpose.h \
	harness/selftest-faults.sh
.PHONY: check-faults check-faults-run
# ipcconf report / compare: the HTML conformance report and the man page.
dist_man1_MANS = harness/ipcconf.1
# report-test.sh runs real suites (seconds): ci/report.sh runs it, not make check.
EXTRA_DIST += harness/report-test.sh
report: harness/ipcconf
	@IPCCONF_LIBEXECDIR=$(abs_top_builddir) harness/ipcconf report -o report $(REPORT_FLAGS) .
.PHONY: report

# Falsification (issue 17): harness/ipcconf-sabotage.so, a test-only
# LD_PRELOAD library (never installed, not part of make check) whose rows
# (harness/sabotage.def) each break one documented rule of one call in the
# case processes; `make check-falsify` runs the cases under each one
# (harness/falsify.sh) and writes falsify.tsv and falsify.txt: which cases
# each sabotage turned red, which cases no sabotage reached.
SABOTAGE_SRC = $(srcdir)/harness/sabotage.c $(srcdir)/harness/sabotage_rows.c \
	$(srcdir)/harness/sabotage_scope.c $(srcdir)/harness/interpose.c
SABOTAGE_HDR = $(srcdir)/harness/sabotage.h $(srcdir)/harness/sabotage.def \
	$(srcdir)/harness/interpose.h
harness/ipcconf-sabotage.so: $(SABOTAGE_SRC) $(SABOTAGE_HDR)
	$(AM_V_CCLD)$(MKDIR_P) harness && $(CC) $(CPPFLAGS) $(CFLAGS) -fPIC -shared \
	  -I$(srcdir)/harness -o $@ $(SABOTAGE_SRC) -ldl
harness/sabotage-list: $(srcdir)/harness/sabotage-list.c $(srcdir)/harness/sabotage_rows.c $(SABOTAGE_HDR)
	$(AM_V_CCLD)$(MKDIR_P) harness && $(CC) $(CPPFLAGS) $(CFLAGS) \
	  -I$(srcdir)/harness -o $@ $(srcdir)/harness/sabotage-list.c $(srcdir)/harness/sabotage_rows.c
check-falsify:
	@$(ipcconf_shared_run)
check-falsify-run: harness/ipcconf-sabotage.so harness/sabotage-list $(nobase_pkglibexec_PROGRAMS)
	IPCCONF_BUILDDIR='$(abs_top_builddir)' \
	IPCCONF_SABOTAGE_LIB='$(abs_top_builddir)/harness/ipcconf-sabotage.so' \
	IPCCONF_SABOTAGE_LIST='$(abs_top_builddir)/harness/sabotage-list' \
	IPCCONF_EXPECTED_DIR='$(abs_top_srcdir)/expected' \
	  /bin/sh $(srcdir)/harness/falsify.sh
MOSTLYCLEANFILES += harness/ipcconf-sabotage.so harness/sabotage-list \
	falsify.tsv falsify.txt
EXTRA_DIST += harness/sabotage.c harness/sabotage_rows.c harness/sabotage_scope.c \
	harness/sabotage.h harness/sabotage.def harness/sabotage-list.c harness/falsify.sh \
	harness/falsify-unreachable.txt
.PHONY: check-falsify check-falsify-run
