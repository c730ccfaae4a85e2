/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/semop.c - semop(): increment, decrement and wait-for-zero,
 * IPC_NOWAIT, blocking and wake-ups (GETNCNT/GETZCNT as the kernel's own
 * proof of waiters), all-or-nothing arrays, sempid/sem_otime, errors,
 * EIDRM/EINTR for blocked callers and persistence of a set.
 * Sources: POSIX.1-2024 semop() DESCRIPTION and ERRORS, XSH 2.7; Linux
 * semop(2) and signal(7) for SA_RESTART.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_sem.h"

#include <time.h>

static void semop_increment_adds(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 2);
	CHECK_OK(sysv_sem_op1(id, 0, 3, 0));
	CHECK_RET(sysv_sem_getval(id, 0), 5);
}
IPCT_CASE(semop_increment_adds,
	.id = "sysv_sem.semop_increment_adds",
	.asserts = "semop() with a positive sem_op adds sem_op to semval without blocking",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_decrement_subtracts(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 5);
	CHECK_OK(sysv_sem_op1(id, 0, -3, 0));
	CHECK_RET(sysv_sem_getval(id, 0), 2);
	CHECK_OK(sysv_sem_op1(id, 0, -2, 0));
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_decrement_subtracts,
	.id = "sysv_sem.semop_decrement_subtracts",
	.asserts = "semop() with a negative sem_op whose absolute value is not above semval subtracts it from semval at once",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_zero_immediate(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 0);
	CHECK_OK(sysv_sem_op1(id, 0, 0, 0));
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_zero_immediate,
	.id = "sysv_sem.semop_zero_immediate",
	.asserts = "semop() with sem_op 0 returns at once when semval is 0",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_decrement_nowait_eagain(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 1);
	CHECK_FAILS(sysv_sem_op1(id, 0, -2, IPC_NOWAIT), EAGAIN);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(semop_decrement_nowait_eagain,
	.id = "sysv_sem.semop_decrement_nowait_eagain",
	.asserts = "semop() with IPC_NOWAIT fails with EAGAIN and leaves semval unchanged when a decrement would take semval below 0",
	.spec = "POSIX.1-2024 semop(), ERRORS [EAGAIN]");

static void semop_zero_nowait_eagain(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 1);
	CHECK_FAILS(sysv_sem_op1(id, 0, 0, IPC_NOWAIT), EAGAIN);
}
IPCT_CASE(semop_zero_nowait_eagain,
	.id = "sysv_sem.semop_zero_nowait_eagain",
	.asserts = "semop() with sem_op 0 and IPC_NOWAIT fails with EAGAIN when semval is not 0",
	.spec = "POSIX.1-2024 semop(), ERRORS [EAGAIN]");

static void semop_decrement_blocks(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_call1(&c, id, 0, -1, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	/* The kernel counts the sleeper as waiting for an increase. */
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_OK(sysv_sem_op1(id, 0, 1, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_RET(semctl(id, 0, GETNCNT), 0);
}
IPCT_CASE(semop_decrement_blocks,
	.id = "sysv_sem.semop_decrement_blocks",
	.asserts = "semop() with a decrement larger than semval blocks, counted in semncnt, until another process raises semval, then completes the decrement",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_zero_blocks(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 2);
	sysv_sem_call1(&c, id, 0, 0, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETZCNT), 1);
	/* Down to 1: still not zero, the waiter must stay asleep. */
	CHECK_OK(sysv_sem_op1(id, 0, -1, 0));
	ipct_block_prove(&b);
	CHECK_OK(sysv_sem_op1(id, 0, -1, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(semctl(id, 0, GETZCNT), 0);
}
IPCT_CASE(semop_zero_blocks,
	.id = "sysv_sem.semop_zero_blocks",
	.asserts = "semop() with sem_op 0 on a non-zero semval blocks, counted in semzcnt, until semval becomes 0",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_wakes_several(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b1, b2;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_call1(&c, id, 0, -1, 0);
	ipct_block_start(&b1, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b1);
	ipct_block_start(&b2, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b2);
	CHECK_RET(semctl(id, 0, GETNCNT), 2);
	CHECK_OK(sysv_sem_op1(id, 0, 2, 0));
	CHECK_RESULT(ipct_block_finish(&b1), 0);
	CHECK_RESULT(ipct_block_finish(&b2), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_wakes_several,
	.id = "sysv_sem.semop_wakes_several",
	.asserts = "an increment large enough for several blocked decrements lets all of them complete",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_array_nowait_all_or_nothing(void)
{
	struct sembuf ops[2] = { { 0, -1, IPC_NOWAIT }, { 1, -1, IPC_NOWAIT } };
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	sysv_sem_xsetval(id, 0, 1);
	sysv_sem_xsetval(id, 1, 0);
	CHECK_FAILS(semop(id, ops, 2), EAGAIN);
	/* The first operation, which alone could proceed, was not applied. */
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	CHECK_RET(sysv_sem_getval(id, 1), 0);
}
IPCT_CASE(semop_array_nowait_all_or_nothing,
	.id = "sysv_sem.semop_array_nowait_all_or_nothing",
	.asserts = "when one operation of a semop() array cannot proceed with IPC_NOWAIT, the call fails with EAGAIN and none of the array's operations is applied",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_array_blocked_all_or_nothing(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	sysv_sem_xsetval(id, 0, 1);
	memset(&c, 0, sizeof c);
	c.id = id;
	c.ops[0].sem_num = 0;
	c.ops[0].sem_op = -1;
	c.ops[1].sem_num = 1;
	c.ops[1].sem_op = -1;
	c.nops = 2;
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	/* Asleep on semaphore 1; semaphore 0 still holds its value. */
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	CHECK_OK(sysv_sem_op1(id, 1, 1, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_RET(sysv_sem_getval(id, 1), 0);
}
IPCT_CASE(semop_array_blocked_all_or_nothing,
	.id = "sysv_sem.semop_array_blocked_all_or_nothing",
	.asserts = "a semop() array blocked on one operation applies none of its operations while it waits, then applies all of them together",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_sets_sempid_otime(void)
{
	struct semid_ds ds;
	time_t before;
	pid_t pid;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	before = ipct_time_floor();
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 1, 0));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(semctl(id, 0, GETPID), pid);
	sysv_sem_xstat(id, &ds);
	CHECK(ds.sem_otime >= before);
	CHECK(ds.sem_otime <= ipct_time_ceil());
}
IPCT_CASE(semop_sets_sempid_otime,
	.id = "sysv_sem.semop_sets_sempid_otime",
	.asserts = "a successful semop() sets sempid of each semaphore operated on to the caller's pid and sem_otime to the current time",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_failed_keeps_sempid_otime(void)
{
	struct semid_ds ds;
	pid_t pid;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xstat(id, &ds);
	CHECK_EQ(0, ds.sem_otime);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_FAILS(sysv_sem_op1(id, 0, -1, IPC_NOWAIT), EAGAIN);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(semctl(id, 0, GETPID), 0);
	sysv_sem_xstat(id, &ds);
	CHECK_EQ(0, ds.sem_otime);
}
IPCT_CASE(semop_failed_keeps_sempid_otime,
	.id = "sysv_sem.semop_failed_keeps_sempid_otime",
	.asserts = "a semop() that fails changes neither sempid nor sem_otime",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION");

static void semop_sem_num_efbig(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);

	CHECK_FAILS(sysv_sem_op1(id, 2, 1, IPC_NOWAIT), EFBIG);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_RET(sysv_sem_getval(id, 1), 0);
}
IPCT_CASE(semop_sem_num_efbig,
	.id = "sysv_sem.semop_sem_num_efbig",
	.asserts = "semop() fails with EFBIG when sem_num is not less than the number of semaphores in the set",
	.spec = "POSIX.1-2024 semop(), ERRORS [EFBIG]");

static void semop_nsops_e2big(void)
{
	long semopm = (long)ipct_need_limit("/proc/sys/kernel/sem", 2);
	struct sembuf *ops;
	size_t i, n;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	if (semopm > 100000)
		ipct_skip("SEMOPM is %ld: an array above it is too large for this case",
			  semopm);
	n = (size_t)semopm + 1;
	ops = calloc(n, sizeof *ops);
	if (!ops)
		IPCT_BROKEN("calloc(%zu sembuf)", n);
	for (i = 0; i < n; i++) {
		ops[i].sem_num = 0;
		ops[i].sem_op = 1;
		ops[i].sem_flg = IPC_NOWAIT;
	}
	CHECK_FAILS(semop(id, ops, n), E2BIG);
	free(ops);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_nsops_e2big,
	.id = "sysv_sem.semop_nsops_e2big",
	.asserts = "semop() fails with E2BIG when nsops is greater than the system limit SEMOPM",
	.spec = "POSIX.1-2024 semop(), ERRORS [E2BIG]; Linux semop(2) SEMOPM");

static void semop_removed_set_einval(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	CHECK_OK(semctl(id, 0, IPC_RMID));
	/* POSIX names EINVAL for an invalid semid; Linux may report EIDRM
	 * for an id whose set was removed (semop(2) ERRORS). */
	CHECK_FAILS_ONEOF(sysv_sem_op1(id, 0, 1, IPC_NOWAIT), EINVAL, EIDRM);
}
IPCT_CASE(semop_removed_set_einval,
	.id = "sysv_sem.semop_removed_set_einval",
	.asserts = "semop() on the identifier of a removed set fails with EINVAL (or EIDRM)",
	.spec = "POSIX.1-2024 semop(), ERRORS [EINVAL] [EIDRM]");

static void semop_semvmx_erange(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int semvmx = sysv_sem_xfind_semvmx(id, 0);

	sysv_sem_xsetval(id, 0, semvmx);
	CHECK_FAILS(sysv_sem_op1(id, 0, 1, IPC_NOWAIT), ERANGE);
	CHECK_RET(sysv_sem_getval(id, 0), semvmx);
}
IPCT_CASE(semop_semvmx_erange,
	.id = "sysv_sem.semop_semvmx_erange",
	.asserts = "semop() fails with ERANGE when an operation would make semval greater than the system limit SEMVMX",
	.spec = "POSIX.1-2024 semop(), ERRORS [ERANGE]");

static void semop_blocked_eidrm(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_call1(&c, id, 0, -1, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_OK(semctl(id, 0, IPC_RMID));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EIDRM);
}
IPCT_CASE(semop_blocked_eidrm,
	.id = "sysv_sem.semop_blocked_eidrm",
	.asserts = "a semop() blocked on a set fails with EIDRM when the set is removed",
	.spec = "POSIX.1-2024 semop(), ERRORS [EIDRM]");

static void semop_blocked_eintr(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	ipct_xsigaction(SIGUSR1, ipct_noop_handler, 0);
	sysv_sem_call1(&c, id, 0, -1, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
	/* The interrupted caller no longer counts as a waiter. */
	CHECK_RET(semctl(id, 0, GETNCNT), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_blocked_eintr,
	.id = "sysv_sem.semop_blocked_eintr",
	.asserts = "a blocked semop() fails with EINTR when the caller catches a signal, and semncnt is decremented",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION and ERRORS [EINTR]");

static void semop_eintr_despite_sa_restart(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	ipct_xsigaction(SIGUSR1, ipct_noop_handler, SA_RESTART);
	sysv_sem_call1(&c, id, 0, 0, 0);
	sysv_sem_xsetval(id, 0, 1);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETZCNT), 1);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(semop_eintr_despite_sa_restart,
	.id = "sysv_sem.semop_eintr_despite_sa_restart",
	.asserts = "on Linux a blocked semop() interrupted by a handler installed with SA_RESTART still fails with EINTR (it is never restarted)",
	.spec = "Linux signal(7), semop(2)",
	.needs = IPCT_LINUX_ONLY);

static void semop_eacces_alter(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	sysv_sem_xsetval(id, 0, 1);
	/* Others may read but not alter. */
	ipct_xsysv_setmode(IPCT_SYSV_SEM, id, 0604, 0);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(sysv_sem_op1(id, 0, -1, IPC_NOWAIT), EACCES);
		CHECK_FAILS(sysv_sem_op1(id, 0, 1, IPC_NOWAIT), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(semop_eacces_alter,
	.id = "sysv_sem.semop_eacces_alter",
	.asserts = "semop() with a non-zero sem_op fails with EACCES when the caller lacks alter permission",
	.spec = "POSIX.1-2024 semop(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semop_zero_needs_read_only(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_xsysv_setmode(IPCT_SYSV_SEM, id, 0604, 0);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_OK(sysv_sem_op1(id, 0, 0, IPC_NOWAIT));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(semop_zero_needs_read_only,
	.id = "sysv_sem.semop_zero_needs_read_only",
	.asserts = "semop() with sem_op 0 needs only read permission",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION",
	.needs = IPCT_UNPRIV);

static void semop_set_outlives_creator(void)
{
	int *shared = ipct_shared_alloc(sizeof(int));
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

		sysv_sem_xsetval(id, 0, 3);
		*shared = id;
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(sysv_sem_op1(*shared, 0, -1, IPC_NOWAIT));
	CHECK_RET(sysv_sem_getval(*shared, 0), 2);
}
IPCT_CASE(semop_set_outlives_creator,
	.id = "sysv_sem.semop_set_outlives_creator",
	.asserts = "a semaphore set and its values remain after its creator exits, until it is removed",
	.spec = "POSIX.1-2024 XSH 2.7, semctl() IPC_RMID");

static void semop_waiting_decrement_does_not_block_smaller(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_xsetval(id, 0, 1);
	sysv_sem_call1(&c, id, 0, -2, 0);
	ipct_block_start(&b, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	/* semval 1 covers a decrement of 1: it proceeds at once, the
	 * waiting decrement of 2 does not hold it back. */
	CHECK_OK(sysv_sem_op1(id, 0, -1, IPC_NOWAIT));
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	ipct_block_prove(&b);
	CHECK_OK(sysv_sem_op1(id, 0, 2, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_waiting_decrement_does_not_block_smaller,
	.id = "sysv_sem.semop_waiting_decrement_does_not_block_smaller",
	.asserts = "while a decrement larger than semval waits, a smaller decrement that semval covers completes at once (the waiter does not hold it back)",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION (sem_op negative: semval >= |sem_op| is subtracted)");

static void semop_increment_wakes_smaller_waiter(void)
{
	struct sysv_sem_call big, small;
	struct ipct_blocker bb, bs;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	sysv_sem_call1(&big, id, 0, -2, 0);
	sysv_sem_call1(&small, id, 0, -1, 0);
	/* The large decrement starts waiting first. */
	ipct_block_start(&bb, sysv_sem_blocking_op, &big);
	ipct_block_prove(&bb);
	ipct_block_start(&bs, sysv_sem_blocking_op, &small);
	ipct_block_prove(&bs);
	CHECK_RET(semctl(id, 0, GETNCNT), 2);
	/* Enough for the later, smaller waiter only: it must complete. */
	CHECK_OK(sysv_sem_op1(id, 0, 1, 0));
	CHECK_RESULT(ipct_block_finish(&bs), 0);
	ipct_block_prove(&bb);
	CHECK_RET(semctl(id, 0, GETNCNT), 1);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
	CHECK_OK(sysv_sem_op1(id, 0, 2, 0));
	CHECK_RESULT(ipct_block_finish(&bb), 0);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(semop_increment_wakes_smaller_waiter,
	.id = "sysv_sem.semop_increment_wakes_smaller_waiter",
	.asserts = "an increment that covers a later, smaller blocked decrement but not an earlier, larger one completes the smaller one; the larger one keeps waiting (no starvation behind it)",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION (a suspended decrement proceeds when semval becomes >= |sem_op|)");

static void semop_zero_eintr_zcnt_drops(void)
{
	struct sysv_sem_call c;
	struct ipct_blocker b1, b2;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	ipct_xsigaction(SIGUSR1, ipct_noop_handler, 0);
	sysv_sem_xsetval(id, 0, 1);
	sysv_sem_call1(&c, id, 0, 0, 0);
	ipct_block_start(&b1, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b1);
	ipct_block_start(&b2, sysv_sem_blocking_op, &c);
	ipct_block_prove(&b2);
	CHECK_RET(semctl(id, 0, GETZCNT), 2);
	CHECK_OK(kill(b1.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b1), EINTR);
	/* The interrupted waiter is no longer counted; the other still is. */
	CHECK_RET(semctl(id, 0, GETZCNT), 1);
	ipct_block_prove(&b2);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	CHECK_OK(sysv_sem_op1(id, 0, -1, 0));
	CHECK_RESULT(ipct_block_finish(&b2), 0);
	CHECK_RET(semctl(id, 0, GETZCNT), 0);
}
IPCT_CASE(semop_zero_eintr_zcnt_drops,
	.id = "sysv_sem.semop_zero_eintr_zcnt_drops",
	.asserts = "a semop() waiting for zero that is interrupted by a caught signal fails with EINTR and semzcnt drops by one, other waiters for zero staying counted",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION (sem_op zero: semzcnt decremented, EINTR) and ERRORS [EINTR]");

IPCT_CASES(&ipct_case_semop_increment_adds, &ipct_case_semop_decrement_subtracts,
	   &ipct_case_semop_zero_immediate,
	   &ipct_case_semop_decrement_nowait_eagain,
	   &ipct_case_semop_zero_nowait_eagain, &ipct_case_semop_decrement_blocks,
	   &ipct_case_semop_zero_blocks, &ipct_case_semop_wakes_several,
	   &ipct_case_semop_array_nowait_all_or_nothing,
	   &ipct_case_semop_array_blocked_all_or_nothing,
	   &ipct_case_semop_sets_sempid_otime,
	   &ipct_case_semop_failed_keeps_sempid_otime,
	   &ipct_case_semop_sem_num_efbig, &ipct_case_semop_nsops_e2big,
	   &ipct_case_semop_removed_set_einval, &ipct_case_semop_semvmx_erange,
	   &ipct_case_semop_blocked_eidrm, &ipct_case_semop_blocked_eintr,
	   &ipct_case_semop_eintr_despite_sa_restart,
	   &ipct_case_semop_eacces_alter, &ipct_case_semop_zero_needs_read_only,
	   &ipct_case_semop_set_outlives_creator,
	   &ipct_case_semop_waiting_decrement_does_not_block_smaller,
	   &ipct_case_semop_increment_wakes_smaller_waiter,
	   &ipct_case_semop_zero_eintr_zcnt_drops);
