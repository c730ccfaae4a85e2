/* SPDX-License-Identifier: MIT
 * block.c - proving that a call blocks.
 *
 * The blocker child posts "before" and then makes the call; a pipe write
 * does not sleep, so a sleep seen afterwards is in the call.  The parent
 * waits for "before", then for the kernel to report the child asleep in a
 * system call, then checks that no result has arrived.  Asleep means state
 * S in /proc/<pid>/stat (parsed after the last ')'): every call this suite
 * waits on sleeps interruptibly, while D is also a page fault on the way to
 * the call.  Where /proc/<pid>/syscall exists it must name a system call (a
 * sleep outside one, "-1 ...", is not the call either) and, where
 * /proc/<pid>/task/<tid>/schedstat exist, the same call must be seen again
 * at the next look with every thread of the process asleep and no CPU time
 * used by any in between: under qemu-user the guest's thread also waits in
 * futex calls for locks held by the emulator's own threads, and the gate
 * saw such children taken for blocked before their call.  Where /proc is
 * missing (or the fallback is forced) it waits a timed window instead and
 * says so in the case output: that proof can pass a broken implementation
 * under load, never fail a correct one.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int ipct_force_window_proof;

#define WINDOW_MS 200

/* Read a small /proc file into out ("" when it cannot be read). */
static void read_small(const char *path, char *out, size_t len)
{
	ssize_t n;
	int fd;

	out[0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, out, len - 1);
	close(fd);
	out[n > 0 ? n : 0] = '\0';
}

/* The state letter in the text of a /proc stat file ("pid (comm) S ..."),
 * read after the last ')' since comm may hold anything; '?' if none. */
static char stat_letter(const char *text)
{
	const char *p = strrchr(text, ')');

	return p && p[1] == ' ' && p[2] ? p[2] : '?';
}

/* State letter of pid from /proc, '?' if there is no /proc, 0 if gone. */
static char proc_state(pid_t pid)
{
	char path[64], buf[1024];

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	read_small(path, buf, sizeof buf);
	if (!buf[0])
		return access("/proc/self/stat", R_OK) == 0 ? 0 : '?';
	return stat_letter(buf);
}

/* Is pid in a system call?  The number from /proc/<pid>/syscall, -1 when
 * it is not in one (running, or asleep in a page fault), -2 when the file
 * cannot be read (no such file on this kernel or platform, or no access):
 * then the state letter alone is the proof. */
static long proc_syscall(pid_t pid)
{
	char path[64], buf[128];

	snprintf(path, sizeof path, "/proc/%ld/syscall", (long)pid);
	read_small(path, buf, sizeof buf);
	if (!buf[0])
		return -2;
	if (buf[0] < '0' || buf[0] > '9')
		return -1; /* "running", or "-1 sp pc" */
	return strtol(buf, NULL, 10);
}

/* What every thread of pid is doing: for each, its id, state letter and
 * /proc schedstat line (CPU time used, times run), in out.  Returns 1 when
 * all of them are asleep (S), 0 when one is not, -1 when there is no
 * schedstat (the look cannot be compared).  One thread in a plain program;
 * under qemu-user the emulator's own threads too. */
static int proc_threads(pid_t pid, char *out, size_t len)
{
	char path[96], buf[1024], st;
	struct dirent *de;
	size_t used = 0;
	int all = 1;
	DIR *d;

	out[0] = '\0';
	snprintf(path, sizeof path, "/proc/%ld/task", (long)pid);
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char sched[128];

		if (de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%ld/task/%.20s/schedstat",
			 (long)pid, de->d_name);
		read_small(path, sched, sizeof sched);
		if (!sched[0]) {
			all = -1;
			break;
		}
		snprintf(path, sizeof path, "/proc/%ld/task/%.20s/stat",
			 (long)pid, de->d_name);
		read_small(path, buf, sizeof buf);
		st = stat_letter(buf);
		if (st != 'S')
			all = 0;
		if (used < len)
			used += (size_t)snprintf(out + used, len - used, "%s %c %s;",
						 de->d_name, st, sched);
	}
	closedir(d);
	return all;
}

static int kernel_probe_available(void)
{
	return !ipct_force_window_proof && access("/proc/self/stat", R_OK) == 0;
}

/* Has the child written its result?  Fills r if so. */
static int result_ready(int fd, struct ipct_result *r)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (poll(&p, 1, 0) <= 0)
		return 0;
	return read(fd, r, sizeof *r) == (ssize_t)sizeof *r;
}

/* 1: asleep (proved from kernel state); 0: window passed; -1: gone.  How
 * it was proved goes to proof, for a failure message that says what the
 * suite saw ("state S in system call 202"). */
static int wait_asleep(pid_t pid, int result_fd, int stopped, const char *what,
		       const char *file, int line, char *proof, size_t prooflen)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	char seen_look[1100] = "", look[1100];
	int delay = 0;

	proof[0] = '\0';
	ipct_progress(file, line, "waiting for %s (pid %ld) to %s", what,
		      (long)pid, stopped ? "stop" : "block");
	if (!kernel_probe_available()) {
		struct pollfd p = { .fd = result_fd, .events = POLLIN };
		int w = (int)ipct_scale_ms(WINDOW_MS);

		if (stopped)
			ipct_skip("needs /proc to see that a process stopped");
		snprintf(proof, prooflen, "a timed window of %d ms", w);
		ipct_note("blocking proof: timed window %d ms (no kernel state probe%s)",
			  w, ipct_force_window_proof ? ": fallback forced" :
			  " on this platform");
		if (result_fd >= 0 && poll(&p, 1, w) > 0)
			return -1;
		return 0;
	}
	for (;;) {
		char st = proc_state(pid);

		if (stopped && (st == 'T' || st == 't'))
			return 1;
		if (!stopped && st == 'S') {
			long nr = proc_syscall(pid);
			int threads, n;

			if (nr == -2) {
				snprintf(proof, prooflen,
					 "state S; no /proc/%ld/syscall", (long)pid);
				return 1;
			}
			/* Asleep in a call, and at the next look still the same
			 * sleep: the same call, every thread of the process
			 * asleep and none has used CPU time in between.  Under
			 * qemu-user the guest's thread also waits in futex
			 * calls for locks the emulator's other threads hold
			 * (seen just before semtimedop and msgrcv); such a
			 * wait ends only when that thread runs. */
			n = snprintf(look, sizeof look, "call %ld: ", nr);
			threads = proc_threads(pid, look + n, sizeof look - (size_t)n);
			if (nr >= 0 && threads < 0) {
				snprintf(proof, prooflen, "state S in system call %ld", nr);
				return 1;
			}
			if (nr >= 0 && threads == 1 && strcmp(look, seen_look) == 0) {
				snprintf(proof, prooflen,
					 "state S in system call %ld, twice with no CPU time used between", nr);
				return 1;
			}
			/* Only a look with every thread asleep in a call is
			 * one to compare the next with. */
			snprintf(seen_look, sizeof seen_look, "%s",
				 nr >= 0 && threads == 1 ? look : "");
		} else {
			seen_look[0] = '\0';
		}
		if (st == 0 || st == 'Z' || st == 'X')
			return -1;
		if (ipct_now_ms() > deadline)
			ipct_broken(file, line,
				    "%s (pid %ld) did not %s within %d ms (state %c)",
				    what, (long)pid, stopped ? "stop" : "block",
				    ipct_wait_limit_ms(), st);
		ipct_backoff(&delay);
	}
}

int ipct_wait_asleep_at(pid_t pid, const char *what, const char *file, int line)
{
	char proof[96];
	int r = wait_asleep(pid, -1, 0, what, file, line, proof, sizeof proof);

	if (r < 0) {
		char text[512];

		snprintf(text, sizeof text,
			 "%s:%d: %s (pid %ld)\n  expected: it blocks\n  actual:   it ended before blocking\n",
			 ipct_short_path(file), line, what, (long)pid);
		ipct_fail_text(0, text);
		_exit(IPCT_EXIT_FAIL);
	}
	return r;
}

void ipct_wait_stopped_at(pid_t pid, const char *file, int line)
{
	char proof[96];

	if (wait_asleep(pid, -1, 1, "process", file, line, proof, sizeof proof) < 0)
		ipct_broken(file, line, "process %ld exited before it stopped",
			    (long)pid);
}

static void pipe_cloexec(int fd[2], const char *file, int line)
{
	if (pipe(fd) != 0)
		ipct_broken(file, line, "pipe(): %s", ipct_errname(errno));
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
}

void ipct_block_start_at(struct ipct_blocker *b, void (*prep)(void *),
			 long (*call)(void *), void *arg, const char *what,
			 const char *file, int line)
{
	pipe_cloexec(b->before, file, line);
	pipe_cloexec(b->result, file, line);
	b->what = what;
	b->started = 0;
	b->proof[0] = '\0';
	b->have_result = 0;
	b->pid = ipct_fork();
	if (b->pid == 0) {
		struct ipct_result r;
		char c = 'b';

		memset(&r, 0, sizeof r); /* padding goes down the pipe too */
		close(b->before[0]);
		close(b->result[0]);
		if (prep)
			prep(arg);
		if (write(b->before[1], &c, 1) != 1)
			_exit(IPCT_EXIT_FAIL);
		errno = 0;
		r.ret = call(arg);
		r.err = errno;
		if (write(b->result[1], &r, sizeof r) != (ssize_t)sizeof r)
			_exit(IPCT_EXIT_FAIL);
		ipct_child_exit();
	}
	close(b->before[1]);
	close(b->result[1]);
}

/* Read one record from fd within the wait limit; 0 on EOF, -1 when the
 * limit passed (only if timeout_ok; otherwise that is a broken setup). */
static int read_within(int fd, void *buf, size_t len, const char *what,
		       const char *file, int line, int timeout_ok)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();

	ipct_progress(file, line, "waiting for %s", what);
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int64_t left = deadline - ipct_now_ms();
		int r;

		if (left <= 0) {
			if (timeout_ok)
				return -1;
			ipct_broken(file, line, "%s did not come within %d ms",
				    what, ipct_wait_limit_ms());
		}
		if (ipct_page && ipct_page->failed)
			_exit(IPCT_EXIT_FAIL);
		r = poll(&p, 1, left > 50 ? 50 : (int)left);
		if (r > 0) {
			ssize_t n = read(fd, buf, len);

			if (n == (ssize_t)len)
				return 1;
			if (n == 0)
				return 0;
			if (n < 0 && errno != EINTR)
				ipct_broken(file, line, "read() for %s: %s",
					    what, ipct_errname(errno));
		}
	}
}

static void report_early(struct ipct_blocker *b, const char *file, int line)
{
	struct ipct_result r;
	char text[512], st[96];
	int status;

	if (result_ready(b->result[0], &r)) {
		snprintf(text, sizeof text,
			 "%s:%d: %s\n  expected: the call blocks until released\n"
			 "  actual:   it returned before release: %ld%s%s\n",
			 ipct_short_path(file), line, b->what, r.ret, r.ret == -1 ? ", errno " : "",
			 r.ret == -1 ? ipct_errname(r.err) : "");
		ipct_fail_text(0, text);
		_exit(IPCT_EXIT_FAIL);
	}
	status = ipct_wait(b->pid);
	ipct_broken(file, line, "%s: the blocker child %s before blocking",
		    b->what, ipct_status_str(status, st, sizeof st));
}

void ipct_block_prove_at(struct ipct_blocker *b, const char *file, int line)
{
	char c;

	if (!b->started &&
	    !read_within(b->before[0], &c, 1, "the blocker to start", file, line, 0))
		report_early(b, file, line);
	b->started = 1;
	if (ipct_page)
		__atomic_fetch_add(&ipct_page->checks, 1, __ATOMIC_RELAXED);
	if (wait_asleep(b->pid, b->result[0], 0, b->what, file, line,
			b->proof, sizeof b->proof) < 0)
		report_early(b, file, line);
	/* Asleep, but make sure it is not asleep after returning. */
	{
		struct ipct_result r;

		if (result_ready(b->result[0], &r))
			report_early(b, file, line);
	}
	ipct_progress(file, line, "%s proved blocked", b->what);
}

int ipct_block_returned(struct ipct_blocker *b)
{
	if (!b->have_result && result_ready(b->result[0], &b->early))
		b->have_result = 1;
	return b->have_result;
}

int ipct_block_first_at(struct ipct_blocker *b, int n, const char *file,
			int line)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	struct pollfd p[16];
	char text[256];
	int i;

	if (n < 1 || n > 16)
		ipct_broken(file, line, "ipct_block_first: %d blockers (1-16)", n);
	for (i = 0; i < n; i++)
		if (ipct_block_returned(&b[i]))
			return i;
	ipct_progress(file, line, "waiting for one of %d blocked calls to return", n);
	for (;;) {
		int64_t left = deadline - ipct_now_ms();

		if (left <= 0)
			break;
		for (i = 0; i < n; i++)
			p[i] = (struct pollfd){ .fd = b[i].result[0], .events = POLLIN };
		if (poll(p, (nfds_t)n, left > 50 ? 50 : (int)left) > 0)
			for (i = 0; i < n; i++)
				if (ipct_block_returned(&b[i]))
					return i;
		if (ipct_page && ipct_page->failed)
			_exit(IPCT_EXIT_FAIL);
	}
	snprintf(text, sizeof text,
		 "%s:%d: %s\n  expected: one of %d blocked calls returns once released\n"
		 "  actual:   all still blocked %d ms after the release\n",
		 ipct_short_path(file), line, b[0].what, n, ipct_wait_limit_ms());
	ipct_fail_text(0, text);
	_exit(IPCT_EXIT_FAIL);
}

struct ipct_result ipct_block_finish_at(struct ipct_blocker *b,
					const char *file, int line)
{
	struct ipct_result r;
	char what[160], st[96];
	int status;

	if (b->have_result) {
		close(b->before[0]);
		close(b->result[0]);
		ipct_wait_ok_at(b->pid, file, line);
		return b->early;
	}
	snprintf(what, sizeof what, "the result of %s after release", b->what);
	switch (read_within(b->result[0], &r, sizeof r, what, file, line, 1)) {
	case 0:
		status = ipct_wait(b->pid);
		ipct_broken(file, line, "%s: the blocker child %s before reporting",
			    b->what, ipct_status_str(status, st, sizeof st));
	case -1: {
		/* The release did not release it: the behaviour is wrong. */
		char text[512];

		kill(b->pid, SIGKILL);
		snprintf(text, sizeof text,
			 "%s:%d: %s\n  expected: the call returns once released\n"
			 "  actual:   still blocked %d ms after the release\n"
			 "  (proved blocked before the release by %s)\n",
			 ipct_short_path(file), line, b->what, ipct_wait_limit_ms(),
			 b->proof[0] ? b->proof : "nothing: never proved");
		ipct_fail_text(0, text);
		_exit(IPCT_EXIT_FAIL);
	}
	}
	close(b->before[0]);
	close(b->result[0]);
	ipct_wait_ok_at(b->pid, file, line);
	return r;
}
