/* SPDX-License-Identifier: MIT
 * cases/pipe/reference.c - the unnamed pipe reference implementation
 * (lib/ref/pipe.c) produces its golden transcript.
 * Sources: POSIX.1-2024 pipe(), fork(), read(), write(), close(),
 * waitpid().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/pipe.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void reference_transfer(void)
{
	struct ipct_demo d;
	int rc, err;

	rc = ref_pipe_demo_transfer(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/pipe_transfer.txt");
}
IPCT_CASE(reference_transfer,
	.id = "pipe.reference_transfer",
	.asserts = "the reference transfer streams a 200 KiB payload from a parent to its child through a pipe, the child reads it whole until end-of-file, and the transcript is the expected one",
	.spec = "POSIX.1-2024 pipe(), fork(), read(), write(), close(), DESCRIPTION");

static volatile sig_atomic_t interruptions;

static void count_interruption(int sig)
{
	(void)sig;
	interruptions++;
}

static void reference_write_all_resumes(void)
{
	enum { N = 1024 * 1024, SIGNALS = 3 };
	unsigned char *in = malloc(N), *got = malloc(N);
	pid_t pid, parent = getpid();
	int fd[2], k;
	size_t i;

	if (!in || !got)
		IPCT_BROKEN("malloc(%d) failed", N);
	for (i = 0; i < N; i++)
		in[i] = (unsigned char)(i ^ (i >> 9));
	/* No SA_RESTART: each signal cuts the blocked write() short, with a
	 * partial count or EINTR, and write_all must resume. */
	ipct_xsigaction(SIGUSR1, count_interruption, 0);
	ipct_xpipe(fd);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_xclose(fd[1]);
		for (k = 0; k < SIGNALS; k++) {
			/* The parent is blocked writing to the full pipe. */
			ipct_wait_asleep(parent);
			CHECK_OK(kill(parent, SIGUSR1));
		}
		CHECK_RET(ref_pipe_read_all(fd[0], got, N), N);
		CHECK_MEM(in, got, N);
		CHECK_RET(ref_pipe_read_all(fd[0], got, 1), 0);
		free(in);
		free(got);
		ipct_child_exit();
	}
	ipct_xclose(fd[0]);
	CHECK_RET(ref_pipe_write_all(fd[1], in, N), 0);
	ipct_xclose(fd[1]);
	ipct_wait_ok(pid);
	/* Standard signals do not queue: under the timed-window proof two
	 * may merge, so only require that the handler ran. */
	CHECK(interruptions >= 1);
	free(in);
	free(got);
}
IPCT_CASE(reference_write_all_resumes,
	.id = "pipe.reference_write_all_resumes",
	.asserts = "ref_pipe_write_all() delivers every byte of a payload larger than the pipe in order although caught signals without SA_RESTART interrupt its blocked writes, and ref_pipe_read_all() reads it whole and then end-of-file",
	.spec = "POSIX.1-2024 write(), DESCRIPTION and ERRORS [EINTR]; read(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_transfer, &ipct_case_reference_write_all_resumes);
