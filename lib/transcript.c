/* SPDX-License-Identifier: MIT
 * transcript.c - where baselines and transcripts live, and the comparison
 * of a reference demo's output with its expected transcript.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where baselines and transcripts are: IPCCONF_EXPECTED_DIR, else the
 * installed copy, else (a binary run straight from its build tree) the
 * source tree configure was run from. */
const char *ipct_expected_dir(void)
{
	const char *d = getenv("IPCCONF_EXPECTED_DIR");

	if (d && *d)
		return d;
	if (access(IPCCONF_PKGDATADIR "/expected", F_OK) == 0)
		return IPCCONF_PKGDATADIR "/expected";
	return IPCCONF_ABS_SRCDIR "/expected";
}

void ipct_check_transcript_at(const char *name, const char *text,
			      const char *file, int line)
{
	char path[1024], *want;
	const char *a, *b;
	int fd, lineno = 1;
	struct stat st;
	ssize_t n;

	snprintf(path, sizeof path, "%s/%s", ipct_expected_dir(), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0)
		ipct_broken(file, line, "cannot read transcript %s: %s", path,
			    ipct_errname(errno));
	want = malloc((size_t)st.st_size + 1);
	if (!want)
		ipct_broken(file, line, "out of memory");
	n = read(fd, want, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size)
		ipct_broken(file, line, "short read of %s", path);
	want[n] = '\0';
	/* A transcript is text: no NUL or CR, and it ends with a newline. */
	if (memchr(want, '\0', (size_t)n) || strchr(want, '\r') ||
	    (n > 0 && want[n - 1] != '\n')) {
		free(want);
		ipct_broken(file, line,
			    "malformed transcript %s: it must be text without NUL or CR bytes, ending with a newline",
			    path);
	}
	if (ipct_page)
		__atomic_fetch_add(&ipct_page->checks, 1, __ATOMIC_RELAXED);
	for (a = want, b = text; *a || *b; lineno++) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		char msg[IPCT_TEXT_MAX];

		if (la != lb || memcmp(a, b, la) != 0 || !*a != !*b) {
			snprintf(msg, sizeof msg,
				 "%s:%d: transcript %s differs at line %d\n"
				 "  expected: %.*s\n  actual:   %.*s\n",
				 ipct_short_path(file), line, path, lineno,
				 *a ? (int)(la > 300 ? 300 : la) : 13,
				 *a ? a : "(end of file)",
				 *b ? (int)(lb > 300 ? 300 : lb) : 15,
				 *b ? b : "(end of output)");
			free(want);
			ipct_fail_text(0, msg);
			_exit(IPCT_EXIT_FAIL);
		}
		a += la + (a[la] == '\n');
		b += lb + (b[lb] == '\n');
	}
	free(want);
}
