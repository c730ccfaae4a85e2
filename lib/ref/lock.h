/* SPDX-License-Identifier: MIT
 * lib/ref/lock.h - reference use of POSIX record locks: a file of
 * fixed-size counter records shared by unrelated processes, each update
 * made under an exclusive fcntl() lock of that record only, whole-file
 * reads under a shared lock.
 */
#ifndef REF_LOCK_H
#define REF_LOCK_H

#include <stdio.h>
#include <sys/types.h>

/* A record: a decimal number in REF_LOCK_RECORD bytes ("%15ld\n"), so
 * the file can be read with cat. */
#define REF_LOCK_RECORD 16

/* Take a lock of `type` (F_RDLCK or F_WRLCK) on [start, start+len), len 0
 * meaning to the end of the file however large it grows, waiting as long
 * as needed (resumes after a signal handler ran).  0, or -1 with errno
 * (EDEADLK: waiting would deadlock with another process). */
int ref_lock_range(int fd, int type, off_t start, off_t len);
/* The same without waiting: -1 with errno EAGAIN if another process holds
 * a conflicting lock (POSIX allows EACCES or EAGAIN; this returns EAGAIN
 * for both). */
int ref_lock_try_range(int fd, int type, off_t start, off_t len);
/* Release this process's locks on [start, start+len).  0, or -1. */
int ref_lock_unlock_range(int fd, off_t start, off_t len);
/* The process holding a lock that would block an exclusive lock on the
 * range: its pid, 0 when nothing would block, -1 with errno. */
pid_t ref_lock_holder(int fd, off_t start, off_t len);

/* Counter records.  ref_lock_record_add() locks record `rec`
 * exclusively, reads it, adds `delta`, writes it back and unlocks: a
 * read-modify-write that is only correct under the lock.  Returns 0 and
 * the new value in *value (may be NULL), or -1 with errno. */
int ref_lock_record_add(int fd, int rec, long delta, long *value);
/* Read `n` records into values[] under one shared lock of the whole
 * file, so that no update is half seen.  0, or -1 with errno. */
int ref_lock_records_read(int fd, int n, long *values);

/* Called by the demo with the pid of a worker that has asked for a
 * record lock the demo holds, before the demo releases it (NULL by
 * default).  A test harness proves with it that the worker waits. */
extern void (*ref_lock_waiting_hook)(pid_t pid);

/* Runs the record file end to end in directory `dir` (which must exist
 * and be private): worker processes add to shared counter records, each
 * increment under the lock of its record; a reader sums them under a
 * shared lock; a worker waits while the demo holds a record in the middle
 * of its own update; a process killed while holding a record lock gives
 * it back.  Writes a deterministic transcript to out and removes its file;
 * returns 0 on success, -1 on failure (errno set where a call failed). */
int ref_lock_demo_counter(FILE *out, const char *dir);

#endif /* REF_LOCK_H */
