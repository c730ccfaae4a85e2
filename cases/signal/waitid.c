/* SPDX-License-Identifier: MIT
 * cases/signal/waitid.c - waitid(): the CLD_* codes and si_status for
 * exit, death by signal, stop and continue; WNOWAIT, WNOHANG, P_PGID and
 * the errors.
 * Sources: POSIX.1-2024 waitid(), <sys/wait.h>, XSH 2.4.2 (CLD_* codes);
 * Linux waitid(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "signal.h"

#include <sys/wait.h>
#include <unistd.h>

static pid_t child_waiting(struct ipct_sync *s)
{
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(s, 1);
		_exit(7);
	}
	return pid;
}

static void waitid_exited_fields(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	ipct_post(&s, 1);
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WEXITED));
	CHECK_EQ(SIGCHLD, si.si_signo);
	CHECK_EQ(CLD_EXITED, si.si_code);
	CHECK_EQ(7, si.si_status);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(getuid(), si.si_uid);
	CHECK_FAILS(waitid(P_PID, pid, &si, WEXITED), ECHILD);
}
IPCT_CASE(waitid_exited_fields,
	.id = "signal.waitid_exited_fields",
	.asserts = "waitid(P_PID, WEXITED) on a child that called _exit(7) reports si_signo SIGCHLD, si_code CLD_EXITED, si_status 7, its pid and uid, and reaps it",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION; XSH 2.4.2 (CLD_EXITED)");

static void waitid_killed_code(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	CHECK_OK(kill(pid, SIGKILL));
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WEXITED));
	CHECK_EQ(CLD_KILLED, si.si_code);
	CHECK_EQ(SIGKILL, si.si_status);
	CHECK_EQ(pid, si.si_pid);
}
IPCT_CASE(waitid_killed_code,
	.id = "signal.waitid_killed_code",
	.asserts = "waitid() on a child killed by SIGKILL reports si_code CLD_KILLED and si_status SIGKILL",
	.spec = "POSIX.1-2024 waitid(); XSH 2.4.2 (CLD_KILLED: si_status is the signal)");

static void waitid_stopped_and_continued(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	CHECK_OK(kill(pid, SIGSTOP));
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WSTOPPED));
	CHECK_EQ(CLD_STOPPED, si.si_code);
	CHECK_EQ(SIGSTOP, si.si_status);
	CHECK_EQ(pid, si.si_pid);
	CHECK_OK(kill(pid, SIGCONT));
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WCONTINUED));
	CHECK_EQ(CLD_CONTINUED, si.si_code);
	CHECK_EQ(SIGCONT, si.si_status);
	CHECK_EQ(pid, si.si_pid);
	ipct_post(&s, 1);
	CHECK_EXITED(ipct_wait(pid), 7);
}
IPCT_CASE(waitid_stopped_and_continued,
	.id = "signal.waitid_stopped_and_continued",
	.asserts = "waitid() with WSTOPPED reports a child stopped by SIGSTOP as CLD_STOPPED/SIGSTOP, and with WCONTINUED its SIGCONT as CLD_CONTINUED/SIGCONT",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION (WSTOPPED, WCONTINUED); XSH 2.4.2; Linux waitid(2)");

static void waitid_wnowait_keeps_waitable(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	ipct_post(&s, 1);
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
	CHECK_EQ(CLD_EXITED, si.si_code);
	CHECK_EQ(7, si.si_status);
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PID, pid, &si, WEXITED));
	CHECK_EQ(CLD_EXITED, si.si_code);
	CHECK_EQ(pid, si.si_pid);
	CHECK_FAILS(waitid(P_PID, pid, &si, WEXITED), ECHILD);
}
IPCT_CASE(waitid_wnowait_keeps_waitable,
	.id = "signal.waitid_wnowait_keeps_waitable",
	.asserts = "waitid() with WNOWAIT reports an exited child but leaves it waitable: a second waitid() reports it again and reaps it",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION (WNOWAIT)");

static void waitid_wnohang_nothing_yet(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	memset(&si, 0, sizeof si);
	CHECK_RET(waitid(P_PID, pid, &si, WEXITED | WNOHANG), 0);
	CHECK_EQ(0, si.si_pid);
	ipct_post(&s, 1);
	CHECK_EXITED(ipct_wait(pid), 7); /* it was not reaped */
}
IPCT_CASE(waitid_wnohang_nothing_yet,
	.id = "signal.waitid_wnohang_nothing_yet",
	.asserts = "waitid() with WNOHANG on a running child returns 0 at once, si_pid stays 0, and the child is not reaped",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION and RETURN VALUE (WNOHANG); Linux waitid(2)");

static void waitpid_wnohang_running_child(void)
{
	struct ipct_sync s;
	int status;
	pid_t pid = child_waiting(&s);

	CHECK_RET(waitpid(pid, &status, WNOHANG), 0);
	ipct_post(&s, 1);
	CHECK_RET(waitpid(pid, &status, 0), pid);
	CHECK(WIFEXITED(status));
	CHECK_EQ(7, WEXITSTATUS(status));
}
IPCT_CASE(waitpid_wnohang_running_child,
	.id = "signal.waitpid_wnohang_running_child",
	.asserts = "waitpid() with WNOHANG on a child that is still running returns 0 at once, and the child is reaped by a later waitpid() with its exit status",
	.spec = "POSIX.1-2024 waitpid(), DESCRIPTION and RETURN VALUE (WNOHANG)");

static void waitid_wexited_skips_stop(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid = child_waiting(&s);

	CHECK_OK(kill(pid, SIGSTOP));
	ipct_wait_stopped(pid);
	memset(&si, 0, sizeof si);
	CHECK_RET(waitid(P_PID, pid, &si, WEXITED | WNOHANG), 0);
	CHECK_EQ(0, si.si_pid);
	/* The stop is still there to report to WSTOPPED. */
	CHECK_OK(waitid(P_PID, pid, &si, WSTOPPED));
	CHECK_EQ(CLD_STOPPED, si.si_code);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(waitid_wexited_skips_stop,
	.id = "signal.waitid_wexited_skips_stop",
	.asserts = "waitid() asking only WEXITED does not report (or consume) a stopped child: WNOHANG returns 0, and WSTOPPED then reports the stop",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION (options select the state changes)");

static void waitid_no_state_einval(void)
{
	siginfo_t si;

	CHECK_FAILS(waitid(P_ALL, 0, &si, WNOHANG), EINVAL);
	CHECK_FAILS(waitid(P_ALL, 0, &si, 0), EINVAL);
}
IPCT_CASE(waitid_no_state_einval,
	.id = "signal.waitid_no_state_einval",
	.asserts = "waitid() whose options name none of WEXITED, WSTOPPED, WCONTINUED fails with EINVAL",
	.spec = "POSIX.1-2024 waitid(), ERRORS [EINVAL] (applications shall specify at least one); Linux waitid(2)",
	.needs = IPCT_LINUX_ONLY);

static void waitid_bad_idtype_einval(void)
{
	siginfo_t si;

	CHECK_FAILS(waitid((idtype_t)42, 0, &si, WEXITED | WNOHANG), EINVAL);
}
IPCT_CASE(waitid_bad_idtype_einval,
	.id = "signal.waitid_bad_idtype_einval",
	.asserts = "waitid() with an idtype that is none of P_PID, P_PGID, P_ALL fails with EINVAL",
	.spec = "POSIX.1-2024 waitid(), ERRORS [EINVAL]; Linux waitid(2)",
	.needs = IPCT_LINUX_ONLY);

static void waitid_not_child_echild(void)
{
	siginfo_t si;

	CHECK_FAILS(waitid(P_PID, getppid(), &si, WEXITED | WNOHANG), ECHILD);
	CHECK_FAILS(waitid(P_ALL, 0, &si, WEXITED | WNOHANG), ECHILD);
}
IPCT_CASE(waitid_not_child_echild,
	.id = "signal.waitid_not_child_echild",
	.asserts = "waitid() for a process that is not a child, or P_ALL with no children, fails with ECHILD",
	.spec = "POSIX.1-2024 waitid(), ERRORS [ECHILD]");

static void waitid_pgid_selects_group(void)
{
	struct ipct_sync s1, s2;
	siginfo_t si;
	pid_t pid, other;

	pid = child_waiting(&s1);
	CHECK_OK(setpgid(pid, pid));
	other = child_waiting(&s2); /* stays in our group */
	ipct_post(&s1, 1);
	memset(&si, 0, sizeof si);
	CHECK_OK(waitid(P_PGID, pid, &si, WEXITED));
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(7, si.si_status);
	CHECK_FAILS(waitid(P_PGID, pid, &si, WEXITED | WNOHANG), ECHILD);
	ipct_post(&s2, 1);
	CHECK_EXITED(ipct_wait(other), 7);
}
IPCT_CASE(waitid_pgid_selects_group,
	.id = "signal.waitid_pgid_selects_group",
	.asserts = "waitid(P_PGID, g) waits only for a child in process group g; with none left there it fails with ECHILD",
	.spec = "POSIX.1-2024 waitid(), DESCRIPTION (P_PGID), ERRORS [ECHILD]");

IPCT_CASES(&ipct_case_waitid_exited_fields,
	   &ipct_case_waitid_killed_code,
	   &ipct_case_waitid_stopped_and_continued,
	   &ipct_case_waitid_wnowait_keeps_waitable,
	   &ipct_case_waitid_wnohang_nothing_yet, &ipct_case_waitpid_wnohang_running_child,
	   &ipct_case_waitid_wexited_skips_stop,
	   &ipct_case_waitid_no_state_einval,
	   &ipct_case_waitid_bad_idtype_einval,
	   &ipct_case_waitid_not_child_echild,
	   &ipct_case_waitid_pgid_selects_group);
