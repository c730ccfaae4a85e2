/* SPDX-License-Identifier: MIT
 * resources.c - the case's private directory and paths in it, unused SysV
 * keys, numbers read from /proc.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

long ipct_read_number(const char *path)
{
	FILE *f = fopen(path, "r");
	long v = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

const char *ipct_tmpdir(void)
{
	return ipct_page ? ipct_page->tmpdir : "/tmp";
}

const char *ipct_path(const char *leaf)
{
	static char bufs[8][512];
	static unsigned next;
	char *b = bufs[next++ % 8];

	snprintf(b, 512, "%s/%s", ipct_tmpdir(), leaf);
	return b;
}

void ipct_tmpdir_traversable(void)
{
	if (chmod(ipct_tmpdir(), 0711) != 0)
		IPCT_BROKEN("chmod(%s, 0711): %s", ipct_tmpdir(),
			    ipct_errname(errno));
}

static int key_in_use(key_t key)
{
	return msgget(key, 0) >= 0 || errno != ENOENT ||
	       semget(key, 0, 0) >= 0 || errno != ENOENT ||
	       shmget(key, 0, 0) >= 0 || errno != ENOENT;
}

key_t ipct_unused_key(void)
{
	static unsigned state;
	int tries;

	if (!state)
		state = (unsigned)getpid() * 2654435761u ^
			(unsigned)ipct_now_ms() ^ (ipct_page ? ipct_page->run_id : 0u);
	for (tries = 0; tries < 1000; tries++) {
		key_t key;

		state = state * 1103515245u + 12345u;
		key = (key_t)((state >> 1) & 0x7fffffff);
		if (key == IPC_PRIVATE || key == (key_t)-1)
			continue;
		if (!key_in_use(key))
			return key;
	}
	IPCT_BROKEN("no unused SysV key found in 1000 tries");
}
