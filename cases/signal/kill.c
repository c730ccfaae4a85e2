/* SPDX-License-Identifier: MIT
 * cases/signal/kill.c - generating signals: kill() to a process, to a
 * process group and to the caller's own group, the null signal, raise(),
 * sigqueue(), and the errors of each.
 * Sources: POSIX.1-2024 kill(), raise(), sigqueue(), <signal.h>;
 * Linux kill(2) and getrlimit(2) (RLIMIT_SIGPENDING).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <sys/resource.h>
#include <sys/wait.h>

/* A child that exited and was reaped: its pid names no process. */
static pid_t reaped_pid(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0)
		ipct_child_exit();
	ipct_wait_ok(pid);
	return pid;
}

static void kill_delivers_to_child(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	pid_t pid;

	ipct_xsigblock(SIGUSR1); /* before fork: nothing to race */
	pid = ipct_fork();
	if (pid == 0) {
		siginfo_t si;

		CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
		ipct_child_exit();
	}
	CHECK_OK(kill(pid, SIGUSR1));
	ipct_wait_ok(pid);
}
IPCT_CASE(kill_delivers_to_child,
	.id = "signal.kill_delivers_to_child",
	.asserts = "kill() with a positive pid sends the signal to that process",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION");

static void kill_null_signal_sends_nothing(void)
{
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	ipct_xsigblock(SIGUSR1);
	pid = ipct_fork();
	if (pid == 0) {
		sigset_t p;

		ipct_sync_wait(&s, 1);
		CHECK_OK(sigpending(&p));
		CHECK_EQ(0, sigismember(&p, SIGUSR1));
		ipct_child_exit();
	}
	CHECK_RET(kill(pid, 0), 0);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(kill_null_signal_sends_nothing,
	.id = "signal.kill_null_signal_sends_nothing",
	.asserts = "kill() with signal 0 to an existing process succeeds and sends no signal",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION");

static void kill_reaped_pid_esrch(void)
{
	pid_t pid = reaped_pid();

	CHECK_FAILS(kill(pid, 0), ESRCH);
}
IPCT_CASE(kill_reaped_pid_esrch,
	.id = "signal.kill_reaped_pid_esrch",
	.asserts = "kill() to a pid that names no process fails with ESRCH",
	.spec = "POSIX.1-2024 kill(), ERRORS [ESRCH]");

static void kill_no_such_group_esrch(void)
{
	pid_t pid = reaped_pid();

	/* The reaped child was not a group leader: no group has its id. */
	CHECK_FAILS(kill(-pid, SIGUSR1), ESRCH);
}
IPCT_CASE(kill_no_such_group_esrch,
	.id = "signal.kill_no_such_group_esrch",
	.asserts = "kill() with -pgid for a process group that does not exist fails with ESRCH",
	.spec = "POSIX.1-2024 kill(), ERRORS [ESRCH]");

static void kill_negative_signal_einval(void)
{
	CHECK_FAILS(kill(getpid(), -1), EINVAL);
}
IPCT_CASE(kill_negative_signal_einval,
	.id = "signal.kill_negative_signal_einval",
	.asserts = "kill() with a negative signal number fails with EINVAL",
	.spec = "POSIX.1-2024 kill(), ERRORS [EINVAL]");

static void kill_too_large_signal_einval(void)
{
	CHECK_FAILS(kill(getpid(), SIGRTMAX + 1), EINVAL);
}
IPCT_CASE(kill_too_large_signal_einval,
	.id = "signal.kill_too_large_signal_einval",
	.asserts = "kill() with a signal number above SIGRTMAX fails with EINVAL",
	.spec = "POSIX.1-2024 kill(), ERRORS [EINVAL]");

static void kill_other_user_eperm(void)
{
	pid_t pid;

	ipct_xsigblock(SIGUSR1); /* a wrong success stays visible, not fatal */
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(kill(getppid(), SIGUSR1), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(kill_other_user_eperm,
	.id = "signal.kill_other_user_eperm",
	.asserts = "kill() by an unprivileged process to a process of another user fails with EPERM and sends nothing",
	.spec = "POSIX.1-2024 kill(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void kill_null_signal_eperm(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(kill(getppid(), 0), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(kill_null_signal_eperm,
	.id = "signal.kill_null_signal_eperm",
	.asserts = "kill() with signal 0 performs the permission check and fails with EPERM for another user's process",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION and ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void kill_zero_reaches_own_group(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct ipct_sync s;
	pid_t pid;

	ipct_xsigblock(SIGUSR1);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		struct ipct_sync g;
		siginfo_t si;
		pid_t gc;

		/* A group of our own, so the harness's group is never hit. */
		CHECK_OK(setpgid(0, 0));
		ipct_sync_init(&g);
		gc = ipct_fork();
		if (gc == 0) {
			ipct_sync_wait(&g, 1);
			CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
			CHECK_EQ(getppid(), si.si_pid);
			ipct_child_exit();
		}
		CHECK_OK(kill(0, SIGUSR1));
		ipct_post(&g, 1);
		CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
		ipct_wait_ok(gc);
		ipct_post(&s, 1);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	ipct_wait_ok(pid);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(kill_zero_reaches_own_group,
	.id = "signal.kill_zero_reaches_own_group",
	.asserts = "kill() with pid 0 sends the signal to every process in the caller's process group, the caller included, and to no other group",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION");

static void kill_negative_pgid_reaches_group(void)
{
	sigset_t set = signal_set1(SIGUSR1);
	struct ipct_sync s;
	pid_t pid;

	ipct_xsigblock(SIGUSR1);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		siginfo_t si;
		pid_t gc;

		CHECK_OK(setpgid(0, 0));
		gc = ipct_fork();
		if (gc == 0) {
			CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
			ipct_child_exit();
		}
		ipct_post(&s, 1); /* group formed, grandchild in it */
		CHECK_RET(sigwaitinfo(&set, &si), SIGUSR1);
		ipct_wait_ok(gc);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_OK(kill(-pid, SIGUSR1));
	ipct_wait_ok(pid);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(kill_negative_pgid_reaches_group,
	.id = "signal.kill_negative_pgid_reaches_group",
	.asserts = "kill() with pid -pgid sends the signal to every process of that process group and not to the sender's group",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION");

static void kill_self_delivered_before_return(void)
{
	ipct_xsigaction(SIGUSR1, signal_note, 0);
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_EQ(1, signal_count);
}
IPCT_CASE(kill_self_delivered_before_return,
	.id = "signal.kill_self_delivered_before_return",
	.asserts = "a signal a single-threaded process sends to itself with kill(), unblocked, is delivered before kill() returns",
	.spec = "POSIX.1-2024 kill(), DESCRIPTION");

static void kill_zombie_succeeds(void)
{
	siginfo_t si;
	pid_t pid = ipct_fork();

	if (pid == 0)
		ipct_child_exit();
	/* WNOWAIT: the child has ended and stays a zombie. */
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, (id_t)pid, &si, WEXITED | WNOWAIT));
	CHECK_EQ(pid, si.si_pid);
	CHECK_RET(kill(pid, 0), 0);
	ipct_wait_ok(pid);
}
IPCT_CASE(kill_zombie_succeeds,
	.id = "signal.kill_zombie_succeeds",
	.asserts = "kill() to a child that has terminated but has not been waited for (a zombie) succeeds (asserted as Linux behaviour)",
	.spec = "Linux kill(2); POSIX.1-2024 Base Definitions 3 (Zombie Process, Process Lifetime)",
	.needs = IPCT_LINUX_ONLY);

static void raise_runs_handler_before_return(void)
{
	ipct_xsigaction(SIGUSR1, signal_note, 0);
	CHECK_RET(raise(SIGUSR1), 0);
	CHECK_EQ(1, signal_count);
	CHECK_EQ(SIGUSR1, signal_signo[0]);
}
IPCT_CASE(raise_runs_handler_before_return,
	.id = "signal.raise_runs_handler_before_return",
	.asserts = "raise() returns 0 after the signal handler has completed",
	.spec = "POSIX.1-2024 raise(), DESCRIPTION and RETURN VALUE");

static void raise_invalid_einval(void)
{
	int r;

	errno = 0;
	r = raise(-1);
	CHECK_NE(0, r);
	CHECK_ERRNO(errno, EINVAL);
}
IPCT_CASE(raise_invalid_einval,
	.id = "signal.raise_invalid_einval",
	.asserts = "raise() with an invalid signal number returns non-zero and sets errno to EINVAL",
	.spec = "POSIX.1-2024 raise(), RETURN VALUE and ERRORS [EINVAL]");

/* The child reports what sigwaitinfo() returned through shared memory. */
struct qinfo {
	int signo, code, value;
	pid_t pid;
};

static pid_t queue_to_waiting_child(struct qinfo *q, int sig, int value)
{
	sigset_t set = signal_set1(sig);
	union sigval v;
	pid_t pid;

	ipct_xsigblock(sig);
	pid = ipct_fork();
	if (pid == 0) {
		siginfo_t si;

		CHECK_RET(sigwaitinfo(&set, &si), sig);
		q->signo = si.si_signo;
		q->code = si.si_code;
		q->value = si.si_value.sival_int;
		q->pid = si.si_pid;
		ipct_child_exit();
	}
	v.sival_int = value;
	CHECK_OK(sigqueue(pid, sig, v));
	ipct_wait_ok(pid);
	return pid;
}

static void sigqueue_carries_value(void)
{
	struct qinfo *q = ipct_shared_alloc(sizeof *q);

	queue_to_waiting_child(q, SIGUSR1, 4242);
	CHECK_EQ(SIGUSR1, q->signo);
	CHECK_EQ(4242, q->value);
}
IPCT_CASE(sigqueue_carries_value,
	.id = "signal.sigqueue_carries_value",
	.asserts = "sigqueue() sends the signal with the application value, which the receiver finds in si_value",
	.spec = "POSIX.1-2024 sigqueue(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_si_code_and_pid(void)
{
	struct qinfo *q = ipct_shared_alloc(sizeof *q);

	queue_to_waiting_child(q, SIGUSR2, 7);
	CHECK_EQ(SI_QUEUE, q->code);
	CHECK_EQ(getpid(), q->pid);
}
IPCT_CASE(sigqueue_si_code_and_pid,
	.id = "signal.sigqueue_si_code_and_pid",
	.asserts = "a signal sent by sigqueue() arrives with si_code SI_QUEUE and si_pid set to the sender's process id",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (SI_QUEUE); sigaction(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_null_signal_checks_only(void)
{
	union sigval v = { .sival_int = 1 };

	CHECK_RET(sigqueue(getpid(), 0, v), 0);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
	CHECK_FAILS(sigqueue(reaped_pid(), 0, v), ESRCH);
}
IPCT_CASE(sigqueue_null_signal_checks_only,
	.id = "signal.sigqueue_null_signal_checks_only",
	.asserts = "sigqueue() with signal 0 sends nothing but performs error checking",
	.spec = "POSIX.1-2024 sigqueue(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_invalid_einval(void)
{
	union sigval v = { .sival_int = 1 };

	CHECK_FAILS(sigqueue(getpid(), SIGRTMAX + 1, v), EINVAL);
}
IPCT_CASE(sigqueue_invalid_einval,
	.id = "signal.sigqueue_invalid_einval",
	.asserts = "sigqueue() with an invalid signal number fails with EINVAL",
	.spec = "POSIX.1-2024 sigqueue(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_no_process_esrch(void)
{
	union sigval v = { .sival_int = 1 };

	CHECK_FAILS(sigqueue(reaped_pid(), SIGUSR1, v), ESRCH);
}
IPCT_CASE(sigqueue_no_process_esrch,
	.id = "signal.sigqueue_no_process_esrch",
	.asserts = "sigqueue() to a pid that names no process fails with ESRCH",
	.spec = "POSIX.1-2024 sigqueue(), ERRORS [ESRCH]",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_other_user_eperm(void)
{
	pid_t pid;

	ipct_xsigblock(SIGUSR1);
	pid = ipct_fork();
	if (pid == 0) {
		union sigval v = { .sival_int = 1 };

		ipct_drop_privileges();
		CHECK_FAILS(sigqueue(getppid(), SIGUSR1, v), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(sigqueue_other_user_eperm,
	.id = "signal.sigqueue_other_user_eperm",
	.asserts = "sigqueue() by an unprivileged process to another user's process fails with EPERM",
	.spec = "POSIX.1-2024 sigqueue(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_self_delivered_before_return(void)
{
	union sigval v = { .sival_int = 99 };

	signal_skip_under_valgrind("it delivers a signal queued to the process itself only after sigqueue() has returned");
	signal_xinfo(SIGUSR1, 0);
	CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
	CHECK_EQ(1, signal_count);
	CHECK_EQ(99, signal_value[0]);
}
IPCT_CASE(sigqueue_self_delivered_before_return,
	.id = "signal.sigqueue_self_delivered_before_return",
	.asserts = "a signal a single-threaded process queues to itself with sigqueue(), unblocked, is delivered before sigqueue() returns",
	.spec = "POSIX.1-2024 sigqueue(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

static void sigqueue_limit_eagain(void)
{
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		/* The limit counts every pending signal of the real user:
		 * lower it in this child only, never exhaust the system's. */
		enum { LIMIT = 8, TRIES = 64 };
		struct rlimit rl;
		union sigval v = { .sival_int = 0 };
		int sent = 0;

		ipct_xsigblock(SIGRTMIN);
		CHECK_OK(getrlimit(RLIMIT_SIGPENDING, &rl));
		rl.rlim_cur = LIMIT;
		CHECK_OK(setrlimit(RLIMIT_SIGPENDING, &rl));
		while (sent < TRIES && sigqueue(getpid(), SIGRTMIN, v) == 0)
			sent++;
		CHECK_ERRNO(errno, EAGAIN);
		CHECK(sent <= LIMIT);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(sigqueue_limit_eagain,
	.id = "signal.sigqueue_limit_eagain",
	.asserts = "sigqueue() fails with EAGAIN when no resources are left to queue the signal (Linux: RLIMIT_SIGPENDING reached)",
	.spec = "POSIX.1-2024 sigqueue(), ERRORS [EAGAIN]; Linux getrlimit(2) RLIMIT_SIGPENDING",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

IPCT_CASES(&ipct_case_kill_delivers_to_child,
	   &ipct_case_kill_null_signal_sends_nothing,
	   &ipct_case_kill_reaped_pid_esrch,
	   &ipct_case_kill_no_such_group_esrch,
	   &ipct_case_kill_negative_signal_einval,
	   &ipct_case_kill_too_large_signal_einval,
	   &ipct_case_kill_other_user_eperm,
	   &ipct_case_kill_null_signal_eperm,
	   &ipct_case_kill_zero_reaches_own_group,
	   &ipct_case_kill_negative_pgid_reaches_group,
	   &ipct_case_kill_self_delivered_before_return,
	   &ipct_case_kill_zombie_succeeds,
	   &ipct_case_raise_runs_handler_before_return,
	   &ipct_case_raise_invalid_einval
	   , &ipct_case_sigqueue_carries_value,
	   &ipct_case_sigqueue_si_code_and_pid,
	   &ipct_case_sigqueue_null_signal_checks_only,
	   &ipct_case_sigqueue_invalid_einval,
	   &ipct_case_sigqueue_no_process_esrch,
	   &ipct_case_sigqueue_other_user_eperm,
	   &ipct_case_sigqueue_self_delivered_before_return,
	   &ipct_case_sigqueue_limit_eagain
	   );
