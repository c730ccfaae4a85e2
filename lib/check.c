/* SPDX-License-Identifier: MIT
 * check.c - the CHECK_* back ends and the case outcomes.
 *
 * Every check counts itself in the shared page.  The first failure of a
 * case is stored in the page (the harness prints it under the "not ok"
 * line); a later one in another process is printed on stdout, which the
 * harness captures.  Each message leaves in one write(2), so forked
 * processes never interleave or repeat buffered output.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

struct ipct_page *ipct_page;

/* "../../cases/pipe/read.c" -> "cases/pipe/read.c" */
const char *ipct_short_path(const char *file)
{
	static const char *const roots[] = { "cases/", "lib/", "harness/" };
	const char *best = NULL;
	size_t i;

	for (i = 0; i < sizeof roots / sizeof roots[0]; i++) {
		const char *p = file, *hit;

		while ((hit = strstr(p, roots[i])) != NULL) {
			if (hit == file || hit[-1] == '/')
				best = hit;
			p = hit + 1;
		}
		if (best)
			return best;
	}
	return file;
}

static void write_all_fd(int fd, const char *s, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, s, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

static void lock_text(void)
{
	while (__atomic_exchange_n(&ipct_page->text_lock, 1, __ATOMIC_ACQUIRE))
		sched_yield();
}

static void unlock_text(void)
{
	__atomic_store_n(&ipct_page->text_lock, 0, __ATOMIC_RELEASE);
}

void ipct_fail_text(int broken, const char *text)
{
	int first = 0;

	if (ipct_page) {
		lock_text();
		if (!ipct_page->failed) {
			first = 1;
			snprintf(ipct_page->failure, sizeof ipct_page->failure,
				 "%s", text);
			ipct_page->broken = broken;
			ipct_page->failed = 1;
		}
		unlock_text();
	}
	if (!first)
		write_all_fd(1, text, strlen(text));
}

static void end_failed(void) __attribute__((noreturn));
static void end_failed(void)
{
	_exit(IPCT_EXIT_FAIL);
}

static void fail(const struct ipct_loc *loc, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), noreturn));
static void fail(const struct ipct_loc *loc, const char *fmt, ...)
{
	char text[IPCT_TEXT_MAX];
	int used;
	va_list ap;

	used = snprintf(text, sizeof text, "%s:%d: %s\n", ipct_short_path(loc->file),
			loc->line, loc->expr);
	if (used < 0 || (size_t)used >= sizeof text)
		used = (int)sizeof text - 1;
	va_start(ap, fmt);
	vsnprintf(text + used, sizeof text - (size_t)used, fmt, ap);
	va_end(ap);
	if (ipct_in_child()) {
		size_t l = strlen(text);

		snprintf(text + l, sizeof text - l, "  (in child process %ld)\n",
			 (long)getpid());
	}
	ipct_fail_text(0, text);
	end_failed();
}

static void count(void)
{
	if (ipct_page)
		__atomic_fetch_add(&ipct_page->checks, 1, __ATOMIC_RELAXED);
}

/* "-1, errno EAGAIN/EWOULDBLOCK (Resource temporarily unavailable)" or "3" */
static const char *describe_ret(long ret, int err, char *buf, size_t len)
{
	if (ret == -1)
		snprintf(buf, len, "-1, errno %s (%s)", ipct_errname(err),
			 strerror(err));
	else
		snprintf(buf, len, "%ld", ret);
	return buf;
}

void ipct_check_true(struct ipct_loc loc, int ok)
{
	count();
	if (!ok)
		fail(&loc, "  expected: true\n  actual:   false\n");
}

void ipct_check_ok(struct ipct_loc loc, long ret, int err)
{
	char b[160];

	count();
	if (ret == -1)
		fail(&loc, "  expected: success (not -1)\n  actual:   %s\n",
		     describe_ret(ret, err, b, sizeof b));
}

void ipct_check_ret(struct ipct_loc loc, long ret, int err, long expected)
{
	char b[160];

	count();
	if (ret != expected)
		fail(&loc, "  expected: %ld\n  actual:   %s\n", expected,
		     describe_ret(ret, err, b, sizeof b));
}

void ipct_check_fails(struct ipct_loc loc, long ret, int err, int expected)
{
	count();
	if (ret != -1)
		fail(&loc, "  expected: -1, errno %s\n  actual:   succeeded (returned %ld)\n",
		     ipct_errname(expected), ret);
	if (err != expected)
		fail(&loc, "  expected: -1, errno %s\n  actual:   -1, errno %s (%s)\n",
		     ipct_errname(expected), ipct_errname(err), strerror(err));
}

void ipct_check_fails2(struct ipct_loc loc, long ret, int err, int e1, int e2)
{
	count();
	if (ret != -1)
		fail(&loc, "  expected: -1, errno %s or %s\n  actual:   succeeded (returned %ld)\n",
		     ipct_errname(e1), ipct_errname(e2), ret);
	if (err != e1 && err != e2)
		fail(&loc, "  expected: -1, errno %s or %s\n  actual:   -1, errno %s (%s)\n",
		     ipct_errname(e1), ipct_errname(e2), ipct_errname(err),
		     strerror(err));
}

void ipct_check_ok_ptr(struct ipct_loc loc, const void *p, const void *sentinel,
		       int err)
{
	count();
	if (p == sentinel)
		fail(&loc, "  expected: success (not %p)\n  actual:   %p, errno %s (%s)\n",
		     sentinel, p, ipct_errname(err), strerror(err));
}

void ipct_check_fails_ptr(struct ipct_loc loc, const void *p,
			  const void *sentinel, int err, int expected)
{
	count();
	if (p != sentinel)
		fail(&loc, "  expected: %p, errno %s\n  actual:   succeeded (returned %p)\n",
		     sentinel, ipct_errname(expected), p);
	if (err != expected)
		fail(&loc, "  expected: %p, errno %s\n  actual:   %p, errno %s (%s)\n",
		     sentinel, ipct_errname(expected), p, ipct_errname(err),
		     strerror(err));
}

void ipct_check_eq(struct ipct_loc loc, intmax_t expected, intmax_t actual)
{
	count();
	if (expected != actual)
		fail(&loc, "  expected: %jd (0x%jx)\n  actual:   %jd (0x%jx)\n",
		     expected, (uintmax_t)expected, actual, (uintmax_t)actual);
}

void ipct_check_equ(struct ipct_loc loc, uintmax_t expected, uintmax_t actual)
{
	count();
	if (expected != actual)
		fail(&loc, "  expected: %ju (0x%jx)\n  actual:   %ju (0x%jx)\n",
		     expected, expected, actual, actual);
}

void ipct_check_ne(struct ipct_loc loc, intmax_t unexpected, intmax_t actual)
{
	count();
	if (unexpected == actual)
		fail(&loc, "  expected: anything but %jd\n  actual:   %jd\n",
		     unexpected, actual);
}

void ipct_check_str(struct ipct_loc loc, const char *expected,
		    const char *actual)
{
	count();
	if (expected == NULL || actual == NULL) {
		if (expected != actual)
			fail(&loc, "  expected: %s%s%s\n  actual:   %s%s%s\n",
			     expected ? "\"" : "", expected ? expected : "NULL",
			     expected ? "\"" : "", actual ? "\"" : "",
			     actual ? actual : "NULL", actual ? "\"" : "");
		return;
	}
	if (strcmp(expected, actual) != 0)
		fail(&loc, "  expected: \"%.900s\"\n  actual:   \"%.900s\"\n",
		     expected, actual);
}

static void hex_window(char *buf, size_t len, const unsigned char *p,
		       size_t from, size_t total)
{
	size_t i, used = 0;

	for (i = from; i < total && i < from + 16 && used + 4 < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%02x ", p[i]);
	buf[used ? used - 1 : 0] = '\0';
}

void ipct_check_mem(struct ipct_loc loc, const void *expected,
		    const void *actual, size_t len)
{
	const unsigned char *e = expected, *a = actual;
	char he[80], ha[80];
	size_t i;

	count();
	for (i = 0; i < len; i++)
		if (e[i] != a[i])
			break;
	if (i == len)
		return;
	hex_window(he, sizeof he, e, i, len);
	hex_window(ha, sizeof ha, a, i, len);
	fail(&loc, "  bytes differ at offset %zu of %zu\n  expected: %s\n  actual:   %s\n",
	     i, len, he, ha);
}

void ipct_check_exited(struct ipct_loc loc, int status, int code)
{
	char b[96];

	count();
	if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
		fail(&loc, "  expected: exited %d\n  actual:   %s\n", code,
		     ipct_status_str(status, b, sizeof b));
}

void ipct_check_signaled(struct ipct_loc loc, int status, int sig)
{
	char b[96];

	count();
	if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
		fail(&loc, "  expected: killed by %s\n  actual:   %s\n",
		     ipct_signame(sig), ipct_status_str(status, b, sizeof b));
}

void ipct_check_errno(struct ipct_loc loc, int actual, int expected)
{
	count();
	if (actual != expected)
		fail(&loc, "  expected: errno %s\n  actual:   errno %s (%s)\n",
		     ipct_errname(expected), ipct_errname(actual),
		     strerror(actual));
}

void ipct_check_result_ret(struct ipct_loc loc, struct ipct_result r,
			   long expected)
{
	char b[160];

	count();
	if (r.ret != expected)
		fail(&loc, "  expected: the blocked call returns %ld\n  actual:   %s\n",
		     expected, describe_ret(r.ret, r.err, b, sizeof b));
}

void ipct_check_result_fails(struct ipct_loc loc, struct ipct_result r, int err)
{
	char b[160];

	count();
	if (r.ret != -1 || r.err != err)
		fail(&loc, "  expected: the blocked call fails: -1, errno %s\n  actual:   %s\n",
		     ipct_errname(err), describe_ret(r.ret, r.err, b, sizeof b));
}

void ipct_skip(const char *fmt, ...)
{
	va_list ap;

	if (ipct_page) {
		va_start(ap, fmt);
		vsnprintf(ipct_page->skip_reason, sizeof ipct_page->skip_reason,
			  fmt, ap);
		va_end(ap);
		ipct_page->skipped = 1;
	}
	_exit(IPCT_EXIT_PASS);
}

void ipct_skip_if_unsupported(const char *call, int err)
{
	if (err == ENOSYS)
		ipct_skip("%s: ENOSYS (not implemented on this platform)", call);
}

void ipct_broken(const char *file, int line, const char *fmt, ...)
{
	char text[IPCT_TEXT_MAX];
	int used;
	va_list ap;

	used = snprintf(text, sizeof text, "broken: %s:%d: ", ipct_short_path(file),
			line);
	if (used < 0 || (size_t)used >= sizeof text)
		used = (int)sizeof text - 1;
	va_start(ap, fmt);
	vsnprintf(text + used, sizeof text - (size_t)used, fmt, ap);
	va_end(ap);
	used = (int)strlen(text);
	if ((size_t)used + 1 < sizeof text && (used == 0 || text[used - 1] != '\n'))
		strcat(text, "\n");
	ipct_fail_text(1, text);
	end_failed();
}

void ipct_note(const char *fmt, ...)
{
	char text[1024];
	size_t l;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text - 1, fmt, ap);
	va_end(ap);
	l = strlen(text);
	if (l == 0 || text[l - 1] != '\n') {
		text[l++] = '\n';
		text[l] = '\0';
	}
	write_all_fd(1, text, l);
}

void ipct_progress(const char *file, int line, const char *fmt, ...)
{
	char what[256];
	va_list ap;

	if (!ipct_page)
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	snprintf(ipct_page->progress, sizeof ipct_page->progress,
		 "%s at %s:%d (pid %ld)", what, ipct_short_path(file), line,
		 (long)getpid());
}
