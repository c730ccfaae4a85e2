/* SPDX-License-Identifier: MIT
 * lib/ref/demo_sysv_shm.c - runs the System V shared memory reference
 * scenario and prints its transcript (expected/ref/sysv_shm_ring.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_shm.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_sysv_shm_demo_ring(stdout) != 0) {
		fprintf(stderr, "demo_sysv_shm: ring: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
