/* SPDX-License-Identifier: MIT
 * harness/selftest_family.c - the second source file of harness/selftest_cases,
 * which is built as a family's binary is: several files, each with its own
 * IPCT_CASES and IPCT_HELPERS tables.  selftest-giveup.sh checks that the
 * binary lists this file's cases after those of selftest_cases.c (the
 * registry sorts by file name; this file is linked first), that a case
 * execs helpers of both files, and that the early give-up rule counts per
 * file.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"

#include <stdlib.h>
#include <unistd.h>

static int second_helper(int argc, char **argv)
{
	CHECK_EQ(2, argc);
	CHECK_STR("second", argv[1]);
	return 0;
}
IPCT_HELPER(second_helper, "second");

static void helpers_of_both_files(void)
{
	ipct_wait_ok(ipct_exec_helper("second", "second", (char *)NULL));
	ipct_wait_ok(ipct_exec_helper("echo", "hello", (char *)NULL));
}
IPCT_CASE(helpers_of_both_files, .id = "selftest.helpers_of_both_files",
	.asserts = "a case execs helpers registered by its own file and by another file of its binary",
	.spec = "harness");

/* In selftest_cases.c: hangs only when selftest-giveup.sh asks. */
void selftest_giveup_hang(void);

static void giveup_b1(void)
{
	selftest_giveup_hang();
}
IPCT_CASE(giveup_b1, .id = "selftest.giveup_b1", .timeout_s = 12,
	.asserts = "a file's first hanging case runs to its full watchdog whatever another file spent",
	.spec = "harness");
static void giveup_b2(void)
{
	selftest_giveup_hang();
}
IPCT_CASE(giveup_b2, .id = "selftest.giveup_b2", .timeout_s = 12,
	.asserts = "once this file spent the give-up time its next case is not run",
	.spec = "harness");

IPCT_HELPERS(&ipct_helper_second_helper);

IPCT_CASES(&ipct_case_helpers_of_both_files, &ipct_case_giveup_b1,
	   &ipct_case_giveup_b2);
