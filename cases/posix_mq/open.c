/* SPDX-License-Identifier: MIT
 * cases/posix_mq/open.c - mq_open(), mq_close() and mq_unlink(): creation
 * and its attributes, names, permissions, the life of a queue.
 * Sources: POSIX.1-2024 mq_open(), mq_close(), mq_unlink(), sysconf();
 * Linux mq_open(3), mq_overview(7) for names and limits POSIX leaves to
 * the implementation.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_mq.h"

#include <limits.h>

static void open_creat_sets_attributes(void)
{
	mqd_t d = posix_mq_xcreate(ipct_posix_name(IPCT_POSIX_MQ), O_RDWR, 4, 64);
	struct mq_attr a;

	CHECK_OK(mq_getattr(d, &a));
	CHECK_EQ(4, a.mq_maxmsg);
	CHECK_EQ(64, a.mq_msgsize);
	CHECK_EQ(0, a.mq_curmsgs);
	CHECK_EQ(0, a.mq_flags);
}
IPCT_CASE(open_creat_sets_attributes,
	.id = "posix_mq.open_creat_sets_attributes",
	.asserts = "mq_open() with O_CREAT and an attr creates an empty queue with that mq_maxmsg and mq_msgsize, as mq_getattr() reports",
	.spec = "POSIX.1-2024 mq_open(), DESCRIPTION; mq_getattr(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void open_null_attr_linux_defaults(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	long msg_default = ipct_read_number("/proc/sys/fs/mqueue/msg_default");
	long msg_max = ipct_read_number("/proc/sys/fs/mqueue/msg_max");
	long size_default = ipct_read_number("/proc/sys/fs/mqueue/msgsize_default");
	long size_max = ipct_read_number("/proc/sys/fs/mqueue/msgsize_max");
	struct mq_attr a;
	mqd_t d;

	posix_mq_need_queues();
	if (msg_default < 0 || msg_max < 0 || size_default < 0 || size_max < 0)
		ipct_skip("needs /proc/sys/fs/mqueue/{msg,msgsize}_{default,max} (Linux 3.5 or later)");
	d = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	if (d == POSIX_MQ_FAILED && errno == EMFILE)
		ipct_skip("a default queue (%ld x %ld bytes) does not fit in what is left of RLIMIT_MSGQUEUE",
			  msg_default, size_default);
	CHECK_OK((long)d);
	CHECK_OK(mq_getattr(d, &a));
	CHECK_EQ(msg_default < msg_max ? msg_default : msg_max, a.mq_maxmsg);
	CHECK_EQ(size_default < size_max ? size_default : size_max, a.mq_msgsize);
}
IPCT_CASE(open_null_attr_linux_defaults,
	.id = "posix_mq.open_null_attr_linux_defaults",
	.asserts = "mq_open() with O_CREAT and a NULL attr uses the Linux defaults: min(msg_default, msg_max) messages of min(msgsize_default, msgsize_max) bytes (POSIX: implementation-defined)",
	.spec = "Linux mq_overview(7), /proc interfaces; mq_open(3)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_excl_existing_eexist(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr a = { .mq_maxmsg = POSIX_MQ_MAXMSG, .mq_msgsize = POSIX_MQ_MSGSIZE };

	posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &a), EEXIST);
}
IPCT_CASE(open_excl_existing_eexist,
	.id = "posix_mq.open_excl_existing_eexist",
	.asserts = "mq_open() with O_CREAT and O_EXCL of an existing queue fails with EEXIST",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [EEXIST]",
	.requires = { POSIX_MQ_REQUIRES });

static void open_missing_enoent(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);

	posix_mq_need_queues();
	CHECK_FAILS(posix_mq_open_fails(name, O_RDWR, NULL), ENOENT);
}
IPCT_CASE(open_missing_enoent,
	.id = "posix_mq.open_missing_enoent",
	.asserts = "mq_open() without O_CREAT of a name with no queue fails with ENOENT",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [ENOENT]",
	.requires = { POSIX_MQ_REQUIRES });

static void open_maxmsg_nonpositive_einval(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr zero = { .mq_maxmsg = 0, .mq_msgsize = POSIX_MQ_MSGSIZE };
	struct mq_attr neg = { .mq_maxmsg = -1, .mq_msgsize = POSIX_MQ_MSGSIZE };

	posix_mq_need_queues();
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &zero), EINVAL);
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &neg), EINVAL);
}
IPCT_CASE(open_maxmsg_nonpositive_einval,
	.id = "posix_mq.open_maxmsg_nonpositive_einval",
	.asserts = "mq_open() with O_CREAT and an attr whose mq_maxmsg is zero or negative fails with EINVAL",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [EINVAL]",
	.requires = { POSIX_MQ_REQUIRES });

static void open_msgsize_nonpositive_einval(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr zero = { .mq_maxmsg = POSIX_MQ_MAXMSG, .mq_msgsize = 0 };
	struct mq_attr neg = { .mq_maxmsg = POSIX_MQ_MAXMSG, .mq_msgsize = -1 };

	posix_mq_need_queues();
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &zero), EINVAL);
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &neg), EINVAL);
}
IPCT_CASE(open_msgsize_nonpositive_einval,
	.id = "posix_mq.open_msgsize_nonpositive_einval",
	.asserts = "mq_open() with O_CREAT and an attr whose mq_msgsize is zero or negative fails with EINVAL",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [EINVAL]",
	.requires = { POSIX_MQ_REQUIRES });

/* An unprivileged child asks for one more than the sysctl allows. */
static void open_over_limit(const char *limit, int maxmsg_over)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	char path[96];
	long max;
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };
	pid_t pid;

	posix_mq_need_queues();
	snprintf(path, sizeof path, "/proc/sys/fs/mqueue/%s", limit);
	max = ipct_read_number(path);
	if (max < 0)
		ipct_skip("needs /proc/sys/fs/mqueue/%s to know the limit", limit);
	if (maxmsg_over)
		a.mq_maxmsg = max + 1;
	else
		a.mq_msgsize = max + 1;
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &a), EINVAL);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}

static void open_maxmsg_above_msg_max_einval(void)
{
	open_over_limit("msg_max", 1);
}
IPCT_CASE(open_maxmsg_above_msg_max_einval,
	.id = "posix_mq.open_maxmsg_above_msg_max_einval",
	.asserts = "mq_open() by an unprivileged process with mq_maxmsg above /proc/sys/fs/mqueue/msg_max fails with EINVAL",
	.spec = "Linux mq_open(3), ERRORS [EINVAL]; mq_overview(7)",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV,
	.requires = { POSIX_MQ_REQUIRES });

static void open_msgsize_above_msgsize_max_einval(void)
{
	open_over_limit("msgsize_max", 0);
}
IPCT_CASE(open_msgsize_above_msgsize_max_einval,
	.id = "posix_mq.open_msgsize_above_msgsize_max_einval",
	.asserts = "mq_open() by an unprivileged process with mq_msgsize above /proc/sys/fs/mqueue/msgsize_max fails with EINVAL",
	.spec = "Linux mq_open(3), ERRORS [EINVAL]; mq_overview(7)",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV,
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_too_long_enametoolong(void)
{
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };

	posix_mq_need_queues();
	CHECK_FAILS(posix_mq_open_fails(ipct_long_posix_name(IPCT_POSIX_MQ, NAME_MAX + 1), O_CREAT | O_RDWR, &a),
		    ENAMETOOLONG);
}
IPCT_CASE(open_name_too_long_enametoolong,
	.id = "posix_mq.open_name_too_long_enametoolong",
	.asserts = "mq_open() with a name whose component is longer than NAME_MAX fails with ENAMETOOLONG",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [ENAMETOOLONG]",
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_max_length_accepted(void)
{
	const char *name = ipct_long_posix_name(IPCT_POSIX_MQ, NAME_MAX);
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };
	mqd_t d;

	posix_mq_need_queues();
	CHECK_OK(d = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &a));
	/* The name is too long for the journal: remove it here. */
	CHECK_OK(mq_unlink(name));
	CHECK_OK(mq_close(d));
}
IPCT_CASE(open_name_max_length_accepted,
	.id = "posix_mq.open_name_max_length_accepted",
	.asserts = "mq_open() accepts a name of a slash followed by NAME_MAX (255) characters (Linux: the name limit is NAME_MAX after the slash)",
	.spec = "Linux mq_overview(7), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_without_slash_einval(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };

	posix_mq_need_queues();
	/* name + 1 drops the leading slash; a wrongly created queue is the
	 * same one the journal removes if the library ignores the slash. */
	CHECK_FAILS(posix_mq_open_fails(name + 1, O_CREAT | O_EXCL | O_RDWR, &a), EINVAL);
}
IPCT_CASE(open_name_without_slash_einval,
	.id = "posix_mq.open_name_without_slash_einval",
	.asserts = "mq_open() with a name that does not begin with a slash fails with EINVAL (POSIX: implementation-defined)",
	.spec = "Linux mq_open(3), ERRORS [EINVAL]; mq_overview(7)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_inner_slash_eacces(void)
{
	char name[128];
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };

	posix_mq_need_queues();
	snprintf(name, sizeof name, "%s/q", ipct_posix_name(IPCT_POSIX_MQ));
	CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &a), EACCES);
}
IPCT_CASE(open_name_inner_slash_eacces,
	.id = "posix_mq.open_name_inner_slash_eacces",
	.asserts = "mq_open() with a name holding a second slash fails with EACCES (POSIX: implementation-defined)",
	.spec = "Linux mq_open(3), ERRORS [EACCES]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_dot_dotdot_eacces(void)
{
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };

	posix_mq_need_queues();
	/* The kernel looks the name up in the mqueue file system, where
	 * "." and ".." are no queue names: its lookup refuses them. */
	CHECK_FAILS(posix_mq_open_fails("/.", O_CREAT | O_RDWR, &a), EACCES);
	CHECK_FAILS(posix_mq_open_fails("/..", O_CREAT | O_RDWR, &a), EACCES);
	CHECK_FAILS(posix_mq_open_fails("/..", O_RDWR, NULL), EACCES);
}
IPCT_CASE(open_name_dot_dotdot_eacces,
	.id = "posix_mq.open_name_dot_dotdot_eacces",
	.asserts = "mq_open() of the names \"/.\" and \"/..\", with or without O_CREAT, fails with EACCES (Linux; POSIX leaves such names implementation-defined)",
	.spec = "Linux mq_open(3), ERRORS [EACCES]; Linux fs/namei.c lookup_one_len() refuses \".\" and \"..\"",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_name_slash_only_enoent(void)
{
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };

	posix_mq_need_queues();
	CHECK_FAILS(posix_mq_open_fails("/", O_RDWR, NULL), ENOENT);
	CHECK_FAILS(posix_mq_open_fails("/", O_CREAT | O_RDWR, &a), ENOENT);
}
IPCT_CASE(open_name_slash_only_enoent,
	.id = "posix_mq.open_name_slash_only_enoent",
	.asserts = "mq_open() of the name \"/\" alone fails with ENOENT, with or without O_CREAT (POSIX: implementation-defined)",
	.spec = "Linux mq_open(3), ERRORS [ENOENT]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_denied_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };
	pid_t pid;

	posix_mq_need_queues();
	/* 0400: the owner may only receive, other users nothing.  As root the
	 * child is another uid (no access at all); as a plain user it is the
	 * owner without write permission.  Either way O_WRONLY is denied. */
	if (mq_open(name, O_CREAT | O_EXCL | O_RDONLY, 0400, &a) == POSIX_MQ_FAILED)
		IPCT_BROKEN("mq_open(%s, O_CREAT, 0400): %s", name,
			    ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(posix_mq_open_fails(name, O_WRONLY, NULL), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(open_denied_eacces,
	.id = "posix_mq.open_denied_eacces",
	.asserts = "mq_open() of an existing queue for an access its permission bits deny to the caller fails with EACCES",
	.spec = "POSIX.1-2024 mq_open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV,
	.requires = { POSIX_MQ_REQUIRES });

static void open_mode_grants_read(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr a = { .mq_maxmsg = 1, .mq_msgsize = 8 };
	pid_t pid;

	posix_mq_need_queues();
	if (geteuid() != 0)
		ipct_skip("needs root, to give the queue an owner other than the unprivileged child");
	/* The mode is under test: no umask may take bits from it. */
	umask(0);
	if (mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0604, &a) == POSIX_MQ_FAILED)
		IPCT_BROKEN("mq_open(%s, O_CREAT, 0604): %s", name,
			    ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		mqd_t d;

		ipct_drop_privileges();
		CHECK_OK(d = mq_open(name, O_RDONLY));
		CHECK_FAILS(posix_mq_open_fails(name, O_WRONLY, NULL), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(open_mode_grants_read,
	.id = "posix_mq.open_mode_grants_read",
	.asserts = "a queue created with mode 0604 can be opened O_RDONLY but not O_WRONLY by a process of another user",
	.spec = "POSIX.1-2024 mq_open(), DESCRIPTION (O_RDONLY, O_WRONLY, O_CREAT)",
	.needs = IPCT_UNPRIV,
	.requires = { POSIX_MQ_REQUIRES });

static void open_creat_existing_keeps_attributes(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct mq_attr other = { .mq_maxmsg = 2, .mq_msgsize = 16 };
	struct mq_attr a;
	mqd_t d;

	posix_mq_xcreate(name, O_RDWR, 3, 32);
	CHECK_OK(d = mq_open(name, O_CREAT | O_RDWR, 0600, &other));
	CHECK_OK(mq_getattr(d, &a));
	CHECK_EQ(3, a.mq_maxmsg);
	CHECK_EQ(32, a.mq_msgsize);
}
IPCT_CASE(open_creat_existing_keeps_attributes,
	.id = "posix_mq.open_creat_existing_keeps_attributes",
	.asserts = "mq_open() with O_CREAT (without O_EXCL) of an existing queue opens it and ignores the attr given",
	.spec = "POSIX.1-2024 mq_open(), DESCRIPTION (O_CREAT)",
	.requires = { POSIX_MQ_REQUIRES });

static void open_same_name_same_queue(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t w = posix_mq_xcreate(name, O_WRONLY, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	char buf[POSIX_MQ_MSGSIZE];
	mqd_t r;

	CHECK_OK(r = mq_open(name, O_RDONLY));
	posix_mq_xsends(w, "same", 0);
	CHECK_RET(mq_receive(r, buf, sizeof buf, NULL), 4);
	CHECK_MEM("same", buf, 4);
}
IPCT_CASE(open_same_name_same_queue,
	.id = "posix_mq.open_same_name_same_queue",
	.asserts = "two mq_open() calls with the same name refer to the same queue: a message sent through one descriptor is received through the other",
	.spec = "POSIX.1-2024 mq_open(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void open_queue_outlives_creator(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	char buf[POSIX_MQ_MSGSIZE];
	unsigned prio = 0;
	pid_t pid;
	mqd_t d;

	posix_mq_need_queues();
	pid = ipct_fork();
	if (pid == 0) {
		d = posix_mq_xcreate(name, O_WRONLY, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
		posix_mq_xsends(d, "kept", 7);
		CHECK_OK(mq_close(d));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(d = mq_open(name, O_RDONLY));
	CHECK_RET(mq_receive(d, buf, sizeof buf, &prio), 4);
	CHECK_MEM("kept", buf, 4);
	CHECK_EQ(7, prio);
}
IPCT_CASE(open_queue_outlives_creator,
	.id = "posix_mq.open_queue_outlives_creator",
	.asserts = "a queue and its messages remain after the process that created it closed it and exited, until the name is unlinked",
	.spec = "POSIX.1-2024 mq_open(), DESCRIPTION; mq_unlink(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void close_then_use_ebadf(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_attr a;

	CHECK_OK(mq_close(d));
	CHECK_FAILS(mq_send(d, "x", 1, 0), EBADF);
	CHECK_FAILS(mq_getattr(d, &a), EBADF);
}
IPCT_CASE(close_then_use_ebadf,
	.id = "posix_mq.close_then_use_ebadf",
	.asserts = "after mq_close() the descriptor is no longer valid: mq_send() and mq_getattr() on it fail with EBADF",
	.spec = "POSIX.1-2024 mq_close(), DESCRIPTION; mq_send(), ERRORS [EBADF]; mq_getattr(), ERRORS [EBADF]",
	.requires = { POSIX_MQ_REQUIRES });

static void close_invalid_ebadf(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);

	CHECK_OK(mq_close(d));
	CHECK_FAILS(mq_close(d), EBADF);
}
IPCT_CASE(close_invalid_ebadf,
	.id = "posix_mq.close_invalid_ebadf",
	.asserts = "mq_close() of a descriptor that is no longer valid fails with EBADF",
	.spec = "POSIX.1-2024 mq_close(), ERRORS [EBADF]",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_open_queue_keeps_working(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	char buf[POSIX_MQ_MSGSIZE];

	posix_mq_xsends(d, "before", 0);
	CHECK_OK(mq_unlink(name));
	CHECK_OK(mq_send(d, "after", 5, 0));
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 6);
	CHECK_MEM("before", buf, 6);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 5);
	CHECK_MEM("after", buf, 5);
}
IPCT_CASE(unlink_open_queue_keeps_working,
	.id = "posix_mq.unlink_open_queue_keeps_working",
	.asserts = "after mq_unlink() of an open queue, its open descriptors keep sending and receiving, with the messages already queued",
	.spec = "POSIX.1-2024 mq_unlink(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_then_open_enoent(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);

	posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	CHECK_OK(mq_unlink(name));
	CHECK_FAILS(posix_mq_open_fails(name, O_RDWR, NULL), ENOENT);
}
IPCT_CASE(unlink_then_open_enoent,
	.id = "posix_mq.unlink_then_open_enoent",
	.asserts = "after mq_unlink(), mq_open() of the name without O_CREAT fails with ENOENT although the queue is still open",
	.spec = "POSIX.1-2024 mq_unlink(), DESCRIPTION; mq_open(), ERRORS [ENOENT]",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_name_reusable_at_once(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t old = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	struct mq_attr a = { .mq_maxmsg = 2, .mq_msgsize = 32 };
	struct mq_attr got;
	mqd_t d;

	posix_mq_xsends(old, "old", 0);
	CHECK_OK(mq_unlink(name));
	CHECK_OK(d = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, &a));
	CHECK_OK(mq_getattr(d, &got));
	CHECK_EQ(0, got.mq_curmsgs);
	CHECK_EQ(2, got.mq_maxmsg);
	CHECK_OK(mq_getattr(old, &got));
	CHECK_EQ(1, got.mq_curmsgs);
}
IPCT_CASE(unlink_name_reusable_at_once,
	.id = "posix_mq.unlink_name_reusable_at_once",
	.asserts = "after mq_unlink() of a queue that is still open, mq_open() with O_CREAT and O_EXCL creates a new, distinct queue under the name",
	.spec = "POSIX.1-2024 mq_unlink(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_missing_enoent(void)
{
	posix_mq_need_queues();
	CHECK_FAILS(mq_unlink(ipct_posix_name(IPCT_POSIX_MQ)), ENOENT);
}
IPCT_CASE(unlink_missing_enoent,
	.id = "posix_mq.unlink_missing_enoent",
	.asserts = "mq_unlink() of a name with no queue fails with ENOENT",
	.spec = "POSIX.1-2024 mq_unlink(), ERRORS [ENOENT]",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_name_too_long_enametoolong(void)
{
	posix_mq_need_queues();
	CHECK_FAILS(mq_unlink(ipct_long_posix_name(IPCT_POSIX_MQ, NAME_MAX + 1)), ENAMETOOLONG);
}
IPCT_CASE(unlink_name_too_long_enametoolong,
	.id = "posix_mq.unlink_name_too_long_enametoolong",
	.asserts = "mq_unlink() of a name whose component is longer than NAME_MAX fails with ENAMETOOLONG",
	.spec = "POSIX.1-2024 mq_unlink(), ERRORS [ENAMETOOLONG]",
	.requires = { POSIX_MQ_REQUIRES });

static void unlink_denied_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	pid_t pid;
	mqd_t d;

	if (geteuid() != 0)
		ipct_skip("needs root, to own a queue an unprivileged uid may not unlink");
	posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(mq_unlink(name), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	/* The failed unlink left the queue in place. */
	CHECK_OK(d = mq_open(name, O_RDONLY));
}
IPCT_CASE(unlink_denied_eacces,
	.id = "posix_mq.unlink_denied_eacces",
	.asserts = "mq_unlink() by another, unprivileged user of a queue it may not remove fails with EACCES and leaves the queue",
	.spec = "POSIX.1-2024 mq_unlink(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV,
	.requires = { POSIX_MQ_REQUIRES });

static void sysconf_mq_open_max(void)
{
	long v;

	posix_mq_need_queues();
	errno = 0;
	v = sysconf(_SC_MQ_OPEN_MAX);
	if (v == -1)
		CHECK_EQ(0, errno); /* -1 without errno: no fixed limit */
	else
		CHECK(v >= _POSIX_MQ_OPEN_MAX);
}
IPCT_CASE(sysconf_mq_open_max,
	.id = "posix_mq.sysconf_mq_open_max",
	.asserts = "sysconf(_SC_MQ_OPEN_MAX) is at least _POSIX_MQ_OPEN_MAX (8), or -1 without errno when there is no fixed limit",
	.spec = "POSIX.1-2024 sysconf(), DESCRIPTION; <limits.h> {MQ_OPEN_MAX}",
	.requires = { POSIX_MQ_REQUIRES });

IPCT_CASES(&ipct_case_open_creat_sets_attributes,
	   &ipct_case_open_name_dot_dotdot_eacces,
	   &ipct_case_open_null_attr_linux_defaults,
	   &ipct_case_open_excl_existing_eexist,
	   &ipct_case_open_missing_enoent,
	   &ipct_case_open_maxmsg_nonpositive_einval,
	   &ipct_case_open_msgsize_nonpositive_einval,
	   &ipct_case_open_maxmsg_above_msg_max_einval,
	   &ipct_case_open_msgsize_above_msgsize_max_einval,
	   &ipct_case_open_name_too_long_enametoolong,
	   &ipct_case_open_name_max_length_accepted,
	   &ipct_case_open_name_without_slash_einval,
	   &ipct_case_open_name_inner_slash_eacces,
	   &ipct_case_open_name_slash_only_enoent,
	   &ipct_case_open_denied_eacces,
	   &ipct_case_open_mode_grants_read,
	   &ipct_case_open_creat_existing_keeps_attributes,
	   &ipct_case_open_same_name_same_queue,
	   &ipct_case_open_queue_outlives_creator,
	   &ipct_case_close_then_use_ebadf,
	   &ipct_case_close_invalid_ebadf,
	   &ipct_case_unlink_open_queue_keeps_working,
	   &ipct_case_unlink_then_open_enoent,
	   &ipct_case_unlink_name_reusable_at_once,
	   &ipct_case_unlink_missing_enoent,
	   &ipct_case_unlink_name_too_long_enametoolong,
	   &ipct_case_unlink_denied_eacces,
	   &ipct_case_sysconf_mq_open_max);
