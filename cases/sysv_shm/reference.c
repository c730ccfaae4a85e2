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
	struct ipct_demo d;
	int rc, err;

	ref_sysv_shm_created_hook = track_objects;
	rc = ref_sysv_shm_demo_ring(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/sysv_shm_ring.txt");
}
IPCT_CASE(reference_ring,
	.id = "sysv_shm.reference_ring",
	.asserts = "the reference shared-memory ring guarded by semaphores carries a fixed sequence of records from a producer process to a consumer intact and in order, producing the expected transcript",
	.spec = "POSIX.1-2024 shmget(), shmat(), shmctl(), semop(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_ring);
