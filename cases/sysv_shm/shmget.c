/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/shmget.c - shmget(): creation with IPC_PRIVATE and keys,
 * IPC_CREAT/IPC_EXCL, size limits, permissions and the state of a new
 * segment.
 * Sources: POSIX.1-2024 shmget() DESCRIPTION and ERRORS, XSH 2.7;
 * Linux shmget(2) for SHMMIN and SHMMAX.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_shm.h"

#include <time.h>

static void shmget_private_creates(void)
{
	int a, b;

	CHECK_OK(a = ipct_tracked_id(IPCT_SYSV_SHM, shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)));
	CHECK_OK(b = ipct_tracked_id(IPCT_SYSV_SHM, shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)));
	CHECK_NE(a, b);
}
IPCT_CASE(shmget_private_creates,
	.id = "sysv_shm.shmget_private_creates",
	.asserts = "shmget() with IPC_PRIVATE creates a new segment each time and returns its non-negative identifier",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION and RETURN VALUE");

static void shmget_new_segment_stat(void)
{
	struct shmid_ds ds;
	time_t before = ipct_time_floor();
	int id = ipct_xshmget(IPC_PRIVATE, 8192, 0600);

	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQU(geteuid(), ds.shm_perm.cuid);
	CHECK_EQU(geteuid(), ds.shm_perm.uid);
	CHECK_EQU(getegid(), ds.shm_perm.cgid);
	CHECK_EQU(getegid(), ds.shm_perm.gid);
	CHECK_EQ(0600, ds.shm_perm.mode & 0777);
	CHECK_EQU(8192, ds.shm_segsz);
	CHECK_EQ(getpid(), ds.shm_cpid);
	CHECK_EQ(0, ds.shm_lpid);
	CHECK_EQU(0, ds.shm_nattch);
	CHECK_EQ(0, ds.shm_atime);
	CHECK_EQ(0, ds.shm_dtime);
	CHECK(ds.shm_ctime >= before);
	CHECK(ds.shm_ctime <= ipct_time_ceil());
}
IPCT_CASE(shmget_new_segment_stat,
	.id = "sysv_shm.shmget_new_segment_stat",
	.asserts = "a new segment has the caller's effective ids as creator and owner, the requested permission bits, shm_segsz equal to size, shm_cpid the creator, shm_lpid, shm_nattch, shm_atime and shm_dtime 0, and shm_ctime the current time",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION");

static void shmget_segsz_exact(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 100, 0600);

	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQU(100, ds.shm_segsz);
}
IPCT_CASE(shmget_segsz_exact,
	.id = "sysv_shm.shmget_segsz_exact",
	.asserts = "shm_segsz of a new segment is the size requested, not rounded to pages",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION");

static void shmget_new_segment_zeroed(void)
{
	size_t size = 3 * ipct_xpagesize() + 123, i, nonzero = 0;
	int id = ipct_xshmget(IPC_PRIVATE, size, 0600);
	unsigned char *p = sysv_shm_xat(id, NULL, SHM_RDONLY);

	for (i = 0; i < size; i++)
		if (p[i] != 0)
			nonzero++;
	CHECK_EQU(0, nonzero);
	sysv_shm_xdt(p);
}
IPCT_CASE(shmget_new_segment_zeroed,
	.id = "sysv_shm.shmget_new_segment_zeroed",
	.asserts = "a new shared memory segment is initialised with zero values",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION");

static void shmget_key_creates_and_finds(void)
{
	key_t key = ipct_unused_key();
	int id;

	CHECK_OK(id = ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 4096, IPC_CREAT | 0600)));
	CHECK_RET(shmget(key, 4096, 0600), id);
	CHECK_RET(shmget(key, 4096, IPC_CREAT | 0600), id);
}
IPCT_CASE(shmget_key_creates_and_finds,
	.id = "sysv_shm.shmget_key_creates_and_finds",
	.asserts = "shmget() with IPC_CREAT creates a segment for an unused key, and later shmget() calls with that key return the same identifier",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION");

static void shmget_excl_eexist(void)
{
	key_t key = ipct_unused_key();

	CHECK_OK(ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600)));
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600)),
		    EEXIST);
}
IPCT_CASE(shmget_excl_eexist,
	.id = "sysv_shm.shmget_excl_eexist",
	.asserts = "shmget() with IPC_CREAT and IPC_EXCL fails with EEXIST when a segment already exists for the key",
	.spec = "POSIX.1-2024 shmget(), ERRORS [EEXIST]");

static void shmget_missing_enoent(void)
{
	CHECK_FAILS(shmget(ipct_unused_key(), 4096, 0600), ENOENT);
}
IPCT_CASE(shmget_missing_enoent,
	.id = "sysv_shm.shmget_missing_enoent",
	.asserts = "shmget() without IPC_CREAT fails with ENOENT when no segment exists for the key",
	.spec = "POSIX.1-2024 shmget(), ERRORS [ENOENT]");

static void shmget_size_zero_einval(void)
{
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SHM, shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600)), EINVAL);
}
IPCT_CASE(shmget_size_zero_einval,
	.id = "sysv_shm.shmget_size_zero_einval",
	.asserts = "shmget() creating a segment with size 0, below SHMMIN (1 on Linux), fails with EINVAL",
	.spec = "POSIX.1-2024 shmget(), ERRORS [EINVAL]; Linux shmget(2) SHMMIN");

static void shmget_size_above_shmmax_einval(void)
{
	unsigned long long shmmax = ipct_need_limit("/proc/sys/kernel/shmmax", 0);

	if (shmmax >= SIZE_MAX)
		ipct_skip("SHMMAX %llu: no size_t is above it", shmmax);
	CHECK_FAILS(ipct_tracked_id(IPCT_SYSV_SHM, shmget(IPC_PRIVATE, (size_t)shmmax + 1,
				   IPC_CREAT | 0600)), EINVAL);
}
IPCT_CASE(shmget_size_above_shmmax_einval,
	.id = "sysv_shm.shmget_size_above_shmmax_einval",
	.asserts = "shmget() creating a segment larger than the system limit SHMMAX fails with EINVAL",
	.spec = "POSIX.1-2024 shmget(), ERRORS [EINVAL]; Linux shmget(2) SHMMAX");

static void shmget_size_above_existing_einval(void)
{
	key_t key = ipct_unused_key();

	CHECK_OK(ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 100, IPC_CREAT | IPC_EXCL | 0600)));
	/* Larger than the segment's 100 bytes, even within its page. */
	CHECK_FAILS(shmget(key, 101, 0600), EINVAL);
}
IPCT_CASE(shmget_size_above_existing_einval,
	.id = "sysv_shm.shmget_size_above_existing_einval",
	.asserts = "shmget() for an existing segment fails with EINVAL when size is greater than the segment's size",
	.spec = "POSIX.1-2024 shmget(), ERRORS [EINVAL]");

static void shmget_existing_smaller_size(void)
{
	key_t key = ipct_unused_key();
	int id = ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 8192, IPC_CREAT | IPC_EXCL | 0600));

	if (id < 0)
		IPCT_BROKEN("shmget(key, IPC_CREAT|IPC_EXCL): %s", ipct_errname(errno));
	CHECK_RET(shmget(key, 1, 0600), id);
	CHECK_RET(shmget(key, 0, 0600), id);
}
IPCT_CASE(shmget_existing_smaller_size,
	.id = "sysv_shm.shmget_existing_smaller_size",
	.asserts = "shmget() for an existing segment with a size not above the segment's returns the existing identifier",
	.spec = "POSIX.1-2024 shmget(), DESCRIPTION");

static void shmget_eacces(void)
{
	key_t key = ipct_unused_key();
	pid_t pid;

	CHECK_OK(ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600)));
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(shmget(key, 4096, 0400), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmget_eacces,
	.id = "sysv_shm.shmget_eacces",
	.asserts = "shmget() for an existing segment fails with EACCES when the permissions requested in shmflg are not granted to the caller",
	.spec = "POSIX.1-2024 shmget(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

IPCT_CASES(&ipct_case_shmget_private_creates, &ipct_case_shmget_new_segment_stat,
	   &ipct_case_shmget_segsz_exact, &ipct_case_shmget_new_segment_zeroed,
	   &ipct_case_shmget_key_creates_and_finds, &ipct_case_shmget_excl_eexist,
	   &ipct_case_shmget_missing_enoent, &ipct_case_shmget_size_zero_einval,
	   &ipct_case_shmget_size_above_shmmax_einval,
	   &ipct_case_shmget_size_above_existing_einval,
	   &ipct_case_shmget_existing_smaller_size, &ipct_case_shmget_eacces);
