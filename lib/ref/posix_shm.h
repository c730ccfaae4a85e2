/* SPDX-License-Identifier: MIT
 * lib/ref/posix_shm.h - reference use of POSIX shared memory with
 * process-shared POSIX semaphores: a bounded ring buffer of fixed-size
 * records between a producer and a consumer process.
 */
#ifndef REF_POSIX_SHM_H
#define REF_POSIX_SHM_H

#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

/* One record moved through the ring. */
struct ref_posix_shm_record {
	uint32_t seq;   /* 0, 1, 2, ... in production order */
	uint32_t value; /* payload */
};

/* The ring as it lies in the shared memory object.  Every field is
 * shared; the semaphores are unnamed and process-shared (pshared 1). */
struct ref_posix_shm_ring {
	sem_t free;     /* counts empty slots: the producer waits on it */
	sem_t used;     /* counts full slots: the consumer waits on it */
	sem_t lock;     /* binary semaphore guarding head and tail */
	sem_t attached; /* posted once by the consumer after it mapped */
	uint32_t slots; /* capacity, fixed at creation */
	uint32_t head;  /* next slot to fill (producer side) */
	uint32_t tail;  /* next slot to empty (consumer side) */
	int attach_error; /* errno of a consumer that could not map */
	/* Written by the consumer for whoever reaps it. */
	uint32_t received;
	uint32_t received_sum;
	uint32_t out_of_order;
	struct ref_posix_shm_record rec[]; /* `slots` entries */
};

/* Bytes of a ring with `slots` slots (the object's size). */
size_t ref_posix_shm_ring_size(uint32_t slots);

/* Create the object `name` (O_CREAT|O_EXCL, mode 0600), size it, map it
 * MAP_SHARED and initialise the ring.  The descriptor is closed: the
 * mapping keeps the object alive.  NULL with errno on failure (nothing
 * is left behind: the name is unlinked again). */
struct ref_posix_shm_ring *ref_posix_shm_ring_create(const char *name,
						     uint32_t slots);
/* Map an existing ring by name (O_RDWR); its size comes from fstat().
 * NULL with errno on failure. */
struct ref_posix_shm_ring *ref_posix_shm_ring_attach(const char *name);
/* Unmap a ring this process created or attached. */
int ref_posix_shm_ring_detach(struct ref_posix_shm_ring *ring);
/* Destroy the semaphores (no process may use them any more) and unmap. */
int ref_posix_shm_ring_destroy(struct ref_posix_shm_ring *ring);

/* Append one record, waiting for a free slot until abs_timeout
 * (CLOCK_REALTIME; NULL waits for ever).  0, or -1 with errno
 * (ETIMEDOUT). */
int ref_posix_shm_ring_put(struct ref_posix_shm_ring *ring,
			   const struct ref_posix_shm_record *r,
			   const struct timespec *abs_timeout);
/* Remove the oldest record, waiting for one as above. */
int ref_posix_shm_ring_get(struct ref_posix_shm_ring *ring,
			   struct ref_posix_shm_record *r,
			   const struct timespec *abs_timeout);

/* FNV-1a (32 bit) of a record's value, chained through `sum`; start with
 * REF_POSIX_SHM_SUM_INIT.  Independent of byte order. */
#define REF_POSIX_SHM_SUM_INIT 2166136261u
uint32_t ref_posix_shm_sum(uint32_t sum, const struct ref_posix_shm_record *r);

/* Runs the ring end to end: this process creates the ring under `name`
 * (NULL: a name made from the pid) and produces a fixed sequence of
 * records; a forked consumer maps the ring by name, after which the name
 * is unlinked, and consumes them, checking order and checksum.  Writes a
 * deterministic transcript to out; returns 0 on success, -1 on failure. */
int ref_posix_shm_demo_ring(FILE *out, const char *name);

#endif /* REF_POSIX_SHM_H */
