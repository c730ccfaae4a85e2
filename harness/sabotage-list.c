/* SPDX-License-Identifier: MIT
 * sabotage-list.c - prints the table of sabotages (harness/sabotage.def)
 * as tab-separated lines: name, family, call, kind, what it breaks, source.
 */
#define _GNU_SOURCE
#include <stdio.h>

#include "sabotage.h"

static const char *const kinds[] = {
	"errno", "no-effect", "command-no-effect", "does-not-block", "never-returns",
	"flag-ignored", "flag-forced", "argument-ignored", "data-cut", "data-changed",
	"data-lost", "wrong-field",
};

int main(void)
{
	const struct sab *s;

	for (s = sab_rows; s->name; s++)
		printf("%s\t%s\t%s\t%s\t%s\t%s\n", s->name, s->family, s->call,
		       kinds[s->kind], s->breaks, s->source);
	return 0;
}
