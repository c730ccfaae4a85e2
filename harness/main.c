/* SPDX-License-Identifier: MIT
 * main.c - the main() every case binary links: selection, the per-case
 * fork and watchdog, cleanup from the journal, and TAP on stdout.
 *
 * The supervisor (this process) forks each case into its own process group
 * with its stdout and stderr on a pipe.  It waits on a self-pipe fed by its
 * SIGCHLD, SIGINT, SIGTERM and SIGHUP handlers, with the case's deadline as
 * the poll timeout.  Whatever the case did, it then kills the group, removes
 * every journaled object and the private directory, and prints one TAP line
 * with the case's diagnostics under it as '#' lines.
 */
#define _GNU_SOURCE
#include "harness.h"

#include <fcntl.h>
#include <fnmatch.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT_S 10
#define OUTPUT_MAX (64 * 1024)

static const char *progname = "ipcconf";
static int selfpipe[2] = { -1, -1 };
static volatile sig_atomic_t got_signal;
static pid_t running_pgid;
static char tmpdir_current[256];

static void usage(FILE *f)
{
	fprintf(f,
"usage: %s [options] [CASE-GLOB...]\n"
"Runs this binary's ipcconf cases, each in a forked process under a\n"
"watchdog, and prints TAP on stdout.\n"
"\n"
"  -l, --list             print id, mechanism, needs, statement and source\n"
"                         of each case (tab-separated) and exit\n"
"  -c, --case GLOB        run only cases whose id matches GLOB (repeatable;\n"
"                         positional arguments do the same)\n"
"  -t, --timeout SECONDS  watchdog bound for every case (default: each\n"
"                         case's own, else %d s), times IPCCONF_TIMEOUT_MUL\n"
"      --block-proof=MODE proc (default where /proc exists) or window\n"
"                         (force the timed-window fallback)\n"
"      --baseline FILE    platform expectations file (default: the one\n"
"                         configure chose, if it exists)\n"
"      --no-baseline      ignore platform expectations\n"
"  -h, --help             show this help\n"
"\n"
"Environment: IPCCONF_CASES (space-separated globs; a binary with no match\n"
"is skipped as a whole), IPCCONF_TIMEOUT_MUL, IPCCONF_BASELINE,\n"
"IPCCONF_EXPECTED_DIR, IPCCONF_BLOCK_PROOF, TMPDIR.\n"
"Exit status: 0 when the run completed (results are in the TAP stream),\n"
"2 for a usage error.\n",
		progname, DEFAULT_TIMEOUT_S);
}

static void die_usage(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void die_usage(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

static void on_signal(int sig)
{
	int saved = errno;
	char c = 's';

	if (sig == SIGCHLD)
		c = 'c';
	else
		got_signal = sig;
	if (write(selfpipe[1], &c, 1) < 0) {
		/* the pipe is full: a wakeup is pending anyway */
	}
	errno = saved;
}

static void install_handlers(void)
{
	static const int sigs[] = { SIGCHLD, SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	if (pipe(selfpipe) != 0)
		die_usage("pipe(): %s", strerror(errno));
	for (i = 0; i < 2; i++) {
		fcntl(selfpipe[i], F_SETFL, O_NONBLOCK);
		fcntl(selfpipe[i], F_SETFD, FD_CLOEXEC);
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		sigaction(sigs[i], &sa, NULL);
}

/* In the case leader: default dispositions, nothing blocked, so a case
 * sees the documented defaults whatever the caller of make left behind. */
static void reset_signals(void)
{
	sigset_t none;
	int s;

	for (s = 1; s < NSIG; s++)
		if (s != SIGKILL && s != SIGSTOP)
			signal(s, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

/* The mechanism of a case file: "cases/<mech>/x.c" -> "<mech>". */
static int file_mechanism(const char *file, char *buf, size_t len)
{
	const char *p = strstr(file, "cases/"), *q;

	while (p && p != file && p[-1] != '/') 
		p = strstr(p + 1, "cases/");
	if (!p)
		return -1;
	p += 6;
	q = strchr(p, '/');
	if (!q || (size_t)(q - p) >= len)
		return -1;
	memcpy(buf, p, (size_t)(q - p));
	buf[q - p] = '\0';
	return 0;
}

/* The case table is checked before anything runs: a broken table is a
 * usage-level error (exit 2), never a silent pass. */
static int validate_table(void)
{
	int i, j, bad = 0;

	for (i = 0; ipct_cases[i]; i++) {
		const struct ipct_case *c = ipct_cases[i];
		const char *dot = c->id ? strchr(c->id, '.') : NULL;
		char mech[64];

		if (!c->id || !dot || !c->asserts || !*c->asserts || !c->spec ||
		    !*c->spec || !c->fn) {
			fprintf(stderr, "%s: %s:%d: case needs .id, .asserts and .spec\n",
				progname, c->file, c->line);
			bad = 1;
			continue;
		}
		if (strchr(c->asserts, '#') || strchr(c->id, '#')) {
			fprintf(stderr, "%s: %s:%d: '#' in %s would read as a TAP directive\n",
				progname, c->file, c->line, c->id);
			bad = 1;
		}
		if (file_mechanism(c->file, mech, sizeof mech) == 0 &&
		    (strlen(mech) != (size_t)(dot - c->id) ||
		     strncmp(mech, c->id, (size_t)(dot - c->id)) != 0)) {
			fprintf(stderr, "%s: %s:%d: id %s does not start with its folder's mechanism '%s.'\n",
				progname, c->file, c->line, c->id, mech);
			bad = 1;
		}
		for (j = 0; j < i; j++)
			if (strcmp(ipct_cases[j]->id, c->id) == 0) {
				fprintf(stderr, "%s: %s:%d: duplicate case id %s\n",
					progname, c->file, c->line, c->id);
				bad = 1;
			}
	}
	return bad ? -1 : 0;
}

/* "linux,root,HAVE_PIPE2": the flags, then the configure requirements. */
static const char *needs_str(const struct ipct_case *c)
{
	static char buf[256];
	size_t l = 0;
	int i;

	buf[0] = '\0';
#define ADD_(s) l += (size_t)snprintf(buf + l, sizeof buf - l, "%s,", (s))
	if (c->needs & IPCT_LINUX_ONLY)
		ADD_("linux");
	if (c->needs & IPCT_UNPRIV)
		ADD_("unpriv");
	if (c->needs & IPCT_ROOT)
		ADD_("root");
	if (c->needs & IPCT_OTHER_USER)
		ADD_("other-user");
	for (i = 0; i < IPCT_REQ_MAX && c->requires[i].macro; i++)
		if (l < sizeof buf)
			ADD_(c->requires[i].macro);
#undef ADD_
	if (!buf[0])
		return "-";
	buf[strlen(buf) - 1] = '\0';
	return buf;
}

/* The first interface the case requires that configure did not find. */
static const char *missing_requirement(const struct ipct_case *c)
{
	int i;

	for (i = 0; i < IPCT_REQ_MAX && c->requires[i].macro; i++)
		if (!c->requires[i].have)
			return c->requires[i].macro;
	return NULL;
}

static void list_cases(const char *const *globs, int nglobs)
{
	int i, g;

	for (i = 0; ipct_cases[i]; i++) {
		const struct ipct_case *c = ipct_cases[i];
		int take = nglobs == 0;

		for (g = 0; g < nglobs && !take; g++)
			take = fnmatch(globs[g], c->id, 0) == 0;
		if (!take)
			continue;
		printf("%s\t%.*s\t%s\t%s\t%s\n", c->id,
		       (int)(strchr(c->id, '.') - c->id), c->id,
		       needs_str(c), c->asserts, c->spec);
	}
}

/* Print text as TAP comment lines ("# ..."), skipping empty trailing. */
static void print_comment_lines(const char *text)
{
	while (*text) {
		size_t l = strcspn(text, "\n");

		printf("#%s%.*s\n", l ? " " : "", (int)l, text);
		text += l;
		if (*text == '\n')
			text++;
	}
}

static int make_tmpdir(char *buf, size_t len)
{
	const char *base = getenv("TMPDIR");

	if (!base || !*base)
		base = "/tmp";
	snprintf(buf, len, "%s/ipcconf.XXXXXX", base);
	if (!mkdtemp(buf))
		return -1;
	return chmod(buf, 0700);
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

static void run_case_body(const struct ipct_case *c, int outfd)
{
	struct rlimit no_core = { 0, 0 };
	int devnull;

	setpgid(0, 0);
	reset_signals();
	close(selfpipe[0]);
	close(selfpipe[1]);
	devnull = open("/dev/null", O_RDONLY);
	if (devnull >= 0 && devnull != 0) {
		dup2(devnull, 0);
		close(devnull);
	}
	dup2(outfd, 1);
	dup2(outfd, 2);
	if (outfd > 2)
		close(outfd);
	setrlimit(RLIMIT_CORE, &no_core);
	setvbuf(stdout, NULL, _IONBF, 0);
	if (chdir(ipct_page->tmpdir) != 0)
		IPCT_BROKEN("chdir(%s): %s", ipct_page->tmpdir, ipct_errname(errno));
	c->fn();
	ipct_reap_children();
	ipct_page->finished = 1;
	_exit(IPCT_EXIT_PASS);
}

struct outcome {
	int status;
	int timed_out;
	int interrupted;
	char *output;
	size_t outlen;
	int output_truncated;
};

static void collect(int fd, struct outcome *o)
{
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);

	if (n <= 0)
		return;
	if (o->outlen + (size_t)n > OUTPUT_MAX) {
		o->output_truncated = 1;
		n = (ssize_t)(OUTPUT_MAX - o->outlen);
	}
	memcpy(o->output + o->outlen, buf, (size_t)n);
	o->outlen += (size_t)n;
}

static void drain_selfpipe(void)
{
	char buf[64];

	while (read(selfpipe[0], buf, sizeof buf) > 0)
		;
}

/* Run one case to its end; fills o.  Returns the leader pid. */
static void supervise(const struct ipct_case *c, int timeout_ms, struct outcome *o)
{
	int out[2];
	int64_t deadline;
	pid_t pid;
	int reaped = 0, out_open = 1;

	if (pipe(out) != 0)
		die_usage("pipe(): %s", strerror(errno));
	fflush(stdout);
	pid = fork();
	if (pid < 0)
		die_usage("fork(): %s", strerror(errno));
	if (pid == 0) {
		close(out[0]);
		run_case_body(c, out[1]);
	}
	setpgid(pid, pid);
	running_pgid = pid;
	close(out[1]);
	fcntl(out[0], F_SETFL, O_NONBLOCK);
	deadline = ipct_now_ms() + timeout_ms;

	while (!reaped) {
		struct pollfd p[2] = {
			{ .fd = selfpipe[0], .events = POLLIN },
			{ .fd = out_open ? out[0] : -1, .events = POLLIN },
		};
		int64_t left = deadline - ipct_now_ms();
		pid_t r;

		if (got_signal) {
			o->interrupted = 1;
			break;
		}
		if (left <= 0) {
			o->timed_out = 1;
			break;
		}
		poll(p, 2, left > 1000 ? 1000 : (int)left);
		if (p[0].revents)
			drain_selfpipe();
		if (out_open && (p[1].revents & (POLLIN | POLLHUP))) {
			collect(out[0], o);
			if (p[1].revents & POLLHUP && !(p[1].revents & POLLIN))
				out_open = 0;
		}
		r = waitpid(pid, &o->status, WNOHANG);
		if (r == pid)
			reaped = 1;
	}
	/* The leader is gone, or must go: nothing of the case may outlive it. */
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	if (!reaped)
		while (waitpid(pid, &o->status, 0) < 0 && errno == EINTR)
			;
	/* Collect what is left in the output pipe, bounded. */
	deadline = ipct_now_ms() + 2000;
	while (out_open && ipct_now_ms() < deadline) {
		struct pollfd p = { .fd = out[0], .events = POLLIN };

		if (poll(&p, 1, 100) <= 0)
			continue;
		{
			size_t before = o->outlen;

			collect(out[0], o);
			if (o->outlen == before && !o->output_truncated) {
				char b;

				if (read(out[0], &b, 1) <= 0)
					out_open = 0;
			}
			if (o->output_truncated)
				out_open = 0;
		}
	}
	close(out[0]);
	running_pgid = 0;
	/* Orphans of the case that were reparented to us. */
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

static int cleanup_case(char *leaks, size_t len)
{
	int n = ipct_journal_cleanup(leaks, len);

	if (tmpdir_current[0]) {
		struct stat st;

		if (ipct_remove_tree(tmpdir_current) != 0 ||
		    lstat(tmpdir_current, &st) == 0) {
			size_t l = strlen(leaks);

			snprintf(leaks + l, len - l, "%sleaked directory %s",
				 l ? ", " : "", tmpdir_current);
			n++;
		}
		tmpdir_current[0] = '\0';
	}
	return n;
}

static void interrupted_exit(int sig) __attribute__((noreturn));
static void interrupted_exit(int sig)
{
	char leaks[1024];

	if (running_pgid) {
		kill(-running_pgid, SIGKILL);
		while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
			;
	}
	cleanup_case(leaks, sizeof leaks);
	printf("Bail out! interrupted by %s; the objects of the running case were removed\n",
	       ipct_signame(sig));
	fflush(stdout);
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

static void print_line(int ok, int n, const struct ipct_case *c,
		       const char *directive)
{
	printf("%s %d - %s: %s%s%s\n", ok ? "ok" : "not ok", n, c->id,
	       c->asserts, directive[0] ? " " : "", directive);
}

static int run_one(int n, const struct ipct_case *c, int timeout_override_s)
{
	const struct baseline_entry *be = baseline_find(c->id);
	struct outcome o;
	char leaks[2048], directive[2048], st[96], note[2200];
	int timeout_s, ok;

	directive[0] = '\0';
	if (be && be->skip) {
		snprintf(directive, sizeof directive, "# SKIP %s:%d: %s",
			 be->file, be->line, be->reason);
		print_line(1, n, c, directive);
		return 0;
	}
	if ((c->needs & IPCT_LINUX_ONLY) && !IPCCONF_HOST_LINUX) {
		print_line(1, n, c, "# SKIP Linux-only behaviour; configure found " IPCCONF_HOST_OS);
		return 0;
	}
	if (missing_requirement(c)) {
		snprintf(directive, sizeof directive,
			 "# SKIP needs %s, which configure did not find on this platform",
			 missing_requirement(c));
		print_line(1, n, c, directive);
		return 0;
	}
	if ((c->needs & IPCT_ROOT) && geteuid() != 0) {
		print_line(1, n, c, "# SKIP needs root (euid 0)");
		return 0;
	}
	if ((c->needs & IPCT_OTHER_USER) && geteuid() != 0) {
		print_line(1, n, c, "# SKIP needs a second user id: run as root, the case then drops to an unprivileged uid in a child");
		return 0;
	}

	memset(&o, 0, sizeof o);
	o.output = malloc(OUTPUT_MAX);
	if (!o.output)
		die_usage("out of memory");
	memset(ipct_page->journal, 0, sizeof ipct_page->journal);
	ipct_page->checks = ipct_page->failed = ipct_page->broken = 0;
	ipct_page->skipped = ipct_page->finished = ipct_page->journal_n = 0;
	ipct_page->failure[0] = ipct_page->skip_reason[0] = '\0';
	ipct_page->progress[0] = '\0';
	if (make_tmpdir(tmpdir_current, sizeof tmpdir_current) != 0) {
		printf("Bail out! cannot create a private directory under %s: %s\n",
		       getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
		       ipct_errname(errno));
		exit(1);
	}
	snprintf(ipct_page->tmpdir, sizeof ipct_page->tmpdir, "%s", tmpdir_current);

	timeout_s = timeout_override_s > 0 ? timeout_override_s :
		    c->timeout_s > 0 ? c->timeout_s : DEFAULT_TIMEOUT_S;
	supervise(c, (int)(timeout_s * 1000 * ipct_timeout_mul()), &o);
	if (o.interrupted) {
		free(o.output);
		interrupted_exit(got_signal);
	}
	/* note: why the case is not ok (no '#': it becomes TAP text). */
	ok = 0;
	note[0] = '\0';
	if (o.timed_out) {
		snprintf(note, sizeof note, "timeout after %g s",
			 timeout_s * ipct_timeout_mul());
	} else if (ipct_page->failed) {
		if (ipct_page->broken)
			snprintf(note, sizeof note, "broken (setup failed)");
	} else if (WIFSIGNALED(o.status)) {
		ipct_status_str(o.status, note, sizeof note);
	} else if (ipct_page->skipped && WIFEXITED(o.status) &&
		   WEXITSTATUS(o.status) == 0) {
		ok = 1;
	} else if (!WIFEXITED(o.status) || WEXITSTATUS(o.status) != 0) {
		snprintf(note, sizeof note, "%s outside the case protocol%s",
			 ipct_status_str(o.status, st, sizeof st),
			 WIFEXITED(o.status) && WEXITSTATUS(o.status) == 99 ?
			 " (valgrind --error-exitcode?)" : "");
	} else if (!ipct_page->finished) {
		snprintf(note, sizeof note, "ended before the case function returned");
	} else if (ipct_page->checks == 0) {
		snprintf(note, sizeof note, "no check ran");
	} else {
		ok = 1;
	}
	if (cleanup_case(leaks, sizeof leaks) > 0) {
		size_t l = strlen(note);

		ok = 0;
		snprintf(note + l, sizeof note - l, "%s%s", l ? "; " : "", leaks);
	}
	if (ok && ipct_page->skipped)
		snprintf(directive, sizeof directive, "# SKIP %s",
			 ipct_page->skip_reason);
	else if (be && !ok)
		snprintf(directive, sizeof directive, "# TODO %s:%d: %s%s%s%s",
			 be->file, be->line, be->reason, note[0] ? " (" : "",
			 note, note[0] ? ")" : "");
	else if (be && ok)
		snprintf(directive, sizeof directive,
			 "# TODO unexpected pass: %s:%d lists it: %s", be->file,
			 be->line, be->reason);
	else if (note[0])
		snprintf(directive, sizeof directive, "# %s", note);
	/* '#' in a skip reason would start a second directive. */
	{
		char *p = directive[0] ? directive + 1 : directive;

		while ((p = strchr(p, '#')) != NULL)
			*p = '-';
	}
	print_line(ok, n, c, directive);
	if (!ok) {
		if (ipct_page->failure[0])
			print_comment_lines(ipct_page->failure);
		if (o.timed_out && ipct_page->progress[0])
			printf("# last progress: %s\n", ipct_page->progress);
		printf("# asserts: %s\n# spec: %s\n", c->asserts, c->spec);
	}
	if (o.outlen) {
		o.output[o.outlen] = '\0';
		if (o.outlen == OUTPUT_MAX)
			o.output[OUTPUT_MAX - 1] = '\0';
		print_comment_lines(o.output);
		if (o.output_truncated)
			printf("# (case output truncated at %d bytes)\n", OUTPUT_MAX);
	}
	free(o.output);
	fflush(stdout);
	return ok;
}

static int selected(const struct ipct_case *c, char **globs, int nglobs)
{
	int g;

	if (nglobs == 0)
		return 1;
	for (g = 0; g < nglobs; g++)
		if (fnmatch(globs[g], c->id, 0) == 0)
			return 1;
	return 0;
}

/* Static, so that a leak checker sees them reachable on every exit path. */
static char **globs;
static char *envsel;

int main(int argc, char **argv)
{
	int nglobs = 0, list = 0, timeout_s = 0, i, n, total;
	const char *baseline = getenv("IPCCONF_BASELINE");
	const char *proof = getenv("IPCCONF_BLOCK_PROOF");
	int no_baseline = 0, explicit_baseline = baseline && *baseline;
	char err[1024];

	globs = calloc((size_t)argc + 64, sizeof *globs);
	if (!globs)
		die_usage("out of memory");
	if (argv[0]) {
		const char *s = strrchr(argv[0], '/');

		progname = s ? s + 1 : argv[0];
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc >= 3 && strcmp(argv[1], "--helper") == 0) {
		for (i = 0; ipct_helpers && ipct_helpers[i]; i++)
			if (strcmp(ipct_helpers[i]->name, argv[2]) == 0)
				return ipct_helpers[i]->main(argc - 2, argv + 2);
		die_usage("no helper named '%s' in this binary", argv[2]);
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;

		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "-l") == 0 || strcmp(a, "--list") == 0) {
			list = 1;
		} else if (strcmp(a, "-c") == 0 || strcmp(a, "--case") == 0) {
			if (++i >= argc)
				die_usage("%s needs a case id or glob", a);
			globs[nglobs++] = argv[i];
		} else if (strncmp(a, "--case=", 7) == 0) {
			globs[nglobs++] = argv[i] + 7;
		} else if (strcmp(a, "-t") == 0 || strcmp(a, "--timeout") == 0 ||
			   strncmp(a, "--timeout=", 10) == 0) {
			char *end;
			long v;

			if (a[1] == '-' && a[9] == '=')
				val = a + 10;
			else if (++i < argc)
				val = argv[i];
			if (!val)
				die_usage("%s needs a number of seconds", a);
			v = strtol(val, &end, 10);
			if (*val == '\0' || *end != '\0' || v <= 0 || v > 86400)
				die_usage("--timeout: '%s' is not a number of seconds (1-86400)",
					  val);
			timeout_s = (int)v;
		} else if (strncmp(a, "--block-proof=", 14) == 0) {
			proof = a + 14;
		} else if (strcmp(a, "--baseline") == 0) {
			if (++i >= argc)
				die_usage("--baseline needs a file");
			baseline = argv[i];
			explicit_baseline = 1;
		} else if (strncmp(a, "--baseline=", 11) == 0) {
			baseline = a + 11;
			explicit_baseline = 1;
		} else if (strcmp(a, "--no-baseline") == 0) {
			no_baseline = 1;
		} else if (a[0] == '-' && a[1] != '\0') {
			die_usage("unknown option '%s' (try --help)", a);
		} else {
			globs[nglobs++] = argv[i];
		}
	}
	if (proof && *proof) {
		if (strcmp(proof, "window") == 0)
			ipct_force_window_proof = 1;
		else if (strcmp(proof, "proc") != 0)
			die_usage("--block-proof: '%s' is not 'proc' or 'window'", proof);
	}
	if (validate_table() != 0)
		return 2;
	/* Explicit ids must exist: a typo is an error, not an empty pass. */
	for (i = 0; i < nglobs; i++) {
		int j, hit = 0;

		for (j = 0; ipct_cases[j] && !hit; j++)
			hit = fnmatch(globs[i], ipct_cases[j]->id, 0) == 0;
		if (!hit)
			die_usage("no case matches '%s' (see --list)", globs[i]);
	}
	if (nglobs == 0 && getenv("IPCCONF_CASES") && *getenv("IPCCONF_CASES")) {
		char *save = NULL, *tok;

		envsel = strdup(getenv("IPCCONF_CASES"));
		for (tok = strtok_r(envsel, " \t,", &save); tok && nglobs < argc + 63;
		     tok = strtok_r(NULL, " \t,", &save))
			globs[nglobs++] = tok;
	}
	if (list) {
		list_cases((const char *const *)globs, nglobs);
		free(envsel);
		free(globs);
		return 0;
	}
	if (!no_baseline) {
		char defpath[1024];

		if (!explicit_baseline) {
			snprintf(defpath, sizeof defpath, "%s/%s.txt",
				 ipct_expected_dir(), IPCCONF_PLATFORM);
			baseline = access(defpath, F_OK) == 0 ? defpath : NULL;
		}
		if (baseline && baseline_load(baseline, err, sizeof err) != 0)
			die_usage("malformed baseline: %s", err);
	}

	total = 0;
	for (i = 0; ipct_cases[i]; i++)
		total += selected(ipct_cases[i], globs, nglobs);
	if (total == 0) {
		/* Only reachable through IPCCONF_CASES. */
		printf("1..0 # SKIP no case here matches IPCCONF_CASES\n");
		return 0;
	}

	ipct_page = mmap(NULL, sizeof *ipct_page, PROT_READ | PROT_WRITE,
			 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ipct_page == MAP_FAILED) {
		printf("Bail out! cannot map the results page: %s\n",
		       strerror(errno));
		return 1;
	}
	memset(ipct_page, 0, sizeof *ipct_page);
	ipct_page->run_id = (unsigned)getpid();
	set_self_exe(argv[0]);
	install_handlers();

	printf("1..%d\n", total);
	for (i = 0, n = 0; ipct_cases[i]; i++)
		if (selected(ipct_cases[i], globs, nglobs))
			run_one(++n, ipct_cases[i], timeout_s);
	free(envsel);
	free(globs);
	baseline_free();
	return 0;
}
