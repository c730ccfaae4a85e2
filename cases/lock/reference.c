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
	struct ipct_demo d;
	int rc, err;

	ref_lock_waiting_hook = worker_waits;
	/* The file lives in the private dir, which the harness removes
	 * whatever happens; the demo must have removed it itself. */
	rc = ref_lock_demo_counter(ipct_xdemo_begin(&d), ipct_tmpdir());
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/lock_counter.txt");
}
IPCT_CASE(reference_counter,
	.id = "lock.reference_counter",
	.asserts = "the reference record file keeps every increment of four processes updating shared counter records under fcntl() record locks, a worker asking for a record held mid-update waits and loses nothing, and a record locked by a killed process becomes free, producing the expected transcript",
	.spec = "POSIX.1-2024 fcntl(), DESCRIPTION (F_SETLKW, F_SETLK, F_GETLK; locks removed when the process terminates)");

IPCT_CASES(&ipct_case_reference_counter);
