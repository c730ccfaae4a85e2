/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/shmat.c - shmat() and shmdt(): sharing between
 * processes, attach addresses (NULL, SHM_RND, misaligned), SHM_RDONLY,
 * permissions, inheritance by fork, detach by exec and exit, and the
 * effects of shmdt().
 * Sources: POSIX.1-2024 shmat(), shmdt() DESCRIPTION and ERRORS, fork(),
 * exec, _exit(), XSH 2.7.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_shm.h"

#include <sys/mman.h>
#include <time.h>

static void shmat_null_addr_attaches(void)
{
	struct shmid_ds ds;
	time_t before = ipct_time_floor();
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	void *p;

	CHECK_OK_PTR(p = shmat(id, NULL, 0), SYSV_SHM_FAILED);
	/* The system chose the address: it is page (SHMLBA) aligned. */
	CHECK_EQU(0, (uintptr_t)p % ipct_xpagesize());
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQU(1, ds.shm_nattch);
	CHECK_EQ(getpid(), ds.shm_lpid);
	CHECK(ds.shm_atime >= before);
	CHECK(ds.shm_atime <= ipct_time_ceil());
	sysv_shm_xdt(p);
}
IPCT_CASE(shmat_null_addr_attaches,
	.id = "sysv_shm.shmat_null_addr_attaches",
	.asserts = "shmat() with a null shmaddr attaches the segment at an address the system chooses and sets shm_nattch, shm_lpid and shm_atime",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_child_writes_parent_reads(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *p = sysv_shm_xat(id, NULL, 0);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		char *q = sysv_shm_xat(id, NULL, 0);

		memcpy(q + 1000, "from child", 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_MEM("from child", p + 1000, 10);
}
IPCT_CASE(shmat_child_writes_parent_reads,
	.id = "sysv_shm.shmat_child_writes_parent_reads",
	.asserts = "bytes one process stores in an attached segment are read by another process attached to it",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_parent_writes_child_reads(void)
{
	struct ipct_sync s;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		char *q = sysv_shm_xat(id, NULL, SHM_RDONLY);

		/* Attached before the parent writes. */
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		CHECK_MEM("from parent", q + 4000, 11);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	{
		char *p = sysv_shm_xat(id, NULL, 0);

		memcpy(p + 4000, "from parent", 11);
		sysv_shm_xdt(p);
	}
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(shmat_parent_writes_child_reads,
	.id = "sysv_shm.shmat_parent_writes_child_reads",
	.asserts = "a process already attached to a segment reads the bytes another process stores after it attached",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

#define NKIDS 3

static void shmat_several_processes(void)
{
	struct ipct_barrier written, replied;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	volatile int *p;
	pid_t pids[NKIDS];
	int i;

	ipct_barrier_init(&written, NKIDS + 1);
	ipct_barrier_init(&replied, NKIDS + 1);
	for (i = 0; i < NKIDS; i++) {
		pids[i] = ipct_fork();
		if (pids[i] == 0) {
			volatile int *q = sysv_shm_xat(id, NULL, 0);

			q[i] = 100 + i;
			ipct_barrier_wait(&written);
			ipct_barrier_wait(&replied);
			CHECK_EQ(4242, q[NKIDS]);
			ipct_child_exit();
		}
	}
	ipct_barrier_wait(&written);
	p = sysv_shm_xat(id, NULL, 0);
	/* Three children and this process. */
	CHECK_EQ(NKIDS + 1, sysv_shm_xnattch(id));
	for (i = 0; i < NKIDS; i++)
		CHECK_EQ(100 + i, p[i]);
	p[NKIDS] = 4242;
	ipct_barrier_wait(&replied);
	for (i = 0; i < NKIDS; i++)
		ipct_wait_ok(pids[i]);
	CHECK_EQ(1, sysv_shm_xnattch(id));
}
IPCT_CASE(shmat_several_processes,
	.id = "sysv_shm.shmat_several_processes",
	.asserts = "several processes attached to one segment see each other's stores, and shm_nattch counts every attachment",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_twice_aliases(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *a = sysv_shm_xat(id, NULL, 0);
	char *b = sysv_shm_xat(id, NULL, 0);

	CHECK(a != b);
	CHECK_EQ(2, sysv_shm_xnattch(id));
	memcpy(a + 10, "alias", 5);
	CHECK_MEM("alias", b + 10, 5);
}
IPCT_CASE(shmat_twice_aliases,
	.id = "sysv_shm.shmat_twice_aliases",
	.asserts = "a segment attached twice by one process appears at two addresses that share the same bytes, each counted in shm_nattch",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_rdonly_reads(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *w = sysv_shm_xat(id, NULL, 0);
	const char *r;

	memcpy(w, "visible", 7);
	CHECK_OK_PTR(r = shmat(id, NULL, SHM_RDONLY), SYSV_SHM_FAILED);
	CHECK_MEM("visible", r, 7);
}
IPCT_CASE(shmat_rdonly_reads,
	.id = "sysv_shm.shmat_rdonly_reads",
	.asserts = "shmat() with SHM_RDONLY attaches the segment for reading",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_rdonly_write_sigsegv(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		volatile char *r = sysv_shm_xat(id, NULL, SHM_RDONLY);

		ipct_expect_fault();
		r[0] = 'x';
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGSEGV);
}
IPCT_CASE(shmat_rdonly_write_sigsegv,
	.id = "sysv_shm.shmat_rdonly_write_sigsegv",
	.asserts = "a store through a segment attached with SHM_RDONLY raises SIGSEGV",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION; XSH 2.4.3 (SIGSEGV)");

static void shmat_rw_without_write_eacces(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	/* Others may read, not write. */
	ipct_xsysv_setmode(IPCT_SYSV_SHM, id, 0604, 0);
	pid = ipct_fork();
	if (pid == 0) {
		void *r;

		ipct_drop_privileges();
		CHECK_FAILS_PTR(shmat(id, NULL, 0), SYSV_SHM_FAILED, EACCES);
		CHECK_OK_PTR(r = shmat(id, NULL, SHM_RDONLY), SYSV_SHM_FAILED);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmat_rw_without_write_eacces,
	.id = "sysv_shm.shmat_rw_without_write_eacces",
	.asserts = "shmat() for reading and writing fails with EACCES when the caller has read but not write permission, while a SHM_RDONLY attach succeeds",
	.spec = "POSIX.1-2024 shmat(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void shmat_rdonly_without_read_eacces(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	sysv_shm_skip_under_valgrind("its IPC_STAT before the attach fails first, and it reports EINVAL");
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS_PTR(shmat(id, NULL, SHM_RDONLY), SYSV_SHM_FAILED, EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmat_rdonly_without_read_eacces,
	.id = "sysv_shm.shmat_rdonly_without_read_eacces",
	.asserts = "shmat() with SHM_RDONLY fails with EACCES when the caller lacks read permission",
	.spec = "POSIX.1-2024 shmat(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void shmlba_page_multiple(void)
{
	size_t page = ipct_xpagesize();

	CHECK((size_t)SHMLBA >= page);
	CHECK_EQU(0, (size_t)SHMLBA % page);
}
IPCT_CASE(shmlba_page_multiple,
	.id = "sysv_shm.shmlba_page_multiple",
	.asserts = "SHMLBA, the segment low boundary address multiple, is a multiple of the page size",
	.spec = "POSIX.1-2024 <sys/shm.h> (SHMLBA); Linux shmop(2)");

/* An address where the segment can be attached: attach it at a place the
 * system picks, then detach (single-threaded, nothing else maps there in
 * between).  Skips if that address is not SHMLBA-aligned. */
static char *free_aligned_addr(int id)
{
	char *p = sysv_shm_xat(id, NULL, 0);

	sysv_shm_xdt(p);
	if ((uintptr_t)p % SHMLBA != 0)
		ipct_skip("the system attached at %p, not a multiple of SHMLBA %lu",
			  (void *)p, (unsigned long)SHMLBA);
	return p;
}

static void shmat_misaligned_einval(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *base = free_aligned_addr(id);

	CHECK_FAILS_PTR(shmat(id, base + 100, 0), SYSV_SHM_FAILED, EINVAL);
	CHECK_EQ(0, sysv_shm_xnattch(id));
}
IPCT_CASE(shmat_misaligned_einval,
	.id = "sysv_shm.shmat_misaligned_einval",
	.asserts = "shmat() fails with EINVAL when shmaddr is not null, not a multiple of SHMLBA and SHM_RND is not set",
	.spec = "POSIX.1-2024 shmat(), ERRORS [EINVAL]");

static void shmat_rnd_rounds_down(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *base = free_aligned_addr(id);
	void *p;

	CHECK_OK_PTR(p = shmat(id, base + 100, SHM_RND), SYSV_SHM_FAILED);
	CHECK((char *)p == base);
	sysv_shm_xdt(p);
}
IPCT_CASE(shmat_rnd_rounds_down,
	.id = "sysv_shm.shmat_rnd_rounds_down",
	.asserts = "shmat() with SHM_RND attaches at shmaddr rounded down to a multiple of SHMLBA",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_aligned_addr_used(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *base = free_aligned_addr(id);
	void *p;

	CHECK_OK_PTR(p = shmat(id, base, 0), SYSV_SHM_FAILED);
	CHECK((char *)p == base);
	sysv_shm_xdt(p);
}
IPCT_CASE(shmat_aligned_addr_used,
	.id = "sysv_shm.shmat_aligned_addr_used",
	.asserts = "shmat() with a suitably aligned non-null shmaddr and no SHM_RND attaches at exactly shmaddr",
	.spec = "POSIX.1-2024 shmat(), DESCRIPTION");

static void shmat_invalid_id_einval(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	CHECK_FAILS_PTR(shmat(-1, NULL, 0), SYSV_SHM_FAILED, EINVAL);
	if (shmctl(id, IPC_RMID, NULL) != 0)
		IPCT_BROKEN("shmctl(IPC_RMID): %s", ipct_errname(errno));
	/* Removed with no attachment: the identifier is gone. */
	CHECK_FAILS_PTR(shmat(id, NULL, 0), SYSV_SHM_FAILED, EINVAL);
}
IPCT_CASE(shmat_invalid_id_einval,
	.id = "sysv_shm.shmat_invalid_id_einval",
	.asserts = "shmat() fails with EINVAL when shmid is not a valid shared memory identifier",
	.spec = "POSIX.1-2024 shmat(), ERRORS [EINVAL]");

static void shmat_fork_inherits(void)
{
	struct ipct_sync s;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *p = sysv_shm_xat(id, NULL, 0);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		/* Same address, same segment, no shmat() of its own. */
		memcpy(p, "inherited", 9);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_MEM("inherited", p, 9);
	CHECK_EQ(2, sysv_shm_xnattch(id));
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_EQ(1, sysv_shm_xnattch(id));
}
IPCT_CASE(shmat_fork_inherits,
	.id = "sysv_shm.shmat_fork_inherits",
	.asserts = "a fork child inherits its parent's attachments at the same addresses, each counted in shm_nattch until the child detaches by exiting",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION; shmat(), DESCRIPTION");

/* Helper exec'd by a process that had the segment attached: after exec
 * only the parent's attachment remains. */
static int nattch_main(int argc, char **argv)
{
	struct shmid_ds ds;

	if (argc != 3)
		return 2;
	CHECK_OK(sysv_shm_stat(atoi(argv[1]), &ds));
	CHECK_EQ(atol(argv[2]), ds.shm_nattch);
	return 0;
}
IPCT_HELPER(nattch_main, "nattch");

static void shmat_exec_detaches(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	sysv_shm_xat(id, NULL, 0);
	pid = ipct_fork();
	if (pid == 0) {
		char arg[32];

		snprintf(arg, sizeof arg, "%d", id);
		sysv_shm_xat(id, NULL, 0); /* plus its own: 3 before exec */
		CHECK_EQ(3, sysv_shm_xnattch(id));
		ipct_exec_as_helper("nattch", arg, "1", (char *)NULL);
	}
	CHECK_EXITED(ipct_wait(pid), 0);
}
IPCT_CASE(shmat_exec_detaches,
	.id = "sysv_shm.shmat_exec_detaches",
	.asserts = "exec detaches all the shared memory segments attached to the calling process",
	.spec = "POSIX.1-2024 exec, DESCRIPTION");

static void shmat_exit_detaches(void)
{
	struct ipct_sync s;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t a, b;

	ipct_sync_init(&s);
	a = ipct_fork();
	if (a == 0) {
		sysv_shm_xat(id, NULL, 0);
		ipct_child_exit();
	}
	ipct_wait_ok(a);
	CHECK_EQ(0, sysv_shm_xnattch(id));
	b = ipct_fork();
	if (b == 0) {
		sysv_shm_xat(id, NULL, 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted: killed here */
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_EQ(1, sysv_shm_xnattch(id));
	CHECK_OK(kill(b, SIGKILL));
	CHECK_SIGNALED(ipct_wait(b), SIGKILL);
	CHECK_EQ(0, sysv_shm_xnattch(id));
}
IPCT_CASE(shmat_exit_detaches,
	.id = "sysv_shm.shmat_exit_detaches",
	.asserts = "a process's attachments are detached when it exits or is killed, and shm_nattch is decremented",
	.spec = "POSIX.1-2024 _exit(), DESCRIPTION (consequences of process termination)");

static void shmdt_detaches(void)
{
	struct shmid_ds ds;
	struct ipct_sync s;
	time_t before;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *p = sysv_shm_xat(id, NULL, 0);
	pid_t pid;

	before = ipct_time_floor();
	ipct_sync_init(&s);
	/* A child detaches its inherited attachment: shm_lpid becomes its
	 * pid, distinct from this process's attach.  It stays alive while
	 * the parent looks, so its exit cannot be what detached it. */
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(shmdt(p));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQU(1, ds.shm_nattch);
	CHECK_EQ(pid, ds.shm_lpid);
	CHECK(ds.shm_dtime >= before);
	CHECK(ds.shm_dtime <= ipct_time_ceil());
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_OK(shmdt(p));
	CHECK_EQ(0, sysv_shm_xnattch(id));
}
IPCT_CASE(shmdt_detaches,
	.id = "sysv_shm.shmdt_detaches",
	.asserts = "shmdt() detaches the segment, decrements shm_nattch and sets shm_lpid to the caller's pid and shm_dtime to the current time",
	.spec = "POSIX.1-2024 shmdt(), DESCRIPTION");

static void shmdt_not_attached_einval(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 2 * ipct_xpagesize(), 0600);
	char *p = sysv_shm_xat(id, NULL, 0);
	static char not_shm[64];

	CHECK_FAILS(shmdt(not_shm), EINVAL);
	/* Inside the attachment but not its start. */
	CHECK_FAILS(shmdt(p + 1), EINVAL);
	CHECK_EQ(1, sysv_shm_xnattch(id));
}
IPCT_CASE(shmdt_not_attached_einval,
	.id = "sysv_shm.shmdt_not_attached_einval",
	.asserts = "shmdt() fails with EINVAL when shmaddr is not the start address of an attached segment",
	.spec = "POSIX.1-2024 shmdt(), ERRORS [EINVAL]");

static void shmdt_access_after_sigsegv(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		volatile char *p = sysv_shm_xat(id, NULL, 0);

		p[0] = 'a';
		CHECK_OK(shmdt((void *)p));
		ipct_expect_fault();
		p[0] = 'b';
		ipct_child_exit();
	}
	CHECK_SIGNALED(ipct_wait(pid), SIGSEGV);
}
IPCT_CASE(shmdt_access_after_sigsegv,
	.id = "sysv_shm.shmdt_access_after_sigsegv",
	.asserts = "after shmdt() the detached addresses are no longer mapped: an access raises SIGSEGV",
	.spec = "POSIX.1-2024 shmdt(), DESCRIPTION; XSH 2.4.3 (SIGSEGV)");

static void shmdt_one_of_two(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *a = sysv_shm_xat(id, NULL, 0);
	char *b = sysv_shm_xat(id, NULL, 0);

	memcpy(a, "kept", 4);
	CHECK_OK(shmdt(a));
	CHECK_EQ(1, sysv_shm_xnattch(id));
	CHECK_MEM("kept", b, 4);
	memcpy(b, "more", 4);
	CHECK_MEM("more", b, 4);
}
IPCT_CASE(shmdt_one_of_two,
	.id = "sysv_shm.shmdt_one_of_two",
	.asserts = "detaching one of two attachments of a segment leaves the other attached and usable",
	.spec = "POSIX.1-2024 shmdt(), DESCRIPTION");

IPCT_HELPERS(&ipct_helper_nattch_main);

static void shmat_rdonly_mprotect_write_eacces(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	void *r;

	CHECK_OK_PTR(r = shmat(id, NULL, SHM_RDONLY), SYSV_SHM_FAILED);
	CHECK_FAILS(mprotect(r, 4096, PROT_READ | PROT_WRITE), EACCES);
	CHECK_OK(mprotect(r, 4096, PROT_READ));
	CHECK_OK(shmdt(r));
}
IPCT_CASE(shmat_rdonly_mprotect_write_eacces,
	.id = "sysv_shm.shmat_rdonly_mprotect_write_eacces",
	.asserts = "mprotect() adding PROT_WRITE to a segment attached with SHM_RDONLY fails with EACCES (PROT_READ stays allowed)",
	.spec = "Linux mprotect(2), ERRORS [EACCES]; shmop(2) (SHM_RDONLY); POSIX.1-2024 mprotect(), ERRORS [EACCES]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_shmat_null_addr_attaches,
	   &ipct_case_shmat_rdonly_mprotect_write_eacces,
	   &ipct_case_shmat_child_writes_parent_reads,
	   &ipct_case_shmat_parent_writes_child_reads,
	   &ipct_case_shmat_several_processes, &ipct_case_shmat_twice_aliases,
	   &ipct_case_shmat_rdonly_reads, &ipct_case_shmat_rdonly_write_sigsegv,
	   &ipct_case_shmat_rw_without_write_eacces,
	   &ipct_case_shmat_rdonly_without_read_eacces,
	   &ipct_case_shmlba_page_multiple,
	   &ipct_case_shmat_misaligned_einval, &ipct_case_shmat_rnd_rounds_down,
	   &ipct_case_shmat_aligned_addr_used, &ipct_case_shmat_invalid_id_einval,
	   &ipct_case_shmat_fork_inherits, &ipct_case_shmat_exec_detaches,
	   &ipct_case_shmat_exit_detaches, &ipct_case_shmdt_detaches,
	   &ipct_case_shmdt_not_attached_einval,
	   &ipct_case_shmdt_access_after_sigsegv, &ipct_case_shmdt_one_of_two);
