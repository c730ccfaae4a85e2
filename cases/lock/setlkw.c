/* SPDX-License-Identifier: MIT
 * cases/lock/setlkw.c - F_SETLKW: waiting for a conflicting record lock,
 * what ends the wait (unlock, close of any descriptor, the holder's end),
 * signals, and deadlock detection.
 * Sources: POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW) and ERRORS;
 * Linux fcntl(2), signal(7).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "lock.h"

#include <signal.h>

/* What a blocker child does: optionally take `pre` with F_SETLK first,
 * (has_pre), then fcntl(fd, F_SETLKW) on `want`; with `sync`, it posts 1 after the
 * call and waits for 2 before it returns (and ends, releasing its locks),
 * so that the case can look at the lock it got. */
struct lk_call {
	int fd;
	int has_pre; /* (F_RDLCK may be 0) */
	struct lock_range pre;
	int whence;
	struct lock_range want;
	struct ipct_sync *sync;
};

static long do_setlkw(void *arg)
{
	struct lk_call *c = arg;
	struct flock fl;
	long rc;

	if (c->has_pre)
		lock_xsetlk(c->fd, c->pre.type, c->pre.start, c->pre.len);
	fl = lock_fl(c->want.type, c->whence, c->want.start, c->want.len);
	rc = fcntl(c->fd, F_SETLKW, &fl);
	if (c->sync) {
		int err = errno;

		ipct_post(c->sync, 1);
		ipct_sync_wait(c->sync, 2);
		errno = err;
	}
	return rc;
}

static struct lk_call want(int fd, int type, off_t start, off_t len)
{
	struct lk_call c;

	memset(&c, 0, sizeof c);
	c.fd = fd;
	c.whence = SEEK_SET;
	c.want.type = type;
	c.want.start = start;
	c.want.len = len;
	return c;
}

static void setlkw_blocks_until_unlock(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_blocks_until_unlock,
	.id = "lock.setlkw_blocks_until_unlock",
	.asserts = "F_SETLKW of an exclusive lock on a segment another process has exclusive-locked waits until that process unlocks it, then returns 0",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW: the calling thread shall wait until the request can be satisfied)");

static void setlkw_shared_waits_for_exclusive(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_RDLCK, 5, 1);

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_shared_waits_for_exclusive,
	.id = "lock.setlkw_shared_waits_for_exclusive",
	.asserts = "F_SETLKW of a shared lock on a byte inside another process's exclusive lock waits until that lock is removed",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW; an exclusive lock prevents other processes from setting a shared lock)");

static void setlkw_exclusive_waits_for_shared(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 0);

	lock_xsetlk(fd, F_RDLCK, 50, 1);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 0));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_exclusive_waits_for_shared,
	.id = "lock.setlkw_exclusive_waits_for_shared",
	.asserts = "F_SETLKW of an exclusive lock on the whole file waits while another process holds a shared lock on one byte of it",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW; a shared lock prevents other processes from setting an exclusive lock on any portion)");

static void setlkw_shared_not_blocked_by_shared(void)
{
	int fd = lock_xfile(100);
	pid_t pid;

	lock_xsetlk(fd, F_RDLCK, 0, 10);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(lock_set(fd, F_SETLKW, F_RDLCK, 0, 10));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(setlkw_shared_not_blocked_by_shared,
	.id = "lock.setlkw_shared_not_blocked_by_shared",
	.asserts = "F_SETLKW of a shared lock on a segment another process holds a shared lock on returns 0 without waiting",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (other processes shall be able to set shared locks)");

static void setlkw_released_by_close_other_fd(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100), fd2;
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	fd2 = lock_xopen("f", O_RDONLY);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	/* Not the descriptor that set the lock: any descriptor of the file. */
	ipct_xclose(fd2);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_released_by_close_other_fd,
	.id = "lock.setlkw_released_by_close_other_fd",
	.asserts = "a process waiting in F_SETLKW is released when the lock holder closes another of its descriptors of the file, one that never locked",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (all locks associated with a file for a given process shall be removed when a file descriptor for that file is closed by that process)");

static void setlkw_released_by_holder_exit(void)
{
	static const struct lock_range r[] = { { F_WRLCK, 0, 10 } };
	struct lock_holder h;
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	lock_xhold(&h, r, 1);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	lock_holder_end(&h);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_released_by_holder_exit,
	.id = "lock.setlkw_released_by_holder_exit",
	.asserts = "a process waiting in F_SETLKW is released when the process holding the conflicting lock exits",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks removed when the process holding the descriptor terminates)");

static void setlkw_released_by_holder_kill(void)
{
	struct ipct_sync s;
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_RDLCK, 0, 10);
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		lock_xsetlk(fd, F_WRLCK, 0, 10);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2); /* never posted: killed here */
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_released_by_holder_kill,
	.id = "lock.setlkw_released_by_holder_kill",
	.asserts = "a process waiting in F_SETLKW is released when the process holding the conflicting lock is killed by SIGKILL",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (locks removed when the process terminates); _exit(), DESCRIPTION");

static void setlkw_waits_for_whole_range(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 20);

	lock_xsetlk(fd, F_WRLCK, 0, 20);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	/* Half of the segment is free: still waiting for the other half. */
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 10, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_waits_for_whole_range,
	.id = "lock.setlkw_waits_for_whole_range",
	.asserts = "F_SETLKW keeps waiting while any part of its segment is still locked by another process, and returns once all of it is free",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW waits until the request can be satisfied)");

static void setlkw_eintr(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(setlkw_eintr,
	.id = "lock.setlkw_eintr",
	.asserts = "a process waiting in F_SETLKW that catches a signal (handler without SA_RESTART) fails with EINTR",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW: the wait shall be interrupted by a signal) and ERRORS [EINTR]");

static void setlkw_sa_restart(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	lock_xsetlk(fd, F_WRLCK, 0, 10);
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	ipct_block_prove(&b);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_sa_restart,
	.id = "lock.setlkw_sa_restart",
	.asserts = "on Linux an F_SETLKW wait interrupted by a handler installed with SA_RESTART is restarted: it keeps waiting and gets the lock once it is free",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers (F_SETLKW is restarted)",
	.needs = IPCT_LINUX_ONLY);

static void setlkw_edeadlk(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 1);

	/* The case holds byte 0; the blocker takes byte 1, then waits for
	 * byte 0.  The case waiting for byte 1 would close the cycle. */
	c.has_pre = 1;
	c.pre.type = F_WRLCK;
	c.pre.start = 1;
	c.pre.len = 1;
	lock_xsetlk(fd, F_WRLCK, 0, 1);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	CHECK_FAILS(lock_set(fd, F_SETLKW, F_WRLCK, 1, 1), EDEADLK);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 1));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_edeadlk,
	.id = "lock.setlkw_edeadlk",
	.asserts = "on Linux F_SETLKW fails with EDEADLK when waiting would close a cycle: the caller holds what a process waiting in F_SETLKW wants and asks for what that process holds",
	.spec = "Linux fcntl(2), ERRORS [EDEADLK]; POSIX.1-2024 fcntl(), DESCRIPTION and ERRORS [EDEADLK] (may fail: detection is optional)",
	.needs = IPCT_LINUX_ONLY);

static void setlkw_upgrade_waits_for_reader(void)
{
	struct ipct_blocker b;
	struct flock fl;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	/* The blocker holds a shared lock and converts it to exclusive;
	 * the case's shared lock on the same bytes makes it wait. */
	c.has_pre = 1;
	c.pre.type = F_RDLCK;
	c.pre.start = 0;
	c.pre.len = 10;
	lock_xsetlk(fd, F_RDLCK, 0, 10);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	/* While it waits, it still holds its shared lock. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 10, &fl));
	CHECK_EQ(F_RDLCK, fl.l_type);
	CHECK_EQ(b.pid, fl.l_pid);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_upgrade_waits_for_reader,
	.id = "lock.setlkw_upgrade_waits_for_reader",
	.asserts = "converting a shared lock to exclusive with F_SETLKW waits, keeping the shared lock meanwhile, while another process also holds a shared lock on the range",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (lock type replaced; F_SETLKW waits when another process has conflicting locks in the region)");

static void setlkw_upgrade_cycle_edeadlk(void)
{
	struct ipct_blocker b;
	int fd = lock_xfile(100);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);

	c.has_pre = 1;
	c.pre.type = F_RDLCK;
	c.pre.start = 0;
	c.pre.len = 10;
	lock_xsetlk(fd, F_RDLCK, 0, 10);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	/* Both readers now want to upgrade: each waits for the other. */
	CHECK_FAILS(lock_set(fd, F_SETLKW, F_WRLCK, 0, 10), EDEADLK);
	CHECK_OK(lock_setlk(fd, F_UNLCK, 0, 10));
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_upgrade_cycle_edeadlk,
	.id = "lock.setlkw_upgrade_cycle_edeadlk",
	.asserts = "on Linux, when two processes share a lock and one already waits in F_SETLKW to convert it to exclusive, the other's F_SETLKW conversion fails with EDEADLK",
	.spec = "Linux fcntl(2), ERRORS [EDEADLK]; POSIX.1-2024 fcntl(), ERRORS [EDEADLK] (may fail)",
	.needs = IPCT_LINUX_ONLY);

static void setlkw_range_fixed_before_block(void)
{
	struct ipct_sync s;
	struct ipct_blocker b;
	int fd = lock_xfile(10);
	struct lk_call c = want(fd, F_WRLCK, 0, 10);
	struct flock fl;

	/* SEEK_END 0 on the 10-byte file: bytes 10..19. */
	c.whence = SEEK_END;
	c.sync = &s;
	ipct_sync_init(&s);
	lock_xsetlk(fd, F_WRLCK, 10, 10);
	ipct_block_start(&b, do_setlkw, &c);
	ipct_block_prove(&b);
	if (ftruncate(fd, 100) != 0)
		IPCT_BROKEN("ftruncate(100): %s", ipct_errname(errno));
	CHECK_OK(lock_setlk(fd, F_UNLCK, 10, 10));
	ipct_sync_wait(&s, 1);
	/* The blocker holds bytes 10..19, not 100..109. */
	CHECK_OK(lock_test(fd, F_GETLK, F_WRLCK, 0, 0, &fl));
	CHECK_EQ(F_WRLCK, fl.l_type);
	CHECK_EQ(10, fl.l_start);
	CHECK_EQ(10, fl.l_len);
	CHECK_EQ(b.pid, fl.l_pid);
	ipct_post(&s, 2);
	CHECK_RESULT(ipct_block_finish(&b), 0);
}
IPCT_CASE(setlkw_range_fixed_before_block,
	.id = "lock.setlkw_range_fixed_before_block",
	.asserts = "the segment of an F_SETLKW request is fixed before it waits: a SEEK_END request still locks the old end of the file after the file grew during the wait",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (the range of bytes to be locked shall be determined before fcntl() blocks)");

IPCT_CASES(&ipct_case_setlkw_blocks_until_unlock,
	   &ipct_case_setlkw_shared_waits_for_exclusive,
	   &ipct_case_setlkw_exclusive_waits_for_shared,
	   &ipct_case_setlkw_shared_not_blocked_by_shared,
	   &ipct_case_setlkw_released_by_close_other_fd,
	   &ipct_case_setlkw_released_by_holder_exit,
	   &ipct_case_setlkw_released_by_holder_kill,
	   &ipct_case_setlkw_waits_for_whole_range, &ipct_case_setlkw_eintr,
	   &ipct_case_setlkw_sa_restart, &ipct_case_setlkw_edeadlk,
	   &ipct_case_setlkw_upgrade_waits_for_reader,
	   &ipct_case_setlkw_upgrade_cycle_edeadlk,
	   &ipct_case_setlkw_range_fixed_before_block);
