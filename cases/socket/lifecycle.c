/* SPDX-License-Identifier: MIT
 * cases/socket/lifecycle.c - the life of AF_UNIX connections: a pending
 * connection whose listener goes away, closing with unread data (reset),
 * sendto() with an address on connection-mode sockets, datagram peers
 * (connect to self, reconnect, AF_UNSPEC), blocking connect(), and what
 * closing or shutting down does to a blocked peer.
 * Sources: POSIX.1-2024 connect(), listen(), accept(), send(), sendto(),
 * recv(), shutdown(), close(), getsockopt() (SO_ERROR); Linux unix(7),
 * socket(7), poll(2) where noted.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>

/* A client connected to listener "s" (created here) that nobody accepted;
 * *lfd is the listener. */
static int pending_client(int type, int *lfd)
{
	*lfd = socket_xlistener(type, "s");
	return socket_xconnect(type, "s");
}

static int so_error(int fd)
{
	return socket_xgetint(fd, SOL_SOCKET, SO_ERROR);
}

static void life_pending_listener_close_poll(void)
{
	int l, c = pending_client(SOCK_STREAM, &l), ev;

	CHECK_EQ(0, socket_xpoll_now(c, POLLIN) & (POLLHUP | POLLERR));
	ipct_xclose(l);
	ev = socket_xpoll_now(c, POLLIN);
	CHECK_EQ(POLLHUP, ev & POLLHUP);
	CHECK_EQ(POLLERR, ev & POLLERR);
}
IPCT_CASE(life_pending_listener_close_poll,
	.id = "socket.life_pending_listener_close_poll",
	.asserts = "a connected but never accepted AF_UNIX stream client polls POLLHUP and POLLERR once the listener is closed",
	.spec = "Linux unix(7), poll(2) (POLLHUP, POLLERR)",
	.needs = IPCT_LINUX_ONLY);

static void life_pending_listener_close_reset(void)
{
	int l, c = pending_client(SOCK_STREAM, &l);
	char b;

	ipct_xclose(l);
	CHECK_FAILS(recv(c, &b, 1, 0), ECONNRESET);
	/* The error is reported once; then end-of-file. */
	CHECK_RET(recv(c, &b, 1, 0), 0);
}
IPCT_CASE(life_pending_listener_close_reset,
	.id = "socket.life_pending_listener_close_reset",
	.asserts = "recv() on a never accepted AF_UNIX stream client whose listener was closed fails once with ECONNRESET, then returns 0",
	.spec = "POSIX.1-2024 recv(), ERRORS [ECONNRESET]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_pending_listener_close_so_error(void)
{
	int l, c = pending_client(SOCK_STREAM, &l);

	CHECK_EQ(0, so_error(c));
	ipct_xclose(l);
	CHECK_EQ(ECONNRESET, so_error(c));
	/* Reading SO_ERROR clears it. */
	CHECK_EQ(0, so_error(c));
}
IPCT_CASE(life_pending_listener_close_so_error,
	.id = "socket.life_pending_listener_close_so_error",
	.asserts = "SO_ERROR on a never accepted AF_UNIX stream client whose listener was closed reports ECONNRESET once, then 0",
	.spec = "POSIX.1-2024 getsockopt() (SO_ERROR: reports and clears the pending error); XSH 2.10.16",
	.needs = IPCT_LINUX_ONLY);

static void life_pending_seqpacket_listener_close(void)
{
	int l, c = pending_client(SOCK_SEQPACKET, &l);
	char b;

	ipct_xclose(l);
	CHECK_FAILS(recv(c, &b, 1, 0), ECONNRESET);
	CHECK_RET(recv(c, &b, 1, 0), 0);
}
IPCT_CASE(life_pending_seqpacket_listener_close,
	.id = "socket.life_pending_seqpacket_listener_close",
	.asserts = "a never accepted AF_UNIX seqpacket client whose listener was closed gets ECONNRESET from recv() once, then 0",
	.spec = "POSIX.1-2024 recv(), ERRORS [ECONNRESET]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_unread_close_reset_stream(void)
{
	int sv[2];
	char b;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "lost", 4, 0), 4);
	ipct_xclose(sv[1]);
	CHECK_FAILS(recv(sv[0], &b, 1, 0), ECONNRESET);
	CHECK_RET(recv(sv[0], &b, 1, 0), 0);
}
IPCT_CASE(life_unread_close_reset_stream,
	.id = "socket.life_unread_close_reset_stream",
	.asserts = "closing an AF_UNIX stream socket with unread data resets the connection: the peer's recv() fails with ECONNRESET, then returns 0",
	.spec = "POSIX.1-2024 recv(), ERRORS [ECONNRESET]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_unread_close_reset_seqpacket(void)
{
	int sv[2];
	char b;

	socket_xpair(SOCK_SEQPACKET, sv);
	CHECK_RET(send(sv[0], "lost", 4, 0), 4);
	ipct_xclose(sv[1]);
	CHECK_FAILS(recv(sv[0], &b, 1, 0), ECONNRESET);
	CHECK_RET(recv(sv[0], &b, 1, 0), 0);
}
IPCT_CASE(life_unread_close_reset_seqpacket,
	.id = "socket.life_unread_close_reset_seqpacket",
	.asserts = "closing an AF_UNIX seqpacket socket with an unread message resets the connection: the peer's recv() fails with ECONNRESET, then returns 0",
	.spec = "POSIX.1-2024 recv(), ERRORS [ECONNRESET]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_read_close_no_reset(void)
{
	int sv[2];
	char b[4];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "read", 4, 0), 4);
	CHECK_RET(recv(sv[1], b, 4, 0), 4);
	ipct_xclose(sv[1]);
	/* Everything was read: an orderly end, no error. */
	CHECK_EQ(0, so_error(sv[0]));
	CHECK_RET(recv(sv[0], b, 1, 0), 0);
}
IPCT_CASE(life_read_close_no_reset,
	.id = "socket.life_read_close_no_reset",
	.asserts = "closing an AF_UNIX stream socket after reading everything is an orderly release: the peer has no pending error and reads 0",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE (0 after an orderly shutdown); getsockopt() SO_ERROR",
	.needs = IPCT_LINUX_ONLY);

static int unix_addr_of(const char *path, struct sockaddr_un *a)
{
	return (int)socket_xunaddr(a, path);
}

static void life_stream_sendto_connected_eisconn(void)
{
	struct sockaddr_un a;
	socklen_t len = (socklen_t)unix_addr_of("s", &a);
	int c, s;

	socket_xconnected(SOCK_STREAM, "s", &c, &s);
	CHECK_FAILS(sendto(c, "x", 1, 0, (struct sockaddr *)&a, len), EISCONN);
}
IPCT_CASE(life_stream_sendto_connected_eisconn,
	.id = "socket.life_stream_sendto_connected_eisconn",
	.asserts = "sendto() with a destination address on a connected AF_UNIX stream socket fails with EISCONN",
	.spec = "POSIX.1-2024 sendto(), ERRORS [EISCONN] (may be returned for connection-mode sockets); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_stream_sendto_unconnected_eopnotsupp(void)
{
	struct sockaddr_un a;
	socklen_t len = (socklen_t)unix_addr_of("s", &a);
	int l = socket_xlistener(SOCK_STREAM, "s");
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	(void)l;
	CHECK_FAILS(sendto(c, "x", 1, 0, (struct sockaddr *)&a, len), EOPNOTSUPP);
}
IPCT_CASE(life_stream_sendto_unconnected_eopnotsupp,
	.id = "socket.life_stream_sendto_unconnected_eopnotsupp",
	.asserts = "sendto() with an address on an unconnected AF_UNIX stream socket fails with EOPNOTSUPP: a stream socket cannot send to an address",
	.spec = "Linux unix(7) ERRORS [EOPNOTSUPP]; POSIX.1-2024 sendto()",
	.needs = IPCT_LINUX_ONLY);

static void life_seqpacket_sendto_unconnected_enotconn(void)
{
	struct sockaddr_un a;
	socklen_t len = (socklen_t)unix_addr_of("s", &a);
	int l = socket_xlistener(SOCK_SEQPACKET, "s");
	int c = socket_xsocket(AF_UNIX, SOCK_SEQPACKET);

	(void)l;
	CHECK_FAILS(sendto(c, "x", 1, 0, (struct sockaddr *)&a, len), ENOTCONN);
}
IPCT_CASE(life_seqpacket_sendto_unconnected_enotconn,
	.id = "socket.life_seqpacket_sendto_unconnected_enotconn",
	.asserts = "sendto() with an address on an unconnected AF_UNIX seqpacket socket fails with ENOTCONN: the address does not make a connection",
	.spec = "POSIX.1-2024 sendto(), ERRORS [ENOTCONN] (connection-mode socket not connected)",
	.needs = IPCT_LINUX_ONLY);

static void life_seqpacket_sendto_connected_ignored(void)
{
	struct sockaddr_un a;
	socklen_t len = (socklen_t)unix_addr_of("elsewhere", &a);
	int c, s;
	char b[4];

	socket_xconnected(SOCK_SEQPACKET, "s", &c, &s);
	/* The address (which names nothing) is ignored. */
	CHECK_RET(sendto(c, "ign", 3, 0, (struct sockaddr *)&a, len), 3);
	CHECK_RET(recv(s, b, sizeof b, 0), 3);
	CHECK_MEM("ign", b, 3);
}
IPCT_CASE(life_seqpacket_sendto_connected_ignored,
	.id = "socket.life_seqpacket_sendto_connected_ignored",
	.asserts = "sendto() on a connected AF_UNIX seqpacket socket ignores the destination address and sends to the peer",
	.spec = "POSIX.1-2024 sendto(), DESCRIPTION (connection-mode: dest_addr is ignored)",
	.needs = IPCT_LINUX_ONLY);

static void life_dgram_connect_self(void)
{
	struct sockaddr_un a;
	socklen_t len = (socklen_t)unix_addr_of("d", &a);
	int d = socket_xbound(SOCK_DGRAM, "d");
	char b[4];

	CHECK_OK(connect(d, (struct sockaddr *)&a, len));
	CHECK_RET(send(d, "me", 2, 0), 2);
	CHECK_RET(recv(d, b, sizeof b, MSG_DONTWAIT), 2);
	CHECK_MEM("me", b, 2);
}
IPCT_CASE(life_dgram_connect_self,
	.id = "socket.life_dgram_connect_self",
	.asserts = "an AF_UNIX datagram socket connected to its own address receives what it sends",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (connectionless: sets the peer address)",
	.needs = IPCT_LINUX_ONLY);

static void life_dgram_reconnect(void)
{
	struct sockaddr_un a, b;
	socklen_t la = (socklen_t)unix_addr_of("a", &a);
	socklen_t lb = (socklen_t)unix_addr_of("b", &b);
	int ra = socket_xbound(SOCK_DGRAM, "a"), rb = socket_xbound(SOCK_DGRAM, "b");
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	char c;

	CHECK_OK(connect(d, (struct sockaddr *)&a, la));
	CHECK_RET(send(d, "1", 1, 0), 1);
	CHECK_OK(connect(d, (struct sockaddr *)&b, lb));
	CHECK_RET(send(d, "2", 1, 0), 1);
	CHECK_RET(recv(ra, &c, 1, MSG_DONTWAIT), 1);
	CHECK_EQ('1', c);
	CHECK_FAILS(recv(ra, &c, 1, MSG_DONTWAIT), EAGAIN);
	CHECK_RET(recv(rb, &c, 1, MSG_DONTWAIT), 1);
	CHECK_EQ('2', c);
}
IPCT_CASE(life_dgram_reconnect,
	.id = "socket.life_dgram_reconnect",
	.asserts = "connect() on a connected AF_UNIX datagram socket replaces its peer: later sends go to the new address only",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (connectionless: the peer address may be changed)");

static void life_dgram_disconnect_unspec(void)
{
	struct sockaddr_un a;
	struct sockaddr u;
	socklen_t la = (socklen_t)unix_addr_of("a", &a);
	int r = socket_xbound(SOCK_DGRAM, "a");
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	(void)r;
	CHECK_OK(connect(d, (struct sockaddr *)&a, la));
	CHECK_RET(send(d, "1", 1, 0), 1);
	memset(&u, 0, sizeof u);
	u.sa_family = AF_UNSPEC;
	CHECK_OK(connect(d, &u, sizeof u));
	/* No peer any more. */
	CHECK_FAILS(send(d, "2", 1, 0), ENOTCONN);
}
IPCT_CASE(life_dgram_disconnect_unspec,
	.id = "socket.life_dgram_disconnect_unspec",
	.asserts = "connect() with an AF_UNSPEC address resets an AF_UNIX datagram socket's peer: send() without an address then fails with ENOTCONN",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (AF_UNSPEC resets the peer address); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_dgram_connected_rejects_others(void)
{
	struct sockaddr_un a, o;
	socklen_t la = (socklen_t)unix_addr_of("a", &a);
	socklen_t lo = (socklen_t)unix_addr_of("o", &o);
	int r = socket_xbound(SOCK_DGRAM, "a"), other = socket_xbound(SOCK_DGRAM, "o");
	int stranger = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	/* r accepts datagrams from "o" only. */
	CHECK_OK(connect(r, (struct sockaddr *)&o, lo));
	CHECK_FAILS(sendto(stranger, "x", 1, 0, (struct sockaddr *)&a, la), EPERM);
	CHECK_RET(sendto(other, "y", 1, 0, (struct sockaddr *)&a, la), 1);
}
IPCT_CASE(life_dgram_connected_rejects_others,
	.id = "socket.life_dgram_connected_rejects_others",
	.asserts = "sendto() to an AF_UNIX datagram socket connected to another peer fails with EPERM; its peer can still send to it",
	.spec = "Linux unix(7), connect(2) (a connected datagram socket receives only from its peer)",
	.needs = IPCT_LINUX_ONLY);

static void life_dgram_owner_gone_econnrefused(void)
{
	struct sockaddr_un a;
	socklen_t la = (socklen_t)unix_addr_of("a", &a);
	int r = socket_xbound(SOCK_DGRAM, "a");
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	ipct_xclose(r);
	/* The file is still there, nothing is bound to it. */
	CHECK_FAILS(sendto(d, "x", 1, 0, (struct sockaddr *)&a, la), ECONNREFUSED);
}
IPCT_CASE(life_dgram_owner_gone_econnrefused,
	.id = "socket.life_dgram_owner_gone_econnrefused",
	.asserts = "sendto() to the path of an AF_UNIX datagram socket that was closed (its file left behind) fails with ECONNREFUSED",
	.spec = "Linux unix(7) ERRORS [ECONNREFUSED]",
	.needs = IPCT_LINUX_ONLY);

static void life_connect_closed_listener_econnrefused(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	struct sockaddr_un a;
	socklen_t la = (socklen_t)unix_addr_of("s", &a);
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	ipct_xclose(l);
	CHECK_FAILS(connect(c, (struct sockaddr *)&a, la), ECONNREFUSED);
}
IPCT_CASE(life_connect_closed_listener_econnrefused,
	.id = "socket.life_connect_closed_listener_econnrefused",
	.asserts = "connect() to the path of a listener that was closed (its file left behind) fails with ECONNREFUSED",
	.spec = "POSIX.1-2024 connect(), ERRORS [ECONNREFUSED]; Linux unix(7)");

static void life_connect_listening_socket(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), l2 = socket_xlistener(SOCK_STREAM, "t");
	struct sockaddr_un a;
	socklen_t la = (socklen_t)unix_addr_of("t", &a);

	(void)l2;
	CHECK_FAILS(connect(l, (struct sockaddr *)&a, la), EINVAL);
}
IPCT_CASE(life_connect_listening_socket,
	.id = "socket.life_connect_listening_socket",
	.asserts = "connect() on a listening AF_UNIX stream socket fails with EINVAL",
	.spec = "Linux unix(7) ERRORS [EINVAL] (the socket is in an invalid state for the operation)",
	.needs = IPCT_LINUX_ONLY);

static void life_listen_connected_einval(void)
{
	int c, s;

	socket_xconnected(SOCK_STREAM, "s", &c, &s);
	CHECK_FAILS(listen(s, 4), EINVAL);
}
IPCT_CASE(life_listen_connected_einval,
	.id = "socket.life_listen_connected_einval",
	.asserts = "listen() on a connected stream socket fails with EINVAL",
	.spec = "POSIX.1-2024 listen(), ERRORS [EINVAL] (the socket is already connected)");

static void life_listen_again_ok(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), c, a;

	CHECK_OK(listen(l, 16));
	c = socket_xconnect(SOCK_STREAM, "s");
	a = socket_xaccept(l);
	CHECK_RET(send(c, "k", 1, 0), 1);
	CHECK_RET(recv(a, &c, 1, 0), 1);
}
IPCT_CASE(life_listen_again_ok,
	.id = "socket.life_listen_again_ok",
	.asserts = "listen() on a socket already listening succeeds (it changes the backlog) and the socket keeps accepting",
	.spec = "Linux listen(2); POSIX.1-2024 listen()",
	.needs = IPCT_LINUX_ONLY);

static void life_accept_after_client_closed(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	int c = socket_xconnect(SOCK_STREAM, "s"), a;
	char b[4];

	CHECK_RET(send(c, "bye", 3, 0), 3);
	ipct_xclose(c);
	/* The connection is still accepted, its data readable. */
	a = socket_xaccept(l);
	CHECK_RET(recv(a, b, sizeof b, 0), 3);
	CHECK_MEM("bye", b, 3);
	CHECK_RET(recv(a, b, sizeof b, 0), 0);
}
IPCT_CASE(life_accept_after_client_closed,
	.id = "socket.life_accept_after_client_closed",
	.asserts = "a queued connection whose client already closed is still accepted: its data is read, then end-of-file",
	.spec = "POSIX.1-2024 accept(), recv() (RETURN VALUE: 0 after the peer's orderly shutdown)");

struct connect_arg {
	int fd;
	const char *path;
};

static long connect_call(void *arg)
{
	struct connect_arg *c = arg;
	struct sockaddr_un a;
	socklen_t la = (socklen_t)unix_addr_of(c->path, &a);

	return connect(c->fd, (struct sockaddr *)&a, la);
}

/* Fill listener "s"'s backlog with nonblocking connects. */
static void fill_backlog(void)
{
	struct sockaddr_un a;
	socklen_t la = (socklen_t)unix_addr_of("s", &a);
	int i, fd;

	for (i = 0; i < 64; i++) {
		fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
		ipct_xsetnonblock(fd);
		if (connect(fd, (struct sockaddr *)&a, la) != 0) {
			if (errno != EAGAIN)
				IPCT_BROKEN("filling the backlog: %s", ipct_errname(errno));
			ipct_xclose(fd);
			return;
		}
	}
	IPCT_BROKEN("the backlog never filled");
}

static void life_connect_blocks_backlog_full(void)
{
	int l = socket_xbound(SOCK_STREAM, "s");
	struct connect_arg ca = { .path = "s" };
	struct ipct_blocker b;
	struct ipct_result r;

	CHECK_OK(listen(l, 0));
	fill_backlog();
	ca.fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	ipct_block_start(&b, connect_call, &ca);
	ipct_block_prove(&b);
	/* Accepting one makes room. */
	(void)socket_xaccept(l);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
}
IPCT_CASE(life_connect_blocks_backlog_full,
	.id = "socket.life_connect_blocks_backlog_full",
	.asserts = "a blocking connect() to an AF_UNIX listener whose backlog is full waits until an accept() makes room, then succeeds",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (blocks until the connection is established); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

/* The blocker child closes its copy of the other end (sv[0]) first, so
 * that the parent's close is the last one. */
static long recv_one_call(void *arg)
{
	int *sv = arg;
	char c;

	close(sv[0]);
	return recv(sv[1], &c, 1, 0);
}

static void life_close_wakes_blocked_recv(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_block_start(&b, recv_one_call, sv);
	ipct_block_prove(&b);
	ipct_xclose(sv[0]);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
}
IPCT_CASE(life_close_wakes_blocked_recv,
	.id = "socket.life_close_wakes_blocked_recv",
	.asserts = "a recv() blocked on an empty stream socket returns 0 when the peer closes",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE (0 after the peer's orderly shutdown)");

/* As recv_one_call, for the sending side: sv[1] is the peer. */
static long send_big_call(void *arg)
{
	static char big[1 << 20];
	int *sv = arg;

	close(sv[1]);
	return send(sv[0], big, sizeof big, MSG_NOSIGNAL);
}

static void life_close_wakes_blocked_send(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_block_start(&b, send_big_call, sv);
	ipct_block_prove(&b);
	ipct_xclose(sv[1]);
	r = ipct_block_finish(&b);
	/* Part may have gone into the buffer before it filled. */
	if (r.ret < 0)
		CHECK_RESULT_FAILS(r, EPIPE);
	else
		CHECK(r.ret > 0 && r.ret < (1 << 20));
}
IPCT_CASE(life_close_wakes_blocked_send,
	.id = "socket.life_close_wakes_blocked_send",
	.asserts = "a send() blocked on a full stream socket returns when the peer closes: EPIPE, or the count already queued",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE]; RETURN VALUE");

static void life_seqpacket_emsgsize(void)
{
	static char big[1 << 20];
	int sv[2];

	socket_xpair(SOCK_SEQPACKET, sv);
	/* Larger than the whole send buffer: cannot go at once. */
	CHECK_FAILS(send(sv[0], big, sizeof big, 0), EMSGSIZE);
}
IPCT_CASE(life_seqpacket_emsgsize,
	.id = "socket.life_seqpacket_emsgsize",
	.asserts = "send() of a record larger than an AF_UNIX seqpacket socket's send buffer fails with EMSGSIZE",
	.spec = "POSIX.1-2024 send(), ERRORS [EMSGSIZE]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_dgram_emsgsize(void)
{
	static char big[1 << 20];
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_FAILS(send(sv[0], big, sizeof big, 0), EMSGSIZE);
}
IPCT_CASE(life_dgram_emsgsize,
	.id = "socket.life_dgram_emsgsize",
	.asserts = "send() of a datagram larger than an AF_UNIX datagram socket's send buffer fails with EMSGSIZE",
	.spec = "POSIX.1-2024 send(), ERRORS [EMSGSIZE]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void life_shut_rd_peer_send_epipe(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(shutdown(sv[1], SHUT_RD));
	CHECK_FAILS(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
}
IPCT_CASE(life_shut_rd_peer_send_epipe,
	.id = "socket.life_shut_rd_peer_send_epipe",
	.asserts = "send() to an AF_UNIX stream peer that shut down its reading side fails with EPIPE",
	.spec = "Linux unix(7); POSIX.1-2024 send(), ERRORS [EPIPE]",
	.needs = IPCT_LINUX_ONLY);

static void life_so_error_fresh_zero(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_EQ(0, so_error(fd));
}
IPCT_CASE(life_so_error_fresh_zero,
	.id = "socket.life_so_error_fresh_zero",
	.asserts = "SO_ERROR on a new socket reports no pending error (0)",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_ERROR)");

IPCT_CASES(&ipct_case_life_pending_listener_close_poll,
	&ipct_case_life_pending_listener_close_reset,
	&ipct_case_life_pending_listener_close_so_error,
	&ipct_case_life_pending_seqpacket_listener_close,
	&ipct_case_life_unread_close_reset_stream,
	&ipct_case_life_unread_close_reset_seqpacket,
	&ipct_case_life_read_close_no_reset,
	&ipct_case_life_stream_sendto_connected_eisconn,
	&ipct_case_life_stream_sendto_unconnected_eopnotsupp,
	&ipct_case_life_seqpacket_sendto_unconnected_enotconn,
	&ipct_case_life_seqpacket_sendto_connected_ignored,
	&ipct_case_life_dgram_connect_self,
	&ipct_case_life_dgram_reconnect,
	&ipct_case_life_dgram_disconnect_unspec,
	&ipct_case_life_dgram_connected_rejects_others,
	&ipct_case_life_dgram_owner_gone_econnrefused,
	&ipct_case_life_connect_closed_listener_econnrefused,
	&ipct_case_life_connect_listening_socket,
	&ipct_case_life_listen_connected_einval,
	&ipct_case_life_listen_again_ok,
	&ipct_case_life_accept_after_client_closed,
	&ipct_case_life_connect_blocks_backlog_full,
	&ipct_case_life_close_wakes_blocked_recv,
	&ipct_case_life_close_wakes_blocked_send,
	&ipct_case_life_seqpacket_emsgsize,
	&ipct_case_life_dgram_emsgsize,
	&ipct_case_life_shut_rd_peer_send_epipe,
	&ipct_case_life_so_error_fresh_zero);
