/* SPDX-License-Identifier: MIT
 * lib/ref/fifo.c - reference use of FIFOs: a client/server pair that
 * meets by path name.
 *
 * Design.
 *
 *   well-known FIFO   created by the server (mode 0600).  Every client
 *                     writes fixed-size requests to it, one write() per
 *                     request.  A request is at most _POSIX_PIPE_BUF
 *                     bytes, so the system writes it atomically and the
 *                     requests of concurrent clients never interleave;
 *                     the server reads one whole record at a time.
 *   reply FIFO        one per client, created by the client, named in
 *                     its request.  The server opens it, writes one
 *                     fixed-size reply (atomic for the same reason) and
 *                     closes it; the client removes it afterwards.
 *
 * End-of-file churn.  A FIFO reader sees end-of-file whenever the last
 * writer closes, so a server that only reads would see EOF after every
 * client and have to reopen (and block in open) again.  Instead the server
 * opens its FIFO for writing as well and keeps that descriptor: there is
 * always a writer, read() simply blocks while no client is sending, and
 * the server stops on an explicit shutdown request rather than on EOF.
 * The client does the same on its reply FIFO, so its blocking read()
 * cannot return a spurious EOF before the server has opened the reply
 * FIFO; it waits for the reply record itself.
 *
 * Never blocking on the other side.  Both ends are opened with
 * O_NONBLOCK where the peer may be missing: the client opens the server's
 * FIFO with O_WRONLY|O_NONBLOCK and gets ENXIO (or ENOENT) at once when no
 * server is running, instead of hanging in open(); the server opens a
 * reply FIFO with O_WRONLY|O_NONBLOCK and drops the reply with ENXIO when
 * the client has gone, instead of waiting forever for a dead client.  The
 * server checks that what it opened really is a FIFO (a client could name
 * any file) and does not follow symbolic links.  A vanished client can
 * also close between that open and the write: the server process must
 * ignore SIGPIPE and treats EPIPE as "client gone".
 *
 * Every descriptor is opened with O_CLOEXEC so that a program the server
 * or client runs does not hold FIFO ends and keep EOF or EPIPE from
 * happening.
 *
 * Cleanup: the client unlinks its reply FIFO on every path once it
 * created it; the server unlinks the well-known FIFO in
 * ref_fifo_server_close().  Data still in a FIFO disappears with its last
 * close; nothing is ever stored in the file system.
 */
#define _XOPEN_SOURCE 700
#include "ref/fifo.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

_Static_assert(sizeof(struct ref_fifo_request) <= _POSIX_PIPE_BUF,
	       "a request must be written atomically on every system");
_Static_assert(sizeof(struct ref_fifo_reply) <= _POSIX_PIPE_BUF,
	       "a reply must be written atomically on every system");

/* Read exactly len bytes; 0 at end-of-file before any byte, -1 with errno
 * (EIO for end-of-file in the middle of a record). */
static ssize_t read_record(int fd, void *buf, size_t len)
{
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		n = read(fd, (char *)buf + got, len - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0) {
			if (got == 0)
				return 0;
			errno = EIO;
			return -1;
		}
		got += (size_t)n;
	}
	return (ssize_t)got;
}

/* One write() of a whole record (atomic: at most PIPE_BUF bytes). */
static int write_record(int fd, const void *buf, size_t len)
{
	ssize_t n;

	do
		n = write(fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return -1;
	if ((size_t)n != len) { /* cannot happen for len <= PIPE_BUF */
		errno = EIO;
		return -1;
	}
	return 0;
}

static int clear_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -1;
	return fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

/* close() that keeps the errno of an earlier failure. */
static void close_keep_errno(int fd)
{
	int saved = errno;

	if (fd >= 0)
		close(fd);
	errno = saved;
}

/* Open both ends of the FIFO at path for the caller's own use: a read
 * end (blocking) and a write end that only keeps a writer present. */
static int open_both_ends(const char *path, int *rd, int *wr)
{
	/* O_RDONLY|O_NONBLOCK never waits for a writer; once we are a
	 * reader, O_WRONLY|O_NONBLOCK cannot fail with ENXIO. */
	*rd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (*rd < 0)
		return -1;
	*wr = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (*wr < 0 || clear_nonblock(*rd) != 0) {
		close_keep_errno(*wr);
		close_keep_errno(*rd);
		return -1;
	}
	return 0;
}

int ref_fifo_server_open(struct ref_fifo_server *s, const char *path)
{
	if (strlen(path) >= sizeof s->path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(s->path, path);
	s->served = 0;
	s->rd = s->keep_wr = -1;
	if (mkfifo(path, 0600) != 0)
		return -1;
	if (open_both_ends(path, &s->rd, &s->keep_wr) != 0) {
		int saved = errno;

		unlink(path);
		errno = saved;
		return -1;
	}
	return 0;
}

static void upper(const char *in, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; in[i] && i + 1 < outlen; i++)
		out[i] = (char)toupper((unsigned char)in[i]);
	out[i] = '\0';
}

/* Deliver one reply; a client that has gone is not an error. */
static void send_reply(const char *reply_path, const struct ref_fifo_reply *r)
{
	struct stat st;
	int fd;

	fd = open(reply_path, O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return; /* ENXIO: no reader any more; ENOENT: removed */
	/* Only ever write into a FIFO, whatever path a client sent. */
	if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode))
		(void)write_record(fd, r, sizeof *r); /* EPIPE: client gone */
	close(fd);
}

long ref_fifo_server_run(struct ref_fifo_server *s)
{
	struct ref_fifo_request req;
	struct ref_fifo_reply rep;
	ssize_t n;

	for (;;) {
		/* Blocks while no client writes: keep_wr is always open,
		 * so read() never returns end-of-file here. */
		n = read_record(s->rd, &req, sizeof req);
		if (n < 0)
			return -1;
		if (n == 0) { /* only if someone closed keep_wr */
			errno = EIO;
			return -1;
		}
		if (req.op == REF_FIFO_OP_SHUTDOWN)
			return (long)s->served;
		/* The record came from another process: terminate its
		 * strings before using them. */
		req.reply_path[sizeof req.reply_path - 1] = '\0';
		req.text[sizeof req.text - 1] = '\0';
		memset(&rep, 0, sizeof rep);
		rep.client = req.client;
		if (req.op == REF_FIFO_OP_WORK)
			upper(req.text, rep.text, sizeof rep.text);
		else
			rep.status = EINVAL;
		send_reply(req.reply_path, &rep);
		s->served++;
	}
}

int ref_fifo_server_close(struct ref_fifo_server *s)
{
	int rc = 0;

	if (s->keep_wr >= 0 && close(s->keep_wr) != 0)
		rc = -1;
	if (s->rd >= 0 && close(s->rd) != 0)
		rc = -1;
	s->rd = s->keep_wr = -1;
	if (unlink(s->path) != 0)
		rc = -1;
	return rc;
}

/* Open the server's FIFO for writing without waiting for a server. */
static int open_server(const char *server_path)
{
	int fd = open(server_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return -1; /* ENXIO or ENOENT: no server is running */
	/* Blocking from here: a full FIFO makes us wait, not fail. */
	if (clear_nonblock(fd) != 0) {
		close_keep_errno(fd);
		return -1;
	}
	return fd;
}

int ref_fifo_client_call(const char *server_path, const char *reply_path,
			 unsigned client, const char *text, char *reply,
			 size_t len)
{
	struct ref_fifo_request req;
	struct ref_fifo_reply rep;
	int rd = -1, keep = -1, srv = -1;
	ssize_t n;

	if (strlen(reply_path) >= sizeof req.reply_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (strlen(text) >= sizeof req.text) {
		errno = EMSGSIZE;
		return -1;
	}
	memset(&req, 0, sizeof req);
	req.op = REF_FIFO_OP_WORK;
	req.client = client;
	strcpy(req.reply_path, reply_path);
	strcpy(req.text, text);

	if (mkfifo(reply_path, 0600) != 0)
		return -1;
	/* Reply ends first, so the server can open the reply FIFO the
	 * moment it reads the request. */
	if (open_both_ends(reply_path, &rd, &keep) != 0)
		goto fail;
	srv = open_server(server_path);
	if (srv < 0)
		goto fail;
	if (write_record(srv, &req, sizeof req) != 0)
		goto fail;
	close(srv);
	srv = -1;
	/* Waits for the reply record; our own write end rules out EOF.  A
	 * client that must not wait forever for a dead server would poll()
	 * rd with a timeout first. */
	n = read_record(rd, &rep, sizeof rep);
	if (n != (ssize_t)sizeof rep) {
		if (n >= 0)
			errno = EIO;
		goto fail;
	}
	if (rep.client != client) {
		errno = EBADMSG;
		goto fail;
	}
	rep.text[sizeof rep.text - 1] = '\0';
	if (len > 0) {
		strncpy(reply, rep.text, len - 1);
		reply[len - 1] = '\0';
	}
	close(keep);
	close(rd);
	if (unlink(reply_path) != 0)
		return -1;
	return rep.status;

fail:
	close_keep_errno(srv);
	close_keep_errno(keep);
	close_keep_errno(rd);
	{
		int saved = errno;

		unlink(reply_path);
		errno = saved;
	}
	return -1;
}

int ref_fifo_client_shutdown(const char *server_path)
{
	struct ref_fifo_request req;
	int fd, rc;

	memset(&req, 0, sizeof req);
	req.op = REF_FIFO_OP_SHUTDOWN;
	fd = open_server(server_path);
	if (fd < 0)
		return -1;
	rc = write_record(fd, &req, sizeof req);
	close_keep_errno(fd);
	return rc;
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_CLIENTS 3

static const char *const demo_texts[DEMO_CLIENTS] = {
	"hello fifo",
	"one reply fifo per client",
	"requests fit in pipe_buf",
};

/* A line for the transcript, written to the results pipe in one write()
 * (shorter than PIPE_BUF, so lines of different processes stay whole). */
static void post_line(int fd, const char *line)
{
	(void)write_record(fd, line, strlen(line));
}

static void demo_server(const char *path, int ready, int results)
{
	struct ref_fifo_server s;
	char line[128];
	long n;

	signal(SIGPIPE, SIG_IGN); /* a client may vanish before its reply */
	if (ref_fifo_server_open(&s, path) != 0)
		_exit(1);
	if (write_record(ready, "r", 1) != 0)
		_exit(1);
	close(ready);
	n = ref_fifo_server_run(&s);
	if (ref_fifo_server_close(&s) != 0 || n < 0)
		_exit(1);
	snprintf(line, sizeof line, "server: stopped after %ld requests\n",
		 n);
	post_line(results, line);
	_exit(0);
}

static void demo_client(const char *dir, const char *server_path,
			unsigned client, int results)
{
	char reply_path[REF_FIFO_PATH_MAX], reply[REF_FIFO_TEXT_MAX];
	char line[256];
	int status;

	signal(SIGPIPE, SIG_IGN); /* the server may stop while we write */
	/* A real client makes its reply FIFO unique with its pid. */
	snprintf(reply_path, sizeof reply_path, "%s/client.%ld.fifo", dir,
		 (long)getpid());
	status = ref_fifo_client_call(server_path, reply_path, client,
				      demo_texts[client - 1], reply,
				      sizeof reply);
	if (status != 0)
		_exit(1);
	snprintf(line, sizeof line, "client %u: sent \"%s\", got \"%s\"\n",
		 client, demo_texts[client - 1], reply);
	post_line(results, line);
	_exit(0);
}

static int reap_ok(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the results pipe to EOF and print its lines sorted. */
static int print_sorted(FILE *out, int fd)
{
	char buf[4096], *lines[16], *p, *save = NULL;
	size_t got = 0;
	ssize_t n;
	int count = 0, i;

	while ((n = read(fd, buf + got, sizeof buf - 1 - got)) > 0)
		got += (size_t)n;
	if (n < 0)
		return -1;
	buf[got] = '\0';
	for (p = strtok_r(buf, "\n", &save); p && count < 16;
	     p = strtok_r(NULL, "\n", &save))
		lines[count++] = p;
	qsort(lines, (size_t)count, sizeof lines[0], cmp_lines);
	for (i = 0; i < count; i++)
		fprintf(out, "%s\n", lines[i]);
	return count;
}

/* FIFOs of the demo still present in dir. */
static int count_fifos(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t len;
	int count = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len > 5 && strcmp(e->d_name + len - 5, ".fifo") == 0)
			count++;
	}
	closedir(d);
	return count;
}

int ref_fifo_demo_client_server(FILE *out, const char *dir)
{
	char server_path[REF_FIFO_PATH_MAX];
	pid_t server, clients[DEMO_CLIENTS];
	int ready[2], results[2], rc = 0, started = 0, lines, left, i;
	char c;

	if ((size_t)snprintf(server_path, sizeof server_path,
			     "%s/server.fifo", dir) >= sizeof server_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if (pipe(ready) != 0)
		return -1;
	if (pipe(results) != 0) {
		close_keep_errno(ready[0]);
		close_keep_errno(ready[1]);
		return -1;
	}
	fprintf(out, "fifo client/server: 1 server, %d clients\n",
		DEMO_CLIENTS);
	fflush(out); /* children must not inherit buffered output */

	server = fork();
	if (server == 0) {
		close(ready[0]);
		close(results[0]);
		demo_server(server_path, ready[1], results[1]);
	}
	close(ready[1]);
	/* The clients start once the well-known FIFO exists and is open. */
	if (server < 0 || read(ready[0], &c, 1) != 1)
		rc = -1;
	close(ready[0]);

	for (i = 0; rc == 0 && i < DEMO_CLIENTS; i++) {
		clients[i] = fork();
		if (clients[i] == 0) {
			close(results[0]);
			demo_client(dir, server_path, (unsigned)i + 1,
				    results[1]);
		}
		if (clients[i] < 0)
			rc = -1;
		else
			started++;
	}
	for (i = 0; i < started; i++)
		if (reap_ok(clients[i]) != 0)
			rc = -1;
	/* Shut the server down even after a failure, so it can clean up. */
	if (server > 0) {
		if (ref_fifo_client_shutdown(server_path) != 0) {
			rc = -1;
			kill(server, SIGTERM);
		}
		if (reap_ok(server) != 0)
			rc = -1;
	}
	close(results[1]);
	lines = print_sorted(out, results[0]);
	close(results[0]);
	if (lines != DEMO_CLIENTS + 1)
		rc = -1;
	left = count_fifos(dir);
	fprintf(out, "fifos left in the directory: %d\n", left);
	if (left != 0)
		rc = -1;
	if (rc != 0 && errno == 0)
		errno = EIO;
	return rc;
}
