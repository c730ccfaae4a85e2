/* SPDX-License-Identifier: MIT
 * cases/pshared/reference.c - the process-shared job queue reference
 * (lib/ref/pshared.c) produces its golden transcript.
 * Sources: POSIX.1-2024 pthread_mutexattr_setrobust(),
 * pthread_mutex_consistent(), pthread_mutexattr_setpshared(),
 * pthread_condattr_setpshared(), pthread_cond_wait(), mmap().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/pshared.h"

#include <stdio.h>
#include <stdlib.h>

static void reference_jobqueue(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int rc, err;

	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	errno = 0;
	rc = ref_pshared_demo_jobqueue(out);
	err = errno;
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	if (rc != 0 && (err == ENOTSUP || err == ENOSYS))
		ipct_skip("robust process-shared mutex refused: %s (no robust futex list here)",
			  ipct_errname(err));
	/* The transcript first: where it stops or differs says what went
	 * wrong better than the return value. */
	CHECK_TRANSCRIPT("ref/pshared_jobqueue.txt", buf);
	free(buf);
	if (rc != 0)
		ipct_note("demo failed: %s", ipct_errname(err));
	CHECK_EQ(0, rc);
}
IPCT_CASE(reference_jobqueue,
	.id = "pshared.reference_jobqueue",
	.asserts = "the reference job queue in shared memory, guarded by a robust process-shared mutex and condition variables, survives a process killed by SIGKILL while holding the lock: the next locker repairs it and two workers finish every job, producing the expected transcript",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), pthread_mutex_consistent(), pthread_mutex_lock() [EOWNERDEAD], pthread_cond_wait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETROBUST),
		      IPCT_HAVE(HAVE_PTHREAD_MUTEX_CONSISTENT) });

IPCT_CASES(&ipct_case_reference_jobqueue);
