/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_shm.c - a bounded ring buffer in System V shared memory.
 *
 * The segment holds a small header (geometry and the head/tail indexes)
 * followed by nslots slots of (length, bytes).  Three semaphores guard
 * it, the classic producer/consumer arrangement:
 *   EMPTY  counts free slots   (starts at nslots)
 *   FULL   counts used slots   (starts at 0)
 *   MUTEX  guards head/tail    (starts at 1)
 *
 * Points worth copying:
 * - Shared memory has no synchronisation of its own: every access to the
 *   indexes and slots happens between semaphore operations, which order
 *   the memory accesses of the processes involved.
 * - Waiting for a slot and taking the mutex is ONE semop() with two
 *   operations: System V applies an array all or nothing, so a process
 *   never holds the mutex while it waits for a slot (no deadlock).
 *   Releasing is one semop() too.
 * - The mutex uses SEM_UNDO, so a process that dies inside the critical
 *   section does not leave it locked; the counting semaphores do not,
 *   since their changes must survive the process that made them.
 * - semop() is not restarted after a signal handler runs: loop on EINTR.
 * - The semaphores get their initial values (SETALL) before any other
 *   process knows the identifiers, so nobody sees them uninitialised.
 * - Only offsets are stored in the segment, never pointers: each process
 *   may attach it at a different address.
 * - Cleanup: shmdt() and IPC_RMID the segment (it goes away once the
 *   last process detaches) and IPC_RMID the semaphore set.  Both
 *   outlive every process otherwise.
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_shm.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

void (*ref_sysv_shm_created_hook)(int shmid, int semid);

enum { SEM_EMPTY, SEM_FULL, SEM_MUTEX, SEM_COUNT };

struct ref_sysv_shm_ring_hdr {
	unsigned nslots;
	size_t rec_max;
	size_t slot_size; /* bytes per slot: a size_t length, then the data */
	unsigned head;    /* next slot to fill (producers, under MUTEX) */
	unsigned tail;    /* next slot to drain (consumers, under MUTEX) */
};

/* The caller defines semctl's fourth argument (POSIX). */
union ref_semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

/* Slot i, as an offset from this process's attach address. */
static unsigned char *slot(struct ref_sysv_shm_ring *r, unsigned i)
{
	return (unsigned char *)(r->hdr + 1) + (size_t)i * r->hdr->slot_size;
}

/* Two operations applied together, resumed after a signal handler. */
static int sem_pair(int semid, unsigned short a, short aop, unsigned short b,
		    short bop)
{
	struct sembuf ops[2];

	ops[0].sem_num = a;
	ops[0].sem_op = aop;
	ops[0].sem_flg = a == SEM_MUTEX ? SEM_UNDO : 0;
	ops[1].sem_num = b;
	ops[1].sem_op = bop;
	ops[1].sem_flg = b == SEM_MUTEX ? SEM_UNDO : 0;
	while (semop(semid, ops, 2) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int ref_sysv_shm_ring_create(struct ref_sysv_shm_ring *r, unsigned nslots,
			     size_t rec_max)
{
	unsigned short init[SEM_COUNT];
	union ref_semun arg;
	size_t slot_size, size;
	void *p;
	int err;

	if (nslots == 0 || nslots > 32767 || rec_max == 0) {
		errno = EINVAL;
		return -1;
	}
	/* Keep every slot aligned for its size_t length. */
	slot_size = sizeof(size_t) + rec_max;
	slot_size = (slot_size + sizeof(size_t) - 1) / sizeof(size_t) *
		    sizeof(size_t);
	size = sizeof(struct ref_sysv_shm_ring_hdr) + nslots * slot_size;

	r->shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600);
	if (r->shmid < 0)
		return -1;
	r->semid = semget(IPC_PRIVATE, SEM_COUNT, IPC_CREAT | 0600);
	if (r->semid < 0)
		goto fail_shm;
	init[SEM_EMPTY] = (unsigned short)nslots;
	init[SEM_FULL] = 0;
	init[SEM_MUTEX] = 1;
	arg.array = init;
	if (semctl(r->semid, 0, SETALL, arg) != 0)
		goto fail_sem;
	p = shmat(r->shmid, NULL, 0);
	if (p == (void *)-1)
		goto fail_sem;
	/* A new segment reads as zeros; fill in the geometry. */
	r->hdr = p;
	r->hdr->nslots = nslots;
	r->hdr->rec_max = rec_max;
	r->hdr->slot_size = slot_size;
	return 0;

fail_sem:
	err = errno;
	semctl(r->semid, 0, IPC_RMID);
	errno = err;
fail_shm:
	err = errno;
	shmctl(r->shmid, IPC_RMID, NULL);
	errno = err;
	return -1;
}

int ref_sysv_shm_ring_put(struct ref_sysv_shm_ring *r, const void *rec,
			  size_t len)
{
	unsigned char *s;

	if (len > r->hdr->rec_max) {
		errno = EMSGSIZE;
		return -1;
	}
	/* Wait for a free slot and take the mutex, together. */
	if (sem_pair(r->semid, SEM_EMPTY, -1, SEM_MUTEX, -1) != 0)
		return -1;
	s = slot(r, r->hdr->head);
	memcpy(s, &len, sizeof len);
	if (len)
		memcpy(s + sizeof len, rec, len);
	r->hdr->head = (r->hdr->head + 1) % r->hdr->nslots;
	/* Release the mutex and publish the slot, together. */
	return sem_pair(r->semid, SEM_MUTEX, 1, SEM_FULL, 1);
}

ssize_t ref_sysv_shm_ring_get(struct ref_sysv_shm_ring *r, void *buf,
			      size_t cap)
{
	unsigned char *s;
	size_t len;

	if (sem_pair(r->semid, SEM_FULL, -1, SEM_MUTEX, -1) != 0)
		return -1;
	s = slot(r, r->hdr->tail);
	memcpy(&len, s, sizeof len);
	if (len > cap) {
		/* Put things back as they were: the record stays. */
		if (sem_pair(r->semid, SEM_MUTEX, 1, SEM_FULL, 1) != 0)
			return -1;
		errno = EMSGSIZE;
		return -1;
	}
	if (len)
		memcpy(buf, s + sizeof len, len);
	r->hdr->tail = (r->hdr->tail + 1) % r->hdr->nslots;
	if (sem_pair(r->semid, SEM_MUTEX, 1, SEM_EMPTY, 1) != 0)
		return -1;
	return (ssize_t)len;
}

int ref_sysv_shm_ring_destroy(struct ref_sysv_shm_ring *r)
{
	int rc = 0, err = 0;

	if (r->hdr && shmdt(r->hdr) != 0) {
		err = errno;
		rc = -1;
	}
	r->hdr = NULL;
	if (shmctl(r->shmid, IPC_RMID, NULL) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (semctl(r->semid, 0, IPC_RMID) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (rc != 0)
		errno = err;
	return rc;
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_SLOTS 4
#define DEMO_REC_MAX 40
#define DEMO_RECORDS 30

static const char *const demo_words[] = {
	"alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
};
#define DEMO_NWORDS (sizeof demo_words / sizeof demo_words[0])

/* Record i of the fixed sequence: "NN:" and 1 to 4 words, so the lengths
 * vary.  Returns its length. */
static size_t demo_record(unsigned i, char *buf, size_t cap)
{
	size_t len;
	unsigned w, nwords = 1 + i % 4;
	int n;

	n = snprintf(buf, cap, "%02u:", i);
	len = n > 0 ? (size_t)n : 0;
	for (w = 0; w < nwords && len < cap; w++) {
		n = snprintf(buf + len, cap - len, "%s%s", w ? "-" : "",
			     demo_words[(i + w) % DEMO_NWORDS]);
		if (n < 0 || (size_t)n >= cap - len)
			break;
		len += (size_t)n;
	}
	return len;
}

/* FNV-1a, 32 bits, continued over several buffers. */
static uint32_t demo_fnv(uint32_t h, const void *p, size_t len)
{
	const unsigned char *c = p;

	while (len--) {
		h ^= *c++;
		h *= 16777619u;
	}
	return h;
}

static void demo_producer(struct ref_sysv_shm_ring *r)
{
	char rec[DEMO_REC_MAX + 1];
	unsigned i;

	for (i = 0; i < DEMO_RECORDS; i++) {
		size_t len = demo_record(i, rec, sizeof rec);

		if (ref_sysv_shm_ring_put(r, rec, len) != 0)
			_exit(1);
	}
	/* The empty record ends the stream. */
	if (ref_sysv_shm_ring_put(r, "", 0) != 0)
		_exit(1);
	_exit(0);
}

static int demo_consume(FILE *out, struct ref_sysv_shm_ring *r)
{
	char rec[DEMO_REC_MAX + 1], want[DEMO_REC_MAX + 1];
	uint32_t sum = 2166136261u, want_sum = 2166136261u;
	unsigned count = 0, i;
	size_t bytes = 0;
	ssize_t n;
	int end = 0;

	/* Bounded: a broken ring must not keep the consumer reading. */
	while (count <= DEMO_RECORDS) {
		n = ref_sysv_shm_ring_get(r, rec, DEMO_REC_MAX);
		if (n < 0)
			return -1;
		if (n == 0) {
			end = 1;
			break;
		}
		rec[n] = '\0';
		if (count == 0 || count == DEMO_RECORDS - 1)
			fprintf(out, "%s record: %s\n",
				count == 0 ? "first" : "last", rec);
		sum = demo_fnv(sum, rec, (size_t)n);
		bytes += (size_t)n;
		count++;
	}
	for (i = 0; i < DEMO_RECORDS; i++) {
		size_t len = demo_record(i, want, sizeof want);

		want_sum = demo_fnv(want_sum, want, len);
	}
	fprintf(out, "received: %u records, %zu bytes, %s\n", count, bytes,
		end ? "end record seen" : "NO end record");
	fprintf(out, "checksum: %08lx (sent %08lx) %s\n", (unsigned long)sum,
		(unsigned long)want_sum,
		sum == want_sum && count == DEMO_RECORDS ? "match" : "MISMATCH");
	if (!end || sum != want_sum || count != DEMO_RECORDS) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}

int ref_sysv_shm_demo_ring(FILE *out)
{
	struct ref_sysv_shm_ring r;
	int rc, err = 0, status;
	pid_t pid;

	if (ref_sysv_shm_ring_create(&r, DEMO_SLOTS, DEMO_REC_MAX) != 0)
		return -1;
	if (ref_sysv_shm_created_hook)
		ref_sysv_shm_created_hook(r.shmid, r.semid);
	fprintf(out, "ring: %u slots of up to %d bytes; semaphores EMPTY=%u FULL=0 MUTEX=1\n",
		DEMO_SLOTS, DEMO_REC_MAX, DEMO_SLOTS);
	fprintf(out, "producer: %d records then an empty end record (%d passes over the ring)\n",
		DEMO_RECORDS, (DEMO_RECORDS + 1 + DEMO_SLOTS - 1) / DEMO_SLOTS);
	fflush(out);
	pid = fork();
	if (pid < 0) {
		err = errno;
		ref_sysv_shm_ring_destroy(&r);
		errno = err;
		return -1;
	}
	if (pid == 0)
		demo_producer(&r); /* uses the inherited attachment */
	rc = demo_consume(out, &r);
	if (rc != 0) {
		err = errno;
		/* Removing the set wakes a producer blocked on it (EIDRM). */
		semctl(r.semid, 0, IPC_RMID);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (rc == 0) {
		int ok = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;

		fprintf(out, "producer: %s\n", ok ? "exited 0" : "failed");
		if (!ok) {
			rc = -1;
			err = EPROTO;
		}
	}
	if (ref_sysv_shm_ring_destroy(&r) != 0 && rc == 0) {
		err = errno;
		rc = -1;
	}
	if (rc == 0)
		fprintf(out, "removed: segment and semaphore set (IPC_RMID)\n");
	if (rc != 0)
		errno = err;
	return rc;
}
