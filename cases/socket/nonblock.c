/* SPDX-License-Identifier: MIT
 * cases/socket/nonblock.c - when socket calls wait and when they do not:
 * O_NONBLOCK on empty and full sockets, blocking receive and send proved
 * from kernel state, poll() readiness, buffer sizes, signals arriving
 * during a blocked recv(), and SO_RCVTIMEO.
 * Sources: POSIX.1-2024 recv(), send(), poll(), setsockopt(),
 * getsockopt(), XSH 2.10.16 Use of Options, sigaction() (SA_RESTART);
 * Linux socket(7), signal(7), poll(2) where noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/time.h>

/* Fill the send direction of stream socket fd until a nonblocking send
 * refuses; fd's file status flags are restored.  Returns the bytes
 * queued. */
static long fill_stream(int fd)
{
	static char chunk[4096];
	int fl = fcntl(fd, F_GETFL);
	long total = 0;
	ssize_t n;

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
		IPCT_BROKEN("fcntl: %s", ipct_errname(errno));
	for (;;) {
		n = send(fd, chunk, sizeof chunk, 0);
		if (n < 0)
			break;
		total += n;
		if (total > (64L << 20))
			IPCT_BROKEN("the socket never filled after %ld bytes", total);
	}
	if (errno != EAGAIN && errno != EWOULDBLOCK)
		IPCT_BROKEN("filling: %s", ipct_errname(errno));
	if (fcntl(fd, F_SETFL, fl) != 0)
		IPCT_BROKEN("fcntl: %s", ipct_errname(errno));
	return total;
}

static void recv_nonblock_eagain(void)
{
	int sv[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xsetnonblock(sv[1]);
	CHECK_FAILS(recv(sv[1], &c, 1, 0), EAGAIN);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	CHECK_RET(recv(sv[1], &c, 1, 0), 1);
}
IPCT_CASE(recv_nonblock_eagain,
	.id = "socket.recv_nonblock_eagain",
	.asserts = "recv() on an O_NONBLOCK socket with no data queued fails with EAGAIN or EWOULDBLOCK instead of waiting",
	.spec = "POSIX.1-2024 recv(), ERRORS [EAGAIN or EWOULDBLOCK]");

static void read_nonblock_eagain(void)
{
	int sv[2];
	char b[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xsetnonblock(sv[1]);
	CHECK_FAILS(read(sv[1], b, 1), EAGAIN);
	CHECK_RET(write(sv[0], "xy", 2), 2);
	CHECK_RET(read(sv[1], b, 2), 2);
	CHECK_MEM("xy", b, 2);
}
IPCT_CASE(read_nonblock_eagain,
	.id = "socket.read_nonblock_eagain",
	.asserts = "read() on an O_NONBLOCK stream socket with no data queued fails with EAGAIN (not 0, which means end of file) and reads the bytes once they are written",
	.spec = "POSIX.1-2024 read(), ERRORS [EAGAIN] (a socket); recv()");

static void send_nonblock_full_eagain(void)
{
	static char buf[8192];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xsetnonblock(sv[0]);
	CHECK(fill_stream(sv[0]) > 0);
	CHECK_FAILS(send(sv[0], "x", 1, 0), EAGAIN);
	/* Draining makes room again. */
	ipct_xsetnonblock(sv[1]);
	while (recv(sv[1], buf, sizeof buf, 0) > 0)
		;
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
}
IPCT_CASE(send_nonblock_full_eagain,
	.id = "socket.send_nonblock_full_eagain",
	.asserts = "send() on an O_NONBLOCK stream socket with no room left fails with EAGAIN or EWOULDBLOCK, and succeeds again once the peer has received",
	.spec = "POSIX.1-2024 send(), ERRORS [EAGAIN or EWOULDBLOCK]");

static void send_dontwait_full_eagain(void)
{
#if defined(MSG_DONTWAIT)
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	(void)fill_stream(sv[0]);
	/* A blocking descriptor: only the flag keeps the call from waiting. */
	CHECK_FAILS(send(sv[0], "x", 1, MSG_DONTWAIT), EAGAIN);
	CHECK_EQ(0, fcntl(sv[0], F_GETFL) & O_NONBLOCK);
#else
	ipct_skip("no MSG_DONTWAIT on this platform");
#endif
}
IPCT_CASE(send_dontwait_full_eagain,
	.id = "socket.send_dontwait_full_eagain",
	.asserts = "send() with MSG_DONTWAIT on a full blocking stream socket fails with EAGAIN at once instead of waiting, and leaves O_NONBLOCK clear",
	.spec = "Linux send(2), MSG_DONTWAIT; POSIX.1-2024 send(), ERRORS [EAGAIN]");

static long recv_one(void *arg)
{
	char c;

	return recv(*(int *)arg, &c, 1, 0);
}

static void recv_blocks_until_send(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_SEQPACKET, sv);
	ipct_block_start(&b, recv_one, &sv[1]);
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(recv_blocks_until_send,
	.id = "socket.recv_blocks_until_send",
	.asserts = "recv() on a blocking socket with nothing queued waits until a message arrives, then returns it",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION");

static long send_one(void *arg)
{
	return send(*(int *)arg, "y", 1, 0);
}

static void send_blocks_when_full(void)
{
	static char buf[65536];
	struct ipct_blocker b;
	struct ipct_result r;
	long total;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	total = fill_stream(sv[0]);
	ipct_block_start(&b, send_one, &sv[0]);
	ipct_block_prove(&b);
	/* Receive exactly what was queued: the blocked send gets room.  Never
	 * ask for more than is left, or a recv() still running when the
	 * woken sender queues its byte would take that byte too. */
	while (total > 0) {
		size_t want = total < (long)sizeof buf ? (size_t)total : sizeof buf;
		ssize_t n = recv(sv[1], buf, want, 0);

		CHECK(n > 0);
		total -= n;
	}
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
	CHECK_RET(recv(sv[1], buf, 1, 0), 1);
	CHECK_EQ('y', buf[0]);
}
IPCT_CASE(send_blocks_when_full,
	.id = "socket.send_blocks_when_full",
	.asserts = "send() on a blocking stream socket with no room waits until the peer receives, then sends",
	.spec = "POSIX.1-2024 send(), DESCRIPTION");

static void buffer_sizes_reported(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK(socket_xgetint(sv[0], SOL_SOCKET, SO_SNDBUF) > 0);
	CHECK(socket_xgetint(sv[0], SOL_SOCKET, SO_RCVBUF) > 0);
}
IPCT_CASE(buffer_sizes_reported,
	.id = "socket.buffer_sizes_reported",
	.asserts = "getsockopt() reports positive SO_SNDBUF and SO_RCVBUF buffer sizes for a new socket",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_SNDBUF, SO_RCVBUF); getsockopt()");

/* Set option opt to v on a new socket and return what getsockopt says. */
static int set_then_get(int opt, int v)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	CHECK_OK(setsockopt(fd, SOL_SOCKET, opt, &v, sizeof v));
	return socket_xgetint(fd, SOL_SOCKET, opt);
}

static void sndbuf_linux_doubles(void)
{
	CHECK_EQ(2 * 8192, set_then_get(SO_SNDBUF, 8192));
}
IPCT_CASE(sndbuf_linux_doubles,
	.id = "socket.sndbuf_linux_doubles",
	.asserts = "setting SO_SNDBUF to a value within the limits makes getsockopt() return double that value (Linux reserves room for bookkeeping)",
	.spec = "Linux socket(7), SO_SNDBUF",
	.needs = IPCT_LINUX_ONLY);

static void rcvbuf_linux_doubles(void)
{
	CHECK_EQ(2 * 8192, set_then_get(SO_RCVBUF, 8192));
}
IPCT_CASE(rcvbuf_linux_doubles,
	.id = "socket.rcvbuf_linux_doubles",
	.asserts = "setting SO_RCVBUF to a value within the limits makes getsockopt() return double that value (Linux reserves room for bookkeeping)",
	.spec = "Linux socket(7), SO_RCVBUF",
	.needs = IPCT_LINUX_ONLY);

/* The revents poll() reports for fd right now (timeout 0). */
static short poll_now(int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };

	CHECK_RET(poll(&p, 1, 0), p.revents ? 1 : 0);
	return p.revents;
}

static void poll_pollin_on_data(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, poll_now(sv[1], POLLIN) & POLLIN);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	CHECK_EQ(POLLIN, poll_now(sv[1], POLLIN) & POLLIN);
}
IPCT_CASE(poll_pollin_on_data,
	.id = "socket.poll_pollin_on_data",
	.asserts = "poll() reports POLLIN on a socket only once data is queued for it",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLIN)");

static void poll_pollout(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(POLLOUT, poll_now(sv[0], POLLOUT) & POLLOUT);
	(void)fill_stream(sv[0]);
	CHECK_EQ(0, poll_now(sv[0], POLLOUT) & POLLOUT);
}
IPCT_CASE(poll_pollout,
	.id = "socket.poll_pollout",
	.asserts = "poll() reports POLLOUT on a connected stream socket with room to send, and not once its send direction is full",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLOUT)");

static long poll_forever(void *arg)
{
	struct pollfd p = { .fd = *(int *)arg, .events = POLLIN };

	if (poll(&p, 1, -1) != 1)
		return -1;
	return p.revents & POLLIN;
}

static void poll_blocks_until_data(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	ipct_block_start(&b, poll_forever, &sv[1]);
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, POLLIN);
}
IPCT_CASE(poll_blocks_until_data,
	.id = "socket.poll_blocks_until_data",
	.asserts = "poll() for POLLIN with no timeout on an empty socket waits until a datagram arrives, then reports POLLIN",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION");

static void poll_peer_closed_readable(void)
{
	int sv[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[0]);
	CHECK(poll_now(sv[1], POLLIN) & (POLLIN | POLLHUP));
	CHECK_RET(recv(sv[1], &c, 1, 0), 0);
}
IPCT_CASE(poll_peer_closed_readable,
	.id = "socket.poll_peer_closed_readable",
	.asserts = "poll() reports a stream socket whose peer has closed as ready (POLLIN or POLLHUP), and recv() then returns 0 without blocking",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLIN, POLLHUP); recv(), RETURN VALUE");

static void poll_pollhup_linux(void)
{
	int sv[2], t[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[0]);
	CHECK_EQ(POLLIN | POLLHUP, poll_now(sv[1], POLLIN) & (POLLIN | POLLHUP));
	/* Both directions shut with the peer still open: the same. */
	socket_xpair(SOCK_STREAM, t);
	CHECK_OK(shutdown(t[0], SHUT_RDWR));
	CHECK_EQ(POLLIN | POLLHUP, poll_now(t[1], POLLIN) & (POLLIN | POLLHUP));
	/* One direction only: readable at EOF, but no hang-up. */
	socket_xpair(SOCK_STREAM, t);
	CHECK_OK(shutdown(t[0], SHUT_WR));
	CHECK_EQ(POLLIN, poll_now(t[1], POLLIN) & (POLLIN | POLLHUP));
}
IPCT_CASE(poll_pollhup_linux,
	.id = "socket.poll_pollhup_linux",
	.asserts = "poll() on an AF_UNIX stream socket reports POLLIN|POLLHUP once the peer closed or shut down both directions, and only POLLIN after the peer's SHUT_WR",
	.spec = "Linux poll(2); unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void recv_eintr(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, recv_one, &sv[1]);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(recv_eintr,
	.id = "socket.recv_eintr",
	.asserts = "a recv() blocked on an empty socket fails with EINTR when a signal handler installed without SA_RESTART runs",
	.spec = "POSIX.1-2024 recv(), ERRORS [EINTR]");

static void recv_restarted_sa_restart(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, recv_one, &sv[1]);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	/* Restarted: still waiting after the handler returned. */
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(recv_restarted_sa_restart,
	.id = "socket.recv_restarted_sa_restart",
	.asserts = "a recv() blocked on a socket without SO_RCVTIMEO is restarted after a handler installed with SA_RESTART runs, and returns the data sent later",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers",
	.needs = IPCT_LINUX_ONLY);

static void set_rcvtimeo(int fd, long ms)
{
	struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };

	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
}

static void rcvtimeo_eagain(void)
{
	int64_t t0;
	int sv[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	set_rcvtimeo(sv[1], 30);
	t0 = ipct_now_ms();
	CHECK_FAILS_ONEOF(recv(sv[1], &c, 1, 0), EAGAIN, EWOULDBLOCK);
	/* One-sided: it did wait (timer granularity aside). */
	CHECK(ipct_now_ms() - t0 >= 20);
}
IPCT_CASE(rcvtimeo_eagain,
	.id = "socket.rcvtimeo_eagain",
	.asserts = "a recv() that waits longer than SO_RCVTIMEO with nothing received fails with EAGAIN or EWOULDBLOCK after waiting",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_RCVTIMEO); recv(), ERRORS [EAGAIN or EWOULDBLOCK]",
	.timed = 1);

static void rcvtimeo_getsockopt(void)
{
	struct timeval tv;
	socklen_t len = sizeof tv;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	memset(&tv, 0xff, sizeof tv);
	CHECK_OK(getsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, &len));
	CHECK_EQ(0, tv.tv_sec);
	CHECK_EQ(0, tv.tv_usec);
	set_rcvtimeo(sv[1], 2500);
	len = sizeof tv;
	CHECK_OK(getsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, &len));
	CHECK_EQ(2, tv.tv_sec);
	CHECK_EQ(500000, tv.tv_usec);
}
IPCT_CASE(rcvtimeo_getsockopt,
	.id = "socket.rcvtimeo_getsockopt",
	.asserts = "SO_RCVTIMEO is 0 (no timeout) on a new socket and getsockopt() returns the struct timeval that was set",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_RCVTIMEO, default zero); getsockopt()");

static void rcvtimeo_eintr_despite_restart(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	/* Long enough never to expire before the signal comes. */
	set_rcvtimeo(sv[1], (long)(4000 * ipct_timeout_mul()));
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, recv_one, &sv[1]);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(rcvtimeo_eintr_despite_restart,
	.id = "socket.rcvtimeo_eintr_despite_restart",
	.asserts = "a recv() blocked on a socket with SO_RCVTIMEO set fails with EINTR when a handler runs, even one installed with SA_RESTART",
	.spec = "Linux signal(7) (socket interfaces with a timeout are never restarted)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_recv_nonblock_eagain, &ipct_case_read_nonblock_eagain, &ipct_case_send_nonblock_full_eagain, &ipct_case_send_dontwait_full_eagain,
	&ipct_case_recv_blocks_until_send, &ipct_case_send_blocks_when_full,
	&ipct_case_buffer_sizes_reported, &ipct_case_sndbuf_linux_doubles,
	&ipct_case_rcvbuf_linux_doubles, &ipct_case_poll_pollin_on_data,
	&ipct_case_poll_pollout, &ipct_case_poll_blocks_until_data,
	&ipct_case_poll_peer_closed_readable, &ipct_case_poll_pollhup_linux,
	&ipct_case_recv_eintr, &ipct_case_recv_restarted_sa_restart,
	&ipct_case_rcvtimeo_eagain, &ipct_case_rcvtimeo_getsockopt,
	&ipct_case_rcvtimeo_eintr_despite_restart);
