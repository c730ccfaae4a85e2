/* SPDX-License-Identifier: MIT
 * cases/signal/signal.h - small helpers shared by the signal case files:
 * handlers that record what they saw, and setup wrappers that end the
 * case as "broken" when the setup itself fails.
 */
#ifndef CASES_SIGNAL_SIGNAL_H
#define CASES_SIGNAL_SIGNAL_H

#include <signal.h>
#include <string.h>
#include <unistd.h>

/* Interfaces configure may not find.  The cases that call them name them
 * in .requires and are never run without them; these stubs only keep the
 * cases compiling there. */
#ifndef HAVE_SIGQUEUE
#define sigqueue(pid, sig, val) \
	((void)(pid), (void)(sig), (void)(val), errno = ENOSYS, -1)
#endif
#ifndef HAVE_SIGWAITINFO
#define sigwaitinfo(set, info) ((void)(set), (void)(info), errno = ENOSYS, -1)
#endif
#ifndef HAVE_SIGTIMEDWAIT
#define sigtimedwait(set, info, ts) \
	((void)(set), (void)(info), (void)(ts), errno = ENOSYS, -1)
#endif

/* What the recording handlers saw (each case runs in its own process, so
 * these start at zero in every case). */
#define SIGNAL_MAX 16
static volatile __attribute__((unused)) sig_atomic_t signal_count;
static volatile __attribute__((unused)) sig_atomic_t signal_signo[SIGNAL_MAX];
static volatile __attribute__((unused)) sig_atomic_t signal_code[SIGNAL_MAX];
static volatile __attribute__((unused)) sig_atomic_t signal_value[SIGNAL_MAX];
static volatile __attribute__((unused)) pid_t signal_pid[SIGNAL_MAX];
static volatile __attribute__((unused)) uid_t signal_uid[SIGNAL_MAX];
static volatile __attribute__((unused)) sig_atomic_t signal_status[SIGNAL_MAX];
static volatile __attribute__((unused)) sig_atomic_t signal_ctx_null = -1;

/* A plain handler: counts and records the signal number. */
__attribute__((unused)) static void signal_note(int sig)
{
	if (signal_count < SIGNAL_MAX)
		signal_signo[signal_count] = sig;
	signal_count++;
}

/* An SA_SIGINFO handler: records the fields of siginfo_t. */
__attribute__((unused)) static void signal_note_info(int sig, siginfo_t *si, void *ctx)
{
	int i = signal_count;

	if (i < SIGNAL_MAX) {
		signal_signo[i] = si ? si->si_signo : -sig;
		signal_code[i] = si ? si->si_code : 0;
		signal_value[i] = si ? si->si_value.sival_int : 0;
		signal_pid[i] = si ? si->si_pid : 0;
		signal_uid[i] = si ? si->si_uid : 0;
		signal_status[i] = si ? si->si_status : 0;
		signal_ctx_null = ctx == NULL;
	}
	signal_count = i + 1;
}

/* Install signal_note_info for sig with SA_SIGINFO | extra flags. */
static inline void signal_xinfo(int sig, int extra)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = signal_note_info;
	sa.sa_flags = SA_SIGINFO | extra;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		IPCT_BROKEN("sigaction(%s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

/* A set holding one signal. */
static inline sigset_t signal_set1(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	return s;
}

/* The calling thread's current mask. */
static inline sigset_t signal_xmask(void)
{
	sigset_t s;

	if (sigprocmask(SIG_BLOCK, NULL, &s) != 0)
		IPCT_BROKEN("sigprocmask(query): %s", ipct_errname(errno));
	return s;
}

/* 1 if sig is pending for the calling process. */
static inline int signal_xpending(int sig)
{
	sigset_t s;

	if (sigpending(&s) != 0)
		IPCT_BROKEN("sigpending(): %s", ipct_errname(errno));
	return sigismember(&s, sig);
}

/* Unblock everything (delivering what is pending). */
static inline void signal_xunblock_all(void)
{
	sigset_t none;

	sigemptyset(&none);
	if (sigprocmask(SIG_SETMASK, &none, NULL) != 0)
		IPCT_BROKEN("sigprocmask(SIG_SETMASK): %s", ipct_errname(errno));
}

/* Valgrind emulates signal delivery itself (it takes every signal into
 * its own queue and hands it to the program at points of its choosing),
 * so a few behaviours cannot be observed under it: skip those cases there
 * with the reason, never loosen the check. */
static inline void signal_skip_under_valgrind(const char *why)
{
	if (ipct_under_valgrind())
		ipct_skip("under valgrind, which emulates signal delivery: %s",
			  why);
}

#endif /* CASES_SIGNAL_SIGNAL_H */
