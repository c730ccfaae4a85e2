/* SPDX-License-Identifier: MIT
 * sabotage.c - the sabotage library of `make check-falsify` (issue 17):
 * LD_PRELOAD, built only for that check, never installed.  Each row of
 * harness/sabotage.def makes one call deviate from its documented
 * behaviour in one way a real platform could; IPCCONF_SABOTAGE=name
 * selects it.  Built on the interposition core of harness/interpose.[ch];
 * a row acts only in case processes, on calls made by the case's own code
 * or the reference implementation (harness/sabotage_scope.c).
 */
#define _GNU_SOURCE
#include "interpose.h"
#include "sabotage.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/signalfd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/select.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <sys/time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>


static int in_case(void);
#define NROWS 1024
static struct interpose_row rows[NROWS];
INTERPOSE_TABLE(rows, "IPCCONF_SABOTAGE");

/* The interposition core reads the selection in its constructor, which
 * runs after this one (link order): fill the row names first. */
__attribute__((constructor(101))) static void fill_rows(void)
{
	size_t i;

	for (i = 0; sab_rows[i].name; i++)
		rows[i] = (struct interpose_row){ sab_rows[i].name, sab_rows[i].breaks, in_case, 0 };
}

static int in_case(void)
{
	return getenv("IPCCONF_CASE") != NULL;
}

/* IPCCONF_SABOTAGE_TRACE=FILE: append "case-id<TAB>call" for every call
 * the case code makes to a function a sabotage can act on (once per call
 * and process), so that harness/falsify.sh runs under a sabotage only the
 * cases that reach it. */
static const struct sab trace_row = { "(trace)", "", "", K_TRACE, 0, 0, ON_ANY, "", "" };
static const char *trace_call; /* the call being traced, for post() */

/* Records "case-id<TAB>call<TAB>errno" once per process; errno -1: the call
 * was made. */
static void trace_line(const char *call, int err)
{
	static struct { const char *call; int err; } seen[512];
	static size_t nseen;
	static pid_t owner;
	const char *file = getenv("IPCCONF_SABOTAGE_TRACE"), *id = getenv("IPCCONF_CASE");
	char line[512];
	size_t i;
	int fd, n, saved = errno;

	if (!file || !id || !call)
		return;
	if (owner != getpid()) {
		owner = getpid();
		nseen = 0;
	}
	for (i = 0; i < nseen; i++)
		if (seen[i].err == err && (seen[i].call == call || strcmp(seen[i].call, call) == 0))
			return;
	if (nseen < 512) {
		seen[nseen].call = call;
		seen[nseen++].err = err;
	}
	n = snprintf(line, sizeof line, "%s\t%s\t%d\n", id, call, err);
	fd = INTERPOSE_REAL(open)(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		if (INTERPOSE_REAL(write)(fd, line, (size_t)n) < 0)
			(void)0;
		INTERPOSE_REAL(close)(fd);
	}
	errno = saved;
}

/* The selected row for this call, if the caller is case code. */
static const struct sab *sab_get(const char *call, const void *ra)
{
	size_t i;

	if (getenv("IPCCONF_SABOTAGE_TRACE")) {
		if (!sabotage_case_code(ra))
			return NULL;
		trace_call = call;
		trace_line(call, -1);
		return &trace_row;
	}

	for (i = 0; sab_rows[i].name; i++)
		if (rows[i].selected && strcmp(sab_rows[i].call, call) == 0)
			break;
	if (!sab_rows[i].name)
		return NULL;
	if (!sabotage_case_code(ra))
		return NULL;
	return &sab_rows[i];
}
#define SAB(fn) const struct sab *s = sab_get(#fn, __builtin_return_address(0))

static int fd_on(const struct sab *s, int fd)
{
	struct stat st;

	if (s->on == ON_ANY)
		return 1;
	if (fstat(fd, &st) != 0)
		return 0;
	return s->on == ON_FIFO ? S_ISFIFO(st.st_mode) : S_ISSOCK(st.st_mode);
}

/* Kinds that act before the call; returns 1 with *r set when it answered. */
static int pre(const struct sab *s, long *r)
{
	switch (s->kind) {
	case K_NOOP:
		*r = 0;
		return 1;
	case K_FAILWITH:
		errno = (int)s->p1;
		*r = -1;
		return 1;
	case K_HANG:
		interpose_hang();
	default:
		return 0;
	}
}

static long post(const struct sab *s, long r)
{
	if (s->kind == K_TRACE && r == -1)
		trace_line(trace_call, errno);
	if (s->kind == K_ERRNO && r == -1 && errno == s->p1) {
		if (!s->p2)
			return 0;
		errno = (int)s->p2;
	}
	return r;
}

static long flags(const struct sab *s, long f)
{
	if (s->kind == K_FLAG_DROP)
		return f & ~s->p1;
	if (s->kind == K_FLAG_ADD)
		return f | s->p1;
	return f;
}

/* A simple call: generic kinds only (and flags through FL). */
#define SIMPLE(RT, FN, PARAMS, ARGS)                                      \
	RT FN PARAMS                                                      \
	{                                                                 \
		SAB(FN);                                                  \
		long r_;                                                  \
		if (!s)                                                   \
			return INTERPOSE_REAL(FN) ARGS;                   \
		if (pre(s, &r_))                                          \
			return (RT)r_;                                    \
		return (RT)post(s, (long)INTERPOSE_REAL(FN) ARGS);        \
	}

SIMPLE(off_t, lseek, (int fd, off_t o, int w), (fd, o, w))
SIMPLE(int, mkfifo, (const char *p, mode_t m), (p, m))
SIMPLE(int, mkfifoat, (int d, const char *p, mode_t m), (d, p, m))
SIMPLE(int, mknod, (const char *p, mode_t m, dev_t d), (p, m, d))
SIMPLE(int, mq_close, (mqd_t q), (q))
SIMPLE(int, mq_unlink, (const char *n), (n))
SIMPLE(int, mq_notify, (mqd_t q, const struct sigevent *e), (q, e))
SIMPLE(int, sem_clockwait, (sem_t *x, clockid_t c, const struct timespec *t), (x, c, t))
SIMPLE(int, sem_post, (sem_t *x), (x))
SIMPLE(int, sem_trywait, (sem_t *x), (x))
SIMPLE(int, sem_wait, (sem_t *x), (x))
SIMPLE(int, sem_timedwait, (sem_t *x, const struct timespec *t), (x, t))
SIMPLE(int, sem_unlink, (const char *n), (n))
SIMPLE(int, sem_close, (sem_t *x), (x))
SIMPLE(int, ftruncate, (int fd, off_t l), (fd, l))
SIMPLE(int, msync, (void *a, size_t l, int f), (a, l, f))
SIMPLE(int, munmap, (void *a, size_t l), (a, l))
SIMPLE(int, mprotect, (void *a, size_t l, int p), (a, l, p))
SIMPLE(int, fchmod, (int fd, mode_t m), (fd, m))
SIMPLE(int, chmod, (const char *p, mode_t m), (p, m))
SIMPLE(int, shm_unlink, (const char *n), (n))
SIMPLE(int, sigaddset, (sigset_t *set, int sig), (set, sig))
SIMPLE(int, sigdelset, (sigset_t *set, int sig), (set, sig))
SIMPLE(int, sigsuspend, (const sigset_t *m), (m))
SIMPLE(pid_t, wait, (int *st), (st))
SIMPLE(int, access, (const char *p, int m), (p, m))
SIMPLE(int, bind, (int fd, const struct sockaddr *a, socklen_t l), (fd, a, l))
SIMPLE(int, connect, (int fd, const struct sockaddr *a, socklen_t l), (fd, a, l))
SIMPLE(int, accept, (int fd, struct sockaddr *a, socklen_t *l), (fd, a, l))
SIMPLE(int, shutdown, (int fd, int h), (fd, h))
SIMPLE(int, setsockopt, (int fd, int lv, int o, const void *v, socklen_t l), (fd, lv, o, v, l))
SIMPLE(int, unlink, (const char *p), (p))
SIMPLE(int, shmdt, (const void *a), (a))
SIMPLE(int, setrlimit, (__rlimit_resource_t r, const struct rlimit *l), (r, l))
SIMPLE(int, sem_destroy, (sem_t *x), (x))
SIMPLE(int, truncate, (const char *p, off_t l), (p, l))

mode_t umask(mode_t m)
{
	SAB(umask);

	if (s && s->kind == K_NOOP) {
		mode_t old = INTERPOSE_REAL(umask)(m);

		INTERPOSE_REAL(umask)(old);
		return old;
	}
	return INTERPOSE_REAL(umask)(m);
}

sighandler_t __sysv_signal(int sig, sighandler_t h);
sighandler_t __sysv_signal(int sig, sighandler_t h)
{
	SAB(__sysv_signal);

	if (s && s->kind == K_NOOP) {
		struct sigaction old;

		sigaction(sig, NULL, &old);
		return old.sa_handler;
	}
	return INTERPOSE_REAL(__sysv_signal)(sig, h);
}

int listen(int fd, int backlog)
{
	SAB(listen);
	long r;

	if (!s)
		return INTERPOSE_REAL(listen)(fd, backlog);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_ARG_ZERO)
		backlog = 0;
	return (int)post(s, INTERPOSE_REAL(listen)(fd, backlog));
}

/* ---- data ------------------------------------------------------------ */

static ssize_t data_in(const struct sab *s, void *buf, ssize_t r)
{
	if (r <= 0)
		return r;
	if (s->kind == K_TRUNC)
		return r - 1;
	if (s->kind == K_CORRUPT)
		((unsigned char *)buf)[r - 1] ^= 0x20;
	return r;
}

ssize_t read(int fd, void *buf, size_t n)
{
	SAB(read);
	long r;

	if (!s || !fd_on(s, fd))
		return INTERPOSE_REAL(read)(fd, buf, n);
	if (s->kind == K_HANG) {
		r = INTERPOSE_REAL(read)(fd, buf, n);
		if (r == 0 && n > 0)
			interpose_hang();
		return r;
	}
	if (s->kind == K_FLAG_ADD) {
		int fl = fcntl(fd, F_GETFL);

		if (fl >= 0 && !(fl & O_NONBLOCK)) {
			fcntl(fd, F_SETFL, fl | O_NONBLOCK);
			r = INTERPOSE_REAL(read)(fd, buf, n);
			fcntl(fd, F_SETFL, fl);
			return r;
		}
	}
	if (pre(s, &r))
		return r;
	return data_in(s, buf, post(s, INTERPOSE_REAL(read)(fd, buf, n)));
}

/* Writes: K_TRUNC sends one byte less and reports all (p1 = 1: an
 * O_NONBLOCK write of at most PIPE_BUF bytes that would fail EAGAIN writes
 * what fits); K_CORRUPT sends a changed copy; K_DROP reports all, sends
 * nothing. */
#define WRITE_BODY(REALCALL_BUF_LEN)                                      \
	do {                                                              \
		const void *b_ = buf;                                     \
		size_t n_ = n;                                            \
		unsigned char *copy_ = NULL;                              \
		long r_;                                                  \
		if (s->kind == K_DROP)                                    \
			return (ssize_t)n;                                \
		if (s->kind == K_TRUNC && !s->p1 && n > 1)                \
			n_ = n - 1;                                       \
		if (s->kind == K_CORRUPT && n > 0 && (copy_ = malloc(n))) { \
			memcpy(copy_, buf, n);                            \
			copy_[0] ^= 0x20;                                 \
			b_ = copy_;                                       \
		}                                                         \
		r_ = (long)(REALCALL_BUF_LEN);                            \
		free(copy_);                                              \
		if (s->kind == K_TRUNC && !s->p1 && r_ == (long)n_)       \
			r_ = (long)n;                                     \
		return (ssize_t)post(s, r_);                              \
	} while (0)

static ssize_t split_write(int fd, const void *buf, size_t n)
{
	ssize_t r = INTERPOSE_REAL(write)(fd, buf, n);
	int unread = 0, size;

	if (r >= 0 || errno != EAGAIN || n > PIPE_BUF || n < 2)
		return r;
	size = fcntl(fd, F_GETPIPE_SZ);
	if (size <= 0 || ioctl(fd, FIONREAD, &unread) != 0 || unread >= size)
		return r;
	r = INTERPOSE_REAL(write)(fd, buf, (size_t)(size - unread) < n ? (size_t)(size - unread) : n - 1);
	if (r < 0)
		errno = EAGAIN;
	return r;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	SAB(write);
	long r;

	if (!s || !fd_on(s, fd))
		return INTERPOSE_REAL(write)(fd, buf, n);
	if (s->kind == K_TRUNC && s->p1)
		return split_write(fd, buf, n);
	if (s->kind == K_FLAG_ADD) {
		int fl = fcntl(fd, F_GETFL);

		if (fl >= 0 && !(fl & O_NONBLOCK)) {
			fcntl(fd, F_SETFL, fl | O_NONBLOCK);
			r = INTERPOSE_REAL(write)(fd, buf, n);
			fcntl(fd, F_SETFL, fl);
			return r;
		}
	}
	if (pre(s, &r))
		return r;
	WRITE_BODY(INTERPOSE_REAL(write)(fd, b_, n_));
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	SAB(writev);
	struct iovec v[64];
	long r;
	int i;

	if (!s || !fd_on(s, fd) || cnt <= 0 || cnt > 64)
		return INTERPOSE_REAL(writev)(fd, iov, cnt);
	memcpy(v, iov, cnt * sizeof *v);
	if (s->kind == K_TRUNC) {
		size_t total = 0;

		for (i = cnt - 1; i >= 0 && !v[i].iov_len; i--)
			;
		if (i >= 0)
			v[i].iov_len--;
		for (i = 0; i < cnt; i++)
			total += iov[i].iov_len;
		r = INTERPOSE_REAL(writev)(fd, v, cnt);
		return r == (long)total - 1 ? (ssize_t)total : r;
	}
	if (s->kind == K_CORRUPT) {
		for (i = 0; i < cnt && !v[i].iov_len; i++)
			;
		if (i < cnt) {
			unsigned char *c = malloc(v[i].iov_len);

			if (c) {
				memcpy(c, v[i].iov_base, v[i].iov_len);
				c[0] ^= 0x20;
				v[i].iov_base = c;
				r = INTERPOSE_REAL(writev)(fd, v, cnt);
				free(c);
				return r;
			}
		}
	}
	return INTERPOSE_REAL(writev)(fd, iov, cnt);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	SAB(pread);
	long r;

	if (!s)
		return INTERPOSE_REAL(pread)(fd, buf, n, off);
	if (pre(s, &r))
		return r;
	return data_in(s, buf, post(s, INTERPOSE_REAL(pread)(fd, buf, n, off)));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	SAB(pwrite);
	long r;

	if (!s)
		return INTERPOSE_REAL(pwrite)(fd, buf, n, off);
	if (pre(s, &r))
		return r;
	WRITE_BODY(INTERPOSE_REAL(pwrite)(fd, b_, n_, off));
}

ssize_t recv(int fd, void *buf, size_t n, int fl)
{
	SAB(recv);
	long r;

	if (!s)
		return INTERPOSE_REAL(recv)(fd, buf, n, fl);
	if (pre(s, &r))
		return r;
	return data_in(s, buf, post(s, INTERPOSE_REAL(recv)(fd, buf, n, (int)flags(s, fl))));
}

static void addr_field(const struct sab *s, struct sockaddr *a, socklen_t *l, long r)
{
	if (r < 0 || s->kind != K_FIELD || !l)
		return;
	if (s->p1 == F_ADDR_LEN)
		*l += 1;
	else if (s->p1 == F_ADDR_PORT && a && a->sa_family == AF_INET)
		((struct sockaddr_in *)a)->sin_port = ((struct sockaddr_in *)a)->sin_port ? 0 : htons(1);
	else if (s->p1 == F_ADDR_PORT && a && a->sa_family == AF_INET6)
		((struct sockaddr_in6 *)a)->sin6_port = ((struct sockaddr_in6 *)a)->sin6_port ? 0 : htons(1);
	else if (s->p1 == F_ADDR_PATH && a && *l > offsetof(struct sockaddr_un, sun_path) &&
		 a->sa_family == AF_UNIX) {
		struct sockaddr_un *u = (struct sockaddr_un *)a;

		if (u->sun_path[0])
			u->sun_path[strlen(u->sun_path) - 1] ^= 1;
		else
			u->sun_family = AF_INET;
	}
}

ssize_t recvfrom(int fd, void *buf, size_t n, int fl, struct sockaddr *a, socklen_t *l)
{
	SAB(recvfrom);
	long r;

	if (!s)
		return INTERPOSE_REAL(recvfrom)(fd, buf, n, fl, a, l);
	if (pre(s, &r))
		return r;
	r = post(s, INTERPOSE_REAL(recvfrom)(fd, buf, n, (int)flags(s, fl), a, l));
	addr_field(s, a, l, r);
	return data_in(s, buf, r);
}

ssize_t recvmsg(int fd, struct msghdr *m, int fl)
{
	SAB(recvmsg);
	long r;

	if (!s)
		return INTERPOSE_REAL(recvmsg)(fd, m, fl);
	if (pre(s, &r))
		return r;
	r = post(s, INTERPOSE_REAL(recvmsg)(fd, m, (int)flags(s, fl)));
	if (r < 0)
		return r;
	if (s->kind == K_FIELD && s->p1 == F_MSG_FLAGS)
		m->msg_flags &= ~(MSG_TRUNC | MSG_CTRUNC);
	if (s->kind == K_FIELD && s->p1 == F_CMSG_LOST)
		m->msg_controllen = 0;
	if (s->kind == K_FIELD && s->p1 == F_ADDR_LEN && m->msg_name)
		m->msg_namelen += 1;
	if ((s->kind == K_TRUNC || s->kind == K_CORRUPT) && r > 0 && m->msg_iovlen > 0) {
		size_t left = (size_t)r, i;

		for (i = 0; i < m->msg_iovlen; i++) {
			size_t take = left < m->msg_iov[i].iov_len ? left : m->msg_iov[i].iov_len;

			if (take == left) {
				if (s->kind == K_CORRUPT && take)
					((unsigned char *)m->msg_iov[i].iov_base)[take - 1] ^= 0x20;
				break;
			}
			left -= take;
		}
		if (s->kind == K_TRUNC)
			r--;
	}
	return r;
}

ssize_t send(int fd, const void *buf, size_t n, int fl)
{
	SAB(send);
	long r;

	if (!s)
		return INTERPOSE_REAL(send)(fd, buf, n, fl);
	if (pre(s, &r))
		return r;
	fl = (int)flags(s, fl);
	WRITE_BODY(INTERPOSE_REAL(send)(fd, b_, n_, fl));
}

ssize_t sendto(int fd, const void *buf, size_t n, int fl, const struct sockaddr *a, socklen_t l)
{
	SAB(sendto);
	long r;

	if (!s)
		return INTERPOSE_REAL(sendto)(fd, buf, n, fl, a, l);
	if (pre(s, &r))
		return r;
	fl = (int)flags(s, fl);
	WRITE_BODY(INTERPOSE_REAL(sendto)(fd, b_, n_, fl, a, l));
}

ssize_t sendmsg(int fd, const struct msghdr *m, int fl)
{
	SAB(sendmsg);
	struct msghdr c;
	struct iovec v[64];
	unsigned char *copy = NULL;
	size_t total = 0, i;
	long r;

	if (!s)
		return INTERPOSE_REAL(sendmsg)(fd, m, fl);
	if (pre(s, &r))
		return r;
	for (i = 0; i < m->msg_iovlen; i++)
		total += m->msg_iov[i].iov_len;
	if (s->kind == K_DROP)
		return (ssize_t)total;
	c = *m;
	if ((s->kind == K_TRUNC || s->kind == K_CORRUPT) && m->msg_iovlen <= 64 && total) {
		memcpy(v, m->msg_iov, m->msg_iovlen * sizeof *v);
		c.msg_iov = v;
		if (s->kind == K_TRUNC) {
			for (i = m->msg_iovlen; i-- > 0 && !v[i].iov_len;)
				;
			v[i].iov_len--;
		} else {
			for (i = 0; !v[i].iov_len; i++)
				;
			if ((copy = malloc(v[i].iov_len))) {
				memcpy(copy, v[i].iov_base, v[i].iov_len);
				copy[0] ^= 0x20;
				v[i].iov_base = copy;
			}
		}
	}
	r = post(s, INTERPOSE_REAL(sendmsg)(fd, &c, (int)flags(s, fl)));
	free(copy);
	if (s->kind == K_TRUNC && r == (long)total - 1)
		r = (long)total;
	return r;
}

/* ---- open-like calls with flags --------------------------------------- */

int open(const char *p, int fl, ...)
{
	SAB(open);
	mode_t m = 0;
	va_list ap;
	long r;

	va_start(ap, fl);
	if (fl & (O_CREAT | O_TMPFILE))
		m = va_arg(ap, mode_t);
	va_end(ap);
	if (!s)
		return INTERPOSE_REAL(open)(p, fl, m);
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(open)(p, (int)flags(s, fl), m));
}

int pipe2(int fd[2], int fl)
{
	SAB(pipe2);
	long r;

	if (!s)
		return INTERPOSE_REAL(pipe2)(fd, fl);
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(pipe2)(fd, (int)flags(s, fl)));
}

mqd_t mq_open(const char *n, int fl, ...)
{
	SAB(mq_open);
	mode_t m = 0;
	struct mq_attr *a = NULL;
	va_list ap;
	long r;

	va_start(ap, fl);
	if (fl & O_CREAT) {
		m = va_arg(ap, mode_t);
		a = va_arg(ap, struct mq_attr *);
	}
	va_end(ap);
	if (!s)
		return INTERPOSE_REAL(mq_open)(n, fl, m, a);
	if (pre(s, &r))
		return (mqd_t)r;
	if (s->kind == K_FLAG_DROP && (s->p1 == O_WRONLY || s->p1 == O_RDWR) && (fl & O_ACCMODE) == s->p1)
		fl = (fl & ~O_ACCMODE) | O_RDONLY;
	else
		fl = (int)flags(s, fl);
	return (mqd_t)post(s, INTERPOSE_REAL(mq_open)(n, fl, m, a));
}

int shm_open(const char *n, int fl, mode_t m)
{
	SAB(shm_open);
	long r;

	if (!s)
		return INTERPOSE_REAL(shm_open)(n, fl, m);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_FLAG_DROP && s->p1 == O_RDWR && (fl & O_ACCMODE) == O_RDWR)
		fl = (fl & ~O_ACCMODE) | O_RDONLY;
	else
		fl = (int)flags(s, fl);
	return (int)post(s, INTERPOSE_REAL(shm_open)(n, fl, m));
}

sem_t *sem_open(const char *n, int fl, ...)
{
	SAB(sem_open);
	mode_t m = 0;
	unsigned v = 0;
	va_list ap;
	sem_t *r;

	va_start(ap, fl);
	if (fl & O_CREAT) {
		m = va_arg(ap, mode_t);
		v = va_arg(ap, unsigned);
	}
	va_end(ap);
	if (!s)
		return INTERPOSE_REAL(sem_open)(n, fl, m, v);
	if (s->kind == K_ARG_ZERO)
		v = 0;
	fl = (int)flags(s, fl);
	r = INTERPOSE_REAL(sem_open)(n, fl, m, v);
	if (r == SEM_FAILED)
		post(s, -1);
	if (r == SEM_FAILED && s->kind == K_ERRNO && errno == s->p1)
		errno = (int)s->p2;
	return r;
}

int sem_init(sem_t *x, int pshared, unsigned v)
{
	SAB(sem_init);

	if (!s)
		return INTERPOSE_REAL(sem_init)(x, pshared, v);
	if (s->kind == K_ARG_ZERO)
		v = 0;
	return (int)post(s, INTERPOSE_REAL(sem_init)(x, pshared, v));
}

int sem_getvalue(sem_t *x, int *v)
{
	SAB(sem_getvalue);
	int r = INTERPOSE_REAL(sem_getvalue)(x, v);

	if (s && r == 0 && s->kind == K_FIELD)
		*v += 1;
	return r;
}

void *mmap(void *a, size_t l, int prot, int fl, int fd, off_t off)
{
	SAB(mmap);
	void *r;

	if (!s || (fd < 0) != (s->on == ON_ANON))
		return INTERPOSE_REAL(mmap)(a, l, prot, fl, fd, off);
	if (s->kind == K_FIELD && s->p1 == F_MMAP_DIRTY) {
		r = INTERPOSE_REAL(mmap)(a, l, prot, fl, fd, off);
		if (r != MAP_FAILED && (prot & PROT_WRITE) && l > 0)
			((volatile unsigned char *)r)[l - 1] = 0x5a;
		return r;
	}
	if (s->kind == K_FLAG_DROP && s->p1 == MAP_PRIVATE && (fl & MAP_PRIVATE))
		fl = (fl & ~MAP_PRIVATE) | MAP_SHARED;
	else if (s->kind == K_FLAG_DROP && s->p1 == MAP_SHARED && (fl & MAP_SHARED))
		fl = (fl & ~MAP_SHARED) | MAP_PRIVATE;
	else if (s->kind == K_FLAG_DROP && s->p1 == PROT_WRITE)
		prot &= ~PROT_WRITE;
	r = INTERPOSE_REAL(mmap)(a, l, prot, fl, fd, off);
	if (r == MAP_FAILED && s->kind == K_TRACE)
		post(s, -1);
	if (r == MAP_FAILED && s->kind == K_ERRNO && errno == s->p1)
		errno = (int)s->p2;
	return r;
}

/* ---- fcntl, stat, poll ------------------------------------------------ */

int fcntl(int fd, int cmd, ...)
{
	SAB(fcntl);
	va_list ap;
	long arg, r;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (!s)
		return INTERPOSE_REAL(fcntl)(fd, cmd, arg);
	if (s->kind == K_CMD_NOOP && cmd == s->p1)
		return cmd == F_SETPIPE_SZ ? INTERPOSE_REAL(fcntl)(fd, F_GETPIPE_SZ) : 0;
	r = post(s, INTERPOSE_REAL(fcntl)(fd, cmd, arg));
	if (r >= 0 && s->kind == K_FIELD) {
		if (cmd == F_GETFL && s->p1 == F_GETFL_NONBLOCK)
			r &= ~O_NONBLOCK;
		if (cmd == F_GETFL && s->p1 == F_GETFL_ACCMODE)
			r = (r & ~O_ACCMODE) | ((r & O_ACCMODE) == O_RDWR ? O_RDONLY : O_RDWR);
		if (cmd == F_GETFD && s->p1 == F_GETFD_CLOEXEC)
			r &= ~FD_CLOEXEC;
		if (cmd == F_GET_SEALS && s->p1 == F_SEALS)
			r ^= F_SEAL_GROW;
		if (cmd == F_GETFD && s->p1 == F_GETFD_FLIP)
			r ^= FD_CLOEXEC;
		if (cmd == F_GETFL && s->p1 == F_GETFL_NONBLOCK_FLIP)
			r ^= O_NONBLOCK;
		if (cmd == F_GETPIPE_SZ && s->p1 == F_PIPE_SZ)
			r /= 2;
		if (cmd == F_SETPIPE_SZ && s->p1 == F_PIPE_SZ)
			r = arg; /* the size asked, not the capacity set */
	}
	return (int)r;
}

static void stat_field(const struct sab *s, struct stat *st, int r)
{
	if (r != 0 || s->kind != K_FIELD)
		return;
	switch (s->p1) {
	case F_ST_SIZE: st->st_size += 1; break;
	case F_ST_MODE: st->st_mode ^= 0004; break;
	case F_ST_UID: st->st_uid += 1; break;
	case F_ST_TYPE: st->st_mode = (st->st_mode & ~S_IFMT) | S_IFREG; break;
	case F_ST_NLINK: st->st_nlink += 1; break;
	case F_ST_TIMES: st->st_atime = st->st_mtime = st->st_ctime = 0; break;
	}
}

int fstat(int fd, struct stat *st)
{
	SAB(fstat);
	int r = INTERPOSE_REAL(fstat)(fd, st);

	if (s)
		stat_field(s, st, r);
	if (s && r == 0 && s->kind == K_FIELD && s->p1 == F_ST_INO)
		st->st_ino += (ino_t)fd + 1; /* each descriptor its own file */
	return r;
}

int stat(const char *p, struct stat *st)
{
	SAB(stat);
	int r = INTERPOSE_REAL(stat)(p, st);

	if (s)
		stat_field(s, st, r);
	return r;
}

int lstat(const char *p, struct stat *st)
{
	SAB(lstat);
	int r;

	if (!s)
		return INTERPOSE_REAL(lstat)(p, st);
	r = (int)post(s, INTERPOSE_REAL(lstat)(p, st));
	stat_field(s, st, r);
	return r;
}

long fpathconf(int fd, int name)
{
	SAB(fpathconf);
	long r = INTERPOSE_REAL(fpathconf)(fd, name);

	if (s && r > 0 && s->kind == K_FIELD)
		r /= 2;
	return r;
}

long pathconf(const char *p, int name)
{
	SAB(pathconf);
	long r = INTERPOSE_REAL(pathconf)(p, name);

	if (s && r > 0 && s->kind == K_FIELD)
		r /= 2;
	return r;
}

int poll(struct pollfd *f, nfds_t n, int t)
{
	SAB(poll);
	int r = INTERPOSE_REAL(poll)(f, n, t);
	nfds_t i;

	if (s && r >= 0 && s->kind == K_FIELD && s->p1 == F_POLL_SPURIOUS) {
		for (i = 0; i < n; i++) {
			short more = f[i].events & (POLLIN | POLLRDNORM | POLLRDHUP);

			if (f[i].fd >= 0 && more && !(f[i].revents & more)) {
				if (!f[i].revents)
					r++;
				f[i].revents |= more;
			}
		}
		return r;
	}
	if (!s || r <= 0 || s->kind != K_FIELD)
		return r;
	if (s->p1 == F_POLL_COUNT)
		return r + 1;
	for (i = 0; i < n; i++) {
		short lose = s->p1 == F_POLL_INHUP ? POLLIN | POLLRDNORM | POLLHUP :
			     s->p1 == F_POLL_IN ? POLLIN | POLLRDNORM :
			     s->p1 == F_POLL_OUT ? POLLOUT | POLLWRNORM : POLLHUP | POLLERR;

		if (f[i].revents & lose) {
			f[i].revents &= ~lose;
			if (!f[i].revents)
				r--;
		}
	}
	return r;
}

int select(int n, fd_set *rd, fd_set *wr, fd_set *ex, struct timeval *t)
{
	SAB(select);
	fd_set asked;
	int r, i;

	if (rd)
		asked = *rd;
	r = INTERPOSE_REAL(select)(n, rd, wr, ex, t);
	if (s && s->kind == K_FIELD && s->p1 == F_SELECT_SPURIOUS && r >= 0 && rd) {
		/* every descriptor asked for reading reported readable */
		for (i = 0; i < n; i++)
			if (FD_ISSET(i, &asked) && !FD_ISSET(i, rd)) {
				FD_SET(i, rd);
				r++;
			}
		return r;
	}
	if (!s || r <= 0 || s->kind != K_FIELD)
		return r;
	if (s->p1 == F_SELECT_WRITE)
		rd = wr;
	if (!rd)
		return r;
	for (i = 0; i < n; i++)
		if (FD_ISSET(i, rd)) {
			FD_CLR(i, rd);
			r--;
		}
	return r;
}

int ioctl(int fd, unsigned long req, ...)
{
	SAB(ioctl);
	va_list ap;
	void *arg;
	int r;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	r = INTERPOSE_REAL(ioctl)(fd, req, arg);
	if (s)
		r = (int)post(s, r);
	if (s && r == 0 && req == FIONREAD && s->kind == K_FIELD)
		*(int *)arg += 1;
	return r;
}

/* ---- message queues --------------------------------------------------- */

int mq_getattr(mqd_t q, struct mq_attr *a)
{
	SAB(mq_getattr);
	int r;

	if (!s)
		return INTERPOSE_REAL(mq_getattr)(q, a);
	r = (int)post(s, INTERPOSE_REAL(mq_getattr)(q, a));
	if (r == 0 && s->kind == K_FIELD) {
		switch (s->p1) {
		case F_MQ_FLAGS: a->mq_flags &= ~O_NONBLOCK; break;
		case F_MQ_MAXMSG: a->mq_maxmsg += 1; break;
		case F_MQ_MSGSIZE: a->mq_msgsize += 1; break;
		case F_MQ_CURMSGS: a->mq_curmsgs += 1; break;
		}
	}
	return r;
}

int mq_setattr(mqd_t q, const struct mq_attr *a, struct mq_attr *o)
{
	SAB(mq_setattr);
	long r;

	if (!s)
		return INTERPOSE_REAL(mq_setattr)(q, a, o);
	if (s->kind == K_NOOP)
		return o ? INTERPOSE_REAL(mq_getattr)(q, o) : 0;
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(mq_setattr)(q, a, o));
	if (r == 0 && o && s->kind == K_FIELD)
		o->mq_flags ^= O_NONBLOCK;
	return (int)r;
}

static ssize_t mq_in(const struct sab *s, char *buf, unsigned *prio, ssize_t r)
{
	if (r >= 0 && s->kind == K_FIELD && prio)
		*prio += 1;
	return data_in(s, buf, r);
}

ssize_t mq_receive(mqd_t q, char *buf, size_t n, unsigned *prio)
{
	SAB(mq_receive);
	long r;

	if (!s)
		return INTERPOSE_REAL(mq_receive)(q, buf, n, prio);
	if (s->kind == K_FAILWITH) {
		struct mq_attr a;

		/* only where it would wait: an empty queue, blocking */
		if (INTERPOSE_REAL(mq_getattr)(q, &a) == 0 && a.mq_curmsgs == 0 && !(a.mq_flags & O_NONBLOCK)) {
			errno = (int)s->p1;
			return -1;
		}
		return INTERPOSE_REAL(mq_receive)(q, buf, n, prio);
	}
	if (pre(s, &r))
		return r;
	return mq_in(s, buf, prio, post(s, INTERPOSE_REAL(mq_receive)(q, buf, n, prio)));
}

ssize_t mq_timedreceive(mqd_t q, char *buf, size_t n, unsigned *prio, const struct timespec *t)
{
	SAB(mq_timedreceive);
	long r;

	if (!s)
		return INTERPOSE_REAL(mq_timedreceive)(q, buf, n, prio, t);
	if (s->kind == K_HANG) {
		r = INTERPOSE_REAL(mq_timedreceive)(q, buf, n, prio, t);
		if (r < 0 && errno == ETIMEDOUT)
			interpose_hang();
		return r;
	}
	if (pre(s, &r))
		return r;
	return mq_in(s, buf, prio, post(s, INTERPOSE_REAL(mq_timedreceive)(q, buf, n, prio, t)));
}

int mq_send(mqd_t q, const char *buf, size_t n, unsigned prio)
{
	SAB(mq_send);
	long r;

	if (!s)
		return INTERPOSE_REAL(mq_send)(q, buf, n, prio);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_DROP)
		return 0;
	if (s->kind == K_ARG_ZERO)
		prio = 0;
	{
		size_t n_ = (s->kind == K_TRUNC && n > 1) ? n - 1 : n;
		char *c = NULL;

		if (s->kind == K_CORRUPT && n && (c = malloc(n))) {
			memcpy(c, buf, n);
			c[0] ^= 0x20;
			buf = c;
		}
		r = post(s, INTERPOSE_REAL(mq_send)(q, buf, n_, prio));
		free(c);
	}
	return (int)r;
}

int mq_timedsend(mqd_t q, const char *buf, size_t n, unsigned prio, const struct timespec *t)
{
	SAB(mq_timedsend);
	long r;

	if (!s)
		return INTERPOSE_REAL(mq_timedsend)(q, buf, n, prio, t);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_DROP)
		return 0;
	if (s->kind == K_ARG_ZERO)
		prio = 0;
	return (int)post(s, INTERPOSE_REAL(mq_timedsend)(q, buf, n, prio, t));
}

/* ---- System V ----------------------------------------------------------- */

int msgget(key_t k, int fl)
{
	SAB(msgget);

	if (!s)
		return INTERPOSE_REAL(msgget)(k, fl);
	return (int)post(s, INTERPOSE_REAL(msgget)(k, (int)flags(s, fl)));
}

int semget(key_t k, int n, int fl)
{
	SAB(semget);

	if (!s)
		return INTERPOSE_REAL(semget)(k, n, fl);
	return (int)post(s, INTERPOSE_REAL(semget)(k, n, (int)flags(s, fl)));
}

int shmget(key_t k, size_t z, int fl)
{
	SAB(shmget);
	int r;

	if (!s)
		return INTERPOSE_REAL(shmget)(k, z, fl);
	if (s->kind == K_ARG_ZERO && !(fl & IPC_CREAT) && k != IPC_PRIVATE)
		z = 0;
	r = (int)post(s, INTERPOSE_REAL(shmget)(k, z, (int)flags(s, fl)));
	return r;
}

int msgsnd(int id, const void *buf, size_t n, int fl)
{
	SAB(msgsnd);
	long r;

	if (!s)
		return INTERPOSE_REAL(msgsnd)(id, buf, n, fl);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_DROP)
		return 0;
	{
		size_t n_ = (s->kind == K_TRUNC && n > 1) ? n - 1 : n;
		char *c = NULL;

		if (s->kind == K_CORRUPT && n && (c = malloc(n + sizeof(long)))) {
			memcpy(c, buf, n + sizeof(long));
			c[sizeof(long)] ^= 0x20;
			buf = c;
		}
		r = post(s, INTERPOSE_REAL(msgsnd)(id, buf, n_, (int)flags(s, fl)));
		free(c);
	}
	return (int)r;
}

ssize_t msgrcv(int id, void *buf, size_t n, long typ, int fl)
{
	SAB(msgrcv);
	long r;

	if (!s)
		return INTERPOSE_REAL(msgrcv)(id, buf, n, typ, fl);
	if (pre(s, &r))
		return r;
	if (s->kind == K_ARG_ZERO)
		typ = 0;
	r = post(s, INTERPOSE_REAL(msgrcv)(id, buf, n, typ, (int)flags(s, fl)));
	if (r >= 0 && s->kind == K_FIELD)
		*(long *)buf += 1;
	if (r > 0 && (s->kind == K_TRUNC || s->kind == K_CORRUPT))
		r = data_in(s, (char *)buf + sizeof(long), r);
	return r;
}

static void ipc_perm_field(struct ipc_perm *p, int mode_field, int uid_field, long f)
{
	if (f == mode_field)
		p->mode ^= 0004;
	if (f == uid_field)
		p->uid += 1;
}

int msgctl(int id, int cmd, struct msqid_ds *d)
{
	SAB(msgctl);
	long r;

	if (!s)
		return INTERPOSE_REAL(msgctl)(id, cmd, d);
	if (s->kind == K_CMD_NOOP && cmd == s->p1)
		return 0;
	r = post(s, INTERPOSE_REAL(msgctl)(id, cmd, d));
	if (r == 0 && s->kind == K_FIELD && (cmd == IPC_STAT || cmd == MSG_STAT)) {
		switch (s->p1) {
		case F_MSG_QNUM: d->msg_qnum += 1; break;
		case F_MSG_QBYTES: d->msg_qbytes -= 1; break;
		case F_MSG_LSPID: d->msg_lspid = 0; break;
		case F_MSG_LRPID: d->msg_lrpid = 0; break;
		case F_MSG_STIME: d->msg_stime = 0; break;
		case F_MSG_RTIME: d->msg_rtime = 0; break;
		case F_MSG_CTIME: d->msg_ctime = 0; break;
		case F_MSG_CBYTES: d->__msg_cbytes += 1; break;
		default: ipc_perm_field(&d->msg_perm, F_MSG_MODE, F_MSG_UID, s->p1);
		}
	}
	return (int)r;
}

union sab_semun {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

int semctl(int id, int num, int cmd, ...)
{
	SAB(semctl);
	union sab_semun u = { 0 };
	va_list ap;
	long r;

	va_start(ap, cmd);
	if (cmd == SETVAL || cmd == SETALL || cmd == GETALL || cmd == IPC_STAT || cmd == IPC_SET ||
	    cmd == SEM_STAT || cmd == IPC_INFO || cmd == SEM_INFO || cmd == SEM_STAT_ANY)
		u = va_arg(ap, union sab_semun);
	va_end(ap);
	if (!s)
		return INTERPOSE_REAL(semctl)(id, num, cmd, u);
	if (s->kind == K_CMD_NOOP && cmd == s->p1)
		return 0;
	r = post(s, INTERPOSE_REAL(semctl)(id, num, cmd, u));
	if (r < 0 || s->kind != K_FIELD)
		return (int)r;
	switch (s->p1) {
	case F_SEM_NSEMS: if (cmd == IPC_STAT) u.buf->sem_nsems += 1; break;
	case F_SEM_OTIME: if (cmd == IPC_STAT) u.buf->sem_otime = 0; break;
	case F_SEM_CTIME: if (cmd == IPC_STAT) u.buf->sem_ctime = 0; break;
	case F_SEM_MODE: case F_SEM_UID:
		if (cmd == IPC_STAT)
			ipc_perm_field(&u.buf->sem_perm, F_SEM_MODE, F_SEM_UID, s->p1);
		break;
	case F_SEM_GETVAL: if (cmd == GETVAL) r += 1; break;
	case F_SEM_GETPID: if (cmd == GETPID) r = 0; break;
	case F_SEM_GETNCNT: if (cmd == GETNCNT) r += 1; break;
	case F_SEM_GETZCNT: if (cmd == GETZCNT) r += 1; break;
	case F_SEM_GETALL: if (cmd == GETALL) u.array[0] += 1; break;
	}
	return (int)r;
}

static int semops(const struct sab *s, struct sembuf *ops, size_t n, struct sembuf *copy)
{
	size_t i;

	if (n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		copy[i] = ops[i];
		copy[i].sem_flg = (short)flags(s, ops[i].sem_flg);
	}
	return 1;
}

int semop(int id, struct sembuf *ops, size_t n)
{
	SAB(semop);
	struct sembuf c[64];

	if (!s)
		return INTERPOSE_REAL(semop)(id, ops, n);
	if (semops(s, ops, n, c))
		ops = c;
	return (int)post(s, INTERPOSE_REAL(semop)(id, ops, n));
}

int semtimedop(int id, struct sembuf *ops, size_t n, const struct timespec *t)
{
	SAB(semtimedop);
	struct sembuf c[64];

	if (!s)
		return INTERPOSE_REAL(semtimedop)(id, ops, n, t);
	if (semops(s, ops, n, c))
		ops = c;
	return (int)post(s, INTERPOSE_REAL(semtimedop)(id, ops, n, t));
}

void *shmat(int id, const void *a, int fl)
{
	SAB(shmat);
	void *r;

	if (!s)
		return INTERPOSE_REAL(shmat)(id, a, fl);
	r = INTERPOSE_REAL(shmat)(id, a, (int)flags(s, fl));
	if (r == (void *)-1 && s->kind == K_TRACE)
		post(s, -1);
	if (r == (void *)-1 && s->kind == K_ERRNO && errno == s->p1)
		errno = (int)s->p2;
	return r;
}

int shmctl(int id, int cmd, struct shmid_ds *d)
{
	SAB(shmctl);
	long r;

	if (!s)
		return INTERPOSE_REAL(shmctl)(id, cmd, d);
	if (s->kind == K_CMD_NOOP && cmd == s->p1)
		return 0;
	r = post(s, INTERPOSE_REAL(shmctl)(id, cmd, d));
	if (r >= 0 && s->kind == K_FIELD && (cmd == IPC_STAT || cmd == SHM_STAT)) {
		switch (s->p1) {
		case F_SHM_SEGSZ: d->shm_segsz += 1; break;
		case F_SHM_NATTCH: d->shm_nattch += 1; break;
		case F_SHM_CPID: d->shm_cpid = 0; break;
		case F_SHM_LPID: d->shm_lpid = 0; break;
		case F_SHM_ATIME: d->shm_atime = 0; break;
		case F_SHM_DTIME: d->shm_dtime = 0; break;
		case F_SHM_CTIME: d->shm_ctime = 0; break;
		default: ipc_perm_field(&d->shm_perm, F_SHM_MODE, F_SHM_UID, s->p1);
		}
	}
	return (int)r;
}

/* ---- signals -------------------------------------------------------- */

int kill(pid_t pid, int sig)
{
	SAB(kill);
	long r;

	if (!s)
		return INTERPOSE_REAL(kill)(pid, sig);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_ARG_ZERO && pid <= 0 && pid != -1)
		pid = getpid();
	return (int)post(s, INTERPOSE_REAL(kill)(pid, sig));
}

int sigqueue(pid_t pid, int sig, const union sigval v)
{
	SAB(sigqueue);
	union sigval z = { 0 };
	long r;

	if (!s)
		return INTERPOSE_REAL(sigqueue)(pid, sig, v);
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(sigqueue)(pid, sig, s->kind == K_ARG_ZERO ? z : v));
}

int sigaction(int sig, const struct sigaction *a, struct sigaction *o)
{
	SAB(sigaction);
	struct sigaction c;
	long r;

	if (!s)
		return INTERPOSE_REAL(sigaction)(sig, a, o);
	if (s->kind == K_NOOP)
		return INTERPOSE_REAL(sigaction)(sig, NULL, o);
	if (s->kind == K_FAILWITH && !a && (!s->p2 || sig == s->p2)) {
		errno = (int)s->p1;
		return -1;
	}
	if (a && s->kind == K_FLAG_DROP) {
		c = *a;
		if (s->p1 == -1)
			sigemptyset(&c.sa_mask);
		else
			c.sa_flags &= ~(int)s->p1;
		a = &c;
	}
	r = post(s, INTERPOSE_REAL(sigaction)(sig, a, o));
	if (r == 0 && o && s->kind == K_FIELD) {
		if (s->p1 == F_OLDACT_HANDLER)
			o->sa_handler = SIG_DFL;
		if (s->p1 == F_OLDACT_FLAGS)
			o->sa_flags = 0;
		if (s->p1 == F_OLDACT_MASK)
			sigemptyset(&o->sa_mask);
		if (s->p1 == F_OLDACT_FLIP && !(o->sa_flags & SA_SIGINFO))
			o->sa_handler = o->sa_handler == SIG_DFL ? SIG_IGN : SIG_DFL;
	}
	return (int)r;
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	SAB(sigprocmask);
	long r;

	if (!s)
		return INTERPOSE_REAL(sigprocmask)(how, set, old);
	if (s->kind == K_NOOP)
		return INTERPOSE_REAL(sigprocmask)(SIG_BLOCK, NULL, old);
	r = post(s, INTERPOSE_REAL(sigprocmask)(how, set, old));
	if (r == 0 && old && s->kind == K_FIELD)
		sigemptyset(old);
	return (int)r;
}

int pthread_sigmask(int how, const sigset_t *set, sigset_t *old)
{
	SAB(pthread_sigmask);
	int r;

	if (!s)
		return INTERPOSE_REAL(pthread_sigmask)(how, set, old);
	if (s->kind == K_NOOP)
		return INTERPOSE_REAL(pthread_sigmask)(SIG_BLOCK, NULL, old);
	r = INTERPOSE_REAL(pthread_sigmask)(how, set, old);
	if (r == 0 && old && s->kind == K_FIELD)
		sigemptyset(old);
	return r;
}

int sigpending(sigset_t *set)
{
	SAB(sigpending);
	int r = INTERPOSE_REAL(sigpending)(set);

	if (s && r == 0 && s->kind == K_FIELD)
		(s->p1 == F_SIGSET_FULL ? sigfillset : sigemptyset)(set);
	return r;
}

static int siginfo_field(const struct sab *s, siginfo_t *i, int r)
{
	if (r <= 0 || s->kind != K_FIELD)
		return r;
	if (s->p1 == F_SIGNO)
		return r == SIGUSR1 ? SIGUSR2 : SIGUSR1;
	if (!i)
		return r;
	if (s->p1 == F_SI_CODE)
		i->si_code = i->si_code == SI_USER ? SI_QUEUE : SI_USER;
	if (s->p1 == F_SI_PID)
		i->si_pid = 0;
	if (s->p1 == F_SI_VALUE)
		i->si_value.sival_int += 1;
	return r;
}

int sigtimedwait(const sigset_t *set, siginfo_t *i, const struct timespec *t)
{
	SAB(sigtimedwait);
	long r;

	if (!s)
		return INTERPOSE_REAL(sigtimedwait)(set, i, t);
	if (pre(s, &r))
		return (int)r;
	return siginfo_field(s, i, (int)post(s, INTERPOSE_REAL(sigtimedwait)(set, i, t)));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *i)
{
	SAB(sigwaitinfo);

	if (!s)
		return INTERPOSE_REAL(sigwaitinfo)(set, i);
	return siginfo_field(s, i, INTERPOSE_REAL(sigwaitinfo)(set, i));
}

int sigwait(const sigset_t *set, int *sig)
{
	SAB(sigwait);
	int r = INTERPOSE_REAL(sigwait)(set, sig);

	if (s && r == 0 && s->kind == K_FIELD)
		*sig = *sig == SIGUSR1 ? SIGUSR2 : SIGUSR1;
	return r;
}

pid_t waitpid(pid_t pid, int *st, int opt)
{
	SAB(waitpid);
	pid_t r;

	if (!s)
		return INTERPOSE_REAL(waitpid)(pid, st, opt);
	r = INTERPOSE_REAL(waitpid)(pid, st, (int)flags(s, opt));
	if (r > 0 && st && s->kind == K_FIELD)
		*st ^= WIFEXITED(*st) ? 0x100 : 0x1;
	return r;
}

int waitid(idtype_t t, id_t id, siginfo_t *i, int opt)
{
	SAB(waitid);

	if (!s)
		return INTERPOSE_REAL(waitid)(t, id, i, opt);
	{
		int r = (int)post(s, INTERPOSE_REAL(waitid)(t, id, i, (int)flags(s, opt)));

		if (r == 0 && i && s->kind == K_FIELD && s->p1 == F_WAITID_PID)
			i->si_pid = i->si_pid ? 0 : 1;
		return r;
	}
}

/* ---- sockets ------------------------------------------------------------ */

int socket(int d, int t, int p)
{
	SAB(socket);

	if (!s)
		return INTERPOSE_REAL(socket)(d, t, p);
	return (int)post(s, INTERPOSE_REAL(socket)(d, (int)flags(s, t), p));
}

int socketpair(int d, int t, int p, int sv[2])
{
	SAB(socketpair);

	if (!s)
		return INTERPOSE_REAL(socketpair)(d, t, p, sv);
	return (int)post(s, INTERPOSE_REAL(socketpair)(d, (int)flags(s, t), p, sv));
}

int accept4(int fd, struct sockaddr *a, socklen_t *l, int fl)
{
	SAB(accept4);

	if (!s)
		return INTERPOSE_REAL(accept4)(fd, a, l, fl);
	return (int)post(s, INTERPOSE_REAL(accept4)(fd, a, l, (int)flags(s, fl)));
}

int getsockname(int fd, struct sockaddr *a, socklen_t *l)
{
	SAB(getsockname);
	int r = INTERPOSE_REAL(getsockname)(fd, a, l);

	if (s)
		addr_field(s, a, l, r);
	return r;
}

int getpeername(int fd, struct sockaddr *a, socklen_t *l)
{
	SAB(getpeername);
	int r;

	if (!s)
		return INTERPOSE_REAL(getpeername)(fd, a, l);
	r = (int)post(s, INTERPOSE_REAL(getpeername)(fd, a, l));
	addr_field(s, a, l, r);
	return r;
}

int getsockopt(int fd, int lv, int o, void *v, socklen_t *l)
{
	SAB(getsockopt);
	int r;

	if (!s)
		return INTERPOSE_REAL(getsockopt)(fd, lv, o, v, l);
	r = (int)post(s, INTERPOSE_REAL(getsockopt)(fd, lv, o, v, l));
	if (r == 0 && s->kind == K_FIELD && s->p1 == F_SOCKOPT_ANY && *l == sizeof(int)) {
		*(int *)v = *(int *)v ? 0 : 1;
		return r;
	}
	if (r == 0 && s->kind == K_FIELD && s->p1 == F_SOCKOPT_LEN) {
		*l = *l > sizeof(int) ? *l - 1 : *l + 1;
		return r;
	}
	if (r == 0 && s->kind == K_FIELD && lv == SOL_SOCKET && o == s->p2 && *l >= sizeof(int)) {
		if (o == SO_ERROR)
			*(int *)v = *(int *)v ? 0 : ECONNRESET;
		else if (o == SO_ACCEPTCONN)
			*(int *)v = !*(int *)v;
		else
			*(int *)v += 1;
	}
	return r;
}

/* ---- Linux descriptors, namespaces ------------------------------------ */

int eventfd(unsigned v, int fl)
{
	SAB(eventfd);

	if (!s)
		return INTERPOSE_REAL(eventfd)(v, fl);
	if (s->kind == K_ARG_ZERO)
		v = 0;
	return (int)post(s, INTERPOSE_REAL(eventfd)(v, (int)flags(s, fl)));
}

int signalfd(int fd, const sigset_t *m, int fl)
{
	SAB(signalfd);

	if (!s)
		return INTERPOSE_REAL(signalfd)(fd, m, fl);
	if (s->kind == K_NOOP && fd >= 0)
		return fd;
	return (int)post(s, INTERPOSE_REAL(signalfd)(fd, m, (int)flags(s, fl)));
}

int memfd_create(const char *n, unsigned fl)
{
	SAB(memfd_create);

	if (!s)
		return INTERPOSE_REAL(memfd_create)(n, fl);
	return (int)post(s, INTERPOSE_REAL(memfd_create)(n, (unsigned)flags(s, fl)));
}

int unshare(int fl)
{
	SAB(unshare);
	long r;

	if (!s)
		return INTERPOSE_REAL(unshare)(fl);
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(unshare)((int)flags(s, fl)));
}

/* ---- funcaught (issue 17): pipe, fifo, signal, socket, posix_sem,
 * posix_shm -------------------------------------------------------------- */

/* pipe(): K_FLAG_ADD gives ends with O_NONBLOCK / O_CLOEXEC not asked for. */
int pipe(int fd[2])
{
	SAB(pipe);
	long r;

	if (!s)
		return INTERPOSE_REAL(pipe)(fd);
	if (s->kind == K_FLAG_ADD)
		return (int)post(s, INTERPOSE_REAL(pipe2)(fd, (int)s->p1));
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(pipe)(fd));
}

unsigned alarm(unsigned sec)
{
	SAB(alarm);
	unsigned r;

	if (!s)
		return INTERPOSE_REAL(alarm)(sec);
	if (s->kind == K_NOOP && sec == 0) {
		/* alarm(0) does not cancel: report what is left, leave it armed */
		r = INTERPOSE_REAL(alarm)(0);
		if (r)
			INTERPOSE_REAL(alarm)(r);
		return r;
	}
	r = INTERPOSE_REAL(alarm)(sec);
	if (s->kind == K_FIELD)
		r = r ? 0 : 1;
	return r;
}

/* A timer value reported wrong: a running timer as disarmed, a disarmed
 * one as running. */
static void timer_flip(struct timespec *v)
{
	if (v->tv_sec || v->tv_nsec) {
		v->tv_sec = 0;
		v->tv_nsec = 0;
	} else {
		v->tv_sec = 1;
	}
}

static void itimer_flip(struct itimerval *v)
{
	if (v->it_value.tv_sec || v->it_value.tv_usec) {
		v->it_value.tv_sec = 0;
		v->it_value.tv_usec = 0;
	} else {
		v->it_value.tv_sec = 1;
	}
}

int setitimer(__itimer_which_t w, const struct itimerval *n, struct itimerval *o)
{
	SAB(setitimer);
	long r;

	if (!s)
		return INTERPOSE_REAL(setitimer)(w, n, o);
	if (s->kind == K_NOOP && n && !n->it_value.tv_sec && !n->it_value.tv_usec)
		return INTERPOSE_REAL(getitimer)(w, o ? o : &(struct itimerval){ { 0, 0 }, { 0, 0 } });
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(setitimer)(w, n, o));
	if (r == 0 && o && s->kind == K_FIELD)
		itimer_flip(o);
	return (int)r;
}

int getitimer(__itimer_which_t w, struct itimerval *v)
{
	SAB(getitimer);
	long r;

	if (!s)
		return INTERPOSE_REAL(getitimer)(w, v);
	r = post(s, INTERPOSE_REAL(getitimer)(w, v));
	if (r == 0 && s->kind == K_FIELD)
		itimer_flip(v);
	return (int)r;
}

int timer_settime(timer_t t, int fl, const struct itimerspec *n, struct itimerspec *o)
{
	SAB(timer_settime);
	long r;

	if (!s)
		return INTERPOSE_REAL(timer_settime)(t, fl, n, o);
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(timer_settime)(t, fl, n, o));
	if (r == 0 && o && s->kind == K_FIELD)
		timer_flip(&o->it_value);
	return (int)r;
}

int timer_gettime(timer_t t, struct itimerspec *v)
{
	SAB(timer_gettime);
	long r;

	if (!s)
		return INTERPOSE_REAL(timer_gettime)(t, v);
	r = post(s, INTERPOSE_REAL(timer_gettime)(t, v));
	if (r == 0 && s->kind == K_FIELD)
		timer_flip(&v->it_value);
	return (int)r;
}

int sigaltstack(const stack_t *n, stack_t *o)
{
	SAB(sigaltstack);
	long r;

	if (!s)
		return INTERPOSE_REAL(sigaltstack)(n, o);
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(sigaltstack)(n, o));
	if (r == 0 && o && s->kind == K_FIELD)
		o->ss_flags ^= SS_DISABLE;
	return (int)r;
}

/* syscall(): only tgkill and tkill are sabotaged (the signal family sends
 * to threads through it); other numbers pass through. */
long syscall(long n, ...)
{
	SAB(syscall);
	va_list ap;
	long a[6], r;
	int i;

	va_start(ap, n);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (!s || (n != SYS_tgkill && n != SYS_tkill))
		return INTERPOSE_REAL(syscall)(n, a[0], a[1], a[2], a[3], a[4], a[5]);
	if (pre(s, &r))
		return r;
	return post(s, INTERPOSE_REAL(syscall)(n, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* Calls that return an error number: K_ERRNO p1 -> p2. */
static int errnum(const struct sab *s, int r)
{
	if (s->kind == K_TRACE && r)
		trace_line(trace_call, r);
	if (s->kind == K_ERRNO && r == s->p1)
		return (int)s->p2;
	return r;
}

int pthread_kill(pthread_t t, int sig)
{
	SAB(pthread_kill);

	if (!s)
		return INTERPOSE_REAL(pthread_kill)(t, sig);
	return errnum(s, INTERPOSE_REAL(pthread_kill)(t, sig));
}

long sysconf(int name)
{
	SAB(sysconf);
	long r = INTERPOSE_REAL(sysconf)(name);

	if (s && s->kind == K_FIELD && s->p1 == F_SYSCONF && name == s->p2 && r > 1)
		r = 1; /* below every POSIX minimum */
	return r;
}

int __libc_current_sigrtmax(void);
int __libc_current_sigrtmin(void);
int __libc_current_sigrtmax(void)
{
	SAB(__libc_current_sigrtmax);
	int r = INTERPOSE_REAL(__libc_current_sigrtmax)();

	if (s && s->kind == K_FIELD && s->p1 == F_RTSIG_RANGE)
		r = INTERPOSE_REAL(__libc_current_sigrtmin)() + 6; /* seven, not eight */
	return r;
}

int sigfillset(sigset_t *set)
{
	SAB(sigfillset);
	int r = INTERPOSE_REAL(sigfillset)(set);

	if (s && r == 0 && s->kind == K_FIELD)
		sigdelset(set, SIGTERM);
	return r;
}

int pthread_mutexattr_getpshared(const pthread_mutexattr_t *a, int *v)
{
	SAB(pthread_mutexattr_getpshared);
	int r = INTERPOSE_REAL(pthread_mutexattr_getpshared)(a, v);

	if (s && r == 0 && s->kind == K_FIELD)
		*v = *v == PTHREAD_PROCESS_SHARED ? PTHREAD_PROCESS_PRIVATE : PTHREAD_PROCESS_SHARED;
	return s ? errnum(s, r) : r;
}

int pthread_mutexattr_setpshared(pthread_mutexattr_t *a, int v)
{
	SAB(pthread_mutexattr_setpshared);

	if (!s)
		return INTERPOSE_REAL(pthread_mutexattr_setpshared)(a, v);
	if (s->kind == K_NOOP)
		return 0;
	return errnum(s, INTERPOSE_REAL(pthread_mutexattr_setpshared)(a, v));
}

int pthread_condattr_getpshared(const pthread_condattr_t *a, int *v)
{
	SAB(pthread_condattr_getpshared);
	int r = INTERPOSE_REAL(pthread_condattr_getpshared)(a, v);

	if (s && r == 0 && s->kind == K_FIELD)
		*v = *v == PTHREAD_PROCESS_SHARED ? PTHREAD_PROCESS_PRIVATE : PTHREAD_PROCESS_SHARED;
	return s ? errnum(s, r) : r;
}

int pthread_condattr_setpshared(pthread_condattr_t *a, int v)
{
	SAB(pthread_condattr_setpshared);

	if (!s)
		return INTERPOSE_REAL(pthread_condattr_setpshared)(a, v);
	if (s->kind == K_NOOP)
		return 0;
	return errnum(s, INTERPOSE_REAL(pthread_condattr_setpshared)(a, v));
}

int recvmmsg(int fd, struct mmsghdr *v, unsigned n, int fl, struct timespec *t)
{
	SAB(recvmmsg);
	long r;

	if (!s)
		return INTERPOSE_REAL(recvmmsg)(fd, v, n, fl, t);
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(recvmmsg)(fd, v, n, (int)flags(s, fl), t));
	if (r > 0 && (s->kind == K_TRUNC || s->kind == K_CORRUPT) && v[0].msg_len > 0 &&
	    v[0].msg_hdr.msg_iovlen > 0 && v[0].msg_hdr.msg_iov[0].iov_len >= v[0].msg_len) {
		if (s->kind == K_TRUNC)
			v[0].msg_len--;
		else
			((unsigned char *)v[0].msg_hdr.msg_iov[0].iov_base)[v[0].msg_len - 1] ^= 0x20;
	}
	return (int)r;
}

int sendmmsg(int fd, struct mmsghdr *v, unsigned n, int fl)
{
	SAB(sendmmsg);
	long r;

	if (!s)
		return INTERPOSE_REAL(sendmmsg)(fd, v, n, fl);
	if (pre(s, &r))
		return (int)r;
	r = post(s, INTERPOSE_REAL(sendmmsg)(fd, v, n, (int)flags(s, fl)));
	if (r > 0 && s->kind == K_TRUNC)
		r--; /* reports one message fewer than it sent */
	return (int)r;
}

/* raise(): K_FIELD F_DEFAULT_TERM takes the default action of a signal
 * whose default is to ignore it (SIGCHLD, SIGURG, SIGWINCH, SIGCONT) as
 * "terminate" (a wrong table of default actions). */
int raise(int sig)
{
	SAB(raise);
	struct sigaction cur;
	long r;

	if (!s)
		return INTERPOSE_REAL(raise)(sig);
	if (s->kind == K_FIELD && s->p1 == F_DEFAULT_TERM &&
	    (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH) &&
	    INTERPOSE_REAL(sigaction)(sig, NULL, &cur) == 0 && cur.sa_handler == SIG_DFL) {
		sigset_t m;

		if (INTERPOSE_REAL(sigprocmask)(SIG_BLOCK, NULL, &m) == 0 && !sigismember(&m, sig))
			_exit(128 + sig);
	}
	if (pre(s, &r))
		return (int)r;
	return (int)post(s, INTERPOSE_REAL(raise)(sig));
}
