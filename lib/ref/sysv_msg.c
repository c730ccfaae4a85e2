/* SPDX-License-Identifier: MIT
 * lib/ref/sysv_msg.c - reference use of System V message queues: a typed
 * dispatcher.
 *
 * Design.  Two queues, both IPC_PRIVATE and mode 0600 (the workers are
 * children of the creator, so no key is needed):
 *
 *   request queue  mtype = the worker's type.  Worker k calls
 *                  msgrcv(reqq, ..., k, 0) and so sees only its own
 *                  requests; requests for other workers stay queued for
 *                  them.  A shutdown is a request like any other, so it
 *                  arrives after the work already queued for that worker.
 *   reply queue    mtype = the client's pid.  Each client calls
 *                  msgrcv(repq, ..., getpid(), 0) and sees only its own
 *                  replies, however many clients share the queue.
 *
 * Replies could share the request queue with disjoint type ranges, but
 * a pid is any positive number (1 or 2 in a new pid namespace), so it
 * could collide with a worker type; a second queue keeps the two
 * address spaces apart at the cost of one more identifier.
 *
 * Each reply carries the request's sequence number: replies from
 * different workers arrive in any order, and the client puts them back in
 * request order.
 *
 * Blocking: every msgsnd()/msgrcv() here blocks (no IPC_NOWAIT).  If both
 * queues filled up, workers would wait on the reply queue while the
 * client waited on the request queue; the demo's few requests cannot fill
 * a queue, and a client with large batches should collect replies between
 * sends.  msgsnd() and msgrcv() are never restarted after a signal
 * handler (even with SA_RESTART on Linux), so the wrappers below resume
 * on EINTR themselves.
 *
 * Cleanup: the demo removes both queues with IPC_RMID on every path; a
 * worker still blocked then gets EIDRM and exits, and the demo reaps it.
 */
#define _XOPEN_SOURCE 700
#include "ref/sysv_msg.h"

#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

void (*ref_sysv_msg_created_hook)(int msqid);

int ref_sysv_msg_send(int msqid, const void *msg, size_t msgsz, int msgflg)
{
	int r;

	do
		r = msgsnd(msqid, msg, msgsz, msgflg);
	while (r < 0 && errno == EINTR);
	return r;
}

ssize_t ref_sysv_msg_receive(int msqid, void *msg, size_t msgsz, long msgtyp,
			     int msgflg)
{
	ssize_t n;

	do
		n = msgrcv(msqid, msg, msgsz, msgtyp, msgflg);
	while (n < 0 && errno == EINTR);
	return n;
}

void ref_sysv_msg_upper(const char *in, char *out, size_t outlen)
{
	size_t i;

	for (i = 0; in[i] && i + 1 < outlen; i++)
		out[i] = (char)toupper((unsigned char)in[i]);
	out[i] = '\0';
}

void ref_sysv_msg_reverse(const char *in, char *out, size_t outlen)
{
	size_t n = strlen(in), i;

	if (n + 1 > outlen)
		n = outlen - 1;
	for (i = 0; i < n; i++)
		out[i] = in[n - 1 - i];
	out[n] = '\0';
}

long ref_sysv_msg_worker(int reqq, int repq, long type,
			 ref_sysv_msg_transform fn)
{
	struct ref_sysv_msg_request req;
	struct ref_sysv_msg_reply rep;
	long handled = 0;

	for (;;) {
		if (ref_sysv_msg_receive(reqq, &req, REF_SYSV_MSG_BODY(req),
					 type, 0) < 0)
			return -1;
		memset(&rep, 0, sizeof rep);
		rep.mtype = req.reply_to;
		rep.seq = req.seq;
		if (req.op == REF_SYSV_MSG_OP_SHUTDOWN) {
			rep.handled = handled;
			if (ref_sysv_msg_send(repq, &rep, REF_SYSV_MSG_BODY(rep), 0) < 0)
				return -1;
			return handled;
		}
		if (req.op == REF_SYSV_MSG_OP_WORK) {
			/* The text came from another process: terminate it. */
			req.text[sizeof req.text - 1] = '\0';
			fn(req.text, rep.text, sizeof rep.text);
			handled++;
		} else {
			rep.status = EINVAL;
		}
		if (ref_sysv_msg_send(repq, &rep, REF_SYSV_MSG_BODY(rep), 0) < 0)
			return -1;
	}
}

/* ------------------------------------------------------------------ */
/* The demo                                                            */

static const struct {
	long worker;
	const char *text;
} demo_requests[] = {
	{ 1, "hello" },
	{ 2, "hello" },
	{ 1, "System V" },
	{ 2, "dispatch" },
	{ 2, "msgrcv by type" },
	{ 1, "reply to pid" },
};
#define DEMO_N (sizeof demo_requests / sizeof demo_requests[0])

static const struct {
	long type;
	const char *name;
	ref_sysv_msg_transform fn;
} demo_workers[] = {
	{ 1, "upper", ref_sysv_msg_upper },
	{ 2, "reverse", ref_sysv_msg_reverse },
};
#define DEMO_WORKERS (sizeof demo_workers / sizeof demo_workers[0])

static int demo_queue(void)
{
	int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);

	if (q >= 0 && ref_sysv_msg_created_hook)
		ref_sysv_msg_created_hook(q);
	return q;
}

/* Send every request, then collect one reply per request. */
static int demo_client(FILE *out, int reqq, int repq)
{
	struct ref_sysv_msg_reply replies[DEMO_N];
	int got[DEMO_N] = { 0 };
	long me = (long)getpid();
	size_t i;

	for (i = 0; i < DEMO_N; i++) {
		struct ref_sysv_msg_request req;

		memset(&req, 0, sizeof req);
		req.mtype = demo_requests[i].worker;
		req.reply_to = me;
		req.seq = (unsigned)i;
		req.op = REF_SYSV_MSG_OP_WORK;
		strncpy(req.text, demo_requests[i].text, sizeof req.text - 1);
		if (ref_sysv_msg_send(reqq, &req, REF_SYSV_MSG_BODY(req), 0) < 0)
			return -1;
	}
	for (i = 0; i < DEMO_N; i++) {
		struct ref_sysv_msg_reply rep;

		if (ref_sysv_msg_receive(repq, &rep, REF_SYSV_MSG_BODY(rep), me, 0) < 0)
			return -1;
		if (rep.seq >= DEMO_N || got[rep.seq]) {
			errno = EPROTO;
			return -1;
		}
		rep.text[sizeof rep.text - 1] = '\0';
		replies[rep.seq] = rep;
		got[rep.seq] = 1;
	}
	/* Replies arrived in any order across workers: print by request. */
	for (i = 0; i < DEMO_N; i++) {
		long w = demo_requests[i].worker;

		if (replies[i].status != 0) {
			errno = replies[i].status;
			return -1;
		}
		fprintf(out, "request %zu to worker %ld (%s) \"%s\" -> \"%s\"\n",
			i, w, demo_workers[w - 1].name, demo_requests[i].text,
			replies[i].text);
	}
	return 0;
}

/* Ask each worker to stop and report how many requests it handled. */
static int demo_shutdown(FILE *out, int reqq, int repq)
{
	long handled[DEMO_WORKERS];
	long me = (long)getpid();
	size_t i;

	for (i = 0; i < DEMO_WORKERS; i++) {
		struct ref_sysv_msg_request req;

		memset(&req, 0, sizeof req);
		req.mtype = demo_workers[i].type;
		req.reply_to = me;
		req.seq = (unsigned)i;
		req.op = REF_SYSV_MSG_OP_SHUTDOWN;
		if (ref_sysv_msg_send(reqq, &req, REF_SYSV_MSG_BODY(req), 0) < 0)
			return -1;
	}
	for (i = 0; i < DEMO_WORKERS; i++) {
		struct ref_sysv_msg_reply rep;

		if (ref_sysv_msg_receive(repq, &rep, REF_SYSV_MSG_BODY(rep), me, 0) < 0)
			return -1;
		if (rep.seq >= DEMO_WORKERS) {
			errno = EPROTO;
			return -1;
		}
		handled[rep.seq] = rep.handled;
	}
	for (i = 0; i < DEMO_WORKERS; i++)
		fprintf(out, "worker %ld (%s) stopped after %ld requests\n",
			demo_workers[i].type, demo_workers[i].name, handled[i]);
	return 0;
}

int ref_sysv_msg_demo_dispatch(FILE *out)
{
	pid_t pids[DEMO_WORKERS];
	int reqq, repq = -1, ok = 0, saved = 0;
	size_t i, started = 0;

	reqq = demo_queue();
	if (reqq < 0)
		return -1;
	repq = demo_queue();
	if (repq < 0)
		goto cleanup;
	fprintf(out, "dispatcher: %zu workers, %zu requests\n", DEMO_WORKERS, DEMO_N);
	fflush(out);
	for (i = 0; i < DEMO_WORKERS; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			goto cleanup;
		if (pids[i] == 0) {
			long n = ref_sysv_msg_worker(reqq, repq, demo_workers[i].type,
						     demo_workers[i].fn);
			/* _exit: the parent's stdio buffers are not ours to flush. */
			_exit(n < 0 ? 1 : 0);
		}
		started++;
	}
	if (demo_client(out, reqq, repq) < 0 || demo_shutdown(out, reqq, repq) < 0)
		goto cleanup;
	ok = 1;
cleanup:
	if (!ok)
		saved = errno;
	/* Remove both queues on every path: a worker still blocked in
	 * msgrcv() fails with EIDRM and exits. */
	if (msgctl(reqq, IPC_RMID, NULL) != 0 && ok) {
		saved = errno;
		ok = 0;
	}
	if (repq >= 0 && msgctl(repq, IPC_RMID, NULL) != 0 && ok) {
		saved = errno;
		ok = 0;
	}
	for (i = 0; i < started; i++) {
		int status;

		while (waitpid(pids[i], &status, 0) < 0) {
			if (errno != EINTR) {
				status = -1;
				break;
			}
		}
		if (ok && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			saved = ECHILD;
			ok = 0;
		}
	}
	if (!ok) {
		errno = saved;
		return -1;
	}
	fprintf(out, "queues removed\n");
	return 0;
}
