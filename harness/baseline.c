/* SPDX-License-Identifier: MIT
 * baseline.c - platform expectations (expected/<platform>.txt).
 *
 * One entry a line:  <case-id-or-glob> <todo|skip> <reason>
 * '#' starts a comment line; blank lines are ignored.  "todo" marks a
 * documented deviation: the case runs, a failure is reported as TAP TODO
 * (an expected failure) and a pass as an unexpected pass.  "skip" marks an
 * interface the platform does not provide: the case is not run.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct baseline_entry *entries;
static int nentries;

static int valid_id_glob(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!(*s >= 'a' && *s <= 'z') && !(*s >= '0' && *s <= '9') &&
		    *s != '_' && *s != '.' && *s != '*' && *s != '?' &&
		    *s != '[' && *s != ']')
			return 0;
	return 1;
}

int baseline_load(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[2048];
	int lineno = 0;

	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", path,
			 ipct_errname(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		char *p = line, *id, *kind, *reason;
		struct baseline_entry *e;
		size_t l = strlen(line);

		lineno++;
		if (l == sizeof line - 1 && line[l - 1] != '\n') {
			snprintf(err, errlen, "%s:%d: line too long", path, lineno);
			fclose(f);
			return -1;
		}
		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r' ||
			     line[l - 1] == ' ' || line[l - 1] == '\t'))
			line[--l] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		id = strsep(&p, " \t");
		while (p && (*p == ' ' || *p == '\t'))
			p++;
		kind = p ? strsep(&p, " \t") : NULL;
		while (p && (*p == ' ' || *p == '\t'))
			p++;
		reason = p;
		if (!valid_id_glob(id) || !strchr(id, '.')) {
			snprintf(err, errlen,
				 "%s:%d: '%s' is not a case id (mechanism.behaviour)",
				 path, lineno, id);
			fclose(f);
			return -1;
		}
		if (!kind || (strcmp(kind, "todo") != 0 && strcmp(kind, "skip") != 0)) {
			snprintf(err, errlen,
				 "%s:%d: expected 'todo' or 'skip' after '%s', got '%s'",
				 path, lineno, id, kind ? kind : "");
			fclose(f);
			return -1;
		}
		if (!reason || !*reason) {
			snprintf(err, errlen, "%s:%d: '%s %s' needs a reason", path,
				 lineno, id, kind);
			fclose(f);
			return -1;
		}
		if (strchr(reason, '#')) {
			snprintf(err, errlen,
				 "%s:%d: the reason may not contain '#' (TAP directive)",
				 path, lineno);
			fclose(f);
			return -1;
		}
		e = realloc(entries, sizeof *entries * (size_t)(nentries + 1));
		if (!e) {
			snprintf(err, errlen, "%s: out of memory", path);
			fclose(f);
			return -1;
		}
		entries = e;
		e = &entries[nentries++];
		e->glob = strdup(id);
		e->skip = kind[0] == 's';
		e->reason = strdup(reason);
		e->file = strdup(path);
		e->line = lineno;
	}
	fclose(f);
	return 0;
}

const struct baseline_entry *baseline_find(const char *id)
{
	int i;

	for (i = 0; i < nentries; i++)
		if (fnmatch(entries[i].glob, id, 0) == 0)
			return &entries[i];
	return NULL;
}

void baseline_free(void)
{
	int i;

	for (i = 0; i < nentries; i++) {
		free(entries[i].glob);
		free(entries[i].reason);
		free((char *)entries[i].file);
	}
	free(entries);
	entries = NULL;
	nentries = 0;
}
