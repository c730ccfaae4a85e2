/* SPDX-License-Identifier: MIT
 * cases/linux_fd/pidfd.c - process file descriptors: pidfd_open(2),
 * pidfd_send_signal(2), poll() readiness when the process ends,
 * waitid(P_PIDFD) and clone(CLONE_PIDFD).
 * Sources: Linux pidfd_open(2), pidfd_send_signal(2), waitid(2) (P_PIDFD),
 * clone(2) (CLONE_PIDFD), rt_sigqueueinfo(2) (si_code rules).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "linux_fd.h"

#include <sched.h>
#include <string.h>
#include <sys/wait.h>

#if !HAVE_DECL_P_PIDFD
#define P_PIDFD 3 /* never used: the cases needing it are skipped */
#endif

static int pidfd_open_(pid_t pid, unsigned flags)
{
	return linux_fd_pidfd_open(pid, flags);
}

static int send_(int fd, int sig, siginfo_t *info, unsigned flags)
{
	return linux_fd_pidfd_send_signal(fd, sig, info, flags);
}

/* A child that waits for checkpoint 1, then exits with code. */
static pid_t waiting_child(struct ipct_sync *s, int code)
{
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(s, 1);
		_exit(code);
	}
	return pid;
}

/* A child that blocks in read() of a pipe nobody writes: it ends only by
 * a signal (or when the case ends and the pipe closes). */
static pid_t idle_child(void)
{
	int fd[2];
	pid_t pid;
	char c;

	ipct_xpipe(fd);
	pid = ipct_fork();
	if (pid == 0) {
		close(fd[1]);
		if (read(fd[0], &c, 1) < 0) {
		}
		_exit(0);
	}
	ipct_xclose(fd[0]);
	return pid;
}

static void pidfd_open_cloexec(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 0);
	int fd = linux_fd_xpidfd_open(pid, 0);

	CHECK_EQ(FD_CLOEXEC, fcntl(fd, F_GETFD) & FD_CLOEXEC);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_open_cloexec,
	.id = "linux_fd.pidfd_open_cloexec",
	.asserts = "pidfd_open() of a live child returns a descriptor with close-on-exec set",
	.spec = "Linux pidfd_open(2), DESCRIPTION (the close-on-exec flag is set on the file descriptor)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

static void pidfd_open_bad_flags_einval(void)
{
	(void)linux_fd_xpidfd_open(getpid(), 0); /* skips without pidfd */
	CHECK_FAILS(pidfd_open_(getpid(), 1), EINVAL);
}
IPCT_CASE(pidfd_open_bad_flags_einval,
	.id = "linux_fd.pidfd_open_bad_flags_einval",
	.asserts = "pidfd_open() with flags other than 0 or PIDFD_NONBLOCK fails with EINVAL",
	.spec = "Linux pidfd_open(2), ERRORS [EINVAL] (flags is not valid)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

static void pidfd_open_reaped_esrch(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0)
		ipct_child_exit();
	ipct_wait_ok(pid);
	(void)linux_fd_xpidfd_open(getpid(), 0); /* skips without pidfd */
	CHECK_FAILS(pidfd_open_(pid, 0), ESRCH);
}
IPCT_CASE(pidfd_open_reaped_esrch,
	.id = "linux_fd.pidfd_open_reaped_esrch",
	.asserts = "pidfd_open() of the pid of a child that has exited and been reaped fails with ESRCH",
	.spec = "Linux pidfd_open(2), ERRORS [ESRCH] (the process specified by pid does not exist)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

static void pidfd_nonblock_waitid_eagain(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 0);
	int fd = pidfd_open_(pid, PIDFD_NONBLOCK);
	siginfo_t si;

	if (fd < 0) {
		ipct_skip_if_unsupported("pidfd_open()", errno);
		if (errno == EINVAL)
			ipct_skip("pidfd_open(PIDFD_NONBLOCK): EINVAL (kernel before 5.10)");
	}
	CHECK_OK(fd);
	CHECK_EQ(O_NONBLOCK, fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK_FAILS(waitid(P_PIDFD, (id_t)fd, &si, WEXITED), EAGAIN);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_nonblock_waitid_eagain,
	.id = "linux_fd.pidfd_nonblock_waitid_eagain",
	.asserts = "a pidfd opened with PIDFD_NONBLOCK has O_NONBLOCK, and waitid(P_PIDFD) on it for a child that has not ended fails with EAGAIN",
	.spec = "Linux pidfd_open(2), DESCRIPTION (PIDFD_NONBLOCK: waitid(2) fails with EAGAIN if the process has not terminated)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(HAVE_DECL_P_PIDFD) });

static void pidfd_send_signal_kills(void)
{
	pid_t pid = idle_child();
	int fd = linux_fd_xpidfd_open(pid, 0);

	CHECK_OK(send_(fd, SIGTERM, NULL, 0));
	CHECK_SIGNALED(ipct_wait(pid), SIGTERM);
}
IPCT_CASE(pidfd_send_signal_kills,
	.id = "linux_fd.pidfd_send_signal_kills",
	.asserts = "pidfd_send_signal() delivers the signal to the process the pidfd refers to: SIGTERM ends the child by that signal",
	.spec = "Linux pidfd_send_signal(2), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void fill_info(siginfo_t *si, int sig, int code, int value)
{
	memset(si, 0, sizeof *si);
	si->si_signo = sig;
	si->si_code = code;
	si->si_pid = getpid();
	si->si_uid = getuid();
	si->si_value.sival_int = value;
}

static void pidfd_send_signal_info(void)
{
	struct ipct_sync s;
	siginfo_t si;
	pid_t pid;
	int fd;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		int sfd = linux_fd_xsignalfd1(SIGUSR1, 0);
		struct signalfd_siginfo r;

		ipct_post(&s, 1);
		CHECK_RET(read(sfd, &r, sizeof r), (long)sizeof r);
		CHECK_EQ(SI_QUEUE, r.ssi_code);
		CHECK_EQ(77, r.ssi_int);
		CHECK_EQ(getppid(), r.ssi_pid);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	fd = linux_fd_xpidfd_open(pid, 0);
	fill_info(&si, SIGUSR1, SI_QUEUE, 77);
	CHECK_OK(send_(fd, SIGUSR1, &si, 0));
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_send_signal_info,
	.id = "linux_fd.pidfd_send_signal_info",
	.asserts = "pidfd_send_signal() with a siginfo whose si_code is SI_QUEUE delivers that siginfo: the child reads SI_QUEUE, the value and the sender's pid",
	.spec = "Linux pidfd_send_signal(2), DESCRIPTION (info: as for rt_sigqueueinfo(2)); rt_sigqueueinfo(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL), IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void pidfd_send_signal_info_eperm(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 0);
	int fd = linux_fd_xpidfd_open(pid, 0);
	siginfo_t si;

	/* si_code >= 0 (SI_USER) may only be given for the caller itself. */
	fill_info(&si, SIGUSR1, SI_USER, 1);
	CHECK_FAILS(send_(fd, SIGUSR1, &si, 0), EPERM);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_send_signal_info_eperm,
	.id = "linux_fd.pidfd_send_signal_info_eperm",
	.asserts = "pidfd_send_signal() to another process with a siginfo whose si_code is not negative (SI_USER) fails with EPERM and sends nothing",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EPERM] (pidfd does not refer to the calling process and info.si_code is invalid); rt_sigqueueinfo(2), ERRORS [EPERM]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_send_signal_self_info(void)
{
	int sfd = linux_fd_xsignalfd1(SIGUSR2, SFD_NONBLOCK);
	int fd = linux_fd_xpidfd_open(getpid(), 0);
	struct signalfd_siginfo r;
	siginfo_t si;

	fill_info(&si, SIGUSR2, SI_USER, 9);
	CHECK_OK(send_(fd, SIGUSR2, &si, 0));
	CHECK_RET(read(sfd, &r, sizeof r), (long)sizeof r);
	CHECK_EQ(SIGUSR2, r.ssi_signo);
	CHECK_EQ(SI_USER, r.ssi_code);
}
IPCT_CASE(pidfd_send_signal_self_info,
	.id = "linux_fd.pidfd_send_signal_self_info",
	.asserts = "pidfd_send_signal() to the caller's own process accepts a siginfo with si_code SI_USER and delivers it as given",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EPERM] (the si_code restriction applies only when pidfd does not refer to the caller); rt_sigqueueinfo(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL), IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void pidfd_send_signal_mismatch_einval(void)
{
	int fd = linux_fd_xpidfd_open(getpid(), 0);
	siginfo_t si;

	ipct_xsigblock(SIGUSR1);
	ipct_xsigblock(SIGUSR2);
	fill_info(&si, SIGUSR2, SI_QUEUE, 1);
	CHECK_FAILS(send_(fd, SIGUSR1, &si, 0), EINVAL);
	CHECK(!linux_fd_pending(SIGUSR1));
	CHECK(!linux_fd_pending(SIGUSR2));
}
IPCT_CASE(pidfd_send_signal_mismatch_einval,
	.id = "linux_fd.pidfd_send_signal_mismatch_einval",
	.asserts = "pidfd_send_signal() with a siginfo whose si_signo differs from sig fails with EINVAL and sends nothing",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EINVAL]; rt_sigqueueinfo(2) (si_signo must match sig)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_send_signal_flags_einval(void)
{
	int fd = linux_fd_xpidfd_open(getpid(), 0);

	ipct_xsigblock(SIGUSR1);
	/* 0x80 is none of the PIDFD_SIGNAL_* flags (6.9 added 1, 2 and 4). */
	CHECK_FAILS(send_(fd, SIGUSR1, NULL, 0x80), EINVAL);
	CHECK(!linux_fd_pending(SIGUSR1));
}
IPCT_CASE(pidfd_send_signal_flags_einval,
	.id = "linux_fd.pidfd_send_signal_flags_einval",
	.asserts = "pidfd_send_signal() with an unknown flag fails with EINVAL and sends nothing",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EINVAL] (flags is not 0)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_send_signal_bad_fd_ebadf(void)
{
	int fd[2];

	(void)linux_fd_xpidfd_open(getpid(), 0); /* skips without pidfd */
	ipct_xpipe(fd);
	CHECK_FAILS(send_(fd[0], SIGUSR1, NULL, 0), EBADF);
}
IPCT_CASE(pidfd_send_signal_bad_fd_ebadf,
	.id = "linux_fd.pidfd_send_signal_bad_fd_ebadf",
	.asserts = "pidfd_send_signal() on a descriptor that is not a PID file descriptor (a pipe) fails with EBADF",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EBADF] (pidfd is not a valid PID file descriptor)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_send_signal_other_user_eperm(void)
{
	struct ipct_sync s;
	pid_t target = waiting_child(&s, 0), pid;
	int fd = linux_fd_xpidfd_open(target, 0);

	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(send_(fd, SIGTERM, NULL, 0), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	ipct_post(&s, 1);
	ipct_wait_ok(target);
}
IPCT_CASE(pidfd_send_signal_other_user_eperm,
	.id = "linux_fd.pidfd_send_signal_other_user_eperm",
	.asserts = "pidfd_send_signal() by an unprivileged process of another user to a root-owned process fails with EPERM and the target lives on",
	.spec = "Linux pidfd_send_signal(2), ERRORS [EPERM] (the calling process does not have permission to send the signal); kill(2) permission rules",
	.needs = IPCT_LINUX_ONLY | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_send_signal_reaped_esrch(void)
{
	pid_t pid = ipct_fork();
	int fd;

	if (pid == 0)
		ipct_child_exit(); /* until reaped, a zombie can still be opened */
	fd = linux_fd_xpidfd_open(pid, 0);
	ipct_wait_ok(pid);
	CHECK_FAILS(send_(fd, SIGTERM, NULL, 0), ESRCH);
}
IPCT_CASE(pidfd_send_signal_reaped_esrch,
	.id = "linux_fd.pidfd_send_signal_reaped_esrch",
	.asserts = "pidfd_send_signal() through a pidfd whose process has exited and been reaped fails with ESRCH",
	.spec = "Linux pidfd_send_signal(2), ERRORS [ESRCH] (the target process does not exist: it has terminated and been waited on)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_SEND_SIGNAL) });

static void pidfd_poll_exit(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 0);
	int fd = linux_fd_xpidfd_open(pid, 0);

	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
	ipct_post(&s, 1);
	/* Readable once the child has ended, before anyone reaps it. */
	CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, ipct_wait_limit_ms()) & POLLIN);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_poll_exit,
	.id = "linux_fd.pidfd_poll_exit",
	.asserts = "poll() reports a pidfd readable only once its process has terminated, also before the process is reaped",
	.spec = "Linux pidfd_open(2), NOTES (poll(2): the file descriptor becomes readable when the process terminates)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

struct poll_arg {
	int fd;
};

static long poll_call(void *p)
{
	struct poll_arg *a = p;
	struct pollfd q = { a->fd, POLLIN, 0 };
	int r = poll(&q, 1, -1);

	return r == 1 ? (q.revents & POLLIN) : -1;
}

static void pidfd_poll_blocks_until_exit(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 0);
	struct poll_arg a = { linux_fd_xpidfd_open(pid, 0) };
	struct ipct_blocker b;

	ipct_block_start(&b, poll_call, &a);
	ipct_block_prove(&b);
	ipct_post(&s, 1);
	CHECK_RESULT(ipct_block_finish(&b), POLLIN);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_poll_blocks_until_exit,
	.id = "linux_fd.pidfd_poll_blocks_until_exit",
	.asserts = "a process (not the parent) asleep in poll() on a pidfd is woken with POLLIN when the process the pidfd refers to exits",
	.spec = "Linux pidfd_open(2), NOTES (a pidfd can be monitored with poll(2): readable when the process terminates; works for non-child processes)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

static void pidfd_waitid_status(void)
{
	struct ipct_sync s;
	pid_t pid = waiting_child(&s, 5);
	int fd = linux_fd_xpidfd_open(pid, 0);
	siginfo_t si;

	ipct_post(&s, 1);
	memset(&si, 0, sizeof si);
	CHECK_RET(waitid(P_PIDFD, (id_t)fd, &si, WEXITED), 0);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(CLD_EXITED, si.si_code);
	CHECK_EQ(5, si.si_status);
	CHECK_EQ(SIGCHLD, si.si_signo);
}
IPCT_CASE(pidfd_waitid_status,
	.id = "linux_fd.pidfd_waitid_status",
	.asserts = "waitid(P_PIDFD, pidfd, WEXITED) waits for the child the pidfd refers to and reports its pid, CLD_EXITED and exit status",
	.spec = "Linux waitid(2) (P_PIDFD: wait for the child whose PID is referred to by the PID file descriptor, since Linux 5.4)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(HAVE_DECL_P_PIDFD) });

static void pidfd_waitid_reaped_echild(void)
{
	pid_t pid = ipct_fork();
	int fd;
	siginfo_t si;

	if (pid == 0)
		ipct_child_exit();
	fd = linux_fd_xpidfd_open(pid, 0);
	CHECK_RET(waitid(P_PIDFD, (id_t)fd, &si, WEXITED), 0);
	CHECK_FAILS(waitid(P_PIDFD, (id_t)fd, &si, WEXITED), ECHILD);
	/* Still readable: the process has terminated (kernels since 6.9
	 * add POLLHUP once it is reaped, which pidfd_open(2) leaves open). */
	CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, 0) & POLLIN);
}
IPCT_CASE(pidfd_waitid_reaped_echild,
	.id = "linux_fd.pidfd_waitid_reaped_echild",
	.asserts = "once a child has been reaped through its pidfd, a second waitid(P_PIDFD) fails with ECHILD while the pidfd stays readable",
	.spec = "Linux waitid(2), ERRORS [ECHILD] (the process specified does not exist or is not a child); pidfd_open(2), NOTES (readable after termination)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(HAVE_DECL_P_PIDFD) });

static void pidfd_waitid_nonchild_echild(void)
{
	pid_t parent = getpid(), pid = ipct_fork();

	if (pid == 0) {
		int fd = linux_fd_xpidfd_open(parent, 0);
		siginfo_t si;

		CHECK_FAILS(waitid(P_PIDFD, (id_t)fd, &si, WEXITED | WNOHANG), ECHILD);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_waitid_nonchild_echild,
	.id = "linux_fd.pidfd_waitid_nonchild_echild",
	.asserts = "waitid(P_PIDFD) on a pidfd of a process that is not a child of the caller (its parent) fails with ECHILD",
	.spec = "Linux waitid(2), ERRORS [ECHILD] (the process specified by id is not a child of the calling process)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN), IPCT_HAVE(HAVE_DECL_P_PIDFD) });

static void pidfd_shared_with_sibling(void)
{
	struct ipct_sync s;
	pid_t target = waiting_child(&s, 0), pid;
	int fd = linux_fd_xpidfd_open(target, 0);

	pid = ipct_fork();
	if (pid == 0) {
		/* A sibling of the target can wait for its end through it. */
		CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, ipct_wait_limit_ms()) & POLLIN);
		ipct_child_exit();
	}
	ipct_post(&s, 1);
	ipct_wait_ok(target);
	ipct_wait_ok(pid);
}
IPCT_CASE(pidfd_shared_with_sibling,
	.id = "linux_fd.pidfd_shared_with_sibling",
	.asserts = "a pidfd inherited across fork() still refers to the same process: the target's sibling sees it readable once the target exits",
	.spec = "Linux pidfd_open(2), NOTES (the file descriptor can be passed to other processes; poll(2) when the process terminates)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) });

static void pidfd_clone_pidfd(void)
{
#if HAVE_DECL_CLONE_PIDFD && HAVE_DECL_SYS_CLONE && (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || defined(__arm__) || defined(__riscv) || defined(__powerpc__))
	int pfd = -1;
	long pid;
	siginfo_t si;

	if (ipct_under_valgrind())
		ipct_skip("valgrind does not emulate clone() with CLONE_PIDFD");
	fflush(NULL);
	/* Raw clone(): flags, stack (0: a copy like fork), parent_tid (where
	 * CLONE_PIDFD stores the pidfd) on these architectures. */
	pid = syscall(SYS_clone, (long)(CLONE_PIDFD | SIGCHLD), 0L, &pfd, 0L, 0L);
	if (pid == 0)
		_exit(3);
	if (pid < 0 && errno == EINVAL)
		ipct_skip("clone(CLONE_PIDFD): EINVAL (a kernel before 5.2, or an emulator that does not pass the flag on, as qemu-user 7.2)");
	CHECK_OK(pid);
	CHECK(pfd >= 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(pfd, F_GETFD) & FD_CLOEXEC);
	memset(&si, 0, sizeof si);
	CHECK_RET(waitid(P_PIDFD, (id_t)pfd, &si, WEXITED), 0);
	CHECK_EQ(pid, si.si_pid);
	CHECK_EQ(3, si.si_status);
#else
	ipct_skip("clone(CLONE_PIDFD) argument order not known for this architecture");
#endif
}
IPCT_CASE(pidfd_clone_pidfd,
	.id = "linux_fd.pidfd_clone_pidfd",
	.asserts = "clone() with CLONE_PIDFD stores a close-on-exec pidfd of the new child in the parent, and waitid(P_PIDFD) on it reports that child's exit",
	.spec = "Linux clone(2), DESCRIPTION (CLONE_PIDFD, since Linux 5.2: the close-on-exec flag is set on the new PID file descriptor)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_CLONE_PIDFD), IPCT_HAVE(HAVE_DECL_SYS_CLONE), IPCT_HAVE(HAVE_DECL_P_PIDFD) });

IPCT_CASES(&ipct_case_pidfd_open_cloexec, &ipct_case_pidfd_open_bad_flags_einval,
	   &ipct_case_pidfd_open_reaped_esrch,
	   &ipct_case_pidfd_nonblock_waitid_eagain,
	   &ipct_case_pidfd_send_signal_kills, &ipct_case_pidfd_send_signal_info,
	   &ipct_case_pidfd_send_signal_info_eperm,
	   &ipct_case_pidfd_send_signal_self_info,
	   &ipct_case_pidfd_send_signal_mismatch_einval,
	   &ipct_case_pidfd_send_signal_flags_einval,
	   &ipct_case_pidfd_send_signal_bad_fd_ebadf,
	   &ipct_case_pidfd_send_signal_other_user_eperm,
	   &ipct_case_pidfd_send_signal_reaped_esrch, &ipct_case_pidfd_poll_exit,
	   &ipct_case_pidfd_poll_blocks_until_exit, &ipct_case_pidfd_waitid_status,
	   &ipct_case_pidfd_waitid_reaped_echild,
	   &ipct_case_pidfd_waitid_nonchild_echild, &ipct_case_pidfd_shared_with_sibling,
	   &ipct_case_pidfd_clone_pidfd);
