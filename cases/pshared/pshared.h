/* SPDX-License-Identifier: MIT
 * cases/pshared/pshared.h - helpers shared by the pshared case files:
 * one shared area holding every kind of synchronisation object, placed in
 * anonymous MAP_SHARED memory, a System V segment, a POSIX shared memory
 * object or a mapped regular file; initialisers for the objects; and the
 * plumbing for exec'd (unrelated) helper processes.
 *
 * Included after ipct.h.  pshared_x* helpers are fatal: a failure ends the
 * case as broken (or skips it when the platform refuses the feature at run
 * time, naming the reason); the others are not.
 */
#ifndef CASES_PSHARED_PSHARED_H
#define CASES_PSHARED_PSHARED_H

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

/* Everything a case may share.  Each case initialises what it uses. */
struct pshared_area {
	pthread_mutex_t mutex;
	pthread_cond_t cond;
	pthread_rwlock_t rwlock;
#ifdef HAVE_PTHREAD_BARRIER_INIT
	pthread_barrier_t barrier;
#endif
#ifdef HAVE_PTHREAD_SPIN_INIT
	pthread_spinlock_t spin;
#endif
	sem_t sem;
	sem_t hold;          /* holders park here until the case posts it */
	volatile int flag;   /* a predicate, written under the mutex */
	volatile int tickets; /* units of a predicate, taken under the mutex */
	volatile int count;  /* holders that got the lock (atomic adds) */
	volatile int results[8];
};

/* A pthread-style return value (0 or an error number) that a setup step
 * needs to be 0. */
static inline void pshared_xok(int err, const char *what)
{
	if (err != 0)
		IPCT_BROKEN("%s: %s", what, ipct_errname(err));
}

/* CHECK a pthread-style return value: 0 or the expected error number,
 * reported by name. */
#define CHECK_PT(call, E) CHECK_ERRNO((call), (E))

/* ------------------------------------------------------------ placement */

/* In anonymous MAP_SHARED memory, inherited by children forked later. */
static inline struct pshared_area *pshared_xanon(void)
{
	return ipct_shared_alloc(sizeof(struct pshared_area));
}

/* In a new private System V segment (journaled); *id gets its id. */
static inline struct pshared_area *pshared_xsysv(int *id)
{
	void *p;

	*id = ipct_xshmget(IPC_PRIVATE, sizeof(struct pshared_area),
			   IPC_CREAT | 0600);
	p = shmat(*id, NULL, 0);
	if (p == (void *)-1)
		IPCT_BROKEN("shmat(%d): %s", *id, ipct_errname(errno));
	return p;
}

/* In a new POSIX shared memory object (journaled); *name gets its name. */
static inline struct pshared_area *pshared_xposix(const char **name)
{
	void *p;
	int fd;

#ifndef HAVE_SHM_OPEN
	ipct_skip("shm_open: not found by configure");
#endif
	*name = ipct_posix_name(IPCT_POSIX_SHM);
	fd = shm_open(*name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0) {
		ipct_skip_if_unsupported("shm_open", errno);
		IPCT_BROKEN("shm_open(%s): %s", *name, ipct_errname(errno));
	}
	if (ftruncate(fd, sizeof(struct pshared_area)) != 0)
		IPCT_BROKEN("ftruncate(): %s", ipct_errname(errno));
	p = mmap(NULL, sizeof(struct pshared_area), PROT_READ | PROT_WRITE,
		 MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(%s): %s", *name, ipct_errname(errno));
	ipct_xclose(fd);
	return p;
}

/* In a regular file of the case's private directory mapped MAP_SHARED;
 * *path gets its path. */
static inline struct pshared_area *pshared_xfile(const char **path)
{
	void *p;
	int fd;

	*path = ipct_path("area");
	fd = open(*path, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0)
		IPCT_BROKEN("open(%s): %s", *path, ipct_errname(errno));
	if (ftruncate(fd, sizeof(struct pshared_area)) != 0)
		IPCT_BROKEN("ftruncate(): %s", ipct_errname(errno));
	p = mmap(NULL, sizeof(struct pshared_area), PROT_READ | PROT_WRITE,
		 MAP_SHARED, fd, 0);
	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(%s): %s", *path, ipct_errname(errno));
	ipct_xclose(fd);
	return p;
}

/* A helper's way back to the area: "sysv:ID", "posix:NAME", "file:PATH".
 * NULL (errno set) when it cannot be mapped. */
static inline struct pshared_area *pshared_attach(const char *spec)
{
	void *p = MAP_FAILED;
	int fd = -1;

	if (strncmp(spec, "sysv:", 5) == 0) {
		p = shmat(atoi(spec + 5), NULL, 0);
		return p == (void *)-1 ? NULL : p;
	}
#ifdef HAVE_SHM_OPEN
	if (strncmp(spec, "posix:", 6) == 0)
		fd = shm_open(spec + 6, O_RDWR, 0);
#endif
	if (strncmp(spec, "file:", 5) == 0)
		fd = open(spec + 5, O_RDWR);
	if (fd < 0)
		return NULL;
	p = mmap(NULL, sizeof(struct pshared_area), PROT_READ | PROT_WRITE,
		 MAP_SHARED, fd, 0);
	close(fd);
	return p == MAP_FAILED ? NULL : p;
}

/* ------------------------------------------------------------ objects */

/* A robust mutex is refused at run time where the kernel keeps no robust
 * futex list for the process (qemu-user answers set_robust_list with
 * ENOSYS, and glibc then refuses robust mutexes with ENOTSUP). */
static inline void pshared_skip_robust(int err, const char *what)
{
	if (err == ENOTSUP || err == ENOSYS)
		ipct_skip("%s: %s (no robust futex list here: the kernel or emulator does not support set_robust_list)",
			  what, ipct_errname(err));
}

/* A PTHREAD_PROCESS_SHARED mutex of `type`, robust if asked. */
static inline void pshared_xmutex(pthread_mutex_t *m, int type, int robust)
{
	pthread_mutexattr_t ma;
	int err;

	pshared_xok(pthread_mutexattr_init(&ma), "pthread_mutexattr_init");
	pshared_xok(pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED),
		    "pthread_mutexattr_setpshared");
	pshared_xok(pthread_mutexattr_settype(&ma, type),
		    "pthread_mutexattr_settype");
	if (robust) {
#ifdef HAVE_PTHREAD_MUTEXATTR_SETROBUST
		err = pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST);
		pshared_skip_robust(err, "pthread_mutexattr_setrobust");
		pshared_xok(err, "pthread_mutexattr_setrobust");
#else
		ipct_skip("pthread_mutexattr_setrobust: not found by configure");
#endif
	}
	err = pthread_mutex_init(m, &ma);
	if (robust)
		pshared_skip_robust(err, "pthread_mutex_init(robust)");
	pshared_xok(err, "pthread_mutex_init");
	pshared_xok(pthread_mutexattr_destroy(&ma), "pthread_mutexattr_destroy");
}

/* A PTHREAD_PROCESS_SHARED condition variable timed on `clock`
 * (CLOCK_REALTIME: the default attribute). */
static inline void pshared_xcond(pthread_cond_t *c, clockid_t clock)
{
	pthread_condattr_t ca;

	pshared_xok(pthread_condattr_init(&ca), "pthread_condattr_init");
	pshared_xok(pthread_condattr_setpshared(&ca, PTHREAD_PROCESS_SHARED),
		    "pthread_condattr_setpshared");
	if (clock != CLOCK_REALTIME) {
#ifdef HAVE_PTHREAD_CONDATTR_SETCLOCK
		pshared_xok(pthread_condattr_setclock(&ca, clock),
			    "pthread_condattr_setclock");
#else
		ipct_skip("pthread_condattr_setclock: not found by configure");
#endif
	}
	pshared_xok(pthread_cond_init(c, &ca), "pthread_cond_init");
	pshared_xok(pthread_condattr_destroy(&ca), "pthread_condattr_destroy");
}

/* The area's mutex (normal) and condition variable, both shared. */
static inline void pshared_xmutex_cond(struct pshared_area *a, clockid_t clock)
{
	pshared_xmutex(&a->mutex, PTHREAD_MUTEX_NORMAL, 0);
	pshared_xcond(&a->cond, clock);
}

static inline void pshared_xrwlock(pthread_rwlock_t *rw)
{
#ifdef HAVE_PTHREAD_RWLOCKATTR_SETPSHARED
	pthread_rwlockattr_t ra;

	pshared_xok(pthread_rwlockattr_init(&ra), "pthread_rwlockattr_init");
	pshared_xok(pthread_rwlockattr_setpshared(&ra, PTHREAD_PROCESS_SHARED),
		    "pthread_rwlockattr_setpshared");
	pshared_xok(pthread_rwlock_init(rw, &ra), "pthread_rwlock_init");
	pshared_xok(pthread_rwlockattr_destroy(&ra), "pthread_rwlockattr_destroy");
#else
	(void)rw;
	ipct_skip("pthread_rwlockattr_setpshared: not found by configure");
#endif
}

#ifdef HAVE_PTHREAD_BARRIER_INIT
static inline void pshared_xbarrier(pthread_barrier_t *b, unsigned count)
{
	pthread_barrierattr_t ba;

	pshared_xok(pthread_barrierattr_init(&ba), "pthread_barrierattr_init");
	pshared_xok(pthread_barrierattr_setpshared(&ba, PTHREAD_PROCESS_SHARED),
		    "pthread_barrierattr_setpshared");
	pshared_xok(pthread_barrier_init(b, &ba, count), "pthread_barrier_init");
	pshared_xok(pthread_barrierattr_destroy(&ba), "pthread_barrierattr_destroy");
}
#endif

/* An unnamed semaphore with pshared 1. */
static inline void pshared_xsem(sem_t *s, unsigned value)
{
	if (sem_init(s, 1, value) != 0) {
		ipct_skip_if_unsupported("sem_init(pshared=1)", errno);
		IPCT_BROKEN("sem_init(pshared=1, %u): %s", value,
			    ipct_errname(errno));
	}
}

/* ------------------------------------------------------------ waiting */

/* Wait, bounded by the limit, until *v reaches at least `want` (a value
 * other processes raise; there is no descriptor to wait on).  Returns
 * the value seen; the caller checks it. */
static inline int pshared_await(volatile int *v, int want)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	int delay = 0;

	while (__atomic_load_n(v, __ATOMIC_ACQUIRE) < want &&
	       ipct_now_ms() < deadline)
		ipct_backoff(&delay);
	return __atomic_load_n(v, __ATOMIC_ACQUIRE);
}

/* ------------------------------------------------------------ exec'd helpers */

/* An exec'd helper process and the pipe it reports on: 'b' before the
 * call under test, then the call's int result. */
struct pshared_ext {
	pid_t pid;
	int fd;
};

/* Exec helper `name` with the area's spec and an optional argument. */
static inline void pshared_ext_start(struct pshared_ext *e, const char *name,
				     const char *spec, const char *arg)
{
	char num[16];
	int p[2], hi;

	ipct_xpipe(p);
	/* A high number, so nothing the new image opens lands on it. */
	hi = fcntl(p[1], F_DUPFD, 200);
	if (hi < 0)
		IPCT_BROKEN("fcntl(F_DUPFD, 200): %s", ipct_errname(errno));
	ipct_xclose(p[1]);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	snprintf(num, sizeof num, "%d", hi);
	e->pid = ipct_exec_helper(name, spec, num, arg ? arg : "-", (char *)NULL);
	ipct_xclose(hi);
	e->fd = p[0];
}

/* Read len bytes the helper reports, bounded; 0 if it ended first. */
static inline int pshared_ext_read(struct pshared_ext *e, void *buf, size_t len)
{
	int64_t deadline = ipct_now_ms() + ipct_wait_limit_ms();
	size_t got = 0;

	while (got < len) {
		struct pollfd p = { .fd = e->fd, .events = POLLIN };
		int64_t left = deadline - ipct_now_ms();
		ssize_t n;

		if (left <= 0)
			IPCT_BROKEN("helper %ld did not report within %d ms",
				    (long)e->pid, ipct_wait_limit_ms());
		if (poll(&p, 1, left > 100 ? 100 : (int)left) <= 0)
			continue;
		n = read(e->fd, (char *)buf + got, len - got);
		if (n == 0)
			return 0;
		if (n < 0 && errno != EINTR)
			IPCT_BROKEN("read(helper pipe): %s", ipct_errname(errno));
		if (n > 0)
			got += (size_t)n;
	}
	return 1;
}

/* The helper is about to make its call: wait for its 'b'. */
static inline void pshared_ext_before(struct pshared_ext *e)
{
	char c;

	if (!pshared_ext_read(e, &c, 1) || c != 'b')
		IPCT_BROKEN("helper %ld ended before its call", (long)e->pid);
}

/* The helper sleeps in its call and has reported no result. */
static inline void pshared_ext_prove_blocked(struct pshared_ext *e)
{
	struct pollfd p = { .fd = e->fd, .events = POLLIN };

	pshared_ext_before(e);
	ipct_wait_asleep_at(e->pid, "the exec'd helper's call", __FILE__, __LINE__);
	CHECK(poll(&p, 1, 0) == 0);
}

/* The helper's result; the helper must then exit 0. */
static inline int pshared_ext_result(struct pshared_ext *e)
{
	int r;

	if (!pshared_ext_read(e, &r, sizeof r)) {
		ipct_wait_ok(e->pid);
		IPCT_BROKEN("helper %ld exited without a result", (long)e->pid);
	}
	ipct_xclose(e->fd);
	ipct_wait_ok(e->pid);
	return r;
}

/* Helper side: argv = name SPEC FD ARG.  Maps the area (fatal: the
 * helper's failed CHECK ends it with status 1). */
static inline struct pshared_area *pshared_helper_area(int argc, char **argv,
						       int *fd)
{
	struct pshared_area *a;

	CHECK_EQ(4, argc);
	*fd = atoi(argv[2]);
	a = pshared_attach(argv[1]);
	CHECK(a != NULL);
	return a;
}

static inline void pshared_helper_before(int fd)
{
	CHECK_RET(write(fd, "b", 1), 1);
}

static inline void pshared_helper_result(int fd, int r)
{
	CHECK_RET(write(fd, &r, sizeof r), (long)sizeof r);
}

#endif /* CASES_PSHARED_PSHARED_H */
