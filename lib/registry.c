/* SPDX-License-Identifier: MIT
 * registry.c - the case and helper tables of one program.  Each case file
 * (IPCT_CASES, IPCT_HELPERS in ipct.h) registers its static table from a
 * constructor; the list is kept sorted by file name, ties in registration
 * order, so the order of a program's cases never depends on the order in
 * which the linker placed the constructors.  Runs before main(): no
 * allocation, no output.
 */
#include "ipct_int.h"

#include <string.h>

static struct ipct_table *tables;

void ipct_register_table(struct ipct_table *t)
{
	struct ipct_table **p = &tables;

	while (*p && strcmp((*p)->file, t->file) <= 0)
		p = &(*p)->next;
	t->next = *p;
	*p = t;
}

const struct ipct_table *ipct_tables(void)
{
	return tables;
}
