/* SPDX-License-Identifier: MIT
 * cases/posix_mq/linux.c - Linux specifics of POSIX message queues: a
 * descriptor is a file descriptor (poll, close-on-exec), and the
 * RLIMIT_MSGQUEUE byte budget.  None of this is in POSIX.
 * Sources: Linux mq_overview(7), mq_open(3), getrlimit(2); errno of the
 * rlimit check from Linux ipc/mqueue.c (mqueue_get_inode()).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "pmq.h"

#include <poll.h>
#include <sys/resource.h>

static short revents(mqd_t d, short events)
{
	struct pollfd p = { .fd = (int)d, .events = events };

	if (poll(&p, 1, 0) < 0)
		IPCT_BROKEN("poll(mqd): %s", ipct_errname(errno));
	return p.revents;
}

static void poll_in_when_message(void)
{
	mqd_t d = pmq_xqueue(O_RDWR);

	CHECK_EQ(0, revents(d, POLLIN) & POLLIN);
	pmq_xsends(d, "in", 0);
	CHECK((revents(d, POLLIN) & POLLIN) != 0);
}
IPCT_CASE(poll_in_when_message,
	.id = "posix_mq.poll_in_when_message",
	.asserts = "poll() on a message queue descriptor reports POLLIN when a message is queued and not when the queue is empty",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY);

static void poll_out_when_room(void)
{
	mqd_t d = pmq_xqueue(O_RDWR);

	CHECK((revents(d, POLLOUT) & POLLOUT) != 0);
	pmq_xfill(d);
	CHECK_EQ(0, revents(d, POLLOUT) & POLLOUT);
}
IPCT_CASE(poll_out_when_room,
	.id = "posix_mq.poll_out_when_room",
	.asserts = "poll() on a message queue descriptor reports POLLOUT while the queue has room and not when it is full",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY);

static long do_poll_in(void *arg)
{
	struct pollfd p = { .fd = *(int *)arg, .events = POLLIN };
	long r = poll(&p, 1, -1);

	return r == 1 ? p.revents : -1 - r;
}

static void poll_waits_for_message(void)
{
	mqd_t d = pmq_xqueue(O_RDWR);
	int fd = (int)d;
	struct ipct_blocker b;

	ipct_block_start(&b, do_poll_in, &fd);
	ipct_block_prove(&b);
	pmq_xsends(d, "wake", 0);
	CHECK_RESULT(ipct_block_finish(&b), POLLIN);
}
IPCT_CASE(poll_waits_for_message,
	.id = "posix_mq.poll_waits_for_message",
	.asserts = "poll() for POLLIN on an empty message queue descriptor blocks until a message is sent, then reports POLLIN",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY);

static void open_sets_cloexec(void)
{
	mqd_t d = pmq_xqueue(O_RDWR);
	int flags = fcntl((int)d, F_GETFD);

	CHECK_OK(flags);
	CHECK((flags & FD_CLOEXEC) != 0);
}
IPCT_CASE(open_sets_cloexec,
	.id = "posix_mq.open_sets_cloexec",
	.asserts = "the file descriptor mq_open() returns has close-on-exec set without O_CLOEXEC being asked for",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY);

static void getattr_other_fd_ebadf(void)
{
	struct mq_attr a;
	int fd[2];

	pmq_require();
	ipct_xpipe(fd);
	CHECK_FAILS(mq_getattr((mqd_t)fd[0], &a), EBADF);
}
IPCT_CASE(getattr_other_fd_ebadf,
	.id = "posix_mq.getattr_other_fd_ebadf",
	.asserts = "mq_getattr() on an open file descriptor that is not a message queue (a pipe) fails with EBADF",
	.spec = "Linux mq_getattr(3), ERRORS [EBADF]; mq_overview(7)",
	.needs = IPCT_LINUX_ONLY);

static void rlimit_msgqueue_emfile(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	pid_t pid;

	pmq_require();
	pid = ipct_fork();
	if (pid == 0) {
		/* A budget below what one 4 x 64-byte queue costs: only this
		 * process's limit is lowered, nothing system-wide is used up. */
		struct rlimit rl = { 64, 64 };
		struct mq_attr a = { .mq_maxmsg = PMQ_MAXMSG,
				     .mq_msgsize = PMQ_MSGSIZE };

		if (setrlimit(RLIMIT_MSGQUEUE, &rl) != 0)
			IPCT_BROKEN("setrlimit(RLIMIT_MSGQUEUE, 64): %s",
				    ipct_errname(errno));
		CHECK_FAILS(pmq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &a), EMFILE);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(rlimit_msgqueue_emfile,
	.id = "posix_mq.rlimit_msgqueue_emfile",
	.asserts = "mq_open() creating a queue whose bytes exceed the caller's RLIMIT_MSGQUEUE fails with EMFILE",
	.spec = "Linux getrlimit(2), RLIMIT_MSGQUEUE; errno from Linux ipc/mqueue.c mqueue_get_inode()",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_poll_in_when_message,
	   &ipct_case_poll_out_when_room,
	   &ipct_case_poll_waits_for_message,
	   &ipct_case_open_sets_cloexec,
	   &ipct_case_getattr_other_fd_ebadf,
	   &ipct_case_rlimit_msgqueue_emfile);
