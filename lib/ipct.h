/* SPDX-License-Identifier: MIT
 * ipct.h - libipct, the library every ipcconf case calls.
 *
 * A case is a static function of straight-line C registered with IPCT_CASE.
 * The harness runs each case in its own forked process (the case "leader")
 * under a watchdog.  Every CHECK_* is fatal: the first failure is reported
 * with file:line, the expression, expected and actual values and errno by
 * name, and the process that failed ends.  Objects created through the
 * ipct_x* wrappers, or registered with ipct_track_*, are journaled in a page
 * shared with the harness, which removes them after the case whatever its
 * outcome.
 */
#ifndef IPCT_H
#define IPCT_H

#ifdef CHECK
#error "CHECK is already defined: ipct.h must own the CHECK_* names"
#endif

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

/* ------------------------------------------------------------------ */
/* Case registration                                                   */

enum ipct_need {
	IPCT_NEED_NONE = 0,
	/* Linux-only behaviour: skipped where configure found another system. */
	IPCT_LINUX_ONLY = 1u << 0,
	/* The case needs an unprivileged process somewhere (permission
	 * checks).  As root the case drops privileges itself in a child with
	 * ipct_drop_privileges(); the flag documents it and lets --list show it. */
	IPCT_UNPRIV = 1u << 1,
	/* The case needs to run as root (for example to change limits). */
	IPCT_ROOT = 1u << 2,
	/* The case needs a process of a second user (another user's object
	 * or process): run as root it drops privileges in a child; run as an
	 * unprivileged user, who cannot switch uid, it skips. */
	IPCT_OTHER_USER = 1u << 3,
};

/* An interface the case needs that configure probes for.  Write it in the
 * registration, never as a skip in the body:
 *
 *   IPCT_CASE(pipe2_cloexec, .id = "pipe.pipe2_cloexec", ...,
 *             .requires = { IPCT_HAVE(HAVE_PIPE2) });
 *
 * IPCT_HAVE(M) is 1 when config.h defines M to 1 (HAVE_FOO, HAVE_DECL_FOO)
 * and 0 when M is undefined or 0; its name is kept for --list and the skip
 * reason ("configure found no pipe2 (HAVE_PIPE2)").  The body still needs
 * `#if M` around the calls that would not compile without the interface;
 * the runner never calls it when one requirement is missing. */
struct ipct_req {
	const char *macro; /* "HAVE_PIPE2" */
	int have;
};
#define IPCT_REQ_MAX 4
#define IPCT_PLACEHOLDER_1_ 0,
#define IPCT_SECOND_(ignored, val, ...) val
#define IPCT_DEFINED_3_(arg) IPCT_SECOND_(arg 1, 0, 0)
#define IPCT_DEFINED_2_(val) IPCT_DEFINED_3_(IPCT_PLACEHOLDER_##val##_)
#define IPCT_DEFINED_(m) IPCT_DEFINED_2_(m)
#define IPCT_HAVE(m) { #m, IPCT_DEFINED_(m) }

struct ipct_case {
	const char *id;      /* <mechanism>.<behaviour> */
	const char *asserts; /* the documented behaviour, one sentence */
	const char *spec;    /* normative source */
	unsigned needs;      /* enum ipct_need flags */
	struct ipct_req requires[IPCT_REQ_MAX]; /* interfaces from configure */
	int timeout_s;       /* 0: the default (10 s x multiplier) */
	/* 1: the case spends its time waiting for a time the standard sets
	 * (a timer, a timeout, the next second), and the runner starts it
	 * at once in a process of its own beside the others (README, "Timed
	 * cases").  It must not rely on other cases of its family not
	 * running meanwhile. */
	int timed;
	void (*fn)(void);
	const char *file;
	int line;
};

#define IPCT_CASE(fn_, ...)                                              \
	static const struct ipct_case ipct_case_##fn_ = {                \
		.fn = fn_, .file = __FILE__, .line = __LINE__, __VA_ARGS__ }

/* The table a case file ends with: IPCT_CASES(&ipct_case_a, &ipct_case_b)
 *
 * A family's files are linked into one program, so each file's table is
 * static and registers itself before main() (see struct ipct_table). */
#define IPCT_CASES(...)                                                   \
	IPCT_TABLE_(cases, ipct_case, .cases, __VA_ARGS__)

/* One file's table of cases or of helpers, as the registry (lib/registry.c)
 * keeps it.  How a table gets there: a constructor function in the file
 * hands it over before main() runs.  Chosen over a linker set (a section
 * with __start_/__stop_ symbols) because constructors work the same with
 * gcc and clang on ELF and Mach-O, static or dynamic, while section bounds
 * are a convention of ELF linkers (Mach-O needs other names and section
 * syntax, so two spellings to keep).  Constructors run in an order the
 * linker chooses, so the registry keeps the tables sorted by file name
 * (then by registration order): the same program always lists and runs
 * its cases in the same order. */
struct ipct_helper;
struct ipct_table {
	const char *file;                         /* __FILE__ of the table */
	const struct ipct_case *const *cases;     /* NULL-terminated, or NULL */
	const struct ipct_helper *const *helpers; /* NULL-terminated, or NULL */
	struct ipct_table *next;                  /* the registry's link */
};
void ipct_register_table(struct ipct_table *t);
/* The registered tables, in order (file name, then registration). */
const struct ipct_table *ipct_tables(void);

/* The static table, its constructor and its registry entry; the caller's
 * semicolon ends the last definition. */
#define IPCT_TABLE_(kind_, type_, field_, ...)                              \
	static struct ipct_table ipct_##kind_##_entry_;                     \
	__attribute__((constructor)) static void ipct_##kind_##_register_(void) \
	{                                                                   \
		ipct_register_table(&ipct_##kind_##_entry_);                \
	}                                                                   \
	static const struct type_ *const ipct_##kind_##_table_[] = {        \
		__VA_ARGS__, NULL };                                        \
	static struct ipct_table ipct_##kind_##_entry_ = {                  \
		.file = __FILE__, field_ = ipct_##kind_##_table_ }

/* Helper modes for exec'd (unrelated) processes.  A case file may define
 * functions that its own binary runs when exec'd as
 * "<binary> --helper NAME ARG...":
 *
 *   static int writer_main(int argc, char **argv) { ...; return 0; }
 *   IPCT_HELPER(writer_main, "writer");
 *   IPCT_HELPERS(&ipct_helper_writer_main);
 *
 * A helper runs outside the case's results page: CHECK_* still print their
 * diagnostic and end it with status 1, which the case sees through
 * ipct_wait()/CHECK_EXITED.  ipct_exec_helper() forks and execs one. */
struct ipct_helper {
	const char *name;
	int (*main)(int argc, char **argv);
};
#define IPCT_HELPER(fn_, name_)                                            \
	static const struct ipct_helper ipct_helper_##fn_ = { (name_), fn_ }
/* Like IPCT_CASES: file-local, registered before main(); a helper name
 * must be unique among the files of one program. */
#define IPCT_HELPERS(...)                                                  \
	IPCT_TABLE_(helpers, ipct_helper, .helpers, __VA_ARGS__)
/* Fork (tracked, as ipct_fork) and exec this binary as helper `name` with
 * the NULL-terminated argument list; returns the pid. */
pid_t ipct_exec_helper(const char *name, ...);
/* Replace the calling process (no fork) with helper `name`: for what exec
 * must carry over and fork would clear (pending signals, alarms).  Returns
 * only by failing the case as broken. */
void ipct_exec_as_helper(const char *name, ...) __attribute__((noreturn));
/* IPCCONF_EXEC_WRAPPER (an emulator put before the binary when it execs
 * itself) must name a program, by path or found in PATH: 0 if so or if it
 * is unset; -1 with the reason in why otherwise.  The runner checks it
 * before the first case: a wrong wrapper made every exec'd helper fail
 * silently, and their peers wait for the watchdog. */
int ipct_exec_wrapper_check(char *why, size_t len);

/* ------------------------------------------------------------------ */
/* Outcomes                                                            */

/* End the case as skipped, with a concrete reason (printf format). */
void ipct_skip(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));
/* Setup failed: the case is "not ok" with "broken:" in its diagnostic. */
void ipct_broken(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));
#define IPCT_BROKEN(...) ipct_broken(__FILE__, __LINE__, __VA_ARGS__)
/* Free-form diagnostic line(s), printed as '#' comments under the case. */
void ipct_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Skip the case if the platform reports the interface as missing
 * (errno ENOSYS, or EOPNOTSUPP for an optional feature). */
void ipct_skip_if_unsupported(const char *call, int err);

/* ------------------------------------------------------------------ */
/* Checks.  Each is fatal: on failure it reports and ends the process.  */

struct ipct_loc {
	const char *file;
	int line;
	const char *expr;
};
#define IPCT_LOC(e) ((struct ipct_loc){ __FILE__, __LINE__, (e) })

void ipct_check_true(struct ipct_loc, int ok);
void ipct_check_ok(struct ipct_loc, long ret, int err);
void ipct_check_ret(struct ipct_loc, long ret, int err, long expected);
void ipct_check_fails(struct ipct_loc, long ret, int err, int expected_err);
void ipct_check_fails2(struct ipct_loc, long ret, int err, int e1, int e2);
void ipct_check_ok_ptr(struct ipct_loc, const void *p, const void *sentinel,
		       int err);
void ipct_check_fails_ptr(struct ipct_loc, const void *p, const void *sentinel,
			  int err, int expected_err);
void ipct_check_eq(struct ipct_loc, intmax_t expected, intmax_t actual);
void ipct_check_equ(struct ipct_loc, uintmax_t expected, uintmax_t actual);
void ipct_check_ne(struct ipct_loc, intmax_t unexpected, intmax_t actual);
void ipct_check_str(struct ipct_loc, const char *expected, const char *actual);
void ipct_check_mem(struct ipct_loc, const void *expected, const void *actual,
		    size_t len);
void ipct_check_exited(struct ipct_loc, int status, int code);
void ipct_check_signaled(struct ipct_loc, int status, int sig);
void ipct_check_errno(struct ipct_loc, int actual, int expected);

/* Rejects floating-point operands at compile time. */
#define IPCT_INTEGER(x) ((void)sizeof(char[(__typeof__(x))1 / 2 == 0 ? 1 : -1]))

#define IPCT_CALL_(call, ret_, err_)                                      \
	long ret_;                                                        \
	int err_;                                                         \
	errno = 0;                                                        \
	ret_ = (long)(call);                                              \
	err_ = errno

/* The call must not return -1. */
#define CHECK_OK(call)                                                    \
	do {                                                              \
		IPCT_CALL_(call, r_, e_);                                 \
		ipct_check_ok(IPCT_LOC(#call), r_, e_);                   \
	} while (0)
/* The call must return exactly `expected` (counts: read, write, msgrcv). */
#define CHECK_RET(call, expected)                                         \
	do {                                                              \
		IPCT_CALL_(call, r_, e_);                                 \
		ipct_check_ret(IPCT_LOC(#call), r_, e_, (long)(expected)); \
	} while (0)
/* The call must return -1 and set errno to exactly E. */
#define CHECK_FAILS(call, E)                                              \
	do {                                                              \
		IPCT_CALL_(call, r_, e_);                                 \
		ipct_check_fails(IPCT_LOC(#call), r_, e_, (E));           \
	} while (0)
/* Only where the standard allows either error: say why next to the call. */
#define CHECK_FAILS_ONEOF(call, E1, E2)                                   \
	do {                                                              \
		IPCT_CALL_(call, r_, e_);                                 \
		ipct_check_fails2(IPCT_LOC(#call), r_, e_, (E1), (E2));   \
	} while (0)
/* Pointer-returning calls: MAP_FAILED, (void *)-1, SEM_FAILED, NULL. */
#define CHECK_OK_PTR(call, sentinel)                                      \
	do {                                                              \
		const void *p_;                                           \
		int e_;                                                   \
		errno = 0;                                                \
		p_ = (const void *)(call);                                \
		e_ = errno;                                               \
		ipct_check_ok_ptr(IPCT_LOC(#call), p_,                    \
				  (const void *)(sentinel), e_);          \
	} while (0)
#define CHECK_FAILS_PTR(call, sentinel, E)                                \
	do {                                                              \
		const void *p_;                                           \
		int e_;                                                   \
		errno = 0;                                                \
		p_ = (const void *)(call);                                \
		e_ = errno;                                               \
		ipct_check_fails_ptr(IPCT_LOC(#call), p_,                 \
				     (const void *)(sentinel), e_, (E));  \
	} while (0)

#define CHECK(expr) ipct_check_true(IPCT_LOC(#expr), !!(expr))
#define CHECK_EQ(expected, actual)                                        \
	do {                                                              \
		IPCT_INTEGER(expected);                                   \
		IPCT_INTEGER(actual);                                     \
		ipct_check_eq(IPCT_LOC(#actual " == " #expected),         \
			      (intmax_t)(expected), (intmax_t)(actual));  \
	} while (0)
#define CHECK_EQU(expected, actual)                                       \
	do {                                                              \
		IPCT_INTEGER(expected);                                   \
		IPCT_INTEGER(actual);                                     \
		ipct_check_equ(IPCT_LOC(#actual " == " #expected),        \
			       (uintmax_t)(expected), (uintmax_t)(actual)); \
	} while (0)
#define CHECK_NE(unexpected, actual)                                      \
	do {                                                              \
		IPCT_INTEGER(unexpected);                                 \
		IPCT_INTEGER(actual);                                     \
		ipct_check_ne(IPCT_LOC(#actual " != " #unexpected),       \
			      (intmax_t)(unexpected), (intmax_t)(actual)); \
	} while (0)
#define CHECK_STR(expected, actual)                                       \
	ipct_check_str(IPCT_LOC(#actual), (expected), (actual))
#define CHECK_MEM(expected, actual, len)                                  \
	ipct_check_mem(IPCT_LOC(#actual), (expected), (actual), (len))
/* Wait statuses: never compare raw status integers. */
#define CHECK_EXITED(status, code)                                        \
	ipct_check_exited(IPCT_LOC(#status), (status), (code))
#define CHECK_SIGNALED(status, sig)                                       \
	ipct_check_signaled(IPCT_LOC(#status), (status), (sig))
/* An errno value saved earlier (for example from a child's report). */
#define CHECK_ERRNO(actual, expected)                                     \
	ipct_check_errno(IPCT_LOC(#actual), (actual), (expected))

/* ------------------------------------------------------------------ */
/* Names of errno values, signals and wait statuses                    */

/* "EAGAIN/EWOULDBLOCK"; "errno 4095" for an unknown value. */
const char *ipct_errname(int err);
/* "SIGPIPE", "SIGRTMIN+3"; "signal 99" for an unknown value. */
const char *ipct_signame(int sig);
/* Decoded wait status: "exited 3", "killed by SIGSEGV (core dumped)". */
const char *ipct_status_str(int status, char *buf, size_t len);
/* errno value by name ("EAGAIN"); -1 if unknown. */
int ipct_errno_by_name(const char *name);

/* ------------------------------------------------------------------ */
/* Processes                                                           */

/* Flush stdio, fork, and mark the child: a failed CHECK_* in the child
 * ends it with _exit().  The child is tracked: the case leader reaps it at
 * the end of the case, and a child that is still running, exited non-zero
 * or died by a signal turns the case into "not ok". */
pid_t ipct_fork(void);
/* Run fn(arg) in a forked child that then _exit(0)s. */
pid_t ipct_spawn(void (*fn)(void *), void *arg);
/* Wait for a tracked child; returns its wait status.  Bounded by the
 * checkpoint limit (5 s x multiplier): a child that does not end fails
 * the case with "child N did not exit". */
int ipct_wait(pid_t pid);
/* As ipct_wait, and the child must have exited 0 (CHECK, reported at the
 * caller's file:line). */
void ipct_wait_ok_at(pid_t pid, const char *file, int line);
#define ipct_wait_ok(pid) ipct_wait_ok_at((pid), __FILE__, __LINE__)
/* Child side: end now with status 0 (never returns). */
void ipct_child_exit(void) __attribute__((noreturn));
/* True in a process forked by ipct_fork(). */
int ipct_in_child(void);

/* Drop to an unprivileged uid/gid in the calling process (call it in a
 * child).  As a non-root user this does nothing.  Returns the uid. */
uid_t ipct_drop_privileges(void);
/* The uid and gid ipct_drop_privileges() switches to as root. */
uid_t ipct_unpriv_uid(void);
gid_t ipct_unpriv_gid(void);

/* Call in a process that is about to fault on purpose (a write to a
 * read-only mapping, a touch past the end of an object): under valgrind it
 * turns off error reporting for this process, so the deliberate invalid
 * access is not counted as a memcheck error.  Does nothing otherwise. */
void ipct_expect_fault(void);

/* True when the case runs under valgrind (client request where the
 * header was found, else IPCCONF_UNDER_VALGRIND set by make check-valgrind).
 * For the few behaviours valgrind itself emulates differently (signal
 * queueing across exec, for one): such a case skips, naming the reason. */
int ipct_under_valgrind(void);

/* Timeout multiplier (IPCCONF_TIMEOUT_MUL, default 1), for messages. */
double ipct_timeout_mul(void);
/* ms times the multiplier, in integers (bounds are computed with this). */
int64_t ipct_scale_ms(int64_t ms);
/* NULL, or why IPCCONF_TIMEOUT_MUL was not usable (1 is used then). */
const char *ipct_timeout_mul_problem(void);
/* Milliseconds of the default bound for internal waits (5 s x mul). */
int ipct_wait_limit_ms(void);
/* Sleep between polls of a state that has no descriptor to wait on:
 * 0.1 ms doubling to 1 ms (start with *delay_us = 0).  Bound the loop by
 * a deadline (ipct_now_ms() + ipct_wait_limit_ms()). */
void ipct_backoff(int *delay_us);
/* Bounds for timestamps the system records (st_ctime, msg_stime,
 * sem_otime, shm_atime...): the kernel may stamp them from a coarse clock
 * that lags time() by up to a tick, or from a fine one.  A timestamp made
 * after ipct_time_floor() returned is >= it; one made before
 * ipct_time_ceil() was called is <= it. */
time_t ipct_time_floor(void);
time_t ipct_time_ceil(void);
/* Monotonic clock in milliseconds. */
int64_t ipct_now_ms(void);

/* Memory shared with children forked afterwards (MAP_SHARED|MAP_ANONYMOUS).
 * Zero-filled; released when the case ends. */
void *ipct_shared_alloc(size_t size);

/* The absolute path of this case binary (for exec of helper modes). */
const char *ipct_self_exe(void);

/* ------------------------------------------------------------------ */
/* Checkpoints and barriers (pipes, never sleep)                       */

/* A two-way checkpoint between the process that created it and any one
 * process forked afterwards.  ipct_post() never blocks; ipct_sync_wait()
 * waits for the peer's post with the given number, bounded by the limit,
 * and fails the case naming the checkpoint if it does not come (or if the
 * peer exited first). */
struct ipct_sync {
	int to_child[2];
	int to_parent[2];
	pid_t creator;
};
void ipct_sync_init_at(struct ipct_sync *s, const char *file, int line);
#define ipct_sync_init(s) ipct_sync_init_at((s), __FILE__, __LINE__)
void ipct_post_at(struct ipct_sync *s, int n, const char *file, int line);
void ipct_sync_wait_at(struct ipct_sync *s, int n, const char *file, int line);
#define ipct_post(s, n) ipct_post_at((s), (n), __FILE__, __LINE__)
#define ipct_sync_wait(s, n) ipct_sync_wait_at((s), (n), __FILE__, __LINE__)

/* An N-party barrier: the creator and N-1 processes forked after it. */
struct ipct_barrier {
	int arrive[2];
	int release[2];
	int parties;
	pid_t creator;
};
void ipct_barrier_init(struct ipct_barrier *b, int parties);
void ipct_barrier_wait_at(struct ipct_barrier *b, const char *file, int line);
#define ipct_barrier_wait(b) ipct_barrier_wait_at((b), __FILE__, __LINE__)

/* Signals caught by a handler that only records that it ran.  ipct_catch()
 * installs it for sig (sa_flags as given, e.g. 0 or SA_RESTART); the handler
 * is async-signal-safe (one write to a close-on-exec pipe of this process).
 * ipct_wait_caught() waits, bounded by the limit, until the handler has run
 * for sig once more than the waits before it have consumed; it fails the
 * case as broken if it does not.  ipct_caught() polls without waiting.
 * Children forked after ipct_catch() inherit the handler, and their runs of
 * it are seen by the process that called ipct_catch() (typically: the
 * signal interrupts a blocker child, the case waits in the parent). */
void ipct_catch(int sig, int flags);
void ipct_wait_caught_at(int sig, const char *file, int line);
#define ipct_wait_caught(sig) ipct_wait_caught_at((sig), __FILE__, __LINE__)
int ipct_caught(int sig);

/* Record the last progress point (printed if the watchdog fires). */
void ipct_progress(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ------------------------------------------------------------------ */
/* Blocking proofs                                                     */

/* The outcome of a call made by a blocker child. */
struct ipct_result {
	long ret;
	int err;
};

/* Run `call(arg)` in a forked child.  The child posts "before", makes
 * the call, and reports what it returned and errno.  Typical use:
 *
 *   struct ipct_blocker b;
 *   ipct_block_start(&b, do_read, &args);
 *   ipct_block_prove(&b);      // asleep in the call and no result yet
 *   ... releasing action ...
 *   r = ipct_block_finish(&b); // waits for the result, reaps the child
 *   CHECK_RESULT(r, 1);
 */
struct ipct_blocker {
	pid_t pid;
	int before[2];
	int result[2];
	int started; /* "before" was seen */
	int have_result; /* the result was read early by ipct_block_returned */
	struct ipct_result early;
	const char *what;
	char proof[96]; /* how ipct_block_prove() saw it blocked, for messages */
};
void ipct_block_start_at(struct ipct_blocker *b, void (*prep)(void *),
			 long (*call)(void *), void *arg, const char *what,
			 const char *file, int line);
#define ipct_block_start(b, call, arg)                                     \
	ipct_block_start_at((b), NULL, (call), (arg), #call, __FILE__, __LINE__)
/* The same, with prep(arg) run in the blocker child before it posts
 * "before": work the call needs done first that may itself sleep (a fork()
 * under an emulator waits for the emulator's own locks), which the proof
 * would otherwise take for the call. */
#define ipct_block_start_prep(b, prep, call, arg)                          \
	ipct_block_start_at((b), (prep), (call), (arg), #call, __FILE__, __LINE__)
/* May be called again (after an event that must not release the call) to
 * prove the call is still blocked. */
void ipct_block_prove_at(struct ipct_blocker *b, const char *file, int line);
#define ipct_block_prove(b) ipct_block_prove_at((b), __FILE__, __LINE__)
/* Has the call returned?  Does not wait; a result it sees is kept for
 * ipct_block_finish().  For "exactly one of several blockers returned". */
int ipct_block_returned(struct ipct_blocker *b);
/* Wait (bounded by the limit) until the call of one of n blockers returns;
 * returns its index, its result kept for ipct_block_finish().  Fails the
 * case if none returns: the release did not release any of them. */
int ipct_block_first_at(struct ipct_blocker *b, int n, const char *file,
			int line);
#define ipct_block_first(b, n) ipct_block_first_at((b), (n), __FILE__, __LINE__)
struct ipct_result ipct_block_finish_at(struct ipct_blocker *b,
					const char *file, int line);
#define ipct_block_finish(b) ipct_block_finish_at((b), __FILE__, __LINE__)

/* Lower level: wait until process pid is asleep in the kernel.  Fails the
 * case (a failed check: the call did not block) if pid exits first, and as
 * broken if it does not sleep within the limit.  Returns 1
 * when proved from kernel state, 0 when only the timed window was used. */
int ipct_wait_asleep_at(pid_t pid, const char *what, const char *file,
			int line);
#define ipct_wait_asleep(pid) \
	ipct_wait_asleep_at((pid), "process", __FILE__, __LINE__)
/* Wait (bounded) until pid is stopped (state T), e.g. after SIGSTOP. */
void ipct_wait_stopped_at(pid_t pid, const char *file, int line);
#define ipct_wait_stopped(pid) ipct_wait_stopped_at((pid), __FILE__, __LINE__)

void ipct_check_result_ret(struct ipct_loc, struct ipct_result r,
			   long expected);
void ipct_check_result_fails(struct ipct_loc, struct ipct_result r, int err);
#define CHECK_RESULT(r, expected)                                         \
	ipct_check_result_ret(IPCT_LOC(#r), (r), (long)(expected))
#define CHECK_RESULT_FAILS(r, E)                                          \
	ipct_check_result_fails(IPCT_LOC(#r), (r), (E))

/* ------------------------------------------------------------------ */
/* Resources: unique names, private paths, the cleanup journal         */

enum ipct_kind {
	IPCT_SYSV_MSG = 1,
	IPCT_SYSV_SEM,
	IPCT_SYSV_SHM,
	IPCT_POSIX_MQ,
	IPCT_POSIX_SEM,
	IPCT_POSIX_SHM,
	IPCT_PATH,
};

/* The case's private directory (mode 0700, removed after the case).  The
 * case runs with it as its working directory. */
const char *ipct_tmpdir(void);
/* Let an unprivileged child traverse the private directory (mode 0711). */
void ipct_tmpdir_traversable(void);
/* An absolute path inside the private directory: <tmpdir>/<leaf>. */
const char *ipct_path(const char *leaf);

/* A POSIX IPC name unique per run and process ("/ipcconf.<run>.<pid>.<n>"),
 * journaled before it is returned: create it with any call, the harness
 * unlinks it afterwards.  The string stays valid for the whole case. */
const char *ipct_posix_name(enum ipct_kind kind);
/* A POSIX IPC name from ipct_posix_name(kind), padded with 'x' so that the
 * part after the leading slash is exactly len bytes (for NAME_MAX cases).
 * Journaled like the name it extends.  The string lives until the next
 * call. */
const char *ipct_long_posix_name(enum ipct_kind kind, size_t len);
/* The first number in a file such as /proc/sys/kernel/msgmnb; -1 if the
 * file cannot be read or holds no number. */
long ipct_read_number(const char *path);
/* A SysV key that no object uses now (random; never IPC_PRIVATE). */
key_t ipct_unused_key(void);
/* Journal an object created directly by the case (sysv ids, names). */
void ipct_track_id(enum ipct_kind kind, int id);
void ipct_track_name(enum ipct_kind kind, const char *name);

/* Setup wrappers: fatal on failure ("broken", reported at the caller's
 * file:line), journal what they create.  Modes default to 0600 where the
 * caller passes only flags.  ipct_xpipe() descriptors are NOT close-on-exec
 * (cases hand them to exec'd helpers on purpose). */
void ipct_xpipe_at(int fd[2], const char *file, int line);
#define ipct_xpipe(...) ipct_xpipe_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xclose_at(int fd, const char *file, int line);
#define ipct_xclose(...) ipct_xclose_at(__VA_ARGS__, __FILE__, __LINE__)
int ipct_xdup_at(int fd, const char *file, int line);
#define ipct_xdup(...) ipct_xdup_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xwrite_all_at(int fd, const void *buf, size_t len, const char *file, int line);
#define ipct_xwrite_all(...) ipct_xwrite_all_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xread_all_at(int fd, void *buf, size_t len, const char *file, int line);
#define ipct_xread_all(...) ipct_xread_all_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xsigaction_at(int sig, void (*handler)(int), int flags, const char *file, int line);
#define ipct_xsigaction(...) ipct_xsigaction_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xsigblock_at(int sig, const char *file, int line);
#define ipct_xsigblock(...) ipct_xsigblock_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xsetnonblock_at(int fd, const char *file, int line);
#define ipct_xsetnonblock(...) ipct_xsetnonblock_at(__VA_ARGS__, __FILE__, __LINE__)
void ipct_xmkfifo_at(const char *path, mode_t mode, const char *file, int line);
#define ipct_xmkfifo(...) ipct_xmkfifo_at(__VA_ARGS__, __FILE__, __LINE__)
int ipct_xmsgget_at(key_t key, int flags, const char *file, int line);
#define ipct_xmsgget(...) ipct_xmsgget_at(__VA_ARGS__, __FILE__, __LINE__)
int ipct_xsemget_at(key_t key, int nsems, int flags, const char *file, int line);
#define ipct_xsemget(...) ipct_xsemget_at(__VA_ARGS__, __FILE__, __LINE__)
int ipct_xshmget_at(key_t key, size_t size, int flags, const char *file, int line);
#define ipct_xshmget(...) ipct_xshmget_at(__VA_ARGS__, __FILE__, __LINE__)

/* ------------------------------------------------------------------ */
/* Reference transcripts                                               */

/* Compare `text` with expected/<name>.  Missing file or a mismatch fails
 * the case with the first differing line.  IPCCONF_EXPECTED_DIR, else the
 * directory configure recorded, else <prefix>/share/ipcconf/expected. */
void ipct_check_transcript_at(const char *name, const char *text,
			      const char *file, int line);
#define CHECK_TRANSCRIPT(name, text) \
	ipct_check_transcript_at((name), (text), __FILE__, __LINE__)

/* ------------------------------------------------------------------ */
/* Helpers more than one family needs (lib/util.c, lib/refcase.c)     */

/* The system page size (fatal if sysconf cannot tell). */
size_t ipct_xpagesize_at(const char *file, int line);
#define ipct_xpagesize() ipct_xpagesize_at(__FILE__, __LINE__)
/* Field `field` (0 for the first) of the unsigned numbers in a /proc file
 * such as /proc/sys/kernel/msgmax or /proc/sys/kernel/sem (four fields);
 * skips the case naming the file when it cannot be read: the limit is the
 * behaviour under test.  (ipct_read_number() reads one without skipping.) */
unsigned long long ipct_need_limit(const char *path, int field);
/* Now on `clock` plus ms milliseconds (negative: in the past), as the
 * timed calls take it (sem_timedwait, mq_timedsend: CLOCK_REALTIME). */
struct timespec ipct_xdeadline_at(clockid_t clock, long ms, const char *file,
				  int line);
#define ipct_xdeadline(clock, ms) ipct_xdeadline_at((clock), (ms), __FILE__, __LINE__)
/* Has `clock` reached *tp? */
int ipct_xclock_reached_at(clockid_t clock, const struct timespec *tp,
			   const char *file, int line);
#define ipct_xclock_reached(clock, tp) \
	ipct_xclock_reached_at((clock), (tp), __FILE__, __LINE__)
/* A signal handler that does nothing: installed without SA_RESTART, its
 * only effect is to interrupt a blocked call (EINTR).  To see that it ran,
 * use ipct_catch() instead. */
void ipct_noop_handler(int sig);
/* For a creating call under test: journal the id it returned if it is
 * >= 0, keep errno, return the id.  ipct_tracked_id(IPCT_SYSV_SEM,
 * semget(key, 1, flags)) is checked like the bare call. */
int ipct_tracked_id(enum ipct_kind kind, int id);
/* Set the permission bits of a System V object with IPC_SET as its owner,
 * without IPC_STAT (so it works whatever the current mode); uid and gid
 * become the caller's.  For a message queue IPC_SET sets msg_qbytes too:
 * pass the value it must keep (ignored for the other kinds). */
void ipct_xsysv_setmode_at(enum ipct_kind kind, int id, unsigned mode,
			   unsigned long msg_qbytes, const char *file, int line);
#define ipct_xsysv_setmode(kind, id, mode, qbytes) \
	ipct_xsysv_setmode_at((kind), (id), (mode), (qbytes), __FILE__, __LINE__)

/* The reference-case skeleton: a lib/ref/ demo writes its transcript into
 * a memory stream, and the case compares it with expected/<name>:
 *
 *   struct ipct_demo d;
 *   int rc = ref_pipe_demo_transfer(ipct_xdemo_begin(&d)), err = errno;
 *   ipct_demo_check(&d, rc, err, "ref/pipe_transfer.txt");
 *
 * ipct_demo_check() closes the stream, notes the transcript so far if the
 * demo failed, compares the transcript (its first differing line is the
 * most useful diagnostic), then checks that the demo returned 0.
 * ipct_xdemo_end() closes the stream early, for a case that must look at
 * the demo's errno before checking (it may skip). */
struct ipct_demo {
	FILE *out;
	char *text;
	size_t len;
};
FILE *ipct_xdemo_begin_at(struct ipct_demo *d, const char *file, int line);
#define ipct_xdemo_begin(d) ipct_xdemo_begin_at((d), __FILE__, __LINE__)
void ipct_xdemo_end_at(struct ipct_demo *d, const char *file, int line);
#define ipct_xdemo_end(d) ipct_xdemo_end_at((d), __FILE__, __LINE__)
void ipct_demo_check_at(struct ipct_demo *d, int rc, int err,
			const char *expected, const char *file, int line);
#define ipct_demo_check(d, rc, err, expected) \
	ipct_demo_check_at((d), (rc), (err), (expected), __FILE__, __LINE__)

#endif /* IPCT_H */
