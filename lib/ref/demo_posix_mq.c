/* SPDX-License-Identifier: MIT
 * lib/ref/demo_posix_mq.c - runs the POSIX message queue reference
 * scenario and prints its transcript (expected/ref/posix_mq_workqueue.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/posix_mq.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char name[64];

	/* A name of this process only; the demo unlinks it at the end. */
	snprintf(name, sizeof name, "/ipcconf-demo-posix_mq.%ld", (long)getpid());
	if (ref_posix_mq_demo_workqueue(stdout, name) != 0) {
		fprintf(stderr, "demo_posix_mq: workqueue: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
