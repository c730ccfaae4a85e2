/* SPDX-License-Identifier: MIT
 * cases/posix_shm/reference.c - the POSIX shared memory reference ring
 * buffer (lib/ref/posix_shm.c) produces its golden transcript.
 * Sources: POSIX.1-2024 shm_open(), shm_unlink(), ftruncate(), mmap(),
 * sem_init(), sem_timedwait(), sem_post().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/posix_shm.h"

#include <stdio.h>
#include <stdlib.h>

static void reference_ring(void)
{
	struct ipct_demo d;
	int rc, err;

	/* The name is journaled, so the harness removes it should the demo
	 * die before it unlinks the name itself. */
	rc = ref_posix_shm_demo_ring(ipct_xdemo_begin(&d),
				     ipct_posix_name(IPCT_POSIX_SHM));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/posix_shm_ring.txt");
}
IPCT_CASE(reference_ring,
	.id = "posix_shm.reference_ring",
	.asserts = "the reference ring buffer moves a fixed sequence of records from a producer to a consumer process through POSIX shared memory guarded by process-shared semaphores, in order and with a matching checksum, producing the expected transcript",
	.spec = "POSIX.1-2024 shm_open(), shm_unlink(), mmap(), sem_init(), sem_timedwait(), sem_post(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

IPCT_CASES(&ipct_case_reference_ring);
