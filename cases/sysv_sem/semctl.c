/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/semctl.c - semctl(): GETVAL/SETVAL, GETALL/SETALL,
 * GETPID, GETNCNT/GETZCNT with blocked waiters, IPC_STAT/IPC_SET,
 * IPC_RMID, ERANGE and the permission and argument errors.
 * Sources: POSIX.1-2024 semctl() DESCRIPTION and ERRORS, XSH 2.7.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_sem.h"

#include <time.h>

static void semctl_setval_getval(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	CHECK_OK(sysv_sem_setval(id, 1, 7));
	CHECK_RET(sysv_sem_getval(id, 1), 7);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semctl_setval_getval,
	.id = "sysv_sem.semctl_setval_getval",
	.asserts = "SETVAL sets the value of semaphore semnum and GETVAL returns it, other semaphores keeping theirs",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (GETVAL, SETVAL)");

static void semctl_setall_getall(void)
{
	unsigned short in[3] = { 3, 0, 12 }, out[3] = { 99, 99, 99 };
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 3, 0600);

	u.array = in;
	CHECK_OK(semctl(id, 0, SETALL, u));
	u.array = out;
	CHECK_OK(semctl(id, 0, GETALL, u));
	CHECK_MEM(in, out, sizeof in);
	CHECK_RET(sysv_sem_getval(id, 2), 12);
}
IPCT_CASE(semctl_setall_getall,
	.id = "sysv_sem.semctl_setall_getall",
	.asserts = "SETALL sets every semaphore of the set from the array and GETALL returns all the values",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (GETALL, SETALL)");

static void semctl_getpid_last_operation(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	pid_t first, second;

	first = ipct_fork();
	if (first == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 1, 0));
		CHECK_OK(sysv_sem_op1(id, 1, 1, 0));
		ipct_child_exit();
	}
	ipct_wait_ok(first);
	second = ipct_fork();
	if (second == 0) {
		CHECK_OK(sysv_sem_op1(id, 1, 1, 0));
		ipct_child_exit();
	}
	ipct_wait_ok(second);
	CHECK_RET(semctl(id, 0, GETPID), first);
	CHECK_RET(semctl(id, 1, GETPID), second);
}
IPCT_CASE(semctl_getpid_last_operation,
	.id = "sysv_sem.semctl_getpid_last_operation",
	.asserts = "GETPID returns the process ID of the last process that performed a semop() on that semaphore",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (GETPID)");

static void semctl_getncnt_counts_waiters(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b1, b2;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	CHECK_RET(semctl(id, 1, GETNCNT), 0);
	sysv_sem_call1(&c, id, 1, -1, 0);
	ipct_block_start(&b1, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b1);
	ipct_block_start(&b2, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b2);
	CHECK_RET(semctl(id, 1, GETNCNT), 2);
	CHECK_RET(semctl(id, 0, GETNCNT), 0);
	CHECK_RET(semctl(id, 1, GETZCNT), 0);
	CHECK_OK(sysv_sem_op1(id, 1, 2, 0));
	CHECK_RESULT(ipct_block_finish(&b1), 0);
	CHECK_RESULT(ipct_block_finish(&b2), 0);
	CHECK_RET(semctl(id, 1, GETNCNT), 0);
}
IPCT_CASE(semctl_getncnt_counts_waiters,
	.id = "sysv_sem.semctl_getncnt_counts_waiters",
	.asserts = "GETNCNT returns the number of processes waiting for that semaphore's value to increase",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (GETNCNT)");

static void semctl_getzcnt_counts_waiters(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b1, b2;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	sysv_sem_xsetval(id, 0, 1);
	CHECK_RET(semctl(id, 0, GETZCNT), 0);
	sysv_sem_call1(&c, id, 0, 0, 0);
	ipct_block_start(&b1, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b1);
	ipct_block_start(&b2, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b2);
	CHECK_RET(semctl(id, 0, GETZCNT), 2);
	CHECK_RET(semctl(id, 1, GETZCNT), 0);
	CHECK_RET(semctl(id, 0, GETNCNT), 0);
	CHECK_OK(sysv_sem_op1(id, 0, -1, 0));
	CHECK_RESULT(ipct_block_finish(&b1), 0);
	CHECK_RESULT(ipct_block_finish(&b2), 0);
	CHECK_RET(semctl(id, 0, GETZCNT), 0);
}
IPCT_CASE(semctl_getzcnt_counts_waiters,
	.id = "sysv_sem.semctl_getzcnt_counts_waiters",
	.asserts = "GETZCNT returns the number of processes waiting for that semaphore's value to become 0",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (GETZCNT)");

static void semctl_setval_wakes_waiter(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_call1(&c, id, 0, -2, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_OK(sysv_sem_setval(id, 0, 3));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(semctl_setval_wakes_waiter,
	.id = "sysv_sem.semctl_setval_wakes_waiter",
	.asserts = "a SETVAL that raises semval enough lets a blocked decrement complete",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (SETVAL); semop(), DESCRIPTION");

static void semctl_setval_updates_ctime(void)
{
	struct semid_ds ds;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int64_t deadline;
	time_t created;

	sysv_sem_xstat(id, &ds);
	created = ds.sem_ctime;
	/* sem_ctime counts whole seconds, from the kernel's own clock: repeat
	 * SETVAL (about one second at most; the field under test is a time)
	 * until the stamp leaves the creation second, sleeping between tries
	 * to just past the next second of CLOCK_REALTIME (a kernel stamping
	 * from a coarse clock may lag it by a tick: then tries 2 ms apart).  An
	 * implementation that never updates it runs into the bound and fails
	 * the check below. */
	deadline = ipct_now_ms() + ipct_wait_limit_ms();
	for (;;) {
		struct timespec now, nap;

		CHECK_OK(sysv_sem_setval(id, 0, 1));
		CHECK_OK(sysv_sem_stat(id, &ds));
		if (ds.sem_ctime > created || ipct_now_ms() > deadline)
			break;
		clock_gettime(CLOCK_REALTIME, &now);
		nap.tv_sec = 0;
		nap.tv_nsec = now.tv_nsec < 50000000L ? 2000000L :
			1000000000L - now.tv_nsec + 2000000L;
		nanosleep(&nap, NULL);
	}
	CHECK(ds.sem_ctime > created);
	CHECK(ds.sem_ctime <= ipct_time_ceil());
}
IPCT_CASE(semctl_setval_updates_ctime,
	.id = "sysv_sem.semctl_setval_updates_ctime",
	.asserts = "SETVAL sets sem_ctime, the time of the last change by semctl(), to the current time",
	.spec = "POSIX.1-2024 <sys/sem.h> (sem_ctime); Linux semctl(2), SETVAL",
	.timed = 1);

static void semctl_ipc_set_mode(void)
{
	struct semid_ds ds;
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	sysv_sem_xstat(id, &ds);
	ds.sem_perm.mode = 0640;
	u.buf = &ds;
	CHECK_OK(semctl(id, 0, IPC_SET, u));
	CHECK_OK(sysv_sem_stat(id, &ds));
	CHECK_EQ(0640, ds.sem_perm.mode & 0777);
	CHECK_EQU(geteuid(), ds.sem_perm.uid);
	CHECK_EQU(geteuid(), ds.sem_perm.cuid);
	CHECK_EQ(2, ds.sem_nsems);
}
IPCT_CASE(semctl_ipc_set_mode,
	.id = "sysv_sem.semctl_ipc_set_mode",
	.asserts = "IPC_SET by the owner sets the low nine bits of sem_perm.mode, which IPC_STAT then reports",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (IPC_SET, IPC_STAT)");

static void semctl_ipc_rmid_invalidates(void)
{
	key_t key = ipct_unused_key();
	int id = ipct_xsemget(key, 1, IPC_CREAT | IPC_EXCL | 0600);

	CHECK_OK(semctl(id, 0, IPC_RMID));
	/* EINVAL is POSIX's error for an invalid semid; Linux reports EIDRM
	 * instead for an id whose set is being removed (semctl(2)). */
	CHECK_FAILS_ONEOF(sysv_sem_getval(id, 0), EINVAL, EIDRM);
	CHECK_FAILS(semget(key, 1, 0600), ENOENT);
}
IPCT_CASE(semctl_ipc_rmid_invalidates,
	.id = "sysv_sem.semctl_ipc_rmid_invalidates",
	.asserts = "IPC_RMID removes the set: its identifier is no longer valid and its key no longer finds a set",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (IPC_RMID) and ERRORS [EINVAL]");

static void semctl_setval_negative_erange(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 2);
	CHECK_FAILS(sysv_sem_setval(id, 0, -1), ERANGE);
	CHECK_RET(sysv_sem_getval(id, 0), 2);
}
IPCT_CASE(semctl_setval_negative_erange,
	.id = "sysv_sem.semctl_setval_negative_erange",
	.asserts = "SETVAL with a negative value fails with ERANGE and leaves semval unchanged",
	.spec = "POSIX.1-2024 semctl(), ERRORS [ERANGE]");

static void semctl_setval_above_semvmx_erange(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int semvmx = sysv_sem_xfind_semvmx(id, 0);

	if (semvmx == INT_MAX)
		ipct_skip("SETVAL accepts every int: SEMVMX is not below INT_MAX");
	CHECK_FAILS(sysv_sem_setval(id, 0, semvmx + 1), ERANGE);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semctl_setval_above_semvmx_erange,
	.id = "sysv_sem.semctl_setval_above_semvmx_erange",
	.asserts = "SETVAL with a value greater than SEMVMX fails with ERANGE",
	.spec = "POSIX.1-2024 semctl(), ERRORS [ERANGE]");

static void semctl_setall_above_semvmx_erange(void)
{
	unsigned short v[2];
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	int semvmx = sysv_sem_xfind_semvmx(id, 0);

	if (semvmx >= USHRT_MAX)
		ipct_skip("SEMVMX %d: no unsigned short value is above it", semvmx);
	v[0] = 1;
	v[1] = (unsigned short)(semvmx + 1);
	u.array = v;
	CHECK_FAILS(semctl(id, 0, SETALL, u), ERANGE);
}
IPCT_CASE(semctl_setall_above_semvmx_erange,
	.id = "sysv_sem.semctl_setall_above_semvmx_erange",
	.asserts = "SETALL with a value greater than SEMVMX fails with ERANGE",
	.spec = "POSIX.1-2024 semctl(), ERRORS [ERANGE]");

static void semctl_semnum_einval(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	CHECK_FAILS(sysv_sem_getval(id, 2), EINVAL);
	CHECK_FAILS(sysv_sem_setval(id, 2, 1), EINVAL);
	CHECK_FAILS(sysv_sem_getval(id, -1), EINVAL);
}
IPCT_CASE(semctl_semnum_einval,
	.id = "sysv_sem.semctl_semnum_einval",
	.asserts = "semctl() fails with EINVAL when semnum is less than 0 or not less than sem_nsems",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EINVAL]");

static void semctl_bad_cmd_einval(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	CHECK_FAILS(semctl(id, 0, 12345), EINVAL);
}
IPCT_CASE(semctl_bad_cmd_einval,
	.id = "sysv_sem.semctl_bad_cmd_einval",
	.asserts = "semctl() fails with EINVAL when cmd is not a valid command",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EINVAL]");

static void semctl_bad_id_einval(void)
{
	CHECK_FAILS(semctl(-1, 0, GETVAL), EINVAL);
}
IPCT_CASE(semctl_bad_id_einval,
	.id = "sysv_sem.semctl_bad_id_einval",
	.asserts = "semctl() fails with EINVAL when semid is not a valid semaphore identifier",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EINVAL]");

static void semctl_read_eacces(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		struct semid_ds ds;
		unsigned short v[1];
		union semun u;

		ipct_drop_privileges();
		CHECK_FAILS(sysv_sem_getval(id, 0), EACCES);
		CHECK_FAILS(sysv_sem_stat(id, &ds), EACCES);
		CHECK_FAILS(semctl(id, 0, GETNCNT), EACCES);
		u.array = v;
		CHECK_FAILS(semctl(id, 0, GETALL, u), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(semctl_read_eacces,
	.id = "sysv_sem.semctl_read_eacces",
	.asserts = "GETVAL, GETALL, GETNCNT and IPC_STAT fail with EACCES when the caller lacks read permission",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semctl_alter_eacces(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	sysv_sem_xsetval(id, 0, 4);
	ipct_xsysv_setmode(IPCT_SYSV_SEM, id, 0604, 0);
	pid = ipct_fork();
	if (pid == 0) {
		unsigned short v[1] = { 1 };
		union semun u;

		ipct_drop_privileges();
		CHECK_RET(sysv_sem_getval(id, 0), 4);
		CHECK_FAILS(sysv_sem_setval(id, 0, 1), EACCES);
		u.array = v;
		CHECK_FAILS(semctl(id, 0, SETALL, u), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 4);
}
IPCT_CASE(semctl_alter_eacces,
	.id = "sysv_sem.semctl_alter_eacces",
	.asserts = "SETVAL and SETALL fail with EACCES when the caller has read but not alter permission",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semctl_rmid_eperm(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	/* Full permissions for others do not make them owners. */
	ipct_xsysv_setmode(IPCT_SYSV_SEM, id, 0666, 0);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(semctl(id, 0, IPC_RMID), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semctl_rmid_eperm,
	.id = "sysv_sem.semctl_rmid_eperm",
	.asserts = "IPC_RMID fails with EPERM for a caller that is neither privileged nor the set's creator or owner, whatever the permission bits",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semctl_ipc_set_eperm(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_xsysv_setmode(IPCT_SYSV_SEM, id, 0666, 0);
	pid = ipct_fork();
	if (pid == 0) {
		struct semid_ds ds;
		union semun u;

		ipct_drop_privileges();
		CHECK_OK(sysv_sem_stat(id, &ds));
		ds.sem_perm.mode = 0600;
		u.buf = &ds;
		CHECK_FAILS(semctl(id, 0, IPC_SET, u), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(semctl_ipc_set_eperm,
	.id = "sysv_sem.semctl_ipc_set_eperm",
	.asserts = "IPC_SET fails with EPERM for a caller that is neither privileged nor the set's creator or owner",
	.spec = "POSIX.1-2024 semctl(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semctl_owner_not_creator_rmid(void)
{
	struct semid_ds ds;
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	if (geteuid() != 0)
		ipct_skip("giving a set to another user needs root (running as uid %ld)",
			  (long)geteuid());
	sysv_sem_xstat(id, &ds);
	ds.sem_perm.uid = ipct_unpriv_uid();
	ds.sem_perm.gid = ipct_unpriv_gid();
	u.buf = &ds;
	if (semctl(id, 0, IPC_SET, u) != 0)
		IPCT_BROKEN("semctl(IPC_SET uid): %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_OK(semctl(id, 0, IPC_RMID));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_FAILS_ONEOF(sysv_sem_getval(id, 0), EINVAL, EIDRM); /* as IPC_RMID case */
}
IPCT_CASE(semctl_owner_not_creator_rmid,
	.id = "sysv_sem.semctl_owner_not_creator_rmid",
	.asserts = "IPC_RMID succeeds for a caller whose effective uid equals sem_perm.uid even when it is not the creator",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (IPC_RMID)",
	.needs = IPCT_UNPRIV | IPCT_ROOT);

IPCT_CASES(&ipct_case_semctl_setval_getval, &ipct_case_semctl_setall_getall,
	   &ipct_case_semctl_getpid_last_operation,
	   &ipct_case_semctl_getncnt_counts_waiters,
	   &ipct_case_semctl_getzcnt_counts_waiters,
	   &ipct_case_semctl_setval_wakes_waiter,
	   &ipct_case_semctl_setval_updates_ctime, &ipct_case_semctl_ipc_set_mode,
	   &ipct_case_semctl_ipc_rmid_invalidates,
	   &ipct_case_semctl_setval_negative_erange,
	   &ipct_case_semctl_setval_above_semvmx_erange,
	   &ipct_case_semctl_setall_above_semvmx_erange,
	   &ipct_case_semctl_semnum_einval, &ipct_case_semctl_bad_cmd_einval,
	   &ipct_case_semctl_bad_id_einval, &ipct_case_semctl_read_eacces,
	   &ipct_case_semctl_alter_eacces, &ipct_case_semctl_rmid_eperm,
	   &ipct_case_semctl_ipc_set_eperm,
	   &ipct_case_semctl_owner_not_creator_rmid);
