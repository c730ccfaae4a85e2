/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/semget.c - semget(): creation with IPC_PRIVATE and keys,
 * IPC_CREAT/IPC_EXCL, the nsems rules, permissions and the state of a new
 * set.
 * Sources: POSIX.1-2024 semget() DESCRIPTION and ERRORS, XSH 2.7; Linux
 * semget(2) for initial values.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_sem.h"

#include <time.h>

/* Create a set for `key` (which must be new) and journal it at once. */
static int create_keyed(key_t key, int nsems)
{
	int id = semget(key, nsems, IPC_CREAT | IPC_EXCL | 0600);

	if (id < 0)
		IPCT_BROKEN("semget(key, %d, IPC_CREAT|IPC_EXCL): %s", nsems,
			    ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_SEM, id);
	return id;
}

static void semget_private_creates(void)
{
	struct semid_ds ds;
	int a, b;

	CHECK_OK(a = ipct_tracked_id(IPCT_SYSV_SEM, semget(IPC_PRIVATE, 3, IPC_CREAT | 0600)));
	CHECK_OK(b = ipct_tracked_id(IPCT_SYSV_SEM, semget(IPC_PRIVATE, 2, IPC_CREAT | 0600)));
	/* Each call made a set of its own, of the size it asked. */
	CHECK_NE(a, b);
	sysv_sem_xstat(a, &ds);
	CHECK_EQ(3, ds.sem_nsems);
	sysv_sem_xstat(b, &ds);
	CHECK_EQ(2, ds.sem_nsems);
}
IPCT_CASE(semget_private_creates,
	.id = "sysv_sem.semget_private_creates",
	.asserts = "semget() with IPC_PRIVATE creates a new semaphore set of nsems semaphores each time and returns its non-negative identifier",
	.spec = "POSIX.1-2024 semget(), DESCRIPTION and RETURN VALUE");

static void semget_private_distinct(void)
{
	int a = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	int b = ipct_xsemget(IPC_PRIVATE, 1, 0600);

	CHECK_NE(a, b);
	/* They are separate sets: changing one leaves the other alone. */
	sysv_sem_xsetval(a, 0, 4);
	CHECK_RET(sysv_sem_getval(b, 0), 0);
}
IPCT_CASE(semget_private_distinct,
	.id = "sysv_sem.semget_private_distinct",
	.asserts = "each semget() with IPC_PRIVATE creates a new set with its own identifier",
	.spec = "POSIX.1-2024 semget(), DESCRIPTION");

static void semget_new_set_stat(void)
{
	struct semid_ds ds;
	int id = ipct_xsemget(IPC_PRIVATE, 3, 0600);

	CHECK_OK(sysv_sem_stat(id, &ds));
	CHECK_EQU(geteuid(), ds.sem_perm.cuid);
	CHECK_EQU(geteuid(), ds.sem_perm.uid);
	CHECK_EQU(getegid(), ds.sem_perm.cgid);
	CHECK_EQU(getegid(), ds.sem_perm.gid);
	CHECK_EQ(0600, ds.sem_perm.mode & 0777);
	CHECK_EQ(3, ds.sem_nsems);
	CHECK_EQ(0, ds.sem_otime);
	CHECK(ds.sem_ctime != 0);
	CHECK(ds.sem_ctime <= ipct_time_ceil());
}
IPCT_CASE(semget_new_set_stat,
	.id = "sysv_sem.semget_new_set_stat",
	.asserts = "a new semaphore set has the caller's effective ids as creator and owner, the requested permission bits, sem_nsems equal to nsems, sem_otime 0 and sem_ctime set to the current time",
	.spec = "POSIX.1-2024 semget(), DESCRIPTION");

static void semget_key_creates_and_finds(void)
{
	key_t key = ipct_unused_key();
	int id;

	CHECK_OK(ipct_tracked_id(IPCT_SYSV_SEM, semget(key, 2, IPC_CREAT | 0600)));
	CHECK_OK(id = semget(key, 2, 0600));
	CHECK_RET(semget(key, 2, 0600), id);
	/* IPC_CREAT without IPC_EXCL also returns the existing set. */
	CHECK_RET(semget(key, 2, IPC_CREAT | 0600), id);
}
IPCT_CASE(semget_key_creates_and_finds,
	.id = "sysv_sem.semget_key_creates_and_finds",
	.asserts = "semget() with IPC_CREAT creates a set for an unused key, and later semget() calls with that key return the same identifier",
	.spec = "POSIX.1-2024 semget(), DESCRIPTION");

static void semget_excl_eexist(void)
{
	key_t key = ipct_unused_key();

	create_keyed(key, 1);
	CHECK_FAILS(semget(key, 1, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
}
IPCT_CASE(semget_excl_eexist,
	.id = "sysv_sem.semget_excl_eexist",
	.asserts = "semget() with IPC_CREAT and IPC_EXCL fails with EEXIST when a set already exists for the key",
	.spec = "POSIX.1-2024 semget(), ERRORS [EEXIST]");

static void semget_missing_enoent(void)
{
	CHECK_FAILS(semget(ipct_unused_key(), 1, 0600), ENOENT);
}
IPCT_CASE(semget_missing_enoent,
	.id = "sysv_sem.semget_missing_enoent",
	.asserts = "semget() without IPC_CREAT fails with ENOENT when no set exists for the key",
	.spec = "POSIX.1-2024 semget(), ERRORS [ENOENT]");

static void semget_create_zero_nsems_einval(void)
{
	key_t key = ipct_unused_key();
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SEM, semget(key, 0, IPC_CREAT | 0600)), EINVAL);
	/* Nothing was created for the key. */
	CHECK_FAILS(semget(key, 0, 0600), ENOENT);
}
IPCT_CASE(semget_create_zero_nsems_einval,
	.id = "sysv_sem.semget_create_zero_nsems_einval",
	.asserts = "semget() creating a new set with nsems 0 fails with EINVAL and creates nothing",
	.spec = "POSIX.1-2024 semget(), ERRORS [EINVAL]");

static void semget_nsems_above_semmsl_einval(void)
{
	long semmsl = (long)ipct_need_limit("/proc/sys/kernel/sem", 0);

	if (semmsl >= INT_MAX)
		ipct_skip("SEMMSL is %ld: no nsems above it fits an int", semmsl);
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SEM, semget(IPC_PRIVATE, (int)semmsl + 1,
				   IPC_CREAT | 0600)), EINVAL);
}
IPCT_CASE(semget_nsems_above_semmsl_einval,
	.id = "sysv_sem.semget_nsems_above_semmsl_einval",
	.asserts = "semget() fails with EINVAL when nsems is greater than the system limit SEMMSL",
	.spec = "POSIX.1-2024 semget(), ERRORS [EINVAL]; Linux semget(2) SEMMSL");

static void semget_negative_nsems_einval(void)
{
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SEM, semget(IPC_PRIVATE, -1, IPC_CREAT | 0600)), EINVAL);
}
IPCT_CASE(semget_negative_nsems_einval,
	.id = "sysv_sem.semget_negative_nsems_einval",
	.asserts = "semget() fails with EINVAL when nsems is less than or equal to 0 for a new set",
	.spec = "POSIX.1-2024 semget(), ERRORS [EINVAL]");

static void semget_nsems_above_existing_einval(void)
{
	key_t key = ipct_unused_key();

	create_keyed(key, 2);
	CHECK_FAILS(semget(key, 3, 0600), EINVAL);
}
IPCT_CASE(semget_nsems_above_existing_einval,
	.id = "sysv_sem.semget_nsems_above_existing_einval",
	.asserts = "semget() for an existing set fails with EINVAL when nsems is greater than the number of semaphores in the set",
	.spec = "POSIX.1-2024 semget(), ERRORS [EINVAL]");

static void semget_existing_smaller_nsems(void)
{
	key_t key = ipct_unused_key();
	int id = create_keyed(key, 3);

	CHECK_RET(semget(key, 0, 0600), id);
	CHECK_RET(semget(key, 2, 0600), id);
}
IPCT_CASE(semget_existing_smaller_nsems,
	.id = "sysv_sem.semget_existing_smaller_nsems",
	.asserts = "semget() for an existing set with nsems 0 or not above the set's size returns the existing identifier",
	.spec = "POSIX.1-2024 semget(), DESCRIPTION and ERRORS [EINVAL]");

static void semget_eacces(void)
{
	key_t key = ipct_unused_key();
	pid_t pid;

	create_keyed(key, 1);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		/* Mode 0600: another user is granted no read permission. */
		CHECK_FAILS(semget(key, 1, 0400), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(semget_eacces,
	.id = "sysv_sem.semget_eacces",
	.asserts = "semget() for an existing set fails with EACCES when the permissions requested in semflg are not granted to the caller",
	.spec = "POSIX.1-2024 semget(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void semget_values_start_zero(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 4, 0600);
	unsigned short v[4] = { 9, 9, 9, 9 };
	union semun u;

	u.array = v;
	CHECK_OK(semctl(id, 0, GETALL, u));
	CHECK_EQ(0, v[0]);
	CHECK_EQ(0, v[1]);
	CHECK_EQ(0, v[2]);
	CHECK_EQ(0, v[3]);
}
IPCT_CASE(semget_values_start_zero,
	.id = "sysv_sem.semget_values_start_zero",
	.asserts = "on Linux the semaphores of a new set start at 0 (POSIX leaves the initial values unspecified)",
	.spec = "Linux semget(2), NOTES",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_semget_private_creates, &ipct_case_semget_private_distinct,
	   &ipct_case_semget_new_set_stat,
	   &ipct_case_semget_key_creates_and_finds,
	   &ipct_case_semget_excl_eexist, &ipct_case_semget_missing_enoent,
	   &ipct_case_semget_create_zero_nsems_einval,
	   &ipct_case_semget_nsems_above_semmsl_einval,
	   &ipct_case_semget_negative_nsems_einval,
	   &ipct_case_semget_nsems_above_existing_einval,
	   &ipct_case_semget_existing_smaller_nsems, &ipct_case_semget_eacces,
	   &ipct_case_semget_values_start_zero);
