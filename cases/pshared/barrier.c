/* SPDX-License-Identifier: MIT
 * cases/pshared/barrier.c - PTHREAD_PROCESS_SHARED barriers in shared
 * memory: processes block until the count has arrived, exactly one gets
 * PTHREAD_BARRIER_SERIAL_THREAD, the barrier resets for the next round,
 * an unrelated process can complete it, and the init/attribute errors.
 * Sources: POSIX.1-2024 pthread_barrier_init(), pthread_barrier_wait(),
 * pthread_barrierattr_setpshared().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#define BAR_REQS                                   \
	IPCT_HAVE(HAVE_PTHREAD_BARRIER_INIT),      \
	IPCT_HAVE(HAVE_PTHREAD_BARRIERATTR_SETPSHARED)

#ifdef HAVE_PTHREAD_BARRIER_INIT
/* Blocker call: wait at the barrier; 1 for the serial return, 0 for the
 * plain one, -error otherwise. */
static long barrier_arrive(void *p)
{
	struct pshared_area *a = p;
	int r = pthread_barrier_wait(&a->barrier);

	if (r == PTHREAD_BARRIER_SERIAL_THREAD)
		return 1;
	return r == 0 ? 0 : -r;
}

static int serial(int r)
{
	if (r == PTHREAD_BARRIER_SERIAL_THREAD)
		return 1;
	CHECK_ERRNO(r, 0);
	return 0;
}
#endif

static void barrier_serial_to_exactly_one(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a = pshared_xanon();
	pid_t pid[3];
	int i;

	pshared_xbarrier(&a->barrier, 4);
	for (i = 0; i < 3; i++) {
		pid[i] = ipct_fork();
		if (pid[i] == 0) {
			int s = serial(pthread_barrier_wait(&a->barrier));

			__atomic_add_fetch(&a->results[0], s, __ATOMIC_RELEASE);
			__atomic_add_fetch(&a->count, 1, __ATOMIC_RELEASE);
			ipct_child_exit();
		}
	}
	i = serial(pthread_barrier_wait(&a->barrier));
	__atomic_add_fetch(&a->results[0], i, __ATOMIC_RELEASE);
	for (i = 0; i < 3; i++)
		ipct_wait_ok(pid[i]);
	CHECK_EQ(3, a->count);
	CHECK_EQ(1, a->results[0]);
#endif
}
IPCT_CASE(barrier_serial_to_exactly_one,
	.id = "pshared.barrier_serial_to_exactly_one",
	.asserts = "of four processes waiting at a shared barrier of count 4, exactly one gets PTHREAD_BARRIER_SERIAL_THREAD and the other three get 0",
	.spec = "POSIX.1-2024 pthread_barrier_wait(), RETURN VALUE (PTHREAD_BARRIER_SERIAL_THREAD to one unspecified thread, zero to each of the others)",
	.requires = { BAR_REQS });

static void barrier_blocks_until_count(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b[2];
	struct ipct_result r0, r1;
	int mine;

	pshared_xbarrier(&a->barrier, 3);
	ipct_block_start(&b[0], barrier_arrive, a);
	ipct_block_prove(&b[0]);
	ipct_block_start(&b[1], barrier_arrive, a);
	ipct_block_prove(&b[1]);
	ipct_block_prove(&b[0]); /* two of three: both still blocked */
	mine = serial(pthread_barrier_wait(&a->barrier));
	r0 = ipct_block_finish(&b[0]);
	r1 = ipct_block_finish(&b[1]);
	CHECK(r0.ret >= 0 && r1.ret >= 0);
	CHECK_EQ(1, mine + r0.ret + r1.ret);
#endif
}
IPCT_CASE(barrier_blocks_until_count,
	.id = "pshared.barrier_blocks_until_count",
	.asserts = "processes waiting at a shared barrier of count 3 stay blocked while only two have arrived, and the third arrival releases all three",
	.spec = "POSIX.1-2024 pthread_barrier_wait(), DESCRIPTION (the calling thread shall block until the required number of threads have called it)",
	.requires = { BAR_REQS });

static void barrier_resets_for_next_round(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a;
	struct ipct_blocker b;
	int id, round, mine;

	a = pshared_xsysv(&id);
	pshared_xbarrier(&a->barrier, 2);
	for (round = 0; round < 2; round++) {
		ipct_block_start(&b, barrier_arrive, a);
		ipct_block_prove(&b);
		mine = serial(pthread_barrier_wait(&a->barrier));
		CHECK_RESULT(ipct_block_finish(&b), 1 - mine);
	}
#endif
}
IPCT_CASE(barrier_resets_for_next_round,
	.id = "pshared.barrier_resets_for_next_round",
	.asserts = "after a shared barrier (in a System V segment) has released its count of processes, it is reset: in the next round a lone arrival blocks again until the count is reached",
	.spec = "POSIX.1-2024 pthread_barrier_wait(), DESCRIPTION (the barrier shall be reset to the state it had as a result of the most recent pthread_barrier_init())",
	.requires = { BAR_REQS });

static void barrier_count_one_serial_at_once(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a = pshared_xanon();

	pshared_xbarrier(&a->barrier, 1);
	CHECK_PT(pthread_barrier_wait(&a->barrier), PTHREAD_BARRIER_SERIAL_THREAD);
	CHECK_PT(pthread_barrier_wait(&a->barrier), PTHREAD_BARRIER_SERIAL_THREAD);
#endif
}
IPCT_CASE(barrier_count_one_serial_at_once,
	.id = "pshared.barrier_count_one_serial_at_once",
	.asserts = "pthread_barrier_wait() on a shared barrier of count 1 returns PTHREAD_BARRIER_SERIAL_THREAD at once, round after round",
	.spec = "POSIX.1-2024 pthread_barrier_wait(), DESCRIPTION and RETURN VALUE",
	.requires = { BAR_REQS });

static void barrier_init_count_zero_einval(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a = pshared_xanon();
	pthread_barrierattr_t ba;

	pshared_xok(pthread_barrierattr_init(&ba), "pthread_barrierattr_init");
	pshared_xok(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED),
		    "pthread_barrierattr_setpshared");
	CHECK_PT(pthread_barrier_init(&a->barrier, &ba, 0), EINVAL);
	pthread_barrierattr_destroy(&ba);
#endif
}
IPCT_CASE(barrier_init_count_zero_einval,
	.id = "pshared.barrier_init_count_zero_einval",
	.asserts = "pthread_barrier_init() of a process-shared barrier with count 0 returns EINVAL",
	.spec = "POSIX.1-2024 pthread_barrier_init(), ERRORS [EINVAL] (shall fail: count is equal to zero)",
	.requires = { BAR_REQS });

static void barrierattr_pshared_round_trip(void)
{
#ifdef HAVE_PTHREAD_BARRIERATTR_SETPSHARED
	pthread_barrierattr_t ba;
	int v = -1;

	pshared_xok(pthread_barrierattr_init(&ba), "pthread_barrierattr_init");
	CHECK_PT(pthread_barrierattr_getpshared(&ba, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	CHECK_PT(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED), 0);
	CHECK_PT(pthread_barrierattr_getpshared(&ba, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_SHARED, v);
	pthread_barrierattr_destroy(&ba);
#endif
}
IPCT_CASE(barrierattr_pshared_round_trip,
	.id = "pshared.barrierattr_pshared_round_trip",
	.asserts = "a barrier attributes object starts PTHREAD_PROCESS_PRIVATE, and pthread_barrierattr_getpshared() returns PTHREAD_PROCESS_SHARED once set",
	.spec = "POSIX.1-2024 pthread_barrierattr_getpshared(), DESCRIPTION (default PTHREAD_PROCESS_PRIVATE) and RETURN VALUE",
	.requires = { BAR_REQS });

static void barrierattr_pshared_invalid_einval(void)
{
#ifdef HAVE_PTHREAD_BARRIERATTR_SETPSHARED
	pthread_barrierattr_t ba;

	pshared_xok(pthread_barrierattr_init(&ba), "pthread_barrierattr_init");
	CHECK_PT(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED +
						PTHREAD_PROCESS_PRIVATE + 7), EINVAL);
	pthread_barrierattr_destroy(&ba);
#endif
}
IPCT_CASE(barrierattr_pshared_invalid_einval,
	.id = "pshared.barrierattr_pshared_invalid_einval",
	.asserts = "pthread_barrierattr_setpshared() with a value other than PTHREAD_PROCESS_SHARED or PTHREAD_PROCESS_PRIVATE returns EINVAL (Linux C libraries; POSIX lists EINVAL as may-fail)",
	.spec = "POSIX.1-2024 pthread_barrierattr_getpshared(), ERRORS [EINVAL] (may fail); glibc and musl check the value",
	.needs = IPCT_LINUX_ONLY,
	.requires = { BAR_REQS });

#ifdef HAVE_PTHREAD_BARRIER_INIT
/* Helper "barrier SPEC FD -": wait at the area's barrier; report 1 for
 * the serial return, 0 for the plain one. */
static int barrier_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd;

	a = pshared_helper_area(argc, argv, &fd);
	pshared_helper_result(fd, serial(pthread_barrier_wait(&a->barrier)));
	return 0;
}
IPCT_HELPER(barrier_helper, "barrier");
#endif

static void barrier_unrelated_process_completes(void)
{
#ifdef HAVE_PTHREAD_BARRIER_INIT
	struct pshared_area *a;
	struct ipct_blocker b;
	struct pshared_ext e;
	struct ipct_result r;
	const char *name;
	char spec[128];
	int h;

	a = pshared_xposix(&name);
	pshared_xbarrier(&a->barrier, 2);
	snprintf(spec, sizeof spec, "posix:%s", name);
	ipct_block_start(&b, barrier_arrive, a);
	ipct_block_prove(&b);
	pshared_ext_start(&e, "barrier", spec, NULL);
	h = pshared_ext_result(&e);
	r = ipct_block_finish(&b);
	CHECK(r.ret == 0 || r.ret == 1);
	CHECK_EQ(1, h + r.ret);
#endif
}
IPCT_CASE(barrier_unrelated_process_completes,
	.id = "pshared.barrier_unrelated_process_completes",
	.asserts = "an unrelated (exec'd) process that maps the POSIX shared memory object completes a shared barrier of count 2 that a forked process is blocked at; exactly one of the two gets PTHREAD_BARRIER_SERIAL_THREAD",
	.spec = "POSIX.1-2024 pthread_barrierattr_setpshared(), DESCRIPTION (any thread that has access to the memory); pthread_barrier_wait(), RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN), BAR_REQS });

IPCT_CASES(&ipct_case_barrier_serial_to_exactly_one,
	   &ipct_case_barrier_blocks_until_count,
	   &ipct_case_barrier_resets_for_next_round,
	   &ipct_case_barrier_count_one_serial_at_once,
	   &ipct_case_barrier_init_count_zero_einval,
	   &ipct_case_barrierattr_pshared_round_trip,
	   &ipct_case_barrierattr_pshared_invalid_einval,
	   &ipct_case_barrier_unrelated_process_completes);
#ifdef HAVE_PTHREAD_BARRIER_INIT
IPCT_HELPERS(&ipct_helper_barrier_helper);
#endif
