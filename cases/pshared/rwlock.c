/* SPDX-License-Identifier: MIT
 * cases/pshared/rwlock.c - PTHREAD_PROCESS_SHARED read-write locks in
 * shared memory used by several processes: readers share, a writer
 * excludes readers and writers, the try and timed variants, the last
 * reader releasing a blocked writer, and the pshared attribute.
 * Sources: POSIX.1-2024 pthread_rwlock_rdlock(), pthread_rwlock_tryrdlock(),
 * pthread_rwlock_wrlock(), pthread_rwlock_trywrlock(),
 * pthread_rwlock_timedwrlock(), pthread_rwlock_unlock(),
 * pthread_rwlockattr_setpshared().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pshared.h"

#define RW_REQS IPCT_HAVE(HAVE_PTHREAD_RWLOCKATTR_SETPSHARED)

static struct pshared_area *rw_area(void)
{
	struct pshared_area *a = pshared_xanon();

	pshared_xrwlock(&a->rwlock);
	return a;
}

/* A child takes the lock (read or write) and holds it until checkpoint 2;
 * returns when it holds it. */
static pid_t hold_in_child(struct pshared_area *a, int write, struct ipct_sync *s)
{
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		if (write)
			CHECK_PT(pthread_rwlock_wrlock(&a->rwlock), 0);
		else
			CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
		ipct_post(s, 1);
		ipct_sync_wait(s, 2);
		CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
		ipct_child_exit();
	}
	ipct_sync_wait(s, 1);
	return pid;
}

static void release_child(struct ipct_sync *s, pid_t pid)
{
	ipct_post(s, 2);
	ipct_wait_ok(pid);
}

/* Blocker calls: take the lock, read the flag, unlock. */
static long rdlock_read_flag(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_rwlock_rdlock(&a->rwlock);
	long v;

	if (err != 0)
		return -1000 - err;
	v = a->flag;
	pthread_rwlock_unlock(&a->rwlock);
	return v;
}

static long wrlock_read_flag(void *p)
{
	struct pshared_area *a = p;
	int err = pthread_rwlock_wrlock(&a->rwlock);
	long v;

	if (err != 0)
		return -1000 - err;
	v = a->flag;
	pthread_rwlock_unlock(&a->rwlock);
	return v;
}

static void rwlock_readers_share(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 0, &s);

	CHECK_PT(pthread_rwlock_tryrdlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	release_child(&s, pid);
}
IPCT_CASE(rwlock_readers_share,
	.id = "pshared.rwlock_readers_share",
	.asserts = "while another process holds a shared read-write lock for reading, pthread_rwlock_tryrdlock() and pthread_rwlock_rdlock() in this process succeed at once",
	.spec = "POSIX.1-2024 pthread_rwlock_rdlock(), DESCRIPTION (the calling thread acquires the read lock if a writer does not hold the lock)",
	.requires = { RW_REQS });

static void rwlock_three_readers_at_once(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_sync s;
	pid_t pid[3];
	int i;

	ipct_sync_init(&s);
	pshared_xsem(&a->hold, 0);
	for (i = 0; i < 3; i++) {
		pid[i] = ipct_fork();
		if (pid[i] == 0) {
			CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
			__atomic_add_fetch(&a->count, 1, __ATOMIC_RELEASE);
			CHECK_OK(sem_wait(&a->hold));
			CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
			ipct_child_exit();
		}
	}
	/* All three hold the read lock at the same time. */
	CHECK_EQ(3, pshared_await(&a->count, 3));
	CHECK_PT(pthread_rwlock_trywrlock(&a->rwlock), EBUSY);
	for (i = 0; i < 3; i++)
		CHECK_OK(sem_post(&a->hold));
	for (i = 0; i < 3; i++)
		ipct_wait_ok(pid[i]);
	CHECK_PT(pthread_rwlock_trywrlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
}
IPCT_CASE(rwlock_three_readers_at_once,
	.id = "pshared.rwlock_three_readers_at_once",
	.asserts = "three processes hold a shared read-write lock for reading at the same time, and a writer is refused (trywrlock EBUSY) until all three have unlocked",
	.spec = "POSIX.1-2024 pthread_rwlock_rdlock(), DESCRIPTION (a thread may hold multiple concurrent read locks); pthread_rwlock_trywrlock(), ERRORS [EBUSY]",
	.requires = { RW_REQS });

static void rwlock_trywrlock_read_held_ebusy(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 0, &s);

	CHECK_PT(pthread_rwlock_trywrlock(&a->rwlock), EBUSY);
	release_child(&s, pid);
	CHECK_PT(pthread_rwlock_trywrlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
}
IPCT_CASE(rwlock_trywrlock_read_held_ebusy,
	.id = "pshared.rwlock_trywrlock_read_held_ebusy",
	.asserts = "pthread_rwlock_trywrlock() of a shared read-write lock another process holds for reading returns EBUSY, and succeeds once it is unlocked",
	.spec = "POSIX.1-2024 pthread_rwlock_trywrlock(), ERRORS [EBUSY]",
	.requires = { RW_REQS });

static void rwlock_trywrlock_write_held_ebusy(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 1, &s);

	CHECK_PT(pthread_rwlock_trywrlock(&a->rwlock), EBUSY);
	release_child(&s, pid);
}
IPCT_CASE(rwlock_trywrlock_write_held_ebusy,
	.id = "pshared.rwlock_trywrlock_write_held_ebusy",
	.asserts = "pthread_rwlock_trywrlock() of a shared read-write lock another process holds for writing returns EBUSY",
	.spec = "POSIX.1-2024 pthread_rwlock_trywrlock(), ERRORS [EBUSY]",
	.requires = { RW_REQS });

static void rwlock_tryrdlock_write_held_ebusy(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 1, &s);

	CHECK_PT(pthread_rwlock_tryrdlock(&a->rwlock), EBUSY);
	release_child(&s, pid);
	CHECK_PT(pthread_rwlock_tryrdlock(&a->rwlock), 0);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
}
IPCT_CASE(rwlock_tryrdlock_write_held_ebusy,
	.id = "pshared.rwlock_tryrdlock_write_held_ebusy",
	.asserts = "pthread_rwlock_tryrdlock() of a shared read-write lock another process holds for writing returns EBUSY, and succeeds once it is unlocked",
	.spec = "POSIX.1-2024 pthread_rwlock_tryrdlock(), ERRORS [EBUSY]",
	.requires = { RW_REQS });

static void rwlock_writer_blocks_until_reader_unlocks(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_blocker b;

	CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
	ipct_block_start(&b, wrlock_read_flag, a);
	ipct_block_prove(&b);
	a->flag = 21;
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	CHECK_RESULT(ipct_block_finish(&b), 21);
}
IPCT_CASE(rwlock_writer_blocks_until_reader_unlocks,
	.id = "pshared.rwlock_writer_blocks_until_reader_unlocks",
	.asserts = "pthread_rwlock_wrlock() in a process blocks while another process holds the shared read-write lock for reading, and acquires it after the unlock",
	.spec = "POSIX.1-2024 pthread_rwlock_wrlock(), DESCRIPTION (the calling thread blocks until it can acquire the lock)",
	.requires = { RW_REQS });

static void rwlock_reader_blocks_until_writer_unlocks(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_blocker b;

	CHECK_PT(pthread_rwlock_wrlock(&a->rwlock), 0);
	ipct_block_start(&b, rdlock_read_flag, a);
	ipct_block_prove(&b);
	a->flag = 22;
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	CHECK_RESULT(ipct_block_finish(&b), 22);
}
IPCT_CASE(rwlock_reader_blocks_until_writer_unlocks,
	.id = "pshared.rwlock_reader_blocks_until_writer_unlocks",
	.asserts = "pthread_rwlock_rdlock() in a process blocks while another process holds the shared read-write lock for writing, and acquires it after the unlock",
	.spec = "POSIX.1-2024 pthread_rwlock_rdlock(), DESCRIPTION (the read lock is not acquired while a writer holds the lock)",
	.requires = { RW_REQS });

static void rwlock_writer_blocks_until_writer_unlocks(void)
{
	struct pshared_area *a;
	struct ipct_blocker b;
	int id;

	a = pshared_xsysv(&id);
	pshared_xrwlock(&a->rwlock);
	CHECK_PT(pthread_rwlock_wrlock(&a->rwlock), 0);
	ipct_block_start(&b, wrlock_read_flag, a);
	ipct_block_prove(&b);
	a->flag = 23;
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	CHECK_RESULT(ipct_block_finish(&b), 23);
}
IPCT_CASE(rwlock_writer_blocks_until_writer_unlocks,
	.id = "pshared.rwlock_writer_blocks_until_writer_unlocks",
	.asserts = "pthread_rwlock_wrlock() of a shared read-write lock in a System V segment blocks while another process holds it for writing, and acquires it after the unlock",
	.spec = "POSIX.1-2024 pthread_rwlock_wrlock(), DESCRIPTION",
	.requires = { RW_REQS });

static void rwlock_writer_waits_for_last_reader(void)
{
	struct pshared_area *a = rw_area();
	struct ipct_blocker b;
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 0, &s);

	CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
	ipct_block_start(&b, wrlock_read_flag, a);
	ipct_block_prove(&b);
	release_child(&s, pid); /* one reader left: still blocked */
	ipct_block_prove(&b);
	a->flag = 24;
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	CHECK_RESULT(ipct_block_finish(&b), 24);
}
IPCT_CASE(rwlock_writer_waits_for_last_reader,
	.id = "pshared.rwlock_writer_waits_for_last_reader",
	.asserts = "a writer blocked on a shared read-write lock held for reading by two processes stays blocked when the first reader unlocks, and acquires it when the last reader unlocks",
	.spec = "POSIX.1-2024 pthread_rwlock_unlock(), DESCRIPTION (the object remains read-locked while other read locks are held); pthread_rwlock_wrlock(), DESCRIPTION",
	.requires = { RW_REQS });

static void rwlock_timedwrlock_etimedout(void)
{
#ifdef HAVE_PTHREAD_RWLOCK_TIMEDWRLOCK
	struct pshared_area *a = rw_area();
	struct timespec dl;
	struct ipct_sync s;
	pid_t pid = hold_in_child(a, 0, &s);

	dl = ipct_xdeadline(CLOCK_REALTIME, 20);
	CHECK_PT(pthread_rwlock_timedwrlock(&a->rwlock, &dl), ETIMEDOUT);
	CHECK(ipct_xclock_reached(CLOCK_REALTIME, &dl));
	release_child(&s, pid);
#endif
}
IPCT_CASE(rwlock_timedwrlock_etimedout,
	.id = "pshared.rwlock_timedwrlock_etimedout",
	.asserts = "pthread_rwlock_timedwrlock() of a shared read-write lock another process holds for reading returns ETIMEDOUT, and not before CLOCK_REALTIME reaches abstime",
	.spec = "POSIX.1-2024 pthread_rwlock_timedwrlock(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { RW_REQS, IPCT_HAVE(HAVE_PTHREAD_RWLOCK_TIMEDWRLOCK) },
	.timed = 1);

static void rwlockattr_pshared_round_trip(void)
{
#ifdef HAVE_PTHREAD_RWLOCKATTR_SETPSHARED
	pthread_rwlockattr_t ra;
	int v = -1;

	pshared_xok(pthread_rwlockattr_init(&ra), "pthread_rwlockattr_init");
	CHECK_PT(pthread_rwlockattr_getpshared(&ra, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_PRIVATE, v);
	CHECK_PT(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED), 0);
	CHECK_PT(pthread_rwlockattr_getpshared(&ra, &v), 0);
	CHECK_EQ(PTHREAD_PROCESS_SHARED, v);
	pthread_rwlockattr_destroy(&ra);
#endif
}
IPCT_CASE(rwlockattr_pshared_round_trip,
	.id = "pshared.rwlockattr_pshared_round_trip",
	.asserts = "a read-write lock attributes object starts PTHREAD_PROCESS_PRIVATE, and pthread_rwlockattr_getpshared() returns PTHREAD_PROCESS_SHARED once set",
	.spec = "POSIX.1-2024 pthread_rwlockattr_getpshared(), DESCRIPTION (default PTHREAD_PROCESS_PRIVATE) and RETURN VALUE",
	.requires = { RW_REQS });

static void rwlockattr_pshared_invalid_einval(void)
{
#ifdef HAVE_PTHREAD_RWLOCKATTR_SETPSHARED
	pthread_rwlockattr_t ra;

	pshared_xok(pthread_rwlockattr_init(&ra), "pthread_rwlockattr_init");
	CHECK_PT(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED +
					       PTHREAD_PROCESS_PRIVATE + 7), EINVAL);
	pthread_rwlockattr_destroy(&ra);
#endif
}
IPCT_CASE(rwlockattr_pshared_invalid_einval,
	.id = "pshared.rwlockattr_pshared_invalid_einval",
	.asserts = "pthread_rwlockattr_setpshared() with a value other than PTHREAD_PROCESS_SHARED or PTHREAD_PROCESS_PRIVATE returns EINVAL (Linux C libraries; POSIX lists EINVAL as may-fail)",
	.spec = "POSIX.1-2024 pthread_rwlockattr_getpshared(), ERRORS [EINVAL] (may fail); glibc and musl check the value",
	.needs = IPCT_LINUX_ONLY,
	.requires = { RW_REQS });

/* Helper "trywrlock SPEC FD -": report pthread_rwlock_trywrlock(). */
static int trywrlock_helper(int argc, char **argv)
{
	struct pshared_area *a;
	int fd, r;

	a = pshared_helper_area(argc, argv, &fd);
	r = pthread_rwlock_trywrlock(&a->rwlock);
	if (r == 0)
		pthread_rwlock_unlock(&a->rwlock);
	pshared_helper_result(fd, r);
	return 0;
}
IPCT_HELPER(trywrlock_helper, "trywrlock");

static void rwlock_unrelated_trywrlock_ebusy(void)
{
	struct pshared_area *a;
	struct pshared_ext e;
	char spec[64];
	int id;

	a = pshared_xsysv(&id);
	pshared_xrwlock(&a->rwlock);
	snprintf(spec, sizeof spec, "sysv:%d", id);
	CHECK_PT(pthread_rwlock_rdlock(&a->rwlock), 0);
	pshared_ext_start(&e, "trywrlock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), EBUSY);
	CHECK_PT(pthread_rwlock_unlock(&a->rwlock), 0);
	pshared_ext_start(&e, "trywrlock", spec, NULL);
	CHECK_ERRNO(pshared_ext_result(&e), 0);
}
IPCT_CASE(rwlock_unrelated_trywrlock_ebusy,
	.id = "pshared.rwlock_unrelated_trywrlock_ebusy",
	.asserts = "pthread_rwlock_trywrlock() in an unrelated (exec'd) process attached to the System V segment returns EBUSY while this process holds the shared read-write lock for reading, and succeeds after the unlock",
	.spec = "POSIX.1-2024 pthread_rwlockattr_setpshared(), DESCRIPTION; pthread_rwlock_trywrlock(), ERRORS [EBUSY]",
	.requires = { RW_REQS });

IPCT_CASES(&ipct_case_rwlock_readers_share,
	   &ipct_case_rwlock_three_readers_at_once,
	   &ipct_case_rwlock_trywrlock_read_held_ebusy,
	   &ipct_case_rwlock_trywrlock_write_held_ebusy,
	   &ipct_case_rwlock_tryrdlock_write_held_ebusy,
	   &ipct_case_rwlock_writer_blocks_until_reader_unlocks,
	   &ipct_case_rwlock_reader_blocks_until_writer_unlocks,
	   &ipct_case_rwlock_writer_blocks_until_writer_unlocks,
	   &ipct_case_rwlock_writer_waits_for_last_reader,
	   &ipct_case_rwlock_timedwrlock_etimedout,
	   &ipct_case_rwlockattr_pshared_round_trip,
	   &ipct_case_rwlockattr_pshared_invalid_einval,
	   &ipct_case_rwlock_unrelated_trywrlock_ebusy);
IPCT_HELPERS(&ipct_helper_trywrlock_helper);
