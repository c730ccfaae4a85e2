/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/linux_ext.c - Linux extensions and Linux-documented
 * behaviour of System V shared memory: IPC_INFO, SHM_INFO, SHM_STAT,
 * SHM_DEST, attaching and re-creating after IPC_RMID, SHM_LOCK,
 * SHM_REMAP, page rounding, and shmdt() of an attach munmap() cut.
 * Sources: Linux shmctl(2), shmop(2), shmget(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "sysv_shm.h"

#include <sys/mman.h>
#include <sys/resource.h>

static void shm_ipc_info_limits(void)
{
	struct shminfo si;

	memset(&si, 0, sizeof si);
	CHECK_OK(shmctl(0, IPC_INFO, (struct shmid_ds *)(void *)&si));
	CHECK_EQU(ipct_need_limit("/proc/sys/kernel/shmmax", 0), si.shmmax);
	CHECK_EQU(ipct_need_limit("/proc/sys/kernel/shmmni", 0), si.shmmni);
	CHECK_EQU(ipct_need_limit("/proc/sys/kernel/shmall", 0), si.shmall);
	CHECK_EQU(1, si.shmmin);
}
IPCT_CASE(shm_ipc_info_limits,
	.id = "sysv_shm.shm_ipc_info_limits",
	.asserts = "on Linux shmctl(IPC_INFO) fills a shminfo with the system limits shmmax, shmmni and shmall (as in /proc/sys/kernel) and shmmin 1",
	.spec = "Linux shmctl(2), IPC_INFO",
	.needs = IPCT_LINUX_ONLY);

static void shm_info_counts(void)
{
	struct shm_info si;

	ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	memset(&si, 0, sizeof si);
	CHECK_OK(shmctl(0, SHM_INFO, (struct shmid_ds *)(void *)&si));
	CHECK(si.used_ids >= 1);
}
IPCT_CASE(shm_info_counts,
	.id = "sysv_shm.shm_info_counts",
	.asserts = "on Linux shmctl(SHM_INFO) reports the number of existing segments in used_ids",
	.spec = "Linux shmctl(2), SHM_INFO",
	.needs = IPCT_LINUX_ONLY);

static void shm_stat_index(void)
{
	struct shminfo si;
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 12345, 0600);
	int top, i, found = 0;

	CHECK_OK(top = shmctl(0, IPC_INFO, (struct shmid_ds *)(void *)&si));
	for (i = 0; i <= top && !found; i++) {
		memset(&ds, 0, sizeof ds);
		if (shmctl(i, SHM_STAT, &ds) == id)
			found = 1;
	}
	CHECK(found);
	CHECK_EQU(12345, ds.shm_segsz);
}
IPCT_CASE(shm_stat_index,
	.id = "sysv_shm.shm_stat_index",
	.asserts = "on Linux shmctl(SHM_STAT) on an index up to the one IPC_INFO returns gives the identifier and shmid_ds of the segment in that slot",
	.spec = "Linux shmctl(2), SHM_STAT and IPC_INFO",
	.needs = IPCT_LINUX_ONLY);

static void shm_dest_flag_after_rmid(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	sysv_shm_xat(id, NULL, 0);
	sysv_shm_xstat(id, &ds);
	CHECK_EQ(0, ds.shm_perm.mode & SHM_DEST);
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK(ds.shm_perm.mode & SHM_DEST);
}
IPCT_CASE(shm_dest_flag_after_rmid,
	.id = "sysv_shm.shm_dest_flag_after_rmid",
	.asserts = "on Linux IPC_STAT of a segment removed while still attached shows SHM_DEST in shm_perm.mode",
	.spec = "Linux shmctl(2), IPC_RMID",
	.needs = IPCT_LINUX_ONLY);

static void shm_attach_after_rmid(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *a = sysv_shm_xat(id, NULL, 0);
	char *b;

	memcpy(a, "marked", 6);
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	CHECK_OK_PTR(b = shmat(id, NULL, 0), SYSV_SHM_FAILED);
	CHECK_MEM("marked", b, 6);
	CHECK_EQ(2, sysv_shm_xnattch(id));
}
IPCT_CASE(shm_attach_after_rmid,
	.id = "sysv_shm.shm_attach_after_rmid",
	.asserts = "on Linux shmat() of a segment marked for removal but still attached succeeds and shares its contents",
	.spec = "Linux shmctl(2), IPC_RMID; shmop(2)",
	.needs = IPCT_LINUX_ONLY);

static void shm_rmid_releases_key(void)
{
	key_t key = ipct_unused_key();
	int id = ipct_xshmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
	struct shmid_ds ds;
	int id2;

	sysv_shm_xat(id, NULL, 0);
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	/* The old segment still exists (attached) but no longer owns the
	 * key: the key finds nothing, and IPC_EXCL creates a new segment. */
	CHECK_FAILS(shmget(key, 4096, 0600), ENOENT);
	CHECK_OK(id2 = ipct_tracked_id(IPCT_SYSV_SHM, shmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600)));
	CHECK_NE(id, id2);
	/* The old one lives on under its identifier. */
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQU(1, ds.shm_nattch);
}
IPCT_CASE(shm_rmid_releases_key,
	.id = "sysv_shm.shm_rmid_releases_key",
	.asserts = "on Linux a segment removed while attached gives up its key, so shmget() with that key finds or creates another segment",
	.spec = "Linux shmctl(2), IPC_RMID",
	.needs = IPCT_LINUX_ONLY);

static void shm_lock_sets_flag(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	if (shmctl(id, SHM_LOCK, NULL) != 0) {
		int err = errno;

		if (err == EPERM || err == ENOMEM)
			ipct_skip("SHM_LOCK: %s (needs CAP_IPC_LOCK or room in RLIMIT_MEMLOCK)",
				  ipct_errname(err));
		errno = err;
		CHECK_OK(-1); /* any other failure is a failure of the case */
	}
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK(ds.shm_perm.mode & SHM_LOCKED);
	CHECK_OK(shmctl(id, SHM_UNLOCK, NULL));
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQ(0, ds.shm_perm.mode & SHM_LOCKED);
}
IPCT_CASE(shm_lock_sets_flag,
	.id = "sysv_shm.shm_lock_sets_flag",
	.asserts = "on Linux SHM_LOCK sets the SHM_LOCKED flag in shm_perm.mode and SHM_UNLOCK clears it",
	.spec = "Linux shmctl(2), SHM_LOCK and SHM_UNLOCK",
	.needs = IPCT_LINUX_ONLY);

static void shm_lock_memlock_zero_fails(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	if (geteuid() != 0)
		ipct_skip("giving a segment to another user needs root (running as uid %ld)",
			  (long)geteuid());
	/* The unprivileged child is the segment's owner. */
	sysv_shm_xstat(id, &ds);
	ds.shm_perm.uid = ipct_unpriv_uid();
	if (shmctl(id, IPC_SET, &ds) != 0)
		IPCT_BROKEN("shmctl(IPC_SET uid): %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		struct rlimit rl = { 0, 0 };

		if (setrlimit(RLIMIT_MEMLOCK, &rl) != 0)
			IPCT_BROKEN("setrlimit(RLIMIT_MEMLOCK, 0): %s",
				    ipct_errname(errno));
		ipct_drop_privileges();
		/* shmctl(2): EPERM when RLIMIT_MEMLOCK is 0; ENOMEM when the
		 * lock would exceed it. */
		CHECK_FAILS_ONEOF(shmctl(id, SHM_LOCK, NULL), EPERM, ENOMEM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shm_lock_memlock_zero_fails,
	.id = "sysv_shm.shm_lock_memlock_zero_fails",
	.asserts = "on Linux SHM_LOCK by an unprivileged owner whose RLIMIT_MEMLOCK is 0 fails with EPERM or ENOMEM",
	.spec = "Linux shmctl(2), SHM_LOCK and ERRORS [EPERM] [ENOMEM]",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV | IPCT_ROOT);

static void shm_remap_null_einval(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	sysv_shm_skip_under_valgrind("it replaces the null shmaddr by an address of its choice");
	CHECK_FAILS_PTR(shmat(id, NULL, SHM_REMAP), SYSV_SHM_FAILED, EINVAL);
}
IPCT_CASE(shm_remap_null_einval,
	.id = "sysv_shm.shm_remap_null_einval",
	.asserts = "on Linux shmat() with SHM_REMAP and a null shmaddr fails with EINVAL",
	.spec = "Linux shmop(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void shm_attach_over_mapping(void)
{
	int a = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	int b = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *pa = sysv_shm_xat(a, NULL, 0);
	char *pb;

	CHECK_FAILS_PTR(shmat(b, pa, 0), SYSV_SHM_FAILED, EINVAL);
	CHECK_EQ(0, sysv_shm_xnattch(b));
	/* SHM_REMAP takes the range over. */
	CHECK_OK_PTR(pb = shmat(b, pa, SHM_REMAP), SYSV_SHM_FAILED);
	CHECK(pb == pa);
	memcpy(pb, "b", 1);
	CHECK_EQ(1, sysv_shm_xnattch(b));
}
IPCT_CASE(shm_attach_over_mapping,
	.id = "sysv_shm.shm_attach_over_mapping",
	.asserts = "on Linux shmat() at an address already mapped fails with EINVAL unless SHM_REMAP is given, which replaces the mapping",
	.spec = "Linux shmop(2), SHM_REMAP and ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void shm_size_rounded_to_page(void)
{
	size_t page = ipct_xpagesize();
	int id = ipct_xshmget(IPC_PRIVATE, 100, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		volatile char *p = sysv_shm_xat(id, NULL, 0);

		/* Beyond shm_segsz, inside the page. */
		p[page - 1] = 'z';
		CHECK_EQ('z', p[page - 1]);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shm_size_rounded_to_page,
	.id = "sysv_shm.shm_size_rounded_to_page",
	.asserts = "on Linux an attachment covers the segment size rounded up to a whole page, so bytes past shm_segsz in the last page are accessible",
	.spec = "Linux shmget(2), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY);

/* Is the page at p mapped?  mincore() fails with ENOMEM on an unmapped
 * range (Linux mincore(2), ERRORS); unlike msync() it is not reported by
 * memcheck for the address it probes. */
static int page_mapped(const char *p, size_t pg)
{
	unsigned char vec;

	if (mincore((void *)p, pg, &vec) == 0)
		return 1;
	if (errno != ENOMEM)
		IPCT_BROKEN("mincore(%p): %s", (const void *)p, ipct_errname(errno));
	return 0;
}

/* Attach a three-page segment, unmap page `hole` of the attach, and
 * detach at the attach address: what is left of the attach goes. */
static void shmdt_after_munmap(size_t hole)
{
	size_t pg = ipct_xpagesize();
	int id = ipct_xshmget(IPC_PRIVATE, 3 * pg, 0600);
	char *p = sysv_shm_xat(id, NULL, 0);

	memset(p, 'x', 3 * pg);
	if (munmap(p + hole * pg, pg) != 0)
		IPCT_BROKEN("munmap(page %zu of the attach): %s", hole, ipct_errname(errno));
	CHECK_OK(shmdt(p));
	CHECK_EQ(0, sysv_shm_xnattch(id));
	CHECK(!page_mapped(p, pg));
	CHECK(!page_mapped(p + pg, pg));
	CHECK(!page_mapped(p + 2 * pg, pg));
	/* Nothing of the attach is left to detach. */
	CHECK_FAILS(shmdt(p), EINVAL);
}

static void shmdt_after_partial_munmap(void)
{
	shmdt_after_munmap(1);
}
IPCT_CASE(shmdt_after_partial_munmap,
	.id = "sysv_shm.shmdt_after_partial_munmap",
	.asserts = "on Linux, after munmap() of a middle page of an attached segment, shmdt() of the attach address detaches both remaining parts (shm_nattch back to 0, no page of the attach mapped)",
	.spec = "Linux shmop(2) shmdt(); Linux ipc/shm.c ksys_shmdt() (unmaps the fragments munmap() left of the attach)",
	.needs = IPCT_LINUX_ONLY);

static void shmdt_after_head_munmap(void)
{
	shmdt_after_munmap(0);
}
IPCT_CASE(shmdt_after_head_munmap,
	.id = "sysv_shm.shmdt_after_head_munmap",
	.asserts = "on Linux, after munmap() of the first page of an attached segment, shmdt() of the attach address still detaches the rest of that attach (shm_nattch back to 0)",
	.spec = "Linux shmop(2) shmdt(); Linux ipc/shm.c ksys_shmdt() (a fragment whose offset matches its distance from shmaddr belongs to that attach)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_shm_ipc_info_limits, &ipct_case_shm_info_counts,
	   &ipct_case_shm_stat_index, &ipct_case_shm_dest_flag_after_rmid,
	   &ipct_case_shm_attach_after_rmid, &ipct_case_shm_rmid_releases_key,
	   &ipct_case_shm_lock_sets_flag, &ipct_case_shm_lock_memlock_zero_fails,
	   &ipct_case_shm_remap_null_einval, &ipct_case_shm_attach_over_mapping,
	   &ipct_case_shm_size_rounded_to_page,
	   &ipct_case_shmdt_after_partial_munmap,
	   &ipct_case_shmdt_after_head_munmap);
