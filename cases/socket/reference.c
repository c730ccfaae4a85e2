/* SPDX-License-Identifier: MIT
 * cases/socket/reference.c - the Unix-domain socket references (a poll()
 * echo server and SCM_RIGHTS descriptor passing, lib/ref/socket.c)
 * produce their golden transcripts and leave no socket file behind.
 * Sources: POSIX.1-2024 poll(), accept(), sendmsg(), recvmsg(),
 * <sys/socket.h> (SCM_RIGHTS).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/socket.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Run one demo in the case's private directory and compare. */
static void run_demo(int (*demo)(FILE *, const char *), const char *expected,
		     const char *leaf)
{
	struct ipct_demo d;
	int rc, err;

	/* Safety net: the harness removes the socket file if the demo dies. */
	ipct_track_name(IPCT_PATH, ipct_path(leaf));
	rc = demo(ipct_xdemo_begin(&d), ipct_tmpdir());
	err = errno;
	ipct_demo_check(&d, rc, err, expected);
	/* The reference removes its own socket file. */
	CHECK_FAILS(access(leaf, F_OK), ENOENT);
}

static void reference_echo(void)
{
	run_demo(ref_socket_demo_echo, "ref/socket_echo.txt", "echo.sock");
}
IPCT_CASE(reference_echo,
	.id = "socket.reference_echo",
	.asserts = "the reference poll() echo server serves three concurrent AF_UNIX stream clients, echoing each message to its sender, stops after the third closes and removes its socket file",
	.spec = "POSIX.1-2024 poll(), accept(), recv(), send(), DESCRIPTION");

static void reference_pass_fd(void)
{
	run_demo(ref_socket_demo_pass_fd, "ref/socket_pass_fd.txt", "pass.sock");
}
IPCT_CASE(reference_pass_fd,
	.id = "socket.reference_pass_fd",
	.asserts = "the reference passes a pipe write end over a named AF_UNIX socket to another process, which writes through it, and the first process reads that and then end-of-file",
	.spec = "POSIX.1-2024 <sys/socket.h> (SCM_RIGHTS); sendmsg(), recvmsg(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_echo, &ipct_case_reference_pass_fd);
