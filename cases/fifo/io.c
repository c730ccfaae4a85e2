/* SPDX-License-Identifier: MIT
 * cases/fifo/io.c - I/O through a FIFO between unrelated processes: the
 * peers are separately exec'd programs (this binary's helper modes) that
 * open the FIFO by its path.  End-of-file, SIGPIPE and EPIPE, PIPE_BUF
 * atomicity, what survives the last close, unlink while open, poll(),
 * and what stat() reports.
 * Sources: POSIX.1-2024 read(), write(), close(), unlink(), poll(),
 * fpathconf(); Linux fifo(7) and pipe(7).
 *
 * Helpers are told when to act through two inherited pipes whose
 * descriptor numbers they receive as arguments: they post one byte on
 * "ready" and wait for one byte on "go".  The case opens its own FIFO
 * descriptors with O_CLOEXEC so that no helper holds an end by accident.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"

#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIFO "fifo"

/* ------------------------------------------------------------------ */
/* Helper side                                                         */

static int arg_fd(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 0 || v > INT_MAX)
		IPCT_BROKEN("bad descriptor argument '%s'", s);
	return (int)v;
}

/* peer MODE PATH SCRIPT DATA READYFD GOFD
 * MODE "r" or "w" selects how 'o' opens PATH.  SCRIPT is run one letter
 * at a time: o open, r post ready, g wait for go, w write DATA in one
 * write(), e read to end-of-file and compare with DATA, d read to
 * end-of-file discarding the data, c close. */
static int peer_main(int argc, char **argv)
{
	const char *mode, *path, *script, *data;
	int ready, go, fd = -1;
	size_t len;

	CHECK_EQ(7, argc);
	mode = argv[1];
	path = argv[2];
	script = argv[3];
	data = argv[4];
	ready = arg_fd(argv[5]);
	go = arg_fd(argv[6]);
	len = strlen(data);
	for (; *script; script++) {
		switch (*script) {
		case 'o':
			CHECK_OK(fd = open(path, *mode == 'w' ? O_WRONLY
							      : O_RDONLY));
			break;
		case 'r':
			ipct_xwrite_all(ready, "r", 1);
			break;
		case 'g': {
			char c;

			ipct_xread_all(go, &c, 1);
			break;
		}
		case 'w':
			CHECK_RET(write(fd, data, len), len);
			break;
		case 'e': {
			char *buf = malloc(len + 1);
			size_t got = 0;
			ssize_t n;

			if (!buf)
				IPCT_BROKEN("malloc(%zu)", len + 1);
			/* Up to one byte more than expected shows extra data. */
			while ((n = read(fd, buf + got, len + 1 - got)) > 0)
				got += (size_t)n;
			CHECK_RET(n, 0);
			CHECK_EQU(len, got);
			CHECK_MEM(data, buf, len);
			free(buf);
			break;
		}
		case 'd': {
			char buf[4096];
			ssize_t n;

			while ((n = read(fd, buf, sizeof buf)) > 0)
				;
			CHECK_RET(n, 0);
			break;
		}
		case 'c':
			CHECK_OK(close(fd));
			fd = -1;
			break;
		default:
			IPCT_BROKEN("bad script letter '%c'", *script);
		}
	}
	return 0;
}
IPCT_HELPER(peer_main, "peer");

/* records PATH LETTER COUNT SIZE READYFD GOFD: open PATH for writing,
 * post ready, wait for go, then write COUNT records of SIZE bytes each
 * filled with LETTER, one write() per record. */
static int records_main(int argc, char **argv)
{
	int fd, ready, go, count, i;
	size_t size;
	char *rec, c;

	CHECK_EQ(7, argc);
	count = atoi(argv[3]);
	size = (size_t)atol(argv[4]);
	ready = arg_fd(argv[5]);
	go = arg_fd(argv[6]);
	rec = malloc(size);
	if (!rec)
		IPCT_BROKEN("malloc(%zu)", size);
	memset(rec, argv[2][0], size);
	CHECK_OK(fd = open(argv[1], O_WRONLY));
	ipct_xwrite_all(ready, "r", 1);
	ipct_xread_all(go, &c, 1);
	for (i = 0; i < count; i++)
		CHECK_RET(write(fd, rec, size), size);
	CHECK_OK(close(fd));
	free(rec);
	return 0;
}
IPCT_HELPER(records_main, "records");

/* counter PATH SIZE READYFD RESULTFD: open PATH for reading, post ready,
 * read SIZE-byte records until end-of-file, each of which must be filled
 * with one letter, then write the counts of 'a' and 'b' records (two
 * ints, one write) to RESULTFD. */
static int counter_main(int argc, char **argv)
{
	int fd, ready, result, counts[2] = { 0, 0 };
	size_t size, i;
	ssize_t n;
	char *rec;

	CHECK_EQ(5, argc);
	size = (size_t)atol(argv[2]);
	ready = arg_fd(argv[3]);
	result = arg_fd(argv[4]);
	rec = malloc(size);
	if (!rec)
		IPCT_BROKEN("malloc(%zu)", size);
	CHECK_OK(fd = open(argv[1], O_RDONLY));
	ipct_xwrite_all(ready, "r", 1);
	for (;;) {
		size_t got = 0;

		n = 1;
		while (got < size && (n = read(fd, rec + got, size - got)) > 0)
			got += (size_t)n;
		if (n < 0)
			CHECK_ERRNO(errno, 0); /* read() failed */
		if (got == 0)
			break;
		/* A record is never split between two readers here: every
		 * write and every read moves exactly one record. */
		CHECK_EQU(size, got);
		for (i = 1; i < size && rec[i] == rec[0]; i++)
			;
		CHECK_EQU(size, i);
		CHECK(rec[0] == 'a' || rec[0] == 'b');
		counts[rec[0] - 'a']++;
	}
	ipct_xwrite_all(result, counts, sizeof counts);
	CHECK_OK(close(fd));
	free(rec);
	return 0;
}
IPCT_HELPER(counter_main, "counter");

/* sigpipe PATH DISPOSITION READYFD GOFD: open PATH for writing, post
 * ready, wait for go (the reader has closed by then), write one byte.
 * DISPOSITION "default": the write must kill the process with SIGPIPE;
 * "ignore": the write must fail with EPIPE. */
static int sigpipe_main(int argc, char **argv)
{
	int fd, ready, go, ignore;
	sigset_t set;
	char c;

	CHECK_EQ(5, argc);
	ignore = strcmp(argv[2], "ignore") == 0;
	ready = arg_fd(argv[3]);
	go = arg_fd(argv[4]);
	/* exec keeps an ignored disposition and the signal mask: set both. */
	if (signal(SIGPIPE, ignore ? SIG_IGN : SIG_DFL) == SIG_ERR)
		IPCT_BROKEN("signal(SIGPIPE): %s", ipct_errname(errno));
	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	if (sigprocmask(SIG_UNBLOCK, &set, NULL) != 0)
		IPCT_BROKEN("sigprocmask: %s", ipct_errname(errno));
	CHECK_OK(fd = open(argv[1], O_WRONLY));
	ipct_xwrite_all(ready, "r", 1);
	ipct_xread_all(go, &c, 1);
	if (ignore) {
		CHECK_FAILS(write(fd, "x", 1), EPIPE);
		return 0;
	}
	if (write(fd, "x", 1) < 0) {
		/* still alive: the case reports the wrong exit */
	}
	return 3;
}
IPCT_HELPER(sigpipe_main, "sigpipe");

IPCT_HELPERS(&ipct_helper_peer_main, &ipct_helper_records_main,
	     &ipct_helper_counter_main, &ipct_helper_sigpipe_main);

/* ------------------------------------------------------------------ */
/* Case side                                                           */

/* The ready and go pipes of a case, with their numbers as strings. */
struct ctl {
	int ready[2];
	int go[2];
	char readyfd[16];
	char gofd[16];
};

static void ctl_init(struct ctl *c)
{
	ipct_xpipe(c->ready);
	ipct_xpipe(c->go);
	snprintf(c->readyfd, sizeof c->readyfd, "%d", c->ready[1]);
	snprintf(c->gofd, sizeof c->gofd, "%d", c->go[0]);
}

static void ctl_wait_ready(struct ctl *c)
{
	struct pollfd p = { .fd = c->ready[0], .events = POLLIN };
	char ch;

	/* Bounded: a helper that died before posting must not hang us. */
	if (poll(&p, 1, ipct_wait_limit_ms()) != 1)
		IPCT_BROKEN("no helper posted ready within %d ms",
			    ipct_wait_limit_ms());
	ipct_xread_all(c->ready[0], &ch, 1);
}

static void ctl_go(struct ctl *c)
{
	ipct_xwrite_all(c->go[1], "g", 1);
}

static pid_t peer(struct ctl *c, const char *mode, const char *script,
		  const char *data)
{
	return ipct_exec_helper("peer", mode, FIFO, script, data, c->readyfd,
				c->gofd, (char *)NULL);
}

/* The case's read end, opened without blocking and kept from helpers. */
static int open_reader_nonblock(void)
{
	int fd = open(FIFO, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		IPCT_BROKEN("open(%s, O_RDONLY|O_NONBLOCK): %s", FIFO,
			    ipct_errname(errno));
	return fd;
}

static void clear_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0)
		IPCT_BROKEN("fcntl(F_SETFL): %s", ipct_errname(errno));
}

static long read_one(void *arg)
{
	char c;

	return read(*(int *)arg, &c, 1);
}

static void unrelated_writer_to_reader(void)
{
	const char *msg = "a line written by an unrelated process";
	char buf[64];
	struct ctl c;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	pid = peer(&c, "w", "owc", msg);
	/* Blocks until the helper's open: the rendezvous of the two ends. */
	CHECK_OK(rd = open(FIFO, O_RDONLY | O_CLOEXEC));
	ipct_xread_all(rd, buf, strlen(msg));
	CHECK_MEM(msg, buf, strlen(msg));
	CHECK_RET(read(rd, buf, sizeof buf), 0);
	ipct_wait_ok(pid);
}
IPCT_CASE(unrelated_writer_to_reader,
	.id = "fifo.unrelated_writer_to_reader",
	.asserts = "bytes written to a FIFO by an unrelated process that opened it by name are read unchanged by the process that opened it for reading, followed by end-of-file",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION; read(), DESCRIPTION");

static void unrelated_reader_gets_data(void)
{
	const char *msg = "sent to an exec'd reader";
	struct ctl c;
	pid_t pid;
	int w;

	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	pid = peer(&c, "r", "oec", msg);
	CHECK_OK(w = open(FIFO, O_WRONLY | O_CLOEXEC));
	ipct_xwrite_all(w, msg, strlen(msg));
	ipct_xclose(w);
	/* The helper checks the bytes and the end-of-file itself. */
	ipct_wait_ok(pid);
}
IPCT_CASE(unrelated_reader_gets_data,
	.id = "fifo.unrelated_reader_gets_data",
	.asserts = "an unrelated process reading a FIFO by name gets exactly the bytes another process wrote, then end-of-file when that writer closes",
	.spec = "POSIX.1-2024 read(), DESCRIPTION; close(), DESCRIPTION");

static void eof_after_last_writer(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	char buf[2];
	struct ctl c;
	pid_t held, quick;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	held = peer(&c, "w", "owrgc", "A"); /* keeps its end until go */
	quick = peer(&c, "w", "owrc", "B");
	ctl_wait_ready(&c);
	ctl_wait_ready(&c);
	ipct_wait_ok(quick);
	ipct_xread_all(rd, buf, 2);
	CHECK((buf[0] == 'A' && buf[1] == 'B') ||
	      (buf[0] == 'B' && buf[1] == 'A'));
	clear_nonblock(rd);
	/* One writer has closed, one remains: an empty read waits. */
	ipct_block_start(&b, read_one, &rd);
	ipct_block_prove(&b);
	ctl_go(&c);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
	ipct_wait_ok(held);
}
IPCT_CASE(eof_after_last_writer,
	.id = "fifo.eof_after_last_writer",
	.asserts = "a read() on an empty FIFO blocks while any process still has it open for writing and returns 0 when the last writer closes",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void blocked_read_released_by_unrelated_writer(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	struct ctl c;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	pid = peer(&c, "w", "orgwc", "x");
	ctl_wait_ready(&c);
	clear_nonblock(rd);
	ipct_block_start(&b, read_one, &rd);
	ipct_block_prove(&b);
	ctl_go(&c);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(blocked_read_released_by_unrelated_writer,
	.id = "fifo.blocked_read_released_by_unrelated_writer",
	.asserts = "a read() blocked on an empty FIFO returns the data an unrelated writer then writes",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void writer_closes_without_writing(void)
{
	struct ctl c;
	pid_t pid;
	char ch;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	pid = peer(&c, "w", "oc", "");
	CHECK_OK(rd = open(FIFO, O_RDONLY | O_CLOEXEC));
	CHECK_RET(read(rd, &ch, 1), 0);
	ipct_wait_ok(pid);
}
IPCT_CASE(writer_closes_without_writing,
	.id = "fifo.writer_closes_without_writing",
	.asserts = "when the only writer opens a FIFO and closes it without writing, the reader's read() returns 0",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

/* A helper opens for writing and waits; the case reads then closes its
 * read end and lets the helper write. */
static int run_sigpipe_helper(const char *disposition)
{
	struct ctl c;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	pid = ipct_exec_helper("sigpipe", FIFO, disposition, c.readyfd,
			       c.gofd, (char *)NULL);
	CHECK_OK(rd = open(FIFO, O_RDONLY | O_CLOEXEC));
	ctl_wait_ready(&c);
	ipct_xclose(rd);
	ctl_go(&c);
	return ipct_wait(pid);
}

static void sigpipe_last_reader_closed(void)
{
	CHECK_SIGNALED(run_sigpipe_helper("default"), SIGPIPE);
}
IPCT_CASE(sigpipe_last_reader_closed,
	.id = "fifo.sigpipe_last_reader_closed",
	.asserts = "a write() to a FIFO that no process has open for reading any more sends SIGPIPE to the writer, whose default action ends it",
	.spec = "POSIX.1-2024 write(), DESCRIPTION and ERRORS [EPIPE]");

static void epipe_sigpipe_ignored(void)
{
	CHECK_EXITED(run_sigpipe_helper("ignore"), 0);
}
IPCT_CASE(epipe_sigpipe_ignored,
	.id = "fifo.epipe_sigpipe_ignored",
	.asserts = "a write() to a FIFO whose readers have all closed fails with EPIPE when the writer ignores SIGPIPE",
	.spec = "POSIX.1-2024 write(), ERRORS [EPIPE]");

static void pipe_buf_atomic(void)
{
	enum { WRITERS = 4, RECORDS = 128 };
	const char letters[WRITERS] = { 'a', 'b', 'c', 'd' };
	int seen[WRITERS] = { 0 };
	char count[16], size[16], *chunk;
	struct ctl c;
	pid_t pid[WRITERS];
	long pipe_buf;
	int rd, i, j, k;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	pipe_buf = fpathconf(rd, _PC_PIPE_BUF);
	if (pipe_buf <= 0 || pipe_buf > 65536)
		ipct_skip("fpathconf(_PC_PIPE_BUF) is %ld, outside 1..65536",
			  pipe_buf);
	chunk = malloc((size_t)pipe_buf);
	if (!chunk)
		IPCT_BROKEN("malloc(%ld)", pipe_buf);
	ctl_init(&c);
	snprintf(count, sizeof count, "%d", RECORDS);
	snprintf(size, sizeof size, "%ld", pipe_buf);
	for (i = 0; i < WRITERS; i++) {
		char letter[2] = { letters[i], '\0' };

		pid[i] = ipct_exec_helper("records", FIFO, letter, count, size,
					  c.readyfd, c.gofd, (char *)NULL);
	}
	for (i = 0; i < WRITERS; i++)
		ctl_wait_ready(&c);
	clear_nonblock(rd);
	/* All writers are open: let them race to fill the FIFO, and read
	 * only once all of them wait for room, so that every record after
	 * that competes with the records of the other writers. */
	for (i = 0; i < WRITERS; i++)
		ctl_go(&c);
	for (i = 0; i < WRITERS; i++)
		ipct_wait_asleep(pid[i]);
	for (i = 0; i < WRITERS * RECORDS; i++) {
		ipct_xread_all(rd, chunk, (size_t)pipe_buf);
		for (k = 0; k < WRITERS && chunk[0] != letters[k]; k++)
			;
		CHECK(k < WRITERS);
		seen[k]++;
		for (j = 1; j < pipe_buf; j++)
			if (chunk[j] != chunk[0])
				break;
		/* A record of PIPE_BUF bytes is never interleaved. */
		CHECK_EQ(pipe_buf, j);
	}
	CHECK_RET(read(rd, chunk, 1), 0);
	for (i = 0; i < WRITERS; i++) {
		CHECK_EQ(RECORDS, seen[i]);
		ipct_wait_ok(pid[i]);
	}
	free(chunk);
}
IPCT_CASE(pipe_buf_atomic,
	.id = "fifo.pipe_buf_atomic",
	.asserts = "writes of PIPE_BUF bytes from several unrelated writer processes to one FIFO are never interleaved with each other",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (pipe or FIFO, PIPE_BUF)");

static void pipe_buf_minimum(void)
{
	long v;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	v = fpathconf(rd, _PC_PIPE_BUF);
	CHECK(v >= _POSIX_PIPE_BUF);
	CHECK_RET(pathconf(FIFO, _PC_PIPE_BUF), v);
}
IPCT_CASE(pipe_buf_minimum,
	.id = "fifo.pipe_buf_minimum",
	.asserts = "pathconf() and fpathconf() report the same PIPE_BUF for a FIFO, at least _POSIX_PIPE_BUF (512)",
	.spec = "POSIX.1-2024 fpathconf(), DESCRIPTION; <limits.h> _POSIX_PIPE_BUF");

static void data_discarded_after_last_close(void)
{
	struct ctl c;
	char buf[8];
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	ipct_wait_ok(peer(&c, "w", "owc", "stale"));
	/* The data is in the FIFO; now the last end closes. */
	ipct_xclose(rd);
	rd = open_reader_nonblock();
	CHECK_RET(read(rd, buf, sizeof buf), 0);
	ipct_wait_ok(peer(&c, "w", "owc", "new"));
	CHECK_RET(read(rd, buf, sizeof buf), 3);
	CHECK_MEM("new", buf, 3);
}
IPCT_CASE(data_discarded_after_last_close,
	.id = "fifo.data_discarded_after_last_close",
	.asserts = "data left in a FIFO is discarded when the last process having it open closes it: a later open finds the FIFO empty",
	.spec = "POSIX.1-2024 close(), DESCRIPTION");

static void eof_not_sticky(void)
{
	struct ctl c;
	char buf[8];
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	ipct_wait_ok(peer(&c, "w", "owc", "one"));
	CHECK_RET(read(rd, buf, sizeof buf), 3);
	CHECK_MEM("one", buf, 3);
	CHECK_RET(read(rd, buf, sizeof buf), 0);
	ipct_wait_ok(peer(&c, "w", "owc", "two"));
	CHECK_RET(read(rd, buf, sizeof buf), 3);
	CHECK_MEM("two", buf, 3);
}
IPCT_CASE(eof_not_sticky,
	.id = "fifo.eof_not_sticky",
	.asserts = "after a read end saw end-of-file, the same descriptor reads the data of a new writer that opens the FIFO later",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void unlink_while_open(void)
{
	struct ctl c;
	struct stat st;
	char buf[8];
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	pid = peer(&c, "w", "orgwc", "alive");
	ctl_wait_ready(&c);
	CHECK_OK(unlink(FIFO));
	CHECK_FAILS(open(FIFO, O_RDONLY | O_NONBLOCK), ENOENT);
	ctl_go(&c);
	ipct_wait_ok(pid);
	CHECK_RET(read(rd, buf, sizeof buf), 5);
	CHECK_MEM("alive", buf, 5);
	CHECK_OK(fstat(rd, &st));
	CHECK(S_ISFIFO(st.st_mode));
}
IPCT_CASE(unlink_while_open,
	.id = "fifo.unlink_while_open",
	.asserts = "unlink() of a FIFO removes its name at once while the ends already open keep working",
	.spec = "POSIX.1-2024 unlink(), DESCRIPTION");

static void poll_pollin_on_data(void)
{
	struct pollfd p;
	struct ctl c;
	char ch;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	pid = peer(&c, "w", "orgwgc", "p");
	ctl_wait_ready(&c);
	p = (struct pollfd){ .fd = rd, .events = POLLIN };
	/* A writer is open and nothing is written: not readable. */
	CHECK_RET(poll(&p, 1, 0), 0);
	ctl_go(&c);
	p.revents = 0;
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK(p.revents & POLLIN);
	CHECK_RET(read(rd, &ch, 1), 1);
	ctl_go(&c);
	ipct_wait_ok(pid);
}
IPCT_CASE(poll_pollin_on_data,
	.id = "fifo.poll_pollin_on_data",
	.asserts = "poll() on a FIFO's read end reports no event while the FIFO is empty with a writer open, and POLLIN once an unrelated writer has written",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION");

static void poll_pollhup_after_writer_closes(void)
{
	struct pollfd p;
	struct ctl c;
	char ch;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	ipct_wait_ok(peer(&c, "w", "owc", "h"));
	CHECK_RET(read(rd, &ch, 1), 1);
	p = (struct pollfd){ .fd = rd, .events = POLLIN };
	CHECK_RET(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLHUP);
}
IPCT_CASE(poll_pollhup_after_writer_closes,
	.id = "fifo.poll_pollhup_after_writer_closes",
	.asserts = "poll() on a FIFO's read end reports POLLHUP once the last process that had it open for writing has closed it",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION [POLLHUP]");

static void poll_pollout_with_room(void)
{
	struct pollfd p;
	int rd, wr;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	CHECK_OK(wr = open(FIFO, O_WRONLY | O_NONBLOCK));
	p = (struct pollfd){ .fd = wr, .events = POLLOUT };
	/* A reader is open and the FIFO is empty: writable at once. */
	CHECK_RET(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLOUT);
	ipct_xclose(wr);
	ipct_xclose(rd);
}
IPCT_CASE(poll_pollout_with_room,
	.id = "fifo.poll_pollout_with_room",
	.asserts = "poll() on a FIFO's write end reports POLLOUT while a reader is open and the FIFO has room",
	.spec = "POSIX.1-2024 poll(), DESCRIPTION [POLLOUT]");

static void open_cloexec_sets_fd_flag(void)
{
	int with, without;

	ipct_xmkfifo(FIFO, 0600);
	CHECK_OK(with = open(FIFO, O_RDONLY | O_NONBLOCK | O_CLOEXEC));
	CHECK_OK(without = open(FIFO, O_RDONLY | O_NONBLOCK));
	CHECK_EQ(FD_CLOEXEC, fcntl(with, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(without, F_GETFD) & FD_CLOEXEC);
	ipct_xclose(with);
	ipct_xclose(without);
}
IPCT_CASE(open_cloexec_sets_fd_flag,
	.id = "fifo.open_cloexec_sets_fd_flag",
	.asserts = "open() of a FIFO with O_CLOEXEC sets FD_CLOEXEC on the new descriptor, and without it leaves FD_CLOEXEC clear",
	.spec = "POSIX.1-2024 open(), DESCRIPTION (O_CLOEXEC)");

static void st_size_zero_with_data(void)
{
	char buf[1000];
	struct stat st;
	struct ctl c;
	int rd;

	memset(buf, 's', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	ipct_wait_ok(peer(&c, "w", "owc", buf));
	CHECK_OK(stat(FIFO, &st));
	CHECK_EQ(0, st.st_size);
	CHECK_OK(fstat(rd, &st));
	CHECK_EQ(0, st.st_size);
	/* The bytes were buffered in the kernel all along. */
	CHECK_RET(read(rd, buf, sizeof buf), sizeof buf - 1);
}
IPCT_CASE(st_size_zero_with_data,
	.id = "fifo.st_size_zero_with_data",
	.asserts = "on Linux stat() and fstat() report st_size 0 for a FIFO holding unread data, which lives in the kernel and not in the file system (POSIX does not specify st_size for FIFOs)",
	.spec = "Linux fifo(7); POSIX.1-2024 <sys/stat.h> (st_size defined only for regular files and symbolic links)",
	.needs = IPCT_LINUX_ONLY);

static void nonblock_read_no_writer_returns_0(void)
{
	char ch;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	CHECK_RET(read(rd, &ch, 1), 0);
}
IPCT_CASE(nonblock_read_no_writer_returns_0,
	.id = "fifo.nonblock_read_no_writer_returns_0",
	.asserts = "read() on an empty FIFO opened with O_RDONLY and O_NONBLOCK that no process has open for writing returns 0",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static void nonblock_read_empty_eagain(void)
{
	struct ctl c;
	char ch;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	pid = peer(&c, "w", "orgc", "");
	ctl_wait_ready(&c);
	CHECK_FAILS(read(rd, &ch, 1), EAGAIN);
	ctl_go(&c);
	ipct_wait_ok(pid);
}
IPCT_CASE(nonblock_read_empty_eagain,
	.id = "fifo.nonblock_read_empty_eagain",
	.asserts = "read() with O_NONBLOCK on an empty FIFO that an unrelated process has open for writing fails with EAGAIN",
	.spec = "POSIX.1-2024 read(), DESCRIPTION and ERRORS [EAGAIN]");

static void two_readers_two_writers(void)
{
	enum { RECORDS = 200, SIZE = 16 };
	char count[16], size[16], resultfd[16];
	int result[2], counts[2][2], i;
	pid_t pid[4];
	struct pollfd p;
	struct ctl c;

	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	ipct_xpipe(result);
	snprintf(count, sizeof count, "%d", RECORDS);
	snprintf(size, sizeof size, "%d", SIZE);
	snprintf(resultfd, sizeof resultfd, "%d", result[1]);
	for (i = 0; i < 2; i++)
		pid[i] = ipct_exec_helper("counter", FIFO, size, c.readyfd,
					  resultfd, (char *)NULL);
	pid[2] = ipct_exec_helper("records", FIFO, "a", count, size,
				  c.readyfd, c.gofd, (char *)NULL);
	pid[3] = ipct_exec_helper("records", FIFO, "b", count, size,
				  c.readyfd, c.gofd, (char *)NULL);
	/* Both readers and both writers have the FIFO open. */
	for (i = 0; i < 4; i++)
		ctl_wait_ready(&c);
	ctl_go(&c);
	ctl_go(&c);
	for (i = 0; i < 2; i++) {
		p = (struct pollfd){ .fd = result[0], .events = POLLIN };
		if (poll(&p, 1, ipct_wait_limit_ms()) != 1)
			IPCT_BROKEN("no reader reported within %d ms",
				    ipct_wait_limit_ms());
		ipct_xread_all(result[0], counts[i], sizeof counts[i]);
	}
	/* Every record reached exactly one of the two readers. */
	CHECK_EQ(RECORDS, counts[0][0] + counts[1][0]);
	CHECK_EQ(RECORDS, counts[0][1] + counts[1][1]);
	for (i = 0; i < 4; i++)
		ipct_wait_ok(pid[i]);
}
IPCT_CASE(two_readers_two_writers,
	.id = "fifo.two_readers_two_writers",
	.asserts = "with two unrelated readers and two unrelated writers on one FIFO, every record written is read exactly once by one of the readers",
	.spec = "POSIX.1-2024 read(), write(), DESCRIPTION (one FIFO, one byte stream)");

static long write_one(void *arg)
{
	return write(*(int *)arg, "+", 1);
}

static void write_blocks_until_reader_drains(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	char buf[4096];
	struct ctl c;
	long filled = 0;
	size_t len;
	ssize_t n;
	pid_t pid;
	int w;

	memset(buf, 'f', sizeof buf);
	ipct_xmkfifo(FIFO, 0600);
	ctl_init(&c);
	pid = peer(&c, "r", "orgdc", "");
	CHECK_OK(w = open(FIFO, O_WRONLY | O_CLOEXEC));
	ctl_wait_ready(&c);
	ipct_xsetnonblock(w);
	/* Fill it to the last byte, whatever its capacity. */
	for (len = sizeof buf; len >= 1; len /= 2)
		while ((n = write(w, buf, len)) > 0)
			filled += n;
	CHECK_FAILS(write(w, buf, 1), EAGAIN);
	CHECK(filled > 0);
	clear_nonblock(w);
	ipct_block_start(&b, write_one, &w);
	ipct_block_prove(&b);
	ctl_go(&c);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
	ipct_xclose(w);
	ipct_wait_ok(pid);
}
IPCT_CASE(write_blocks_until_reader_drains,
	.id = "fifo.write_blocks_until_reader_drains",
	.asserts = "a write() to a full FIFO without O_NONBLOCK blocks until an unrelated reader makes room, then completes",
	.spec = "POSIX.1-2024 write(), DESCRIPTION (pipe or FIFO, O_NONBLOCK clear)");

static void poll_pollhup_clears_on_new_writer(void)
{
	struct pollfd p;
	struct ctl c;
	char ch;
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = open_reader_nonblock();
	ctl_init(&c);
	ipct_wait_ok(peer(&c, "w", "oc", ""));
	p = (struct pollfd){ .fd = rd, .events = POLLIN };
	CHECK_RET(poll(&p, 1, 0), 1);
	CHECK(p.revents & POLLHUP);
	pid = peer(&c, "w", "orgc", "");
	ctl_wait_ready(&c);
	p.revents = 0;
	CHECK_RET(poll(&p, 1, 0), 0);
	CHECK_EQ(0, p.revents);
	CHECK_FAILS(read(rd, &ch, 1), EAGAIN);
	ctl_go(&c);
	ipct_wait_ok(pid);
}
IPCT_CASE(poll_pollhup_clears_on_new_writer,
	.id = "fifo.poll_pollhup_clears_on_new_writer",
	.asserts = "on Linux POLLHUP on a FIFO's read end clears once a new writer opens the FIFO: poll() then reports no event on the empty FIFO (POSIX does not say when POLLHUP ends)",
	.spec = "Linux poll(2) and pipe(7); POSIX.1-2024 poll(), DESCRIPTION [POLLHUP]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_unrelated_writer_to_reader, &ipct_case_poll_pollout_with_room, &ipct_case_open_cloexec_sets_fd_flag,
	   &ipct_case_unrelated_reader_gets_data,
	   &ipct_case_eof_after_last_writer,
	   &ipct_case_blocked_read_released_by_unrelated_writer,
	   &ipct_case_writer_closes_without_writing,
	   &ipct_case_sigpipe_last_reader_closed,
	   &ipct_case_epipe_sigpipe_ignored, &ipct_case_pipe_buf_atomic,
	   &ipct_case_pipe_buf_minimum,
	   &ipct_case_data_discarded_after_last_close,
	   &ipct_case_eof_not_sticky, &ipct_case_unlink_while_open,
	   &ipct_case_poll_pollin_on_data,
	   &ipct_case_poll_pollhup_after_writer_closes,
	   &ipct_case_st_size_zero_with_data,
	   &ipct_case_nonblock_read_no_writer_returns_0,
	   &ipct_case_nonblock_read_empty_eagain,
	   &ipct_case_two_readers_two_writers,
	   &ipct_case_write_blocks_until_reader_drains,
	   &ipct_case_poll_pollhup_clears_on_new_writer);
