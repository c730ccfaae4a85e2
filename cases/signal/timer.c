/* SPDX-License-Identifier: MIT
 * cases/signal/timer.c - timers that signal: setitimer()/getitimer()
 * (ITIMER_REAL, ITIMER_VIRTUAL, ITIMER_PROF) and the POSIX per-process
 * timers (timer_create() with SIGEV_SIGNAL, timer_settime(),
 * timer_gettime(), timer_getoverrun(), timer_delete()).
 * The standard is about time here, so the cases wait for time, briefly
 * (10-50 ms) and with one-sided, generous bounds.
 * Sources: POSIX.1-2024 getitimer()/setitimer(), timer_create(),
 * timer_settime(), timer_getoverrun(), timer_delete(); Linux getitimer(2),
 * timer_create(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "signal.h"

#include <sys/time.h>
#include <time.h>

#ifndef HAVE_TIMER_CREATE
#define timer_create(c, ev, t) ((void)(c), (void)(ev), (void)(t), errno = ENOSYS, -1)
#define timer_settime(t, f, v, o) ((void)(t), (void)(f), (void)(v), (void)(o), errno = ENOSYS, -1)
#define timer_gettime(t, v) ((void)(t), (void)(v), errno = ENOSYS, -1)
#define timer_delete(t) ((void)(t), errno = ENOSYS, -1)
#endif
#ifndef HAVE_TIMER_GETOVERRUN
#define timer_getoverrun(t) ((void)(t), errno = ENOSYS, -1)
#endif

static int64_t tv_us(struct timeval tv)
{
	return (int64_t)tv.tv_sec * 1000000 + tv.tv_usec;
}

static int64_t ts_ns(struct timespec ts)
{
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int64_t mono_ns(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		IPCT_BROKEN("clock_gettime: %s", ipct_errname(errno));
	return ts_ns(ts);
}

/* Wait (bounded by the limit) for blocked sig; returns its number. */
static int timer_xwait(int sig, siginfo_t *si)
{
	sigset_t set = signal_set1(sig);
	struct timespec lim;
	long ms = ipct_wait_limit_ms();
	int r;

	lim.tv_sec = ms / 1000;
	lim.tv_nsec = (ms % 1000) * 1000000L;
	r = sigtimedwait(&set, si, &lim);
	if (r < 0)
		IPCT_BROKEN("%s did not arrive within %ld ms: %s",
			    ipct_signame(sig), ms, ipct_errname(errno));
	return r;
}

static void itimer_real_counts_down(void)
{
	struct itimerval v = { { 0, 0 }, { 10, 0 } }, cur;

	ipct_xsigblock(SIGALRM);
	CHECK_OK(setitimer(ITIMER_REAL, &v, NULL));
	CHECK_OK(getitimer(ITIMER_REAL, &cur));
	CHECK(tv_us(cur.it_value) > 0);
	CHECK(tv_us(cur.it_value) <= 10 * 1000000);
	CHECK_EQ(0, tv_us(cur.it_interval));
}
IPCT_CASE(itimer_real_counts_down,
	.id = "signal.itimer_real_counts_down",
	.asserts = "getitimer(ITIMER_REAL) after arming 10 s reports a remaining time above 0 and at most 10 s, and the zero interval",
	.spec = "POSIX.1-2024 getitimer(), DESCRIPTION");

static void itimer_real_sends_sigalrm(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 20000 } }, cur;
	siginfo_t si;
	int64_t t0;

	ipct_xsigblock(SIGALRM);
	t0 = mono_ns();
	CHECK_OK(setitimer(ITIMER_REAL, &v, NULL));
	CHECK_EQ(SIGALRM, timer_xwait(SIGALRM, &si));
	/* Never early: 20 ms, less 1 ms for the clocks' granularity. */
	CHECK(mono_ns() - t0 >= 19 * 1000000LL);
	CHECK_OK(getitimer(ITIMER_REAL, &cur));
	CHECK_EQ(0, tv_us(cur.it_value)); /* one-shot: disarmed */
}
IPCT_CASE(itimer_real_sends_sigalrm,
	.id = "signal.itimer_real_sends_sigalrm",
	.asserts = "ITIMER_REAL armed for 20 ms sends SIGALRM no earlier than 20 ms later, and a one-shot timer is then disarmed",
	.spec = "POSIX.1-2024 getitimer()/setitimer(), DESCRIPTION (ITIMER_REAL, SIGALRM)",
	.requires = { IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void itimer_zero_disarms(void)
{
	struct itimerval v = { { 1, 0 }, { 10, 0 } }, zero, old, cur;

	memset(&zero, 0, sizeof zero);
	ipct_xsigblock(SIGALRM);
	CHECK_OK(setitimer(ITIMER_REAL, &v, NULL));
	CHECK_OK(setitimer(ITIMER_REAL, &zero, &old));
	CHECK(tv_us(old.it_value) > 0);
	CHECK_EQ(1000000, tv_us(old.it_interval));
	CHECK_OK(getitimer(ITIMER_REAL, &cur));
	CHECK_EQ(0, tv_us(cur.it_value));
	CHECK_EQ(0, signal_xpending(SIGALRM));
}
IPCT_CASE(itimer_zero_disarms,
	.id = "signal.itimer_zero_disarms",
	.asserts = "setitimer() with a zero it_value disarms the timer and returns the previous value and interval in ovalue",
	.spec = "POSIX.1-2024 setitimer(), DESCRIPTION");

static void itimer_bad_usec_einval(void)
{
	struct itimerval v = { { 0, 0 }, { 0, 1000000 } };

	CHECK_FAILS(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
	v.it_value.tv_usec = -1;
	CHECK_FAILS(setitimer(ITIMER_REAL, &v, NULL), EINVAL);
}
IPCT_CASE(itimer_bad_usec_einval,
	.id = "signal.itimer_bad_usec_einval",
	.asserts = "setitimer() with tv_usec of 1000000 or -1 (not canonical) fails with EINVAL",
	.spec = "POSIX.1-2024 setitimer(), ERRORS [EINVAL]; Linux getitimer(2)");

static void itimer_bad_which_einval(void)
{
	struct itimerval v;

	CHECK_FAILS(getitimer(99, &v), EINVAL);
	memset(&v, 0, sizeof v);
	CHECK_FAILS(setitimer(99, &v, NULL), EINVAL);
}
IPCT_CASE(itimer_bad_which_einval,
	.id = "signal.itimer_bad_which_einval",
	.asserts = "getitimer() and setitimer() with a which that names no timer (99) fail with EINVAL",
	.spec = "Linux getitimer(2), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

/* Where burn_until_pending() adds: volatile, so the loop is not optimised
 * away, and at file scope, which no compiler reports as set but unused. */
static volatile unsigned long burn_sink;

/* Burn user CPU time until sig is pending; bounded by the wall limit. */
static int burn_until_pending(int sig)
{
	int64_t end = ipct_now_ms() + ipct_wait_limit_ms();

	while (ipct_now_ms() < end) {
		for (int i = 0; i < 100000; i++)
			burn_sink += i;
		if (signal_xpending(sig))
			return 1;
	}
	return 0;
}

static void cpu_itimer(int which, int sig)
{
	struct itimerval v = { { 0, 0 }, { 0, 30000 } }, cur;
	struct timespec nap = { 0, 40 * 1000000L };

	ipct_xsigblock(sig);
	CHECK_OK(setitimer(which, &v, NULL));
	/* Asleep, the process uses no CPU time: 40 ms of wall time must not
	 * expire a 30 ms CPU-time timer.  The timer is three clock ticks long
	 * even at HZ=100: a kernel that samples CPU time at each tick (Linux
	 * with CONFIG_TICK_CPU_ACCOUNTING, as user-mode Linux) charges a whole
	 * tick to the process that runs when it fires, so the microseconds run
	 * around the sleep may count as one tick, or two. */
	CHECK_OK(nanosleep(&nap, NULL));
	CHECK_EQ(0, signal_xpending(sig));
	CHECK_OK(getitimer(which, &cur));
	CHECK(tv_us(cur.it_value) > 0);
	/* Running, it does use CPU time: re-armed for 10 ms, burning expires it. */
	v.it_value.tv_usec = 10000;
	CHECK_OK(setitimer(which, &v, NULL));
	CHECK(burn_until_pending(sig));
}

static void itimer_virtual_counts_cpu(void)
{
	cpu_itimer(ITIMER_VIRTUAL, SIGVTALRM);
}
IPCT_CASE(itimer_virtual_counts_cpu,
	.id = "signal.itimer_virtual_counts_cpu",
	.asserts = "ITIMER_VIRTUAL of 30 ms does not expire while the process sleeps 40 ms, and, armed for 10 ms, sends SIGVTALRM after it runs 10 ms in user mode",
	.spec = "POSIX.1-2024 getitimer()/setitimer(), DESCRIPTION (ITIMER_VIRTUAL)");

static void itimer_prof_counts_cpu(void)
{
	cpu_itimer(ITIMER_PROF, SIGPROF);
}
IPCT_CASE(itimer_prof_counts_cpu,
	.id = "signal.itimer_prof_counts_cpu",
	.asserts = "ITIMER_PROF of 30 ms does not expire while the process sleeps 40 ms, and, armed for 10 ms, sends SIGPROF after it runs 10 ms",
	.spec = "POSIX.1-2024 getitimer()/setitimer(), DESCRIPTION (ITIMER_PROF)");

static timer_t timer_xcreate(int sig, int value)
{
	struct sigevent ev;
	timer_t t;

	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = sig;
	ev.sigev_value.sival_int = value;
	if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0) {
		ipct_skip_if_unsupported("timer_create", errno);
		IPCT_BROKEN("timer_create: %s", ipct_errname(errno));
	}
	return t;
}

static void timer_create_sigev_signal(void)
{
	struct itimerspec v = { { 0, 0 }, { 0, 10 * 1000000L } };
	siginfo_t si;
	timer_t t;

	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 4242);
	CHECK_OK(timer_settime(t, 0, &v, NULL));
	memset(&si, 0, sizeof si);
	CHECK_EQ(SIGRTMIN, timer_xwait(SIGRTMIN, &si));
	CHECK_EQ(SIGRTMIN, si.si_signo);
	CHECK_EQ(SI_TIMER, si.si_code);
	CHECK_EQ(4242, si.si_value.sival_int);
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_create_sigev_signal,
	.id = "signal.timer_create_sigev_signal",
	.asserts = "a timer_create() timer with SIGEV_SIGNAL sends its signal on expiry with si_code SI_TIMER and the sigev_value given",
	.spec = "POSIX.1-2024 timer_create(), DESCRIPTION; XSH 2.4.2 (SI_TIMER); Linux timer_create(2)",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void timer_gettime_counts_down(void)
{
	struct itimerspec v = { { 0, 5000000 }, { 10, 0 } }, cur;
	timer_t t;

	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 0);
	CHECK_OK(timer_gettime(t, &cur));
	CHECK_EQ(0, ts_ns(cur.it_value)); /* created disarmed */
	CHECK_OK(timer_settime(t, 0, &v, NULL));
	CHECK_OK(timer_gettime(t, &cur));
	CHECK(ts_ns(cur.it_value) > 0);
	CHECK(ts_ns(cur.it_value) <= 10 * 1000000000LL);
	CHECK_EQ(5000000, ts_ns(cur.it_interval));
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_gettime_counts_down,
	.id = "signal.timer_gettime_counts_down",
	.asserts = "a new timer is disarmed; once armed for 10 s timer_gettime() reports a remaining time above 0 and at most 10 s, and the reload interval",
	.spec = "POSIX.1-2024 timer_create() (created disarmed), timer_gettime(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE) });

static void timer_settime_returns_old_value(void)
{
	struct itimerspec v = { { 0, 0 }, { 10, 0 } }, off = { { 0, 0 }, { 0, 0 } }, old;
	timer_t t;

	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 0);
	CHECK_OK(timer_settime(t, 0, &v, &old));
	CHECK_EQ(0, ts_ns(old.it_value)); /* it was disarmed */
	CHECK_OK(timer_settime(t, 0, &off, &old));
	CHECK(ts_ns(old.it_value) > 0);
	CHECK(ts_ns(old.it_value) <= 10 * 1000000000LL);
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_settime_returns_old_value,
	.id = "signal.timer_settime_returns_old_value",
	.asserts = "timer_settime() with ovalue stores the time left before the call: zero for a disarmed timer, above 0 and at most 10 s for one armed for 10 s",
	.spec = "POSIX.1-2024 timer_settime(), DESCRIPTION (ovalue)",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE) });

static void timer_getoverrun_counts(void)
{
	struct itimerspec v = { { 0, 1000000L }, { 0, 1000000L } };
	struct timespec nap = { 0, 30 * 1000000L };
	siginfo_t si;
	timer_t t;
	int over;

	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 0);
	CHECK_OK(timer_settime(t, 0, &v, NULL));
	/* A 1 ms periodic timer whose signal stays pending for 30 ms
	 * expires many times with one signal queued. */
	CHECK_OK(nanosleep(&nap, NULL));
	CHECK_EQ(SIGRTMIN, timer_xwait(SIGRTMIN, &si));
	over = timer_getoverrun(t);
	CHECK(over >= 1);
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_getoverrun_counts,
	.id = "signal.timer_getoverrun_counts",
	.asserts = "a 1 ms periodic timer whose signal stays blocked 30 ms queues one signal and timer_getoverrun() then reports at least 1 overrun",
	.spec = "POSIX.1-2024 timer_getoverrun(), DESCRIPTION; Linux timer_create(2)",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE), IPCT_HAVE(HAVE_TIMER_GETOVERRUN), IPCT_HAVE(HAVE_SIGTIMEDWAIT) },
	.timed = 1);

static void timer_abstime_past_fires(void)
{
	struct itimerspec v;
	siginfo_t si;
	timer_t t;

	memset(&v, 0, sizeof v);
	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 0);
	v.it_value = ipct_xdeadline(CLOCK_MONOTONIC, -1000);
	CHECK_OK(timer_settime(t, TIMER_ABSTIME, &v, NULL));
	CHECK_EQ(SIGRTMIN, timer_xwait(SIGRTMIN, &si));
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_abstime_past_fires,
	.id = "signal.timer_abstime_past_fires",
	.asserts = "timer_settime() with TIMER_ABSTIME and a time already passed succeeds and the expiry signal is sent",
	.spec = "POSIX.1-2024 timer_settime(), DESCRIPTION (time already passed)",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE), IPCT_HAVE(HAVE_SIGTIMEDWAIT) });

static void timer_settime_bad_nsec_einval(void)
{
	struct itimerspec v = { { 0, 0 }, { 0, 1000000000L } };
	timer_t t;

	ipct_xsigblock(SIGRTMIN);
	t = timer_xcreate(SIGRTMIN, 0);
	CHECK_FAILS(timer_settime(t, 0, &v, NULL), EINVAL);
	v.it_value.tv_nsec = -1;
	CHECK_FAILS(timer_settime(t, 0, &v, NULL), EINVAL);
	CHECK_OK(timer_delete(t));
}
IPCT_CASE(timer_settime_bad_nsec_einval,
	.id = "signal.timer_settime_bad_nsec_einval",
	.asserts = "timer_settime() with an it_value tv_nsec of 1000 million or -1 fails with EINVAL",
	.spec = "POSIX.1-2024 timer_settime(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE) });

static void timer_delete_disarms(void)
{
	struct itimerspec doomed = { { 0, 0 }, { 0, 20 * 1000000L } };
	struct itimerspec witness = { { 0, 0 }, { 0, 60 * 1000000L } };
	struct timespec zero = { 0, 0 };
	sigset_t rt = signal_set1(SIGRTMIN);
	siginfo_t si;
	timer_t t, w;
	int tries;

	ipct_xsigblock(SIGRTMIN);
	ipct_xsigblock(SIGRTMIN + 1);
	/* The deletion must come well before the 20 ms expiry; a process
	 * preempted that long may have seen the timer fire first, so that
	 * round does not count (its signal is drained) and is tried again. */
	for (tries = 0; tries < 5; tries++) {
		int64_t start = mono_ns();

		t = timer_xcreate(SIGRTMIN, 0);
		CHECK_OK(timer_settime(t, 0, &doomed, NULL));
		CHECK_OK(timer_delete(t));
		if (mono_ns() - start < 10 * 1000000LL)
			break;
		while (sigtimedwait(&rt, NULL, &zero) == SIGRTMIN)
			;
	}
	if (tries == 5)
		ipct_skip("timer_settime() to timer_delete() took 10 ms or more five times (a loaded machine)");
	/* A witness timer armed after the deletion expires 40 ms after the
	 * deleted one would have: once its signal came, the deleted timer's
	 * signal would be pending. */
	w = timer_xcreate(SIGRTMIN + 1, 0);
	CHECK_OK(timer_settime(w, 0, &witness, NULL));
	timer_xwait(SIGRTMIN + 1, &si);
	CHECK_EQ(0, signal_xpending(SIGRTMIN));
	CHECK_OK(timer_delete(w));
}
IPCT_CASE(timer_delete_disarms,
	.id = "signal.timer_delete_disarms",
	.asserts = "timer_delete() of an armed 20 ms timer disarms it: no signal of it is pending once a timer armed after the deletion for 60 ms has expired",
	.spec = "POSIX.1-2024 timer_delete(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_TIMER_CREATE) },
	.timed = 1);

IPCT_CASES(&ipct_case_itimer_real_counts_down,
	   &ipct_case_itimer_real_sends_sigalrm,
	   &ipct_case_itimer_zero_disarms,
	   &ipct_case_itimer_bad_usec_einval,
	   &ipct_case_itimer_bad_which_einval,
	   &ipct_case_itimer_virtual_counts_cpu,
	   &ipct_case_itimer_prof_counts_cpu,
	   &ipct_case_timer_create_sigev_signal,
	   &ipct_case_timer_gettime_counts_down, &ipct_case_timer_settime_returns_old_value,
	   &ipct_case_timer_getoverrun_counts,
	   &ipct_case_timer_abstime_past_fires,
	   &ipct_case_timer_settime_bad_nsec_einval,
	   &ipct_case_timer_delete_disarms);
