/* SPDX-License-Identifier: MIT
 * cases/signal/sigh.h - small helpers shared by the signal case files:
 * handlers that record what they saw, and setup wrappers that end the
 * case as "broken" when the setup itself fails.
 */
#ifndef CASES_SIGNAL_SIGH_H
#define CASES_SIGNAL_SIGH_H

#include <signal.h>
#include <string.h>
#include <unistd.h>

/* What the recording handlers saw (each case runs in its own process, so
 * these start at zero in every case). */
#define SIGH_MAX 16
static volatile __attribute__((unused)) sig_atomic_t sigh_count;
static volatile __attribute__((unused)) sig_atomic_t sigh_signo[SIGH_MAX];
static volatile __attribute__((unused)) sig_atomic_t sigh_code[SIGH_MAX];
static volatile __attribute__((unused)) sig_atomic_t sigh_value[SIGH_MAX];
static volatile __attribute__((unused)) pid_t sigh_pid[SIGH_MAX];
static volatile __attribute__((unused)) uid_t sigh_uid[SIGH_MAX];
static volatile __attribute__((unused)) sig_atomic_t sigh_status[SIGH_MAX];
static volatile __attribute__((unused)) sig_atomic_t sigh_ctx_null = -1;

/* A plain handler: counts and records the signal number. */
__attribute__((unused)) static void sigh_note(int sig)
{
	if (sigh_count < SIGH_MAX)
		sigh_signo[sigh_count] = sig;
	sigh_count++;
}

/* An SA_SIGINFO handler: records the fields of siginfo_t. */
__attribute__((unused)) static void sigh_note_info(int sig, siginfo_t *si, void *ctx)
{
	int i = sigh_count;

	if (i < SIGH_MAX) {
		sigh_signo[i] = si ? si->si_signo : -sig;
		sigh_code[i] = si ? si->si_code : 0;
		sigh_value[i] = si ? si->si_value.sival_int : 0;
		sigh_pid[i] = si ? si->si_pid : 0;
		sigh_uid[i] = si ? si->si_uid : 0;
		sigh_status[i] = si ? si->si_status : 0;
		sigh_ctx_null = ctx == NULL;
	}
	sigh_count = i + 1;
}

/* Install sigh_note_info for sig with SA_SIGINFO | extra flags. */
static inline void sigh_xinfo(int sig, int extra)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = sigh_note_info;
	sa.sa_flags = SA_SIGINFO | extra;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		IPCT_BROKEN("sigaction(%s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

/* A set holding one signal. */
static inline sigset_t sigh_set1(int sig)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, sig);
	return s;
}

/* The calling thread's current mask. */
static inline sigset_t sigh_mask(void)
{
	sigset_t s;

	if (sigprocmask(SIG_BLOCK, NULL, &s) != 0)
		IPCT_BROKEN("sigprocmask(query): %s", ipct_errname(errno));
	return s;
}

/* 1 if sig is pending for the calling process. */
static inline int sigh_pending(int sig)
{
	sigset_t s;

	if (sigpending(&s) != 0)
		IPCT_BROKEN("sigpending(): %s", ipct_errname(errno));
	return sigismember(&s, sig);
}

/* Unblock everything (delivering what is pending). */
static inline void sigh_xunblock_all(void)
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
static inline void sigh_skip_under_valgrind(const char *why)
{
	if (ipct_under_valgrind())
		ipct_skip("under valgrind, which emulates signal delivery: %s",
			  why);
}

#endif /* CASES_SIGNAL_SIGH_H */
