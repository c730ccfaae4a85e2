/* SPDX-License-Identifier: MIT
 * cases/linux_fd/signalfd.c - signalfd(2): blocked signals of the mask
 * become signalfd_siginfo records read from a file descriptor.
 * Sources: Linux signalfd(2), sigqueue(3), signal(7), poll(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "linux_fd.h"

#include <string.h>

#ifndef HAVE_SIGQUEUE
#define sigqueue(p, s, v) ((void)(p), (void)(s), (void)(v), errno = ENOSYS, -1)
#endif

#define SSI_SIZE ((long)sizeof(struct signalfd_siginfo))

static void xread_info(int fd, struct signalfd_siginfo *si)
{
	memset(si, 0, sizeof *si);
	CHECK_RET(read(fd, si, sizeof *si), SSI_SIZE);
}

static void signalfd_reads_blocked_signal(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, 0);
	struct signalfd_siginfo si;

	CHECK_OK(raise(SIGUSR1));
	xread_info(fd, &si);
	CHECK_EQ(SIGUSR1, si.ssi_signo);
}
IPCT_CASE(signalfd_reads_blocked_signal,
	.id = "linux_fd.signalfd_reads_blocked_signal",
	.asserts = "a blocked signal of the mask that is pending can be read from the signalfd as one signalfd_siginfo record whose ssi_signo is that signal",
	.spec = "Linux signalfd(2), DESCRIPTION (read(2): one or more signalfd_siginfo structures)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_record_sender(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR2, 0);
	pid_t parent = getpid(), pid;
	struct signalfd_siginfo si;

	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(kill(parent, SIGUSR2));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	xread_info(fd, &si);
	CHECK_EQ(SIGUSR2, si.ssi_signo);
	CHECK_EQ(pid, si.ssi_pid);
	CHECK_EQ(getuid(), si.ssi_uid);
	CHECK_EQ(SI_USER, si.ssi_code);
}
IPCT_CASE(signalfd_record_sender,
	.id = "linux_fd.signalfd_record_sender",
	.asserts = "the signalfd_siginfo record of a signal sent with kill() by another process carries the sender's pid in ssi_pid, its real uid in ssi_uid and SI_USER in ssi_code",
	.spec = "Linux signalfd(2), DESCRIPTION (The signalfd_siginfo structure: ssi_pid, ssi_uid, ssi_code); sigaction(2) (si_code SI_USER)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_sigqueue_value(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, 0);
	union sigval v;
	struct signalfd_siginfo si;

	v.sival_int = 4242;
	CHECK_OK(sigqueue(getpid(), SIGUSR1, v));
	xread_info(fd, &si);
	CHECK_EQ(SIGUSR1, si.ssi_signo);
	CHECK_EQ(SI_QUEUE, si.ssi_code);
	CHECK_EQ(4242, si.ssi_int);
	CHECK_EQ(getpid(), si.ssi_pid);
}
IPCT_CASE(signalfd_sigqueue_value,
	.id = "linux_fd.signalfd_sigqueue_value",
	.asserts = "a signal sent with sigqueue() is read from the signalfd with ssi_code SI_QUEUE and the queued value in ssi_int",
	.spec = "Linux signalfd(2), DESCRIPTION (ssi_int, ssi_ptr: data sent by sigqueue(3)); sigqueue(3)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD), IPCT_HAVE(HAVE_SIGQUEUE) });

static void signalfd_record_size(void)
{
	CHECK_EQ(128, sizeof(struct signalfd_siginfo));
}
IPCT_CASE(signalfd_record_size,
	.id = "linux_fd.signalfd_record_size",
	.asserts = "struct signalfd_siginfo is 128 bytes, the size the kernel writes for each record",
	.spec = "Linux signalfd(2), DESCRIPTION (The signalfd_siginfo structure: pad to 128 bytes)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_short_buffer_einval(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	char buf[sizeof(struct signalfd_siginfo) - 1];

	CHECK_OK(raise(SIGUSR1));
	CHECK_FAILS(read(fd, buf, sizeof buf), EINVAL);
	CHECK(linux_fd_pending(SIGUSR1));
}
IPCT_CASE(signalfd_short_buffer_einval,
	.id = "linux_fd.signalfd_short_buffer_einval",
	.asserts = "read() of a signalfd into a buffer smaller than one signalfd_siginfo fails with EINVAL and leaves the signal pending",
	.spec = "Linux signalfd(2), ERRORS [EINVAL] and DESCRIPTION (read(2): the buffer must be at least sizeof(struct signalfd_siginfo) bytes)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_several_records(void)
{
	struct signalfd_siginfo si[3];
	sigset_t m;
	int fd;

	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	sigaddset(&m, SIGUSR2);
	CHECK_OK(sigprocmask(SIG_BLOCK, &m, NULL));
	fd = signalfd(-1, &m, SFD_NONBLOCK);
	CHECK_OK(fd);
	CHECK_OK(raise(SIGUSR1));
	CHECK_OK(raise(SIGUSR2));
	CHECK_RET(read(fd, si, sizeof si), 2 * SSI_SIZE);
	/* Standard signals are delivered lowest number first. */
	CHECK_EQ(SIGUSR1, si[0].ssi_signo);
	CHECK_EQ(SIGUSR2, si[1].ssi_signo);
}
IPCT_CASE(signalfd_several_records,
	.id = "linux_fd.signalfd_several_records",
	.asserts = "one read() with room for several records returns as many signalfd_siginfo structures as signals are pending (two pending signals: 256 bytes)",
	.spec = "Linux signalfd(2), DESCRIPTION (read(2): returns as many signalfd_siginfo structures as will fit in the buffer)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_nonblock_eagain(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	struct signalfd_siginfo si;

	CHECK_EQ(O_NONBLOCK, fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK_FAILS(read(fd, &si, sizeof si), EAGAIN);
}
IPCT_CASE(signalfd_nonblock_eagain,
	.id = "linux_fd.signalfd_nonblock_eagain",
	.asserts = "SFD_NONBLOCK sets O_NONBLOCK, and read() with no signal of the mask pending then fails with EAGAIN",
	.spec = "Linux signalfd(2), DESCRIPTION (SFD_NONBLOCK; read(2): fails with EAGAIN if nonblocking)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_cloexec(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_CLOEXEC);
	int plain = linux_fd_xsignalfd1(SIGUSR2, 0);

	CHECK_EQ(FD_CLOEXEC, fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(plain, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(plain, F_GETFL) & O_NONBLOCK);
}
IPCT_CASE(signalfd_cloexec,
	.id = "linux_fd.signalfd_cloexec",
	.asserts = "SFD_CLOEXEC sets FD_CLOEXEC on the new signalfd; with flags 0 neither FD_CLOEXEC nor O_NONBLOCK is set",
	.spec = "Linux signalfd(2), DESCRIPTION (SFD_CLOEXEC)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

struct sfd_arg {
	int fd;
};

static long sfd_read_call(void *p)
{
	struct sfd_arg *a = p;
	struct signalfd_siginfo si;
	long r = (long)read(a->fd, &si, sizeof si);

	return r == SSI_SIZE ? 1000 + (long)si.ssi_signo : r;
}

static void signalfd_read_blocks(void)
{
	struct sfd_arg a = { linux_fd_xsignalfd1(SIGUSR1, 0) };
	struct ipct_blocker b;

	ipct_block_start(&b, sfd_read_call, &a);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT(ipct_block_finish(&b), 1000 + SIGUSR1);
}
IPCT_CASE(signalfd_read_blocks,
	.id = "linux_fd.signalfd_read_blocks",
	.asserts = "read() of a blocking signalfd with no signal of the mask pending blocks until such a signal arrives, then returns its record",
	.spec = "Linux signalfd(2), DESCRIPTION (read(2): blocks until one of the signals in mask is generated)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_consumes_pending(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	struct signalfd_siginfo si;

	CHECK_OK(raise(SIGUSR1));
	CHECK(linux_fd_pending(SIGUSR1));
	xread_info(fd, &si);
	CHECK(!linux_fd_pending(SIGUSR1));
	CHECK_FAILS(read(fd, &si, sizeof si), EAGAIN);
}
IPCT_CASE(signalfd_consumes_pending,
	.id = "linux_fd.signalfd_consumes_pending",
	.asserts = "a signal read through a signalfd is consumed: it is no longer in sigpending() and is not read again",
	.spec = "Linux signalfd(2), DESCRIPTION (read(2): the signals are consumed, so that they are no longer pending)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_unblocked_not_read(void)
{
	struct signalfd_siginfo si;
	sigset_t m;
	int fd;

	ipct_catch(SIGUSR1, 0);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	fd = signalfd(-1, &m, SFD_NONBLOCK); /* SIGUSR1 left unblocked */
	CHECK_OK(fd);
	CHECK_OK(raise(SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_FAILS(read(fd, &si, sizeof si), EAGAIN);
}
IPCT_CASE(signalfd_unblocked_not_read,
	.id = "linux_fd.signalfd_unblocked_not_read",
	.asserts = "a signal of the signalfd's mask that is not blocked is delivered to its handler as usual and is not read from the signalfd",
	.spec = "Linux signalfd(2), DESCRIPTION (the signals in mask should be blocked, to prevent them being handled according to their default dispositions)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_mask_change(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	struct signalfd_siginfo si;
	sigset_t m;

	ipct_xsigblock(SIGUSR2);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR2);
	CHECK_RET(signalfd(fd, &m, 0), fd);
	CHECK_OK(raise(SIGUSR1));
	CHECK_FAILS(read(fd, &si, sizeof si), EAGAIN);
	CHECK_OK(raise(SIGUSR2));
	xread_info(fd, &si);
	CHECK_EQ(SIGUSR2, si.ssi_signo);
	CHECK(linux_fd_pending(SIGUSR1));
}
IPCT_CASE(signalfd_mask_change,
	.id = "linux_fd.signalfd_mask_change",
	.asserts = "signalfd() on an existing signalfd replaces its mask and returns the same descriptor: a signal of the old mask is no longer read, one of the new mask is",
	.spec = "Linux signalfd(2), DESCRIPTION (if fd is a valid signalfd descriptor, its mask is replaced by mask)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_not_signalfd_einval(void)
{
	int fd[2];
	sigset_t m;

	ipct_xpipe(fd);
	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	CHECK_FAILS(signalfd(fd[0], &m, 0), EINVAL);
	CHECK_FAILS(signalfd(999, &m, 0), EBADF);
}
IPCT_CASE(signalfd_not_signalfd_einval,
	.id = "linux_fd.signalfd_not_signalfd_einval",
	.asserts = "signalfd() with an fd that is open but not a signalfd fails with EINVAL, and with a descriptor that is not open fails with EBADF",
	.spec = "Linux signalfd(2), ERRORS [EBADF], [EINVAL] (fd is not a valid signalfd file descriptor)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_bad_flags_einval(void)
{
	sigset_t m;

	sigemptyset(&m);
	sigaddset(&m, SIGUSR1);
	/* 0x10 is neither SFD_CLOEXEC nor SFD_NONBLOCK. */
	CHECK_FAILS(signalfd(-1, &m, 0x10), EINVAL);
}
IPCT_CASE(signalfd_bad_flags_einval,
	.id = "linux_fd.signalfd_bad_flags_einval",
	.asserts = "signalfd() with a flag other than SFD_CLOEXEC and SFD_NONBLOCK fails with EINVAL",
	.spec = "Linux signalfd(2), ERRORS [EINVAL] (flags is invalid)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_poll_readable(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	struct signalfd_siginfo si;

	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, 0));
	xread_info(fd, &si);
	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
}
IPCT_CASE(signalfd_poll_readable,
	.id = "linux_fd.signalfd_poll_readable",
	.asserts = "poll() reports a signalfd readable exactly while a signal of its mask is pending",
	.spec = "Linux signalfd(2), DESCRIPTION (poll(2): readable if one or more of the signals in mask is pending)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_fork_child_own(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR1, SFD_NONBLOCK);
	struct signalfd_siginfo si;
	pid_t parent = getpid(), pid;

	CHECK_OK(raise(SIGUSR1)); /* pending in the parent only */
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_FAILS(read(fd, &si, sizeof si), EAGAIN);
		CHECK_OK(raise(SIGUSR1));
		xread_info(fd, &si);
		CHECK_EQ(getpid(), si.ssi_pid);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	xread_info(fd, &si);
	CHECK_EQ(parent, si.ssi_pid);
}
IPCT_CASE(signalfd_fork_child_own,
	.id = "linux_fd.signalfd_fork_child_own",
	.asserts = "after fork() the child's read of the inherited signalfd returns the child's own signals, not the parent's pending ones, and the parent still reads its own",
	.spec = "Linux signalfd(2), NOTES (fork(2) semantics: a read in the child returns information about signals queued to the child)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_rt_queue_order(void)
{
	int sig = SIGRTMIN + 1, fd = linux_fd_xsignalfd1(sig, SFD_NONBLOCK);
	struct signalfd_siginfo si[3];
	union sigval v;

	v.sival_int = 1;
	CHECK_OK(sigqueue(getpid(), sig, v));
	v.sival_int = 2;
	CHECK_OK(sigqueue(getpid(), sig, v));
	CHECK_RET(read(fd, si, sizeof si), 2 * SSI_SIZE);
	CHECK_EQ(1, si[0].ssi_int);
	CHECK_EQ(2, si[1].ssi_int);
}
IPCT_CASE(signalfd_rt_queue_order,
	.id = "linux_fd.signalfd_rt_queue_order",
	.asserts = "two instances of a real-time signal queued with sigqueue() are both read from the signalfd, in the order they were sent, each with its own value",
	.spec = "Linux signalfd(2), DESCRIPTION (read(2)); signal(7) (Real-time signals: multiple instances are queued and delivered in order)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD), IPCT_HAVE(HAVE_SIGQUEUE) });

static void signalfd_standard_merged(void)
{
	int fd = linux_fd_xsignalfd1(SIGUSR2, SFD_NONBLOCK);
	struct signalfd_siginfo si[2];

	CHECK_OK(raise(SIGUSR2));
	CHECK_OK(raise(SIGUSR2));
	CHECK_RET(read(fd, si, sizeof si), SSI_SIZE);
}
IPCT_CASE(signalfd_standard_merged,
	.id = "linux_fd.signalfd_standard_merged",
	.asserts = "a standard signal raised twice while blocked is pending once and is read from the signalfd as one record",
	.spec = "Linux signal(7) (Standard signals: only one instance is queued while blocked); signalfd(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

static void signalfd_sigkill_ignored(void)
{
	sigset_t m;
	int fd;

	sigemptyset(&m);
	sigaddset(&m, SIGKILL);
	sigaddset(&m, SIGSTOP);
	fd = signalfd(-1, &m, SFD_NONBLOCK);
	CHECK_OK(fd);
	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
}
IPCT_CASE(signalfd_sigkill_ignored,
	.id = "linux_fd.signalfd_sigkill_ignored",
	.asserts = "signalfd() with SIGKILL and SIGSTOP in the mask succeeds (they are silently ignored) and gives a descriptor with nothing to read",
	.spec = "Linux signalfd(2), DESCRIPTION (it is not possible to receive SIGKILL or SIGSTOP via a signalfd; these signals are silently ignored if specified in mask)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD) });

IPCT_CASES(&ipct_case_signalfd_reads_blocked_signal,
	   &ipct_case_signalfd_record_sender, &ipct_case_signalfd_sigqueue_value,
	   &ipct_case_signalfd_record_size, &ipct_case_signalfd_short_buffer_einval,
	   &ipct_case_signalfd_several_records, &ipct_case_signalfd_nonblock_eagain,
	   &ipct_case_signalfd_cloexec, &ipct_case_signalfd_read_blocks,
	   &ipct_case_signalfd_consumes_pending,
	   &ipct_case_signalfd_unblocked_not_read, &ipct_case_signalfd_mask_change,
	   &ipct_case_signalfd_not_signalfd_einval,
	   &ipct_case_signalfd_bad_flags_einval, &ipct_case_signalfd_poll_readable,
	   &ipct_case_signalfd_fork_child_own, &ipct_case_signalfd_rt_queue_order,
	   &ipct_case_signalfd_standard_merged, &ipct_case_signalfd_sigkill_ignored);
