/* SPDX-License-Identifier: MIT
 * select.c - which cases run: the one glob matcher (used for selection,
 * --list and the explicit-id check), the check of the case table, what a
 * case needs from the platform and why it is skipped, --list.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

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
	int g, j, hit;

	if (o->globs_from_env) /* a family's other binaries match nothing */
		return;
	for (g = 0; g < o->nglobs; g++) {
		for (j = 0, hit = 0; ipct_cases[j] && !hit; j++)
			hit = harness_match(o->globs[g], ipct_cases[j]->id);
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
static int bad_case(int i)
{
	const struct ipct_case *c = ipct_cases[i];
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
		if (ipct_cases[j]->id && strcmp(ipct_cases[j]->id, c->id) == 0) {
			fprintf(stderr, "%s: %s:%d: duplicate case id %s\n",
				progname, c->file, c->line, c->id);
			bad = 1;
		}
	return bad;
}

/* The case table is checked before anything runs: a broken table is a
 * usage-level error (exit 2), never a silent pass. */
int validate_table(void)
{
	int i, bad = 0;

	for (i = 0; ipct_cases[i]; i++)
		bad |= bad_case(i);
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

void list_cases(const struct options *o)
{
	int i;

	for (i = 0; ipct_cases[i]; i++) {
		const struct ipct_case *c = ipct_cases[i];

		if (!harness_selected(o, c->id))
			continue;
		printf("%s\t%.*s\t%s\t%s\t%s\n", c->id,
		       (int)(strchr(c->id, '.') - c->id), c->id,
		       needs_str(c), c->asserts, c->spec);
	}
}
