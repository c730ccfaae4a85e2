/* SPDX-License-Identifier: MIT
 * lib/ref/demo_socket.c - runs the Unix-domain socket reference scenarios
 * and prints their transcripts (expected/ref/socket_echo.txt, then
 * expected/ref/socket_pass_fd.txt) in a private temporary directory.
 */
#define _XOPEN_SOURCE 700
#include "ref/socket.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char dir[] = "/tmp/ipcconf-demo-socket.XXXXXX";
	int rc = 0;

	if (!mkdtemp(dir)) {
		fprintf(stderr, "demo_socket: mkdtemp: %s\n", strerror(errno));
		return 1;
	}
	if (ref_socket_demo_echo(stdout, dir) != 0) {
		fprintf(stderr, "demo_socket: echo: %s\n", strerror(errno));
		rc = 1;
	}
	if (rc == 0 && ref_socket_demo_pass_fd(stdout, dir) != 0) {
		fprintf(stderr, "demo_socket: pass_fd: %s\n", strerror(errno));
		rc = 1;
	}
	/* The demos unlink their socket files: the directory is empty. */
	if (rmdir(dir) != 0) {
		fprintf(stderr, "demo_socket: rmdir %s: %s\n", dir, strerror(errno));
		rc = 1;
	}
	return fflush(stdout) == 0 ? rc : 1;
}
