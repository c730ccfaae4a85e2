/* SPDX-License-Identifier: MIT
 * lib/ref/pshared.h - reference use of process-shared pthread objects: a
 * job queue in shared memory guarded by a robust PTHREAD_PROCESS_SHARED
 * mutex with two condition variables, which survives a worker killed while
 * it holds the lock.
 */
#ifndef REF_PSHARED_H
#define REF_PSHARED_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#define REF_PSHARED_SLOTS 16

/* The queue as it lies in shared memory.  Every field after the three
 * synchronisation objects is read and written only under `lock`. */
struct ref_pshared_queue {
	pthread_mutex_t lock;     /* robust, process-shared */
	pthread_cond_t nonempty;  /* a job was queued, or the queue closed */
	pthread_cond_t progress;  /* a job was finished */
	uint32_t head;            /* jobs taken so far (monotonic) */
	uint32_t tail;            /* jobs queued so far (monotonic) */
	uint32_t count;           /* tail - head: kept for readers, so it
				   * is redundant state a dead owner can
				   * leave wrong */
	uint32_t done;            /* jobs finished */
	uint32_t recoveries;      /* dead owners found and repaired after */
	uint32_t repairs;         /* of which left state that needed fixing */
	int closed;               /* no more jobs: workers leave when empty */
	uint32_t jobs[REF_PSHARED_SLOTS];    /* ring of queued job numbers */
	uint32_t results[REF_PSHARED_SLOTS]; /* by job number - 1 */
};

/* Map a new queue in anonymous MAP_SHARED memory (shared with processes
 * forked afterwards) and initialise its objects.  NULL with errno on
 * failure (ENOTSUP: the platform refuses robust mutexes). */
struct ref_pshared_queue *ref_pshared_queue_create(void);
/* Destroy the objects (no process may use them any more) and unmap. */
int ref_pshared_queue_destroy(struct ref_pshared_queue *q);

/* Take the queue's lock, repairing the queue if the previous owner died
 * holding it.  0, or -1 with errno (ENOTRECOVERABLE: a process gave up
 * repairing it). */
int ref_pshared_queue_lock(struct ref_pshared_queue *q);
int ref_pshared_queue_unlock(struct ref_pshared_queue *q);

/* Queue job number `job` (1..REF_PSHARED_SLOTS).  0, or -1 with errno
 * (EAGAIN: full; EPIPE: closed). */
int ref_pshared_queue_put(struct ref_pshared_queue *q, uint32_t job);
/* Take the oldest job, waiting while the queue is empty and open.
 * 1 with *job set, 0 when the queue is closed and empty, -1 with errno. */
int ref_pshared_queue_take(struct ref_pshared_queue *q, uint32_t *job);
/* Record the result of a job and wake whoever waits for progress. */
int ref_pshared_queue_finish(struct ref_pshared_queue *q, uint32_t job,
			     uint32_t result);
/* Wait until `n` jobs are finished.  0, or -1 with errno. */
int ref_pshared_queue_wait_done(struct ref_pshared_queue *q, uint32_t n);
/* Close the queue: workers finish what is queued and leave. */
int ref_pshared_queue_close(struct ref_pshared_queue *q);

/* Runs the queue end to end: jobs are queued, a process takes the lock,
 * leaves the queue half updated and is killed by SIGKILL; two worker
 * processes then do every job, the first locker repairing the queue.
 * Writes a deterministic transcript to out; returns 0 on success, -1 on
 * failure (errno set where a call failed). */
int ref_pshared_demo_jobqueue(FILE *out);

#endif /* REF_PSHARED_H */
