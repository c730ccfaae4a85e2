/* SPDX-License-Identifier: MIT
 * util.c - small helpers that more than one family of cases needs: the
 * page size, a limit read from /proc, a deadline on a clock, a handler
 * that does nothing, journaling an id a call under test created, and the
 * permission bits of a System V object.  Each exists once, here; a family
 * header never copies one.
 */
#define _GNU_SOURCE
#include "ipct.h"

#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

size_t ipct_xpagesize_at(const char *file, int line)
{
	long p = sysconf(_SC_PAGESIZE);

	if (p <= 0)
		ipct_broken(file, line, "sysconf(_SC_PAGESIZE): %s",
			    ipct_errname(errno));
	return (size_t)p;
}

unsigned long long ipct_need_limit(const char *path, int field)
{
	unsigned long long v = 0;
	FILE *f = fopen(path, "r");
	int i;

	if (!f)
		ipct_skip("cannot read %s (the limit under test)", path);
	for (i = 0; i <= field; i++)
		if (fscanf(f, "%llu", &v) != 1) {
			fclose(f);
			ipct_skip("cannot parse field %d of %s (the limit under test)",
				  field, path);
		}
	fclose(f);
	return v;
}

struct timespec ipct_xdeadline_at(clockid_t clock, long ms, const char *file,
				  int line)
{
	struct timespec ts;

	if (clock_gettime(clock, &ts) != 0)
		ipct_broken(file, line, "clock_gettime(%ld): %s", (long)clock,
			    ipct_errname(errno));
	ts.tv_sec += ms / 1000;
	ts.tv_nsec += (ms % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	} else if (ts.tv_nsec < 0) {
		ts.tv_sec--;
		ts.tv_nsec += 1000000000L;
	}
	return ts;
}

int ipct_xclock_reached_at(clockid_t clock, const struct timespec *tp,
			   const char *file, int line)
{
	struct timespec now;

	if (clock_gettime(clock, &now) != 0)
		ipct_broken(file, line, "clock_gettime(%ld): %s", (long)clock,
			    ipct_errname(errno));
	return now.tv_sec > tp->tv_sec ||
	       (now.tv_sec == tp->tv_sec && now.tv_nsec >= tp->tv_nsec);
}

void ipct_noop_handler(int sig)
{
	(void)sig;
}

int ipct_tracked_id(enum ipct_kind kind, int id)
{
	int err = errno;

	if (id >= 0)
		ipct_track_id(kind, id);
	errno = err;
	return id;
}

/* POSIX: the caller declares semctl()'s fourth argument. */
union ipct_semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

void ipct_xsysv_setmode_at(enum ipct_kind kind, int id, unsigned mode,
			   unsigned long msg_qbytes, const char *file, int line)
{
	int r;

	/* No IPC_STAT first: the owner may not be allowed to read the object
	 * (mode 0200), and IPC_SET needs only ownership.  uid and gid stay
	 * the caller's. */
	switch (kind) {
	case IPCT_SYSV_MSG: {
		struct msqid_ds ds;

		memset(&ds, 0, sizeof ds);
		ds.msg_perm.uid = geteuid();
		ds.msg_perm.gid = getegid();
		ds.msg_perm.mode = (unsigned short)mode;
		ds.msg_qbytes = (msglen_t)msg_qbytes;
		r = msgctl(id, IPC_SET, &ds);
		break;
	}
	case IPCT_SYSV_SEM: {
		struct semid_ds ds;
		union ipct_semun u;

		memset(&ds, 0, sizeof ds);
		ds.sem_perm.uid = geteuid();
		ds.sem_perm.gid = getegid();
		ds.sem_perm.mode = (unsigned short)mode;
		u.buf = &ds;
		r = semctl(id, 0, IPC_SET, u);
		break;
	}
	case IPCT_SYSV_SHM: {
		struct shmid_ds ds;

		memset(&ds, 0, sizeof ds);
		ds.shm_perm.uid = geteuid();
		ds.shm_perm.gid = getegid();
		ds.shm_perm.mode = (unsigned short)mode;
		r = shmctl(id, IPC_SET, &ds);
		break;
	}
	default:
		ipct_broken(file, line, "ipct_xsysv_setmode: kind %d is not a System V object",
			    (int)kind);
	}
	if (r != 0)
		ipct_broken(file, line, "%s(%d, IPC_SET mode %o): %s",
			    kind == IPCT_SYSV_MSG ? "msgctl" :
			    kind == IPCT_SYSV_SEM ? "semctl" : "shmctl",
			    id, mode, ipct_errname(errno));
}
