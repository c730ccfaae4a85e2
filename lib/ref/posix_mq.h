/* SPDX-License-Identifier: MIT
 * lib/ref/posix_mq.h - reference use of POSIX message queues: a priority
 * work queue whose consumer sleeps until mq_notify() says work arrived,
 * then drains everything queued, highest priority first.
 */
#ifndef REF_POSIX_MQ_H
#define REF_POSIX_MQ_H

#include "config.h"

#include <stddef.h>
#include <stdio.h>

#if defined(HAVE_MQUEUE_H) && defined(HAVE_MQ_OPEN) && defined(HAVE_MQ_NOTIFY)
#define REF_POSIX_MQ_AVAILABLE 1
#include <mqueue.h>

/* Longest job text, and the message size of the demo's queue. */
#define REF_POSIX_MQ_JOB_MAX 64

/* Create the new queue `name` (O_CREAT|O_EXCL, mode 0600) with room for
 * maxmsg messages of msgsize bytes, opened with `oflag` (O_RDONLY, ...,
 * optionally O_NONBLOCK).  Returns the descriptor, (mqd_t)-1 with errno. */
mqd_t ref_posix_mq_create(const char *name, long maxmsg, long msgsize,
			  int oflag);

/* Queue one job (its text without the NUL) at priority prio; a blocking
 * descriptor waits for room.  Resumes after a signal handler ran.
 * 0 on success, -1 with errno. */
int ref_posix_mq_submit(mqd_t q, const char *job, unsigned prio);

/* Ask for signal signo, carrying `value`, when a message arrives on the
 * empty queue (mq_notify SIGEV_SIGNAL).  The caller blocks signo first and
 * takes it with ref_posix_mq_wait_notification().  0, or -1 with errno. */
int ref_posix_mq_arm(mqd_t q, int signo, int value);

/* Wait for the notification signal signo (blocked by the caller) and
 * store its value.  0, or -1 with errno (EPROTO: the signal did not come
 * from a message queue). */
int ref_posix_mq_wait_notification(int signo, int *value);

/* Called by ref_posix_mq_drain() for each job, in the order received. */
typedef int (*ref_posix_mq_handler)(void *ctx, const char *job, size_t len,
				    unsigned prio);

/* Receive every queued job, highest priority first, until the queue is
 * empty, and pass each to fn (a non-zero return stops the drain with that
 * errno).  q must have O_NONBLOCK: the drain ends at EAGAIN.  Returns the
 * number of jobs handled, -1 with errno. */
long ref_posix_mq_drain(mqd_t q, ref_posix_mq_handler fn, void *ctx);
#else
#define REF_POSIX_MQ_AVAILABLE 0
#endif

/* The work queue end to end under the queue name `name`: a forked
 * producer submits three batches of prioritised jobs; the consumer drains
 * the first, then for each later batch is notified, re-arms and drains.
 * The jobs, in the order processed, and the notifications go to `out`
 * (deterministic).  The queue is unlinked at the end.  0 on success, -1
 * with errno (ENOSYS where the platform has no message queues). */
int ref_posix_mq_demo_workqueue(FILE *out, const char *name);

#endif /* REF_POSIX_MQ_H */
