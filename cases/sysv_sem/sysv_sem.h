/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/sysv_sem.h - small helpers shared by the sysv_sem case files.
 *
 * Included after ipct.h.  Setup helpers fail through IPCT_BROKEN (a broken
 * setup, not the behaviour under test); the behaviour itself is checked in
 * the case with CHECK_*.
 */
#ifndef CASES_SYSV_SEM_SYSV_SEM_H
#define CASES_SYSV_SEM_SYSV_SEM_H

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

/* POSIX: the caller declares the fourth argument of semctl(). */
union semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

/* semctl() wrappers with the union built in, returning semctl's value. */
static inline int sysv_sem_getval(int id, int num)
{
	return semctl(id, num, GETVAL);
}

static inline int sysv_sem_setval(int id, int num, int val)
{
	union semun u;

	u.val = val;
	return semctl(id, num, SETVAL, u);
}

static inline int sysv_sem_stat(int id, struct semid_ds *ds)
{
	union semun u;

	memset(ds, 0, sizeof *ds);
	u.buf = ds;
	return semctl(id, 0, IPC_STAT, u);
}

/* Setup: SETVAL that must work. */
static inline void sysv_sem_xsetval(int id, int num, int val)
{
	if (sysv_sem_setval(id, num, val) != 0)
		IPCT_BROKEN("semctl(%d, %d, SETVAL, %d): %s", id, num, val,
			    ipct_errname(errno));
}

/* Setup: IPC_STAT that must work. */
static inline void sysv_sem_xstat(int id, struct semid_ds *ds)
{
	if (sysv_sem_stat(id, ds) != 0)
		IPCT_BROKEN("semctl(%d, IPC_STAT): %s", id, ipct_errname(errno));
}

/* One semop() of a single operation. */
static inline int sysv_sem_op1(int id, unsigned short num, short op, short flg)
{
	struct sembuf sb;

	sb.sem_num = num;
	sb.sem_op = op;
	sb.sem_flg = flg;
	return semop(id, &sb, 1);
}

/* Setup: a single operation that must succeed without waiting. */
static inline void sysv_sem_xop1(int id, unsigned short num, short op, short flg)
{
	if (sysv_sem_op1(id, num, op, (short)(flg | IPC_NOWAIT)) != 0)
		IPCT_BROKEN("semop(%d, num %u, op %d): %s", id, num, op,
			    ipct_errname(errno));
}

/* SEMVMX, the largest value SETVAL accepts, found by bisection on
 * semaphore `num` of `id` (SETVAL fails with ERANGE above it).  Leaves the
 * semaphore at 0. */
static inline int sysv_sem_xfind_semvmx(int id, int num)
{
	long lo = 1, hi = INT_MAX; /* lo accepted; answer in [lo, hi] */

	if (sysv_sem_setval(id, num, 1) != 0)
		IPCT_BROKEN("semctl(SETVAL 1): %s", ipct_errname(errno));
	while (lo < hi) {
		long mid = lo + (hi - lo + 1) / 2;

		if (sysv_sem_setval(id, num, (int)mid) == 0)
			lo = mid;
		else if (errno == ERANGE)
			hi = mid - 1;
		else
			IPCT_BROKEN("semctl(SETVAL %ld): %s", mid,
				    ipct_errname(errno));
	}
	sysv_sem_xsetval(id, num, 0);
	return (int)lo;
}

/* A semop() run by a blocker child. */
struct sysv_sem_call {
	int id;
	struct sembuf ops[4];
	size_t nops;
};

static inline long sysv_sem_blocking_op(void *arg)
{
	struct sysv_sem_call *c = arg;

	return semop(c->id, c->ops, c->nops);
}

/* Fill a one-operation call. */
static inline void sysv_sem_call1(struct sysv_sem_call *c, int id, unsigned short num,
			     short op, short flg)
{
	memset(c, 0, sizeof *c);
	c->id = id;
	c->ops[0].sem_num = num;
	c->ops[0].sem_op = op;
	c->ops[0].sem_flg = flg;
	c->nops = 1;
}

#endif /* CASES_SYSV_SEM_SYSV_SEM_H */
