/* SPDX-License-Identifier: MIT
 * cases/pipe/inherit.c - pipe descriptors across fork() and exec:
 * shared open file descriptions, per-descriptor flags, close-on-exec.
 * Sources: POSIX.1-2024 fork(), exec, fcntl() (F_SETFL, F_SETFD), XBD
 * 3 Open File Description.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void fork_child_writes_parent_reads(void)
{
	char buf[8];
	int fd[2];
	pid_t pid;

	ipct_xpipe(fd);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_xclose(fd[0]);
		CHECK_RET(write(fd[1], "child", 5), 5);
		ipct_child_exit();
	}
	ipct_xclose(fd[1]);
	ipct_xread_all(fd[0], buf, 5);
	CHECK_MEM("child", buf, 5);
	CHECK_RET(read(fd[0], buf, 1), 0);
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_child_writes_parent_reads,
	.id = "pipe.fork_child_writes_parent_reads",
	.asserts = "after fork() the child's copy of the write end and the parent's read end refer to the same pipe: what the child writes the parent reads",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION (the child has its own copy of the parent's file descriptors)");

static void fork_shares_status_flags(void)
{
	struct ipct_sync s;
	int fd[2];
	pid_t pid;

	ipct_xpipe(fd);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		char c;

		ipct_sync_wait(&s, 1);
		CHECK_EQ(O_NONBLOCK, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
		CHECK_FAILS(read(fd[0], &c, 1), EAGAIN);
		ipct_child_exit();
	}
	/* Set in the parent after the fork: the child sees it, because both
	 * descriptors refer to one open file description. */
	ipct_xsetnonblock(fd[0]);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_shares_status_flags,
	.id = "pipe.fork_shares_status_flags",
	.asserts = "O_NONBLOCK set with F_SETFL by the parent after fork() is in effect for the child's copy of the descriptor, which shares the open file description",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION; fcntl(), F_SETFL; XBD 3 Open File Description");

static void fork_fd_flags_not_shared(void)
{
	struct ipct_sync s;
	int fd[2];
	pid_t pid;

	ipct_xpipe(fd);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(&s, 1);
		CHECK_EQ(0, fcntl(fd[0], F_GETFD) & FD_CLOEXEC);
		ipct_child_exit();
	}
	CHECK_OK(fcntl(fd[0], F_SETFD, FD_CLOEXEC));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_fd_flags_not_shared,
	.id = "pipe.fork_fd_flags_not_shared",
	.asserts = "FD_CLOEXEC set with F_SETFD by the parent after fork() is not seen on the child's copy: descriptor flags belong to each descriptor",
	.spec = "POSIX.1-2024 fcntl(), F_SETFD (file descriptor flags are associated with a single file descriptor)");

/* "write_fd FD": write "exec" to descriptor FD of this exec'd image. */
static int write_fd_helper(int argc, char **argv)
{
	CHECK_EQ(2, argc);
	CHECK_RET(write(atoi(argv[1]), "exec", 4), 4);
	return 0;
}
IPCT_HELPER(write_fd_helper, "write_fd");

/* "closed_fd FD": descriptor FD must not be open in this exec'd image. */
static int closed_fd_helper(int argc, char **argv)
{
	CHECK_EQ(2, argc);
	CHECK_FAILS(fcntl(atoi(argv[1]), F_GETFD), EBADF);
	return 0;
}
IPCT_HELPER(closed_fd_helper, "closed_fd");

/* A copy of fd at a high number, so nothing the exec'd image opens at
 * start-up lands on it by chance. */
static int high_copy(int fd)
{
	int hi = fcntl(fd, F_DUPFD, 200);

	if (hi < 0)
		IPCT_BROKEN("fcntl(F_DUPFD, 200): %s", ipct_errname(errno));
	return hi;
}

static void exec_keeps_fd(void)
{
	char num[16], buf[8];
	int fd[2], w;
	pid_t pid;

	ipct_xpipe(fd);
	w = high_copy(fd[1]);
	ipct_xclose(fd[1]);
	snprintf(num, sizeof num, "%d", w);
	pid = ipct_exec_helper("write_fd", num, (char *)NULL);
	ipct_xclose(w);
	ipct_xread_all(fd[0], buf, 4);
	CHECK_MEM("exec", buf, 4);
	ipct_wait_ok(pid);
	CHECK_RET(read(fd[0], buf, 1), 0);
}
IPCT_CASE(exec_keeps_fd,
	.id = "pipe.exec_keeps_fd",
	.asserts = "a pipe descriptor without FD_CLOEXEC stays open across exec and the new process image can write to the pipe through it",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (file descriptors open in the calling process image shall remain open)");

static void exec_closes_cloexec_fd(void)
{
	char num[16], c;
	int fd[2], w;
	pid_t pid;

	ipct_xpipe(fd);
	w = high_copy(fd[1]);
	ipct_xclose(fd[1]);
	CHECK_OK(fcntl(w, F_SETFD, FD_CLOEXEC));
	snprintf(num, sizeof num, "%d", w);
	pid = ipct_exec_helper("closed_fd", num, (char *)NULL);
	ipct_wait_ok(pid);
	ipct_xclose(w);
	/* No copy of the write end survived in the exec'd image. */
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(exec_closes_cloexec_fd,
	.id = "pipe.exec_closes_cloexec_fd",
	.asserts = "a pipe descriptor with FD_CLOEXEC set is closed in the new process image after exec",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (FD_CLOEXEC); fcntl(), F_SETFD");

IPCT_HELPERS(&ipct_helper_write_fd_helper, &ipct_helper_closed_fd_helper);

IPCT_CASES(&ipct_case_fork_child_writes_parent_reads,
	   &ipct_case_fork_shares_status_flags,
	   &ipct_case_fork_fd_flags_not_shared, &ipct_case_exec_keeps_fd,
	   &ipct_case_exec_closes_cloexec_fd);
