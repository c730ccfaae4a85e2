/* SPDX-License-Identifier: MIT
 * cases/socket/tcp.c - TCP over the IPv4 loopback (127.0.0.1, ports from
 * the kernel): listen() on an unbound socket, the implicit bind of
 * connect(), resets (SO_LINGER {1,0}, closing with unread data), urgent
 * data (MSG_OOB, SO_OOBINLINE, sockatmark(), SIOCATMARK, SIGURG),
 * SO_REUSEPORT, SO_RCVLOWAT readiness, SIOCINQ/SIOCOUTQ, POLLRDHUP and
 * a few TCP options.
 * Sources: POSIX.1-2024 listen(), connect(), send(), recv(), sockatmark(),
 * select(), poll(), setsockopt(), XSH 2.10.16; Linux ip(7), tcp(7),
 * socket(7), poll(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#ifdef HAVE_SIOCINQ
#include <linux/sockios.h>
#endif

#ifndef POLLRDHUP
#define POLLRDHUP 0
#endif

static int tcp_xlistener(struct sockaddr_in *a)
{
	int l = socket_xloopback(SOCK_STREAM, a);

	if (listen(l, 8) != 0)
		IPCT_BROKEN("listen: %s", ipct_errname(errno));
	return l;
}

static int tcp_xconnect(const struct sockaddr_in *a)
{
	int c = socket_xsocket(AF_INET, SOCK_STREAM);

	if (connect(c, (const struct sockaddr *)a, sizeof *a) != 0)
		IPCT_BROKEN("connect(127.0.0.1): %s", ipct_errname(errno));
	return c;
}

/* A connected pair over loopback: *c the client, *s the accepted end. */
static void tcp_xpair(int *c, int *s)
{
	struct sockaddr_in a;
	int l = tcp_xlistener(&a);

	*c = tcp_xconnect(&a);
	*s = socket_xaccept(l);
	ipct_xclose(l);
}

static void tcp_listen_unbound_picks_port(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int l = socket_xsocket(AF_INET, SOCK_STREAM), c, s;

	CHECK_OK(listen(l, 4));
	CHECK_OK(getsockname(l, (struct sockaddr *)&a, &len));
	CHECK_NE(0, a.sin_port);
	CHECK_EQ(INADDR_ANY, ntohl(a.sin_addr.s_addr));
	/* Reached through the loopback address only. */
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	c = tcp_xconnect(&a);
	s = socket_xaccept(l);
	CHECK_RET(send(c, "p", 1, 0), 1);
	CHECK_RET(recv(s, &c, 1, 0), 1);
}
IPCT_CASE(tcp_listen_unbound_picks_port,
	.id = "socket.tcp_listen_unbound_picks_port",
	.asserts = "listen() on an unbound TCP socket binds it to a free ephemeral port on INADDR_ANY, where a loopback client can connect",
	.spec = "Linux ip(7) (listen(2) on an unbound socket binds it to a random free port with INADDR_ANY)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_connect_binds_local(void)
{
	struct sockaddr_in a, me;
	socklen_t len = sizeof me;
	int l = tcp_xlistener(&a), c = tcp_xconnect(&a);

	(void)l;
	CHECK_OK(getsockname(c, (struct sockaddr *)&me, &len));
	CHECK_EQU(sizeof me, len);
	CHECK_EQ(AF_INET, me.sin_family);
	CHECK_EQ(INADDR_LOOPBACK, ntohl(me.sin_addr.s_addr));
	CHECK_NE(0, me.sin_port);
}
IPCT_CASE(tcp_connect_binds_local,
	.id = "socket.tcp_connect_binds_local",
	.asserts = "connect() of an unbound TCP socket binds it to a local address and an unused port: getsockname() shows 127.0.0.1 and a non-zero port",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (an unbound socket is bound to an unused local address)");

static void tcp_linger_zero_reset(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	ipct_xclose(s);
	CHECK(socket_xwait_event(c, POLLIN) != 0);
	CHECK_FAILS(recv(c, &b, 1, 0), ECONNRESET);
}
IPCT_CASE(tcp_linger_zero_reset,
	.id = "socket.tcp_linger_zero_reset",
	.asserts = "close() of a TCP socket with SO_LINGER {1, 0} resets the connection: the peer's recv() fails with ECONNRESET",
	.spec = "Linux socket(7), SO_LINGER; tcp(7); POSIX.1-2024 recv(), ERRORS [ECONNRESET]",
	.needs = IPCT_LINUX_ONLY);

static void tcp_close_unread_reset(void)
{
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	CHECK_RET(send(c, "unread", 6, 0), 6);
	/* Wait until it is in s's receive queue, then close unread. */
	CHECK(socket_xwait_event(s, POLLIN) & POLLIN);
	ipct_xclose(s);
	CHECK(socket_xwait_event(c, POLLIN) != 0);
	CHECK_FAILS(recv(c, &b, 1, 0), ECONNRESET);
}
IPCT_CASE(tcp_close_unread_reset,
	.id = "socket.tcp_close_unread_reset",
	.asserts = "closing a TCP socket that has unread received data sends a reset: the peer's recv() fails with ECONNRESET",
	.spec = "Linux tcp(7); RFC 2525 section 2.17 (close with unread data sends RST); POSIX.1-2024 recv(), ERRORS [ECONNRESET]",
	.needs = IPCT_LINUX_ONLY);

static void tcp_reset_pollerr_so_error(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int c, s, ev;

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	ipct_xclose(s);
	ev = socket_xwait_event(c, POLLIN);
	CHECK_EQ(POLLERR, ev & POLLERR);
	CHECK_EQ(POLLHUP, ev & POLLHUP);
	CHECK_EQ(ECONNRESET, socket_xgetint(c, SOL_SOCKET, SO_ERROR));
	CHECK_EQ(0, socket_xgetint(c, SOL_SOCKET, SO_ERROR));
}
IPCT_CASE(tcp_reset_pollerr_so_error,
	.id = "socket.tcp_reset_pollerr_so_error",
	.asserts = "a TCP socket whose peer reset the connection polls POLLERR and POLLHUP, and SO_ERROR reports ECONNRESET once",
	.spec = "Linux poll(2), tcp(7); POSIX.1-2024 getsockopt() (SO_ERROR is cleared when read)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_send_after_reset_epipe(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg));
	ipct_xclose(s);
	(void)socket_xwait_event(c, POLLIN);
	CHECK_FAILS(recv(c, &b, 1, 0), ECONNRESET);
	CHECK_FAILS(send(c, "x", 1, MSG_NOSIGNAL), EPIPE);
}
IPCT_CASE(tcp_send_after_reset_epipe,
	.id = "socket.tcp_send_after_reset_epipe",
	.asserts = "send() on a TCP socket after the reset was reported fails with EPIPE",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE] (the socket is shut down for writing or no longer connected); Linux tcp(7)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_pollrdhup_peer_shut_wr(void)
{
	int c, s;

	tcp_xpair(&c, &s);
	CHECK_EQ(0, socket_xpoll_now(s, POLLIN | POLLRDHUP));
	CHECK_OK(shutdown(c, SHUT_WR));
	CHECK_EQ(POLLRDHUP, socket_xwait_event(s, POLLRDHUP) & POLLRDHUP);
}
IPCT_CASE(tcp_pollrdhup_peer_shut_wr,
	.id = "socket.tcp_pollrdhup_peer_shut_wr",
	.asserts = "poll() reports POLLRDHUP on a TCP socket once its peer shut down writing (its FIN arrived)",
	.spec = "Linux poll(2), POLLRDHUP",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_POLLRDHUP) });

/* Send "abc" with MSG_OOB from c and wait until s sees urgent data. */
static void send_urgent(int c, int s)
{
	CHECK_RET(send(c, "abc", 3, MSG_OOB), 3);
	CHECK_EQ(POLLPRI, socket_xwait_event(s, POLLPRI) & POLLPRI);
}

static void tcp_oob_recv_last_byte(void)
{
	int c, s;
	char b[8];

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	CHECK_RET(recv(s, b, 1, MSG_OOB), 1);
	CHECK_EQ('c', b[0]);
	/* The normal stream holds the rest. */
	CHECK_RET(recv(s, b, sizeof b, 0), 2);
	CHECK_MEM("ab", b, 2);
}
IPCT_CASE(tcp_oob_recv_last_byte,
	.id = "socket.tcp_oob_recv_last_byte",
	.asserts = "of data sent with MSG_OOB on TCP the last byte is the urgent one: recv(MSG_OOB) returns it and the normal stream the others",
	.spec = "Linux tcp(7), Sockets API (urgent data: only the last byte); POSIX.1-2024 send(), recv() (MSG_OOB)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_oob_pollpri(void)
{
	int c, s;

	tcp_xpair(&c, &s);
	CHECK_EQ(0, socket_xpoll_now(s, POLLPRI));
	send_urgent(c, s);
	CHECK_EQ(POLLPRI, socket_xpoll_now(s, POLLPRI) & POLLPRI);
}
IPCT_CASE(tcp_oob_pollpri,
	.id = "socket.tcp_oob_pollpri",
	.asserts = "a TCP socket with urgent data pending polls POLLPRI, and not before",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLPRI: high-priority data); Linux poll(2) (out-of-band data on a TCP socket)");

static void tcp_oob_select_except(void)
{
	struct timeval tv = { 0, 0 };
	fd_set e;
	int c, s;

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	FD_ZERO(&e);
	FD_SET(s, &e);
	CHECK_RET(select(s + 1, NULL, NULL, &e, &tv), 1);
	CHECK(FD_ISSET(s, &e));
}
IPCT_CASE(tcp_oob_select_except,
	.id = "socket.tcp_oob_select_except",
	.asserts = "select() reports a TCP socket with urgent data pending in its exceptfds set",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (errorfds: out-of-band data pending)");

static void tcp_sockatmark(void)
{
	int c, s;
	char b[8];

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	CHECK_RET(sockatmark(s), 0);
	/* A read stops at the mark. */
	CHECK_RET(recv(s, b, sizeof b, 0), 2);
	CHECK_RET(sockatmark(s), 1);
}
IPCT_CASE(tcp_sockatmark,
	.id = "socket.tcp_sockatmark",
	.asserts = "sockatmark() is 0 before the urgent mark and 1 once the bytes before it are read; the read stops at the mark",
	.spec = "POSIX.1-2024 sockatmark(), DESCRIPTION and APPLICATION USAGE (reads stop at the mark)");

static void tcp_siocatmark_ioctl(void)
{
	int c, s, v = -1;
	char b[8];

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	CHECK_RET(recv(s, b, sizeof b, 0), 2);
	CHECK_OK(ioctl(s, SIOCATMARK, &v));
	CHECK_EQ(1, v);
}
IPCT_CASE(tcp_siocatmark_ioctl,
	.id = "socket.tcp_siocatmark_ioctl",
	.asserts = "the SIOCATMARK ioctl on a TCP socket reads 1 at the urgent mark",
	.spec = "Linux tcp(7), Ioctls (SIOCATMARK)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_oobinline_in_stream(void)
{
	int c, s, on = 1;
	char b[8];

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_OOBINLINE, &on, sizeof on));
	send_urgent(c, s);
	/* Up to the mark, then the urgent byte in line. */
	CHECK_RET(recv(s, b, sizeof b, 0), 2);
	CHECK_RET(recv(s, b, sizeof b, 0), 1);
	CHECK_EQ('c', b[0]);
}
IPCT_CASE(tcp_oobinline_in_stream,
	.id = "socket.tcp_oobinline_in_stream",
	.asserts = "with SO_OOBINLINE set, the urgent byte of TCP data stays in the normal stream and is read there",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_OOBINLINE); Linux tcp(7)");

static void tcp_oobinline_recv_oob_einval(void)
{
	int c, s, on = 1;
	char b;

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_OOBINLINE, &on, sizeof on));
	send_urgent(c, s);
	CHECK_FAILS(recv(s, &b, 1, MSG_OOB), EINVAL);
}
IPCT_CASE(tcp_oobinline_recv_oob_einval,
	.id = "socket.tcp_oobinline_recv_oob_einval",
	.asserts = "recv(MSG_OOB) on a TCP socket with SO_OOBINLINE fails with EINVAL: there is no separate urgent byte to read",
	.spec = "Linux tcp(7) (SO_OOBINLINE; MSG_OOB), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void tcp_recv_oob_none_einval(void)
{
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	CHECK_RET(send(c, "n", 1, 0), 1);
	(void)socket_xwait_event(s, POLLIN);
	CHECK_FAILS(recv(s, &b, 1, MSG_OOB), EINVAL);
}
IPCT_CASE(tcp_recv_oob_none_einval,
	.id = "socket.tcp_recv_oob_none_einval",
	.asserts = "recv(MSG_OOB) on a TCP socket with no out-of-band data fails with EINVAL",
	.spec = "POSIX.1-2024 recv(), ERRORS [EINVAL] (MSG_OOB set and no out-of-band data available)");

static void tcp_oob_read_once(void)
{
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	CHECK_RET(recv(s, &b, 1, MSG_OOB), 1);
	CHECK_FAILS(recv(s, &b, 1, MSG_OOB), EINVAL);
}
IPCT_CASE(tcp_oob_read_once,
	.id = "socket.tcp_oob_read_once",
	.asserts = "the urgent byte is read once: a second recv(MSG_OOB) fails with EINVAL",
	.spec = "POSIX.1-2024 recv(), ERRORS [EINVAL]; Linux tcp(7)");

static void tcp_oob_peek(void)
{
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	send_urgent(c, s);
	CHECK_RET(recv(s, &b, 1, MSG_OOB | MSG_PEEK), 1);
	CHECK_EQ('c', b);
	CHECK_RET(recv(s, &b, 1, MSG_OOB), 1);
	CHECK_EQ('c', b);
}
IPCT_CASE(tcp_oob_peek,
	.id = "socket.tcp_oob_peek",
	.asserts = "recv(MSG_OOB | MSG_PEEK) returns the urgent byte without consuming it",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (MSG_PEEK, MSG_OOB)");

static void tcp_oob_sigurg(void)
{
	int c, s;

	tcp_xpair(&c, &s);
	ipct_catch(SIGURG, 0);
	CHECK_OK(fcntl(s, F_SETOWN, getpid()));
	CHECK_EQ(0, ipct_caught(SIGURG));
	CHECK_RET(send(c, "u", 1, MSG_OOB), 1);
	/* The signal is sent as the urgent data arrives. */
	CHECK_EQ(POLLPRI, socket_xwait_event(s, POLLPRI) & POLLPRI);
	CHECK(ipct_caught(SIGURG));
}
IPCT_CASE(tcp_oob_sigurg,
	.id = "socket.tcp_oob_sigurg",
	.asserts = "a process set as a TCP socket's owner with F_SETOWN receives SIGURG when urgent data arrives",
	.spec = "POSIX.1-2024 fcntl() (F_SETOWN), <signal.h> (SIGURG: high bandwidth data is available at a socket); Linux socket(7)");

static void tcp_reuseport_both(void)
{
	struct sockaddr_in a;
	int on = 1, l1 = socket_xsocket(AF_INET, SOCK_STREAM), l2 = socket_xsocket(AF_INET, SOCK_STREAM);
	socklen_t len = sizeof a;

	CHECK_OK(setsockopt(l1, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
	CHECK_OK(setsockopt(l2, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(l1, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l1, (struct sockaddr *)&a, &len));
	CHECK_OK(listen(l1, 4));
	/* The same address and port, both with SO_REUSEPORT. */
	CHECK_OK(bind(l2, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(listen(l2, 4));
}
IPCT_CASE(tcp_reuseport_both,
	.id = "socket.tcp_reuseport_both",
	.asserts = "two TCP sockets of the same user that both set SO_REUSEPORT can bind and listen on the same address and port",
	.spec = "Linux socket(7), SO_REUSEPORT",
	.needs = IPCT_LINUX_ONLY);

static void tcp_reuseport_needs_both(void)
{
	struct sockaddr_in a;
	int on = 1, l1 = socket_xsocket(AF_INET, SOCK_STREAM), l2 = socket_xsocket(AF_INET, SOCK_STREAM);
	socklen_t len = sizeof a;

	CHECK_OK(setsockopt(l1, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(l1, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(l1, (struct sockaddr *)&a, &len));
	CHECK_OK(listen(l1, 4));
	CHECK_FAILS(bind(l2, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
}
IPCT_CASE(tcp_reuseport_needs_both,
	.id = "socket.tcp_reuseport_needs_both",
	.asserts = "a TCP socket without SO_REUSEPORT cannot bind the port of a listener that set it: EADDRINUSE",
	.spec = "Linux socket(7), SO_REUSEPORT (the option must be set on every socket, before bind)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_rcvlowat_poll(void)
{
	int c, s, four = 4;

	tcp_xpair(&c, &s);
	CHECK_OK(setsockopt(s, SOL_SOCKET, SO_RCVLOWAT, &four, sizeof four));
	CHECK_RET(send(c, "ab", 2, 0), 2);
	/* Wait until both bytes are in the receive queue. */
	{
		int64_t end = ipct_now_ms() + ipct_wait_limit_ms();
		int v = 0, delay = 0;

		while (ioctl(s, FIONREAD, &v) == 0 && v < 2 && ipct_now_ms() < end)
			ipct_backoff(&delay);
		CHECK_EQ(2, v);
	}
	CHECK_EQ(0, socket_xpoll_now(s, POLLIN) & POLLIN);
	CHECK_RET(send(c, "cd", 2, 0), 2);
	CHECK_EQ(POLLIN, socket_xwait_event(s, POLLIN) & POLLIN);
}
IPCT_CASE(tcp_rcvlowat_poll,
	.id = "socket.tcp_rcvlowat_poll",
	.asserts = "a TCP socket with SO_RCVLOWAT 4 does not poll readable with 2 bytes queued, and does with 4",
	.spec = "Linux socket(7), SO_RCVLOWAT (select(2) and poll(2) report readable only at the low-water mark)",
	.needs = IPCT_LINUX_ONLY);

static int tcp_ioctl(int fd, unsigned long req)
{
	int v = -1;

	CHECK_OK(ioctl(fd, req, &v));
	return v;
}

static void tcp_siocinq_unread(void)
{
	int c, s;
	char b[3];

	tcp_xpair(&c, &s);
	CHECK_EQ(0, tcp_ioctl(s, FIONREAD));
	CHECK_RET(send(c, "abcde", 5, 0), 5);
	CHECK(socket_xwait_event(s, POLLIN) & POLLIN);
	CHECK_EQ(5, tcp_ioctl(s, FIONREAD));
	CHECK_RET(recv(s, b, 3, 0), 3);
	CHECK_EQ(2, tcp_ioctl(s, FIONREAD));
}
IPCT_CASE(tcp_siocinq_unread,
	.id = "socket.tcp_siocinq_unread",
	.asserts = "SIOCINQ (FIONREAD) on a TCP socket returns the number of unread bytes received",
	.spec = "Linux tcp(7), Ioctls (SIOCINQ)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_siocinq_listen_einval(void)
{
	struct sockaddr_in a;
	int l = tcp_xlistener(&a), v;

	CHECK_FAILS(ioctl(l, FIONREAD, &v), EINVAL);
}
IPCT_CASE(tcp_siocinq_listen_einval,
	.id = "socket.tcp_siocinq_listen_einval",
	.asserts = "SIOCINQ on a listening TCP socket fails with EINVAL",
	.spec = "Linux tcp(7), Ioctls (SIOCINQ: the socket must not be in LISTEN state)",
	.needs = IPCT_LINUX_ONLY);

#ifdef HAVE_SIOCINQ
static void tcp_siocoutq_drains(void)
{
	int c, s, v = -1, delay = 0;
	int64_t end;
	char b[8];

	tcp_xpair(&c, &s);
	CHECK_EQ(0, tcp_ioctl(c, SIOCOUTQ));
	CHECK_RET(send(c, "outq", 4, 0), 4);
	CHECK(socket_xwait_event(s, POLLIN) & POLLIN);
	CHECK_RET(recv(s, b, sizeof b, 0), 4);
	/* Acknowledged by the peer: the send queue empties. */
	end = ipct_now_ms() + ipct_wait_limit_ms();
	while ((v = tcp_ioctl(c, SIOCOUTQ)) != 0 && ipct_now_ms() < end)
		ipct_backoff(&delay);
	CHECK_EQ(0, v);
}
#else
static void tcp_siocoutq_drains(void)
{
}
#endif
IPCT_CASE(tcp_siocoutq_drains,
	.id = "socket.tcp_siocoutq_drains",
	.asserts = "SIOCOUTQ on a TCP socket is 0 when nothing was sent and returns to 0 once the data was acknowledged",
	.spec = "Linux tcp(7), Ioctls (SIOCOUTQ: unsent and unacknowledged data in the send queue)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void tcp_siocoutq_listen_einval(void)
{
#ifdef HAVE_SIOCINQ
	struct sockaddr_in a;
	int l = tcp_xlistener(&a), v;

	CHECK_FAILS(ioctl(l, SIOCOUTQ, &v), EINVAL);
#endif
}
IPCT_CASE(tcp_siocoutq_listen_einval,
	.id = "socket.tcp_siocoutq_listen_einval",
	.asserts = "SIOCOUTQ on a listening TCP socket fails with EINVAL",
	.spec = "Linux tcp(7), Ioctls (SIOCOUTQ: the socket must not be in LISTEN state)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void tcp_keepalive_option(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), on = 1;

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_KEEPALIVE));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on));
	CHECK_NE(0, socket_xgetint(fd, SOL_SOCKET, SO_KEEPALIVE));
}
IPCT_CASE(tcp_keepalive_option,
	.id = "socket.tcp_keepalive_option",
	.asserts = "SO_KEEPALIVE is off on a new TCP socket and reads back on once set",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_KEEPALIVE); Linux socket(7)");

static void tcp_keepidle_roundtrip(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), v = 77, bad = 0;

	CHECK_OK(setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &v, sizeof v));
	CHECK_EQ(77, socket_xgetint(fd, IPPROTO_TCP, TCP_KEEPIDLE));
	CHECK_FAILS(setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &bad, sizeof bad), EINVAL);
}
IPCT_CASE(tcp_keepidle_roundtrip,
	.id = "socket.tcp_keepidle_roundtrip",
	.asserts = "TCP_KEEPIDLE reads back the idle time set, and 0 seconds is refused with EINVAL",
	.spec = "Linux tcp(7), Socket options (TCP_KEEPIDLE)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_cork_roundtrip(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), on = 1;

	CHECK_EQ(0, socket_xgetint(fd, IPPROTO_TCP, TCP_CORK));
	CHECK_OK(setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on));
	CHECK_EQ(1, socket_xgetint(fd, IPPROTO_TCP, TCP_CORK));
}
IPCT_CASE(tcp_cork_roundtrip,
	.id = "socket.tcp_cork_roundtrip",
	.asserts = "TCP_CORK is off on a new TCP socket and reads back 1 once set",
	.spec = "Linux tcp(7), Socket options (TCP_CORK)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_info_established(void)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	int c, s;

	tcp_xpair(&c, &s);
	memset(&ti, 0, sizeof ti);
	CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	CHECK_EQ(1 /* TCP_ESTABLISHED */, ti.tcpi_state);
	ipct_xclose(s);
	CHECK(socket_xwait_event(c, POLLIN) & POLLIN);
	len = sizeof ti;
	CHECK_OK(getsockopt(c, IPPROTO_TCP, TCP_INFO, &ti, &len));
	CHECK_EQ(8 /* TCP_CLOSE_WAIT */, ti.tcpi_state);
}
IPCT_CASE(tcp_info_established,
	.id = "socket.tcp_info_established",
	.asserts = "TCP_INFO reports a connected socket as ESTABLISHED, and as CLOSE_WAIT once the peer has closed",
	.spec = "Linux tcp(7), Socket options (TCP_INFO); RFC 9293 connection states",
	.needs = IPCT_LINUX_ONLY);

static void tcp_maxseg_connected(void)
{
	int c, s;

	tcp_xpair(&c, &s);
	CHECK(socket_xgetint(c, IPPROTO_TCP, TCP_MAXSEG) > 0);
}
IPCT_CASE(tcp_maxseg_connected,
	.id = "socket.tcp_maxseg_connected",
	.asserts = "TCP_MAXSEG on a connected TCP socket reports a positive maximum segment size",
	.spec = "Linux tcp(7), Socket options (TCP_MAXSEG)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_sendto_connected_ignores_addr(void)
{
	struct sockaddr_in other;
	int c, s, l = socket_xloopback(SOCK_STREAM, &other);
	char b[4];

	(void)l;
	tcp_xpair(&c, &s);
	/* An address that is not the peer's: ignored. */
	CHECK_RET(sendto(c, "ign", 3, 0, (struct sockaddr *)&other, sizeof other), 3);
	CHECK(socket_xwait_event(s, POLLIN) & POLLIN);
	CHECK_RET(recv(s, b, sizeof b, 0), 3);
}
IPCT_CASE(tcp_sendto_connected_ignores_addr,
	.id = "socket.tcp_sendto_connected_ignores_addr",
	.asserts = "sendto() with an address on a connected TCP socket ignores the address and sends to the peer",
	.spec = "POSIX.1-2024 sendto(), DESCRIPTION (connection-mode: dest_addr is ignored); Linux tcp(7)",
	.needs = IPCT_LINUX_ONLY);

static void tcp_accept_nonblock_eagain(void)
{
	struct sockaddr_in a;
	int l = tcp_xlistener(&a);

	ipct_xsetnonblock(l);
	CHECK_FAILS(accept(l, NULL, NULL), EAGAIN);
}
IPCT_CASE(tcp_accept_nonblock_eagain,
	.id = "socket.tcp_accept_nonblock_eagain",
	.asserts = "accept() on an O_NONBLOCK TCP listener with no pending connection fails with EAGAIN or EWOULDBLOCK",
	.spec = "POSIX.1-2024 accept(), ERRORS [EAGAIN or EWOULDBLOCK]");

static void tcp_getpeername_enotconn(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	CHECK_FAILS(getpeername(fd, (struct sockaddr *)&a, &len), ENOTCONN);
}
IPCT_CASE(tcp_getpeername_enotconn,
	.id = "socket.tcp_getpeername_enotconn",
	.asserts = "getpeername() on an unconnected TCP socket fails with ENOTCONN",
	.spec = "POSIX.1-2024 getpeername(), ERRORS [ENOTCONN]");

static void tcp_bind_twice_einval(void)
{
	struct sockaddr_in a;
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(fd, (struct sockaddr *)&a, sizeof a));
	CHECK_FAILS(bind(fd, (struct sockaddr *)&a, sizeof a), EINVAL);
}
IPCT_CASE(tcp_bind_twice_einval,
	.id = "socket.tcp_bind_twice_einval",
	.asserts = "bind() of a TCP socket that is already bound fails with EINVAL",
	.spec = "POSIX.1-2024 bind(), ERRORS [EINVAL] (the socket is already bound to an address)");

static void tcp_shut_rd_recv_zero(void)
{
	int c, s;
	char b;

	tcp_xpair(&c, &s);
	CHECK_OK(shutdown(s, SHUT_RD));
	CHECK_RET(recv(s, &b, 1, 0), 0);
}
IPCT_CASE(tcp_shut_rd_recv_zero,
	.id = "socket.tcp_shut_rd_recv_zero",
	.asserts = "recv() on a TCP socket shut down for reading returns 0 at once",
	.spec = "POSIX.1-2024 shutdown() (SHUT_RD: further receptions disallowed); Linux tcp(7)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_tcp_listen_unbound_picks_port,
	&ipct_case_tcp_connect_binds_local,
	&ipct_case_tcp_linger_zero_reset,
	&ipct_case_tcp_close_unread_reset,
	&ipct_case_tcp_reset_pollerr_so_error,
	&ipct_case_tcp_send_after_reset_epipe,
	&ipct_case_tcp_pollrdhup_peer_shut_wr,
	&ipct_case_tcp_oob_recv_last_byte,
	&ipct_case_tcp_oob_pollpri,
	&ipct_case_tcp_oob_select_except,
	&ipct_case_tcp_sockatmark,
	&ipct_case_tcp_siocatmark_ioctl,
	&ipct_case_tcp_oobinline_in_stream,
	&ipct_case_tcp_oobinline_recv_oob_einval,
	&ipct_case_tcp_recv_oob_none_einval,
	&ipct_case_tcp_oob_read_once,
	&ipct_case_tcp_oob_peek,
	&ipct_case_tcp_oob_sigurg,
	&ipct_case_tcp_reuseport_both,
	&ipct_case_tcp_reuseport_needs_both,
	&ipct_case_tcp_rcvlowat_poll,
	&ipct_case_tcp_siocinq_unread,
	&ipct_case_tcp_siocinq_listen_einval,
	&ipct_case_tcp_siocoutq_drains,
	&ipct_case_tcp_siocoutq_listen_einval,
	&ipct_case_tcp_keepalive_option,
	&ipct_case_tcp_keepidle_roundtrip,
	&ipct_case_tcp_cork_roundtrip,
	&ipct_case_tcp_info_established,
	&ipct_case_tcp_maxseg_connected,
	&ipct_case_tcp_sendto_connected_ignores_addr,
	&ipct_case_tcp_accept_nonblock_eagain,
	&ipct_case_tcp_getpeername_enotconn,
	&ipct_case_tcp_bind_twice_einval,
	&ipct_case_tcp_shut_rd_recv_zero);
