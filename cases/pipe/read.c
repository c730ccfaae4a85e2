/* SPDX-License-Identifier: MIT
 * cases/pipe/read.c - read(2) on unnamed pipes.
 * Sources: POSIX.1-2024 read() DESCRIPTION and ERRORS, pipe().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"

#include <string.h>
#include <unistd.h>

static void read_eof_no_writer(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	CHECK_RET(read(fd[0], &c, 1), 0);
}
IPCT_CASE(read_eof_no_writer,
	.id = "pipe.read_eof_no_writer",
	.asserts = "read() on an empty pipe that no process has open for writing returns 0",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

static long read_one(void *arg)
{
	char c;
	int *fd = arg;

	return read(fd[0], &c, 1);
}

static void read_blocks_until_write(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, read_one, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "x", 1);
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 1);
}
IPCT_CASE(read_blocks_until_write,
	.id = "pipe.read_blocks_until_write",
	.asserts = "read() on an empty pipe with a writer open blocks until data is written, then returns it",
	.spec = "POSIX.1-2024 read(), DESCRIPTION");

IPCT_CASES(&ipct_case_read_eof_no_writer, &ipct_case_read_blocks_until_write);
