/* SPDX-License-Identifier: MIT
 * cases/pshared/mutex.c - PTHREAD_PROCESS_SHARED mutexes in shared memory
 * (System V, POSIX, anonymous MAP_SHARED) used by forked and by unrelated
 * (exec'd) processes: blocking, trylock, the error-checking and recursive
 * types, a dead owner of a non-robust mutex, timed locking, and the type
 * attribute.  posix_shm/pshared covers the pshared attribute itself and
 * trylock/lock in a POSIX object between parent and child.
 * Sources: POSIX.1-2024 pthread_mutexattr_setpshared(),
 * pthread_mutexattr_settype(), pthread_mutex_lock(), pthread_mutex_trylock(),
 * pthread_mutex_unlock(), pthread_mutex_timedlock(),
 * pthread_mutexattr_setrobust().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#include <signal.h>

/* Blocker call: lock, read the flag the releaser stored, unlock. */
static long lock_read_flag(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);
	long v;

	if (err != 0)
		return -1000 - err;
	v = a->flag;
	pthread_mutex_unlock(&a->mutex);
	return v;
}

static void mutex_sysv_lock_blocks_until_unlock(void)
{
	struct ipct_blocker b;
	struct pshared_area *a;
	int id;

	a = pshared_xsysv(&id);
	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	ipct_block_start(&b, lock_read_flag, a);
	ipct_block_prove(&b);
	a->flag = 42;
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	/* It got the lock only after the unlock: it saw the store. */
	CHECK_RESULT(ipct_block_finish(&b), 42);
}
IPCT_CASE(mutex_sysv_lock_blocks_until_unlock,
	.id = "pshared.mutex_sysv_lock_blocks_until_unlock",
	.asserts = "pthread_mutex_lock() of a PTHREAD_PROCESS_SHARED mutex in a System V shared memory segment, held by another process, blocks until that process unlocks it, and then returns 0 with the lock",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), DESCRIPTION; pthread_mutex_lock(), DESCRIPTION");

/* Helper "lock SPEC FD -": lock the area's mutex (reporting 'b' before),
 * report the flag seen under the lock, unlock. */
static int lock_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd, v;

	a = pshared_helper_area(argc, argv, &fd);
	pshared_helper_before(fd);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	v = a->flag;
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	pshared_helper_result(fd, v);
	return 0;
}
IPCT_HELPER(lock_helper, "lock");

/* Helper "trylock SPEC FD -": report pthread_mutex_trylock()'s result. */
static int trylock_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd, r;

	a = pshared_helper_area(argc, argv, &fd);
	r = pthread_mutex_trylock(&a->mutex);
	if (r == 0)
		pthread_mutex_unlock(&a->mutex);
	pshared_helper_result(fd, r);
	return 0;
}
IPCT_HELPER(trylock_helper, "trylock");

static void mutex_unrelated_lock_blocks_until_unlock(void)
{
	struct pshared_ext e;
	struct pshared_area *a;
	const char *name;
	char spec[128];

	a = pshared_xposix(&name);
	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	snprintf(spec, sizeof spec, "posix:%s", name);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	pshared_ext_start(&e, "lock", spec, NULL);
	pshared_ext_prove_blocked(&e);
	a->flag = 7;
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_EQ(7, pshared_ext_result(&e));
}
IPCT_CASE(mutex_unrelated_lock_blocks_until_unlock,
	.id = "pshared.mutex_unrelated_lock_blocks_until_unlock",
	.asserts = "an unrelated (exec'd) process that maps the POSIX shared memory object holding a PTHREAD_PROCESS_SHARED mutex blocks in pthread_mutex_lock() while this process holds it, and gets it after the unlock",
	.spec = "POSIX.1-2024 pthread_mutexattr_setpshared(), DESCRIPTION (any thread with access to the memory); pthread_mutex_lock(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mutex_unrelated_trylock_ebusy(void)
{
	struct pshared_ext e;
	struct pshared_area *a;
	char spec[64];
	int id;

	a = pshared_xsysv(&id);
	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	snprintf(spec, sizeof spec, "sysv:%d", id);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	pshared_ext_start(&e, "trylock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), EBUSY);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	pshared_ext_start(&e, "trylock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), 0);
}
IPCT_CASE(mutex_unrelated_trylock_ebusy,
	.id = "pshared.mutex_unrelated_trylock_ebusy",
	.asserts = "pthread_mutex_trylock() in an unrelated process attached to the System V segment fails with EBUSY while this process holds the PTHREAD_PROCESS_SHARED mutex, and succeeds after the unlock",
	.spec = "POSIX.1-2024 pthread_mutex_trylock(), ERRORS [EBUSY]; pthread_mutexattr_setpshared(), DESCRIPTION");

static void mutex_trylock_by_owner_ebusy(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_ERRORCHECK, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(mutex_trylock_by_owner_ebusy,
	.id = "pshared.mutex_trylock_by_owner_ebusy",
	.asserts = "pthread_mutex_trylock() of a non-recursive shared mutex that the calling thread itself holds returns EBUSY at once",
	.spec = "POSIX.1-2024 pthread_mutex_trylock(), DESCRIPTION (locked by any thread, including the current thread) and ERRORS [EBUSY]");

static void mutex_stalled_owner_death_stays_locked(void)
{
	struct pshared_area *a = pshared_xanon();
	pid_t pid;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		_exit(0); /* dies holding it */
	}
	CHECK_EXITED(ipct_wait(pid), 0);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY);
}
IPCT_CASE(mutex_stalled_owner_death_stays_locked,
	.id = "pshared.mutex_stalled_owner_death_stays_locked",
	.asserts = "a shared mutex with the default robustness PTHREAD_MUTEX_STALLED whose owner process exited while holding it stays locked: pthread_mutex_trylock() returns EBUSY",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION (PTHREAD_MUTEX_STALLED: no special actions); pthread_mutex_trylock(), ERRORS [EBUSY]");

static void mutex_errorcheck_relock_edeadlk(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_ERRORCHECK, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EDEADLK);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(mutex_errorcheck_relock_edeadlk,
	.id = "pshared.mutex_errorcheck_relock_edeadlk",
	.asserts = "pthread_mutex_lock() of a shared PTHREAD_MUTEX_ERRORCHECK mutex that the calling thread already owns returns EDEADLK instead of deadlocking",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), ERRORS [EDEADLK]");

static void mutex_errorcheck_unlock_other_process_eperm(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_sync s;
	pid_t pid;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_ERRORCHECK, 0);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), EPERM);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY); /* still held */
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(mutex_errorcheck_unlock_other_process_eperm,
	.id = "pshared.mutex_errorcheck_unlock_other_process_eperm",
	.asserts = "pthread_mutex_unlock() of a shared PTHREAD_MUTEX_ERRORCHECK mutex held by another process returns EPERM and leaves it locked",
	.spec = "POSIX.1-2024 pthread_mutex_unlock(), ERRORS [EPERM]");

static void mutex_errorcheck_unlock_unlocked_eperm(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_ERRORCHECK, 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), EPERM);
}
IPCT_CASE(mutex_errorcheck_unlock_unlocked_eperm,
	.id = "pshared.mutex_errorcheck_unlock_unlocked_eperm",
	.asserts = "pthread_mutex_unlock() of an unlocked shared PTHREAD_MUTEX_ERRORCHECK mutex returns EPERM",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), DESCRIPTION (PTHREAD_MUTEX_ERRORCHECK: unlocking an unlocked mutex returns an error); pthread_mutex_unlock(), ERRORS [EPERM]");

static void mutex_recursive_counts_across_processes(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_sync s;
	pid_t pid;
	int i;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_RECURSIVE, 0);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		for (i = 0; i < 3; i++) {
			ipct_post(&s, 2 * i + 1);
			ipct_sync_wait(&s, 2 * i + 2);
			CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
		}
		ipct_post(&s, 7);
		ipct_sync_wait(&s, 8);
		ipct_child_exit();
	}
	for (i = 0; i < 3; i++) {
		ipct_sync_wait(&s, 2 * i + 1);
		/* Held 3 - i times by the child. */
		CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY);
		ipct_post(&s, 2 * i + 2);
	}
	ipct_sync_wait(&s, 7);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	ipct_post(&s, 8);
	ipct_wait_ok(pid);
}
IPCT_CASE(mutex_recursive_counts_across_processes,
	.id = "pshared.mutex_recursive_counts_across_processes",
	.asserts = "a shared PTHREAD_MUTEX_RECURSIVE mutex locked three times by one process stays unavailable to another process (trylock EBUSY) until it has been unlocked three times",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), DESCRIPTION (PTHREAD_MUTEX_RECURSIVE: lock count); pthread_mutex_trylock(), ERRORS [EBUSY]");

static void mutex_recursive_trylock_by_owner_succeeds(void)
{
	struct pshared_area *a = pshared_xanon();
	pid_t pid;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_RECURSIVE, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	/* One unlock of two: still ours. */
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(mutex_recursive_trylock_by_owner_succeeds,
	.id = "pshared.mutex_recursive_trylock_by_owner_succeeds",
	.asserts = "pthread_mutex_trylock() of a shared PTHREAD_MUTEX_RECURSIVE mutex the caller owns succeeds and adds one to the lock count: after one unlock another process still gets EBUSY",
	.spec = "POSIX.1-2024 pthread_mutex_trylock(), DESCRIPTION (PTHREAD_MUTEX_RECURSIVE owned by the caller: count incremented, immediate success)");

static void mutex_recursive_unlock_other_process_eperm(void)
{
	struct pshared_area *a = pshared_xanon();
	pid_t pid;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_RECURSIVE, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_unlock(&a->mutex), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(mutex_recursive_unlock_other_process_eperm,
	.id = "pshared.mutex_recursive_unlock_other_process_eperm",
	.asserts = "pthread_mutex_unlock() of a shared PTHREAD_MUTEX_RECURSIVE mutex held by another process returns EPERM",
	.spec = "POSIX.1-2024 pthread_mutex_unlock(), ERRORS [EPERM]");

/* Blocker call: lock, count the acquisition, park on `hold` with the
 * lock held, then unlock.  Returns the lock's result. */
static long lock_count_park(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);

	if (err != 0)
		return -1000 - err;
	__atomic_add_fetch(&a->count, 1, __ATOMIC_RELEASE);
	while (sem_wait(&a->hold) != 0)
		;
	return pthread_mutex_unlock(&a->mutex);
}

static void mutex_unlock_admits_one_of_two_lockers(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b[2];

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	pshared_xsem(&a->hold, 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	ipct_block_start(&b[0], lock_count_park, a);
	ipct_block_start(&b[1], lock_count_park, a);
	ipct_block_prove(&b[0]);
	ipct_block_prove(&b[1]);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_EQ(1, pshared_await(&a->count, 1));
	/* Both asleep again: one parked holding the lock, one in the lock. */
	ipct_block_prove(&b[0]);
	ipct_block_prove(&b[1]);
	CHECK_EQ(1, a->count);
	CHECK_OK(sem_post(&a->hold));
	CHECK_EQ(2, pshared_await(&a->count, 2));
	CHECK_OK(sem_post(&a->hold));
	CHECK_RESULT(ipct_block_finish(&b[0]), 0);
	CHECK_RESULT(ipct_block_finish(&b[1]), 0);
}
IPCT_CASE(mutex_unlock_admits_one_of_two_lockers,
	.id = "pshared.mutex_unlock_admits_one_of_two_lockers",
	.asserts = "with two processes blocked on a shared mutex, its unlock lets exactly one of them own it; the other stays blocked until that one unlocks",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), DESCRIPTION; pthread_mutex_unlock(), DESCRIPTION (the scheduling policy determines which thread acquires the mutex)");

static void mutexattr_type_round_trip(void)
{
	static const int types[] = { PTHREAD_MUTEX_NORMAL, PTHREAD_MUTEX_ERRORCHECK,
				     PTHREAD_MUTEX_RECURSIVE, PTHREAD_MUTEX_DEFAULT };
	pthread_mutexattr_t ma;
	unsigned i;
	int t = -1;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_gettype(&ma, &t), 0);
	CHECK_EQ(PTHREAD_MUTEX_DEFAULT, t);
	CHECK_PT(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED), 0);
	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		CHECK_PT(pthread_mutexattr_settype(&ma, types[i]), 0);
		CHECK_PT(pthread_mutexattr_gettype(&ma, &t), 0);
		CHECK_EQ(types[i], t);
	}
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_type_round_trip,
	.id = "pshared.mutexattr_type_round_trip",
	.asserts = "a mutex attributes object starts with type PTHREAD_MUTEX_DEFAULT, and pthread_mutexattr_gettype() returns each type pthread_mutexattr_settype() set on a process-shared attributes object",
	.spec = "POSIX.1-2024 pthread_mutexattr_gettype(), DESCRIPTION (default PTHREAD_MUTEX_DEFAULT) and RETURN VALUE");

static void mutexattr_type_invalid_einval(void)
{
	pthread_mutexattr_t ma;
	int bad = PTHREAD_MUTEX_NORMAL + PTHREAD_MUTEX_ERRORCHECK +
		  PTHREAD_MUTEX_RECURSIVE + PTHREAD_MUTEX_DEFAULT + 99;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_settype(&ma, bad), EINVAL);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_type_invalid_einval,
	.id = "pshared.mutexattr_type_invalid_einval",
	.asserts = "pthread_mutexattr_settype() with a value that is no mutex type returns EINVAL",
	.spec = "POSIX.1-2024 pthread_mutexattr_gettype(), ERRORS [EINVAL] (settype shall fail)");

static void mutexattr_pshared_round_trip(void)
{
	pthread_mutexattr_t ma;
	int v;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_getpshared(&ma, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	CHECK_PT(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED), 0);
	CHECK_PT(pthread_mutexattr_getpshared(&ma, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_SHARED, v);
	CHECK_PT(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_PRIVATE), 0);
	CHECK_PT(pthread_mutexattr_getpshared(&ma, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_pshared_round_trip,
	.id = "pshared.mutexattr_pshared_round_trip",
	.asserts = "a mutex attributes object starts PTHREAD_PROCESS_PRIVATE, and pthread_mutexattr_getpshared() returns each value pthread_mutexattr_setpshared() set",
	.spec = "POSIX.1-2024 pthread_mutexattr_getpshared(), DESCRIPTION (the default value is PTHREAD_PROCESS_PRIVATE) and RETURN VALUE");

static void mutexattr_pshared_invalid_einval(void)
{
	pthread_mutexattr_t ma;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED +
					      PTHREAD_PROCESS_PRIVATE + 7), EINVAL);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_pshared_invalid_einval,
	.id = "pshared.mutexattr_pshared_invalid_einval",
	.asserts = "pthread_mutexattr_setpshared() with a value other than PTHREAD_PROCESS_SHARED or PTHREAD_PROCESS_PRIVATE returns EINVAL (Linux C libraries; POSIX lists EINVAL as may-fail)",
	.spec = "POSIX.1-2024 pthread_mutexattr_getpshared(), ERRORS [EINVAL] (may fail); glibc and musl check the value",
	.needs = IPCT_LINUX_ONLY);

static void mutex_timedlock_held_etimedout(void)
{
#ifdef HAVE_PTHREAD_MUTEX_TIMEDLOCK
	struct pshared_area *a = pshared_xanon();
	struct ipct_sync s;
	struct timespec dl;
	pid_t pid;

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	dl = ipct_xdeadline(CLOCK_REALTIME, 20);
	CHECK_PT(pthread_mutex_timedlock(&a->mutex, &dl), ETIMEDOUT);
	CHECK(ipct_xclock_reached(CLOCK_REALTIME, &dl));
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
#endif
}
IPCT_CASE(mutex_timedlock_held_etimedout,
	.id = "pshared.mutex_timedlock_held_etimedout",
	.asserts = "pthread_mutex_timedlock() of a shared mutex held by another process returns ETIMEDOUT, and not before CLOCK_REALTIME reaches abstime",
	.spec = "POSIX.1-2024 pthread_mutex_timedlock(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_MUTEX_TIMEDLOCK) },
	.timed = 1);

IPCT_CASES(&ipct_case_mutex_sysv_lock_blocks_until_unlock,
	   &ipct_case_mutex_unrelated_lock_blocks_until_unlock,
	   &ipct_case_mutex_unrelated_trylock_ebusy,
	   &ipct_case_mutex_trylock_by_owner_ebusy,
	   &ipct_case_mutex_stalled_owner_death_stays_locked,
	   &ipct_case_mutex_errorcheck_relock_edeadlk,
	   &ipct_case_mutex_errorcheck_unlock_other_process_eperm,
	   &ipct_case_mutex_errorcheck_unlock_unlocked_eperm,
	   &ipct_case_mutex_recursive_counts_across_processes,
	   &ipct_case_mutex_recursive_trylock_by_owner_succeeds,
	   &ipct_case_mutex_recursive_unlock_other_process_eperm,
	   &ipct_case_mutex_unlock_admits_one_of_two_lockers,
	   &ipct_case_mutexattr_type_round_trip,
	   &ipct_case_mutexattr_type_invalid_einval,
	   &ipct_case_mutexattr_pshared_round_trip,
	   &ipct_case_mutexattr_pshared_invalid_einval,
	   &ipct_case_mutex_timedlock_held_etimedout);
IPCT_HELPERS(&ipct_helper_lock_helper, &ipct_helper_trylock_helper);
