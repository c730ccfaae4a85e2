/* SPDX-License-Identifier: MIT
 * cases/pipe/pipe2.c - pipe2(): flags applied atomically at creation.
 * Sources: POSIX.1-2024 pipe2() (on the pipe() page), fork() (FD_CLOFORK);
 * Linux pipe(2).  glibc declares pipe2() only with _GNU_SOURCE.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "pipe.h"

#include <unistd.h>

/* Cases that need pipe2() say so in .requires; where configure did not
 * find it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_PIPE2
#define pipe2(fd, flags) ((void)(fd), (void)(flags), errno = ENOSYS, -1)
#endif

static void pipe2_cloexec(void)
{
	int fd[2];

	CHECK_RET(pipe2(fd, O_CLOEXEC), 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(fd[0], F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(FD_CLOEXEC, fcntl(fd[1], F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
	CHECK_EQ(0, fcntl(fd[1], F_GETFL) & O_NONBLOCK);
}
IPCT_CASE(pipe2_cloexec,
	.id = "pipe.pipe2_cloexec",
	.asserts = "pipe2() with O_CLOEXEC sets FD_CLOEXEC on both new descriptors and leaves O_NONBLOCK clear",
	.spec = "POSIX.1-2024 pipe2(), DESCRIPTION (O_CLOEXEC)",
	.requires = { IPCT_HAVE(HAVE_PIPE2) });

static void pipe2_nonblock(void)
{
	int fd[2];
	char c;

	CHECK_RET(pipe2(fd, O_NONBLOCK), 0);
	CHECK_EQ(O_NONBLOCK, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
	CHECK_EQ(O_NONBLOCK, fcntl(fd[1], F_GETFL) & O_NONBLOCK);
	CHECK_EQ(0, fcntl(fd[0], F_GETFD) & FD_CLOEXEC);
	CHECK_FAILS(read(fd[0], &c, 1), EAGAIN);
}
IPCT_CASE(pipe2_nonblock,
	.id = "pipe.pipe2_nonblock",
	.asserts = "pipe2() with O_NONBLOCK sets O_NONBLOCK on both new descriptors, so a read of the empty pipe fails with EAGAIN, and leaves FD_CLOEXEC clear",
	.spec = "POSIX.1-2024 pipe2(), DESCRIPTION (O_NONBLOCK)",
	.requires = { IPCT_HAVE(HAVE_PIPE2) });

static void pipe2_cloexec_nonblock(void)
{
	int fd[2], i;

	CHECK_RET(pipe2(fd, O_CLOEXEC | O_NONBLOCK), 0);
	for (i = 0; i < 2; i++) {
		CHECK_EQ(FD_CLOEXEC, fcntl(fd[i], F_GETFD) & FD_CLOEXEC);
		CHECK_EQ(O_NONBLOCK, fcntl(fd[i], F_GETFL) & O_NONBLOCK);
	}
}
IPCT_CASE(pipe2_cloexec_nonblock,
	.id = "pipe.pipe2_cloexec_nonblock",
	.asserts = "pipe2() with O_CLOEXEC and O_NONBLOCK sets both FD_CLOEXEC and O_NONBLOCK on both new descriptors",
	.spec = "POSIX.1-2024 pipe2(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PIPE2) });

static void pipe2_zero_like_pipe(void)
{
	int fd[2], i;
	char c = 0;

	CHECK_RET(pipe2(fd, 0), 0);
	for (i = 0; i < 2; i++) {
		CHECK_EQ(0, fcntl(fd[i], F_GETFD) & FD_CLOEXEC);
		CHECK_EQ(0, fcntl(fd[i], F_GETFL) & O_NONBLOCK);
	}
	CHECK_RET(write(fd[1], "z", 1), 1);
	CHECK_RET(read(fd[0], &c, 1), 1);
	CHECK_EQ('z', c);
}
IPCT_CASE(pipe2_zero_like_pipe,
	.id = "pipe.pipe2_zero_like_pipe",
	.asserts = "pipe2() with flags 0 makes a pipe like pipe(): a read end and a write end with neither FD_CLOEXEC nor O_NONBLOCK",
	.spec = "POSIX.1-2024 pipe2(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PIPE2) });

static void pipe2_einval(void)
{
	int fd[2] = { -1, -1 };

	/* O_TRUNC is not one of the flags pipe2() accepts. */
	CHECK_FAILS(pipe2(fd, O_TRUNC), EINVAL);
}
IPCT_CASE(pipe2_einval,
	.id = "pipe.pipe2_einval",
	.asserts = "pipe2() with a flag other than O_CLOEXEC, O_CLOFORK or O_NONBLOCK fails with EINVAL",
	.spec = "POSIX.1-2024 pipe2(), ERRORS [EINVAL]; Linux pipe(2), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_PIPE2) });

static void pipe2_clofork(void)
{
#if defined(HAVE_PIPE2) && HAVE_DECL_O_CLOFORK
	int fd[2];
	pid_t pid;

	CHECK_RET(pipe2(fd, O_CLOFORK), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_FAILS(fcntl(fd[0], F_GETFD), EBADF);
		CHECK_FAILS(fcntl(fd[1], F_GETFD), EBADF);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(fcntl(fd[0], F_GETFD));
#endif
}
IPCT_CASE(pipe2_clofork,
	.id = "pipe.pipe2_clofork",
	.asserts = "descriptors made by pipe2() with O_CLOFORK are closed in the child after fork() and stay open in the parent",
	.spec = "POSIX.1-2024 pipe2(), DESCRIPTION (O_CLOFORK); fork(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PIPE2), IPCT_HAVE(HAVE_DECL_O_CLOFORK) });

IPCT_CASES(&ipct_case_pipe2_cloexec, &ipct_case_pipe2_nonblock,
	   &ipct_case_pipe2_cloexec_nonblock, &ipct_case_pipe2_zero_like_pipe,
	   &ipct_case_pipe2_einval, &ipct_case_pipe2_clofork);
