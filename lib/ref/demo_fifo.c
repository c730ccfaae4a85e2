/* SPDX-License-Identifier: MIT
 * lib/ref/demo_fifo.c - runs the FIFO reference scenario in a fresh
 * temporary directory and prints its transcript
 * (expected/ref/fifo_client_server.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/fifo.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/tmp/ref_fifo.XXXXXX";
	int rc;

	if (!mkdtemp(dir)) {
		fprintf(stderr, "demo_fifo: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	rc = ref_fifo_demo_client_server(stdout, dir);
	if (rc != 0)
		fprintf(stderr, "demo_fifo: client_server: %s\n",
			strerror(errno));
	/* The demo removed its FIFOs; the directory must be empty now. */
	if (rmdir(dir) != 0) {
		fprintf(stderr, "demo_fifo: rmdir(%s): %s\n", dir,
			strerror(errno));
		rc = -1;
	}
	if (fflush(stdout) != 0)
		rc = -1;
	return rc == 0 ? 0 : 1;
}
