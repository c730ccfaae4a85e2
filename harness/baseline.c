/* SPDX-License-Identifier: MIT
 * baseline.c - platform expectations (expected/<platform>.txt).
 *
 * One entry a line:  <case-id-or-glob> <todo|skip> <reason>
 * '#' starts a comment line; blank lines are ignored.  "todo" marks a
 * documented deviation: the case runs, a failure is reported as TAP TODO
 * (an expected failure) and a pass as an unexpected pass.  "skip" marks an
 * interface the platform does not provide: the case is not run.
 *
 * Layers:  include <file>
 * reads another baseline file (a layer: linux.txt, glibc.txt, qemu-user.txt,
 * ...) at that point, named relative to the directory of the file that
 * includes it.  A platform's file is then a list of its layers plus its
 * own entries.  The first entry whose glob matches a case applies, so a
 * platform's own entries go before its includes when they should win.
 * Every entry remembers the file and line it came from; a file under the
 * expected directory is named expected/<file> in the TAP directives.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Deeper than any sensible layering; stops an include cycle. */
#define MAX_INCLUDE_DEPTH 8

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

/* The name a directive shows: expected/<file> for the expected directory. */
static char *display_name(const char *path)
{
	const char *dir = ipct_expected_dir();
	size_t l = strlen(dir);
	char *s;

	if (l && strncmp(path, dir, l) == 0 && path[l] == '/' && path[l + 1]) {
		if (asprintf(&s, "expected/%s", path + l + 1) < 0)
			return NULL;
		return s;
	}
	return strdup(path);
}

/* The file an include line names: relative to the including file's folder. */
static char *include_path(const char *from, const char *name)
{
	const char *slash = strrchr(from, '/');
	char *s;

	if (name[0] == '/' || !slash)
		return strdup(name);
	if (asprintf(&s, "%.*s/%s", (int)(slash - from), from, name) < 0)
		return NULL;
	return s;
}

static int load_file(const char *path, int depth, char *err, size_t errlen);

/* include NAME (the rest of the line after "include"); 0 or -1 with err. */
static int load_include(const char *path, const char *shown, int lineno,
			char *name, int depth, char *err, size_t errlen)
{
	char *inc;
	int r;

	while (*name == ' ' || *name == '\t')
		name++;
	if (!*name || strpbrk(name, " \t#")) {
		snprintf(err, errlen, "%s:%d: 'include' needs one file name", shown,
			 lineno);
		return -1;
	}
	if (depth + 1 >= MAX_INCLUDE_DEPTH) {
		snprintf(err, errlen,
			 "%s:%d: include %s: nested more than %d deep (a cycle?)",
			 shown, lineno, name, MAX_INCLUDE_DEPTH);
		return -1;
	}
	inc = include_path(path, name);
	if (!inc) {
		snprintf(err, errlen, "%s: out of memory", shown);
		return -1;
	}
	if (access(inc, R_OK) != 0) {
		snprintf(err, errlen, "%s:%d: include %s: cannot open %s: %s",
			 shown, lineno, name, inc, ipct_errname(errno));
		free(inc);
		return -1;
	}
	r = load_file(inc, depth + 1, err, errlen);
	free(inc);
	return r;
}

int baseline_load(const char *path, char *err, size_t errlen)
{
	return load_file(path, 0, err, errlen);
}

static int load_file(const char *path, int depth, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[2048];
	int lineno = 0;
	char *shown = display_name(path);

	if (!shown) {
		snprintf(err, errlen, "%s: out of memory", path);
		if (f)
			fclose(f);
		return -1;
	}
	if (!f) {
		snprintf(err, errlen, "%s: cannot open: %s", shown,
			 ipct_errname(errno));
		free(shown);
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		char *p = line, *id, *kind, *reason;
		struct baseline_entry *e;
		size_t l = strlen(line);

		lineno++;
		if (l == sizeof line - 1 && line[l - 1] != '\n') {
			snprintf(err, errlen, "%s:%d: line too long", shown, lineno);
			goto fail;
		}
		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r' ||
			     line[l - 1] == ' ' || line[l - 1] == '\t'))
			line[--l] = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0' || *p == '#')
			continue;
		id = strsep(&p, " \t");
		if (strcmp(id, "include") == 0) {
			if (load_include(path, shown, lineno, p ? p : "", depth,
					 err, errlen) != 0)
				goto fail;
			continue;
		}
		while (p && (*p == ' ' || *p == '\t'))
			p++;
		kind = p ? strsep(&p, " \t") : NULL;
		while (p && (*p == ' ' || *p == '\t'))
			p++;
		reason = p;
		if (!valid_id_glob(id) || !strchr(id, '.')) {
			snprintf(err, errlen,
				 "%s:%d: '%s' is not a case id (mechanism.behaviour)",
				 shown, lineno, id);
			goto fail;
		}
		if (!kind || (strcmp(kind, "todo") != 0 && strcmp(kind, "skip") != 0)) {
			snprintf(err, errlen,
				 "%s:%d: expected 'todo' or 'skip' after '%s', got '%s'",
				 shown, lineno, id, kind ? kind : "");
			goto fail;
		}
		if (!reason || !*reason) {
			snprintf(err, errlen, "%s:%d: '%s %s' needs a reason", shown,
				 lineno, id, kind);
			goto fail;
		}
		if (strchr(reason, '#')) {
			snprintf(err, errlen,
				 "%s:%d: the reason may not contain '#' (TAP directive)",
				 shown, lineno);
			goto fail;
		}
		e = realloc(entries, sizeof *entries * (size_t)(nentries + 1));
		if (!e) {
			snprintf(err, errlen, "%s: out of memory", shown);
			goto fail;
		}
		entries = e;
		e = &entries[nentries++];
		e->glob = strdup(id);
		e->skip = kind[0] == 's';
		e->reason = strdup(reason);
		e->file = strdup(shown);
		e->line = lineno;
	}
	fclose(f);
	free(shown);
	return 0;
fail:
	fclose(f);
	free(shown);
	return -1;
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
