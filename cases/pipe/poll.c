/* SPDX-License-Identifier: MIT
 * cases/pipe/poll.c - poll() and select() readiness of the two ends of
 * an unnamed pipe: data, room, end-of-file, no reader, blocking and
 * interruption.
 * Sources: POSIX.1-2024 poll(), select() (pselect()); Linux poll(2) and
 * signal(7) for POLLHUP/POLLERR on pipes and for poll() never being
 * restarted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <unistd.h>

/* poll() one descriptor for `events` without waiting; returns revents. */
static short poll_now(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	int n = poll(&p, 1, 0);

	if (n < 0)
		IPCT_BROKEN("poll(): %s", ipct_errname(errno));
	return n == 0 ? 0 : p.revents;
}

static void poll_pollin_with_data(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK(poll_now(fd[0], POLLIN) & POLLIN);
}
IPCT_CASE(poll_pollin_with_data,
	.id = "pipe.poll_pollin_with_data",
	.asserts = "poll() reports POLLIN on the read end of a pipe that holds data",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLIN)");

static void poll_empty_not_ready(void)
{
	struct pollfd p;
	int fd[2];

	ipct_xpipe(fd);
	p.fd = fd[0];
	p.events = POLLIN;
	p.revents = -1;
	CHECK_RET(poll(&p, 1, 0), 0);
	CHECK_EQ(0, p.revents);
}
IPCT_CASE(poll_empty_not_ready,
	.id = "pipe.poll_empty_not_ready",
	.asserts = "poll() with timeout 0 on the read end of an empty pipe with a writer open returns 0 and sets revents to 0",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION and RETURN VALUE");

static void poll_pollout_with_room(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK(poll_now(fd[1], POLLOUT) & POLLOUT);
}
IPCT_CASE(poll_pollout_with_room,
	.id = "pipe.poll_pollout_with_room",
	.asserts = "poll() reports POLLOUT on the write end of an empty pipe",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLOUT)");

static void poll_full_no_pollout(void)
{
	int fd[2];

	ipct_xpipe(fd);
	pipe_xfill(fd[1]);
	CHECK_EQ(0, poll_now(fd[1], POLLOUT) & POLLOUT);
}
IPCT_CASE(poll_full_no_pollout,
	.id = "pipe.poll_full_no_pollout",
	.asserts = "poll() does not report POLLOUT on the write end of a full pipe, where a write would block",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLOUT: data may be written without blocking)");

static void poll_eof_readable(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	/* POSIX leaves open whether end-of-file shows as POLLIN or POLLHUP;
	 * systems differ.  Either tells the reader that read() will not block. */
	CHECK(poll_now(fd[0], POLLIN) & (POLLIN | POLLHUP));
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(poll_eof_readable,
	.id = "pipe.poll_eof_readable",
	.asserts = "poll() on the read end of a pipe whose writers have all closed reports POLLIN or POLLHUP, and read() then returns 0",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLIN, POLLHUP)");

static void poll_eof_pollhup(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	CHECK(poll_now(fd[0], POLLIN) & POLLHUP);
}
IPCT_CASE(poll_eof_pollhup,
	.id = "pipe.poll_eof_pollhup",
	.asserts = "on Linux poll() reports POLLHUP on the read end of a pipe once every writer has closed",
	.spec = "Linux poll(2), POLLHUP; POSIX.1-2024 poll(), DESCRIPTION (POLLHUP)",
	.needs = IPCT_LINUX_ONLY);

static void poll_eof_data_pollin_pollhup(void)
{
	int fd[2];
	short ev;

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "x", 1);
	ipct_xclose(fd[1]);
	ev = poll_now(fd[0], POLLIN);
	CHECK(ev & POLLIN);
	CHECK(ev & POLLHUP);
}
IPCT_CASE(poll_eof_data_pollin_pollhup,
	.id = "pipe.poll_eof_data_pollin_pollhup",
	.asserts = "on Linux poll() reports both POLLIN and POLLHUP on the read end of a pipe that still holds data after every writer has closed",
	.spec = "Linux poll(2), POLLHUP; POSIX.1-2024 poll(), DESCRIPTION (POLLHUP and POLLIN not exclusive)",
	.needs = IPCT_LINUX_ONLY);

static void poll_no_reader_pollerr(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	CHECK(poll_now(fd[1], POLLOUT) & POLLERR);
}
IPCT_CASE(poll_no_reader_pollerr,
	.id = "pipe.poll_no_reader_pollerr",
	.asserts = "on Linux poll() reports POLLERR on the write end of a pipe once every reader has closed",
	.spec = "Linux poll(2), POLLERR (also for the write end of a pipe when the read end is closed)",
	.needs = IPCT_LINUX_ONLY);

static long poll_forever(void *arg)
{
	int *fd = arg;
	struct pollfd p = { .fd = fd[0], .events = POLLIN };
	int n = poll(&p, 1, -1);

	/* Encode the event bits with the count so the parent sees both. */
	return n == 1 ? (p.revents & POLLIN ? 1 : 2) : n;
}

static void poll_blocks_until_data(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, poll_forever, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1); /* 1 descriptor ready, with POLLIN */
}
IPCT_CASE(poll_blocks_until_data,
	.id = "pipe.poll_blocks_until_data",
	.asserts = "poll() with no timeout on the read end of an empty pipe blocks until data is written, then reports POLLIN",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (timeout -1 waits until an event)");

static void poll_eintr_despite_sa_restart(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, poll_forever, fd);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	/* Restarted, the poll() would now return 1 for this write. */
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(poll_eintr_despite_sa_restart,
	.id = "pipe.poll_eintr_despite_sa_restart",
	.asserts = "on Linux a poll() blocked on a pipe fails with EINTR when a caught signal arrives, even if the handler was installed with SA_RESTART",
	.spec = "Linux signal(7), Interruption of system calls (never restarted: poll); POSIX.1-2024 poll(), ERRORS [EINTR]",
	.needs = IPCT_LINUX_ONLY);

/* select() one descriptor for reading (or writing) without waiting. */
static int select_now(int fd, int for_write)
{
	struct timeval tv = { 0, 0 };
	fd_set set;
	int n;

	FD_ZERO(&set);
	FD_SET(fd, &set);
	n = select(fd + 1, for_write ? NULL : &set, for_write ? &set : NULL,
		   NULL, &tv);
	if (n < 0)
		IPCT_BROKEN("select(): %s", ipct_errname(errno));
	return n == 1 && FD_ISSET(fd, &set);
}

static void select_readable_with_data(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_EQ(1, select_now(fd[0], 0));
}
IPCT_CASE(select_readable_with_data,
	.id = "pipe.select_readable_with_data",
	.asserts = "select() reports the read end of a pipe holding data as ready for reading",
	.spec = "POSIX.1-2024 select(), DESCRIPTION");

static void select_empty_not_readable(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(0, select_now(fd[0], 0));
}
IPCT_CASE(select_empty_not_readable,
	.id = "pipe.select_empty_not_readable",
	.asserts = "select() with a zero timeout does not report the read end of an empty pipe with a writer open as ready",
	.spec = "POSIX.1-2024 select(), DESCRIPTION");

static void select_eof_readable(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	CHECK_EQ(1, select_now(fd[0], 0));
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(select_eof_readable,
	.id = "pipe.select_eof_readable",
	.asserts = "select() reports the read end of a pipe with no writer as ready for reading, because read() returns end-of-file without blocking",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (ready when a call to an input function would not block)");

static void select_writable_with_room(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(1, select_now(fd[1], 1));
}
IPCT_CASE(select_writable_with_room,
	.id = "pipe.select_writable_with_room",
	.asserts = "select() reports the write end of an empty pipe as ready for writing",
	.spec = "POSIX.1-2024 select(), DESCRIPTION");

static void select_full_not_writable(void)
{
	int fd[2];

	ipct_xpipe(fd);
	pipe_xfill(fd[1]);
	CHECK_EQ(0, select_now(fd[1], 1));
}
IPCT_CASE(select_full_not_writable,
	.id = "pipe.select_full_not_writable",
	.asserts = "select() with a zero timeout does not report the write end of a full pipe as ready for writing",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (ready when a call to an output function would not block)");

static void select_no_reader_writable(void)
{
	int fd[2];

	ipct_xpipe(fd);
	pipe_xfill(fd[1]);
	ipct_xclose(fd[0]);
	/* write() would fail with EPIPE at once: that is "would not block". */
	CHECK_EQ(1, select_now(fd[1], 1));
}
IPCT_CASE(select_no_reader_writable,
	.id = "pipe.select_no_reader_writable",
	.asserts = "select() reports the write end of a full pipe as ready for writing once its last reader has closed, since write() no longer blocks",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (ready when a call to an output function would not block, whether or not it would succeed)");

IPCT_CASES(&ipct_case_poll_pollin_with_data, &ipct_case_poll_empty_not_ready,
	   &ipct_case_poll_pollout_with_room, &ipct_case_poll_full_no_pollout,
	   &ipct_case_poll_eof_readable, &ipct_case_poll_eof_pollhup,
	   &ipct_case_poll_eof_data_pollin_pollhup,
	   &ipct_case_poll_no_reader_pollerr, &ipct_case_poll_blocks_until_data,
	   &ipct_case_poll_eintr_despite_sa_restart,
	   &ipct_case_select_readable_with_data,
	   &ipct_case_select_empty_not_readable, &ipct_case_select_eof_readable,
	   &ipct_case_select_writable_with_room,
	   &ipct_case_select_full_not_writable,
	   &ipct_case_select_no_reader_writable);
