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
	struct ipct_demo d;
	int rc, err;

	rc = ref_pshared_demo_jobqueue(ipct_xdemo_begin(&d));
	err = errno;
	if (rc != 0 && (err == ENOTSUP || err == ENOSYS)) {
		ipct_xdemo_end(&d);
		free(d.text);
		ipct_skip("robust process-shared mutex refused: %s",
			  ipct_errname(err));
	}
	ipct_demo_check(&d, rc, err, "ref/pshared_jobqueue.txt");
}
IPCT_CASE(reference_jobqueue,
	.id = "pshared.reference_jobqueue",
	.asserts = "the reference job queue in shared memory, guarded by a robust process-shared mutex and condition variables, survives a process killed by SIGKILL while holding the lock: the next locker repairs it and two workers finish every job, producing the expected transcript",
	.spec = "POSIX.1-2024 pthread_mutexattr_setrobust(), pthread_mutex_consistent(), pthread_mutex_lock() [EOWNERDEAD], pthread_cond_wait(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_PTHREAD_MUTEXATTR_SETROBUST),
		      IPCT_HAVE(HAVE_PTHREAD_MUTEX_CONSISTENT) });

IPCT_CASES(&ipct_case_reference_jobqueue);
