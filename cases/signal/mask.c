/* SPDX-License-Identifier: MIT
 * cases/signal/mask.c - the signal mask and the pending set:
 * sigprocmask() and pthread_sigmask() (block, unblock, setmask, query,
 * errors, SIGKILL/SIGSTOP), sigpending(), delivery on unblock, standard
 * signals that do not queue, real-time signals that queue in FIFO order
 * and are delivered lowest number first, stop/continue discarding each
 * other, the signal set functions and the real-time limits.
 * Sources: POSIX.1-2024 sigprocmask(), pthread_sigmask(), sigpending(),
 * sigaddset(), sigismember(), sigemptyset(), sigfillset(), sigqueue(),
 * Signal Concepts 2.4.1 and 2.4.2, <signal.h>, <limits.h>, sysconf();
 * Linux signal(7).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <limits.h>
#include <pthread.h>

static void sigprocmask_block_adds(void)
{
	sigset_t s1 = signal_set1(SIGUSR1), s2 = signal_set1(SIGUSR2), old, now;

	CHECK_OK(sigprocmask(SIG_BLOCK, &s2, NULL));
	CHECK_OK(sigprocmask(SIG_BLOCK, &s1, &old));
	CHECK_EQ(1, sigismember(&old, SIGUSR2));
	CHECK_EQ(0, sigismember(&old, SIGUSR1));
	now = signal_xmask();
	CHECK_EQ(1, sigismember(&now, SIGUSR1));
	CHECK_EQ(1, sigismember(&now, SIGUSR2));
	CHECK_EQ(0, sigismember(&now, SIGHUP));
}
IPCT_CASE(sigprocmask_block_adds,
	.id = "signal.sigprocmask_block_adds",
	.asserts = "sigprocmask(SIG_BLOCK) makes the mask the union of the current mask and set, and returns the previous mask in oset",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void sigprocmask_unblock_removes(void)
{
	sigset_t both, s1 = signal_set1(SIGUSR1), now;

	sigemptyset(&both);
	sigaddset(&both, SIGUSR1);
	sigaddset(&both, SIGUSR2);
	CHECK_OK(sigprocmask(SIG_BLOCK, &both, NULL));
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &s1, NULL));
	now = signal_xmask();
	CHECK_EQ(0, sigismember(&now, SIGUSR1));
	CHECK_EQ(1, sigismember(&now, SIGUSR2));
}
IPCT_CASE(sigprocmask_unblock_removes,
	.id = "signal.sigprocmask_unblock_removes",
	.asserts = "sigprocmask(SIG_UNBLOCK) removes the signals in set from the mask and leaves the others",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void sigprocmask_setmask_replaces(void)
{
	sigset_t s1 = signal_set1(SIGUSR1), s2 = signal_set1(SIGUSR2), now;

	CHECK_OK(sigprocmask(SIG_BLOCK, &s1, NULL));
	CHECK_OK(sigprocmask(SIG_SETMASK, &s2, NULL));
	now = signal_xmask();
	CHECK_EQ(0, sigismember(&now, SIGUSR1));
	CHECK_EQ(1, sigismember(&now, SIGUSR2));
}
IPCT_CASE(sigprocmask_setmask_replaces,
	.id = "signal.sigprocmask_setmask_replaces",
	.asserts = "sigprocmask(SIG_SETMASK) makes the mask exactly set",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void sigprocmask_null_set_query(void)
{
	sigset_t old;

	ipct_xsigblock(SIGUSR2);
	sigemptyset(&old);
	/* how is not significant when set is null */
	CHECK_OK(sigprocmask(SIG_UNBLOCK, NULL, &old));
	CHECK_EQ(1, sigismember(&old, SIGUSR2));
	old = signal_xmask();
	CHECK_EQ(1, sigismember(&old, SIGUSR2));
}
IPCT_CASE(sigprocmask_null_set_query,
	.id = "signal.sigprocmask_null_set_query",
	.asserts = "sigprocmask() with a null set leaves the mask unchanged whatever how is, and returns it in oset",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void sigprocmask_bad_how_einval(void)
{
	sigset_t s1 = signal_set1(SIGUSR1), now;
	int bad = SIG_BLOCK + SIG_UNBLOCK + SIG_SETMASK + 100;

	CHECK_FAILS(sigprocmask(bad, &s1, NULL), EINVAL);
	now = signal_xmask();
	CHECK_EQ(0, sigismember(&now, SIGUSR1));
}
IPCT_CASE(sigprocmask_bad_how_einval,
	.id = "signal.sigprocmask_bad_how_einval",
	.asserts = "sigprocmask() with an invalid how and a non-null set fails with EINVAL and leaves the mask unchanged",
	.spec = "POSIX.1-2024 sigprocmask(), ERRORS [EINVAL]");

static void sigprocmask_kill_stop_not_blocked(void)
{
	sigset_t all, now;

	sigfillset(&all);
	CHECK_OK(sigprocmask(SIG_SETMASK, &all, NULL));
	now = signal_xmask();
	CHECK_EQ(0, sigismember(&now, SIGKILL));
	CHECK_EQ(0, sigismember(&now, SIGSTOP));
	CHECK_EQ(1, sigismember(&now, SIGTERM));
}
IPCT_CASE(sigprocmask_kill_stop_not_blocked,
	.id = "signal.sigprocmask_kill_stop_not_blocked",
	.asserts = "sigprocmask() blocking SIGKILL and SIGSTOP succeeds without blocking them",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void sigprocmask_sigkill_still_kills(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		sigset_t all;

		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		raise(SIGKILL);
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sigprocmask_sigkill_still_kills,
	.id = "signal.sigprocmask_sigkill_still_kills",
	.asserts = "SIGKILL terminates a process whose mask was set to every signal",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void blocked_signal_stays_pending(void)
{
	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigblock(SIGUSR1);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(0, signal_count);
	CHECK_EQ(1, signal_xpending(SIGUSR1));
}
IPCT_CASE(blocked_signal_stays_pending,
	.id = "signal.blocked_signal_stays_pending",
	.asserts = "a blocked signal that is generated is not delivered and sigpending() reports it",
	.spec = "POSIX.1-2024 sigpending(), DESCRIPTION; Signal Concepts 2.4.1");

static void unblock_delivers_before_return(void)
{
	sigset_t s1 = signal_set1(SIGUSR1);

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &s1, NULL));
	CHECK_EQ(1, signal_count);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(unblock_delivers_before_return,
	.id = "signal.unblock_delivers_before_return",
	.asserts = "unblocking a pending signal with sigprocmask() delivers it before sigprocmask() returns",
	.spec = "POSIX.1-2024 sigprocmask(), DESCRIPTION");

static void pthread_sigmask_blocks(void)
{
	sigset_t s1 = signal_set1(SIGUSR1), old, now;

	CHECK_EQ(0, pthread_sigmask(SIG_BLOCK, &s1, &old));
	CHECK_EQ(0, sigismember(&old, SIGUSR1));
	now = signal_xmask();
	CHECK_EQ(1, sigismember(&now, SIGUSR1));
}
IPCT_CASE(pthread_sigmask_blocks,
	.id = "signal.pthread_sigmask_blocks",
	.asserts = "pthread_sigmask(SIG_BLOCK) returns 0 and adds the set to the calling thread's mask",
	.spec = "POSIX.1-2024 pthread_sigmask(), DESCRIPTION and RETURN VALUE");

static void pthread_sigmask_bad_how_returns_einval(void)
{
	sigset_t s1 = signal_set1(SIGUSR1);
	int bad = SIG_BLOCK + SIG_UNBLOCK + SIG_SETMASK + 100;

	errno = 0;
	CHECK_EQ(EINVAL, pthread_sigmask(bad, &s1, NULL));
}
IPCT_CASE(pthread_sigmask_bad_how_returns_einval,
	.id = "signal.pthread_sigmask_bad_how_returns_einval",
	.asserts = "pthread_sigmask() with an invalid how returns the error number EINVAL (not -1)",
	.spec = "POSIX.1-2024 pthread_sigmask(), RETURN VALUE and ERRORS [EINVAL]");

static void sigpending_empty_initially(void)
{
	sigset_t p;
	int s, n = 0;

	CHECK_OK(sigpending(&p));
	for (s = 1; s <= SIGRTMAX; s++)
		if (s != SIGKILL && s != SIGSTOP && sigismember(&p, s) == 1)
			n++;
	CHECK_EQ(0, n);
}
IPCT_CASE(sigpending_empty_initially,
	.id = "signal.sigpending_empty_initially",
	.asserts = "sigpending() returns 0 and an empty set when no signal is pending",
	.spec = "POSIX.1-2024 sigpending(), DESCRIPTION and RETURN VALUE");

static void standard_signal_not_queued(void)
{
	signal_xinfo(SIGUSR1, 0);
	ipct_xsigblock(SIGUSR1);
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_OK(kill(getpid(), SIGUSR1));
	signal_xunblock_all();
	CHECK_EQ(1, signal_count);
}
IPCT_CASE(standard_signal_not_queued,
	.id = "signal.standard_signal_not_queued",
	.asserts = "a standard signal generated three times while blocked is delivered once when unblocked (Linux; POSIX leaves it implementation-defined)",
	.spec = "Linux signal(7), Queueing and delivery semantics for standard signals",
	.needs = IPCT_LINUX_ONLY);

static void rt_signals_queue_fifo(void)
{
	union sigval v;
	int i;

	signal_xinfo(SIGRTMIN, 0);
	ipct_xsigblock(SIGRTMIN);
	for (i = 0; i < 3; i++) {
		v.sival_int = 100 + i;
		CHECK_OK(sigqueue(getpid(), SIGRTMIN, v));
	}
	CHECK_EQ(0, signal_count);
	signal_xunblock_all();
	CHECK_EQ(3, signal_count);
	CHECK_EQ(100, signal_value[0]);
	CHECK_EQ(101, signal_value[1]);
	CHECK_EQ(102, signal_value[2]);
}
IPCT_CASE(rt_signals_queue_fifo,
	.id = "signal.rt_signals_queue_fifo",
	.asserts = "a real-time signal queued three times with sigqueue() while blocked is delivered three times, with the values in the order sent",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.2; sigqueue(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void rt_lowest_number_first(void)
{
	union sigval v = { .sival_int = 0 };
	struct sigaction sa;

	/* Each handler blocks the other signal, so the second delivery
	 * waits for the first handler to return and the order is seen. */
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = signal_note_info;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGRTMIN);
	sigaddset(&sa.sa_mask, SIGRTMIN + 2);
	CHECK_OK(sigaction(SIGRTMIN, &sa, NULL));
	CHECK_OK(sigaction(SIGRTMIN + 2, &sa, NULL));
	ipct_xsigblock(SIGRTMIN);
	ipct_xsigblock(SIGRTMIN + 2);
	CHECK_OK(sigqueue(getpid(), SIGRTMIN + 2, v));
	CHECK_OK(sigqueue(getpid(), SIGRTMIN, v));
	signal_xunblock_all();
	CHECK_EQ(2, signal_count);
	CHECK_EQ(SIGRTMIN, signal_signo[0]);
	CHECK_EQ(SIGRTMIN + 2, signal_signo[1]);
}
IPCT_CASE(rt_lowest_number_first,
	.id = "signal.rt_lowest_number_first",
	.asserts = "when several real-time signals are pending and unblocked, the lowest-numbered is delivered first",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.2",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void rt_kill_queues(void)
{
	signal_xinfo(SIGRTMIN + 1, 0);
	ipct_xsigblock(SIGRTMIN + 1);
	CHECK_OK(kill(getpid(), SIGRTMIN + 1));
	CHECK_OK(kill(getpid(), SIGRTMIN + 1));
	signal_xunblock_all();
	CHECK_EQ(2, signal_count);
	CHECK_EQ(SI_USER, signal_code[0]);
	CHECK_EQ(SI_USER, signal_code[1]);
}
IPCT_CASE(rt_kill_queues,
	.id = "signal.rt_kill_queues",
	.asserts = "a real-time signal sent twice with kill() while blocked to a process that set SA_SIGINFO is queued and delivered twice with si_code SI_USER",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.2; Linux signal(7), Real-time signals");

static void rt_range_at_least_eight(void)
{
	CHECK(SIGRTMIN > 0);
	CHECK(SIGRTMAX - SIGRTMIN + 1 >= _POSIX_RTSIG_MAX);
}
IPCT_CASE(rt_range_at_least_eight,
	.id = "signal.rt_range_at_least_eight",
	.asserts = "SIGRTMIN to SIGRTMAX spans at least _POSIX_RTSIG_MAX (8) signal numbers",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION; <limits.h> (_POSIX_RTSIG_MAX)");

static void sigqueue_max_at_least_posix(void)
{
	long n;

	errno = 0;
	n = sysconf(_SC_SIGQUEUE_MAX);
	if (n == -1 && errno == 0)
		ipct_skip("sysconf(_SC_SIGQUEUE_MAX) reports no fixed limit");
	CHECK(n >= _POSIX_SIGQUEUE_MAX);
}
IPCT_CASE(sigqueue_max_at_least_posix,
	.id = "signal.sigqueue_max_at_least_posix",
	.asserts = "sysconf(_SC_SIGQUEUE_MAX) is at least _POSIX_SIGQUEUE_MAX (32)",
	.spec = "POSIX.1-2024 <limits.h> (SIGQUEUE_MAX), sysconf()");

static void sigaddset_invalid_einval(void)
{
	sigset_t s;

	sigemptyset(&s);
	CHECK_FAILS(sigaddset(&s, 0), EINVAL);
	CHECK_FAILS(sigaddset(&s, SIGRTMAX + 1), EINVAL);
	CHECK_FAILS(sigdelset(&s, -3), EINVAL);
}
IPCT_CASE(sigaddset_invalid_einval,
	.id = "signal.sigaddset_invalid_einval",
	.asserts = "sigaddset() and sigdelset() with an invalid signal number fail with EINVAL",
	.spec = "POSIX.1-2024 sigaddset(), ERRORS [EINVAL]; sigdelset(), ERRORS [EINVAL]");

static void sigset_empty_and_fill(void)
{
	sigset_t e, f;

	CHECK_OK(sigemptyset(&e));
	CHECK_OK(sigfillset(&f));
	CHECK_EQ(0, sigismember(&e, SIGTERM));
	CHECK_EQ(0, sigismember(&e, SIGRTMAX));
	CHECK_EQ(1, sigismember(&f, SIGTERM));
	CHECK_EQ(1, sigismember(&f, SIGRTMAX));
	CHECK_OK(sigdelset(&f, SIGTERM));
	CHECK_EQ(0, sigismember(&f, SIGTERM));
}
IPCT_CASE(sigset_empty_and_fill,
	.id = "signal.sigset_empty_and_fill",
	.asserts = "sigemptyset() excludes and sigfillset() includes every signal, and sigdelset() removes one",
	.spec = "POSIX.1-2024 sigemptyset(), sigfillset(), sigdelset(), sigismember(), DESCRIPTION");

static void stop_discards_pending_sigcont(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		/* Both blocked: the stop signal stays pending, never acts. */
		ipct_xsigblock(SIGCONT);
		ipct_xsigblock(SIGTSTP);
		CHECK_OK(raise(SIGCONT));
		CHECK_EQ(1, signal_xpending(SIGCONT));
		CHECK_OK(raise(SIGTSTP));
		CHECK_EQ(0, signal_xpending(SIGCONT));
		CHECK_EQ(1, signal_xpending(SIGTSTP));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(stop_discards_pending_sigcont,
	.id = "signal.stop_discards_pending_sigcont",
	.asserts = "generating a stop signal discards a pending SIGCONT",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1");

static void sigcont_discards_pending_stop(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		ipct_xsigblock(SIGCONT);
		ipct_xsigblock(SIGTSTP);
		CHECK_OK(raise(SIGTSTP));
		CHECK_EQ(1, signal_xpending(SIGTSTP));
		CHECK_OK(raise(SIGCONT));
		CHECK_EQ(0, signal_xpending(SIGTSTP));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(sigcont_discards_pending_stop,
	.id = "signal.sigcont_discards_pending_stop",
	.asserts = "generating SIGCONT discards a pending stop signal",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1");

IPCT_CASES(&ipct_case_sigprocmask_block_adds,
	   &ipct_case_sigprocmask_unblock_removes,
	   &ipct_case_sigprocmask_setmask_replaces,
	   &ipct_case_sigprocmask_null_set_query,
	   &ipct_case_sigprocmask_bad_how_einval,
	   &ipct_case_sigprocmask_kill_stop_not_blocked,
	   &ipct_case_sigprocmask_sigkill_still_kills,
	   &ipct_case_blocked_signal_stays_pending,
	   &ipct_case_unblock_delivers_before_return,
	   &ipct_case_pthread_sigmask_blocks,
	   &ipct_case_pthread_sigmask_bad_how_returns_einval,
	   &ipct_case_sigpending_empty_initially,
	   &ipct_case_standard_signal_not_queued,
	   &ipct_case_rt_signals_queue_fifo,
	   &ipct_case_rt_lowest_number_first,
	   &ipct_case_rt_kill_queues,
	   &ipct_case_rt_range_at_least_eight,
	   &ipct_case_sigqueue_max_at_least_posix,
	   &ipct_case_sigaddset_invalid_einval,
	   &ipct_case_sigset_empty_and_fill,
	   &ipct_case_stop_discards_pending_sigcont,
	   &ipct_case_sigcont_discards_pending_stop);
