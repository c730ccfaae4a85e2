/* SPDX-License-Identifier: MIT
 * cases/socket/ipv6.c - TCP and UDP over the IPv6 loopback (::1) and the
 * IPv4-mapped loopback (::ffff:127.0.0.1), IPV6_V6ONLY, and the IPv6
 * receive options IPV6_RECVPKTINFO and IPV6_RECVHOPLIMIT.  Where the
 * system has no IPv6 (no AF_INET6 sockets, or no ::1) the cases skip
 * saying so.
 * Sources: POSIX.1-2024 <netinet/in.h> (in6addr_loopback, IPV6_V6ONLY,
 * IPV6_UNICAST_HOPS), bind(), connect(), accept(), getsockname(); Linux
 * ipv6(7).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <poll.h>
#include <sys/uio.h>

/* An IPv6 socket of `type`, or skip when the system has no IPv6. */
static int v6_socket(int type)
{
	int fd = socket(AF_INET6, type, 0);

	if (fd < 0 && (errno == EAFNOSUPPORT || errno == EPROTONOSUPPORT))
		ipct_skip("no IPv6 on this system (socket(AF_INET6): %s)",
			  ipct_errname(errno));
	if (fd < 0)
		IPCT_BROKEN("socket(AF_INET6): %s", ipct_errname(errno));
	return fd;
}

/* Bind fd to addr (port 0) and store the bound address; skip when the
 * address is not configured (no ::1). */
static void v6_bind(int fd, const struct in6_addr *addr, struct sockaddr_in6 *a)
{
	socklen_t len = sizeof *a;

	memset(a, 0, sizeof *a);
	a->sin6_family = AF_INET6;
	a->sin6_addr = *addr;
	if (bind(fd, (struct sockaddr *)a, sizeof *a) != 0) {
		if (errno == EADDRNOTAVAIL)
			ipct_skip("the IPv6 loopback address is not configured (bind: EADDRNOTAVAIL)");
		IPCT_BROKEN("bind(::1): %s", ipct_errname(errno));
	}
	if (getsockname(fd, (struct sockaddr *)a, &len) != 0)
		IPCT_BROKEN("getsockname: %s", ipct_errname(errno));
}

static int v6_loopback(int type, struct sockaddr_in6 *a)
{
	int fd = v6_socket(type);

	v6_bind(fd, &in6addr_loopback, a);
	return fd;
}

static void set_int(int fd, int level, int opt, int v)
{
	if (setsockopt(fd, level, opt, &v, sizeof v) != 0)
		IPCT_BROKEN("setsockopt(%d, %d): %s", level, opt, ipct_errname(errno));
}

/* ::ffff:127.0.0.1 */
static struct in6_addr v4mapped_loopback(void)
{
	struct in6_addr m;

	memset(&m, 0, sizeof m);
	m.s6_addr[10] = 0xff;
	m.s6_addr[11] = 0xff;
	m.s6_addr[12] = 127;
	m.s6_addr[15] = 1;
	return m;
}

static void v6_tcp_loopback(void)
{
	struct sockaddr_in6 a, peer;
	socklen_t len = sizeof peer;
	int l = v6_loopback(SOCK_STREAM, &a), c = v6_socket(SOCK_STREAM), s;
	char b[4];

	CHECK_OK(listen(l, 4));
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	s = accept(l, (struct sockaddr *)&peer, &len);
	CHECK(s >= 0);
	CHECK_EQU(sizeof peer, len);
	CHECK_EQ(AF_INET6, peer.sin6_family);
	CHECK(IN6_IS_ADDR_LOOPBACK(&peer.sin6_addr));
	CHECK_RET(send(c, "six", 3, 0), 3);
	CHECK_RET(recv(s, b, sizeof b, 0), 3);
	CHECK_MEM("six", b, 3);
}
IPCT_CASE(v6_tcp_loopback,
	.id = "socket.v6_tcp_loopback",
	.asserts = "a TCP connection over ::1 carries data, and accept() reports the client as ::1 in a struct sockaddr_in6",
	.spec = "POSIX.1-2024 <netinet/in.h> (in6addr_loopback, IN6_IS_ADDR_LOOPBACK), accept(); Linux ipv6(7)");

static void v6_udp_loopback(void)
{
	struct sockaddr_in6 a, me, from;
	socklen_t len = sizeof from;
	int r = v6_loopback(SOCK_DGRAM, &a), s = v6_loopback(SOCK_DGRAM, &me);
	char b[4];

	CHECK_RET(sendto(s, "udp", 3, 0, (struct sockaddr *)&a, sizeof a), 3);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	CHECK_RET(recvfrom(r, b, sizeof b, 0, (struct sockaddr *)&from, &len), 3);
	CHECK_EQU(sizeof from, len);
	CHECK_EQ(me.sin6_port, from.sin6_port);
	CHECK(IN6_IS_ADDR_LOOPBACK(&from.sin6_addr));
}
IPCT_CASE(v6_udp_loopback,
	.id = "socket.v6_udp_loopback",
	.asserts = "a UDP datagram sent to ::1 arrives, and recvfrom() reports the sender's IPv6 address and port",
	.spec = "POSIX.1-2024 recvfrom(), <netinet/in.h> (struct sockaddr_in6); Linux ipv6(7)");

static void v6_getsockname(void)
{
	struct sockaddr_in6 a;
	socklen_t len = sizeof a;
	int fd = v6_loopback(SOCK_DGRAM, &a);

	memset(&a, 0, sizeof a);
	CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &len));
	CHECK_EQU(sizeof a, len);
	CHECK_EQ(AF_INET6, a.sin6_family);
	CHECK(IN6_IS_ADDR_LOOPBACK(&a.sin6_addr));
	CHECK_NE(0, a.sin6_port);
}
IPCT_CASE(v6_getsockname,
	.id = "socket.v6_getsockname",
	.asserts = "getsockname() on an IPv6 socket bound to ::1 port 0 reports AF_INET6, ::1, a kernel-chosen port and the length of a struct sockaddr_in6",
	.spec = "POSIX.1-2024 getsockname(), bind(); <netinet/in.h>");

static void v6_v6only_default(void)
{
	long sys = ipct_read_number("/proc/sys/net/ipv6/bindv6only");
	int fd = v6_socket(SOCK_STREAM);

	if (sys < 0)
		ipct_skip("/proc/sys/net/ipv6/bindv6only unreadable");
	CHECK_EQ(sys, socket_xgetint(fd, IPPROTO_IPV6, IPV6_V6ONLY));
}
IPCT_CASE(v6_v6only_default,
	.id = "socket.v6_v6only_default",
	.asserts = "IPV6_V6ONLY on a new IPv6 socket equals the system default /proc/sys/net/ipv6/bindv6only",
	.spec = "Linux ipv6(7), IPV6_V6ONLY (the default comes from /proc/sys/net/ipv6/bindv6only)",
	.needs = IPCT_LINUX_ONLY);

static void v6_v6only_mapped_bind_einval(void)
{
	struct in6_addr m = v4mapped_loopback();
	struct sockaddr_in6 a;
	int fd = v6_socket(SOCK_DGRAM);

	set_int(fd, IPPROTO_IPV6, IPV6_V6ONLY, 1);
	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	a.sin6_addr = m;
	CHECK_FAILS(bind(fd, (struct sockaddr *)&a, sizeof a), EINVAL);
}
IPCT_CASE(v6_v6only_mapped_bind_einval,
	.id = "socket.v6_v6only_mapped_bind_einval",
	.asserts = "an IPv6 socket with IPV6_V6ONLY set cannot bind an IPv4-mapped address: EINVAL",
	.spec = "Linux ipv6(7), IPV6_V6ONLY (restricted to IPv6 packets only); POSIX.1-2024 <netinet/in.h> IPV6_V6ONLY",
	.needs = IPCT_LINUX_ONLY);

static void v6_v4mapped_connect(void)
{
	struct sockaddr_in a4;
	struct sockaddr_in6 a, peer;
	socklen_t len = sizeof peer;
	int l = socket_xloopback(SOCK_STREAM, &a4), c = v6_socket(SOCK_STREAM), s;
	struct in6_addr m = v4mapped_loopback();
	char b;

	CHECK_OK(listen(l, 4));
	set_int(c, IPPROTO_IPV6, IPV6_V6ONLY, 0);
	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	a.sin6_addr = m;
	a.sin6_port = a4.sin_port;
	CHECK_OK(connect(c, (struct sockaddr *)&a, sizeof a));
	s = socket_xaccept(l);
	CHECK_RET(send(c, "m", 1, 0), 1);
	CHECK_RET(recv(s, &b, 1, 0), 1);
	CHECK_OK(getpeername(c, (struct sockaddr *)&peer, &len));
	CHECK_EQ(AF_INET6, peer.sin6_family);
	CHECK(IN6_IS_ADDR_V4MAPPED(&peer.sin6_addr));
}
IPCT_CASE(v6_v4mapped_connect,
	.id = "socket.v6_v4mapped_connect",
	.asserts = "an IPv6 TCP socket with IPV6_V6ONLY off reaches an IPv4 listener on 127.0.0.1 through ::ffff:127.0.0.1, and its peer reads back as that mapped address",
	.spec = "Linux ipv6(7) (IPv4 connections through v4-mapped-on-v6 addresses); POSIX.1-2024 <netinet/in.h> IN6_IS_ADDR_V4MAPPED",
	.needs = IPCT_LINUX_ONLY);

static void v6_v4mapped_accept(void)
{
	struct in6_addr m = v4mapped_loopback();
	struct sockaddr_in6 a, peer;
	struct sockaddr_in a4;
	socklen_t len = sizeof peer;
	int l = v6_socket(SOCK_STREAM), c = socket_xsocket(AF_INET, SOCK_STREAM), s;

	set_int(l, IPPROTO_IPV6, IPV6_V6ONLY, 0);
	v6_bind(l, &m, &a);
	CHECK_OK(listen(l, 4));
	memset(&a4, 0, sizeof a4);
	a4.sin_family = AF_INET;
	a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a4.sin_port = a.sin6_port;
	CHECK_OK(connect(c, (struct sockaddr *)&a4, sizeof a4));
	s = accept(l, (struct sockaddr *)&peer, &len);
	CHECK(s >= 0);
	CHECK_EQU(sizeof peer, len);
	CHECK_EQ(AF_INET6, peer.sin6_family);
	CHECK(IN6_IS_ADDR_V4MAPPED(&peer.sin6_addr));
	CHECK_EQ(127, peer.sin6_addr.s6_addr[12]);
}
IPCT_CASE(v6_v4mapped_accept,
	.id = "socket.v6_v4mapped_accept",
	.asserts = "an IPv6 listener bound to ::ffff:127.0.0.1 accepts an IPv4 client and reports it as an IPv4-mapped IPv6 address",
	.spec = "Linux ipv6(7) (v4-mapped-on-v6 address type); POSIX.1-2024 accept()",
	.needs = IPCT_LINUX_ONLY);

static void v6_recvpktinfo(void)
{
	union {
		struct cmsghdr h;
		char buf[256];
	} c;
	struct sockaddr_in6 a;
	struct in6_pktinfo pi;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	int r = v6_loopback(SOCK_DGRAM, &a), s = v6_socket(SOCK_DGRAM), found = 0;
	char b[4];

	set_int(r, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
	CHECK_RET(sendto(s, "p", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	memset(&m, 0, sizeof m);
	iov.iov_base = b;
	iov.iov_len = sizeof b;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	CHECK_RET(recvmsg(r, &m, 0), 1);
	for (h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h))
		if (h->cmsg_level == IPPROTO_IPV6 && h->cmsg_type == IPV6_PKTINFO) {
			memcpy(&pi, CMSG_DATA(h), sizeof pi);
			found = 1;
		}
	CHECK(found);
	CHECK(IN6_IS_ADDR_LOOPBACK(&pi.ipi6_addr));
	CHECK(pi.ipi6_ifindex > 0);
}
IPCT_CASE(v6_recvpktinfo,
	.id = "socket.v6_recvpktinfo",
	.asserts = "with IPV6_RECVPKTINFO set, each datagram to ::1 comes with an IPV6_PKTINFO message naming ::1 and an interface index",
	.spec = "Linux ipv6(7), IPV6_RECVPKTINFO; RFC 3542 section 6",
	.needs = IPCT_LINUX_ONLY);

static void v6_recvhoplimit(void)
{
	union {
		struct cmsghdr h;
		char buf[256];
	} c;
	struct sockaddr_in6 a;
	struct cmsghdr *h;
	struct iovec iov;
	struct msghdr m;
	int r = v6_loopback(SOCK_DGRAM, &a), s = v6_socket(SOCK_DGRAM), hops = -1;
	char b[4];

	set_int(r, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
	set_int(s, IPPROTO_IPV6, IPV6_UNICAST_HOPS, 42);
	CHECK_RET(sendto(s, "h", 1, 0, (struct sockaddr *)&a, sizeof a), 1);
	CHECK(socket_xwait_event(r, POLLIN) & POLLIN);
	memset(&m, 0, sizeof m);
	iov.iov_base = b;
	iov.iov_len = sizeof b;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	CHECK_RET(recvmsg(r, &m, 0), 1);
	for (h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h))
		if (h->cmsg_level == IPPROTO_IPV6 && h->cmsg_type == IPV6_HOPLIMIT)
			memcpy(&hops, CMSG_DATA(h), sizeof hops);
	CHECK_EQ(42, hops);
}
IPCT_CASE(v6_recvhoplimit,
	.id = "socket.v6_recvhoplimit",
	.asserts = "a receiver with IPV6_RECVHOPLIMIT gets an IPV6_HOPLIMIT message carrying the hop limit the ::1 sender set with IPV6_UNICAST_HOPS",
	.spec = "Linux ipv6(7), IPV6_RECVHOPLIMIT, IPV6_UNICAST_HOPS; RFC 3542 section 6",
	.needs = IPCT_LINUX_ONLY);

static void v6_unicast_hops_range(void)
{
	int fd = v6_socket(SOCK_DGRAM), v = 256;

	CHECK_FAILS(setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, sizeof v), EINVAL);
	v = 200;
	CHECK_OK(setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, sizeof v));
	CHECK_EQ(200, socket_xgetint(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS));
}
IPCT_CASE(v6_unicast_hops_range,
	.id = "socket.v6_unicast_hops_range",
	.asserts = "IPV6_UNICAST_HOPS reads back a value set in 0..255 and refuses 256 with EINVAL",
	.spec = "POSIX.1-2024 <netinet/in.h> (IPV6_UNICAST_HOPS); Linux ipv6(7); RFC 3493 section 5.1",
	.needs = IPCT_LINUX_ONLY);

static void v6_connect_v4_family_einval(void)
{
	struct sockaddr_in6 a;
	int l = v6_loopback(SOCK_STREAM, &a), c = v6_socket(SOCK_STREAM);
	struct sockaddr_in a4;

	(void)l;
	memset(&a4, 0, sizeof a4);
	a4.sin_family = AF_INET;
	a4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a4.sin_port = a.sin6_port;
	/* Too short for a struct sockaddr_in6. */
	CHECK_FAILS(connect(c, (struct sockaddr *)&a4, sizeof a4), EINVAL);
}
IPCT_CASE(v6_connect_v4_family_einval,
	.id = "socket.v6_connect_v4_family_einval",
	.asserts = "connect() of an IPv6 socket with a struct sockaddr_in (shorter than a struct sockaddr_in6) fails with EINVAL",
	.spec = "POSIX.1-2024 connect(), ERRORS [EINVAL] (address_len is not valid for the address family); Linux ipv6(7)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_v6_tcp_loopback,
	&ipct_case_v6_udp_loopback,
	&ipct_case_v6_getsockname,
	&ipct_case_v6_v6only_default,
	&ipct_case_v6_v6only_mapped_bind_einval,
	&ipct_case_v6_v4mapped_connect,
	&ipct_case_v6_v4mapped_accept,
	&ipct_case_v6_recvpktinfo,
	&ipct_case_v6_recvhoplimit,
	&ipct_case_v6_unicast_hops_range,
	&ipct_case_v6_connect_v4_family_einval);
