/* SPDX-License-Identifier: MIT
 * ipct_int.h - what libipct shares with the harness: the results page.
 *
 * The runner maps one page shared (page.c) before it forks a case, so the
 * case and all its children write into it and the runner reads it after
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


/* Map the results page (page.c) and check that a child's writes reach the
 * parent; where an anonymous shared mapping is not shared, fall back to a
 * file-backed one in dir (note says so in one line).  -1 (reason in note)
 * when neither is shared: the runner must not run cases then. */
int ipct_page_create(const char *dir, char *note, size_t len);
/* Before each case: clear the outcome fields and the journal, set the
 * private directory. */
void ipct_page_reset(const char *tmpdir);

/* Remove every journaled object and check it is gone (cleanup.c); returns
 * the number still there, each described in buf with the call that failed
 * and the second way tried. */
int ipct_journal_cleanup(char *buf, size_t len);

/* Leader, end of case: reap every tracked child, failing on stragglers. */
void ipct_reap_children(void);
/* Recursive removal (chmods directories back to 0700 first); 0 only if
 * the path is gone afterwards. */
int ipct_remove_tree(const char *path);

/* Directory of baselines and transcripts (see transcript.c). */
const char *ipct_expected_dir(void);

/* "../cases/pipe/read.c" -> "cases/pipe/read.c" */
const char *ipct_short_path(const char *file);

/* Fill a diagnostic into the page (first failure wins) and print it. */
void ipct_fail_text(int broken, const char *text);

#endif
