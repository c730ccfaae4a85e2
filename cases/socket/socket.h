/* SPDX-License-Identifier: MIT
 * cases/socket/socket.h - setup helpers shared by the socket cases.  Each
 * is fatal ("broken") when the setup call fails; none of them is the
 * behaviour under test.
 */
#ifndef CASES_SOCKET_SOCKET_H
#define CASES_SOCKET_SOCKET_H

#include "ipct.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

/* socketpair(AF_UNIX, type, 0, sv) or broken. */
static inline void socket_xpair(int type, int sv[2])
{
	if (socketpair(AF_UNIX, type, 0, sv) != 0)
		IPCT_BROKEN("socketpair(AF_UNIX, %d): %s", type,
			    ipct_errname(errno));
}

/* socket(domain, type, 0) or broken. */
static inline int socket_xsocket(int domain, int type)
{
	int fd = socket(domain, type, 0);

	if (fd < 0)
		IPCT_BROKEN("socket(%d, %d, 0): %s", domain, type,
			    ipct_errname(errno));
	return fd;
}

/* Fill an AF_UNIX address for path (relative paths resolve in the case's
 * private directory, its cwd); returns the length to pass. */
static inline socklen_t socket_xunaddr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof a->sun_path)
		IPCT_BROKEN("socket path too long: %s", path);
	strcpy(a->sun_path, path);
	return (socklen_t)sizeof *a;
}

/* A new AF_UNIX socket of `type` bound to path, or broken. */
static inline int socket_xbound(int type, const char *path)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, path);
	int fd = socket_xsocket(AF_UNIX, type);

	if (bind(fd, (struct sockaddr *)&a, len) != 0)
		IPCT_BROKEN("bind(%s): %s", path, ipct_errname(errno));
	return fd;
}

/* A listening AF_UNIX socket of `type` at path, or broken. */
static inline int socket_xlistener(int type, const char *path)
{
	int fd = socket_xbound(type, path);

	if (listen(fd, 8) != 0)
		IPCT_BROKEN("listen(%s): %s", path, ipct_errname(errno));
	return fd;
}

/* A new AF_UNIX socket of `type` connected to path, or broken. */
static inline int socket_xconnect(int type, const char *path)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, path);
	int fd = socket_xsocket(AF_UNIX, type);

	if (connect(fd, (struct sockaddr *)&a, len) != 0)
		IPCT_BROKEN("connect(%s): %s", path, ipct_errname(errno));
	return fd;
}

/* accept() or broken. */
static inline int socket_xaccept(int lfd)
{
	int fd = accept(lfd, NULL, NULL);

	if (fd < 0)
		IPCT_BROKEN("accept: %s", ipct_errname(errno));
	return fd;
}

/* A stream connection through a named listener: *client and *server are
 * the two connected ends; the listener is closed. */
static inline void socket_xconnected(int type, const char *path, int *client,
				 int *server)
{
	int l = socket_xlistener(type, path);

	*client = socket_xconnect(type, path);
	*server = socket_xaccept(l);
	ipct_xclose(l);
}

/* A socket of `type` bound to 127.0.0.1 with an ephemeral port; the
 * bound address is stored in *a. */
static inline int socket_xloopback(int type, struct sockaddr_in *a)
{
	socklen_t len = sizeof *a;
	int fd = socket_xsocket(AF_INET, type);

	memset(a, 0, sizeof *a);
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	a->sin_port = 0;
	if (bind(fd, (struct sockaddr *)a, sizeof *a) != 0)
		IPCT_BROKEN("bind(127.0.0.1:0): %s", ipct_errname(errno));
	if (getsockname(fd, (struct sockaddr *)a, &len) != 0)
		IPCT_BROKEN("getsockname: %s", ipct_errname(errno));
	return fd;
}

/* An int socket option, or broken. */
static inline int socket_xgetint(int fd, int level, int opt)
{
	int v = 0;
	socklen_t len = sizeof v;

	if (getsockopt(fd, level, opt, &v, &len) != 0)
		IPCT_BROKEN("getsockopt(%d, %d): %s", level, opt,
			    ipct_errname(errno));
	return v;
}

/* Room for the data of one control message built by socket_send_cmsg. */
#define SOCKET_CMSG_MAX 64

/* sendmsg() of the one byte 'F' with one SOL_SOCKET control message of
 * `type` (SCM_RIGHTS: an array of descriptors; SCM_CREDENTIALS: a struct
 * ucred) carrying the `len` bytes at `data`.  Returns sendmsg()'s value,
 * errno as it set it: the call may be the behaviour under test. */
static inline ssize_t socket_send_cmsg(int sock, int type, const void *data,
				       size_t len)
{
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(SOCKET_CMSG_MAX)];
	} c;
	struct iovec iov = { .iov_base = "F", .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *h;

	if (len > SOCKET_CMSG_MAX)
		IPCT_BROKEN("socket_send_cmsg: %zu bytes of data do not fit", len);
	memset(&c, 0, sizeof c);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = c.buf;
	m.msg_controllen = CMSG_SPACE(len);
	h = CMSG_FIRSTHDR(&m);
	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = type;
	h->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(h), data, len);
	return sendmsg(sock, &m, 0);
}

/* As socket_send_cmsg, fatal unless the byte went out. */
static inline void socket_xsend_cmsg(int sock, int type, const void *data,
				     size_t len)
{
	if (socket_send_cmsg(sock, type, data, len) != 1)
		IPCT_BROKEN("sendmsg(control message type %d): %s", type,
			    ipct_errname(errno));
}

#endif /* CASES_SOCKET_SOCKET_H */
