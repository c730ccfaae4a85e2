/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/reference.c - the System V message queue reference
 * implementation (lib/ref/sysv_msg.c) produces its golden transcript.
 * Sources: POSIX.1-2024 msgget(), msgsnd(), msgrcv(), msgctl().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/sysv_msg.h"

#include <stdio.h>
#include <stdlib.h>

/* Safety net: journal the demo's queues, which it removes itself. */
static void track_queue(int msqid)
{
	ipct_track_id(IPCT_SYSV_MSG, msqid);
}

static void reference_dispatch(void)
{
	struct ipct_demo d;
	int rc, err;

	ref_sysv_msg_created_hook = track_queue;
	rc = ref_sysv_msg_demo_dispatch(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/sysv_msg_dispatch.txt");
}
IPCT_CASE(reference_dispatch,
	.id = "sysv_msg.reference_dispatch",
	.asserts = "the reference dispatcher routes requests to workers by message type and replies to the client by its pid, producing the expected transcript",
	.spec = "POSIX.1-2024 msgget(), msgsnd(), msgrcv(), msgctl(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_dispatch);
