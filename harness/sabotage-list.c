/* SPDX-License-Identifier: MIT
 * sabotage-list.c - prints the table of sabotages (harness/sabotage.def)
 * as tab-separated lines: name, family, call, kind, what it breaks, source, and for a wrong-errno row
 * the errno it replaces (else -1).
 */
#define _GNU_SOURCE
#include <stdio.h>

#include "sabotage.h"

static const char *const kinds[] = {
	"errno", "no-effect", "command-no-effect", "does-not-block", "never-returns",
	"flag-ignored", "flag-forced", "argument-ignored", "data-cut", "data-changed",
	"data-lost", "wrong-field", "trace",
	"command-changed", "request-changed",
};

int main(void)
{
	const struct sab *s;

	for (s = sab_rows; s->name; s++)
		printf("%s\t%s\t%s\t%s\t%s\t%s\t%ld\n", s->name, s->family, s->call,
		       kinds[s->kind], s->breaks, s->source, s->kind == K_ERRNO ? s->p1 : -1L);
	return 0;
}
