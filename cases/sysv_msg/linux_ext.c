/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/linux_ext.c - Linux extensions of System V message
 * queues: msgrcv() MSG_EXCEPT and MSG_COPY, msgctl() IPC_INFO, and the
 * msg_cbytes field of struct msqid_ds.
 * Sources: Linux msgop(2), msgctl(2).  None of this is in POSIX.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "sysv_msg.h"

/* Receive with IPC_NOWAIT and `flags`; the message must be there. */
#define RECV_EXPECT_FLAGS(q, msgtyp, flags, type, text)                     \
	do {                                                               \
		struct sysv_msg_buf m_;                                            \
		memset(&m_, 0, sizeof m_);                                 \
		CHECK_RET(msgrcv((q), &m_, sizeof m_.mtext, (msgtyp),      \
				 IPC_NOWAIT | (flags)), strlen(text));     \
		CHECK_EQ((long)(type), m_.mtype);                          \
		CHECK_MEM((text), m_.mtext, strlen(text));                 \
	} while (0)

/* The cases name the declarations they need in .requires; where configure
 * found none they are never run, and these stubs keep them compiling. */
#if !HAVE_DECL_MSG_EXCEPT
#define MSG_EXCEPT 0
#endif
#if !HAVE_DECL_MSG_COPY
#define MSG_COPY 0
#endif

static void msgrcv_except(void)
{
	struct sysv_msg_buf m;
	int q;

	q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 2, "two");
	sysv_msg_xputs(q, 7, "seven");
	sysv_msg_xputs(q, 2, "two again");
	sysv_msg_xputs(q, 5, "five");
	RECV_EXPECT_FLAGS(q, 2, MSG_EXCEPT, 7, "seven");
	RECV_EXPECT_FLAGS(q, 2, MSG_EXCEPT, 5, "five");
	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 2, IPC_NOWAIT | MSG_EXCEPT), ENOMSG);
	CHECK_EQ(2, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_except,
	.id = "sysv_msg.msgrcv_except",
	.asserts = "on Linux msgrcv() with MSG_EXCEPT and msgtyp greater than 0 receives the first message whose type differs from msgtyp",
	.spec = "Linux msgop(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

/* Queue three messages and check MSG_COPY works here at all. */
static int copy_queue(void)
{
	struct sysv_msg_buf m;
	int q;

	q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 4, "zero");
	sysv_msg_xputs(q, 9, "one");
	sysv_msg_xputs(q, 4, "two");
	if (msgrcv(q, &m, sizeof m.mtext, 0, MSG_COPY | IPC_NOWAIT) < 0 &&
	    errno == ENOSYS)
		ipct_skip("msgrcv(MSG_COPY): ENOSYS (kernel built without CONFIG_CHECKPOINT_RESTORE)");
	return q;
}

static void msgrcv_copy_peeks(void)
{
	int q = copy_queue();

	RECV_EXPECT_FLAGS(q, 1, MSG_COPY, 9, "one");
	RECV_EXPECT_FLAGS(q, 2, MSG_COPY, 4, "two");
	/* Nothing was removed: the queue is whole and in order. */
	CHECK_EQ(3, sysv_msg_xcount(q));
	RECV_EXPECT_FLAGS(q, 0, 0, 4, "zero");
	RECV_EXPECT_FLAGS(q, 0, 0, 9, "one");
}
IPCT_CASE(msgrcv_copy_peeks,
	.id = "sysv_msg.msgrcv_copy_peeks",
	.asserts = "on Linux msgrcv() with MSG_COPY and IPC_NOWAIT returns a copy of the message at position msgtyp (from 0) and leaves the queue unchanged",
	.spec = "Linux msgop(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_COPY), IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

static void msgrcv_copy_needs_nowait(void)
{
	struct sysv_msg_buf m;
	int q = copy_queue();

	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 0, MSG_COPY), EINVAL);
	CHECK_EQ(3, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_copy_needs_nowait,
	.id = "sysv_msg.msgrcv_copy_needs_nowait",
	.asserts = "on Linux msgrcv() with MSG_COPY but without IPC_NOWAIT fails with EINVAL",
	.spec = "Linux msgop(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_COPY), IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

static void msgrcv_copy_except_einval(void)
{
	struct sysv_msg_buf m;
	int q = copy_queue();

	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 1,
			   MSG_COPY | MSG_EXCEPT | IPC_NOWAIT), EINVAL);
}
IPCT_CASE(msgrcv_copy_except_einval,
	.id = "sysv_msg.msgrcv_copy_except_einval",
	.asserts = "on Linux msgrcv() with both MSG_COPY and MSG_EXCEPT fails with EINVAL",
	.spec = "Linux msgop(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_COPY), IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

static void msgrcv_copy_beyond_enomsg(void)
{
	struct sysv_msg_buf m;
	int q = copy_queue();

	CHECK_FAILS(msgrcv(q, &m, sizeof m.mtext, 3, MSG_COPY | IPC_NOWAIT), ENOMSG);
	CHECK_EQ(3, sysv_msg_xcount(q));
}
IPCT_CASE(msgrcv_copy_beyond_enomsg,
	.id = "sysv_msg.msgrcv_copy_beyond_enomsg",
	.asserts = "on Linux msgrcv() with MSG_COPY and IPC_NOWAIT fails with ENOMSG when no message is at position msgtyp",
	.spec = "Linux msgop(2), ERRORS [ENOMSG]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_COPY), IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

#if HAVE_DECL_IPC_INFO && HAVE_STRUCT_MSGINFO
static void msgctl_ipc_info(void)
{
	long max = (long)ipct_need_limit("/proc/sys/kernel/msgmax", 0);
	long mnb = (long)ipct_need_limit("/proc/sys/kernel/msgmnb", 0);
	long mni = (long)ipct_need_limit("/proc/sys/kernel/msgmni", 0);
	struct msginfo info;
	int r;

	memset(&info, 0, sizeof info);
	r = msgctl(0, IPC_INFO, (struct msqid_ds *)(void *)&info);
	CHECK(r >= 0);
	CHECK_EQ(max, info.msgmax);
	CHECK_EQ(mnb, info.msgmnb);
	CHECK_EQ(mni, info.msgmni);
}
#else
/* Never run: the case requires IPC_INFO and struct msginfo. */
static void msgctl_ipc_info(void)
{
}
#endif
IPCT_CASE(msgctl_ipc_info,
	.id = "sysv_msg.msgctl_ipc_info",
	.asserts = "on Linux msgctl(IPC_INFO) succeeds and fills struct msginfo with the limits msgmax, msgmnb and msgmni shown in /proc/sys/kernel",
	.spec = "Linux msgctl(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_IPC_INFO), IPCT_HAVE(HAVE_STRUCT_MSGINFO) });

#if HAVE_STRUCT_MSQID_DS_MSG_CBYTES
static void msgctl_cbytes(void)
{
	struct msqid_ds ds;
	struct sysv_msg_buf m;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xputs(q, 1, "abc");
	sysv_msg_xputs(q, 2, "defgh");
	sysv_msg_xstat(q, &ds);
	CHECK_EQ(8, ds.msg_cbytes);
	CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 1, IPC_NOWAIT), 3);
	sysv_msg_xstat(q, &ds);
	CHECK_EQ(5, ds.msg_cbytes);
}
#else
/* Never run: the case requires the msg_cbytes member. */
static void msgctl_cbytes(void)
{
}
#endif
IPCT_CASE(msgctl_cbytes,
	.id = "sysv_msg.msgctl_cbytes",
	.asserts = "on Linux msg_cbytes from IPC_STAT is the number of bytes of text in all messages on the queue",
	.spec = "Linux msgctl(2)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_STRUCT_MSQID_DS_MSG_CBYTES) });

IPCT_CASES(&ipct_case_msgrcv_except, &ipct_case_msgrcv_copy_peeks,
	   &ipct_case_msgrcv_copy_needs_nowait,
	   &ipct_case_msgrcv_copy_except_einval,
	   &ipct_case_msgrcv_copy_beyond_enomsg,
	   &ipct_case_msgctl_ipc_info, &ipct_case_msgctl_cbytes);
