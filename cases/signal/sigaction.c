/* SPDX-License-Identifier: MIT
 * cases/signal/sigaction.c - sigaction(): installing and querying
 * actions, the mask in force during a handler, SA_NODEFER, SA_RESETHAND,
 * SA_SIGINFO, SA_RESTART against EINTR for read(), write() and waitpid(),
 * SA_NOCLDSTOP, SA_NOCLDWAIT, SIGCHLD set to SIG_IGN, and the errors.
 * Sources: POSIX.1-2024 sigaction(), <signal.h>, read(), write(),
 * waitpid(), wait(), Base Definitions/System Interfaces 2.4 (Signal
 * Concepts).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>

static void sigaction_query_returns_installed(void)
{
	struct sigaction sa, q;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signal_note;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaddset(&sa.sa_mask, SIGUSR2);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	memset(&q, 0, sizeof q);
	CHECK_OK(sigaction(SIGUSR1, NULL, &q));
	CHECK(q.sa_handler == signal_note);
	CHECK_EQ(1, sigismember(&q.sa_mask, SIGUSR2));
	CHECK(q.sa_flags & SA_RESTART);
}
IPCT_CASE(sigaction_query_returns_installed,
	.id = "signal.sigaction_query_returns_installed",
	.asserts = "sigaction() with a null act leaves the action unchanged and returns the installed handler, mask and flags in oact",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION");

static void sigaction_oact_returns_previous(void)
{
	struct sigaction a, b, old;

	memset(&a, 0, sizeof a);
	a.sa_handler = signal_note;
	sigemptyset(&a.sa_mask);
	sigaddset(&a.sa_mask, SIGHUP);
	memset(&b, 0, sizeof b);
	b.sa_handler = ipct_noop_handler;
	sigemptyset(&b.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &a, NULL));
	memset(&old, 0, sizeof old);
	CHECK_OK(sigaction(SIGUSR1, &b, &old));
	CHECK(old.sa_handler == signal_note);
	CHECK_EQ(1, sigismember(&old.sa_mask, SIGHUP));
	CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	CHECK(old.sa_handler == ipct_noop_handler);
}
IPCT_CASE(sigaction_oact_returns_previous,
	.id = "signal.sigaction_oact_returns_previous",
	.asserts = "sigaction() stores the action in force before the call in oact and installs act",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION");

static void sigaction_query_sigkill_ok(void)
{
	struct sigaction q;

	CHECK_OK(sigaction(SIGKILL, NULL, &q));
	CHECK(q.sa_handler == SIG_DFL);
}
IPCT_CASE(sigaction_query_sigkill_ok,
	.id = "signal.sigaction_query_sigkill_ok",
	.asserts = "sigaction() may query the action of SIGKILL (act null), which succeeds and reports SIG_DFL",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION and ERRORS [EINVAL]");

static void sigaction_catch_sigkill_einval(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signal_note;
	sigemptyset(&sa.sa_mask);
	CHECK_FAILS(sigaction(SIGKILL, &sa, NULL), EINVAL);
}
IPCT_CASE(sigaction_catch_sigkill_einval,
	.id = "signal.sigaction_catch_sigkill_einval",
	.asserts = "sigaction() installing a handler for SIGKILL fails with EINVAL",
	.spec = "POSIX.1-2024 sigaction(), ERRORS [EINVAL]");

static void sigaction_ignore_sigstop_einval(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	CHECK_FAILS(sigaction(SIGSTOP, &sa, NULL), EINVAL);
}
IPCT_CASE(sigaction_ignore_sigstop_einval,
	.id = "signal.sigaction_ignore_sigstop_einval",
	.asserts = "sigaction() setting SIGSTOP to SIG_IGN fails with EINVAL",
	.spec = "POSIX.1-2024 sigaction(), ERRORS [EINVAL]");

static void sigaction_invalid_signal_einval(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = signal_note;
	sigemptyset(&sa.sa_mask);
	CHECK_FAILS(sigaction(0, &sa, NULL), EINVAL);
	CHECK_FAILS(sigaction(SIGRTMAX + 1, &sa, NULL), EINVAL);
	CHECK_FAILS(sigaction(-1, NULL, &sa), EINVAL);
}
IPCT_CASE(sigaction_invalid_signal_einval,
	.id = "signal.sigaction_invalid_signal_einval",
	.asserts = "sigaction() with an invalid signal number (0, negative, above SIGRTMAX) fails with EINVAL",
	.spec = "POSIX.1-2024 sigaction(), ERRORS [EINVAL]");

/* Masks seen inside the handler. */
static volatile sig_atomic_t in_mask_usr1, in_mask_usr2, depth, max_depth;

static void mask_probe(int sig)
{
	sigset_t cur;

	(void)sig;
	depth++;
	if (depth > max_depth)
		max_depth = depth;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	in_mask_usr1 = sigismember(&cur, SIGUSR1);
	in_mask_usr2 = sigismember(&cur, SIGUSR2);
	if (signal_count++ == 0)
		raise(SIGUSR1); /* a second one, from inside the handler */
	depth--;
}

static void install_mask_probe(int flags, int extra_masked)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = mask_probe;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (extra_masked)
		sigaddset(&sa.sa_mask, extra_masked);
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		IPCT_BROKEN("sigaction(SIGUSR1): %s", ipct_errname(errno));
}

static void sa_mask_blocked_during_handler(void)
{
	sigset_t after;

	install_mask_probe(0, SIGUSR2);
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(1, in_mask_usr2);
	after = signal_xmask();
	CHECK_EQ(0, sigismember(&after, SIGUSR2));
}
IPCT_CASE(sa_mask_blocked_during_handler,
	.id = "signal.sa_mask_blocked_during_handler",
	.asserts = "the signals in sa_mask are blocked while the handler runs and the previous mask is restored when it returns",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION");

static void caught_signal_blocked_during_handler(void)
{
	install_mask_probe(0, 0);
	CHECK_OK(raise(SIGUSR1));
	/* The raise() inside the handler stayed pending until it returned. */
	CHECK_EQ(2, signal_count);
	CHECK_EQ(1, max_depth);
	CHECK_EQ(1, in_mask_usr1);
}
IPCT_CASE(caught_signal_blocked_during_handler,
	.id = "signal.caught_signal_blocked_during_handler",
	.asserts = "without SA_NODEFER the signal being caught is blocked during its handler, so the same signal raised there runs only after the handler returns",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION");

static void sa_nodefer_allows_nesting(void)
{
	install_mask_probe(SA_NODEFER, 0);
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(2, signal_count);
	CHECK_EQ(2, max_depth);
}
IPCT_CASE(sa_nodefer_allows_nesting,
	.id = "signal.sa_nodefer_allows_nesting",
	.asserts = "with SA_NODEFER the signal is not added to the mask during its handler, so raising it there nests a second handler call",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_NODEFER)");

static void sa_resethand_resets_to_default(void)
{
	struct sigaction a = { .sa_handler = signal_note, .sa_flags = SA_RESETHAND }, q;

	/* sigaction() itself, not the libipct wrapper: make check-falsify's
	 * sabotages reach the flag. */
	sigemptyset(&a.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &a, NULL));
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(1, signal_count);
	CHECK_OK(sigaction(SIGUSR1, NULL, &q));
	CHECK(q.sa_handler == SIG_DFL);
}
IPCT_CASE(sa_resethand_resets_to_default,
	.id = "signal.sa_resethand_resets_to_default",
	.asserts = "with SA_RESETHAND the action is reset to SIG_DFL on entry to the handler",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESETHAND)");

static void sa_resethand_second_signal_default(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		ipct_xsigaction(SIGUSR1, signal_note, SA_RESETHAND);
		raise(SIGUSR1);
		CHECK_EQ(1, signal_count);
		raise(SIGUSR1); /* the default action: terminate */
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGUSR1);
}
IPCT_CASE(sa_resethand_second_signal_default,
	.id = "signal.sa_resethand_second_signal_default",
	.asserts = "after an SA_RESETHAND handler ran once, the next occurrence of the signal takes the default action",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESETHAND)");

static void sa_siginfo_handler_arguments(void)
{
	signal_xinfo(SIGUSR2, 0);
	CHECK_OK(raise(SIGUSR2));
	CHECK_EQ(1, signal_count);
	CHECK_EQ(SIGUSR2, signal_signo[0]);
	CHECK_EQ(0, signal_ctx_null);
}
IPCT_CASE(sa_siginfo_handler_arguments,
	.id = "signal.sa_siginfo_handler_arguments",
	.asserts = "with SA_SIGINFO the handler gets a siginfo_t whose si_signo is the signal and a non-null context argument",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_SIGINFO)");

/* Sender information of a kill() from a child, seen by an SA_SIGINFO
 * handler in the parent. */
static pid_t kill_from_child(uid_t *uid)
{
	sigset_t empty;
	pid_t pid;

	signal_xinfo(SIGUSR1, 0);
	ipct_xsigblock(SIGUSR1);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(kill(getppid(), SIGUSR1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	sigemptyset(&empty);
	CHECK_FAILS(sigsuspend(&empty), EINTR);
	CHECK_EQ(1, signal_count);
	*uid = getuid();
	return pid;
}

static void siginfo_kill_si_user(void)
{
	uid_t uid;

	kill_from_child(&uid);
	CHECK_EQ(SIGUSR1, signal_signo[0]);
	CHECK_EQ(SI_USER, signal_code[0]);
}
IPCT_CASE(siginfo_kill_si_user,
	.id = "signal.siginfo_kill_si_user",
	.asserts = "a signal sent with kill() reaches an SA_SIGINFO handler with si_code SI_USER",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (SI_USER); sigaction(), DESCRIPTION");

static void siginfo_kill_sender_pid_uid(void)
{
	uid_t uid;
	pid_t pid = kill_from_child(&uid);

	CHECK_EQ(pid, signal_pid[0]);
	CHECK_EQ(uid, signal_uid[0]);
}
IPCT_CASE(siginfo_kill_sender_pid_uid,
	.id = "signal.siginfo_kill_sender_pid_uid",
	.asserts = "a signal sent with kill() carries the sender's process id in si_pid and its real user id in si_uid",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION; <signal.h>, DESCRIPTION");

static void siginfo_sigqueue_value_in_handler(void)
{
	union sigval v = { .sival_int = -77 };

	signal_xinfo(SIGUSR1, 0);
	ipct_xsigblock(SIGUSR1);
	CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
	CHECK_EQ(0, signal_count);
	signal_xunblock_all();
	CHECK_EQ(1, signal_count);
	CHECK_EQ(SI_QUEUE, signal_code[0]);
	CHECK_EQ(-77, signal_value[0]);
	CHECK_EQ(getpid(), signal_pid[0]);
}
IPCT_CASE(siginfo_sigqueue_value_in_handler,
	.id = "signal.siginfo_sigqueue_value_in_handler",
	.asserts = "an SA_SIGINFO handler receives a sigqueue() signal with si_code SI_QUEUE, the sender's si_pid and the queued si_value",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION; sigqueue(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SIGQUEUE) });

/* ---- SA_RESTART against EINTR ------------------------------------- */

/* hang_handler tells the case through this pipe what it saw. */
static int note_fd = -1;

static int data_pipe[2];

static long read_one(void *arg)
{
	char c;

	(void)arg;
	return read(data_pipe[0], &c, 1);
}

static void read_interrupted_eintr(void)
{
	struct ipct_blocker b;
	ipct_catch(SIGUSR1, 0);

	ipct_xpipe(data_pipe);
	ipct_block_start(&b, read_one, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(read_interrupted_eintr,
	.id = "signal.read_interrupted_eintr",
	.asserts = "a read() blocked on an empty pipe that is interrupted by a caught signal without SA_RESTART fails with EINTR",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESTART); read(), ERRORS [EINTR]");

static void read_sa_restart_restarts(void)
{
	struct ipct_blocker b;
	ipct_catch(SIGUSR1, SA_RESTART);

	ipct_xpipe(data_pipe);
	ipct_block_start(&b, read_one, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	ipct_block_prove(&b); /* the handler ran; the read goes on */
	ipct_xwrite_all(data_pipe[1], "r", 1);
	CHECK_RESULT(ipct_block_finish(&b), 1);
}
IPCT_CASE(read_sa_restart_restarts,
	.id = "signal.read_sa_restart_restarts",
	.asserts = "a read() blocked on a pipe and interrupted by a handler installed with SA_RESTART is restarted and returns the data written later",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESTART)");

static long write_one(void *arg)
{
	(void)arg;
	return write(data_pipe[1], "w", 1);
}

/* A pipe whose buffer no longer takes a single byte. */
static void full_pipe(void)
{
	static const char chunk[4096];
	int fl;

	ipct_xpipe(data_pipe);
	fl = fcntl(data_pipe[1], F_GETFL);
	ipct_xsetnonblock(data_pipe[1]);
	while (write(data_pipe[1], chunk, sizeof chunk) > 0)
		;
	while (write(data_pipe[1], chunk, 1) > 0)
		;
	if (errno != EAGAIN || fcntl(data_pipe[1], F_SETFL, fl) != 0)
		IPCT_BROKEN("filling the pipe: %s", ipct_errname(errno));
}

static void write_interrupted_eintr(void)
{
	struct ipct_blocker b;
	ipct_catch(SIGUSR1, 0);

	full_pipe();
	ipct_block_start(&b, write_one, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(write_interrupted_eintr,
	.id = "signal.write_interrupted_eintr",
	.asserts = "a write() blocked on a full pipe, interrupted by a caught signal without SA_RESTART before writing anything, fails with EINTR",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESTART); write(), ERRORS [EINTR]");

static void write_sa_restart_restarts(void)
{
	struct ipct_blocker b;
	char buf[4096];
	ipct_catch(SIGUSR1, SA_RESTART);

	full_pipe();
	ipct_block_start(&b, write_one, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	ipct_block_prove(&b);
	ipct_xread_all(data_pipe[0], buf, sizeof buf); /* room again */
	CHECK_RESULT(ipct_block_finish(&b), 1);
}
IPCT_CASE(write_sa_restart_restarts,
	.id = "signal.write_sa_restart_restarts",
	.asserts = "a write() blocked on a full pipe and interrupted by a handler installed with SA_RESTART is restarted and completes once there is room",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESTART)");

/* The blocker waits for a grandchild that ends when released through
 * data_pipe.  waitpid_fork() makes the grandchild in the blocker before it
 * posts "before": under qemu-user a fork() waits for the emulator's own
 * locks, a sleep the proof would take for the waitpid().  waitpid_child()
 * is the blocking call; after an EINTR it releases the grandchild itself,
 * reaps it and returns the first result. */
static pid_t waitpid_gc;

static void waitpid_fork(void *arg)
{
	char c;

	(void)arg;
	waitpid_gc = fork();
	if (waitpid_gc == 0)
		_exit(read(data_pipe[0], &c, 1) == 1 ? 0 : 1);
}

static long waitpid_child(void *arg)
{
	pid_t gc = waitpid_gc, r;
	int err, st;

	(void)arg;
	if (gc < 0)
		return -2;
	r = waitpid(gc, &st, 0);
	err = errno;
	if (r < 0) {
		if (write(data_pipe[1], "g", 1) != 1 || waitpid(gc, &st, 0) != gc)
			return -3;
		errno = err;
		return -1;
	}
	return r == gc && WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 1 : -4;
}

static void waitpid_interrupted_eintr(void)
{
	struct ipct_blocker b;
	ipct_catch(SIGUSR1, 0);

	ipct_xpipe(data_pipe);
	ipct_block_start_prep(&b, waitpid_fork, waitpid_child, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(waitpid_interrupted_eintr,
	.id = "signal.waitpid_interrupted_eintr",
	.asserts = "a waitpid() blocked for a running child and interrupted by a caught signal without SA_RESTART fails with EINTR",
	.spec = "POSIX.1-2024 waitpid(), ERRORS [EINTR]; sigaction(), DESCRIPTION (SA_RESTART)");

static void waitpid_sa_restart_restarts(void)
{
	struct ipct_blocker b;
	ipct_catch(SIGUSR1, SA_RESTART);

	ipct_xpipe(data_pipe);
	ipct_block_start_prep(&b, waitpid_fork, waitpid_child, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	ipct_block_prove(&b);
	ipct_xwrite_all(data_pipe[1], "g", 1);
	CHECK_RESULT(ipct_block_finish(&b), 1);
}
IPCT_CASE(waitpid_sa_restart_restarts,
	.id = "signal.waitpid_sa_restart_restarts",
	.asserts = "a waitpid() interrupted by a handler installed with SA_RESTART is restarted and returns when the child exits",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_RESTART); waitpid(), DESCRIPTION");

/* ---- SIGCHLD flags ------------------------------------------------- */

static void sa_nocldstop_no_sigchld_on_stop(void)
{
	struct sigaction a = { .sa_handler = ipct_noop_handler, .sa_flags = SA_NOCLDSTOP };
	int status;
	pid_t pid;

	sigemptyset(&a.sa_mask);
	CHECK_OK(sigaction(SIGCHLD, &a, NULL));
	ipct_xsigblock(SIGCHLD);
	pid = ipct_fork();
	if (pid == 0) {
		raise(SIGSTOP);
		ipct_child_exit();
	}
	CHECK_RET(waitpid(pid, &status, WUNTRACED), pid);
	CHECK(WIFSTOPPED(status));
	CHECK_EQ(0, signal_xpending(SIGCHLD));
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
	CHECK_EQ(1, signal_xpending(SIGCHLD)); /* termination still notifies */
}
IPCT_CASE(sa_nocldstop_no_sigchld_on_stop,
	.id = "signal.sa_nocldstop_no_sigchld_on_stop",
	.asserts = "with SA_NOCLDSTOP on SIGCHLD no SIGCHLD is generated when a child stops, but one is generated when it terminates",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_NOCLDSTOP)");

static void sa_nocldwait_no_zombies(void)
{
	struct sigaction sa;
	pid_t a, b;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDWAIT;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGCHLD, &sa, NULL));
	a = ipct_fork();
	if (a == 0)
		ipct_child_exit();
	b = ipct_fork();
	if (b == 0)
		ipct_child_exit();
	/* wait() blocks until both have ended, then finds no child. */
	CHECK_FAILS(wait(NULL), ECHILD);
	CHECK_FAILS(kill(a, 0), ESRCH);
	CHECK_FAILS(kill(b, 0), ESRCH);
}
IPCT_CASE(sa_nocldwait_no_zombies,
	.id = "signal.sa_nocldwait_no_zombies",
	.asserts = "with SA_NOCLDWAIT on SIGCHLD terminating children leave no zombies, and wait() blocks until they have all ended then fails with ECHILD",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (SA_NOCLDWAIT); wait(), DESCRIPTION");

static void sigchld_ignored_no_zombies(void)
{
	pid_t a;

	ipct_xsigaction(SIGCHLD, SIG_IGN, 0);
	a = ipct_fork();
	if (a == 0)
		ipct_child_exit();
	CHECK_FAILS(wait(NULL), ECHILD);
	CHECK_FAILS(kill(a, 0), ESRCH);
}
IPCT_CASE(sigchld_ignored_no_zombies,
	.id = "signal.sigchld_ignored_no_zombies",
	.asserts = "with SIGCHLD set to SIG_IGN children leave no zombies and wait() fails with ECHILD once they have ended",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.3 (SIG_IGN for SIGCHLD); wait(), DESCRIPTION");

static void sig_ign_discards_pending(void)
{
	ipct_xsigblock(SIGUSR1);
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(1, signal_xpending(SIGUSR1));
	ipct_xsigaction(SIGUSR1, SIG_IGN, 0);
	CHECK_EQ(0, signal_xpending(SIGUSR1));
}
IPCT_CASE(sig_ign_discards_pending,
	.id = "signal.sig_ign_discards_pending",
	.asserts = "setting the action of a pending blocked signal to SIG_IGN discards the pending signal",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1; sigaction(), DESCRIPTION");

/* Runs with every blockable signal blocked (sa_mask filled), reports
 * whether SIGKILL is in the mask, and waits there until killed. */
static void hang_handler(int sig)
{
	sigset_t cur;
	char c;

	(void)sig;
	sigprocmask(SIG_BLOCK, NULL, &cur);
	c = (char)('0' + sigismember(&cur, SIGKILL));
	if (write(note_fd, &c, 1) < 0) {
		/* the case then fails waiting for the note */
	}
	for (;;)
		pause();
}

static void sa_mask_sigkill_accepted_not_blocked(void)
{
	struct pollfd p;
	struct sigaction sa;
	int n[2];
	char c = 0;
	pid_t pid;

	ipct_xpipe(n);
	note_fd = n[1];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = hang_handler;
	sigfillset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	pid = ipct_fork();
	if (pid == 0) {
		raise(SIGUSR1);
		ipct_child_exit();
	}
	p.fd = n[0];
	p.events = POLLIN;
	if (poll(&p, 1, ipct_wait_limit_ms()) != 1)
		IPCT_BROKEN("the handler did not run within %d ms",
			    ipct_wait_limit_ms());
	ipct_xread_all(n[0], &c, 1);
	CHECK_EQ('0', c);
	ipct_wait_asleep(pid);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sa_mask_sigkill_accepted_not_blocked,
	.id = "signal.sa_mask_sigkill_accepted_not_blocked",
	.asserts = "sigaction() accepts an sa_mask containing SIGKILL without error and SIGKILL still terminates the process",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION");

IPCT_CASES(&ipct_case_sigaction_query_returns_installed,
	   &ipct_case_sigaction_oact_returns_previous,
	   &ipct_case_sigaction_query_sigkill_ok,
	   &ipct_case_sigaction_catch_sigkill_einval,
	   &ipct_case_sigaction_ignore_sigstop_einval,
	   &ipct_case_sigaction_invalid_signal_einval,
	   &ipct_case_sa_mask_blocked_during_handler,
	   &ipct_case_caught_signal_blocked_during_handler,
	   &ipct_case_sa_nodefer_allows_nesting,
	   &ipct_case_sa_resethand_resets_to_default,
	   &ipct_case_sa_resethand_second_signal_default,
	   &ipct_case_sa_siginfo_handler_arguments,
	   &ipct_case_siginfo_kill_si_user,
	   &ipct_case_siginfo_kill_sender_pid_uid,
	   &ipct_case_siginfo_sigqueue_value_in_handler,
	   &ipct_case_read_interrupted_eintr,
	   &ipct_case_read_sa_restart_restarts,
	   &ipct_case_write_interrupted_eintr,
	   &ipct_case_write_sa_restart_restarts,
	   &ipct_case_waitpid_interrupted_eintr,
	   &ipct_case_waitpid_sa_restart_restarts,
	   &ipct_case_sa_nocldstop_no_sigchld_on_stop,
	   &ipct_case_sa_nocldwait_no_zombies,
	   &ipct_case_sigchld_ignored_no_zombies,
	   &ipct_case_sig_ign_discards_pending,
	   &ipct_case_sa_mask_sigkill_accepted_not_blocked);
