/* SPDX-License-Identifier: MIT
 * lib/ref/socket.c - reference use of Unix-domain sockets.
 *
 * Echo server, the pattern:
 *
 *   - One process, one poll() loop over the listening socket and every
 *     client.  poll() says which sockets are ready; each ready socket gets
 *     exactly one read() per wake-up, so no client can starve the others
 *     and the server never blocks on a client that has nothing to say.
 *
 *   - The listening socket being readable means a connection is queued:
 *     accept() it and add it to the set.  When the set is full the
 *     listener is left out of the poll set, so further clients wait in the
 *     kernel's listen backlog instead of being accepted and dropped.
 *
 *   - A read() of 0 is the client's end-of-file (it closed or shut down
 *     its sending side): close that client and count it served.  POLLHUP
 *     and POLLERR are treated as "read now": the read() then reports the
 *     end-of-file or the error, which is simpler than decoding revents.
 *
 *   - The echo write uses MSG_NOSIGNAL: a client that disappears while
 *     being answered makes send() fail with EPIPE instead of killing the
 *     whole server with SIGPIPE.  That client is then dropped.
 *
 *   - Both sockets are created close-on-exec so a server that runs other
 *     programs does not leak them; the socket file is a name in the file
 *     system, not part of the socket, so whoever bound it unlinks it.
 *
 * Descriptor passing, the pattern:
 *
 *   - The descriptor travels as an SCM_RIGHTS control message built with
 *     the CMSG_* macros in a buffer aligned for struct cmsghdr (a union),
 *     with one byte of ordinary data: a stream socket carries no control
 *     message without data.
 *
 *   - The receiver's control buffer is sized with CMSG_SPACE for what it
 *     expects and it checks MSG_CTRUNC: descriptors that do not fit are
 *     closed by the kernel, and silently losing one is a bug.
 *
 *   - The message in flight holds its own reference, so the sender may
 *     close its descriptor as soon as sendmsg() returns; the receiver gets
 *     a new descriptor for the same open file description.
 */
#define _XOPEN_SOURCE 700
#include "ref/socket.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

/* A new AF_UNIX stream socket, close-on-exec: atomically with
 * SOCK_CLOEXEC where the platform has it (POSIX.1-2024), else with
 * fcntl() right after (a thread exec'ing in between could leak it). */
static int unix_stream_socket(void)
{
#ifdef SOCK_CLOEXEC
	return socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
#else
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) != 0) {
		int saved = errno;

		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
#endif
}

/* Fill a for path; -1 with ENAMETOOLONG when it does not fit. */
static int unix_addr(struct sockaddr_un *a, const char *path)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof a->sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(a->sun_path, path);
	return 0;
}

/* close() that keeps the errno of an earlier failure. */
static void close_keep_errno(int fd)
{
	int saved = errno;

	close(fd);
	errno = saved;
}

int ref_socket_listen(const char *path, int backlog)
{
	struct sockaddr_un a;
	int fd;

	if (unix_addr(&a, path) != 0)
		return -1;
	fd = unix_stream_socket();
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close_keep_errno(fd);
		return -1;
	}
	if (listen(fd, backlog) != 0) {
		close_keep_errno(fd);
		unlink(path);
		return -1;
	}
	return fd;
}

int ref_socket_connect(const char *path)
{
	struct sockaddr_un a;
	int fd;

	if (unix_addr(&a, path) != 0)
		return -1;
	fd = unix_stream_socket();
	if (fd < 0)
		return -1;
	/* A signal may interrupt connect(); the connection then completes
	 * in the background, so waiting for it would need poll().  The
	 * demo processes take no signals, so a plain call suffices. */
	if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
		close_keep_errno(fd);
		return -1;
	}
	return fd;
}

/* Send all of buf to a client; -1 with errno when it went away. */
static int send_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = send(fd, buf, len, MSG_NOSIGNAL);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

int ref_socket_echo_serve(int lfd, int clients)
{
	/* p[0] is the listener, p[1..n] the connected clients. */
	struct pollfd p[1 + REF_SOCKET_MAX_CLIENTS];
	int n = 0, served = 0, i;
	char buf[512];

	p[0].fd = lfd;
	p[0].events = POLLIN;
	while (served < clients) {
		/* Full: leave new clients in the backlog (poll ignores fd -1). */
		p[0].fd = n < REF_SOCKET_MAX_CLIENTS ? lfd : -1;
		for (i = 0; i <= n; i++)
			p[i].revents = 0;
		if (poll(p, (nfds_t)(n + 1), -1) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		/* Clients first, from the end, so removing one (by moving the
		 * last into its slot) never skips an unvisited entry. */
		for (i = n; i >= 1; i--) {
			ssize_t got;

			if (!p[i].revents)
				continue;
			got = read(p[i].fd, buf, sizeof buf);
			if (got < 0 && errno == EINTR)
				continue;
			if (got > 0 && send_all(p[i].fd, buf, (size_t)got) == 0)
				continue;
			/* End-of-file, or an error on this client: drop it. */
			close(p[i].fd);
			p[i] = p[n];
			n--;
			served++;
		}
		if (p[0].revents & POLLIN) {
			int c = accept(lfd, NULL, NULL);

			if (c >= 0) {
				n++;
				p[n].fd = c;
				p[n].events = POLLIN;
				p[n].revents = 0;
			} else if (errno != EINTR && errno != ECONNABORTED) {
				for (i = 1; i <= n; i++)
					close_keep_errno(p[i].fd);
				return -1;
			}
		}
	}
	/* Clients beyond the count are not ours to serve: close them. */
	for (i = 1; i <= n; i++)
		close(p[i].fd);
	return 0;
}

int ref_socket_send_fd(int sock, int fd)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} control;
	struct iovec iov = { .iov_base = "F", .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *c;
	ssize_t n;

	memset(&control, 0, sizeof control);
	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = control.buf;
	m.msg_controllen = sizeof control.buf;
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof fd);
	do
		n = sendmsg(sock, &m, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	return n == 1 ? 0 : -1;
}

int ref_socket_recv_fd(int sock)
{
	union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(int))];
	} control;
	char byte;
	struct iovec iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m;
	struct cmsghdr *c;
	ssize_t n;
	int fd = -1;

	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = control.buf;
	m.msg_controllen = sizeof control.buf;
	do
		n = recvmsg(sock, &m, 0);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if (n == 0) {
		errno = EPIPE;
		return -1;
	}
	for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
		    c->cmsg_len >= CMSG_LEN(sizeof(int)))
			memcpy(&fd, CMSG_DATA(c), sizeof fd);
	if (m.msg_flags & MSG_CTRUNC) {
		if (fd >= 0)
			close(fd);
		errno = EMSGSIZE;
		return -1;
	}
	if (fd < 0)
		errno = EBADMSG;
	return fd;
}

/* dir/leaf into buf; -1 with ENAMETOOLONG if it does not fit. */
static int join(char *buf, size_t size, const char *dir, const char *leaf)
{
	if ((size_t)snprintf(buf, size, "%s/%s", dir, leaf) >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

/* Wait for pid, resuming after signals; its status, -1 with errno. */
static int reap(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* Read fd to end-of-file into buf (NUL-terminated); bytes read, -1. */
static ssize_t read_to_eof(int fd, char *buf, size_t size)
{
	size_t len = 0;

	while (len + 1 < size) {
		ssize_t n = read(fd, buf + len, size - 1 - len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	return (ssize_t)len;
}

#define ECHO_CLIENTS 3

/* The messages each demo client sends, one at a time. */
static const char *const echo_script[ECHO_CLIENTS][4] = {
	{ "hello", "from client one", NULL },
	{ "a single message", NULL },
	{ "three", "short", "messages", NULL },
};

/* Demo client `idx`: connect, send each scripted message and read its
 * echo back, and report each exchange as a line on fd `report`. */
static int echo_client(const char *path, int idx, int report)
{
	char line[160], back[64];
	int s = ref_socket_connect(path), i;

	if (s < 0)
		return 1;
	for (i = 0; echo_script[idx][i]; i++) {
		const char *msg = echo_script[idx][i];
		size_t len = strlen(msg), got = 0;

		if (send_all(s, msg, len) != 0)
			return 1;
		/* A stream may split the echo: read until all of it is back. */
		while (got < len) {
			ssize_t n = read(s, back + got, len - got);

			if (n <= 0)
				return 1;
			got += (size_t)n;
		}
		back[got] = '\0';
		snprintf(line, sizeof line, "client %d: sent \"%s\", echoed \"%s\"\n",
			 idx + 1, msg, back);
		if (write(report, line, strlen(line)) != (ssize_t)strlen(line))
			return 1;
	}
	/* End-of-file for the server: this client is done. */
	close(s);
	return 0;
}

int ref_socket_demo_echo(FILE *out, const char *dir)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char text[ECHO_CLIENTS][1024];
	int report[ECHO_CLIENTS][2], lfd, i, status, failed = 0, err = 0;
	pid_t server, client[ECHO_CLIENTS];

	if (join(path, sizeof path, dir, "echo.sock") != 0)
		return -1;
	lfd = ref_socket_listen(path, ECHO_CLIENTS);
	if (lfd < 0)
		return -1;
	fprintf(out, "server: listening on echo.sock\n");
	/* Nothing buffered may be duplicated into the children. */
	fflush(out);
	server = fork();
	if (server < 0) {
		err = errno;
		close(lfd);
		unlink(path);
		errno = err;
		return -1;
	}
	if (server == 0)
		_exit(ref_socket_echo_serve(lfd, ECHO_CLIENTS) == 0 ? 0 : 1);
	close(lfd);

	/* All clients run at once; each reports through its own pipe so the
	 * transcript can be printed in client order. */
	for (i = 0; i < ECHO_CLIENTS; i++) {
		client[i] = -1;
		if (pipe(report[i]) != 0) {
			err = errno;
			break;
		}
		client[i] = fork();
		if (client[i] < 0) {
			err = errno;
			close(report[i][0]);
			close(report[i][1]);
			break;
		}
		if (client[i] == 0) {
			int j;

			for (j = 0; j < i; j++)
				close(report[j][0]);
			close(report[i][0]);
			_exit(echo_client(path, i, report[i][1]));
		}
		close(report[i][1]);
	}
	for (i = 0; i < ECHO_CLIENTS && client[i] > 0; i++) {
		if (read_to_eof(report[i][0], text[i], sizeof text[i]) < 0)
			err = errno;
		close(report[i][0]);
		status = reap(client[i]);
		if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
		fputs(text[i], out);
		fprintf(out, "client %d: closed\n", i + 1);
	}
	if (err || failed)
		kill(server, SIGTERM); /* it would wait for clients that never come */
	status = reap(server);
	unlink(path);
	if (err) {
		errno = err;
		return -1;
	}
	if (failed || status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		errno = EPROTO;
		return -1;
	}
	fprintf(out, "server: served %d clients and stopped\n", ECHO_CLIENTS);
	fprintf(out, "socket file removed\n");
	return 0;
}

#define PASS_MESSAGE "written through a passed descriptor"

/* The second process: connect, take the descriptor, write into it. */
static int pass_receiver(const char *path)
{
	int s = ref_socket_connect(path), fd;
	size_t len = strlen(PASS_MESSAGE);

	if (s < 0)
		return 1;
	fd = ref_socket_recv_fd(s);
	close(s);
	if (fd < 0)
		return 1;
	if (write(fd, PASS_MESSAGE, len) != (ssize_t)len)
		return 1;
	/* The last write end: the first process sees end-of-file. */
	close(fd);
	return 0;
}

int ref_socket_demo_pass_fd(FILE *out, const char *dir)
{
	char path[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char got[128];
	int lfd, s = -1, p[2] = { -1, -1 }, status, err = 0;
	pid_t second;

	if (join(path, sizeof path, dir, "pass.sock") != 0)
		return -1;
	lfd = ref_socket_listen(path, 1);
	if (lfd < 0)
		return -1;
	fprintf(out, "first: listening on pass.sock\n");
	fflush(out);
	second = fork();
	if (second < 0) {
		err = errno;
		close(lfd);
		unlink(path);
		errno = err;
		return -1;
	}
	if (second == 0) {
		close(lfd);
		_exit(pass_receiver(path));
	}
	s = accept(lfd, NULL, NULL);
	close(lfd);
	/* The pipe is made after the fork: the second process can only get
	 * it through the socket. */
	if (s < 0 || pipe(p) != 0) {
		err = errno;
		goto out;
	}
	fprintf(out, "first: accepted the second process, opened a pipe\n");
	if (ref_socket_send_fd(s, p[1]) != 0) {
		err = errno;
		goto out;
	}
	close(p[1]);
	p[1] = -1;
	fprintf(out, "first: sent the pipe's write end and closed its own copy\n");
	if (read_to_eof(p[0], got, sizeof got) < 0) {
		err = errno;
		goto out;
	}
	fprintf(out, "first: read \"%s\"\n", got);
	fprintf(out, "first: end-of-file once the second process closed the write end\n");
out:
	if (s >= 0)
		close(s);
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	/* Closing s made a still-waiting second process fail and exit. */
	status = reap(second);
	unlink(path);
	if (err) {
		errno = err;
		return -1;
	}
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		errno = EPROTO;
		return -1;
	}
	fprintf(out, "second: exited 0\n");
	fprintf(out, "socket file removed\n");
	return 0;
}
