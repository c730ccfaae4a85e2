/* SPDX-License-Identifier: MIT
 * cases/signal/action.c - default actions (terminate, terminate with a
 * core image, stop, continue, ignore), signals sent to a stopped process,
 * the SIGCHLD a parent gets when a child exits, is killed, stops or
 * continues, and signal().
 * Sources: POSIX.1-2024 Signal Concepts 2.4.1 and 2.4.3, <signal.h>
 * (default actions, CLD_* codes), waitpid(), sigaction(), signal().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "signal.h"

#include <poll.h>
#include <sys/wait.h>

/* A child that sends itself sig with every action at its default. */
static int raise_in_child(int sig)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		raise(sig);
		ipct_child_exit();
	}
	return ipct_wait(pid);
}

static void default_sigterm_terminates(void)
{
	CHECK_SIGNALED(raise_in_child(SIGTERM), SIGTERM);
}
IPCT_CASE(default_sigterm_terminates,
	.id = "signal.default_sigterm_terminates",
	.asserts = "the default action of SIGTERM terminates the process",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default actions); Signal Concepts 2.4.3");

static void default_sigusr1_terminates(void)
{
	CHECK_SIGNALED(raise_in_child(SIGUSR1), SIGUSR1);
}
IPCT_CASE(default_sigusr1_terminates,
	.id = "signal.default_sigusr1_terminates",
	.asserts = "the default action of SIGUSR1 terminates the process",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default actions)");

static void default_sighup_terminates(void)
{
	CHECK_SIGNALED(raise_in_child(SIGHUP), SIGHUP);
}
IPCT_CASE(default_sighup_terminates,
	.id = "signal.default_sighup_terminates",
	.asserts = "the default action of SIGHUP terminates the process",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default actions)");

static void default_sigquit_terminates_core(void)
{
	/* Core dumps are disabled: only the terminating signal is checked. */
	CHECK_SIGNALED(raise_in_child(SIGQUIT), SIGQUIT);
}
IPCT_CASE(default_sigquit_terminates_core,
	.id = "signal.default_sigquit_terminates_core",
	.asserts = "the default action of SIGQUIT terminates the process abnormally (with a core image where enabled) and WTERMSIG reports SIGQUIT",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action A)");

static void default_sigabrt_terminates_core(void)
{
	CHECK_SIGNALED(raise_in_child(SIGABRT), SIGABRT);
}
IPCT_CASE(default_sigabrt_terminates_core,
	.id = "signal.default_sigabrt_terminates_core",
	.asserts = "the default action of SIGABRT terminates the process abnormally and WTERMSIG reports SIGABRT",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action A)");

static void default_ignored_keeps_running(int sig)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		CHECK_RET(raise(sig), 0);
		CHECK_OK(kill(getpid(), sig));
		ipct_child_exit();
	}
	CHECK_EXITED(ipct_wait(pid), 0);
}

static void default_sigchld_ignored(void)
{
	default_ignored_keeps_running(SIGCHLD);
}
IPCT_CASE(default_sigchld_ignored,
	.id = "signal.default_sigchld_ignored",
	.asserts = "the default action of SIGCHLD is to ignore it: the process keeps running",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action I)");

static void default_sigurg_ignored(void)
{
	default_ignored_keeps_running(SIGURG);
}
IPCT_CASE(default_sigurg_ignored,
	.id = "signal.default_sigurg_ignored",
	.asserts = "the default action of SIGURG is to ignore it: the process keeps running",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action I)");

/* A child that stops itself with sig, then waits for checkpoint 1
 * before it exits; the parent sees the stop through waitpid(). */
static pid_t stopped_child(struct ipct_sync *s, int sig)
{
	int status;
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		raise(sig);
		ipct_sync_wait(s, 1);
		ipct_child_exit();
	}
	CHECK_RET(waitpid(pid, &status, WUNTRACED), pid);
	CHECK(WIFSTOPPED(status));
	CHECK_EQ(sig, WSTOPSIG(status));
	return pid;
}

static void default_sigtstp_stops(void)
{
	struct ipct_sync s;
	pid_t pid;

	signal_skip_under_valgrind("a SIGTSTP the process raises does not stop it there");
	pid = stopped_child(&s, SIGTSTP);
	CHECK_OK(kill(pid, SIGCONT));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(default_sigtstp_stops,
	.id = "signal.default_sigtstp_stops",
	.asserts = "the default action of SIGTSTP stops the process, which waitpid() with WUNTRACED reports with WSTOPSIG SIGTSTP",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action S); waitpid(), DESCRIPTION");

static void sigstop_stops(void)
{
	struct ipct_sync s;
	pid_t pid = stopped_child(&s, SIGSTOP);

	CHECK_OK(kill(pid, SIGCONT));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(sigstop_stops,
	.id = "signal.sigstop_stops",
	.asserts = "SIGSTOP stops the process, which waitpid() with WUNTRACED reports with WSTOPSIG SIGSTOP",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (default action S); waitpid(), DESCRIPTION");

static void sigcont_continues(void)
{
	struct ipct_sync s;
	int status;
	pid_t pid = stopped_child(&s, SIGSTOP);

	CHECK_OK(kill(pid, SIGCONT));
	CHECK_RET(waitpid(pid, &status, WCONTINUED), pid);
	CHECK(WIFCONTINUED(status));
	ipct_post(&s, 1); /* it runs: it takes the checkpoint and exits */
	ipct_wait_ok(pid);
}
IPCT_CASE(sigcont_continues,
	.id = "signal.sigcont_continues",
	.asserts = "SIGCONT continues a stopped process, which waitpid() with WCONTINUED reports as WIFCONTINUED",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.3 (default action C); waitpid(), DESCRIPTION (WCONTINUED)");

static void sigkill_kills_stopped(void)
{
	struct ipct_sync s;
	pid_t pid = stopped_child(&s, SIGSTOP);

	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sigkill_kills_stopped,
	.id = "signal.sigkill_kills_stopped",
	.asserts = "SIGKILL terminates a stopped process without it being continued",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1");

static int note_fd = -1;

static void note_handler(int sig)
{
	char c = (char)sig;
	int saved = errno;

	if (write(note_fd, &c, 1) < 0) {
		/* the case then fails waiting for the note */
	}
	errno = saved;
}

static void stopped_defers_other_signals(void)
{
	struct pollfd p;
	struct ipct_sync s;
	int n[2];
	pid_t pid;

	ipct_xpipe(n);
	note_fd = n[1];
	ipct_xsigaction(SIGUSR1, note_handler, 0); /* inherited */
	pid = stopped_child(&s, SIGSTOP);
	CHECK_OK(kill(pid, SIGUSR1));
	/* A check that something does not happen: a short window, which a
	 * loaded machine can only make pass, never fail. */
	p.fd = n[0];
	p.events = POLLIN;
	CHECK_RET(poll(&p, 1, 50), 0);
	CHECK_OK(kill(pid, SIGCONT));
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(stopped_defers_other_signals,
	.id = "signal.stopped_defers_other_signals",
	.asserts = "a caught signal sent to a stopped process is not delivered until the process is continued by SIGCONT",
	.spec = "POSIX.1-2024 Signal Concepts 2.4.1",
	.timed = 1);

/* ---- SIGCHLD to the parent ---------------------------------------- */

static void wait_sigchld(siginfo_t *si)
{
	sigset_t set = signal_set1(SIGCHLD);

	memset(si, 0, sizeof *si);
	CHECK_RET(sigwaitinfo(&set, si), SIGCHLD);
}

static void sigchld_child_exited(void)
{
	siginfo_t si;
	pid_t pid;

	ipct_xsigblock(SIGCHLD);
	pid = ipct_fork();
	if (pid == 0)
		_exit(7); /* an exit code to find in si_status */
	wait_sigchld(&si);
	CHECK_EQ(CLD_EXITED, si.si_code);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(7, si.si_status);
	CHECK_EXITED(ipct_wait(pid), 7);
}
IPCT_CASE(sigchld_child_exited,
	.id = "signal.sigchld_child_exited",
	.asserts = "a child's exit generates SIGCHLD for the parent with si_code CLD_EXITED, the child's si_pid and its exit status in si_status",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (CLD_EXITED); Signal Concepts 2.4.3");

static void sigchld_child_killed(void)
{
	siginfo_t si;
	pid_t pid;

	ipct_xsigblock(SIGCHLD);
	pid = ipct_fork();
	if (pid == 0) {
		raise(SIGKILL);
		ipct_child_exit();
	}
	wait_sigchld(&si);
	CHECK_EQ(CLD_KILLED, si.si_code);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(SIGKILL, si.si_status);
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(sigchld_child_killed,
	.id = "signal.sigchld_child_killed",
	.asserts = "a child killed by a signal without a core image generates SIGCHLD with si_code CLD_KILLED and the signal in si_status",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (CLD_KILLED)");

static void sigchld_child_stopped(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid;

	ipct_xsigblock(SIGCHLD);
	pid = stopped_child(&s, SIGSTOP);
	wait_sigchld(&si);
	CHECK_EQ(CLD_STOPPED, si.si_code);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(SIGSTOP, si.si_status);
	CHECK_OK(kill(pid, SIGCONT));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(sigchld_child_stopped,
	.id = "signal.sigchld_child_stopped",
	.asserts = "a child stopped by a signal generates SIGCHLD (without SA_NOCLDSTOP) with si_code CLD_STOPPED and the stop signal in si_status",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (CLD_STOPPED); sigaction(), DESCRIPTION");

static void sigchld_child_continued(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid;

	ipct_xsigblock(SIGCHLD);
	pid = stopped_child(&s, SIGSTOP);
	wait_sigchld(&si); /* the stop */
	CHECK_OK(kill(pid, SIGCONT));
	wait_sigchld(&si);
	CHECK_EQ(CLD_CONTINUED, si.si_code);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(SIGCONT, si.si_status);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(sigchld_child_continued,
	.id = "signal.sigchld_child_continued",
	.asserts = "a stopped child that is continued generates SIGCHLD with si_code CLD_CONTINUED",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (CLD_CONTINUED)");

/* ---- signal() ------------------------------------------------------ */

static void signal_returns_previous(void)
{
	CHECK(signal(SIGUSR1, signal_note) == SIG_DFL);
	CHECK(signal(SIGUSR1, ipct_noop_handler) == signal_note);
	CHECK(signal(SIGUSR1, SIG_IGN) == ipct_noop_handler);
}
IPCT_CASE(signal_returns_previous,
	.id = "signal.signal_returns_previous",
	.asserts = "signal() installs the new disposition and returns the previous one",
	.spec = "POSIX.1-2024 signal(), RETURN VALUE");

static void signal_invalid_sig_err(void)
{
	void (*r)(int);

	errno = 0;
	r = signal(SIGKILL, signal_note);
	CHECK(r == SIG_ERR);
	CHECK_ERRNO(errno, EINVAL);
	errno = 0;
	r = signal(0, signal_note);
	CHECK(r == SIG_ERR);
	CHECK_ERRNO(errno, EINVAL);
}
IPCT_CASE(signal_invalid_sig_err,
	.id = "signal.signal_invalid_sig_err",
	.asserts = "signal() for SIGKILL or an invalid signal number returns SIG_ERR and sets errno to EINVAL",
	.spec = "POSIX.1-2024 signal(), RETURN VALUE and ERRORS [EINVAL]");

IPCT_CASES(&ipct_case_default_sigterm_terminates,
	   &ipct_case_default_sigusr1_terminates,
	   &ipct_case_default_sighup_terminates,
	   &ipct_case_default_sigquit_terminates_core,
	   &ipct_case_default_sigabrt_terminates_core,
	   &ipct_case_default_sigchld_ignored,
	   &ipct_case_default_sigurg_ignored,
	   &ipct_case_default_sigtstp_stops,
	   &ipct_case_sigstop_stops,
	   &ipct_case_sigcont_continues,
	   &ipct_case_sigkill_kills_stopped,
	   &ipct_case_stopped_defers_other_signals,
	   &ipct_case_sigchld_child_exited,
	   &ipct_case_sigchld_child_killed,
	   &ipct_case_sigchld_child_stopped,
	   &ipct_case_sigchld_child_continued,
	   &ipct_case_signal_returns_previous,
	   &ipct_case_signal_invalid_sig_err);
