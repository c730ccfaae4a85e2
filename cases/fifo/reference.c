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
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	int rc;

	if (!out)
		IPCT_BROKEN("open_memstream(): %s", ipct_errname(errno));
	/* The FIFOs live in the private dir, which the harness removes
	 * whatever happens; the demo must have removed them itself. */
	rc = ref_fifo_demo_client_server(out, ipct_tmpdir());
	if (fclose(out) != 0)
		IPCT_BROKEN("fclose(memstream): %s", ipct_errname(errno));
	/* The transcript first: its first differing line says more about a
	 * failure than the demo's errno does. */
	CHECK_TRANSCRIPT("ref/fifo_client_server.txt", buf);
	CHECK_EQ(0, rc);
	free(buf);
}
IPCT_CASE(reference_client_server,
	.id = "fifo.reference_client_server",
	.asserts = "the reference FIFO server answers three concurrent clients on their own reply FIFOs, each request and reply being one atomic record, and every FIFO is removed afterwards, producing the expected transcript",
	.spec = "POSIX.1-2024 mkfifo(), open(), read(), write(), unlink(), DESCRIPTION");

IPCT_CASES(&ipct_case_reference_client_server);
