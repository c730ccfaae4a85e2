/* SPDX-License-Identifier: MIT
 * cases/lock/fcntl.c - F_SETLK conflict rules of POSIX record locks:
 * shared and exclusive locks, byte ranges (overlapping, adjacent, beyond
 * the end of file, to the end of file, negative lengths), l_whence, and
 * the errors EBADF, EINVAL and EOVERFLOW.
 * Sources: POSIX.1-2024 fcntl(), DESCRIPTION and ERRORS; Linux fcntl(2),
 * Advisory record locking.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "lock.h"

#include <limits.h>
#include <stdint.h>

/* Largest value of off_t on this platform (32 or 64 bits). */
#define LOCK_OFF_MAX \
	((off_t)(((uintmax_t)1 << (sizeof(off_t) * CHAR_BIT - 1)) - 1))

static void setlk_shared_shared(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDONLY);

		CHECK_OK(lock_setlk(cfd, F_RDLCK, 0, 10));
		CHECK_OK(lock_setlk(cfd, F_RDLCK, 5, 20));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_shared_shared,
	.id = "lock.setlk_shared_shared",
	.asserts = "while a process holds a shared lock on a segment, another process can set shared locks on that segment or on part of it",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (shared lock: other processes shall be able to set shared locks)");

static void setlk_shared_blocks_exclusive(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_shared_blocks_exclusive,
	.id = "lock.setlk_shared_blocks_exclusive",
	.asserts = "F_SETLK of an exclusive lock on a segment another process holds a shared lock on fails at once with EACCES or EAGAIN",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (a shared lock prevents any other process from setting an exclusive lock) and ERRORS [EACCES] or [EAGAIN]");

static void setlk_exclusive_blocks_shared(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_exclusive_blocks_shared,
	.id = "lock.setlk_exclusive_blocks_shared",
	.asserts = "F_SETLK of a shared lock on a segment another process holds an exclusive lock on fails at once with EACCES or EAGAIN",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (an exclusive lock prevents any other process from setting a shared lock) and ERRORS [EACCES] or [EAGAIN]");

static void setlk_exclusive_blocks_exclusive(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_exclusive_blocks_exclusive,
	.id = "lock.setlk_exclusive_blocks_exclusive",
	.asserts = "F_SETLK of an exclusive lock on a segment another process holds an exclusive lock on fails at once with EACCES or EAGAIN",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (an exclusive lock prevents any other process from setting an exclusive lock) and ERRORS [EACCES] or [EAGAIN]");

static void setlk_partial_overlap_conflicts(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 10, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		/* One byte of overlap at either end is enough. */
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 0, 11);
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 19, 11);
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 0, 100);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_partial_overlap_conflicts,
	.id = "lock.setlk_partial_overlap_conflicts",
	.asserts = "F_SETLK fails when any portion of the requested segment, even one byte at either end, overlaps another process's exclusive lock",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (any portion of the protected area) and ERRORS [EACCES] or [EAGAIN]");

static void setlk_adjacent_independent(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 10, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		/* [0,10) ends where the held lock starts; [20,30) starts
		 * where it ends: neither shares a byte. */
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 0, 10));
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 20, 10));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_adjacent_independent,
	.id = "lock.setlk_adjacent_independent",
	.asserts = "an exclusive lock on bytes 10..19 does not prevent another process from locking bytes 0..9 and 20..29 (l_len counts bytes from l_start)",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the area affected starts at l_start and ends at l_start+l_len-1)");

static void setlk_whence_cur(void)
{
	int fd = lock_xfile(200);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 100, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);
		struct flock fl;

		CHECK_RET(lseek(cfd, 105, SEEK_SET), 105);
		fl = lock_fl(F_WRLCK, SEEK_CUR, 0, 1);   /* byte 105 */
		CHECK_FAILS_ONEOF(fcntl(cfd, F_SETLK, &fl), EACCES, EAGAIN);
		fl = lock_fl(F_WRLCK, SEEK_CUR, -10, 5); /* 95..99 */
		CHECK_OK(fcntl(cfd, F_SETLK, &fl));
		fl = lock_fl(F_WRLCK, SEEK_CUR, 5, 1);   /* byte 110 */
		CHECK_OK(fcntl(cfd, F_SETLK, &fl));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_whence_cur,
	.id = "lock.setlk_whence_cur",
	.asserts = "with l_whence SEEK_CUR, l_start is measured from the descriptor's current file offset (negative values reach back before it)",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (l_whence SEEK_CUR)");

static void setlk_whence_end(void)
{
	int fd = lock_xfile(50);
	struct flock fl = lock_fl(F_WRLCK, SEEK_END, -10, 5);
	pid_t pid;

	/* Bytes 40..44 of the 50-byte file. */
	if (fcntl(fd, F_SETLK, &fl) != 0)
		IPCT_BROKEN("F_SETLK SEEK_END: %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 39, 1));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 40, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 44, 1);
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 45, 1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_whence_end,
	.id = "lock.setlk_whence_end",
	.asserts = "with l_whence SEEK_END, l_start is measured from the end of the file: on a 50-byte file, l_start -10 and l_len 5 lock bytes 40..44",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (l_whence SEEK_END)");

static void setlk_len_zero_to_eof(void)
{
	int fd = lock_xfile(200);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 100, 0);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 99, 1));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 100, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 199, 1);
		/* Far past the end of the file, which is only 200 bytes. */
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 1L << 30, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_len_zero_to_eof,
	.id = "lock.setlk_len_zero_to_eof",
	.asserts = "l_len 0 locks from l_start to the largest possible file offset, including bytes beyond the current end of the file",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (a lock shall be set to extend to the largest possible value of the file offset by setting l_len to 0)");

static void setlk_whole_file(void)
{
	int fd = lock_xfile(10);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 0);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 5, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 1L << 20, 1);
		CHECK_OK(lock_setlk(cfd, F_RDLCK, 0, 0));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_whole_file,
	.id = "lock.setlk_whole_file",
	.asserts = "l_whence SEEK_SET, l_start 0 and l_len 0 lock the whole file: every byte, also past the end, is shared-locked",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (l_start 0, l_whence SEEK_SET and l_len 0: the whole file shall be locked)");

static void setlk_negative_len(void)
{
	int fd = lock_xfile(100);
	struct flock fl = lock_fl(F_WRLCK, SEEK_SET, 20, -10);
	pid_t pid;

	/* Bytes 10..19: from l_start+l_len to l_start-1. */
	if (fcntl(fd, F_SETLK, &fl) != 0)
		IPCT_BROKEN("F_SETLK l_len -10: %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 9, 1));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 10, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 19, 1);
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 20, 1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_negative_len,
	.id = "lock.setlk_negative_len",
	.asserts = "a negative l_len locks the bytes before l_start: l_start 20 and l_len -10 lock bytes 10..19",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (if l_len is negative, the area affected starts at l_start+l_len and ends at l_start-1)");

static void setlk_beyond_eof(void)
{
	int fd = lock_xfile(0);
	pid_t pid;

	CHECK_OK(lock_setlk(fd, F_WRLCK, 1000, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 1005, 1);
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 0, 1000));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_beyond_eof,
	.id = "lock.setlk_beyond_eof",
	.asserts = "a lock may start and end beyond the current end of the file (here of an empty file), and it conflicts there like any other",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks may start and extend beyond the current end of a file)");

static void setlk_conflict_takes_nothing(void)
{
	struct ipct_sync s;
	struct flock fl;
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 10, 10);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		/* Overlaps the held lock in its middle only. */
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 30);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	/* The child is alive and locked nothing of 0..9 or 20..29. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 30, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	CHECK_OK(lock_setlk(fd, F_WRLCK, 0, 30));
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_conflict_takes_nothing,
	.id = "lock.setlk_conflict_takes_nothing",
	.asserts = "an F_SETLK that fails because part of its segment is locked by another process sets no lock on the free parts of the segment",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (if a lock cannot be set, fcntl() shall return immediately with -1)");

static void setlk_own_locks_never_conflict(void)
{
	int fd = lock_xfile(100);

	CHECK_OK(lock_setlk(fd, F_RDLCK, 0, 20));
	CHECK_OK(lock_setlk(fd, F_WRLCK, 10, 20));
	CHECK_OK(lock_setlk(fd, F_WRLCK, 0, 0));
	CHECK_OK(lock_setlk(fd, F_RDLCK, 5, 5));
}
IPCT_CASE(setlk_own_locks_never_conflict,
	.id = "lock.setlk_own_locks_never_conflict",
	.asserts = "a process's new lock replaces the type of its own existing locks on the bytes it covers and never conflicts with them",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the previous lock type for each byte in the region shall be replaced by the new lock type)");

static void setlk_unlock_unlocked(void)
{
	int fd = lock_xfile(100);

	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 0));
}
IPCT_CASE(setlk_unlock_unlocked,
	.id = "lock.setlk_unlock_unlocked",
	.asserts = "F_SETLK with F_UNLCK on a range the process holds no lock on succeeds and does nothing",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_UNLCK: remove a lock); Linux fcntl(2), Advisory record locking");

static void setlk_unlock_other_process_keeps(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		/* Unlocks only this process's locks: there are none. */
		CHECK_OK(lock_setlk(cfd, F_UNLCK, 0, 10));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlk_unlock_other_process_keeps,
	.id = "lock.setlk_unlock_other_process_keeps",
	.asserts = "F_UNLCK from another process removes none of the lock holder's locks",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (record locks are owned by a process)");

static void setlk_rdlck_write_only_ebadf(void)
{
	int fd = lock_xopen("f", O_WRONLY);

	CHECK_FAILS(lock_setlk(fd, F_RDLCK, 0, 10), EBADF);
	CHECK_OK(lock_setlk(fd, F_WRLCK, 0, 10));
}
IPCT_CASE(setlk_rdlck_write_only_ebadf,
	.id = "lock.setlk_rdlck_write_only_ebadf",
	.asserts = "F_SETLK of a shared lock through a descriptor not open for reading fails with EBADF (an exclusive one through it works)",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF] (F_RDLCK and fildes not open for reading)");

static void setlk_wrlck_read_only_ebadf(void)
{
	int fd = lock_xopen("f", O_RDONLY);

	CHECK_FAILS(lock_setlk(fd, F_WRLCK, 0, 10), EBADF);
	CHECK_OK(lock_setlk(fd, F_RDLCK, 0, 10));
}
IPCT_CASE(setlk_wrlck_read_only_ebadf,
	.id = "lock.setlk_wrlck_read_only_ebadf",
	.asserts = "F_SETLK of an exclusive lock through a descriptor not open for writing fails with EBADF (a shared one through it works)",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF] (F_WRLCK and fildes not open for writing)");

static void setlkw_wrlck_read_only_ebadf(void)
{
	int fd = lock_xopen("f", O_RDONLY);

	CHECK_FAILS(lock_set(fd, F_SETLKW, F_WRLCK, 0, 10), EBADF);
}
IPCT_CASE(setlkw_wrlck_read_only_ebadf,
	.id = "lock.setlkw_wrlck_read_only_ebadf",
	.asserts = "F_SETLKW of an exclusive lock through a descriptor not open for writing fails with EBADF",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF] (F_SETLKW, F_WRLCK and fildes not open for writing)");

static void setlk_closed_fd_ebadf(void)
{
	int fd = lock_xfile(10);

	ipct_xclose(fd);
	CHECK_FAILS(lock_setlk(fd, F_WRLCK, 0, 1), EBADF);
}
IPCT_CASE(setlk_closed_fd_ebadf,
	.id = "lock.setlk_closed_fd_ebadf",
	.asserts = "F_SETLK on a descriptor that is not open fails with EBADF",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF] (fildes is not a valid open file descriptor)");

static void setlk_bad_type_einval(void)
{
	int fd = lock_xfile(10);

	CHECK_FAILS(lock_setlk(fd, 42, 0, 1), EINVAL);
}
IPCT_CASE(setlk_bad_type_einval,
	.id = "lock.setlk_bad_type_einval",
	.asserts = "F_SETLK with an l_type other than F_RDLCK, F_WRLCK or F_UNLCK fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINVAL] (the data pointed to by arg is not valid)");

static void setlk_bad_whence_einval(void)
{
	int fd = lock_xfile(10);
	struct flock fl = lock_fl(F_WRLCK, 42, 0, 1);

	CHECK_FAILS(fcntl(fd, F_SETLK, &fl), EINVAL);
}
IPCT_CASE(setlk_bad_whence_einval,
	.id = "lock.setlk_bad_whence_einval",
	.asserts = "F_SETLK with an l_whence other than SEEK_SET, SEEK_CUR or SEEK_END fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINVAL] (the data pointed to by arg is not valid)");

static void setlk_before_start_einval(void)
{
	int fd = lock_xfile(10);

	CHECK_FAILS(lock_setlk(fd, F_WRLCK, -1, 2), EINVAL);
}
IPCT_CASE(setlk_before_start_einval,
	.id = "lock.setlk_before_start_einval",
	.asserts = "F_SETLK of a segment starting before offset 0 (SEEK_SET, l_start -1) fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks shall not extend before the beginning of the file) and ERRORS [EINVAL]");

static void setlk_negative_len_before_start_einval(void)
{
	int fd = lock_xfile(10);
	struct flock fl = lock_fl(F_WRLCK, SEEK_SET, 5, -10);

	CHECK_FAILS(fcntl(fd, F_SETLK, &fl), EINVAL);
}
IPCT_CASE(setlk_negative_len_before_start_einval,
	.id = "lock.setlk_negative_len_before_start_einval",
	.asserts = "F_SETLK with l_start 5 and l_len -10, a segment that would begin at offset -5, fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (negative l_len; locks shall not extend before the beginning of the file) and ERRORS [EINVAL]");

static void setlk_seek_cur_before_start_einval(void)
{
	int fd = lock_xfile(10);
	struct flock fl = lock_fl(F_WRLCK, SEEK_CUR, -10, 1);

	CHECK_RET(lseek(fd, 5, SEEK_SET), 5);
	CHECK_FAILS(fcntl(fd, F_SETLK, &fl), EINVAL);
}
IPCT_CASE(setlk_seek_cur_before_start_einval,
	.id = "lock.setlk_seek_cur_before_start_einval",
	.asserts = "F_SETLK with SEEK_CUR at offset 5 and l_start -10, a segment beginning before the file, fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks shall not extend before the beginning of the file) and ERRORS [EINVAL]");

static void setlk_end_overflow_eoverflow(void)
{
	int fd = lock_xfile(10);

	/* The last byte would be past the largest off_t. */
	CHECK_FAILS(lock_setlk(fd, F_WRLCK, LOCK_OFF_MAX - 5, 10), EOVERFLOW);
}
IPCT_CASE(setlk_end_overflow_eoverflow,
	.id = "lock.setlk_end_overflow_eoverflow",
	.asserts = "F_SETLK of a segment whose last byte lies beyond the largest value of off_t fails with EOVERFLOW",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EOVERFLOW] (the largest offset of any byte in the requested segment cannot be represented in off_t)");

static void setlk_bad_cmd_einval(void)
{
	int fd = lock_xfile(10);

	CHECK_FAILS(fcntl(fd, 0x7fff, 0), EINVAL);
}
IPCT_CASE(setlk_bad_cmd_einval,
	.id = "lock.setlk_bad_cmd_einval",
	.asserts = "fcntl() with a command value that is not a command fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINVAL] (the cmd argument is invalid)");

IPCT_CASES(&ipct_case_setlk_shared_shared,
	   &ipct_case_setlk_shared_blocks_exclusive,
	   &ipct_case_setlk_exclusive_blocks_shared,
	   &ipct_case_setlk_exclusive_blocks_exclusive,
	   &ipct_case_setlk_partial_overlap_conflicts,
	   &ipct_case_setlk_adjacent_independent,
	   &ipct_case_setlk_whence_cur, &ipct_case_setlk_whence_end,
	   &ipct_case_setlk_len_zero_to_eof, &ipct_case_setlk_whole_file,
	   &ipct_case_setlk_negative_len, &ipct_case_setlk_beyond_eof,
	   &ipct_case_setlk_conflict_takes_nothing,
	   &ipct_case_setlk_own_locks_never_conflict,
	   &ipct_case_setlk_unlock_unlocked,
	   &ipct_case_setlk_unlock_other_process_keeps,
	   &ipct_case_setlk_rdlck_write_only_ebadf,
	   &ipct_case_setlk_wrlck_read_only_ebadf,
	   &ipct_case_setlkw_wrlck_read_only_ebadf,
	   &ipct_case_setlk_closed_fd_ebadf, &ipct_case_setlk_bad_type_einval,
	   &ipct_case_setlk_bad_whence_einval,
	   &ipct_case_setlk_before_start_einval,
	   &ipct_case_setlk_negative_len_before_start_einval,
	   &ipct_case_setlk_seek_cur_before_start_einval,
	   &ipct_case_setlk_end_overflow_eoverflow,
	   &ipct_case_setlk_bad_cmd_einval);
