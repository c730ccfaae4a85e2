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
	struct ipct_demo d;
	int rc, err;

	rc = ref_posix_mq_demo_workqueue(ipct_xdemo_begin(&d), name);
	err = errno;
	ipct_xdemo_end(&d);
	if (rc != 0 && err == ENOSYS) {
		free(d.text);
		ipct_skip("no POSIX message queues with mq_notify() on this platform");
	}
	ipct_demo_check(&d, rc, err, "ref/posix_mq_workqueue.txt");
}
IPCT_CASE(reference_workqueue,
	.id = "posix_mq.reference_workqueue",
	.asserts = "the reference work queue processes each notified batch by priority, FIFO within a priority, and cleans up after itself",
	.spec = "POSIX.1-2024 mq_notify(), mq_receive(), mq_send(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_MQUEUE_H), IPCT_HAVE(HAVE_MQ_OPEN),
		      IPCT_HAVE(HAVE_MQ_NOTIFY) });

IPCT_CASES(&ipct_case_reference_workqueue);
