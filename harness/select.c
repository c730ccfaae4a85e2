/* SPDX-License-Identifier: MIT
 * select.c - which cases run: the program's cases (every registered
 * table, in the registry's order), the one glob matcher (used for
 * selection, --list and the explicit-id check), the check of the tables,
 * what a case needs from the platform and why it is skipped, --list.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The cases of every registered table, in order, NULL-terminated: built
 * once, on first use. */
const struct ipct_case *const *harness_cases(void)
{
	static const struct ipct_case **all;
	const struct ipct_table *t;
	size_t n = 0, i;

	if (all)
		return all;
	for (t = ipct_tables(); t; t = t->next)
		for (i = 0; t->cases && t->cases[i]; i++)
			n++;
	all = malloc((n + 1) * sizeof *all);
	if (!all) {
		fprintf(stderr, "%s: out of memory for %zu cases\n", progname, n);
		exit(2);
	}
	n = 0;
	for (t = ipct_tables(); t; t = t->next)
		for (i = 0; t->cases && t->cases[i]; i++)
			all[n++] = t->cases[i];
	all[n] = NULL;
	return all;
}

/* The helper called name, or NULL; *second is set to a second table's
 * file when two tables of the program name it (NULL otherwise). */
const struct ipct_helper *harness_helper(const char *name, const char **first,
					  const char **second)
{
	const struct ipct_helper *found = NULL;
	const struct ipct_table *t;
	size_t i;

	*first = *second = NULL;
	for (t = ipct_tables(); t; t = t->next)
		for (i = 0; t->helpers && t->helpers[i]; i++) {
			if (strcmp(t->helpers[i]->name, name) != 0)
				continue;
			if (found) {
				*second = t->file;
				return found;
			}
			found = t->helpers[i];
			*first = t->file;
		}
	return found;
}

int harness_match(const char *glob, const char *id)
{
	return fnmatch(glob, id, 0) == 0;
}

int harness_selected(const struct options *o, const char *id)
{
	int g;

	if (o->nglobs == 0)
		return 1;
	for (g = 0; g < o->nglobs; g++)
		if (harness_match(o->globs[g], id))
			return 1;
	return 0;
}

void require_matches(const struct options *o)
{
	const struct ipct_case *const *cases = harness_cases();
	int g, j, hit;

	if (o->globs_from_env) /* a family's other binaries match nothing */
		return;
	for (g = 0; g < o->nglobs; g++) {
		for (j = 0, hit = 0; cases[j] && !hit; j++)
			hit = harness_match(o->globs[g], cases[j]->id);
		if (!hit)
			die_usage("no case matches '%s' (see --list)", o->globs[g]);
	}
}

/* The mechanism of a case file: "cases/<mech>/x.c" -> "<mech>". */
static int file_mechanism(const char *file, char *buf, size_t len)
{
	const char *p = strstr(file, "cases/"), *q;

	while (p && p != file && p[-1] != '/')
		p = strstr(p + 1, "cases/");
	if (!p)
		return -1;
	p += 6;
	q = strchr(p, '/');
	if (!q || (size_t)(q - p) >= len)
		return -1;
	memcpy(buf, p, (size_t)(q - p));
	buf[q - p] = '\0';
	return 0;
}

/* One case's problems, one line each on stderr; 1 if any. */
static int bad_case(const struct ipct_case *const *cases, int i)
{
	const struct ipct_case *c = cases[i];
	const char *dot = c->id ? strchr(c->id, '.') : NULL;
	char mech[64];
	int j, bad = 0;

	if (!c->id || !dot || !c->asserts || !*c->asserts || !c->spec ||
	    !*c->spec || !c->fn) {
		fprintf(stderr, "%s: %s:%d: case needs .id, .asserts and .spec\n",
			progname, c->file, c->line);
		return 1;
	}
	if (strchr(c->asserts, '#') || strchr(c->id, '#')) {
		fprintf(stderr, "%s: %s:%d: '#' in %s would read as a TAP directive\n",
			progname, c->file, c->line, c->id);
		bad = 1;
	}
	if (file_mechanism(c->file, mech, sizeof mech) == 0 &&
	    (strlen(mech) != (size_t)(dot - c->id) ||
	     strncmp(mech, c->id, (size_t)(dot - c->id)) != 0)) {
		fprintf(stderr, "%s: %s:%d: id %s does not start with its folder's mechanism '%s.'\n",
			progname, c->file, c->line, c->id, mech);
		bad = 1;
	}
	for (j = 0; j < i; j++)
		if (cases[j]->id && strcmp(cases[j]->id, c->id) == 0) {
			fprintf(stderr, "%s: %s:%d: duplicate case id %s\n",
				progname, c->file, c->line, c->id);
			bad = 1;
		}
	return bad;
}

/* The tables are checked before anything runs: a broken table is a
 * usage-level error (exit 2), never a silent pass.  Ids are unique among
 * all the cases of the program, helper names among all its helpers,
 * whichever files define them. */
int validate_table(void)
{
	const struct ipct_case *const *cases = harness_cases();
	const struct ipct_table *t;
	const char *first, *second;
	int i, bad = 0;

	for (i = 0; cases[i]; i++)
		bad |= bad_case(cases, i);
	for (t = ipct_tables(); t; t = t->next)
		for (i = 0; t->helpers && t->helpers[i]; i++) {
			if (!harness_helper(t->helpers[i]->name, &first, &second) ||
			    !second || strcmp(first, t->file) != 0)
				continue; /* unique, or reported at its first table */
			fprintf(stderr, "%s: %s: duplicate helper name '%s' (also in %s)\n",
				progname, second, t->helpers[i]->name, first);
			bad = 1;
		}
	return bad ? -1 : 0;
}

/* "linux,root,HAVE_PIPE2": the flags, then the configure requirements. */
const char *needs_str(const struct ipct_case *c)
{
	static char buf[256];
	size_t l = 0;
	int i;

	buf[0] = '\0';
#define ADD_(s) l += (size_t)snprintf(buf + l, sizeof buf - l, "%s,", (s))
	if (c->needs & IPCT_LINUX_ONLY)
		ADD_("linux");
	if (c->needs & IPCT_UNPRIV)
		ADD_("unpriv");
	if (c->needs & IPCT_ROOT)
		ADD_("root");
	if (c->needs & IPCT_OTHER_USER)
		ADD_("other-user");
	for (i = 0; i < IPCT_REQ_MAX && c->requires[i].macro; i++)
		if (l < sizeof buf)
			ADD_(c->requires[i].macro);
#undef ADD_
	if (!buf[0])
		return "-";
	buf[strlen(buf) - 1] = '\0';
	return buf;
}

const char *skip_reason(const struct ipct_case *c)
{
	static char buf[256];
	int i;

	if ((c->needs & IPCT_LINUX_ONLY) && !IPCCONF_HOST_LINUX)
		return "Linux-only behaviour; configure found " IPCCONF_HOST_OS;
	for (i = 0; i < IPCT_REQ_MAX && c->requires[i].macro; i++)
		if (!c->requires[i].have) {
			snprintf(buf, sizeof buf,
				 "needs %s, which configure did not find on this platform",
				 c->requires[i].macro);
			return buf;
		}
	if ((c->needs & IPCT_ROOT) && geteuid() != 0)
		return "needs root (euid 0)";
	if ((c->needs & IPCT_OTHER_USER) && geteuid() != 0)
		return "needs a second user id: run as root, the case then drops to an unprivileged uid in a child";
	return NULL;
}

const char *skip_directive(const struct ipct_case *c)
{
	static char buf[2048];
	const struct baseline_entry *be = baseline_find(c->id);
	const char *why;

	if (be && be->skip) {
		snprintf(buf, sizeof buf, "# SKIP %s:%d: %s", be->file, be->line,
			 be->reason);
		return buf;
	}
	why = skip_reason(c);
	if (!why)
		return NULL;
	snprintf(buf, sizeof buf, "# SKIP %s", why);
	return buf;
}

void list_cases(const struct options *o)
{
	const struct ipct_case *const *cases = harness_cases();
	int i;

	for (i = 0; cases[i]; i++) {
		const struct ipct_case *c = cases[i];

		if (!harness_selected(o, c->id))
			continue;
		printf("%s\t%.*s\t%s\t%s\t%s\n", c->id,
		       (int)(strchr(c->id, '.') - c->id), c->id,
		       needs_str(c), c->asserts, c->spec);
	}
}
