/* SPDX-License-Identifier: MIT
 * cases/posix_sem/posix_sem.h - helpers shared by the posix_sem case files.
 *
 * Included after ipct.h.  Setup helpers are fatal through IPCT_BROKEN (a
 * failed setup is not the behaviour under test); a platform whose
 * sem_open() answers ENOSYS skips the case instead.  Cases on named
 * semaphores declare .requires = { IPCT_HAVE(HAVE_SEM_OPEN) }.
 */
#ifndef CASES_POSIX_SEM_POSIX_SEM_H
#define CASES_POSIX_SEM_POSIX_SEM_H

#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A new named semaphore (O_CREAT|O_EXCL, mode 0600) with `value`. */
static inline sem_t *posix_sem_xcreate(const char *name, unsigned value)
{
	sem_t *s;

	s = sem_open(name, O_CREAT | O_EXCL, 0600, value);
	if (s == SEM_FAILED) {
		ipct_skip_if_unsupported("sem_open", errno);
		IPCT_BROKEN("sem_open(%s, O_CREAT|O_EXCL, 0600, %u): %s", name,
			    value, ipct_errname(errno));
	}
	return s;
}

/* An unnamed process-shared semaphore in memory shared with children
 * forked afterwards. */
static inline sem_t *posix_sem_xshared(unsigned value)
{
	sem_t *s = ipct_shared_alloc(sizeof *s);

	if (sem_init(s, 1, value) != 0) {
		ipct_skip_if_unsupported("sem_init(pshared=1)", errno);
		IPCT_BROKEN("sem_init(pshared=1, %u): %s", value,
			    ipct_errname(errno));
	}
	return s;
}

/* The current value as sem_getvalue() reports it (setup: fatal). */
static inline int posix_sem_xvalue(sem_t *s)
{
	int v;

	if (sem_getvalue(s, &v) != 0)
		IPCT_BROKEN("sem_getvalue(): %s", ipct_errname(errno));
	return v;
}

/* Calls for blocker children (ipct_block_start). */
static inline long posix_sem_call_wait(void *s)
{
	return sem_wait(s);
}

#endif /* CASES_POSIX_SEM_POSIX_SEM_H */
