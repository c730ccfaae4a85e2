/* SPDX-License-Identifier: MIT
 * cases/signal/queue.c - who may send what, and what stays queued:
 * kill(-1, sig) (inside a private PID namespace, so that it can reach no
 * process outside the case), SIGCONT within a session across users,
 * rt_sigqueueinfo()'s si_code rules, ignored signals that are blocked or
 * not, and the signals sigtimedwait() can never accept.
 * Sources: POSIX.1-2024 kill(), sigtimedwait(), XSH 2.4.1; Linux kill(2),
 * rt_sigqueueinfo(2), sigwaitinfo(2), signal(7), pid_namespaces(7).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "signal.h"

#include <sched.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

/* --- kill(-1, sig) ------------------------------------------------------
 * kill(-1) reaches every process the sender may signal, which on a shared
 * machine includes other people's.  The case therefore never calls it in
 * a process that could see them: a child unshares a new PID namespace and
 * its first child (pid 1 there, killed with the namespace if the case
 * ends) makes the call, where only the case's own processes exist. */

static void ns_init_body(void)
{
	pid_t kids[2];
	int st, i;

	for (i = 0; i < 2; i++) {
		kids[i] = fork();
		if (kids[i] < 0)
			_exit(10);
		if (kids[i] == 0) {
			for (;;)
				pause(); /* SIGTERM's default action ends it */
		}
	}
	/* Each child has SIGTERM at its default action from birth, so it
	 * needs not have run yet for the signal to end it. */
	if (kill(-1, SIGTERM) != 0)
		_exit(11);
	for (i = 0; i < 2; i++) {
		if (waitpid(kids[i], &st, 0) != kids[i])
			_exit(12);
		if (!WIFSIGNALED(st) || WTERMSIG(st) != SIGTERM)
			_exit(13);
	}
	/* Nothing left that kill(-1) may reach: init excludes itself. */
	if (kill(-1, 0) == 0 || errno != ESRCH)
		_exit(14);
	_exit(0);
}

static void kill_minus_one_reaches_all_but_self(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		pid_t init;
		int st;

		if (unshare(CLONE_NEWPID) != 0)
			_exit(errno == EPERM || errno == EINVAL || errno == ENOSYS ? 77 : 78);
		init = fork();
		if (init < 0)
			_exit(79);
		if (init == 0) {
			prctl(PR_SET_PDEATHSIG, SIGKILL);
			if (getpid() != 1)
				_exit(15);
			ns_init_body();
		}
		if (waitpid(init, &st, 0) != init)
			_exit(80);
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 81);
	}
	{
		int st = ipct_wait(pid);

		if (WIFEXITED(st) && WEXITSTATUS(st) == 77)
			ipct_skip("unshare(CLONE_NEWPID) refused: kill(-1) is only run where it cannot reach other processes");
		/* 11: kill(-1) failed; 12/13: a process was not ended by it;
		 * 14: kill(-1, 0) did not fail with ESRCH at the end. */
		CHECK_EXITED(st, 0);
	}
}
IPCT_CASE(kill_minus_one_reaches_all_but_self,
	.id = "signal.kill_minus_one_reaches_all_but_self",
	.asserts = "kill(-1, SIGTERM) from the init of a private PID namespace ends every other process there but not the sender; kill(-1, 0) then fails with ESRCH",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION (pid -1); Linux kill(2) (all but init and the caller, ESRCH), pid_namespaces(7)",
	.needs = IPCT_LINUX_ONLY | IPCT_ROOT);

/* --- SIGCONT in the session --------------------------------------------- */

static void sigcont_target(struct ipct_sync *s)
{
	sigset_t set = signal_set1(SIGCONT);
	siginfo_t si;

	ipct_xsigblock(SIGCONT);
	ipct_post(s, 1);
	CHECK_RET(sigwaitinfo(&set, &si), SIGCONT);
	CHECK_EQ(SI_USER, si.si_code);
	CHECK_EQ(ipct_unpriv_uid(), si.si_uid);
	ipct_child_exit();
}

static void sigcont_same_session_other_uid(void)
{
	struct ipct_sync s;
	pid_t target, sender;

	if (getuid() != 0)
		ipct_skip("needs root to have a target of another uid");
	ipct_sync_init(&s);
	target = ipct_fork();
	if (target == 0)
		sigcont_target(&s);
	ipct_sync_wait(&s, 1);
	sender = ipct_fork();
	if (sender == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(kill(target, SIGUSR1), EPERM);
		CHECK_OK(kill(target, SIGCONT));
		ipct_child_exit();
	}
	ipct_wait_ok(sender);
	ipct_wait_ok(target);
}
IPCT_CASE(sigcont_same_session_other_uid,
	.id = "signal.sigcont_same_session_other_uid",
	.asserts = "a process of another uid in the same session may send SIGCONT (and the target sees its uid) though SIGUSR1 fails with EPERM",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION (SIGCONT to a member of the same session); Linux kill(2)",
	.needs = IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO) });

static void sigcont_other_session_eperm(void)
{
	struct ipct_sync s;
	pid_t target, sender;

	if (getuid() != 0)
		ipct_skip("needs root to have a target of another uid");
	ipct_sync_init(&s);
	target = ipct_fork();
	if (target == 0) {
		ipct_sync_wait(&s, 1);
		ipct_child_exit();
	}
	sender = ipct_fork();
	if (sender == 0) {
		CHECK_OK(setsid());
		ipct_drop_privileges();
		CHECK_FAILS(kill(target, SIGCONT), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(sender);
	ipct_post(&s, 1);
	ipct_wait_ok(target);
}
IPCT_CASE(sigcont_other_session_eperm,
	.id = "signal.sigcont_other_session_eperm",
	.asserts = "SIGCONT from a process of another uid in another session fails with EPERM",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION and ERRORS [EPERM]; Linux kill(2)",
	.needs = IPCT_OTHER_USER);

/* --- rt_sigqueueinfo() ---------------------------------------------------- */

static long sigqueueinfo(pid_t pid, int sig, int code, int value)
{
	siginfo_t si;

	memset(&si, 0, sizeof si);
	si.si_signo = sig;
	si.si_code = code;
	si.si_pid = getpid();
	si.si_uid = getuid();
	si.si_value.sival_int = value;
	return syscall(SYS_rt_sigqueueinfo, pid, sig, &si);
}

static pid_t info_child(struct ipct_sync *s, int want_code, int want_value)
{
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		sigset_t set = signal_set1(SIGUSR1);
		siginfo_t si;

		ipct_xsigblock(SIGUSR1);
		ipct_post(s, 1);
		memset(&si, 0, sizeof si);
		CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
		CHECK_EQ(want_code, si.si_code);
		CHECK_EQ(want_value, si.si_value.sival_int);
		CHECK_EQ(getppid(), si.si_pid);
		ipct_child_exit();
	}
	ipct_sync_wait(s, 1);
	return pid;
}

static void rt_sigqueueinfo_negative_code_other(void)
{
	struct ipct_sync s;
	pid_t pid = info_child(&s, SI_QUEUE, 99);

	CHECK_OK(sigqueueinfo(pid, SIGUSR1, SI_QUEUE, 99));
	ipct_wait_ok(pid);
}
IPCT_CASE(rt_sigqueueinfo_negative_code_other,
	.id = "signal.rt_sigqueueinfo_negative_code_other",
	.asserts = "rt_sigqueueinfo() to another process with a negative si_code (SI_QUEUE) delivers the siginfo as given: si_code, si_pid and si_value",
	.spec = "Linux rt_sigqueueinfo(2), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO) });

static void rt_sigqueueinfo_nonneg_code_other_eperm(void)
{
	struct ipct_sync s;
	pid_t pid = info_child(&s, SI_QUEUE, 5);

	CHECK_FAILS(sigqueueinfo(pid, SIGUSR1, SI_USER, 1), EPERM);
	CHECK_FAILS(sigqueueinfo(pid, SIGUSR1, SI_KERNEL, 2), EPERM);
	CHECK_FAILS(sigqueueinfo(pid, SIGUSR1, SI_TKILL, 3), EPERM);
	/* Only the allowed one arrives: the child checks its value. */
	CHECK_OK(sigqueueinfo(pid, SIGUSR1, SI_QUEUE, 5));
	ipct_wait_ok(pid);
}
IPCT_CASE(rt_sigqueueinfo_nonneg_code_other_eperm,
	.id = "signal.rt_sigqueueinfo_nonneg_code_other_eperm",
	.asserts = "rt_sigqueueinfo() to another process with si_code >= 0 (SI_USER, SI_KERNEL) or SI_TKILL fails with EPERM, even as root, and sends nothing",
	.spec = "Linux rt_sigqueueinfo(2), ERRORS [EPERM]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO) });

static void rt_sigqueueinfo_self_any_code(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	siginfo_t si;

	ipct_xsigblock(SIGUSR1);
	CHECK_OK(sigqueueinfo(getpid(), SIGUSR1, SI_USER, 0));
	memset(&si, 0, sizeof si);
	CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
	CHECK_EQ(SI_USER, si.si_code);
}
IPCT_CASE(rt_sigqueueinfo_self_any_code,
	.id = "signal.rt_sigqueueinfo_self_any_code",
	.asserts = "rt_sigqueueinfo() to the calling process itself may use a non-negative si_code (SI_USER), which is delivered as given",
	.spec = "Linux rt_sigqueueinfo(2), ERRORS [EPERM] (applies to other processes only)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGWAITINFO) });

/* --- ignored signals and sigtimedwait() --------------------------------- */

static const struct timespec zero_ts = { 0, 0 };

static void sigtimedwait_reports_sender(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	siginfo_t si;

	ipct_xsigblock(SIGUSR1);
	CHECK_OK(kill(getpid(), SIGUSR1));
	memset(&si, 0, sizeof si);
	CHECK_RET(sigtimedwait(&set, &si, &zero_ts), SIGUSR1);
	CHECK_EQ(SIGUSR1, si.si_signo);
	CHECK_EQ(SI_USER, si.si_code);
	CHECK_EQ(getpid(), si.si_pid);
	CHECK_EQ(getuid(), si.si_uid);
}
IPCT_CASE(sigtimedwait_reports_sender,
	.id = "signal.sigtimedwait_reports_sender",
	.asserts = "a signal sent with kill() and accepted by sigtimedwait() carries si_code SI_USER, the sender's process ID in si_pid and its real user ID in si_uid",
	.spec = "POSIX.1-2024 <signal.h> (si_code SI_USER: si_pid and si_uid set), sigtimedwait(), kill()",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void ignored_blocked_stays_queued(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	siginfo_t si;

	ipct_xsigaction(SIGUSR1, SIG_IGN, 0);
	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(1, signal_xpending(SIGUSR1));
	CHECK_RET(sigtimedwait(&set, &si, &zero_ts), SIGUSR1);
}
IPCT_CASE(ignored_blocked_stays_queued,
	.id = "signal.ignored_blocked_stays_queued",
	.asserts = "a signal whose action is SIG_IGN but that is blocked stays pending when generated, and sigtimedwait() accepts it",
	.spec = "Linux signal(7) (blocked signals are never discarded); POSIX.1-2024 XSH 2.4.1 leaves it unspecified",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void ignored_unblocked_discarded(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	siginfo_t si;

	ipct_xsigaction(SIGUSR1, SIG_IGN, 0);
	CHECK_OK(raise(SIGUSR1));
	ipct_xsigblock(SIGUSR1);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
	CHECK_FAILS(sigtimedwait(&set, &si, &zero_ts), EAGAIN);
}
IPCT_CASE(ignored_unblocked_discarded,
	.id = "signal.ignored_unblocked_discarded",
	.asserts = "a signal generated while SIG_IGN and unblocked is discarded: blocking it afterwards, sigtimedwait() finds nothing (EAGAIN)",
	.spec = "POSIX.1-2024 XSH 2.4.1 (delivery of an ignored signal has no effect), sigtimedwait() ERRORS [EAGAIN]",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void sigtimedwait_never_returns_sigkill(void)
{
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		sigset_t set = signal_set1(SIGUSR1);
		struct timespec lim = { 30, 0 };

		sigaddset(&set, SIGKILL);
		sigaddset(&set, SIGSTOP);
		ipct_xsigblock(SIGUSR1);
		ipct_post(&s, 1);
		sigtimedwait(&set, NULL, &lim);
		_exit(3); /* it returned: wrong */
	}
	ipct_sync_wait(&s, 1);
	ipct_wait_asleep(pid);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sigtimedwait_never_returns_sigkill,
	.id = "signal.sigtimedwait_never_returns_sigkill",
	.asserts = "a process in sigtimedwait() whose set holds SIGKILL and SIGSTOP is killed by SIGKILL, never handed it",
	.spec = "POSIX.1-2024 XSH 2.4.3 (SIGKILL cannot be caught); Linux sigwaitinfo(2), signal(7)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void sigtimedwait_negative_timeout_einval(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct timespec ts = { -1, 0 };

	ipct_xsigblock(SIGUSR1);
	CHECK_FAILS(sigtimedwait(&set, NULL, &ts), EINVAL);
	ts.tv_sec = 0;
	ts.tv_nsec = -1;
	CHECK_FAILS(sigtimedwait(&set, NULL, &ts), EINVAL);
}
IPCT_CASE(sigtimedwait_negative_timeout_einval,
	.id = "signal.sigtimedwait_negative_timeout_einval",
	.asserts = "sigtimedwait() with a negative tv_sec or a negative tv_nsec and nothing pending fails with EINVAL",
	.spec = "POSIX.1-2024 sigtimedwait(), ERRORS [EINVAL] (tv_nsec < 0); Linux sigwaitinfo(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

IPCT_CASES(&ipct_case_kill_minus_one_reaches_all_but_self,
	   &ipct_case_sigcont_same_session_other_uid,
	   &ipct_case_sigcont_other_session_eperm,
	   &ipct_case_rt_sigqueueinfo_negative_code_other,
	   &ipct_case_rt_sigqueueinfo_nonneg_code_other_eperm,
	   &ipct_case_rt_sigqueueinfo_self_any_code,
	   &ipct_case_ignored_blocked_stays_queued, &ipct_case_sigtimedwait_reports_sender,
	   &ipct_case_ignored_unblocked_discarded,
	   &ipct_case_sigtimedwait_never_returns_sigkill,
	   &ipct_case_sigtimedwait_negative_timeout_einval);
