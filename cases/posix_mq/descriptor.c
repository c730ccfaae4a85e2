/* SPDX-License-Identifier: MIT
 * cases/posix_mq/descriptor.c - message queue descriptors across fork()
 * and exec.
 * Sources: POSIX.1-2024 fork(), exec, mq_open() (open message queue
 * description), mq_setattr().
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_mq.h"

static void fork_child_receives_parent_message(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		char buf[POSIX_MQ_MSGSIZE];
		unsigned prio = 0;

		ipct_sync_wait(&s, 1);
		CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 6);
		CHECK_MEM("parent", buf, 6);
		CHECK_EQ(4, prio);
		ipct_child_exit();
	}
	posix_mq_xsends(d, "parent", 4);
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
	CHECK_EQ(0, posix_mq_xattr(d).mq_curmsgs);
}
IPCT_CASE(fork_child_receives_parent_message,
	.id = "posix_mq.fork_child_receives_parent_message",
	.asserts = "a child inherits its parent's message queue descriptors: it receives through the inherited descriptor what the parent sent after the fork",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION (message queue descriptors)",
	.requires = { POSIX_MQ_REQUIRES });

static void fork_shares_description(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_attr set = { .mq_flags = O_NONBLOCK };
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		char buf[POSIX_MQ_MSGSIZE];

		ipct_sync_wait(&s, 1);
		CHECK((posix_mq_xattr(d).mq_flags & O_NONBLOCK) != 0);
		CHECK_FAILS(mq_receive(d, buf, sizeof buf, NULL), EAGAIN);
		ipct_child_exit();
	}
	CHECK_OK(mq_setattr(d, &set, NULL));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(fork_shares_description,
	.id = "posix_mq.fork_shares_description",
	.asserts = "a descriptor inherited across fork() refers to the same open message queue description: O_NONBLOCK set by the parent afterwards applies in the child",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION; mq_setattr(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

/* "mqd-closed FD": the descriptor number the parent had open must not be
 * a valid message queue descriptor after exec. */
static int mqd_closed_helper(int argc, char **argv)
{
	struct mq_attr a;

	CHECK_EQ(2, argc);
	CHECK_FAILS(mq_getattr((mqd_t)atoi(argv[1]), &a), EBADF);
	return 0;
}
IPCT_HELPER(mqd_closed_helper, "mqd-closed");

static void exec_closes_descriptors(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char num[32];

	if (!__builtin_types_compatible_p(mqd_t, int))
		ipct_skip("mqd_t is not an int here: a descriptor cannot be named to an exec'd process");
	snprintf(num, sizeof num, "%d", (int)d);
	ipct_wait_ok(ipct_exec_helper("mqd-closed", num, (char *)NULL));
	/* The caller's own descriptor is still fine. */
	CHECK_OK(mq_send(d, "x", 1, 0));
}
IPCT_CASE(exec_closes_descriptors,
	.id = "posix_mq.exec_closes_descriptors",
	.asserts = "the open message queue descriptors of a process are closed in the new process image after exec",
	.spec = "POSIX.1-2024 exec, DESCRIPTION (open message queue descriptors)",
	.requires = { POSIX_MQ_REQUIRES });

IPCT_HELPERS(&ipct_helper_mqd_closed_helper);

IPCT_CASES(&ipct_case_fork_child_receives_parent_message,
	   &ipct_case_fork_shares_description,
	   &ipct_case_exec_closes_descriptors);
