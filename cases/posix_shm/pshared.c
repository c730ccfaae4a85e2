/* SPDX-License-Identifier: MIT
 * cases/posix_shm/pshared.c - process-shared mutexes and condition
 * variables placed in a POSIX shared memory object.
 * Sources: POSIX.1-2024 pthread_mutexattr_setpshared(),
 * pthread_condattr_setpshared(), pthread_mutex_lock(),
 * pthread_mutex_trylock(), pthread_cond_wait(), pthread_cond_signal().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_shm.h"

#include <pthread.h>

struct shared_sync {
	pthread_mutex_t mutex;
	pthread_cond_t cond;
	int flag;
};

/* The cases that share a mutex and a condition variable name
 * pthread_{mutex,cond}attr_setpshared() in .requires; where configure did
 * not find them they are never run, and these stubs keep them compiling. */
#ifndef HAVE_PTHREAD_MUTEXATTR_SETPSHARED
#define pthread_mutexattr_setpshared(a, v) ((void)(a), (void)(v), ENOSYS)
#endif
#ifndef HAVE_PTHREAD_CONDATTR_SETPSHARED
#define pthread_condattr_setpshared(a, v) ((void)(a), (void)(v), ENOSYS)
#endif

static void xcheck(int err, const char *what)
{
	if (err != 0)
		IPCT_BROKEN("%s: %s", what, ipct_errname(err));
}

/* A mutex and a condition variable, both PTHREAD_PROCESS_SHARED, in a new
 * shared memory object mapped MAP_SHARED (inherited by fork children). */
static struct shared_sync *shared_sync_new(void)
{
	struct shared_sync *ss;
	pthread_mutexattr_t ma;
	pthread_condattr_t ca;

	ss = (struct shared_sync *)posix_shm_xcreate_map(
		ipct_posix_name(IPCT_POSIX_SHM), sizeof *ss);
	xcheck(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	xcheck(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED),
	       "pthread_mutexattr_setpshared");
	xcheck(pthread_mutex_init(&ss->mutex, &ma), "pthread_mutex_init");
	xcheck(pthread_mutexattr_destroy(&ma), "pthread_mutexattr_destroy");
	xcheck(pthread_condattr_init(&ca), "pthread_condattr_init");
	xcheck(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED),
	       "pthread_condattr_setpshared");
	xcheck(pthread_cond_init(&ss->cond, &ca), "pthread_cond_init");
	xcheck(pthread_condattr_destroy(&ca), "pthread_condattr_destroy");
	return ss;
}

static void mutexattr_pshared_round_trip(void)
{
	pthread_mutexattr_t ma;
	int v = -1;

	xcheck(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_EQ(0, pthread_mutexattr_getpshared(&ma, &v));
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	CHECK_EQ(0, pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED));
	CHECK_EQ(0, pthread_mutexattr_getpshared(&ma, &v));
	CHECK_EQ(PTHREAD_PROCESS_SHARED, v);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_pshared_round_trip,
	.id = "posix_shm.mutexattr_pshared_round_trip",
	.asserts = "a mutex attributes object starts PTHREAD_PROCESS_PRIVATE and pthread_mutexattr_getpshared() returns what pthread_mutexattr_setpshared() set",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED) });

static void mutexattr_pshared_invalid_einval(void)
{
	pthread_mutexattr_t ma;
	int bad = PTHREAD_PROCESS_SHARED + PTHREAD_PROCESS_PRIVATE + 7;

	xcheck(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_ERRNO(pthread_mutexattr_setpshared(&ma, bad), EINVAL);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_pshared_invalid_einval,
	.id = "posix_shm.mutexattr_pshared_invalid_einval",
	.asserts = "pthread_mutexattr_setpshared() with a value other than PTHREAD_PROCESS_SHARED or PTHREAD_PROCESS_PRIVATE returns EINVAL",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED) });

static void condattr_pshared_round_trip(void)
{
	pthread_condattr_t ca;
	int v = -1;

	xcheck(pthread_condattr_init(&ca), "pthread_condattr_init");
	CHECK_EQ(0, pthread_condattr_getpshared(&ca, &v));
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	CHECK_EQ(0, pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED));
	CHECK_EQ(0, pthread_condattr_getpshared(&ca, &v));
	CHECK_EQ(PTHREAD_PROCESS_SHARED, v);
	pthread_condattr_destroy(&ca);
}
IPCT_CASE(condattr_pshared_round_trip,
	.id = "posix_shm.condattr_pshared_round_trip",
	.asserts = "a condition attributes object starts PTHREAD_PROCESS_PRIVATE and pthread_condattr_getpshared() returns what pthread_condattr_setpshared() set",
	.spec = "POSIX.1-2024 pthread_condattr_setpshared(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED) });

static void mutex_pshared_excludes_other_process(void)
{
	struct shared_sync *ss = shared_sync_new();
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_EQ(0, pthread_mutex_lock(&ss->mutex));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_EQ(0, pthread_mutex_unlock(&ss->mutex));
		ipct_post(&s, 3);
		ipct_sync_wait(&s, 4);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_ERRNO(pthread_mutex_trylock(&ss->mutex), EBUSY);
	ipct_post(&s, 2);
	ipct_sync_wait(&s, 3);
	CHECK_EQ(0, pthread_mutex_trylock(&ss->mutex));
	CHECK_EQ(0, pthread_mutex_unlock(&ss->mutex));
	ipct_post(&s, 4);
	ipct_wait_ok(pid);
}
IPCT_CASE(mutex_pshared_excludes_other_process,
	.id = "posix_shm.mutex_pshared_excludes_other_process",
	.asserts = "a PTHREAD_PROCESS_SHARED mutex in shared memory locked by one process makes pthread_mutex_trylock() in another return EBUSY, and succeed once it is unlocked",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), DESCRIPTION; pthread_mutex_trylock(), ERRORS [EBUSY]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED), IPCT_HAVE(HAVE_SHM_OPEN) });

static long lock_and_unlock(void *p)
{
	struct shared_sync *ss = p;
	int err = pthread_mutex_lock(&ss->mutex);

	if (err != 0)
		return -1000 - err;
	err = ss->flag;
	pthread_mutex_unlock(&ss->mutex);
	return err;
}

static void mutex_pshared_blocks_other_process(void)
{
	struct shared_sync *ss = shared_sync_new();
	struct ipct_blocker b;

	CHECK_EQ(0, pthread_mutex_lock(&ss->mutex));
	ipct_block_start(&b, lock_and_unlock, ss);
	ipct_block_prove(&b);
	ss->flag = 42;
	CHECK_EQ(0, pthread_mutex_unlock(&ss->mutex));
	/* It got the lock only after the unlock: it saw the store. */
	CHECK_RESULT(ipct_block_finish(&b), 42);
}
IPCT_CASE(mutex_pshared_blocks_other_process,
	.id = "posix_shm.mutex_pshared_blocks_other_process",
	.asserts = "pthread_mutex_lock() of a PTHREAD_PROCESS_SHARED mutex held by another process blocks until that process unlocks it",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), DESCRIPTION; pthread_mutex_lock(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED), IPCT_HAVE(HAVE_SHM_OPEN) });

static long wait_for_flag(void *p)
{
	struct shared_sync *ss = p;
	long seen;

	if (pthread_mutex_lock(&ss->mutex) != 0)
		return -1;
	while (ss->flag == 0)
		if (pthread_cond_wait(&ss->cond, &ss->mutex) != 0)
			break;
	seen = ss->flag;
	pthread_mutex_unlock(&ss->mutex);
	return seen;
}

static void cond_pshared_signal_wakes_other_process(void)
{
	struct shared_sync *ss = shared_sync_new();
	struct ipct_blocker b;

	ipct_block_start(&b, wait_for_flag, ss);
	ipct_block_prove(&b); /* asleep in pthread_cond_wait(), mutex released */
	CHECK_EQ(0, pthread_mutex_lock(&ss->mutex));
	ss->flag = 7;
	CHECK_EQ(0, pthread_cond_signal(&ss->cond));
	CHECK_EQ(0, pthread_mutex_unlock(&ss->mutex));
	CHECK_RESULT(ipct_block_finish(&b), 7);
}
IPCT_CASE(cond_pshared_signal_wakes_other_process,
	.id = "posix_shm.cond_pshared_signal_wakes_other_process",
	.asserts = "a process blocked in pthread_cond_wait() on a PTHREAD_PROCESS_SHARED condition variable in shared memory is woken by pthread_cond_signal() from another process",
	.spec = "POSIX.1-2024 pthread_condattr_setpshared(), DESCRIPTION; pthread_cond_wait(), pthread_cond_signal(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETPSHARED), IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETPSHARED), IPCT_HAVE(HAVE_SHM_OPEN) });

IPCT_CASES(&ipct_case_mutexattr_pshared_round_trip,
	   &ipct_case_mutexattr_pshared_invalid_einval,
	   &ipct_case_condattr_pshared_round_trip,
	   &ipct_case_mutex_pshared_excludes_other_process,
	   &ipct_case_mutex_pshared_blocks_other_process,
	   &ipct_case_cond_pshared_signal_wakes_other_process);
