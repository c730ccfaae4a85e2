/* SPDX-License-Identifier: MIT
 * cases/socket/pair.c - socket() and socketpair(AF_UNIX) for each type:
 * data both ways, order, the socket's identity (fstat, lseek, SO_TYPE),
 * end-of-file, SIGPIPE and EPIPE, and shutdown().
 * Sources: POSIX.1-2024 socket(), socketpair(), send(), recv(), write(),
 * shutdown(), getsockopt(), <sys/socket.h>; Linux unix(7) where noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

/* One message each way between the ends of a socketpair of `type`. */
static void both_directions(int type)
{
	char buf[8] = "";
	int sv[2];

	socket_xpair(type, sv);
	CHECK_RET(send(sv[0], "ping", 4, 0), 4);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 4);
	CHECK_MEM("ping", buf, 4);
	CHECK_RET(send(sv[1], "pong!", 5, 0), 5);
	CHECK_RET(recv(sv[0], buf, sizeof buf, 0), 5);
	CHECK_MEM("pong!", buf, 5);
}

static void pair_stream_both_directions(void)
{
	both_directions(SOCK_STREAM);
}
IPCT_CASE(pair_stream_both_directions,
	.id = "socket.pair_stream_both_directions",
	.asserts = "socketpair(AF_UNIX, SOCK_STREAM) creates two connected sockets and data sent on either end is received on the other",
	.spec = "POSIX.1-2024 socketpair(), DESCRIPTION");

static void pair_dgram_both_directions(void)
{
	both_directions(SOCK_DGRAM);
}
IPCT_CASE(pair_dgram_both_directions,
	.id = "socket.pair_dgram_both_directions",
	.asserts = "socketpair(AF_UNIX, SOCK_DGRAM) creates two connected sockets and a datagram sent on either end is received on the other",
	.spec = "POSIX.1-2024 socketpair(), DESCRIPTION");

static void pair_seqpacket_both_directions(void)
{
	both_directions(SOCK_SEQPACKET);
}
IPCT_CASE(pair_seqpacket_both_directions,
	.id = "socket.pair_seqpacket_both_directions",
	.asserts = "socketpair(AF_UNIX, SOCK_SEQPACKET) creates two connected sockets and a record sent on either end is received on the other",
	.spec = "POSIX.1-2024 socketpair(), DESCRIPTION; socket(), SOCK_SEQPACKET");

static void pair_stream_order(void)
{
	char in[6000], out[6000];
	size_t i;
	int sv[2];

	for (i = 0; i < sizeof in; i++)
		in[i] = (char)(i * 13 + i / 241);
	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], in, 2000, 0), 2000);
	CHECK_RET(send(sv[0], in + 2000, 1, 0), 1);
	CHECK_RET(send(sv[0], in + 2001, 3999, 0), 3999);
	ipct_xclose(sv[0]);
	ipct_xread_all(sv[1], out, sizeof out);
	CHECK_MEM(in, out, sizeof out);
}
IPCT_CASE(pair_stream_order,
	.id = "socket.pair_stream_order",
	.asserts = "a SOCK_STREAM socket delivers the bytes sent unchanged and in the order they were sent",
	.spec = "POSIX.1-2024 <sys/socket.h> (SOCK_STREAM: sequenced, reliable byte stream); XSH 2.10.6");

static void pair_dgram_order(void)
{
	char buf[4];
	int sv[2];
	char i;

	socket_xpair(SOCK_DGRAM, sv);
	for (i = 0; i < 5; i++)
		CHECK_RET(send(sv[0], &i, 1, 0), 1);
	for (i = 0; i < 5; i++) {
		CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 1);
		CHECK_EQ(i, buf[0]);
	}
}
IPCT_CASE(pair_dgram_order,
	.id = "socket.pair_dgram_order",
	.asserts = "datagrams sent on an AF_UNIX SOCK_DGRAM socketpair are received in the order they were sent (Linux: unix(7) datagram sockets are reliable and do not reorder)",
	.spec = "Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void pair_inet_eopnotsupp(void)
{
	int sv[2];

	CHECK_FAILS(socketpair(AF_INET, SOCK_STREAM, 0, sv), EOPNOTSUPP);
}
IPCT_CASE(pair_inet_eopnotsupp,
	.id = "socket.pair_inet_eopnotsupp",
	.asserts = "socketpair() in the AF_INET domain, whose protocol cannot create socket pairs, fails with EOPNOTSUPP",
	.spec = "POSIX.1-2024 socketpair(), ERRORS [EOPNOTSUPP]");

static void socket_bad_family(void)
{
	/* AF_MAX plus a margin: no address family has this number. */
	CHECK_FAILS(socket(4000, SOCK_STREAM, 0), EAFNOSUPPORT);
}
IPCT_CASE(socket_bad_family,
	.id = "socket.socket_bad_family",
	.asserts = "socket() with an address family the implementation does not support fails with EAFNOSUPPORT",
	.spec = "POSIX.1-2024 socket(), ERRORS [EAFNOSUPPORT]");

static void socket_bad_protocol(void)
{
	CHECK_FAILS(socket(AF_UNIX, SOCK_STREAM, 4000), EPROTONOSUPPORT);
}
IPCT_CASE(socket_bad_protocol,
	.id = "socket.socket_bad_protocol",
	.asserts = "socket(AF_UNIX, SOCK_STREAM) with a protocol the family does not support fails with EPROTONOSUPPORT",
	.spec = "POSIX.1-2024 socket(), ERRORS [EPROTONOSUPPORT]");

static void socket_bad_type(void)
{
	CHECK_FAILS(socket(AF_UNIX, 4000, 0), EINVAL);
}
IPCT_CASE(socket_bad_type,
	.id = "socket.socket_bad_type",
	.asserts = "socket() with a socket type number that no family knows fails with EINVAL (Linux; POSIX lists EPROTOTYPE or EPROTONOSUPPORT for an unsupported type)",
	.spec = "Linux socket(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void fstat_is_socket(void)
{
	struct stat st;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(fstat(sv[0], &st));
	CHECK(S_ISSOCK(st.st_mode));
}
IPCT_CASE(fstat_is_socket,
	.id = "socket.fstat_is_socket",
	.asserts = "fstat() on a socket descriptor reports a file type for which S_ISSOCK() is true",
	.spec = "POSIX.1-2024 <sys/stat.h> (S_ISSOCK); fstat()");

static void lseek_espipe(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_FAILS(lseek(sv[0], 0, SEEK_CUR), ESPIPE);
}
IPCT_CASE(lseek_espipe,
	.id = "socket.lseek_espipe",
	.asserts = "lseek() on a socket fails with ESPIPE",
	.spec = "POSIX.1-2024 lseek(), ERRORS [ESPIPE]");

static void so_type_reports_type(void)
{
	int s[3] = { SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET };
	int sv[2], i;

	for (i = 0; i < 3; i++) {
		socket_xpair(s[i], sv);
		CHECK_EQ(s[i], socket_xgetint(sv[1], SOL_SOCKET, SO_TYPE));
		ipct_xclose(sv[0]);
		ipct_xclose(sv[1]);
	}
}
IPCT_CASE(so_type_reports_type,
	.id = "socket.so_type_reports_type",
	.asserts = "getsockopt(SO_TYPE) reports the socket type the socket was created with",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_TYPE); getsockopt()");

static void getsockopt_bad_option(void)
{
	socklen_t len;
	int sv[2], v;

	socket_xpair(SOCK_STREAM, sv);
	len = sizeof v;
	CHECK_FAILS(getsockopt(sv[0], SOL_SOCKET, 4000, &v, &len), ENOPROTOOPT);
}
IPCT_CASE(getsockopt_bad_option,
	.id = "socket.getsockopt_bad_option",
	.asserts = "getsockopt() with an option unknown at the SOL_SOCKET level fails with ENOPROTOOPT",
	.spec = "POSIX.1-2024 getsockopt(), ERRORS [ENOPROTOOPT]");

static void stream_eof_after_close(void)
{
	char buf[8];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "last", 4, 0), 4);
	ipct_xclose(sv[0]);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 4);
	CHECK_MEM("last", buf, 4);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
}
IPCT_CASE(stream_eof_after_close,
	.id = "socket.stream_eof_after_close",
	.asserts = "after the peer of a stream socket closes, recv() returns the data still queued and then 0, on every later call",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE");

static void seqpacket_eof_after_close(void)
{
	char buf[8];
	int sv[2];

	socket_xpair(SOCK_SEQPACKET, sv);
	CHECK_RET(send(sv[0], "rec", 3, 0), 3);
	ipct_xclose(sv[0]);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 3);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
}
IPCT_CASE(seqpacket_eof_after_close,
	.id = "socket.seqpacket_eof_after_close",
	.asserts = "after the peer of a SOCK_SEQPACKET socket closes, recv() returns the queued record and then 0",
	.spec = "POSIX.1-2024 recv(), RETURN VALUE");

static void stream_eof_after_last_copy(void)
{
	struct ipct_sync s;
	char buf[4];
	int sv[2];
	pid_t pid;

	socket_xpair(SOCK_STREAM, sv);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		/* The child holds a copy of sv[0] until told to close it. */
		ipct_xclose(sv[1]);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_xclose(sv[0]);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	ipct_xclose(sv[0]);
	/* One copy of the peer end is still open: no end-of-file yet. */
	ipct_xsetnonblock(sv[1]);
	CHECK_FAILS(recv(sv[1], buf, 1, 0), EAGAIN);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_RET(recv(sv[1], buf, 1, 0), 0);
}
IPCT_CASE(stream_eof_after_last_copy,
	.id = "socket.stream_eof_after_last_copy",
	.asserts = "a stream socket shared by fork() is closed for its peer only when the last descriptor for it is closed: recv() sees end-of-file only then",
	.spec = "POSIX.1-2024 close(), DESCRIPTION (last descriptor for a socket); recv(), RETURN VALUE");

static void stream_sigpipe_kills(void)
{
	int sv[2];
	pid_t pid;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[1]);
	pid = ipct_fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		/* The default action of SIGPIPE ends the child here. */
		if (send(sv[0], "x", 1, 0) < 0) {
			/* reaching this line is the failure the parent reports */
		}
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGPIPE);
}
IPCT_CASE(stream_sigpipe_kills,
	.id = "socket.stream_sigpipe_kills",
	.asserts = "send() on a stream socket whose peer has closed raises SIGPIPE, whose default action terminates the sender",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE]");

static void stream_epipe_sigpipe_ignored(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[1]);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(send(sv[0], "x", 1, 0), EPIPE);
}
IPCT_CASE(stream_epipe_sigpipe_ignored,
	.id = "socket.stream_epipe_sigpipe_ignored",
	.asserts = "send() on a stream socket whose peer has closed fails with EPIPE when SIGPIPE is ignored",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE]");

/* 1 if SIGPIPE is pending for the calling thread. */
static int sigpipe_pending(void)
{
	sigset_t p;

	if (sigpending(&p) != 0)
		IPCT_BROKEN("sigpending: %s", ipct_errname(errno));
	return sigismember(&p, SIGPIPE);
}

static void stream_msg_nosignal(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[1]);
	/* Blocked, a SIGPIPE would stay pending where the case can see it. */
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(send(sv[0], "x", 1, MSG_NOSIGNAL), EPIPE);
	CHECK_EQ(0, sigpipe_pending());
}
IPCT_CASE(stream_msg_nosignal,
	.id = "socket.stream_msg_nosignal",
	.asserts = "send() with MSG_NOSIGNAL on a stream socket whose peer has closed fails with EPIPE and generates no SIGPIPE",
	.spec = "POSIX.1-2024 send(), DESCRIPTION (MSG_NOSIGNAL), ERRORS [EPIPE]");

static void stream_msg_nosignal_sendto_sendmsg(void)
{
	int sv[2];
	char c = 'x';
	struct iovec v = { &c, 1 };
	struct msghdr m = { .msg_iov = &v, .msg_iovlen = 1 };

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[1]);
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(sendto(sv[0], &c, 1, MSG_NOSIGNAL, NULL, 0), EPIPE);
	CHECK_EQ(0, sigpipe_pending());
	CHECK_FAILS(sendmsg(sv[0], &m, MSG_NOSIGNAL), EPIPE);
	CHECK_EQ(0, sigpipe_pending());
}
IPCT_CASE(stream_msg_nosignal_sendto_sendmsg,
	.id = "socket.stream_msg_nosignal_sendto_sendmsg",
	.asserts = "sendto() and sendmsg() with MSG_NOSIGNAL on a stream socket whose peer has closed fail with EPIPE and generate no SIGPIPE",
	.spec = "POSIX.1-2024 sendto(), sendmsg(), DESCRIPTION (MSG_NOSIGNAL), ERRORS [EPIPE]");

static void stream_write_sigpipe(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xclose(sv[1]);
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(write(sv[0], "x", 1), EPIPE);
	CHECK_EQ(1, sigpipe_pending());
}
IPCT_CASE(stream_write_sigpipe,
	.id = "socket.stream_write_sigpipe",
	.asserts = "write() on a stream socket whose peer has closed fails with EPIPE and generates SIGPIPE for the thread",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE] (socket shut down for writing or no longer connected)");

static void seqpacket_sigpipe(void)
{
	int sv[2];

	socket_xpair(SOCK_SEQPACKET, sv);
	ipct_xclose(sv[1]);
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(send(sv[0], "x", 1, 0), EPIPE);
	CHECK_EQ(1, sigpipe_pending());
}
IPCT_CASE(seqpacket_sigpipe,
	.id = "socket.seqpacket_sigpipe",
	.asserts = "send() on a connection-mode SOCK_SEQPACKET socket whose peer has closed fails with EPIPE and generates SIGPIPE",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE]");

static void shut_wr_peer_eof(void)
{
	char buf[8];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_RET(send(sv[0], "ab", 2, 0), 2);
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 2);
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
	/* The other direction keeps working. */
	CHECK_RET(send(sv[1], "back", 4, 0), 4);
	CHECK_RET(recv(sv[0], buf, sizeof buf, 0), 4);
	CHECK_MEM("back", buf, 4);
}
IPCT_CASE(shut_wr_peer_eof,
	.id = "socket.shut_wr_peer_eof",
	.asserts = "after shutdown(SHUT_WR) the peer receives the queued data and then end-of-file, while data still flows towards the shut-down end",
	.spec = "POSIX.1-2024 shutdown(), DESCRIPTION");

static void send_after_shut_wr_epipe(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(shutdown(sv[0], SHUT_WR));
	ipct_xsigblock(SIGPIPE);
	CHECK_FAILS(send(sv[0], "x", 1, 0), EPIPE);
	CHECK_EQ(1, sigpipe_pending());
}
IPCT_CASE(send_after_shut_wr_epipe,
	.id = "socket.send_after_shut_wr_epipe",
	.asserts = "send() on a socket shut down for writing fails with EPIPE and generates SIGPIPE",
	.spec = "POSIX.1-2024 send(), ERRORS [EPIPE]");

static void shut_rd_recv_eof(void)
{
	char buf[4];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(shutdown(sv[1], SHUT_RD));
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
	/* The shut-down end can still send. */
	CHECK_RET(send(sv[1], "w", 1, 0), 1);
	CHECK_RET(recv(sv[0], buf, sizeof buf, 0), 1);
}
IPCT_CASE(shut_rd_recv_eof,
	.id = "socket.shut_rd_recv_eof",
	.asserts = "after shutdown(SHUT_RD) on an AF_UNIX stream socket recv() returns 0 at once and sending still works (Linux behaviour; POSIX only disables further receive operations)",
	.spec = "POSIX.1-2024 shutdown(), DESCRIPTION; Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void shut_rdwr_both(void)
{
	char buf[4];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(shutdown(sv[0], SHUT_RDWR));
	CHECK_RET(recv(sv[1], buf, sizeof buf, 0), 0);
	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(send(sv[0], "x", 1, 0), EPIPE);
}
IPCT_CASE(shut_rdwr_both,
	.id = "socket.shut_rdwr_both",
	.asserts = "shutdown(SHUT_RDWR) disables sending, so send() fails with EPIPE, and the peer receives end-of-file",
	.spec = "POSIX.1-2024 shutdown(), DESCRIPTION; send(), ERRORS [EPIPE]");

static void shutdown_einval(void)
{
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	CHECK_FAILS(shutdown(sv[0], 12345), EINVAL);
}
IPCT_CASE(shutdown_einval,
	.id = "socket.shutdown_einval",
	.asserts = "shutdown() with a how argument that is not SHUT_RD, SHUT_WR or SHUT_RDWR fails with EINVAL",
	.spec = "POSIX.1-2024 shutdown(), ERRORS [EINVAL]");

static void shutdown_enotconn(void)
{
	int fd = socket_xsocket(AF_INET, SOCK_STREAM);

	CHECK_FAILS(shutdown(fd, SHUT_RDWR), ENOTCONN);
}
IPCT_CASE(shutdown_enotconn,
	.id = "socket.shutdown_enotconn",
	.asserts = "shutdown() on an AF_INET stream socket that is not connected fails with ENOTCONN",
	.spec = "POSIX.1-2024 shutdown(), ERRORS [ENOTCONN]");

static void shutdown_unix_enotconn(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(shutdown(fd, SHUT_RDWR), ENOTCONN);
}
IPCT_CASE(shutdown_unix_enotconn,
	.id = "socket.shutdown_unix_enotconn",
	.asserts = "shutdown() on an AF_UNIX stream socket that is not connected fails with ENOTCONN",
	.spec = "POSIX.1-2024 shutdown(), ERRORS [ENOTCONN]");

static void shutdown_enotsock(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_FAILS(shutdown(fd[0], SHUT_RDWR), ENOTSOCK);
}
IPCT_CASE(shutdown_enotsock,
	.id = "socket.shutdown_enotsock",
	.asserts = "shutdown() on a descriptor that is not a socket (a pipe) fails with ENOTSOCK",
	.spec = "POSIX.1-2024 shutdown(), ERRORS [ENOTSOCK]");

static void send_unconnected_enotconn(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	ipct_xsigaction(SIGPIPE, SIG_IGN, 0);
	CHECK_FAILS(send(fd, "x", 1, 0), ENOTCONN);
}
IPCT_CASE(send_unconnected_enotconn,
	.id = "socket.send_unconnected_enotconn",
	.asserts = "send() on a connection-mode socket that is not connected fails with ENOTCONN",
	.spec = "POSIX.1-2024 send(), ERRORS [ENOTCONN]");

IPCT_CASES(&ipct_case_pair_stream_both_directions,
	&ipct_case_pair_dgram_both_directions,
	&ipct_case_pair_seqpacket_both_directions,
	&ipct_case_pair_stream_order, &ipct_case_pair_dgram_order,
	&ipct_case_pair_inet_eopnotsupp, &ipct_case_socket_bad_family,
	&ipct_case_socket_bad_protocol, &ipct_case_socket_bad_type, &ipct_case_fstat_is_socket,
	&ipct_case_lseek_espipe, &ipct_case_so_type_reports_type,
	&ipct_case_getsockopt_bad_option, &ipct_case_stream_eof_after_close,
	&ipct_case_seqpacket_eof_after_close,
	&ipct_case_stream_eof_after_last_copy, &ipct_case_stream_sigpipe_kills,
	&ipct_case_stream_epipe_sigpipe_ignored, &ipct_case_stream_msg_nosignal, &ipct_case_stream_msg_nosignal_sendto_sendmsg,
	&ipct_case_stream_write_sigpipe, &ipct_case_seqpacket_sigpipe,
	&ipct_case_shut_wr_peer_eof, &ipct_case_send_after_shut_wr_epipe,
	&ipct_case_shut_rd_recv_eof, &ipct_case_shut_rdwr_both,
	&ipct_case_shutdown_einval, &ipct_case_shutdown_enotconn, &ipct_case_shutdown_unix_enotconn,
	&ipct_case_shutdown_enotsock, &ipct_case_send_unconnected_enotconn);
