/* SPDX-License-Identifier: MIT
 * cases/socket/cred.c - who is at the other end of an AF_UNIX socket:
 * SO_PEERCRED and SCM_CREDENTIALS (Linux), getpeereid() where the
 * platform has it.
 * Sources: Linux unix(7) (SO_PEERCRED, SO_PASSCRED, SCM_CREDENTIALS);
 * getpeereid() is a BSD interface (HAVE_GETPEEREID).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <sys/uio.h>

/* The getpeereid() case names it in .requires; where configure did not
 * find it it is never run, and this stub only keeps it compiling. */
#ifndef HAVE_GETPEEREID
#define getpeereid(fd, u, g) \
	((void)(fd), (void)(u), (void)(g), errno = ENOSYS, -1)
#endif

#ifdef SO_PEERCRED
/* SO_PEERCRED of fd. */
static struct ucred peercred(int fd)
{
	struct ucred u;
	socklen_t len = sizeof u;

	memset(&u, 0, sizeof u);
	CHECK_OK(getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &u, &len));
	CHECK_EQU(sizeof u, len);
	return u;
}

#endif

static void peercred_socketpair(void)
{
#if defined(SO_PEERCRED)
	struct ucred u;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	u = peercred(sv[0]);
	CHECK_EQ(getpid(), u.pid);
	CHECK_EQ(geteuid(), u.uid);
	CHECK_EQ(getegid(), u.gid);
#else
	ipct_skip("no SO_PEERCRED on this platform");
#endif
}
IPCT_CASE(peercred_socketpair,
	.id = "socket.peercred_socketpair",
	.asserts = "SO_PEERCRED on a socketpair end reports the pid, effective uid and effective gid of the process that called socketpair()",
	.spec = "Linux unix(7), SO_PEERCRED",
	.needs = IPCT_LINUX_ONLY);

static void peercred_connect(void)
{
#if defined(SO_PEERCRED)
	int l = socket_xlistener(SOCK_STREAM, "s"), a;
	struct ipct_sync s;
	struct ucred u;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		int c = socket_xconnect(SOCK_STREAM, "s");

		/* The server must see this process, not the one that accepts. */
		u = peercred(c);
		CHECK_EQ(getppid(), u.pid);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	a = socket_xaccept(l);
	ipct_sync_wait(&s, 1);
	u = peercred(a);
	CHECK_EQ(pid, u.pid);
	CHECK_EQ(geteuid(), u.uid);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
#else
	ipct_skip("no SO_PEERCRED on this platform");
#endif
}
IPCT_CASE(peercred_connect,
	.id = "socket.peercred_connect",
	.asserts = "SO_PEERCRED on an accepted AF_UNIX stream socket reports the credentials of the process that called connect(), and on the client those of the process that called listen()",
	.spec = "Linux unix(7), SO_PEERCRED",
	.needs = IPCT_LINUX_ONLY);

#if defined(SO_PEERCRED) && defined(SO_PASSCRED) && defined(SCM_CREDENTIALS)
/* Receive one byte and the SCM_CREDENTIALS message that came with it. */
static struct ucred recv_creds(int fd)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(struct ucred))];
	} c;
	struct ucred u;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *h;

	memset(&m, 0, sizeof m);
	memset(&u, 0, sizeof u);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = sizeof c.buf;
	CHECK_RET(recvmsg(fd, &m, 0), 1);
	h = CMSG_FIRSTHDR(&m);
	CHECK(h != NULL);
	CHECK_EQ(SOL_SOCKET, h->cmsg_level);
	CHECK_EQ(SCM_CREDENTIALS, h->cmsg_type);
	memcpy(&u, CMSG_DATA(h), sizeof u);
	return u;
}

#endif

static void scm_credentials_received(void)
{
#if defined(SO_PEERCRED) && defined(SO_PASSCRED) && defined(SCM_CREDENTIALS)
	int sv[2], on = 1;
	struct ucred u;
	pid_t pid;

	socket_xpair(SOCK_DGRAM, sv);
	CHECK_OK(setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
	pid = ipct_fork();
	if (pid == 0) {
		/* Plain data: the kernel attaches the sender's credentials. */
		CHECK_RET(send(sv[0], "c", 1, 0), 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	u = recv_creds(sv[1]);
	CHECK_EQ(pid, u.pid);
	CHECK_EQ(geteuid(), u.uid);
	CHECK_EQ(getegid(), u.gid);
#else
	ipct_skip("no SO_PASSCRED/SCM_CREDENTIALS on this platform");
#endif
}
IPCT_CASE(scm_credentials_received,
	.id = "socket.scm_credentials_received",
	.asserts = "a receiver with SO_PASSCRED set gets an SCM_CREDENTIALS message holding the sending process's pid, uid and gid with each datagram",
	.spec = "Linux unix(7), SO_PASSCRED, SCM_CREDENTIALS",
	.needs = IPCT_LINUX_ONLY);

static void scm_credentials_forged_eperm(void)
{
#if defined(SO_PEERCRED) && defined(SO_PASSCRED) && defined(SCM_CREDENTIALS)
	int sv[2];
	pid_t pid;

	socket_xpair(SOCK_DGRAM, sv);
	pid = ipct_fork();
	if (pid == 0) {
		struct ucred u;

		ipct_drop_privileges();
		/* The parent's pid: not ours, and we have no privilege. */
		u.pid = getppid();
		u.uid = geteuid();
		u.gid = getegid();
		CHECK_FAILS(socket_send_cmsg(sv[0], SCM_CREDENTIALS, &u, sizeof u),
			    EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
#else
	ipct_skip("no SO_PASSCRED/SCM_CREDENTIALS on this platform");
#endif
}
IPCT_CASE(scm_credentials_forged_eperm,
	.id = "socket.scm_credentials_forged_eperm",
	.asserts = "an unprivileged sender that puts another process's pid in SCM_CREDENTIALS has sendmsg() fail with EPERM",
	.spec = "Linux unix(7), SCM_CREDENTIALS (only a privileged process may specify other values)",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV);

static void getpeereid_reports_peer(void)
{
	int sv[2];
	uid_t u = (uid_t)-1;
	gid_t g = (gid_t)-1;

	socket_xpair(SOCK_STREAM, sv);
	CHECK_OK(getpeereid(sv[0], &u, &g));
	CHECK_EQ(geteuid(), u);
	CHECK_EQ(getegid(), g);
}
IPCT_CASE(getpeereid_reports_peer,
	.id = "socket.getpeereid_reports_peer",
	.asserts = "getpeereid() on a connected AF_UNIX socket reports the effective uid and gid of its peer",
	.spec = "BSD getpeereid(3) (where available)",
	.requires = { IPCT_HAVE(HAVE_GETPEEREID) });

IPCT_CASES(&ipct_case_peercred_socketpair, &ipct_case_peercred_connect,
	&ipct_case_scm_credentials_received,
	&ipct_case_scm_credentials_forged_eperm,
	&ipct_case_getpeereid_reports_peer);
