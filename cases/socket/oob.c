/* SPDX-License-Identifier: MIT
 * cases/socket/oob.c - out-of-band data on AF_UNIX stream sockets (Linux
 * 5.15 and later, CONFIG_AF_UNIX_OOB): the last byte sent with MSG_OOB,
 * POLLPRI, the mark (sockatmark(), reads stopping there), SO_OOBINLINE,
 * SIGURG; and MSG_OOB refused on datagram sockets.  Where the kernel
 * refuses MSG_OOB on a stream socket the cases skip, naming it.
 * Sources: Linux unix(7) (MSG_OOB on stream sockets), recv(2), send(2),
 * socket(7) (SO_OOBINLINE); POSIX.1-2024 sockatmark(), recv() [EINVAL].
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>

/* A stream pair with "abc" sent by sv[0] with MSG_OOB ('c' urgent). */
static void oob_pair(int sv[2])
{
	socket_xpair(SOCK_STREAM, sv);
	if (send(sv[0], "abc", 3, MSG_OOB) != 3) {
		if (errno == EOPNOTSUPP)
			ipct_skip("this kernel has no MSG_OOB on AF_UNIX stream sockets (send: EOPNOTSUPP; CONFIG_AF_UNIX_OOB, Linux 5.15)");
		IPCT_BROKEN("send(MSG_OOB): %s", ipct_errname(errno));
	}
}

static void unix_oob_recv_last_byte(void)
{
	int sv[2];
	char b[8];

	oob_pair(sv);
	CHECK_RET(recv(sv[1], b, 1, MSG_OOB), 1);
	CHECK_EQ('c', b[0]);
	CHECK_RET(recv(sv[1], b, sizeof b, MSG_DONTWAIT), 2);
	CHECK_MEM("ab", b, 2);
	CHECK_FAILS(recv(sv[1], b, sizeof b, MSG_DONTWAIT), EAGAIN);
}
IPCT_CASE(unix_oob_recv_last_byte,
	.id = "socket.unix_oob_recv_last_byte",
	.asserts = "on an AF_UNIX stream socket the last byte sent with MSG_OOB is read by recv(MSG_OOB) and is not in the normal stream",
	.spec = "Linux unix(7) (MSG_OOB), recv(2) (MSG_OOB)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_pollpri(void)
{
	int sv[2];
	char b;

	oob_pair(sv);
	CHECK_EQ(POLLPRI, socket_xpoll_now(sv[1], POLLPRI) & POLLPRI);
	CHECK_RET(recv(sv[1], &b, 1, MSG_OOB), 1);
	CHECK_EQ(0, socket_xpoll_now(sv[1], POLLPRI) & POLLPRI);
}
IPCT_CASE(unix_oob_pollpri,
	.id = "socket.unix_oob_pollpri",
	.asserts = "an AF_UNIX stream socket polls POLLPRI while an out-of-band byte is pending, and not after it was read",
	.spec = "Linux unix(7) (MSG_OOB), poll(2) (POLLPRI)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_sockatmark(void)
{
	int sv[2];
	char b[8];

	oob_pair(sv);
	CHECK_RET(sockatmark(sv[1]), 0);
	/* The read stops before the mark. */
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 2);
	CHECK_RET(sockatmark(sv[1]), 1);
}
IPCT_CASE(unix_oob_sockatmark,
	.id = "socket.unix_oob_sockatmark",
	.asserts = "on an AF_UNIX stream socket a read stops at the out-of-band mark, and sockatmark() is 0 before it and 1 there",
	.spec = "POSIX.1-2024 sockatmark(); Linux unix(7) (MSG_OOB)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_oobinline(void)
{
	int sv[2], on = 1;
	char b[8];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_OOBINLINE, &on, sizeof on));
	if (send(sv[0], "abc", 3, MSG_OOB) != 3) {
		if (errno == EOPNOTSUPP)
			ipct_skip("this kernel has no MSG_OOB on AF_UNIX stream sockets");
		IPCT_BROKEN("send(MSG_OOB): %s", ipct_errname(errno));
	}
	CHECK_FAILS(recv(sv[1], b, 1, MSG_OOB), EINVAL);
	/* In line: up to the mark, then the urgent byte in the stream. */
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 2);
	CHECK_RET(recv(sv[1], b, sizeof b, 0), 1);
	CHECK_EQ('c', b[0]);
}
IPCT_CASE(unix_oob_oobinline,
	.id = "socket.unix_oob_oobinline",
	.asserts = "with SO_OOBINLINE on an AF_UNIX stream receiver the out-of-band byte stays in the normal stream and recv(MSG_OOB) fails with EINVAL",
	.spec = "Linux unix(7) (MSG_OOB), socket(7) (SO_OOBINLINE)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_sigurg(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_catch(SIGURG, 0);
	CHECK_OK(fcntl(sv[1], F_SETOWN, getpid()));
	CHECK_EQ(0, ipct_caught(SIGURG));
	if (send(sv[0], "u", 1, MSG_OOB) != 1) {
		if (errno == EOPNOTSUPP)
			ipct_skip("this kernel has no MSG_OOB on AF_UNIX stream sockets");
		IPCT_BROKEN("send(MSG_OOB): %s", ipct_errname(errno));
	}
	/* Sent synchronously by the send above, delivered on its return. */
	CHECK(ipct_caught(SIGURG));
}
IPCT_CASE(unix_oob_sigurg,
	.id = "socket.unix_oob_sigurg",
	.asserts = "the owner (F_SETOWN) of an AF_UNIX stream socket receives SIGURG when out-of-band data is sent to it",
	.spec = "Linux unix(7) (MSG_OOB), socket(7) (SIGURG); POSIX.1-2024 fcntl() (F_SETOWN)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_recv_none_einval(void)
{
	int sv[2];
	char b;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "n", 1, 0), 1);
	CHECK_FAILS(recv(sv[1], &b, 1, MSG_OOB), EINVAL);
}
IPCT_CASE(unix_oob_recv_none_einval,
	.id = "socket.unix_oob_recv_none_einval",
	.asserts = "recv(MSG_OOB) on an AF_UNIX stream socket with no out-of-band byte pending fails with EINVAL",
	.spec = "POSIX.1-2024 recv(), ERRORS [EINVAL]; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void unix_oob_dgram_eopnotsupp(void)
{
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_FAILS(send(sv[0], "d", 1, MSG_OOB), EOPNOTSUPP);
}
IPCT_CASE(unix_oob_dgram_eopnotsupp,
	.id = "socket.unix_oob_dgram_eopnotsupp",
	.asserts = "send() with MSG_OOB on an AF_UNIX datagram socket fails with EOPNOTSUPP",
	.spec = "Linux unix(7) ERRORS [EOPNOTSUPP] (tried to use the out-of-band data option); POSIX.1-2024 send(), ERRORS [EOPNOTSUPP]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_unix_oob_recv_last_byte,
	&ipct_case_unix_oob_pollpri,
	&ipct_case_unix_oob_sockatmark,
	&ipct_case_unix_oob_oobinline,
	&ipct_case_unix_oob_sigurg,
	&ipct_case_unix_oob_recv_none_einval,
	&ipct_case_unix_oob_dgram_eopnotsupp);
