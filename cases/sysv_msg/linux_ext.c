/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/linux_ext.c - Linux extensions of System V message
 * queues: msgrcv() MSG_EXCEPT and MSG_COPY, msgctl() IPC_INFO and MSG_INFO
 * (counted in a private IPC namespace), and the
 * msg_cbytes field of struct msqid_ds.
 * Sources: Linux msgop(2), msgctl(2).  None of this is in POSIX.
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "sysv_msg.h"

#include <sched.h>

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

static void msgrcv_copy_too_big_e2big(void)
{
	struct sysv_msg_buf m;
	int q = copy_queue();

	/* Position 0 holds "zero" (4 bytes): 3 do not hold it. */
	CHECK_FAILS(msgrcv(q, &m, 3, 0, MSG_COPY | IPC_NOWAIT), E2BIG);
	CHECK_EQ(3, sysv_msg_xcount(q));
	RECV_EXPECT_FLAGS(q, 0, 0, 4, "zero");
}
IPCT_CASE(msgrcv_copy_too_big_e2big,
	.id = "sysv_msg.msgrcv_copy_too_big_e2big",
	.asserts = "on Linux msgrcv() with MSG_COPY and IPC_NOWAIT but without MSG_NOERROR fails with E2BIG when the message at position msgtyp is longer than msgsz, and the message stays queued",
	.spec = "Linux msgop(2), ERRORS [E2BIG] and MSG_COPY",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_COPY), IPCT_HAVE(HAVE_DECL_MSG_EXCEPT) });

#if HAVE_DECL_MSG_INFO && HAVE_DECL_IPC_INFO && HAVE_STRUCT_MSGINFO && HAVE_UNSHARE
/* msgctl(MSG_INFO) into *mi; returns its value (the highest used index). */
static int msg_info(int cmd, struct msginfo *mi)
{
	memset(mi, 0, sizeof *mi);
	return msgctl(0, cmd, (struct msqid_ds *)(void *)mi);
}

static void msgctl_msg_info_counts(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		struct msginfo mi, li;
		struct sysv_msg_buf m;
		int q1, q2;

		/* MSG_INFO counts the whole system: in an IPC namespace of
		 * its own the counts are this child's alone (and its queues
		 * vanish with it: they are not journaled). */
		if (unshare(CLONE_NEWIPC) != 0) {
			if (errno == EPERM)
				ipct_skip("MSG_INFO counts are system-wide and a private IPC namespace for exact counts needs CAP_SYS_ADMIN (unshare: EPERM)");
			IPCT_BROKEN("unshare(CLONE_NEWIPC): %s", ipct_errname(errno));
		}
		q1 = msgget(IPC_PRIVATE, 0600);
		q2 = msgget(IPC_PRIVATE, 0600);
		if (q1 < 0 || q2 < 0)
			IPCT_BROKEN("msgget in the new namespace: %s", ipct_errname(errno));
		sysv_msg_xputs(q1, 1, "ab");
		sysv_msg_xputs(q1, 1, "cde");
		sysv_msg_xputs(q2, 1, "fghi");
		/* The two queues are entries 0 and 1 of the new namespace. */
		CHECK_RET(msg_info(MSG_INFO, &mi), 1);
		CHECK_EQ(2, mi.msgpool);
		CHECK_EQ(3, mi.msgmap);
		CHECK_EQ(9, mi.msgtql);
		/* The other fields are IPC_INFO's. */
		CHECK_OK(msg_info(IPC_INFO, &li));
		CHECK_EQ(li.msgmax, mi.msgmax);
		CHECK_EQ(li.msgmnb, mi.msgmnb);
		CHECK_EQ(li.msgmni, mi.msgmni);
		CHECK_RET(msgrcv(q1, &m, sizeof m.mtext, 0, IPC_NOWAIT), 2);
		CHECK_OK(msg_info(MSG_INFO, &mi));
		CHECK_EQ(2, mi.msgpool);
		CHECK_EQ(2, mi.msgmap);
		CHECK_EQ(7, mi.msgtql);
		CHECK_OK(msgctl(q2, IPC_RMID, NULL));
		CHECK_RET(msg_info(MSG_INFO, &mi), 0);
		CHECK_EQ(1, mi.msgpool);
		CHECK_EQ(1, mi.msgmap);
		CHECK_EQ(3, mi.msgtql);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
#else
/* Never run: the case requires MSG_INFO, IPC_INFO, struct msginfo and
 * unshare(). */
static void msgctl_msg_info_counts(void)
{
}
#endif
IPCT_CASE(msgctl_msg_info_counts,
	.id = "sysv_msg.msgctl_msg_info_counts",
	.asserts = "on Linux msgctl(MSG_INFO) returns the highest used index and fills msginfo with the number of queues (msgpool), of messages in all queues (msgmap) and of their bytes (msgtql), the limits as IPC_INFO",
	.spec = "Linux msgctl(2), MSG_INFO and RETURN VALUE",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_MSG_INFO), IPCT_HAVE(HAVE_DECL_IPC_INFO),
		      IPCT_HAVE(HAVE_STRUCT_MSGINFO), IPCT_HAVE(HAVE_UNSHARE) });

IPCT_CASES(&ipct_case_msgrcv_except, &ipct_case_msgrcv_copy_peeks,
	   &ipct_case_msgrcv_copy_needs_nowait,
	   &ipct_case_msgrcv_copy_except_einval,
	   &ipct_case_msgrcv_copy_beyond_enomsg,
	   &ipct_case_msgctl_ipc_info, &ipct_case_msgctl_cbytes,
	   &ipct_case_msgrcv_copy_too_big_e2big,
	   &ipct_case_msgctl_msg_info_counts);
