/* SPDX-License-Identifier: MIT
 * lib/ref/pshared.c - a job queue in shared memory guarded by a robust,
 * process-shared mutex and two process-shared condition variables.
 *
 * A PTHREAD_PROCESS_SHARED mutex lives in memory every process maps; if a
 * process dies holding it, an ordinary mutex stays locked for ever.  A
 * robust mutex instead hands the lock to the next locker with EOWNERDEAD:
 * that process owns it, must bring the protected data back to a state the
 * invariants hold in, call pthread_mutex_consistent(), and only then use
 * it.  Unlocking without pthread_mutex_consistent() marks the mutex
 * ENOTRECOVERABLE for everyone.
 *
 * Points worth copying:
 * - Every place that acquires the mutex handles EOWNERDEAD, and that
 *   includes pthread_cond_wait(), which re-acquires it on return.  One
 *   function (lock_result) does the repair for all of them.
 * - The repair trusts only state that a single store changes (head and
 *   tail) and recomputes what is derived from it (count).
 * - Waiting is a predicate loop: wake-ups may be spurious and several
 *   workers may wake for one job.
 * - Workers never give the processor away holding the lock.
 * - The memory is mapped MAP_SHARED before fork(); the objects are
 *   initialised once, by the creator, before any other process exists.
 */
#define _GNU_SOURCE
#ifdef HAVE_CONFIG_H
#include "config.h"
#endif
#include "ref/pshared.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

/* The invariants hold again: count is what head and tail say. */
static void repair(struct ref_pshared_queue *q)
{
	q->recoveries++;
	if (q->count != q->tail - q->head) {
		q->count = q->tail - q->head;
		q->repairs++;
	}
}

/* Turn the result of an acquisition (lock or wait) into 0 or -1/errno,
 * repairing after a dead owner. */
#if !defined(HAVE_PTHREAD_MUTEX_CONSISTENT) || \
	!defined(HAVE_PTHREAD_MUTEXATTR_SETROBUST)
/* Without robust mutexes there is no recovery: create refuses. */
#define pthread_mutex_consistent(m) ((void)(m), ENOTSUP)
#define pthread_mutexattr_setrobust(a, r) ((void)(a), (void)(r), ENOTSUP)
#endif

static int lock_result(struct ref_pshared_queue *q, int err)
{
	if (err == EOWNERDEAD) {
		repair(q);
		err = pthread_mutex_consistent(&q->lock);
		if (err != 0) {
			pthread_mutex_unlock(&q->lock);
			errno = err;
			return -1;
		}
		return 0;
	}
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

int ref_pshared_queue_lock(struct ref_pshared_queue *q)
{
	return lock_result(q, pthread_mutex_lock(&q->lock));
}

int ref_pshared_queue_unlock(struct ref_pshared_queue *q)
{
	int err = pthread_mutex_unlock(&q->lock);

	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

/* Wait on cv; the mutex is held again on return, also after an error. */
static int wait_on(struct ref_pshared_queue *q, pthread_cond_t *cv)
{
	return lock_result(q, pthread_cond_wait(cv, &q->lock));
}

struct ref_pshared_queue *ref_pshared_queue_create(void)
{
	struct ref_pshared_queue *q;
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;
	int err;

	q = mmap(NULL, sizeof *q, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (q == MAP_FAILED)
		return NULL;
	memset(q, 0, sizeof *q);
	err = pthread_mutexattr_init(&ma);
	if (err)
		goto fail;
	err = pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED);
	if (!err)
		err = pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
	if (!err)
		err = pthread_mutex_init(&q->lock, &ma);
	pthread_mutexattr_destroy(&ma);
	if (err)
		goto fail;
	err = pthread_condattr_init(&ca);
	if (err)
		goto fail_mutex;
	err = pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED);
	if (!err)
		err = pthread_cond_init(&q->nonempty, &ca);
	if (!err) {
		err = pthread_cond_init(&q->progress, &ca);
		if (err)
			pthread_cond_destroy(&q->nonempty);
	}
	pthread_condattr_destroy(&ca);
	if (err)
		goto fail_mutex;
	return q;
fail_mutex:
	pthread_mutex_destroy(&q->lock);
fail:
	munmap(q, sizeof *q);
	errno = err;
	return NULL;
}

int ref_pshared_queue_destroy(struct ref_pshared_queue *q)
{
	pthread_cond_destroy(&q->progress);
	pthread_cond_destroy(&q->nonempty);
	pthread_mutex_destroy(&q->lock);
	return munmap(q, sizeof *q);
}

int ref_pshared_queue_put(struct ref_pshared_queue *q, uint32_t job)
{
	int err = 0;

	if (ref_pshared_queue_lock(q) != 0)
		return -1;
	if (q->closed)
		err = EPIPE;
	else if (q->tail - q->head == REF_PSHARED_SLOTS)
		err = EAGAIN;
	if (!err) {
		q->jobs[q->tail % REF_PSHARED_SLOTS] = job;
		q->tail++;
		q->count++;
		pthread_cond_signal(&q->nonempty);
	}
	ref_pshared_queue_unlock(q);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}

int ref_pshared_queue_take(struct ref_pshared_queue *q, uint32_t *job)
{
	int got = 0;

	if (ref_pshared_queue_lock(q) != 0)
		return -1;
	while (q->head == q->tail && !q->closed)
		if (wait_on(q, &q->nonempty) != 0)
			return -1; /* the mutex is not ours any more */
	if (q->head != q->tail) {
		*job = q->jobs[q->head % REF_PSHARED_SLOTS];
		q->head++;  /* a death after this store ... */
		q->count--; /* ... leaves count one too high: repaired */
		got = 1;
	}
	ref_pshared_queue_unlock(q);
	return got;
}

int ref_pshared_queue_finish(struct ref_pshared_queue *q, uint32_t job,
			     uint32_t result)
{
	if (job < 1 || job > REF_PSHARED_SLOTS) {
		errno = EINVAL;
		return -1;
	}
	if (ref_pshared_queue_lock(q) != 0)
		return -1;
	q->results[job - 1] = result;
	q->done++;
	pthread_cond_broadcast(&q->progress);
	return ref_pshared_queue_unlock(q);
}

int ref_pshared_queue_wait_done(struct ref_pshared_queue *q, uint32_t n)
{
	if (ref_pshared_queue_lock(q) != 0)
		return -1;
	while (q->done < n)
		if (wait_on(q, &q->progress) != 0)
			return -1;
	return ref_pshared_queue_unlock(q);
}

int ref_pshared_queue_close(struct ref_pshared_queue *q)
{
	if (ref_pshared_queue_lock(q) != 0)
		return -1;
	q->closed = 1;
	pthread_cond_broadcast(&q->nonempty);
	return ref_pshared_queue_unlock(q);
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_JOBS 8
#define DEMO_WORKERS 2

static uint32_t demo_work(uint32_t job)
{
	return job * job + 1;
}

/* A worker takes jobs until the queue is closed and empty. */
static void demo_worker(struct ref_pshared_queue *q)
{
	uint32_t job;
	int r;

	while ((r = ref_pshared_queue_take(q, &job)) == 1)
		if (ref_pshared_queue_finish(q, job, demo_work(job)) != 0)
			_exit(1);
	_exit(r == 0 ? 0 : 1);
}

static int demo_reap(pid_t pid, int *status)
{
	while (waitpid(pid, status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* A process takes the lock, does the first of the two stores of a
 * removal, and is killed by SIGKILL before the second. */
static int demo_killed_holder(FILE *out, struct ref_pshared_queue *q)
{
	int ready[2], status, err;
	char c;
	pid_t pid;

	if (pipe(ready) != 0)
		return -1;
	fflush(out);
	pid = fork();
	if (pid < 0) {
		err = errno;
		close(ready[0]);
		close(ready[1]);
		errno = err;
		return -1;
	}
	if (pid == 0) {
		close(ready[0]);
		if (ref_pshared_queue_lock(q) != 0)
			_exit(1);
		q->count--; /* as if killed in the middle of an update */
		if (write(ready[1], "L", 1) != 1)
			_exit(1);
		for (;;)
			pause(); /* killed here, holding the lock */
	}
	close(ready[1]);
	err = read(ready[0], &c, 1) == 1 ? 0 : EPROTO;
	close(ready[0]);
	kill(pid, SIGKILL);
	if (demo_reap(pid, &status) != 0)
		return -1;
	if (err) {
		errno = err;
		return -1;
	}
	fprintf(out, "holder: took the lock, changed count, %s\n",
		WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ?
		"killed by SIGKILL while holding it" : "ended otherwise (wrong)");
	return WIFSIGNALED(status) ? 0 : -1;
}

int ref_pshared_demo_jobqueue(FILE *out)
{
	struct ref_pshared_queue *q = ref_pshared_queue_create();
	pid_t pids[DEMO_WORKERS];
	int i, n = 0, rc = 0, status;
	uint32_t job, sum = 0;

	if (!q)
		return -1;
	fprintf(out, "queue: %d slots in MAP_SHARED memory, robust process-shared mutex, 2 condition variables\n",
		REF_PSHARED_SLOTS);
	for (job = 1; job <= DEMO_JOBS; job++)
		if (ref_pshared_queue_put(q, job) != 0)
			goto fail;
	fprintf(out, "queued: jobs 1..%d\n", DEMO_JOBS);
	if (demo_killed_holder(out, q) != 0)
		goto fail;
	fflush(out);
	for (i = 0; i < DEMO_WORKERS; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			break;
		if (pids[i] == 0)
			demo_worker(q);
		n++;
	}
	if (n < DEMO_WORKERS)
		rc = -1;
	/* The workers may have found the dead owner first, or we do here. */
	if (rc == 0 && ref_pshared_queue_wait_done(q, DEMO_JOBS) != 0)
		rc = -1;
	if (ref_pshared_queue_close(q) != 0)
		rc = -1;
	for (i = 0; i < n; i++)
		if (demo_reap(pids[i], &status) != 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			rc = -1;
	if (rc != 0)
		goto fail;
	fprintf(out, "workers: %d processes took every job\n", DEMO_WORKERS);
	fprintf(out, "recovered: %u dead owner(s), %u repair(s) of count\n",
		q->recoveries, q->repairs);
	for (job = 1; job <= DEMO_JOBS; job++) {
		fprintf(out, "job %u: result %u\n", job, q->results[job - 1]);
		sum += q->results[job - 1];
	}
	fprintf(out, "done: %u of %d, count %u, sum %u\n", q->done, DEMO_JOBS,
		q->count, sum);
	rc = q->done == DEMO_JOBS && q->count == 0 && q->recoveries == 1 ? 0 : -1;
	if (ref_pshared_queue_destroy(q) != 0)
		return -1;
	fprintf(out, "destroyed: objects destroyed, memory unmapped\n");
	if (rc != 0)
		errno = EPROTO;
	return rc;
fail:
	i = errno;
	ref_pshared_queue_destroy(q);
	errno = i;
	return -1;
}
