/* SPDX-License-Identifier: MIT
 * refcase.c - the skeleton every reference case shares: the demo of a
 * lib/ref/ implementation writes its transcript into a memory stream, and
 * the case compares it with expected/ref/<name>.txt.
 */
#define _GNU_SOURCE
#include "ipct.h"

#include <stdio.h>
#include <stdlib.h>

FILE *ipct_xdemo_begin_at(struct ipct_demo *d, const char *file, int line)
{
	d->text = NULL;
	d->len = 0;
	d->out = open_memstream(&d->text, &d->len);
	if (!d->out)
		ipct_broken(file, line, "open_memstream(): %s",
			    ipct_errname(errno));
	return d->out;
}

void ipct_xdemo_end_at(struct ipct_demo *d, const char *file, int line)
{
	FILE *out = d->out;

	if (!out)
		return;
	d->out = NULL;
	if (fclose(out) != 0)
		ipct_broken(file, line, "fclose(memstream): %s",
			    ipct_errname(errno));
}

void ipct_demo_check_at(struct ipct_demo *d, int rc, int err,
			const char *expected, const char *file, int line)
{
	ipct_xdemo_end_at(d, file, line);
	if (rc != 0)
		ipct_note("the demo failed (%s); transcript so far:\n%s",
			  ipct_errname(err), d->text ? d->text : "");
	/* The transcript first: its first differing line says more about a
	 * failure than the demo's return value. */
	ipct_check_transcript_at(expected, d->text ? d->text : "", file, line);
	ipct_check_eq((struct ipct_loc){ file, line, "demo's return value == 0" },
		      0, rc);
	free(d->text);
	d->text = NULL;
}
