/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/linux_ext.c - Linux extensions and Linux-documented
 * behaviour of System V semaphores: semtimedop(), IPC_INFO, SEM_INFO,
 * SEM_STAT, array order within one semop() and nsops 0, and the
 * operations besides semop() that set sempid.
 * Sources: Linux semop(2), semctl(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "sysv_sem.h"

#include <time.h>

/* The semtimedop() cases name it in .requires; where configure did not
 * find it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_SEMTIMEDOP
#define semtimedop(id, ops, n, ts) \
	((void)(id), (void)(ops), (void)(n), (void)(ts), errno = ENOSYS, -1)
#endif

/* semtimedop() with c->ops and the timeout below, in a blocker child. */
static struct timespec *blocking_timeout;

static long blocking_timedop(void *arg)
{
	struct sysv_sem_call *c = arg;

	return semtimedop(c->id, c->ops, c->nops, blocking_timeout);
}

static void semtimedop_timeout_eagain(void)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 }; /* 20 ms */
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	struct sembuf op = { 0, -1, 0 };
	int64_t t0, elapsed;

	t0 = ipct_now_ms();
	CHECK_FAILS(semtimedop(id, &op, 1, &ts), EAGAIN);
	elapsed = ipct_now_ms() - t0;
	/* One-sided: it waited (at least most of the interval). */
	CHECK(elapsed >= 15);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_RET(semctl(id, 0, GETNCNT), 0);
}
IPCT_CASE(semtimedop_timeout_eagain,
	.id = "sysv_sem.semtimedop_timeout_eagain",
	.asserts = "semtimedop() whose operation cannot proceed waits for the timeout, then fails with EAGAIN without performing any operation",
	.spec = "Linux semop(2), semtimedop() and ERRORS [EAGAIN]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEMTIMEDOP) },
	.timed = 1);

static void semtimedop_null_blocks(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	blocking_timeout = NULL;
	sysv_sem_call1(&c, id, 0, -1, 0);
	ipct_block_start(&b, blocking_timedop, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_OK(sysv_sem_op1(id, 0, 1, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(semtimedop_null_blocks,
	.id = "sysv_sem.semtimedop_null_blocks",
	.asserts = "semtimedop() with a NULL timeout blocks like semop() until the operation can proceed",
	.spec = "Linux semop(2), semtimedop()",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEMTIMEDOP) });

static void semtimedop_bad_timeout_einval(void)
{
	struct timespec ts = { 0, 1000000000L };
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	struct sembuf op = { 0, -1, 0 };

	CHECK_FAILS(semtimedop(id, &op, 1, &ts), EINVAL);
}
IPCT_CASE(semtimedop_bad_timeout_einval,
	.id = "sysv_sem.semtimedop_bad_timeout_einval",
	.asserts = "on Linux semtimedop() that would wait fails with EINVAL when tv_nsec of the timeout is not below 1000000000",
	.spec = "Linux semop(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEMTIMEDOP) });

static void semop_array_order(void)
{
	struct sembuf ops[2] = { { 0, 1, IPC_NOWAIT }, { 0, -1, IPC_NOWAIT } };
	struct sembuf rev[2] = { { 0, -1, IPC_NOWAIT }, { 0, 1, IPC_NOWAIT } };
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	/* +1 then -1 on 0 works; -1 first cannot. */
	CHECK_OK(semop(id, ops, 2));
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_FAILS(semop(id, rev, 2), EAGAIN);
}
IPCT_CASE(semop_array_order,
	.id = "sysv_sem.semop_array_order",
	.asserts = "on Linux the operations of one semop() array are performed in array order",
	.spec = "Linux semop(2), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY);

static void semop_zero_nsops_einval(void)
{
	struct sembuf op = { 0, 1, 0 };
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	CHECK_FAILS(semop(id, &op, 0), EINVAL);
}
IPCT_CASE(semop_zero_nsops_einval,
	.id = "sysv_sem.semop_zero_nsops_einval",
	.asserts = "on Linux semop() with nsops 0 fails with EINVAL",
	.spec = "Linux semop(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void semctl_ipc_info_limits(void)
{
	struct seminfo si;
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int semvmx = sysv_sem_xfind_semvmx(id, 0);

	memset(&si, 0, sizeof si);
	u.buf = (struct semid_ds *)(void *)&si;
	CHECK_OK(semctl(0, 0, IPC_INFO, u));
	CHECK_EQ(semvmx, si.semvmx);
	CHECK_EQ((long)ipct_need_limit("/proc/sys/kernel/sem", 0), si.semmsl);
	CHECK_EQ((long)ipct_need_limit("/proc/sys/kernel/sem", 2), si.semopm);
	CHECK_EQ((long)ipct_need_limit("/proc/sys/kernel/sem", 3), si.semmni);
}
IPCT_CASE(semctl_ipc_info_limits,
	.id = "sysv_sem.semctl_ipc_info_limits",
	.asserts = "on Linux semctl(IPC_INFO) fills a seminfo with the system limits (semvmx, semmsl, semopm, semmni as in /proc/sys/kernel/sem)",
	.spec = "Linux semctl(2), IPC_INFO",
	.needs = IPCT_LINUX_ONLY);

static void semctl_sem_info_counts(void)
{
	struct seminfo si;
	union semun u;

	ipct_xsemget(IPC_PRIVATE, 3, 0600);
	memset(&si, 0, sizeof si);
	u.buf = (struct semid_ds *)(void *)&si;
	CHECK_OK(semctl(0, 0, SEM_INFO, u));
	/* At least this case's set and its three semaphores. */
	CHECK(si.semusz >= 1);
	CHECK(si.semaem >= 3);
}
IPCT_CASE(semctl_sem_info_counts,
	.id = "sysv_sem.semctl_sem_info_counts",
	.asserts = "on Linux semctl(SEM_INFO) reports the number of existing sets in semusz and of semaphores in semaem",
	.spec = "Linux semctl(2), SEM_INFO",
	.needs = IPCT_LINUX_ONLY);

static void semctl_sem_stat_index(void)
{
	struct seminfo si;
	struct semid_ds ds;
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	int top, i, found = 0;

	u.buf = (struct semid_ds *)(void *)&si;
	CHECK_OK(top = semctl(0, 0, IPC_INFO, u));
	for (i = 0; i <= top && !found; i++) {
		memset(&ds, 0, sizeof ds);
		u.buf = &ds;
		if (semctl(i, 0, SEM_STAT, u) == id)
			found = 1;
	}
	CHECK(found);
	CHECK_EQ(2, ds.sem_nsems);
}
IPCT_CASE(semctl_sem_stat_index,
	.id = "sysv_sem.semctl_sem_stat_index",
	.asserts = "on Linux semctl(SEM_STAT) on an index up to the one IPC_INFO returns gives the identifier and semid_ds of the set in that slot",
	.spec = "Linux semctl(2), SEM_STAT and IPC_INFO",
	.needs = IPCT_LINUX_ONLY);

/* Linux semctl(2) NOTES ("The sempid value"): besides semop(), Linux
 * updates sempid for SETVAL, for SETALL (since Linux 4.6) and for the
 * SEM_UNDO adjustments made at exit.  POSIX names semop() only. */
#define SEMPID_SPEC "Linux semctl(2), NOTES (The sempid value)"

static void semctl_setval_sets_sempid(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	pid_t pid;

	/* sempid is ours first, so the child's SETVAL must change it. */
	sysv_sem_xop1(id, 0, 1, 0);
	sysv_sem_xop1(id, 1, 1, 0);
	CHECK_RET(semctl(id, 0, GETPID), getpid());
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_setval(id, 0, 5));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(semctl(id, 0, GETPID), pid);
	/* Only the semaphore set: the other keeps its sempid. */
	CHECK_RET(semctl(id, 1, GETPID), getpid());
}
IPCT_CASE(semctl_setval_sets_sempid,
	.id = "sysv_sem.semctl_setval_sets_sempid",
	.asserts = "on Linux semctl(SETVAL) sets sempid of that semaphore (GETPID) to the caller's pid and leaves the other semaphores' sempid",
	.spec = SEMPID_SPEC,
	.needs = IPCT_LINUX_ONLY);

static void semctl_setall_sets_sempid(void)
{
	unsigned short v[2] = { 4, 6 };
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	pid_t pid;

	sysv_sem_xop1(id, 0, 1, 0);
	CHECK_RET(semctl(id, 1, GETPID), 0);
	pid = ipct_fork();
	if (pid == 0) {
		u.array = v;
		CHECK_OK(semctl(id, 0, SETALL, u));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(semctl(id, 0, GETPID), pid);
	CHECK_RET(semctl(id, 1, GETPID), pid);
}
IPCT_CASE(semctl_setall_sets_sempid,
	.id = "sysv_sem.semctl_setall_sets_sempid",
	.asserts = "on Linux (since 4.6) semctl(SETALL) sets sempid of every semaphore of the set to the caller's pid",
	.spec = SEMPID_SPEC,
	.needs = IPCT_LINUX_ONLY);

static void semundo_exit_sets_sempid(void)
{
	struct ipct_sync s;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 2, SEM_UNDO | IPC_NOWAIT));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	/* Another operation after the child's: sempid is ours now. */
	CHECK_OK(sysv_sem_op1(id, 0, 1, IPC_NOWAIT));
	CHECK_RET(semctl(id, 0, GETPID), getpid());
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	/* The child's exit undid its +2, and that adjustment set sempid. */
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	CHECK_RET(semctl(id, 0, GETPID), pid);
}
IPCT_CASE(semundo_exit_sets_sempid,
	.id = "sysv_sem.semundo_exit_sets_sempid",
	.asserts = "on Linux the SEM_UNDO adjustment made when a process exits sets sempid of the adjusted semaphore to that process's pid",
	.spec = SEMPID_SPEC,
	.needs = IPCT_LINUX_ONLY);

static void semtimedop_undo_at_exit(void)
{
	struct timespec ts = { 5, 0 };
	struct sembuf op = { 0, 2, SEM_UNDO };
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	sysv_sem_xsetval(id, 0, 1);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(semtimedop(id, &op, 1, &ts));
		CHECK_RET(sysv_sem_getval(id, 0), 3);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* The child's +2 was undone when it exited. */
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(semtimedop_undo_at_exit,
	.id = "sysv_sem.semtimedop_undo_at_exit",
	.asserts = "on Linux an operation made by semtimedop() with SEM_UNDO is undone when the process exits, as with semop()",
	.spec = "Linux semop(2), DESCRIPTION (semtimedop() behaves identically to semop() apart from the timeout; SEM_UNDO)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEMTIMEDOP) });

IPCT_CASES(&ipct_case_semtimedop_timeout_eagain, &ipct_case_semtimedop_null_blocks,
	   &ipct_case_semtimedop_bad_timeout_einval, &ipct_case_semop_array_order,
	   &ipct_case_semop_zero_nsops_einval, &ipct_case_semctl_ipc_info_limits,
	   &ipct_case_semctl_sem_info_counts, &ipct_case_semctl_sem_stat_index,
	   &ipct_case_semctl_setval_sets_sempid,
	   &ipct_case_semctl_setall_sets_sempid,
	   &ipct_case_semundo_exit_sets_sempid,
	   &ipct_case_semtimedop_undo_at_exit);
