/* SPDX-License-Identifier: MIT
 * cases/lock/ofd.c - open file description locks (F_OFD_SETLK,
 * F_OFD_SETLKW, F_OFD_GETLK): byte-range locks owned by the open file
 * description instead of the process.
 * Sources: POSIX.1-2024 fcntl(), DESCRIPTION (F_OFD_GETLK, F_OFD_SETLK,
 * F_OFD_SETLKW); Linux fcntl(2), Open file description locks (Linux 3.15).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "lock.h"

#include <signal.h>

/* Cases that need the commands say so in .requires; where configure did
 * not find them they are never run, and these only keep them compiling. */
#if !HAVE_DECL_F_OFD_SETLK || !HAVE_DECL_F_OFD_SETLKW || !HAVE_DECL_F_OFD_GETLK
#undef F_OFD_SETLK
#undef F_OFD_SETLKW
#undef F_OFD_GETLK
#define F_OFD_SETLK (-1)
#define F_OFD_SETLKW (-1)
#define F_OFD_GETLK (-1)
#endif

#define OFD_REQ                                                            \
	.requires = { IPCT_HAVE(HAVE_DECL_F_OFD_SETLK),                    \
		      IPCT_HAVE(HAVE_DECL_F_OFD_SETLKW),                   \
		      IPCT_HAVE(HAVE_DECL_F_OFD_GETLK) }

static int ofd_setlk(int fd, int type, off_t start, off_t len)
{
	return lock_set(fd, F_OFD_SETLK, type, start, len);
}

/* A conflicting F_OFD_SETLK fails with EAGAIN on Linux (fcntl(2));
 * POSIX.1-2024 fcntl() ERRORS allow [EACCES] or [EAGAIN] as for F_SETLK. */
#define OFD_CHECK_CONFLICT(fd, type, start, len)                           \
	CHECK_FAILS_ONEOF(ofd_setlk((fd), (type), (start), (len)), EACCES,  \
			  EAGAIN)

static void ofd_two_opens_conflict(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
	OFD_CHECK_CONFLICT(fd2, F_RDLCK, 5, 10);
	CHECK_OK(ofd_setlk(fd2, F_WRLCK, 10, 10));
}
IPCT_CASE(ofd_two_opens_conflict,
	.id = "lock.ofd_two_opens_conflict",
	.asserts = "OFD locks taken through two separate open()s of a file conflict even within one process; adjacent ranges do not",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_OFD_SETLK); Linux fcntl(2), Open file description locks (locks acquired via different open file descriptions may conflict)",
	OFD_REQ);

static void ofd_same_description_no_conflict(void)
{
	int fd = lock_xfile(100), d;

	CHECK_OK(ofd_setlk(fd, F_WRLCK, 0, 10));
	d = ipct_xdup(fd);
	CHECK_OK(ofd_setlk(d, F_WRLCK, 5, 10));
	CHECK_OK(ofd_setlk(d, F_RDLCK, 0, 20));
}
IPCT_CASE(ofd_same_description_no_conflict,
	.id = "lock.ofd_same_description_no_conflict",
	.asserts = "OFD locks set through duplicates of one open file description never conflict: a new lock on a locked region converts it",
	.spec = "Linux fcntl(2), Open file description locks (locks placed via the same open file description are always compatible)",
	OFD_REQ);

static void ofd_getlk_pid_minus_one(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);
	struct flock fl;

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 5, 10));
	CHECK_OK(lock_test(fd2, F_OFD_GETLK, F_RDLCK, 0, 100, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(SEEK_SET, fl.l_whence);
	CHECK_EQ(5, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	CHECK_EQ(-1, fl.l_pid);
}
IPCT_CASE(ofd_getlk_pid_minus_one,
	.id = "lock.ofd_getlk_pid_minus_one",
	.asserts = "F_OFD_GETLK through another open file description reports a blocking OFD lock with its type, SEEK_SET start and length, and l_pid -1",
	.spec = "Linux fcntl(2), Open file description locks (F_OFD_GETLK) and Advisory record locking (l_pid is -1 for an open file description lock)",
	OFD_REQ);

static void ofd_getlk_unlck_when_free(void)
{
	int fd = lock_xfile(100);
	struct flock fl;

	CHECK_OK(lock_test(fd, F_OFD_GETLK, F_WRLCK, 3, 7, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	CHECK_EQ(3, fl.l_start);
	CHECK_EQ(7, fl.l_len);
}
IPCT_CASE(ofd_getlk_unlck_when_free,
	.id = "lock.ofd_getlk_unlck_when_free",
	.asserts = "F_OFD_GETLK when nothing would block the lock returns F_UNLCK in l_type and leaves the other members unchanged",
	.spec = "Linux fcntl(2), Open file description locks (F_OFD_GETLK)",
	OFD_REQ);

static void ofd_getlk_reports_process_lock(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 20, 5 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 1);
	CHECK_OK(lock_test(fd, F_OFD_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(20, fl.l_start);
	CHECK_EQ(h.pid, fl.l_pid);
	lock_holder_end(&h);
}
IPCT_CASE(ofd_getlk_reports_process_lock,
	.id = "lock.ofd_getlk_reports_process_lock",
	.asserts = "F_OFD_GETLK reports another process's traditional record lock that would block, with that process's ID in l_pid",
	.spec = "Linux fcntl(2), Open file description locks (OFD and traditional locks conflict) and Advisory record locking (l_pid of a traditional lock)",
	.needs = IPCT_LINUX_ONLY, OFD_REQ);

static void ofd_close_other_fd_keeps(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
	/* For a traditional lock this close would release it. */
	ipct_xclose(lock_xopen("f", O_RDONLY));
	OFD_CHECK_CONFLICT(fd2, F_WRLCK, 0, 10);
}
IPCT_CASE(ofd_close_other_fd_keeps,
	.id = "lock.ofd_close_other_fd_keeps",
	.asserts = "closing another descriptor of the file (another open file description) does not release an OFD lock",
	.spec = "Linux fcntl(2), Open file description locks (only released on the last close of the open file description, not on any close of the file)",
	OFD_REQ);

static void ofd_released_on_last_close(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR), d;

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
	d = ipct_xdup(fd1);
	ipct_xclose(fd1);
	OFD_CHECK_CONFLICT(fd2, F_WRLCK, 0, 10);
	ipct_xclose(d);
	CHECK_OK(ofd_setlk(fd2, F_WRLCK, 0, 10));
}
IPCT_CASE(ofd_released_on_last_close,
	.id = "lock.ofd_released_on_last_close",
	.asserts = "an OFD lock stays while a duplicate of its open file description is open and is released when the last descriptor of it is closed",
	.spec = "Linux fcntl(2), Open file description locks (automatically released on the last close of the open file description)",
	OFD_REQ);

static void ofd_inherited_by_fork(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);
	pid_t pid;

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
	pid = ipct_fork();
	if (pid == 0) {
		/* The same open file description: the child owns it too. */
		CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
		OFD_CHECK_CONFLICT(fd2, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* The child's exit closed only its copies. */
	OFD_CHECK_CONFLICT(fd2, F_WRLCK, 0, 10);
}
IPCT_CASE(ofd_inherited_by_fork,
	.id = "lock.ofd_inherited_by_fork",
	.asserts = "OFD locks are shared with a child through the descriptors fork() copies: the child's locking through them does not conflict, and its exit leaves the lock in place",
	.spec = "Linux fcntl(2), Open file description locks (inherited across fork(2), released on the last close)",
	OFD_REQ);

static void ofd_conflicts_with_process_lock(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 10));
	/* The same process, a traditional lock: it still conflicts. */
	LOCK_CHECK_CONFLICT(fd2, F_RDLCK, 0, 10);
	LOCK_CHECK_CONFLICT(fd1, F_WRLCK, 0, 10);
}
IPCT_CASE(ofd_conflicts_with_process_lock,
	.id = "lock.ofd_conflicts_with_process_lock",
	.asserts = "on Linux a traditional record lock conflicts with an OFD lock even when both come from the same process, and even through the same descriptor",
	.spec = "Linux fcntl(2), Open file description locks (conflicting combinations of an OFD and a traditional lock conflict even when acquired by the same process on the same file descriptor)",
	.needs = IPCT_LINUX_ONLY, OFD_REQ);

static void ofd_pid_nonzero_einval(void)
{
	int fd = lock_xfile(100);
	struct flock fl = lock_fl(F_WRLCK, SEEK_SET, 0, 10);

	fl.l_pid = getpid();
	CHECK_FAILS(fcntl(fd, F_OFD_SETLK, &fl), EINVAL);
}
IPCT_CASE(ofd_pid_nonzero_einval,
	.id = "lock.ofd_pid_nonzero_einval",
	.asserts = "F_OFD_SETLK with a non-zero l_pid fails with EINVAL",
	.spec = "Linux fcntl(2), Open file description locks (the l_pid field must be set to zero) and ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY, OFD_REQ);

static void ofd_read_only_ebadf(void)
{
	int fd;

	ipct_xclose(lock_xfile(100));
	fd = lock_xopen("f", O_RDONLY);
	CHECK_FAILS(ofd_setlk(fd, F_WRLCK, 0, 10), EBADF);
	CHECK_OK(ofd_setlk(fd, F_RDLCK, 0, 10));
}
IPCT_CASE(ofd_read_only_ebadf,
	.id = "lock.ofd_read_only_ebadf",
	.asserts = "F_OFD_SETLK of an exclusive lock through a descriptor not open for writing fails with EBADF",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EBADF]; Linux fcntl(2), ERRORS [EBADF]",
	OFD_REQ);

static void ofd_split_unlock_middle(void)
{
	int fd1 = lock_xfile(100), fd2 = lock_xopen("f", O_RDWR);

	CHECK_OK(ofd_setlk(fd1, F_WRLCK, 0, 30));
	CHECK_OK(ofd_setlk(fd1, F_UNLCK, 10, 10));
	CHECK_OK(ofd_setlk(fd2, F_WRLCK, 10, 10));
	OFD_CHECK_CONFLICT(fd2, F_WRLCK, 9, 1);
	OFD_CHECK_CONFLICT(fd2, F_WRLCK, 20, 1);
}
IPCT_CASE(ofd_split_unlock_middle,
	.id = "lock.ofd_split_unlock_middle",
	.asserts = "unlocking the middle of an OFD lock splits it: the middle becomes free for another open file description, both ends stay locked",
	.spec = "Linux fcntl(2), Open file description locks (conversions may result in splitting, shrinking, or coalescing)",
	OFD_REQ);

struct ofd_call {
	int close_fd; /* an inherited descriptor to close first, or -1 */
};

/* A blocker: its own open file description, then F_OFD_SETLKW of an
 * exclusive lock on bytes 0..9. */
static long do_ofd_setlkw(void *arg)
{
	struct ofd_call *c = arg;
	int fd;

	if (c->close_fd >= 0)
		ipct_xclose(c->close_fd);
	fd = lock_xopen("f", O_RDWR);
	return lock_set(fd, F_OFD_SETLKW, F_WRLCK, 0, 10);
}

static void ofd_setlkw_blocks_until_unlock(void)
{
	struct ipct_blocker b;
	struct ofd_call c = { -1 };
	int fd = lock_xfile(100);

	CHECK_OK(ofd_setlk(fd, F_RDLCK, 5, 1));
	ipct_block_start(&b, do_ofd_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(ofd_setlk(fd, F_UNLCK, 0, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(ofd_setlkw_blocks_until_unlock,
	.id = "lock.ofd_setlkw_blocks_until_unlock",
	.asserts = "F_OFD_SETLKW waits while another open file description holds a conflicting OFD lock and returns 0 once it is unlocked",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_OFD_SETLKW); Linux fcntl(2), Open file description locks (F_OFD_SETLKW)",
	OFD_REQ);

static void ofd_setlkw_released_by_last_close(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	/* The blocker closes its inherited copy: the case's is the last. */
	struct ofd_call c = { fd };

	CHECK_OK(ofd_setlk(fd, F_WRLCK, 0, 10));
	ipct_block_start(&b, do_ofd_setlkw, &c);
	ipct_block_prove(&b);
	ipct_xclose(fd);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(ofd_setlkw_released_by_last_close,
	.id = "lock.ofd_setlkw_released_by_last_close",
	.asserts = "an F_OFD_SETLKW waiting for an OFD lock returns 0 when the last descriptor of the holding open file description is closed",
	.spec = "Linux fcntl(2), Open file description locks (released on the last close of the open file description)",
	OFD_REQ);

static void ofd_setlkw_eintr(void)
{
	struct ipct_blocker b;
	struct ofd_call c = { -1 };
	int fd = lock_xfile(100);

	/* Seen with valgrind 3.19: F_SETLKW waits are interrupted (setlkw_eintr
	 * passes under it) but an F_OFD_SETLKW wait never is: its fcntl wrapper
	 * does not treat command 38 as one that may block, so it runs the call
	 * with signals held off and the handler cannot run before it returns. */
	if (ipct_under_valgrind())
		ipct_skip("valgrind holds signals off during F_OFD_SETLKW, so a caught signal cannot interrupt it");
	CHECK_OK(ofd_setlk(fd, F_WRLCK, 0, 10));
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, do_ofd_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(ofd_setlkw_eintr,
	.id = "lock.ofd_setlkw_eintr",
	.asserts = "an F_OFD_SETLKW wait interrupted by a caught signal (no SA_RESTART) fails with EINTR",
	.spec = "POSIX.1-2024 fcntl(), ERRORS [EINTR] (F_SETLKW or F_OFD_SETLKW interrupted by a signal); Linux fcntl(2), ERRORS [EINTR]",
	OFD_REQ);

static void ofd_getlk_reports_own_process_lock(void)
{
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	CHECK_OK(lock_test(fd, F_OFD_GETLK, F_RDLCK, 0, 10, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(getpid(), fl.l_pid);
}
IPCT_CASE(ofd_getlk_reports_own_process_lock,
	.id = "lock.ofd_getlk_reports_own_process_lock",
	.asserts = "F_OFD_GETLK reports the calling process's own traditional write lock, taken through the same descriptor, as blocking, with the caller's process ID in l_pid",
	.spec = "Linux fcntl(2), Open file description locks (an OFD lock and a traditional record lock conflict even when acquired by the same process on the same file descriptor)",
	.needs = IPCT_LINUX_ONLY, OFD_REQ);

static void ofd_setlkw_takes_ofd_lock(void)
{
	int fd = lock_xfile(100);

	CHECK_OK(lock_set(fd, F_OFD_SETLKW, F_WRLCK, 0, 10));
	/* A traditional lock of the same process conflicts with it. */
	LOCK_CHECK_CONFLICT(fd, F_WRLCK, 0, 10);
}
IPCT_CASE(ofd_setlkw_takes_ofd_lock,
	.id = "lock.ofd_setlkw_takes_ofd_lock",
	.asserts = "F_OFD_SETLKW takes an open-file-description lock, not a process lock: a later F_SETLK of the same process on the same range and descriptor fails as a conflict",
	.spec = "Linux fcntl(2), Open file description locks (F_OFD_SETLKW; OFD and traditional locks conflict even when acquired by the same process on the same file descriptor)",
	.needs = IPCT_LINUX_ONLY, OFD_REQ);

IPCT_CASES(&ipct_case_ofd_two_opens_conflict,
	   &ipct_case_ofd_same_description_no_conflict,
	   &ipct_case_ofd_getlk_pid_minus_one,
	   &ipct_case_ofd_getlk_unlck_when_free,
	   &ipct_case_ofd_getlk_reports_process_lock,
	   &ipct_case_ofd_close_other_fd_keeps,
	   &ipct_case_ofd_released_on_last_close,
	   &ipct_case_ofd_inherited_by_fork,
	   &ipct_case_ofd_conflicts_with_process_lock,
	   &ipct_case_ofd_pid_nonzero_einval, &ipct_case_ofd_read_only_ebadf,
	   &ipct_case_ofd_split_unlock_middle,
	   &ipct_case_ofd_setlkw_blocks_until_unlock,
	   &ipct_case_ofd_setlkw_released_by_last_close,
	   &ipct_case_ofd_setlkw_eintr,
	   &ipct_case_ofd_getlk_reports_own_process_lock,
	   &ipct_case_ofd_setlkw_takes_ofd_lock);
