/* SPDX-License-Identifier: MIT
 * lib/ref/demo_linux_fd.c - runs the signalfd/eventfd/pidfd event-loop
 * reference scenario and prints its transcript
 * (expected/ref/linux_fd_event_loop.txt).
 */
#define _GNU_SOURCE
#include "ref/linux_fd.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_linux_fd_demo_event_loop(stdout) != 0) {
		fprintf(stderr, "demo_linux_fd: event_loop: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
