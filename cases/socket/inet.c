/* SPDX-License-Identifier: MIT
 * cases/socket/inet.c - TCP and UDP over the loopback address 127.0.0.1
 * with ephemeral ports only: binding port 0, connecting and accepting,
 * echo, end-of-file and half-close, refused connections, address reuse,
 * TCP_NODELAY, nonblocking connect and SO_ERROR, and UDP datagrams.
 * Sources: POSIX.1-2024 bind(), connect(), accept(), listen(), send(),
 * recv(), sendto(), recvfrom(), recvmsg(), shutdown(), getsockopt(),
 * setsockopt(), <netinet/in.h>, <netinet/tcp.h>; Linux udp(7) where
 * noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/uio.h>

/* A TCP listener on 127.0.0.1:ephemeral; its address in *a. */
static int tcp_listener(struct sockaddr_in *a)
{
	int fd = socket_xloopback(SOCK_STREAM, a);

	if (listen(fd, 8) != 0)
		IPCT_BROKEN("listen: %s", ipct_errname(errno));
	return fd;
}

/* A TCP socket connected to a, or broken. */
static int tcp_connect(const struct sockaddr_in *a)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	if (connect(fd, (const struct sockaddr *)a, sizeof *a) != 0)
		IPCT_BROKEN("connect(127.0.0.1:%u): %s", ntohs(a->sin_port),
			    ipct_errname(errno));
	return fd;
}

/* A connected TCP pair over loopback: *c the client, *s the server. */
static void tcp_pair(int *c, int *s)
{
	struct sockaddr_in a;
	int l = tcp_listener(&a);

	*c = tcp_connect(&a);
	*s = socket_xaccept(l);
	ipct_xclose(l);
}

static void tcp_bind_port_zero(void)
{
	struct sockaddr_in a;
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);
	socklen_t len = sizeof a;

	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(fd, (struct sockaddr *)&a, sizeof a));
	memset(&a, 0, sizeof a);
	CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &len));
	CHECK_EQ(AF_INET, a.sin_family);
	CHECK_EQU(INADDR_LOOPBACK, ntohl(a.sin_addr.s_addr));
	CHECK_NE(0, ntohs(a.sin_port));
}
IPCT_CASE(tcp_bind_port_zero,
	.id = "socket.tcp_bind_port_zero",
	.asserts = "bind() of a TCP socket to 127.0.0.1 port 0 assigns a non-zero port, which getsockname() reports with the address",
	.spec = "POSIX.1-2024 bind(), DESCRIPTION; getsockname(); <netinet/in.h>");

static void tcp_accept_peer_address(void)
{
	struct sockaddr_in a, cl, peer;
	socklen_t len = sizeof cl, plen = sizeof peer;
	int l = tcp_listener(&a), c, s;

	c = tcp_connect(&a);
	CHECK_OK(getsockname(c, (struct sockaddr *)&cl, &len));
	memset(&peer, 0, sizeof peer);
	s = accept(l, (struct sockaddr *)&peer, &plen);
	CHECK(s >= 0);
	CHECK_EQU(sizeof peer, plen);
	CHECK_EQ(AF_INET, peer.sin_family);
	CHECK_EQU(INADDR_LOOPBACK, ntohl(peer.sin_addr.s_addr));
	CHECK_EQ(ntohs(cl.sin_port), ntohs(peer.sin_port));
}
IPCT_CASE(tcp_accept_peer_address,
	.id = "socket.tcp_accept_peer_address",
	.asserts = "accept() on a loopback TCP listener stores the client's address, 127.0.0.1 and the client's port, in its address argument",
	.spec = "POSIX.1-2024 accept(), DESCRIPTION");

static void tcp_echo(void)
{
	char buf[16];
	int c, s;
	pid_t pid;

	tcp_pair(&c, &s);
	pid = ipct_fork();
	if (pid == 0) {
		ssize_t n;

		/* Echo until end-of-file. */
		while ((n = recv(s, buf, sizeof buf, 0)) > 0)
			CHECK_RET(send(s, buf, (size_t)n, 0), n);
		CHECK_RET(n, 0);
		ipct_child_exit();
	}
	ipct_xclose(s);
	CHECK_RET(send(c, "hello", 5, 0), 5);
	ipct_xread_all(c, buf, 5);
	CHECK_MEM("hello", buf, 5);
	CHECK_RET(send(c, "again", 5, 0), 5);
	ipct_xread_all(c, buf, 5);
	CHECK_MEM("again", buf, 5);
	CHECK_OK(shutdown(c, SHUT_WR));
	ipct_wait_ok(pid);
	CHECK_RET(recv(c, buf, sizeof buf, 0), 0);
}
IPCT_CASE(tcp_echo,
	.id = "socket.tcp_echo",
	.asserts = "data sent on a loopback TCP connection reaches the peer unchanged and the peer's reply comes back, in both directions",
	.spec = "POSIX.1-2024 send(), recv(), DESCRIPTION");

static void tcp_eof_after_close(void)
{
	char buf[8];
	int c, s;

	tcp_pair(&c, &s);
	CHECK_RET(send(c, "bye", 3, 0), 3);
	ipct_xclose(c);
	ipct_xread_all(s, buf, 3);
	CHECK_RET(recv(s, buf, sizeof buf, 0), 0);
}
IPCT_CASE(tcp_eof_after_close,
	.id = "socket.tcp_eof_after_close",
	.asserts = "after the TCP peer closes, recv() returns the data it sent and then 0",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE");

static void tcp_half_close(void)
{
	char buf[8];
	int c, s;

	tcp_pair(&c, &s);
	CHECK_RET(send(c, "req", 3, 0), 3);
	CHECK_OK(shutdown(c, SHUT_WR));
	ipct_xread_all(s, buf, 3);
	CHECK_RET(recv(s, buf, sizeof buf, 0), 0);
	/* The server still answers over the open direction. */
	CHECK_RET(send(s, "resp", 4, 0), 4);
	ipct_xread_all(c, buf, 4);
	CHECK_MEM("resp", buf, 4);
}
IPCT_CASE(tcp_half_close,
	.id = "socket.tcp_half_close",
	.asserts = "after a TCP client's shutdown(SHUT_WR) the server reads end-of-file and can still send, and the client receives it",
	.spec = "POSIX.1-2024 shutdown(), DESCRIPTION");

static void tcp_econnrefused(void)
{
	struct sockaddr_in a;
	/* Bound, never listening: the port stays ours and refuses. */
	int hold = socket_xloopback(SOCK_STREAM, &a);
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	(void)hold;
	CHECK_FAILS(connect(fd, (struct sockaddr *)&a, sizeof a), ECONNREFUSED);
}
IPCT_CASE(tcp_econnrefused,
	.id = "socket.tcp_econnrefused",
	.asserts = "connect() to a loopback TCP port where no socket listens fails with ECONNREFUSED",
	.spec = "POSIX.1-2024 connect(), ERRORS [ECONNREFUSED]");

static void tcp_eaddrinuse(void)
{
	struct sockaddr_in a;
	int l = tcp_listener(&a);
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	(void)l;
	CHECK_FAILS(bind(fd, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
}
IPCT_CASE(tcp_eaddrinuse,
	.id = "socket.tcp_eaddrinuse",
	.asserts = "bind() of a TCP socket to the address and port of a listening socket fails with EADDRINUSE",
	.spec = "POSIX.1-2024 bind(), ERRORS [EADDRINUSE]");

static void so_reuseaddr(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), on = 1, off = 0;

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_REUSEADDR));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on));
	CHECK_NE(0, socket_xgetint(fd, SOL_SOCKET, SO_REUSEADDR));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &off, sizeof off));
	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_REUSEADDR));
}
IPCT_CASE(so_reuseaddr,
	.id = "socket.so_reuseaddr",
	.asserts = "SO_REUSEADDR is off on a new TCP socket, and getsockopt() reports it on (non-zero) after setting it and off after clearing it",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_REUSEADDR); setsockopt(), getsockopt()");

static void tcp_nodelay(void)
{
	char buf[4];
	int c, s, on = 1;

	tcp_pair(&c, &s);
	CHECK_EQ(0, socket_xgetint(c, IPPROTO_TCP, TCP_NODELAY));
	CHECK_OK(setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on));
	CHECK_NE(0, socket_xgetint(c, IPPROTO_TCP, TCP_NODELAY));
	/* A small request and reply still make the round trip. */
	CHECK_RET(send(c, "q", 1, 0), 1);
	ipct_xread_all(s, buf, 1);
	CHECK_RET(send(s, "a", 1, 0), 1);
	ipct_xread_all(c, buf, 1);
	CHECK_EQ('a', buf[0]);
}
IPCT_CASE(tcp_nodelay,
	.id = "socket.tcp_nodelay",
	.asserts = "TCP_NODELAY is off on a new TCP socket and getsockopt() reports it on after setsockopt(), with data still flowing both ways",
	.spec = "POSIX.1-2024 <netinet/tcp.h> (TCP_NODELAY); setsockopt(), getsockopt()");

static void tcp_nonblocking_connect(void)
{
	struct sockaddr_in a;
	struct pollfd p;
	int l = tcp_listener(&a), fd = socket_xsocket(AF_INET, SOCK_STREAM), r;

	(void)l;
	ipct_xsetnonblock(fd);
	errno = 0;
	r = connect(fd, (struct sockaddr *)&a, sizeof a);
	if (r != 0)
		CHECK_ERRNO(errno, EINPROGRESS);
	p.fd = fd;
	p.events = POLLOUT;
	p.revents = 0;
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK_EQ(POLLOUT, p.revents & (POLLOUT | POLLERR | POLLHUP));
	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_ERROR));
}
IPCT_CASE(tcp_nonblocking_connect,
	.id = "socket.tcp_nonblocking_connect",
	.asserts = "connect() on an O_NONBLOCK TCP socket to a loopback listener returns 0 or fails with EINPROGRESS, then the socket becomes writable with SO_ERROR 0",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION and ERRORS [EINPROGRESS]");

static void tcp_so_error_refused(void)
{
	struct sockaddr_in a;
	struct pollfd p;
	int hold = socket_xloopback(SOCK_STREAM, &a);
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), r;

	(void)hold;
	ipct_xsetnonblock(fd);
	errno = 0;
	r = connect(fd, (struct sockaddr *)&a, sizeof a);
	CHECK_EQ(-1, r);
	if (errno == ECONNREFUSED)
		ipct_skip("the refusal came back from connect() itself, so there is no pending SO_ERROR to read");
	CHECK_ERRNO(errno, EINPROGRESS);
	p.fd = fd;
	p.events = POLLOUT;
	p.revents = 0;
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK_EQ(ECONNREFUSED, socket_xgetint(fd, SOL_SOCKET, SO_ERROR));
	/* Reading the pending error cleared it. */
	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_ERROR));
}
IPCT_CASE(tcp_so_error_refused,
	.id = "socket.tcp_so_error_refused",
	.asserts = "a nonblocking TCP connect() to a loopback port nobody listens on ends with SO_ERROR ECONNREFUSED, and reading SO_ERROR clears it to 0",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_ERROR); connect(), ERRORS [EINPROGRESS]");

static void udp_sendto_recvfrom(void)
{
	struct sockaddr_in ra, ta, from;
	socklen_t flen = sizeof from;
	int rx = socket_xloopback(SOCK_DGRAM, &ra);
	int tx = socket_xloopback(SOCK_DGRAM, &ta);
	char buf[16];

	CHECK_RET(sendto(tx, "udp!", 4, 0, (struct sockaddr *)&ra, sizeof ra), 4);
	memset(&from, 0, sizeof from);
	CHECK_RET(recvfrom(rx, buf, sizeof buf, 0, (struct sockaddr *)&from,
			   &flen), 4);
	CHECK_MEM("udp!", buf, 4);
	CHECK_EQ(AF_INET, from.sin_family);
	CHECK_EQU(INADDR_LOOPBACK, ntohl(from.sin_addr.s_addr));
	CHECK_EQ(ntohs(ta.sin_port), ntohs(from.sin_port));
}
IPCT_CASE(udp_sendto_recvfrom,
	.id = "socket.udp_sendto_recvfrom",
	.asserts = "a UDP datagram sent over loopback arrives intact and recvfrom() reports the sender's address 127.0.0.1 and port",
	.spec = "POSIX.1-2024 sendto(), recvfrom(), DESCRIPTION");

static void udp_boundaries(void)
{
	struct sockaddr_in ra, ta;
	int rx = socket_xloopback(SOCK_DGRAM, &ra);
	int tx = socket_xloopback(SOCK_DGRAM, &ta);
	char buf[64];

	CHECK_RET(sendto(tx, "one", 3, 0, (struct sockaddr *)&ra, sizeof ra), 3);
	CHECK_RET(sendto(tx, "three", 5, 0, (struct sockaddr *)&ra, sizeof ra), 5);
	CHECK_RET(recv(rx, buf, sizeof buf, 0), 3);
	CHECK_RET(recv(rx, buf, sizeof buf, 0), 5);
	CHECK_MEM("three", buf, 5);
}
IPCT_CASE(udp_boundaries,
	.id = "socket.udp_boundaries",
	.asserts = "each recv() on a UDP socket returns one whole datagram, even with room for two",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (message-based sockets)");

static void udp_truncate(void)
{
	struct sockaddr_in ra, ta;
	int rx = socket_xloopback(SOCK_DGRAM, &ra);
	int tx = socket_xloopback(SOCK_DGRAM, &ta);
	char buf[8];
	struct iovec iov = { .iov_base = buf, .iov_len = 3 };
	struct msghdr m;

	CHECK_RET(sendto(tx, "abcdefg", 7, 0, (struct sockaddr *)&ra, sizeof ra), 7);
	CHECK_RET(sendto(tx, "next", 4, 0, (struct sockaddr *)&ra, sizeof ra), 4);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	CHECK_RET(recvmsg(rx, &m, 0), 3);
	CHECK_MEM("abc", buf, 3);
	CHECK(m.msg_flags & MSG_TRUNC);
	CHECK_RET(recv(rx, buf, sizeof buf, 0), 4);
	CHECK_MEM("next", buf, 4);
}
IPCT_CASE(udp_truncate,
	.id = "socket.udp_truncate",
	.asserts = "recvmsg() of a UDP datagram into a shorter buffer returns its first bytes, sets MSG_TRUNC in msg_flags and discards the rest",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_TRUNC)");

static void udp_connected_filters(void)
{
	struct sockaddr_in ra, pa, oa;
	int rx = socket_xloopback(SOCK_DGRAM, &ra);
	int peer = socket_xloopback(SOCK_DGRAM, &pa);
	int other = socket_xloopback(SOCK_DGRAM, &oa);
	char buf[8];

	CHECK_OK(connect(rx, (struct sockaddr *)&pa, sizeof pa));
	CHECK_OK(connect(peer, (struct sockaddr *)&ra, sizeof ra));
	/* From another source first, then from the connected peer. */
	CHECK_RET(sendto(other, "no", 2, 0, (struct sockaddr *)&ra, sizeof ra), 2);
	CHECK_RET(send(peer, "yes", 3, 0), 3);
	CHECK_RET(recv(rx, buf, sizeof buf, 0), 3);
	CHECK_MEM("yes", buf, 3);
	ipct_xsetnonblock(rx);
	CHECK_FAILS(recv(rx, buf, sizeof buf, 0), EAGAIN);
	/* send() without an address goes to the connected peer. */
	CHECK_RET(send(rx, "back", 4, 0), 4);
	CHECK_RET(recv(peer, buf, sizeof buf, 0), 4);
	CHECK_MEM("back", buf, 4);
}
IPCT_CASE(udp_connected_filters,
	.id = "socket.udp_connected_filters",
	.asserts = "a connected UDP socket sends to its peer without an address and receives only datagrams from that peer, not from other sources",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (connectionless-mode sockets)");

static void udp_connected_refused(void)
{
	struct sockaddr_in ra, pa;
	int s = socket_xloopback(SOCK_DGRAM, &ra);
	int peer = socket_xloopback(SOCK_DGRAM, &pa);
	char buf[4];
	struct pollfd p = { .fd = s, .events = POLLIN };

	CHECK_OK(connect(s, (struct sockaddr *)&pa, sizeof pa));
	ipct_xclose(peer);
	/* The port unreachable answer comes back as an error on s. */
	CHECK_RET(send(s, "x", 1, 0), 1);
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK(p.revents & POLLERR);
	CHECK_FAILS(recv(s, buf, sizeof buf, 0), ECONNREFUSED);
}
IPCT_CASE(udp_connected_refused,
	.id = "socket.udp_connected_refused",
	.asserts = "after a datagram from a connected UDP socket reaches a closed loopback port, the socket reports POLLERR and the next recv() fails with ECONNREFUSED",
	.spec = "Linux udp(7), ERRORS [ECONNREFUSED]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_tcp_bind_port_zero, &ipct_case_tcp_accept_peer_address,
	&ipct_case_tcp_echo, &ipct_case_tcp_eof_after_close,
	&ipct_case_tcp_half_close, &ipct_case_tcp_econnrefused,
	&ipct_case_tcp_eaddrinuse, &ipct_case_so_reuseaddr, &ipct_case_tcp_nodelay,
	&ipct_case_tcp_nonblocking_connect, &ipct_case_tcp_so_error_refused,
	&ipct_case_udp_sendto_recvfrom, &ipct_case_udp_boundaries,
	&ipct_case_udp_truncate, &ipct_case_udp_connected_filters,
	&ipct_case_udp_connected_refused);
