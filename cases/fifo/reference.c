/* SPDX-License-Identifier: MIT
 * cases/fifo/reference.c - the FIFO reference client/server
 * (lib/ref/fifo.c) produces its golden transcript.
 * Sources: POSIX.1-2024 mkfifo(), open() [O_NONBLOCK], read(), write()
 * (PIPE_BUF atomicity), unlink().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "ref/fifo.h"

#include <stdio.h>
#include <stdlib.h>

static void reference_client_server(void)
{
	struct ipct_demo d;
	int rc, err;

	/* The FIFOs live in the private dir, which the harness removes
	 * whatever happens; the demo must have removed them itself. */
	rc = ref_fifo_demo_client_server(ipct_xdemo_begin(&d), ipct_tmpdir());
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/fifo_client_server.txt");
}
IPCT_CASE(reference_client_server,
	.id = "fifo.reference_client_server",
	.asserts = "the reference FIFO server answers three concurrent clients on their own reply FIFOs, each request and reply being one atomic record, and every FIFO is removed afterwards, producing the expected transcript",
	.spec = "POSIX.1-2024 mkfifo(), open(), read(), write(), unlink(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_client_server);
