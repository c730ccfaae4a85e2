/* SPDX-License-Identifier: MIT
 * cases/posix_mq/linux.c - Linux specifics of POSIX message queues: a
 * descriptor is a file descriptor (poll, close-on-exec), the
 * RLIMIT_MSGQUEUE byte budget, and the mqueue filesystem (mounted in a
 * child's private mount namespace, never /dev/mqueue; or read through a
 * queue's own descriptor).  None of this is in
 * POSIX.
 * Sources: Linux mq_overview(7), mq_open(3), getrlimit(2); errno of the
 * rlimit check from Linux ipc/mqueue.c (mqueue_get_inode()).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "posix_mq.h"

#include <poll.h>
#include <sched.h>
#include <sys/mount.h>
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
	mqd_t d = posix_mq_xqueue(O_RDWR);

	CHECK_EQ(0, revents(d, POLLIN) & POLLIN);
	posix_mq_xsends(d, "in", 0);
	CHECK((revents(d, POLLIN) & POLLIN) != 0);
}
IPCT_CASE(poll_in_when_message,
	.id = "posix_mq.poll_in_when_message",
	.asserts = "poll() on a message queue descriptor reports POLLIN when a message is queued and not when the queue is empty",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void poll_out_when_room(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);

	CHECK((revents(d, POLLOUT) & POLLOUT) != 0);
	posix_mq_xfill(d);
	CHECK_EQ(0, revents(d, POLLOUT) & POLLOUT);
}
IPCT_CASE(poll_out_when_room,
	.id = "posix_mq.poll_out_when_room",
	.asserts = "poll() on a message queue descriptor reports POLLOUT while the queue has room and not when it is full",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static long do_poll_in(void *arg)
{
	struct pollfd p = { .fd = *(int *)arg, .events = POLLIN };
	long r = poll(&p, 1, -1);

	return r == 1 ? p.revents : -1 - r;
}

static void poll_waits_for_message(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	int fd = (int)d;
	struct ipct_blocker b;

	ipct_block_start(&b, do_poll_in, &fd);
	ipct_block_prove(&b);
	posix_mq_xsends(d, "wake", 0);
	CHECK_RESULT(ipct_block_finish(&b), POLLIN);
}
IPCT_CASE(poll_waits_for_message,
	.id = "posix_mq.poll_waits_for_message",
	.asserts = "poll() for POLLIN on an empty message queue descriptor blocks until a message is sent, then reports POLLIN",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void open_sets_cloexec(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	int flags = fcntl((int)d, F_GETFD);

	CHECK_OK(flags);
	CHECK((flags & FD_CLOEXEC) != 0);
}
IPCT_CASE(open_sets_cloexec,
	.id = "posix_mq.open_sets_cloexec",
	.asserts = "the file descriptor mq_open() returns has close-on-exec set without O_CLOEXEC being asked for",
	.spec = "Linux mq_overview(7), Linux implementation of message queue descriptors",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void getattr_other_fd_ebadf(void)
{
	struct mq_attr a;
	int fd[2];

	posix_mq_need_queues();
	ipct_xpipe(fd);
	CHECK_FAILS(mq_getattr((mqd_t)fd[0], &a), EBADF);
}
IPCT_CASE(getattr_other_fd_ebadf,
	.id = "posix_mq.getattr_other_fd_ebadf",
	.asserts = "mq_getattr() on an open file descriptor that is not a message queue (a pipe) fails with EBADF",
	.spec = "Linux mq_getattr(3), ERRORS [EBADF]; mq_overview(7)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void rlimit_msgqueue_emfile(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	pid_t pid;

	posix_mq_need_queues();
	pid = ipct_fork();
	if (pid == 0) {
		/* A budget below what one 4 x 64-byte queue costs: only this
		 * process's limit is lowered, nothing system-wide is used up. */
		struct rlimit rl = { 64, 64 };
		struct mq_attr a = { .mq_maxmsg = POSIX_MQ_MAXMSG,
				     .mq_msgsize = POSIX_MQ_MSGSIZE };

		if (setrlimit(RLIMIT_MSGQUEUE, &rl) != 0)
			IPCT_BROKEN("setrlimit(RLIMIT_MSGQUEUE, 64): %s",
				    ipct_errname(errno));
		CHECK_FAILS(posix_mq_open_fails(name, O_CREAT | O_EXCL | O_RDWR, &a), EMFILE);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(rlimit_msgqueue_emfile,
	.id = "posix_mq.rlimit_msgqueue_emfile",
	.asserts = "mq_open() creating a queue whose bytes exceed the caller's RLIMIT_MSGQUEUE fails with EMFILE",
	.spec = "Linux getrlimit(2), RLIMIT_MSGQUEUE; errno from Linux ipc/mqueue.c mqueue_get_inode()",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

/* In a child: mount a private mqueue filesystem (a new mount namespace,
 * so nothing outside the child sees it and it vanishes with the child;
 * /dev/mqueue is never used) and read the line of queue `name`. */
static void read_queue_file(const char *name, char *line, size_t len)
{
	const char *dir = ipct_path("mqfs");
	char path[512];
	ssize_t n;
	int fd;

	if (unshare(CLONE_NEWNS) != 0) {
		if (errno == EPERM)
			ipct_skip("needs CAP_SYS_ADMIN to mount a private mqueue filesystem");
		IPCT_BROKEN("unshare(CLONE_NEWNS): %s", ipct_errname(errno));
	}
	/* Type and source are ignored for a propagation change; "none"
	 * rather than NULL keeps memcheck's mount() wrapper quiet. */
	if (mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
		IPCT_BROKEN("mount(/, MS_REC|MS_PRIVATE): %s", ipct_errname(errno));
	if (mount("ipcconf", dir, "mqueue", 0, NULL) != 0) {
		if (errno == ENODEV)
			ipct_skip("no mqueue filesystem in this kernel");
		IPCT_BROKEN("mount -t mqueue %s: %s", dir, ipct_errname(errno));
	}
	snprintf(path, sizeof path, "%s%s", dir, name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		IPCT_BROKEN("open(%s): %s", path, ipct_errname(errno));
	n = read(fd, line, len - 1);
	if (n < 0)
		IPCT_BROKEN("read(%s): %s", path, ipct_errname(errno));
	line[n] = '\0';
	close(fd);
	ipct_note("%s: %s", name, line);
}

static void mqueuefs_qsize_counts_bytes(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	pid_t pid;

	if (mkdir(ipct_path("mqfs"), 0700) != 0)
		IPCT_BROKEN("mkdir: %s", ipct_errname(errno));
	posix_mq_xsends(d, "abc", 0);
	posix_mq_xsends(d, "defghij", 3);
	posix_mq_xsend(d, "", 0, 1);
	pid = ipct_fork();
	if (pid == 0) {
		char line[256];
		long qsize = -1;

		read_queue_file(name, line, sizeof line);
		CHECK_EQ(1, sscanf(line, "QSIZE:%ld", &qsize));
		CHECK_EQ(10, qsize);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(mqueuefs_qsize_counts_bytes,
	.id = "posix_mq.mqueuefs_qsize_counts_bytes",
	.asserts = "the file of a queue in a mounted mqueue filesystem begins QSIZE: with the number of data bytes in all queued messages",
	.spec = "Linux mq_overview(7), Mounting the message queue filesystem",
	.needs = IPCT_LINUX_ONLY | IPCT_ROOT,
	.requires = { POSIX_MQ_REQUIRES });

static void mqueuefs_shows_notification(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	struct sigevent ev;
	pid_t self = getpid(), pid;

	posix_mq_need_notify();
	if (mkdir(ipct_path("mqfs"), 0700) != 0)
		IPCT_BROKEN("mkdir: %s", ipct_errname(errno));
	ipct_xsigblock(SIGUSR2);
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR2;
	if (mq_notify(d, &ev) != 0)
		IPCT_BROKEN("mq_notify: %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		char line[256];
		long qsize = -1, pid_seen = -1;
		int how = -1, signo = -1;

		read_queue_file(name, line, sizeof line);
		CHECK_EQ(4, sscanf(line, "QSIZE:%ld NOTIFY:%d SIGNO:%d NOTIFY_PID:%ld",
				   &qsize, &how, &signo, &pid_seen));
		CHECK_EQ(0, how); /* 0 is SIGEV_SIGNAL in this file */
		CHECK_EQ(SIGUSR2, signo);
		CHECK_EQ(self, pid_seen);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(mqueuefs_shows_notification,
	.id = "posix_mq.mqueuefs_shows_notification",
	.asserts = "the file of a queue in a mounted mqueue filesystem shows a SIGEV_SIGNAL registration as NOTIFY:0 with its SIGNO and the registered NOTIFY_PID",
	.spec = "Linux mq_overview(7), Mounting the message queue filesystem",
	.needs = IPCT_LINUX_ONLY | IPCT_ROOT,
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY) });

/* The status line read() gives on a queue's descriptor: a descriptor is
 * an open file of the (namespace's internal) mqueue filesystem, so it
 * reads as the queue's file there, without any mount.  Read at offset 0
 * each time (pread), so that one descriptor can be read again. */
struct mq_status {
	long qsize, pid;
	int notify, signo;
};

static void read_status(mqd_t d, struct mq_status *st)
{
	char line[256];
	ssize_t n;

	n = pread((int)d, line, sizeof line - 1, 0);
	CHECK(n > 0);
	line[n] = '\0';
	CHECK_EQ(4, sscanf(line, "QSIZE:%ld NOTIFY:%d SIGNO:%d NOTIFY_PID:%ld",
			   &st->qsize, &st->notify, &st->signo, &st->pid));
}

static void descriptor_read_status_line(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_status st;
	struct mq_attr a;
	char buf[POSIX_MQ_MSGSIZE];

	read_status(d, &st);
	CHECK_EQ(0, st.qsize);
	CHECK_EQ(0, st.notify);
	CHECK_EQ(0, st.signo);
	CHECK_EQ(0, st.pid);
	posix_mq_xsends(d, "abc", 0);
	posix_mq_xsends(d, "defghij", 3);
	read_status(d, &st);
	CHECK_EQ(10, st.qsize);
	/* Reading the line receives nothing. */
	CHECK_OK(mq_getattr(d, &a));
	CHECK_EQ(2, a.mq_curmsgs);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 7);
	read_status(d, &st);
	CHECK_EQ(3, st.qsize);
}
IPCT_CASE(descriptor_read_status_line,
	.id = "posix_mq.descriptor_read_status_line",
	.asserts = "on Linux read() of a message queue descriptor opened for reading gives the queue's status line, QSIZE: the data bytes of all queued messages, NOTIFY:/SIGNO:/NOTIFY_PID: 0 with no registration, and receives no message",
	.spec = "Linux mq_overview(7) (a queue descriptor is a file descriptor; the QSIZE/NOTIFY/SIGNO/NOTIFY_PID line of the queue's file)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES });

static void descriptor_read_shows_notification(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct mq_status st;
	struct sigevent ev;

	posix_mq_need_notify();
	ipct_xsigblock(SIGUSR2);
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR2;
	CHECK_OK(mq_notify(d, &ev));
	read_status(d, &st);
	CHECK_EQ(0, st.notify); /* SIGEV_SIGNAL shows as 0 */
	CHECK_EQ(SIGUSR2, st.signo);
	CHECK_EQ(getpid(), st.pid);
	CHECK_OK(mq_notify(d, NULL));
	read_status(d, &st);
	CHECK_EQ(0, st.signo);
	CHECK_EQ(0, st.pid);
}
IPCT_CASE(descriptor_read_shows_notification,
	.id = "posix_mq.descriptor_read_shows_notification",
	.asserts = "on Linux read() of a message queue descriptor shows a SIGEV_SIGNAL registration (NOTIFY:0, its SIGNO, the registering NOTIFY_PID) and, after mq_notify(NULL), none (SIGNO:0, NOTIFY_PID:0)",
	.spec = "Linux mq_overview(7) (a queue descriptor is a file descriptor; the NOTIFY/SIGNO/NOTIFY_PID fields)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY) });

IPCT_CASES(&ipct_case_poll_in_when_message,
	   &ipct_case_poll_out_when_room,
	   &ipct_case_poll_waits_for_message,
	   &ipct_case_open_sets_cloexec,
	   &ipct_case_getattr_other_fd_ebadf,
	   &ipct_case_rlimit_msgqueue_emfile,
	   &ipct_case_mqueuefs_qsize_counts_bytes,
	   &ipct_case_mqueuefs_shows_notification,
	   &ipct_case_descriptor_read_status_line,
	   &ipct_case_descriptor_read_shows_notification);
