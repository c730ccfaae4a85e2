/* SPDX-License-Identifier: MIT
 * cases/signal/wait.c - waiting for signals: sigwait(), sigwaitinfo(),
 * sigtimedwait(), sigsuspend(), pause(), and alarm().
 * Sources: POSIX.1-2024 sigwait(), sigwaitinfo()/sigtimedwait(),
 * sigsuspend(), pause(), alarm(), fork(); Linux signal(7) (interruption
 * of sigwaitinfo() and friends).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <time.h>

static void sigwait_takes_pending(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	int sig = 0;

	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(0, sigwait(&set, &sig));
	CHECK_EQ(SIGUSR1, sig);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(sigwait_takes_pending,
	.id = "signal.sigwait_takes_pending",
	.asserts = "sigwait() returns 0, stores a pending signal of the set in sig and clears it from the pending set",
	.spec = "POSIX.1-2024 sigwait(), DESCRIPTION and RETURN VALUE");

static long sigwait_usr1(void *arg)
{
	sigset_t set = signal_set1(SIGUSR1);
	int sig = 0, r;

	(void)arg;
	r = sigwait(&set, &sig);
	return r == 0 ? sig : -100 - r;
}

static void sigwait_blocks_until_generated(void)
{
	struct ipct_blocker b;

	ipct_xsigblock(SIGUSR1); /* inherited by the blocker */
	ipct_block_start(&b, sigwait_usr1, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT(ipct_block_finish(&b), SIGUSR1);
}
IPCT_CASE(sigwait_blocks_until_generated,
	.id = "signal.sigwait_blocks_until_generated",
	.asserts = "sigwait() with no signal of the set pending suspends the caller until one is generated, then returns it",
	.spec = "POSIX.1-2024 sigwait(), DESCRIPTION");

static void sigwait_takes_one_rt_instance(void)
{
	sigset_t set = signal_set1(SIGRTMIN);
	union sigval v = { .sival_int = 0 };
	int sig = 0;

	ipct_xsigblock(SIGRTMIN);
	CHECK_OK(sigqueue(getpid(), SIGRTMIN, v));
	CHECK_OK(sigqueue(getpid(), SIGRTMIN, v));
	CHECK_EQ(0, sigwait(&set, &sig));
	CHECK_EQ(SIGRTMIN, sig);
	CHECK_EQ(1, signal_xpending(SIGRTMIN));
	CHECK_EQ(0, sigwait(&set, &sig));
	CHECK_EQ(0, signal_xpending(SIGRTMIN));
}
IPCT_CASE(sigwait_takes_one_rt_instance,
	.id = "signal.sigwait_takes_one_rt_instance",
	.asserts = "sigwait() on a real-time signal queued twice consumes one instance and leaves the other pending",
	.spec = "POSIX.1-2024 sigwait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigwaitinfo_returns_info(void)
{
	sigset_t set = signal_set1(SIGUSR2);
	union sigval v = { .sival_int = 31337 };
	siginfo_t si;

	ipct_xsigblock(SIGUSR2);
	CHECK_OK(sigqueue(getpid(), SIGUSR2, v));
	memset(&si, 0, sizeof si);
	CHECK_RET(sigwaitinfo(&set, &si), SIGUSR2);
	CHECK_EQ(SIGUSR2, si.si_signo);
	CHECK_EQ(SI_QUEUE, si.si_code);
	CHECK_EQ(31337, si.si_value.sival_int);
	CHECK_EQ(0, signal_xpending(SIGUSR2));
}
IPCT_CASE(sigwaitinfo_returns_info,
	.id = "signal.sigwaitinfo_returns_info",
	.asserts = "sigwaitinfo() returns the selected signal number and fills info with si_signo, si_code and the queued si_value",
	.spec = "POSIX.1-2024 sigwaitinfo(), DESCRIPTION and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO), IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigwaitinfo_lowest_rt_first(void)
{
	sigset_t set;
	union sigval v = { .sival_int = 0 };

	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN + 1);
	sigaddset(&set, SIGRTMIN + 3);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK(sigqueue(getpid(), SIGRTMIN + 3, v));
	CHECK_OK(sigqueue(getpid(), SIGRTMIN + 1, v));
	CHECK_RET(sigwaitinfo(&set, NULL), SIGRTMIN + 1);
	CHECK_RET(sigwaitinfo(&set, NULL), SIGRTMIN + 3);
}
IPCT_CASE(sigwaitinfo_lowest_rt_first,
	.id = "signal.sigwaitinfo_lowest_rt_first",
	.asserts = "when several real-time signals of the set are pending, sigwaitinfo() selects the lowest-numbered",
	.spec = "POSIX.1-2024 sigwaitinfo(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO), IPCT_HAVE(HAVE_SIGQUEUE) });

static long sigwaitinfo_usr1(void *arg)
{
	sigset_t set = signal_set1(SIGUSR1);

	(void)arg;
	return sigwaitinfo(&set, NULL);
}

static void sigwaitinfo_eintr_despite_restart(void)
{
	struct ipct_blocker b;

	/* SIGUSR2 is caught (with SA_RESTART) and unblocked; SIGUSR1 is
	 * the blocked signal waited for. */
	ipct_catch(SIGUSR2, SA_RESTART);
	ipct_xsigblock(SIGUSR1);
	ipct_block_start(&b, sigwaitinfo_usr1, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR2));
	ipct_wait_caught(SIGUSR2);
	/* Once the handler has run, a wait that was restarted takes this
	 * SIGUSR1 at once (and the check below shows it returned 10, not
	 * EINTR) instead of blocking until the bound; after EINTR it just
	 * stays pending in the child. */
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(sigwaitinfo_eintr_despite_restart,
	.id = "signal.sigwaitinfo_eintr_despite_restart",
	.asserts = "sigwaitinfo() interrupted by a caught signal outside its set fails with EINTR and is never restarted, even with SA_RESTART (Linux; POSIX says may fail)",
	.spec = "POSIX.1-2024 sigwaitinfo(), ERRORS [EINTR]; Linux signal(7), Interruption of system calls",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO) });

static void sigtimedwait_zero_timeout_eagain(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct timespec zero = { 0, 0 };

	ipct_xsigblock(SIGUSR1);
	CHECK_FAILS(sigtimedwait(&set, NULL, &zero), EAGAIN);
}
IPCT_CASE(sigtimedwait_zero_timeout_eagain,
	.id = "signal.sigtimedwait_zero_timeout_eagain",
	.asserts = "sigtimedwait() with a zero timeout and no signal of the set pending fails with EAGAIN at once",
	.spec = "POSIX.1-2024 sigtimedwait(), DESCRIPTION and ERRORS [EAGAIN]",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void sigtimedwait_expires_eagain(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	int64_t t0;

	ipct_xsigblock(SIGUSR1);
	t0 = ipct_now_ms();
	CHECK_FAILS(sigtimedwait(&set, NULL, &ts), EAGAIN);
	/* One-sided: the wait lasts at least the timeout (ms truncation
	 * of the clock allows 1 ms). */
	CHECK(ipct_now_ms() - t0 >= 19);
}
IPCT_CASE(sigtimedwait_expires_eagain,
	.id = "signal.sigtimedwait_expires_eagain",
	.asserts = "sigtimedwait() with a 20 ms timeout and no signal arriving waits at least the timeout and fails with EAGAIN",
	.spec = "POSIX.1-2024 sigtimedwait(), DESCRIPTION and ERRORS [EAGAIN]",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void sigtimedwait_pending_zero_timeout(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct timespec zero = { 0, 0 };

	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	CHECK_RET(sigtimedwait(&set, NULL, &zero), SIGUSR1);
}
IPCT_CASE(sigtimedwait_pending_zero_timeout,
	.id = "signal.sigtimedwait_pending_zero_timeout",
	.asserts = "sigtimedwait() with a zero timeout returns a signal of the set that is already pending",
	.spec = "POSIX.1-2024 sigtimedwait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void sigtimedwait_bad_timeout_einval(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct timespec bad = { 0, 1000 * 1000 * 1000 };

	ipct_xsigblock(SIGUSR1);
	CHECK_FAILS(sigtimedwait(&set, NULL, &bad), EINVAL);
}
IPCT_CASE(sigtimedwait_bad_timeout_einval,
	.id = "signal.sigtimedwait_bad_timeout_einval",
	.asserts = "sigtimedwait() with tv_nsec of 1000 million and nothing pending fails with EINVAL (Linux; POSIX says may fail)",
	.spec = "POSIX.1-2024 sigtimedwait(), ERRORS [EINVAL]; Linux sigwaitinfo(2), ERRORS",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void sigsuspend_eintr_restores_mask(void)
{
	sigset_t empty, now;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigblock(SIGUSR1);
	ipct_xsigblock(SIGHUP);
	CHECK_OK(raise(SIGUSR1)); /* pending until sigsuspend unblocks it */
	sigemptyset(&empty);
	CHECK_FAILS(sigsuspend(&empty), EINTR);
	CHECK_EQ(1, signal_count);
	now = signal_xmask();
	CHECK_EQ(1, sigismember(&now, SIGUSR1));
	CHECK_EQ(1, sigismember(&now, SIGHUP));
}
IPCT_CASE(sigsuspend_eintr_restores_mask,
	.id = "signal.sigsuspend_eintr_restores_mask",
	.asserts = "sigsuspend() returns -1 with EINTR after the handler of a signal it unblocked ran, and restores the mask in force before the call",
	.spec = "POSIX.1-2024 sigsuspend(), DESCRIPTION, RETURN VALUE and ERRORS [EINTR]");

static long sigsuspend_empty(void *arg)
{
	sigset_t empty;

	(void)arg;
	sigemptyset(&empty);
	return sigsuspend(&empty);
}

static void sigsuspend_waits_for_signal(void)
{
	struct ipct_blocker b;

	ipct_xsigaction(SIGUSR1, signal_note, SA_RESTART);
	ipct_block_start(&b, sigsuspend_empty, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(sigsuspend_waits_for_signal,
	.id = "signal.sigsuspend_waits_for_signal",
	.asserts = "sigsuspend() suspends the caller until a caught signal arrives and then fails with EINTR, even when the handler has SA_RESTART",
	.spec = "POSIX.1-2024 sigsuspend(), DESCRIPTION and RETURN VALUE");

static void sigsuspend_terminating_signal(void)
{
	pid_t pid;

	ipct_xsigblock(SIGTERM);
	pid = ipct_fork();
	if (pid == 0) {
		sigset_t empty;

		sigemptyset(&empty);
		sigsuspend(&empty);
		ipct_child_exit(); /* must not be reached */
	}
	CHECK_OK(kill(pid, SIGTERM));
	CHECK_SIGNALED(ipct_wait(pid), SIGTERM);
}
IPCT_CASE(sigsuspend_terminating_signal,
	.id = "signal.sigsuspend_terminating_signal",
	.asserts = "sigsuspend() does not return when the signal it unblocks terminates the process",
	.spec = "POSIX.1-2024 sigsuspend(), DESCRIPTION");

static void sigsuspend_mask_cannot_block_sigkill(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		sigset_t all;

		sigfillset(&all);
		sigsuspend(&all);
		ipct_child_exit();
	}
	ipct_wait_asleep(pid);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sigsuspend_mask_cannot_block_sigkill,
	.id = "signal.sigsuspend_mask_cannot_block_sigkill",
	.asserts = "a process in sigsuspend() with every signal in the mask is still terminated by SIGKILL",
	.spec = "POSIX.1-2024 sigsuspend(), DESCRIPTION");

static long sigsuspend_usr2_blocked(void *arg)
{
	sigset_t m = signal_set1(SIGUSR2);

	(void)arg;
	return sigsuspend(&m);
}

static void sigsuspend_mask_blocks_during_wait(void)
{
	struct ipct_blocker b;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigaction(SIGUSR2, signal_note, 0);
	ipct_block_start(&b, sigsuspend_usr2_blocked, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR2));
	ipct_block_prove(&b); /* SIGUSR2 is in the temporary mask */
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(sigsuspend_mask_blocks_during_wait,
	.id = "signal.sigsuspend_mask_blocks_during_wait",
	.asserts = "sigsuspend() waits with sigmask as the mask: a caught signal in it does not end the wait, a caught signal outside it does",
	.spec = "POSIX.1-2024 sigsuspend(), DESCRIPTION");

static long pause_call(void *arg)
{
	(void)arg;
	return pause();
}

static void pause_eintr(void)
{
	struct ipct_blocker b;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_block_start(&b, pause_call, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(pause_eintr,
	.id = "signal.pause_eintr",
	.asserts = "pause() suspends the caller until a caught signal arrives and then returns -1 with EINTR",
	.spec = "POSIX.1-2024 pause(), DESCRIPTION, RETURN VALUE and ERRORS [EINTR]");

static void pause_ignored_signal_keeps_waiting(void)
{
	struct ipct_blocker b;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	ipct_xsigaction(SIGUSR2, SIG_IGN, 0);
	ipct_block_start(&b, pause_call, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR2));
	ipct_block_prove(&b); /* an ignored signal does not end pause() */
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(pause_ignored_signal_keeps_waiting,
	.id = "signal.pause_ignored_signal_keeps_waiting",
	.asserts = "pause() does not return when an ignored signal arrives, only when a caught one does",
	.spec = "POSIX.1-2024 pause(), DESCRIPTION");

static void alarm_returns_remaining(void)
{
	unsigned left;

	CHECK_EQ(0, alarm(100));
	left = alarm(50);
	CHECK(left > 90 && left <= 100);
	left = alarm(0);
	CHECK(left > 40 && left <= 50);
}
IPCT_CASE(alarm_returns_remaining,
	.id = "signal.alarm_returns_remaining",
	.asserts = "alarm() returns 0 when no alarm was set and otherwise the seconds left on the previous alarm, which it replaces",
	.spec = "POSIX.1-2024 alarm(), DESCRIPTION and RETURN VALUE");

static void alarm_zero_cancels(void)
{
	CHECK_EQ(0, alarm(30));
	CHECK(alarm(0) >= 1);
	CHECK_EQ(0, alarm(0)); /* nothing was left to cancel */
}
IPCT_CASE(alarm_zero_cancels,
	.id = "signal.alarm_zero_cancels",
	.asserts = "alarm(0) cancels a pending alarm and returns the seconds that were left",
	.spec = "POSIX.1-2024 alarm(), DESCRIPTION and RETURN VALUE");

static void alarm_delivers_sigalrm(void)
{
	sigset_t set = signal_set1(SIGALRM);
	int64_t t0;

	ipct_xsigblock(SIGALRM);
	t0 = ipct_now_ms();
	CHECK_EQ(0, alarm(1));
	CHECK_RET(sigwaitinfo(&set, NULL), SIGALRM);
	/* One-sided: never before most of the second has passed. */
	CHECK(ipct_now_ms() - t0 >= 900);
}
IPCT_CASE(alarm_delivers_sigalrm,
	.id = "signal.alarm_delivers_sigalrm",
	.asserts = "alarm(1) generates SIGALRM for the calling process after about one second and not before",
	.spec = "POSIX.1-2024 alarm(), DESCRIPTION",
	.timed = 1);

static void fork_child_has_no_alarm(void)
{
	pid_t pid;

	CHECK_EQ(0, alarm(100));
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_EQ(0, alarm(0));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK(alarm(0) > 0);
}
IPCT_CASE(fork_child_has_no_alarm,
	.id = "signal.fork_child_has_no_alarm",
	.asserts = "a child created by fork() has no alarm pending even when the parent has one",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION; alarm(), DESCRIPTION");

IPCT_CASES(&ipct_case_sigwait_takes_pending,
	   &ipct_case_sigwait_blocks_until_generated,
	   &ipct_case_sigwait_takes_one_rt_instance,
	   &ipct_case_sigwaitinfo_returns_info,
	   &ipct_case_sigwaitinfo_lowest_rt_first,
	   &ipct_case_sigwaitinfo_eintr_despite_restart,
	   &ipct_case_sigtimedwait_zero_timeout_eagain,
	   &ipct_case_sigtimedwait_expires_eagain,
	   &ipct_case_sigtimedwait_pending_zero_timeout,
	   &ipct_case_sigtimedwait_bad_timeout_einval,
	   &ipct_case_sigsuspend_eintr_restores_mask,
	   &ipct_case_sigsuspend_waits_for_signal,
	   &ipct_case_sigsuspend_terminating_signal,
	   &ipct_case_sigsuspend_mask_cannot_block_sigkill,
	   &ipct_case_sigsuspend_mask_blocks_during_wait,
	   &ipct_case_pause_eintr,
	   &ipct_case_pause_ignored_signal_keeps_waiting,
	   &ipct_case_alarm_returns_remaining,
	   &ipct_case_alarm_zero_cancels,
	   &ipct_case_alarm_delivers_sigalrm,
	   &ipct_case_fork_child_has_no_alarm);
