/* SPDX-License-Identifier: MIT
 * cases/lock/flock.c - Linux flock(): whole-file locks owned by the open
 * file description, shared by dup() and fork(), released by LOCK_UN or
 * the last close, independent of fcntl() record locks.
 * Sources: Linux flock(2) (a BSD interface, not in POSIX).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "lock.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>

/* Cases that need flock() say so in .requires; where configure did not
 * find it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_FLOCK
#define flock(fd, op) ((void)(fd), (void)(op), errno = ENOSYS, -1)
#endif

#define FLOCK_REQ .requires = { IPCT_HAVE(HAVE_FLOCK) }

/* A second, independent open file description of "f". */
static int reopen(void)
{
	return lock_xopen("f", O_RDWR);
}

static void flock_ex_two_opens_conflict(void)
{
	int fd1 = lock_xfile(10), fd2 = reopen();

	CHECK_OK(flock(fd1, LOCK_EX));
	CHECK_FAILS(flock(fd2, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	CHECK_FAILS(flock(fd2, LOCK_SH | LOCK_NB), EWOULDBLOCK);
}
IPCT_CASE(flock_ex_two_opens_conflict,
	.id = "lock.flock_ex_two_opens_conflict",
	.asserts = "an exclusive flock() lock through one open() of a file makes LOCK_NB requests through a second open() in the same process fail with EWOULDBLOCK",
	.spec = "Linux flock(2), DESCRIPTION (descriptors from separate open()s are treated independently) and ERRORS [EWOULDBLOCK]",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_sh_two_opens_share(void)
{
	int fd1 = lock_xfile(10), fd2 = reopen();

	CHECK_OK(flock(fd1, LOCK_SH));
	CHECK_OK(flock(fd2, LOCK_SH | LOCK_NB));
	CHECK_FAILS(flock(reopen(), LOCK_EX | LOCK_NB), EWOULDBLOCK);
}
IPCT_CASE(flock_sh_two_opens_share,
	.id = "lock.flock_sh_two_opens_share",
	.asserts = "shared flock() locks through two open file descriptions coexist, and together they keep out an exclusive one",
	.spec = "Linux flock(2), DESCRIPTION (LOCK_SH: more than one process may hold a shared lock)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_sh_blocks_ex_other_process(void)
{
	int fd = lock_xfile(10);
	pid_t pid;

	CHECK_OK(flock(fd, LOCK_SH));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = reopen();

		CHECK_FAILS(flock(cfd, LOCK_EX | LOCK_NB), EWOULDBLOCK);
		CHECK_OK(flock(cfd, LOCK_SH | LOCK_NB));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(flock_sh_blocks_ex_other_process,
	.id = "lock.flock_sh_blocks_ex_other_process",
	.asserts = "while one process holds a shared flock() lock, another process's LOCK_EX|LOCK_NB fails with EWOULDBLOCK and its LOCK_SH|LOCK_NB succeeds",
	.spec = "Linux flock(2), DESCRIPTION (LOCK_SH, LOCK_EX, LOCK_NB) and ERRORS [EWOULDBLOCK]",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_dup_shares_lock(void)
{
	int fd = lock_xfile(10), d, other = reopen();

	CHECK_OK(flock(fd, LOCK_EX));
	d = ipct_xdup(fd);
	/* The same lock: no conflict with itself. */
	CHECK_OK(flock(d, LOCK_EX | LOCK_NB));
	CHECK_OK(flock(d, LOCK_UN));
	/* Unlocked through the duplicate: gone for the original too. */
	CHECK_OK(flock(other, LOCK_EX | LOCK_NB));
}
IPCT_CASE(flock_dup_shares_lock,
	.id = "lock.flock_dup_shares_lock",
	.asserts = "a dup() of the descriptor refers to the same flock() lock: locking through it does not conflict, and LOCK_UN through it releases the lock",
	.spec = "Linux flock(2), DESCRIPTION (duplicate descriptors refer to the same lock, which may be modified or released through any of them)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_fork_shares_lock(void)
{
	int fd = lock_xfile(10), other = reopen();
	pid_t pid;

	CHECK_OK(flock(fd, LOCK_EX));
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(flock(fd, LOCK_EX | LOCK_NB));
		CHECK_OK(flock(fd, LOCK_UN));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(flock(other, LOCK_EX | LOCK_NB));
}
IPCT_CASE(flock_fork_shares_lock,
	.id = "lock.flock_fork_shares_lock",
	.asserts = "a child created by fork() shares its parent's flock() lock through the inherited descriptor: it can relock it without conflict and LOCK_UN in the child releases it for the parent too",
	.spec = "Linux flock(2), DESCRIPTION (descriptors duplicated by fork(2) refer to the same lock)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_last_close_releases(void)
{
	int fd = lock_xfile(10), d, other = reopen();
	pid_t pid;

	CHECK_OK(flock(fd, LOCK_EX));
	d = ipct_xdup(fd);
	pid = ipct_fork();
	if (pid == 0)
		ipct_child_exit(); /* its copies close at exit */
	ipct_wait_ok(pid);
	ipct_xclose(fd);
	/* d still refers to the open file description. */
	CHECK_FAILS(flock(other, LOCK_EX | LOCK_NB), EWOULDBLOCK);
	ipct_xclose(d);
	CHECK_OK(flock(other, LOCK_EX | LOCK_NB));
}
IPCT_CASE(flock_last_close_releases,
	.id = "lock.flock_last_close_releases",
	.asserts = "a flock() lock stays while any descriptor of its open file description is open (a forked child's exit and closing one of two duplicates keep it) and goes with the last close",
	.spec = "Linux flock(2), DESCRIPTION (the lock is released by LOCK_UN on any duplicate or when all such descriptors have been closed)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

struct fl_call {
	int op;
	int close_fd; /* an inherited descriptor to close first, or -1 */
};

/* A blocker: its own open file description, then flock(op). */
static long do_flock(void *arg)
{
	struct fl_call *c = arg;

	if (c->close_fd >= 0)
		ipct_xclose(c->close_fd);
	return flock(reopen(), c->op);
}

static void flock_blocks_until_unlock(void)
{
	struct ipct_blocker b;
	struct fl_call c = { LOCK_EX, -1 };
	int fd = lock_xfile(10);

	CHECK_OK(flock(fd, LOCK_SH));
	ipct_block_start(&b, do_flock, &c);
	ipct_block_prove(&b);
	CHECK_OK(flock(fd, LOCK_UN));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(flock_blocks_until_unlock,
	.id = "lock.flock_blocks_until_unlock",
	.asserts = "flock(LOCK_EX) without LOCK_NB waits while another open file description holds a shared lock and returns 0 after LOCK_UN",
	.spec = "Linux flock(2), DESCRIPTION (a call may block if an incompatible lock is held by another process)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_blocked_released_by_close(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(10);
	/* The blocker closes its inherited copy: the holder's is the last. */
	struct fl_call c = { LOCK_SH, fd };

	CHECK_OK(flock(fd, LOCK_EX));
	ipct_block_start(&b, do_flock, &c);
	ipct_block_prove(&b);
	ipct_xclose(fd);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(flock_blocked_released_by_close,
	.id = "lock.flock_blocked_released_by_close",
	.asserts = "a flock(LOCK_SH) waiting for an exclusive lock returns 0 when the holder closes its only descriptor of that open file description",
	.spec = "Linux flock(2), DESCRIPTION (released when all such file descriptors have been closed)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_eintr(void)
{
	struct ipct_blocker b;
	struct fl_call c = { LOCK_EX, -1 };
	int fd = lock_xfile(10);

	CHECK_OK(flock(fd, LOCK_EX));
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, do_flock, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(flock_eintr,
	.id = "lock.flock_eintr",
	.asserts = "a flock() waiting for a lock, interrupted by a caught signal (no SA_RESTART), fails with EINTR",
	.spec = "Linux flock(2), ERRORS [EINTR]",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_convert_sh_to_ex(void)
{
	int fd = lock_xfile(10), other = reopen();

	CHECK_OK(flock(fd, LOCK_SH));
	CHECK_OK(flock(fd, LOCK_EX | LOCK_NB));
	CHECK_FAILS(flock(other, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	CHECK_OK(flock(fd, LOCK_SH | LOCK_NB));
	CHECK_OK(flock(other, LOCK_SH | LOCK_NB));
}
IPCT_CASE(flock_convert_sh_to_ex,
	.id = "lock.flock_convert_sh_to_ex",
	.asserts = "a later flock() call on a locked descriptor converts its lock: shared to exclusive keeps others out, exclusive back to shared lets shared lockers in",
	.spec = "Linux flock(2), DESCRIPTION (subsequent flock() calls on an already locked file convert an existing lock to the new lock mode)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_independent_of_fcntl(void)
{
	int fd = lock_xfile(10);
	pid_t pid;

	CHECK_OK(flock(fd, LOCK_EX));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = reopen();

		/* Another process, but another kind of lock: no conflict. */
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 0, 0));
		CHECK_FAILS(flock(cfd, LOCK_SH | LOCK_NB), EWOULDBLOCK);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(flock_independent_of_fcntl,
	.id = "lock.flock_independent_of_fcntl",
	.asserts = "on Linux an exclusive flock() lock does not conflict with another process's fcntl() exclusive record lock on the whole file",
	.spec = "Linux flock(2), NOTES (no interaction between the types of lock placed by flock() and fcntl(2))",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_fcntl_lock_ignored(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 0, 0 } };
	struct lock_holder h;
	int fd = lock_xfile(10);

	lock_xhold(&h, r, 1);
	CHECK_OK(flock(fd, LOCK_EX | LOCK_NB));
	lock_holder_end(&h);
}
IPCT_CASE(flock_fcntl_lock_ignored,
	.id = "lock.flock_fcntl_lock_ignored",
	.asserts = "on Linux flock(LOCK_EX|LOCK_NB) succeeds while another process holds an fcntl() exclusive lock on the whole file",
	.spec = "Linux flock(2), NOTES (no interaction between the types of lock placed by flock() and fcntl(2))",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_any_access_mode(void)
{
	int ro, wo;

	ipct_xclose(lock_xfile(10));
	ro = lock_xopen("f", O_RDONLY);
	wo = lock_xopen("f", O_WRONLY);
	CHECK_OK(flock(ro, LOCK_EX | LOCK_NB));
	CHECK_OK(flock(ro, LOCK_UN));
	CHECK_OK(flock(wo, LOCK_SH | LOCK_NB));
}
IPCT_CASE(flock_any_access_mode,
	.id = "lock.flock_any_access_mode",
	.asserts = "flock() places an exclusive lock through a read-only descriptor and a shared one through a write-only descriptor",
	.spec = "Linux flock(2), NOTES (a shared or exclusive lock can be placed on a file regardless of the mode in which it was opened)",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_bad_operation_einval(void)
{
	int fd = lock_xfile(10);

	CHECK_FAILS(flock(fd, LOCK_NB), EINVAL);
	CHECK_FAILS(flock(fd, LOCK_SH | LOCK_EX), EINVAL);
}
IPCT_CASE(flock_bad_operation_einval,
	.id = "lock.flock_bad_operation_einval",
	.asserts = "flock() with an operation that is not one of LOCK_SH, LOCK_EX or LOCK_UN (LOCK_NB alone, LOCK_SH|LOCK_EX) fails with EINVAL",
	.spec = "Linux flock(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_closed_fd_ebadf(void)
{
	int fd = lock_xfile(10);

	ipct_xclose(fd);
	CHECK_FAILS(flock(fd, LOCK_EX), EBADF);
}
IPCT_CASE(flock_closed_fd_ebadf,
	.id = "lock.flock_closed_fd_ebadf",
	.asserts = "flock() on a descriptor that is not open fails with EBADF",
	.spec = "Linux flock(2), ERRORS [EBADF]",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

/* "flock_held READY GO": as hold in owner.c, for a flock() lock taken
 * before exec. */
static int flock_held_main(int argc, char **argv)
{
	char c;

	CHECK_EQ(3, argc);
	CHECK_RET(write(atoi(argv[1]), "r", 1), 1);
	CHECK_RET(read(atoi(argv[2]), &c, 1), 1);
	return 0;
}
IPCT_HELPER(flock_held_main, "flock_held");

static void flock_kept_across_exec(void)
{
	int fd = lock_xfile(10), ready[2], go[2];
	char c;
	pid_t pid;

	ipct_xpipe(ready);
	ipct_xpipe(go);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = reopen();
		char r[16], g[16];

		if (flock(cfd, LOCK_EX) != 0)
			IPCT_BROKEN("flock(LOCK_EX): %s", ipct_errname(errno));
		ipct_xclose(ready[0]);
		ipct_xclose(go[1]);
		snprintf(r, sizeof r, "%d", ready[1]);
		snprintf(g, sizeof g, "%d", go[0]);
		ipct_exec_as_helper("flock_held", r, g, (char *)NULL);
	}
	ipct_xclose(ready[1]);
	ipct_xclose(go[0]);
	ipct_xread_all(ready[0], &c, 1);
	CHECK_FAILS(flock(fd, LOCK_SH | LOCK_NB), EWOULDBLOCK);
	ipct_xwrite_all(go[1], "g", 1);
	ipct_wait_ok(pid);
	CHECK_OK(flock(fd, LOCK_SH | LOCK_NB));
}
IPCT_CASE(flock_kept_across_exec,
	.id = "lock.flock_kept_across_exec",
	.asserts = "a flock() lock is preserved across execve(): the new process image still holds it, and it goes when that process ends",
	.spec = "Linux flock(2), NOTES (locks created by flock() are preserved across an execve(2))",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

static void flock_unlock_unlocked(void)
{
	int fd = lock_xfile(10);

	CHECK_OK(flock(fd, LOCK_UN));
	CHECK_OK(flock(fd, LOCK_EX | LOCK_NB));
}
IPCT_CASE(flock_unlock_unlocked,
	.id = "lock.flock_unlock_unlocked",
	.asserts = "flock(LOCK_UN) on a descriptor that holds no lock returns 0",
	.spec = "Linux flock(2), DESCRIPTION (LOCK_UN: remove an existing lock held by this process) and RETURN VALUE",
	.needs = IPCT_LINUX_ONLY, FLOCK_REQ);

IPCT_HELPERS(&ipct_helper_flock_held_main);
IPCT_CASES(&ipct_case_flock_ex_two_opens_conflict,
	   &ipct_case_flock_sh_two_opens_share,
	   &ipct_case_flock_sh_blocks_ex_other_process,
	   &ipct_case_flock_dup_shares_lock, &ipct_case_flock_fork_shares_lock,
	   &ipct_case_flock_last_close_releases,
	   &ipct_case_flock_blocks_until_unlock,
	   &ipct_case_flock_blocked_released_by_close, &ipct_case_flock_eintr,
	   &ipct_case_flock_convert_sh_to_ex,
	   &ipct_case_flock_independent_of_fcntl,
	   &ipct_case_flock_fcntl_lock_ignored,
	   &ipct_case_flock_any_access_mode,
	   &ipct_case_flock_bad_operation_einval,
	   &ipct_case_flock_closed_fd_ebadf,
	   &ipct_case_flock_kept_across_exec, &ipct_case_flock_unlock_unlocked);
