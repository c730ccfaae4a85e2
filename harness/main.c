/* SPDX-License-Identifier: MIT
 * main.c - the main() every case binary links: the order of a run.
 * Options (options.c), then selection (select.c), then each selected case
 * under supervision (supervise.c), reported as TAP (report.c); timed cases
 * beside the others, each in a lane of its own (lanes.c).
 */
#define _GNU_SOURCE
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static struct outcome outcome; /* 64 KiB of output: not on the stack */

static int run_helper(int argc, char **argv)
{
	const char *first, *second;
	const struct ipct_helper *h = harness_helper(argv[2], &first, &second);

	if (!h)
		die_usage("no helper named '%s' in this binary", argv[2]);
	if (second)
		die_usage("two helpers named '%s' in this binary (%s, %s)",
			  argv[2], first, second);
	return h->main(argc - 2, argv + 2);
}

static void load_baseline(const struct options *o)
{
	const char *path = o->baseline;
	char defpath[1024], err[1024];

	if (o->no_baseline)
		return;
	if (!o->explicit_baseline) {
		snprintf(defpath, sizeof defpath, "%s/%s.txt",
			 ipct_expected_dir(), IPCCONF_PLATFORM);
		path = access(defpath, F_OK) == 0 ? defpath : NULL;
	}
	if (path && baseline_load(path, err, sizeof err) != 0)
		die_usage("malformed baseline: %s", err);
}

/* One selected case: skipped before it runs, or run and reported. */
static void run_one(int n, const struct ipct_case *c, const struct options *o)
{
	const char *skip = skip_directive(c);
	int ms;

	if (skip) {
		report_skip(n, c, skip);
		return;
	}
	ms = watchdog_next_ms(c, o->timeout_s);
	if (ms == 0) {
		fprintf(tap_out, "not ok %d - %s: %s # %s\n", n, c->id,
			c->asserts, watchdog_give_up_reason());
		return;
	}
	supervise(c, ms, &outcome);
	watchdog_record(&outcome,
			report_outcome(n, c, baseline_find(c->id), &outcome));
}

int main(int argc, char **argv)
{
	const struct ipct_case *const *cases;
	struct options o;
	char note[1024], why[1024];
	int i, n, total;

	if (argv[0]) {
		const char *s = strrchr(argv[0], '/');

		progname = s ? s + 1 : argv[0];
	}
	/* Unbuffered, for the case processes it forks: they inherit it, so
	 * what a case prints before it crashes is in its output file, and
	 * they need not call setvbuf(), which wrote two pages (a copy each)
	 * of every case.  Each printf() is still one write(). */
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc >= 3 && strcmp(argv[1], "--helper") == 0)
		return run_helper(argc, argv);
	parse_options(argc, argv, &o);
	if (validate_table() != 0)
		return 2;
	/* Explicit ids must exist: a typo is an error, not an empty pass. */
	require_matches(&o);
	if (o.list) {
		list_cases(&o);
		options_free(&o);
		return 0;
	}
	load_baseline(&o);

	cases = harness_cases();
	for (i = 0, total = 0; cases[i]; i++)
		total += harness_selected(&o, cases[i]->id);
	if (total == 0) {
		/* Only reachable through IPCCONF_CASES. */
		printf("1..0 # SKIP no case here matches IPCCONF_CASES\n");
		options_free(&o);
		baseline_free();
		return 0;
	}
	tap_out = stdout;
	if (ipct_exec_wrapper_check(why, sizeof why) != 0) {
		printf("Bail out! %s\n", why);
		options_free(&o);
		baseline_free();
		return 1;
	}
	if (supervise_init(NULL, why, sizeof why) != 0 ||
	    supervise_ready(argv[0], note, sizeof note, why, sizeof why) != 0) {
		printf("Bail out! %s\n", why);
		return 1;
	}
	lanes_start(argv[0], &o, total, run_one);
	supervise_adopt();
	printf("1..%d\n", total);
	if (note[0])
		printf("# runner: %s\n", note);
	if (ipct_scale_ms(1000) != 1000)
		printf("# runner: every watchdog and wait is scaled by IPCCONF_TIMEOUT_MUL=%g\n",
		       ipct_timeout_mul());
	for (i = 0, n = 0; cases[i]; i++) {
		if (!harness_selected(&o, cases[i]->id) || lanes_owns(++n))
			continue;
		lanes_item_begin(n);
		run_one(n, cases[i], &o);
		lanes_item_end(n);
	}
	lanes_finish();
	report_leftovers();
	supervise_end();
	options_free(&o);
	baseline_free();
	return 0;
}
