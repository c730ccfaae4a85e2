/* SPDX-License-Identifier: MIT
 * cases/signal/inherit.c - what a process created by fork() and a
 * program started by exec inherit of the signal state: the mask, the
 * actions, the pending set and the alarm.
 * Sources: POSIX.1-2024 fork(), exec (execv()), Signal Concepts 2.4.1,
 * sigaction(), alarm().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- helper mode: the exec'd program checks its own signal state ---- */

/* argv: "state" WHAT SIGNO, WHAT one of dfl, ign, blocked, pending,
 * alarm (SIGNO unused). */
static int state_main(int argc, char **argv)
{
	struct sigaction q;
	int sig;

	if (argc != 3)
		return 2;
	sig = atoi(argv[2]);
	if (strcmp(argv[1], "dfl") == 0) {
		CHECK_OK(sigaction(sig, NULL, &q));
		CHECK(q.sa_handler == SIG_DFL);
	} else if (strcmp(argv[1], "ign") == 0) {
		CHECK_OK(sigaction(sig, NULL, &q));
		CHECK(q.sa_handler == SIG_IGN);
	} else if (strcmp(argv[1], "blocked") == 0) {
		sigset_t m = signal_xmask();

		CHECK_EQ(1, sigismember(&m, sig));
	} else if (strcmp(argv[1], "pending") == 0) {
		CHECK_EQ(1, signal_xpending(sig));
	} else if (strcmp(argv[1], "alarm") == 0) {
		CHECK(alarm(0) > 0);
	} else {
		return 2;
	}
	return 0;
}
IPCT_HELPER(state_main, "state");

static pid_t exec_state(const char *what, int sig)
{
	char num[16];

	snprintf(num, sizeof num, "%d", sig);
	return ipct_exec_helper("state", what, num, (char *)NULL);
}

/* ---- fork -------------------------------------------------------- */

static void fork_inherits_mask(void)
{
	pid_t pid;

	ipct_xsigblock(SIGUSR2);
	pid = ipct_fork();
	if (pid == 0) {
		sigset_t m = signal_xmask();

		CHECK_EQ(1, sigismember(&m, SIGUSR2));
		CHECK_EQ(0, sigismember(&m, SIGUSR1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_inherits_mask,
	.id = "signal.fork_inherits_mask",
	.asserts = "the child created by fork() starts with the parent's signal mask",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1; fork(), DESCRIPTION");

static void fork_inherits_actions(void)
{
	pid_t pid;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigaction(SIGUSR2, SIG_IGN, 0);
	pid = ipct_fork();
	if (pid == 0) {
		struct sigaction q;

		CHECK_OK(sigaction(SIGUSR1, NULL, &q));
		CHECK(q.sa_handler == signal_note);
		CHECK_OK(sigaction(SIGUSR2, NULL, &q));
		CHECK(q.sa_handler == SIG_IGN);
		CHECK_OK(raise(SIGUSR1));
		CHECK_EQ(1, signal_count);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_inherits_actions,
	.id = "signal.fork_inherits_actions",
	.asserts = "the child created by fork() has the parent's signal actions, caught and ignored",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION");

static void fork_child_pending_empty(void)
{
	pid_t pid;

	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_EQ(0, signal_xpending(SIGUSR1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(1, signal_xpending(SIGUSR1));
}
IPCT_CASE(fork_child_pending_empty,
	.id = "signal.fork_child_pending_empty",
	.asserts = "the child created by fork() starts with no pending signals while the parent's stay pending",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION");

/* ---- exec -------------------------------------------------------- */

static void exec_caught_reset_to_default(void)
{
	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_wait_ok(exec_state("dfl", SIGUSR1));
}
IPCT_CASE(exec_caught_reset_to_default,
	.id = "signal.exec_caught_reset_to_default",
	.asserts = "signals set to be caught by the calling process are set to the default action in the new process image",
	.spec = "POSIX.1-2024 exec, DESCRIPTION");

static void exec_ignored_stays_ignored(void)
{
	ipct_xsigaction(SIGUSR2, SIG_IGN, 0);
	ipct_wait_ok(exec_state("ign", SIGUSR2));
}
IPCT_CASE(exec_ignored_stays_ignored,
	.id = "signal.exec_ignored_stays_ignored",
	.asserts = "signals set to be ignored by the calling process (other than SIGCHLD) stay ignored in the new process image",
	.spec = "POSIX.1-2024 exec, DESCRIPTION");

static void exec_keeps_mask(void)
{
	ipct_xsigblock(SIGHUP);
	ipct_wait_ok(exec_state("blocked", SIGHUP));
}
IPCT_CASE(exec_keeps_mask,
	.id = "signal.exec_keeps_mask",
	.asserts = "the new process image inherits the signal mask of the process that called exec",
	.spec = "POSIX.1-2024 exec, DESCRIPTION");

static void exec_keeps_pending(void)
{
	pid_t pid;

	signal_skip_under_valgrind("it has taken the pending signal into its own queue, which exec discards");
	pid = ipct_fork();

	if (pid == 0) {
		/* Pending signals are not inherited by fork(): make one
		 * pending here and exec from this process. */
		char num[16];

		ipct_xsigblock(SIGUSR1);
		CHECK_OK(raise(SIGUSR1));
		snprintf(num, sizeof num, "%d", SIGUSR1);
		ipct_exec_as_helper("state", "pending", num, (char *)NULL);
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(exec_keeps_pending,
	.id = "signal.exec_keeps_pending",
	.asserts = "a signal pending in the process that calls exec is still pending in the new process image",
	.spec = "POSIX.1-2024 exec, DESCRIPTION");

static void exec_keeps_alarm(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		CHECK_EQ(0, alarm(100));
		ipct_exec_as_helper("state", "alarm", "0", (char *)NULL);
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(exec_keeps_alarm,
	.id = "signal.exec_keeps_alarm",
	.asserts = "the time left until an alarm signal is kept by the new process image",
	.spec = "POSIX.1-2024 exec, DESCRIPTION; alarm(), DESCRIPTION");

IPCT_HELPERS(&ipct_helper_state_main);

IPCT_CASES(&ipct_case_fork_inherits_mask,
	   &ipct_case_fork_inherits_actions,
	   &ipct_case_fork_child_pending_empty,
	   &ipct_case_exec_caught_reset_to_default,
	   &ipct_case_exec_ignored_stays_ignored,
	   &ipct_case_exec_keeps_mask,
	   &ipct_case_exec_keeps_pending,
	   &ipct_case_exec_keeps_alarm);
