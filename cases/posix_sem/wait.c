/* SPDX-License-Identifier: MIT
 * cases/posix_sem/wait.c - unnamed semaphores (sem_init(), sem_destroy())
 * and the operations on any semaphore: sem_wait(), sem_trywait(),
 * sem_timedwait(), sem_post(), sem_getvalue().
 * Sources: POSIX.1-2024 sem_init(), sem_destroy(), sem_wait(),
 * sem_trywait(), sem_timedwait(), sem_post(), sem_getvalue(), shm_open(),
 * XSH 2.4.3 (async-signal-safe functions); Linux sem_wait(3), sem_post(3),
 * signal(7) for behaviour POSIX leaves open.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_sem.h"

#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>

static void init_initial_value(void)
{
	sem_t s;
	int v = -1;

	CHECK_RET(sem_init(&s, 0, 5), 0);
	CHECK_OK(sem_getvalue(&s, &v));
	CHECK_EQ(5, v);
}
IPCT_CASE(init_initial_value,
	.id = "posix_sem.init_initial_value",
	.asserts = "sem_init() returns 0 and gives the unnamed semaphore the value argument",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION and RETURN VALUE");

static void init_value_above_max_einval(void)
{
	unsigned over = (unsigned)SEM_VALUE_MAX + 1u;
	sem_t s;

	if (over == 0)
		ipct_skip("SEM_VALUE_MAX is UINT_MAX: no unsigned value exceeds it");
	CHECK_FAILS(sem_init(&s, 0, over), EINVAL);
}
IPCT_CASE(init_value_above_max_einval,
	.id = "posix_sem.init_value_above_max_einval",
	.asserts = "sem_init() with a value greater than SEM_VALUE_MAX fails with EINVAL",
	.spec = "POSIX.1-2024 sem_init(), ERRORS [EINVAL]");

static void destroy_unused_returns_zero(void)
{
	sem_t s;

	if (sem_init(&s, 0, 1) != 0)
		IPCT_BROKEN("sem_init(): %s", ipct_errname(errno));
	CHECK_RET(sem_destroy(&s), 0);
}
IPCT_CASE(destroy_unused_returns_zero,
	.id = "posix_sem.destroy_unused_returns_zero",
	.asserts = "sem_destroy() of an unnamed semaphore no thread is blocked on returns 0",
	.spec = "POSIX.1-2024 sem_destroy(), RETURN VALUE");

struct thread_arg {
	sem_t *go;   /* posted by main once the thread may wait */
	sem_t *sem;  /* the semaphore under test */
	int ret;
};

static void *thread_waits(void *p)
{
	struct thread_arg *a = p;

	a->ret = sem_wait(a->sem);
	return NULL;
}

static void init_pshared0_between_threads(void)
{
	sem_t s;
	struct thread_arg a = { .sem = &s, .ret = -2 };
	pthread_t t;
	int e;

	if (sem_init(&s, 0, 0) != 0)
		IPCT_BROKEN("sem_init(): %s", ipct_errname(errno));
	if ((e = pthread_create(&t, NULL, thread_waits, &a)) != 0)
		IPCT_BROKEN("pthread_create(): %s", ipct_errname(e));
	CHECK_OK(sem_post(&s));
	if ((e = pthread_join(t, NULL)) != 0)
		IPCT_BROKEN("pthread_join(): %s", ipct_errname(e));
	CHECK_EQ(0, a.ret);
	CHECK_EQ(0, posix_sem_xvalue(&s));
	CHECK_OK(sem_destroy(&s));
}
IPCT_CASE(init_pshared0_between_threads,
	.id = "posix_sem.init_pshared0_between_threads",
	.asserts = "an unnamed semaphore initialised with pshared 0 synchronises threads of the process: a post by one releases the sem_wait() of another, leaving the value 0",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION");

static void init_pshared1_wakes_other_process(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;

	ipct_block_start(&b, posix_sem_call_wait, s);
	ipct_block_prove(&b);
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(init_pshared1_wakes_other_process,
	.id = "posix_sem.init_pshared1_wakes_other_process",
	.asserts = "an unnamed semaphore initialised with pshared 1 in shared memory is shared between processes: a sem_post() in one releases a sem_wait() blocked in another",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION");

/* Helper mode "shmpost NAME": an unrelated process maps the POSIX shared
 * memory object NAME and posts the semaphore at its start. */
static int shmpost_main(int argc, char **argv)
{
	void *p;
	int fd;

	if (argc < 2)
		return 2;
	CHECK_OK(fd = shm_open(argv[1], O_RDWR, 0));
	CHECK_OK_PTR(p = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE,
			      MAP_SHARED, fd, 0), MAP_FAILED);
	CHECK_OK(sem_post((sem_t *)p));
	return 0;
}
IPCT_HELPER(shmpost_main, "shmpost");

static void init_pshared1_in_shm_object_unrelated(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	sem_t *s;
	int fd;

	fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0) {
		ipct_skip_if_unsupported("shm_open", errno);
		IPCT_BROKEN("shm_open(): %s", ipct_errname(errno));
	}
	if (ftruncate(fd, sizeof *s) != 0)
		IPCT_BROKEN("ftruncate(): %s", ipct_errname(errno));
	s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (s == MAP_FAILED)
		IPCT_BROKEN("mmap(): %s", ipct_errname(errno));
	CHECK_OK(sem_init(s, 1, 0));
	CHECK_EXITED(ipct_wait(ipct_exec_helper("shmpost", name, (char *)NULL)), 0);
	CHECK_EQ(1, posix_sem_xvalue(s));
	CHECK_OK(sem_trywait(s));
}
IPCT_CASE(init_pshared1_in_shm_object_unrelated,
	.id = "posix_sem.init_pshared1_in_shm_object_unrelated",
	.asserts = "an unnamed pshared semaphore placed in a POSIX shared memory object is shared with an unrelated process that maps the object: its sem_post() raises the value",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION; shm_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void wait_positive_decrements(void)
{
	sem_t *s = posix_sem_xshared(2);

	CHECK_RET(sem_wait(s), 0);
	CHECK_EQ(1, posix_sem_xvalue(s));
}
IPCT_CASE(wait_positive_decrements,
	.id = "posix_sem.wait_positive_decrements",
	.asserts = "sem_wait() on a semaphore with a positive value returns 0 at once and decrements the value",
	.spec = "POSIX.1-2024 sem_wait(), DESCRIPTION");

static void wait_named_blocks_until_post(void)
{
	sem_t *s = posix_sem_xcreate(ipct_posix_name(IPCT_POSIX_SEM), 0);
	struct ipct_blocker b;

	ipct_block_start(&b, posix_sem_call_wait, s);
	ipct_block_prove(&b);
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(wait_named_blocks_until_post,
	.id = "posix_sem.wait_named_blocks_until_post",
	.asserts = "sem_wait() on a named semaphore with value 0 blocks until another process calls sem_post(), then returns 0 having taken the unit",
	.spec = "POSIX.1-2024 sem_wait(), DESCRIPTION; sem_post(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void trywait_zero_eagain(void)
{
	sem_t *s = posix_sem_xshared(0);

	CHECK_FAILS(sem_trywait(s), EAGAIN);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(trywait_zero_eagain,
	.id = "posix_sem.trywait_zero_eagain",
	.asserts = "sem_trywait() on a semaphore with value 0 fails at once with EAGAIN and leaves the value 0",
	.spec = "POSIX.1-2024 sem_trywait(), ERRORS [EAGAIN]");

static void trywait_positive_decrements(void)
{
	sem_t *s = posix_sem_xshared(1);

	CHECK_RET(sem_trywait(s), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(trywait_positive_decrements,
	.id = "posix_sem.trywait_positive_decrements",
	.asserts = "sem_trywait() on a semaphore with a positive value returns 0 and decrements the value",
	.spec = "POSIX.1-2024 sem_trywait(), DESCRIPTION");

static void timedwait_times_out_at_deadline(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec deadline;

	deadline = ipct_xdeadline(CLOCK_REALTIME, 20);
	CHECK_FAILS(sem_timedwait(s, &deadline), ETIMEDOUT);
	/* One-sided: never before the deadline, however late after it. */
	CHECK(ipct_xclock_reached(CLOCK_REALTIME, &deadline));
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(timedwait_times_out_at_deadline,
	.id = "posix_sem.timedwait_times_out_at_deadline",
	.asserts = "sem_timedwait() on a semaphore with value 0 fails with ETIMEDOUT, and not before CLOCK_REALTIME reaches abs_timeout",
	.spec = "POSIX.1-2024 sem_timedwait(), DESCRIPTION and ERRORS [ETIMEDOUT]");

static void timedwait_past_deadline_etimedout(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec past;

	past = ipct_xdeadline(CLOCK_REALTIME, 0);
	past.tv_sec -= 1;
	CHECK_FAILS(sem_timedwait(s, &past), ETIMEDOUT);
}
IPCT_CASE(timedwait_past_deadline_etimedout,
	.id = "posix_sem.timedwait_past_deadline_etimedout",
	.asserts = "sem_timedwait() on a semaphore with value 0 and an abs_timeout already in the past fails with ETIMEDOUT",
	.spec = "POSIX.1-2024 sem_timedwait(), ERRORS [ETIMEDOUT]");

static void timedwait_bad_nsec_einval(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct timespec big, neg;

	big = ipct_xdeadline(CLOCK_REALTIME, 1000);
	big.tv_nsec = 1000000000L;
	neg = big;
	neg.tv_nsec = -1;
	CHECK_FAILS(sem_timedwait(s, &big), EINVAL);
	CHECK_FAILS(sem_timedwait(s, &neg), EINVAL);
}
IPCT_CASE(timedwait_bad_nsec_einval,
	.id = "posix_sem.timedwait_bad_nsec_einval",
	.asserts = "sem_timedwait() that would block, with abs_timeout tv_nsec of 1000 million or negative, fails with EINVAL",
	.spec = "POSIX.1-2024 sem_timedwait(), ERRORS [EINVAL]");

static void timedwait_available_ignores_bad_timeout(void)
{
	sem_t *s = posix_sem_xshared(1);
	struct timespec bad = { .tv_sec = 0, .tv_nsec = 1000000000L };

	CHECK_RET(sem_timedwait(s, &bad), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(timedwait_available_ignores_bad_timeout,
	.id = "posix_sem.timedwait_available_ignores_bad_timeout",
	.asserts = "sem_timedwait() on a semaphore that can be locked at once succeeds even with an invalid abs_timeout (EINVAL is only for a call that would block)",
	.spec = "POSIX.1-2024 sem_timedwait(), DESCRIPTION and ERRORS [EINVAL]");

static long call_timedwait_long(void *p)
{
	struct timespec deadline;

	/* Far beyond any release the parent makes: the post must end it. */
	deadline = ipct_xdeadline(CLOCK_REALTIME, 10L * ipct_wait_limit_ms());
	return sem_timedwait(p, &deadline);
}

static void timedwait_released_by_post(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;

	ipct_block_start(&b, call_timedwait_long, s);
	ipct_block_prove(&b);
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(timedwait_released_by_post,
	.id = "posix_sem.timedwait_released_by_post",
	.asserts = "sem_timedwait() blocked on value 0 returns 0 when another process posts before the deadline",
	.spec = "POSIX.1-2024 sem_timedwait(), DESCRIPTION");

static void post_increments_value(void)
{
	sem_t *s = posix_sem_xshared(0);

	CHECK_RET(sem_post(s), 0);
	CHECK_EQ(1, posix_sem_xvalue(s));
	CHECK_RET(sem_post(s), 0);
	CHECK_EQ(2, posix_sem_xvalue(s));
}
IPCT_CASE(post_increments_value,
	.id = "posix_sem.post_increments_value",
	.asserts = "sem_post() with no waiters returns 0 and increments the value",
	.spec = "POSIX.1-2024 sem_post(), DESCRIPTION and RETURN VALUE");

static void post_wakes_one_of_two_waiters(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b[2];
	int first;

	ipct_block_start(&b[0], posix_sem_call_wait, s);
	ipct_block_start(&b[1], posix_sem_call_wait, s);
	ipct_block_prove(&b[0]);
	ipct_block_prove(&b[1]);
	CHECK_OK(sem_post(s));
	first = ipct_block_first(b, 2);
	CHECK_RESULT(ipct_block_finish(&b[first]), 0);
	/* The other has not returned. */
	CHECK(!ipct_block_returned(&b[!first]));
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b[!first]), 0);
	/* Two posts, two units taken: had the first post released both,
	 * the second would be left over. */
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(post_wakes_one_of_two_waiters,
	.id = "posix_sem.post_wakes_one_of_two_waiters",
	.asserts = "with two processes blocked in sem_wait(), one sem_post() releases exactly one of them",
	.spec = "POSIX.1-2024 sem_post(), DESCRIPTION");

static sem_t *handler_sem;

static void post_in_handler(int sig)
{
	(void)sig;
	sem_post(handler_sem);
}

static void post_from_signal_handler(void)
{
	struct ipct_blocker b;

	handler_sem = posix_sem_xshared(0);
	ipct_xsigaction(SIGUSR1, post_in_handler, 0);
	ipct_block_start(&b, posix_sem_call_wait, handler_sem);
	ipct_block_prove(&b);
	CHECK_OK(raise(SIGUSR1));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, posix_sem_xvalue(handler_sem));
}
IPCT_CASE(post_from_signal_handler,
	.id = "posix_sem.post_from_signal_handler",
	.asserts = "sem_post() is async-signal-safe: called from a signal handler it releases a process blocked in sem_wait()",
	.spec = "POSIX.1-2024 sem_post(), DESCRIPTION; XSH 2.4.3 Signal Actions");

static void getvalue_does_not_change_value(void)
{
	sem_t *s = posix_sem_xshared(3);
	int v = -1;

	CHECK_RET(sem_getvalue(s, &v), 0);
	CHECK_EQ(3, v);
	CHECK_RET(sem_getvalue(s, &v), 0);
	CHECK_EQ(3, v);
	CHECK_OK(sem_trywait(s));
	CHECK_OK(sem_trywait(s));
	CHECK_OK(sem_trywait(s));
	CHECK_FAILS(sem_trywait(s), EAGAIN);
}
IPCT_CASE(getvalue_does_not_change_value,
	.id = "posix_sem.getvalue_does_not_change_value",
	.asserts = "sem_getvalue() returns 0, stores the value, and does not change the semaphore's state",
	.spec = "POSIX.1-2024 sem_getvalue(), DESCRIPTION");

static void getvalue_locked_with_waiter(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;
	int v = 99;

	ipct_block_start(&b, posix_sem_call_wait, s);
	ipct_block_prove(&b);
	CHECK_OK(sem_getvalue(s, &v));
	CHECK(v == 0 || v == -1);
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(getvalue_locked_with_waiter,
	.id = "posix_sem.getvalue_locked_with_waiter",
	.asserts = "sem_getvalue() of a locked semaphore with one blocked waiter stores either 0 or -1 (minus the number of waiters)",
	.spec = "POSIX.1-2024 sem_getvalue(), DESCRIPTION");

static void wait_interrupted_eintr(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;

	ipct_xsigaction(SIGUSR1, ipct_noop_handler, 0); /* inherited; no SA_RESTART */
	ipct_block_start(&b, posix_sem_call_wait, s);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
	CHECK_EQ(0, posix_sem_xvalue(s));
}
IPCT_CASE(wait_interrupted_eintr,
	.id = "posix_sem.wait_interrupted_eintr",
	.asserts = "sem_wait() blocked on value 0 and interrupted by a caught signal without SA_RESTART fails with EINTR (POSIX: may fail; Linux always does)",
	.spec = "Linux sem_wait(3), ERRORS [EINTR]; signal(7); POSIX.1-2024 sem_wait(), ERRORS",
	.needs = IPCT_LINUX_ONLY);

static int handler_pipe[2];

static void note_usr1(int sig)
{
	char c = 'h';

	(void)sig;
	if (write(handler_pipe[1], &c, 1) != 1)
		_exit(3);
}

static void wait_restarted_with_sa_restart(void)
{
	sem_t *s = posix_sem_xshared(0);
	struct ipct_blocker b;
	char c;

	ipct_xpipe(handler_pipe);
	ipct_xsigaction(SIGUSR1, note_usr1, SA_RESTART);
	ipct_block_start(&b, posix_sem_call_wait, s);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_xread_all(handler_pipe[0], &c, 1); /* the handler has run */
	/* Restarted, the call takes the unit posted now; not restarted, it
	 * reports EINTR whatever the value. */
	CHECK_OK(sem_post(s));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(wait_restarted_with_sa_restart,
	.id = "posix_sem.wait_restarted_with_sa_restart",
	.asserts = "sem_wait() interrupted by a caught signal with SA_RESTART is restarted and returns 0 after a later sem_post() (Linux since 2.6.22)",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers",
	.needs = IPCT_LINUX_ONLY);

static void post_at_max_eoverflow(void)
{
	sem_t *s = posix_sem_xshared(SEM_VALUE_MAX);

	CHECK_FAILS(sem_post(s), EOVERFLOW);
	CHECK_EQ(SEM_VALUE_MAX, posix_sem_xvalue(s));
}
IPCT_CASE(post_at_max_eoverflow,
	.id = "posix_sem.post_at_max_eoverflow",
	.asserts = "sem_post() on a semaphore at SEM_VALUE_MAX fails with EOVERFLOW and leaves the value unchanged (Linux; POSIX does not define this error)",
	.spec = "Linux sem_post(3), ERRORS [EOVERFLOW]",
	.needs = IPCT_LINUX_ONLY);

static void destroy_then_init_reuses_memory(void)
{
	sem_t *s = posix_sem_xshared(2);

	CHECK_OK(sem_destroy(s));
	CHECK_RET(sem_init(s, 1, 0), 0);
	CHECK_EQ(0, posix_sem_xvalue(s));
	CHECK_FAILS(sem_trywait(s), EAGAIN);
}
IPCT_CASE(destroy_then_init_reuses_memory,
	.id = "posix_sem.destroy_then_init_reuses_memory",
	.asserts = "a destroyed semaphore can be reinitialised by sem_init(), which sets the new value",
	.spec = "POSIX.1-2024 sem_destroy(), DESCRIPTION");

#define CONCURRENT_PROCS 4
#define CONCURRENT_OPS 200000

struct concurrent_arg {
	sem_t *sem;
	struct ipct_barrier start;  /* everybody is ready to post */
	struct ipct_barrier posted; /* everybody has finished posting */
};

/* Post CONCURRENT_OPS units, wait for the others to finish posting, then
 * take CONCURRENT_OPS units without blocking: with no lost post there is
 * always one to take. */
static void post_then_take_many(void *p)
{
	struct concurrent_arg *a = p;
	int i;

	ipct_barrier_wait(&a->start);
	for (i = 0; i < CONCURRENT_OPS; i++)
		CHECK_OK(sem_post(a->sem));
	ipct_barrier_wait(&a->posted);
	for (i = 0; i < CONCURRENT_OPS; i++)
		CHECK_OK(sem_trywait(a->sem));
}

static void concurrent_posts_and_waits_balance(void)
{
	struct concurrent_arg a = { .sem = posix_sem_xshared(0) };
	pid_t pid[CONCURRENT_PROCS];
	int i;

	ipct_barrier_init(&a.start, CONCURRENT_PROCS + 1);
	ipct_barrier_init(&a.posted, CONCURRENT_PROCS + 1);
	for (i = 0; i < CONCURRENT_PROCS; i++)
		pid[i] = ipct_spawn(post_then_take_many, &a);
	ipct_barrier_wait(&a.start);
	ipct_barrier_wait(&a.posted);
	for (i = 0; i < CONCURRENT_PROCS; i++)
		ipct_wait_ok(pid[i]);
	/* A lost post shows as EAGAIN above, a lost decrement as a value
	 * left over here. */
	CHECK_EQ(0, posix_sem_xvalue(a.sem));
}
IPCT_CASE(concurrent_posts_and_waits_balance,
	.id = "posix_sem.concurrent_posts_and_waits_balance",
	.asserts = "sem_post() and sem_trywait() are atomic across processes: four processes each posting 200000 units at the same time, then taking 200000 units, all succeed and leave the value 0",
	.spec = "POSIX.1-2024 sem_post(), sem_trywait(), DESCRIPTION");

IPCT_CASES(&ipct_case_init_initial_value,
	   &ipct_case_init_value_above_max_einval,
	   &ipct_case_destroy_unused_returns_zero,
	   &ipct_case_init_pshared0_between_threads,
	   &ipct_case_init_pshared1_wakes_other_process,
	   &ipct_case_init_pshared1_in_shm_object_unrelated,
	   &ipct_case_wait_positive_decrements,
	   &ipct_case_wait_named_blocks_until_post,
	   &ipct_case_trywait_zero_eagain,
	   &ipct_case_trywait_positive_decrements,
	   &ipct_case_timedwait_times_out_at_deadline,
	   &ipct_case_timedwait_past_deadline_etimedout,
	   &ipct_case_timedwait_bad_nsec_einval,
	   &ipct_case_timedwait_available_ignores_bad_timeout,
	   &ipct_case_timedwait_released_by_post,
	   &ipct_case_post_increments_value,
	   &ipct_case_post_wakes_one_of_two_waiters,
	   &ipct_case_post_from_signal_handler,
	   &ipct_case_getvalue_does_not_change_value,
	   &ipct_case_getvalue_locked_with_waiter,
	   &ipct_case_wait_interrupted_eintr,
	   &ipct_case_wait_restarted_with_sa_restart,
	   &ipct_case_post_at_max_eoverflow,
	   &ipct_case_destroy_then_init_reuses_memory,
	   &ipct_case_concurrent_posts_and_waits_balance);
IPCT_HELPERS(&ipct_helper_shmpost_main);
