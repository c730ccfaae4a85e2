/* SPDX-License-Identifier: MIT
 * cases/pshared/cond.c - PTHREAD_PROCESS_SHARED condition variables in
 * shared memory, waited on by several processes: signal unblocks one (the
 * others stay blocked), broadcast unblocks all, the mutex is released
 * while waiting and held again on return, predicate loops, timed waits on
 * CLOCK_MONOTONIC, and an unrelated process that signals.
 * posix_shm/pshared covers one signal waking one waiter in a POSIX object.
 * Sources: POSIX.1-2024 pthread_cond_wait(), pthread_cond_timedwait(),
 * pthread_cond_signal(), pthread_cond_broadcast(),
 * pthread_condattr_setclock(), pthread_condattr_setpshared().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#include <signal.h>

#ifndef HAVE_PTHREAD_CONDATTR_SETCLOCK
#define pthread_condattr_setclock(a, c) ((void)(a), (void)(c), ENOSYS)
#define pthread_condattr_getclock(a, c) ((void)(a), (void)(c), ENOSYS)
#endif

/* Blocker call: wait, in a predicate loop, until a ticket is available,
 * take it; returns the wait's last error or 0. */
static long take_ticket(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);

	if (err != 0)
		return -1000 - err;
	while (a->tickets == 0 && err == 0)
		err = pthread_cond_wait(&a->cond, &a->mutex);
	if (err == 0)
		a->tickets--;
	pthread_mutex_unlock(&a->mutex);
	return err;
}

/* Blocker call: wait in a predicate loop until the flag is set; returns
 * the flag's value. */
static long wait_flag(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_mutex_lock(&a->mutex);
	long v;

	if (err != 0)
		return -1000 - err;
	while (a->flag == 0 && err == 0)
		err = pthread_cond_wait(&a->cond, &a->mutex);
	v = err ? -2000 - err : a->flag;
	pthread_mutex_unlock(&a->mutex);
	return v;
}

/* Set the flag under the mutex, then signal or broadcast. */
static void set_flag(struct pshared_area *a, int v, int broadcast)
{
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->flag = v;
	if (broadcast)
		CHECK_PT(pthread_cond_broadcast(&a->cond), 0);
	else
		CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}

static void cond_signal_unblocks_one_of_three(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b[3];
	int i, first;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	for (i = 0; i < 3; i++)
		ipct_block_start(&b[i], take_ticket, a);
	for (i = 0; i < 3; i++)
		ipct_block_prove(&b[i]);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->tickets = 1;
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	first = ipct_block_first(b, 3);
	CHECK_RESULT(ipct_block_finish(&b[first]), 0);
	/* The others are still waiting (any that woke found no ticket). */
	for (i = 0; i < 3; i++)
		if (i != first) {
			ipct_block_prove(&b[i]);
			CHECK(!ipct_block_returned(&b[i]));
		}
	CHECK_EQ(0, a->tickets);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->tickets = 2;
	CHECK_PT(pthread_cond_broadcast(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	for (i = 0; i < 3; i++)
		if (i != first)
			CHECK_RESULT(ipct_block_finish(&b[i]), 0);
}
IPCT_CASE(cond_signal_unblocks_one_of_three,
	.id = "pshared.cond_signal_unblocks_one_of_three",
	.asserts = "pthread_cond_signal() on a shared condition variable with three processes waiting unblocks at least one: with one unit of the predicate exactly one returns, and the other two stay blocked",
	.spec = "POSIX.1-2024 pthread_cond_signal(), DESCRIPTION (shall unblock at least one of the threads blocked); pthread_cond_wait(), DESCRIPTION");

static void cond_broadcast_unblocks_all(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b[3];
	int i;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	for (i = 0; i < 3; i++)
		ipct_block_start(&b[i], wait_flag, a);
	for (i = 0; i < 3; i++)
		ipct_block_prove(&b[i]);
	set_flag(a, 5, 1);
	for (i = 0; i < 3; i++)
		CHECK_RESULT(ipct_block_finish(&b[i]), 5);
}
IPCT_CASE(cond_broadcast_unblocks_all,
	.id = "pshared.cond_broadcast_unblocks_all",
	.asserts = "pthread_cond_broadcast() on a shared condition variable unblocks every one of three processes waiting on it",
	.spec = "POSIX.1-2024 pthread_cond_broadcast(), DESCRIPTION (shall unblock all threads currently blocked)");

static void cond_wait_releases_mutex(void)
{
	struct pshared_area *a = pshared_xsysv(&(int){ 0 });
	struct ipct_blocker b;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	ipct_block_start(&b, wait_flag, a);
	ipct_block_prove(&b);
	/* The waiter locked the mutex before waiting; it is free now. */
	CHECK_PT(pthread_mutex_trylock(&a->mutex), 0);
	a->flag = 3;
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_RESULT(ipct_block_finish(&b), 3);
}
IPCT_CASE(cond_wait_releases_mutex,
	.id = "pshared.cond_wait_releases_mutex",
	.asserts = "a process blocked in pthread_cond_wait() on a shared condition variable (in a System V segment) has released the mutex: another process's pthread_mutex_trylock() succeeds",
	.spec = "POSIX.1-2024 pthread_cond_wait(), DESCRIPTION (atomically release mutex and block)");

static void cond_wait_reacquires_before_return(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	ipct_block_start(&b, wait_flag, a);
	ipct_block_prove(&b);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->flag = 9;
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	/* Signalled, but the mutex is ours: it cannot return yet. */
	ipct_block_prove(&b);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_RESULT(ipct_block_finish(&b), 9);
}
IPCT_CASE(cond_wait_reacquires_before_return,
	.id = "pshared.cond_wait_reacquires_before_return",
	.asserts = "a process signalled in pthread_cond_wait() while the signalling process still holds the mutex does not return until that mutex is unlocked: it returns owning the mutex",
	.spec = "POSIX.1-2024 pthread_cond_wait(), DESCRIPTION (upon successful return, the mutex shall have been locked and owned by the calling thread)");

static void cond_signal_without_waiters_no_effect(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_cond_broadcast(&a->cond), 0);
	/* A waiter arriving afterwards still blocks: nothing was stored. */
	a->tickets = 0;
	ipct_block_start(&b, take_ticket, a);
	ipct_block_prove(&b);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->tickets = 1;
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(cond_signal_without_waiters_no_effect,
	.id = "pshared.cond_signal_without_waiters_no_effect",
	.asserts = "pthread_cond_signal() and pthread_cond_broadcast() on a shared condition variable nobody waits on have no effect: a process that waits afterwards blocks until the next signal",
	.spec = "POSIX.1-2024 pthread_cond_broadcast(), DESCRIPTION (no effect if there are no threads currently blocked on cond)");

static void cond_predicate_false_wake_rewaits(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	ipct_block_start(&b, wait_flag, a);
	ipct_block_prove(&b);
	/* A wake-up with the predicate still false: the loop waits again. */
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_cond_broadcast(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	ipct_block_prove(&b);
	CHECK(!ipct_block_returned(&b));
	set_flag(a, 4, 0);
	CHECK_RESULT(ipct_block_finish(&b), 4);
}
IPCT_CASE(cond_predicate_false_wake_rewaits,
	.id = "pshared.cond_predicate_false_wake_rewaits",
	.asserts = "a process waiting on a shared condition variable in a predicate loop, woken while the predicate is false, goes back to waiting (with the mutex re-acquired to test it) and returns only after the predicate is made true and signalled",
	.spec = "POSIX.1-2024 pthread_cond_wait(), DESCRIPTION and APPLICATION USAGE (spurious wakeups; the predicate shall be re-evaluated)");

/* Blocker call: timed wait on CLOCK_MONOTONIC for the flag, deadline
 * `wait limit` ms away; returns the flag or -(error). */
static long timed_wait_flag(void *p)
{
	struct pshared_area *a = p;
	struct timespec dl;
	int err;
	long v;

	dl = ipct_xdeadline(CLOCK_MONOTONIC, ipct_wait_limit_ms());
	err = pthread_mutex_lock(&a->mutex);
	if (err != 0)
		return -1000 - err;
	while (a->flag == 0 && err == 0)
		err = pthread_cond_timedwait(&a->cond, &a->mutex, &dl);
	v = err ? -err : a->flag;
	pthread_mutex_unlock(&a->mutex);
	return v;
}

static void cond_timedwait_monotonic_times_out(void)
{
	struct pshared_area *a = pshared_xanon();
	struct timespec dl;
	int err = 0;
	pid_t pid;

	pshared_xmutex_cond(a, CLOCK_MONOTONIC);
	pid = ipct_fork();
	if (pid == 0) {
		/* 30 ms away on the monotonic clock: read as CLOCK_REALTIME
		 * this would lie decades in the past. */
		dl = ipct_xdeadline(CLOCK_MONOTONIC, 30);
		CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
		while (a->flag == 0 && err == 0)
			err = pthread_cond_timedwait(&a->cond, &a->mutex, &dl);
		CHECK_ERRNO(err, ETIMEDOUT);
		CHECK(ipct_xclock_reached(CLOCK_MONOTONIC, &dl));
		CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(cond_timedwait_monotonic_times_out,
	.id = "pshared.cond_timedwait_monotonic_times_out",
	.asserts = "pthread_cond_timedwait() on a shared condition variable whose clock attribute is CLOCK_MONOTONIC returns ETIMEDOUT, and not before CLOCK_MONOTONIC reaches abstime",
	.spec = "POSIX.1-2024 pthread_condattr_setclock(), DESCRIPTION; pthread_cond_timedwait(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETCLOCK) },
	.timed = 1);

static void cond_timedwait_monotonic_signalled(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b;

	pshared_xmutex_cond(a, CLOCK_MONOTONIC);
	ipct_block_start(&b, timed_wait_flag, a);
	ipct_block_prove(&b);
	set_flag(a, 6, 0);
	CHECK_RESULT(ipct_block_finish(&b), 6);
}
IPCT_CASE(cond_timedwait_monotonic_signalled,
	.id = "pshared.cond_timedwait_monotonic_signalled",
	.asserts = "a process blocked in pthread_cond_timedwait() on a CLOCK_MONOTONIC shared condition variable is unblocked by another process's pthread_cond_signal() before the deadline and returns 0",
	.spec = "POSIX.1-2024 pthread_cond_timedwait(), DESCRIPTION; pthread_cond_signal(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETCLOCK) });

static void cond_timedwait_past_deadline_etimedout(void)
{
	struct pshared_area *a = pshared_xanon();
	struct timespec dl;

	pshared_xmutex_cond(a, CLOCK_MONOTONIC);
	dl = ipct_xdeadline(CLOCK_MONOTONIC, -1000);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	CHECK_PT(pthread_cond_timedwait(&a->cond, &a->mutex, &dl), ETIMEDOUT);
	/* It returns owning the mutex, as after any wait. */
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
}
IPCT_CASE(cond_timedwait_past_deadline_etimedout,
	.id = "pshared.cond_timedwait_past_deadline_etimedout",
	.asserts = "pthread_cond_timedwait() on a CLOCK_MONOTONIC shared condition variable with an abstime already passed returns ETIMEDOUT, with the mutex held again",
	.spec = "POSIX.1-2024 pthread_cond_timedwait(), DESCRIPTION (abstime passed at the time of the call) and ERRORS [ETIMEDOUT]",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETCLOCK) });

static void condattr_clock_round_trip(void)
{
	pthread_condattr_t ca;
	clockid_t c = (clockid_t)-1;

	pshared_xok(pthread_condattr_init(&ca), "pthread_condattr_init");
	CHECK_PT(pthread_condattr_getclock(&ca, &c), 0);
	CHECK_EQ(CLOCK_REALTIME, c);
	CHECK_PT(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED), 0);
	CHECK_PT(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC), 0);
	CHECK_PT(pthread_condattr_getclock(&ca, &c), 0);
	CHECK_EQ(CLOCK_MONOTONIC, c);
	pthread_condattr_destroy(&ca);
}
IPCT_CASE(condattr_clock_round_trip,
	.id = "pshared.condattr_clock_round_trip",
	.asserts = "a condition attributes object's clock starts as the system clock CLOCK_REALTIME, and pthread_condattr_getclock() returns CLOCK_MONOTONIC once pthread_condattr_setclock() set it on a process-shared attributes object",
	.spec = "POSIX.1-2024 pthread_condattr_setclock(), DESCRIPTION (the default refers to the system clock) and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETCLOCK) });

static void condattr_clock_cputime_fails(void)
{
	pthread_condattr_t ca;
	clockid_t c = (clockid_t)-1;

	pshared_xok(pthread_condattr_init(&ca), "pthread_condattr_init");
	CHECK_NE(0, pthread_condattr_setclock(&ca, CLOCK_PROCESS_CPUTIME_ID));
	CHECK_PT(pthread_condattr_getclock(&ca, &c), 0);
	CHECK_EQ(CLOCK_REALTIME, c);
	pthread_condattr_destroy(&ca);
}
IPCT_CASE(condattr_clock_cputime_fails,
	.id = "pshared.condattr_clock_cputime_fails",
	.asserts = "pthread_condattr_setclock() with a CPU-time clock (CLOCK_PROCESS_CPUTIME_ID) fails and leaves the clock attribute unchanged",
	.spec = "POSIX.1-2024 pthread_condattr_setclock(), DESCRIPTION (a CPU-time clock: the call shall fail; EINVAL is listed as may-fail, so only the failure is asserted)",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_CONDATTR_SETCLOCK) });

static void condattr_pshared_invalid_einval(void)
{
	pthread_condattr_t ca;

	pshared_xok(pthread_condattr_init(&ca), "pthread_condattr_init");
	CHECK_PT(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED +
					     PTHREAD_PROCESS_PRIVATE + 7), EINVAL);
	pthread_condattr_destroy(&ca);
}
IPCT_CASE(condattr_pshared_invalid_einval,
	.id = "pshared.condattr_pshared_invalid_einval",
	.asserts = "pthread_condattr_setpshared() with a value other than PTHREAD_PROCESS_SHARED or PTHREAD_PROCESS_PRIVATE returns EINVAL (Linux C libraries; POSIX lists EINVAL as may-fail)",
	.spec = "POSIX.1-2024 pthread_condattr_setpshared(), ERRORS [EINVAL] (may fail); glibc and musl check the value",
	.needs = IPCT_LINUX_ONLY);

/* Helper "signal SPEC FD VALUE": set the flag to VALUE under the mutex
 * and signal the condition variable. */
static int signal_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd;

	a = pshared_helper_area(argc, argv, &fd);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->flag = atoi(argv[3]);
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	pshared_helper_result(fd, 0);
	return 0;
}
IPCT_HELPER(signal_helper, "signal");

static void cond_unrelated_signal_wakes_waiter(void)
{
	struct pshared_area *a;
	struct ipct_blocker b;
	struct pshared_ext e;
	const char *name;
	char spec[128];

	a = pshared_xposix(&name);
	pshared_xmutex_cond(a, CLOCK_REALTIME);
	snprintf(spec, sizeof spec, "posix:%s", name);
	ipct_block_start(&b, wait_flag, a);
	ipct_block_prove(&b);
	pshared_ext_start(&e, "signal", spec, "11");
	CHECK_ERRNO(pshared_ext_result(&e), 0);
	CHECK_RESULT(ipct_block_finish(&b), 11);
}
IPCT_CASE(cond_unrelated_signal_wakes_waiter,
	.id = "pshared.cond_unrelated_signal_wakes_waiter",
	.asserts = "pthread_cond_signal() by an unrelated (exec'd) process that maps the POSIX shared memory object unblocks a process waiting on the shared condition variable",
	.spec = "POSIX.1-2024 pthread_condattr_setpshared(), DESCRIPTION (any thread that has access to the memory); pthread_cond_signal(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void cond_killed_waiter_takes_no_signal(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker dead, live;

	pshared_xmutex_cond(a, CLOCK_REALTIME);
	ipct_block_start(&dead, take_ticket, a);
	ipct_block_prove(&dead);
	ipct_block_start(&live, take_ticket, a);
	ipct_block_prove(&live);
	CHECK_OK(kill(dead.pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(dead.pid), SIGKILL);
	CHECK_PT(pthread_mutex_lock(&a->mutex), 0);
	a->tickets = 1;
	CHECK_PT(pthread_cond_signal(&a->cond), 0);
	CHECK_PT(pthread_mutex_unlock(&a->mutex), 0);
	CHECK_RESULT(ipct_block_finish(&live), 0);
	ipct_xclose(dead.before[0]);
	ipct_xclose(dead.result[0]);
}
IPCT_CASE(cond_killed_waiter_takes_no_signal,
	.id = "pshared.cond_killed_waiter_takes_no_signal",
	.asserts = "a process killed while waiting on a shared condition variable is no longer blocked on it: a later pthread_cond_signal() unblocks the remaining waiter",
	.spec = "POSIX.1-2024 pthread_cond_signal(), DESCRIPTION (shall unblock at least one of the threads that are blocked)");

IPCT_CASES(&ipct_case_cond_signal_unblocks_one_of_three,
	   &ipct_case_cond_broadcast_unblocks_all,
	   &ipct_case_cond_wait_releases_mutex,
	   &ipct_case_cond_wait_reacquires_before_return,
	   &ipct_case_cond_signal_without_waiters_no_effect,
	   &ipct_case_cond_predicate_false_wake_rewaits,
	   &ipct_case_cond_timedwait_monotonic_times_out,
	   &ipct_case_cond_timedwait_monotonic_signalled,
	   &ipct_case_cond_timedwait_past_deadline_etimedout,
	   &ipct_case_condattr_clock_round_trip,
	   &ipct_case_condattr_clock_cputime_fails,
	   &ipct_case_condattr_pshared_invalid_einval,
	   &ipct_case_cond_unrelated_signal_wakes_waiter,
	   &ipct_case_cond_killed_waiter_takes_no_signal);
IPCT_HELPERS(&ipct_helper_signal_helper);
