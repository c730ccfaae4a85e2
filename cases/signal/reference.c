/* SPDX-License-Identifier: MIT
 * cases/signal/reference.c - the self-pipe reference implementation
 * (lib/ref/signal.c) produces its golden transcript and cleans up.
 * Sources: POSIX.1-2024 sigaction(), kill(), pipe(), poll(), fcntl(),
 * write() (async-signal-safe), Signal Concepts 2.4.3 (signal actions).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/signal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void reference_self_pipe(void)
{
	struct ipct_demo d;
	int rc, err;

	rc = ref_signal_demo_self_pipe(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/signal_self_pipe.txt");
}
IPCT_CASE(reference_self_pipe,
	.id = "signal.reference_self_pipe",
	.asserts = "the self-pipe reference turns SIGUSR1, SIGUSR2 and SIGTERM sent one at a time by a child into events its poll() loop reads in order, and the transcript is the expected one",
	.spec = "POSIX.1-2024 sigaction(), kill(), pipe(), poll(), Signal Concepts 2.4.3 (async-signal-safe functions)");

static void reference_self_pipe_restores(void)
{
	struct sigaction q;
	FILE *out = fopen("/dev/null", "w");
	int sigs[] = { SIGUSR1, SIGUSR2, SIGTERM };
	size_t i;

	if (!out)
		IPCT_BROKEN("fopen(/dev/null): %s", ipct_errname(errno));
	ipct_xsigaction(SIGUSR2, SIG_IGN, 0);
	CHECK_RET(ref_signal_demo_self_pipe(out), 0);
	fclose(out);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		CHECK_OK(sigaction(sigs[i], NULL, &q));
		CHECK(q.sa_handler == (sigs[i] == SIGUSR2 ? SIG_IGN : SIG_DFL));
	}
	/* Open again: the first run closed its pipe and left no state. */
	CHECK_OK(ref_signal_selfpipe_open());
	ref_signal_selfpipe_close();
}
IPCT_CASE(reference_self_pipe_restores,
	.id = "signal.reference_self_pipe_restores",
	.asserts = "after the self-pipe demo every caught signal has its previous action back and the self-pipe can be opened again",
	.spec = "POSIX.1-2024 sigaction(), DESCRIPTION (oact)");

static void reference_selfpipe_api(void)
{
	int fd, fl;

	fd = ref_signal_selfpipe_open();
	CHECK_OK(fd);
	fl = fcntl(fd, F_GETFL);
	CHECK(fl >= 0 && (fl & O_NONBLOCK));
	fl = fcntl(fd, F_GETFD);
	CHECK(fl >= 0 && (fl & FD_CLOEXEC));
	CHECK_FAILS(ref_signal_selfpipe_open(), EBUSY);
	CHECK_RET(ref_signal_selfpipe_next(), 0); /* empty: EAGAIN, no block */
	CHECK_OK(ref_signal_selfpipe_catch(SIGUSR1));
	CHECK_OK(raise(SIGUSR1));
	CHECK_RET(ref_signal_selfpipe_wait(0), 1);
	CHECK_RET(ref_signal_selfpipe_next(), SIGUSR1);
	CHECK_RET(ref_signal_selfpipe_next(), 0);
	CHECK_FAILS(ref_signal_selfpipe_catch(SIGKILL), EINVAL);
	ref_signal_selfpipe_close();
}
IPCT_CASE(reference_selfpipe_api,
	.id = "signal.reference_selfpipe_api",
	.asserts = "the reference self-pipe is non-blocking and close-on-exec, reads 0 when empty without blocking, and reports a raised signal as one readable event",
	.spec = "POSIX.1-2024 fcntl(), pipe(), sigaction(), raise()");

IPCT_CASES(&ipct_case_reference_self_pipe,
	   &ipct_case_reference_self_pipe_restores,
	   &ipct_case_reference_selfpipe_api);
