/* SPDX-License-Identifier: MIT
 * interpose.c - the core of harness/interpose.h: reading the selection
 * from the environment at load, finding the real functions, hanging.
 */
#define _GNU_SOURCE
#include "interpose.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

__attribute__((constructor)) static void interpose_load(void)
{
	const char *sel = getenv(interpose_table.env);
	char buf[512], *save = NULL, *tok;
	struct interpose_row *r;

	if (!sel || !*sel)
		return;
	snprintf(buf, sizeof buf, "%s", sel);
	for (tok = strtok_r(buf, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		for (r = interpose_table.rows; r->name; r++)
			if (strcmp(r->name, tok) == 0)
				break;
		if (!r->name) {
			fprintf(stderr, "%s: unknown name '%s'; known:", interpose_table.env, tok);
			for (r = interpose_table.rows; r->name; r++)
				fprintf(stderr, " %s", r->name);
			fputc('\n', stderr);
			_exit(2);
		}
		r->selected = 1;
	}
}

int interpose_on(int i)
{
	const struct interpose_row *r = &interpose_table.rows[i];

	return r->selected && (!r->in_scope || r->in_scope());
}

void *interpose_next(const char *name, void **cache)
{
	void *p = __atomic_load_n(cache, __ATOMIC_ACQUIRE);

	if (!p) {
		p = dlsym(RTLD_NEXT, name);
		if (!p) {
			fprintf(stderr, "interpose: no next definition of %s\n", name);
			abort();
		}
		__atomic_store_n(cache, p, __ATOMIC_RELEASE);
	}
	return p;
}

void interpose_hang(void)
{
	for (;;) {
		struct timespec t = { 3600, 0 };

		nanosleep(&t, NULL); /* interrupted by a handler: sleep again */
	}
}
