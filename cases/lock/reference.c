/* SPDX-License-Identifier: MIT
 * cases/lock/reference.c - the record-lock reference implementation
 * (lib/ref/lock.c) produces its golden transcript.
 * Sources: POSIX.1-2024 fcntl() (F_SETLKW, F_SETLK, F_GETLK), pread(),
 * pwrite(), _exit().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/lock.h"

#include <stdio.h>
#include <stdlib.h>

/* The worker that asked for a record the demo holds must be asleep,
 * waiting for the lock: with locking broken it would finish instead. */
static void worker_waits(pid_t pid)
{
	ipct_wait_asleep_at(pid, "the worker's ref_lock_record_add()",
			    __FILE__, __LINE__);
}

static void reference_counter(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int rc, err;

	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	/* The file lives in the private dir, which the harness removes
	 * whatever happens; the demo must have removed it itself. */
	ref_lock_waiting_hook = worker_waits;
	errno = 0;
	rc = ref_lock_demo_counter(out, ipct_tmpdir());
	err = errno;
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	/* The transcript first: where it stops or differs says what went
	 * wrong better than the return value. */
	CHECK_TRANSCRIPT("ref/lock_counter.txt", buf);
	free(buf);
	if (rc != 0)
		ipct_note("demo failed: %s", ipct_errname(err));
	CHECK_EQ(0, rc);
}
IPCT_CASE(reference_counter,
	.id = "lock.reference_counter",
	.asserts = "the reference record file keeps every increment of four processes updating shared counter records under fcntl() record locks, a worker asking for a record held mid-update waits and loses nothing, and a record locked by a killed process becomes free, producing the expected transcript",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW, F_SETLK, F_GETLK; locks removed when the process terminates)");

IPCT_CASES(&ipct_case_reference_counter);
