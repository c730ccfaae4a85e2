/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_shm.h - reference use of System V shared memory: a ring
 * buffer of fixed-size slots in a segment, guarded by a System V
 * semaphore set (counting "empty" and "full" semaphores and a mutex),
 * between producer and consumer processes.
 */
#ifndef REF_SYSV_SHM_H
#define REF_SYSV_SHM_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

struct ref_sysv_shm_ring_hdr; /* lives at the start of the segment */

/* One process's handle on a ring.  A fork child inherits the attachment
 * and may use the same handle. */
struct ref_sysv_shm_ring {
	int shmid;
	int semid;
	struct ref_sysv_shm_ring_hdr *hdr;
};

/* Create a ring of nslots slots holding records of up to rec_max bytes:
 * one private segment (attached here) and one private set of three
 * semaphores.  0 on success, -1 with errno (nothing left behind). */
int ref_sysv_shm_ring_create(struct ref_sysv_shm_ring *r, unsigned nslots,
			     size_t rec_max);
/* Append a record of len bytes (len <= rec_max), waiting while the ring
 * is full.  0, or -1 with errno (EMSGSIZE: too long; EIDRM: removed). */
int ref_sysv_shm_ring_put(struct ref_sysv_shm_ring *r, const void *rec,
			  size_t len);
/* Take the oldest record into buf (cap bytes), waiting while the ring is
 * empty.  Returns its length, or -1 with errno (EMSGSIZE: buf too small,
 * the record stays). */
ssize_t ref_sysv_shm_ring_get(struct ref_sysv_shm_ring *r, void *buf,
			      size_t cap);
/* Detach and remove both objects (IPC_RMID).  0, or -1 with errno. */
int ref_sysv_shm_ring_destroy(struct ref_sysv_shm_ring *r);

/* Called with the identifiers right after the demo creates them (NULL by
 * default).  A test harness can journal them with it. */
extern void (*ref_sysv_shm_created_hook)(int shmid, int semid);

/* Runs the ring end to end: a producer process sends a fixed sequence of
 * variable-length records through a 4-slot ring (wrapping several times)
 * followed by an empty end record; the consumer prints the count, bytes
 * and a checksum of what it received.  Writes a deterministic transcript
 * to out; returns 0 on success, -1 on failure. */
int ref_sysv_shm_demo_ring(FILE *out);

#endif /* REF_SYSV_SHM_H */
