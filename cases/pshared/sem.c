/* SPDX-License-Identifier: MIT
 * cases/pshared/sem.c - unnamed semaphores initialised with pshared 1 and
 * placed where posix_sem's cases do not put them: a System V segment and a
 * mapped regular file, used by unrelated (exec'd) processes; a waiter
 * killed while blocked; posts and takes by several processes.
 * posix_sem covers sem_init(pshared 1) in anonymous memory between parent
 * and child and in a POSIX shared memory object.
 * Sources: POSIX.1-2024 sem_init(), sem_wait(), sem_trywait(), sem_post(),
 * sem_getvalue().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#include <signal.h>

static long call_sem_wait(void *p)
{
	return sem_wait(p);
}

static int sem_value(sem_t *s)
{
	int v;

	if (sem_getvalue(s, &v) != 0)
		IPCT_BROKEN("sem_getvalue(): %s", ipct_errname(errno));
	return v;
}

static void sem_sysv_post_wakes_waiter(void)
{
	struct pshared_area *a;
	struct ipct_blocker b;
	int id;

	a = pshared_xsysv(&id);
	pshared_xsem(&a->sem, 0);
	ipct_block_start(&b, call_sem_wait, &a->sem);
	ipct_block_prove(&b);
	CHECK_OK(sem_post(&a->sem));
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(0, sem_value(&a->sem));
}
IPCT_CASE(sem_sysv_post_wakes_waiter,
	.id = "pshared.sem_sysv_post_wakes_waiter",
	.asserts = "an unnamed semaphore initialised with pshared 1 in a System V shared memory segment: sem_post() by one process releases another blocked in sem_wait(), which takes the unit",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION (pshared non-zero: shared between processes with access to it); sem_wait(), sem_post(), DESCRIPTION");

/* Helper "sem-post SPEC FD -": post the area's semaphore. */
static int sem_post_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd;

	a = pshared_helper_area(argc, argv, &fd);
	CHECK_OK(sem_post(&a->sem));
	pshared_helper_result(fd, 0);
	return 0;
}
IPCT_HELPER(sem_post_helper, "sem-post");

/* Helper "sem-wait SPEC FD -": report 'b', wait on the area's semaphore,
 * report sem_wait()'s return value. */
static int sem_wait_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd;

	a = pshared_helper_area(argc, argv, &fd);
	pshared_helper_before(fd);
	pshared_helper_result(fd, sem_wait(&a->sem));
	return 0;
}
IPCT_HELPER(sem_wait_helper, "sem-wait");

static void sem_unrelated_post_sysv(void)
{
	struct pshared_area *a;
	struct ipct_blocker b;
	struct pshared_ext e;
	char spec[64];
	int id;

	a = pshared_xsysv(&id);
	pshared_xsem(&a->sem, 0);
	snprintf(spec, sizeof spec, "sysv:%d", id);
	ipct_block_start(&b, call_sem_wait, &a->sem);
	ipct_block_prove(&b);
	pshared_ext_start(&e, "sem-post", spec, NULL);
	CHECK_EQ(0, pshared_ext_result(&e));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(sem_unrelated_post_sysv,
	.id = "pshared.sem_unrelated_post_sysv",
	.asserts = "sem_post() by an unrelated (exec'd) process that attached the System V segment holding a pshared unnamed semaphore releases a process blocked in sem_wait() on it",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION (any process that can access the semaphore); sem_post(), DESCRIPTION");

static void sem_file_mapping_unrelated_wait(void)
{
	struct pshared_area *a;
	struct pshared_ext e;
	const char *path;
	char spec[4200];

	a = pshared_xfile(&path);
	pshared_xsem(&a->sem, 0);
	snprintf(spec, sizeof spec, "file:%s", path);
	pshared_ext_start(&e, "sem-wait", spec, NULL);
	pshared_ext_prove_blocked(&e);
	CHECK_OK(sem_post(&a->sem));
	CHECK_EQ(0, pshared_ext_result(&e));
	CHECK_EQ(0, sem_value(&a->sem));
}
IPCT_CASE(sem_file_mapping_unrelated_wait,
	.id = "pshared.sem_file_mapping_unrelated_wait",
	.asserts = "a pshared unnamed semaphore in a regular file mapped MAP_SHARED by two unrelated processes: the exec'd one blocks in sem_wait() until this one posts, and takes the unit",
	.spec = "POSIX.1-2024 sem_init(), DESCRIPTION; mmap(), DESCRIPTION (MAP_SHARED: changes are shared); sem_wait(), DESCRIPTION");

static void sem_killed_waiter_takes_no_unit(void)
{
	struct pshared_area *a = pshared_xanon();
	struct ipct_blocker b;

	pshared_xsem(&a->sem, 0);
	ipct_block_start(&b, call_sem_wait, &a->sem);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(b.pid), SIGKILL);
	ipct_xclose(b.before[0]);
	ipct_xclose(b.result[0]);
	CHECK_OK(sem_post(&a->sem));
	CHECK_EQ(1, sem_value(&a->sem));
	CHECK_OK(sem_trywait(&a->sem));
}
IPCT_CASE(sem_killed_waiter_takes_no_unit,
	.id = "pshared.sem_killed_waiter_takes_no_unit",
	.asserts = "a process killed while blocked in sem_wait() on a pshared semaphore takes nothing: a later sem_post() leaves the value 1 for the living",
	.spec = "POSIX.1-2024 sem_post(), DESCRIPTION (with no thread blocked, the value is incremented); sem_getvalue(), DESCRIPTION");

static void sem_posts_of_processes_add_up(void)
{
	struct pshared_area *a = pshared_xanon();
	pid_t pid[3];
	int i;

	pshared_xsem(&a->sem, 0);
	for (i = 0; i < 3; i++) {
		pid[i] = ipct_fork();
		if (pid[i] == 0) {
			CHECK_OK(sem_post(&a->sem));
			CHECK_OK(sem_post(&a->sem));
			ipct_child_exit();
		}
	}
	for (i = 0; i < 3; i++)
		ipct_wait_ok(pid[i]);
	CHECK_EQ(6, sem_value(&a->sem));
}
IPCT_CASE(sem_posts_of_processes_add_up,
	.id = "pshared.sem_posts_of_processes_add_up",
	.asserts = "posts by three processes, two each, to a pshared unnamed semaphore initialised to 0 leave sem_getvalue() reporting 6 in a fourth",
	.spec = "POSIX.1-2024 sem_post(), DESCRIPTION (the value is incremented); sem_getvalue(), DESCRIPTION");

static void sem_trywait_other_took_eagain(void)
{
	struct pshared_area *a = pshared_xanon();
	pid_t pid;

	pshared_xsem(&a->sem, 1);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sem_trywait(&a->sem));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_FAILS(sem_trywait(&a->sem), EAGAIN);
	CHECK_EQ(0, sem_value(&a->sem));
}
IPCT_CASE(sem_trywait_other_took_eagain,
	.id = "pshared.sem_trywait_other_took_eagain",
	.asserts = "after another process took the only unit of a pshared unnamed semaphore with sem_trywait(), sem_trywait() here fails with EAGAIN",
	.spec = "POSIX.1-2024 sem_trywait(), DESCRIPTION and ERRORS [EAGAIN]");

IPCT_CASES(&ipct_case_sem_sysv_post_wakes_waiter,
	   &ipct_case_sem_unrelated_post_sysv,
	   &ipct_case_sem_file_mapping_unrelated_wait,
	   &ipct_case_sem_killed_waiter_takes_no_unit,
	   &ipct_case_sem_posts_of_processes_add_up,
	   &ipct_case_sem_trywait_other_took_eagain);
IPCT_HELPERS(&ipct_helper_sem_post_helper, &ipct_helper_sem_wait_helper);
