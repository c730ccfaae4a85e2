/* SPDX-License-Identifier: MIT
 * lib/ref/pipe.c - reference use of an unnamed pipe between a parent and
 * the child it forks.
 *
 * The rules this code follows:
 *
 *  - Each process closes the end it does not use, right after fork().
 *    A reader sees end-of-file only when no process holds the write end
 *    open, so a child that kept its inherited copy of the write end
 *    would wait for itself for ever; and a writer gets EPIPE/SIGPIPE
 *    only when no process holds the read end.
 *  - write() to a pipe may transfer fewer bytes than asked: a blocking
 *    write larger than PIPE_BUF can be cut short by a signal handler
 *    after part of it went through, and then returns that count.  A
 *    call interrupted before any byte went through fails with EINTR.
 *    ref_pipe_write_all() continues in both cases.
 *  - read() returns what is there, not what was asked: the reader loops
 *    until read() returns 0 (end-of-file).  Write boundaries are not
 *    kept, so the reader never assumes one read per write.
 *  - Writing to a pipe whose reader is gone raises SIGPIPE, which kills
 *    the writer by default.  The demo ignores SIGPIPE while it writes so
 *    that a dead child shows up as EPIPE, and restores the disposition.
 *  - The parent reaps the child with waitpid() on every path.
 */
#define _XOPEN_SOURCE 700
#include "ref/pipe.h"

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int ref_pipe_write_all(int fd, const void *buf, size_t len)
{
	const unsigned char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue; /* nothing went through: try again */
			return -1;
		}
		/* n may be less than len: resume after what went through. */
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

ssize_t ref_pipe_read_all(int fd, void *buf, size_t len)
{
	unsigned char *p = buf;
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, p + got, len - got);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			break; /* end-of-file: every write end is closed */
		got += (size_t)n;
	}
	return (ssize_t)got;
}

uint32_t ref_pipe_fnv1a(uint32_t h, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= UINT32_C(16777619);
	}
	return h;
}

/* The child: read the payload to end-of-file, report "COUNT HASH\n" on
 * the report pipe.  Runs after fork(), so it ends with _exit(). */
static void transfer_child(int data_rd, int report_wr)
{
	/* One byte more than expected, to notice a stream that is too long. */
	unsigned char *buf = malloc(REF_PIPE_DEMO_SIZE + 1);
	char line[64];
	ssize_t n;
	int len;

	if (!buf)
		_exit(2);
	n = ref_pipe_read_all(data_rd, buf, REF_PIPE_DEMO_SIZE + 1);
	if (n < 0)
		_exit(3);
	len = snprintf(line, sizeof line, "%zd 0x%08" PRIx32 "\n", n,
		       ref_pipe_fnv1a(REF_PIPE_FNV_INIT, buf, (size_t)n));
	free(buf);
	if (ref_pipe_write_all(report_wr, line, (size_t)len) != 0)
		_exit(4);
	close(report_wr);
	close(data_rd);
	_exit(0);
}

/* Close both ends of a pipe, keeping errno. */
static void close_pair(int fd[2])
{
	int saved = errno;

	if (fd[0] >= 0)
		close(fd[0]);
	if (fd[1] >= 0)
		close(fd[1]);
	fd[0] = fd[1] = -1;
	errno = saved;
}

int ref_pipe_demo_transfer(FILE *out)
{
	const size_t chunk = REF_PIPE_DEMO_SIZE / REF_PIPE_DEMO_CHUNKS;
	int data[2] = { -1, -1 }, report[2] = { -1, -1 };
	struct sigaction ign, old;
	unsigned char *payload;
	char line[64] = "";
	unsigned long got_count = 0, got_hash = 0;
	uint32_t hash;
	int status, i, ok = 0, sig_saved = 0;
	ssize_t n;
	pid_t pid;
	size_t k;

	payload = malloc(REF_PIPE_DEMO_SIZE);
	if (!payload)
		return -1;
	for (k = 0; k < REF_PIPE_DEMO_SIZE; k++)
		payload[k] = (unsigned char)((k * 31 + k / 4096) & 0xff);
	hash = ref_pipe_fnv1a(REF_PIPE_FNV_INIT, payload, REF_PIPE_DEMO_SIZE);
	fprintf(out, "payload: %zu bytes in %d chunks of %zu, fnv1a 0x%08" PRIx32 "\n",
		(size_t)REF_PIPE_DEMO_SIZE, REF_PIPE_DEMO_CHUNKS, chunk, hash);

	if (pipe(data) != 0 || pipe(report) != 0)
		goto fail;
	fprintf(out, "parent: created the data pipe and the report pipe\n");
	/* Nothing buffered may be duplicated into the child. */
	fflush(out);
	pid = fork();
	if (pid < 0)
		goto fail;
	if (pid == 0) {
		/* Child: reads data, writes the report. */
		free(payload); /* the parent's copy to send */
		close(data[1]);
		close(report[0]);
		transfer_child(data[0], report[1]);
	}
	/* Parent: writes data, reads the report. */
	close(data[0]);
	close(report[1]);
	data[0] = report[1] = -1;
	fprintf(out, "parent: forked the reader; each side closed the ends it does not use\n");

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	if (sigaction(SIGPIPE, &ign, &old) != 0)
		goto reap;
	sig_saved = 1;
	for (i = 0; i < REF_PIPE_DEMO_CHUNKS; i++) {
		if (ref_pipe_write_all(data[1], payload + (size_t)i * chunk,
				       chunk) != 0) {
			fprintf(out, "parent: write of chunk %d failed\n", i + 1);
			goto reap;
		}
		fprintf(out, "parent: wrote chunk %d of %d (%zu bytes)\n", i + 1,
			REF_PIPE_DEMO_CHUNKS, chunk);
	}
	close(data[1]);
	data[1] = -1;
	fprintf(out, "parent: closed the write end, so the reader sees end-of-file\n");

	n = ref_pipe_read_all(report[0], line, sizeof line - 1);
	if (n < 0)
		goto reap;
	line[n] = '\0';
	if (sscanf(line, "%lu 0x%lx", &got_count, &got_hash) != 2) {
		fprintf(out, "parent: malformed report\n");
		errno = EPROTO;
		goto reap;
	}
	fprintf(out, "child: read %lu bytes until end-of-file, fnv1a 0x%08lx\n",
		got_count, got_hash);
	ok = got_count == REF_PIPE_DEMO_SIZE && got_hash == hash;

reap:
	if (sig_saved)
		sigaction(SIGPIPE, &old, NULL);
	close_pair(data);
	close_pair(report);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(payload);
			return -1;
		}
	if (WIFEXITED(status))
		fprintf(out, "parent: reaped the reader, exit status %d\n",
			WEXITSTATUS(status));
	else
		fprintf(out, "parent: reaped the reader, killed by signal %d\n",
			WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	free(payload);
	if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(out, "transfer: FAILED\n");
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	fprintf(out, "transfer: complete, byte count and checksum match\n");
	return 0;

fail:
	close_pair(data);
	close_pair(report);
	free(payload);
	return -1;
}
