/* SPDX-License-Identifier: MIT
 * cases/pipe/read.c - read() on unnamed pipes: byte stream order, how
 * much a read returns, end-of-file, O_NONBLOCK, blocking, and signals
 * arriving while a read is blocked.
 * Sources: POSIX.1-2024 read() DESCRIPTION and ERRORS, pipe(), close(),
 * sigaction() (SA_RESTART); Linux signal(7) for restarting and stop
 * signals.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* Signal handlers tell the case they ran through this pipe. */
static void read_eof_no_writer(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(read_eof_no_writer,
	.id = "pipe.read_eof_no_writer",
	.asserts = "read() on an empty pipe that no process has open for writing returns 0",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static long read_one(void *arg)
{
	char c;
	int *fd = arg;

	return read(fd[0], &c, 1);
}

static void read_blocks_until_write(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, read_one, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(read_blocks_until_write,
	.id = "pipe.read_blocks_until_write",
	.asserts = "read() on an empty pipe with a writer open blocks until data is written, then returns it",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_byte_order(void)
{
	char in[3000], out[3000];
	int fd[2];
	size_t i;

	for (i = 0; i < sizeof in; i++)
		in[i] = (char)(i * 7 + i / 251);
	ipct_xpipe(fd);
	CHECK_RET(write(fd[1], in, 1000), 1000);
	CHECK_RET(write(fd[1], in + 1000, 1), 1);
	CHECK_RET(write(fd[1], in + 1001, 1999), 1999);
	ipct_xclose(fd[1]);
	ipct_xread_all(fd[0], out, sizeof out);
	CHECK_MEM(in, out, sizeof in);
}
IPCT_CASE(read_byte_order,
	.id = "pipe.read_byte_order",
	.asserts = "bytes written to the write end are read from the read end unchanged and in the order they were written",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void read_no_message_boundaries(void)
{
	char buf[16] = "";
	int fd[2];

	ipct_xpipe(fd);
	CHECK_RET(write(fd[1], "hello", 5), 5);
	CHECK_RET(write(fd[1], "world", 5), 5);
	CHECK_RET(read(fd[0], buf, 10), 10);
	CHECK_MEM("helloworld", buf, 10);
}
IPCT_CASE(read_no_message_boundaries,
	.id = "pipe.read_no_message_boundaries",
	.asserts = "a pipe keeps no write boundaries: one read() returns the bytes of two earlier writes together",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_returns_available(void)
{
	char buf[100];
	int fd[2];

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "abc", 3);
	/* Blocking descriptor, writer still open: it must not wait for 100. */
	CHECK_RET(read(fd[0], buf, sizeof buf), 3);
	CHECK_MEM("abc", buf, 3);
}
IPCT_CASE(read_returns_available,
	.id = "pipe.read_returns_available",
	.asserts = "read() asking for more bytes than the pipe holds returns at once with the bytes available, not waiting for more",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static long read_hundred(void *arg)
{
	char buf[100];
	int *fd = arg;

	return read(fd[0], buf, sizeof buf);
}

static void read_blocked_returns_written(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, read_hundred, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "abc", 3);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 3);
}
IPCT_CASE(read_blocked_returns_written,
	.id = "pipe.read_blocked_returns_written",
	.asserts = "a read() blocked on an empty pipe returns the bytes of a shorter write as soon as they arrive, without waiting for nbyte bytes",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_zero_nbyte(void)
{
	int fd[2];
	char c = 0;

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "q", 1);
	CHECK_RET(read(fd[0], &c, 0), 0);
	CHECK_RET(read(fd[0], &c, 1), 1);
	CHECK_EQ('q', c);
}
IPCT_CASE(read_zero_nbyte,
	.id = "pipe.read_zero_nbyte",
	.asserts = "read() with nbyte 0 on a pipe holding data returns 0 and leaves the data in the pipe",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_nonblock_empty_eagain(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xsetnonblock(fd[0]);
	CHECK_FAILS(read(fd[0], &c, 1), EAGAIN);
}
IPCT_CASE(read_nonblock_empty_eagain,
	.id = "pipe.read_nonblock_empty_eagain",
	.asserts = "read() with O_NONBLOCK on an empty pipe that a process has open for writing fails with EAGAIN",
	.spec = "POSIX.1-2024 read(), ERRORS [EAGAIN]");

static void read_nonblock_no_writer_eof(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xsetnonblock(fd[0]);
	ipct_xclose(fd[1]);
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(read_nonblock_no_writer_eof,
	.id = "pipe.read_nonblock_no_writer_eof",
	.asserts = "read() with O_NONBLOCK on an empty pipe with no writer returns 0 (end-of-file), not EAGAIN",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_data_after_writer_closes(void)
{
	char buf[8];
	int fd[2];

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "abc", 3);
	ipct_xclose(fd[1]);
	CHECK_RET(read(fd[0], buf, sizeof buf), 3);
	CHECK_MEM("abc", buf, 3);
	CHECK_RET(read(fd[0], buf, sizeof buf), 0);
}
IPCT_CASE(read_data_after_writer_closes,
	.id = "pipe.read_data_after_writer_closes",
	.asserts = "data written before the last writer closed is still read, and only then does read() return 0",
	.spec = "POSIX.1-2024 read(), DESCRIPTION; close(), DESCRIPTION");

static void read_eof_waits_for_dup(void)
{
	int fd[2], copy;
	char c;

	ipct_xpipe(fd);
	copy = ipct_xdup(fd[1]);
	ipct_xclose(fd[1]);
	ipct_xsetnonblock(fd[0]);
	/* A duplicate of the write end is still open: no end-of-file. */
	CHECK_FAILS(read(fd[0], &c, 1), EAGAIN);
	ipct_xclose(copy);
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(read_eof_waits_for_dup,
	.id = "pipe.read_eof_waits_for_dup",
	.asserts = "read() does not report end-of-file while a duplicated descriptor of the write end is still open, and does once it is closed",
	.spec = "POSIX.1-2024 read(), DESCRIPTION (no process has the pipe open for writing)");

static long close_write_then_read(void *arg)
{
	int *fd = arg;
	char c;

	close(fd[1]); /* the blocker's own copy of the write end */
	return read(fd[0], &c, 1);
}

static void read_eof_waits_for_other_process(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	struct ipct_sync s;
	int fd[2];
	pid_t holder;

	ipct_xpipe(fd);
	ipct_sync_init(&s);
	holder = ipct_fork();
	if (holder == 0) {
		ipct_xclose(fd[0]);
		ipct_sync_wait(&s, 1); /* keeps fd[1] open until told */
		ipct_xclose(fd[1]);
		ipct_child_exit();
	}
	ipct_block_start(&b, close_write_then_read, fd);
	ipct_xclose(fd[1]);
	/* The only write end left is in the holder process. */
	ipct_block_prove(&b);
	ipct_post(&s, 1);
	ipct_wait_ok(holder);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
}
IPCT_CASE(read_eof_waits_for_other_process,
	.id = "pipe.read_eof_waits_for_other_process",
	.asserts = "a read() on an empty pipe keeps blocking while another process still holds the write end, and returns 0 when that process closes it",
	.spec = "POSIX.1-2024 read(), DESCRIPTION; fork(), DESCRIPTION (descriptors are copied)");

static void read_blocked_eof_on_last_close(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, close_write_then_read, fd);
	ipct_block_prove(&b);
	ipct_xclose(fd[1]);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
}
IPCT_CASE(read_blocked_eof_on_last_close,
	.id = "pipe.read_blocked_eof_on_last_close",
	.asserts = "a read() blocked on an empty pipe returns 0 when the last write end is closed",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void read_eintr(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, read_one, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(read_eintr,
	.id = "pipe.read_eintr",
	.asserts = "a read() blocked on an empty pipe, interrupted by a caught signal whose handler lacks SA_RESTART, fails with EINTR",
	.spec = "POSIX.1-2024 read(), ERRORS [EINTR]");

static void read_sa_restart(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	struct sigaction a;
	int fd[2];

	ipct_xpipe(fd);
	ipct_catch(SIGUSR1, 0);
	/* SA_RESTART, the subject, set with sigaction() itself. */
	CHECK_OK(sigaction(SIGUSR1, NULL, &a));
	a.sa_flags |= SA_RESTART;
	CHECK_OK(sigaction(SIGUSR1, &a, NULL));
	ipct_block_start(&b, read_one, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	/* The handler has run: without restarting the call has failed by now. */
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(read_sa_restart,
	.id = "pipe.read_sa_restart",
	.asserts = "on Linux a read() blocked on a pipe and interrupted by a handler installed with SA_RESTART is restarted and returns the data written afterwards",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers; POSIX.1-2024 sigaction() SA_RESTART",
	.needs = IPCT_LINUX_ONLY);

static void read_survives_stop_cont(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, read_one, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGSTOP));
	ipct_wait_stopped(b.pid);
	CHECK_OK(kill(b.pid, SIGCONT));
	ipct_wait_asleep(b.pid);
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(read_survives_stop_cont,
	.id = "pipe.read_survives_stop_cont",
	.asserts = "on Linux a read() blocked on a pipe is not failed by SIGSTOP and SIGCONT without handlers: it goes on and returns the data written afterwards",
	.spec = "Linux signal(7), Interruption of system calls and library functions by stop signals",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_read_eof_no_writer, &ipct_case_read_blocks_until_write,
	   &ipct_case_read_byte_order, &ipct_case_read_no_message_boundaries,
	   &ipct_case_read_returns_available,
	   &ipct_case_read_blocked_returns_written, &ipct_case_read_zero_nbyte,
	   &ipct_case_read_nonblock_empty_eagain,
	   &ipct_case_read_nonblock_no_writer_eof,
	   &ipct_case_read_data_after_writer_closes,
	   &ipct_case_read_eof_waits_for_dup,
	   &ipct_case_read_eof_waits_for_other_process,
	   &ipct_case_read_blocked_eof_on_last_close, &ipct_case_read_eintr,
	   &ipct_case_read_sa_restart, &ipct_case_read_survives_stop_cont);
