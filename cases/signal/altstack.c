/* SPDX-License-Identifier: MIT
 * cases/signal/altstack.c - the alternate signal stack: sigaltstack() and
 * SA_ONSTACK.
 * Sources: POSIX.1-2024 sigaltstack(), sigaction() (SA_ONSTACK), fork(),
 * exec; Linux sigaltstack(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "signal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#ifndef HAVE_SIGALTSTACK
#define sigaltstack(ss, old) ((void)(ss), (void)(old), errno = ENOSYS, -1)
#endif

/* The stack the cases install: large enough for any libc's handler frame
 * (SIGSTKSZ may be a run-time value, so it is not used for the size). */
#define ALT_SIZE (256 * 1024)

static char *alt_base;

/* What the recording handler saw: the address of one of its locals, the
 * flags sigaltstack() reported inside it, and the errno of an attempt to
 * change the stack from inside it. */
static volatile uintptr_t seen_local;
static volatile int seen_flags = -1;
static volatile int seen_change_err = -1;

static void alt_handler(int sig)
{
	volatile char here = 0;
	stack_t cur, repl;

	(void)sig;
	seen_local = (uintptr_t)&here;
	if (sigaltstack(NULL, &cur) == 0)
		seen_flags = cur.ss_flags;
	repl.ss_sp = alt_base;
	repl.ss_size = ALT_SIZE;
	repl.ss_flags = 0;
	seen_change_err = sigaltstack(&repl, NULL) == 0 ? 0 : errno;
}

static void alt_xinstall(void)
{
	stack_t ss;

	alt_base = malloc(ALT_SIZE);
	if (alt_base == NULL)
		IPCT_BROKEN("malloc(%d) failed", ALT_SIZE);
	ss.ss_sp = alt_base;
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 0;
	if (sigaltstack(&ss, NULL) != 0)
		IPCT_BROKEN("sigaltstack(install): %s", ipct_errname(errno));
}

static int on_alt(uintptr_t p)
{
	return p >= (uintptr_t)alt_base && p < (uintptr_t)alt_base + ALT_SIZE;
}

static void altstack_handler_runs_on_it(void)
{
	alt_xinstall();
	ipct_xsigaction(SIGUSR1, alt_handler, SA_ONSTACK);
	CHECK_OK(raise(SIGUSR1));
	CHECK(seen_local != 0);
	CHECK(on_alt(seen_local));
}
IPCT_CASE(altstack_handler_runs_on_it,
	.id = "signal.altstack_handler_runs_on_it",
	.asserts = "a handler installed with SA_ONSTACK runs on the alternate stack that sigaltstack() established",
	.spec = "POSIX.1-2024 sigaltstack(), DESCRIPTION; sigaction(), SA_ONSTACK",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_reports_onstack(void)
{
	alt_xinstall();
	ipct_xsigaction(SIGUSR1, alt_handler, SA_ONSTACK);
	CHECK_OK(raise(SIGUSR1));
	CHECK(seen_flags != -1);
	CHECK_EQ(SS_ONSTACK, seen_flags & SS_ONSTACK);
}
IPCT_CASE(altstack_reports_onstack,
	.id = "signal.altstack_reports_onstack",
	.asserts = "sigaltstack() called in a handler running on the alternate stack reports SS_ONSTACK in ss_flags",
	.spec = "POSIX.1-2024 sigaltstack(), DESCRIPTION (SS_ONSTACK)",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_change_while_on_eperm(void)
{
	alt_xinstall();
	ipct_xsigaction(SIGUSR1, alt_handler, SA_ONSTACK);
	CHECK_OK(raise(SIGUSR1));
	CHECK_ERRNO(seen_change_err, EPERM);
}
IPCT_CASE(altstack_change_while_on_eperm,
	.id = "signal.altstack_change_while_on_eperm",
	.asserts = "sigaltstack() changing the alternate stack from a handler running on it fails with EPERM",
	.spec = "POSIX.1-2024 sigaltstack(), ERRORS [EPERM]; Linux sigaltstack(2)",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_not_used_without_onstack(void)
{
	alt_xinstall();
	ipct_xsigaction(SIGUSR1, alt_handler, 0);
	CHECK_OK(raise(SIGUSR1));
	CHECK(seen_local != 0);
	CHECK(!on_alt(seen_local));
	CHECK_EQ(0, seen_flags & SS_ONSTACK);
	CHECK_EQ(0, seen_change_err);
}
IPCT_CASE(altstack_not_used_without_onstack,
	.id = "signal.altstack_not_used_without_onstack",
	.asserts = "a handler installed without SA_ONSTACK runs on the normal stack, and sigaltstack() there reports no SS_ONSTACK and may change the stack",
	.spec = "POSIX.1-2024 sigaction(), SA_ONSTACK; sigaltstack(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_disable(void)
{
	stack_t ss, old = { 0 };	/* gcc 12 for s390x: -Wuninitialized after sigaltstack() */

	signal_skip_under_valgrind("it keeps running SA_ONSTACK handlers on the alternate stack after SS_DISABLE removed it");
	alt_xinstall();
	ss.ss_sp = NULL;
	ss.ss_size = 0;
	ss.ss_flags = SS_DISABLE;
	CHECK_OK(sigaltstack(&ss, &old));
	CHECK(old.ss_sp == alt_base);
	CHECK_OK(sigaltstack(NULL, &old));
	CHECK_EQ(SS_DISABLE, old.ss_flags & SS_DISABLE);
	ipct_xsigaction(SIGUSR1, alt_handler, SA_ONSTACK);
	CHECK_OK(raise(SIGUSR1));
	CHECK(!on_alt(seen_local));
}
IPCT_CASE(altstack_disable,
	.id = "signal.altstack_disable",
	.asserts = "SS_DISABLE removes the alternate stack: a query reports SS_DISABLE and an SA_ONSTACK handler runs on the normal stack",
	.spec = "POSIX.1-2024 sigaltstack(), DESCRIPTION (SS_DISABLE)",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_query_returns_installed(void)
{
	stack_t old;

	alt_xinstall();
	memset(&old, 0, sizeof old);
	CHECK_OK(sigaltstack(NULL, &old));
	CHECK(old.ss_sp == alt_base);
	CHECK_EQU(ALT_SIZE, old.ss_size);
	CHECK_EQ(0, old.ss_flags & (SS_DISABLE | SS_ONSTACK));
}
IPCT_CASE(altstack_query_returns_installed,
	.id = "signal.altstack_query_returns_installed",
	.asserts = "sigaltstack(NULL, &old) returns the installed stack's base and size, neither disabled nor in use",
	.spec = "POSIX.1-2024 sigaltstack(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_below_minsigstksz_enomem(void)
{
	static char small[64];
	stack_t ss;

	ss.ss_sp = small;
	/* Not MINSIGSTKSZ - 1: glibc's MINSIGSTKSZ may be sysconf()'s value,
	 * larger than the kernel's own minimum, which is what is checked. */
	ss.ss_size = 1;
	CHECK(ss.ss_size < (size_t)MINSIGSTKSZ);
	ss.ss_flags = 0;
	CHECK_FAILS(sigaltstack(&ss, NULL), ENOMEM);
}
IPCT_CASE(altstack_below_minsigstksz_enomem,
	.id = "signal.altstack_below_minsigstksz_enomem",
	.asserts = "sigaltstack() with an ss_size of 1, below MINSIGSTKSZ, fails with ENOMEM",
	.spec = "POSIX.1-2024 sigaltstack(), ERRORS [ENOMEM]; Linux sigaltstack(2)",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_bad_flags_einval(void)
{
	stack_t ss;

	alt_base = malloc(ALT_SIZE);
	if (alt_base == NULL)
		IPCT_BROKEN("malloc failed");
	ss.ss_sp = alt_base;
	ss.ss_size = ALT_SIZE;
	ss.ss_flags = 0x10;
	CHECK_FAILS(sigaltstack(&ss, NULL), EINVAL);
}
IPCT_CASE(altstack_bad_flags_einval,
	.id = "signal.altstack_bad_flags_einval",
	.asserts = "sigaltstack() with ss_flags holding a bit other than SS_DISABLE (0x10) fails with EINVAL",
	.spec = "POSIX.1-2024 sigaltstack(), ERRORS [EINVAL]; Linux sigaltstack(2)",
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

static void altstack_kept_by_fork(void)
{
	pid_t pid;

	alt_xinstall();
	pid = ipct_fork();
	if (pid == 0) {
		stack_t old;

		CHECK_OK(sigaltstack(NULL, &old));
		CHECK(old.ss_sp == alt_base);
		CHECK_EQU(ALT_SIZE, old.ss_size);
		CHECK_EQ(0, old.ss_flags & SS_DISABLE);
		ipct_xsigaction(SIGUSR1, alt_handler, SA_ONSTACK);
		CHECK_OK(raise(SIGUSR1));
		CHECK(on_alt(seen_local));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(altstack_kept_by_fork,
	.id = "signal.altstack_kept_by_fork",
	.asserts = "a child created by fork() has its parent's alternate stack, and its SA_ONSTACK handlers run on it",
	.spec = "Linux sigaltstack(2), NOTES (fork inherits the alternate stack); POSIX.1-2024 fork()",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

/* After exec: the stack the old program installed (its address is argv[1])
 * is gone.  A runtime may install one of its own at start-up
 * (AddressSanitizer does), so only the old one counts. */
static int state_main(int argc, char **argv)
{
	stack_t old;
	char here[32];

	if (argc < 2 || sigaltstack(NULL, &old) != 0)
		return 2;
	if (old.ss_flags & SS_DISABLE)
		return 0;
	snprintf(here, sizeof here, "%p", old.ss_sp);
	return strcmp(here, argv[1]) == 0 ? 3 : 0;
}
IPCT_HELPER(state_main, "disabled");

static void altstack_removed_by_exec(void)
{
	char base[32];
	pid_t pid;

	alt_xinstall();
	snprintf(base, sizeof base, "%p", (void *)alt_base);
	pid = ipct_fork();
	if (pid == 0)
		ipct_exec_as_helper("disabled", base, (char *)NULL);
	/* 0: the old stack is gone after exec; 3: still installed; 2: query
	 * failed. */
	CHECK_EXITED(ipct_wait(pid), 0);
}
IPCT_CASE(altstack_removed_by_exec,
	.id = "signal.altstack_removed_by_exec",
	.asserts = "after execve() the alternate stack of the old program is gone: a query reports SS_DISABLE (or a stack the new program's runtime installed itself)",
	.spec = "Linux sigaltstack(2), NOTES (execve removes the alternate stack); POSIX.1-2024 exec",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGALTSTACK) });

IPCT_CASES(&ipct_case_altstack_handler_runs_on_it,
	   &ipct_case_altstack_reports_onstack,
	   &ipct_case_altstack_change_while_on_eperm,
	   &ipct_case_altstack_not_used_without_onstack,
	   &ipct_case_altstack_disable,
	   &ipct_case_altstack_query_returns_installed,
	   &ipct_case_altstack_below_minsigstksz_enomem,
	   &ipct_case_altstack_bad_flags_einval,
	   &ipct_case_altstack_kept_by_fork,
	   &ipct_case_altstack_removed_by_exec);
IPCT_HELPERS(&ipct_helper_state_main);
