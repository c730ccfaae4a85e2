/* SPDX-License-Identifier: MIT
 * lib/ref/demo_signal.c - runs the self-pipe reference scenario and
 * prints its transcript (expected/ref/signal_self_pipe.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/signal.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_signal_demo_self_pipe(stdout) != 0) {
		fprintf(stderr, "demo_signal: self_pipe: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
