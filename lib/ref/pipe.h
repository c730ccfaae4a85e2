/* SPDX-License-Identifier: MIT
 * lib/ref/pipe.h - reference use of an unnamed pipe: a parent streams a
 * payload to a child it forked, which reads until end-of-file.
 */
#ifndef REF_PIPE_H
#define REF_PIPE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Write all len bytes to fd, resuming after partial writes and after a
 * signal handler interrupted the call (EINTR).  0 on success, -1 with
 * errno on failure (EPIPE: no reader is left, if SIGPIPE did not end the
 * process first). */
int ref_pipe_write_all(int fd, const void *buf, size_t len);

/* Read from fd until end-of-file (every write end closed) or until len
 * bytes have arrived, resuming after EINTR.  Returns the number of bytes
 * read, -1 with errno on failure.  A return of len means the buffer is
 * full: call again to learn whether more follows. */
ssize_t ref_pipe_read_all(int fd, void *buf, size_t len);

/* 32-bit FNV-1a hash of a buffer, continuing from `h` (start with
 * REF_PIPE_FNV_INIT): the demo's checksum. */
#define REF_PIPE_FNV_INIT UINT32_C(2166136261)
uint32_t ref_pipe_fnv1a(uint32_t h, const void *buf, size_t len);

/* The demo payload: 200 KiB, several times a pipe's usual capacity, sent
 * in 4 chunks; byte i is a fixed function of i. */
#define REF_PIPE_DEMO_SIZE ((size_t)200 * 1024)
#define REF_PIPE_DEMO_CHUNKS 4

/* Runs the transfer end to end: pipe, fork, each side closes the end it
 * does not use, the parent writes the payload in chunks with
 * ref_pipe_write_all() and closes its write end, the child reads to
 * end-of-file with ref_pipe_read_all() and reports its byte count and
 * checksum back through a second pipe, the parent reaps the child.
 * Writes a deterministic transcript to out; returns 0 on success, -1 on
 * failure (with errno set where a call failed). */
int ref_pipe_demo_transfer(FILE *out);

#endif /* REF_PIPE_H */
