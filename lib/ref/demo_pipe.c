/* SPDX-License-Identifier: MIT
 * lib/ref/demo_pipe.c - runs the unnamed pipe reference scenario and
 * prints its transcript (expected/ref/pipe_transfer.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/pipe.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_pipe_demo_transfer(stdout) != 0) {
		fprintf(stderr, "demo_pipe: transfer: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
