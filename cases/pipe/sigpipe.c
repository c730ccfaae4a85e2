/* SPDX-License-Identifier: MIT
 * cases/pipe/sigpipe.c - write() to a pipe that no process has open for
 * reading: SIGPIPE under each disposition, and EPIPE.
 * Sources: POSIX.1-2024 write() ERRORS [EPIPE], <signal.h> (SIGPIPE
 * default action), sigpending().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void write_no_reader_sigpipe_kills(void)
{
	int fd[2];
	pid_t pid;

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	pid = ipct_fork();
	if (pid == 0) {
		/* The default action of SIGPIPE ends the process here. */
		if (write(fd[1], "x", 1) < 0) {
			/* reaching this line is the failure the parent reports */
		}
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGPIPE);
}
IPCT_CASE(write_no_reader_sigpipe_kills,
	.id = "pipe.write_no_reader_sigpipe_kills",
	.asserts = "write() to a pipe with no reader sends SIGPIPE, whose default action terminates the writing process",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]; <signal.h> (SIGPIPE default action T)");

static void write_no_reader_ignored_epipe(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(write(fd[1], "x", 1), EPIPE);
}
IPCT_CASE(write_no_reader_ignored_epipe,
	.id = "pipe.write_no_reader_ignored_epipe",
	.asserts = "write() to a pipe with no reader fails with EPIPE when SIGPIPE is ignored",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]");

static void write_no_reader_nonblock_epipe(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	ipct_xsetnonblock(fd[1]);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(write(fd[1], "x", 1), EPIPE);
}
IPCT_CASE(write_no_reader_nonblock_epipe,
	.id = "pipe.write_no_reader_nonblock_epipe",
	.asserts = "an O_NONBLOCK write() to a pipe with no reader fails with EPIPE, not EAGAIN, when SIGPIPE is ignored",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]");

static void write_no_reader_blocked_pending(void)
{
	sigset_t pending;
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(write(fd[1], "x", 1), EPIPE);
	CHECK_OK(sigpending(&pending));
	CHECK_EQ(1, sigismember(&pending, SIGPIPE));
}
IPCT_CASE(write_no_reader_blocked_pending,
	.id = "pipe.write_no_reader_blocked_pending",
	.asserts = "write() to a pipe with no reader while SIGPIPE is blocked fails with EPIPE and leaves SIGPIPE pending for the thread",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]; sigpending(), DESCRIPTION");

static volatile sig_atomic_t sigpipe_count;

static void count_sigpipe(int sig)
{
	(void)sig;
	sigpipe_count++;
}

static void write_no_reader_caught_once(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	ipct_xsigaction(SIGPIPE, count_sigpipe, 0);
	CHECK_FAILS(write(fd[1], "x", 1), EPIPE);
	CHECK_EQ(1, sigpipe_count);
}
IPCT_CASE(write_no_reader_caught_once,
	.id = "pipe.write_no_reader_caught_once",
	.asserts = "write() to a pipe with no reader runs a caught SIGPIPE handler once and then fails with EPIPE",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]");

static long close_read_then_write(void *arg)
{
	int *fd = arg;

	close(fd[0]); /* the blocker's own copy of the read end */
	return write(fd[1], "x", 1);
}

static void write_blocked_reader_closes_epipe(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	pipe_xfill(fd[1]);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	ipct_block_start(&b, close_read_then_write, fd);
	ipct_block_prove(&b);
	ipct_xclose(fd[0]);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EPIPE);
}
IPCT_CASE(write_blocked_reader_closes_epipe,
	.id = "pipe.write_blocked_reader_closes_epipe",
	.asserts = "a write() blocked on a full pipe fails with EPIPE when the last reader closes, SIGPIPE being ignored",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]");

static void write_blocked_reader_closes_sigpipe(void)
{
	struct ipct_sync s;
	int fd[2];
	pid_t pid;

	ipct_xpipe(fd);
	pipe_xfill(fd[1]);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_xclose(fd[0]);
		ipct_post(&s, 1);
		if (write(fd[1], "x", 1) < 0) {
			/* reaching this line is the failure the parent reports */
		}
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	ipct_wait_asleep(pid);
	ipct_xclose(fd[0]);
	CHECK_SIGNALED(ipct_wait(pid), SIGPIPE);
}
IPCT_CASE(write_blocked_reader_closes_sigpipe,
	.id = "pipe.write_blocked_reader_closes_sigpipe",
	.asserts = "a process blocked writing to a full pipe is killed by SIGPIPE (default action) when the last reader closes",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]; <signal.h> (SIGPIPE default action T)");

IPCT_CASES(&ipct_case_write_no_reader_sigpipe_kills,
	   &ipct_case_write_no_reader_ignored_epipe,
	   &ipct_case_write_no_reader_nonblock_epipe,
	   &ipct_case_write_no_reader_blocked_pending,
	   &ipct_case_write_no_reader_caught_once,
	   &ipct_case_write_blocked_reader_closes_epipe,
	   &ipct_case_write_blocked_reader_closes_sigpipe);
