/* SPDX-License-Identifier: MIT
 * cases/socket/sockopt.c - generic socket options and their calling
 * conventions: SO_DOMAIN, SO_PROTOCOL and SO_TYPE across families,
 * read-only options, option_len in and out (truncation, short values),
 * unknown levels, SO_PRIORITY, SO_BROADCAST, SO_REUSEADDR's default,
 * SO_PEERCRED of a listener, and ENOTSOCK.
 * Sources: POSIX.1-2024 getsockopt(), setsockopt(), XSH 2.10.16 Use of
 * Options; Linux socket(7), unix(7), setsockopt(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <netinet/tcp.h>

#ifndef HAVE_SO_DOMAIN
#define SO_DOMAIN 0   /* the cases that use them require HAVE_SO_DOMAIN */
#define SO_PROTOCOL 0
#endif

static void opt_so_domain(void)
{
	int u = socket_xsocket(AF_UNIX, SOCK_DGRAM), i = socket_xsocket(AF_INET, SOCK_DGRAM);

	CHECK_EQ(AF_UNIX, socket_xgetint(u, SOL_SOCKET, SO_DOMAIN));
	CHECK_EQ(AF_INET, socket_xgetint(i, SOL_SOCKET, SO_DOMAIN));
}
IPCT_CASE(opt_so_domain,
	.id = "socket.opt_so_domain",
	.asserts = "SO_DOMAIN reports the family a socket was created with (AF_UNIX, AF_INET)",
	.spec = "Linux socket(7), SO_DOMAIN",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_DOMAIN) });

static void opt_so_protocol_inet_default(void)
{
	int t = socket_xsocket(AF_INET, SOCK_STREAM), u = socket_xsocket(AF_INET, SOCK_DGRAM);

	/* Created with protocol 0: the default protocol is reported. */
	CHECK_EQ(IPPROTO_TCP, socket_xgetint(t, SOL_SOCKET, SO_PROTOCOL));
	CHECK_EQ(IPPROTO_UDP, socket_xgetint(u, SOL_SOCKET, SO_PROTOCOL));
}
IPCT_CASE(opt_so_protocol_inet_default,
	.id = "socket.opt_so_protocol_inet_default",
	.asserts = "SO_PROTOCOL reports IPPROTO_TCP and IPPROTO_UDP for AF_INET stream and datagram sockets created with protocol 0",
	.spec = "Linux socket(7), SO_PROTOCOL",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_DOMAIN) });

static void opt_so_protocol_unix(void)
{
	int sv[2];

	socket_xpair(SOCK_SEQPACKET, sv);
	CHECK_EQ(0, socket_xgetint(sv[0], SOL_SOCKET, SO_PROTOCOL));
	CHECK_EQ(AF_UNIX, socket_xgetint(sv[0], SOL_SOCKET, SO_DOMAIN));
}
IPCT_CASE(opt_so_protocol_unix,
	.id = "socket.opt_so_protocol_unix",
	.asserts = "SO_PROTOCOL on an AF_UNIX socketpair end reports protocol 0 and SO_DOMAIN AF_UNIX",
	.spec = "Linux socket(7), SO_PROTOCOL, SO_DOMAIN; unix(7)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_DOMAIN) });

static void opt_so_domain_read_only(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), v = AF_INET;

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_DOMAIN, &v, sizeof v), ENOPROTOOPT);
	CHECK_EQ(AF_UNIX, socket_xgetint(fd, SOL_SOCKET, SO_DOMAIN));
}
IPCT_CASE(opt_so_domain_read_only,
	.id = "socket.opt_so_domain_read_only",
	.asserts = "SO_DOMAIN cannot be set: setsockopt() fails with ENOPROTOOPT and the domain is unchanged",
	.spec = "Linux socket(7), SO_DOMAIN (read-only); setsockopt(2) ERRORS [ENOPROTOOPT]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SO_DOMAIN) });

static void opt_so_type_inet(void)
{
	int t = socket_xsocket(AF_INET, SOCK_STREAM), u = socket_xsocket(AF_INET, SOCK_DGRAM);

	CHECK_EQ(SOCK_STREAM, socket_xgetint(t, SOL_SOCKET, SO_TYPE));
	CHECK_EQ(SOCK_DGRAM, socket_xgetint(u, SOL_SOCKET, SO_TYPE));
}
IPCT_CASE(opt_so_type_inet,
	.id = "socket.opt_so_type_inet",
	.asserts = "SO_TYPE reports SOCK_STREAM and SOCK_DGRAM for AF_INET sockets of those types",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_TYPE)");

static void opt_so_type_flags_not_reported(void)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		IPCT_BROKEN("socket: %s", ipct_errname(errno));
	CHECK_EQ(SOCK_STREAM, socket_xgetint(fd, SOL_SOCKET, SO_TYPE));
}
IPCT_CASE(opt_so_type_flags_not_reported,
	.id = "socket.opt_so_type_flags_not_reported",
	.asserts = "SO_TYPE of a socket created with SOCK_NONBLOCK | SOCK_CLOEXEC reports the bare type: the flags are not part of it",
	.spec = "POSIX.1-2024 socket() (SOCK_NONBLOCK, SOCK_CLOEXEC are flags, not types), XSH 2.10.16 (SO_TYPE)");

static void opt_so_type_read_only(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), v = SOCK_DGRAM;

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_TYPE, &v, sizeof v), ENOPROTOOPT);
}
IPCT_CASE(opt_so_type_read_only,
	.id = "socket.opt_so_type_read_only",
	.asserts = "setsockopt(SO_TYPE) fails with ENOPROTOOPT: the option is read-only",
	.spec = "Linux socket(7), SO_TYPE (read-only); POSIX.1-2024 setsockopt(), ERRORS [ENOPROTOOPT]",
	.needs = IPCT_LINUX_ONLY);

static void opt_so_error_read_only(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), v = EIO;

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_ERROR, &v, sizeof v), ENOPROTOOPT);
}
IPCT_CASE(opt_so_error_read_only,
	.id = "socket.opt_so_error_read_only",
	.asserts = "setsockopt(SO_ERROR) fails with ENOPROTOOPT: the pending error cannot be set",
	.spec = "Linux socket(7), SO_ERROR (read-only); POSIX.1-2024 setsockopt(), ERRORS [ENOPROTOOPT]",
	.needs = IPCT_LINUX_ONLY);

static void opt_getsockopt_len_updated(void)
{
	char big[64];
	socklen_t len = sizeof big;
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(big, 0x55, sizeof big);
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_TYPE, big, &len));
	/* option_len now says how much was stored. */
	CHECK_EQU(sizeof(int), len);
}
IPCT_CASE(opt_getsockopt_len_updated,
	.id = "socket.opt_getsockopt_len_updated",
	.asserts = "getsockopt() with an option_len larger than the value sets option_len to the value's actual size",
	.spec = "POSIX.1-2024 getsockopt(), DESCRIPTION (option_len is modified to indicate the actual length)");

static void opt_getsockopt_truncates(void)
{
	unsigned char b[sizeof(int)];
	socklen_t len = 1;
	int fd = socket_xsocket(AF_UNIX, SOCK_DGRAM), v = SOCK_DGRAM;

	memset(b, 0x55, sizeof b);
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_TYPE, b, &len));
	CHECK_EQU(1, len);
	/* The first byte of the int in memory, the rest untouched. */
	CHECK_EQ(((unsigned char *)&v)[0], b[0]);
	CHECK_EQ(0x55, b[1]);
}
IPCT_CASE(opt_getsockopt_truncates,
	.id = "socket.opt_getsockopt_truncates",
	.asserts = "getsockopt() with an option_len smaller than the value silently truncates it to option_len bytes",
	.spec = "POSIX.1-2024 getsockopt(), DESCRIPTION (the value is silently truncated)");

static void opt_setsockopt_short_einval(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);
	char one = 1;

	CHECK_FAILS(setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, 1), EINVAL);
}
IPCT_CASE(opt_setsockopt_short_einval,
	.id = "socket.opt_setsockopt_short_einval",
	.asserts = "setsockopt() of an int socket-level option with an option_len shorter than an int fails with EINVAL",
	.spec = "Linux setsockopt(2), ERRORS [EINVAL] (optlen invalid); POSIX.1-2024 setsockopt(), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void opt_setsockopt_enotsock(void)
{
	int p[2], on = 1;

	ipct_xpipe(p);
	CHECK_FAILS(setsockopt(p[0], SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on), ENOTSOCK);
}
IPCT_CASE(opt_setsockopt_enotsock,
	.id = "socket.opt_setsockopt_enotsock",
	.asserts = "setsockopt() on a descriptor that is not a socket fails with ENOTSOCK",
	.spec = "POSIX.1-2024 setsockopt(), ERRORS [ENOTSOCK]");

static void opt_getsockopt_ebadf(void)
{
	socklen_t len = sizeof(int);
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), v;

	ipct_xclose(fd);
	CHECK_FAILS(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), EBADF);
}
IPCT_CASE(opt_getsockopt_ebadf,
	.id = "socket.opt_getsockopt_ebadf",
	.asserts = "getsockopt() on a closed descriptor fails with EBADF",
	.spec = "POSIX.1-2024 getsockopt(), ERRORS [EBADF]");

static void opt_unknown_option_tcp(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM), on = 1;

	CHECK_FAILS(setsockopt(fd, IPPROTO_TCP, 9999, &on, sizeof on), ENOPROTOOPT);
}
IPCT_CASE(opt_unknown_option_tcp,
	.id = "socket.opt_unknown_option_tcp",
	.asserts = "setsockopt() at level IPPROTO_TCP with an option TCP does not have fails with ENOPROTOOPT",
	.spec = "POSIX.1-2024 setsockopt(), ERRORS [ENOPROTOOPT] (the option is not supported by the protocol)");

static void opt_unix_level_tcp_eopnotsupp(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM), on = 1;

	CHECK_FAILS(setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on), EOPNOTSUPP);
}
IPCT_CASE(opt_unix_level_tcp_eopnotsupp,
	.id = "socket.opt_unix_level_tcp_eopnotsupp",
	.asserts = "setsockopt() at level IPPROTO_TCP on an AF_UNIX socket fails with EOPNOTSUPP: AF_UNIX has no protocol-level options",
	.spec = "Linux unix(7) (socket options: only SOL_SOCKET), ERRORS [EOPNOTSUPP]",
	.needs = IPCT_LINUX_ONLY);

static void opt_so_priority(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_DGRAM), v = 6;

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_PRIORITY));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_PRIORITY, &v, sizeof v));
	CHECK_EQ(6, socket_xgetint(fd, SOL_SOCKET, SO_PRIORITY));
}
IPCT_CASE(opt_so_priority,
	.id = "socket.opt_so_priority",
	.asserts = "SO_PRIORITY is 0 on a new socket and any value 0..6 may be set without privilege and read back",
	.spec = "Linux socket(7), SO_PRIORITY (values outside 0 to 6 need CAP_NET_ADMIN)",
	.needs = IPCT_LINUX_ONLY);

static void opt_so_broadcast(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_DGRAM), on = 1;

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_BROADCAST));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof on));
	CHECK_NE(0, socket_xgetint(fd, SOL_SOCKET, SO_BROADCAST));
}
IPCT_CASE(opt_so_broadcast,
	.id = "socket.opt_so_broadcast",
	.asserts = "SO_BROADCAST is off on a new UDP socket and reads back on once set",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_BROADCAST)");

static void opt_so_reuseaddr_default_off(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_REUSEADDR));
}
IPCT_CASE(opt_so_reuseaddr_default_off,
	.id = "socket.opt_so_reuseaddr_default_off",
	.asserts = "SO_REUSEADDR is off on a new TCP socket",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_REUSEADDR; options are off by default)");

static void opt_so_dontroute(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_DGRAM), on = 1;

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_DONTROUTE));
	CHECK_OK(setsockopt(fd, SOL_SOCKET, SO_DONTROUTE, &on, sizeof on));
	CHECK_NE(0, socket_xgetint(fd, SOL_SOCKET, SO_DONTROUTE));
}
IPCT_CASE(opt_so_dontroute,
	.id = "socket.opt_so_dontroute",
	.asserts = "SO_DONTROUTE is off on a new UDP socket and reads back on once set",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_DONTROUTE)");

static void opt_peercred_listener_self(void)
{
	struct ucred u;
	socklen_t len = sizeof u;
	int l = socket_xlistener(SOCK_STREAM, "s");

	memset(&u, 0, sizeof u);
	CHECK_OK(getsockopt(l, SOL_SOCKET, SO_PEERCRED, &u, &len));
	/* A listener's are those in effect when listen() was called. */
	CHECK_EQ(getpid(), u.pid);
	CHECK_EQ(geteuid(), u.uid);
}
IPCT_CASE(opt_peercred_listener_self,
	.id = "socket.opt_peercred_listener_self",
	.asserts = "SO_PEERCRED on a listening AF_UNIX socket reports the credentials of the process that called listen()",
	.spec = "Linux unix(7), SO_PEERCRED (the credentials in effect at connect(2), listen(2) or socketpair(2))",
	.needs = IPCT_LINUX_ONLY);

static void opt_peercred_accepted_after_exit(void)
{
	struct ucred u;
	socklen_t len = sizeof u;
	int l = socket_xlistener(SOCK_STREAM, "s"), a;
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		(void)socket_xconnect(SOCK_STREAM, "s");
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* The client is gone; what was recorded at connect() stays. */
	a = socket_xaccept(l);
	memset(&u, 0, sizeof u);
	CHECK_OK(getsockopt(a, SOL_SOCKET, SO_PEERCRED, &u, &len));
	CHECK_EQ(pid, u.pid);
}
IPCT_CASE(opt_peercred_accepted_after_exit,
	.id = "socket.opt_peercred_accepted_after_exit",
	.asserts = "SO_PEERCRED on an accepted socket reports the client's pid recorded at connect(), even after that client exited",
	.spec = "Linux unix(7), SO_PEERCRED (credentials in effect at the time of connect(2))",
	.needs = IPCT_LINUX_ONLY);

static void opt_acceptconn_tcp(void)
{
	struct sockaddr_in a;
	int l = socket_xloopback(SOCK_STREAM, &a);

	CHECK_EQ(0, socket_xgetint(l, SOL_SOCKET, SO_ACCEPTCONN));
	CHECK_OK(listen(l, 4));
	CHECK_NE(0, socket_xgetint(l, SOL_SOCKET, SO_ACCEPTCONN));
}
IPCT_CASE(opt_acceptconn_tcp,
	.id = "socket.opt_acceptconn_tcp",
	.asserts = "SO_ACCEPTCONN on a TCP socket is 0 before listen() and non-zero after",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_ACCEPTCONN)");

IPCT_CASES(&ipct_case_opt_so_domain,
	&ipct_case_opt_so_protocol_inet_default,
	&ipct_case_opt_so_protocol_unix,
	&ipct_case_opt_so_domain_read_only,
	&ipct_case_opt_so_type_inet,
	&ipct_case_opt_so_type_flags_not_reported,
	&ipct_case_opt_so_type_read_only,
	&ipct_case_opt_so_error_read_only,
	&ipct_case_opt_getsockopt_len_updated,
	&ipct_case_opt_getsockopt_truncates,
	&ipct_case_opt_setsockopt_short_einval,
	&ipct_case_opt_setsockopt_enotsock,
	&ipct_case_opt_getsockopt_ebadf,
	&ipct_case_opt_unknown_option_tcp,
	&ipct_case_opt_unix_level_tcp_eopnotsupp,
	&ipct_case_opt_so_priority,
	&ipct_case_opt_so_broadcast,
	&ipct_case_opt_so_reuseaddr_default_off,
	&ipct_case_opt_so_dontroute,
	&ipct_case_opt_peercred_listener_self,
	&ipct_case_opt_peercred_accepted_after_exit,
	&ipct_case_opt_acceptconn_tcp);
