/* SPDX-License-Identifier: MIT
 * cases/pshared/robust.c - robust process-shared mutexes whose owner
 * process dies while holding them: EOWNERDEAD to the next locker,
 * pthread_mutex_consistent(), ENOTRECOVERABLE, waking blocked lockers, and
 * the robustness attribute.  Every "death" is real: the owner _exit()s or
 * is killed with SIGKILL while holding the lock.
 * Sources: POSIX.1-2024 pthread_mutexattr_setrobust(),
 * pthread_mutex_consistent(), pthread_mutex_lock(), pthread_mutex_trylock(),
 * pthread_mutex_unlock().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#include <signal.h>

#ifndef HAVE_PTHREAD_MUTEX_CONSISTENT
/* Never called: every case here requires it. */
#define pthread_mutex_consistent(m) ((void)(m), ENOSYS)
#endif
#ifndef HAVE_PTHREAD_MUTEXATTR_SETROBUST
#define pthread_mutexattr_setrobust(a, r) ((void)(a), (void)(r), ENOSYS)
#define pthread_mutexattr_getrobust(a, r) ((void)(a), (void)(r), ENOSYS)
#define PTHREAD_MUTEX_ROBUST 1
#define PTHREAD_MUTEX_STALLED 0
#endif

#define ROBUST_REQS                                      \
	IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETROBUST),     \
	IPCT_HAVE(HAVE_PTHREAD_MUTEX_CONSISTENT)

/* A robust shared mutex in anonymous shared memory. */
static struct pshared_area *robust_area(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 1);
	return a;
}

/* A child locks the mutex and _exit()s holding it; reaped here. */
static void die_holding(struct pshared_area *a)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		_exit(0);
	}
	CHECK_EXITED(ipct_wait(pid), 0);
}

/* A child locks the mutex and waits; it is killed with SIGKILL while
 * holding it, and reaped here. */
static void killed_holding(struct pshared_area *a)
{
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted */
		_exit(1);
	}
	ipct_sync_wait(&s, 1);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}

static void robust_owner_exit_eownerdead(void)
{
	struct pshared_area *a = robust_area();

	die_holding(a);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_owner_exit_eownerdead,
	.id = "pshared.robust_owner_exit_eownerdead",
	.asserts = "pthread_mutex_lock() of a robust shared mutex whose owner process exited while holding it returns EOWNERDEAD",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION (PTHREAD_MUTEX_ROBUST); pthread_mutex_lock(), ERRORS [EOWNERDEAD]",
	.requires = { ROBUST_REQS });

static void robust_owner_killed_eownerdead(void)
{
	struct pshared_area *a = robust_area();

	killed_holding(a);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_owner_killed_eownerdead,
	.id = "pshared.robust_owner_killed_eownerdead",
	.asserts = "pthread_mutex_lock() of a robust shared mutex whose owner process was killed by SIGKILL while holding it returns EOWNERDEAD",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION; pthread_mutex_lock(), ERRORS [EOWNERDEAD]",
	.requires = { ROBUST_REQS });

static void robust_trylock_eownerdead(void)
{
	struct pshared_area *a = robust_area();

	die_holding(a);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_trylock_eownerdead,
	.id = "pshared.robust_trylock_eownerdead",
	.asserts = "pthread_mutex_trylock() of a robust shared mutex whose owner process died holding it returns EOWNERDEAD (not EBUSY)",
	.spec = "POSIX.1-2024 pthread_mutex_trylock(), ERRORS [EOWNERDEAD]",
	.requires = { ROBUST_REQS });

static void robust_eownerdead_caller_owns(void)
{
	struct pshared_area *a = robust_area();
	pid_t pid;

	die_holding(a);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_trylock(&a->mutex), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_eownerdead_caller_owns,
	.id = "pshared.robust_eownerdead_caller_owns",
	.asserts = "the caller that got EOWNERDEAD owns the robust mutex: another process's pthread_mutex_trylock() returns EBUSY",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), ERRORS [EOWNERDEAD] (the mutex lock shall be acquired by the calling thread)",
	.requires = { ROBUST_REQS });

static void robust_consistent_makes_usable(void)
{
	struct pshared_area *a = robust_area();
	pid_t pid;

	killed_holding(a);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_consistent_makes_usable,
	.id = "pshared.robust_consistent_makes_usable",
	.asserts = "after EOWNERDEAD, pthread_mutex_consistent() and pthread_mutex_unlock() leave the robust mutex normally usable: the next lock by another process returns 0",
	.spec = "POSIX.1-2024 pthread_mutex_consistent(), DESCRIPTION and RETURN VALUE",
	.requires = { ROBUST_REQS });

static void robust_unlock_without_consistent_enotrecoverable(void)
{
	struct pshared_area *a = robust_area();
	pid_t pid;

	die_holding(a);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), ENOTRECOVERABLE);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_lock(&a->mutex), ENOTRECOVERABLE);
}
IPCT_CASE(robust_unlock_without_consistent_enotrecoverable,
	.id = "pshared.robust_unlock_without_consistent_enotrecoverable",
	.asserts = "a robust mutex unlocked after EOWNERDEAD without pthread_mutex_consistent() is permanently unusable: later pthread_mutex_lock() calls, in any process, return ENOTRECOVERABLE",
	.spec = "POSIX.1-2024 pthread_mutex_consistent(), DESCRIPTION; pthread_mutex_lock(), ERRORS [ENOTRECOVERABLE]",
	.requires = { ROBUST_REQS });

static void robust_notrecoverable_trylock(void)
{
	struct pshared_area *a = robust_area();

	killed_holding(a);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_trylock(&a->mutex), ENOTRECOVERABLE);
}
IPCT_CASE(robust_notrecoverable_trylock,
	.id = "pshared.robust_notrecoverable_trylock",
	.asserts = "pthread_mutex_trylock() of a robust mutex left unrecoverable (unlocked after EOWNERDEAD without being made consistent) returns ENOTRECOVERABLE",
	.spec = "POSIX.1-2024 pthread_mutex_trylock(), ERRORS [ENOTRECOVERABLE]",
	.requires = { ROBUST_REQS });

static long lock_result(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);

	if (err == EOWNERDEAD)
		pthread_mutex_consistent(&a->mutex);
	if (err == 0 || err == EOWNERDEAD)
		pthread_mutex_unlock(&a->mutex);
	return err;
}

static void robust_death_wakes_blocked_locker(void)
{
	struct pshared_area *a = robust_area();
	struct ipct_blocker b;
	struct ipct_sync s;
	pid_t owner;

	ipct_sync_init(&s);
	owner = ipct_fork();
	if (owner == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted */
		_exit(1);
	}
	ipct_sync_wait(&s, 1);
	ipct_block_start(&b, lock_result, a);
	ipct_block_prove(&b);
	CHECK_OK(kill(owner, SIGKILL));
	CHECK_SIGNALED(ipct_wait(owner), SIGKILL);
	CHECK_RESULT(ipct_block_finish(&b), EOWNERDEAD);
}
IPCT_CASE(robust_death_wakes_blocked_locker,
	.id = "pshared.robust_death_wakes_blocked_locker",
	.asserts = "a process blocked in pthread_mutex_lock() of a robust shared mutex is woken when the owner process is killed, and gets EOWNERDEAD",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION (PTHREAD_MUTEX_ROBUST: the next owner is notified); pthread_mutex_lock(), ERRORS [EOWNERDEAD]",
	.requires = { ROBUST_REQS });

/* Blocker call: lock, record the result, park on `hold` holding the lock,
 * repair, unlock; returns the lock's result. */
static long lock_record_park(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);

	if (err != 0 && err != EOWNERDEAD)
		return -1000 - err;
	__atomic_add_fetch(&a->count, 1, __ATOMIC_RELEASE);
	while (sem_wait(&a->hold) != 0)
		;
	if (err == EOWNERDEAD && pthread_mutex_consistent(&a->mutex) != 0)
		return -2000;
	pthread_mutex_unlock(&a->mutex);
	return err;
}

static void robust_death_wakes_one_of_two(void)
{
	struct pshared_area *a = robust_area();
	struct ipct_blocker b[2];
	struct ipct_result r0, r1;
	struct ipct_sync s;
	pid_t owner;

	pshared_xsem(&a->hold, 0);
	ipct_sync_init(&s);
	owner = ipct_fork();
	if (owner == 0) {
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted */
		_exit(1);
	}
	ipct_sync_wait(&s, 1);
	ipct_block_start(&b[0], lock_record_park, a);
	ipct_block_start(&b[1], lock_record_park, a);
	ipct_block_prove(&b[0]);
	ipct_block_prove(&b[1]);
	CHECK_OK(kill(owner, SIGKILL));
	CHECK_SIGNALED(ipct_wait(owner), SIGKILL);
	CHECK_EQ(1, pshared_await(&a->count, 1));
	/* One parked owning the lock, the other still blocked in it. */
	ipct_block_prove(&b[0]);
	ipct_block_prove(&b[1]);
	CHECK_EQ(1, a->count);
	CHECK_OK(sem_post(&a->hold));
	CHECK_EQ(2, pshared_await(&a->count, 2));
	CHECK_OK(sem_post(&a->hold));
	r0 = ipct_block_finish(&b[0]);
	r1 = ipct_block_finish(&b[1]);
	/* Exactly one was told the owner died; the other, after the repair,
	 * got a consistent mutex. */
	CHECK_EQ(EOWNERDEAD, r0.ret + r1.ret);
	CHECK(r0.ret == 0 || r1.ret == 0);
}
IPCT_CASE(robust_death_wakes_one_of_two,
	.id = "pshared.robust_death_wakes_one_of_two",
	.asserts = "when the owner of a robust shared mutex is killed while two processes are blocked on it, exactly one of them acquires it with EOWNERDEAD; the other stays blocked until it is made consistent and unlocked, then gets 0",
	.spec = "POSIX.1-2024 pthread_mutex_lock(), ERRORS [EOWNERDEAD]; pthread_mutex_consistent(), DESCRIPTION",
	.requires = { ROBUST_REQS });

/* Helper "die-holding SPEC FD -": lock the area's robust mutex, report,
 * and exit without unlocking. */
static int die_holding_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd;

	a = pshared_helper_area(argc, argv, &fd);
	pshared_helper_result(fd, pthread_mutex_lock(&a->mutex));
	_exit(0);
}
IPCT_HELPER(die_holding_helper, "die-holding");

static void robust_unrelated_owner_death(void)
{
	struct pshared_ext e;
	struct pshared_area *a;
	char spec[64];
	int id;

	a = pshared_xsysv(&id);
	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 1);
	snprintf(spec, sizeof spec, "sysv:%d", id);
	pshared_ext_start(&e, "die-holding", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), 0);
	CHECK_PT(pthread_mutex_lock(&a->mutex), EOWNERDEAD);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_unrelated_owner_death,
	.id = "pshared.robust_unrelated_owner_death",
	.asserts = "a robust shared mutex in a System V segment locked by an unrelated (exec'd) process that then exits is acquired by this process with EOWNERDEAD",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION (the process containing the owning thread terminated); pthread_mutex_lock(), ERRORS [EOWNERDEAD]",
	.requires = { ROBUST_REQS });

static void robust_unlock_other_process_eperm(void)
{
	struct pshared_area *a = robust_area();
	pid_t pid;

	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_mutex_unlock(&a->mutex), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_unlock_other_process_eperm,
	.id = "pshared.robust_unlock_other_process_eperm",
	.asserts = "pthread_mutex_unlock() of a robust shared mutex (of type PTHREAD_MUTEX_NORMAL) held by another process returns EPERM",
	.spec = "POSIX.1-2024 pthread_mutex_unlock(), ERRORS [EPERM] (the mutex is a robust mutex and the current thread does not own it)",
	.requires = { ROBUST_REQS });

static void robust_consistent_not_inconsistent_einval(void)
{
	struct pshared_area *a = robust_area();

	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_mutex_consistent(&a->mutex), EINVAL);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(robust_consistent_not_inconsistent_einval,
	.id = "pshared.robust_consistent_not_inconsistent_einval",
	.asserts = "pthread_mutex_consistent() of a robust mutex that protects no inconsistent state (locked normally) returns EINVAL",
	.spec = "POSIX.1-2024 pthread_mutex_consistent(), ERRORS [EINVAL]",
	.requires = { ROBUST_REQS });

static void mutexattr_robust_round_trip(void)
{
	pthread_mutexattr_t ma;
	int v = -1;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_getrobust(&ma, &v), 0);
	CHECK_EQ(PTHREAD_MUTEX_STALLED, v);
	CHECK_PT(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST), 0);
	CHECK_PT(pthread_mutexattr_getrobust(&ma, &v), 0);
	CHECK_EQ(PTHREAD_MUTEX_ROBUST, v);
	CHECK_PT(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_STALLED), 0);
	CHECK_PT(pthread_mutexattr_getrobust(&ma, &v), 0);
	CHECK_EQ(PTHREAD_MUTEX_STALLED, v);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_robust_round_trip,
	.id = "pshared.mutexattr_robust_round_trip",
	.asserts = "a mutex attributes object starts PTHREAD_MUTEX_STALLED, and pthread_mutexattr_getrobust() returns what pthread_mutexattr_setrobust() set",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), DESCRIPTION (default PTHREAD_MUTEX_STALLED) and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETROBUST) });

static void mutexattr_robust_invalid_einval(void)
{
	pthread_mutexattr_t ma;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	CHECK_PT(pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST +
					     PTHREAD_MUTEX_STALLED + 5), EINVAL);
	pthread_mutexattr_destroy(&ma);
}
IPCT_CASE(mutexattr_robust_invalid_einval,
	.id = "pshared.mutexattr_robust_invalid_einval",
	.asserts = "pthread_mutexattr_setrobust() with a value other than PTHREAD_MUTEX_STALLED or PTHREAD_MUTEX_ROBUST returns EINVAL",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETROBUST) });

IPCT_CASES(&ipct_case_robust_owner_exit_eownerdead,
	   &ipct_case_robust_owner_killed_eownerdead,
	   &ipct_case_robust_trylock_eownerdead,
	   &ipct_case_robust_eownerdead_caller_owns,
	   &ipct_case_robust_consistent_makes_usable,
	   &ipct_case_robust_unlock_without_consistent_enotrecoverable,
	   &ipct_case_robust_notrecoverable_trylock,
	   &ipct_case_robust_death_wakes_blocked_locker,
	   &ipct_case_robust_death_wakes_one_of_two,
	   &ipct_case_robust_unrelated_owner_death,
	   &ipct_case_robust_unlock_other_process_eperm,
	   &ipct_case_robust_consistent_not_inconsistent_einval,
	   &ipct_case_mutexattr_robust_round_trip,
	   &ipct_case_mutexattr_robust_invalid_einval);
IPCT_HELPERS(&ipct_helper_die_holding_helper);
