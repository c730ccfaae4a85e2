/* SPDX-License-Identifier: MIT
 * cases/posix_mq/sendrecv.c - mq_send(), mq_receive(), their timed forms,
 * mq_getattr() and mq_setattr(): ordering, sizes, blocking, timeouts,
 * signals, descriptor access and the O_NONBLOCK attribute.
 * Sources: POSIX.1-2024 mq_send(), mq_receive(), mq_timedsend(),
 * mq_timedreceive(), mq_getattr(), mq_setattr(), <mqueue.h>; Linux
 * signal(7) and mq_getattr(3) for what POSIX leaves open.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_mq.h"

#include <limits.h>

/* ------------------------------------------------------------ ordering */

static void send_receive_roundtrip(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	CHECK_OK(mq_send(d, "hello", 5, 9));
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 5);
	CHECK_MEM("hello", buf, 5);
	CHECK_EQ(9, prio);
}
IPCT_CASE(send_receive_roundtrip,
	.id = "posix_mq.send_receive_roundtrip",
	.asserts = "mq_receive() returns the length of the message mq_send() queued, its bytes, and its priority in msg_prio",
	.spec = "POSIX.1-2024 mq_receive(), DESCRIPTION and RETURN VALUE; mq_send(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_highest_priority_first(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	posix_mq_xsends(d, "p1", 1);
	posix_mq_xsends(d, "p5", 5);
	posix_mq_xsends(d, "p3", 3);
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 2);
	CHECK_EQ(5, prio);
	CHECK_MEM("p5", buf, 2);
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 2);
	CHECK_EQ(3, prio);
	CHECK_MEM("p3", buf, 2);
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 2);
	CHECK_EQ(1, prio);
	CHECK_MEM("p1", buf, 2);
}
IPCT_CASE(receive_highest_priority_first,
	.id = "posix_mq.receive_highest_priority_first",
	.asserts = "mq_receive() removes the message of highest priority first, whatever the order they were sent in",
	.spec = "POSIX.1-2024 mq_receive(), DESCRIPTION; mq_send(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_fifo_within_priority(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];

	posix_mq_xsends(d, "first", 2);
	posix_mq_xsends(d, "low", 0);
	posix_mq_xsends(d, "second", 2);
	posix_mq_xsends(d, "third", 2);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 5);
	CHECK_MEM("first", buf, 5);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 6);
	CHECK_MEM("second", buf, 6);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 5);
	CHECK_MEM("third", buf, 5);
}
IPCT_CASE(receive_fifo_within_priority,
	.id = "posix_mq.receive_fifo_within_priority",
	.asserts = "messages of equal priority are received in the order they were sent (the oldest first)",
	.spec = "POSIX.1-2024 mq_send(), DESCRIPTION; mq_receive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_null_prio_allowed(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];

	posix_mq_xsends(d, "np", 4);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 2);
	CHECK_MEM("np", buf, 2);
}
IPCT_CASE(receive_null_prio_allowed,
	.id = "posix_mq.receive_null_prio_allowed",
	.asserts = "mq_receive() accepts a NULL msg_prio and receives the message",
	.spec = "POSIX.1-2024 mq_receive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void send_receive_zero_length(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	CHECK_OK(mq_send(d, "", 0, 2));
	CHECK_EQ(1, posix_mq_xattr(d).mq_curmsgs);
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 0);
	CHECK_EQ(2, prio);
	CHECK_EQ(0, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(send_receive_zero_length,
	.id = "posix_mq.send_receive_zero_length",
	.asserts = "a message of zero length is queued by mq_send() and mq_receive() returns 0 for it",
	.spec = "POSIX.1-2024 mq_send(), DESCRIPTION; mq_receive(), RETURN VALUE",
	.requires = { POSIX_MQ_REQUIRES });

static void sysconf_mq_prio_max(void)
{
	posix_mq_need_queues();
	CHECK(sysconf(_SC_MQ_PRIO_MAX) >= _POSIX_MQ_PRIO_MAX);
}
IPCT_CASE(sysconf_mq_prio_max,
	.id = "posix_mq.sysconf_mq_prio_max",
	.asserts = "sysconf(_SC_MQ_PRIO_MAX) is at least _POSIX_MQ_PRIO_MAX (32)",
	.spec = "POSIX.1-2024 <limits.h>, Runtime Invariant Values {MQ_PRIO_MAX}; sysconf()",
	.requires = { POSIX_MQ_REQUIRES });

static void send_prio_max_minus_one(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	long max = sysconf(_SC_MQ_PRIO_MAX);
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	if (max < 1)
		IPCT_BROKEN("sysconf(_SC_MQ_PRIO_MAX) = %ld", max);
	posix_mq_xsends(d, "zero", 0);
	CHECK_OK(mq_send(d, "top", 3, (unsigned)(max - 1)));
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 3);
	CHECK_EQ(max - 1, prio);
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 4);
	CHECK_EQ(0, prio);
}
IPCT_CASE(send_prio_max_minus_one,
	.id = "posix_mq.send_prio_max_minus_one",
	.asserts = "mq_send() accepts priorities from 0 to MQ_PRIO_MAX-1 and MQ_PRIO_MAX-1 is received first",
	.spec = "POSIX.1-2024 mq_send(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void send_prio_max_einval(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	long max = sysconf(_SC_MQ_PRIO_MAX);

	if (max < 1)
		IPCT_BROKEN("sysconf(_SC_MQ_PRIO_MAX) = %ld", max);
	CHECK_FAILS(mq_send(d, "x", 1, (unsigned)max), EINVAL);
	CHECK_EQ(0, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(send_prio_max_einval,
	.id = "posix_mq.send_prio_max_einval",
	.asserts = "mq_send() with msg_prio equal to MQ_PRIO_MAX fails with EINVAL and queues nothing",
	.spec = "POSIX.1-2024 mq_send(), ERRORS [EINVAL]",
	.requires = { POSIX_MQ_REQUIRES });

/* --------------------------------------------------------------- sizes */

static void send_too_long_emsgsize(void)
{
	mqd_t d = posix_mq_xcreate(ipct_posix_name(IPCT_POSIX_MQ), O_RDWR, 2, 16);
	char big[17];

	memset(big, 'b', sizeof big);
	CHECK_OK(mq_send(d, big, 16, 0));
	CHECK_FAILS(mq_send(d, big, 17, 0), EMSGSIZE);
	CHECK_EQ(1, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(send_too_long_emsgsize,
	.id = "posix_mq.send_too_long_emsgsize",
	.asserts = "mq_send() of a message longer than mq_msgsize fails with EMSGSIZE and queues nothing (mq_msgsize bytes is accepted)",
	.spec = "POSIX.1-2024 mq_send(), ERRORS [EMSGSIZE]",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_short_buffer_emsgsize(void)
{
	mqd_t d = posix_mq_xcreate(ipct_posix_name(IPCT_POSIX_MQ), O_RDWR, 2, 16);
	char buf[16];

	posix_mq_xsends(d, "tiny", 0);
	CHECK_FAILS(mq_receive(d, buf, 15, NULL), EMSGSIZE);
	CHECK_EQ(1, posix_mq_xattr(d).mq_curmsgs);
	CHECK_RET(mq_receive(d, buf, 16, NULL), 4);
	CHECK_MEM("tiny", buf, 4);
}
IPCT_CASE(receive_short_buffer_emsgsize,
	.id = "posix_mq.receive_short_buffer_emsgsize",
	.asserts = "mq_receive() with msg_len below mq_msgsize fails with EMSGSIZE even for a shorter message, and the message stays queued",
	.spec = "POSIX.1-2024 mq_receive(), ERRORS [EMSGSIZE]",
	.requires = { POSIX_MQ_REQUIRES });

/* -------------------------------------------------------------- access */

static void send_on_rdonly_ebadf(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t r;

	posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	r = posix_mq_xopen(name, O_RDONLY);
	CHECK_FAILS(mq_send(r, "x", 1, 0), EBADF);
	CHECK_EQ(0, posix_mq_xattr(r).mq_curmsgs);
}
IPCT_CASE(send_on_rdonly_ebadf,
	.id = "posix_mq.send_on_rdonly_ebadf",
	.asserts = "mq_send() on a descriptor opened O_RDONLY fails with EBADF",
	.spec = "POSIX.1-2024 mq_send(), ERRORS [EBADF]",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_on_wronly_ebadf(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	char buf[POSIX_MQ_MSGSIZE];
	mqd_t w;

	posix_mq_xsends(d, "x", 0);
	w = posix_mq_xopen(name, O_WRONLY);
	CHECK_FAILS(mq_receive(w, buf, sizeof buf, NULL), EBADF);
	CHECK_EQ(1, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(receive_on_wronly_ebadf,
	.id = "posix_mq.receive_on_wronly_ebadf",
	.asserts = "mq_receive() on a descriptor opened O_WRONLY fails with EBADF",
	.spec = "POSIX.1-2024 mq_receive(), ERRORS [EBADF]",
	.requires = { POSIX_MQ_REQUIRES });

/* --------------------------------------------------- full and empty */

static void send_full_nonblock_eagain(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR | O_NONBLOCK);

	posix_mq_xfill(d);
	CHECK_FAILS(mq_send(d, "over", 4, 0), EAGAIN);
	CHECK_EQ(POSIX_MQ_MAXMSG, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(send_full_nonblock_eagain,
	.id = "posix_mq.send_full_nonblock_eagain",
	.asserts = "mq_send() on a full queue whose description has O_NONBLOCK fails with EAGAIN and queues nothing",
	.spec = "POSIX.1-2024 mq_send(), ERRORS [EAGAIN]",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_empty_nonblock_eagain(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR | O_NONBLOCK);
	char buf[POSIX_MQ_MSGSIZE];

	CHECK_FAILS(mq_receive(d, buf, sizeof buf, NULL), EAGAIN);
}
IPCT_CASE(receive_empty_nonblock_eagain,
	.id = "posix_mq.receive_empty_nonblock_eagain",
	.asserts = "mq_receive() on an empty queue whose description has O_NONBLOCK fails with EAGAIN",
	.spec = "POSIX.1-2024 mq_receive(), ERRORS [EAGAIN]",
	.requires = { POSIX_MQ_REQUIRES });

struct mq_call {
	mqd_t d;
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio;
	struct timespec deadline;
};

static long do_receive(void *arg)
{
	struct mq_call *c = arg;

	return mq_receive(c->d, c->buf, sizeof c->buf, &c->prio);
}

static long do_send_blocked(void *arg)
{
	struct mq_call *c = arg;

	return mq_send(c->d, "late", 4, 6);
}

static void receive_empty_blocks_until_send(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;

	c->d = posix_mq_xqueue(O_RDWR);
	ipct_block_start(&b, do_receive, c);
	ipct_block_prove(&b);
	posix_mq_xsends(c->d, "wake", 3);
	CHECK_RESULT(ipct_block_finish(&b), 4);
	CHECK_MEM("wake", c->buf, 4);
	CHECK_EQ(3, c->prio);
}
IPCT_CASE(receive_empty_blocks_until_send,
	.id = "posix_mq.receive_empty_blocks_until_send",
	.asserts = "mq_receive() on an empty queue without O_NONBLOCK blocks until a message is sent, then returns that message",
	.spec = "POSIX.1-2024 mq_receive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void send_full_blocks_until_receive(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	c->d = posix_mq_xqueue(O_RDWR);
	posix_mq_xfill(c->d);
	ipct_block_start(&b, do_send_blocked, c);
	ipct_block_prove(&b);
	CHECK_RET(mq_receive(c->d, buf, sizeof buf, NULL), 1);
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_EQ(POSIX_MQ_MAXMSG, posix_mq_xattr(c->d).mq_curmsgs);
	/* The blocked sender's message is there, at its priority. */
	CHECK_RET(mq_receive(c->d, buf, sizeof buf, &prio), 4);
	CHECK_MEM("late", buf, 4);
	CHECK_EQ(6, prio);
}
IPCT_CASE(send_full_blocks_until_receive,
	.id = "posix_mq.send_full_blocks_until_receive",
	.asserts = "mq_send() on a full queue without O_NONBLOCK blocks until a message is received, then queues its message",
	.spec = "POSIX.1-2024 mq_send(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

/* ------------------------------------------------------------- signals */

static volatile sig_atomic_t handled_fd = -1;

static void on_usr1(int sig)
{
	int fd = handled_fd;

	(void)sig;
	if (fd >= 0) {
		int saved = errno;

		if (write(fd, "s", 1) != 1) {
			/* nothing to do in a handler; the case times out */
		}
		errno = saved;
	}
}

static void receive_interrupted_eintr(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;

	c->d = posix_mq_xqueue(O_RDWR);
	ipct_xsigaction(SIGUSR1, on_usr1, 0);
	ipct_block_start(&b, do_receive, c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
	CHECK_EQ(0, posix_mq_xattr(c->d).mq_curmsgs);
}
IPCT_CASE(receive_interrupted_eintr,
	.id = "posix_mq.receive_interrupted_eintr",
	.asserts = "mq_receive() blocked on an empty queue fails with EINTR when a signal is caught by a handler installed without SA_RESTART",
	.spec = "POSIX.1-2024 mq_receive(), ERRORS [EINTR]",
	.requires = { POSIX_MQ_REQUIRES });

static void send_interrupted_eintr(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;

	c->d = posix_mq_xqueue(O_RDWR);
	posix_mq_xfill(c->d);
	ipct_xsigaction(SIGUSR1, on_usr1, 0);
	ipct_block_start(&b, do_send_blocked, c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
	CHECK_EQ(POSIX_MQ_MAXMSG, posix_mq_xattr(c->d).mq_curmsgs);
}
IPCT_CASE(send_interrupted_eintr,
	.id = "posix_mq.send_interrupted_eintr",
	.asserts = "mq_send() blocked on a full queue fails with EINTR when a signal is caught by a handler installed without SA_RESTART, and queues nothing",
	.spec = "POSIX.1-2024 mq_send(), ERRORS [EINTR]",
	.requires = { POSIX_MQ_REQUIRES });

static void receive_sa_restart_restarts(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;
	struct sigaction sa;
	int fd[2];
	char s;

	c->d = posix_mq_xqueue(O_RDWR);
	ipct_xpipe(fd);
	handled_fd = fd[1];
	/* Installed by the case itself (not ipct_xsigaction) so that the
	 * flag under test is the case's own call (make check-falsify). */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	if (sigaction(SIGUSR1, &sa, NULL) != 0)
		IPCT_BROKEN("sigaction(SIGUSR1, SA_RESTART): %s", ipct_errname(errno));
	ipct_block_start(&b, do_receive, c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	/* The handler ran; the call must be back asleep, not returned. */
	ipct_xread_all(fd[0], &s, 1);
	ipct_wait_asleep(b.pid);
	posix_mq_xsends(c->d, "again", 1);
	CHECK_RESULT(ipct_block_finish(&b), 5);
	CHECK_MEM("again", c->buf, 5);
}
IPCT_CASE(receive_sa_restart_restarts,
	.id = "posix_mq.receive_sa_restart_restarts",
	.asserts = "mq_receive() blocked when a handler installed with SA_RESTART runs is restarted and returns the next message, not EINTR",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

/* ------------------------------------------------------------ timeouts */

static void timedreceive_past_deadline_etimedout(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec ts = ipct_xdeadline(CLOCK_REALTIME, -1000);
	char buf[POSIX_MQ_MSGSIZE];

	CHECK_FAILS(mq_timedreceive(d, buf, sizeof buf, NULL, &ts), ETIMEDOUT);
}
IPCT_CASE(timedreceive_past_deadline_etimedout,
	.id = "posix_mq.timedreceive_past_deadline_etimedout",
	.asserts = "mq_timedreceive() on an empty queue with a deadline already passed fails with ETIMEDOUT",
	.spec = "POSIX.1-2024 mq_timedreceive(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDRECEIVE) });

static void timedreceive_not_before_deadline(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec ts = ipct_xdeadline(CLOCK_REALTIME, 20), now;
	char buf[POSIX_MQ_MSGSIZE];

	CHECK_FAILS(mq_timedreceive(d, buf, sizeof buf, NULL, &ts), ETIMEDOUT);
	/* One-sided: the call may return late under load, never early. */
	clock_gettime(CLOCK_REALTIME, &now);
	CHECK(now.tv_sec > ts.tv_sec ||
	      (now.tv_sec == ts.tv_sec && now.tv_nsec >= ts.tv_nsec));
}
IPCT_CASE(timedreceive_not_before_deadline,
	.id = "posix_mq.timedreceive_not_before_deadline",
	.asserts = "mq_timedreceive() on an empty queue waits until its CLOCK_REALTIME deadline (20 ms ahead) has passed before failing with ETIMEDOUT",
	.spec = "POSIX.1-2024 mq_timedreceive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDRECEIVE) });

static void timedreceive_message_present_ignores_deadline(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec ts = ipct_xdeadline(CLOCK_REALTIME, -1000);
	char buf[POSIX_MQ_MSGSIZE];

	posix_mq_xsends(d, "now", 0);
	CHECK_RET(mq_timedreceive(d, buf, sizeof buf, NULL, &ts), 3);
	CHECK_MEM("now", buf, 3);
}
IPCT_CASE(timedreceive_message_present_ignores_deadline,
	.id = "posix_mq.timedreceive_message_present_ignores_deadline",
	.asserts = "mq_timedreceive() with a deadline already passed still receives a message that is queued (it never times out when it need not wait)",
	.spec = "POSIX.1-2024 mq_timedreceive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDRECEIVE) });

static void timedreceive_bad_timeout_einval(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec big = ipct_xdeadline(CLOCK_REALTIME, 1000), neg;
	char buf[POSIX_MQ_MSGSIZE];

	big.tv_nsec = 1000000000L;
	neg = big;
	neg.tv_nsec = -1;
	CHECK_FAILS(mq_timedreceive(d, buf, sizeof buf, NULL, &big), EINVAL);
	CHECK_FAILS(mq_timedreceive(d, buf, sizeof buf, NULL, &neg), EINVAL);
}
IPCT_CASE(timedreceive_bad_timeout_einval,
	.id = "posix_mq.timedreceive_bad_timeout_einval",
	.asserts = "mq_timedreceive() that would block fails with EINVAL when tv_nsec of the deadline is below 0 or at least 1000 million",
	.spec = "POSIX.1-2024 mq_timedreceive(), ERRORS [EINVAL]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDRECEIVE) });

static void timedsend_past_deadline_etimedout(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec ts = ipct_xdeadline(CLOCK_REALTIME, -1000);

	posix_mq_xfill(d);
	CHECK_FAILS(mq_timedsend(d, "t", 1, 0, &ts), ETIMEDOUT);
	CHECK_EQ(POSIX_MQ_MAXMSG, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(timedsend_past_deadline_etimedout,
	.id = "posix_mq.timedsend_past_deadline_etimedout",
	.asserts = "mq_timedsend() on a full queue with a deadline already passed fails with ETIMEDOUT and queues nothing",
	.spec = "POSIX.1-2024 mq_timedsend(), DESCRIPTION and ERRORS [ETIMEDOUT]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDSEND) });

static void timedsend_room_ignores_deadline(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec ts = ipct_xdeadline(CLOCK_REALTIME, -1000);

	CHECK_OK(mq_timedsend(d, "t", 1, 0, &ts));
	CHECK_EQ(1, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(timedsend_room_ignores_deadline,
	.id = "posix_mq.timedsend_room_ignores_deadline",
	.asserts = "mq_timedsend() with a deadline already passed still queues the message when there is room (it never times out when it need not wait)",
	.spec = "POSIX.1-2024 mq_timedsend(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDSEND) });

static void timedsend_bad_timeout_einval(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct timespec big = ipct_xdeadline(CLOCK_REALTIME, 1000), neg;

	posix_mq_xfill(d);
	big.tv_nsec = 1000000000L;
	neg = big;
	neg.tv_nsec = -1;
	CHECK_FAILS(mq_timedsend(d, "t", 1, 0, &big), EINVAL);
	CHECK_FAILS(mq_timedsend(d, "t", 1, 0, &neg), EINVAL);
}
IPCT_CASE(timedsend_bad_timeout_einval,
	.id = "posix_mq.timedsend_bad_timeout_einval",
	.asserts = "mq_timedsend() that would block fails with EINVAL when tv_nsec of the deadline is below 0 or at least 1000 million",
	.spec = "POSIX.1-2024 mq_timedsend(), ERRORS [EINVAL]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDSEND) });

static long do_timedreceive(void *arg)
{
	struct mq_call *c = arg;

	return mq_timedreceive(c->d, c->buf, sizeof c->buf, &c->prio,
			       &c->deadline);
}

static void timedreceive_blocks_until_send(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;

	c->d = posix_mq_xqueue(O_RDWR);
	/* Far enough that only a broken wait can time out first. */
	c->deadline = ipct_xdeadline(CLOCK_REALTIME, 60L * 1000);
	ipct_block_start(&b, do_timedreceive, c);
	ipct_block_prove(&b);
	posix_mq_xsends(c->d, "intime", 2);
	CHECK_RESULT(ipct_block_finish(&b), 6);
	CHECK_MEM("intime", c->buf, 6);
}
IPCT_CASE(timedreceive_blocks_until_send,
	.id = "posix_mq.timedreceive_blocks_until_send",
	.asserts = "mq_timedreceive() on an empty queue blocks until a message is sent before its deadline, then returns it",
	.spec = "POSIX.1-2024 mq_timedreceive(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDRECEIVE) });

static long do_timedsend(void *arg)
{
	struct mq_call *c = arg;

	return mq_timedsend(c->d, "timed", 5, 4, &c->deadline);
}

static void timedsend_blocks_until_receive(void)
{
	struct mq_call *c = ipct_shared_alloc(sizeof *c);
	struct ipct_blocker b;
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;

	c->d = posix_mq_xqueue(O_RDWR);
	posix_mq_xfill(c->d);
	/* Far enough that only a broken wait can time out first. */
	c->deadline = ipct_xdeadline(CLOCK_REALTIME, 60L * 1000);
	ipct_block_start(&b, do_timedsend, c);
	ipct_block_prove(&b);
	CHECK_RET(mq_receive(c->d, buf, sizeof buf, NULL), 1);
	CHECK_RESULT(ipct_block_finish(&b), 0);
	CHECK_RET(mq_receive(c->d, buf, sizeof buf, &prio), 5);
	CHECK_MEM("timed", buf, 5);
	CHECK_EQ(4, prio);
}
IPCT_CASE(timedsend_blocks_until_receive,
	.id = "posix_mq.timedsend_blocks_until_receive",
	.asserts = "mq_timedsend() on a full queue blocks until a message is received before its deadline, then queues its message",
	.spec = "POSIX.1-2024 mq_timedsend(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_TIMEDSEND) });

/* ---------------------------------------------------------- attributes */

static void getattr_curmsgs_counts(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];

	CHECK_EQ(0, posix_mq_xattr(d).mq_curmsgs);
	posix_mq_xsends(d, "a", 0);
	posix_mq_xsends(d, "b", 0);
	posix_mq_xsends(d, "c", 0);
	CHECK_EQ(3, posix_mq_xattr(d).mq_curmsgs);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 1);
	CHECK_EQ(2, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(getattr_curmsgs_counts,
	.id = "posix_mq.getattr_curmsgs_counts",
	.asserts = "mq_getattr() reports in mq_curmsgs the number of messages currently queued",
	.spec = "POSIX.1-2024 mq_getattr(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void open_nonblock_sets_flag(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	mqd_t nb = posix_mq_xopen(name, O_RDWR | O_NONBLOCK);

	CHECK_EQ(0, posix_mq_xattr(d).mq_flags & O_NONBLOCK);
	CHECK((posix_mq_xattr(nb).mq_flags & O_NONBLOCK) != 0);
}
IPCT_CASE(open_nonblock_sets_flag,
	.id = "posix_mq.open_nonblock_sets_flag",
	.asserts = "mq_getattr() reports O_NONBLOCK in mq_flags exactly for a descriptor whose mq_open() asked for it",
	.spec = "POSIX.1-2024 mq_getattr(), DESCRIPTION; mq_open(), DESCRIPTION (O_NONBLOCK)",
	.requires = { POSIX_MQ_REQUIRES });

static void setattr_changes_only_nonblock(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_attr set = { .mq_flags = O_NONBLOCK, .mq_maxmsg = 2,
			       .mq_msgsize = 8, .mq_curmsgs = 3 };
	struct mq_attr a;

	CHECK_OK(mq_setattr(d, &set, NULL));
	a = posix_mq_xattr(d);
	CHECK((a.mq_flags & O_NONBLOCK) != 0);
	CHECK_EQ(POSIX_MQ_MAXMSG, a.mq_maxmsg);
	CHECK_EQ(POSIX_MQ_MSGSIZE, a.mq_msgsize);
	CHECK_EQ(0, a.mq_curmsgs);
}
IPCT_CASE(setattr_changes_only_nonblock,
	.id = "posix_mq.setattr_changes_only_nonblock",
	.asserts = "mq_setattr() sets O_NONBLOCK from mq_flags and ignores mq_maxmsg, mq_msgsize and mq_curmsgs",
	.spec = "POSIX.1-2024 mq_setattr(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void setattr_returns_old_attributes(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR | O_NONBLOCK);
	struct mq_attr set = { .mq_flags = 0 };
	struct mq_attr old;

	posix_mq_xsends(d, "x", 0);
	memset(&old, 0x5a, sizeof old);
	CHECK_OK(mq_setattr(d, &set, &old));
	CHECK((old.mq_flags & O_NONBLOCK) != 0);
	CHECK_EQ(POSIX_MQ_MAXMSG, old.mq_maxmsg);
	CHECK_EQ(POSIX_MQ_MSGSIZE, old.mq_msgsize);
	CHECK_EQ(1, old.mq_curmsgs);
	CHECK_EQ(0, posix_mq_xattr(d).mq_flags & O_NONBLOCK);
}
IPCT_CASE(setattr_returns_old_attributes,
	.id = "posix_mq.setattr_returns_old_attributes",
	.asserts = "mq_setattr() stores in omqstat the flags and attributes as they were before the call, with the current message count",
	.spec = "POSIX.1-2024 mq_setattr(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void setattr_nonblock_takes_effect(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_attr set = { .mq_flags = O_NONBLOCK };
	char buf[POSIX_MQ_MSGSIZE];

	CHECK_OK(mq_setattr(d, &set, NULL));
	CHECK_FAILS(mq_receive(d, buf, sizeof buf, NULL), EAGAIN);
}
IPCT_CASE(setattr_nonblock_takes_effect,
	.id = "posix_mq.setattr_nonblock_takes_effect",
	.asserts = "after mq_setattr() sets O_NONBLOCK, mq_receive() on the empty queue fails with EAGAIN instead of blocking",
	.spec = "POSIX.1-2024 mq_setattr(), DESCRIPTION; mq_receive(), ERRORS [EAGAIN]",
	.requires = { POSIX_MQ_REQUIRES });

static void setattr_description_not_shared(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t a = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	mqd_t b = posix_mq_xopen(name, O_RDWR);
	struct mq_attr set = { .mq_flags = O_NONBLOCK };

	CHECK_OK(mq_setattr(a, &set, NULL));
	CHECK((posix_mq_xattr(a).mq_flags & O_NONBLOCK) != 0);
	CHECK_EQ(0, posix_mq_xattr(b).mq_flags & O_NONBLOCK);
}
IPCT_CASE(setattr_description_not_shared,
	.id = "posix_mq.setattr_description_not_shared",
	.asserts = "O_NONBLOCK set with mq_setattr() on one descriptor does not change another descriptor from a separate mq_open() of the queue",
	.spec = "POSIX.1-2024 mq_setattr(), DESCRIPTION (open message queue description); mq_open(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void setattr_unknown_flag_einval(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_attr set = { .mq_flags = O_NONBLOCK | O_APPEND };

	CHECK_FAILS(mq_setattr(d, &set, NULL), EINVAL);
	CHECK_EQ(0, posix_mq_xattr(d).mq_flags);
}
IPCT_CASE(setattr_unknown_flag_einval,
	.id = "posix_mq.setattr_unknown_flag_einval",
	.asserts = "mq_setattr() with a bit other than O_NONBLOCK in mq_flags fails with EINVAL and changes nothing (POSIX: unspecified)",
	.spec = "Linux mq_getattr(3), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

IPCT_CASES(&ipct_case_send_receive_roundtrip,
	   &ipct_case_receive_highest_priority_first,
	   &ipct_case_receive_fifo_within_priority,
	   &ipct_case_receive_null_prio_allowed,
	   &ipct_case_send_receive_zero_length,
	   &ipct_case_sysconf_mq_prio_max,
	   &ipct_case_send_prio_max_minus_one,
	   &ipct_case_send_prio_max_einval,
	   &ipct_case_send_too_long_emsgsize,
	   &ipct_case_receive_short_buffer_emsgsize,
	   &ipct_case_send_on_rdonly_ebadf,
	   &ipct_case_receive_on_wronly_ebadf,
	   &ipct_case_send_full_nonblock_eagain,
	   &ipct_case_receive_empty_nonblock_eagain,
	   &ipct_case_receive_empty_blocks_until_send,
	   &ipct_case_send_full_blocks_until_receive,
	   &ipct_case_receive_interrupted_eintr,
	   &ipct_case_send_interrupted_eintr,
	   &ipct_case_receive_sa_restart_restarts,
	   &ipct_case_timedreceive_past_deadline_etimedout,
	   &ipct_case_timedreceive_not_before_deadline,
	   &ipct_case_timedreceive_message_present_ignores_deadline,
	   &ipct_case_timedreceive_bad_timeout_einval,
	   &ipct_case_timedsend_past_deadline_etimedout,
	   &ipct_case_timedsend_room_ignores_deadline,
	   &ipct_case_timedsend_bad_timeout_einval,
	   &ipct_case_timedreceive_blocks_until_send,
	   &ipct_case_timedsend_blocks_until_receive,
	   &ipct_case_open_nonblock_sets_flag,
	   &ipct_case_getattr_curmsgs_counts,
	   &ipct_case_setattr_changes_only_nonblock,
	   &ipct_case_setattr_returns_old_attributes,
	   &ipct_case_setattr_nonblock_takes_effect,
	   &ipct_case_setattr_description_not_shared,
	   &ipct_case_setattr_unknown_flag_einval);
