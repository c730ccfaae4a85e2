/* SPDX-License-Identifier: MIT
 * lib/ref/linux_fd.c - an event loop on a signalfd, an eventfd and a
 * pidfd in one poll().
 *
 * The self-pipe technique (lib/ref/signal.c) needs a handler that may
 * only call async-signal-safe functions and a pipe to carry the event
 * out of it.  On Linux the kernel does that work:
 *
 *  - signalfd: the caught signals stay blocked, so they are never
 *    delivered asynchronously; they wait, pending, until the loop reads
 *    them as signalfd_siginfo records, with the sender's pid.  They must
 *    be blocked in every thread, and before anyone can send them.
 *  - eventfd: other processes add to a 64-bit counter; one read returns
 *    the sum and resets it, so a burst of posts wakes the loop once and
 *    nothing is lost (a pipe would need one byte per post and can fill).
 *  - pidfd: readable when the child ends.  Unlike SIGCHLD it names one
 *    process, cannot be coalesced with other children's, and, opened
 *    while the child is unreaped, cannot refer to a recycled pid.
 *    waitid(P_PIDFD) reaps through it.
 *
 * All three are non-blocking and close-on-exec: the loop only reads after
 * poll() said readable, and a program the process execs inherits nothing
 * it does not know about.  Before the mask is restored, the caught
 * signals still pending are read and dropped, or unblocking them would
 * run their default actions (SIGTERM would end the process).
 */
#define _GNU_SOURCE
#include "config.h"
#include "ref/linux_fd.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#if defined(__linux__) && defined(LINUX_FD_HAVE_SIGNALFD) && \
	defined(LINUX_FD_HAVE_EVENTFD) && defined(LINUX_FD_HAVE_PIDFD_OPEN)
#define REF_LINUX_FD 1
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#ifdef HAVE_SYS_PIDFD_H
#include <sys/pidfd.h>
#endif
#endif

#ifdef REF_LINUX_FD

/* pidfd_open(): the libc wrapper, else the system call (musl has none). */
static int open_pidfd(pid_t pid)
{
#if defined(HAVE_PIDFD_OPEN) && defined(HAVE_SYS_PIDFD_H)
	return pidfd_open(pid, 0);
#else
	return (int)syscall(SYS_pidfd_open, (long)pid, 0L);
#endif
}

int ref_linux_fd_loop_open(struct ref_linux_fd_loop *l, const int *sigs,
			   int nsigs)
{
	int i, saved;

	l->sfd = l->efd = l->pfd = -1;
	l->pid = -1;
	sigemptyset(&l->caught);
	for (i = 0; i < nsigs; i++)
		if (sigaddset(&l->caught, sigs[i]) != 0)
			return -1;
	/* Block first: a signal sent before this would take its action. */
	if (sigprocmask(SIG_BLOCK, &l->caught, &l->oldmask) != 0)
		return -1;
	l->sfd = signalfd(-1, &l->caught, SFD_NONBLOCK | SFD_CLOEXEC);
	if (l->sfd < 0)
		goto fail;
	l->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (l->efd < 0)
		goto fail;
	return 0;
fail:
	saved = errno;
	if (l->sfd >= 0)
		close(l->sfd);
	sigprocmask(SIG_SETMASK, &l->oldmask, NULL);
	l->sfd = -1;
	errno = saved;
	return -1;
}

int ref_linux_fd_loop_watch(struct ref_linux_fd_loop *l, pid_t pid)
{
	if (l->pfd >= 0) {
		errno = EBUSY;
		return -1;
	}
	l->pfd = open_pidfd(pid);
	if (l->pfd < 0)
		return -1;
	l->pid = pid;
	return 0;
}

int ref_linux_fd_post(int efd, uint64_t n)
{
	ssize_t w;

	do {
		w = write(efd, &n, sizeof n);
	} while (w < 0 && errno == EINTR);
	return w == (ssize_t)sizeof n ? 0 : -1;
}

/* Reap the watched child through its pidfd (waitid(P_PIDFD) where the
 * headers know it, else waitpid() of the pid the pidfd pins). */
static int reap(struct ref_linux_fd_loop *l, struct ref_linux_fd_event *ev)
{
#if HAVE_DECL_P_PIDFD
	siginfo_t si;

	memset(&si, 0, sizeof si);
	if (waitid(P_PIDFD, (id_t)l->pfd, &si, WEXITED) != 0)
		return -1;
	if (si.si_code == CLD_EXITED)
		ev->status = si.si_status;
	else
		ev->sig = si.si_status;
#else
	int st;

	if (waitpid(l->pid, &st, 0) != l->pid)
		return -1;
	if (WIFEXITED(st))
		ev->status = WEXITSTATUS(st);
	else
		ev->sig = WTERMSIG(st);
#endif
	close(l->pfd);
	l->pfd = -1;
	return 0;
}

int ref_linux_fd_loop_next(struct ref_linux_fd_loop *l,
			   struct ref_linux_fd_event *ev, int timeout_ms)
{
	struct pollfd p[3];
	int n = 2, r;

	memset(ev, 0, sizeof *ev);
	memset(p, 0, sizeof p);
	p[0].fd = l->sfd;
	p[0].events = POLLIN;
	p[1].fd = l->efd;
	p[1].events = POLLIN;
	if (l->pfd >= 0) {
		p[2].fd = l->pfd;
		p[2].events = POLLIN;
		n = 3;
	}
	do {
		r = poll(p, (nfds_t)n, timeout_ms);
	} while (r < 0 && errno == EINTR);
	if (r <= 0)
		return r;
	if (p[0].revents & POLLIN) {
		struct signalfd_siginfo si;
		ssize_t got = read(l->sfd, &si, sizeof si);

		if (got == (ssize_t)sizeof si) {
			ev->kind = REF_LINUX_FD_SIGNAL;
			ev->sig = (int)si.ssi_signo;
			ev->sender = (pid_t)si.ssi_pid;
			return 1;
		}
		if (got >= 0 || errno != EAGAIN)
			return -1;
	}
	if (p[1].revents & POLLIN) {
		uint64_t v;

		if (read(l->efd, &v, sizeof v) == (ssize_t)sizeof v) {
			ev->kind = REF_LINUX_FD_WORK;
			ev->work = v;
			return 1;
		}
		if (errno != EAGAIN)
			return -1;
	}
	if (n == 3 && (p[2].revents & POLLIN)) {
		ev->kind = REF_LINUX_FD_EXIT;
		if (reap(l, ev) != 0)
			return -1;
		return 1;
	}
	/* Readable, then consumed elsewhere (EAGAIN): nothing this time. */
	errno = EAGAIN;
	return -1;
}

void ref_linux_fd_loop_close(struct ref_linux_fd_loop *l)
{
	int saved = errno;
	struct signalfd_siginfo si;

	if (l->sfd >= 0) {
		while (read(l->sfd, &si, sizeof si) == (ssize_t)sizeof si) {
			/* dropped: pending and caught, unwanted now */
		}
		close(l->sfd);
		sigprocmask(SIG_SETMASK, &l->oldmask, NULL);
	}
	if (l->efd >= 0)
		close(l->efd);
	if (l->pfd >= 0)
		close(l->pfd);
	l->sfd = l->efd = l->pfd = -1;
	errno = saved;
}

/* ---- the demo ----------------------------------------------------- */

static const char *sig_name(int sig)
{
	return sig == SIGUSR1 ? "SIGUSR1" : sig == SIGTERM ? "SIGTERM" : "another signal";
}

/* The child's script: each step waits for the loop's acknowledgement of
 * the one before, so the order of events is fixed. */
static int demo_child(pid_t parent, int efd, int ack)
{
	char c;

	if (ref_linux_fd_post(efd, 2) != 0 || read(ack, &c, 1) != 1)
		return 1;
	if (kill(parent, SIGUSR1) != 0 || read(ack, &c, 1) != 1)
		return 2;
	if (ref_linux_fd_post(efd, 3) != 0 || read(ack, &c, 1) != 1)
		return 3;
	if (kill(parent, SIGTERM) != 0 || read(ack, &c, 1) != 1)
		return 4;
	return 0;
}

static int cloexec_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL), fdf = fcntl(fd, F_GETFD);

	return fl >= 0 && fdf >= 0 && (fl & O_NONBLOCK) && (fdf & FD_CLOEXEC);
}

int ref_linux_fd_demo_event_loop(FILE *out)
{
	static const int sigs[] = { SIGUSR1, SIGTERM };
	struct ref_linux_fd_loop l;
	struct ref_linux_fd_event ev;
	int ack[2] = { -1, -1 }, events = 0, exited = 0, rc = -1, saved;
	uint64_t total = 0;
	pid_t pid = -1;
	sigset_t now;

	if (ref_linux_fd_loop_open(&l, sigs, 2) != 0)
		return -1;
	if (pipe(ack) != 0)
		goto out;
	fflush(out);
	pid = fork();
	if (pid < 0)
		goto out;
	if (pid == 0) {
		close(ack[1]);
		_exit(demo_child(getppid(), l.efd, ack[0]));
	}
	close(ack[0]);
	ack[0] = -1;
	/* The child exists and is unreaped: its pid cannot be reused yet. */
	if (ref_linux_fd_loop_watch(&l, pid) != 0)
		goto out;
	fprintf(out, "loop: signalfd (SIGUSR1 SIGTERM blocked), eventfd, pidfd: %s\n",
		cloexec_nonblock(l.sfd) && cloexec_nonblock(l.efd) &&
		(fcntl(l.pfd, F_GETFD) & FD_CLOEXEC) ?
		"non-blocking, close-on-exec" : "FLAGS MISSING");
	while (!exited) {
		int r = ref_linux_fd_loop_next(&l, &ev, 5000);

		if (r <= 0) {
			if (r == 0)
				errno = ETIMEDOUT;
			goto out;
		}
		events++;
		switch (ev.kind) {
		case REF_LINUX_FD_WORK:
			total += ev.work;
			fprintf(out, "event %d: eventfd -> %llu work items\n",
				events, (unsigned long long)ev.work);
			break;
		case REF_LINUX_FD_SIGNAL:
			fprintf(out, "event %d: signalfd -> %s from %s\n", events,
				sig_name(ev.sig), ev.sender == pid ? "the child" : "elsewhere");
			if (ev.sig == SIGTERM)
				fprintf(out, "  no more work accepted\n");
			break;
		case REF_LINUX_FD_EXIT:
			exited = 1;
			if (ev.sig)
				fprintf(out, "event %d: pidfd -> child killed by signal %d, reaped\n",
					events, ev.sig);
			else
				fprintf(out, "event %d: pidfd -> child exited %d, reaped\n",
					events, ev.status);
			if (ev.sig || ev.status != 0)
				goto out;
			continue;
		}
		if (write(ack[1], "a", 1) != 1)
			goto out;
	}
	fprintf(out, "work done: %llu items\n", (unsigned long long)total);
	rc = 0;
out:
	saved = errno;
	if (ack[0] >= 0)
		close(ack[0]);
	if (ack[1] >= 0)
		close(ack[1]); /* a child still waiting sees end-of-file */
	if (pid > 0 && !exited)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {
		}
	ref_linux_fd_loop_close(&l);
	if (rc == 0) {
		sigprocmask(SIG_SETMASK, NULL, &now);
		fprintf(out, "loop closed, signal mask %s\n",
			sigismember(&now, SIGUSR1) == sigismember(&l.oldmask, SIGUSR1) &&
			sigismember(&now, SIGTERM) == sigismember(&l.oldmask, SIGTERM) ?
			"restored" : "NOT RESTORED");
	}
	errno = saved;
	return rc;
}

#else /* not Linux, or no signalfd/eventfd/pidfd */

int ref_linux_fd_loop_open(struct ref_linux_fd_loop *l, const int *sigs, int nsigs)
{
	(void)sigs, (void)nsigs;
	l->sfd = l->efd = l->pfd = -1;
	errno = ENOSYS;
	return -1;
}
int ref_linux_fd_loop_watch(struct ref_linux_fd_loop *l, pid_t pid)
{
	(void)l, (void)pid;
	errno = ENOSYS;
	return -1;
}
int ref_linux_fd_post(int efd, uint64_t n)
{
	(void)efd, (void)n;
	errno = ENOSYS;
	return -1;
}
int ref_linux_fd_loop_next(struct ref_linux_fd_loop *l,
			   struct ref_linux_fd_event *ev, int timeout_ms)
{
	(void)l, (void)ev, (void)timeout_ms;
	errno = ENOSYS;
	return -1;
}
void ref_linux_fd_loop_close(struct ref_linux_fd_loop *l)
{
	(void)l;
}
int ref_linux_fd_demo_event_loop(FILE *out)
{
	(void)out;
	errno = ENOSYS;
	return -1;
}

#endif
