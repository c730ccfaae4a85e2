/* SPDX-License-Identifier: MIT
 * cases/linux_fd/reference.c - the event-loop reference implementation
 * (lib/ref/linux_fd.c: a signalfd, an eventfd and a pidfd in one poll())
 * produces its golden transcript and leaves the process as it found it.
 * Sources: Linux signalfd(2), eventfd(2), pidfd_open(2), waitid(2)
 * (P_PIDFD), poll(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "linux_fd.h"
#include "ref/linux_fd.h"


#define REF_REQUIRES .requires = { IPCT_HAVE(LINUX_FD_HAVE_SIGNALFD), \
	IPCT_HAVE(LINUX_FD_HAVE_EVENTFD), IPCT_HAVE(LINUX_FD_HAVE_PIDFD_OPEN) }

static void reference_event_loop(void)
{
	struct ipct_demo d;
	int rc, err;

	/* Skips where the kernel (or valgrind) has no pidfd_open(). */
	ipct_xclose(linux_fd_xpidfd_open(getpid(), 0));
	rc = ref_linux_fd_demo_event_loop(ipct_xdemo_begin(&d));
	err = errno;
	ipct_demo_check(&d, rc, err, "ref/linux_fd_event_loop.txt");
}
IPCT_CASE(reference_event_loop,
	.id = "linux_fd.reference_event_loop",
	.asserts = "the event-loop reference reads a child's work posts (eventfd), its SIGUSR1 and SIGTERM (signalfd) and its exit (pidfd) from one poll() in order, and the transcript is the expected one",
	.spec = "Linux signalfd(2), eventfd(2), pidfd_open(2), waitid(2) (P_PIDFD), poll(2)",
	.needs = IPCT_LINUX_ONLY,
	REF_REQUIRES);

static void reference_loop_restores(void)
{
	static const int sigs[] = { SIGUSR1, SIGTERM };
	struct ref_linux_fd_loop l;
	struct ref_linux_fd_event ev;
	sigset_t before, after;

	ipct_xsigblock(SIGUSR2); /* a signal the loop does not own */
	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &before));
	CHECK_OK(ref_linux_fd_loop_open(&l, sigs, 2));
	CHECK_EQ(O_NONBLOCK, fcntl(l.sfd, F_GETFL) & O_NONBLOCK);
	CHECK_EQ(FD_CLOEXEC, fcntl(l.efd, F_GETFD) & FD_CLOEXEC);
	CHECK_RET(ref_linux_fd_loop_next(&l, &ev, 0), 0); /* nothing yet */
	CHECK_OK(ref_linux_fd_post(l.efd, 4));
	CHECK_OK(ref_linux_fd_post(l.efd, 5));
	CHECK_RET(ref_linux_fd_loop_next(&l, &ev, 0), 1);
	CHECK_EQ(REF_LINUX_FD_WORK, ev.kind);
	CHECK_EQU(9, ev.work);
	/* Left pending at close: dropped, not run (SIGTERM would kill). */
	CHECK_OK(raise(SIGTERM));
	ref_linux_fd_loop_close(&l);
	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &after));
	CHECK_EQ(sigismember(&before, SIGUSR1), sigismember(&after, SIGUSR1));
	CHECK_EQ(0, sigismember(&after, SIGTERM));
	CHECK_EQ(1, sigismember(&after, SIGUSR2));
	CHECK(!linux_fd_pending(SIGTERM));
}
IPCT_CASE(reference_loop_restores,
	.id = "linux_fd.reference_loop_restores",
	.asserts = "the reference loop's descriptors are non-blocking and close-on-exec, two posts are read as one event with their sum, and closing it drops its pending signals and restores the signal mask",
	.spec = "Linux signalfd(2), eventfd(2); POSIX.1-2024 sigprocmask()",
	.needs = IPCT_LINUX_ONLY,
	REF_REQUIRES);

IPCT_CASES(&ipct_case_reference_event_loop, &ipct_case_reference_loop_restores);
