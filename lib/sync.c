/* SPDX-License-Identifier: MIT
 * sync.c - checkpoints and barriers between the processes of a case.
 *
 * Built on pipes: a post is a one-byte write that never blocks and is never
 * lost.  A wait polls its pipe in short slices; between slices it gives up
 * early when another process of the case already failed a check, or when a
 * child of this process died abnormally, so a broken peer shows as that
 * peer's own diagnostic rather than as a watchdog timeout.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void xpipe_cloexec(int fd[2], const char *file, int line)
{
	if (pipe(fd) != 0)
		ipct_broken(file, line, "pipe() for a checkpoint: %s",
			    ipct_errname(errno));
	/* Helper programs run by exec must not inherit the checkpoints. */
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
}

void ipct_sync_init_at(struct ipct_sync *s, const char *file, int line)
{
	xpipe_cloexec(s->to_child, file, line);
	xpipe_cloexec(s->to_parent, file, line);
	s->creator = getpid();
}

static void post_byte(int fd, int n, const char *file, int line)
{
	unsigned char c = (unsigned char)n;
	ssize_t r;

	do
		r = write(fd, &c, 1);
	while (r < 0 && errno == EINTR);
	if (r != 1)
		ipct_broken(file, line, "posting checkpoint %d: %s", n,
			    ipct_errname(errno));
}

void ipct_post_at(struct ipct_sync *s, int n, const char *file, int line)
{
	post_byte(getpid() == s->creator ? s->to_child[1] : s->to_parent[1], n,
		  file, line);
}

/* Between slices: stop waiting if the case already failed elsewhere, or if
 * one of our children died abnormally. */
static void check_peers(const char *what, const char *file, int line)
{
	siginfo_t si;

	if (ipct_page && ipct_page->failed)
		_exit(IPCT_EXIT_FAIL);
	memset(&si, 0, sizeof si);
	if (waitid(P_ALL, 0, &si, WEXITED | WNOHANG | WNOWAIT) == 0 &&
	    si.si_pid != 0 &&
	    (si.si_code != CLD_EXITED || si.si_status != 0)) {
		ipct_broken(file, line, "child %ld %s %s before %s",
			    (long)si.si_pid,
			    si.si_code == CLD_EXITED ? "exited with" : "was killed by",
			    si.si_code == CLD_EXITED ? "a non-zero status" :
			    ipct_signame(si.si_status), what);
	}
}

/* Read one byte from fd within the limit; returns it. */
static int wait_byte(int fd, const char *what, const char *file, int line)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	unsigned char c;

	ipct_progress(file, line, "waiting for %s", what);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int64_t left = deadline - ipct_now_ms();
		int r;

		if (left <= 0)
			ipct_broken(file, line, "%s did not come within %d ms",
				    what, ipct_wait_limit_ms());
		r = poll(&p, 1, left > 50 ? 50 : (int)left);
		if (r < 0 && errno != EINTR)
			ipct_broken(file, line, "poll() for %s: %s", what,
				    ipct_errname(errno));
		if (r > 0) {
			ssize_t n = read(fd, &c, 1);

			if (n == 1)
				break;
			if (n == 0)
				ipct_broken(file, line, "%s: the peer is gone (EOF)",
					    what);
			if (errno != EINTR && errno != EAGAIN)
				ipct_broken(file, line, "read() for %s: %s",
					    what, ipct_errname(errno));
		}
		check_peers(what, file, line);
	}
	ipct_progress(file, line, "passed %s", what);
	return c;
}

void ipct_sync_wait_at(struct ipct_sync *s, int n, const char *file, int line)
{
	char what[64];
	int got;

	snprintf(what, sizeof what, "checkpoint %d", n);
	got = wait_byte(getpid() == s->creator ? s->to_parent[0] : s->to_child[0],
			what, file, line);
	if (got != (n & 0xff))
		ipct_broken(file, line, "waited for checkpoint %d, the peer posted %d",
			    n, got);
}

void ipct_barrier_init(struct ipct_barrier *b, int parties)
{
	xpipe_cloexec(b->arrive, __FILE__, __LINE__);
	xpipe_cloexec(b->release, __FILE__, __LINE__);
	b->parties = parties;
	b->creator = getpid();
}

/* The creator collects parties-1 arrivals, then releases them all. */
void ipct_barrier_wait_at(struct ipct_barrier *b, const char *file, int line)
{
	int i;

	if (getpid() == b->creator) {
		for (i = 1; i < b->parties; i++)
			wait_byte(b->arrive[0], "barrier arrivals", file, line);
		for (i = 1; i < b->parties; i++)
			post_byte(b->release[1], 'r', file, line);
	} else {
		post_byte(b->arrive[1], 'a', file, line);
		wait_byte(b->release[0], "barrier release", file, line);
	}
}

/* ------------------------------------------------------------------ */
/* Catching signals                                                    */

static int caught_pipe[2] = { -1, -1 };
static pid_t caught_owner;
static int caught_unread[NSIG]; /* read from the pipe, not yet consumed */

static void catch_handler(int sig)
{
	unsigned char c = (unsigned char)sig;
	int saved = errno;

	if (write(caught_pipe[1], &c, 1) < 0) {
		/* pipe full: the wait then fails naming the signal */
	}
	errno = saved;
}

void ipct_catch(int sig, int flags)
{
	/* A child inherits the parent's pipe: give each process its own. */
	if (caught_pipe[0] < 0 || caught_owner != getpid()) {
		if (caught_pipe[0] >= 0) {
			close(caught_pipe[0]);
			close(caught_pipe[1]);
		}
		xpipe_cloexec(caught_pipe, __FILE__, __LINE__);
		fcntl(caught_pipe[0], F_SETFL, O_NONBLOCK);
		fcntl(caught_pipe[1], F_SETFL, O_NONBLOCK);
		caught_owner = getpid();
		memset(caught_unread, 0, sizeof caught_unread);
	}
	ipct_xsigaction(sig, catch_handler, flags);
}

/* Move what the handler wrote into caught_unread; 1 if anything came. */
static int drain_caught(void)
{
	unsigned char buf[64];
	ssize_t n, i;
	int any = 0;

	while ((n = read(caught_pipe[0], buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++)
			if (buf[i] < NSIG)
				caught_unread[buf[i]]++;
		any = 1;
	}
	return any;
}

int ipct_caught(int sig)
{
	if (caught_pipe[0] < 0 || caught_owner != getpid())
		return 0;
	drain_caught();
	return caught_unread[sig];
}

void ipct_wait_caught_at(int sig, const char *file, int line)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();

	if (caught_pipe[0] < 0 || caught_owner != getpid())
		ipct_broken(file, line, "ipct_wait_caught(%s) without ipct_catch()",
			    ipct_signame(sig));
	ipct_progress(file, line, "waiting for the %s handler to run",
		      ipct_signame(sig));
	for (;;) {
		struct pollfd p = { .fd = caught_pipe[0], .events = POLLIN };
		int64_t left;

		drain_caught();
		if (caught_unread[sig] > 0) {
			caught_unread[sig]--;
			return;
		}
		left = deadline - ipct_now_ms();
		if (left <= 0)
			ipct_broken(file, line, "the %s handler did not run within %d ms",
				    ipct_signame(sig), ipct_wait_limit_ms());
		if (ipct_page && ipct_page->failed)
			_exit(IPCT_EXIT_FAIL);
		poll(&p, 1, left > 50 ? 50 : (int)left);
	}
}
