/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_sem.c - a System V semaphore as a cross-process mutex.
 *
 * The semaphore holds 1 when the lock is free and 0 when it is held.
 * Locking is semop(-1) and unlocking semop(+1), both with SEM_UNDO: the
 * kernel keeps, per process, the sum of that process's SEM_UNDO
 * operations (semadj) and applies its opposite when the process ends,
 * however it ends.  A holder killed by SIGKILL therefore gives the lock
 * back, which is what a process-shared pthread mutex cannot do without
 * the robust-mutex protocol.
 *
 * Points worth copying:
 * - semop() is never restarted after a signal handler ran (it fails with
 *   EINTR even under SA_RESTART on Linux), so the lock call loops.
 * - The set is created with IPC_PRIVATE and mode 0600, and initialised
 *   with SETVAL before any other process can use it (the creator's
 *   children learn the id only after this).  With a key instead, a second
 *   process could semop() between semget() and SETVAL; keyed sets need
 *   a handshake (for example waiting until sem_otime is non-zero).
 * - Unlock with SEM_UNDO too: the +1 cancels the -1 in semadj, so a
 *   process that unlocked owes nothing at exit.
 * - Whoever created the set removes it with IPC_RMID: System V objects
 *   outlive their processes.
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_sem.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

void (*ref_sysv_sem_created_hook)(int semid);

/* The caller defines semctl's fourth argument (POSIX). */
union ref_semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

int ref_sysv_sem_create(int nsems)
{
	union ref_semun arg;
	int id, err;

	id = semget(IPC_PRIVATE, nsems, IPC_CREAT | 0600);
	if (id < 0)
		return -1;
	arg.val = 1;
	if (semctl(id, 0, SETVAL, arg) != 0) {
		err = errno;
		semctl(id, 0, IPC_RMID);
		errno = err;
		return -1;
	}
	return id;
}

static int sem_change(int semid, short delta, short flags)
{
	struct sembuf op;

	op.sem_num = 0;
	op.sem_op = delta;
	op.sem_flg = (short)(SEM_UNDO | flags);
	for (;;) {
		if (semop(semid, &op, 1) == 0)
			return 0;
		if (errno != EINTR)
			return -1;
	}
}

int ref_sysv_sem_lock(int semid)
{
	return sem_change(semid, -1, 0);
}

int ref_sysv_sem_trylock(int semid)
{
	return sem_change(semid, -1, IPC_NOWAIT);
}

int ref_sysv_sem_unlock(int semid)
{
	return sem_change(semid, 1, 0);
}

int ref_sysv_sem_destroy(int semid)
{
	return semctl(semid, 0, IPC_RMID);
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_WORKERS 4
#define DEMO_ROUNDS 1000
#define DEMO_COUNTER 1 /* the counter's semaphore number */

static int counter_get(int semid)
{
	return semctl(semid, DEMO_COUNTER, GETVAL);
}

static int counter_set(int semid, int v)
{
	union ref_semun arg;

	arg.val = v;
	return semctl(semid, DEMO_COUNTER, SETVAL, arg);
}

/* A worker: DEMO_ROUNDS read-then-write increments of the counter, each
 * under the lock.  GETVAL and SETVAL are two system calls, so without the
 * lock workers running at once would lose updates.  Nothing here gives
 * the processor away while holding the lock: a holder that yields on a
 * loaded machine waits out other processes' time slices with everyone
 * queued behind it. */
static void demo_worker(int semid, int gate[2])
{
	char c;
	int i;

	/* Start together with the others: the gate opens (end of file) when
	 * the parent has forked every worker and closed its write end. */
	close(gate[1]);
	if (read(gate[0], &c, 1) != 0)
		_exit(1);
	close(gate[0]);
	for (i = 0; i < DEMO_ROUNDS; i++) {
		int v;

		if (ref_sysv_sem_lock(semid) != 0)
			_exit(1);
		v = counter_get(semid);
		if (v < 0 || counter_set(semid, v + 1) != 0)
			_exit(1);
		if (ref_sysv_sem_unlock(semid) != 0)
			_exit(1);
	}
	_exit(0);
}

/* Reap pid; 0 if it exited 0. */
static int demo_reap_ok(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static int demo_workers(FILE *out, int semid)
{
	pid_t pids[DEMO_WORKERS];
	int i, n = 0, rc = 0, err = 0, gate[2];

	fprintf(out, "workers: %d processes x %d increments under the lock\n",
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
			demo_worker(semid, gate);
		n++;
	}
	/* Open the gate (or, after a failed fork, let the started ones end:
	 * they run their rounds and are reaped below). */
	close(gate[1]);
	close(gate[0]);
	for (i = 0; i < n; i++)
		if (demo_reap_ok(pids[i]) != 0)
			rc = -1;
	if (rc != 0) {
		errno = err ? err : EPROTO;
		return -1;
	}
	fprintf(out, "counter: %d (expected %d)\n", counter_get(semid),
		DEMO_WORKERS * DEMO_ROUNDS);
	return counter_get(semid) == DEMO_WORKERS * DEMO_ROUNDS ? 0 : -1;
}

/* One process takes the lock and is killed while holding it; the lock
 * must be free again afterwards. */
static int demo_killed_holder(FILE *out, int semid)
{
	int ready[2], hold[2], status, err;
	char c;
	pid_t pid;

	if (pipe(ready) != 0)
		return -1;
	if (pipe(hold) != 0) {
		err = errno;
		close(ready[0]);
		close(ready[1]);
		errno = err;
		return -1;
	}
	fflush(out);
	pid = fork();
	if (pid < 0) {
		err = errno;
		close(ready[0]);
		close(ready[1]);
		close(hold[0]);
		close(hold[1]);
		errno = err;
		return -1;
	}
	if (pid == 0) {
		close(ready[0]);
		close(hold[1]);
		if (ref_sysv_sem_lock(semid) != 0 ||
		    counter_set(semid, counter_get(semid) + 1) != 0)
			_exit(1);
		/* Tell the parent we hold it, then wait for an end that never
		 * comes: the parent keeps hold[1] open and kills us. */
		if (write(ready[1], "L", 1) != 1)
			_exit(1);
		(void)read(hold[0], &c, 1);
		_exit(1);
	}
	close(ready[1]);
	close(hold[0]);
	if (read(ready[0], &c, 1) != 1) {
		close(ready[0]);
		close(hold[1]);
		waitpid(pid, &status, 0);
		errno = EPROTO;
		return -1;
	}
	close(ready[0]);
	fprintf(out, "holder: took the lock, counter %d\n", counter_get(semid));
	fprintf(out, "trylock while held: %s\n",
		ref_sysv_sem_trylock(semid) == 0 ? "got it (wrong)" :
		errno == EAGAIN ? "EAGAIN" : strerror(errno));
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			close(hold[1]);
			return -1;
		}
	close(hold[1]);
	fprintf(out, "holder: %s\n",
		WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ?
		"killed by SIGKILL while holding the lock" : "ended otherwise (wrong)");
	/* The kernel applied the holder's semadj (+1): the lock is free. */
	fprintf(out, "semaphore value after the holder died: %d\n",
		semctl(semid, 0, GETVAL));
	if (ref_sysv_sem_trylock(semid) != 0) {
		fprintf(out, "next locker: lock still held (wrong)\n");
		return -1;
	}
	if (counter_set(semid, counter_get(semid) + 1) != 0)
		return -1;
	fprintf(out, "next locker: got the lock, counter %d\n", counter_get(semid));
	return ref_sysv_sem_unlock(semid);
}

int ref_sysv_sem_demo_mutex(FILE *out)
{
	int semid, rc, err = 0;

	/* Semaphore 0 is the lock, semaphore 1 the shared counter. */
	semid = ref_sysv_sem_create(2);
	if (semid < 0)
		return -1;
	if (ref_sysv_sem_created_hook)
		ref_sysv_sem_created_hook(semid);
	fprintf(out, "mutex: semaphore 0, value 1 = free, SEM_UNDO on lock and unlock\n");
	fprintf(out, "counter: semaphore 1, GETVAL then SETVAL under the lock\n");
	rc = demo_workers(out, semid);
	if (rc == 0)
		rc = demo_killed_holder(out, semid);
	if (rc != 0)
		err = errno;
	if (ref_sysv_sem_destroy(semid) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (rc == 0)
		fprintf(out, "removed: IPC_RMID done\n");
	if (rc != 0)
		errno = err;
	return rc;
}
