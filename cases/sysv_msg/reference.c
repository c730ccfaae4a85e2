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
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	ref_sysv_msg_created_hook = track_queue;
	CHECK_OK(ref_sysv_msg_demo_dispatch(out));
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	CHECK_TRANSCRIPT("ref/sysv_msg_dispatch.txt", buf);
	free(buf);
}
IPCT_CASE(reference_dispatch,
	.id = "sysv_msg.reference_dispatch",
	.asserts = "the reference dispatcher routes requests to workers by message type and replies to the client by its pid, producing the expected transcript",
	.spec = "POSIX.1-2024 msgget(), msgsnd(), msgrcv(), msgctl(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_dispatch);
