/* SPDX-License-Identifier: MIT
 * cases/posix_sem/clockwait.c - sem_clockwait(), the timed wait on a
 * chosen clock (new in POSIX.1-2024).
 * Sources: POSIX.1-2024 sem_clockwait() (the sem_timedwait() page).
 *
 * _GNU_SOURCE: glibc declares sem_clockwait() only for _GNU_SOURCE so far,
 * although the function itself is POSIX.1-2024.  Where configure found no
 * sem_clockwait() every case skips.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "posix_sem.h"

/* The cases name sem_clockwait() in .requires; where configure did not
 * find it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_SEM_CLOCKWAIT
static int no_clockwait(sem_t *s, clockid_t c, const struct timespec *t)
{
	(void)s;
	(void)c;
	(void)t;
	errno = ENOSYS;
	return -1;
}
#define sem_clockwait no_clockwait
#endif

static void clockwait_monotonic_times_out_at_deadline(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec deadline;

	deadline = ipct_xdeadline(CLOCK_MONOTONIC, 20);
	CHECK_FAILS(sem_clockwait(s, CLOCK_MONOTONIC, &deadline), ETIMEDOUT);
	/* One-sided: never before the deadline, however late after it. */
	CHECK(ipct_xclock_reached(CLOCK_MONOTONIC, &deadline));
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(clockwait_monotonic_times_out_at_deadline,
	.id = "posix_sem.clockwait_monotonic_times_out_at_deadline",
	.asserts = "sem_clockwait() with CLOCK_MONOTONIC on a semaphore with value 0 fails with ETIMEDOUT, and not before CLOCK_MONOTONIC reaches abs_timeout",
	.spec = "POSIX.1-2024 sem_clockwait(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) },
	.timed = 1);

static void clockwait_past_deadline_etimedout(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec past;

	past = ipct_xdeadline(CLOCK_MONOTONIC, 0);
	past.tv_sec -= 1;
	CHECK_FAILS(sem_clockwait(s, CLOCK_MONOTONIC, &past), ETIMEDOUT);
}
IPCT_CASE(clockwait_past_deadline_etimedout,
	.id = "posix_sem.clockwait_past_deadline_etimedout",
	.asserts = "sem_clockwait() with CLOCK_MONOTONIC on a semaphore with value 0 and an abs_timeout already past fails with ETIMEDOUT",
	.spec = "POSIX.1-2024 sem_clockwait(), ERRORS [ETIMEDOUT]",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) });

static void clockwait_available_returns_at_once(void)
{
	sem_t *s = posix_sem_xshared(1);
	struct timespec past = { 0, 0 };

	CHECK_RET(sem_clockwait(s, CLOCK_MONOTONIC, &past), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(clockwait_available_returns_at_once,
	.id = "posix_sem.clockwait_available_returns_at_once",
	.asserts = "sem_clockwait() on a semaphore with a positive value returns 0 and decrements it, whatever the (past) abs_timeout",
	.spec = "POSIX.1-2024 sem_clockwait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) });

static long call_clockwait_long(void *p)
{
	struct timespec deadline;

	deadline = ipct_xdeadline(CLOCK_MONOTONIC, 10L * ipct_wait_limit_ms());
	return sem_clockwait(p, CLOCK_MONOTONIC, &deadline);
}

static void clockwait_released_by_post(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;

	ipct_block_start(&b, call_clockwait_long, s);
	ipct_block_prove(&b);
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(clockwait_released_by_post,
	.id = "posix_sem.clockwait_released_by_post",
	.asserts = "sem_clockwait() blocked on value 0 returns 0 when another process posts before the deadline",
	.spec = "POSIX.1-2024 sem_clockwait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) });

static void clockwait_bad_clock_einval(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec deadline;

	deadline = ipct_xdeadline(CLOCK_MONOTONIC, 1000);
	CHECK_FAILS(sem_clockwait(s, (clockid_t)123456, &deadline), EINVAL);
}
IPCT_CASE(clockwait_bad_clock_einval,
	.id = "posix_sem.clockwait_bad_clock_einval",
	.asserts = "sem_clockwait() that would block, given a clock_id that is not a valid clock, fails with EINVAL",
	.spec = "POSIX.1-2024 sem_clockwait(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) });

static void clockwait_bad_nsec_einval(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec bad;

	bad = ipct_xdeadline(CLOCK_MONOTONIC, 1000);
	bad.tv_nsec = 1000000000L;
	CHECK_FAILS(sem_clockwait(s, CLOCK_MONOTONIC, &bad), EINVAL);
}
IPCT_CASE(clockwait_bad_nsec_einval,
	.id = "posix_sem.clockwait_bad_nsec_einval",
	.asserts = "sem_clockwait() that would block, with abs_timeout tv_nsec of 1000 million, fails with EINVAL",
	.spec = "POSIX.1-2024 sem_clockwait(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SEM_CLOCKWAIT) });

IPCT_CASES(&ipct_case_clockwait_monotonic_times_out_at_deadline,
	   &ipct_case_clockwait_past_deadline_etimedout,
	   &ipct_case_clockwait_available_returns_at_once,
	   &ipct_case_clockwait_released_by_post,
	   &ipct_case_clockwait_bad_clock_einval,
	   &ipct_case_clockwait_bad_nsec_einval);
