/* SPDX-License-Identifier: MIT
 * cases/lock/getlk.c - F_GETLK: the first lock that would block a
 * request, described with l_whence SEEK_SET and the holder's l_pid, or
 * F_UNLCK when nothing would.
 * Sources: POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK) and ERRORS; Linux
 * fcntl(2), Advisory record locking.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "lock.h"

static void getlk_unlck_when_free(void)
{
	int fd = lock_xfile(100);
	struct flock fl = lock_fl(F_WRLCK, SEEK_CUR, 3, 7);

	CHECK_RET(lseek(fd, 5, SEEK_SET), 5);
	fl.l_pid = 12345;
	CHECK_OK(fcntl(fd, F_GETLK, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	/* Everything else as it was passed. */
	CHECK_EQ(SEEK_CUR, fl.l_whence);
	CHECK_EQ(3, fl.l_start);
	CHECK_EQ(7, fl.l_len);
	CHECK_EQ(12345, fl.l_pid);
}
IPCT_CASE(getlk_unlck_when_free,
	.id = "lock.getlk_unlck_when_free",
	.asserts = "F_GETLK when no lock would block the request sets l_type to F_UNLCK and leaves the other members of the structure unchanged",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: if no lock is found ... left unchanged except for the lock type which shall be set to F_UNLCK)");

static void getlk_reports_holder(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 10, 10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_GETLK, F_RDLCK, 0, 100, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(SEEK_SET, fl.l_whence);
	CHECK_EQ(10, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	CHECK_EQ(h.pid, fl.l_pid);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_reports_holder,
	.id = "lock.getlk_reports_holder",
	.asserts = "F_GETLK reports the blocking lock: its type, l_whence SEEK_SET, its start and length, and the process ID of its holder",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (after a successful F_GETLK request, when a blocking lock is found: l_type, l_whence, l_start, l_len, l_pid)");

static void getlk_reports_shared_lock(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 30, 5 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(30, fl.l_start);
	CHECK_EQ(5, fl.l_len);
	CHECK_EQ(h.pid, fl.l_pid);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_reports_shared_lock,
	.id = "lock.getlk_reports_shared_lock",
	.asserts = "F_GETLK for an exclusive lock reports another process's shared lock in the range as F_RDLCK with its holder's process ID",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: l_type is the type of blocking lock found)");

static void getlk_shared_not_blocked_by_shared(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 0, 10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_GETLK, F_RDLCK, 0, 10, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_shared_not_blocked_by_shared,
	.id = "lock.getlk_shared_not_blocked_by_shared",
	.asserts = "F_GETLK for a shared lock on a range another process holds a shared lock on reports F_UNLCK: shared locks do not block each other",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK; other processes shall be able to set shared locks)");

static void getlk_ignores_own_locks(void)
{
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
}
IPCT_CASE(getlk_ignores_own_locks,
	.id = "lock.getlk_ignores_own_locks",
	.asserts = "F_GETLK does not report the calling process's own locks, which would not block its request",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: the first lock which blocks the lock description; a process's own locks are replaced, not blocking)");

static void getlk_reports_whole_lock(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 10, 10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	/* The request covers only the end of the held lock. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 15, 100, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(10, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_reports_whole_lock,
	.id = "lock.getlk_reports_whole_lock",
	.asserts = "F_GETLK for a range overlapping only part of a blocking lock reports the whole blocking lock, not the overlap",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: l_start and l_len are the start and length of the blocking lock)");

static void getlk_whence_reported_seek_set(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 40, 5 } };
	struct lock_holder h;
	int fd = lock_xfile(50);
	struct flock fl = lock_fl(F_WRLCK, SEEK_END, -20, 0);

	lock_xhold(&h, r, 1);
	CHECK_OK(fcntl(fd, F_GETLK, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(SEEK_SET, fl.l_whence);
	CHECK_EQ(40, fl.l_start);
	CHECK_EQ(5, fl.l_len);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_whence_reported_seek_set,
	.id = "lock.getlk_whence_reported_seek_set",
	.asserts = "F_GETLK asked with l_whence SEEK_END reports the blocking lock with l_whence SEEK_SET and its absolute start",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: l_whence SEEK_SET, l_start start of the blocking lock)");

static void getlk_negative_len_reported_forward(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 20, -10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 100, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(10, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_negative_len_reported_forward,
	.id = "lock.getlk_negative_len_reported_forward",
	.asserts = "a lock set with l_start 20 and l_len -10 is reported by F_GETLK as its start, 10, and its length, 10",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (negative l_len: the area starts at l_start+l_len; F_GETLK: l_start start of the blocking lock, l_len its length)");

static void getlk_to_eof_len_zero(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 100, 0 } };
	struct lock_holder h;
	int fd = lock_xfile(10);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(100, fl.l_start);
	CHECK_EQ(0, fl.l_len);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_to_eof_len_zero,
	.id = "lock.getlk_to_eof_len_zero",
	.asserts = "on Linux F_GETLK reports a lock that extends to the largest file offset with l_len 0",
	.spec = "Linux fcntl(2), Advisory record locking (l_len 0 locks to the end of file, however large it grows); POSIX.1-2024 fcntl() does not say how such a length is reported",
	.needs = IPCT_LINUX_ONLY);

static void getlk_first_of_several(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 50, 10 },
					       { F_RDLCK, 10, 10 },
					       { F_WRLCK, 30, 5 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 3);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 100, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(10, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	/* From byte 25 on, the first one is at 30. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 25, 100, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(30, fl.l_start);
	CHECK_EQ(5, fl.l_len);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_first_of_several,
	.id = "lock.getlk_first_of_several",
	.asserts = "when several locks of a process would block the request, F_GETLK reports the first of them in the file, whatever order they were set in",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_GETLK: obtain the first lock which blocks the lock description)");

static void getlk_any_access_mode(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 0, 10 } };
	struct lock_holder h;
	int fd;
	struct flock fl;

	ipct_xclose(lock_xfile(100));
	fd = lock_xopen("f", O_RDONLY);
	lock_xhold(&h, r, 1);
	/* Asking about an exclusive lock needs no write access. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(h.pid, fl.l_pid);
	lock_holder_end(&h);
}
IPCT_CASE(getlk_any_access_mode,
	.id = "lock.getlk_any_access_mode",
	.asserts = "F_GETLK for an exclusive lock works through a descriptor open only for reading (EBADF applies to F_SETLK and F_SETLKW only)",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF] (listed for F_SETLK and F_SETLKW)");

static void getlk_bad_type_einval(void)
{
	int fd = lock_xfile(10);
	struct flock fl;

	CHECK_FAILS(lock_test(fd, F_GETLK, 42, 0, 1, &fl), EINVAL);
}
IPCT_CASE(getlk_bad_type_einval,
	.id = "lock.getlk_bad_type_einval",
	.asserts = "F_GETLK with an l_type that is not a lock type fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINVAL] (cmd is F_GETLK and the data pointed to by arg is not valid)");

static void getlk_bad_whence_einval(void)
{
	int fd = lock_xfile(10);
	struct flock fl = lock_fl(F_WRLCK, 42, 0, 1);

	CHECK_FAILS(fcntl(fd, F_GETLK, &fl), EINVAL);
}
IPCT_CASE(getlk_bad_whence_einval,
	.id = "lock.getlk_bad_whence_einval",
	.asserts = "F_GETLK with an l_whence other than SEEK_SET, SEEK_CUR or SEEK_END fails with EINVAL",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINVAL] (cmd is F_GETLK and the data pointed to by arg is not valid)");

IPCT_CASES(&ipct_case_getlk_unlck_when_free, &ipct_case_getlk_reports_holder,
	   &ipct_case_getlk_reports_shared_lock,
	   &ipct_case_getlk_shared_not_blocked_by_shared,
	   &ipct_case_getlk_ignores_own_locks,
	   &ipct_case_getlk_reports_whole_lock,
	   &ipct_case_getlk_whence_reported_seek_set,
	   &ipct_case_getlk_negative_len_reported_forward,
	   &ipct_case_getlk_to_eof_len_zero,
	   &ipct_case_getlk_first_of_several,
	   &ipct_case_getlk_any_access_mode, &ipct_case_getlk_bad_type_einval,
	   &ipct_case_getlk_bad_whence_einval);
