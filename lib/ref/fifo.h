/* SPDX-License-Identifier: MIT
 * lib/ref/fifo.h - reference use of FIFOs: a server reading requests from
 * a well-known FIFO and answering each client on the client's own reply
 * FIFO.  Client and server need not be related: they meet by path name.
 */
#ifndef REF_FIFO_H
#define REF_FIFO_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#define REF_FIFO_PATH_MAX 256
#define REF_FIFO_TEXT_MAX 64

enum ref_fifo_op {
	REF_FIFO_OP_WORK = 1,     /* upper-case text, reply on reply_path */
	REF_FIFO_OP_SHUTDOWN = 2, /* stop serving (no reply) */
};

/* One request: a fixed-size record written with a single write().  It is
 * no larger than _POSIX_PIPE_BUF (512), the smallest PIPE_BUF a system
 * may have, so requests of concurrent clients are never interleaved. */
struct ref_fifo_request {
	int op;                            /* enum ref_fifo_op */
	unsigned client;                   /* the client's number */
	char reply_path[REF_FIFO_PATH_MAX]; /* the client's reply FIFO */
	char text[REF_FIFO_TEXT_MAX];
};

/* One reply, also a single write() of a fixed-size record. */
struct ref_fifo_reply {
	unsigned client; /* copied from the request */
	int status;      /* 0, or an errno value for a refused request */
	char text[REF_FIFO_TEXT_MAX];
};

struct ref_fifo_server {
	int rd;      /* read end of the well-known FIFO */
	int keep_wr; /* the server's own write end: see fifo.c */
	unsigned long served;
	char path[REF_FIFO_PATH_MAX];
};

/* Create the well-known FIFO at path (mode 0600) and open it.  Fails
 * with EEXIST if something is already there (another server).  0 on
 * success, -1 with errno (nothing is left behind then). */
int ref_fifo_server_open(struct ref_fifo_server *s, const char *path);
/* Serve requests until a shutdown request.  Returns the number of work
 * requests answered or refused, -1 with errno on a read failure.  The
 * caller must ignore SIGPIPE (a client may vanish before its reply). */
long ref_fifo_server_run(struct ref_fifo_server *s);
/* Close both ends and unlink the well-known FIFO.  0 or -1 with errno. */
int ref_fifo_server_close(struct ref_fifo_server *s);

/* A client's call: create the reply FIFO at reply_path, send one request
 * with text to the server at server_path, wait for the reply, copy its
 * text to reply (len bytes at most), remove the reply FIFO.  Returns the
 * reply's status (0 or an errno value from the server), -1 with errno
 * on failure (ENXIO or ENOENT: no server is running). */
int ref_fifo_client_call(const char *server_path, const char *reply_path,
			 unsigned client, const char *text, char *reply,
			 size_t len);
/* Ask the server at server_path to stop.  0 or -1 with errno. */
int ref_fifo_client_shutdown(const char *server_path);

/* Runs the scenario end to end in dir (an existing directory the caller
 * owns): one server process and three client processes, each sending
 * one request and checking its reply, then shutdown and cleanup.  Writes
 * a deterministic transcript (lines sorted, no pids or paths) to out;
 * returns 0 on success, -1 on failure. */
int ref_fifo_demo_client_server(FILE *out, const char *dir);

#endif /* REF_FIFO_H */
