/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/msgrcv.c - msgrcv(): selection by msgtyp, ordering,
 * E2BIG and MSG_NOERROR, IPC_NOWAIT, blocking (messages, removal,
 * signals), queue updates and permissions.
 * Sources: POSIX.1-2024 msgrcv() DESCRIPTION and ERRORS, XSH 2.7; Linux
 * msgop(2) and signal(7) for SA_RESTART.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_msg.h"

/* Receive with IPC_NOWAIT (the message must be there) and return its
 * mtype; the text is checked against `text`. */
#define RECV_EXPECT(q, msgtyp, type, text)                                  \
	do {                                                               \
		struct sysv_msg_buf m_;                                            \
		memset(&m_, 0, sizeof m_);                                 \
		CHECK_RET(msgrcv((q), &m_, sizeof m_.mtext, (msgtyp),      \
				 IPC_NOWAIT), strlen(text));               \
		CHECK_EQ((long)(type), m_.mtype);                          \
		CHECK_MEM((text), m_.mtext, strlen(text));                 \
	} while (0)

static void msgrcv_returns_size_and_data(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 6, "hello");
	memset(&m, 0x5a, sizeof m);
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 5);
	CHECK_EQ(6, m.mtype);
	CHECK_MEM("hello", m.mtext, 5);
}
IPCT_CASE(msgrcv_returns_size_and_data,
	.id = "sysv_msg.msgrcv_returns_size_and_data",
	.asserts = "msgrcv() stores the message's mtype and text and returns the number of bytes placed in mtext",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION and RETURN VALUE");

static void msgrcv_type_zero_oldest(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 3, "first");
	sysv_msg_xputs(q, 1, "second");
	sysv_msg_xputs(q, 2, "third");
	RECV_EXPECT(q, 0, 3, "first");
	RECV_EXPECT(q, 0, 1, "second");
	RECV_EXPECT(q, 0, 2, "third");
}
IPCT_CASE(msgrcv_type_zero_oldest,
	.id = "sysv_msg.msgrcv_type_zero_oldest",
	.asserts = "msgrcv() with msgtyp 0 receives the first message on the queue, whatever its type",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_type_positive_selects(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 3, "three");
	sysv_msg_xputs(q, 1, "one");
	sysv_msg_xputs(q, 2, "two");
	RECV_EXPECT(q, 2, 2, "two");
	/* The others stay, in their order. */
	CHECK_EQ(2, sysv_msg_xcount(q));
	RECV_EXPECT(q, 0, 3, "three");
	RECV_EXPECT(q, 0, 1, "one");
}
IPCT_CASE(msgrcv_type_positive_selects,
	.id = "sysv_msg.msgrcv_type_positive_selects",
	.asserts = "msgrcv() with msgtyp greater than 0 receives the first message of that type and leaves the others queued",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_fifo_within_type(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 2, "a");
	sysv_msg_xputs(q, 5, "x");
	sysv_msg_xputs(q, 2, "b");
	sysv_msg_xputs(q, 2, "c");
	RECV_EXPECT(q, 2, 2, "a");
	RECV_EXPECT(q, 2, 2, "b");
	RECV_EXPECT(q, 2, 2, "c");
}
IPCT_CASE(msgrcv_fifo_within_type,
	.id = "sysv_msg.msgrcv_fifo_within_type",
	.asserts = "messages of one type are received by msgtyp in the order they were sent",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_type_negative_lowest(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 5, "five");
	sysv_msg_xputs(q, 3, "three");
	sysv_msg_xputs(q, 4, "four");
	sysv_msg_xputs(q, 1, "one");
	RECV_EXPECT(q, -4, 1, "one");
	CHECK_EQ(3, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_type_negative_lowest,
	.id = "sysv_msg.msgrcv_type_negative_lowest",
	.asserts = "msgrcv() with msgtyp less than 0 receives a message of the lowest type that is less than or equal to the absolute value of msgtyp",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_type_negative_sequence(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	/* Queue order is not type order: the lowest type comes first. */
	sysv_msg_xputs(q, 5, "five");
	sysv_msg_xputs(q, 4, "four");
	sysv_msg_xputs(q, 3, "three");
	RECV_EXPECT(q, -4, 3, "three");
	RECV_EXPECT(q, -4, 4, "four");
	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, -4, IPC_NOWAIT), ENOMSG);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_type_negative_sequence,
	.id = "sysv_msg.msgrcv_type_negative_sequence",
	.asserts = "repeated msgrcv() with the same negative msgtyp receives the eligible types in increasing order, then finds none while larger types stay queued",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_type_negative_fifo(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 3, "x");
	sysv_msg_xputs(q, 2, "first");
	sysv_msg_xputs(q, 9, "y");
	sysv_msg_xputs(q, 2, "second");
	RECV_EXPECT(q, -3, 2, "first");
	RECV_EXPECT(q, -3, 2, "second");
}
IPCT_CASE(msgrcv_type_negative_fifo,
	.id = "sysv_msg.msgrcv_type_negative_fifo",
	.asserts = "msgrcv() with msgtyp less than 0 receives the first message of the lowest eligible type when several have that type",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_type_negative_none_enomsg(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 5, "five");
	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, -4, IPC_NOWAIT), ENOMSG);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_type_negative_none_enomsg,
	.id = "sysv_msg.msgrcv_type_negative_none_enomsg",
	.asserts = "msgrcv() with a negative msgtyp and IPC_NOWAIT fails with ENOMSG when no message has a type less than or equal to its absolute value",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [ENOMSG]");

static void msgrcv_empty_nowait_enomsg(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), ENOMSG);
}
IPCT_CASE(msgrcv_empty_nowait_enomsg,
	.id = "sysv_msg.msgrcv_empty_nowait_enomsg",
	.asserts = "msgrcv() with IPC_NOWAIT on an empty queue fails with ENOMSG",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [ENOMSG]");

static void msgrcv_type_absent_nowait_enomsg(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 1, "one");
	sysv_msg_xputs(q, 3, "three");
	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 2, IPC_NOWAIT), ENOMSG);
	CHECK_EQ(2, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_type_absent_nowait_enomsg,
	.id = "sysv_msg.msgrcv_type_absent_nowait_enomsg",
	.asserts = "msgrcv() with IPC_NOWAIT fails with ENOMSG and removes nothing when no message of the requested type is queued",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [ENOMSG]");

static void msgrcv_too_long_e2big(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 1, "0123456789");
	CHECK_FAILS(msgrcv(q, &m, 4, 0, IPC_NOWAIT), E2BIG);
	/* Not removed: it can still be received whole. */
	CHECK_EQ(1, sysv_msg_xcount(q));
	RECV_EXPECT(q, 0, 1, "0123456789");
}
IPCT_CASE(msgrcv_too_long_e2big,
	.id = "sysv_msg.msgrcv_too_long_e2big",
	.asserts = "msgrcv() without MSG_NOERROR fails with E2BIG when the message is longer than msgsz, and the message stays on the queue",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [E2BIG]; Linux msgop(2)");

static void msgrcv_noerror_truncates(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 1, "0123456789");
	memset(&m, 0, sizeof m);
	CHECK_RET(msgrcv(q, &m, 4, 0, IPC_NOWAIT | MSG_NOERROR), 4);
	CHECK_MEM("0123", m.mtext, 4);
	/* The rest is lost: nothing of it is left on the queue. */
	CHECK_EQ(0, sysv_msg_xcount(q));
	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), ENOMSG);
}
IPCT_CASE(msgrcv_noerror_truncates,
	.id = "sysv_msg.msgrcv_noerror_truncates",
	.asserts = "msgrcv() with MSG_NOERROR truncates a message longer than msgsz to msgsz bytes, returns msgsz and discards the truncated part",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_decrements_qnum(void)
{
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 1, "a");
	sysv_msg_xputs(q, 1, "b");
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 1);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_decrements_qnum,
	.id = "sysv_msg.msgrcv_decrements_qnum",
	.asserts = "a successful msgrcv() decrements msg_qnum by 1",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_sets_lrpid(void)
{
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	pid_t pid;

	sysv_msg_xputs(q, 1, "a");
	sysv_msg_xputs(q, 1, "b");
	pid = ipct_fork();
	if (pid == 0) {
		struct sysv_msg_buf m;

		CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 1);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	sysv_msg_xstat(q, &ds);
	CHECK_EQ(pid, ds.msg_lrpid);
	/* The sender is still recorded as the sender. */
	CHECK_EQ(getpid(), ds.msg_lspid);
}
IPCT_CASE(msgrcv_sets_lrpid,
	.id = "sysv_msg.msgrcv_sets_lrpid",
	.asserts = "a successful msgrcv() sets msg_lrpid to the process ID of the receiver and leaves msg_lspid as the sender's",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_sets_rtime(void)
{
	struct msqid_ds ds;
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	time_t before, after;

	sysv_msg_xputs(q, 1, "a");
	before = ipct_time_floor();
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), 1);
	after = ipct_time_ceil();
	sysv_msg_xstat(q, &ds);
	CHECK(ds.msg_rtime >= before);
	CHECK(ds.msg_rtime <= after);
}
IPCT_CASE(msgrcv_sets_rtime,
	.id = "sysv_msg.msgrcv_sets_rtime",
	.asserts = "a successful msgrcv() sets msg_rtime to the current time",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_blocks_until_message(void)
{
	struct sysv_msg_call c = { .type = 0, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct ipct_blocker b;

	c.q = ipct_xmsgget(IPC_PRIVATE, 0600);
	ipct_block_start(&b, sysv_msg_blocking_rcv_type, &c);
	ipct_block_prove(&b);
	sysv_msg_xputs(c.q, 8, "wake");
	CHECK_RESULT(ipct_block_finish(&b), 8);
	CHECK_EQ(0, sysv_msg_xcount(c.q));
}
IPCT_CASE(msgrcv_blocks_until_message,
	.id = "sysv_msg.msgrcv_blocks_until_message",
	.asserts = "msgrcv() without IPC_NOWAIT on an empty queue blocks until a message is sent, then receives it",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_nonmatching_keeps_blocked(void)
{
	struct sysv_msg_call c = { .type = 7, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct ipct_blocker b;

	c.q = ipct_xmsgget(IPC_PRIVATE, 0600);
	ipct_block_start(&b, sysv_msg_blocking_rcv_type, &c);
	ipct_block_prove(&b);
	sysv_msg_xputs(c.q, 3, "other");
	sysv_msg_xputs(c.q, 7, "mine");
	/* Type 7 did not exist before this point, so a receiver that
	 * returns 7 was still blocked after the type-3 message came; and
	 * that message is still queued. */
	CHECK_RESULT(ipct_block_finish(&b), 7);
	RECV_EXPECT(c.q, 0, 3, "other");
	CHECK_EQ(0, sysv_msg_xcount(c.q));
}
IPCT_CASE(msgrcv_nonmatching_keeps_blocked,
	.id = "sysv_msg.msgrcv_nonmatching_keeps_blocked",
	.asserts = "a msgrcv() blocked for one type stays blocked when a message of another type is sent, and returns when a matching one arrives",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_receivers_by_type(void)
{
	struct sysv_msg_call c1 = { .type = 1, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct sysv_msg_call c2 = c1;
	struct ipct_blocker b1, b2;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	c1.q = c2.q = q;
	c2.type = 2;
	ipct_block_start(&b1, sysv_msg_blocking_rcv_type, &c1);
	ipct_block_prove(&b1);
	ipct_block_start(&b2, sysv_msg_blocking_rcv_type, &c2);
	ipct_block_prove(&b2);
	/* Type 2 goes to the second receiver although the first waits
	 * longer. */
	sysv_msg_xputs(q, 2, "two");
	CHECK_RESULT(ipct_block_finish(&b2), 2);
	sysv_msg_xputs(q, 1, "one");
	CHECK_RESULT(ipct_block_finish(&b1), 1);
}
IPCT_CASE(msgrcv_receivers_by_type,
	.id = "sysv_msg.msgrcv_receivers_by_type",
	.asserts = "with receivers blocked for types 1 and 2, a type-2 message is received by the type-2 receiver and a type-1 message by the other",
	.spec = "POSIX.1-2024 msgrcv(), DESCRIPTION");

static void msgrcv_blocked_eidrm(void)
{
	struct sysv_msg_call c = { .type = 0, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct ipct_blocker b;

	c.q = ipct_xmsgget(IPC_PRIVATE, 0600);
	ipct_block_start(&b, sysv_msg_blocking_rcv_type, &c);
	ipct_block_prove(&b);
	CHECK_OK(msgctl(c.q, IPC_RMID, NULL));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EIDRM);
}
IPCT_CASE(msgrcv_blocked_eidrm,
	.id = "sysv_msg.msgrcv_blocked_eidrm",
	.asserts = "a blocked msgrcv() fails with EIDRM when the queue is removed",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [EIDRM]");

static void msgrcv_blocked_eintr(void)
{
	struct sysv_msg_call c = { .type = 0, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct ipct_blocker b;

	c.q = ipct_xmsgget(IPC_PRIVATE, 0600);
	ipct_xsigaction(SIGUSR1, ipct_noop_handler, 0);
	ipct_block_start(&b, sysv_msg_blocking_rcv_type, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(msgrcv_blocked_eintr,
	.id = "sysv_msg.msgrcv_blocked_eintr",
	.asserts = "a blocked msgrcv() fails with EINTR when the caller catches a signal",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [EINTR]");

static void msgrcv_eintr_despite_sa_restart(void)
{
	struct sysv_msg_call c = { .type = 0, .size = sizeof(((struct sysv_msg_buf *)0)->mtext) };
	struct ipct_blocker b;

	c.q = ipct_xmsgget(IPC_PRIVATE, 0600);
	ipct_xsigaction(SIGUSR1, ipct_noop_handler, SA_RESTART);
	ipct_block_start(&b, sysv_msg_blocking_rcv_type, &c);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	CHECK_RESULT_FAILS(ipct_block_finish(&b), EINTR);
}
IPCT_CASE(msgrcv_eintr_despite_sa_restart,
	.id = "sysv_msg.msgrcv_eintr_despite_sa_restart",
	.asserts = "on Linux a blocked msgrcv() interrupted by a handler installed with SA_RESTART still fails with EINTR (it is never restarted)",
	.spec = "Linux msgop(2), signal(7)",
	.needs = IPCT_LINUX_ONLY);

static void msgrcv_eacces(void)
{
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);
	pid_t pid;

	sysv_msg_xset_qbytes(q, 64);
	/* Write-only for its owner, nothing for others: the child lacks
	 * read permission whether it is another user or the owner. */
	ipct_xsysv_setmode(IPCT_SYSV_MSG, q, 0200, 64);
	sysv_msg_xputs(q, 1, "secret");
	pid = ipct_fork();
	if (pid == 0) {
		struct sysv_msg_buf m;

		ipct_drop_privileges();
		CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 0, IPC_NOWAIT), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* Readable again for the owner (IPC_STAT needs read permission). */
	ipct_xsysv_setmode(IPCT_SYSV_MSG, q, 0600, 64);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_eacces,
	.id = "sysv_msg.msgrcv_eacces",
	.asserts = "msgrcv() fails with EACCES and removes nothing when the caller does not have read permission on the queue",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV);

static void msgrcv_invalid_id_einval(void)
{
	struct sysv_msg_buf m;

	CHECK_FAILS(msgrcv(-1, &m, sizeof m.mtext, 0, IPC_NOWAIT), EINVAL);
}
IPCT_CASE(msgrcv_invalid_id_einval,
	.id = "sysv_msg.msgrcv_invalid_id_einval",
	.asserts = "msgrcv() fails with EINVAL when msqid is not a valid message queue identifier",
	.spec = "POSIX.1-2024 msgrcv(), ERRORS [EINVAL]");

static void msgrcv_queue_outlives_creator(void)
{
	int *qid = ipct_shared_alloc(sizeof *qid);
	pid_t pid;

	*qid = -1;
	pid = ipct_fork();
	if (pid == 0) {
		int q;

		CHECK_OK(q = msgget(IPC_PRIVATE, 0600));
		ipct_track_id(IPCT_SYSV_MSG, q);
		sysv_msg_xputs(q, 5, "left behind");
		*qid = q;
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_NE(-1, *qid);
	RECV_EXPECT(*qid, 0, 5, "left behind");
}
IPCT_CASE(msgrcv_queue_outlives_creator,
	.id = "sysv_msg.msgrcv_queue_outlives_creator",
	.asserts = "a message queue and its messages remain after the creating process exits, until the queue is removed",
	.spec = "POSIX.1-2024 XSH 2.7.1; msgctl(), IPC_RMID");

static void msgrcv_negative_msgsz_einval(void)
{
	struct sysv_msg_buf m = { .mtype = 1, .mtext = "x" };
	int q;

	if (ipct_under_valgrind())
		ipct_skip("under valgrind, whose memcheck reports a receive buffer of SIZE_MAX bytes as unaddressable before the kernel sees the call");
	q = ipct_xmsgget(IPC_PRIVATE, 0600);
	CHECK_OK(msgsnd(q, &m, 1, IPC_NOWAIT));
	/* msgrcv() takes msgsz as a size_t; the kernel reads it as a signed
	 * long, so SIZE_MAX is -1 there. */
	CHECK_FAILS(msgrcv(q, &m, (size_t)-1, 0, IPC_NOWAIT), EINVAL);
	CHECK_EQ(1, sysv_msg_xcount(q)); /* nothing was taken */
}
IPCT_CASE(msgrcv_negative_msgsz_einval,
	.id = "sysv_msg.msgrcv_negative_msgsz_einval",
	.asserts = "msgrcv() with msgsz -1 (as the kernel reads SIZE_MAX) fails with EINVAL and leaves the message queued",
	.spec = "Linux msgop(2), ERRORS [EINVAL] (msgsz less than 0)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_msgrcv_returns_size_and_data,
	   &ipct_case_msgrcv_negative_msgsz_einval,
	   &ipct_case_msgrcv_type_zero_oldest,
	   &ipct_case_msgrcv_type_positive_selects,
	   &ipct_case_msgrcv_fifo_within_type,
	   &ipct_case_msgrcv_type_negative_lowest,
	   &ipct_case_msgrcv_type_negative_sequence,
	   &ipct_case_msgrcv_type_negative_fifo,
	   &ipct_case_msgrcv_type_negative_none_enomsg,
	   &ipct_case_msgrcv_empty_nowait_enomsg,
	   &ipct_case_msgrcv_type_absent_nowait_enomsg,
	   &ipct_case_msgrcv_too_long_e2big, &ipct_case_msgrcv_noerror_truncates,
	   &ipct_case_msgrcv_decrements_qnum, &ipct_case_msgrcv_sets_lrpid,
	   &ipct_case_msgrcv_sets_rtime, &ipct_case_msgrcv_blocks_until_message,
	   &ipct_case_msgrcv_nonmatching_keeps_blocked,
	   &ipct_case_msgrcv_receivers_by_type, &ipct_case_msgrcv_blocked_eidrm,
	   &ipct_case_msgrcv_blocked_eintr,
	   &ipct_case_msgrcv_eintr_despite_sa_restart, &ipct_case_msgrcv_eacces,
	   &ipct_case_msgrcv_invalid_id_einval,
	   &ipct_case_msgrcv_queue_outlives_creator);
