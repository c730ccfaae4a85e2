/* SPDX-License-Identifier: MIT
 * lib/ref/posix_mq.c - reference use of POSIX message queues: a priority
 * work queue with a notified consumer.
 *
 * The pattern:
 *
 *   - The queue does the ordering.  mq_receive() always returns the oldest
 *     message of the highest priority, so a producer only picks a priority
 *     per job and the consumer needs no sorting of its own.
 *
 *   - The consumer does not sit in a blocking mq_receive().  It registers
 *     with mq_notify() and sleeps until the queue goes from empty to
 *     non-empty; then it drains every queued job with a non-blocking
 *     descriptor (O_NONBLOCK) until EAGAIN says the queue is empty.
 *
 *   - A registration is one-shot: POSIX removes it when the notification
 *     is sent.  The consumer therefore registers again BEFORE it drains.
 *     In the other order, a job arriving after the drain found the queue
 *     empty but before the new registration would make the queue
 *     non-empty with nobody registered; notifications are only sent on the
 *     empty -> non-empty transition, so none would ever come and the
 *     consumer would sleep forever with work queued.  Registering first,
 *     every job is either taken by this drain or, arriving on the emptied
 *     queue, notifies the new registration.  (At worst the drain also takes
 *     that job and the next wake-up finds nothing: harmless.)  At start-up
 *     the same rule applies: register, then drain what was queued before.
 *
 *   - SIGEV_SIGNAL rather than SIGEV_THREAD: the consumer blocks the
 *     signal and takes it with sigwaitinfo(), so the notification arrives
 *     synchronously in the consumer's own thread, with no handler and no
 *     async-signal-safety rules, and the consumer stays single-threaded
 *     (SIGEV_THREAD runs a function in a new thread for each notification,
 *     which the consumer would then have to synchronise with, and which
 *     does not mix well with fork()).  The signal is blocked before the
 *     registration, so it can never arrive unhandled.
 *
 *   - Cleanup: every descriptor is closed, the registration is removed
 *     (mq_notify(q, NULL)) before the consumer stops, the producer is
 *     reaped, and the name is unlinked when the queue is no longer wanted.
 */
#define _XOPEN_SOURCE 700
#include "ref/posix_mq.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#if REF_POSIX_MQ_AVAILABLE

mqd_t ref_posix_mq_create(const char *name, long maxmsg, long msgsize,
			  int oflag)
{
	struct mq_attr attr;

	memset(&attr, 0, sizeof attr);
	attr.mq_maxmsg = maxmsg;
	attr.mq_msgsize = msgsize;
	/* O_EXCL: never adopt someone else's queue (and its attributes,
	 * which O_CREAT alone would silently keep). */
	return mq_open(name, O_CREAT | O_EXCL | oflag, 0600, &attr);
}

int ref_posix_mq_submit(mqd_t q, const char *job, unsigned prio)
{
	size_t len = strlen(job);

	while (mq_send(q, job, len, prio) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

int ref_posix_mq_arm(mqd_t q, int signo, int value)
{
	struct sigevent ev;

	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = signo;
	ev.sigev_value.sival_int = value;
	return mq_notify(q, &ev);
}

int ref_posix_mq_wait_notification(int signo, int *value)
{
	siginfo_t si;
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, signo);
	while (sigwaitinfo(&set, &si) < 0)
		if (errno != EINTR)
			return -1;
	if (si.si_code != SI_MESGQ) {
		errno = EPROTO; /* someone else sent signo */
		return -1;
	}
	*value = si.si_value.sival_int;
	return 0;
}

long ref_posix_mq_drain(mqd_t q, ref_posix_mq_handler fn, void *ctx)
{
	struct mq_attr attr;
	unsigned prio;
	long handled = 0;
	ssize_t n;
	char *buf;

	/* mq_receive() needs a buffer of at least mq_msgsize bytes, however
	 * short the message; +1 for a terminating NUL for the handler. */
	if (mq_getattr(q, &attr) != 0)
		return -1;
	if (!(attr.mq_flags & O_NONBLOCK)) {
		errno = EINVAL; /* a blocking drain would never end */
		return -1;
	}
	buf = malloc((size_t)attr.mq_msgsize + 1);
	if (!buf)
		return -1;
	for (;;) {
		n = mq_receive(q, buf, (size_t)attr.mq_msgsize, &prio);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EAGAIN)
				break; /* empty: done */
			handled = -1;
			break;
		}
		buf[n] = '\0';
		if (fn(ctx, buf, (size_t)n, prio) != 0) {
			handled = -1;
			break;
		}
		handled++;
	}
	free(buf);
	return handled;
}

/* ---------------------------------------------------------------- demo */

struct demo_job {
	const char *text;
	unsigned prio;
};

/* Three batches; each ends with a NULL text.  The last job of the last
 * batch, "stop", has the lowest priority and is sent last, so it is
 * processed last. */
static const struct demo_job demo_batches[3][6] = {
	{ { "index-docs", 1 }, { "build", 5 }, { "lint", 3 },
	  { "package", 1 }, { NULL, 0 } },
	{ { "backup", 0 }, { "deploy", 7 }, { "test", 5 },
	  { "notify-team", 0 }, { "hotfix", 7 }, { NULL, 0 } },
	{ { "report", 2 }, { "cleanup", 1 }, { "stop", 0 }, { NULL, 0 } },
};

struct demo_consumer {
	FILE *out;
	int stopped;
};

static int demo_handle(void *ctx, const char *job, size_t len, unsigned prio)
{
	struct demo_consumer *c = ctx;

	(void)len;
	if (c->stopped) {
		errno = EPROTO; /* nothing may follow "stop" */
		return -1;
	}
	fprintf(c->out, "  job %-12s prio %u\n", job, prio);
	if (strcmp(job, "stop") == 0)
		c->stopped = 1;
	return 0;
}

/* Producer: for each batch, wait for the consumer's go-ahead byte, submit
 * the batch, report how many jobs it sent.  The go-ahead only makes the
 * transcript deterministic; a real producer just submits. */
static int demo_producer(const char *name, int go_fd, int done_fd)
{
	mqd_t q = mq_open(name, O_WRONLY);
	char c;
	int b, i;

	if (q == (mqd_t)-1)
		return 1;
	for (b = 0; b < 3; b++) {
		if (read(go_fd, &c, 1) != 1)
			return 1;
		for (i = 0; demo_batches[b][i].text; i++)
			if (ref_posix_mq_submit(q, demo_batches[b][i].text,
						demo_batches[b][i].prio) != 0)
				return 1;
		c = (char)i;
		if (write(done_fd, &c, 1) != 1)
			return 1;
	}
	mq_close(q);
	return 0;
}

/* Let the producer send batch b and wait until it has; prints the count. */
static int demo_batch(FILE *out, int go_fd, int done_fd, int b)
{
	char c = 'g';

	if (write(go_fd, &c, 1) != 1)
		return -1;
	if (read(done_fd, &c, 1) != 1) {
		errno = EPIPE; /* the producer died */
		return -1;
	}
	fprintf(out, "batch %d queued: %d jobs\n", b + 1, c);
	return 0;
}

int ref_posix_mq_demo_workqueue(FILE *out, const char *name)
{
	struct demo_consumer consumer = { out, 0 };
	int go[2] = { -1, -1 }, done[2] = { -1, -1 };
	int signo = SIGRTMIN, value, status, b, ret = -1, err = 0;
	sigset_t set, old;
	pid_t pid = -1;
	long n;
	mqd_t q;

	/* Block the notification signal before anything can send it. */
	sigemptyset(&set);
	sigaddset(&set, signo);
	if (sigprocmask(SIG_BLOCK, &set, &old) != 0)
		return -1;
	/* The consumer's descriptor: receive only, and non-blocking, so
	 * that a drain ends when the queue is empty. */
	q = ref_posix_mq_create(name, 8, REF_POSIX_MQ_JOB_MAX,
				O_RDONLY | O_NONBLOCK);
	if (q == (mqd_t)-1) {
		err = errno;
		sigprocmask(SIG_SETMASK, &old, NULL);
		errno = err;
		return -1;
	}
	fprintf(out, "queue created: maxmsg 8, msgsize %d, consumer O_RDONLY|O_NONBLOCK\n",
		REF_POSIX_MQ_JOB_MAX);
	if (pipe(go) != 0 || pipe(done) != 0)
		goto out;
	fflush(out);
	pid = fork();
	if (pid < 0)
		goto out;
	if (pid == 0) {
		close(go[1]);
		close(done[0]);
		mq_close(q);
		_exit(demo_producer(name, go[0], done[1]));
	}
	close(go[0]);
	close(done[1]);
	go[0] = done[1] = -1;

	/* Start-up: jobs may be queued before the consumer registers. */
	if (demo_batch(out, go[1], done[0], 0) != 0)
		goto out;
	if (ref_posix_mq_arm(q, signo, 1) != 0)
		goto out;
	fprintf(out, "armed (value 1), draining what was queued before\n");
	if ((n = ref_posix_mq_drain(q, demo_handle, &consumer)) < 0)
		goto out;
	fprintf(out, "drained %ld jobs\n", n);

	for (b = 1; b < 3 && !consumer.stopped; b++) {
		/* The producer sends the whole batch: the first job makes the
		 * empty queue non-empty and the notification is sent. */
		if (demo_batch(out, go[1], done[0], b) != 0)
			goto out;
		if (ref_posix_mq_wait_notification(signo, &value) != 0)
			goto out;
		fprintf(out, "notified: SI_MESGQ, value %d\n", value);
		/* Re-arm first, then drain (see the top of this file). */
		if (ref_posix_mq_arm(q, signo, b + 1) != 0)
			goto out;
		fprintf(out, "re-armed (value %d), draining\n", b + 1);
		if ((n = ref_posix_mq_drain(q, demo_handle, &consumer)) < 0)
			goto out;
		fprintf(out, "drained %ld jobs\n", n);
	}
	if (!consumer.stopped) {
		errno = EPROTO;
		goto out;
	}
	/* Stopping: no notification may be left registered. */
	if (mq_notify(q, NULL) != 0)
		goto out;
	fprintf(out, "stop received: registration removed\n");
	ret = 0;
out:
	err = errno;
	if (go[1] >= 0)
		close(go[1]); /* EOF ends a producer still waiting */
	if (done[0] >= 0)
		close(done[0]);
	if (go[0] >= 0)
		close(go[0]);
	if (done[1] >= 0)
		close(done[1]);
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		if (ret == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
			ret = -1;
			err = ECHILD;
		} else if (ret == 0) {
			fprintf(out, "producer exited 0\n");
		}
	}
	mq_close(q);
	if (mq_unlink(name) == 0 && ret == 0)
		fprintf(out, "queue unlinked\n");
	/* A notification still pending (only after a failure) is taken
	 * before the old mask is restored, so it cannot act on the caller. */
	{
		sigset_t pending;

		while (sigpending(&pending) == 0 &&
		       sigismember(&pending, signo) == 1 &&
		       sigwaitinfo(&set, NULL) == signo)
			;
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = err;
	return ret;
}

#else /* !REF_POSIX_MQ_AVAILABLE */

int ref_posix_mq_demo_workqueue(FILE *out, const char *name)
{
	(void)out;
	(void)name;
	errno = ENOSYS;
	return -1;
}

#endif
