/* SPDX-License-Identifier: MIT
 * lib/ref/lock.c - a shared file of counter records guarded by POSIX
 * record locks (fcntl() F_SETLKW / F_SETLK / F_GETLK).
 *
 * Each record is REF_LOCK_RECORD bytes at offset rec * REF_LOCK_RECORD.
 * An update locks exactly those bytes, so processes updating different
 * records never wait for each other, and a reader that needs a coherent
 * view of every record takes one shared lock of the whole file.
 *
 * Points worth copying:
 * - Record locks are advisory: they only exclude processes that also
 *   lock.  Every access to the file goes through these functions.
 * - Lock, then read, modify, write, then unlock.  pread()/pwrite() at an
 *   explicit offset: the file offset is shared with every process that
 *   inherited the descriptor, and l_whence SEEK_SET keeps the range
 *   independent of it.
 * - F_SETLKW is interrupted by a caught signal (EINTR), so the lock call
 *   loops; a conflicting F_SETLK fails with EACCES or EAGAIN depending on
 *   the system, so both mean "busy".
 * - The locks belong to the process, not the descriptor: closing ANY
 *   descriptor of the file releases all of the process's locks on it.
 *   Never open and close the file (or let a library do so) while holding
 *   a lock; keep one descriptor open for as long as locks are needed.
 * - Locks are not inherited by fork(): every worker takes its own.  They
 *   go when the process ends, however it ends, so a killed holder never
 *   leaves a record locked.
 */
#define _XOPEN_SOURCE 700
#include "ref/lock.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void (*ref_lock_waiting_hook)(pid_t pid);

static struct flock range(int type, off_t start, off_t len)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = (short)type;
	fl.l_whence = SEEK_SET;
	fl.l_start = start;
	fl.l_len = len;
	return fl;
}

int ref_lock_range(int fd, int type, off_t start, off_t len)
{
	struct flock fl = range(type, start, len);

	for (;;) {
		if (fcntl(fd, F_SETLKW, &fl) == 0)
			return 0;
		if (errno != EINTR)
			return -1;
	}
}

int ref_lock_try_range(int fd, int type, off_t start, off_t len)
{
	struct flock fl = range(type, start, len);

	if (fcntl(fd, F_SETLK, &fl) == 0)
		return 0;
	if (errno == EACCES)
		errno = EAGAIN;
	return -1;
}

int ref_lock_unlock_range(int fd, off_t start, off_t len)
{
	struct flock fl = range(F_UNLCK, start, len);

	return fcntl(fd, F_SETLK, &fl);
}

pid_t ref_lock_holder(int fd, off_t start, off_t len)
{
	struct flock fl = range(F_WRLCK, start, len);

	if (fcntl(fd, F_GETLK, &fl) != 0)
		return -1;
	return fl.l_type == F_UNLCK ? 0 : fl.l_pid;
}

/* Read or write one record without any locking of its own. */
static int record_get(int fd, int rec, long *value)
{
	char buf[REF_LOCK_RECORD + 1];
	ssize_t n;

	n = pread(fd, buf, REF_LOCK_RECORD, (off_t)rec * REF_LOCK_RECORD);
	if (n < 0)
		return -1;
	if (n == 0) { /* past the end: a record never written is 0 */
		*value = 0;
		return 0;
	}
	if (n != REF_LOCK_RECORD) {
		errno = EIO;
		return -1;
	}
	buf[n] = '\0';
	*value = strtol(buf, NULL, 10);
	return 0;
}

static int record_put(int fd, int rec, long value)
{
	char buf[REF_LOCK_RECORD + 1];
	int i;
	unsigned long v = value < 0 ? 0 : (unsigned long)value;

	/* "%15ld\n" by hand: right-aligned digits, no stdio in the workers. */
	memset(buf, ' ', REF_LOCK_RECORD);
	buf[REF_LOCK_RECORD - 1] = '\n';
	i = REF_LOCK_RECORD - 2;
	do {
		buf[i--] = (char)('0' + v % 10);
		v /= 10;
	} while (v && i >= 0);
	if (pwrite(fd, buf, REF_LOCK_RECORD, (off_t)rec * REF_LOCK_RECORD) !=
	    REF_LOCK_RECORD) {
		if (errno == 0)
			errno = EIO;
		return -1;
	}
	return 0;
}

int ref_lock_record_add(int fd, int rec, long delta, long *value)
{
	off_t at = (off_t)rec * REF_LOCK_RECORD;
	long v;
	int err;

	if (ref_lock_range(fd, F_WRLCK, at, REF_LOCK_RECORD) != 0)
		return -1;
	if (record_get(fd, rec, &v) != 0 || record_put(fd, rec, v + delta) != 0) {
		err = errno;
		ref_lock_unlock_range(fd, at, REF_LOCK_RECORD);
		errno = err;
		return -1;
	}
	if (value)
		*value = v + delta;
	return ref_lock_unlock_range(fd, at, REF_LOCK_RECORD);
}

int ref_lock_records_read(int fd, int n, long *values)
{
	int i, err;

	/* Whole file, shared: writers of any record wait, readers do not. */
	if (ref_lock_range(fd, F_RDLCK, 0, 0) != 0)
		return -1;
	for (i = 0; i < n; i++)
		if (record_get(fd, i, &values[i]) != 0) {
			err = errno;
			ref_lock_unlock_range(fd, 0, 0);
			errno = err;
			return -1;
		}
	return ref_lock_unlock_range(fd, 0, 0);
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_WORKERS 4
#define DEMO_ROUNDS 200
#define DEMO_RECORDS 2

/* A worker: DEMO_ROUNDS increments, alternating between the records, so
 * that every record is contended by every worker.  Nothing here gives
 * the processor away while holding a lock. */
static void demo_worker(const char *path, int gate[2])
{
	char c;
	int fd, i;

	close(gate[1]);
	/* Its own descriptor: an open file description of its own, and no
	 * descriptor shared with the parent to close by accident. */
	fd = open(path, O_RDWR);
	if (fd < 0)
		_exit(1);
	/* Start together: the gate opens (end of file) once every worker
	 * exists and the parent closed its write end. */
	if (read(gate[0], &c, 1) != 0)
		_exit(1);
	for (i = 0; i < DEMO_ROUNDS; i++)
		if (ref_lock_record_add(fd, i % DEMO_RECORDS, 1, NULL) != 0)
			_exit(1);
	_exit(0);
}

static int demo_reap_ok(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int demo_workers(FILE *out, const char *path, int fd)
{
	pid_t pids[DEMO_WORKERS];
	long v[DEMO_RECORDS], total = 0;
	int i, n = 0, rc = 0, err = 0, gate[2];

	fprintf(out, "workers: %d processes x %d increments, alternating between the records, each under an exclusive lock of its record\n",
		DEMO_WORKERS, DEMO_ROUNDS);
	fflush(out);
	if (pipe(gate) != 0)
		return -1;
	for (i = 0; i < DEMO_WORKERS; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			err = errno;
			rc = -1;
			break;
		}
		if (pids[i] == 0)
			demo_worker(path, gate);
		n++;
	}
	close(gate[1]);
	close(gate[0]);
	for (i = 0; i < n; i++)
		if (demo_reap_ok(pids[i]) != 0)
			rc = -1;
	if (rc != 0) {
		errno = err ? err : EPROTO;
		return -1;
	}
	if (ref_lock_records_read(fd, DEMO_RECORDS, v) != 0)
		return -1;
	fprintf(out, "records:");
	for (i = 0; i < DEMO_RECORDS; i++) {
		fprintf(out, " %ld", v[i]);
		total += v[i];
	}
	fprintf(out, " (expected %d each)\n",
		DEMO_WORKERS * DEMO_ROUNDS / DEMO_RECORDS);
	fprintf(out, "total read under a shared lock of the whole file: %ld\n",
		total);
	return total == DEMO_WORKERS * DEMO_ROUNDS ? 0 : -1;
}

/* The parent holds record 0 in the middle of its own read-modify-write
 * while a worker asks to add to the same record: the worker must wait,
 * and both increments must land. */
static int demo_handoff(FILE *out, const char *path, int fd)
{
	int ready[2], done[2], status;
	long v, after;
	char c;
	pid_t pid;

	if (ref_lock_range(fd, F_WRLCK, 0, REF_LOCK_RECORD) != 0)
		return -1;
	if (record_get(fd, 0, &v) != 0)
		return -1;
	fprintf(out, "parent: locked record 0 and read %ld\n", v);
	if (pipe(ready) != 0)
		return -1;
	if (pipe(done) != 0) {
		close(ready[0]);
		close(ready[1]);
		return -1;
	}
	fflush(out);
	pid = fork();
	if (pid < 0) {
		close(ready[0]);
		close(ready[1]);
		close(done[0]);
		close(done[1]);
		return -1;
	}
	if (pid == 0) {
		/* Its own descriptor: locks are per process anyway, and the
		 * parent's copy stays untouched. */
		int wfd = open(path, O_RDWR);

		close(ready[0]);
		close(done[0]);
		if (wfd < 0 || write(ready[1], "r", 1) != 1)
			_exit(1);
		/* From here on the only thing to wait for is the lock. */
		if (ref_lock_record_add(wfd, 0, 1, NULL) != 0)
			_exit(1);
		_exit(write(done[1], "d", 1) == 1 ? 0 : 1);
	}
	close(ready[1]);
	close(done[1]);
	if (read(ready[0], &c, 1) != 1) {
		close(ready[0]);
		close(done[0]);
		waitpid(pid, &status, 0);
		errno = EPROTO;
		return -1;
	}
	close(ready[0]);
	/* A caller that can see process states (a test harness) checks
	 * here that the worker is asleep, waiting for the lock.  Without
	 * one we go on at once: the outcome must be the same. */
	if (ref_lock_waiting_hook)
		ref_lock_waiting_hook(pid);
	fprintf(out, "worker: asked to add 1 to record 0 and waits for the lock\n");
	/* Finish our own update, then let the worker in. */
	if (record_put(fd, 0, v + 1) != 0 ||
	    ref_lock_unlock_range(fd, 0, REF_LOCK_RECORD) != 0) {
		close(done[0]);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	fprintf(out, "parent: wrote %ld and unlocked\n", v + 1);
	if (read(done[0], &c, 1) != 1 || demo_reap_ok(pid) != 0) {
		close(done[0]);
		waitpid(pid, &status, 0);
		errno = EPROTO;
		return -1;
	}
	close(done[0]);
	if (ref_lock_records_read(fd, 1, &after) != 0)
		return -1;
	fprintf(out, "worker: done; record 0 is %ld (expected %ld: no update lost)\n",
		after, v + 2);
	return after == v + 2 ? 0 : -1;
}

/* A holder locks record 0 and is killed while holding it. */
static int demo_killed_holder(FILE *out, const char *path, int fd)
{
	int ready[2], status;
	long v;
	char c;
	pid_t pid, holder;

	if (pipe(ready) != 0)
		return -1;
	fflush(out);
	pid = fork();
	if (pid < 0) {
		close(ready[0]);
		close(ready[1]);
		return -1;
	}
	if (pid == 0) {
		int hfd = open(path, O_RDWR);

		close(ready[0]);
		if (hfd < 0 || ref_lock_range(hfd, F_WRLCK, 0, REF_LOCK_RECORD) != 0)
			_exit(1);
		/* Tell the parent, then wait for the end: SIGKILL. */
		if (write(ready[1], "L", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1) {
		close(ready[0]);
		waitpid(pid, &status, 0);
		errno = EPROTO;
		return -1;
	}
	close(ready[0]);
	fprintf(out, "holder: locked record 0\n");
	fprintf(out, "trylock of record 0 while held: %s\n",
		ref_lock_try_range(fd, F_WRLCK, 0, REF_LOCK_RECORD) == 0 ?
		"got it (wrong)" : errno == EAGAIN ? "EAGAIN" : strerror(errno));
	holder = ref_lock_holder(fd, 0, REF_LOCK_RECORD);
	fprintf(out, "F_GETLK on record 0: %s\n",
		holder == pid ? "held by the holder process" :
		holder == 0 ? "free (wrong)" : "another holder (wrong)");
	if (ref_lock_record_add(fd, 1, 1, &v) != 0) {
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -1;
	}
	fprintf(out, "record 1 while record 0 is held: updated to %ld\n", v);
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	fprintf(out, "holder: %s\n",
		WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ?
		"killed by SIGKILL while holding record 0" : "ended otherwise (wrong)");
	if (ref_lock_try_range(fd, F_WRLCK, 0, REF_LOCK_RECORD) != 0) {
		fprintf(out, "next locker: record 0 still locked (wrong)\n");
		return -1;
	}
	if (ref_lock_unlock_range(fd, 0, REF_LOCK_RECORD) != 0 ||
	    ref_lock_record_add(fd, 0, 1, &v) != 0)
		return -1;
	fprintf(out, "next locker: got record 0, updated to %ld\n", v);
	return 0;
}

int ref_lock_demo_counter(FILE *out, const char *dir)
{
	char path[4096];
	int fd, rc, err = 0;

	if (strlen(dir) + sizeof "/counters" > sizeof path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(path, dir);
	strcat(path, "/counters");
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd < 0)
		return -1;
	fprintf(out, "file: %d records of %d bytes, each a decimal counter\n",
		DEMO_RECORDS, REF_LOCK_RECORD);
	rc = demo_workers(out, path, fd);
	if (rc == 0)
		rc = demo_handoff(out, path, fd);
	if (rc == 0)
		rc = demo_killed_holder(out, path, fd);
	if (rc != 0)
		err = errno;
	/* Closing the descriptor would release any lock we held; we hold
	 * none now. */
	if (close(fd) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (unlink(path) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (rc == 0)
		fprintf(out, "removed: the file is unlinked\n");
	if (rc != 0)
		errno = err;
	return rc;
}
