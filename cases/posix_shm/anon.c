/* SPDX-License-Identifier: MIT
 * cases/posix_shm/anon.c - anonymous mappings (MAP_ANONYMOUS) shared or
 * private across fork().
 * Sources: POSIX.1-2024 mmap() (MAP_ANONYMOUS is new in this issue),
 * fork(); Linux mmap(2).
 *
 * _GNU_SOURCE: glibc declares MAP_ANONYMOUS only for _DEFAULT_SOURCE or
 * _GNU_SOURCE so far, although POSIX.1-2024 has it.
 */
#define _GNU_SOURCE
#include "ipct.h"

#include <string.h>
#include <sys/mman.h>

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON
#endif

static unsigned char *map_anon(int share)
{
#ifdef MAP_ANONYMOUS
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, share | MAP_ANONYMOUS,
		       -1, 0);

	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(MAP_ANONYMOUS): %s", ipct_errname(errno));
	return p;
#else
	(void)share;
	ipct_skip("MAP_ANONYMOUS: not defined by <sys/mman.h>");
#endif
}

static void anon_zero_filled(void)
{
	static const unsigned char zero[4096];
	unsigned char *p = map_anon(MAP_SHARED);

	CHECK_MEM(zero, p, sizeof zero);
}
IPCT_CASE(anon_zero_filled,
	.id = "posix_shm.anon_zero_filled",
	.asserts = "a new MAP_ANONYMOUS mapping reads as zero",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_ANONYMOUS)");

static void anon_shared_with_fork_child(void)
{
	unsigned char *p = map_anon(MAP_SHARED);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		memcpy(p, "child", 6);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_STR("parent", (char *)p + 64);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_STR("child", (char *)p);
	memcpy(p + 64, "parent", 7);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(anon_shared_with_fork_child,
	.id = "posix_shm.anon_shared_with_fork_child",
	.asserts = "MAP_SHARED|MAP_ANONYMOUS memory is shared between the parent and a fork() child in both directions",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_ANONYMOUS); fork(), DESCRIPTION");

static void anon_private_copied_at_fork(void)
{
	unsigned char *p = map_anon(MAP_PRIVATE);
	pid_t pid;

	memcpy(p, "parent", 7);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_STR("parent", (char *)p); /* inherited copy */
		memcpy(p, "child", 6);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_STR("parent", (char *)p);
}
IPCT_CASE(anon_private_copied_at_fork,
	.id = "posix_shm.anon_private_copied_at_fork",
	.asserts = "a fork() child gets a copy of MAP_PRIVATE|MAP_ANONYMOUS memory: it sees the parent's data and its stores do not reach the parent",
	.spec = "POSIX.1-2024 mmap(), DESCRIPTION (MAP_PRIVATE, MAP_ANONYMOUS); fork(), DESCRIPTION");

IPCT_CASES(&ipct_case_anon_zero_filled,
	   &ipct_case_anon_shared_with_fork_child,
	   &ipct_case_anon_private_copied_at_fork);
