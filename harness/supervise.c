/* SPDX-License-Identifier: MIT
 * supervise.c - running one case: fork it, watch it, end it, collect its
 * result and clean up after it.
 *
 * This is the runner's own work, so it rests only on what README calls
 * "What the runner trusts": fork(), waitpid(), SIGKILL, _exit(), plain files
 * and directories, nanosleep() on a monotonic clock, and a shared mapping
 * that was checked at start (page.c).  No pipe, FIFO, socket, IPC object or
 * caught signal is part of it: the case writes its output to a plain file in
 * the run directory; the runner polls waitpid(WNOHANG) with a bounded
 * nanosleep backoff against a deadline; SIGINT/SIGTERM/SIGHUP only set a
 * flag that the loop sees within one sleep.  A SIGCHLD handler that does
 * nothing ends the sleep when a child ends, so the loop looks at once; if
 * it never runs, the backoff still looks within 1 ms (the fault
 * signals-lost of harness/faults.c runs the runner so).
 *
 * The run directory ($TMPDIR/ipcconf.XXXXXX, mode 0711) holds the output
 * file and the case's private directory (case, mode 0700, emptied after
 * each case); it is removed when the run ends, however it ends.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A case writing more than this is killed (it would fill the disk). */
#define OUTPUT_FLOOD (4L * 1024 * 1024)
/* Bounds of the interrupted path: cleanup must end within 2 s. */
#define INTERRUPT_CLEANUP_MS 1500

static char rundir[256];
static int outfd = -1, devnull = -1;
static char casedir[300];
/* The private directory's stream, kept open from case to case and
 * rewound: opendir() per case allocated 32 KB that a case's cleanup then
 * wrote to (fresh pages, each a fault).  Reopened when the path no longer
 * names the directory it reads (a case replaced it). */
static DIR *casedir_stream;
static volatile sig_atomic_t got_signal;
static sigset_t to_reset; /* dispositions inherited that are not SIG_DFL */

/* The case's environment: the runner's with IPCCONF_CASE=<id> in front,
 * built once, so that the case process sets it with two stores.  setenv()
 * there allocated, and every page a forked process writes costs it a page
 * fault and a copy (a trivial case took 52 faults; 27 since). */
#define CASE_VAR "IPCCONF_CASE="
#define CASE_VAR_LEN (sizeof CASE_VAR - 1)
extern char **environ;
static char case_var[256] = CASE_VAR;
static char **case_env;

static void build_case_env(void)
{
	size_t n, i, j;

	for (n = 0; environ && environ[n]; n++)
		;
	case_env = calloc(n + 2, sizeof *case_env);
	if (!case_env)
		return; /* the case uses setenv() */
	case_env[0] = case_var;
	for (i = 0, j = 1; i < n; i++)
		if (strncmp(environ[i], CASE_VAR, CASE_VAR_LEN) != 0)
			case_env[j++] = environ[i];
}

/* ------------------------------------------------------------------ */
/* Sleeping: the only way the runner waits.                            */

static void sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	nanosleep(&ts, NULL); /* EINTR: a signal wants the loop to look */
}

/* Next delay of the backoff: 50 us doubling to 1 ms.  Most cases end
 * within a few ms, and every ms between a case's end and the runner seeing
 * it is wall time of the whole suite (200 us doubling to 5 ms reaped a
 * 3.1 ms case at 6.2 ms); a long case is looked at every ms, which costs
 * the runner a few us each time.  Waiting on the case's pidfd instead saw
 * a trivial case end at once (1.2 ms a case instead of 1.6), but poll()
 * is under test and can hang on a broken platform, and a watchdog thread
 * beside a blocking waitid() made every fork dearer than what it saved
 * (1.5 ms a case, 15 page faults more): measured 2026-12-03. */
static long next_delay(long d)
{
	return d < 50 ? 50 : d >= 500 ? 1000 : d * 2;
}

/* ------------------------------------------------------------------ */
/* Start of the run                                                    */

static void on_signal(int sig)
{
	if (!got_signal)
		got_signal = sig;
}

/* Does nothing: its only effect is that the runner's nanosleep() returns
 * when a child ends, so the loops that poll waitpid(WNOHANG) look at once
 * instead of at their next backoff step. */
static void on_child(int sig)
{
	(void)sig;
}

static void install_handlers(void)
{
	/* SIGPIPE too: under make check the runner's stdout is a pipe to
	 * the TAP driver, which a Ctrl-C or SIGTERM to the process group
	 * ends first; the runner's next line of TAP (its "Bail out!") would
	 * then kill it before it removed its run directory. */
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = 0; /* no SA_RESTART: nanosleep returns at once */
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
	/* SA_RESTART: every other call of the runner carries on as if no
	 * SIGCHLD came; nanosleep() is never restarted after a handler. */
	sa.sa_handler = on_child;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);
}

/* Which signals the case leader must set back to SIG_DFL: ours, and any
 * the caller of make left ignored. */
static void learn_dispositions(void)
{
	struct sigaction old;
	int s;

	sigemptyset(&to_reset);
	for (s = 1; s < NSIG; s++) {
		if (s == SIGKILL || s == SIGSTOP)
			continue;
		if (sigaction(s, NULL, &old) == 0 && old.sa_handler != SIG_DFL)
			sigaddset(&to_reset, s);
	}
	sigaddset(&to_reset, SIGINT);
	sigaddset(&to_reset, SIGTERM);
	sigaddset(&to_reset, SIGHUP);
	sigaddset(&to_reset, SIGPIPE);
	sigaddset(&to_reset, SIGCHLD);
}

static void set_self_exe(const char *argv0)
{
	char *p = realpath("/proc/self/exe", NULL);

	if (!p)
		p = realpath(argv0, NULL);
	snprintf(ipct_page->self_exe, sizeof ipct_page->self_exe, "%s",
		 p ? p : argv0);
	free(p);
}

int supervise_init(const char *base, char *why, size_t whylen)
{
	char path[512];

	/* Handlers before the run directory exists: a signal from here on
	 * only sets a flag, and the run ends through interrupted_exit(),
	 * which removes the directory. */
	learn_dispositions();
	install_handlers();
	build_case_env();
	if (!base)
		base = getenv("TMPDIR");
	if (!base || !*base)
		base = "/tmp";
	snprintf(rundir, sizeof rundir, "%s/ipcconf.XXXXXX", base);
	if (!mkdtemp(rundir) || chmod(rundir, 0711) != 0) {
		snprintf(why, whylen, "cannot create a run directory under %s: %s",
			 base, ipct_errname(errno));
		rundir[0] = '\0';
		return -1;
	}
	snprintf(path, sizeof path, "%s/output", rundir);
	outfd = open(path, O_RDWR | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0600);
	devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (outfd < 0) {
		snprintf(why, whylen, "cannot create %s: %s", path, ipct_errname(errno));
		supervise_end();
		return -1;
	}
	return 0;
}

int supervise_ready(const char *argv0, char *note, size_t notelen,
		    char *why, size_t whylen)
{
	struct rlimit no_core = { 0, 0 };

	if (ipct_page_create(rundir, note, notelen) != 0) {
		snprintf(why, whylen, "the runner cannot work here: %s", note);
		note[0] = '\0';
		supervise_end();
		return -1;
	}
	ipct_page->run_id = (unsigned)getpid();
	set_self_exe(argv0);
	/* A case that crashes on purpose must not write a core file. */
	setrlimit(RLIMIT_CORE, &no_core);
	return 0;
}

void supervise_adopt(void)
{
#ifdef PR_SET_CHILD_SUBREAPER
	/* Orphans of a case become our children, so none outlives the run. */
	prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#endif
}

const char *supervise_rundir(void)
{
	return rundir;
}

/* The descriptors of the run directory (kept: it is removed by the caller,
 * or is the parent's). */
static void close_run_files(void)
{
	if (casedir_stream)
		closedir(casedir_stream);
	casedir_stream = NULL;
	if (outfd >= 0)
		close(outfd);
	outfd = -1;
}

void supervise_forget(void)
{
	close_run_files();
	if (devnull >= 0)
		close(devnull);
	devnull = -1;
	free(case_env);
	case_env = NULL;
	rundir[0] = casedir[0] = '\0';
	if (ipct_page) /* the lane maps its own */
		munmap(ipct_page, sizeof *ipct_page);
	ipct_page = NULL;
}

int supervise_signal(void)
{
	return got_signal;
}

void supervise_end(void)
{
	close_run_files();
	if (rundir[0])
		ipct_remove_tree(rundir);
	rundir[0] = '\0';
}

/* ------------------------------------------------------------------ */
/* The case process                                                    */

static void run_case_body(const struct ipct_case *c)
{
	struct sigaction dfl;
	sigset_t none;
	int s;

	setpgid(0, 0);
	/* Default dispositions, nothing blocked: the documented defaults
	 * whatever the caller of make left behind. */
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	for (s = 1; s < NSIG; s++)
		if (sigismember(&to_reset, s) == 1)
			sigaction(s, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if (casedir_stream)
		close(dirfd(casedir_stream)); /* the case sees no fd of it */
	lanes_close_fds();
	if (devnull >= 0)
		dup2(devnull, 0);
	dup2(outfd, 1);
	dup2(outfd, 2);
	/* stdout is unbuffered already (main.c), as the case's output must
	 * be: a case that crashes loses nothing it printed. */
	if (chdir(ipct_page->tmpdir) != 0)
		IPCT_BROKEN("chdir(%s): %s", ipct_page->tmpdir, ipct_errname(errno));
	/* Marks the case processes (and their children) for test-only
	 * LD_PRELOAD libraries that act only there (harness/sabotage.c). */
	if (case_env && strlen(c->id) < sizeof case_var - CASE_VAR_LEN) {
		strcpy(case_var + CASE_VAR_LEN, c->id);
		environ = case_env;
	} else
		setenv("IPCCONF_CASE", c->id, 1);
	c->fn();
	ipct_reap_children();
	ipct_page->finished = 1;
	_exit(IPCT_EXIT_PASS);
}

/* The private directory: one per run (<run>/case), emptied after every
 * case.  Reused because creating and removing a directory per case costs
 * more than the rest of a short case on some file systems. */
static int prepare_casedir(void)
{
	struct stat st;

	if (!casedir[0])
		snprintf(casedir, sizeof casedir, "%s/case", rundir);
	if (lstat(casedir, &st) == 0 && S_ISDIR(st.st_mode)) {
		if ((st.st_mode & 07777) != 0700)
			return chmod(casedir, 0700);
		return 0;
	}
	ipct_remove_tree(casedir); /* the case replaced it: start afresh */
	return mkdir(casedir, 0700) == 0 ? chmod(casedir, 0700) : -1;
}

static DIR *casedir_open(void)
{
	struct stat a, b;

	if (casedir_stream && (fstat(dirfd(casedir_stream), &a) != 0 ||
			       lstat(casedir, &b) != 0 || a.st_ino != b.st_ino ||
			       a.st_dev != b.st_dev)) {
		closedir(casedir_stream);
		casedir_stream = NULL;
	}
	if (casedir_stream)
		rewinddir(casedir_stream);
	else
		casedir_stream = opendir(casedir); /* the case closes its fd */
	return casedir_stream;
}

/* Empty the private directory; -1 with errno if something stays. */
static int empty_casedir(char *left, size_t len)
{
	struct dirent *de;
	int bad = 0;
	DIR *d;

	chmod(casedir, 0700); /* a case may have taken our own rights away */
	d = casedir_open();
	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((de = readdir(d)) != NULL) {
		char child[600];

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(child, sizeof child, "%s/%s", casedir, de->d_name);
		if (ipct_remove_tree(child) != 0) {
			snprintf(left, len, "%s", child);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* Remove the case's objects and empty its private directory; leaks
 * counted and described in o. */
static void cleanup_case(struct outcome *o)
{
	char left[600];

	o->leaks = ipct_journal_cleanup(o->leak_text, sizeof o->leak_text);
	if (casedir[0] && empty_casedir(left, sizeof left) != 0) {
		size_t l = strlen(o->leak_text);

		snprintf(o->leak_text + l, sizeof o->leak_text - l,
			 "%sleaked path %s (unlink/rmdir: %s)", l ? ", " : "",
			 left, ipct_errname(errno));
		o->leaks++;
	}
}

static void kill_case(pid_t pid)
{
	/* The leader is gone, or must go: nothing of the case may outlive it. */
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
}

const char *supervise_proc_state(long pid, char *buf, size_t len)
{
	char path[64], *p;
	ssize_t r;
	int fd;

	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	r = read(fd, buf, len - 1);
	close(fd);
	if (r <= 0)
		return NULL;
	buf[r] = '\0';
	p = strrchr(buf, ')'); /* "pid (comm) S ppid ...": comm may hold ')' */
	return p && p[1] == ' ' && p[2] ? p + 2 : NULL;
}

/* The strays of one case: a process killed is counted once, however many
 * rounds it takes to die (an ASan process under load takes milliseconds
 * to exit, and was counted twice: the self-test saw "killed 2"). */
struct strays {
	pid_t pid[64];
	int n;		/* distinct processes killed (counted up to 64) */
};

/* SIGKILL every live child of ours: with the runner a subreaper (Linux),
 * processes of a case that left its process group and lost their parent
 * are reparented to us.  Found through /proc. */
static void kill_adopted(struct strays *s)
{
	char buf[512];
	const char *p;
	struct dirent *de;
	int i;
	DIR *d = opendir("/proc");

	if (!d)
		return;
	while ((de = readdir(d)) != NULL) {
		pid_t pid;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		pid = (pid_t)atol(de->d_name);
		p = supervise_proc_state(pid, buf, sizeof buf);
		/* "S ppid ...": a zombie is not running (waitpid reaps it) */
		if (!p || p[0] == 'Z' || atol(p + 2) != (long)getpid())
			continue;
		kill(pid, SIGKILL);
		for (i = 0; i < s->n && s->pid[i] != pid; i++)
			;
		if (i == s->n && s->n < 64)
			s->pid[s->n++] = pid;
	}
	closedir(d);
}

/* Reap what is left of the case: zombies at once; live strays (outside
 * its process group) killed first.  Bounded: 100 rounds of 1 ms.  Returns
 * how many processes were killed. */
static int reap_strays(void)
{
	struct strays s;
	int rounds;

	s.n = 0;
	for (rounds = 0; rounds < 100; rounds++) {
		pid_t r = waitpid(-1, NULL, WNOHANG);

		if (r > 0)
			continue;
		if (r < 0)
			break; /* ECHILD: nothing left */
		kill_adopted(&s);
		sleep_us(1000);
	}
	return s.n;
}

/* ------------------------------------------------------------------ */
/* Interruption: end the case, clean up within a bound, say so, re-raise. */

static void interrupted_exit(pid_t pid, int sig) __attribute__((noreturn));
static void interrupted_exit(pid_t pid, int sig)
{
	int64_t deadline;
	pid_t cleaner;
	int st;

	if (pid > 0) {
		kill_case(pid);
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		reap_strays();
	}
	fflush(stdout);
	/* The cleanup calls are calls into the platform under test: they run
	 * in a child we can abandon, so the run ends in bounded time. */
	cleaner = fork();
	if (cleaner == 0) {
		static struct outcome o;

		cleanup_case(&o);
		if (o.leaks)
			printf("# %s\n", o.leak_text);
		fflush(stdout);
		_exit(o.leaks ? 1 : 0);
	}
	deadline = ipct_now_ms() + INTERRUPT_CLEANUP_MS;
	st = 0;
	while (cleaner > 0 && waitpid(cleaner, &st, WNOHANG) == 0) {
		if (ipct_now_ms() > deadline) {
			kill(cleaner, SIGKILL);
			waitpid(cleaner, &st, 0);
			printf("# cleanup did not finish within %d ms: the running case's objects may remain\n",
			       INTERRUPT_CLEANUP_MS);
			break;
		}
		sleep_us(2000);
	}
	lanes_stop(sig);
	printf("Bail out! interrupted by %s; the objects of the running case were removed\n",
	       ipct_signame(sig));
	fflush(stdout);
	supervise_end();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

void supervise_interrupted(int sig)
{
	interrupted_exit(0, sig);
}

/* ------------------------------------------------------------------ */
/* One case                                                            */

static off_t output_size(void)
{
	struct stat st;

	return fstat(outfd, &st) == 0 ? st.st_size : 0;
}

static void read_output(struct outcome *o)
{
	off_t size = output_size();
	ssize_t n = size > 0 ? pread(outfd, o->output, OUTPUT_MAX, 0) : 0;

	o->outlen = n > 0 ? (size_t)n : 0;
	o->output[o->outlen] = '\0';
	if (size > (off_t)OUTPUT_MAX)
		o->output_truncated = 1;
}

/* Run one case to its end: fills o (status, timed_out, flooded, output,
 * leaks).  It does not return when the run was interrupted. */
void supervise(const struct ipct_case *c, int timeout_ms, struct outcome *o)
{
	int64_t deadline, start;
	long delay = 0;
	pid_t pid;
	int reaped = 0;

	o->status = 0;
	o->timed_out = o->flooded = o->output_truncated = 0;
	o->outlen = 0;
	o->leaks = 0;
	o->leak_text[0] = '\0';
	o->timeout_ms = timeout_ms;
	if (prepare_casedir() != 0) {
		printf("Bail out! cannot create a private directory %s: %s\n",
		       casedir, ipct_errname(errno));
		supervise_end();
		exit(1);
	}
	ipct_page_reset(casedir);
	if (output_size() > 0 && ftruncate(outfd, 0) != 0) {
		printf("Bail out! cannot truncate the output file in %s: %s\n",
		       rundir, ipct_errname(errno));
		supervise_end();
		exit(1);
	}
	fflush(stdout);
	start = ipct_now_ms();
	pid = fork();
	if (pid < 0) {
		printf("Bail out! fork(): %s\n", ipct_errname(errno));
		supervise_end();
		exit(1);
	}
	if (pid == 0)
		run_case_body(c);
	setpgid(pid, pid);
	deadline = ipct_now_ms() + timeout_ms;

	for (;;) {
		pid_t r = waitpid(pid, &o->status, WNOHANG);

		if (r == pid) {
			reaped = 1;
			break;
		}
		if (got_signal)
			interrupted_exit(pid, got_signal);
		if (ipct_now_ms() >= deadline) {
			o->timed_out = 1;
			break;
		}
		if (delay >= 1000 && output_size() > OUTPUT_FLOOD) {
			o->flooded = 1;
			break;
		}
		delay = next_delay(delay);
		sleep_us(delay);
	}
	kill_case(pid);
	if (!reaped)
		while (waitpid(pid, &o->status, 0) < 0 && errno == EINTR)
			;
	o->ms = ipct_now_ms() - start;
	o->strays = reap_strays();
	read_output(o);
	cleanup_case(o);
}

/* ------------------------------------------------------------------ */
/* The watchdog policy                                                 */

/* A platform where every blocking call hangs must still give a complete
 * report in bounded time.  A case that ends not ok after running for a
 * second or more (a timeout, or a library wait that gave up) is slow
 * failure time.  After the first, every case gets a watchdog of at most
 * AFTER_SLOW_S; once the cases of one source file have spent GIVE_UP_S in
 * slow failures, that file's remaining cases are reported not ok without
 * running.  All scale with IPCCONF_TIMEOUT_MUL.  The account is per file
 * (c->file), not per binary: a family's binary holds all its files, and
 * one file's hanging interface must not cost the other files their runs
 * (the scope is the one of the time when each file was a binary).  The
 * registry keeps a file's cases together, so a new file starts a new
 * account. */
#define SLOW_S 1
#define AFTER_SLOW_S 2
#define GIVE_UP_S 10

static const char *slow_file; /* the file the account below is for */
static int slow_failures;
static int64_t slow_spent_ms;
static char give_up[512];

/* "cases/pipe/read.c" (or "harness/selftest_cases.c": the last two parts)
 * out of whatever path the compiler was given. */
static const char *shown_file(const char *file)
{
	const char *p, *best = NULL;
	int slashes = 0;

	for (p = file; (p = strstr(p, "cases/")) != NULL; p++)
		if (p == file || p[-1] == '/')
			best = p;
	if (best)
		return best;
	for (p = file + strlen(file); p > file; p--)
		if (p[-1] == '/' && ++slashes == 2)
			return p;
	return file;
}

int watchdog_next_ms(const struct ipct_case *c, int override_s)
{
	int s = override_s > 0 ? override_s :
		c->timeout_s > 0 ? c->timeout_s : DEFAULT_TIMEOUT_S;
	int64_t ms;

	if (!slow_file || strcmp(slow_file, c->file) != 0) {
		slow_file = c->file;
		slow_failures = 0;
		slow_spent_ms = 0;
	}
	if (slow_spent_ms >= ipct_scale_ms(GIVE_UP_S * 1000)) {
		snprintf(give_up, sizeof give_up,
			 "not run: %d cases of %s failed slowly or timed out (%lld s); the platform seems to hang, the runner gave up early on this file",
			 slow_failures, shown_file(c->file),
			 (long long)(slow_spent_ms + 500) / 1000);
		return 0;
	}
	if (slow_failures > 0 && s > AFTER_SLOW_S)
		s = AFTER_SLOW_S;
	ms = ipct_scale_ms((int64_t)s * 1000);
	/* 0 would mean "gave up"; --timeout 86400 times 1000 is no int */
	return ms < 1 ? 1 : ms > INT_MAX ? INT_MAX : (int)ms;
}

void watchdog_record(const struct outcome *o, int ok)
{
	if (!ok && o->ms >= ipct_scale_ms(SLOW_S * 1000)) {
		slow_failures++;
		slow_spent_ms += o->ms;
	}
}

const char *watchdog_give_up_reason(void)
{
	return give_up;
}
