/* SPDX-License-Identifier: MIT
 * lib/ref/demo_posix_shm.c - runs the POSIX shared memory reference
 * scenarios and prints their transcripts (expected/ref/posix_shm_*.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/posix_shm.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_posix_shm_demo_ring(stdout, NULL) != 0) {
		fprintf(stderr, "demo_posix_shm: ring: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
