/* SPDX-License-Identifier: MIT
 * options.c - the runner's command line and environment.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *progname = "ipcconf";

static void usage(FILE *f)
{
	fprintf(f,
"usage: %s [options] [CASE-GLOB...]\n"
"Runs this binary's ipcconf cases, each in a forked process under a\n"
"watchdog, and prints TAP on stdout.\n"
"\n"
"  -l, --list             print id, mechanism, needs, statement and source\n"
"                         of each case (tab-separated) and exit\n"
"  -c, --case GLOB        run only cases whose id matches GLOB (repeatable;\n"
"                         positional arguments do the same)\n"
"  -t, --timeout SECONDS  watchdog bound for every case (default: each\n"
"                         case's own, else %d s), times IPCCONF_TIMEOUT_MUL\n"
"      --block-proof=MODE proc (default where /proc exists) or window\n"
"                         (force the timed-window fallback)\n"
"      --baseline FILE    platform expectations file (default: the one\n"
"                         configure chose, if it exists)\n"
"      --no-baseline      ignore platform expectations\n"
"  -s, --serial           run the timed cases in order with the others\n"
"                         instead of each beside them in a process of its\n"
"                         own (the TAP is in the same order either way)\n"
"  -h, --help             show this help\n"
"\n"
"Environment: IPCCONF_CASES (space-separated globs; a binary with no match\n"
"is skipped as a whole), IPCCONF_TIMEOUT_MUL, IPCCONF_BASELINE,\n"
"IPCCONF_EXPECTED_DIR, IPCCONF_BLOCK_PROOF, IPCCONF_SERIAL (1: --serial),\n"
"TMPDIR.\n"
"Exit status: 0 when the run completed (results are in the TAP stream),\n"
"1 when the runner could not do its own work (a 'Bail out!' line says\n"
"why), 2 for a usage error, 128+N when ended by signal N.\n",
		progname, DEFAULT_TIMEOUT_S);
}

void die_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static int parse_seconds(const char *val)
{
	char *end;
	long v = strtol(val, &end, 10);

	if (*val == '\0' || *end != '\0' || v <= 0 || v > 86400)
		die_usage("--timeout: '%s' is not a number of seconds (1-86400)", val);
	return (int)v;
}

/* Static, so that a leak checker sees them reachable on every exit path. */
static char *envsel;

void parse_options(int argc, char **argv, struct options *o)
{
	const char *proof = getenv("IPCCONF_BLOCK_PROOF");
	const char *env_cases = getenv("IPCCONF_CASES");
	const char *serial = getenv("IPCCONF_SERIAL");
	int i;

	memset(o, 0, sizeof *o);
	o->baseline = getenv("IPCCONF_BASELINE");
	o->explicit_baseline = o->baseline && *o->baseline;
	o->serial = serial && strcmp(serial, "1") == 0;
	o->globs = calloc((size_t)argc + 64, sizeof *o->globs);
	if (!o->globs)
		die_usage("out of memory");
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			exit(0);
		} else if (strcmp(a, "-l") == 0 || strcmp(a, "--list") == 0) {
			o->list = 1;
		} else if (strcmp(a, "-c") == 0 || strcmp(a, "--case") == 0) {
			if (++i >= argc)
				die_usage("%s needs a case id or glob", a);
			o->globs[o->nglobs++] = argv[i];
		} else if (strncmp(a, "--case=", 7) == 0) {
			o->globs[o->nglobs++] = a + 7;
		} else if (strncmp(a, "--timeout=", 10) == 0) {
			o->timeout_s = parse_seconds(a + 10);
		} else if (strcmp(a, "-t") == 0 || strcmp(a, "--timeout") == 0) {
			if (++i >= argc)
				die_usage("%s needs a number of seconds", a);
			o->timeout_s = parse_seconds(argv[i]);
		} else if (strncmp(a, "--block-proof=", 14) == 0) {
			proof = a + 14;
		} else if (strcmp(a, "--baseline") == 0) {
			if (++i >= argc)
				die_usage("--baseline needs a file");
			o->baseline = argv[i];
			o->explicit_baseline = 1;
		} else if (strncmp(a, "--baseline=", 11) == 0) {
			o->baseline = a + 11;
			o->explicit_baseline = 1;
		} else if (strcmp(a, "--no-baseline") == 0) {
			o->no_baseline = 1;
		} else if (strcmp(a, "-s") == 0 || strcmp(a, "--serial") == 0) {
			o->serial = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			die_usage("unknown option '%s' (try --help)", a);
		} else {
			o->globs[o->nglobs++] = a;
		}
	}
	if (ipct_timeout_mul_problem())
		die_usage("%s", ipct_timeout_mul_problem());
	if (proof && *proof) {
		if (strcmp(proof, "window") == 0)
			ipct_force_window_proof = 1;
		else if (strcmp(proof, "proc") != 0)
			die_usage("--block-proof: '%s' is not 'proc' or 'window'", proof);
	}
	/* IPCCONF_CASES applies only when the command line names no case. */
	if (o->nglobs == 0 && env_cases && *env_cases) {
		char *save = NULL, *tok;

		envsel = strdup(env_cases);
		if (!envsel)
			die_usage("out of memory");
		for (tok = strtok_r(envsel, " \t,", &save); tok && o->nglobs < argc + 63;
		     tok = strtok_r(NULL, " \t,", &save))
			o->globs[o->nglobs++] = tok;
		o->globs_from_env = 1;
	}
}

void options_free(struct options *o)
{
	free(envsel);
	envsel = NULL;
	free(o->globs);
	o->globs = NULL;
}
