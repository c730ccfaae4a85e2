/* SPDX-License-Identifier: MIT
 * harness.h - internals of the case runner, one section per part:
 *   options.c    the command line and environment -> struct options
 *   select.c     which cases run: the one glob matcher, the table check,
 *                what a case needs and why it is skipped, --list
 *   supervise.c  running one case: fork, watch, end, clean up; the run
 *                directory; interruption; the watchdog policy
 *   report.c     one outcome -> TAP
 *   lanes.c      timed cases, each in a process of its own beside the
 *                others, and the TAP kept in the order of the list
 *   baseline.c   platform expectations
 *   main.c       the order of it all
 */
#ifndef HARNESS_H
#define HARNESS_H

#include "ipct_int.h"

#include <stdio.h>

#define DEFAULT_TIMEOUT_S 10

/* ------------------------------------------------------------ options */
struct options {
	int list;               /* --list */
	int timeout_s;          /* --timeout; 0: each case's own */
	const char *baseline;   /* file, or NULL for the platform default */
	int explicit_baseline;  /* given by --baseline or IPCCONF_BASELINE */
	int no_baseline;
	const char **globs;     /* selection; none selects every case */
	int nglobs;
	int globs_from_env;     /* the globs came from IPCCONF_CASES */
	int serial;             /* --serial: timed cases run in order too */
};

extern const char *progname;
void die_usage(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
/* Fills o; exits 0 after --help, 2 on a usage error. */
void parse_options(int argc, char **argv, struct options *o);
void options_free(struct options *o);

/* ---------------------------------------------------------- selection */
/* The program's cases: every registered table's (ipct_tables(): sorted by
 * file name, then table order), NULL-terminated. */
const struct ipct_case *const *harness_cases(void);
/* The helper called name, or NULL; *first is its table's file, *second
 * another table's file that names it too (NULL when unique). */
const struct ipct_helper *harness_helper(const char *name, const char **first,
					  const char **second);
/* The one glob matcher: 1 if id matches glob (fnmatch(3) syntax). */
int harness_match(const char *glob, const char *id);
/* 1 if id matches one of the globs (or there are none). */
int harness_selected(const struct options *o, const char *id);
/* Check the tables (ids and helper names unique in the program); -1
 * (after one line per problem on stderr) if bad. */
int validate_table(void);
/* Every explicit glob must match a case: else die_usage. */
void require_matches(const struct options *o);
/* "linux,root,HAVE_PIPE2", or "-". */
const char *needs_str(const struct ipct_case *c);
/* Why the case cannot run here (Linux-only, a missing interface, root...),
 * as a TAP SKIP reason; NULL if it can. */
const char *skip_reason(const struct ipct_case *c);
/* The TAP directive of a case that is not run here: "# SKIP file:line:
 * reason" for a baseline 'skip' entry, else "# SKIP <skip_reason>"; NULL
 * when it runs.  main.c and the lanes decide with it alike. */
const char *skip_directive(const struct ipct_case *c);
void list_cases(const struct options *o);

/* ----------------------------------------------------- baseline.c */
struct baseline_entry {
	char *glob;
	int skip; /* 1: "skip" (not run); 0: "todo" (expected to fail) */
	char *reason;
	const char *file;
	int line;
};

/* Load a baseline file; on error fill err ("file:line: what") and -1. */
int baseline_load(const char *path, char *err, size_t errlen);
const struct baseline_entry *baseline_find(const char *id);
void baseline_free(void);

/* -------------------------------------------------------- supervision */
#define OUTPUT_MAX (64 * 1024)

struct outcome {
	int status;          /* wait status of the case's leader */
	int timed_out;
	int flooded;         /* killed for writing more than the output bound */
	int timeout_ms;      /* the watchdog bound it ran under */
	int64_t ms;          /* how long it ran */
	char output[OUTPUT_MAX + 1]; /* what the case wrote (NUL-terminated) */
	size_t outlen;
	int output_truncated;
	int strays;          /* processes that outlived it outside its group (killed) */
	int leaks;           /* objects still there after cleanup */
	char leak_text[2048];
};

/* Install the signal handlers and create the run directory under base
 * (NULL: $TMPDIR or /tmp); -1 with a "Bail out!" reason in why. */
int supervise_init(const char *base, char *why, size_t whylen);
/* Then map and check the results page; -1 as above. */
int supervise_ready(const char *argv0, char *note, size_t notelen,
		    char *why, size_t whylen);
/* Last, become the subreaper of the cases' orphans.  lanes_start() runs
 * before: a lane's process must not become the runner's child (lanes.c). */
void supervise_adopt(void);
const char *supervise_rundir(void);
/* In a lane's process: let go of the parent's run directory (not removed)
 * before supervise_init() makes the lane's own. */
void supervise_forget(void);
/* Remove the run directory. */
void supervise_end(void);
/* Linux /proc/<pid>/stat from its state letter on ("S ppid ..."), in buf;
 * NULL if there is none to read. */
const char *supervise_proc_state(long pid, char *buf, size_t len);
/* The signal (SIGINT, SIGTERM, SIGHUP, SIGPIPE) received, or 0. */
int supervise_signal(void);
/* End the run after that signal: stop the lanes, clean up, re-raise. */
void supervise_interrupted(int sig) __attribute__((noreturn));
/* Run one case to its end and clean up after it; fills o.  On SIGINT,
 * SIGTERM or SIGHUP it ends the run itself (interrupted_exit). */
void supervise(const struct ipct_case *c, int timeout_ms, struct outcome *o);

/* The watchdog policy (the early give-up rule, see README): the bound for
 * the next case in ms, or 0 when the binary has given up on its remaining
 * cases; watchdog_record() is told how each case ended. */
int watchdog_next_ms(const struct ipct_case *c, int override_s);
void watchdog_record(const struct outcome *o, int ok);
const char *watchdog_give_up_reason(void);

/* ----------------------------------------------------------- report */
/* Where report.c prints: stdout, or the text of a case held back by
 * lanes.c until the cases before it are reported. */
extern FILE *tap_out;
void report_skip(int n, const struct ipct_case *c, const char *directive);
/* Prints the TAP line and its diagnostics; returns 1 if ok. */
int report_outcome(int n, const struct ipct_case *c,
		   const struct baseline_entry *be, const struct outcome *o);
/* The leftovers of the whole run, as "# " lines at the end. */
void report_leftovers(void);

/* ------------------------------------------------------------ lanes */
/* One selected case: skipped before it runs, or run and reported on
 * tap_out (main.c). */
typedef void run_fn(int n, const struct ipct_case *c, const struct options *o);
/* Start every selected timed case that will run (not skipped) in a lane,
 * a process of its own, unless --serial or it is the only case; total is
 * the number of selected cases. */
void lanes_start(const char *argv0, const struct options *o, int total,
		 run_fn *run);
/* 1 if case n runs in a lane: the loop of main.c passes it by. */
int lanes_owns(int n);
/* Before and after main.c runs case n: its TAP goes to tap_out, which is
 * stdout unless a lane's case before it has not reported yet; after, what
 * is complete is printed in the order of the list. */
void lanes_item_begin(int n);
void lanes_item_end(int n);
/* Wait for the lanes still running (within bounds) and print the rest. */
void lanes_finish(void);
/* In a case process: close the lanes' files, so that the case sees no
 * descriptor of the runner's. */
void lanes_close_fds(void);
/* Interrupted: pass sig to the lanes and wait (bounded) for them to end. */
void lanes_stop(int sig);

#endif
