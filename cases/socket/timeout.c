/* SPDX-License-Identifier: MIT
 * cases/socket/timeout.c - socket timeouts and lingering: SO_RCVTIMEO and
 * SO_SNDTIMEO expiry on the calls they govern (accept, send, connect,
 * MSG_WAITALL), partial counts, invalid timevals (EDOM), the zero timeout,
 * and SO_LINGER's value.  Every bound on time is one-sided: a call that
 * times out must have waited at least most of its timeout.
 * Sources: POSIX.1-2024 setsockopt(), getsockopt(), XSH 2.10.16 Use of
 * Options (SO_RCVTIMEO, SO_SNDTIMEO, SO_LINGER); Linux socket(7).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/time.h>

#define TIMEO_MS 50
/* One-sided lower bound: the millisecond clock may round a wait down. */
#define TIMEO_FLOOR_MS 45
/* For cases about what a call returns at expiry, not about time. */
#define SHORT_MS 10

static void set_timeo(int fd, int opt, long ms)
{
	struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };

	if (setsockopt(fd, SOL_SOCKET, opt, &tv, sizeof tv) != 0)
		IPCT_BROKEN("setsockopt(timeout): %s", ipct_errname(errno));
}

/* Fill fd's send direction (nonblocking sends), restoring its flags. */
static void fill(int fd)
{
	static char chunk[4096];
	int fl = fcntl(fd, F_GETFL), n = 0;

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
		IPCT_BROKEN("fcntl: %s", ipct_errname(errno));
	while (send(fd, chunk, sizeof chunk, MSG_NOSIGNAL) > 0)
		if (++n > 16384)
			IPCT_BROKEN("the socket never filled");
	if (errno != EAGAIN)
		IPCT_BROKEN("filling: %s", ipct_errname(errno));
	if (fcntl(fd, F_SETFL, fl) != 0)
		IPCT_BROKEN("fcntl: %s", ipct_errname(errno));
}

static void timeo_rcvtimeo_accept(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	int64_t t0;

	set_timeo(l, SO_RCVTIMEO, TIMEO_MS);
	t0 = ipct_now_ms();
	CHECK_FAILS(accept(l, NULL, NULL), EAGAIN);
	CHECK(ipct_now_ms() - t0 >= TIMEO_FLOOR_MS);
}
IPCT_CASE(timeo_rcvtimeo_accept,
	.id = "socket.timeo_rcvtimeo_accept",
	.asserts = "accept() on a listener with SO_RCVTIMEO and no pending connection fails with EAGAIN after waiting at least the timeout",
	.spec = "Linux socket(7), SO_RCVTIMEO (timeouts apply to accept(2)); POSIX.1-2024 XSH 2.10.16",
	.needs = IPCT_LINUX_ONLY,
	.timed = 1);

static void timeo_sndtimeo_eagain(void)
{
	int sv[2];
	int64_t t0;

	socket_xpair(SOCK_STREAM, sv);
	fill(sv[0]);
	set_timeo(sv[0], SO_SNDTIMEO, TIMEO_MS);
	t0 = ipct_now_ms();
	CHECK_FAILS(send(sv[0], "x", 1, 0), EAGAIN);
	CHECK(ipct_now_ms() - t0 >= TIMEO_FLOOR_MS);
}
IPCT_CASE(timeo_sndtimeo_eagain,
	.id = "socket.timeo_sndtimeo_eagain",
	.asserts = "send() on a full socket with SO_SNDTIMEO fails with EAGAIN after waiting at least the timeout when nothing could be sent",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_SNDTIMEO); Linux socket(7)",
	.timed = 1);

static void timeo_sndtimeo_partial_count(void)
{
	static char big[4 << 20];
	int sv[2];
	ssize_t n;

	socket_xpair(SOCK_STREAM, sv);
	set_timeo(sv[0], SO_SNDTIMEO, SHORT_MS);
	/* More than the buffers hold: part goes, then the timeout. */
	n = send(sv[0], big, sizeof big, 0);
	CHECK(n > 0);
	CHECK(n < (ssize_t)sizeof big);
}
IPCT_CASE(timeo_sndtimeo_partial_count,
	.id = "socket.timeo_sndtimeo_partial_count",
	.asserts = "a send() larger than the socket can take, with SO_SNDTIMEO, returns the count already sent when the timeout expires",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_SNDTIMEO: returns with the amount transferred); Linux socket(7)",
	.timed = 1);

static void timeo_rcvtimeo_waitall_partial(void)
{
	int sv[2];
	char b[10];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "abc", 3, 0), 3);
	set_timeo(sv[1], SO_RCVTIMEO, SHORT_MS);
	CHECK_RET(recv(sv[1], b, sizeof b, MSG_WAITALL), 3);
	CHECK_MEM("abc", b, 3);
}
IPCT_CASE(timeo_rcvtimeo_waitall_partial,
	.id = "socket.timeo_rcvtimeo_waitall_partial",
	.asserts = "recv() with MSG_WAITALL on a socket with SO_RCVTIMEO returns the bytes received so far when the timeout expires",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_RCVTIMEO: returns with the amount transferred); Linux socket(7)",
	.timed = 1);

static void timeo_sndtimeo_unix_connect(void)
{
	int l = socket_xbound(SOCK_STREAM, "s"), c, i;
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "s");
	int64_t t0;

	CHECK_OK(listen(l, 0));
	/* Fill the backlog. */
	for (i = 0; i < 64; i++) {
		c = socket_xsocket(AF_UNIX, SOCK_STREAM);
		ipct_xsetnonblock(c);
		if (connect(c, (struct sockaddr *)&a, len) != 0)
			break;
	}
	if (i == 64 || errno != EAGAIN)
		IPCT_BROKEN("backlog did not fill: %s", ipct_errname(errno));
	c = socket_xsocket(AF_UNIX, SOCK_STREAM);
	set_timeo(c, SO_SNDTIMEO, TIMEO_MS);
	t0 = ipct_now_ms();
	CHECK_FAILS(connect(c, (struct sockaddr *)&a, len), EAGAIN);
	CHECK(ipct_now_ms() - t0 >= TIMEO_FLOOR_MS);
}
IPCT_CASE(timeo_sndtimeo_unix_connect,
	.id = "socket.timeo_sndtimeo_unix_connect",
	.asserts = "connect() to an AF_UNIX listener with a full backlog, with SO_SNDTIMEO set, fails with EAGAIN after waiting at least the timeout",
	.spec = "Linux socket(7), SO_SNDTIMEO (timeouts apply to connect(2)); unix(7)",
	.needs = IPCT_LINUX_ONLY,
	.timed = 1);

static void timeo_rcvtimeo_usec_edom(void)
{
	struct timeval tv = { .tv_sec = 0, .tv_usec = 1000000 };
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv), EDOM);
}
IPCT_CASE(timeo_rcvtimeo_usec_edom,
	.id = "socket.timeo_rcvtimeo_usec_edom",
	.asserts = "setsockopt(SO_RCVTIMEO) with tv_usec of one million fails with EDOM",
	.spec = "POSIX.1-2024 setsockopt(), ERRORS [EDOM]; Linux socket(7)",
	.needs = IPCT_LINUX_ONLY);

static void timeo_sndtimeo_usec_negative_edom(void)
{
	struct timeval tv = { .tv_sec = 1, .tv_usec = -1 };
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv), EDOM);
}
IPCT_CASE(timeo_sndtimeo_usec_negative_edom,
	.id = "socket.timeo_sndtimeo_usec_negative_edom",
	.asserts = "setsockopt(SO_SNDTIMEO) with a negative tv_usec fails with EDOM",
	.spec = "POSIX.1-2024 setsockopt(), ERRORS [EDOM]; Linux socket(7)",
	.needs = IPCT_LINUX_ONLY);

static void timeo_optlen_short_einval(void)
{
	struct timeval tv = { .tv_sec = 1, .tv_usec = 0 };
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv - 1), EINVAL);
}
IPCT_CASE(timeo_optlen_short_einval,
	.id = "socket.timeo_optlen_short_einval",
	.asserts = "setsockopt(SO_RCVTIMEO) with an optlen shorter than struct timeval fails with EINVAL",
	.spec = "Linux setsockopt(2), ERRORS [EINVAL] (optlen invalid)",
	.needs = IPCT_LINUX_ONLY);

static void timeo_sndtimeo_roundtrip(void)
{
	struct timeval tv = { .tv_sec = 2, .tv_usec = 250000 }, got;
	socklen_t len = sizeof got;
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(&got, 0, sizeof got);
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len));
	CHECK_EQ(0, got.tv_sec);
	CHECK_EQ(0, got.tv_usec);
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv));
	len = sizeof got;
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &got, &len));
	CHECK_EQU(sizeof got, len);
	CHECK_EQ(2, got.tv_sec);
	/* The kernel may round to its clock tick: within one 10 ms tick. */
	CHECK(got.tv_usec >= 240000 && got.tv_usec <= 260000);
}
IPCT_CASE(timeo_sndtimeo_roundtrip,
	.id = "socket.timeo_sndtimeo_roundtrip",
	.asserts = "SO_SNDTIMEO is zero on a new socket, and getsockopt() returns the timeval set (to the clock's resolution)",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_SNDTIMEO); getsockopt()");

static long recv_call(void *arg)
{
	char c;

	return recv(*(int *)arg, &c, 1, 0);
}

static void timeo_zero_never_expires(void)
{
	struct timeval tv = { 0, 0 };
	struct ipct_blocker b;
	struct ipct_result r;
	struct pollfd none = { .fd = -1 };
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	set_timeo(sv[1], SO_RCVTIMEO, SHORT_MS);
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv));
	ipct_block_start(&b, recv_call, &sv[1]);
	ipct_block_prove(&b);
	/* Past the old timeout the call still waits. */
	(void)poll(&none, 1, 5 * SHORT_MS);
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "z", 1, 0), 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(timeo_zero_never_expires,
	.id = "socket.timeo_zero_never_expires",
	.asserts = "setting SO_RCVTIMEO back to zero removes the timeout: recv() then waits past the old one until data comes",
	.spec = "Linux socket(7), SO_RCVTIMEO (a zero timeout means the operation never times out)",
	.needs = IPCT_LINUX_ONLY,
	.timed = 1);

static void linger_roundtrip(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 7 }, got;
	socklen_t len = sizeof got;
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(&got, 0x55, sizeof got);
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_LINGER, &got, &len));
	CHECK_EQ(0, got.l_onoff);
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	len = sizeof got;
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_LINGER, &got, &len));
	CHECK_EQU(sizeof got, len);
	CHECK_NE(0, got.l_onoff);
	CHECK_EQ(7, got.l_linger);
}
IPCT_CASE(linger_roundtrip,
	.id = "socket.linger_roundtrip",
	.asserts = "SO_LINGER is off on a new socket, and getsockopt() returns the struct linger set",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_LINGER); <sys/socket.h> struct linger");

static void linger_unix_close_returns(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 30 };
	int sv[2];
	int64_t t0;
	char b[8];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(setsockopt(sv[0], SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	CHECK_RET(send(sv[0], "pending", 7, 0), 7);
	/* Data already in the peer's queue: nothing to wait for. */
	t0 = ipct_now_ms();
	ipct_xclose(sv[0]);
	CHECK(ipct_now_ms() - t0 < 10000);
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 7);
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 0);
}
IPCT_CASE(linger_unix_close_returns,
	.id = "socket.linger_unix_close_returns",
	.asserts = "close() of an AF_UNIX stream socket with SO_LINGER set returns without waiting the linger time, and the data sent before it is still delivered",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_LINGER: close blocks only while data remains to be transmitted); close()");

IPCT_CASES(&ipct_case_timeo_rcvtimeo_accept,
	&ipct_case_timeo_sndtimeo_eagain,
	&ipct_case_timeo_sndtimeo_partial_count,
	&ipct_case_timeo_rcvtimeo_waitall_partial,
	&ipct_case_timeo_sndtimeo_unix_connect,
	&ipct_case_timeo_rcvtimeo_usec_edom,
	&ipct_case_timeo_sndtimeo_usec_negative_edom,
	&ipct_case_timeo_optlen_short_einval,
	&ipct_case_timeo_sndtimeo_roundtrip,
	&ipct_case_timeo_zero_never_expires,
	&ipct_case_linger_roundtrip,
	&ipct_case_linger_unix_close_returns);
