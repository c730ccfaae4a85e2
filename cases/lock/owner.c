/* SPDX-License-Identifier: MIT
 * cases/lock/owner.c - who owns a POSIX record lock and when it goes:
 * splitting, merging and converting a process's own locks; locks not
 * inherited by fork() but kept across exec; released by the close of any
 * descriptor of the file and by the end of the process.
 * Sources: POSIX.1-2024 fcntl(), DESCRIPTION; fork(), exec, close(),
 * _exit() (consequences of process termination); Linux fcntl(2).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "lock.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

/* In a child: F_GETLK for an exclusive lock on [start, start+len) must
 * report a lock of type `type` on [rstart, rstart+rlen). */
#define LOCK_CHECK_REPORTS(fd, start, len, type, rstart, rlen)            \
	do {                                                              \
		struct flock lk_;                                          \
		CHECK_OK(lock_test((fd), F_GETLK, F_WRLCK, (start), (len), &lk_)); \
		CHECK_EQ((type), lk_.l_type);                              \
		CHECK_EQ((rstart), lk_.l_start);                           \
		CHECK_EQ((rlen), lk_.l_len);                               \
	} while (0)

static void split_unlock_middle(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 30);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 10, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_REPORTS(cfd, 0, 30, F_WRLCK, 0, 10);
		LOCK_CHECK_REPORTS(cfd, 10, 20, F_WRLCK, 20, 10);
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 10, 10));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 9, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 20, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(split_unlock_middle,
	.id = "lock.split_unlock_middle",
	.asserts = "unlocking the middle of a locked range splits it in two: bytes 10..19 of an exclusive lock on 0..29 become free and 0..9 and 20..29 stay locked",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_UNLCK on a region; at most one type of lock for each byte)");

static void split_relock_middle_shared(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 30);
	CHECK_OK(lock_setlk(fd, F_RDLCK, 10, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_REPORTS(cfd, 10, 10, F_RDLCK, 10, 10);
		CHECK_OK(lock_setlk(cfd, F_RDLCK, 10, 10));
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 9, 1);
		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 20, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(split_relock_middle_shared,
	.id = "lock.split_relock_middle_shared",
	.asserts = "a shared lock set on the middle of a process's exclusive lock replaces it there only: bytes 10..19 become shared, 0..9 and 20..29 stay exclusive",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the previous lock type for each byte in the specified region shall be replaced by the new lock type)");

static void unlock_spanning_two_locks(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	lock_xsetlk(fd, F_WRLCK, 20, 10);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 5, 20));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 5, 20));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 4, 1);
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 25, 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(unlock_spanning_two_locks,
	.id = "lock.unlock_spanning_two_locks",
	.asserts = "an unlock of bytes 5..24 shrinks locks on 0..9 and 20..29 to 0..4 and 25..29",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_UNLCK on a region)");

static void merge_adjacent(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	lock_xsetlk(fd, F_WRLCK, 10, 10);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_REPORTS(cfd, 0, 1, F_WRLCK, 0, 20);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(merge_adjacent,
	.id = "lock.merge_adjacent",
	.asserts = "on Linux two adjacent exclusive locks of one process (0..9 and 10..19) are coalesced into one lock, which F_GETLK reports as 0..19",
	.spec = "Linux fcntl(2), Advisory record locking (locks are split, shrunk or coalesced); POSIX.1-2024 fcntl() leaves the reported extent of merged locks unspecified",
	.needs = IPCT_LINUX_ONLY);

static void merge_overlapping(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 20);
	lock_xsetlk(fd, F_RDLCK, 10, 20);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_REPORTS(cfd, 25, 1, F_RDLCK, 0, 30);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(merge_overlapping,
	.id = "lock.merge_overlapping",
	.asserts = "on Linux two overlapping shared locks of one process (0..19 and 10..29) become one lock on 0..29",
	.spec = "Linux fcntl(2), Advisory record locking (locks are split, shrunk or coalesced)",
	.needs = IPCT_LINUX_ONLY);

static void convert_shared_to_exclusive(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 10);
	CHECK_OK(lock_setlk(fd, F_WRLCK, 0, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_RDLCK, 0, 10);
		LOCK_CHECK_REPORTS(cfd, 0, 10, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(convert_shared_to_exclusive,
	.id = "lock.convert_shared_to_exclusive",
	.asserts = "a process holding the only shared lock on a range converts it in place to an exclusive lock with F_SETLK F_WRLCK on the same range; other processes then cannot share it",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the previous lock type for each byte shall be replaced by the new lock type)");

static void convert_exclusive_to_shared(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	CHECK_OK(lock_setlk(fd, F_RDLCK, 0, 10));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_RDLCK, 0, 10));
		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(convert_exclusive_to_shared,
	.id = "lock.convert_exclusive_to_shared",
	.asserts = "an exclusive lock converted to shared with F_SETLK F_RDLCK lets other processes take shared locks on the range but still not exclusive ones",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the previous lock type for each byte shall be replaced by the new lock type)");

static void convert_refused_keeps_shared(void)
{
	static const struct lock_range r[] = { { F_RDLCK, 0, 10 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 10);
	lock_xhold(&h, r, 1);
	/* Another process shares the range: the conversion must fail... */
	LOCK_CHECK_CONFLICT(fd, F_WRLCK, 0, 10);
	lock_holder_end(&h);
	/* ...and leave the shared lock as it was. */
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);
		struct flock fl;

		CHECK_OK(lock_test(cfd, F_GETLK, F_WRLCK, 0, 10, &fl));
		CHECK_EQ(F_RDLCK, fl.l_type);
		CHECK_EQ(getppid(), fl.l_pid);
		CHECK_OK(lock_setlk(cfd, F_RDLCK, 0, 10));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(convert_refused_keeps_shared,
	.id = "lock.convert_refused_keeps_shared",
	.asserts = "an F_SETLK conversion from shared to exclusive that fails because another process also holds a shared lock leaves the caller's shared lock in place",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLK: if a lock cannot be set, return immediately) and ERRORS [EACCES] or [EAGAIN]");

static void fork_not_inherited(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		struct flock fl;

		/* The inherited descriptor, but not the lock. */
		CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
		CHECK_EQ(F_WRLCK, fl.l_type);
		CHECK_EQ(getppid(), fl.l_pid);
		LOCK_CHECK_CONFLICT(fd, F_RDLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_not_inherited,
	.id = "lock.fork_not_inherited",
	.asserts = "a child created by fork() does not inherit its parent's record locks: through the inherited descriptor it sees them as another process's locks",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks are not inherited by a child process); fork(), DESCRIPTION");

static void fork_child_close_keeps_parent_lock(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_xclose(fd);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_child_close_keeps_parent_lock,
	.id = "lock.fork_child_close_keeps_parent_lock",
	.asserts = "a child that closes its copy of the descriptor and exits does not release its parent's record locks",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks associated with a file for a given process are removed when that process closes a descriptor)");

/* "hold READY GO": tell the case through descriptor READY that the new
 * image runs, then wait until descriptor GO is written or closed. */
static int hold_main(int argc, char **argv)
{
	char c;

	CHECK_EQ(3, argc);
	CHECK_RET(write(atoi(argv[1]), "r", 1), 1);
	CHECK_RET(read(atoi(argv[2]), &c, 1), 1);
	return 0;
}
IPCT_HELPER(hold_main, "hold");

/* Fork a child that opens "f" with open_flags, locks bytes 0..9
 * exclusively and execs "hold"; returns when the new image runs. */
static pid_t exec_holder(int open_flags, int go[2])
{
	int ready[2];
	char c;
	pid_t pid;

	ipct_xpipe(ready);
	ipct_xpipe(go);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR | open_flags);
		char r[16], g[16];

		lock_xsetlk(cfd, F_WRLCK, 0, 10);
		ipct_xclose(ready[0]);
		ipct_xclose(go[1]);
		snprintf(r, sizeof r, "%d", ready[1]);
		snprintf(g, sizeof g, "%d", go[0]);
		ipct_exec_as_helper("hold", r, g, (char *)NULL);
	}
	ipct_xclose(ready[1]);
	ipct_xclose(go[0]);
	ipct_xread_all(ready[0], &c, 1);
	ipct_xclose(ready[0]);
	return pid;
}

static void exec_keeps_locks(void)
{
	int fd = lock_xfile(100), go[2];
	struct flock fl;
	pid_t pid;

	pid = exec_holder(0, go);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(pid, fl.l_pid);
	ipct_xwrite_all(go[1], "g", 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(exec_keeps_locks,
	.id = "lock.exec_keeps_locks",
	.asserts = "record locks held through a descriptor that stays open are kept across exec: the new process image still holds them, under the same process ID",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (the new process image inherits ... file locks); fcntl(), DESCRIPTION");

static void exec_cloexec_releases(void)
{
	int fd = lock_xfile(100), go[2];
	struct flock fl;
	pid_t pid;

	pid = exec_holder(O_CLOEXEC, go);
	/* The exec'd image still runs; its only descriptor of the file was
	 * closed by the exec, and with it went its locks. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	ipct_xwrite_all(go[1], "g", 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(exec_cloexec_releases,
	.id = "lock.exec_cloexec_releases",
	.asserts = "the close-on-exec of a process's descriptor of a file releases its record locks on that file, while the new process image runs",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (FD_CLOEXEC descriptors are closed); fcntl(), DESCRIPTION (locks are removed when a descriptor for the file is closed)");

static void close_any_fd_releases(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	lock_xsetlk(fd, F_RDLCK, 50, 10);
	/* Another descriptor of the same file, opened and closed. */
	CHECK_OK(close(lock_xopen("f", O_RDONLY)));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 0, 10));
		CHECK_OK(lock_setlk(cfd, F_WRLCK, 50, 10));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(close_any_fd_releases,
	.id = "lock.close_any_fd_releases",
	.asserts = "closing any descriptor of the file, even one opened separately that never locked, removes all of the process's record locks on the file",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (all locks associated with a file for a given process shall be removed when a file descriptor for that file is closed by that process); close(), DESCRIPTION");

static void close_dup_releases(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	CHECK_OK(close(ipct_xdup(fd)));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		CHECK_OK(lock_setlk(cfd, F_WRLCK, 0, 10));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(close_dup_releases,
	.id = "lock.close_dup_releases",
	.asserts = "closing a dup() of the descriptor that set the locks removes the process's record locks on the file",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks removed when a file descriptor for that file is closed); close(), DESCRIPTION");

static void close_other_file_keeps(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	ipct_xclose(lock_xopen("g", O_RDWR));
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		LOCK_CHECK_CONFLICT(cfd, F_WRLCK, 0, 10);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(close_other_file_keeps,
	.id = "lock.close_other_file_keeps",
	.asserts = "closing a descriptor of another file leaves the process's record locks on the first file in place",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks associated with a file are removed when a descriptor for that file is closed)");

static void exit_releases(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 0, 10 },
					       { F_RDLCK, 20, 0 } };
	struct lock_holder h;
	int fd = lock_xfile(100);
	struct flock fl;

	lock_xhold(&h, r, 2);
	LOCK_CHECK_CONFLICT(fd, F_WRLCK, 0, 10);
	lock_holder_end(&h);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
	CHECK_OK(lock_setlk(fd, F_WRLCK, 0, 0));
}
IPCT_CASE(exit_releases,
	.id = "lock.exit_releases",
	.asserts = "the record locks of a process are removed when it exits",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks removed when the process holding the descriptor terminates); _exit(), DESCRIPTION");

static void kill_releases(void)
{
	struct ipct_sync s;
	int fd = lock_xfile(100);
	struct flock fl;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		int cfd = lock_xopen("f", O_RDWR);

		lock_xsetlk(cfd, F_WRLCK, 0, 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted: killed here */
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	LOCK_CHECK_CONFLICT(fd, F_RDLCK, 0, 1);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_UNLCK, fl.l_type);
}
IPCT_CASE(kill_releases,
	.id = "lock.kill_releases",
	.asserts = "the record locks of a process killed by SIGKILL are removed",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks removed when the process terminates); _exit(), DESCRIPTION (consequences of process termination)");

IPCT_HELPERS(&ipct_helper_hold_main);
IPCT_CASES(&ipct_case_split_unlock_middle,
	   &ipct_case_split_relock_middle_shared,
	   &ipct_case_unlock_spanning_two_locks, &ipct_case_merge_adjacent,
	   &ipct_case_merge_overlapping,
	   &ipct_case_convert_shared_to_exclusive,
	   &ipct_case_convert_exclusive_to_shared,
	   &ipct_case_convert_refused_keeps_shared,
	   &ipct_case_fork_not_inherited,
	   &ipct_case_fork_child_close_keeps_parent_lock,
	   &ipct_case_exec_keeps_locks, &ipct_case_exec_cloexec_releases,
	   &ipct_case_close_any_fd_releases, &ipct_case_close_dup_releases,
	   &ipct_case_close_other_file_keeps, &ipct_case_exit_releases,
	   &ipct_case_kill_releases);
