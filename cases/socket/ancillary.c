/* SPDX-License-Identifier: MIT
 * cases/socket/ancillary.c - ancillary data on AF_UNIX sockets beyond the
 * basics of rights.c and cred.c: where a stream receive stops around a
 * control message, descriptors with no data bytes, MSG_PEEK, malformed
 * control headers, MSG_CTRUNC, descriptors in flight that are never
 * received (and cycles of them), SO_PASSCRED and SCM_CREDENTIALS rules.
 * Sources: POSIX.1-2024 sendmsg(), recvmsg(), <sys/socket.h>; Linux
 * unix(7) (Ancillary messages, SO_PASSCRED, SCM_RIGHTS, SCM_CREDENTIALS),
 * cmsg(3), recv(2), socket(7).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/uio.h>

#define CTL_ROOM 512

union anc_ctl {
	struct cmsghdr h;
	char buf[CTL_ROOM];
};

/* What one recvmsg() brought. */
struct anc_rx {
	char data[64];
	int flags;
	int nfds;
	int fds[16];
	int ncred;
	struct ucred cred;
};

/* sendmsg() of len data bytes (socket_send_cmsg sends exactly one) with
 * one SOL_SOCKET control message of `type` carrying plen bytes. */
static ssize_t anc_send(int s, const char *data, size_t len, int type,
			const void *payload, size_t plen)
{
	union anc_ctl c;
	struct iovec iov = { .iov_base = (void *)data, .iov_len = len };
	struct msghdr m;
	struct cmsghdr *h;

	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = CMSG_SPACE(plen);
	h = CMSG_FIRSTHDR(&m);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = type;
	h->cmsg_len = CMSG_LEN(plen);
	memcpy(CMSG_DATA(h), payload, plen);
	return sendmsg(s, &m, 0);
}

/* recvmsg() into r with up to len data bytes and a control buffer of
 * ctllen bytes; returns recvmsg()'s result, errno kept. */
static ssize_t anc_recv(int s, size_t len, size_t ctllen, int flags,
			struct anc_rx *r)
{
	union anc_ctl c;
	struct iovec iov;
	struct msghdr m;
	struct cmsghdr *h;
	ssize_t n;
	int e;

	memset(r, 0, sizeof *r);
	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	iov.iov_base = r->data;
	iov.iov_len = len;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = ctllen ? c.buf : NULL;
	m.msg_controllen = ctllen;
	n = recvmsg(s, &m, flags);
	e = errno;
	if (n < 0)
		return n;
	r->flags = m.msg_flags;
	for (h = CMSG_FIRSTHDR(&m); h; h = CMSG_NXTHDR(&m, h)) {
		if (h->cmsg_level != SOL_SOCKET)
			continue;
		if (h->cmsg_type == SCM_RIGHTS) {
			size_t k = (h->cmsg_len - CMSG_LEN(0)) / sizeof(int);

			if (r->nfds + k > 16)
				IPCT_BROKEN("more than 16 descriptors arrived");
			memcpy(r->fds + r->nfds, CMSG_DATA(h), k * sizeof(int));
			r->nfds += (int)k;
		} else if (h->cmsg_type == SCM_CREDENTIALS) {
			memcpy(&r->cred, CMSG_DATA(h), sizeof r->cred);
			r->ncred++;
		}
	}
	errno = e;
	return n;
}

/* A pipe whose read end does not block: reading it tells whether a write
 * end is still open somewhere (EAGAIN) or none is (0). */
static void anc_pipe(int p[2])
{
	ipct_xpipe(p);
	ipct_xsetnonblock(p[0]);
}

/* The received descriptor fd is a write end of pipe p: a byte written
 * through it comes out of p[0]. */
static void check_is_writer(int fd, const int p[2])
{
	char c = 'w';

	CHECK_RET(write(fd, &c, 1), 1);
	c = 0;
	CHECK_RET(read(p[0], &c, 1), 1);
	CHECK_EQ('w', c);
}

static void set_passcred(int fd)
{
	int on = 1;

	if (setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &on, sizeof on) != 0)
		IPCT_BROKEN("setsockopt(SO_PASSCRED): %s", ipct_errname(errno));
}

static void anc_stream_rights_barrier(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_RET(send(sv[0], "abcd", 4, 0), 4);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &p[1], sizeof(int)), 1);
	CHECK_RET(send(sv[0], "fghi", 4, 0), 4);
	/* The five bytes up to and including the one carrying the
	 * descriptor, then the rest in a second call. */
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 5);
	CHECK_MEM("abcdF", r.data, 5);
	CHECK_EQ(1, r.nfds);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 4);
	CHECK_MEM("fghi", r.data, 4);
	CHECK_EQ(0, r.nfds);
}
IPCT_CASE(anc_stream_rights_barrier,
	.id = "socket.anc_stream_rights_barrier",
	.asserts = "on an AF_UNIX stream socket a receive with room for more stops after the bytes sent with an SCM_RIGHTS message: the bytes sent after it come in the next call",
	.spec = "Linux unix(7), Ancillary messages (ancillary data forms a barrier for the received data)",
	.needs = IPCT_LINUX_ONLY);

static void anc_stream_creds_barrier(void)
{
	struct anc_rx r;
	int sv[2];
	pid_t pid;

	socket_xpair(SOCK_STREAM, sv);
	set_passcred(sv[1]);
	CHECK_RET(send(sv[0], "pp", 2, 0), 2);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_RET(send(sv[0], "cc", 2, 0), 2);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* Two writers with different credentials: never glued together. */
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 2);
	CHECK_MEM("pp", r.data, 2);
	CHECK_EQ(getpid(), r.cred.pid);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 2);
	CHECK_MEM("cc", r.data, 2);
	CHECK_EQ(pid, r.cred.pid);
}
IPCT_CASE(anc_stream_creds_barrier,
	.id = "socket.anc_stream_creds_barrier",
	.asserts = "on an AF_UNIX stream socket with SO_PASSCRED, bytes written by two processes are never returned by one receive: each call carries one sender's credentials",
	.spec = "Linux unix(7), Ancillary messages (ancillary data forms a barrier), SO_PASSCRED",
	.needs = IPCT_LINUX_ONLY);

static void anc_rights_zero_bytes_dgram(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_DGRAM, sv);
	anc_pipe(p);
	CHECK_RET(anc_send(sv[0], "", 0, SCM_RIGHTS, &p[1], sizeof(int)), 0);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 0);
	CHECK_EQ(1, r.nfds);
	check_is_writer(r.fds[0], p);
}
IPCT_CASE(anc_rights_zero_bytes_dgram,
	.id = "socket.anc_rights_zero_bytes_dgram",
	.asserts = "on an AF_UNIX datagram socket an SCM_RIGHTS message with no data bytes is delivered: the receiver gets a zero-length datagram and a working descriptor",
	.spec = "Linux unix(7), Ancillary messages (over a datagram socket no real data needs to accompany ancillary data)",
	.needs = IPCT_LINUX_ONLY);

static void anc_rights_zero_bytes_stream(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	/* No byte to carry it: nothing is queued at all. */
	CHECK_RET(anc_send(sv[0], "", 0, SCM_RIGHTS, &p[1], sizeof(int)), 0);
	ipct_xclose(p[1]);
	CHECK_RET(send(sv[0], "x", 1, 0), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(0, r.nfds);
	CHECK_RET(read(p[0], r.data, 1), 0);
}
IPCT_CASE(anc_rights_zero_bytes_stream,
	.id = "socket.anc_rights_zero_bytes_stream",
	.asserts = "on an AF_UNIX stream socket an SCM_RIGHTS message with no data bytes passes no descriptor: at least one data byte is required",
	.spec = "Linux unix(7), Ancillary messages (at least one byte of real data is required over a stream socket)",
	.needs = IPCT_LINUX_ONLY);

static void anc_peek_rights(void)
{
	struct anc_rx r, q;
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &p[1], sizeof(int)), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, MSG_PEEK, &q), 1);
	CHECK_EQ(1, q.nfds);
	check_is_writer(q.fds[0], p);
	/* The message is still queued, descriptor included. */
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ('F', r.data[0]);
	CHECK_EQ(1, r.nfds);
	CHECK_NE(q.fds[0], r.fds[0]);
	check_is_writer(r.fds[0], p);
}
IPCT_CASE(anc_peek_rights,
	.id = "socket.anc_peek_rights",
	.asserts = "recvmsg() with MSG_PEEK on a message carrying SCM_RIGHTS installs a working descriptor and leaves the message queued: the next receive installs another one",
	.spec = "Linux recv(2) (MSG_PEEK), unix(7) (SCM_RIGHTS)",
	.needs = IPCT_LINUX_ONLY);

/* sendmsg() of one byte with one control header whose cmsg_len is `len`
 * inside a buffer of `room` bytes holding one descriptor. */
static ssize_t send_raw_cmsg(int s, int type, size_t len, size_t room, int fd)
{
	union anc_ctl c;
	struct iovec iov = { .iov_base = "r", .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *h;

	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = room;
	h = CMSG_FIRSTHDR(&m);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = type;
	h->cmsg_len = len;
	memcpy(CMSG_DATA(h), &fd, sizeof fd);
	return sendmsg(s, &m, 0);
}

static void anc_short_cmsg_len_einval(void)
{
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	/* Shorter than the header itself. */
	CHECK_FAILS(send_raw_cmsg(sv[0], SCM_RIGHTS, sizeof(struct cmsghdr) - 1,
				  CMSG_SPACE(sizeof(int)), p[1]), EINVAL);
}
IPCT_CASE(anc_short_cmsg_len_einval,
	.id = "socket.anc_short_cmsg_len_einval",
	.asserts = "sendmsg() with a control header whose cmsg_len is smaller than the header fails with EINVAL",
	.spec = "Linux cmsg(3), sendmsg(2) ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void anc_cmsg_len_past_buffer_einval(void)
{
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	/* The header claims more bytes than msg_controllen holds. */
	CHECK_FAILS(send_raw_cmsg(sv[0], SCM_RIGHTS, CMSG_LEN(4 * sizeof(int)),
				  CMSG_SPACE(sizeof(int)), p[1]), EINVAL);
}
IPCT_CASE(anc_cmsg_len_past_buffer_einval,
	.id = "socket.anc_cmsg_len_past_buffer_einval",
	.asserts = "sendmsg() with a control header whose cmsg_len runs past msg_controllen fails with EINVAL",
	.spec = "Linux cmsg(3), sendmsg(2) ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void anc_unknown_type_einval(void)
{
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_FAILS(send_raw_cmsg(sv[0], 0x7fff, CMSG_LEN(sizeof(int)),
				  CMSG_SPACE(sizeof(int)), p[1]), EINVAL);
}
IPCT_CASE(anc_unknown_type_einval,
	.id = "socket.anc_unknown_type_einval",
	.asserts = "sendmsg() on an AF_UNIX socket with a SOL_SOCKET control message of an unknown type fails with EINVAL",
	.spec = "Linux unix(7) ERRORS [EINVAL], sendmsg(2) ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void anc_too_many_fds_einval(void)
{
	static int many[254];
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof many)];
	} c;
	struct iovec iov = { .iov_base = "t", .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *h;
	int sv[2], p[2], i;

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	/* SCM_MAX_FD is 253: one more, all the same descriptor. */
	for (i = 0; i < 254; i++)
		many[i] = p[1];
	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	h = CMSG_FIRSTHDR(&m);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof many);
	memcpy(CMSG_DATA(h), many, sizeof many);
	CHECK_FAILS(sendmsg(sv[0], &m, 0), EINVAL);
	/* 253 are accepted. */
	h->cmsg_len = CMSG_LEN(253 * sizeof(int));
	m.msg_controllen = CMSG_SPACE(253 * sizeof(int));
	CHECK_RET(sendmsg(sv[0], &m, 0), 1);
}
IPCT_CASE(anc_too_many_fds_einval,
	.id = "socket.anc_too_many_fds_einval",
	.asserts = "sendmsg() with an SCM_RIGHTS array of more than SCM_MAX_FD (253) descriptors fails with EINVAL, and one of 253 is accepted",
	.spec = "Linux unix(7), SCM_RIGHTS (SCM_MAX_FD)",
	.needs = IPCT_LINUX_ONLY);

static void anc_ctrunc_rest_closed(void)
{
	struct anc_rx r;
	int sv[2], p[2], q[2], two[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	anc_pipe(q);
	two[0] = p[1];
	two[1] = q[1];
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, two, sizeof two), 1);
	ipct_xclose(p[1]);
	ipct_xclose(q[1]);
	/* Room for exactly one descriptor. */
	CHECK_RET(anc_recv(sv[1], 20, CMSG_LEN(sizeof(int)), 0, &r), 1);
	CHECK_EQ(MSG_CTRUNC, r.flags & MSG_CTRUNC);
	CHECK_EQ(1, r.nfds);
	check_is_writer(r.fds[0], p);
	/* The one that did not fit was closed: q has no writer left. */
	CHECK_RET(read(q[0], &c, 1), 0);
}
IPCT_CASE(anc_ctrunc_rest_closed,
	.id = "socket.anc_ctrunc_rest_closed",
	.asserts = "when the control buffer holds fewer descriptors than were sent, recvmsg() installs those that fit, sets MSG_CTRUNC and closes the rest",
	.spec = "Linux unix(7), SCM_RIGHTS (descriptors that do not fit are closed; MSG_CTRUNC)",
	.needs = IPCT_LINUX_ONLY);

static void anc_ctrunc_creds(void)
{
	struct anc_rx r;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	set_passcred(sv[1]);
	CHECK_RET(send(sv[0], "c", 1, 0), 1);
	/* Room for a header, not for a struct ucred. */
	CHECK_RET(anc_recv(sv[1], 20, CMSG_LEN(0), 0, &r), 1);
	CHECK_EQ(MSG_CTRUNC, r.flags & MSG_CTRUNC);
}
IPCT_CASE(anc_ctrunc_creds,
	.id = "socket.anc_ctrunc_creds",
	.asserts = "recvmsg() on an SO_PASSCRED socket with a control buffer too small for the SCM_CREDENTIALS message sets MSG_CTRUNC and still returns the data",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_CTRUNC); Linux unix(7), SO_PASSCRED",
	.needs = IPCT_LINUX_ONLY);

static void anc_ctrunc_nofile_limit(void)
{
	int sv[2], p[2];
	pid_t pid;

	if (ipct_under_valgrind())
		ipct_skip("valgrind keeps RLIMIT_NOFILE to itself: setrlimit() does not reach the kernel, which installs the descriptor");
	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &p[1], sizeof(int)), 1);
	ipct_xclose(p[1]);
	pid = ipct_fork();
	if (pid == 0) {
		struct anc_rx r;
		struct rlimit rl;
		int lowest = ipct_xdup(0);

		/* No descriptor can be allocated any more. */
		ipct_xclose(lowest);
		CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));
		rl.rlim_cur = (rlim_t)lowest;
		CHECK_OK(setrlimit(RLIMIT_NOFILE, &rl));
		CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
		CHECK_EQ(MSG_CTRUNC, r.flags & MSG_CTRUNC);
		CHECK_EQ(0, r.nfds);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* The descriptor that could not be installed was closed. */
	CHECK_RET(read(p[0], &pid, 1), 0);
}
IPCT_CASE(anc_ctrunc_nofile_limit,
	.id = "socket.anc_ctrunc_nofile_limit",
	.asserts = "a receiver at its RLIMIT_NOFILE limit gets the data with MSG_CTRUNC and no descriptor; the descriptor in flight is closed",
	.spec = "Linux unix(7), SCM_RIGHTS (descriptors beyond RLIMIT_NOFILE are closed; MSG_CTRUNC)",
	.needs = IPCT_LINUX_ONLY);

static void anc_inflight_closed_with_socket(void)
{
	int sv[2], p[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &p[1], sizeof(int)), 1);
	ipct_xclose(p[1]);
	CHECK_FAILS(read(p[0], &c, 1), EAGAIN);
	/* Never received: closing the receiving socket drops the message. */
	ipct_xclose(sv[1]);
	CHECK_RET(read(p[0], &c, 1), 0);
}
IPCT_CASE(anc_inflight_closed_with_socket,
	.id = "socket.anc_inflight_closed_with_socket",
	.asserts = "a descriptor in flight in a message that is never received is closed when the receiving socket is closed",
	.spec = "Linux unix(7), SCM_RIGHTS; POSIX.1-2024 close(), DESCRIPTION (last reference to an open file description)",
	.needs = IPCT_LINUX_ONLY);

/* Wait (bounded, no sleep: poll on the pipe) until pipe p has no writer
 * left; returns 1 when it got end-of-file.  Between polls it closes a
 * fresh socketpair: closing an AF_UNIX socket while descriptors are in
 * flight runs the collector again, so a collection that was already under
 * way (started by another process) when the cycle became garbage is not
 * the last one. */
static int eventually_eof(int rfd)
{
	int64_t end = ipct_now_ms() + ipct_wait_limit_ms();
	struct pollfd pfd = { .fd = rfd, .events = POLLIN };
	int sv[2], step = 1;
	char c;

	/* Polls of 1 ms doubling to 50 ms: the collection usually ends within
	 * the first (a first poll of 50 ms was the whole case's time). */
	while (ipct_now_ms() < end) {
		if (poll(&pfd, 1, step) > 0 && (pfd.revents & (POLLIN | POLLHUP)))
			return read(rfd, &c, 1) == 0;
		socket_xpair(SOCK_DGRAM, sv);
		ipct_xclose(sv[0]);
		ipct_xclose(sv[1]);
		if (step < 50)
			step *= 2;
	}
	return 0;
}

static void anc_gc_self_cycle(void)
{
	int sv[2], p[2], two[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	/* sv[1] holds, in its own receive queue, a reference to itself and
	 * to the pipe: once closed by us only the cycle keeps it alive. */
	two[0] = sv[1];
	two[1] = p[1];
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, two, sizeof two), 1);
	ipct_xclose(p[1]);
	ipct_xclose(sv[0]);
	ipct_xclose(sv[1]);
	/* The garbage collector breaks the cycle and closes the pipe. */
	CHECK(eventually_eof(p[0]));
}
IPCT_CASE(anc_gc_self_cycle,
	.id = "socket.anc_gc_self_cycle",
	.asserts = "a socket whose only reference is in flight in its own receive queue is collected once every descriptor for it is closed: what that message carried is closed too",
	.spec = "Linux unix(7), SCM_RIGHTS (descriptors in flight); POSIX.1-2024 close()",
	.needs = IPCT_LINUX_ONLY);

static void anc_gc_two_socket_cycle(void)
{
	int a[2], b[2], p[2], two[2];

	socket_xpair(SOCK_DGRAM, a);
	socket_xpair(SOCK_DGRAM, b);
	anc_pipe(p);
	/* a[1] is in flight to b[1], b[1] (and the pipe) to a[1]. */
	CHECK_RET(socket_send_cmsg(b[0], SCM_RIGHTS, &a[1], sizeof(int)), 1);
	two[0] = b[1];
	two[1] = p[1];
	CHECK_RET(socket_send_cmsg(a[0], SCM_RIGHTS, two, sizeof two), 1);
	ipct_xclose(p[1]);
	ipct_xclose(a[0]);
	ipct_xclose(b[0]);
	ipct_xclose(a[1]);
	ipct_xclose(b[1]);
	CHECK(eventually_eof(p[0]));
}
IPCT_CASE(anc_gc_two_socket_cycle,
	.id = "socket.anc_gc_two_socket_cycle",
	.asserts = "two sockets each in flight in the other's receive queue, with no descriptor left for either, are collected: a descriptor carried in the cycle is closed",
	.spec = "Linux unix(7), SCM_RIGHTS (descriptors in flight); POSIX.1-2024 close()",
	.needs = IPCT_LINUX_ONLY);

static void anc_pass_socket(void)
{
	struct anc_rx r;
	int sv[2], other[2];
	char c;

	socket_xpair(SOCK_STREAM, sv);
	socket_xpair(SOCK_DGRAM, other);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &other[0], sizeof(int)), 1);
	ipct_xclose(other[0]);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(1, r.nfds);
	/* The received descriptor is the socket: it talks to other[1]. */
	CHECK_RET(send(r.fds[0], "q", 1, 0), 1);
	CHECK_RET(recv(other[1], &c, 1, 0), 1);
	CHECK_EQ('q', c);
}
IPCT_CASE(anc_pass_socket,
	.id = "socket.anc_pass_socket",
	.asserts = "a connected socket passed with SCM_RIGHTS keeps its connection: what the receiver sends through it reaches the original peer",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void anc_rights_and_creds_together(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_DGRAM, sv);
	anc_pipe(p);
	set_passcred(sv[1]);
	CHECK_RET(socket_send_cmsg(sv[0], SCM_RIGHTS, &p[1], sizeof(int)), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	/* Two headers, walked with CMSG_NXTHDR. */
	CHECK_EQ(1, r.nfds);
	CHECK_EQ(1, r.ncred);
	CHECK_EQ(getpid(), r.cred.pid);
	check_is_writer(r.fds[0], p);
}
IPCT_CASE(anc_rights_and_creds_together,
	.id = "socket.anc_rights_and_creds_together",
	.asserts = "a message carrying SCM_RIGHTS to an SO_PASSCRED receiver arrives with two control messages, the descriptors and the sender's credentials",
	.spec = "Linux unix(7), SO_PASSCRED, SCM_RIGHTS; cmsg(3)",
	.needs = IPCT_LINUX_ONLY);

static void anc_passcred_default_off(void)
{
	struct anc_rx r;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_EQ(0, socket_xgetint(sv[1], SOL_SOCKET, SO_PASSCRED));
	CHECK_RET(send(sv[0], "n", 1, 0), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(0, r.ncred);
}
IPCT_CASE(anc_passcred_default_off,
	.id = "socket.anc_passcred_default_off",
	.asserts = "SO_PASSCRED is off on a new socket, and then no SCM_CREDENTIALS message comes with received data",
	.spec = "Linux unix(7), SO_PASSCRED",
	.needs = IPCT_LINUX_ONLY);

static void anc_passcred_stream_unsent(void)
{
	struct anc_rx r;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	set_passcred(sv[1]);
	/* The sender sends plain data, no control message. */
	CHECK_RET(send(sv[0], "d", 1, 0), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(1, r.ncred);
	CHECK_EQ(getpid(), r.cred.pid);
	CHECK_EQ(geteuid(), r.cred.uid);
	CHECK_EQ(getegid(), r.cred.gid);
}
IPCT_CASE(anc_passcred_stream_unsent,
	.id = "socket.anc_passcred_stream_unsent",
	.asserts = "an AF_UNIX stream receiver with SO_PASSCRED gets SCM_CREDENTIALS with the sender's pid, uid and gid although the sender sent no control message",
	.spec = "Linux unix(7), SO_PASSCRED",
	.needs = IPCT_LINUX_ONLY);

static void anc_passcred_inherited_by_accept(void)
{
	int l = socket_xbound(SOCK_STREAM, "s"), c, a;

	set_passcred(l);
	CHECK_OK(listen(l, 4));
	c = socket_xconnect(SOCK_STREAM, "s");
	a = socket_xaccept(l);
	CHECK_NE(0, socket_xgetint(a, SOL_SOCKET, SO_PASSCRED));
	CHECK_EQ(0, socket_xgetint(c, SOL_SOCKET, SO_PASSCRED));
}
IPCT_CASE(anc_passcred_inherited_by_accept,
	.id = "socket.anc_passcred_inherited_by_accept",
	.asserts = "a socket accepted from a listener with SO_PASSCRED set has SO_PASSCRED set too",
	.spec = "Linux unix(7), SO_PASSCRED; socket(7)",
	.needs = IPCT_LINUX_ONLY);

static void anc_creds_explicit_own(void)
{
	struct anc_rx r;
	struct ucred u;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	set_passcred(sv[1]);
	u.pid = getpid();
	u.uid = geteuid();
	u.gid = getegid();
	CHECK_RET(socket_send_cmsg(sv[0], SCM_CREDENTIALS, &u, sizeof u), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(1, r.ncred);
	CHECK_EQ(u.pid, r.cred.pid);
	CHECK_EQ(u.uid, r.cred.uid);
	CHECK_EQ(u.gid, r.cred.gid);
}
IPCT_CASE(anc_creds_explicit_own,
	.id = "socket.anc_creds_explicit_own",
	.asserts = "a sender may put its own pid, uid and gid in an SCM_CREDENTIALS message; the SO_PASSCRED receiver gets exactly them",
	.spec = "Linux unix(7), SCM_CREDENTIALS",
	.needs = IPCT_LINUX_ONLY);

static void anc_creds_without_passcred_dropped(void)
{
	struct anc_rx r;
	struct ucred u;
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	u.pid = getpid();
	u.uid = geteuid();
	u.gid = getegid();
	CHECK_RET(socket_send_cmsg(sv[0], SCM_CREDENTIALS, &u, sizeof u), 1);
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 1);
	CHECK_EQ(0, r.ncred);
	CHECK_EQ(0, r.flags & MSG_CTRUNC);
}
IPCT_CASE(anc_creds_without_passcred_dropped,
	.id = "socket.anc_creds_without_passcred_dropped",
	.asserts = "credentials sent explicitly with SCM_CREDENTIALS are not delivered to a receiver without SO_PASSCRED",
	.spec = "Linux unix(7), SO_PASSCRED (to receive a struct ucred message the option must be enabled)",
	.needs = IPCT_LINUX_ONLY);

static void anc_creds_nonexistent_pid_esrch(void)
{
	struct ucred u;
	long max = ipct_read_number("/proc/sys/kernel/pid_max");
	int sv[2];

	if (geteuid() != 0)
		ipct_skip("only a privileged process may name another pid");
	if (max <= 0)
		ipct_skip("/proc/sys/kernel/pid_max unreadable");
	socket_xpair(SOCK_DGRAM, sv);
	/* pid_max itself is never a process id. */
	u.pid = (pid_t)max;
	u.uid = geteuid();
	u.gid = getegid();
	errno = 0;
	if (socket_send_cmsg(sv[0], SCM_CREDENTIALS, &u, sizeof u) < 0 && errno == EPERM)
		ipct_skip("root without CAP_SYS_ADMIN here: may not name another pid (EPERM)");
	CHECK_FAILS(socket_send_cmsg(sv[0], SCM_CREDENTIALS, &u, sizeof u), ESRCH);
}
IPCT_CASE(anc_creds_nonexistent_pid_esrch,
	.id = "socket.anc_creds_nonexistent_pid_esrch",
	.asserts = "a privileged sender naming in SCM_CREDENTIALS a pid no process has fails with ESRCH",
	.spec = "Linux unix(7), SCM_CREDENTIALS (privileged senders may name any existing process)",
	.needs = IPCT_LINUX_ONLY | IPCT_ROOT);

static void anc_creds_empty_einval(void)
{
	int sv[2];

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_FAILS(socket_send_cmsg(sv[0], SCM_CREDENTIALS, "", 0), EINVAL);
}
IPCT_CASE(anc_creds_empty_einval,
	.id = "socket.anc_creds_empty_einval",
	.asserts = "sendmsg() with an SCM_CREDENTIALS message that holds no struct ucred fails with EINVAL",
	.spec = "Linux unix(7), SCM_CREDENTIALS (the data is a struct ucred); sendmsg(2) ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void anc_rights_partial_read_once(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_STREAM, sv);
	anc_pipe(p);
	CHECK_RET(anc_send(sv[0], "abcd", 4, SCM_RIGHTS, &p[1], sizeof(int)), 4);
	/* The descriptor comes with the first part of its bytes... */
	CHECK_RET(anc_recv(sv[1], 2, CTL_ROOM, 0, &r), 2);
	CHECK_EQ(1, r.nfds);
	/* ...and not again with the rest. */
	CHECK_RET(anc_recv(sv[1], 20, CTL_ROOM, 0, &r), 2);
	CHECK_MEM("cd", r.data, 2);
	CHECK_EQ(0, r.nfds);
}
IPCT_CASE(anc_rights_partial_read_once,
	.id = "socket.anc_rights_partial_read_once",
	.asserts = "on an AF_UNIX stream socket descriptors sent with several bytes arrive with the first receive of those bytes, and not with the rest",
	.spec = "Linux unix(7), Ancillary messages; POSIX.1-2024 recvmsg()",
	.needs = IPCT_LINUX_ONLY);

static void anc_rights_dgram_no_data_buffer(void)
{
	struct anc_rx r;
	int sv[2], p[2];

	socket_xpair(SOCK_DGRAM, sv);
	anc_pipe(p);
	CHECK_RET(anc_send(sv[0], "abc", 3, SCM_RIGHTS, &p[1], sizeof(int)), 3);
	/* A zero-byte receive truncates the datagram but still gets the
	 * descriptor. */
	CHECK_RET(anc_recv(sv[1], 0, CTL_ROOM, 0, &r), 0);
	CHECK_EQ(MSG_TRUNC, r.flags & MSG_TRUNC);
	CHECK_EQ(1, r.nfds);
	check_is_writer(r.fds[0], p);
}
IPCT_CASE(anc_rights_dgram_no_data_buffer,
	.id = "socket.anc_rights_dgram_no_data_buffer",
	.asserts = "a datagram receive with no room for data sets MSG_TRUNC and still delivers the datagram's descriptors",
	.spec = "POSIX.1-2024 recvmsg(), DESCRIPTION (MSG_TRUNC); Linux unix(7), SCM_RIGHTS",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_anc_stream_rights_barrier,
	&ipct_case_anc_stream_creds_barrier,
	&ipct_case_anc_rights_zero_bytes_dgram,
	&ipct_case_anc_rights_zero_bytes_stream,
	&ipct_case_anc_peek_rights,
	&ipct_case_anc_short_cmsg_len_einval,
	&ipct_case_anc_cmsg_len_past_buffer_einval,
	&ipct_case_anc_unknown_type_einval,
	&ipct_case_anc_too_many_fds_einval,
	&ipct_case_anc_ctrunc_rest_closed,
	&ipct_case_anc_ctrunc_creds,
	&ipct_case_anc_ctrunc_nofile_limit,
	&ipct_case_anc_inflight_closed_with_socket,
	&ipct_case_anc_gc_self_cycle,
	&ipct_case_anc_gc_two_socket_cycle,
	&ipct_case_anc_pass_socket,
	&ipct_case_anc_rights_and_creds_together,
	&ipct_case_anc_passcred_default_off,
	&ipct_case_anc_passcred_stream_unsent,
	&ipct_case_anc_passcred_inherited_by_accept,
	&ipct_case_anc_creds_explicit_own,
	&ipct_case_anc_creds_without_passcred_dropped,
	&ipct_case_anc_creds_nonexistent_pid_esrch,
	&ipct_case_anc_creds_empty_einval,
	&ipct_case_anc_rights_partial_read_once,
	&ipct_case_anc_rights_dgram_no_data_buffer);
