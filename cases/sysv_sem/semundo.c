/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/semundo.c - SEM_UNDO: adjustments applied when a process
 * ends (exit or kill), not inherited by fork children, kept across exec,
 * cleared by SETVAL/SETALL, and semadj overflow.
 * Sources: POSIX.1-2024 semop() DESCRIPTION and ERRORS, _exit()
 * (consequences of process termination), fork(), exec, semctl() SETVAL
 * and SETALL; Linux semop(2) for the clamping at 0.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_sem.h"

static void undo_decrement_restored_at_exit(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	sysv_sem_xsetval(id, 0, 1);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, -1, SEM_UNDO | IPC_NOWAIT));
		CHECK_RET(sysv_sem_getval(id, 0), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(undo_decrement_restored_at_exit,
	.id = "sysv_sem.undo_decrement_restored_at_exit",
	.asserts = "a decrement made with SEM_UNDO is added back to semval when the process exits",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION; _exit(), DESCRIPTION");

static void undo_increment_reverted_at_exit(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	sysv_sem_xsetval(id, 0, 1);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 2, SEM_UNDO));
		CHECK_OK(sysv_sem_op1(id, 0, 3, SEM_UNDO));
		CHECK_RET(sysv_sem_getval(id, 0), 6);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(undo_increment_reverted_at_exit,
	.id = "sysv_sem.undo_increment_reverted_at_exit",
	.asserts = "increments made with SEM_UNDO accumulate in semadj and are subtracted from semval when the process exits",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION; _exit(), DESCRIPTION");

static void undo_applied_after_sigkill(void)
{
	struct ipct_sync s;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 1, SEM_UNDO));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted: killed here */
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(undo_applied_after_sigkill,
	.id = "sysv_sem.undo_applied_after_sigkill",
	.asserts = "SEM_UNDO adjustments are applied when a process is killed by a signal",
	.spec = "POSIX.1-2024 _exit(), DESCRIPTION (consequences of process termination)");

static void undo_not_inherited_by_fork(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	/* The case process holds the adjustment; its child starts with none. */
	CHECK_OK(sysv_sem_op1(id, 0, 1, SEM_UNDO));
	pid = ipct_fork();
	if (pid == 0)
		ipct_child_exit();
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
}
IPCT_CASE(undo_not_inherited_by_fork,
	.id = "sysv_sem.undo_not_inherited_by_fork",
	.asserts = "a fork child does not inherit its parent's semadj values, so its exit does not adjust the semaphore",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION");

/* Helper exec'd by a process that holds a SEM_UNDO adjustment: the
 * increment is still in the semaphore when the new image runs. */
static int undo_exec_main(int argc, char **argv)
{
	int id;

	if (argc != 2)
		return 2;
	id = atoi(argv[1]);
	CHECK_RET(sysv_sem_getval(id, 0), 1);
	return 0;
}
IPCT_HELPER(undo_exec_main, "undo_exec");

static void undo_kept_across_exec(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		char arg[32];

		snprintf(arg, sizeof arg, "%d", id);
		CHECK_OK(sysv_sem_op1(id, 0, 1, SEM_UNDO));
		ipct_exec_as_helper("undo_exec", arg, (char *)NULL);
	}
	CHECK_EXITED(ipct_wait(pid), 0);
	/* The new image exited: the adjustment made before exec applied. */
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(undo_kept_across_exec,
	.id = "sysv_sem.undo_kept_across_exec",
	.asserts = "semadj values are kept across exec and applied when the new process image exits",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (semadj values inherited)");

static void undo_cleared_by_setval(void)
{
	struct ipct_sync s;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 1, SEM_UNDO));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	sysv_sem_xsetval(id, 0, 5);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 5);
}
IPCT_CASE(undo_cleared_by_setval,
	.id = "sysv_sem.undo_cleared_by_setval",
	.asserts = "SETVAL clears the semaphore's semadj value in all processes, so a later exit does not adjust it",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (SETVAL)");

static void undo_cleared_by_setall(void)
{
	struct ipct_sync s;
	unsigned short v[2] = { 4, 7 };
	union semun u;
	int id = ipct_xsemget(IPC_PRIVATE, 2, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 2, SEM_UNDO));
		CHECK_OK(sysv_sem_op1(id, 1, 3, SEM_UNDO));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	u.array = v;
	if (semctl(id, 0, SETALL, u) != 0)
		IPCT_BROKEN("semctl(SETALL): %s", ipct_errname(errno));
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 4);
	CHECK_RET(sysv_sem_getval(id, 1), 7);
}
IPCT_CASE(undo_cleared_by_setall,
	.id = "sysv_sem.undo_cleared_by_setall",
	.asserts = "SETALL clears the semadj values of the set's semaphores in all processes",
	.spec = "POSIX.1-2024 semctl(), DESCRIPTION (SETALL)");

static void undo_semadj_overflow_erange(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int semvmx = sysv_sem_xfind_semvmx(id, 0);
	pid_t pid;

	if (semvmx > 32767)
		ipct_skip("SEMVMX is %d: more than one sem_op (a short) away", semvmx);
	pid = ipct_fork();
	if (pid == 0) {
		/* semadj becomes -semvmx; bring semval back to 0 without
		 * SEM_UNDO; the same SEM_UNDO increment again would take
		 * semadj to -2 x semvmx, past any limit that fits semvmx. */
		CHECK_OK(sysv_sem_op1(id, 0, (short)semvmx, SEM_UNDO));
		CHECK_OK(sysv_sem_op1(id, 0, (short)-semvmx, 0));
		CHECK_FAILS(sysv_sem_op1(id, 0, (short)semvmx, SEM_UNDO | IPC_NOWAIT),
			    ERANGE);
		CHECK_RET(sysv_sem_getval(id, 0), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(undo_semadj_overflow_erange,
	.id = "sysv_sem.undo_semadj_overflow_erange",
	.asserts = "semop() with SEM_UNDO fails with ERANGE when the operation would make semadj overflow the system limit",
	.spec = "POSIX.1-2024 semop(), ERRORS [ERANGE]");

static void undo_clamped_at_zero(void)
{
	struct ipct_sync s;
	int id = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sysv_sem_op1(id, 0, 2, SEM_UNDO));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	/* Take 1 without SEM_UNDO: undoing +2 would give -1. */
	CHECK_OK(sysv_sem_op1(id, 0, -1, 0));
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_RET(sysv_sem_getval(id, 0), 0);
}
IPCT_CASE(undo_clamped_at_zero,
	.id = "sysv_sem.undo_clamped_at_zero",
	.asserts = "on Linux an exit adjustment that would make semval negative sets it to 0 instead (POSIX does not say)",
	.spec = "Linux semop(2), NOTES",
	.needs = IPCT_LINUX_ONLY);

IPCT_HELPERS(&ipct_helper_undo_exec_main);

IPCT_CASES(&ipct_case_undo_decrement_restored_at_exit,
	   &ipct_case_undo_increment_reverted_at_exit,
	   &ipct_case_undo_applied_after_sigkill,
	   &ipct_case_undo_not_inherited_by_fork,
	   &ipct_case_undo_kept_across_exec, &ipct_case_undo_cleared_by_setval,
	   &ipct_case_undo_cleared_by_setall,
	   &ipct_case_undo_semadj_overflow_erange,
	   &ipct_case_undo_clamped_at_zero);
