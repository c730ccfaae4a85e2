/* SPDX-License-Identifier: MIT
 * harness/selftest_cases.c - cases that pass, fail, hang, crash and leak on
 * purpose.  harness/selftest-*.sh run this binary and assert on its TAP.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <string.h>
#ifdef HAVE_MQUEUE_H
#include <mqueue.h>
#endif
#include <sys/mman.h>
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

/* Creates one object of every kind, tells selftest-interrupt.sh what they
 * are through the file named by SELFTEST_MARK, then hangs until it is
 * killed. */
static void holds_objects_and_hangs(void)
{
	const char *mark = getenv("SELFTEST_MARK");
	const char *mq = "-", *sem = "-", *shm = "-";
	struct sockaddr_un sun;
	char text[1024];
	int q, s, m, fd, len, sock;

	if (!mark)
		ipct_skip("run by harness/selftest-*.sh only (SELFTEST_MARK unset)");
	q = ipct_xmsgget(IPC_PRIVATE, 0600);
	s = ipct_xsemget(IPC_PRIVATE, 1, 0600);
	m = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
#ifdef HAVE_MQ_OPEN
	{
		struct mq_attr attr = { .mq_maxmsg = 1, .mq_msgsize = 16 };

		mq = ipct_posix_name(IPCT_POSIX_MQ);
		if (mq_open(mq, O_CREAT | O_EXCL | O_RDWR, 0600, &attr) == (mqd_t)-1)
			mq = "-"; /* a kernel without POSIX mqueue: nothing to leak */
	}
#endif
#ifdef HAVE_SEM_OPEN
	sem = ipct_posix_name(IPCT_POSIX_SEM);
	CHECK_OK_PTR(sem_open(sem, O_CREAT | O_EXCL, 0600, 0), SEM_FAILED);
#endif
#ifdef HAVE_SHM_OPEN
	shm = ipct_posix_name(IPCT_POSIX_SHM);
	CHECK_OK(shm_open(shm, O_CREAT | O_EXCL | O_RDWR, 0600));
#endif
	ipct_xmkfifo(ipct_path("fifo"), 0600);
	sock = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_OK(sock);
	memset(&sun, 0, sizeof sun);
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, "sock");
	CHECK_OK(bind(sock, (struct sockaddr *)&sun, sizeof sun));
	CHECK_OK(listen(sock, 1));
	len = snprintf(text, sizeof text, "%d %d %d %s %s %s %s\n", q, s, m, mq,
		       sem, shm, ipct_tmpdir());
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

/* The same in a lane of its own (harness/lanes.c): interrupting the runner
 * ends the lane too, and its objects and run directory go. */
static void timed_holds_objects_and_hangs(void)
{
	holds_objects_and_hangs();
}
IPCT_CASE(timed_holds_objects_and_hangs,
	.id = "selftest.timed_holds_objects_and_hangs",
	.asserts = "objects of a timed case, in its lane, are removed when the runner is interrupted",
	.spec = "harness", .timed = 1);

/* Timed cases run in lanes beside the others (harness/lanes.c).  The first
 * waits (bounded) for a file that timed_partner, listed after it and not
 * timed, creates: it passes only if it runs beside the others.  Then a
 * timed case that hangs: its lane's watchdog ends it.  Their TAP comes in
 * the order of the list all the same (selftest-run.sh). */
static void partner_path(char *path, size_t len)
{
	const char *dir = getenv("SELFTEST_LANE_DIR");

	if (!dir)
		ipct_skip("run by harness/selftest-run.sh only (SELFTEST_LANE_DIR unset)");
	snprintf(path, len, "%s/partner-ran", dir);
}

static void timed_runs_beside(void)
{
	char path[1024];
	int64_t deadline;

	partner_path(path, sizeof path);
	/* The partner comes after 16 cases, two of which wait on purpose;
	 * under ASan beside stress-ng --cpu 2 they took more than the 0.6 s
	 * that 5 s x selftest-run.sh's multiplier gave. */
	deadline = ipct_now_ms() + ipct_scale_ms(40000);
	while (access(path, F_OK) != 0 && ipct_now_ms() < deadline) {
		struct timespec ts = { 0, 2000000 };

		nanosleep(&ts, NULL);
	}
	CHECK_OK(access(path, F_OK));
}
IPCT_CASE(timed_runs_beside, .id = "selftest.timed_runs_beside",
	.timeout_s = 60,
	.asserts = "a timed case runs beside the cases listed after it",
	.spec = "harness", .timed = 1);

static void timed_hangs(void)
{
	hangs();
}
IPCT_CASE(timed_hangs, .id = "selftest.timed_hangs", .timeout_s = 1,
	.asserts = "a timed case that hangs is ended by its lane's watchdog",
	.spec = "harness", .timed = 1);

static void timed_partner(void)
{
	char path[1024];
	int fd;

	partner_path(path, sizeof path);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	CHECK_OK(fd);
	ipct_xclose(fd);
}
IPCT_CASE(timed_partner, .id = "selftest.timed_partner",
	.asserts = "a case listed after a timed one runs while it waits",
	.spec = "harness");

/* "exists KIND ID-OR-NAME": exit 0 if the object exists, 1 if not. */
static int exists_helper(int argc, char **argv)
{
	struct msqid_ds mds;
	struct semid_ds sds;
	struct shmid_ds hds;
	const char *kind, *what;

	if (argc != 3)
		return 2;
	kind = argv[1];
	what = argv[2];
	if (strcmp(what, "-") == 0)
		return 1;
	if (strcmp(kind, "msg") == 0)
		return msgctl(atoi(what), IPC_STAT, &mds) == 0 ? 0 : 1;
	if (strcmp(kind, "sem") == 0)
		return semctl(atoi(what), 0, IPC_STAT, &sds) == 0 ? 0 : 1;
	if (strcmp(kind, "shm") == 0)
		return shmctl(atoi(what), IPC_STAT, &hds) == 0 ? 0 : 1;
#ifdef HAVE_MQ_OPEN
	if (strcmp(kind, "pmq") == 0) {
		mqd_t d = mq_open(what, O_RDONLY);

		return d == (mqd_t)-1 ? 1 : (mq_close(d), 0);
	}
#endif
#ifdef HAVE_SEM_OPEN
	if (strcmp(kind, "psem") == 0) {
		sem_t *p = sem_open(what, 0);

		return p == SEM_FAILED ? 1 : (sem_close(p), 0);
	}
#endif
#ifdef HAVE_SHM_OPEN
	if (strcmp(kind, "pshm") == 0) {
		int d = shm_open(what, O_RDONLY, 0);

		return d < 0 ? 1 : (close(d), 0);
	}
#endif
	return 2;
}
IPCT_HELPER(exists_helper, "exists");

static void catch_counts_handler_runs(void)
{
	ipct_catch(SIGUSR1, 0);
	ipct_catch(SIGUSR2, 0);
	CHECK_EQ(0, ipct_caught(SIGUSR1));
	raise(SIGUSR2);
	raise(SIGUSR1);
	raise(SIGUSR1);
	ipct_wait_caught(SIGUSR1);
	ipct_wait_caught(SIGUSR1);
	ipct_wait_caught(SIGUSR2);
	CHECK_EQ(0, ipct_caught(SIGUSR1));
}
IPCT_CASE(catch_counts_handler_runs, .id = "selftest.catch_counts_handler_runs",
	.asserts = "ipct_catch records each run of a handler, per signal",
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


static void exec_helper_runs(void)
{
	ipct_wait_ok(ipct_exec_helper("echo", "hello", (char *)NULL));
}
IPCT_CASE(exec_helper_runs, .id = "selftest.exec_helper_runs",
	.asserts = "a case can exec its own binary as a helper process",
	.spec = "harness");

/* Compares a fixed text with expected/selftest.txt; selftest-cli.sh supplies
 * matching, differing, missing and malformed files. */
static void transcript_compare(void)
{
	if (!getenv("SELFTEST_TRANSCRIPT"))
		ipct_skip("run by harness/selftest-*.sh only (SELFTEST_TRANSCRIPT unset)");
	CHECK_TRANSCRIPT("selftest.txt", "line one\nline two\n");
}
IPCT_CASE(transcript_compare, .id = "selftest.transcript_compare",
	.asserts = "a transcript is compared line by line with its expected file",
	.spec = "harness");

/* The early give-up rule keeps its account per source file:
 * selftest-giveup.sh runs these two hanging cases, and the pair of
 * selftest_family.c (this binary's second file), with SELFTEST_GIVEUP set;
 * elsewhere they skip at once.  Shared with that file, as a family's files
 * may share a function (not static, declared where it is used). */
void selftest_giveup_hang(void);
void selftest_giveup_hang(void)
{
	int fd[2];
	char c;

	if (!getenv("SELFTEST_GIVEUP"))
		ipct_skip("run by harness/selftest-giveup.sh only (SELFTEST_GIVEUP unset)");
	ipct_xpipe(fd);
	CHECK_RET(read(fd[0], &c, 1), 1);
}
static void giveup_a1(void)
{
	selftest_giveup_hang();
}
IPCT_CASE(giveup_a1, .id = "selftest.giveup_a1", .timeout_s = 12,
	.asserts = "the first case of a file that hangs runs to its watchdog",
	.spec = "harness");
static void giveup_a2(void)
{
	selftest_giveup_hang();
}
IPCT_CASE(giveup_a2, .id = "selftest.giveup_a2", .timeout_s = 12,
	.asserts = "once a file spent the give-up time in slow failures its next case is not run",
	.spec = "harness");

/* A child of the case starts a session of its own, so it leaves the
 * case's process group, and leaves a grandchild there that pauses: killing
 * the group does not reach it.  Orphaned, it is adopted by the runner (a
 * subreaper), which must find it, kill it and say so.  Its pid is printed
 * for selftest-run.sh.  Where the runner could not become a subreaper
 * (qemu-user refuses the prctl), the orphan goes elsewhere: the case kills
 * it and skips, naming its new parent. */
static void stray_outside_group(void)
{
	char buf[512];
	const char *st;
	long g = 0, parent;
	int fd[2];
	pid_t c;

	ipct_xpipe(fd);
	c = ipct_fork();
	if (c == 0) {
		pid_t p;

		close(fd[0]);
		CHECK_OK(setsid());
		p = fork();
		if (p == 0) {
			alarm(30);
			for (;;)
				pause();
		}
		CHECK(p > 0);
		g = (long)p;
		CHECK_RET(write(fd[1], &g, sizeof g), sizeof g);
		printf("stray pid %ld\n", g);
		ipct_child_exit();
	}
	close(fd[1]);
	ipct_wait_ok(c);
	CHECK_RET(read(fd[0], &g, sizeof g), sizeof g);
	st = supervise_proc_state(g, buf, sizeof buf);
	CHECK(st != NULL); /* it pauses: gone, it was killed by someone */
	if (!st)
		return;
	parent = atol(st + 2);
	if (parent != (long)getppid()) {
		kill((pid_t)g, SIGKILL);
		ipct_skip("the runner is not a subreaper here: the orphan's parent is pid %ld, not the runner (pid %ld)",
			  parent, (long)getppid());
	}
}
IPCT_CASE(stray_outside_group, .id = "selftest.stray_outside_group",
	.asserts = "a process of the case that left its process group is killed by the runner, which reports it",
	.spec = "harness");

/* What the runner promises every case, whatever its caller left behind:
 * selftest-cli.sh also starts the runner with SIGCHLD ignored. */
static void starts_with_defaults(void)
{
	static const int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction old;
	sigset_t mask;
	size_t i;

	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &mask));
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		int dfl, blocked;

		CHECK_OK(sigaction(sigs[i], NULL, &old));
		dfl = !(old.sa_flags & SA_SIGINFO) && old.sa_handler == SIG_DFL;
		blocked = sigismember(&mask, sigs[i]);
		if (!dfl || blocked)
			ipct_note("%s:%s%s", ipct_signame(sigs[i]),
				  dfl ? "" : " not at SIG_DFL",
				  blocked ? " blocked" : "");
		CHECK(dfl);
		CHECK_EQ(0, blocked);
	}
}
IPCT_CASE(starts_with_defaults, .id = "selftest.starts_with_defaults",
	.asserts = "a case starts with SIGCHLD, SIGINT, SIGTERM, SIGHUP and SIGPIPE at SIG_DFL and unblocked",
	.spec = "harness");

IPCT_HELPERS(&ipct_helper_echo_helper, &ipct_helper_exists_helper);

IPCT_CASES(&ipct_case_exec_helper_runs, &ipct_case_passes, &ipct_case_fails_check, &ipct_case_hangs,
	   &ipct_case_crashes, &ipct_case_leaks_objects,
	   &ipct_case_checks_nothing, &ipct_case_child_fails, &ipct_case_skips,
	   &ipct_case_block_proof_catches_nonblocking,
	   &ipct_case_checkpoint_order, &ipct_case_checkpoint_peer_dies,
	   &ipct_case_child_left_running,
	   &ipct_case_block_proof_proves_blocking,
	   &ipct_case_holds_objects_and_hangs,
	   &ipct_case_timed_holds_objects_and_hangs,
	   &ipct_case_timed_runs_beside, &ipct_case_timed_hangs,
	   &ipct_case_timed_partner,
	   &ipct_case_transcript_compare,
	   &ipct_case_catch_counts_handler_runs, &ipct_case_giveup_a1,
	   &ipct_case_giveup_a2, &ipct_case_stray_outside_group,
	   &ipct_case_starts_with_defaults);
