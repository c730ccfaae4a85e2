/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/reference.c - the System V shared memory reference
 * implementation (lib/ref/sysv_shm.c) produces its golden transcript.
 * Sources: POSIX.1-2024 shmget(), shmat(), shmdt(), shmctl(), semop().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/sysv_shm.h"

#include <stdio.h>
#include <stdlib.h>

/* Safety net: journal the demo's objects, which it removes itself. */
static void track_objects(int shmid, int semid)
{
	ipct_track_id(IPCT_SYSV_SHM, shmid);
	ipct_track_id(IPCT_SYSV_SEM, semid);
}

static void reference_ring(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int rc, err;

	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	ref_sysv_shm_created_hook = track_objects;
	errno = 0;
	rc = ref_sysv_shm_demo_ring(out);
	err = errno;
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	/* The transcript first: where it stops or differs says what went
	 * wrong better than the return value. */
	CHECK_TRANSCRIPT("ref/sysv_shm_ring.txt", buf);
	free(buf);
	if (rc != 0)
		ipct_note("demo failed: %s", ipct_errname(err));
	CHECK_EQ(0, rc);
}
IPCT_CASE(reference_ring,
	.id = "sysv_shm.reference_ring",
	.asserts = "the reference shared-memory ring guarded by semaphores carries a fixed sequence of records from a producer process to a consumer intact and in order, producing the expected transcript",
	.spec = "POSIX.1-2024 shmget(), shmat(), shmctl(), semop(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_ring);
