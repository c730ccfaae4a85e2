/* SPDX-License-Identifier: MIT
 * lib/ref/signal.c - the self-pipe technique.
 *
 * A signal handler may call only async-signal-safe functions, and the
 * code it interrupts may be in the middle of anything (malloc, stdio, a
 * half-updated data structure).  So the handler here does the one safe
 * thing that carries information out: write() of the signal number into
 * a pipe.  The program's ordinary event loop polls the read end and
 * handles the signal there, with no restriction on what it may call.
 *
 * The rules this code follows:
 *
 *  - Both ends are non-blocking.  The handler must never block: if the
 *    pipe is full, the write fails with EAGAIN and the byte is dropped,
 *    which is harmless because bytes are already waiting to wake the
 *    loop (standard signals do not queue either).  The loop reads until
 *    EAGAIN, so it never blocks in read() after poll() said "readable".
 *  - Both ends are close-on-exec, so a program the process execs does
 *    not inherit descriptors it knows nothing about.
 *  - The handler saves and restores errno: it can run between a failing
 *    call and the code that reads errno.
 *  - The handler reaches the pipe through a static variable of type
 *    volatile sig_atomic_t, set before any handler is installed.
 *  - sa_mask blocks the other caught signals while a handler runs, and
 *    SA_RESTART resumes most interrupted calls; poll() is never resumed,
 *    so the loop retries it on EINTR.
 *  - A child forked by the demo restores the default actions and closes
 *    the self-pipe first: it must not write into its parent's pipe.
 *  - Every path reaps the child and restores the previous actions.
 */
#define _XOPEN_SOURCE 700
#include "ref/signal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t selfpipe_wfd = -1;
static int selfpipe_rfd = -1;

static struct {
	int sig;
	struct sigaction old;
} caught[REF_SIGNAL_MAX_CAUGHT];
static int ncaught;

static void selfpipe_handler(int sig)
{
	int saved = errno;
	unsigned char c = (unsigned char)sig;

	if (write(selfpipe_wfd, &c, 1) < 0) {
		/* EAGAIN: the pipe is full and the loop will wake anyway */
	}
	errno = saved;
}

static int set_flags(int fd)
{
	int fl = fcntl(fd, F_GETFL), fd_fl = fcntl(fd, F_GETFD);

	if (fl < 0 || fd_fl < 0)
		return -1;
	if (fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
		return -1;
	return fcntl(fd, F_SETFD, fd_fl | FD_CLOEXEC);
}

int ref_signal_selfpipe_open(void)
{
	int fd[2];

	if (selfpipe_rfd >= 0) {
		errno = EBUSY;
		return -1;
	}
	/* pipe2(O_NONBLOCK | O_CLOEXEC) does both at once where it exists;
	 * pipe() and fcntl() are enough in a single-threaded process. */
	if (pipe(fd) != 0)
		return -1;
	if (set_flags(fd[0]) != 0 || set_flags(fd[1]) != 0) {
		int saved = errno;

		close(fd[0]);
		close(fd[1]);
		errno = saved;
		return -1;
	}
	selfpipe_rfd = fd[0];
	selfpipe_wfd = fd[1];
	ncaught = 0;
	return fd[0];
}

int ref_signal_selfpipe_catch(int sig)
{
	struct sigaction sa;
	int i;

	if (selfpipe_rfd < 0) {
		errno = EBADF;
		return -1;
	}
	if (ncaught == REF_SIGNAL_MAX_CAUGHT) {
		errno = EINVAL;
		return -1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = selfpipe_handler;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ncaught; i++)
		sigaddset(&sa.sa_mask, caught[i].sig);
	if (sigaction(sig, &sa, &caught[ncaught].old) != 0)
		return -1;
	caught[ncaught].sig = sig;
	ncaught++;
	return 0;
}

int ref_signal_selfpipe_wait(int timeout_ms)
{
	struct pollfd p;
	int r;

	p.fd = selfpipe_rfd;
	p.events = POLLIN;
	do {
		r = poll(&p, 1, timeout_ms);
	} while (r < 0 && errno == EINTR);
	return r < 0 ? -1 : r > 0;
}

int ref_signal_selfpipe_next(void)
{
	unsigned char c;
	ssize_t n;

	do {
		n = read(selfpipe_rfd, &c, 1);
	} while (n < 0 && errno == EINTR);
	if (n == 1)
		return c;
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	if (n == 0)
		errno = EPIPE; /* write end closed: cannot happen while open */
	return -1;
}

void ref_signal_selfpipe_close(void)
{
	int saved = errno;

	/* Actions first, so no handler writes to a closed descriptor. */
	while (ncaught > 0) {
		ncaught--;
		sigaction(caught[ncaught].sig, &caught[ncaught].old, NULL);
	}
	if (selfpipe_rfd >= 0) {
		close(selfpipe_rfd);
		close(selfpipe_wfd);
	}
	selfpipe_rfd = -1;
	selfpipe_wfd = -1;
	errno = saved;
}

/* ---- the demo ----------------------------------------------------- */

static const int demo_sigs[] = { SIGUSR1, SIGUSR2, SIGTERM };
#define DEMO_NSIGS (int)(sizeof demo_sigs / sizeof demo_sigs[0])

static const char *demo_name(int sig)
{
	switch (sig) {
	case SIGUSR1: return "SIGUSR1";
	case SIGUSR2: return "SIGUSR2";
	case SIGTERM: return "SIGTERM";
	default: return "another signal";
	}
}

/* The child: sends each signal to its parent and waits for the ack of
 * that one before the next.  Returns its exit status. */
static int demo_child(pid_t parent, int ack_fd)
{
	int i;
	char c;

	for (i = 0; i < DEMO_NSIGS; i++) {
		if (kill(parent, demo_sigs[i]) != 0)
			return 1;
		if (read(ack_fd, &c, 1) != 1) /* blocks; EOF: parent gave up */
			return 2;
	}
	return 0;
}

static int fd_flags_line(FILE *out, int fd)
{
	int fl = fcntl(fd, F_GETFL), fd_fl = fcntl(fd, F_GETFD);

	if (fl < 0 || fd_fl < 0)
		return -1;
	fprintf(out, "self-pipe: %s, %s\n",
		(fl & O_NONBLOCK) ? "non-blocking" : "BLOCKING",
		(fd_fl & FD_CLOEXEC) ? "close-on-exec" : "INHERITED BY EXEC");
	return 0;
}

int ref_signal_demo_self_pipe(FILE *out)
{
	int ack[2] = { -1, -1 }, rfd, i, status = 0, sig = 0, events = 0;
	int done = 0;
	int rc = -1, saved;
	pid_t pid = -1;

	rfd = ref_signal_selfpipe_open();
	if (rfd < 0)
		return -1;
	if (fd_flags_line(out, rfd) != 0)
		goto out;
	/* Install the handlers before the child exists: a signal sent
	 * before its handler is in place would take the default action. */
	for (i = 0; i < DEMO_NSIGS; i++)
		if (ref_signal_selfpipe_catch(demo_sigs[i]) != 0)
			goto out;
	fprintf(out, "catching: SIGUSR1 SIGUSR2 SIGTERM\n");
	if (pipe(ack) != 0)
		goto out;
	pid = fork();
	if (pid < 0)
		goto out;
	if (pid == 0) {
		ref_signal_selfpipe_close();
		close(ack[1]);
		_exit(demo_child(getppid(), ack[0]));
	}
	close(ack[0]);
	ack[0] = -1;

	while (!done) {
		int r = ref_signal_selfpipe_wait(5000);

		if (r <= 0) {
			if (r == 0)
				errno = ETIMEDOUT;
			goto out;
		}
		/* Drain everything that is there, then poll again. */
		while (!done && (sig = ref_signal_selfpipe_next()) > 0) {
			events++;
			if (sig == SIGTERM) {
				fprintf(out, "event %d: %s -> shutting down\n",
					events, demo_name(sig));
				done = 1;
				break;
			}
			fprintf(out, "event %d: %s -> acknowledged\n", events,
				demo_name(sig));
			if (write(ack[1], "a", 1) != 1)
				goto out;
		}
		if (sig < 0)
			goto out;
	}
	if (write(ack[1], "a", 1) != 1) /* the last ack lets the child end */
		goto out;
	rc = 0;
out:
	saved = errno;
	if (ack[0] >= 0)
		close(ack[0]);
	if (ack[1] >= 0)
		close(ack[1]); /* a waiting child sees end-of-file and ends */
	if (pid > 0) {
		pid_t w;

		do {
			w = waitpid(pid, &status, 0);
		} while (w < 0 && errno == EINTR);
		if (rc == 0 && w != pid)
			rc = -1;
		if (rc == 0) {
			if (WIFEXITED(status))
				fprintf(out, "child: exited %d\n",
					WEXITSTATUS(status));
			else
				fprintf(out, "child: did not exit normally\n");
			if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
				rc = -1;
		}
	}
	ref_signal_selfpipe_close();
	if (rc == 0)
		fprintf(out, "actions restored, self-pipe closed\n");
	errno = saved;
	return rc;
}
