/* SPDX-License-Identifier: MIT
 * cases/socket/mmsg.c - recvmmsg() and sendmmsg(): several datagrams in
 * one call, per-message lengths and flags, MSG_WAITFORONE, partial
 * results, and errors.  Over AF_UNIX datagram pairs and loopback UDP.
 * Sources: Linux recvmmsg(2), sendmmsg(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <poll.h>
#include <sys/uio.h>

#define NMSG 4

struct mm {
	struct mmsghdr h[NMSG];
	struct iovec iov[NMSG];
	char buf[NMSG][16];
};

/* Point each message of m at its own 16-byte buffer (len bytes used). */
static void mm_init(struct mm *m, size_t len)
{
	int i;

	memset(m, 0, sizeof *m);
	for (i = 0; i < NMSG; i++) {
		m->iov[i].iov_base = m->buf[i];
		m->iov[i].iov_len = len;
		m->h[i].msg_hdr.msg_iov = &m->iov[i];
		m->h[i].msg_hdr.msg_iovlen = 1;
	}
}

#ifndef HAVE_RECVMMSG
/* Never called: the cases require HAVE_RECVMMSG. */
#define recvmmsg(fd, v, n, f, t) (errno = ENOSYS, -1)
#define sendmmsg(fd, v, n, f) (errno = ENOSYS, -1)
#endif

static void mmsg_recvmmsg_several(void)
{
	struct mm m;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "one", 3, 0), 3);
	CHECK_RET(send(sv[0], "three", 5, 0), 5);
	CHECK_RET(send(sv[0], "2", 1, 0), 1);
	mm_init(&m, 16);
	CHECK_RET(recvmmsg(sv[1], m.h, 3, 0, NULL), 3);
	CHECK_EQU(3, m.h[0].msg_len);
	CHECK_EQU(5, m.h[1].msg_len);
	CHECK_EQU(1, m.h[2].msg_len);
	CHECK_MEM("three", m.buf[1], 5);
}
IPCT_CASE(mmsg_recvmmsg_several,
	.id = "socket.mmsg_recvmmsg_several",
	.asserts = "recvmmsg() receives several queued datagrams in one call, in order, each length in its msg_len",
	.spec = "Linux recvmmsg(2), DESCRIPTION (msg_len)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_recvmmsg_dontwait_partial(void)
{
	struct mm m;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "a", 1, 0), 1);
	CHECK_RET(send(sv[0], "b", 1, 0), 1);
	mm_init(&m, 16);
	/* Room for four, two queued: the two, without waiting. */
	CHECK_RET(recvmmsg(sv[1], m.h, NMSG, MSG_DONTWAIT, NULL), 2);
}
IPCT_CASE(mmsg_recvmmsg_dontwait_partial,
	.id = "socket.mmsg_recvmmsg_dontwait_partial",
	.asserts = "recvmmsg() with MSG_DONTWAIT and room for more datagrams than are queued returns those queued",
	.spec = "Linux recvmmsg(2), RETURN VALUE (the number of messages received)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_recvmmsg_empty_eagain(void)
{
	struct mm m;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	mm_init(&m, 16);
	CHECK_FAILS(recvmmsg(sv[1], m.h, NMSG, MSG_DONTWAIT, NULL), EAGAIN);
}
IPCT_CASE(mmsg_recvmmsg_empty_eagain,
	.id = "socket.mmsg_recvmmsg_empty_eagain",
	.asserts = "recvmmsg() with MSG_DONTWAIT on an empty socket fails with EAGAIN",
	.spec = "Linux recvmmsg(2), ERRORS (as recvmsg(2) [EAGAIN])",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });


static long waitforone_call(void *arg)
{
	struct mm m;

	mm_init(&m, 16);
	return recvmmsg(*(int *)arg, m.h, NMSG, MSG_WAITFORONE, NULL);
}

static void mmsg_recvmmsg_waitforone(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	ipct_block_start(&b, waitforone_call, &sv[1]);
	/* Nothing yet: it waits for the first. */
	ipct_block_prove(&b);
	CHECK_RET(send(sv[0], "first", 5, 0), 5);
	/* After the first it does not wait for the other three. */
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(mmsg_recvmmsg_waitforone,
	.id = "socket.mmsg_recvmmsg_waitforone",
	.asserts = "recvmmsg() with MSG_WAITFORONE blocks until one datagram arrives, then returns without waiting for more",
	.spec = "Linux recvmmsg(2), DESCRIPTION (MSG_WAITFORONE)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_recvmmsg_trunc_flag(void)
{
	struct mm m;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_RET(send(sv[0], "0123456789", 10, 0), 10);
	CHECK_RET(send(sv[0], "ok", 2, 0), 2);
	mm_init(&m, 4);
	CHECK_RET(recvmmsg(sv[1], m.h, 2, 0, NULL), 2);
	CHECK_EQ(MSG_TRUNC, m.h[0].msg_hdr.msg_flags & MSG_TRUNC);
	CHECK_EQ(0, m.h[1].msg_hdr.msg_flags & MSG_TRUNC);
	CHECK_MEM("0123", m.buf[0], 4);
}
IPCT_CASE(mmsg_recvmmsg_trunc_flag,
	.id = "socket.mmsg_recvmmsg_trunc_flag",
	.asserts = "recvmmsg() sets MSG_TRUNC in the msg_flags of each message that did not fit, and only there",
	.spec = "Linux recvmmsg(2) (each msg_hdr as for recvmsg(2)); POSIX.1-2024 recvmsg() (MSG_TRUNC)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_sendmmsg_several(void)
{
	struct mm m;
	char b[16];
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	mm_init(&m, 0);
	memcpy(m.buf[0], "ab", 2);
	m.iov[0].iov_len = 2;
	memcpy(m.buf[1], "cde", 3);
	m.iov[1].iov_len = 3;
	CHECK_RET(sendmmsg(sv[0], m.h, 2, 0), 2);
	CHECK_EQU(2, m.h[0].msg_len);
	CHECK_EQU(3, m.h[1].msg_len);
	/* Two datagrams, boundaries kept. */
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 2);
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 3);
	CHECK_MEM("cde", b, 3);
}
IPCT_CASE(mmsg_sendmmsg_several,
	.id = "socket.mmsg_sendmmsg_several",
	.asserts = "sendmmsg() sends each message as its own datagram and stores the bytes sent in each msg_len",
	.spec = "Linux sendmmsg(2), DESCRIPTION and RETURN VALUE",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_sendmmsg_partial_error(void)
{
	struct sockaddr_in a;
	struct mm m;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);

	(void)r;
	mm_init(&m, 1);
	/* The first has a destination, the second none. */
	m.h[0].msg_hdr.msg_name = &a;
	m.h[0].msg_hdr.msg_namelen = sizeof a;
	CHECK_RET(sendmmsg(s, m.h, 2, 0), 1);
	/* Alone, the second one reports its error. */
	CHECK_FAILS(sendmmsg(s, &m.h[1], 1, 0), EDESTADDRREQ);
}
IPCT_CASE(mmsg_sendmmsg_partial_error,
	.id = "socket.mmsg_sendmmsg_partial_error",
	.asserts = "sendmmsg() whose second message fails returns 1 (the messages sent before the error); sent alone that message fails with its error",
	.spec = "Linux sendmmsg(2), RETURN VALUE (an error after at least one message was sent: the number sent)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_sendmmsg_udp_addresses(void)
{
	struct sockaddr_in a, b;
	struct pollfd p[2];
	struct mm m;
	int ra = socket_xloopback(SOCK_DGRAM, &a), rb = socket_xloopback(SOCK_DGRAM, &b);
	int s = socket_xsocket(AF_INET, SOCK_DGRAM);
	char c;

	mm_init(&m, 1);
	m.buf[0][0] = 'A';
	m.buf[1][0] = 'B';
	m.h[0].msg_hdr.msg_name = &a;
	m.h[0].msg_hdr.msg_namelen = sizeof a;
	m.h[1].msg_hdr.msg_name = &b;
	m.h[1].msg_hdr.msg_namelen = sizeof b;
	CHECK_RET(sendmmsg(s, m.h, 2, 0), 2);
	p[0].fd = ra;
	p[1].fd = rb;
	p[0].events = p[1].events = POLLIN;
	CHECK_RET(poll(&p[0], 1, ipct_wait_limit_ms()), 1);
	CHECK_RET(poll(&p[1], 1, ipct_wait_limit_ms()), 1);
	CHECK_RET(recv(ra, &c, 1, 0), 1);
	CHECK_EQ('A', c);
	CHECK_RET(recv(rb, &c, 1, 0), 1);
	CHECK_EQ('B', c);
}
IPCT_CASE(mmsg_sendmmsg_udp_addresses,
	.id = "socket.mmsg_sendmmsg_udp_addresses",
	.asserts = "sendmmsg() on an unconnected UDP socket sends each message to the address in its own msg_name",
	.spec = "Linux sendmmsg(2) (each msg_hdr as for sendmsg(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_recvmmsg_udp_sources(void)
{
	struct sockaddr_in a, me, from[NMSG];
	struct pollfd p;
	struct mm m;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xloopback(SOCK_DGRAM, &me), i, n = 0;

	CHECK_RET(sendto(s, "1", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK_RET(sendto(s, "2", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	mm_init(&m, 16);
	for (i = 0; i < NMSG; i++) {
		m.h[i].msg_hdr.msg_name = &from[i];
		m.h[i].msg_hdr.msg_namelen = sizeof from[i];
	}
	p.fd = r;
	p.events = POLLIN;
	/* Collect both, however the loopback delivers them. */
	while (n < 2) {
		int got;

		CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
		got = recvmmsg(r, m.h + n, (unsigned)(NMSG - n), MSG_DONTWAIT, NULL);
		CHECK(got > 0);
		n += got;
	}
	CHECK_EQ(2, n);
	CHECK_EQ(me.sin_port, from[0].sin_port);
	CHECK_EQ(me.sin_port, from[1].sin_port);
	CHECK_EQU(sizeof from[1], m.h[1].msg_hdr.msg_namelen);
}
IPCT_CASE(mmsg_recvmmsg_udp_sources,
	.id = "socket.mmsg_recvmmsg_udp_sources",
	.asserts = "recvmmsg() on UDP fills each message's msg_name and msg_namelen with that datagram's source address",
	.spec = "Linux recvmmsg(2) (each msg_hdr as for recvmsg(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

static void mmsg_recvmmsg_enotsock(void)
{
	struct mm m;
	int p[2];

	ipct_xpipe(p);
	mm_init(&m, 16);
	CHECK_FAILS(recvmmsg(p[0], m.h, 1, MSG_DONTWAIT, NULL), ENOTSOCK);
}
IPCT_CASE(mmsg_recvmmsg_enotsock,
	.id = "socket.mmsg_recvmmsg_enotsock",
	.asserts = "recvmmsg() on a descriptor that is not a socket fails with ENOTSOCK",
	.spec = "Linux recvmmsg(2), ERRORS (as recvmsg(2) [ENOTSOCK])",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_RECVMMSG) });

IPCT_CASES(&ipct_case_mmsg_recvmmsg_several,
	&ipct_case_mmsg_recvmmsg_dontwait_partial,
	&ipct_case_mmsg_recvmmsg_empty_eagain,
	&ipct_case_mmsg_recvmmsg_waitforone,
	&ipct_case_mmsg_recvmmsg_trunc_flag,
	&ipct_case_mmsg_sendmmsg_several,
	&ipct_case_mmsg_sendmmsg_partial_error,
	&ipct_case_mmsg_sendmmsg_udp_addresses,
	&ipct_case_mmsg_recvmmsg_udp_sources,
	&ipct_case_mmsg_recvmmsg_enotsock);
