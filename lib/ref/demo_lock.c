/* SPDX-License-Identifier: MIT
 * lib/ref/demo_lock.c - runs the record-lock reference scenario in a
 * fresh temporary directory and prints its transcript
 * (expected/ref/lock_counter.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/lock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/tmp/ref_lock.XXXXXX";
	int rc;

	if (!mkdtemp(dir)) {
		fprintf(stderr, "demo_lock: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	rc = ref_lock_demo_counter(stdout, dir);
	if (rc != 0)
		fprintf(stderr, "demo_lock: counter: %s\n", strerror(errno));
	/* The demo removed its file; the directory must be empty now. */
	if (rmdir(dir) != 0) {
		fprintf(stderr, "demo_lock: rmdir(%s): %s\n", dir,
			strerror(errno));
		rc = -1;
	}
	if (fflush(stdout) != 0)
		rc = -1;
	return rc == 0 ? 0 : 1;
}
