/* SPDX-License-Identifier: MIT
 * interpose.h - a small table-driven LD_PRELOAD interposition core, for
 * test-only libraries that make a platform misbehave on purpose
 * (harness/faults.c; a later "sabotage" library can reuse it).  Never
 * installed, never linked into the suite.
 *
 * A library built on it defines:
 *   - a table of named behaviours, struct interpose_row rows[] ending with
 *     a row whose name is NULL, and declares it with INTERPOSE_TABLE(rows,
 *     "ENV_VAR"): the comma-separated names in ENV_VAR select rows when the
 *     library is loaded (an unknown name: one line on stderr, exit 2);
 *   - wrappers with the names of the functions they replace, which ask
 *     interpose_on(ROW) whether a selected row applies in this process and
 *     otherwise call the real function through INTERPOSE_REAL(fn).
 * A row's in_scope (may be NULL: everywhere) narrows where it acts, e.g. a
 * sabotage that acts only inside case processes while a fault acts in the
 * runner too.
 */
#ifndef INTERPOSE_H
#define INTERPOSE_H

#include <stddef.h>

struct interpose_row {
	const char *name;  /* selected by this name in the environment variable */
	const char *what;  /* the broken platform it models, one line */
	int (*in_scope)(void);
	int selected;      /* set at load */
};

/* The table and its variable; the core reads them once, at load time. */
struct interpose_table {
	struct interpose_row *rows;
	const char *env;
};
extern const struct interpose_table interpose_table;
#define INTERPOSE_TABLE(rows_, env_) \
	const struct interpose_table interpose_table = { (rows_), (env_) }

/* 1 if row i is selected and in scope in this process. */
int interpose_on(int i);

/* The next definition of a symbol (the real one), looked up once. */
void *interpose_next(const char *name, void **cache);
#define INTERPOSE_REAL(fn)                                                 \
	({ static void *cache_;                                             \
	   (__typeof__(&fn))interpose_next(#fn, &cache_); })

/* Never return, whatever the signals: only SIGKILL ends the caller (how a
 * call that hangs on a broken platform behaves). */
void interpose_hang(void) __attribute__((noreturn));

#endif
