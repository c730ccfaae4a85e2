/* SPDX-License-Identifier: MIT
 * cases/sysv_msg/msgget.c - msgget(): creating and looking up message
 * queues, and the initial state of a new queue.
 * Sources: POSIX.1-2024 msgget() DESCRIPTION and ERRORS, XSH 2.7;
 * Linux msgget(2) for the value of msg_qbytes.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_msg.h"

static void msgget_private_creates(void)
{
	int q;

	CHECK_OK(q = msgget(IPC_PRIVATE, 0600));
	ipct_track_id(IPCT_SYSV_MSG, q);
	/* The identifier names a usable queue. */
	sysv_msg_xputs(q, 1, "x");
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgget_private_creates,
	.id = "sysv_msg.msgget_private_creates",
	.asserts = "msgget() with key IPC_PRIVATE creates a new message queue and returns its non-negative identifier",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION and RETURN VALUE");

static void msgget_private_distinct(void)
{
	int a = ipct_xmsgget(IPC_PRIVATE, 0600);
	int b;

	CHECK_OK(b = msgget(IPC_PRIVATE, 0600));
	ipct_track_id(IPCT_SYSV_MSG, b);
	CHECK_NE(a, b);
	/* Distinct queues: a message on one is not on the other. */
	sysv_msg_xputs(a, 1, "x");
	CHECK_EQ(0, sysv_msg_xcount(b));
}
IPCT_CASE(msgget_private_distinct,
	.id = "sysv_msg.msgget_private_distinct",
	.asserts = "each msgget() with key IPC_PRIVATE creates a distinct queue with its own identifier",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_creat_new_key(void)
{
	key_t key = ipct_unused_key();
	int q;

	CHECK_OK(q = msgget(key, IPC_CREAT | 0600));
	ipct_track_id(IPCT_SYSV_MSG, q);
	CHECK_RET(msgget(key, 0600), q);
}
IPCT_CASE(msgget_creat_new_key,
	.id = "sysv_msg.msgget_creat_new_key",
	.asserts = "msgget() with IPC_CREAT and a key that has no queue creates one, and later msgget() calls with that key return the same identifier",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_creat_existing_same_id(void)
{
	key_t key = ipct_unused_key();
	int q = ipct_xmsgget(key, IPC_CREAT | 0600);

	sysv_msg_xputs(q, 1, "x");
	/* IPC_CREAT without IPC_EXCL on an existing key opens it. */
	CHECK_RET(msgget(key, IPC_CREAT | 0600), q);
	CHECK_EQ(1, sysv_msg_xcount(q));
}
IPCT_CASE(msgget_creat_existing_same_id,
	.id = "sysv_msg.msgget_creat_existing_same_id",
	.asserts = "msgget() with IPC_CREAT but without IPC_EXCL on a key that has a queue returns the existing queue's identifier",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_excl_eexist(void)
{
	key_t key = ipct_unused_key();

	ipct_xmsgget(key, IPC_CREAT | 0600);
	CHECK_FAILS(msgget(key, IPC_CREAT | IPC_EXCL | 0600), EEXIST);
}
IPCT_CASE(msgget_excl_eexist,
	.id = "sysv_msg.msgget_excl_eexist",
	.asserts = "msgget() with IPC_CREAT and IPC_EXCL fails with EEXIST when a queue already exists for the key",
	.spec = "POSIX.1-2024 msgget(), ERRORS [EEXIST]");

static void msgget_excl_creates(void)
{
	key_t key = ipct_unused_key();
	int q;

	CHECK_OK(q = msgget(key, IPC_CREAT | IPC_EXCL | 0600));
	ipct_track_id(IPCT_SYSV_MSG, q);
	CHECK_RET(msgget(key, 0), q);
}
IPCT_CASE(msgget_excl_creates,
	.id = "sysv_msg.msgget_excl_creates",
	.asserts = "msgget() with IPC_CREAT and IPC_EXCL creates a queue when none exists for the key",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_enoent(void)
{
	CHECK_FAILS(msgget(ipct_unused_key(), 0600), ENOENT);
}
IPCT_CASE(msgget_enoent,
	.id = "sysv_msg.msgget_enoent",
	.asserts = "msgget() without IPC_CREAT fails with ENOENT when no queue exists for the key",
	.spec = "POSIX.1-2024 msgget(), ERRORS [ENOENT]");

static void msgget_eacces(void)
{
	key_t key = ipct_unused_key();
	pid_t pid;

	/* Read-only for its owner: write permission is granted to nobody,
	 * whether the child below is another user (as root) or the owner. */
	ipct_xmsgget(key, IPC_CREAT | 0400);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(msgget(key, 0200), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(msgget_eacces,
	.id = "sysv_msg.msgget_eacces",
	.asserts = "msgget() fails with EACCES when a queue exists for the key but the permission requested in the low 9 bits of msgflg would not be granted",
	.spec = "POSIX.1-2024 msgget(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV);

static void msgget_mode_low_bits(void)
{
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0640);

	sysv_msg_xstat(q, &ds);
	CHECK_EQ(0640, ds.msg_perm.mode & 0777);
}
IPCT_CASE(msgget_mode_low_bits,
	.id = "sysv_msg.msgget_mode_low_bits",
	.asserts = "the low-order 9 bits of msg_perm.mode of a new queue are the low-order 9 bits of msgflg",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_owner_creator_ids(void)
{
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xstat(q, &ds);
	CHECK_EQ(geteuid(), ds.msg_perm.uid);
	CHECK_EQ(geteuid(), ds.msg_perm.cuid);
	CHECK_EQ(getegid(), ds.msg_perm.gid);
	CHECK_EQ(getegid(), ds.msg_perm.cgid);
}
IPCT_CASE(msgget_owner_creator_ids,
	.id = "sysv_msg.msgget_owner_creator_ids",
	.asserts = "msg_perm.cuid and msg_perm.uid of a new queue are the caller's effective user ID, msg_perm.cgid and msg_perm.gid its effective group ID",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_owner_ids_unprivileged(void)
{
	pid_t pid;

	/* Same as above for a different user (root drops to nobody), so an
	 * implementation that records the real or a fixed uid is caught. */
	pid = ipct_fork();
	if (pid == 0) {
		struct msqid_ds ds;
		uid_t uid = ipct_drop_privileges();
		int q;

		CHECK_OK(q = msgget(IPC_PRIVATE, 0600));
		ipct_track_id(IPCT_SYSV_MSG, q);
		sysv_msg_xstat(q, &ds);
		CHECK_EQ(uid, ds.msg_perm.uid);
		CHECK_EQ(uid, ds.msg_perm.cuid);
		CHECK_EQ(getegid(), ds.msg_perm.cgid);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(msgget_owner_ids_unprivileged,
	.id = "sysv_msg.msgget_owner_ids_unprivileged",
	.asserts = "a queue created by an unprivileged process has that process's effective user and group IDs as owner and creator",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION",
	.needs = IPCT_UNPRIV);

static void msgget_initial_zeroes(void)
{
	struct msqid_ds ds;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xstat(q, &ds);
	CHECK_EQ(0, ds.msg_qnum);
	CHECK_EQ(0, ds.msg_lspid);
	CHECK_EQ(0, ds.msg_lrpid);
	CHECK_EQ(0, ds.msg_stime);
	CHECK_EQ(0, ds.msg_rtime);
}
IPCT_CASE(msgget_initial_zeroes,
	.id = "sysv_msg.msgget_initial_zeroes",
	.asserts = "msg_qnum, msg_lspid, msg_lrpid, msg_stime and msg_rtime of a new queue are 0",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_initial_ctime(void)
{
	struct msqid_ds ds;
	time_t before = ipct_time_floor(), after;
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	after = ipct_time_ceil();
	sysv_msg_xstat(q, &ds);
	CHECK(ds.msg_ctime >= before);
	CHECK(ds.msg_ctime <= after);
}
IPCT_CASE(msgget_initial_ctime,
	.id = "sysv_msg.msgget_initial_ctime",
	.asserts = "msg_ctime of a new queue is the current time",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION");

static void msgget_initial_qbytes_msgmnb(void)
{
	struct msqid_ds ds;
	long mnb = (long)ipct_need_limit("/proc/sys/kernel/msgmnb", 0);
	int q = ipct_xmsgget(IPC_PRIVATE, 0600);

	sysv_msg_xstat(q, &ds);
	CHECK_EQ(mnb, ds.msg_qbytes);
}
IPCT_CASE(msgget_initial_qbytes_msgmnb,
	.id = "sysv_msg.msgget_initial_qbytes_msgmnb",
	.asserts = "msg_qbytes of a new queue is the system limit, on Linux MSGMNB (/proc/sys/kernel/msgmnb)",
	.spec = "POSIX.1-2024 msgget(), DESCRIPTION; Linux msgget(2)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_msgget_private_creates, &ipct_case_msgget_private_distinct,
	   &ipct_case_msgget_creat_new_key,
	   &ipct_case_msgget_creat_existing_same_id,
	   &ipct_case_msgget_excl_eexist, &ipct_case_msgget_excl_creates,
	   &ipct_case_msgget_enoent, &ipct_case_msgget_eacces,
	   &ipct_case_msgget_mode_low_bits,
	   &ipct_case_msgget_owner_creator_ids,
	   &ipct_case_msgget_owner_ids_unprivileged,
	   &ipct_case_msgget_initial_zeroes, &ipct_case_msgget_initial_ctime,
	   &ipct_case_msgget_initial_qbytes_msgmnb);
