/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/msgsnd.c - msgsnd(): argument checks, queue updates, a
 * full queue (IPC_NOWAIT, blocking, removal, signals) and permissions.
 * Sources: POSIX.1-2024 msgsnd() DESCRIPTION and ERRORS; Linux msgop(2)
 * and signal(7) for the count limit and for SA_RESTART.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_msg.h"

#include <limits.h>

static void msgsnd_mtype_zero_einval(void)
{
	struct sysv_msg_buf m = { .mtype = 0, .mtext = "x" };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_FAILS(msgsnd(q, &m, 1, IPC_NOWAIT), EINVAL);
	CHECK_EQ(0, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_mtype_zero_einval,
	.id = "sysv_msg.msgsnd_mtype_zero_einval",
	.asserts = "msgsnd() fails with EINVAL and queues nothing when mtype is 0",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EINVAL]");

static void msgsnd_mtype_negative_einval(void)
{
	struct sysv_msg_buf m = { .mtype = -3, .mtext = "x" };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_FAILS(msgsnd(q, &m, 1, IPC_NOWAIT), EINVAL);
	CHECK_EQ(0, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_mtype_negative_einval,
	.id = "sysv_msg.msgsnd_mtype_negative_einval",
	.asserts = "msgsnd() fails with EINVAL and queues nothing when mtype is negative",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EINVAL]");

static void msgsnd_size_over_max_einval(void)
{
	long max = (long)ipct_need_limit("/proc/sys/kernel/msgmax", 0);
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	struct { long mtype; char mtext[1]; } *m;

	m = calloc(1, sizeof(long) + (size_t)max + 1);
	if (!m)
		IPCT_BROKEN("out of memory for a %ld-byte message", max + 1);
	m->mtype = 1;
	CHECK_FAILS(msgsnd(q, m, (size_t)max + 1, IPC_NOWAIT), EINVAL);
	free(m);
}
IPCT_CASE(msgsnd_size_over_max_einval,
	.id = "sysv_msg.msgsnd_size_over_max_einval",
	.asserts = "msgsnd() fails with EINVAL when msgsz is greater than the system limit on the size of a message (Linux MSGMAX)",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EINVAL]; Linux msgop(2)");

static void msgsnd_size_max_roundtrip(void)
{
	long max = (long)ipct_need_limit("/proc/sys/kernel/msgmax", 0);
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	struct { long mtype; char mtext[1]; } *m, *r;
	struct msqid_ds ds;
	long i;

	sysv_msg_xstat(q, &ds);
	if ((long)ds.msg_qbytes < max)
		ipct_skip("needs msg_qbytes >= msgmax: msg_qbytes is %lu, msgmax %ld",
			  (unsigned long)ds.msg_qbytes, max);
	m = malloc(sizeof(long) + (size_t)max);
	r = calloc(1, sizeof(long) + (size_t)max);
	if (!m || !r)
		IPCT_BROKEN("out of memory for two %ld-byte messages", max);
	m->mtype = 9;
	for (i = 0; i < max; i++)
		m->mtext[i] = (char)(i * 7 + 1);
	CHECK_OK(msgsnd(q, m, (size_t)max, IPC_NOWAIT));
	CHECK_RET(msgrcv(q, r, (size_t)max, 0, IPC_NOWAIT), max);
	CHECK_EQ(9, r->mtype);
	CHECK_MEM(m->mtext, r->mtext, (size_t)max);
	free(m);
	free(r);
}
IPCT_CASE(msgsnd_size_max_roundtrip,
	.id = "sysv_msg.msgsnd_size_max_roundtrip",
	.asserts = "a message of exactly the system's maximum size (Linux MSGMAX) is sent and received intact",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION; Linux msgop(2)");

static void msgsnd_zero_length(void)
{
	struct sysv_msg_buf m = { .mtype = 4 };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_OK(msgsnd(q, &m, 0, IPC_NOWAIT));
	m.mtype = 0;
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 0);
	CHECK_EQ(4, m.mtype);
}
IPCT_CASE(msgsnd_zero_length,
	.id = "sysv_msg.msgsnd_zero_length",
	.asserts = "a message with msgsz 0 is queued, and msgrcv() returns 0 bytes with its mtype",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION; msgrcv(), RETURN VALUE");

static void msgsnd_long_max_mtype(void)
{
	struct sysv_msg_buf m = { .mtype = LONG_MAX, .mtext = "big" };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_OK(msgsnd(q, &m, 3, IPC_NOWAIT));
	memset(&m, 0, sizeof m);
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, LONG_MAX, IPC_NOWAIT), 3);
	CHECK_EQ(LONG_MAX, m.mtype);
	CHECK_MEM("big", m.mtext, 3);
}
IPCT_CASE(msgsnd_long_max_mtype,
	.id = "sysv_msg.msgsnd_long_max_mtype",
	.asserts = "a message whose mtype is LONG_MAX is queued and received with that mtype",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION");

static void msgsnd_increments_qnum(void)
{
	struct sysv_msg_buf m = { .mtype = 1, .mtext = "ab" };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_OK(msgsnd(q, &m, 2, IPC_NOWAIT));
	CHECK_EQ(1, sysv_msg_xcount(q));
	CHECK_OK(msgsnd(q, &m, 2, IPC_NOWAIT));
	CHECK_EQ(2, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_increments_qnum,
	.id = "sysv_msg.msgsnd_increments_qnum",
	.asserts = "a successful msgsnd() increments msg_qnum by 1",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION");

static void msgsnd_sets_lspid(void)
{
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	pid_t pid;

	sysv_msg_xputs(q, 1, "parent");
	pid = ipct_fork();
	if (pid == 0) {
		struct sysv_msg_buf m = { .mtype = 1, .mtext = "c" };

		CHECK_OK(msgsnd(q, &m, 1, IPC_NOWAIT));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	sysv_msg_xstat(q, &ds);
	CHECK_EQ(pid, ds.msg_lspid);
}
IPCT_CASE(msgsnd_sets_lspid,
	.id = "sysv_msg.msgsnd_sets_lspid",
	.asserts = "a successful msgsnd() sets msg_lspid to the process ID of the sender",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION");

static void msgsnd_sets_stime(void)
{
	struct sysv_msg_buf m = { .mtype = 1, .mtext = "t" };
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	time_t before, after;

	before = ipct_time_floor();
	CHECK_OK(msgsnd(q, &m, 1, IPC_NOWAIT));
	after = ipct_time_ceil();
	sysv_msg_xstat(q, &ds);
	CHECK(ds.msg_stime >= before);
	CHECK(ds.msg_stime <= after);
}
IPCT_CASE(msgsnd_sets_stime,
	.id = "sysv_msg.msgsnd_sets_stime",
	.asserts = "a successful msgsnd() sets msg_stime to the current time",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION");

/* A queue that holds 16 bytes, filled by one 16-byte message. */
static int full_queue(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xset_qbytes(q, 16);
	sysv_msg_xput(q, 1, "0123456789abcdef", 16);
	return q;
}

static void msgsnd_full_nowait_eagain(void)
{
	struct sysv_msg_buf m = { .mtype = 2, .mtext = "more" };
	int q = full_queue();

	CHECK_FAILS(msgsnd(q, &m, 4, IPC_NOWAIT), EAGAIN);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_full_nowait_eagain,
	.id = "sysv_msg.msgsnd_full_nowait_eagain",
	.asserts = "msgsnd() with IPC_NOWAIT fails with EAGAIN and queues nothing when the message would make the queue exceed msg_qbytes",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EAGAIN]");

static void msgsnd_full_blocks_until_room(void)
{
	struct sysv_msg_call c = { .type = 2, .size = 4, .flags = 0 };
	struct ipct_blocker b;
	struct sysv_msg_buf m;

	c.q = full_queue();
	ipct_block_start(&b, sysv_msg_blocking_snd, &c);
	ipct_block_prove(&b);
	CHECK_RET(msgrcv(c.q, &m, sizeof m.mtext, 1, IPC_NOWAIT), 16);
	CHECK_RESULT(ipct_block_finish(&b), 0);
	/* The blocked message is the one on the queue now. */
	CHECK_RET(msgrcv(c.q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 4);
	CHECK_EQ(2, m.mtype);
}
IPCT_CASE(msgsnd_full_blocks_until_room,
	.id = "sysv_msg.msgsnd_full_blocks_until_room",
	.asserts = "msgsnd() without IPC_NOWAIT on a full queue blocks until a receiver makes room, then queues the message",
	.spec = "POSIX.1-2024 msgsnd(), DESCRIPTION");

static void msgsnd_blocked_eidrm(void)
{
	struct sysv_msg_call c = { .type = 2, .size = 4, .flags = 0 };
	struct ipct_blocker b;

	c.q = full_queue();
	ipct_block_start(&b, sysv_msg_blocking_snd, &c);
	ipct_block_prove(&b);
	CHECK_OK(msgctl(c.q, IPC_RMID, NULL));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EIDRM);
}
IPCT_CASE(msgsnd_blocked_eidrm,
	.id = "sysv_msg.msgsnd_blocked_eidrm",
	.asserts = "msgsnd() blocked on a full queue fails with EIDRM when the queue is removed",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EIDRM]");

static void msgsnd_blocked_eintr(void)
{
	struct sysv_msg_call c = { .type = 2, .size = 4, .flags = 0 };
	struct ipct_blocker b;

	c.q = full_queue();
	ipct_xsigaction(SIGUSR1, ipct_noop_handler, 0);
	ipct_block_start(&b, sysv_msg_blocking_snd, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
	CHECK_EQ(1, sysv_msg_xcount(c.q));
}
IPCT_CASE(msgsnd_blocked_eintr,
	.id = "sysv_msg.msgsnd_blocked_eintr",
	.asserts = "msgsnd() blocked on a full queue fails with EINTR, and queues nothing, when the caller catches a signal",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EINTR]");

static void msgsnd_eintr_despite_sa_restart(void)
{
	struct sysv_msg_call c = { .type = 2, .size = 4, .flags = 0 };
	struct ipct_blocker b;

	c.q = full_queue();
	ipct_xsigaction(SIGUSR1, ipct_noop_handler, SA_RESTART);
	ipct_block_start(&b, sysv_msg_blocking_snd, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(msgsnd_eintr_despite_sa_restart,
	.id = "sysv_msg.msgsnd_eintr_despite_sa_restart",
	.asserts = "on Linux a blocked msgsnd() interrupted by a handler installed with SA_RESTART still fails with EINTR (it is never restarted)",
	.spec = "Linux msgop(2), signal(7)",
	.needs = IPCT_LINUX_ONLY);

static void msgsnd_count_limit_zero_length(void)
{
	struct sysv_msg_buf m = { .mtype = 1 };
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	int i;

	sysv_msg_xset_qbytes(q, 3);
	for (i = 0; i < 3; i++)
		CHECK_OK(msgsnd(q, &m, 0, IPC_NOWAIT));
	CHECK_FAILS(msgsnd(q, &m, 0, IPC_NOWAIT), EAGAIN);
	CHECK_EQ(3, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_count_limit_zero_length,
	.id = "sysv_msg.msgsnd_count_limit_zero_length",
	.asserts = "on Linux a queue is also full when its number of messages reaches msg_qbytes, so zero-length messages cannot fill it without bound",
	.spec = "Linux msgop(2)",
	.needs = IPCT_LINUX_ONLY);

static void msgsnd_eacces(void)
{
	/* Read-only for its owner, nothing for others: the child lacks
	 * write permission whether it is another user or the owner. */
	int q = ipct_xmsgget(IPC_PRIVATE, 0400);
	pid_t pid = ipct_fork();

	if (pid == 0) {
		struct sysv_msg_buf m = { .mtype = 1, .mtext = "w" };

		ipct_drop_privileges();
		CHECK_FAILS(msgsnd(q, &m, 1, IPC_NOWAIT), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(0, sysv_msg_xcount(q));
}
IPCT_CASE(msgsnd_eacces,
	.id = "sysv_msg.msgsnd_eacces",
	.asserts = "msgsnd() fails with EACCES when the caller does not have write permission on the queue",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV);

static void msgsnd_invalid_id_einval(void)
{
	struct sysv_msg_buf m = { .mtype = 1, .mtext = "x" };

	CHECK_FAILS(msgsnd(-1, &m, 1, IPC_NOWAIT), EINVAL);
}
IPCT_CASE(msgsnd_invalid_id_einval,
	.id = "sysv_msg.msgsnd_invalid_id_einval",
	.asserts = "msgsnd() fails with EINVAL when msqid is not a valid message queue identifier",
	.spec = "POSIX.1-2024 msgsnd(), ERRORS [EINVAL]");

IPCT_CASES(&ipct_case_msgsnd_mtype_zero_einval,
	   &ipct_case_msgsnd_mtype_negative_einval,
	   &ipct_case_msgsnd_size_over_max_einval,
	   &ipct_case_msgsnd_size_max_roundtrip, &ipct_case_msgsnd_zero_length,
	   &ipct_case_msgsnd_long_max_mtype, &ipct_case_msgsnd_increments_qnum,
	   &ipct_case_msgsnd_sets_lspid, &ipct_case_msgsnd_sets_stime,
	   &ipct_case_msgsnd_full_nowait_eagain,
	   &ipct_case_msgsnd_full_blocks_until_room,
	   &ipct_case_msgsnd_blocked_eidrm, &ipct_case_msgsnd_blocked_eintr,
	   &ipct_case_msgsnd_eintr_despite_sa_restart,
	   &ipct_case_msgsnd_count_limit_zero_length, &ipct_case_msgsnd_eacces,
	   &ipct_case_msgsnd_invalid_id_einval);
