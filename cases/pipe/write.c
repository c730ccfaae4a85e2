/* SPDX-License-Identifier: MIT
 * cases/pipe/write.c - write() and writev() on unnamed pipes: complete
 * writes, blocking on a full pipe, PIPE_BUF atomicity with concurrent
 * writers, O_NONBLOCK (all-or-nothing up to PIPE_BUF, partial above it),
 * and signals arriving while a write is blocked.
 * Sources: POSIX.1-2024 write() DESCRIPTION (pipes and FIFOs) and ERRORS,
 * writev(); Linux signal(7) for restarting, write(2) for nbyte 0.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/* <limits.h> may omit PIPE_BUF where it varies by file system; every
 * pipe then still guarantees the POSIX minimum, so use that. */
#ifndef PIPE_BUF
#define PIPE_BUF _POSIX_PIPE_BUF
#endif

static void write_returns_nbyte(void)
{
	static char buf[PIPE_BUF];
	int fd[2];

	memset(buf, 'w', sizeof buf);
	ipct_xpipe(fd);
	CHECK_RET(write(fd[1], buf, sizeof buf), PIPE_BUF);
	CHECK_RET(write(fd[1], buf, 100), 100);
	CHECK_EQU(PIPE_BUF + 100, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_returns_nbyte,
	.id = "pipe.write_returns_nbyte",
	.asserts = "a blocking write() of at most PIPE_BUF bytes to a pipe with room returns nbyte and the reader gets all of them",
	.spec = "POSIX.1-2024 write(), DESCRIPTION and RETURN VALUE");

/* Reader child: read until end-of-file and check the count and pattern. */
static void read_pattern_until_eof(int rfd, size_t expected)
{
	static char buf[8192];
	size_t total = 0;

	for (;;) {
		ssize_t n = read(rfd, buf, sizeof buf);
		ssize_t i;

		CHECK(n >= 0);
		if (n == 0)
			break;
		for (i = 0; i < n; i++)
			if (buf[i] != (char)((total + (size_t)i) % 251))
				CHECK_EQ((total + (size_t)i) % 251,
					 (unsigned char)buf[i]);
		total += (size_t)n;
	}
	CHECK_EQU(expected, total);
}

static void write_large_completes(void)
{
	enum { N = 300 * 1024 };
	char *buf = malloc(N);
	int fd[2];
	pid_t reader;
	size_t i;

	if (!buf)
		IPCT_BROKEN("malloc(%d) failed", N);
	for (i = 0; i < N; i++)
		buf[i] = (char)(i % 251);
	ipct_xpipe(fd);
	reader = ipct_fork();
	if (reader == 0) {
		free(buf); /* the writer's; the reader has its own */
		ipct_xclose(fd[1]);
		read_pattern_until_eof(fd[0], N);
		ipct_child_exit();
	}
	ipct_xclose(fd[0]);
	/* Several times the capacity: it blocks and resumes as the reader
	 * drains, but one call must transfer everything. */
	CHECK_RET(write(fd[1], buf, N), N);
	ipct_xclose(fd[1]);
	ipct_wait_ok(reader);
	free(buf);
}
IPCT_CASE(write_large_completes,
	.id = "pipe.write_large_completes",
	.asserts = "a blocking write() larger than the pipe's capacity, with a reader draining the pipe, returns nbyte and delivers every byte in order",
	.spec = "POSIX.1-2024 write(), DESCRIPTION and RETURN VALUE");

static long write_one(void *arg)
{
	int *fd = arg;

	return write(fd[1], "x", 1);
}

static void write_blocks_when_full(void)
{
	static char buf[PIPE_BUF];
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];
	size_t held;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_block_start(&b, write_one, fd);
	ipct_block_prove(&b);
	ipct_xread_all(fd[0], buf, sizeof buf);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
	CHECK_EQU(held - PIPE_BUF + 1, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_blocks_when_full,
	.id = "pipe.write_blocks_when_full",
	.asserts = "a blocking write() to a full pipe blocks until a reader makes room, then completes",
	.spec = "POSIX.1-2024 write(), DESCRIPTION");

enum { WRITERS = 4, RECORDS = 64 };

static void check_records(int rfd)
{
	static char rec[PIPE_BUF];
	int count[WRITERS] = { 0 };
	int i, w;
	size_t k;

	for (i = 0; i < WRITERS * RECORDS; i++) {
		ipct_xread_all(rfd, rec, sizeof rec);
		w = rec[0] - 'A';
		CHECK(w >= 0 && w < WRITERS);
		/* Interleaving shows up as a foreign byte inside a record. */
		for (k = 1; k < sizeof rec; k++)
			if (rec[k] != rec[0])
				CHECK_EQ(rec[0], rec[k]);
		count[w]++;
	}
	for (w = 0; w < WRITERS; w++)
		CHECK_EQ(RECORDS, count[w]);
}

static void write_atomic_concurrent(void)
{
	struct ipct_barrier go;
	int fd[2], w;

	ipct_xpipe(fd);
	ipct_barrier_init(&go, WRITERS + 1);
	for (w = 0; w < WRITERS; w++) {
		if (ipct_fork() == 0) {
			static char rec[PIPE_BUF];
			int i;

			memset(rec, 'A' + w, sizeof rec);
			ipct_xclose(fd[0]);
			ipct_barrier_wait(&go);
			for (i = 0; i < RECORDS; i++)
				CHECK_RET(write(fd[1], rec, sizeof rec), PIPE_BUF);
			ipct_child_exit();
		}
	}
	ipct_xclose(fd[1]);
	ipct_barrier_wait(&go);
	check_records(fd[0]);
	CHECK_RET(pipe_xdrain(fd[0]), 0);
}
IPCT_CASE(write_atomic_concurrent,
	.id = "pipe.write_atomic_concurrent",
	.asserts = "writes of PIPE_BUF bytes from several processes at once to one pipe are never interleaved with each other",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (Write requests of {PIPE_BUF} bytes or less shall not be interleaved)");

static void writev_atomic_concurrent(void)
{
	struct ipct_barrier go;
	int fd[2], w;

	ipct_xpipe(fd);
	ipct_barrier_init(&go, WRITERS + 1);
	for (w = 0; w < WRITERS; w++) {
		if (ipct_fork() == 0) {
			static char rec[PIPE_BUF];
			struct iovec iov[3];
			int i;

			memset(rec, 'A' + w, sizeof rec);
			/* One record in three pieces of unequal size. */
			iov[0].iov_base = rec;
			iov[0].iov_len = 100;
			iov[1].iov_base = rec + 100;
			iov[1].iov_len = PIPE_BUF - 1100;
			iov[2].iov_base = rec + PIPE_BUF - 1000;
			iov[2].iov_len = 1000;
			ipct_xclose(fd[0]);
			ipct_barrier_wait(&go);
			for (i = 0; i < RECORDS; i++)
				CHECK_RET(writev(fd[1], iov, 3), PIPE_BUF);
			ipct_child_exit();
		}
	}
	ipct_xclose(fd[1]);
	ipct_barrier_wait(&go);
	check_records(fd[0]);
	CHECK_RET(pipe_xdrain(fd[0]), 0);
}
IPCT_CASE(writev_atomic_concurrent,
	.id = "pipe.writev_atomic_concurrent",
	.asserts = "writev() calls totalling PIPE_BUF bytes from several processes at once are each kept contiguous in the pipe, as write() of that size",
	.spec = "POSIX.1-2024 writev(), DESCRIPTION (as write()); write(), DESCRIPTION (PIPE_BUF)");

static void write_nonblock_fits(void)
{
	static char buf[PIPE_BUF];
	int fd[2];

	ipct_xpipe(fd);
	ipct_xsetnonblock(fd[1]);
	CHECK_RET(write(fd[1], buf, sizeof buf), PIPE_BUF);
	CHECK_RET(write(fd[1], buf, 10), 10);
}
IPCT_CASE(write_nonblock_fits,
	.id = "pipe.write_nonblock_fits",
	.asserts = "an O_NONBLOCK write() of at most PIPE_BUF bytes into a pipe with room for all of them returns nbyte",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (O_NONBLOCK set, {PIPE_BUF} or fewer bytes)");

static void write_nonblock_small_all_or_nothing(void)
{
	static char buf[PIPE_BUF];
	char *fill;
	int fd[2];
	size_t cap;

	ipct_xpipe(fd);
	cap = pipe_xfill(fd[1]); /* this pipe's capacity, learnt by filling it */
	if (cap <= PIPE_BUF)
		ipct_skip("the pipe holds %zu bytes, not more than PIPE_BUF", cap);
	if (pipe_xdrain(fd[0]) != cap)
		IPCT_BROKEN("draining the pipe gave back another count than %zu", cap);
	/* Real room for fewer than PIPE_BUF bytes: an empty pipe filled to
	 * PIPE_BUF/2 below its capacity.  (Reading part of a full pipe would
	 * free no room where the buffer is kept in whole pages, and a write
	 * that splits would then not be seen.) */
	fill = calloc(1, cap);
	if (!fill)
		IPCT_BROKEN("calloc(%zu) failed", cap);
	ipct_xwrite_all(fd[1], fill, cap - PIPE_BUF / 2);
	free(fill);
	ipct_xsetnonblock(fd[1]);
	CHECK_FAILS(write(fd[1], buf, PIPE_BUF), EAGAIN);
	CHECK_EQU(cap - PIPE_BUF / 2, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_nonblock_small_all_or_nothing,
	.id = "pipe.write_nonblock_small_all_or_nothing",
	.asserts = "an O_NONBLOCK write() of PIPE_BUF bytes into a pipe with room for fewer fails with EAGAIN and writes no byte",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (O_NONBLOCK set, {PIPE_BUF} or fewer bytes) and ERRORS [EAGAIN]");

static void write_nonblock_large_partial(void)
{
	enum { N = 4 * PIPE_BUF };
	static char buf[N];
	int fd[2];
	size_t held;
	ssize_t n;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_xread_all(fd[0], buf, 2 * PIPE_BUF);
	ipct_xsetnonblock(fd[1]);
	n = write(fd[1], buf, N);
	CHECK(n > 0 && n < N);
	CHECK_EQU(held - 2 * PIPE_BUF + (size_t)n, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_nonblock_large_partial,
	.id = "pipe.write_nonblock_large_partial",
	.asserts = "an O_NONBLOCK write() of more than PIPE_BUF bytes into a pipe with room for some of them transfers what fits and returns that count",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (O_NONBLOCK set, more than {PIPE_BUF} bytes)");

static void write_nonblock_empty_at_least_pipe_buf(void)
{
	enum { N = 1024 * 1024 };
	char *buf = calloc(1, N);
	int fd[2];
	ssize_t n;

	if (!buf)
		IPCT_BROKEN("calloc(%d) failed", N);
	ipct_xpipe(fd);
	ipct_xsetnonblock(fd[1]);
	n = write(fd[1], buf, N);
	CHECK(n >= PIPE_BUF);
	CHECK_EQU((size_t)n, pipe_xdrain(fd[0]));
	free(buf);
}
IPCT_CASE(write_nonblock_empty_at_least_pipe_buf,
	.id = "pipe.write_nonblock_empty_at_least_pipe_buf",
	.asserts = "an O_NONBLOCK write() of more than PIPE_BUF bytes into an empty pipe transfers at least PIPE_BUF bytes",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (When all data previously written to the pipe is read, it shall transfer at least {PIPE_BUF} bytes)");

static void write_nonblock_full_eagain(void)
{
	int fd[2];
	size_t held;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_xsetnonblock(fd[1]);
	CHECK_FAILS(write(fd[1], "x", 1), EAGAIN);
	CHECK_FAILS(write(fd[1], "xxxxxxxxxxxxxxxx", 16), EAGAIN);
	CHECK_EQU(held, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_nonblock_full_eagain,
	.id = "pipe.write_nonblock_full_eagain",
	.asserts = "an O_NONBLOCK write() to a full pipe fails with EAGAIN at once and writes nothing",
	.spec = "POSIX.1-2024 write(), ERRORS [EAGAIN]");

static void write_nonblock_large_full_eagain(void)
{
	static char buf[4 * PIPE_BUF];
	int fd[2];
	size_t held;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_xsetnonblock(fd[1]);
	CHECK_FAILS(write(fd[1], buf, sizeof buf), EAGAIN);
	CHECK_EQU(held, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_nonblock_large_full_eagain,
	.id = "pipe.write_nonblock_large_full_eagain",
	.asserts = "an O_NONBLOCK write() of more than PIPE_BUF bytes to a full pipe transfers nothing and fails with EAGAIN",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (O_NONBLOCK set, more than {PIPE_BUF} bytes: when no data can be written)");

static void write_eintr(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];
	size_t held;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, write_one, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
	CHECK_EQU(held, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_eintr,
	.id = "pipe.write_eintr",
	.asserts = "a write() blocked on a full pipe before transferring any byte, interrupted by a caught signal without SA_RESTART, fails with EINTR and writes nothing",
	.spec = "POSIX.1-2024 write(), ERRORS [EINTR]");

static long write_big(void *arg)
{
	static char buf[1024 * 1024];
	int *fd = arg;

	return write(fd[1], buf, sizeof buf);
}

static void write_partial_on_signal(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_catch(SIGUSR1, 0);
	/* 1 MiB into an empty pipe: it fills the pipe, then blocks. */
	ipct_block_start(&b, write_big, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	r = ipct_block_finish(&b);
	CHECK(r.ret > 0 && r.ret < 1024 * 1024);
	/* The count returned is what the pipe holds. */
	CHECK_EQU((size_t)r.ret, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_partial_on_signal,
	.id = "pipe.write_partial_on_signal",
	.asserts = "a blocking write() interrupted by a caught signal after it transferred some data returns the number of bytes written",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (interrupted by a signal after it successfully writes some data)");

static void write_sa_restart(void)
{
	static char buf[PIPE_BUF];
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];
	size_t held;

	ipct_xpipe(fd);
	held = pipe_xfill(fd[1]);
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, write_one, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	ipct_xread_all(fd[0], buf, sizeof buf);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
	CHECK_EQU(held - PIPE_BUF + 1, pipe_xdrain(fd[0]));
}
IPCT_CASE(write_sa_restart,
	.id = "pipe.write_sa_restart",
	.asserts = "on Linux a write() blocked on a full pipe and interrupted by a handler installed with SA_RESTART is restarted and completes once there is room",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers; POSIX.1-2024 sigaction() SA_RESTART",
	.needs = IPCT_LINUX_ONLY);

static void write_zero_nbyte(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_RET(write(fd[1], "x", 0), 0);
	ipct_xclose(fd[1]);
	CHECK_RET(pipe_xdrain(fd[0]), 0);
}
IPCT_CASE(write_zero_nbyte,
	.id = "pipe.write_zero_nbyte",
	.asserts = "on Linux write() of 0 bytes to a pipe returns 0 and puts nothing in the pipe (POSIX leaves this unspecified for files other than regular files)",
	.spec = "Linux write(2), DESCRIPTION; POSIX.1-2024 write(), DESCRIPTION (nbyte is zero, not a regular file: unspecified)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_write_returns_nbyte, &ipct_case_write_large_completes,
	   &ipct_case_write_blocks_when_full, &ipct_case_write_atomic_concurrent,
	   &ipct_case_writev_atomic_concurrent, &ipct_case_write_nonblock_fits,
	   &ipct_case_write_nonblock_small_all_or_nothing,
	   &ipct_case_write_nonblock_large_partial,
	   &ipct_case_write_nonblock_empty_at_least_pipe_buf,
	   &ipct_case_write_nonblock_full_eagain,
	   &ipct_case_write_nonblock_large_full_eagain, &ipct_case_write_eintr,
	   &ipct_case_write_partial_on_signal, &ipct_case_write_sa_restart,
	   &ipct_case_write_zero_nbyte);
