/* SPDX-License-Identifier: MIT
 * lib/ref/demo_sysv_sem.c - runs the System V semaphore reference scenario
 * and prints its transcript (expected/ref/sysv_sem_mutex.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_sem.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_sysv_sem_demo_mutex(stdout) != 0) {
		fprintf(stderr, "demo_sysv_sem: mutex: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
