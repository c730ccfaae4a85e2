/* SPDX-License-Identifier: MIT
 * report.c - one outcome -> one TAP line and its '#' diagnostics; the
 * leftovers of the whole run at its end.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

FILE *tap_out;

static char leftovers[4096];
static int nleftovers;

static void print_line(int ok, int n, const struct ipct_case *c,
		       const char *directive)
{
	fprintf(tap_out, "%s %d - %s: %s%s%s\n", ok ? "ok" : "not ok", n, c->id,
	       c->asserts, directive[0] ? " " : "", directive);
}

/* Print text as TAP comment lines ("# ..."). */
static void print_comment_lines(const char *text)
{
	while (*text) {
		size_t l = strcspn(text, "\n");

		fprintf(tap_out, "#%s%.*s\n", l ? " " : "", (int)l, text);
		text += l;
		if (*text == '\n')
			text++;
	}
}

void report_skip(int n, const struct ipct_case *c, const char *directive)
{
	print_line(1, n, c, directive);
}

/* Why the case is not ok, in note (no '#': it becomes TAP text); 1 if ok. */
static int judge(const struct outcome *o, char *note, size_t len)
{
	const struct ipct_page *p = ipct_page;
	char st[96];

	note[0] = '\0';
	if (o->timed_out) {
		snprintf(note, len, "timeout after %g s", o->timeout_ms / 1000.0);
		return 0;
	}
	if (o->flooded) {
		snprintf(note, len, "killed: it wrote more than 4 MiB of output");
		return 0;
	}
	if (p->failed) {
		if (p->broken)
			snprintf(note, len, "broken (setup failed)");
		return 0;
	}
	if (WIFSIGNALED(o->status)) {
		ipct_status_str(o->status, note, len);
		return 0;
	}
	if (p->skipped && WIFEXITED(o->status) && WEXITSTATUS(o->status) == 0)
		return 1;
	if (!WIFEXITED(o->status) || WEXITSTATUS(o->status) != 0) {
		snprintf(note, len, "%s outside the case protocol%s",
			 ipct_status_str(o->status, st, sizeof st),
			 WIFEXITED(o->status) && WEXITSTATUS(o->status) == 99 ?
			 " (valgrind --error-exitcode?)" : "");
		return 0;
	}
	if (!p->finished) {
		snprintf(note, len, "ended before the case function returned");
		return 0;
	}
	if (p->checks == 0) {
		snprintf(note, len, "no check ran");
		return 0;
	}
	return 1;
}

static void remember_leaks(const struct ipct_case *c, const struct outcome *o)
{
	size_t l = strlen(leftovers);

	nleftovers += o->leaks;
	if (l < sizeof leftovers - 1)
		snprintf(leftovers + l, sizeof leftovers - l, "#   %s: %s\n",
			 c->id, o->leak_text);
}

int report_outcome(int n, const struct ipct_case *c,
		   const struct baseline_entry *be, const struct outcome *o)
{
	char directive[2048], note[2200];
	int ok = judge(o, note, sizeof note);

	if (o->leaks > 0) {
		size_t l = strlen(note);

		ok = 0;
		snprintf(note + l, sizeof note - l, "%s%s", l ? "; " : "", o->leak_text);
		remember_leaks(c, o);
	}
	directive[0] = '\0';
	if (ok && ipct_page->skipped)
		snprintf(directive, sizeof directive, "# SKIP %s",
			 ipct_page->skip_reason);
	else if (be && !ok)
		snprintf(directive, sizeof directive, "# TODO %s:%d: %s%s%s%s",
			 be->file, be->line, be->reason, note[0] ? " (" : "",
			 note, note[0] ? ")" : "");
	else if (be && ok)
		snprintf(directive, sizeof directive,
			 "# TODO unexpected pass: %s:%d lists it: %s", be->file,
			 be->line, be->reason);
	else if (note[0])
		snprintf(directive, sizeof directive, "# %s", note);
	/* '#' in a skip reason would start a second directive. */
	{
		char *p = directive[0] ? directive + 1 : directive;

		while ((p = strchr(p, '#')) != NULL)
			*p = '-';
	}
	print_line(ok, n, c, directive);
	if (!ok) {
		if (ipct_page->failure[0])
			print_comment_lines(ipct_page->failure);
		if (o->timed_out && ipct_page->progress[0])
			fprintf(tap_out, "# last progress: %s\n", ipct_page->progress);
		fprintf(tap_out, "# asserts: %s\n# spec: %s\n", c->asserts, c->spec);
	}
	if (o->strays)
		fprintf(tap_out, "# runner: killed %d process(es) of the case that outlived it outside its process group\n",
		       o->strays);
	if (o->outlen) {
		print_comment_lines(o->output);
		if (o->output_truncated)
			fprintf(tap_out, "# (case output truncated at %d bytes)\n", OUTPUT_MAX);
	}
	fflush(tap_out);
	return ok;
}

void report_leftovers(void)
{
	if (!nleftovers)
		return;
	fprintf(tap_out, "# leftovers of this run: %d object(s) could not be removed:\n%s",
	       nleftovers, leftovers);
	fflush(tap_out);
}
