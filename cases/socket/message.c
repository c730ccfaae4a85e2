/* SPDX-License-Identifier: MIT
 * cases/socket/message.c - what one receive returns: record boundaries of
 * SOCK_DGRAM and SOCK_SEQPACKET (truncation, MSG_TRUNC, zero-length
 * datagrams), the boundary-free byte stream, MSG_PEEK and MSG_WAITALL,
 * and named AF_UNIX datagram sockets (sendto, recvfrom).
 * Sources: POSIX.1-2024 recv(), recvfrom(), recvmsg(), send(), sendto(),
 * <sys/socket.h>; Linux recv(2) and unix(7) where noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <signal.h>
#include <sys/uio.h>

/* Two messages of different lengths give two receives of those lengths,
 * even with a buffer large enough for both. */
static void two_records(int type)
{
	char buf[64];
	int sv[2];

	socket_xpair(type, sv);
	CHECK_RET(send(sv[0], "first", 5, 0), 5);
	CHECK_RET(send(sv[0], "second!", 7, 0), 7);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 5);
	CHECK_MEM("first", buf, 5);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 7);
	CHECK_MEM("second!", buf, 7);
}

static void dgram_boundaries(void)
{
	two_records(SOCK_DGRAM);
}
IPCT_CASE(dgram_boundaries,
	.id = "socket.dgram_boundaries",
	.asserts = "each receive on a SOCK_DGRAM socket returns exactly one datagram, even when the buffer could hold two",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (message-based sockets); XSH 2.10.6");

static void seqpacket_boundaries(void)
{
	two_records(SOCK_SEQPACKET);
}
IPCT_CASE(seqpacket_boundaries,
	.id = "socket.seqpacket_boundaries",
	.asserts = "each receive on a SOCK_SEQPACKET socket returns exactly one record: records are never merged",
	.spec = "POSIX.1-2024 socket(), DESCRIPTION (SOCK_SEQPACKET preserves record boundaries); recv(), DESCRIPTION");

static void stream_no_boundaries(void)
{
	char buf[64];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "first", 5, 0), 5);
	CHECK_RET(send(sv[0], "second!", 7, 0), 7);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 12);
	CHECK_MEM("firstsecond!", buf, 12);
}
IPCT_CASE(stream_no_boundaries,
	.id = "socket.stream_no_boundaries",
	.asserts = "a SOCK_STREAM socket keeps no message boundaries: one recv() returns the bytes of two sends together (Linux AF_UNIX queues both before the receive)",
	.spec = "POSIX.1-2024 XSH 2.10.6 Socket Types (SOCK_STREAM has no record boundaries); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

/* recvmsg() of a 10-byte record into a 4-byte buffer: the first 4 bytes,
 * MSG_TRUNC in msg_flags, and the rest discarded (the next receive gets
 * the next record). */
static void truncated(int type)
{
	char buf[16];
	struct iovec iov = { .iov_base = buf, .iov_len = 4 };
	struct msghdr m;
	int sv[2];

	socket_xpair(type, sv);
	CHECK_RET(send(sv[0], "0123456789", 10, 0), 10);
	CHECK_RET(send(sv[0], "next", 4, 0), 4);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	CHECK_RET(recvmsg(sv[1], &m, 0), 4);
	CHECK_MEM("0123", buf, 4);
	CHECK(m.msg_flags & MSG_TRUNC);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 4);
	CHECK_MEM("next", buf, 4);
}

static void dgram_truncate(void)
{
	truncated(SOCK_DGRAM);
}
IPCT_CASE(dgram_truncate,
	.id = "socket.dgram_truncate",
	.asserts = "recvmsg() into a buffer shorter than the datagram returns the first bytes, sets MSG_TRUNC in msg_flags and discards the rest of the datagram",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_TRUNC); recv(), DESCRIPTION");

static void seqpacket_truncate(void)
{
	truncated(SOCK_SEQPACKET);
}
IPCT_CASE(seqpacket_truncate,
	.id = "socket.seqpacket_truncate",
	.asserts = "recvmsg() into a buffer shorter than a SOCK_SEQPACKET record returns the first bytes, sets MSG_TRUNC in msg_flags and discards the rest of the record",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_TRUNC); recv(), DESCRIPTION");

static void recv_trunc_flag_real_length(void)
{
	char buf[4];
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "0123456789", 10, 0), 10);
	CHECK_RET(recv(sv[1], buf, sizeof buf, MSG_TRUNC), 10);
	CHECK_MEM("0123", buf, 4);
}
IPCT_CASE(recv_trunc_flag_real_length,
	.id = "socket.recv_trunc_flag_real_length",
	.asserts = "recv() with the MSG_TRUNC flag on an AF_UNIX datagram socket returns the real length of the datagram, longer than the buffer",
	.spec = "Linux recv(2), MSG_TRUNC",
	.needs = IPCT_LINUX_ONLY);

static void dgram_zero_length(void)
{
	char buf[8];
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "", 0, 0), 0);
	CHECK_RET(send(sv[0], "z", 1, 0), 1);
	/* The empty datagram is a message of its own, not end-of-file. */
	ipct_xsetnonblock(sv[1]);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 1);
	CHECK_FAILS(recv(sv[1], buf, sizeof buf, 0), EAGAIN);
}
IPCT_CASE(dgram_zero_length,
	.id = "socket.dgram_zero_length",
	.asserts = "a zero-length datagram is delivered as a message of its own: recv() returns 0 for it and the next datagram follows",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE; send(), DESCRIPTION");

static void stream_peek(void)
{
	char buf[8] = "";
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "peek", 4, 0), 4);
	CHECK_RET(recv(sv[1], buf, sizeof buf, MSG_PEEK), 4);
	CHECK_MEM("peek", buf, 4);
	memset(buf, 0, sizeof buf);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 4);
	CHECK_MEM("peek", buf, 4);
	ipct_xsetnonblock(sv[1]);
	CHECK_FAILS(recv(sv[1], buf, sizeof buf, 0), EAGAIN);
}
IPCT_CASE(stream_peek,
	.id = "socket.stream_peek",
	.asserts = "recv() with MSG_PEEK returns queued data without removing it: the next recv() returns the same bytes",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (MSG_PEEK)");

static void dgram_peek(void)
{
	char buf[8] = "";
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "one", 3, 0), 3);
	CHECK_RET(send(sv[0], "two!", 4, 0), 4);
	CHECK_RET(recv(sv[1], buf, sizeof buf, MSG_PEEK), 3);
	CHECK_RET(recv(sv[1], buf, sizeof buf, MSG_PEEK), 3);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 3);
	CHECK_MEM("one", buf, 3);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 4);
	CHECK_MEM("two!", buf, 4);
}
IPCT_CASE(dgram_peek,
	.id = "socket.dgram_peek",
	.asserts = "recv() with MSG_PEEK on a datagram socket returns the first datagram and leaves it queued, as the next datagram of a later receive",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (MSG_PEEK)");

static long recv_ten_waitall(void *arg)
{
	static char buf[10];
	int *fd = arg;

	return recv(*fd, buf, sizeof buf, MSG_WAITALL);
}

static void stream_waitall(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_block_start(&b, recv_ten_waitall, &sv[1]);
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "01234", 5, 0), 5);
	/* Half of the request arrived: MSG_WAITALL keeps waiting. */
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "56789", 5, 0), 5);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 10);
}
IPCT_CASE(stream_waitall,
	.id = "socket.stream_waitall",
	.asserts = "recv() with MSG_WAITALL on a stream socket keeps blocking after part of the request arrived and returns the full length once all of it did",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (MSG_WAITALL)");

static void dgram_sendto_enoent(void)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "absent");
	int fd = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	CHECK_FAILS(sendto(fd, "x", 1, 0, (struct sockaddr *)&a, len), ENOENT);
}
IPCT_CASE(dgram_sendto_enoent,
	.id = "socket.dgram_sendto_enoent",
	.asserts = "sendto() on an AF_UNIX datagram socket to a path that does not exist fails with ENOENT",
	.spec = "POSIX.1-2024 sendto(), ERRORS [ENOENT]");

static void dgram_sendto_stream_path(void)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "st");
	int fd;

	(void)socket_xlistener(SOCK_STREAM, "st");
	fd = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	CHECK_FAILS(sendto(fd, "x", 1, 0, (struct sockaddr *)&a, len), EPROTOTYPE);
}
IPCT_CASE(dgram_sendto_stream_path,
	.id = "socket.dgram_sendto_stream_path",
	.asserts = "sendto() from an AF_UNIX datagram socket to the path of a stream socket fails with EPROTOTYPE",
	.spec = "Linux unix(7), ERRORS [EPROTOTYPE]",
	.needs = IPCT_LINUX_ONLY);

static void dgram_recvfrom_source(void)
{
	struct sockaddr_un a, from;
	socklen_t len = socket_xunaddr(&a, "rx"), flen = sizeof from;
	int rx = socket_xbound(SOCK_DGRAM, "rx");
	int tx = socket_xbound(SOCK_DGRAM, "tx");
	char buf[8];

	CHECK_RET(sendto(tx, "hi", 2, 0, (struct sockaddr *)&a, len), 2);
	memset(&from, 0, sizeof from);
	CHECK_RET(recvfrom(rx, buf, sizeof buf, 0, (struct sockaddr *)&from,
			   &flen), 2);
	CHECK_EQ(AF_UNIX, from.sun_family);
	CHECK_STR("tx", from.sun_path);
}
IPCT_CASE(dgram_recvfrom_source,
	.id = "socket.dgram_recvfrom_source",
	.asserts = "recvfrom() on an AF_UNIX datagram socket stores the bound path of the sending socket as the source address",
	.spec = "POSIX.1-2024 recvfrom(), DESCRIPTION");

static void dgram_connected_peer_closed(void)
{
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	ipct_xclose(sv[1]);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(send(sv[0], "x", 1, 0), ECONNREFUSED);
}
IPCT_CASE(dgram_connected_peer_closed,
	.id = "socket.dgram_connected_peer_closed",
	.asserts = "send() on a connected AF_UNIX datagram socket whose peer has been closed fails with ECONNREFUSED",
	.spec = "Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void dgram_queue_full_eagain(void)
{
	char buf[64] = "";
	int sv[2], n = 0;

	socket_xpair(SOCK_DGRAM, sv);
	ipct_xsetnonblock(sv[0]);
	/* Nobody receives: the peer's queue fills (max_dgram_qlen or the
	 * buffer size) and a nonblocking send must then refuse. */
	while (send(sv[0], buf, sizeof buf, 0) == (ssize_t)sizeof buf)
		if (++n > 1000000)
			IPCT_BROKEN("the datagram queue never filled");
	CHECK_ERRNO(errno, EAGAIN);
	CHECK(n > 0);
	/* Receiving one makes room again. */
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), sizeof buf);
	CHECK_RET(send(sv[0], buf, sizeof buf, 0), sizeof buf);
}
IPCT_CASE(dgram_queue_full_eagain,
	.id = "socket.dgram_queue_full_eagain",
	.asserts = "a nonblocking send() on an AF_UNIX datagram socket whose peer's receive queue is full fails with EAGAIN, and succeeds again once a datagram is received",
	.spec = "Linux unix(7) (max_dgram_qlen); POSIX.1-2024 send(), ERRORS [EAGAIN]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_dgram_boundaries, &ipct_case_seqpacket_boundaries,
	&ipct_case_stream_no_boundaries, &ipct_case_dgram_truncate,
	&ipct_case_seqpacket_truncate, &ipct_case_recv_trunc_flag_real_length,
	&ipct_case_dgram_zero_length, &ipct_case_stream_peek,
	&ipct_case_dgram_peek, &ipct_case_stream_waitall,
	&ipct_case_dgram_sendto_enoent, &ipct_case_dgram_sendto_stream_path,
	&ipct_case_dgram_recvfrom_source, &ipct_case_dgram_connected_peer_closed,
	&ipct_case_dgram_queue_full_eagain);
