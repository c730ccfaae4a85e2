/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/sysv_msg.h - small helpers shared by the sysv_msg case files.
 *
 * Included after ipct.h.  Setup helpers here are fatal through
 * IPCT_BROKEN (a failure is a broken setup, not the behaviour under test);
 * the behaviour itself is always checked in the case with CHECK_*.
 */
#ifndef CASES_SYSV_MSG_SYSV_MSG_H
#define CASES_SYSV_MSG_SYSV_MSG_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <time.h>
#include <unistd.h>

/* A message with room for short texts. */
struct sysv_msg_buf {
	long mtype;
	char mtext[64];
};

/* Queue a message of `type` holding `len` bytes of `text` (IPC_NOWAIT,
 * so a setup mistake cannot hang the case). */
static inline void sysv_msg_xput(int q, long type, const char *text, size_t len)
{
	struct sysv_msg_buf m;

	if (len > sizeof m.mtext)
		IPCT_BROKEN("sysv_msg_xput: %zu bytes do not fit", len);
	memset(&m, 0, sizeof m);
	m.mtype = type;
	if (len)
		memcpy(m.mtext, text, len);
	if (msgsnd(q, &m, len, IPC_NOWAIT) != 0)
		IPCT_BROKEN("msgsnd(type %ld, %zu bytes): %s", type, len,
			    ipct_errname(errno));
}

/* Queue a NUL-less text message. */
static inline void sysv_msg_xputs(int q, long type, const char *text)
{
	sysv_msg_xput(q, type, text, strlen(text));
}

/* IPC_STAT into *ds (setup). */
static inline void sysv_msg_xstat(int q, struct msqid_ds *ds)
{
	memset(ds, 0, sizeof *ds);
	if (msgctl(q, IPC_STAT, ds) != 0)
		IPCT_BROKEN("msgctl(%d, IPC_STAT): %s", q, ipct_errname(errno));
}

/* Number of messages on the queue (setup read of msg_qnum). */
static inline long sysv_msg_xcount(int q)
{
	struct msqid_ds ds;

	sysv_msg_xstat(q, &ds);
	return (long)ds.msg_qnum;
}

/* Lower (or set) msg_qbytes with IPC_SET, as the owner (setup). */
static inline void sysv_msg_xset_qbytes(int q, unsigned long n)
{
	struct msqid_ds ds;

	sysv_msg_xstat(q, &ds);
	ds.msg_qbytes = (msglen_t)n;
	if (msgctl(q, IPC_SET, &ds) != 0)
		IPCT_BROKEN("msgctl(IPC_SET msg_qbytes %lu): %s", n,
			    ipct_errname(errno));
}

/* Arguments of a blocking msgrcv/msgsnd run by a blocker child. */
struct sysv_msg_call {
	int q;
	long type;   /* msgtyp for msgrcv, mtype for msgsnd */
	size_t size; /* msgsz */
	int flags;   /* msgflg */
};

/* msgrcv in a blocker child: returns the received mtype on success (so
 * the parent sees which message arrived), -1 with errno on failure. */
static inline long sysv_msg_blocking_rcv_type(void *arg)
{
	struct sysv_msg_call *c = arg;
	struct sysv_msg_buf m;

	if (msgrcv(c->q, &m, c->size, c->type, c->flags) < 0)
		return -1;
	return m.mtype;
}

/* msgsnd of c->size zero bytes of type c->type: returns msgsnd's value. */
static inline long sysv_msg_blocking_snd(void *arg)
{
	struct sysv_msg_call *c = arg;
	struct sysv_msg_buf m;

	memset(&m, 0, sizeof m);
	m.mtype = c->type;
	return msgsnd(c->q, &m, c->size, c->flags);
}

#endif /* CASES_SYSV_MSG_SYSV_MSG_H */
