/* SPDX-License-Identifier: MIT
 * harness.h - internals of the case runner.
 */
#ifndef HARNESS_H
#define HARNESS_H

#include "ipct_int.h"

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

#endif
