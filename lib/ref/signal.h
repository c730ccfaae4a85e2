/* SPDX-License-Identifier: MIT
 * lib/ref/signal.h - reference use of signals: the self-pipe technique,
 * which turns asynchronous signals into bytes a poll() loop reads and
 * dispatches like any other event.
 */
#ifndef REF_SIGNAL_H
#define REF_SIGNAL_H

#include <stdio.h>

/* Create the self-pipe: both ends non-blocking and close-on-exec.
 * Returns the read end, to poll() for POLLIN; -1 with errno on failure
 * (EBUSY if it is already open: there is one per process, because the
 * handler can only reach it through a static variable). */
int ref_signal_selfpipe_open(void);

/* Catch sig: its handler writes the signal number into the self-pipe.
 * The previous action is saved and put back by ..._close().  0 on
 * success, -1 with errno (EINVAL for SIGKILL, SIGSTOP, a bad number, or
 * more than REF_SIGNAL_MAX_CAUGHT signals). */
#define REF_SIGNAL_MAX_CAUGHT 8
int ref_signal_selfpipe_catch(int sig);

/* Wait up to timeout_ms (-1: no limit) for the self-pipe to become
 * readable, resuming after EINTR (a handler interrupting poll() is the
 * normal case here).  1 if readable, 0 on timeout, -1 with errno. */
int ref_signal_selfpipe_wait(int timeout_ms);

/* The next caught signal number, 0 if none is waiting, -1 with errno. */
int ref_signal_selfpipe_next(void);

/* Restore the saved actions of every caught signal, then close both
 * ends.  Safe to call when not open. */
void ref_signal_selfpipe_close(void);

/* The demo: catches SIGUSR1, SIGUSR2 and SIGTERM through the self-pipe,
 * forks a child that sends them one at a time, each after the parent
 * acknowledged the previous one through a pipe (so the order is fixed
 * and no standard signal can coalesce with another), dispatches each
 * event read in a poll() loop, stops on SIGTERM, reaps the child and
 * restores everything.  Writes a deterministic transcript to out;
 * returns 0 on success, -1 on failure (errno set where a call failed). */
int ref_signal_demo_self_pipe(FILE *out);

#endif /* REF_SIGNAL_H */
