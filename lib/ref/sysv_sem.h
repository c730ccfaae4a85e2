/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_sem.h - reference use of System V semaphores: one
 * semaphore used as a mutex between processes, with SEM_UNDO so that the
 * kernel releases the lock when a holder dies.
 */
#ifndef REF_SYSV_SEM_H
#define REF_SYSV_SEM_H

#include <stdio.h>

/* Create a private set of nsems (>= 1) semaphores.  Semaphore 0 is the
 * lock, initialised to 1 (unlocked); the others start at 0 for the
 * caller's own use.  Returns the set identifier, -1 with errno. */
int ref_sysv_sem_create(int nsems);
/* Take the lock, waiting as long as needed (resumes after a signal
 * handler ran).  0 on success, -1 with errno (EIDRM: set removed). */
int ref_sysv_sem_lock(int semid);
/* Take the lock only if it is free now: 0 on success, -1 with errno
 * EAGAIN if another process holds it. */
int ref_sysv_sem_trylock(int semid);
/* Release the lock taken by this process.  0, or -1 with errno. */
int ref_sysv_sem_unlock(int semid);
/* Remove the set (IPC_RMID).  0, or -1 with errno. */
int ref_sysv_sem_destroy(int semid);

/* Called with the set's identifier right after the demo creates it (NULL
 * by default).  A test harness can journal the set with it. */
extern void (*ref_sysv_sem_created_hook)(int semid);

/* Runs the mutex end to end: worker processes add to a shared counter
 * under the lock, then one process is killed while it holds the lock and
 * the next locker still gets in.  The shared counter is the set's second
 * semaphore, read with GETVAL and written with SETVAL: a read-modify-write
 * that is only correct under the lock.  Writes a deterministic transcript to
 * out; returns 0 on success, -1 on failure (errno set where a call
 * failed). */
int ref_sysv_sem_demo_mutex(FILE *out);

#endif /* REF_SYSV_SEM_H */
