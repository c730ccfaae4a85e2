/* SPDX-License-Identifier: MIT
 * cases/posix_shm/mmap.c - mapping shared memory objects: MAP_SHARED and
 * MAP_PRIVATE between processes, the object's end (SIGBUS), protections
 * (SIGSEGV), munmap(), msync(), and the argument errors of mmap().
 * Sources: POSIX.1-2024 mmap(), munmap(), mprotect(), msync(), fork(),
 * shm_open(); Linux mmap(2) where POSIX leaves the choice open.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_shm.h"

static void map_shared_visible_both_ways(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	unsigned char *p = posix_shm_xcreate_map(name, 4096);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		unsigned char *q;
		int fd;

		/* Its own mapping, opened by name. */
		CHECK_OK(fd = shm_open(name, O_RDWR, 0));
		CHECK_OK_PTR(q = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
				      MAP_SHARED, fd, 0), MAP_FAILED);
		memcpy(q + 100, "from child", 11);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_STR("from parent", (char *)q + 200);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_STR("from child", (char *)p + 100);
	memcpy(p + 200, "from parent", 12);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(map_shared_visible_both_ways,
	.id = "posix_shm.map_shared_visible_both_ways",
	.asserts = "stores through a MAP_SHARED mapping of a shared memory object are visible to another process mapping the same object, in both directions",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_SHARED); shm_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void map_shared_visible_after_remap(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd = posix_shm_xcreate(name, 8192);
	unsigned char *p = posix_shm_xmap(fd, 8192, PROT_READ | PROT_WRITE, MAP_SHARED);

	memcpy(p + 5000, "stays", 6);
	CHECK_OK(munmap(p, 8192));
	p = posix_shm_xmap(fd, 8192, PROT_READ, MAP_SHARED);
	CHECK_STR("stays", (char *)p + 5000);
}
IPCT_CASE(map_shared_visible_after_remap,
	.id = "posix_shm.map_shared_visible_after_remap",
	.asserts = "data stored through a MAP_SHARED mapping is in the object after munmap() and is seen by a new mapping",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_SHARED); munmap(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mapping_survives_close(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);
	unsigned char *p = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	unsigned char *q = posix_shm_xmap(fd, 4096, PROT_READ, MAP_SHARED);

	ipct_xclose(fd);
	memcpy(p, "open", 5);
	CHECK_STR("open", (char *)q);
}
IPCT_CASE(mapping_survives_close,
	.id = "posix_shm.mapping_survives_close",
	.asserts = "mappings of a shared memory object stay valid and shared after the descriptor used to create them is closed",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (the mapping adds a reference)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void map_private_writes_stay_private(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd = posix_shm_xcreate(name, 4096);
	unsigned char *shared = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	unsigned char *priv = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	char buf[8];

	memcpy(shared, "orig", 5);
	CHECK_STR("orig", (char *)priv);     /* not yet copied: shows the object */
	memcpy(priv, "mine", 5);
	CHECK_STR("orig", (char *)shared);
	CHECK_RET(pread(fd, buf, 5, 0), 5);
	CHECK_STR("orig", buf);
	CHECK_STR("mine", (char *)priv);
}
IPCT_CASE(map_private_writes_stay_private,
	.id = "posix_shm.map_private_writes_stay_private",
	.asserts = "stores through a MAP_PRIVATE mapping change only the caller's copy: the object and its MAP_SHARED mappings keep the old data",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_PRIVATE)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void fork_map_private_parent_write_unseen(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);
	unsigned char *p = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	struct ipct_sync s;
	pid_t pid;

	memcpy(p, "before", 7);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(&s, 1);
		CHECK_STR("before", (char *)p);
		ipct_child_exit();
	}
	memcpy(p, "after!", 7);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_map_private_parent_write_unseen,
	.id = "posix_shm.fork_map_private_parent_write_unseen",
	.asserts = "after fork() a MAP_PRIVATE mapping is private to each process: the parent's later stores are not seen by the child",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION; mmap(), DESCRIPTION (MAP_PRIVATE)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void partial_last_page_zero_filled(void)
{
	size_t pg = ipct_xpagesize(), i;
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *full = posix_shm_xmap(fd, pg, PROT_READ | PROT_WRITE, MAP_SHARED);
	unsigned char *p;

	/* Data where the tail of the page will be, then cut the object to
	 * 100 bytes: the tail of the page is now beyond the end. */
	memset(full, 0x5a, pg);
	CHECK_OK(munmap(full, pg));
	CHECK_OK(ftruncate(fd, 100));
	p = posix_shm_xmap(fd, pg, PROT_READ, MAP_SHARED);
	CHECK_EQ(0x5a, p[99]);
	for (i = 100; i < pg; i++)
		if (p[i] != 0)
			break;
	CHECK_EQU(pg, i); /* index of the first non-zero byte, if any */
}
IPCT_CASE(partial_last_page_zero_filled,
	.id = "posix_shm.partial_last_page_zero_filled",
	.asserts = "the part of the last page of a mapping that lies beyond the end of the object reads as zero, without SIGBUS",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (zero-fill of the partial page at the end of an object)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

/* Run touch(p) in a child that must die of `sig`. */
static void child_dies_of(void (*touch)(volatile unsigned char *),
			  volatile unsigned char *p, int sig)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		ipct_expect_fault(); /* the access below is meant to fault */
		touch(p);
		ipct_child_exit(); /* reached only if no signal came */
	}
	CHECK_SIGNALED(ipct_wait(pid), sig);
}

static void store_byte(volatile unsigned char *p)
{
	*p = 1;
}

static void load_byte(volatile unsigned char *p)
{
	(void)*p;
}

static void access_past_object_end_sigbus(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *p = posix_shm_xmap(fd, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED);

	p[pg - 1] = 7; /* the last byte of the object is fine */
	child_dies_of(load_byte, p + pg, SIGBUS);
}
IPCT_CASE(access_past_object_end_sigbus,
	.id = "posix_shm.access_past_object_end_sigbus",
	.asserts = "a reference to a whole page of a mapping that lies beyond the end of the shared memory object raises SIGBUS",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (references beyond the end of the object)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void shrink_while_mapped_sigbus(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 2 * pg);
	unsigned char *p = posix_shm_xmap(fd, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED);

	p[pg] = 1; /* inside the object now */
	CHECK_OK(ftruncate(fd, (off_t)pg));
	child_dies_of(store_byte, p + pg, SIGBUS);
}
IPCT_CASE(shrink_while_mapped_sigbus,
	.id = "posix_shm.shrink_while_mapped_sigbus",
	.asserts = "after ftruncate() shrinks a mapped shared memory object, a reference to a mapped page past the new end raises SIGBUS",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION; ftruncate(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void munmap_then_access_sigsegv(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *p = posix_shm_xmap(fd, pg, PROT_READ | PROT_WRITE, MAP_SHARED);

	p[0] = 1;
	CHECK_RET(munmap(p, pg), 0);
	child_dies_of(load_byte, p, SIGSEGV);
}
IPCT_CASE(munmap_then_access_sigsegv,
	.id = "posix_shm.munmap_then_access_sigsegv",
	.asserts = "after munmap() a reference to the removed range raises SIGSEGV",
	.spec = "POSIX.1-2024 munmap(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mprotect_readonly_write_sigsegv(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *p = posix_shm_xmap(fd, pg, PROT_READ | PROT_WRITE, MAP_SHARED);

	p[0] = 1;
	CHECK_RET(mprotect(p, pg, PROT_READ), 0);
	CHECK_EQ(1, p[0]); /* reading is still allowed */
	child_dies_of(store_byte, p, SIGSEGV);
}
IPCT_CASE(mprotect_readonly_write_sigsegv,
	.id = "posix_shm.mprotect_readonly_write_sigsegv",
	.asserts = "after mprotect() to PROT_READ a store to the page raises SIGSEGV while loads still work",
	.spec = "POSIX.1-2024 mprotect(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void prot_read_mapping_write_sigsegv(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *p = posix_shm_xmap(fd, pg, PROT_READ, MAP_SHARED);

	child_dies_of(store_byte, p, SIGSEGV);
}
IPCT_CASE(prot_read_mapping_write_sigsegv,
	.id = "posix_shm.prot_read_mapping_write_sigsegv",
	.asserts = "a store to a mapping created with PROT_READ only raises SIGSEGV",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (prot)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_zero_length_einval(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);

	CHECK_FAILS_PTR(mmap(NULL, 0, PROT_READ, MAP_SHARED, fd, 0), MAP_FAILED,
			EINVAL);
}
IPCT_CASE(mmap_zero_length_einval,
	.id = "posix_shm.mmap_zero_length_einval",
	.asserts = "mmap() with len 0 fails with EINVAL",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_unaligned_offset_einval(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 2 * pg);

	CHECK_FAILS_PTR(mmap(NULL, pg, PROT_READ, MAP_SHARED, fd, 1), MAP_FAILED,
			EINVAL);
}
IPCT_CASE(mmap_unaligned_offset_einval,
	.id = "posix_shm.mmap_unaligned_offset_einval",
	.asserts = "mmap() with an offset that is not a multiple of the page size fails with EINVAL",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_no_share_type_einval(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);

	CHECK_FAILS_PTR(mmap(NULL, 4096, PROT_READ, 0, fd, 0), MAP_FAILED, EINVAL);
}
IPCT_CASE(mmap_no_share_type_einval,
	.id = "posix_shm.mmap_no_share_type_einval",
	.asserts = "mmap() with flags naming neither MAP_SHARED nor MAP_PRIVATE fails with EINVAL",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_closed_fd_ebadf(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);

	ipct_xclose(fd);
	CHECK_FAILS_PTR(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0), MAP_FAILED,
			EBADF);
}
IPCT_CASE(mmap_closed_fd_ebadf,
	.id = "posix_shm.mmap_closed_fd_ebadf",
	.asserts = "mmap() of a closed file descriptor fails with EBADF",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EBADF]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_rdonly_fd_shared_write_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd;

	posix_shm_xcreate(name, 4096);
	CHECK_OK(fd = shm_open(name, O_RDONLY, 0));
	CHECK_FAILS_PTR(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			MAP_FAILED, EACCES);
}
IPCT_CASE(mmap_rdonly_fd_shared_write_eacces,
	.id = "posix_shm.mmap_rdonly_fd_shared_write_eacces",
	.asserts = "mmap() with PROT_WRITE and MAP_SHARED of a shared memory object opened O_RDONLY fails with EACCES",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EACCES]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void mmap_rdonly_fd_private_write_allowed(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	unsigned char *p;
	char buf[4];
	int fd, wfd = posix_shm_xcreate(name, 4096);

	CHECK_OK(fd = shm_open(name, O_RDONLY, 0));
	CHECK_OK_PTR(p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE,
			      fd, 0), MAP_FAILED);
	memcpy(p, "cow", 4);
	CHECK_RET(pread(wfd, buf, 4, 0), 4);
	CHECK_EQ(0, buf[0]);
}
IPCT_CASE(mmap_rdonly_fd_private_write_allowed,
	.id = "posix_shm.mmap_rdonly_fd_private_write_allowed",
	.asserts = "mmap() with PROT_WRITE and MAP_PRIVATE of an object opened O_RDONLY succeeds, and stores do not reach the object",
	.spec = "POSIX.1-2024 mmap(), ERRORS [EACCES] (only MAP_SHARED needs write access)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void munmap_unaligned_einval(void)
{
	size_t pg = ipct_xpagesize();
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), pg);
	unsigned char *p = posix_shm_xmap(fd, pg, PROT_READ, MAP_SHARED);

	CHECK_FAILS(munmap(p + 1, pg - 1), EINVAL);
	CHECK_EQ(0, p[0]); /* still mapped */
}
IPCT_CASE(munmap_unaligned_einval,
	.id = "posix_shm.munmap_unaligned_einval",
	.asserts = "munmap() with an address that is not a multiple of the page size fails with EINVAL and leaves the mapping",
	.spec = "POSIX.1-2024 munmap(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void msync_sync_returns_zero(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd = posix_shm_xcreate(name, 4096);
	unsigned char *p = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	char buf[8];

	memcpy(p, "synced", 7);
	CHECK_RET(msync(p, 4096, MS_SYNC), 0);
	CHECK_RET(msync(p, 4096, MS_ASYNC | MS_INVALIDATE), 0);
	CHECK_RET(pread(fd, buf, 7, 0), 7);
	CHECK_STR("synced", buf);
}
IPCT_CASE(msync_sync_returns_zero,
	.id = "posix_shm.msync_sync_returns_zero",
	.asserts = "msync() of a MAP_SHARED mapping with MS_SYNC or MS_ASYNC|MS_INVALIDATE returns 0, and the stores are in the object as read() sees it",
	.spec = "POSIX.1-2024 msync(), DESCRIPTION and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void msync_sync_and_async_einval(void)
{
	unsigned char *p = posix_shm_xcreate_map(ipct_posix_name(IPCT_POSIX_SHM), 4096);

	CHECK_FAILS(msync(p, 4096, MS_SYNC | MS_ASYNC), EINVAL);
}
IPCT_CASE(msync_sync_and_async_einval,
	.id = "posix_shm.msync_sync_and_async_einval",
	.asserts = "msync() with both MS_SYNC and MS_ASYNC fails with EINVAL",
	.spec = "POSIX.1-2024 msync(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void msync_unaligned_einval(void)
{
	unsigned char *p = posix_shm_xcreate_map(ipct_posix_name(IPCT_POSIX_SHM), 4096);

	CHECK_FAILS(msync(p + 1, 100, MS_SYNC), EINVAL);
}
IPCT_CASE(msync_unaligned_einval,
	.id = "posix_shm.msync_unaligned_einval",
	.asserts = "msync() with an address that is not a multiple of the page size fails with EINVAL",
	.spec = "POSIX.1-2024 msync(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

/* Helper mode "msync-unmapped NAME": map a page of object NAME, unmap
 * it, msync() it.  It runs in an exec'd image because valgrind's memcheck
 * (which follows fork() but not exec() by default) reports msync() of
 * unaddressable memory as an error before the kernel sees the call. */
static int msync_unmapped_main(int argc, char **argv)
{
	size_t pg = ipct_xpagesize();
	void *p;
	int fd;

	if (argc < 2)
		return 2;
	CHECK_OK(fd = shm_open(argv[1], O_RDWR, 0));
	CHECK_OK_PTR(p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
		     MAP_FAILED);
	CHECK_OK(munmap(p, pg));
	CHECK_FAILS(msync(p, pg, MS_SYNC), ENOMEM);
	return 0;
}
IPCT_HELPER(msync_unmapped_main, "msync-unmapped");

static void msync_unmapped_enomem(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);

	posix_shm_xcreate(name, ipct_xpagesize());
	CHECK_EXITED(ipct_wait(ipct_exec_helper("msync-unmapped", name,
						(char *)NULL)), 0);
}
IPCT_CASE(msync_unmapped_enomem,
	.id = "posix_shm.msync_unmapped_enomem",
	.asserts = "msync() of a range that is not mapped fails with ENOMEM",
	.spec = "POSIX.1-2024 msync(), ERRORS [ENOMEM]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

IPCT_CASES(&ipct_case_map_shared_visible_both_ways,
	   &ipct_case_partial_last_page_zero_filled,
	   &ipct_case_map_shared_visible_after_remap,
	   &ipct_case_mapping_survives_close,
	   &ipct_case_map_private_writes_stay_private,
	   &ipct_case_fork_map_private_parent_write_unseen,
	   &ipct_case_access_past_object_end_sigbus,
	   &ipct_case_shrink_while_mapped_sigbus,
	   &ipct_case_munmap_then_access_sigsegv,
	   &ipct_case_mprotect_readonly_write_sigsegv,
	   &ipct_case_prot_read_mapping_write_sigsegv,
	   &ipct_case_mmap_zero_length_einval,
	   &ipct_case_mmap_unaligned_offset_einval,
	   &ipct_case_mmap_no_share_type_einval,
	   &ipct_case_mmap_closed_fd_ebadf,
	   &ipct_case_mmap_rdonly_fd_shared_write_eacces,
	   &ipct_case_mmap_rdonly_fd_private_write_allowed,
	   &ipct_case_munmap_unaligned_einval,
	   &ipct_case_msync_sync_returns_zero,
	   &ipct_case_msync_sync_and_async_einval,
	   &ipct_case_msync_unaligned_einval,
	   &ipct_case_msync_unmapped_enomem);
IPCT_HELPERS(&ipct_helper_msync_unmapped_main);
