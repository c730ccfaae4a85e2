/* SPDX-License-Identifier: MIT
 * cases/signal/thread.c - signals and threads: pthread_kill(), tgkill(),
 * per-thread masks and pending sets, process-directed signals choosing a
 * thread, and a stop signal stopping every thread.
 * Sources: POSIX.1-2024 XSH 2.4.1 (Signal Generation and Delivery),
 * pthread_kill(), pthread_sigmask(), pthread_create(), sigpending(),
 * sigwait(); Linux tgkill(2), signal(7), proc(5).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "signal.h"

#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static pid_t thread_gettid(void)
{
	return (pid_t)syscall(SYS_gettid);
}

static long thread_tgkill(pid_t tgid, pid_t tid, int sig)
{
	return syscall(SYS_tgkill, tgid, tid, sig);
}

static pthread_t thread_xstart(void *(*fn)(void *), void *arg)
{
	pthread_t t;
	int rc = pthread_create(&t, NULL, fn, arg);

	if (rc != 0)
		IPCT_BROKEN("pthread_create: %s", ipct_errname(rc));
	return t;
}

static void *thread_xjoin(pthread_t t)
{
	void *ret = NULL;
	int rc = pthread_join(t, &ret);

	if (rc != 0)
		IPCT_BROKEN("pthread_join: %s", ipct_errname(rc));
	return ret;
}

/* The tid of the thread a handler ran on. */
static volatile pid_t handled_on;

static void note_tid(int sig)
{
	(void)sig;
	handled_on = thread_gettid();
}

/* A thread that blocks SIGUSR1 and takes it with sigwait(); the main
 * thread leaves SIGUSR1 unblocked with a counting handler, so a signal
 * that went to the process could land there. */
static volatile pid_t waiter_tid;

static void *sigwait_usr1_thread(void *arg)
{
	sigset_t set = signal_set1(SIGUSR1);
	int sig = 0;

	(void)arg;
	waiter_tid = thread_gettid();
	if (sigwait(&set, &sig) != 0)
		return (void *)-1L;
	return (void *)(long)sig;
}

/* Start it with SIGUSR1 blocked from birth (a mask inherited from this
 * thread), then unblock SIGUSR1 here. */
static pthread_t thread_xstart_blocking_usr1(void)
{
	pthread_t t;

	ipct_xsigblock(SIGUSR1);
	t = thread_xstart(sigwait_usr1_thread, NULL);
	signal_xunblock_all();
	return t;
}

static void thread_pthread_kill_targets_thread(void)
{
	pthread_t t;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	t = thread_xstart_blocking_usr1();
	CHECK_EQ(0, pthread_kill(t, SIGUSR1));
	CHECK_EQ(SIGUSR1, (long)thread_xjoin(t));
	CHECK_EQ(0, signal_count);
}
IPCT_CASE(thread_pthread_kill_targets_thread,
	.id = "signal.thread_pthread_kill_targets_thread",
	.asserts = "pthread_kill() directs the signal at the named thread: its sigwait() takes it and the main thread, which does not block it, never runs the handler",
	.spec = "POSIX.1-2024 pthread_kill(), DESCRIPTION; XSH 2.4.1");

static void thread_tgkill_targets_thread(void)
{
	pthread_t t;

	ipct_xsigaction(SIGUSR1, signal_note, 0);
	waiter_tid = 0;
	t = thread_xstart_blocking_usr1();
	{
		int64_t end = ipct_now_ms() + ipct_wait_limit_ms();
		int delay = 0;

		while (waiter_tid == 0 && ipct_now_ms() < end)
			ipct_backoff(&delay);
	}
	CHECK(waiter_tid != 0);
	CHECK_OK(thread_tgkill(getpid(), waiter_tid, SIGUSR1));
	CHECK_EQ(SIGUSR1, (long)thread_xjoin(t));
	CHECK_EQ(0, signal_count);
}
IPCT_CASE(thread_tgkill_targets_thread,
	.id = "signal.thread_tgkill_targets_thread",
	.asserts = "tgkill(tgid, tid, sig) sends the signal to thread tid only: its sigwait() takes it and the main thread's handler never runs",
	.spec = "Linux tgkill(2), DESCRIPTION",
	.needs = IPCT_LINUX_ONLY);

static void thread_tgkill_wrong_group_esrch(void)
{
	pid_t pid;
	struct ipct_sync s;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(&s, 1);
		ipct_child_exit();
	}
	/* pid is a thread, but not of our thread group. */
	CHECK_FAILS(thread_tgkill(getpid(), pid, 0), ESRCH);
	CHECK_OK(thread_tgkill(pid, pid, 0));
	ipct_post(&s, 1);
	ipct_wait_ok(pid);
}
IPCT_CASE(thread_tgkill_wrong_group_esrch,
	.id = "signal.thread_tgkill_wrong_group_esrch",
	.asserts = "tgkill() naming a thread that is not in thread group tgid fails with ESRCH, while the right group succeeds",
	.spec = "Linux tgkill(2), ERRORS [ESRCH]",
	.needs = IPCT_LINUX_ONLY);

static void thread_tgkill_invalid_einval(void)
{
	CHECK_FAILS(thread_tgkill(getpid(), 0, 0), EINVAL);
	CHECK_FAILS(thread_tgkill(getpid(), thread_gettid(), 65536), EINVAL);
	CHECK_FAILS(thread_tgkill(-1, thread_gettid(), 0), EINVAL);
}
IPCT_CASE(thread_tgkill_invalid_einval,
	.id = "signal.thread_tgkill_invalid_einval",
	.asserts = "tgkill() with a tid of 0, a tgid of -1 or an invalid signal number fails with EINVAL",
	.spec = "Linux tgkill(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

/* Waits until the main thread closes the pipe's write end. */
static void *idle_thread(void *arg)
{
	char c;

	return (void *)(long)read(*(int *)arg, &c, 1);
}

static void thread_pthread_kill_checks(void)
{
	pthread_t t;
	int fd[2];

	ipct_xpipe(fd);
	t = thread_xstart(idle_thread, &fd[0]);
	CHECK_EQ(0, pthread_kill(t, 0));
	CHECK_EQ(EINVAL, pthread_kill(t, -1));
	CHECK_EQ(EINVAL, pthread_kill(t, 65536));
	ipct_xclose(fd[1]);
	CHECK_EQ(0, (long)thread_xjoin(t));
}
IPCT_CASE(thread_pthread_kill_checks,
	.id = "signal.thread_pthread_kill_checks",
	.asserts = "pthread_kill() with signal 0 to a live thread returns 0 and sends nothing; an invalid signal number returns EINVAL (as the return value, not errno)",
	.spec = "POSIX.1-2024 pthread_kill(), DESCRIPTION, RETURN VALUE and ERRORS [EINVAL]");

static void *suspend_thread(void *arg)
{
	sigset_t none;

	(void)arg;
	sigemptyset(&none);
	sigsuspend(&none);
	return NULL;
}

static void thread_process_signal_to_unblocking_thread(void)
{
	pthread_t t;
	pid_t main_tid = thread_gettid();

	ipct_xsigaction(SIGUSR1, note_tid, 0);
	ipct_xsigblock(SIGUSR1); /* the new thread inherits it... */
	t = thread_xstart(suspend_thread, NULL); /* ...until sigsuspend */
	CHECK_OK(kill(getpid(), SIGUSR1));
	thread_xjoin(t);
	CHECK(handled_on != 0);
	CHECK(handled_on != main_tid);
	CHECK_EQ(1, signal_xpending(SIGUSR1) == 0);
}
IPCT_CASE(thread_process_signal_to_unblocking_thread,
	.id = "signal.thread_process_signal_to_unblocking_thread",
	.asserts = "a signal sent to the process while the main thread blocks it is delivered to the one thread that does not (in sigsuspend), and is no longer pending",
	.spec = "POSIX.1-2024 XSH 2.4.1 (delivered to exactly one thread that has not blocked it); Linux signal(7)",
	.needs = IPCT_LINUX_ONLY);

static void *sigwait_process_thread(void *arg)
{
	sigset_t set = signal_set1(SIGUSR2);
	int sig = 0;

	(void)arg;
	if (sigwait(&set, &sig) != 0)
		return (void *)-1L;
	return (void *)(long)sig;
}

static void thread_sigwait_takes_process_signal(void)
{
	pthread_t t;

	ipct_xsigblock(SIGUSR2); /* every thread blocks it */
	t = thread_xstart(sigwait_process_thread, NULL);
	CHECK_OK(kill(getpid(), SIGUSR2));
	CHECK_EQ(SIGUSR2, (long)thread_xjoin(t));
	CHECK_EQ(0, signal_xpending(SIGUSR2));
}
IPCT_CASE(thread_sigwait_takes_process_signal,
	.id = "signal.thread_sigwait_takes_process_signal",
	.asserts = "a signal sent with kill() to the process, blocked in every thread, is accepted by sigwait() in another thread and leaves the process's pending set",
	.spec = "POSIX.1-2024 sigwait(), DESCRIPTION; XSH 2.4.1");

static volatile int inherited_hup = -1;

static void *mask_thread(void *arg)
{
	sigset_t cur, add = signal_set1(SIGUSR2);

	(void)arg;
	pthread_sigmask(SIG_BLOCK, NULL, &cur);
	inherited_hup = sigismember(&cur, SIGHUP); /* inherited */
	pthread_sigmask(SIG_BLOCK, &add, NULL);
	return NULL;
}

static void thread_masks_are_per_thread(void)
{
	pthread_t t;

	ipct_xsigblock(SIGHUP);
	t = thread_xstart(mask_thread, NULL);
	thread_xjoin(t);
	CHECK_EQ(1, inherited_hup);
	CHECK_EQ(0, sigismember((sigset_t[]){ signal_xmask() }, SIGUSR2));
	CHECK_EQ(1, sigismember((sigset_t[]){ signal_xmask() }, SIGHUP));
}
IPCT_CASE(thread_masks_are_per_thread,
	.id = "signal.thread_masks_are_per_thread",
	.asserts = "a new thread inherits its creator's signal mask, and a signal it then blocks is not blocked in the creator",
	.spec = "POSIX.1-2024 pthread_create() (mask inherited), pthread_sigmask() (the calling thread's mask)");

static volatile int thread_saw_pending = -1;

static void *pending_thread(void *arg)
{
	(void)arg;
	thread_saw_pending = signal_xpending(SIGUSR1);
	return NULL;
}

static void thread_pending_is_per_thread(void)
{
	pthread_t t;

	ipct_xsigblock(SIGUSR1);
	CHECK_EQ(0, pthread_kill(pthread_self(), SIGUSR1));
	CHECK_EQ(1, signal_xpending(SIGUSR1));
	t = thread_xstart(pending_thread, NULL);
	thread_xjoin(t);
	CHECK_EQ(0, thread_saw_pending);
	CHECK_EQ(1, signal_xpending(SIGUSR1));
}
IPCT_CASE(thread_pending_is_per_thread,
	.id = "signal.thread_pending_is_per_thread",
	.asserts = "a blocked signal sent with pthread_kill() to the main thread is pending in sigpending() there but not in another thread's",
	.spec = "POSIX.1-2024 sigpending() (pending for the process or the calling thread), pthread_kill()");

/* Linux: the state letter of every thread of pid, from /proc. */
static int all_threads_state(pid_t pid, char want, int *nthreads)
{
	char dir[64], path[400], buf[512];
	struct dirent *de;
	DIR *d;
	int ok = 1;

	*nthreads = 0;
	snprintf(dir, sizeof dir, "/proc/%d/task", (int)pid);
	d = opendir(dir);
	if (d == NULL)
		IPCT_BROKEN("opendir(%s): %s", dir, ipct_errname(errno));
	while ((de = readdir(d)) != NULL) {
		FILE *f;
		char *p;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof path, "%s/%s/stat", dir, de->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(buf, sizeof buf, f) == NULL)
			buf[0] = 0;
		fclose(f);
		p = strrchr(buf, ')');
		if (p == NULL || p[1] != ' ' || p[2] != want) {
			ipct_note("thread %s state '%c', want '%c'",
				  de->d_name, p ? p[2] : '?', want);
			ok = 0;
		}
		(*nthreads)++;
	}
	closedir(d);
	return ok;
}

static void *reader_thread(void *arg)
{
	char c;

	return (void *)(long)read(*(int *)arg, &c, 1);
}

static void thread_sigstop_stops_all(void)
{
	struct ipct_sync s;
	pid_t pid;
	int st = 0, n = 0, fd[2];

	ipct_xpipe(fd);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		pthread_t a = thread_xstart(reader_thread, &fd[0]);
		pthread_t b = thread_xstart(reader_thread, &fd[0]);

		(void)a;
		(void)b;
		ipct_post(&s, 1);
		pause();
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_OK(kill(pid, SIGSTOP));
	/* The stop is reported once every thread has stopped. */
	CHECK_RET(waitpid(pid, &st, WUNTRACED), pid);
	CHECK(WIFSTOPPED(st));
	CHECK(all_threads_state(pid, 'T', &n));
	/* Our three at least: an emulator (qemu-user) adds its own thread
	 * to the process, which must stop too. */
	CHECK(n >= 3);
	CHECK_OK(kill(pid, SIGKILL));
	CHECK_SIGNALED(ipct_wait(pid), SIGKILL);
}
IPCT_CASE(thread_sigstop_stops_all,
	.id = "signal.thread_sigstop_stops_all",
	.asserts = "SIGSTOP sent to a process of three threads stops all of them (each of its /proc tasks, at least three, in state T once waitpid reports the stop)",
	.spec = "POSIX.1-2024 XSH 2.4.3 (SIGSTOP stops the process); Linux signal(7), proc(5)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_thread_pthread_kill_targets_thread,
	   &ipct_case_thread_tgkill_targets_thread,
	   &ipct_case_thread_tgkill_wrong_group_esrch,
	   &ipct_case_thread_tgkill_invalid_einval,
	   &ipct_case_thread_pthread_kill_checks,
	   &ipct_case_thread_process_signal_to_unblocking_thread,
	   &ipct_case_thread_sigwait_takes_process_signal,
	   &ipct_case_thread_masks_are_per_thread,
	   &ipct_case_thread_pending_is_per_thread,
	   &ipct_case_thread_sigstop_stops_all);
