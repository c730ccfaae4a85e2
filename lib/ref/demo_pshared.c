/* SPDX-License-Identifier: MIT
 * lib/ref/demo_pshared.c - runs the process-shared job queue reference
 * scenario and prints its transcript (expected/ref/pshared_jobqueue.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/pshared.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_pshared_demo_jobqueue(stdout) != 0) {
		fprintf(stderr, "demo_pshared: jobqueue: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
