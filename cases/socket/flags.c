/* SPDX-License-Identifier: MIT
 * cases/socket/flags.c - flags given at creation or per call:
 * SOCK_CLOEXEC and SOCK_NONBLOCK in socket()/socketpair(), accept4(),
 * what accept() inherits, MSG_CMSG_CLOEXEC and MSG_DONTWAIT.
 * Sources: POSIX.1-2024 socket(), socketpair(), accept4(), recvmsg();
 * Linux accept(2), recv(2) where noted.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <sys/uio.h>

/* The accept4() cases name it in .requires; where configure did not find
 * it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_ACCEPT4
#define accept4(fd, a, l, f) \
	((void)(fd), (void)(a), (void)(l), (void)(f), errno = ENOSYS, -1)
#endif

static void socket_cloexec(void)
{
#if defined(SOCK_CLOEXEC)
	int a = socket_xsocket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC);
	int b = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_EQ(FD_CLOEXEC, fcntl(a, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(b, F_GETFD) & FD_CLOEXEC);
#else
	ipct_skip("no SOCK_CLOEXEC on this platform");
#endif
}
IPCT_CASE(socket_cloexec,
	.id = "socket.socket_cloexec",
	.asserts = "socket() with SOCK_CLOEXEC in the type sets FD_CLOEXEC on the new descriptor, and without it leaves it clear",
	.spec = "POSIX.1-2024 socket(), DESCRIPTION (SOCK_CLOEXEC)");

static void socket_nonblock(void)
{
#if defined(SOCK_NONBLOCK)
	int a = socket_xsocket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK);
	char c;

	CHECK_EQ(O_NONBLOCK, fcntl(a, F_GETFL) & O_NONBLOCK);
	CHECK_FAILS(recv(a, &c, 1, 0), EAGAIN);
#else
	ipct_skip("no SOCK_NONBLOCK on this platform");
#endif
}
IPCT_CASE(socket_nonblock,
	.id = "socket.socket_nonblock",
	.asserts = "socket() with SOCK_NONBLOCK in the type sets O_NONBLOCK on the new open file description, so an empty receive fails with EAGAIN",
	.spec = "POSIX.1-2024 socket(), DESCRIPTION (SOCK_NONBLOCK)");

static void socketpair_flags(void)
{
#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
	int sv[2], i;

	CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			    0, sv));
	for (i = 0; i < 2; i++) {
		CHECK_EQ(FD_CLOEXEC, fcntl(sv[i], F_GETFD) & FD_CLOEXEC);
		CHECK_EQ(O_NONBLOCK, fcntl(sv[i], F_GETFL) & O_NONBLOCK);
	}
#else
	ipct_skip("no SOCK_CLOEXEC or SOCK_NONBLOCK on this platform");
#endif
}
IPCT_CASE(socketpair_flags,
	.id = "socket.socketpair_flags",
	.asserts = "socketpair() with SOCK_CLOEXEC and SOCK_NONBLOCK in the type sets FD_CLOEXEC and O_NONBLOCK on both new sockets",
	.spec = "POSIX.1-2024 socketpair(), DESCRIPTION (SOCK_CLOEXEC, SOCK_NONBLOCK)");

static void accept4_flags(void)
{
#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
	int l = socket_xlistener(SOCK_STREAM, "s"), a;

	(void)socket_xconnect(SOCK_STREAM, "s");
	(void)socket_xconnect(SOCK_STREAM, "s");
	a = accept4(l, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	CHECK(a >= 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(a, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(O_NONBLOCK, fcntl(a, F_GETFL) & O_NONBLOCK);
	/* With no flags accept4() gives neither. */
	a = accept4(l, NULL, NULL, 0);
	CHECK(a >= 0);
	CHECK_EQ(0, fcntl(a, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(a, F_GETFL) & O_NONBLOCK);
#else
	ipct_skip("<sys/socket.h> defines no SOCK_CLOEXEC or no SOCK_NONBLOCK");
#endif
}
IPCT_CASE(accept4_flags,
	.id = "socket.accept4_flags",
	.asserts = "accept4() with SOCK_CLOEXEC and SOCK_NONBLOCK sets FD_CLOEXEC and O_NONBLOCK on the accepted socket, and with 0 sets neither",
	.spec = "POSIX.1-2024 accept4(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_ACCEPT4) });

static void accept4_einval(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");

	(void)socket_xconnect(SOCK_STREAM, "s");
	CHECK_FAILS(accept4(l, NULL, NULL, 0x7f), EINVAL);
}
IPCT_CASE(accept4_einval,
	.id = "socket.accept4_einval",
	.asserts = "accept4() with a flag other than SOCK_CLOEXEC, SOCK_CLOFORK or SOCK_NONBLOCK fails with EINVAL",
	.spec = "POSIX.1-2024 accept4(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_ACCEPT4) });

static void accept_no_inherit_nonblock(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), a;

	ipct_xsetnonblock(l);
	(void)socket_xconnect(SOCK_STREAM, "s");
	a = accept(l, NULL, NULL);
	CHECK(a >= 0);
	CHECK_EQ(0, fcntl(a, F_GETFL) & O_NONBLOCK);
}
IPCT_CASE(accept_no_inherit_nonblock,
	.id = "socket.accept_no_inherit_nonblock",
	.asserts = "the socket returned by accept() does not inherit O_NONBLOCK from a nonblocking listening socket (Linux; POSIX leaves it unspecified)",
	.spec = "Linux accept(2), NOTES",
	.needs = IPCT_LINUX_ONLY);

#ifdef MSG_CMSG_CLOEXEC
/* Receive one descriptor over sock with recvmsg flags `flags`. */
static int recv_fd_flags(int sock, int flags)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} c;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m;
	int fd;

	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	CHECK_RET(recvmsg(sock, &m, flags), 1);
	CHECK(CMSG_FIRSTHDR(&m) != NULL);
	memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&m)), sizeof fd);
	return fd;
}

static void send_fd(int sock, int fd)
{
	socket_xsend_cmsg(sock, SCM_RIGHTS, &fd, sizeof fd);
}

#endif

static void msg_cmsg_cloexec(void)
{
#if defined(MSG_CMSG_CLOEXEC)
	int sv[2], fd[2], a, b;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xpipe(fd);
	send_fd(sv[0], fd[0]);
	send_fd(sv[0], fd[0]);
	a = recv_fd_flags(sv[1], MSG_CMSG_CLOEXEC);
	b = recv_fd_flags(sv[1], 0);
	CHECK_EQ(FD_CLOEXEC, fcntl(a, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(b, F_GETFD) & FD_CLOEXEC);
#else
	ipct_skip("no MSG_CMSG_CLOEXEC on this platform");
#endif
}
IPCT_CASE(msg_cmsg_cloexec,
	.id = "socket.msg_cmsg_cloexec",
	.asserts = "recvmsg() with MSG_CMSG_CLOEXEC sets FD_CLOEXEC on the descriptors it receives through SCM_RIGHTS, and without it leaves it clear",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_CMSG_CLOEXEC); Linux recvmsg(2)");

static void msg_dontwait(void)
{
#if defined(MSG_DONTWAIT)
	int sv[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_FAILS(recv(sv[0], &c, 1, MSG_DONTWAIT), EAGAIN);
	/* Only that call was nonblocking: the descriptor is unchanged. */
	CHECK_EQ(0, fcntl(sv[0], F_GETFL) & O_NONBLOCK);
#else
	ipct_skip("no MSG_DONTWAIT on this platform");
#endif
}
IPCT_CASE(msg_dontwait,
	.id = "socket.msg_dontwait",
	.asserts = "recv() with MSG_DONTWAIT on an empty blocking socket fails with EAGAIN at once and leaves O_NONBLOCK clear on the descriptor",
	.spec = "Linux recv(2), MSG_DONTWAIT",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_socket_cloexec, &ipct_case_socket_nonblock,
	&ipct_case_socketpair_flags, &ipct_case_accept4_flags,
	&ipct_case_accept4_einval, &ipct_case_accept_no_inherit_nonblock,
	&ipct_case_msg_cmsg_cloexec, &ipct_case_msg_dontwait);
