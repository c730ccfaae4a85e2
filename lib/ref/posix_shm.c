/* SPDX-License-Identifier: MIT
 * lib/ref/posix_shm.c - reference use of POSIX shared memory: a ring
 * buffer guarded by process-shared POSIX semaphores.
 *
 * Design.  One shared memory object holds the whole ring: a header with
 * three counting/binary semaphores and the indexes, then the slots.
 *
 *   free    starts at the number of slots.  The producer takes one unit
 *           before it fills a slot, so it sleeps while the ring is full.
 *   used    starts at 0.  The producer posts it after filling a slot; the
 *           consumer takes one unit before emptying a slot, so it sleeps
 *           while the ring is empty, and posts `free` afterwards.
 *   lock    starts at 1: a mutex around head/tail and the slot copy.  One
 *           producer and one consumer would not need it (each index has a
 *           single writer), but it keeps the ring correct with several of
 *           each, and it costs one uncontended atomic operation.
 *
 * The semaphores are unnamed (sem_init with pshared 1) and live inside
 * the mapping, so they exist exactly as long as the object does and need
 * no names of their own.  Only the creator initialises them, before any
 * other process can reach the object.
 *
 * Names and cleanup.  The creator makes the object with O_CREAT|O_EXCL
 * and mode 0600, so it never adopts somebody else's object.  The
 * descriptor is closed right after mmap(): the mapping keeps the object
 * alive.  As soon as the consumer reports (through `attached`) that it
 * has mapped the ring, the creator unlinks the name: from then on nothing
 * is left in /dev/shm even if both processes are killed, and the memory
 * is freed when the last mapping goes.  sem_destroy() runs once nobody
 * can be waiting any more (the consumer has been reaped).
 *
 * Waiting.  Every wait is timed (sem_timedwait on CLOCK_REALTIME), so a
 * peer that died leaves the survivor with ETIMEDOUT instead of a hang;
 * EINTR from a signal handler resumes the wait.
 */
#define _XOPEN_SOURCE 700
#include "ref/posix_shm.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

size_t ref_posix_shm_ring_size(uint32_t slots)
{
	return sizeof(struct ref_posix_shm_ring) +
	       (size_t)slots * sizeof(struct ref_posix_shm_record);
}

/* sem_timedwait() (or sem_wait() without a deadline) resumed after a
 * signal handler. */
static int wait_sem(sem_t *s, const struct timespec *abs_timeout)
{
	int r;

	do
		r = abs_timeout ? sem_timedwait(s, abs_timeout) : sem_wait(s);
	while (r < 0 && errno == EINTR);
	return r;
}

struct ref_posix_shm_ring *ref_posix_shm_ring_create(const char *name,
						     uint32_t slots)
{
	struct ref_posix_shm_ring *ring;
	size_t size = ref_posix_shm_ring_size(slots);
	int fd, err, nsem = 0;

	if (slots == 0) {
		errno = EINVAL;
		return NULL;
	}
	fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0)
		return NULL;
	/* A new object has size 0; the added bytes read as zero. */
	if (ftruncate(fd, (off_t)size) != 0)
		goto fail_fd;
	ring = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (ring == MAP_FAILED)
		goto fail_fd;
	close(fd); /* the mapping holds the object */
	fd = -1;
	ring->slots = slots;
	if (sem_init(&ring->free, 1, slots) != 0)
		goto fail_map;
	nsem++;
	if (sem_init(&ring->used, 1, 0) != 0)
		goto fail_map;
	nsem++;
	if (sem_init(&ring->lock, 1, 1) != 0)
		goto fail_map;
	nsem++;
	if (sem_init(&ring->attached, 1, 0) != 0)
		goto fail_map;
	return ring;

fail_map:
	err = errno;
	if (nsem > 2)
		sem_destroy(&ring->lock);
	if (nsem > 1)
		sem_destroy(&ring->used);
	if (nsem > 0)
		sem_destroy(&ring->free);
	munmap(ring, size);
	errno = err;
fail_fd:
	err = errno;
	if (fd >= 0)
		close(fd);
	shm_unlink(name);
	errno = err;
	return NULL;
}

struct ref_posix_shm_ring *ref_posix_shm_ring_attach(const char *name)
{
	struct ref_posix_shm_ring *ring;
	struct stat st;
	int fd, err;

	fd = shm_open(name, O_RDWR, 0);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0)
		goto fail;
	if ((size_t)st.st_size < sizeof *ring) {
		errno = EINVAL; /* not (yet) a ring */
		goto fail;
	}
	ring = mmap(NULL, (size_t)st.st_size, PROT_READ | PROT_WRITE,
		    MAP_SHARED, fd, 0);
	if (ring == MAP_FAILED)
		goto fail;
	close(fd);
	if (ref_posix_shm_ring_size(ring->slots) != (size_t)st.st_size) {
		munmap(ring, (size_t)st.st_size);
		errno = EINVAL;
		return NULL;
	}
	return ring;
fail:
	err = errno;
	close(fd);
	errno = err;
	return NULL;
}

int ref_posix_shm_ring_detach(struct ref_posix_shm_ring *ring)
{
	return munmap(ring, ref_posix_shm_ring_size(ring->slots));
}

int ref_posix_shm_ring_destroy(struct ref_posix_shm_ring *ring)
{
	int r = 0;

	r |= sem_destroy(&ring->attached);
	r |= sem_destroy(&ring->lock);
	r |= sem_destroy(&ring->used);
	r |= sem_destroy(&ring->free);
	r |= ref_posix_shm_ring_detach(ring);
	return r ? -1 : 0;
}

int ref_posix_shm_ring_put(struct ref_posix_shm_ring *ring,
			   const struct ref_posix_shm_record *r,
			   const struct timespec *abs_timeout)
{
	if (wait_sem(&ring->free, abs_timeout) != 0)
		return -1;
	if (wait_sem(&ring->lock, abs_timeout) != 0) {
		sem_post(&ring->free); /* give the slot back */
		return -1;
	}
	ring->rec[ring->head] = *r;
	ring->head = (ring->head + 1) % ring->slots;
	sem_post(&ring->lock);
	return sem_post(&ring->used);
}

int ref_posix_shm_ring_get(struct ref_posix_shm_ring *ring,
			   struct ref_posix_shm_record *r,
			   const struct timespec *abs_timeout)
{
	if (wait_sem(&ring->used, abs_timeout) != 0)
		return -1;
	if (wait_sem(&ring->lock, abs_timeout) != 0) {
		sem_post(&ring->used);
		return -1;
	}
	*r = ring->rec[ring->tail];
	ring->tail = (ring->tail + 1) % ring->slots;
	sem_post(&ring->lock);
	return sem_post(&ring->free);
}

uint32_t ref_posix_shm_sum(uint32_t sum, const struct ref_posix_shm_record *r)
{
	int i;

	for (i = 0; i < 4; i++) {
		sum ^= (r->value >> (8 * i)) & 0xffu;
		sum *= 16777619u;
	}
	return sum;
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

#define DEMO_SLOTS 4u
#define DEMO_RECORDS 40u
#define DEMO_WAIT_S 10 /* per wait: only a dead peer takes this long */

static void deadline(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += DEMO_WAIT_S;
}

static uint32_t demo_value(uint32_t seq)
{
	return seq * 2654435761u ^ 0x5eedu;
}

/* The consumer, in a forked child: map the ring by name (as an unrelated
 * process would), announce it, take every record.  Exit status 0 when
 * all arrived in order. */
static void consumer(const char *name, struct ref_posix_shm_ring *inherited)
{
	struct ref_posix_shm_ring *ring = ref_posix_shm_ring_attach(name);
	struct ref_posix_shm_record r;
	struct timespec ts;
	uint32_t i, sum = REF_POSIX_SHM_SUM_INIT, bad = 0;

	if (!ring) {
		/* Tell the producer through the mapping fork() gave us. */
		inherited->attach_error = errno ? errno : EINVAL;
		sem_post(&inherited->attached);
		_exit(1);
	}
	munmap(inherited, ref_posix_shm_ring_size(inherited->slots));
	sem_post(&ring->attached);
	for (i = 0; i < DEMO_RECORDS; i++) {
		deadline(&ts);
		if (ref_posix_shm_ring_get(ring, &r, &ts) != 0)
			break;
		if (r.seq != i || r.value != demo_value(i))
			bad++;
		sum = ref_posix_shm_sum(sum, &r);
	}
	ring->received = i;
	ring->received_sum = sum;
	ring->out_of_order = bad;
	ref_posix_shm_ring_detach(ring);
	_exit(i == DEMO_RECORDS && bad == 0 ? 0 : 1);
}

int ref_posix_shm_demo_ring(FILE *out, const char *name)
{
	struct ref_posix_shm_ring *ring;
	struct ref_posix_shm_record r;
	struct timespec ts;
	char own[64];
	uint32_t i, sum = REF_POSIX_SHM_SUM_INIT;
	int status, err, failed = 0, unlinked = 0;
	pid_t pid;

	if (!name) {
		snprintf(own, sizeof own, "/ref_posix_shm.%ld", (long)getpid());
		name = own;
	}
	ring = ref_posix_shm_ring_create(name, DEMO_SLOTS);
	if (!ring)
		return -1;
	fprintf(out, "ring: %u slots of %zu bytes in one shared memory object\n",
		ring->slots, sizeof(struct ref_posix_shm_record));
	fflush(out); /* the child must not inherit buffered output */
	pid = fork();
	if (pid < 0) {
		err = errno;
		shm_unlink(name);
		ref_posix_shm_ring_destroy(ring);
		errno = err;
		return -1;
	}
	if (pid == 0)
		consumer(name, ring);

	/* Both processes have it mapped once the consumer says so: the
	 * name is no longer needed. */
	deadline(&ts);
	if (wait_sem(&ring->attached, &ts) != 0 || ring->attach_error) {
		err = ring->attach_error ? ring->attach_error : errno;
		fprintf(out, "consumer could not attach: %s\n", strerror(err));
		failed = 1;
	} else {
		fprintf(out, "consumer attached by name\n");
	}
	if (shm_unlink(name) == 0)
		unlinked = 1;
	if (!failed) {
		int fd = shm_open(name, O_RDWR, 0);

		fprintf(out, "name unlinked: shm_open() now fails with %s\n",
			fd < 0 && errno == ENOENT ? "ENOENT" : "something else");
		if (fd >= 0) {
			close(fd);
			failed = 1;
		}
	}
	for (i = 0; !failed && i < DEMO_RECORDS; i++) {
		r.seq = i;
		r.value = demo_value(i);
		deadline(&ts);
		if (ref_posix_shm_ring_put(ring, &r, &ts) != 0) {
			fprintf(out, "put %u: %s\n", i, strerror(errno));
			failed = 1;
			break;
		}
		sum = ref_posix_shm_sum(sum, &r);
	}
	if (failed)
		kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (!failed) {
		fprintf(out, "producer: %u records put\n", i);
		fprintf(out, "consumer: %u records got, %u out of order\n",
			ring->received, ring->out_of_order);
		fprintf(out, "laps around the ring: %u\n", i / ring->slots);
		fprintf(out, "checksum put: 0x%08x\n", (unsigned)sum);
		fprintf(out, "checksum got: 0x%08x\n", (unsigned)ring->received_sum);
		fprintf(out, "consumer exit status: %d\n",
			status != -1 && WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
		    ring->received != DEMO_RECORDS || ring->received_sum != sum)
			failed = 1;
	}
	if (!unlinked)
		shm_unlink(name);
	if (ref_posix_shm_ring_destroy(ring) != 0)
		failed = 1;
	else
		fprintf(out, "semaphores destroyed, ring unmapped\n");
	if (failed) {
		errno = EPROTO;
		return -1;
	}
	return 0;
}
