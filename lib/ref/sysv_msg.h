/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_msg.h - reference use of System V message queues: a
 * dispatcher that routes requests to workers by message type and routes
 * replies back to each client by its process ID.
 */
#ifndef REF_SYSV_MSG_H
#define REF_SYSV_MSG_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#define REF_SYSV_MSG_TEXT_MAX 64

/* What a request asks its worker to do. */
enum ref_sysv_msg_op {
	REF_SYSV_MSG_OP_WORK = 1,     /* transform text, reply with the result */
	REF_SYSV_MSG_OP_SHUTDOWN = 2, /* reply with the count handled, stop */
};

/* On the request queue.  mtype is the worker's type (> 0), so each worker
 * receives only its own requests by calling msgrcv() with that type. */
struct ref_sysv_msg_request {
	long mtype;
	long reply_to; /* the client's pid: the mtype of the reply */
	unsigned seq;  /* the client's number for this request */
	int op;        /* enum ref_sysv_msg_op */
	char text[REF_SYSV_MSG_TEXT_MAX];
};

/* On the reply queue.  mtype is the client's pid. */
struct ref_sysv_msg_reply {
	long mtype;
	unsigned seq;   /* copied from the request */
	int status;     /* 0, or an errno value for a refused request */
	long handled;   /* shutdown only: requests this worker handled */
	char text[REF_SYSV_MSG_TEXT_MAX];
};

/* Size of the text part of a message (what msgsnd()/msgrcv() count): all
 * of the structure after the leading long mtype. */
#define REF_SYSV_MSG_BODY(type) (sizeof(type) - sizeof(long))

/* msgsnd() that resumes after a signal handler ran (msgsnd() is never
 * restarted automatically).  0 on success, -1 with errno. */
int ref_sysv_msg_send(int msqid, const void *msg, size_t msgsz, int msgflg);
/* msgrcv() that resumes after a signal handler ran.  Returns the number
 * of bytes received, -1 with errno (EIDRM: the queue was removed). */
ssize_t ref_sysv_msg_receive(int msqid, void *msg, size_t msgsz, long msgtyp,
			     int msgflg);

/* A worker's transformation of a request text into a reply text. */
typedef void (*ref_sysv_msg_transform)(const char *in, char *out,
				       size_t outlen);
void ref_sysv_msg_upper(const char *in, char *out, size_t outlen);
void ref_sysv_msg_reverse(const char *in, char *out, size_t outlen);

/* Serve requests of type `type` from reqq, replying on repq, until a
 * shutdown request.  Returns the number of requests handled, -1 with
 * errno on failure. */
long ref_sysv_msg_worker(int reqq, int repq, long type,
			 ref_sysv_msg_transform fn);

/* Called with each queue identifier right after the demo creates it
 * (NULL by default).  A test harness can journal the queues with it. */
extern void (*ref_sysv_msg_created_hook)(int msqid);

/* Runs the dispatcher end to end: two worker processes (type 1 upper-
 * cases, type 2 reverses), one client sending a fixed list of requests,
 * replies printed in request order, shutdown, queues removed.  Writes a
 * deterministic transcript to out; returns 0 on success, -1 on failure. */
int ref_sysv_msg_demo_dispatch(FILE *out);

#endif /* REF_SYSV_MSG_H */
