/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/sysv_shm.h - small helpers shared by the sysv_shm case files.
 *
 * Included after ipct.h.  Setup helpers fail through IPCT_BROKEN (a broken
 * setup, not the behaviour under test); the behaviour itself is checked in
 * the case with CHECK_*.
 */
#ifndef CASES_SYSV_SHM_SYSV_SHM_H
#define CASES_SYSV_SHM_SYSV_SHM_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

/* shmat()'s failure value. */
#define SYSV_SHM_FAILED ((void *)-1)

/* Skip a case whose shmat() behaviour valgrind replaces: it picks the
 * attach address itself (after an IPC_STAT of the segment) and passes
 * that to the kernel, so a NULL shmaddr or a missing read permission
 * does not reach the kernel as the case made it. */
static inline void sysv_shm_skip_under_valgrind(const char *why)
{
	if (ipct_under_valgrind())
		ipct_skip("under valgrind, which emulates shmat(): %s", why);
}

/* Setup: attach that must work. */
static inline void *sysv_shm_xat(int id, const void *addr, int flags)
{
	void *p = shmat(id, addr, flags);

	if (p == SYSV_SHM_FAILED)
		IPCT_BROKEN("shmat(%d, %p, %#x): %s", id, addr, (unsigned)flags,
			    ipct_errname(errno));
	return p;
}

/* Setup: detach that must work. */
static inline void sysv_shm_xdt(const void *addr)
{
	if (shmdt(addr) != 0)
		IPCT_BROKEN("shmdt(%p): %s", addr, ipct_errname(errno));
}

/* IPC_STAT into *ds; returns shmctl's value. */
static inline int sysv_shm_stat(int id, struct shmid_ds *ds)
{
	memset(ds, 0, sizeof *ds);
	return shmctl(id, IPC_STAT, ds);
}

/* Setup: IPC_STAT that must work. */
static inline void sysv_shm_xstat(int id, struct shmid_ds *ds)
{
	if (sysv_shm_stat(id, ds) != 0)
		IPCT_BROKEN("shmctl(%d, IPC_STAT): %s", id, ipct_errname(errno));
}

/* The number of attachments (setup read of shm_nattch). */
static inline long sysv_shm_xnattch(int id)
{
	struct shmid_ds ds;

	sysv_shm_xstat(id, &ds);
	return (long)ds.shm_nattch;
}

#endif /* CASES_SYSV_SHM_SYSV_SHM_H */
