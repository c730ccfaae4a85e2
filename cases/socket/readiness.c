/* SPDX-License-Identifier: MIT
 * cases/socket/readiness.c - what poll() and select() report on AF_UNIX
 * sockets after each event (POLLRDHUP, POLLHUP, POLLOUT after draining, a
 * pending connection), shutdown() waking a poller, SO_RCVLOWAT and
 * SO_SNDLOWAT, SIOCINQ/SIOCOUTQ, and SO_PEEK_OFF.  Readiness is checked
 * with a zero timeout right after the event; waking is proved from kernel
 * state.
 * Sources: POSIX.1-2024 poll(), select(), setsockopt(), XSH 2.10.16 Use of
 * Options (SO_RCVLOWAT); Linux poll(2), socket(7), unix(7) (Ioctls).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#ifdef HAVE_SIOCINQ
#include <linux/sockios.h>
#endif

#ifndef POLLRDHUP
#define POLLRDHUP 0 /* the cases that need it require HAVE_POLLRDHUP */
#endif

static void rd_pollrdhup_peer_shut_wr(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, socket_xpoll_now(sv[1], POLLIN | POLLRDHUP));
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	CHECK_EQ(POLLRDHUP, socket_xpoll_now(sv[1], POLLIN | POLLRDHUP) & POLLRDHUP);
}
IPCT_CASE(rd_pollrdhup_peer_shut_wr,
	.id = "socket.rd_pollrdhup_peer_shut_wr",
	.asserts = "poll() reports POLLRDHUP on an AF_UNIX stream socket once its peer shut down writing, and not before",
	.spec = "Linux poll(2), POLLRDHUP (stream socket peer shut down writing half of connection)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_POLLRDHUP) });

static void rd_pollrdhup_not_on_own_shut_wr(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(shutdown(sv[1], SHUT_WR));
	/* Our own write side closing is not the peer's. */
	CHECK_EQ(0, socket_xpoll_now(sv[1], POLLIN | POLLRDHUP) & (POLLRDHUP | POLLIN));
}
IPCT_CASE(rd_pollrdhup_not_on_own_shut_wr,
	.id = "socket.rd_pollrdhup_not_on_own_shut_wr",
	.asserts = "shutting down one's own writing side sets neither POLLRDHUP nor POLLIN on that AF_UNIX stream socket",
	.spec = "Linux poll(2), POLLRDHUP",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_POLLRDHUP) });

static long poll_in_call(void *arg)
{
	struct pollfd p = { .fd = *(int *)arg, .events = POLLIN };

	if (poll(&p, 1, -1) != 1)
		return -1;
	return p.revents;
}

static void rd_peer_shutdown_wakes_poller(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_block_start(&b, poll_in_call, &sv[1]);
	ipct_block_prove(&b);
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	r = ipct_block_finish(&b);
	CHECK(r.ret > 0);
	CHECK_EQ(POLLIN, r.ret & POLLIN);
}
IPCT_CASE(rd_peer_shutdown_wakes_poller,
	.id = "socket.rd_peer_shutdown_wakes_poller",
	.asserts = "a poll() waiting for POLLIN on a stream socket returns, readable, when the peer shuts down writing",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLIN: data other than high-priority may be read, end-of-file included); shutdown()");

static void rd_own_shutdown_wakes_poller(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_block_start(&b, poll_in_call, &sv[1]);
	ipct_block_prove(&b);
	/* The shared socket, shut down for reading by this process. */
	CHECK_OK(shutdown(sv[1], SHUT_RD));
	r = ipct_block_finish(&b);
	CHECK(r.ret > 0);
	CHECK_EQ(POLLIN, r.ret & POLLIN);
}
IPCT_CASE(rd_own_shutdown_wakes_poller,
	.id = "socket.rd_own_shutdown_wakes_poller",
	.asserts = "a poll() waiting for POLLIN on an AF_UNIX stream socket returns, readable, when the socket itself is shut down for reading",
	.spec = "Linux poll(2), unix(7); POSIX.1-2024 shutdown()",
	.needs = IPCT_LINUX_ONLY);

static void rd_shut_rdwr_pollhup(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, socket_xpoll_now(sv[0], POLLIN) & POLLHUP);
	CHECK_OK(shutdown(sv[0], SHUT_RDWR));
	CHECK_EQ(POLLHUP, socket_xpoll_now(sv[0], POLLIN) & POLLHUP);
}
IPCT_CASE(rd_shut_rdwr_pollhup,
	.id = "socket.rd_shut_rdwr_pollhup",
	.asserts = "poll() reports POLLHUP on an AF_UNIX stream socket shut down in both directions",
	.spec = "Linux poll(2) (POLLHUP), unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void rd_pollout_after_drain(void)
{
	static char buf[65536];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xsetnonblock(sv[0]);
	ipct_xsetnonblock(sv[1]);
	while (send(sv[0], buf, sizeof buf, 0) > 0)
		;
	CHECK_EQ(0, socket_xpoll_now(sv[0], POLLOUT) & POLLOUT);
	while (recv(sv[1], buf, sizeof buf, 0) > 0)
		;
	CHECK_EQ(POLLOUT, socket_xpoll_now(sv[0], POLLOUT) & POLLOUT);
}
IPCT_CASE(rd_pollout_after_drain,
	.id = "socket.rd_pollout_after_drain",
	.asserts = "a full stream socket does not poll POLLOUT; once its peer has read everything it does",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION (POLLOUT: data may be written without blocking)");

static void rd_listener_pollin_pending(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");

	CHECK_EQ(0, socket_xpoll_now(l, POLLIN));
	(void)socket_xconnect(SOCK_STREAM, "s");
	CHECK_EQ(POLLIN, socket_xpoll_now(l, POLLIN) & POLLIN);
	(void)socket_xaccept(l);
	CHECK_EQ(0, socket_xpoll_now(l, POLLIN));
}
IPCT_CASE(rd_listener_pollin_pending,
	.id = "socket.rd_listener_pollin_pending",
	.asserts = "a listening socket polls POLLIN exactly while a connection is waiting to be accepted",
	.spec = "POSIX.1-2024 accept(), APPLICATION USAGE and poll() (a pending connection makes a listening socket readable); select()");

static int select_read(int fd)
{
	struct timeval tv = { 0, 0 };
	fd_set r;

	FD_ZERO(&r);
	FD_SET(fd, &r);
	CHECK_OK(select(fd + 1, &r, NULL, NULL, &tv));
	return FD_ISSET(fd, &r) != 0;
}

static void rd_select_readable_data(void)
{
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_EQ(0, select_read(sv[1]));
	CHECK_RET(send(sv[0], "s", 1, 0), 1);
	CHECK_EQ(1, select_read(sv[1]));
}
IPCT_CASE(rd_select_readable_data,
	.id = "socket.rd_select_readable_data",
	.asserts = "select() marks a datagram socket readable once a datagram is queued, and not before",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (readfds)");

static void rd_select_eof_readable(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, select_read(sv[1]));
	ipct_xclose(sv[0]);
	CHECK_EQ(1, select_read(sv[1]));
}
IPCT_CASE(rd_select_eof_readable,
	.id = "socket.rd_select_eof_readable",
	.asserts = "select() marks a stream socket readable when its peer has closed (a read would return end-of-file without blocking)",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (a descriptor is ready for reading when a read would not block)");

static void rd_select_listener_readable(void)
{
	int l = socket_xlistener(SOCK_SEQPACKET, "s");

	CHECK_EQ(0, select_read(l));
	(void)socket_xconnect(SOCK_SEQPACKET, "s");
	CHECK_EQ(1, select_read(l));
}
IPCT_CASE(rd_select_listener_readable,
	.id = "socket.rd_select_listener_readable",
	.asserts = "select() marks a listening seqpacket socket readable once a connection is pending",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (a socket with a pending connection is ready for reading)");

static void rd_select_writable_fresh(void)
{
	struct timeval tv = { 0, 0 };
	fd_set w;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	FD_ZERO(&w);
	FD_SET(sv[0], &w);
	CHECK_RET(select(sv[0] + 1, NULL, &w, NULL, &tv), 1);
	CHECK(FD_ISSET(sv[0], &w));
}
IPCT_CASE(rd_select_writable_fresh,
	.id = "socket.rd_select_writable_fresh",
	.asserts = "select() marks a new connected stream socket writable",
	.spec = "POSIX.1-2024 select(), DESCRIPTION (writefds)");

static void rd_dgram_pollout_peer_full(void)
{
	static char buf[256];
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	ipct_xsetnonblock(sv[0]);
	while (send(sv[0], buf, sizeof buf, 0) > 0)
		;
	/* The peer's queue is full: not writable. */
	CHECK_EQ(0, socket_xpoll_now(sv[0], POLLOUT) & POLLOUT);
	ipct_xsetnonblock(sv[1]);
	while (recv(sv[1], buf, sizeof buf, 0) > 0)
		;
	CHECK_EQ(POLLOUT, socket_xpoll_now(sv[0], POLLOUT) & POLLOUT);
}
IPCT_CASE(rd_dgram_pollout_peer_full,
	.id = "socket.rd_dgram_pollout_peer_full",
	.asserts = "a connected AF_UNIX datagram socket whose peer's queue is full does not poll POLLOUT, and does once the peer has received them all",
	.spec = "Linux unix(7), poll(2) (POLLOUT)",
	.needs = IPCT_LINUX_ONLY);

static long recv10_call(void *arg)
{
	char b[10];

	return recv(*(int *)arg, b, sizeof b, 0);
}

static void rd_rcvlowat_recv_waits(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2], four = 4;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_RCVLOWAT, &four, sizeof four));
	CHECK_RET(send(sv[0], "ab", 2, 0), 2);
	ipct_block_start(&b, recv10_call, &sv[1]);
	/* Two bytes are there, fewer than the low-water mark. */
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "cd", 2, 0), 2);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 4);
}
IPCT_CASE(rd_rcvlowat_recv_waits,
	.id = "socket.rd_rcvlowat_recv_waits",
	.asserts = "a blocking recv() on a stream socket with SO_RCVLOWAT 4 waits while fewer than 4 bytes are queued, and returns them all once 4 are",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_RCVLOWAT: blocking receives wait for the low-water mark); Linux socket(7)");

static void rd_rcvlowat_default_one(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_EQ(1, socket_xgetint(fd, SOL_SOCKET, SO_RCVLOWAT));
}
IPCT_CASE(rd_rcvlowat_default_one,
	.id = "socket.rd_rcvlowat_default_one",
	.asserts = "SO_RCVLOWAT is 1 on a new socket",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_RCVLOWAT: the default value is 1); Linux socket(7)");

static void rd_rcvlowat_nonblock_returns_less(void)
{
	int sv[2], eight = 8;
	char b[10];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_RCVLOWAT, &eight, sizeof eight));
	CHECK_RET(send(sv[0], "abc", 3, 0), 3);
	CHECK_RET(recv(sv[1], b, sizeof b, MSG_DONTWAIT), 3);
}
IPCT_CASE(rd_rcvlowat_nonblock_returns_less,
	.id = "socket.rd_rcvlowat_nonblock_returns_less",
	.asserts = "a nonblocking recv() returns the bytes queued even when they are fewer than SO_RCVLOWAT",
	.spec = "Linux socket(7), SO_RCVLOWAT; recv(2) (MSG_DONTWAIT)",
	.needs = IPCT_LINUX_ONLY);

static void rd_sndlowat_enoprotoopt(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), v = 4;

	CHECK_EQ(1, socket_xgetint(fd, SOL_SOCKET, SO_SNDLOWAT));
	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_SNDLOWAT, &v, sizeof v), ENOPROTOOPT);
}
IPCT_CASE(rd_sndlowat_enoprotoopt,
	.id = "socket.rd_sndlowat_enoprotoopt",
	.asserts = "SO_SNDLOWAT reads as 1 and cannot be changed on Linux: setsockopt() fails with ENOPROTOOPT",
	.spec = "Linux socket(7), SO_RCVLOWAT and SO_SNDLOWAT",
	.needs = IPCT_LINUX_ONLY);

#ifdef HAVE_SIOCINQ
static int ioctl_int(int fd, unsigned long req)
{
	int v = -1;

	CHECK_OK(ioctl(fd, req, &v));
	return v;
}
#else
#define SIOCINQ 0
#define SIOCOUTQ 0
static int ioctl_int(int fd, unsigned long req)
{
	(void)fd;
	(void)req;
	return -1;
}
#endif

static void rd_siocinq_stream_unread(void)
{
	int sv[2];
	char b[3];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, ioctl_int(sv[1], SIOCINQ));
	CHECK_RET(send(sv[0], "abc", 3, 0), 3);
	CHECK_RET(send(sv[0], "defg", 4, 0), 4);
	CHECK_EQ(7, ioctl_int(sv[1], SIOCINQ));
	CHECK_RET(recv(sv[1], b, 3, 0), 3);
	CHECK_EQ(4, ioctl_int(sv[1], SIOCINQ));
}
IPCT_CASE(rd_siocinq_stream_unread,
	.id = "socket.rd_siocinq_stream_unread",
	.asserts = "SIOCINQ on an AF_UNIX stream socket returns the number of unread bytes queued, across sends, less what was read",
	.spec = "Linux unix(7), Ioctls (SIOCINQ)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void rd_siocinq_listen_einval(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), v;

	CHECK_FAILS(ioctl(l, SIOCINQ, &v), EINVAL);
}
IPCT_CASE(rd_siocinq_listen_einval,
	.id = "socket.rd_siocinq_listen_einval",
	.asserts = "SIOCINQ on a listening AF_UNIX stream socket fails with EINVAL",
	.spec = "Linux unix(7), Ioctls (SIOCINQ: the socket must not be in LISTEN state)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void rd_siocinq_dgram_next_size(void)
{
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_EQ(0, ioctl_int(sv[1], SIOCINQ));
	CHECK_RET(send(sv[0], "12345", 5, 0), 5);
	CHECK_RET(send(sv[0], "12", 2, 0), 2);
	/* The next datagram's size, not the total. */
	CHECK_EQ(5, ioctl_int(sv[1], SIOCINQ));
}
IPCT_CASE(rd_siocinq_dgram_next_size,
	.id = "socket.rd_siocinq_dgram_next_size",
	.asserts = "SIOCINQ on an AF_UNIX datagram socket returns the size of the next datagram (0 when none is queued)",
	.spec = "Linux unix(7), Ioctls (SIOCINQ for SOCK_DGRAM: as udp(7))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void rd_siocoutq_unix_drains(void)
{
	int sv[2];
	char b[8];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(0, ioctl_int(sv[0], SIOCOUTQ));
	CHECK_RET(send(sv[0], "queued", 6, 0), 6);
	/* Counted until the peer consumes it. */
	CHECK(ioctl_int(sv[0], SIOCOUTQ) >= 6);
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 6);
	CHECK_EQ(0, ioctl_int(sv[0], SIOCOUTQ));
}
IPCT_CASE(rd_siocoutq_unix_drains,
	.id = "socket.rd_siocoutq_unix_drains",
	.asserts = "SIOCOUTQ on an AF_UNIX stream socket is non-zero while sent data is unread by the peer and 0 once it is read",
	.spec = "Linux unix(7), Ioctls; tcp(7) (SIOCOUTQ: data in the send queue)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SIOCINQ) });

static void rd_fionread_stream(void)
{
	int sv[2], v = -1;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "12345678", 8, 0), 8);
	CHECK_OK(ioctl(sv[1], FIONREAD, &v));
	CHECK_EQ(8, v);
}
IPCT_CASE(rd_fionread_stream,
	.id = "socket.rd_fionread_stream",
	.asserts = "FIONREAD on an AF_UNIX stream socket returns the number of unread bytes",
	.spec = "Linux unix(7), Ioctls (FIONREAD is synonymous with SIOCINQ)",
	.needs = IPCT_LINUX_ONLY);

#ifndef HAVE_SO_PEEK_OFF
#define SO_PEEK_OFF 0
#endif

static void set_peek_off(int fd, int v)
{
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_PEEK_OFF, &v, sizeof v));
}

static void rd_peek_off_default_off(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_EQ(-1, socket_xgetint(sv[1], SOL_SOCKET, SO_PEEK_OFF));
}
IPCT_CASE(rd_peek_off_default_off,
	.id = "socket.rd_peek_off_default_off",
	.asserts = "SO_PEEK_OFF is -1 (disabled) on a new AF_UNIX socket",
	.spec = "Linux socket(7), SO_PEEK_OFF",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_PEEK_OFF) });

static void rd_peek_off_stream_advances(void)
{
	int sv[2];
	char b[4];

	socket_xpair(SOCK_STREAM, sv);
	set_peek_off(sv[1], 0);
	CHECK_RET(send(sv[0], "abcdef", 6, 0), 6);
	CHECK_RET(recv(sv[1], b, 2, MSG_PEEK), 2);
	CHECK_MEM("ab", b, 2);
	/* The next peek starts where the last one ended. */
	CHECK_RET(recv(sv[1], b, 2, MSG_PEEK), 2);
	CHECK_MEM("cd", b, 2);
	CHECK_EQ(4, socket_xgetint(sv[1], SOL_SOCKET, SO_PEEK_OFF));
}
IPCT_CASE(rd_peek_off_stream_advances,
	.id = "socket.rd_peek_off_stream_advances",
	.asserts = "with SO_PEEK_OFF enabled, each MSG_PEEK on an AF_UNIX stream socket starts at the offset and advances it by the bytes peeked",
	.spec = "Linux socket(7), SO_PEEK_OFF",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_PEEK_OFF) });

static void rd_peek_off_recv_decrements(void)
{
	int sv[2];
	char b[4];

	socket_xpair(SOCK_STREAM, sv);
	set_peek_off(sv[1], 0);
	CHECK_RET(send(sv[0], "abcdef", 6, 0), 6);
	CHECK_RET(recv(sv[1], b, 4, MSG_PEEK), 4);
	/* Removing data moves the offset back by the bytes removed. */
	CHECK_RET(recv(sv[1], b, 3, 0), 3);
	CHECK_MEM("abc", b, 3);
	CHECK_EQ(1, socket_xgetint(sv[1], SOL_SOCKET, SO_PEEK_OFF));
	CHECK_RET(recv(sv[1], b, 1, MSG_PEEK), 1);
	CHECK_EQ('e', b[0]);
}
IPCT_CASE(rd_peek_off_recv_decrements,
	.id = "socket.rd_peek_off_recv_decrements",
	.asserts = "a normal receive decreases SO_PEEK_OFF by the bytes it removed, so the next peek continues after what was already peeked",
	.spec = "Linux socket(7), SO_PEEK_OFF",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_PEEK_OFF) });

static void rd_peek_off_dgram_offset_within(void)
{
	int sv[2];
	char b[8];

	socket_xpair(SOCK_DGRAM, sv);
	set_peek_off(sv[1], 2);
	CHECK_RET(send(sv[0], "abcdef", 6, 0), 6);
	/* A datagram peek starts at the offset inside the datagram. */
	CHECK_RET(recv(sv[1], b, sizeof b, MSG_PEEK), 4);
	CHECK_MEM("cdef", b, 4);
}
IPCT_CASE(rd_peek_off_dgram_offset_within,
	.id = "socket.rd_peek_off_dgram_offset_within",
	.asserts = "on an AF_UNIX datagram socket with SO_PEEK_OFF set, MSG_PEEK returns the datagram from that offset on",
	.spec = "Linux socket(7), SO_PEEK_OFF",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_PEEK_OFF) });

IPCT_CASES(&ipct_case_rd_pollrdhup_peer_shut_wr,
	&ipct_case_rd_pollrdhup_not_on_own_shut_wr,
	&ipct_case_rd_peer_shutdown_wakes_poller,
	&ipct_case_rd_own_shutdown_wakes_poller,
	&ipct_case_rd_shut_rdwr_pollhup,
	&ipct_case_rd_pollout_after_drain,
	&ipct_case_rd_listener_pollin_pending,
	&ipct_case_rd_select_readable_data,
	&ipct_case_rd_select_eof_readable,
	&ipct_case_rd_select_listener_readable,
	&ipct_case_rd_select_writable_fresh,
	&ipct_case_rd_dgram_pollout_peer_full,
	&ipct_case_rd_rcvlowat_recv_waits,
	&ipct_case_rd_rcvlowat_default_one,
	&ipct_case_rd_rcvlowat_nonblock_returns_less,
	&ipct_case_rd_sndlowat_enoprotoopt,
	&ipct_case_rd_siocinq_stream_unread,
	&ipct_case_rd_siocinq_listen_einval,
	&ipct_case_rd_siocinq_dgram_next_size,
	&ipct_case_rd_siocoutq_unix_drains,
	&ipct_case_rd_fionread_stream,
	&ipct_case_rd_peek_off_default_off,
	&ipct_case_rd_peek_off_stream_advances,
	&ipct_case_rd_peek_off_recv_decrements,
	&ipct_case_rd_peek_off_dgram_offset_within);
