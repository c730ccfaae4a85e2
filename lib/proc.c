/* SPDX-License-Identifier: MIT
 * proc.c - processes inside a case: fork, bounded waits, privileges, time.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <grp.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#ifdef HAVE_VALGRIND_VALGRIND_H
#include <valgrind/valgrind.h>
#endif

#define MAX_CHILDREN 512

static int in_child;
static int nchildren;
static struct {
	pid_t pid;
	int reaped;
} children[MAX_CHILDREN];

int ipct_in_child(void)
{
	return in_child;
}

time_t ipct_time_floor(void)
{
	struct timespec ts;

#ifdef CLOCK_REALTIME_COARSE
	if (clock_gettime(CLOCK_REALTIME_COARSE, &ts) == 0)
		return ts.tv_sec;
#endif
	/* No coarse clock to ask: allow one second for one. */
	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec - 1;
}

time_t ipct_time_ceil(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec;
}

int64_t ipct_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ipct_expect_fault(void)
{
#if defined(HAVE_VALGRIND_VALGRIND_H) && defined(VALGRIND_DISABLE_ERROR_REPORTING)
	VALGRIND_DISABLE_ERROR_REPORTING;
#endif
}

int ipct_under_valgrind(void)
{
	const char *e = getenv("IPCCONF_UNDER_VALGRIND");

#if defined(HAVE_VALGRIND_VALGRIND_H) && defined(RUNNING_ON_VALGRIND)
	if (RUNNING_ON_VALGRIND)
		return 1;
#endif
	return e && *e && strcmp(e, "0") != 0;
}

/* IPCCONF_TIMEOUT_MUL in millionths, read once.  It is parsed and applied
 * with integers only: a watchdog must not depend on the floating point of
 * the platform under test (an emulator's x87 among them), and a value that
 * is not a plain positive decimal is refused by name rather than taken as
 * 1 in silence (ipct_timeout_mul_problem()). */
#define MUL_ONE 1000000
/* At most 1000: the library's own bounds (a minute at most) then stay an
 * int of milliseconds scaled; only the runner's watchdog, which --timeout
 * sets up to a day, needs a clamp (supervise.c). */
#define MUL_MAX ((int64_t)1000 * MUL_ONE)
static int64_t mul_ppm;
static char mul_problem[160];

static int64_t parse_mul(const char *s)
{
	int64_t v = 0, unit = MUL_ONE;
	int digits = 0;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		v = v * 10 + (*p - '0') * MUL_ONE;
		if (v > MUL_MAX)
			return -1;
	}
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits++)
			if (unit /= 10)
				v += (*p - '0') * unit;
	return digits && *p == '\0' && v > 0 && v <= MUL_MAX ? v : -1;
}

static int64_t timeout_mul_ppm(void)
{
	const char *s;

	if (mul_ppm > 0)
		return mul_ppm;
	mul_ppm = MUL_ONE;
	s = getenv("IPCCONF_TIMEOUT_MUL");
	if (s && *s) {
		int64_t v = parse_mul(s);

		if (v > 0)
			mul_ppm = v;
		else
			snprintf(mul_problem, sizeof mul_problem,
				 "IPCCONF_TIMEOUT_MUL='%.64s' is not a positive decimal number (such as 3 or 0.5) of at most 1000",
				 s);
	}
	return mul_ppm;
}

const char *ipct_timeout_mul_problem(void)
{
	timeout_mul_ppm();
	return mul_problem[0] ? mul_problem : NULL;
}

int64_t ipct_scale_ms(int64_t ms)
{
	int64_t m = timeout_mul_ppm();

	/* ms * m / MUL_ONE without overflow for any bound this suite uses */
	return ms / 1000 * m / 1000 + ms % 1000 * m / MUL_ONE;
}

double ipct_timeout_mul(void)
{
	return (double)timeout_mul_ppm() / MUL_ONE;
}

int ipct_wait_limit_ms(void)
{
	return (int)ipct_scale_ms(5000);
}

/* Sleep a little between polls for an event that has no descriptor. */
void ipct_backoff(int *delay_us)
{
	struct timespec ts;

	if (*delay_us < 100)
		*delay_us = 100;
	ts.tv_sec = 0;
	ts.tv_nsec = (long)*delay_us * 1000;
	nanosleep(&ts, NULL);
	/* Capped at 1 ms: what is polled for (a process asleep, a thread
	 * gone) usually comes within a few ms, and every ms slept past it
	 * is the case's wall time; a poll costs a few us. */
	*delay_us = *delay_us >= 500 ? 1000 : *delay_us * 2;
}

pid_t ipct_fork(void)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		IPCT_BROKEN("fork(): %s", ipct_errname(errno));
	if (pid == 0) {
		in_child = 1;
		nchildren = 0;
		return 0;
	}
	if (nchildren < MAX_CHILDREN) {
		children[nchildren].pid = pid;
		children[nchildren].reaped = 0;
		nchildren++;
	}
	return pid;
}

pid_t ipct_spawn(void (*fn)(void *), void *arg)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		fn(arg);
		ipct_child_exit();
	}
	return pid;
}

void ipct_child_exit(void)
{
	fflush(NULL);
	_exit(IPCT_EXIT_PASS);
}

static void mark_reaped(pid_t pid)
{
	int i;

	for (i = 0; i < nchildren; i++)
		if (children[i].pid == pid)
			children[i].reaped = 1;
}

int ipct_wait(pid_t pid)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	int delay = 0, status;

	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid)
			break;
		if (r < 0 && errno != EINTR)
			IPCT_BROKEN("waitpid(%ld): %s", (long)pid,
				    ipct_errname(errno));
		if (ipct_now_ms() > deadline) {
			kill(pid, SIGKILL);
			IPCT_BROKEN("child %ld did not exit within %d ms",
				    (long)pid, ipct_wait_limit_ms());
		}
		ipct_backoff(&delay);
	}
	mark_reaped(pid);
	return status;
}

void ipct_wait_ok_at(pid_t pid, const char *file, int line)
{
	int status = ipct_wait(pid);

	/* A child that failed a check has reported it already. */
	if (WIFEXITED(status) && WEXITSTATUS(status) == IPCT_EXIT_FAIL &&
	    ipct_page && ipct_page->failed)
		_exit(IPCT_EXIT_FAIL);
	ipct_check_exited((struct ipct_loc){ file, line, "child's wait status" },
			  status, 0);
}

/* Wait up to ms for pid to end; 1 if reaped (status filled). */
static int reap_within(pid_t pid, int *status, int ms)
{
	int64_t deadline = ipct_now_ms() + ms;
	int delay = 0;

	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return 1;
		if (ipct_now_ms() > deadline)
			return 0;
		ipct_backoff(&delay);
	}
}

/* Leader, end of case: every tracked child must be gone and have exited 0.
 * A child gets a grace of 1 s (x multiplier) to finish exiting. */
void ipct_reap_children(void)
{
	char text[512], st[96];
	int i, status;

	for (i = 0; i < nchildren; i++) {
		pid_t pid = children[i].pid;

		if (children[i].reaped)
			continue;
		children[i].reaped = 1;
		status = 0;
		if (!reap_within(pid, &status, (int)ipct_scale_ms(1000))) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			snprintf(text, sizeof text,
				 "child %ld was still running when the case ended (killed)\n",
				 (long)pid);
			ipct_fail_text(0, text);
			continue;
		}
		if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
			continue;
		if (WIFEXITED(status) && WEXITSTATUS(status) == IPCT_EXIT_FAIL &&
		    ipct_page && ipct_page->failed)
			continue; /* its failure is already reported */
		snprintf(text, sizeof text, "child %ld %s%s\n", (long)pid,
			 ipct_status_str(status, st, sizeof st),
			 WIFEXITED(status) && WEXITSTATUS(status) == 99 ?
			 " (valgrind --error-exitcode? see its log)" : "");
		ipct_fail_text(0, text);
	}
	nchildren = 0;
}

/* The ids of "nobody", from /etc/passwd (65534 when it has none): read
 * here rather than through getpwnam(), which a statically linked glibc
 * program can only do by loading the shared NSS modules at run time (the
 * linker warns; under an emulator they may not be there). */
static void lookup_unpriv(uid_t *uid, gid_t *gid)
{
	char line[512];
	FILE *f = fopen("/etc/passwd", "r");

	*uid = 65534;
	*gid = 65534;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		char *p = strchr(line, ':'), *end;
		unsigned long u, g;

		/* nobody:PASSWORD:UID:GID:... */
		if (!p || strncmp(line, "nobody:", 7) != 0 ||
		    !(p = strchr(p + 1, ':')))
			continue;
		u = strtoul(p + 1, &end, 10);
		if (end == p + 1 || *end != ':')
			continue;
		g = strtoul(end + 1, &p, 10);
		if (p == end + 1 || *p != ':')
			continue;
		*uid = (uid_t)u;
		*gid = (gid_t)g;
		break;
	}
	fclose(f);
}

uid_t ipct_unpriv_uid(void)
{
	uid_t u;
	gid_t g;

	if (geteuid() != 0)
		return geteuid();
	lookup_unpriv(&u, &g);
	return u;
}

gid_t ipct_unpriv_gid(void)
{
	uid_t u;
	gid_t g;

	if (geteuid() != 0)
		return getegid();
	lookup_unpriv(&u, &g);
	return g;
}

uid_t ipct_drop_privileges(void)
{
	uid_t uid;
	gid_t gid;

	if (geteuid() != 0)
		return geteuid();
	lookup_unpriv(&uid, &gid);
#ifdef HAVE_SETGROUPS
	if (setgroups(0, NULL) != 0)
		IPCT_BROKEN("setgroups(0): %s", ipct_errname(errno));
#endif
	if (setgid(gid) != 0)
		IPCT_BROKEN("setgid(%ld): %s", (long)gid, ipct_errname(errno));
	if (setuid(uid) != 0)
		IPCT_BROKEN("setuid(%ld): %s", (long)uid, ipct_errname(errno));
	if (geteuid() == 0)
		IPCT_BROKEN("still euid 0 after setuid(%ld)", (long)uid);
	return uid;
}

void *ipct_shared_alloc(size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(%zu, MAP_SHARED|MAP_ANONYMOUS): %s", size,
			    ipct_errname(errno));
	return p;
}

/* argv for "<wrapper...> <self> --helper name args...": IPCCONF_EXEC_WRAPPER
 * (e.g. "qemu-aarch64" for a cross build run under qemu-user without
 * binfmt_misc) goes first, split at spaces; execvp() finds a wrapper named
 * without a path in PATH. */
static char **helper_argv(char **argv, int max, const char *name, va_list ap)
{
	static char wrap[256];
	const char *w = getenv("IPCCONF_EXEC_WRAPPER");
	char *save = NULL, *tok;
	int argc = 0;

	if (w && *w) {
		snprintf(wrap, sizeof wrap, "%s", w);
		for (tok = strtok_r(wrap, " ", &save); tok && argc < 8;
		     tok = strtok_r(NULL, " ", &save))
			argv[argc++] = tok;
	}
	argv[argc++] = (char *)ipct_self_exe();
	argv[argc++] = (char *)"--helper";
	argv[argc++] = (char *)name;
	while (argc < max - 1 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	argv[argc] = NULL;
	return argv;
}

pid_t ipct_exec_helper(const char *name, ...)
{
	char *argv[48];
	va_list ap;
	pid_t pid;

	va_start(ap, name);
	helper_argv(argv, 48, name, ap);
	va_end(ap);
	pid = ipct_fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	return pid;
}

void ipct_exec_as_helper(const char *name, ...)
{
	char *argv[48];
	va_list ap;

	va_start(ap, name);
	helper_argv(argv, 48, name, ap);
	va_end(ap);
	fflush(NULL);
	execvp(argv[0], argv);
	IPCT_BROKEN("execvp(%s): %s", argv[0], ipct_errname(errno));
}

static int is_program(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

int ipct_exec_wrapper_check(char *why, size_t len)
{
	const char *w = getenv("IPCCONF_EXEC_WRAPPER"), *path, *end;
	char word[256], cand[1024];
	size_t k;

	if (!w)
		return 0;
	w += strspn(w, " ");
	if (!*w)
		return 0;
	k = strcspn(w, " ");
	snprintf(word, sizeof word, "%.*s", (int)k, w);
	if (strchr(word, '/')) {
		if (is_program(word))
			return 0;
	} else {
		path = getenv("PATH");
		for (path = path && *path ? path : "/usr/bin:/bin"; ; path = end + 1) {
			end = strchr(path, ':');
			k = end ? (size_t)(end - path) : strlen(path);
			snprintf(cand, sizeof cand, "%.*s/%s", (int)k,
				 k ? path : ".", word);
			if (is_program(cand))
				return 0;
			if (!end)
				break;
		}
	}
	snprintf(why, len, "IPCCONF_EXEC_WRAPPER='%s': %s is not a program%s (the emulator put before this binary when a case execs itself)",
		 w, word, strchr(word, '/') ? "" : " found in PATH");
	return -1;
}

const char *ipct_self_exe(void)
{
	return ipct_page ? ipct_page->self_exe : "";
}
