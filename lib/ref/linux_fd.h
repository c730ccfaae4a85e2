/* SPDX-License-Identifier: MIT
 * lib/ref/linux_fd.h - reference use of Linux descriptor-based IPC: one
 * poll() loop that waits on a signalfd (signals), an eventfd (work posted
 * by other processes) and a pidfd (a child's end).  The modern
 * replacement of the self-pipe trick (lib/ref/signal.c): no handler, no
 * async-signal-safety rules, no race between a child's exit and the loop.
 * Linux only: elsewhere every function fails with ENOSYS.
 */
#ifndef REF_LINUX_FD_H
#define REF_LINUX_FD_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct ref_linux_fd_loop {
	int sfd;         /* signalfd of the caught signals (kept blocked) */
	int efd;         /* eventfd: the count of work items posted */
	int pfd;         /* pidfd of the watched child, -1 if none */
	pid_t pid;       /* the watched child */
	sigset_t caught; /* the signals the loop reads */
	sigset_t oldmask; /* the mask to restore */
};

enum ref_linux_fd_kind {
	REF_LINUX_FD_SIGNAL = 1, /* sig, sender */
	REF_LINUX_FD_WORK,       /* work: items posted since the last read */
	REF_LINUX_FD_EXIT,       /* status: exit status, or sig: killing signal; reaped */
};

struct ref_linux_fd_event {
	enum ref_linux_fd_kind kind;
	int sig;
	pid_t sender;
	uint64_t work;
	int status;
};

/* Block the nsigs signals and open the signalfd for them and the eventfd,
 * both non-blocking and close-on-exec.  0, or -1 with errno (the mask is
 * left as it was). */
int ref_linux_fd_loop_open(struct ref_linux_fd_loop *l, const int *sigs,
			   int nsigs);

/* Watch child pid through a pidfd (opened before the child is reaped, so
 * it cannot name a recycled pid).  0, or -1 with errno (EBUSY: one child
 * at a time). */
int ref_linux_fd_loop_watch(struct ref_linux_fd_loop *l, pid_t pid);

/* Add n work items (from any process holding the eventfd). */
int ref_linux_fd_post(int efd, uint64_t n);

/* Wait up to timeout_ms (-1: no limit) for the next event: 1 with *ev
 * filled, 0 on timeout, -1 with errno.  Signals come first, then work,
 * and the child's exit last, so what the child did before exiting is
 * handled before its end.  An exit reaps the child and closes the pidfd. */
int ref_linux_fd_loop_next(struct ref_linux_fd_loop *l,
			   struct ref_linux_fd_event *ev, int timeout_ms);

/* Discard the caught signals still pending (unblocking them would run
 * their default actions), restore the mask and close everything.  A
 * watched child still running is left alone (the caller owns it). */
void ref_linux_fd_loop_close(struct ref_linux_fd_loop *l);

/* The demo: a child posts work, sends SIGUSR1, posts more work and sends
 * SIGTERM, each after the loop acknowledged the previous step, and exits;
 * the loop dispatches the events in that order and ends on the pidfd.
 * Writes a deterministic transcript to out; 0 on success, -1 on failure. */
int ref_linux_fd_demo_event_loop(FILE *out);

#endif /* REF_LINUX_FD_H */
