/* SPDX-License-Identifier: MIT
 * cases/posix_mq/notify.c - mq_notify(): signal and thread notification of
 * a message arriving on an empty queue, one registration per queue, when
 * a notification is (not) sent, and how a registration ends.
 * Sources: POSIX.1-2024 mq_notify(), mq_close(), <signal.h> (SI_MESGQ,
 * struct sigevent); Linux mq_notify(3) for EINVAL.
 *
 * The notification signal is blocked before anything is registered and
 * taken with sigtimedwait().  A notification that must come is waited for
 * up to the checkpoint limit; a check that one does NOT come is bounded:
 * it waits NO_NOTE_MS, which cannot make a correct implementation fail and
 * catches a wrong one that signals within the window (Linux queues the
 * signal inside mq_send() itself).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_mq.h"

#include <dirent.h>
#include <poll.h>

/* The cases that wait with sigtimedwait() name it in .requires; this stub
 * only keeps them compiling where configure did not find it. */
#ifndef HAVE_SIGTIMEDWAIT
#define sigtimedwait(set, info, ts) \
	((void)(set), (void)(info), (void)(ts), errno = ENOSYS, -1)
#endif

#define NOTE_SIG SIGUSR1
#define NO_NOTE_MS 50

/* Block NOTE_SIG in this process (and the children it forks later). */
static void block_note(void)
{
	posix_mq_need_notify();
	ipct_xsigblock(NOTE_SIG);
}

static struct sigevent note_signal(int value)
{
	struct sigevent ev;

	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = NOTE_SIG;
	ev.sigev_value.sival_int = value;
	return ev;
}

/* Register this process for NOTE_SIG carrying `value` (setup). */
static void xarm(mqd_t d, int value)
{
	struct sigevent ev = note_signal(value);

	if (mq_notify(d, &ev) != 0)
		IPCT_BROKEN("mq_notify(SIGEV_SIGNAL): %s", ipct_errname(errno));
}

static int sig_wait_ms(siginfo_t *si, long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, NOTE_SIG);
	memset(si, 0, sizeof *si);
	return sigtimedwait(&set, si, &ts);
}

/* The notification must come (bounded by the checkpoint limit). */
#define CHECK_NOTIFIED(si) CHECK_RET(sig_wait_ms((si), ipct_wait_limit_ms()), NOTE_SIG)
/* No notification within NO_NOTE_MS. */
#define CHECK_NOT_NOTIFIED(si) CHECK_FAILS(sig_wait_ms((si), NO_NOTE_MS), EAGAIN)

static void notify_signal_on_arrival(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct sigevent ev;
	siginfo_t si;

	block_note();
	ev = note_signal(4242);
	CHECK_OK(mq_notify(d, &ev));
	posix_mq_xsends(d, "ding", 0);
	CHECK_NOTIFIED(&si);
	CHECK_EQ(NOTE_SIG, si.si_signo);
	CHECK_EQ(4242, si.si_value.sival_int);
}
IPCT_CASE(notify_signal_on_arrival,
	.id = "posix_mq.notify_signal_on_arrival",
	.asserts = "after mq_notify() with SIGEV_SIGNAL, a message arriving on the empty queue sends the signal with the registered sigev_value",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_signal_si_code_mesgq(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	siginfo_t si;

	block_note();
	xarm(d, 1);
	posix_mq_xsends(d, "ding", 0);
	CHECK_NOTIFIED(&si);
	CHECK_EQ(SI_MESGQ, si.si_code);
}
IPCT_CASE(notify_signal_si_code_mesgq,
	.id = "posix_mq.notify_signal_si_code_mesgq",
	.asserts = "the signal sent by a message queue notification has si_code SI_MESGQ",
	.spec = "POSIX.1-2024 <signal.h>, DESCRIPTION (SI_MESGQ); mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static int thread_pipe_w = -1;

static void on_note_thread(union sigval v)
{
	int value = v.sival_int;

	if (write(thread_pipe_w, &value, sizeof value) != (ssize_t)sizeof value) {
		/* the case sees nothing arrive and fails */
	}
}

/* Threads of this process, from /proc/self/task; -1 without /proc. */
static int thread_count(void)
{
	struct dirent *e;
	int n = 0;
	DIR *dir = opendir("/proc/self/task");

	if (!dir)
		return -1;
	while ((e = readdir(dir)))
		if (e->d_name[0] != '.')
			n++;
	closedir(dir);
	return n;
}

/* The notification thread is detached and may still be finishing after it
 * wrote: where /proc shows threads, wait (bounded, polling) until it is
 * gone, so the case never ends under a running thread (valgrind then may
 * see its memory in flight). */
static void wait_threads_back_to(int n)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	int delay = 0;

	if (n < 0)
		return;
	while (thread_count() > n) {
		if (ipct_now_ms() > deadline)
			IPCT_BROKEN("the notification thread did not exit within %d ms",
				    ipct_wait_limit_ms());
		ipct_backoff(&delay);
	}
}

static void notify_thread_runs_function(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct pollfd p;
	struct sigevent ev;
	int fd[2], value = 0, threads;

	posix_mq_need_notify();
	ipct_xpipe(fd);
	thread_pipe_w = fd[1];
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_THREAD;
	ev.sigev_notify_function = on_note_thread;
	ev.sigev_value.sival_int = 777;
	/* glibc's mq_notify() for SIGEV_THREAD passes the kernel a struct
	 * sigevent of its own with only three fields set (glibc
	 * sysdeps/unix/sysv/linux/mq_notify.c), and memcheck may report
	 * "Syscall param mq_notify(notification) points to uninitialised
	 * byte(s)".  That is libc-internal and harmless (the kernel reads
	 * only those fields for SIGEV_THREAD): ci/valgrind.supp suppresses
	 * it. */
	CHECK_OK(mq_notify(d, &ev));
	/* After the registration: an implementation may keep a helper
	 * thread of its own from here on. */
	threads = thread_count();
	posix_mq_xsends(d, "run", 0);
	p.fd = fd[0];
	p.events = POLLIN;
	CHECK_RET(poll(&p, 1, ipct_wait_limit_ms()), 1);
	CHECK_RET(read(fd[0], &value, sizeof value), sizeof value);
	CHECK_EQ(777, value);
	wait_threads_back_to(threads);
}
IPCT_CASE(notify_thread_runs_function,
	.id = "posix_mq.notify_thread_runs_function",
	.asserts = "after mq_notify() with SIGEV_THREAD, a message arriving on the empty queue runs sigev_notify_function with the registered sigev_value",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION; <signal.h> (SIGEV_THREAD)",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY) });

static void notify_other_process_ebusy(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	pid_t pid;

	block_note();
	xarm(d, 1);
	pid = ipct_fork();
	if (pid == 0) {
		struct sigevent ev = note_signal(2);

		CHECK_FAILS(mq_notify(d, &ev), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(notify_other_process_ebusy,
	.id = "posix_mq.notify_other_process_ebusy",
	.asserts = "mq_notify() registration by a second process while another process is registered for the queue fails with EBUSY",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION and ERRORS [EBUSY]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_same_process_twice_ebusy(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct sigevent ev;

	block_note();
	xarm(d, 1);
	ev = note_signal(2);
	CHECK_FAILS(mq_notify(d, &ev), EBUSY);
}
IPCT_CASE(notify_same_process_twice_ebusy,
	.id = "posix_mq.notify_same_process_twice_ebusy",
	.asserts = "a second mq_notify() registration by the process already registered for the queue fails with EBUSY",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION and ERRORS [EBUSY]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_not_when_already_nonempty(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	siginfo_t si;

	block_note();
	posix_mq_xsends(d, "first", 0);
	xarm(d, 1);
	posix_mq_xsends(d, "second", 0);
	CHECK_NOT_NOTIFIED(&si);
}
IPCT_CASE(notify_not_when_already_nonempty,
	.id = "posix_mq.notify_not_when_already_nonempty",
	.asserts = "a message arriving on a queue that is not empty sends no notification (bounded check: none within 50 ms)",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static long do_receive(void *arg)
{
	char buf[POSIX_MQ_MSGSIZE];
	mqd_t *d = arg;

	return mq_receive(*d, buf, sizeof buf, NULL);
}

/* A blocked receiver takes the message sent while this process is
 * registered. */
static void receiver_takes_message(mqd_t *d)
{
	struct ipct_blocker b;

	ipct_block_start(&b, do_receive, d);
	ipct_block_prove(&b);
	posix_mq_xsends(*d, "taken", 0);
	CHECK_RESULT(ipct_block_finish(&b), 5);
	CHECK_EQ(0, posix_mq_xattr(*d).mq_curmsgs);
}

static void notify_not_while_receiver_blocked(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	siginfo_t si;

	block_note();
	xarm(d, 1);
	receiver_takes_message(&d);
	CHECK_NOT_NOTIFIED(&si);
}
IPCT_CASE(notify_not_while_receiver_blocked,
	.id = "posix_mq.notify_not_while_receiver_blocked",
	.asserts = "a message that satisfies a process blocked in mq_receive() sends no notification (bounded check: none within 50 ms)",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void notify_kept_when_receiver_took_message(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	siginfo_t si;

	block_note();
	xarm(d, 5);
	receiver_takes_message(&d);
	/* The queue stayed empty: the registration is still in place. */
	posix_mq_xsends(d, "next", 0);
	CHECK_NOTIFIED(&si);
	CHECK_EQ(5, si.si_value.sival_int);
}
IPCT_CASE(notify_kept_when_receiver_took_message,
	.id = "posix_mq.notify_kept_when_receiver_took_message",
	.asserts = "a registration survives a message taken by a blocked receiver (the queue behaves as if it stayed empty): the next arrival notifies",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_removed_after_notification(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];
	siginfo_t si;

	block_note();
	xarm(d, 1);
	posix_mq_xsends(d, "one", 0);
	CHECK_NOTIFIED(&si);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 3);
	posix_mq_xsends(d, "two", 0);
	CHECK_NOT_NOTIFIED(&si);
}
IPCT_CASE(notify_removed_after_notification,
	.id = "posix_mq.notify_removed_after_notification",
	.asserts = "a registration is removed when its notification is sent: a later arrival on the emptied queue does not notify (bounded check: none within 50 ms)",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void notify_reregister_after_notification(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	char buf[POSIX_MQ_MSGSIZE];
	struct sigevent ev;
	siginfo_t si;

	block_note();
	xarm(d, 1);
	posix_mq_xsends(d, "one", 0);
	CHECK_NOTIFIED(&si);
	CHECK_RET(mq_receive(d, buf, sizeof buf, NULL), 3);
	ev = note_signal(2);
	CHECK_OK(mq_notify(d, &ev));
	posix_mq_xsends(d, "two", 0);
	CHECK_NOTIFIED(&si);
	CHECK_EQ(2, si.si_value.sival_int);
}
IPCT_CASE(notify_reregister_after_notification,
	.id = "posix_mq.notify_reregister_after_notification",
	.asserts = "after its notification was sent, a process can register again with mq_notify() and is notified of the next arrival",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_null_unregisters(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	siginfo_t si;

	block_note();
	xarm(d, 1);
	CHECK_OK(mq_notify(d, NULL));
	posix_mq_xsends(d, "quiet", 0);
	CHECK_NOT_NOTIFIED(&si);
}
IPCT_CASE(notify_null_unregisters,
	.id = "posix_mq.notify_null_unregisters",
	.asserts = "mq_notify() with a NULL notification removes the caller's registration: a later arrival does not notify (bounded check: none within 50 ms)",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void child_registers(mqd_t d)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		struct sigevent ev = note_signal(2);

		CHECK_OK(mq_notify(d, &ev));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}

static void notify_null_frees_queue(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);

	block_note();
	xarm(d, 1);
	CHECK_OK(mq_notify(d, NULL));
	child_registers(d);
}
IPCT_CASE(notify_null_frees_queue,
	.id = "posix_mq.notify_null_frees_queue",
	.asserts = "after the registered process unregisters with a NULL notification, another process can register for the queue",
	.spec = "POSIX.1-2024 mq_notify(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_close_frees_queue(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t d = posix_mq_xcreate(name, O_RDWR, POSIX_MQ_MAXMSG, POSIX_MQ_MSGSIZE);
	mqd_t other = posix_mq_xopen(name, O_RDWR);

	block_note();
	xarm(d, 1);
	CHECK_OK(mq_close(d));
	child_registers(other);
}
IPCT_CASE(notify_close_frees_queue,
	.id = "posix_mq.notify_close_frees_queue",
	.asserts = "mq_close() of the descriptor a process registered with removes the registration, so another process can register",
	.spec = "POSIX.1-2024 mq_close(), DESCRIPTION",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void notify_sigev_none_registers(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct sigevent ev;
	siginfo_t si;
	pid_t pid;

	block_note();
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_NONE;
	CHECK_OK(mq_notify(d, &ev));
	pid = ipct_fork();
	if (pid == 0) {
		struct sigevent other = note_signal(2);

		CHECK_FAILS(mq_notify(d, &other), EBUSY);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	posix_mq_xsends(d, "none", 0);
	CHECK_NOT_NOTIFIED(&si);
}
IPCT_CASE(notify_sigev_none_registers,
	.id = "posix_mq.notify_sigev_none_registers",
	.asserts = "mq_notify() with SIGEV_NONE registers the caller (another process gets EBUSY) but sends nothing when a message arrives",
	.spec = "Linux mq_notify(3), DESCRIPTION (SIGEV_NONE)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void notify_bad_descriptor_ebadf(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct sigevent ev = note_signal(1);

	posix_mq_need_notify();
	CHECK_OK(mq_close(d));
	CHECK_FAILS(mq_notify(d, &ev), EBADF);
}
IPCT_CASE(notify_bad_descriptor_ebadf,
	.id = "posix_mq.notify_bad_descriptor_ebadf",
	.asserts = "mq_notify() on a descriptor that is no longer valid fails with EBADF",
	.spec = "POSIX.1-2024 mq_notify(), ERRORS [EBADF]",
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY) });

static void notify_bad_sigevent_einval(void)
{
	mqd_t d = posix_mq_xqueue(O_RDWR);
	struct sigevent ev = note_signal(1);

	posix_mq_need_notify();
	ev.sigev_notify = 12345;
	CHECK_FAILS(mq_notify(d, &ev), EINVAL);
	ev = note_signal(1);
	ev.sigev_signo = 1000;
	CHECK_FAILS(mq_notify(d, &ev), EINVAL);
}
IPCT_CASE(notify_bad_sigevent_einval,
	.id = "posix_mq.notify_bad_sigevent_einval",
	.asserts = "mq_notify() fails with EINVAL for an unknown sigev_notify, or SIGEV_SIGNAL with an invalid signal number (POSIX: unspecified)",
	.spec = "Linux mq_notify(3), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { POSIX_MQ_REQUIRES, IPCT_HAVE(HAVE_MQ_NOTIFY) });

IPCT_CASES(&ipct_case_notify_signal_on_arrival,
	   &ipct_case_notify_signal_si_code_mesgq,
	   &ipct_case_notify_thread_runs_function,
	   &ipct_case_notify_other_process_ebusy,
	   &ipct_case_notify_same_process_twice_ebusy,
	   &ipct_case_notify_not_when_already_nonempty,
	   &ipct_case_notify_not_while_receiver_blocked,
	   &ipct_case_notify_kept_when_receiver_took_message,
	   &ipct_case_notify_removed_after_notification,
	   &ipct_case_notify_reregister_after_notification,
	   &ipct_case_notify_null_unregisters,
	   &ipct_case_notify_null_frees_queue,
	   &ipct_case_notify_close_frees_queue,
	   &ipct_case_notify_sigev_none_registers,
	   &ipct_case_notify_bad_descriptor_ebadf,
	   &ipct_case_notify_bad_sigevent_einval);
