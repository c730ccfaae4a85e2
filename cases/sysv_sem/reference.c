/* SPDX-License-Identifier: MIT
 * cases/sysv_sem/reference.c - the System V semaphore reference
 * implementation (lib/ref/sysv_sem.c) produces its golden transcript.
 * Sources: POSIX.1-2024 semget(), semop() (SEM_UNDO), semctl(), _exit().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/sysv_sem.h"

#include <stdio.h>
#include <stdlib.h>

/* Safety net: journal the demo's set, which it removes itself. */
static void track_set(int semid)
{
	ipct_track_id(IPCT_SYSV_SEM, semid);
}

static void reference_mutex(void)
{
	struct ipct_demo d;
	int rc, err;

	ref_sysv_sem_created_hook = track_set;
	rc = ref_sysv_sem_demo_mutex(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/sysv_sem_mutex.txt");
}
IPCT_CASE(reference_mutex,
	.id = "sysv_sem.reference_mutex",
	.asserts = "the reference semaphore mutex serialises increments from several processes and is released by SEM_UNDO when a holder is killed, producing the expected transcript",
	.spec = "POSIX.1-2024 semop(), DESCRIPTION (SEM_UNDO); _exit(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_mutex);
