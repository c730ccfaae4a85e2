/* SPDX-License-Identifier: MIT
 * cases/posix_mq/reference.c - the POSIX message queue reference (a
 * notified priority work queue, lib/ref/posix_mq.c) produces its golden
 * transcript.
 * Sources: POSIX.1-2024 mq_notify(), mq_receive(), mq_send().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/posix_mq.h"

#include <stdlib.h>
#include <string.h>

static void reference_workqueue(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	char *buf = NULL;
	size_t len = 0;
	FILE *out;
	int r, err;

	out = open_memstream(&buf, &len);
	if (!out)
		IPCT_BROKEN("open_memstream: %s", ipct_errname(errno));
	r = ref_posix_mq_demo_workqueue(out, name);
	err = errno;
	fclose(out);
	if (r != 0 && err == ENOSYS) {
		free(buf);
		ipct_skip("no POSIX message queues with mq_notify() on this platform");
	}
	if (r != 0)
		ipct_note("transcript so far:\n%s", buf);
	CHECK_EQ(0, r);
	CHECK_TRANSCRIPT("ref/posix_mq_workqueue.txt", buf);
	free(buf);
}
IPCT_CASE(reference_workqueue,
	.id = "posix_mq.reference_workqueue",
	.asserts = "the reference work queue processes each notified batch by priority, FIFO within a priority, and cleans up after itself",
	.spec = "POSIX.1-2024 mq_notify(), mq_receive(), mq_send(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_workqueue);
