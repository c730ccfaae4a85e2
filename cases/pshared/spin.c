/* SPDX-License-Identifier: MIT
 * cases/pshared/spin.c - spin locks initialised PTHREAD_PROCESS_SHARED in
 * shared memory, used by forked and unrelated processes.  A spinning
 * process is running, not asleep, so no case proves it "blocked" from
 * kernel state; they assert what the holder's state allows instead.
 * Sources: POSIX.1-2024 pthread_spin_init(), pthread_spin_lock(),
 * pthread_spin_trylock(), pthread_spin_unlock().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#define SPIN_REQS IPCT_HAVE(HAVE_PTHREAD_SPIN_INIT)

#ifdef HAVE_PTHREAD_SPIN_INIT
static struct pshared_area *spin_area(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xok(pthread_spin_init(&a->spin, PTHREAD_PROCESS_SHARED),
		    "pthread_spin_init(PTHREAD_PROCESS_SHARED)");
	return a;
}
#endif

static void spin_trylock_held_by_other_process_ebusy(void)
{
#ifdef HAVE_PTHREAD_SPIN_INIT
	struct pshared_area *a = spin_area();
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_spin_lock(&a->spin), 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_PT(pthread_spin_unlock(&a->spin), 0);
		ipct_post(&s, 3);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_PT(pthread_spin_trylock(&a->spin), EBUSY);
	ipct_post(&s, 2);
	ipct_sync_wait(&s, 3);
	CHECK_PT(pthread_spin_trylock(&a->spin), 0);
	CHECK_PT(pthread_spin_unlock(&a->spin), 0);
	ipct_wait_ok(pid);
#endif
}
IPCT_CASE(spin_trylock_held_by_other_process_ebusy,
	.id = "pshared.spin_trylock_held_by_other_process_ebusy",
	.asserts = "pthread_spin_trylock() of a PTHREAD_PROCESS_SHARED spin lock held by another process returns EBUSY, and succeeds once that process unlocks it",
	.spec = "POSIX.1-2024 pthread_spin_init(), DESCRIPTION (PTHREAD_PROCESS_SHARED); pthread_spin_trylock(), ERRORS [EBUSY]",
	.requires = { SPIN_REQS });

static void spin_lock_acquired_after_unlock(void)
{
#ifdef HAVE_PTHREAD_SPIN_INIT
	struct pshared_area *a = spin_area();
	struct ipct_sync s;
	pid_t pid;

	CHECK_PT(pthread_spin_lock(&a->spin), 0);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_post(&s, 1);
		CHECK_PT(pthread_spin_lock(&a->spin), 0);
		/* Only after the holder's unlock, so after its store. */
		CHECK_EQ(31, a->flag);
		a->count = 1;
		CHECK_PT(pthread_spin_unlock(&a->spin), 0);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_EQ(0, a->count); /* still spinning */
	a->flag = 31;
	CHECK_PT(pthread_spin_unlock(&a->spin), 0);
	ipct_wait_ok(pid);
	CHECK_EQ(1, a->count);
#endif
}
IPCT_CASE(spin_lock_acquired_after_unlock,
	.id = "pshared.spin_lock_acquired_after_unlock",
	.asserts = "pthread_spin_lock() in a process while another holds the shared spin lock returns only after the holder's pthread_spin_unlock(), and then sees what the holder stored under the lock",
	.spec = "POSIX.1-2024 pthread_spin_lock(), DESCRIPTION (the calling thread shall not return until the lock becomes available)",
	.requires = { SPIN_REQS });

static void spin_trylock_acquires(void)
{
#ifdef HAVE_PTHREAD_SPIN_INIT
	struct pshared_area *a = spin_area();
	pid_t pid;

	CHECK_PT(pthread_spin_trylock(&a->spin), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_spin_trylock(&a->spin), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_spin_unlock(&a->spin), 0);
#endif
}
IPCT_CASE(spin_trylock_acquires,
	.id = "pshared.spin_trylock_acquires",
	.asserts = "pthread_spin_trylock() of a free PTHREAD_PROCESS_SHARED spin lock acquires it: another process's trylock then returns EBUSY",
	.spec = "POSIX.1-2024 pthread_spin_trylock(), DESCRIPTION and ERRORS [EBUSY]",
	.requires = { SPIN_REQS });

#ifdef HAVE_PTHREAD_SPIN_INIT
/* Helper "spin-trylock SPEC FD -": report pthread_spin_trylock(). */
static int spin_trylock_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd, r;

	a = pshared_helper_area(argc, argv, &fd);
	r = pthread_spin_trylock(&a->spin);
	if (r == 0)
		pthread_spin_unlock(&a->spin);
	pshared_helper_result(fd, r);
	return 0;
}
IPCT_HELPER(spin_trylock_helper, "spin-trylock");
#endif

static void spin_unrelated_trylock_ebusy(void)
{
#ifdef HAVE_PTHREAD_SPIN_INIT
	struct pshared_area *a;
	struct pshared_ext e;
	char spec[64];
	int id;

	a = pshared_xsysv(&id);
	pshared_xok(pthread_spin_init(&a->spin, PTHREAD_PROCESS_SHARED),
		    "pthread_spin_init(PTHREAD_PROCESS_SHARED)");
	snprintf(spec, sizeof spec, "sysv:%d", id);
	CHECK_PT(pthread_spin_lock(&a->spin), 0);
	pshared_ext_start(&e, "spin-trylock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), EBUSY);
	CHECK_PT(pthread_spin_unlock(&a->spin), 0);
	pshared_ext_start(&e, "spin-trylock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), 0);
#endif
}
IPCT_CASE(spin_unrelated_trylock_ebusy,
	.id = "pshared.spin_unrelated_trylock_ebusy",
	.asserts = "pthread_spin_trylock() in an unrelated (exec'd) process attached to the System V segment returns EBUSY while this process holds the shared spin lock, and succeeds after the unlock",
	.spec = "POSIX.1-2024 pthread_spin_init(), DESCRIPTION (any thread that has access to the memory); pthread_spin_trylock(), ERRORS [EBUSY]",
	.requires = { SPIN_REQS });

static void spin_destroy_then_init_reuses(void)
{
#ifdef HAVE_PTHREAD_SPIN_INIT
	struct pshared_area *a = spin_area();
	pid_t pid;

	CHECK_PT(pthread_spin_destroy(&a->spin), 0);
	CHECK_PT(pthread_spin_init(&a->spin, PTHREAD_PROCESS_SHARED), 0);
	CHECK_PT(pthread_spin_lock(&a->spin), 0);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_PT(pthread_spin_trylock(&a->spin), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_PT(pthread_spin_unlock(&a->spin), 0);
#endif
}
IPCT_CASE(spin_destroy_then_init_reuses,
	.id = "pshared.spin_destroy_then_init_reuses",
	.asserts = "a shared spin lock destroyed with pthread_spin_destroy() can be initialised again with pthread_spin_init(PTHREAD_PROCESS_SHARED) and then excludes another process",
	.spec = "POSIX.1-2024 pthread_spin_destroy(), DESCRIPTION (a destroyed spin lock object can be reinitialized using pthread_spin_init())",
	.requires = { SPIN_REQS });

IPCT_CASES(&ipct_case_spin_trylock_held_by_other_process_ebusy,
	   &ipct_case_spin_lock_acquired_after_unlock,
	   &ipct_case_spin_trylock_acquires,
	   &ipct_case_spin_unrelated_trylock_ebusy,
	   &ipct_case_spin_destroy_then_init_reuses);
#ifdef HAVE_PTHREAD_SPIN_INIT
IPCT_HELPERS(&ipct_helper_spin_trylock_helper);
#endif
