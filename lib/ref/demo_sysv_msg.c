/* SPDX-License-Identifier: MIT
 * lib/ref/demo_sysv_msg.c - runs the System V message queue reference
 * scenarios and prints their transcripts (expected/ref/sysv_msg_*.txt).
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_msg.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	if (ref_sysv_msg_demo_dispatch(stdout) != 0) {
		fprintf(stderr, "demo_sysv_msg: dispatch: %s\n", strerror(errno));
		return 1;
	}
	return fflush(stdout) == 0 ? 0 : 1;
}
