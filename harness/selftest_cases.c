/* SPDX-License-Identifier: MIT
 * harness/selftest_cases.c - cases that pass, fail, hang, crash and leak on
 * purpose.  harness/selftest.sh runs this binary and asserts on its TAP.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_SEMAPHORE_H
#include <semaphore.h>
#endif

static void passes(void)
{
	CHECK_EQ(4, 2 + 2);
}
IPCT_CASE(passes, .id = "selftest.passes",
	.asserts = "a case whose checks hold is ok", .spec = "harness");

static void fails_check(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[1]);
	ipct_xsetnonblock(fd[0]);
	CHECK_FAILS(read(fd[0], fd, 1), EAGAIN);
}
IPCT_CASE(fails_check, .id = "selftest.fails_check",
	.asserts = "a failed check makes the case not ok with its diagnostic",
	.spec = "harness");

static void hangs(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_progress(__FILE__, __LINE__, "reading a pipe nobody writes");
	CHECK_RET(read(fd[0], &c, 1), 1);
}
IPCT_CASE(hangs, .id = "selftest.hangs", .timeout_s = 1,
	.asserts = "a hung case is killed by the watchdog", .spec = "harness");

static void crashes(void)
{
	CHECK(1);
	raise(SIGSEGV);
}
IPCT_CASE(crashes, .id = "selftest.crashes",
	.asserts = "a crashed case is not ok with the signal's name",
	.spec = "harness");

static void leaks_objects(void)
{
	int q = msgget(IPC_PRIVATE, 0600);

	CHECK_OK(q);
	ipct_track_id(IPCT_SYSV_MSG, q);
#ifdef HAVE_SEM_OPEN
	{
		const char *name = ipct_posix_name(IPCT_POSIX_SEM);

		CHECK_OK_PTR(sem_open(name, O_CREAT | O_EXCL, 0600, 0), SEM_FAILED);
		ipct_note("created %s", name);
	}
#endif
	ipct_xmkfifo(ipct_path("fifo"), 0600);
	ipct_note("created msq %d", q);
	/* Die without removing anything. */
	kill(getpid(), SIGKILL);
}
IPCT_CASE(leaks_objects, .id = "selftest.leaks_objects",
	.asserts = "objects of a killed case are removed by the harness",
	.spec = "harness");

static void checks_nothing(void)
{
}
IPCT_CASE(checks_nothing, .id = "selftest.checks_nothing",
	.asserts = "a case that checks nothing is not ok", .spec = "harness");

static void child_fails(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		CHECK_EQ(1, 2);
		ipct_child_exit();
	}
	ipct_wait(pid);
	CHECK(1);
}
IPCT_CASE(child_fails, .id = "selftest.child_fails",
	.asserts = "a failed check in a child makes the case not ok",
	.spec = "harness");

static void skips(void)
{
	ipct_skip("the reason is given here");
}
IPCT_CASE(skips, .id = "selftest.skips",
	.asserts = "a skipped case says why", .spec = "harness");

static long read_nonblock(void *arg)
{
	int *fd = arg;
	char c;

	return read(fd[0], &c, 1);
}

static void block_proof_catches_nonblocking(void)
{
	struct ipct_blocker b;
	int fd[2];

	ipct_xpipe(fd);
	ipct_xsetnonblock(fd[0]);
	ipct_block_start(&b, read_nonblock, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_RESULT(ipct_block_finish(&b), 1);
}
IPCT_CASE(block_proof_catches_nonblocking,
	.id = "selftest.block_proof_catches_nonblocking",
	.asserts = "the blocking proof fails a call that does not block",
	.spec = "harness");

static long read_blocking(void *arg)
{
	int *fd = arg;
	char c;

	return read(fd[0], &c, 1);
}

static void block_proof_proves_blocking(void)
{
	struct ipct_blocker b;
	int fd[2];

	ipct_xpipe(fd);
	ipct_block_start(&b, read_blocking, fd);
	ipct_block_prove(&b);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_RESULT(ipct_block_finish(&b), 1);
}
IPCT_CASE(block_proof_proves_blocking,
	.id = "selftest.block_proof_proves_blocking",
	.asserts = "the blocking proof passes a call that blocks until released",
	.spec = "harness");

/* Creates one object of each kind, tells selftest.sh where they are through
 * the file named by SELFTEST_MARK, then hangs until killed. */
static void holds_objects_and_hangs(void)
{
	const char *mark = getenv("SELFTEST_MARK");
	char text[512];
	int q, fd, len;
	const char *sem = "-";

	if (!mark)
		ipct_skip("run by harness/selftest.sh only (SELFTEST_MARK unset)");
	q = ipct_xmsgget(IPC_PRIVATE, 0600);
#ifdef HAVE_SEM_OPEN
	sem = ipct_posix_name(IPCT_POSIX_SEM);
	CHECK_OK_PTR(sem_open(sem, O_CREAT | O_EXCL, 0600, 0), SEM_FAILED);
#endif
	ipct_xmkfifo(ipct_path("fifo"), 0600);
	len = snprintf(text, sizeof text, "%d %s %s\n", q, sem, ipct_tmpdir());
	fd = open(mark, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK_OK(fd);
	CHECK_RET(write(fd, text, (size_t)len), len);
	ipct_xclose(fd);
	for (;;)
		pause();
}
IPCT_CASE(holds_objects_and_hangs, .id = "selftest.holds_objects_and_hangs",
	.asserts = "objects of a case that is killed or interrupted are removed",
	.spec = "harness");

static void checkpoint_order(void)
{
	struct ipct_sync s;
	struct ipct_barrier bar;
	int *shared = ipct_shared_alloc(sizeof *shared);
	pid_t pid, other;

	ipct_sync_init(&s);
	ipct_barrier_init(&bar, 3);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_sync_wait(&s, 1);
		*shared = 7;
		ipct_post(&s, 2);
		ipct_barrier_wait(&bar);
		ipct_child_exit();
	}
	other = ipct_fork();
	if (other == 0) {
		ipct_barrier_wait(&bar);
		ipct_child_exit();
	}
	ipct_post(&s, 1);
	ipct_sync_wait(&s, 2);
	CHECK_EQ(7, *shared);
	ipct_barrier_wait(&bar);
	ipct_wait_ok(pid);
	ipct_wait_ok(other);
}
IPCT_CASE(checkpoint_order, .id = "selftest.checkpoint_order",
	.asserts = "checkpoints and barriers order processes", .spec = "harness");

static void checkpoint_peer_dies(void)
{
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0)
		abort();
	ipct_sync_wait(&s, 1);
	CHECK(pid > 0);
}
IPCT_CASE(checkpoint_peer_dies, .id = "selftest.checkpoint_peer_dies",
	.asserts = "a checkpoint wait ends at once when the peer dies",
	.spec = "harness");

static void child_left_running(void)
{
	if (ipct_fork() == 0)
		for (;;)
			pause();
	CHECK(1);
}
IPCT_CASE(child_left_running, .id = "selftest.child_left_running",
	.asserts = "a child still running at the end of the case is reported",
	.spec = "harness");

static int echo_helper(int argc, char **argv)
{
	CHECK_EQ(2, argc);
	CHECK_STR("hello", argv[1]);
	return 0;
}
IPCT_HELPER(echo_helper, "echo");
IPCT_HELPERS(&ipct_helper_echo_helper);

static void exec_helper_runs(void)
{
	ipct_wait_ok(ipct_exec_helper("echo", "hello", (char *)NULL));
}
IPCT_CASE(exec_helper_runs, .id = "selftest.exec_helper_runs",
	.asserts = "a case can exec its own binary as a helper process",
	.spec = "harness");

IPCT_CASES(&ipct_case_exec_helper_runs, &ipct_case_passes, &ipct_case_fails_check, &ipct_case_hangs,
	   &ipct_case_crashes, &ipct_case_leaks_objects,
	   &ipct_case_checks_nothing, &ipct_case_child_fails, &ipct_case_skips,
	   &ipct_case_block_proof_catches_nonblocking,
	   &ipct_case_checkpoint_order, &ipct_case_checkpoint_peer_dies,
	   &ipct_case_child_left_running,
	   &ipct_case_block_proof_proves_blocking,
	   &ipct_case_holds_objects_and_hangs);
