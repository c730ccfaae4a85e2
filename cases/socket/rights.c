/* SPDX-License-Identifier: MIT
 * cases/socket/rights.c - passing open descriptors over AF_UNIX sockets
 * with SCM_RIGHTS: to an unrelated (exec'd) process, what the received
 * descriptor refers to, several in one message, control buffers that are
 * too small, and the CMSG_* macros.
 * Sources: POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS, CMSG_*), sendmsg(),
 * recvmsg() (MSG_CTRUNC); XBD 3 Open File Description; Linux unix(7)
 * where noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>

/* The cases that pass a shared memory object name shm_open() in
 * .requires; where configure did not find it they are never run, and this
 * stub only keeps them compiling. */
#ifndef HAVE_SHM_OPEN
#define shm_open(name, oflag, mode) \
	((void)(name), (void)(oflag), (void)(mode), errno = ENOSYS, -1)
#endif

#define MAXFDS 4

/* Send one byte ("payload") with the n descriptors in fds as one
 * SCM_RIGHTS control message; sendmsg()'s result. */
static ssize_t send_fds(int sock, const int *fds, int n)
{
	return socket_send_cmsg(sock, SCM_RIGHTS, fds, (size_t)n * sizeof(int));
}

/* As send_fds, fatal unless the byte went out. */
static void xsend_fds(int sock, const int *fds, int n)
{
	if (send_fds(sock, fds, n) != 1)
		IPCT_BROKEN("sendmsg(SCM_RIGHTS): %s", ipct_errname(errno));
}

/* Receive one byte and up to MAXFDS descriptors (with room for `room` of
 * them in the control buffer); returns how many arrived in *fds and
 * stores msg_flags in *flags. */
static int recv_fds(int sock, int *fds, int room, int *flags)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(MAXFDS * sizeof(int))];
	} c;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *h;
	int n = 0;

	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = CMSG_SPACE((size_t)room * sizeof(int));
	CHECK_RET(recvmsg(sock, &m, 0), 1);
	CHECK_EQ('F', byte);
	*flags = m.msg_flags;
	for (h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h)) {
		size_t k;

		CHECK_EQ(SOL_SOCKET, h->cmsg_level);
		CHECK_EQ(SCM_RIGHTS, h->cmsg_type);
		k = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);
		CHECK(n + (int)k <= MAXFDS);
		memcpy(fds + n, CMSG_DATA(h), k * sizeof(int));
		n += (int)k;
	}
	return n;
}

/* A listener at path that exec'd helpers do not inherit. */
static int cloexec_listener(const char *path)
{
	int l = socket_xlistener(SOCK_STREAM, path);

	if (fcntl(l, F_SETFD, FD_CLOEXEC) != 0)
		IPCT_BROKEN("fcntl(FD_CLOEXEC): %s", ipct_errname(errno));
	return l;
}

/* Receive exactly one descriptor, with no flags set. */
static int recv_one_fd(int sock)
{
	int fd = -1, flags;

	CHECK_EQ(1, recv_fds(sock, &fd, 1, &flags));
	CHECK_EQ(0, flags & MSG_CTRUNC);
	CHECK(fd >= 0);
	return fd;
}

/* Helper "rx_pipe PATH": connect to PATH, receive a pipe's write end,
 * write a message into it. */
static int rx_pipe_main(int argc, char **argv)
{
	int s, fd;

	CHECK_EQ(2, argc);
	s = socket_xconnect(SOCK_STREAM, argv[1]);
	fd = recv_one_fd(s);
	CHECK_RET(write(fd, "from helper", 11), 11);
	return 0;
}
IPCT_HELPER(rx_pipe_main, "rx_pipe");

static void rights_pipe_unrelated(void)
{
	int l = cloexec_listener("p");
	char buf[32] = "";
	int s, fd[2];
	pid_t pid;

	pid = ipct_exec_helper("rx_pipe", ipct_path("p"), (char *)NULL);
	s = socket_xaccept(l);
	/* Created after the exec: the helper can only get it by passing. */
	ipct_xpipe(fd);
	xsend_fds(s, &fd[1], 1);
	ipct_xclose(fd[1]);
	ipct_xread_all(fd[0], buf, 11);
	CHECK_MEM("from helper", buf, 11);
	ipct_wait_ok(pid);
	/* The helper's copy was the last writer: end-of-file now. */
	CHECK_RET(read(fd[0], buf, 1), 0);
}
IPCT_CASE(rights_pipe_unrelated,
	.id = "socket.rights_pipe_unrelated",
	.asserts = "a pipe write end sent with SCM_RIGHTS over a named AF_UNIX socket to an unrelated process can be written there, and the data reaches the sender's read end",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); sendmsg(), recvmsg(), DESCRIPTION");

/* Helper "rx_shm PATH": receive a shared memory descriptor, map it and
 * store a message at its start. */
static int rx_shm_main(int argc, char **argv)
{
	char *p;
	int s, fd;

	CHECK_EQ(2, argc);
	s = socket_xconnect(SOCK_STREAM, argv[1]);
	fd = recv_one_fd(s);
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	memcpy(p, "shared page", 12);
	CHECK_OK(munmap(p, 4096));
	return 0;
}
IPCT_HELPER(rx_shm_main, "rx_shm");

static void rights_shm_unrelated(void)
{
	int l = cloexec_listener("p");
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int s, fd;
	char *p;
	pid_t pid;

	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		IPCT_BROKEN("shm_open(%s): %s", name, ipct_errname(errno));
	if (shm_unlink(name) != 0 || ftruncate(fd, 4096) != 0)
		IPCT_BROKEN("shm_unlink/ftruncate: %s", ipct_errname(errno));
	pid = ipct_exec_helper("rx_shm", ipct_path("p"), (char *)NULL);
	s = socket_xaccept(l);
	xsend_fds(s, &fd, 1);
	ipct_wait_ok(pid);
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
	CHECK(p != MAP_FAILED);
	CHECK_STR("shared page", p);
	munmap(p, 4096);
}
IPCT_CASE(rights_shm_unrelated,
	.id = "socket.rights_shm_unrelated",
	.asserts = "a shared memory object descriptor sent with SCM_RIGHTS to an unrelated process maps the same object there: what it stores the sender reads",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); shm_open(), mmap()",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

/* A regular file "f" holding ten bytes, open read-write. */
static int ten_byte_file(void)
{
	int fd = open("f", O_RDWR | O_CREAT | O_EXCL, 0600);

	if (fd < 0)
		IPCT_BROKEN("open(f): %s", ipct_errname(errno));
	ipct_xwrite_all(fd, "0123456789", 10);
	if (lseek(fd, 0, SEEK_SET) != 0)
		IPCT_BROKEN("lseek: %s", ipct_errname(errno));
	return fd;
}

static void rights_shares_offset(void)
{
	struct stat a, b;
	int sv[2], fd = ten_byte_file(), got;
	char buf[4];

	socket_xpair(SOCK_STREAM, sv);
	xsend_fds(sv[0], &fd, 1);
	got = recv_one_fd(sv[1]);
	CHECK_OK(fstat(fd, &a));
	CHECK_OK(fstat(got, &b));
	CHECK(a.st_dev == b.st_dev && a.st_ino == b.st_ino);
	/* Reading through one moves the offset seen through the other. */
	CHECK_RET(read(got, buf, 4), 4);
	CHECK_RET(lseek(fd, 0, SEEK_CUR), 4);
	CHECK_RET(read(fd, buf, 2), 2);
	CHECK_MEM("45", buf, 2);
	CHECK_RET(lseek(got, 0, SEEK_CUR), 6);
}
IPCT_CASE(rights_shares_offset,
	.id = "socket.rights_shares_offset",
	.asserts = "a descriptor received with SCM_RIGHTS refers to the same open file description as the one sent: they share the file offset",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); XBD 3 Open File Description");

static void rights_shares_status_flags(void)
{
	int sv[2], fd[2], got;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xpipe(fd);
	xsend_fds(sv[0], &fd[0], 1);
	got = recv_one_fd(sv[1]);
	CHECK(got != fd[0]);
	CHECK_EQ(0, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
	CHECK_OK(fcntl(got, F_SETFL, fcntl(got, F_GETFL) | O_NONBLOCK));
	CHECK_EQ(O_NONBLOCK, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
	/* Descriptor flags are per descriptor and stay apart. */
	CHECK_OK(fcntl(got, F_SETFD, FD_CLOEXEC));
	CHECK_EQ(0, fcntl(fd[0], F_GETFD) & FD_CLOEXEC);
}
IPCT_CASE(rights_shares_status_flags,
	.id = "socket.rights_shares_status_flags",
	.asserts = "a descriptor received with SCM_RIGHTS is a new descriptor sharing the file status flags (O_NONBLOCK) of the sent one but not its descriptor flags (FD_CLOEXEC)",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); XBD 3 Open File Description; fcntl()");

static void rights_sender_closes(void)
{
	int sv[2], fd[2], got;
	char buf[4];

	socket_xpair(SOCK_STREAM, sv);
	ipct_xpipe(fd);
	xsend_fds(sv[0], &fd[1], 1);
	/* Only the message in flight still refers to the write end. */
	ipct_xclose(fd[1]);
	got = recv_one_fd(sv[1]);
	CHECK_RET(write(got, "ok", 2), 2);
	CHECK_RET(read(fd[0], buf, 2), 2);
	CHECK_MEM("ok", buf, 2);
	ipct_xclose(got);
	CHECK_RET(read(fd[0], buf, 1), 0);
}
IPCT_CASE(rights_sender_closes,
	.id = "socket.rights_sender_closes",
	.asserts = "closing the sent descriptor right after sendmsg() leaves the descriptor the receiver gets valid: the message in flight holds its own reference",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); Linux unix(7) (SCM_RIGHTS)");

static void rights_several_fds(void)
{
	int sv[2], p[3][2], w[3], got[MAXFDS], flags, i;
	char c;

	socket_xpair(SOCK_STREAM, sv);
	for (i = 0; i < 3; i++) {
		ipct_xpipe(p[i]);
		w[i] = p[i][1];
	}
	xsend_fds(sv[0], w, 3);
	CHECK_EQ(3, recv_fds(sv[1], got, 3, &flags));
	CHECK_EQ(0, flags & MSG_CTRUNC);
	/* In the order sent: the i-th received writes into pipe i. */
	for (i = 0; i < 3; i++) {
		c = (char)('a' + i);
		CHECK_RET(write(got[i], &c, 1), 1);
		CHECK_RET(read(p[i][0], &c, 1), 1);
		CHECK_EQ('a' + i, c);
	}
}
IPCT_CASE(rights_several_fds,
	.id = "socket.rights_several_fds",
	.asserts = "several descriptors sent in one SCM_RIGHTS control message all arrive, in the order of the array",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS: the data is an array of int)");

static void rights_ctrunc(void)
{
	int sv[2], fd[2], w[3], got[MAXFDS], flags;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xpipe(fd);
	w[0] = w[1] = w[2] = fd[1];
	xsend_fds(sv[0], w, 3);
	/* Room for one descriptor (two, with alignment padding): not three. */
	CHECK(recv_fds(sv[1], got, 1, &flags) < 3);
	CHECK_EQ(MSG_CTRUNC, flags & MSG_CTRUNC);
}
IPCT_CASE(rights_ctrunc,
	.id = "socket.rights_ctrunc",
	.asserts = "recvmsg() with a control buffer too small for all the descriptors sent sets MSG_CTRUNC in msg_flags",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_CTRUNC)");

static void rights_no_control_discards(void)
{
	struct iovec iov;
	struct msghdr m;
	int sv[2], fd[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	ipct_xpipe(fd);
	xsend_fds(sv[0], &fd[1], 1);
	ipct_xclose(fd[1]);
	memset(&m, 0, sizeof m);
	iov.iov_base = &c;
	iov.iov_len = 1;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	CHECK_RET(recvmsg(sv[1], &m, 0), 1);
	CHECK_EQ(MSG_CTRUNC, m.msg_flags & MSG_CTRUNC);
	/* The write end in flight was closed, not installed: EOF. */
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(rights_no_control_discards,
	.id = "socket.rights_no_control_discards",
	.asserts = "recvmsg() without a control buffer on a message carrying a descriptor sets MSG_CTRUNC and closes the descriptor in flight",
	.spec = "Linux unix(7) (SCM_RIGHTS, MSG_CTRUNC)",
	.needs = IPCT_LINUX_ONLY);

static void rights_ebadf(void)
{
	int sv[2], bad;

	socket_xpair(SOCK_STREAM, sv);
	bad = ipct_xdup(sv[0]);
	ipct_xclose(bad);
	CHECK_FAILS(send_fds(sv[0], &bad, 1), EBADF);
}
IPCT_CASE(rights_ebadf,
	.id = "socket.rights_ebadf",
	.asserts = "sendmsg() with an SCM_RIGHTS message naming a descriptor that is not open fails with EBADF",
	.spec = "Linux unix(7), ERRORS [EBADF]",
	.needs = IPCT_LINUX_ONLY);

static void rights_over_dgram_seqpacket(void)
{
	int types[2] = { SOCK_DGRAM, SOCK_SEQPACKET };
	int sv[2], fd[2], got, i;
	char c;

	ipct_xpipe(fd);
	for (i = 0; i < 2; i++) {
		socket_xpair(types[i], sv);
		xsend_fds(sv[0], &fd[1], 1);
		got = recv_one_fd(sv[1]);
		c = (char)('0' + i);
		CHECK_RET(write(got, &c, 1), 1);
		CHECK_RET(read(fd[0], &c, 1), 1);
		CHECK_EQ('0' + i, c);
		ipct_xclose(got);
	}
}
IPCT_CASE(rights_over_dgram_seqpacket,
	.id = "socket.rights_over_dgram_seqpacket",
	.asserts = "SCM_RIGHTS passes a working descriptor over AF_UNIX SOCK_DGRAM and SOCK_SEQPACKET sockets as over SOCK_STREAM",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); Linux unix(7)");

static void cmsg_macros(void)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(2 * sizeof(int))];
	} c;
	struct msghdr m;
	struct cmsghdr *h;
	int v[2] = { 7, 9 }, out[2];

	CHECK(CMSG_LEN(sizeof(int)) <= CMSG_SPACE(sizeof(int)));
	CHECK(CMSG_LEN(sizeof(int)) >= sizeof(struct cmsghdr) + sizeof(int));
	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	h = CMSG_FIRSTHDR(&m);
	CHECK(h == &c.h);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof v);
	memcpy(CMSG_DATA(h), v, sizeof v);
	CHECK((char *)CMSG_DATA(h) >= c.buf + sizeof(struct cmsghdr));
	memcpy(out, CMSG_DATA(CMSG_FIRSTHDR(&m)), sizeof out);
	CHECK_MEM(v, out, sizeof v);
	/* One header fills the buffer: there is no next one. */
	CHECK(CMSG_NXTHDR(&m, h) == NULL);
	m.msg_controllen = 0;
	CHECK(CMSG_FIRSTHDR(&m) == NULL);
}
IPCT_CASE(cmsg_macros,
	.id = "socket.cmsg_macros",
	.asserts = "CMSG_FIRSTHDR, CMSG_DATA, CMSG_NXTHDR, CMSG_LEN and CMSG_SPACE lay out and walk a control buffer holding one SCM_RIGHTS header, and CMSG_FIRSTHDR is NULL for an empty buffer",
	.spec = "POSIX.1-2024 <sys/socket.h> (CMSG_DATA, CMSG_NXTHDR, CMSG_FIRSTHDR, CMSG_SPACE, CMSG_LEN)");

IPCT_CASES(&ipct_case_rights_pipe_unrelated, &ipct_case_rights_shm_unrelated,
	&ipct_case_rights_shares_offset, &ipct_case_rights_shares_status_flags,
	&ipct_case_rights_sender_closes, &ipct_case_rights_several_fds,
	&ipct_case_rights_ctrunc, &ipct_case_rights_no_control_discards,
	&ipct_case_rights_ebadf, &ipct_case_rights_over_dgram_seqpacket,
	&ipct_case_cmsg_macros);
IPCT_HELPERS(&ipct_helper_rx_pipe_main, &ipct_helper_rx_shm_main);
