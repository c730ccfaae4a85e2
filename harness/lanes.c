/* SPDX-License-Identifier: MIT
 * lanes.c - timed cases, each in a process of its own beside the others.
 *
 * A case registered with .timed = 1 spends its time waiting for a time the
 * standard sets: alarm(1) takes a second, a semaphore's sem_ctime needs the
 * next second, a socket timeout or a notification window tens of ms.  Run
 * in order, those waits held the binary idle, and under make -j one of the
 * machine's slots with it.  So the runner starts each of them at once in a
 * lane: a process of its own that is a whole runner for that one case (its
 * own run directory under ours, results page, watchdog, cleanup), while the
 * runner goes on with the other cases.  The TAP keeps the order of the
 * list: the text of a case waits until every case before it is reported.
 *
 * A lane writes its TAP to a plain file, lane.<n> in our run directory,
 * after a header: its pid (written by the process that forked it) and, at
 * LANE_DONE, a 'D' once all of it is written.  A lane must not be our
 * child: the stray reaping of supervise.c (waitpid(-1), the /proc scan for
 * our children) must see only the running case's processes.  So a
 * short-lived middle process forks it before we become a subreaper, and
 * init adopts it.  We learn that it ended from its file, and, if it ended
 * without its 'D', from kill(pid, 0) and its /proc state.  None of this is
 * outside what the runner trusts (README): fork, plain files, kill,
 * nanosleep.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define LANE_HDR 32     /* header bytes before the lane's TAP */
#define LANE_PID_LEN 20 /* [0, 20): the lane's pid, right-aligned */
#define LANE_DONE 20    /* 'D' when the lane has written everything */
/* A lane's bound beyond its case's watchdog: its own start (a fork, a run
 * directory, the check of its results page) and cleanup; scaled by
 * IPCCONF_TIMEOUT_MUL.  Then SIGTERM, and SIGKILL if that is not enough:
 * an interrupted lane takes up to 1.5 s to clean up (supervise.c), a bound
 * that only grows with the multiplier. */
#define LANE_GRACE_MS 5000
#define LANE_TERM_MS 2500

static int64_t term_ms(void)
{
	int64_t ms = ipct_scale_ms(LANE_TERM_MS);

	return ms > LANE_TERM_MS ? ms : LANE_TERM_MS;
}

struct lane {
	int n;
	const struct ipct_case *c;
	pid_t pid;
	int fd;
	int64_t deadline;
	int running;
	int termed;
};

static struct lane *lanes;
static int nlanes;
static int *owner;   /* [n]: 1 when case n runs in a lane */
static char **held;  /* [n]: TAP text of case n waiting for its turn */
static int nitems, next_emit = 1;
static char printed[1]; /* held[n] for a text printed already, or lost */
static FILE *cur;    /* the held text of the case main.c runs, or NULL */
static char *cur_buf;
static size_t cur_len;

/* ------------------------------------------------------------------ */
/* The lane's own process                                              */

static void lane_main(int fd, int n, const struct ipct_case *c,
		      const char *argv0, const struct options *o, run_fn *run)
		      __attribute__((noreturn));
static void lane_main(int fd, int n, const struct ipct_case *c,
		      const char *argv0, const struct options *o, run_fn *run)
{
	static const char done = 'D';
	char base[256], note[1024], why[1024];

	lanes_close_fds(); /* the other lanes' files: its cases see none */
	nlanes = 0; /* the lanes are the parent's: lanes_stop() leaves them */
	snprintf(base, sizeof base, "%s", supervise_rundir());
	supervise_forget();
	if (dup2(fd, 1) < 0 || lseek(1, LANE_HDR, SEEK_SET) != LANE_HDR)
		_exit(1);
	close(fd);
	tap_out = stdout;
	if (supervise_init(base, why, sizeof why) != 0 ||
	    supervise_ready(argv0, note, sizeof note, why, sizeof why) != 0) {
		printf("Bail out! %s\n", why);
		_exit(1);
	}
	supervise_adopt();
	run(n, c, o);
	report_leftovers();
	supervise_end();
	if (pwrite(1, &done, 1, LANE_DONE) != 1)
		_exit(1);
	_exit(0);
}

void lanes_close_fds(void)
{
	int i;

	for (i = 0; i < nlanes; i++)
		if (lanes[i].running)
			close(lanes[i].fd);
}

/* Start case n in a lane; -1 if it cannot be (main.c then runs it). */
static int lane_fork(struct lane *l, int n, const struct ipct_case *c,
		     const char *argv0, const struct options *o, run_fn *run)
{
	char path[600], hdr[LANE_PID_LEN + 1];
	pid_t mid, pid;
	int st, s;

	snprintf(path, sizeof path, "%s/lane.%d", supervise_rundir(), n);
	l->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (l->fd < 0)
		return -1;
	fflush(stdout);
	mid = fork();
	if (mid == 0) {
		pid = fork();
		if (pid == 0)
			lane_main(l->fd, n, c, argv0, o, run);
		if (pid > 0) {
			snprintf(hdr, sizeof hdr, "%*ld", LANE_PID_LEN, (long)pid);
			if (pwrite(l->fd, hdr, LANE_PID_LEN, 0) == LANE_PID_LEN)
				_exit(0);
			kill(pid, SIGKILL);
		}
		_exit(1);
	}
	if (mid > 0)
		while (waitpid(mid, &st, 0) < 0 && errno == EINTR)
			;
	if (mid < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0 ||
	    pread(l->fd, hdr, LANE_PID_LEN, 0) != LANE_PID_LEN) {
		close(l->fd);
		unlink(path);
		return -1;
	}
	hdr[LANE_PID_LEN] = '\0';
	l->pid = (pid_t)atol(hdr);
	l->n = n;
	l->c = c;
	l->running = 1;
	l->termed = 0;
	s = o->timeout_s > 0 ? o->timeout_s :
	    c->timeout_s > 0 ? c->timeout_s : DEFAULT_TIMEOUT_S;
	l->deadline = ipct_now_ms() +
		      ipct_scale_ms((int64_t)s * 1000 + LANE_GRACE_MS);
	return 0;
}

void lanes_start(const char *argv0, const struct options *o, int total,
		 run_fn *run)
{
	const struct ipct_case *const *cases = harness_cases();
	int i, n, timed = 0;

	nitems = total;
	if (o->serial || total < 2)
		return;
	for (i = 0; cases[i]; i++)
		if (cases[i]->timed && harness_selected(o, cases[i]->id) &&
		    !skip_directive(cases[i]))
			timed++;
	if (timed == 0)
		return;
	lanes = calloc((size_t)timed, sizeof *lanes);
	owner = calloc((size_t)total + 1, sizeof *owner);
	held = calloc((size_t)total + 1, sizeof *held);
	if (!lanes || !owner || !held) {
		free(lanes);
		free(owner);
		free(held);
		lanes = NULL;
		owner = NULL;
		held = NULL;
		return; /* all in order, then */
	}
	for (i = 0, n = 0; cases[i]; i++) {
		if (!harness_selected(o, cases[i]->id))
			continue;
		n++;
		if (cases[i]->timed && !skip_directive(cases[i]) &&
		    lane_fork(&lanes[nlanes], n, cases[i], argv0, o, run) == 0) {
			owner[n] = 1;
			nlanes++;
		}
	}
}

/* ------------------------------------------------------------------ */
/* Collecting the lanes' TAP                                           */

int lanes_owns(int n)
{
	return owner && owner[n];
}

/* The lane's text; when why is set, the lane ended without reporting: the
 * case is not ok, and whatever the lane wrote follows as comments. */
static void lane_collect(struct lane *l, const char *why)
{
	struct stat st;
	size_t len = 0;
	char *text = NULL, *out = NULL, *p;
	FILE *f;

	if (fstat(l->fd, &st) == 0 && st.st_size > LANE_HDR) {
		text = malloc((size_t)(st.st_size - LANE_HDR) + 1);
		if (text) {
			ssize_t r = pread(l->fd, text,
					  (size_t)(st.st_size - LANE_HDR), LANE_HDR);

			text[r > 0 ? r : 0] = '\0';
		}
	}
	close(l->fd);
	l->fd = -1;
	l->running = 0;
	if (!why) {
		held[l->n] = text ? text : printed;
		return;
	}
	f = open_memstream(&out, &len);
	if (!f) {
		free(text);
		held[l->n] = printed;
		return;
	}
	fprintf(f, "not ok %d - %s: %s # %s\n", l->n, l->c->id, l->c->asserts, why);
	for (p = text; p && *p;) {
		size_t k = strcspn(p, "\n");

		fprintf(f, "# lane: %.*s\n", (int)k, p);
		p += k + (p[k] == '\n');
	}
	fclose(f);
	free(text);
	held[l->n] = out ? out : printed;
}

static void poll_lanes(void)
{
	char d;
	int i;

	for (i = 0; i < nlanes; i++)
		if (lanes[i].running &&
		    pread(lanes[i].fd, &d, 1, LANE_DONE) == 1 && d == 'D')
			lane_collect(&lanes[i], NULL);
}

/* Print, in the order of the list, every text whose turn has come. */
static void emit(void)
{
	while (next_emit <= nitems && held[next_emit]) {
		if (held[next_emit] != printed) {
			fputs(held[next_emit], stdout);
			free(held[next_emit]);
		}
		held[next_emit] = NULL;
		next_emit++;
	}
	fflush(stdout);
}

void lanes_item_begin(int n)
{
	tap_out = stdout;
	cur = NULL;
	if (!nlanes || n == next_emit)
		return;
	cur = open_memstream(&cur_buf, &cur_len);
	if (cur)
		tap_out = cur;
}

void lanes_item_end(int n)
{
	if (!nlanes)
		return;
	if (cur) {
		fclose(cur);
		held[n] = cur_buf ? cur_buf : printed;
		cur = NULL;
	} else if (n == next_emit) {
		next_emit++;
	} else {
		held[n] = printed; /* no memory to hold it: printed out of order */
	}
	tap_out = stdout;
	poll_lanes();
	emit();
}

/* 0 once the lane's process is gone (or a zombie nobody reaps yet). */
static int alive(pid_t pid)
{
	char buf[512];
	const char *st;

	if (kill(pid, 0) != 0 && errno == ESRCH)
		return 0;
	st = supervise_proc_state(pid, buf, sizeof buf);
	return !(st && (*st == 'Z' || *st == 'X'));
}

void lanes_finish(void)
{
	char why[256];
	int delay = 0, i, sig;

	if (!nlanes)
		return;
	for (;;) {
		int64_t now;
		int running = 0;

		poll_lanes();
		emit();
		for (i = 0; i < nlanes; i++)
			running += lanes[i].running;
		if (next_emit > nitems || !running)
			return; /* !running: nothing more can come */
		sig = supervise_signal();
		if (sig)
			supervise_interrupted(sig);
		now = ipct_now_ms();
		for (i = 0; i < nlanes; i++) {
			struct lane *l = &lanes[i];

			if (!l->running)
				continue;
			if (!alive(l->pid)) {
				poll_lanes(); /* its 'D' may have come last */
				if (l->running)
					lane_collect(l, "the lane that ran this timed case ended without reporting it");
			} else if (now >= l->deadline && !l->termed) {
				kill(l->pid, SIGTERM);
				l->termed = 1;
				l->deadline = now + term_ms();
			} else if (now >= l->deadline) {
				kill(l->pid, SIGKILL);
				snprintf(why, sizeof why,
					 "timeout: the lane that ran this timed case did not end within %g s of its watchdog, nor after SIGTERM; killed",
					 ipct_scale_ms(LANE_GRACE_MS) / 1000.0);
				lane_collect(l, why);
			}
		}
		ipct_backoff(&delay);
	}
}

void lanes_stop(int sig)
{
	int64_t deadline = ipct_now_ms() + (int64_t)term_ms();
	int i, left, delay = 0;

	if (!nlanes)
		return;
	for (i = 0; i < nlanes; i++)
		if (lanes[i].running)
			kill(lanes[i].pid, sig);
	do {
		poll_lanes();
		for (i = 0, left = 0; i < nlanes; i++)
			if (lanes[i].running && alive(lanes[i].pid))
				left++;
		if (left && ipct_now_ms() > deadline) {
			for (i = 0; i < nlanes; i++)
				if (lanes[i].running && alive(lanes[i].pid))
					kill(lanes[i].pid, SIGKILL);
			break;
		}
		if (left)
			ipct_backoff(&delay);
	} while (left);
	emit();
}
