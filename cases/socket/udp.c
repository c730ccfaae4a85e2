/* SPDX-License-Identifier: MIT
 * cases/socket/udp.c - UDP over the IPv4 loopback (127.0.0.1, ports from
 * the kernel): FIONREAD is the next datagram's size, zero-length
 * datagrams, peers (AF_UNSPEC disconnect, reconnect), SO_REUSEPORT,
 * ancillary data from IP_PKTINFO, IP_RECVTOS, IP_RECVTTL and
 * SO_TIMESTAMP, IP_TTL limits, and the error queue of IP_RECVERR.
 * Sources: POSIX.1-2024 connect(), send(), recvmsg(); Linux udp(7),
 * ip(7), socket(7).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <net/if.h>
#ifdef HAVE_LINUX_ERRQUEUE_H
#include <linux/errqueue.h>
#endif
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <sys/uio.h>

static int fionread(int fd)
{
	int v = -1;

	CHECK_OK(ioctl(fd, FIONREAD, &v));
	return v;
}

static void udp_fionread_next_datagram(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);

	CHECK_RET(sendto(s, "123", 3, 0, (struct sockaddr *)&a, sizeof a), 3);
	CHECK_RET(sendto(s, "1234567", 7, 0, (struct sockaddr *)&a, sizeof a), 7);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	/* The next datagram's size, not the 10 bytes queued. */
	CHECK_EQ(3, fionread(r));
}
IPCT_CASE(udp_fionread_next_datagram,
	.id = "socket.udp_fionread_next_datagram",
	.asserts = "FIONREAD on a UDP socket with two datagrams queued returns the size of the next one only",
	.spec = "Linux udp(7), Ioctls (FIONREAD: the size of the next pending datagram)",
	.needs = IPCT_LINUX_ONLY);

static void udp_fionread_empty_zero(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a);

	CHECK_EQ(0, fionread(r));
}
IPCT_CASE(udp_fionread_empty_zero,
	.id = "socket.udp_fionread_empty_zero",
	.asserts = "FIONREAD on a UDP socket with no datagram pending returns 0",
	.spec = "Linux udp(7), Ioctls (FIONREAD: 0 when no datagram is pending)",
	.needs = IPCT_LINUX_ONLY);

static void udp_zero_length_datagram(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);
	char b[4];

	CHECK_RET(sendto(s, "", 0, 0, (struct sockaddr *)&a, sizeof a), 0);
	CHECK_RET(sendto(s, "x", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	/* The empty datagram is a datagram: received first, as 0 bytes. */
	CHECK_RET(recv(r, b, sizeof b, 0), 0);
	CHECK_RET(recv(r, b, sizeof b, 0), 1);
}
IPCT_CASE(udp_zero_length_datagram,
	.id = "socket.udp_zero_length_datagram",
	.asserts = "a zero-length UDP datagram is delivered as a datagram: recv() returns 0 for it, then the next datagram",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE; XSH 2.10.6 (datagram sockets preserve boundaries); Linux udp(7)");

static void udp_disconnect_unspec(void)
{
	struct sockaddr_in a;
	struct sockaddr u;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);

	(void)r;
	CHECK_OK(connect(s, (struct sockaddr *)&a, sizeof a));
	CHECK_RET(send(s, "1", 1, 0), 1);
	memset(&u, 0, sizeof u);
	u.sa_family = AF_UNSPEC;
	CHECK_OK(connect(s, &u, sizeof u));
	CHECK_FAILS(send(s, "2", 1, 0), EDESTADDRREQ);
}
IPCT_CASE(udp_disconnect_unspec,
	.id = "socket.udp_disconnect_unspec",
	.asserts = "connect() with AF_UNSPEC removes a UDP socket's peer: send() without an address then fails with EDESTADDRREQ",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (AF_UNSPEC resets the peer address); send(), ERRORS [EDESTADDRREQ]");

static void udp_reconnect(void)
{
	struct sockaddr_in a, b;
	int ra = socket_xloopback(SOCK_DGRAM, &a), rb = socket_xloopback(SOCK_DGRAM, &b);
	int s = socket_xsocket(AF_INET, SOCK_DGRAM);
	char c;

	CHECK_OK(connect(s, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(connect(s, (struct sockaddr *)&b, sizeof b));
	CHECK_RET(send(s, "2", 1, 0), 1);
	CHECK(socket_xwait_event(rb, POLLIN) & POLLIN);
	CHECK_RET(recv(rb, &c, 1, 0), 1);
	CHECK_FAILS(recv(ra, &c, 1, MSG_DONTWAIT), EAGAIN);
}
IPCT_CASE(udp_reconnect,
	.id = "socket.udp_reconnect",
	.asserts = "connect() of a connected UDP socket to another address replaces the peer: sends go to the new one only",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (connectionless: the peer address may be changed)");

static void udp_connect_self(void)
{
	struct sockaddr_in a;
	int s = socket_xloopback(SOCK_DGRAM, &a);
	char c;

	CHECK_OK(connect(s, (struct sockaddr *)&a, sizeof a));
	CHECK_RET(send(s, "m", 1, 0), 1);
	CHECK(socket_xwait_event(s, POLLIN) & POLLIN);
	CHECK_RET(recv(s, &c, 1, 0), 1);
	CHECK_EQ('m', c);
}
IPCT_CASE(udp_connect_self,
	.id = "socket.udp_connect_self",
	.asserts = "a UDP socket connected to its own address receives what it sends",
	.spec = "POSIX.1-2024 connect(), DESCRIPTION (connectionless: sets the peer address)");

static void udp_reuseport_bind(void)
{
	struct sockaddr_in a;
	socklen_t len = sizeof a;
	int on = 1, u1 = socket_xsocket(AF_INET, SOCK_DGRAM), u2 = socket_xsocket(AF_INET, SOCK_DGRAM);
	int u3 = socket_xsocket(AF_INET, SOCK_DGRAM);

	CHECK_OK(setsockopt(u1, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
	CHECK_OK(setsockopt(u2, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on));
	memset(&a, 0, sizeof a);
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_OK(bind(u1, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(u1, (struct sockaddr *)&a, &len));
	CHECK_OK(bind(u2, (struct sockaddr *)&a, sizeof a));
	/* Without the option: refused. */
	CHECK_FAILS(bind(u3, (struct sockaddr *)&a, sizeof a), EADDRINUSE);
}
IPCT_CASE(udp_reuseport_bind,
	.id = "socket.udp_reuseport_bind",
	.asserts = "UDP sockets that set SO_REUSEPORT may bind the same address and port; one without it is refused with EADDRINUSE",
	.spec = "Linux socket(7), SO_REUSEPORT",
	.needs = IPCT_LINUX_ONLY);

union ctl {
	struct cmsghdr h;
	char buf[256];
};

/* recvmsg() one datagram into data with the control buffer c; the
 * msghdr is returned for walking. */
static struct msghdr recv_with_ctl(int fd, char *data, size_t len, union ctl *c,
				   struct iovec *iov)
{
	struct msghdr m;

	memset(&m, 0, sizeof m);
	memset(c, 0, sizeof *c);
	iov->iov_base = data;
	iov->iov_len = len;
	m.msg_iov = iov;
	m.msg_iovlen = 1;
	m.msg_control = c->buf;
	m.msg_controllen = sizeof c->buf;
	CHECK(recvmsg(fd, &m, 0) >= 0);
	return m;
}

static struct cmsghdr *find_cmsg(struct msghdr *m, int level, int type)
{
	struct cmsghdr *h;

	for (h = CMSG_FIRSTHDR(m); h; h = CMSG_NXTHDR(m, h))
		if (h->cmsg_level == level && h->cmsg_type == type)
			return h;
	return NULL;
}

static void udp_ip_pktinfo(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM), on = 1;
	struct in_pktinfo pi;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	char b[4];

	CHECK_OK(setsockopt(r, IPPROTO_IP, IP_PKTINFO, &on, sizeof on));
	CHECK_RET(sendto(s, "p", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	m = recv_with_ctl(r, b, sizeof b, &c, &iov);
	h = find_cmsg(&m, IPPROTO_IP, IP_PKTINFO);
	CHECK(h != NULL);
	memcpy(&pi, CMSG_DATA(h), sizeof pi);
	CHECK_EQ(INADDR_LOOPBACK, ntohl(pi.ipi_addr.s_addr));
	CHECK_EQ(if_nametoindex("lo"), pi.ipi_ifindex);
}
IPCT_CASE(udp_ip_pktinfo,
	.id = "socket.udp_ip_pktinfo",
	.asserts = "with IP_PKTINFO set, each UDP datagram comes with an IP_PKTINFO message naming its destination address (127.0.0.1) and the loopback interface",
	.spec = "Linux ip(7), IP_PKTINFO",
	.needs = IPCT_LINUX_ONLY);

static void udp_no_pktinfo_by_default(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	char b[4];

	CHECK_RET(sendto(s, "p", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	m = recv_with_ctl(r, b, sizeof b, &c, &iov);
	CHECK(CMSG_FIRSTHDR(&m) == NULL);
}
IPCT_CASE(udp_no_pktinfo_by_default,
	.id = "socket.udp_no_pktinfo_by_default",
	.asserts = "a UDP socket with no IP_* receive option set gets no control message with its datagrams",
	.spec = "Linux ip(7), IP_PKTINFO; POSIX.1-2024 recvmsg() (msg_controllen)",
	.needs = IPCT_LINUX_ONLY);

static void udp_ip_recvtos(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);
	int on = 1, tos = 0x20;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	unsigned char got;
	char b[4];

	CHECK_OK(setsockopt(r, IPPROTO_IP, IP_RECVTOS, &on, sizeof on));
	CHECK_OK(setsockopt(s, IPPROTO_IP, IP_TOS, &tos, sizeof tos));
	CHECK_RET(sendto(s, "t", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	m = recv_with_ctl(r, b, sizeof b, &c, &iov);
	h = find_cmsg(&m, IPPROTO_IP, IP_TOS);
	CHECK(h != NULL);
	memcpy(&got, CMSG_DATA(h), 1);
	CHECK_EQ(0x20, got);
}
IPCT_CASE(udp_ip_recvtos,
	.id = "socket.udp_ip_recvtos",
	.asserts = "a receiver with IP_RECVTOS gets an IP_TOS message carrying the TOS byte the sender set with IP_TOS",
	.spec = "Linux ip(7), IP_RECVTOS, IP_TOS",
	.needs = IPCT_LINUX_ONLY);

static void udp_ip_recvttl(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);
	int on = 1, ttl = 33, got = 0;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	char b[4];

	CHECK_OK(setsockopt(r, IPPROTO_IP, IP_RECVTTL, &on, sizeof on));
	CHECK_OK(setsockopt(s, IPPROTO_IP, IP_TTL, &ttl, sizeof ttl));
	CHECK_RET(sendto(s, "t", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	m = recv_with_ctl(r, b, sizeof b, &c, &iov);
	h = find_cmsg(&m, IPPROTO_IP, IP_TTL);
	CHECK(h != NULL);
	memcpy(&got, CMSG_DATA(h), sizeof got);
	/* Loopback does not route: the TTL arrives as sent. */
	CHECK_EQ(33, got);
}
IPCT_CASE(udp_ip_recvttl,
	.id = "socket.udp_ip_recvttl",
	.asserts = "a receiver with IP_RECVTTL gets an IP_TTL message carrying the TTL the loopback sender set with IP_TTL",
	.spec = "Linux ip(7), IP_RECVTTL, IP_TTL",
	.needs = IPCT_LINUX_ONLY);

static void udp_ip_ttl_range(void)
{
	int s = socket_xsocket(AF_INET, SOCK_DGRAM), v;

	v = 0;
	CHECK_FAILS(setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof v), EINVAL);
	v = 256;
	CHECK_FAILS(setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof v), EINVAL);
	v = 255;
	CHECK_OK(setsockopt(s, IPPROTO_IP, IP_TTL, &v, sizeof v));
	CHECK_EQ(255, socket_xgetint(s, IPPROTO_IP, IP_TTL));
}
IPCT_CASE(udp_ip_ttl_range,
	.id = "socket.udp_ip_ttl_range",
	.asserts = "IP_TTL accepts 1 to 255: 0 and 256 fail with EINVAL, 255 reads back",
	.spec = "Linux ip(7), IP_TTL",
	.needs = IPCT_LINUX_ONLY);

static void udp_so_timestamp(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM), on = 1;
	struct timeval before, after, ts;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	char b[4];

	CHECK_OK(setsockopt(r, SOL_SOCKET, SO_TIMESTAMP, &on, sizeof on));
	CHECK_OK(gettimeofday(&before, NULL));
	CHECK_RET(sendto(s, "t", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	m = recv_with_ctl(r, b, sizeof b, &c, &iov);
	CHECK_OK(gettimeofday(&after, NULL));
	h = find_cmsg(&m, SOL_SOCKET, SCM_TIMESTAMP);
	CHECK(h != NULL);
	memcpy(&ts, CMSG_DATA(h), sizeof ts);
	/* Stamped between the send and the receive (same clock). */
	CHECK(timercmp(&ts, &before, >=));
	CHECK(timercmp(&ts, &after, <=));
}
IPCT_CASE(udp_so_timestamp,
	.id = "socket.udp_so_timestamp",
	.asserts = "with SO_TIMESTAMP set, each datagram comes with an SCM_TIMESTAMP struct timeval of its arrival, no later than the receive",
	.spec = "Linux socket(7), SO_TIMESTAMP",
	.needs = IPCT_LINUX_ONLY);

#ifdef HAVE_LINUX_ERRQUEUE_H
static void udp_recverr_errqueue(void)
{
	struct sockaddr_in a;
	int gone = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM), on = 1;
	struct sock_extended_err ee;
	struct pollfd p;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	union ctl c;
	char b[4];

	/* A port that was bound and is now closed: ICMP port unreachable. */
	ipct_xclose(gone);
	CHECK_OK(setsockopt(s, IPPROTO_IP, IP_RECVERR, &on, sizeof on));
	CHECK_OK(connect(s, (struct sockaddr *)&a, sizeof a));
	CHECK_RET(send(s, "e", 1, 0), 1);
	p.fd = s;
	p.events = 0;
	p.revents = 0;
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK_EQ(POLLERR, p.revents & POLLERR);
	memset(&m, 0, sizeof m);
	memset(&c, 0, sizeof c);
	iov.iov_base = b;
	iov.iov_len = sizeof b;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	CHECK(recvmsg(s, &m, MSG_ERRQUEUE) >= 0);
	CHECK_EQ(MSG_ERRQUEUE, m.msg_flags & MSG_ERRQUEUE);
	h = find_cmsg(&m, IPPROTO_IP, IP_RECVERR);
	CHECK(h != NULL);
	memcpy(&ee, CMSG_DATA(h), sizeof ee);
	CHECK_EQ(ECONNREFUSED, ee.ee_errno);
	CHECK_EQ(SO_EE_ORIGIN_ICMP, ee.ee_origin);
}
#else
static void udp_recverr_errqueue(void)
{
}
#endif
IPCT_CASE(udp_recverr_errqueue,
	.id = "socket.udp_recverr_errqueue",
	.asserts = "with IP_RECVERR set, a datagram to a closed loopback port queues an error: POLLERR, and recvmsg(MSG_ERRQUEUE) returns an IP_RECVERR sock_extended_err with ECONNREFUSED from ICMP",
	.spec = "Linux ip(7), IP_RECVERR; recvmsg(2) (MSG_ERRQUEUE)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_LINUX_ERRQUEUE_H) });

static void udp_peek_then_recv(void)
{
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);
	char b[8];

	CHECK_RET(sendto(s, "first", 5, 0, (struct sockaddr *)&a, sizeof a), 5);
	CHECK_RET(sendto(s, "2nd", 3, 0, (struct sockaddr *)&a, sizeof a), 3);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	CHECK_RET(recv(r, b, sizeof b, MSG_PEEK), 5);
	CHECK_RET(recv(r, b, sizeof b, MSG_PEEK), 5);
	CHECK_RET(recv(r, b, sizeof b, 0), 5);
	CHECK_MEM("first", b, 5);
}
IPCT_CASE(udp_peek_then_recv,
	.id = "socket.udp_peek_then_recv",
	.asserts = "recv(MSG_PEEK) on a UDP socket returns the next datagram without removing it: peeking twice and receiving give the same datagram",
	.spec = "POSIX.1-2024 recv(), DESCRIPTION (MSG_PEEK)");

static void udp_recvfrom_source(void)
{
	struct sockaddr_in a, me, from;
	socklen_t len = sizeof from;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xloopback(SOCK_DGRAM, &me);
	char b;

	CHECK_RET(sendto(s, "f", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	memset(&from, 0, sizeof from);
	CHECK_RET(recvfrom(r, &b, 1, 0, (struct sockaddr *)&from, &len), 1);
	CHECK_EQU(sizeof from, len);
	CHECK_EQ(AF_INET, from.sin_family);
	CHECK_EQ(me.sin_port, from.sin_port);
	CHECK_EQ(INADDR_LOOPBACK, ntohl(from.sin_addr.s_addr));
}
IPCT_CASE(udp_recvfrom_source,
	.id = "socket.udp_recvfrom_source",
	.asserts = "recvfrom() on UDP reports the sender's address and port and the length of a struct sockaddr_in",
	.spec = "POSIX.1-2024 recvfrom(), DESCRIPTION (address and address_len)");

static void udp_recvmsg_source(void)
{
	struct sockaddr_in a, me, from;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xloopback(SOCK_DGRAM, &me);
	char b;
	struct iovec v = { &b, 1 };
	struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &v, .msg_iovlen = 1 };

	CHECK_RET(sendto(s, "f", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	memset(&from, 0, sizeof from);
	CHECK_RET(recvmsg(r, &m, 0), 1);
	CHECK_EQU(sizeof from, m.msg_namelen);
	CHECK_EQ(AF_INET, from.sin_family);
	CHECK_EQ(me.sin_port, from.sin_port);
	CHECK_EQ(INADDR_LOOPBACK, ntohl(from.sin_addr.s_addr));
}
IPCT_CASE(udp_recvmsg_source,
	.id = "socket.udp_recvmsg_source",
	.asserts = "recvmsg() on UDP stores the sender's address and port in msg_name and sets msg_namelen to the length of a struct sockaddr_in",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (msg_name, msg_namelen)");

static void udp_recvfrom_peek_source(void)
{
	struct sockaddr_in a, me, from;
	socklen_t len = sizeof from;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xloopback(SOCK_DGRAM, &me);
	char b;

	CHECK_RET(sendto(s, "a", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK_RET(sendto(s, "b", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	memset(&from, 0, sizeof from);
	CHECK_RET(recvfrom(r, &b, 1, MSG_PEEK, (struct sockaddr *)&from, &len), 1);
	CHECK_EQ('a', b);
	CHECK_EQ(me.sin_port, from.sin_port);
	/* Peeked, not taken: the same datagram comes again. */
	CHECK_RET(recvfrom(r, &b, 1, 0, (struct sockaddr *)&from, &len), 1);
	CHECK_EQ('a', b);
}
IPCT_CASE(udp_recvfrom_peek_source,
	.id = "socket.udp_recvfrom_peek_source",
	.asserts = "recvfrom() with MSG_PEEK on UDP returns the first datagram and its sender and leaves it queued: the next recvfrom() returns the same datagram",
	.spec = "POSIX.1-2024 recvfrom(), DESCRIPTION (MSG_PEEK)");

static void udp_sendto_connected_other(void)
{
	struct sockaddr_in a, b;
	int ra = socket_xloopback(SOCK_DGRAM, &a), rb = socket_xloopback(SOCK_DGRAM, &b);
	int s = socket_xsocket(AF_INET, SOCK_DGRAM);
	char c;

	(void)ra;
	CHECK_OK(connect(s, (struct sockaddr *)&a, sizeof a));
	/* Linux lets a connected UDP socket name another destination. */
	CHECK_RET(sendto(s, "o", 1, 0, (struct sockaddr *)&b, sizeof b), 1);
	CHECK(socket_xwait_event(rb, POLLIN) & POLLIN);
	CHECK_RET(recv(rb, &c, 1, 0), 1);
}
IPCT_CASE(udp_sendto_connected_other,
	.id = "socket.udp_sendto_connected_other",
	.asserts = "sendto() with an explicit address on a connected UDP socket sends to that address",
	.spec = "Linux udp(7) (sendto(2) with an address on a connected socket); POSIX.1-2024 sendto(), ERRORS [EISCONN] (may or may not be returned)",
	.needs = IPCT_LINUX_ONLY);

static void udp_send_emsgsize(void)
{
	static char big[70000];
	struct sockaddr_in a;
	int r = socket_xloopback(SOCK_DGRAM, &a), s = socket_xsocket(AF_INET, SOCK_DGRAM);

	(void)r;
	/* More than fits in an IPv4 datagram. */
	CHECK_FAILS(sendto(s, big, sizeof big, 0, (struct sockaddr *)&a, sizeof a), EMSGSIZE);
}
IPCT_CASE(udp_send_emsgsize,
	.id = "socket.udp_send_emsgsize",
	.asserts = "sendto() of a UDP datagram larger than 65507 bytes fails with EMSGSIZE",
	.spec = "POSIX.1-2024 sendto(), ERRORS [EMSGSIZE]; Linux udp(7) ERRORS",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_udp_fionread_next_datagram,
	&ipct_case_udp_fionread_empty_zero,
	&ipct_case_udp_zero_length_datagram,
	&ipct_case_udp_disconnect_unspec,
	&ipct_case_udp_reconnect,
	&ipct_case_udp_connect_self,
	&ipct_case_udp_reuseport_bind,
	&ipct_case_udp_ip_pktinfo,
	&ipct_case_udp_no_pktinfo_by_default,
	&ipct_case_udp_ip_recvtos,
	&ipct_case_udp_ip_recvttl,
	&ipct_case_udp_ip_ttl_range,
	&ipct_case_udp_so_timestamp,
	&ipct_case_udp_recverr_errqueue,
	&ipct_case_udp_peek_then_recv,
	&ipct_case_udp_recvfrom_source, &ipct_case_udp_recvmsg_source, &ipct_case_udp_recvfrom_peek_source,
	&ipct_case_udp_sendto_connected_other,
	&ipct_case_udp_send_emsgsize);
