/* SPDX-License-Identifier: MIT
 * ipct_int.h - what libipct shares with the harness: the results page.
 *
 * The harness maps one page set MAP_SHARED before it forks a case, so the
 * case and all its children write into it and the harness reads it after
 * the case ended, however it ended.  Cases never include this header.
 */
#ifndef IPCT_INT_H
#define IPCT_INT_H

#include "ipct.h"

#define IPCT_JOURNAL_MAX 256
#define IPCT_NAME_MAX 272 /* NAME_MAX 255, a slash, NUL, spare */
#define IPCT_TEXT_MAX 4096

/* Exit statuses of a case process (the leader or a child of it). */
#define IPCT_EXIT_PASS 0
#define IPCT_EXIT_FAIL 1 /* a check failed; text is in the page */

struct ipct_journal_entry {
	volatile int kind; /* enum ipct_kind; 0 while the slot is being filled */
	int id;
	char name[IPCT_NAME_MAX];
};

struct ipct_page {
	volatile int checks;   /* checks that ran, in every process */
	volatile int failed;   /* 1 once a check failed (first one wins) */
	volatile int broken;   /* the failure was in setup */
	volatile int skipped;  /* ipct_skip() was called */
	volatile int finished; /* the case function returned in the leader */
	volatile int journal_n;
	volatile int text_lock;
	char failure[IPCT_TEXT_MAX]; /* the first failure's diagnostic */
	char skip_reason[512];
	char progress[512];
	char tmpdir[256];
	char self_exe[512];
	unsigned run_id;
	struct ipct_journal_entry journal[IPCT_JOURNAL_MAX];
};

extern struct ipct_page *ipct_page;

/* Set by the harness: forces the timed-window blocking proof. */
extern int ipct_force_window_proof;


/* Remove every journaled object; returns the number that could not be
 * removed, with a description of each appended to buf. */
int ipct_journal_cleanup(char *buf, size_t len);

/* Leader, end of case: reap every tracked child, failing on stragglers. */
void ipct_reap_children(void);
/* Recursive removal (chmods directories back to 0700 first). */
int ipct_remove_tree(const char *path);

/* Directory of baselines and transcripts (see journal.c). */
const char *ipct_expected_dir(void);

/* "../cases/pipe/read.c" -> "cases/pipe/read.c" */
const char *ipct_short_path(const char *file);

/* Fill a diagnostic into the page (first failure wins) and print it. */
void ipct_fail_text(int broken, const char *text);

#endif
