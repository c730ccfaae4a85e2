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
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

#ifndef HAVE_SHM_OPEN
	ipct_skip("shm_open: not found by configure");
#endif
	out = open_memstream(&buf, &len);
	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	/* The name is journaled, so the harness removes it should the demo
	 * die before it unlinks the name itself. */
	CHECK_OK(ref_posix_shm_demo_ring(out, ipct_posix_name(IPCT_POSIX_SHM)));
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	CHECK_TRANSCRIPT("ref/posix_shm_ring.txt", buf);
	free(buf);
}
IPCT_CASE(reference_ring,
	.id = "posix_shm.reference_ring",
	.asserts = "the reference ring buffer moves a fixed sequence of records from a producer to a consumer process through POSIX shared memory guarded by process-shared semaphores, in order and with a matching checksum, producing the expected transcript",
	.spec = "POSIX.1-2024 shm_open(), shm_unlink(), mmap(), sem_init(), sem_timedwait(), sem_post(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_ring);
