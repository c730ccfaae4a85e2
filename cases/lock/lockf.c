/* SPDX-License-Identifier: MIT
 * cases/lock/lockf.c - lockf(): F_LOCK, F_TLOCK, F_ULOCK and F_TEST on
 * sections measured from the current file offset, and (on Linux) their
 * relation to fcntl() record locks.
 * Sources: POSIX.1-2024 lockf(), DESCRIPTION and ERRORS; Linux lockf(3).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "lock.h"

#include <signal.h>

/* Cases that need lockf() say so in .requires; where configure did not
 * find it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_LOCKF
#define lockf(fd, fn, size) ((void)(fd), (void)(fn), (void)(size), errno = ENOSYS, -1)
#endif

/* lockf(fd, fn, size) with the file offset set to `at` first. */
static int lockf_at(int fd, int fn, off_t at, off_t size)
{
	if (lseek(fd, at, SEEK_SET) != at)
		IPCT_BROKEN("lseek(%ld): %s", (long)at, ipct_errname(errno));
	return lockf(fd, fn, size);
}

/* In a child with its own descriptor (and file offset): F_TEST of the
 * section must report another process's lock.  POSIX.1-2024 lockf(),
 * ERRORS: F_TEST on a section locked by another process fails with
 * [EACCES] or [EAGAIN] (either is allowed). */
#define LOCKF_CHECK_LOCKED(fd, at, size) \
	CHECK_FAILS_ONEOF(lockf_at((fd), F_TEST, (at), (size)), EACCES, EAGAIN)
#define LOCKF_CHECK_FREE(fd, at, size) \
	CHECK_RET(lockf_at((fd), F_TEST, (at), (size)), 0)

static void lockf_tlock_conflict(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		/* Either error is allowed for a section locked by another. */
		CHECK_FAILS_ONEOF(lockf_at(cfd, F_TLOCK, 5, 10), EACCES, EAGAIN);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_tlock_conflict,
	.id = "lock.lockf_tlock_conflict",
	.asserts = "lockf() F_TLOCK of a section overlapping one another process locked fails at once with EACCES or EAGAIN",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_TLOCK) and ERRORS [EACCES] or [EAGAIN]",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_tlock_sets_lock(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_RET(lockf_at(fd, F_TLOCK, 0, 10), 0);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_LOCKED(cfd, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_tlock_sets_lock,
	.id = "lock.lockf_tlock_sets_lock",
	.asserts = "lockf() F_TLOCK of a free section returns 0 and locks it: F_TEST from another process reports it locked",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_TLOCK, F_TEST)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_test_free_zero(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	LOCKF_CHECK_FREE(fd, 0, 0);
	pid = ipct_fork();
	if (pid == 0) { /* F_TEST placed no lock: the section is free for others */
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_RET(lockf_at(cfd, F_TLOCK, 0, 0), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_test_free_zero,
	.id = "lock.lockf_test_free_zero",
	.asserts = "lockf() F_TEST of a section nobody has locked returns 0 and locks nothing: another process can then lock the section",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_TEST shall return 0 if the section is unlocked; F_TEST tests a section for the presence of locks)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_test_own_lock_zero(void)
{
	int fd = lock_xfile(100);

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 10));
	LOCKF_CHECK_FREE(fd, 0, 10);
}
IPCT_CASE(lockf_test_own_lock_zero,
	.id = "lock.lockf_test_own_lock_zero",
	.asserts = "lockf() F_TEST of a section the calling process itself locked returns 0",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_TEST shall return 0 if the section is unlocked or locked by this process)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_ulock_releases(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 10));
	CHECK_RET(lockf_at(fd, F_ULOCK, 0, 10), 0);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_RET(lockf_at(cfd, F_TLOCK, 0, 10), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_ulock_releases,
	.id = "lock.lockf_ulock_releases",
	.asserts = "lockf() F_ULOCK of a locked section releases it: another process can then lock it with F_TLOCK",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_ULOCK)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_ulock_middle_keeps_rest(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 30));
	CHECK_OK(lockf_at(fd, F_ULOCK, 10, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_LOCKED(cfd, 9, 1);
		LOCKF_CHECK_FREE(cfd, 10, 10);
		LOCKF_CHECK_LOCKED(cfd, 20, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_ulock_middle_keeps_rest,
	.id = "lock.lockf_ulock_middle_keeps_rest",
	.asserts = "lockf() F_ULOCK of the middle of a locked section releases only that part; the bytes before and after remain locked",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (when all of a locked section is not released, the remaining portions shall remain locked)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_section_from_offset(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 10, 5));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_FREE(cfd, 9, 1);
		LOCKF_CHECK_LOCKED(cfd, 10, 1);
		LOCKF_CHECK_LOCKED(cfd, 14, 1);
		LOCKF_CHECK_FREE(cfd, 15, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_section_from_offset,
	.id = "lock.lockf_section_from_offset",
	.asserts = "lockf() locks the section that starts at the current file offset and extends forward for size bytes: at offset 10, size 5 locks bytes 10..14",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (the section starts at the current offset and extends forward for a positive size)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_size_zero_to_eof(void)
{
	int fd = lock_xfile(200);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 100, 0));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_FREE(cfd, 99, 1);
		LOCKF_CHECK_LOCKED(cfd, 100, 1);
		LOCKF_CHECK_LOCKED(cfd, 1L << 30, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_size_zero_to_eof,
	.id = "lock.lockf_size_zero_to_eof",
	.asserts = "lockf() with size 0 locks from the current offset to the largest possible file offset, beyond the present end of the file",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (if size is 0, the section extends to the largest possible file offset)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_negative_size(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 20, -10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_FREE(cfd, 9, 1);
		LOCKF_CHECK_LOCKED(cfd, 10, 1);
		LOCKF_CHECK_LOCKED(cfd, 19, 1);
		LOCKF_CHECK_FREE(cfd, 20, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_negative_size,
	.id = "lock.lockf_negative_size",
	.asserts = "lockf() with a negative size locks the bytes before the current offset: at offset 20, size -10 locks bytes 10..19",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (a negative size: the preceding bytes up to but not including the current offset)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

/* A blocker: its own descriptor, F_LOCK of bytes 0..9. */
static long do_lockf_lock(void *arg)
{
	int fd = lock_xopen("f", O_RDWR);

	(void)arg;
	return lockf(fd, F_LOCK, 10);
}

static void lockf_lock_blocks_until_unlock(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);

	CHECK_OK(lockf_at(fd, F_LOCK, 5, 1));
	ipct_block_start(&b, do_lockf_lock, NULL);
	ipct_block_prove(&b);
	CHECK_OK(lockf_at(fd, F_ULOCK, 5, 1));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(lockf_lock_blocks_until_unlock,
	.id = "lock.lockf_lock_blocks_until_unlock",
	.asserts = "lockf() F_LOCK of a section another process has locked waits until that process unlocks it, then returns 0",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (F_LOCK: the calling thread shall block until the section is available)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_lock_eintr(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 10));
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, do_lockf_lock, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(lockf_lock_eintr,
	.id = "lock.lockf_lock_eintr",
	.asserts = "a lockf() F_LOCK waiting for a section, interrupted by a caught signal (no SA_RESTART), fails with EINTR",
	.spec = "POSIX.1-2024 lockf(), ERRORS [EINTR]",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_read_only_ebadf(void)
{
	int fd;

	ipct_xclose(lock_xfile(100));
	fd = lock_xopen("f", O_RDONLY);
	CHECK_FAILS(lockf(fd, F_LOCK, 10), EBADF);
	CHECK_FAILS(lockf(fd, F_TLOCK, 10), EBADF);
}
IPCT_CASE(lockf_read_only_ebadf,
	.id = "lock.lockf_read_only_ebadf",
	.asserts = "lockf() F_LOCK and F_TLOCK through a descriptor not open for writing fail with EBADF",
	.spec = "POSIX.1-2024 lockf(), ERRORS [EBADF] (function is F_LOCK or F_TLOCK and fildes is not open for writing)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_bad_function_einval(void)
{
	int fd = lock_xfile(100);

	CHECK_FAILS(lockf(fd, 42, 10), EINVAL);
}
IPCT_CASE(lockf_bad_function_einval,
	.id = "lock.lockf_bad_function_einval",
	.asserts = "lockf() with a function that is not F_ULOCK, F_LOCK, F_TLOCK or F_TEST fails with EINVAL",
	.spec = "POSIX.1-2024 lockf(), ERRORS [EINVAL] (the function argument is not one of the values)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_before_start_einval(void)
{
	int fd = lock_xfile(100);

	CHECK_FAILS(lockf_at(fd, F_TLOCK, 5, -10), EINVAL);
}
IPCT_CASE(lockf_before_start_einval,
	.id = "lock.lockf_before_start_einval",
	.asserts = "lockf() with size plus the current offset below 0 (offset 5, size -10) fails with EINVAL",
	.spec = "POSIX.1-2024 lockf(), ERRORS [EINVAL] (size plus the current file offset is less than 0)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_released_by_close(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 0));
	CHECK_OK(close(lock_xopen("f", O_RDONLY)));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_RET(lockf_at(cfd, F_TLOCK, 0, 0), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_released_by_close,
	.id = "lock.lockf_released_by_close",
	.asserts = "lockf() locks are released when the locking process closes any descriptor for the file, not only the one used to lock",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (file locks shall be released on first close by the locking process of any file descriptor for the file)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_not_inherited(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 0, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCKF_CHECK_LOCKED(cfd, 0, 10);
		CHECK_FAILS_ONEOF(lockf_at(cfd, F_TLOCK, 0, 10), EACCES, EAGAIN);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_not_inherited,
	.id = "lock.lockf_not_inherited",
	.asserts = "a child created by fork() does not inherit its parent's lockf() locks: for the child they are another process's locks",
	.spec = "POSIX.1-2024 lockf(), DESCRIPTION (a child process created using fork() shall not inherit the locks of its parent)",
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_is_fcntl_lock(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	CHECK_OK(lockf_at(fd, F_LOCK, 10, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);
		struct flock fl;

		CHECK_OK(lock_test(cfd, F_GETLK, F_RDLCK, 0, 0, &fl));
		CHECK_EQ(F_WRLCK, fl.l_type);
		CHECK_EQ(10, fl.l_start);
		CHECK_EQ(10, fl.l_len);
		CHECK_EQ(getppid(), fl.l_pid);
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 15, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(lockf_is_fcntl_lock,
	.id = "lock.lockf_is_fcntl_lock",
	.asserts = "on Linux a lockf() lock is an fcntl() exclusive record lock: F_GETLK reports it with the locker's pid and F_SETLK of a shared lock conflicts with it",
	.spec = "Linux lockf(3), DESCRIPTION (on Linux, lockf() is an interface on top of fcntl(2) locking); POSIX.1-2024 lockf() leaves the interaction unspecified",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

static void lockf_test_sees_fcntl_lock(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 0, 10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);

	lock_xhold(&h, r, 1);
	LOCKF_CHECK_LOCKED(fd, 5, 1);
	CHECK_FAILS_ONEOF(lockf_at(fd, F_TLOCK, 5, 1), EACCES, EAGAIN);
	lock_holder_end(&h);
	CHECK_RET(lockf_at(fd, F_TLOCK, 5, 1), 0);
}
IPCT_CASE(lockf_test_sees_fcntl_lock,
	.id = "lock.lockf_test_sees_fcntl_lock",
	.asserts = "on Linux lockf() F_TEST and F_TLOCK see another process's fcntl() exclusive lock as a lock on the section",
	.spec = "Linux lockf(3), DESCRIPTION (on Linux, lockf() is an interface on top of fcntl(2) locking); POSIX.1-2024 lockf() leaves the interaction unspecified",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_LOCKF) });

IPCT_CASES(&ipct_case_lockf_tlock_conflict, &ipct_case_lockf_tlock_sets_lock,
	   &ipct_case_lockf_test_free_zero, &ipct_case_lockf_test_own_lock_zero,
	   &ipct_case_lockf_ulock_releases,
	   &ipct_case_lockf_ulock_middle_keeps_rest,
	   &ipct_case_lockf_section_from_offset,
	   &ipct_case_lockf_size_zero_to_eof, &ipct_case_lockf_negative_size,
	   &ipct_case_lockf_lock_blocks_until_unlock,
	   &ipct_case_lockf_lock_eintr, &ipct_case_lockf_read_only_ebadf,
	   &ipct_case_lockf_bad_function_einval,
	   &ipct_case_lockf_before_start_einval,
	   &ipct_case_lockf_released_by_close, &ipct_case_lockf_not_inherited,
	   &ipct_case_lockf_is_fcntl_lock,
	   &ipct_case_lockf_test_sees_fcntl_lock);
