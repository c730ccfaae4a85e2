/* SPDX-License-Identifier: MIT
 * cases/posix_mq/posix_mq.h - helpers shared by the posix_mq case files.
 *
 * Included after ipct.h.  Setup helpers here are fatal through IPCT_BROKEN
 * (a failed setup is not the behaviour under test).  Every case declares
 * POSIX_MQ_REQUIRES (what configure must have found) in its registration;
 * posix_mq_need_queues() skips at run time where the kernel answers ENOSYS
 * (Linux built without CONFIG_POSIX_MQUEUE).
 *
 * Queues are small on purpose: RLIMIT_MSGQUEUE is accounted per real uid,
 * so every queue a parallel run creates as root draws on one budget.
 */
#ifndef CASES_POSIX_MQ_POSIX_MQ_H
#define CASES_POSIX_MQ_POSIX_MQ_H

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#if defined(HAVE_MQUEUE_H) && defined(HAVE_MQ_OPEN)
#include <mqueue.h>
#else
/* No POSIX message queues: the cases require them (POSIX_MQ_REQUIRES)
 * and are never run; this is just enough for them to compile. */
typedef int mqd_t;
struct mq_attr {
	long mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs;
};
static inline mqd_t mq_open(const char *n, int o, ...)
{ (void)n; (void)o; errno = ENOSYS; return (mqd_t)-1; }
static inline int mq_close(mqd_t d) { (void)d; errno = ENOSYS; return -1; }
static inline int mq_unlink(const char *n) { (void)n; errno = ENOSYS; return -1; }
static inline int mq_send(mqd_t d, const char *p, size_t l, unsigned pr)
{ (void)d; (void)p; (void)l; (void)pr; errno = ENOSYS; return -1; }
static inline ssize_t mq_receive(mqd_t d, char *p, size_t l, unsigned *pr)
{ (void)d; (void)p; (void)l; (void)pr; errno = ENOSYS; return -1; }
static inline int mq_getattr(mqd_t d, struct mq_attr *a)
{ (void)d; (void)a; errno = ENOSYS; return -1; }
static inline int mq_setattr(mqd_t d, const struct mq_attr *a, struct mq_attr *o)
{ (void)d; (void)a; (void)o; errno = ENOSYS; return -1; }
#undef HAVE_MQ_TIMEDSEND
#undef HAVE_MQ_TIMEDRECEIVE
#undef HAVE_MQ_NOTIFY
#endif

/* Optional calls configure did not find: the cases that call them name
 * them in .requires; these stubs only keep them compiling. */
#if !defined(HAVE_MQ_TIMEDSEND)
static inline int posix_mq_no_timedsend(mqd_t d, const char *p, size_t l,
				   unsigned pr, const struct timespec *t)
{ (void)d; (void)p; (void)l; (void)pr; (void)t; errno = ENOSYS; return -1; }
#define mq_timedsend posix_mq_no_timedsend
#endif
#if !defined(HAVE_MQ_TIMEDRECEIVE)
static inline ssize_t posix_mq_no_timedreceive(mqd_t d, char *p, size_t l,
					  unsigned *pr, const struct timespec *t)
{ (void)d; (void)p; (void)l; (void)pr; (void)t; errno = ENOSYS; return -1; }
#define mq_timedreceive posix_mq_no_timedreceive
#endif
#if !defined(HAVE_MQ_NOTIFY)
static inline int posix_mq_no_notify(mqd_t d, const struct sigevent *s)
{ (void)d; (void)s; errno = ENOSYS; return -1; }
#define mq_notify posix_mq_no_notify
#endif

#define POSIX_MQ_FAILED ((mqd_t)-1)

/* Default size of a case's queue, and a receive buffer that fits it. */
#define POSIX_MQ_MAXMSG 4
#define POSIX_MQ_MSGSIZE 64

/* What every posix_mq case needs from configure (its .requires). */
#define POSIX_MQ_REQUIRES IPCT_HAVE(HAVE_MQUEUE_H), IPCT_HAVE(HAVE_MQ_OPEN)

/* Skip unless the kernel creates POSIX message queues: declared is not
 * implemented (Linux without CONFIG_POSIX_MQUEUE answers ENOSYS). */
static inline void posix_mq_need_queues(void)
{
	static int known;
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };
	const char *name;
	mqd_t d;

	if (known)
		return;
	name = ipct_posix_name(IPCT_POSIX_MQ);
	d = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
	if (d == POSIX_MQ_FAILED) {
		ipct_skip_if_unsupported("mq_open", errno);
		IPCT_BROKEN("mq_open(%s, O_CREAT|O_EXCL, maxmsg 1, msgsize 8): %s",
			    name, ipct_errname(errno));
	}
	mq_close(d);
	mq_unlink(name);
	known = 1;
}

/* Skip where mq_notify() is declared but not implemented: an emulator
 * (qemu-user) or a kernel may answer ENOSYS.  Asked with an invalid
 * descriptor, which a working mq_notify() rejects with EBADF. */
static inline void posix_mq_need_notify(void)
{
	if (mq_notify((mqd_t)-1, NULL) != 0 && errno == ENOSYS)
		ipct_skip("mq_notify: ENOSYS (not implemented on this platform)");
}

/* Create the new queue `name` (O_CREAT|O_EXCL, mode 0600) with the given
 * attributes and access flags.  Setup: fatal on failure. */
static inline mqd_t posix_mq_xcreate(const char *name, int oflag, long maxmsg,
				long msgsize)
{
	struct mq_attr a = { .mq_maxmsg = maxmsg, .mq_msgsize = msgsize };
	mqd_t d;

	posix_mq_need_queues();
	d = mq_open(name, O_CREAT | O_EXCL | oflag, 0600, &a);
	if (d == POSIX_MQ_FAILED)
		IPCT_BROKEN("mq_open(%s, O_CREAT|O_EXCL, maxmsg %ld, msgsize %ld): %s",
			    name, maxmsg, msgsize, ipct_errname(errno));
	return d;
}

/* A new queue under a fresh journaled name, POSIX_MQ_MAXMSG x POSIX_MQ_MSGSIZE. */
static inline mqd_t posix_mq_xqueue(int oflag)
{
	return posix_mq_xcreate(ipct_posix_name(IPCT_POSIX_MQ), oflag, POSIX_MQ_MAXMSG,
			   POSIX_MQ_MSGSIZE);
}

/* Open an existing queue (setup). */
static inline mqd_t posix_mq_xopen(const char *name, int oflag)
{
	mqd_t d = mq_open(name, oflag);

	if (d == POSIX_MQ_FAILED)
		IPCT_BROKEN("mq_open(%s, 0x%x): %s", name, (unsigned)oflag,
			    ipct_errname(errno));
	return d;
}

/* Queue `len` bytes of text at `prio` (setup). */
static inline void posix_mq_xsend(mqd_t d, const char *text, size_t len,
			     unsigned prio)
{
	if (mq_send(d, text, len, prio) != 0)
		IPCT_BROKEN("mq_send(%zu bytes, prio %u): %s", len, prio,
			    ipct_errname(errno));
}

/* Queue a NUL-less text message. */
static inline void posix_mq_xsends(mqd_t d, const char *text, unsigned prio)
{
	posix_mq_xsend(d, text, strlen(text), prio);
}

/* Fill the queue to mq_maxmsg with one-byte messages (setup). */
static inline void posix_mq_xfill(mqd_t d)
{
	struct mq_attr a;
	long i;

	if (mq_getattr(d, &a) != 0)
		IPCT_BROKEN("mq_getattr: %s", ipct_errname(errno));
	for (i = a.mq_curmsgs; i < a.mq_maxmsg; i++)
		posix_mq_xsend(d, "f", 1, 0);
}

/* mq_getattr (setup). */
static inline struct mq_attr posix_mq_xattr(mqd_t d)
{
	struct mq_attr a;

	memset(&a, 0, sizeof a);
	if (mq_getattr(d, &a) != 0)
		IPCT_BROKEN("mq_getattr: %s", ipct_errname(errno));
	return a;
}

/* mq_open() that the case expects to fail.  If it succeeds anyway, close
 * the descriptor and unlink a queue it may have created, so that a wrong
 * implementation leaks nothing (some names cannot be journaled); errno is
 * kept.  Returns -1 on failure, 0 on success, for CHECK_FAILS. */
static inline long posix_mq_open_fails(const char *name, int oflag,
				  struct mq_attr *attr)
{
	mqd_t d = mq_open(name, oflag, 0600, attr);
	int e = errno;

	if (d == POSIX_MQ_FAILED)
		return -1;
	mq_close(d);
	if (oflag & O_CREAT)
		mq_unlink(name);
	errno = e;
	return 0;
}

#endif /* CASES_POSIX_MQ_POSIX_MQ_H */
