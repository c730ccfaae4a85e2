/* SPDX-License-Identifier: MIT
 * cases/pipe/pipe.h - small helpers shared by the pipe case files.
 * Setup only: they end the case as "broken" when the setup itself fails.
 */
#ifndef CASES_PIPE_PIPE_H
#define CASES_PIPE_PIPE_H

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* Fill the pipe whose write end is wfd until a non-blocking write fails
 * with EAGAIN, then restore the descriptor's flags.  Returns the number
 * of bytes the pipe now holds. */
static inline size_t pipe_xfill(int wfd)
{
	static const char chunk[512];
	int fl = fcntl(wfd, F_GETFL);
	size_t total = 0;

	if (fl < 0 || fcntl(wfd, F_SETFL, fl | O_NONBLOCK) != 0)
		IPCT_BROKEN("fcntl(F_SETFL, O_NONBLOCK): %s", ipct_errname(errno));
	for (;;) {
		ssize_t n = write(wfd, chunk, sizeof chunk);

		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0)
			IPCT_BROKEN("filling the pipe: write(): %s",
				    n < 0 ? ipct_errname(errno) : "returned 0");
		total += (size_t)n;
	}
	/* Writes of 512 bytes stop at the last free slot: top it up with
	 * single bytes so not even one more byte fits. */
	for (;;) {
		ssize_t n = write(wfd, chunk, 1);

		if (n < 0 && errno == EAGAIN)
			break;
		if (n != 1)
			IPCT_BROKEN("filling the pipe: write(1 byte): %s",
				    n < 0 ? ipct_errname(errno) : "short");
		total++;
	}
	if (fcntl(wfd, F_SETFL, fl) != 0)
		IPCT_BROKEN("fcntl(F_SETFL): %s", ipct_errname(errno));
	return total;
}

/* Read and count everything the pipe holds now, without blocking. */
static inline size_t pipe_xdrain(int rfd)
{
	char buf[4096];
	int fl = fcntl(rfd, F_GETFL);
	size_t total = 0;

	if (fl < 0 || fcntl(rfd, F_SETFL, fl | O_NONBLOCK) != 0)
		IPCT_BROKEN("fcntl(F_SETFL, O_NONBLOCK): %s", ipct_errname(errno));
	for (;;) {
		ssize_t n = read(rfd, buf, sizeof buf);

		if (n < 0 && errno == EAGAIN)
			break;
		if (n < 0)
			IPCT_BROKEN("draining the pipe: read(): %s",
				    ipct_errname(errno));
		if (n == 0)
			break;
		total += (size_t)n;
	}
	if (fcntl(rfd, F_SETFL, fl) != 0)
		IPCT_BROKEN("fcntl(F_SETFL): %s", ipct_errname(errno));
	return total;
}

/* The lowest descriptor number >= from that is not open. */
static inline int pipe_lowest_free_fd(int from)
{
	int fd;

	for (fd = from;; fd++)
		if (fcntl(fd, F_GETFD) == -1 && errno == EBADF)
			return fd;
}

#endif /* CASES_PIPE_PIPE_H */
