/* SPDX-License-Identifier: MIT
 * cases/lock/lock.h - helpers shared by the lock case files.
 *
 * Included after ipct.h.  Every lock file is ipct_path("f") (or another
 * leaf) in the case's private directory, which the runner removes.  A
 * process's own fcntl() locks never conflict with each other, so a case
 * looks at a lock from a second process: usually the case leader sets the
 * locks and a child made with ipct_fork() tests them, or the reverse.
 * Helpers whose name starts with lock_x are setup: they end the case as
 * broken when they fail; the others return what the call returned.
 */
#ifndef CASES_LOCK_LOCK_H
#define CASES_LOCK_LOCK_H

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

/* A struct flock with every member set (l_pid 0, which OFD commands
 * require). */
static inline struct flock lock_fl(int type, int whence, off_t start,
				   off_t len)
{
	struct flock fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = (short)type;
	fl.l_whence = (short)whence;
	fl.l_start = start;
	fl.l_len = len;
	fl.l_pid = 0;
	return fl;
}

/* fcntl(fd, cmd, &fl) for a range given as SEEK_SET start and length. */
static inline int lock_set(int fd, int cmd, int type, off_t start, off_t len)
{
	struct flock fl = lock_fl(type, SEEK_SET, start, len);

	return fcntl(fd, cmd, &fl);
}

/* F_SETLK of a SEEK_SET range: 0, or -1 with errno. */
static inline int lock_setlk(int fd, int type, off_t start, off_t len)
{
	return lock_set(fd, F_SETLK, type, start, len);
}

/* Open (creating 0600) the lock file `leaf` in the private directory with
 * the access mode given (O_RDONLY, O_WRONLY, O_RDWR). */
static inline int lock_xopen_at(const char *leaf, int mode, const char *file,
				int line)
{
	int fd = open(ipct_path(leaf), mode | O_CREAT, 0600);

	if (fd < 0)
		ipct_broken(file, line, "open(%s): %s", leaf, ipct_errname(errno));
	return fd;
}
#define lock_xopen(leaf, mode) lock_xopen_at((leaf), (mode), __FILE__, __LINE__)

/* The lock file "f" opened O_RDWR and sized to `size` bytes. */
static inline int lock_xfile_at(off_t size, const char *file, int line)
{
	int fd = lock_xopen_at("f", O_RDWR, file, line);

	if (ftruncate(fd, size) != 0)
		ipct_broken(file, line, "ftruncate(%ld): %s", (long)size,
			    ipct_errname(errno));
	return fd;
}
#define lock_xfile(size) lock_xfile_at((size), __FILE__, __LINE__)

/* Setup F_SETLK that must work (a lock the case needs in place). */
static inline void lock_xsetlk_at(int fd, int type, off_t start, off_t len,
				  const char *file, int line)
{
	if (lock_setlk(fd, type, start, len) != 0)
		ipct_broken(file, line, "F_SETLK type %d [%ld, +%ld): %s", type,
			    (long)start, (long)len, ipct_errname(errno));
}
#define lock_xsetlk(fd, type, start, len) \
	lock_xsetlk_at((fd), (type), (start), (len), __FILE__, __LINE__)

/* F_GETLK (or F_OFD_GETLK) for a SEEK_SET range; fills *out.  Returns what
 * fcntl() returned. */
static inline int lock_test(int fd, int cmd, int type, off_t start, off_t len,
			    struct flock *out)
{
	*out = lock_fl(type, SEEK_SET, start, len);
	return fcntl(fd, cmd, out);
}

/* Checks (in the calling process) that a conflicting F_SETLK of type on
 * [start, start+len) fails, and leaves nothing locked.  POSIX.1-2024
 * fcntl(), ERRORS: a conflicting F_SETLK fails with [EACCES] or [EAGAIN]
 * (either is allowed, so portable callers test both). */
#define LOCK_CHECK_CONFLICT(fd, type, start, len)                          \
	CHECK_FAILS_ONEOF(lock_setlk((fd), (type), (start), (len)), EACCES, \
			  EAGAIN)

/* A holder child: forks, opens "f" O_RDWR (its own descriptor), takes
 * n SEEK_SET ranges with F_SETLK, posts 1 and waits for 2, then exits
 * (its locks go with it).  lock_holder_end() posts 2 and reaps it. */
struct lock_range {
	int type;
	off_t start, len;
};
struct lock_holder {
	struct ipct_sync s;
	pid_t pid;
};
static inline void lock_xhold_at(struct lock_holder *h,
				 const struct lock_range *r, int n,
				 const char *file, int line)
{
	ipct_sync_init_at(&h->s, file, line);
	h->pid = ipct_fork();
	if (h->pid == 0) {
		int fd = lock_xopen_at("f", O_RDWR, file, line), i;

		for (i = 0; i < n; i++)
			lock_xsetlk_at(fd, r[i].type, r[i].start, r[i].len,
				       file, line);
		ipct_post_at(&h->s, 1, file, line);
		ipct_sync_wait_at(&h->s, 2, file, line);
		ipct_child_exit();
	}
	ipct_sync_wait_at(&h->s, 1, file, line);
}
#define lock_xhold(h, r, n) lock_xhold_at((h), (r), (n), __FILE__, __LINE__)
static inline void lock_holder_end_at(struct lock_holder *h, const char *file,
				      int line)
{
	ipct_post_at(&h->s, 2, file, line);
	ipct_wait_ok_at(h->pid, file, line);
}
#define lock_holder_end(h) lock_holder_end_at((h), __FILE__, __LINE__)

#endif /* CASES_LOCK_LOCK_H */
