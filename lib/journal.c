/* SPDX-License-Identifier: MIT
 * journal.c - the cleanup journal, written by the case: every object a
 * case creates is recorded in the results page before (names) or right
 * after (SysV ids) it exists, so a crash at any point leaks nothing.  The
 * runner removes what it records (cleanup.c); nothing is ever removed that
 * the journal did not record.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static struct ipct_journal_entry *journal_add(enum ipct_kind kind, int id,
					      const char *name)
{
	struct ipct_journal_entry *e;
	int slot;

	if (!ipct_page)
		return NULL;
	slot = __atomic_fetch_add(&ipct_page->journal_n, 1, __ATOMIC_ACQ_REL);
	if (slot >= IPCT_JOURNAL_MAX)
		IPCT_BROKEN("cleanup journal full (%d objects)", IPCT_JOURNAL_MAX);
	e = &ipct_page->journal[slot];
	e->id = id;
	snprintf(e->name, sizeof e->name, "%s", name ? name : "");
	__atomic_store_n(&e->kind, (int)kind, __ATOMIC_RELEASE);
	return e;
}

void ipct_track_id(enum ipct_kind kind, int id)
{
	if (id >= 0)
		journal_add(kind, id, NULL);
}

void ipct_track_name(enum ipct_kind kind, const char *name)
{
	journal_add(kind, -1, name);
}

const char *ipct_posix_name(enum ipct_kind kind)
{
	static unsigned seq;
	static char fallback[IPCT_NAME_MAX];
	char name[IPCT_NAME_MAX];
	struct ipct_journal_entry *e;

	snprintf(name, sizeof name, "/ipcconf.%u.%ld.%u",
		 ipct_page ? ipct_page->run_id : 0u, (long)getpid(), ++seq);
	e = journal_add(kind, -1, name);
	if (!e) {
		snprintf(fallback, sizeof fallback, "%s", name);
		return fallback;
	}
	return e->name;
}

const char *ipct_long_posix_name(enum ipct_kind kind, size_t len)
{
	static char buf[4096];
	char base[IPCT_NAME_MAX];
	size_t n;

	snprintf(base, sizeof base, "%s", ipct_posix_name(kind));
	n = strlen(base);
	if (len + 2 > sizeof buf || n > len + 1)
		IPCT_BROKEN("a name of %zu bytes does not fit (base %s)", len, base);
	/* The journal removes the long name, not only its base. */
	memcpy(buf, base, n);
	memset(buf + n, 'x', len + 1 - n);
	buf[len + 1] = '\0';
	if (len + 2 <= IPCT_NAME_MAX)
		ipct_track_name(kind, buf);
	return buf;
}
