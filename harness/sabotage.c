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
/* lock, pshared, linux_fd additions (branch fnew): at the end of the file */
static int lock_row(const struct sab *s);
static int lock_fcntl(const struct sab *s, int fd, int cmd, long arg);
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
	if (s->kind == K_REQ && s->p1 == R_PSHARED_PRIVATE)
		pshared = 0;
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
	if (lock_row(s))
		return lock_fcntl(s, fd, cmd, arg);
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

/* F_PRIVATE_REUSE: IPC_PRIVATE taken as an ordinary key, so a second
 * creation in the process returns the first object (*last, per process). */
static int private_reuse(const struct sab *s, key_t k, int *last, pid_t *owner)
{
	if (s->kind != K_FIELD || s->p1 != F_PRIVATE_REUSE || k != IPC_PRIVATE)
		return -1;
	if (*owner != getpid())
		*last = -1;
	*owner = getpid();
	return *last;
}

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
	static int last = -1;
	static pid_t owner;
	int r;

	if (!s)
		return INTERPOSE_REAL(semget)(k, n, fl);
	if (private_reuse(s, k, &last, &owner) >= 0)
		return last;
	r = (int)post(s, INTERPOSE_REAL(semget)(k, n, (int)flags(s, fl)));
	if (r >= 0 && k == IPC_PRIVATE)
		last = r;
	return r;
}

int shmget(key_t k, size_t z, int fl)
{
	SAB(shmget);
	static int last = -1;
	static pid_t owner;
	int r;

	if (!s)
		return INTERPOSE_REAL(shmget)(k, z, fl);
	if (private_reuse(s, k, &last, &owner) >= 0)
		return last;
	if (s->kind == K_ARG_ZERO && !(fl & IPC_CREAT) && k != IPC_PRIVATE)
		z = 0;
	r = (int)post(s, INTERPOSE_REAL(shmget)(k, z, (int)flags(s, fl)));
	if (r >= 0 && k == IPC_PRIVATE)
		last = r;
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
	if (r >= 0 && s->kind == K_FIELD && cmd == IPC_INFO && s->p1 == F_MSG_IPC_INFO)
		((struct msginfo *)(void *)d)->msgmax -= 1;
	if (r >= 0 && s->kind == K_FIELD && cmd == MSG_INFO && s->p1 == F_MSG_MSG_INFO)
		((struct msginfo *)(void *)d)->msgmap += 1;
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
	case F_SEM_SEM_STAT: if (cmd == SEM_STAT) r = id; break;
	case F_SEM_SEM_INFO:
		if (cmd == SEM_INFO) {
			((struct seminfo *)(void *)u.buf)->semusz = 0;
			((struct seminfo *)(void *)u.buf)->semaem = 0;
		}
		break;
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

/* K_FAILWITH on semop(): an array of wait-for-zero operations only is
 * refused to a process other than the owner or creator (alter permission
 * demanded where read permission is enough). */
static int semop_zero_refused(const struct sab *s, int id, const struct sembuf *ops, size_t n)
{
	struct semid_ds ds;
	union sab_semun u;
	size_t i;

	if (s->kind != K_FAILWITH)
		return 0;
	for (i = 0; i < n; i++)
		if (ops[i].sem_op != 0)
			return 0;
	u.buf = &ds;
	if (INTERPOSE_REAL(semctl)(id, 0, IPC_STAT, u) != 0)
		return 0;
	return geteuid() != ds.sem_perm.uid && geteuid() != ds.sem_perm.cuid;
}

/* K_HANG with p1 1 on semop(): decrements are served strictly in arrival
 * order, so one that semval covers does not proceed while an earlier
 * decrement waits on the same semaphore (semncnt > 0).  Modelled for
 * IPC_NOWAIT decrements only (they fail with EAGAIN): a waiting one would
 * have to be counted in semncnt, which a wrapper cannot do.  Returns 1
 * with errno set when the call is to fail. */
static int semop_fifo_wait(const struct sab *s, int id, const struct sembuf *ops, size_t n)
{
	size_t i;

	if (s->kind != K_HANG || s->p1 != 1)
		return 0;
	for (i = 0; i < n; i++)
		if (ops[i].sem_op < 0 && (ops[i].sem_flg & IPC_NOWAIT) &&
		    INTERPOSE_REAL(semctl)(id, ops[i].sem_num, GETNCNT) > 0) {
			errno = EAGAIN;
			return 1;
		}
	return 0;
}

int semop(int id, struct sembuf *ops, size_t n)
{
	SAB(semop);
	struct sembuf c[64];

	if (!s)
		return INTERPOSE_REAL(semop)(id, ops, n);
	if (semop_zero_refused(s, id, ops, n)) {
		errno = (int)s->p1;
		return -1;
	}
	if (semop_fifo_wait(s, id, ops, n))
		return -1;
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

/* After a successful attach at r of segment id (*ds: its IPC_STAT before
 * the attach).  K_DROP: the attach becomes a private copy of the segment
 * (what a platform emulating System V memory with private mappings gives:
 * stores are not seen by other attaches).  K_CORRUPT: the first attach of
 * a new segment shows a non-zero byte (memory not cleared). */
static void shmat_sabotage(const struct sab *s, int id, void *r, int fl,
			   const struct shmid_ds *ds)
{
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	size_t len = (ds->shm_segsz + pg - 1) / pg * pg;

	if (s->kind == K_DROP && len) {
		void *copy = malloc(len), *m;

		if (!copy)
			return;
		memcpy(copy, r, len);
		m = INTERPOSE_REAL(mmap)(r, len, PROT_READ | PROT_WRITE,
					 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		if (m != MAP_FAILED) {
			memcpy(m, copy, len);
			if (fl & SHM_RDONLY)
				INTERPOSE_REAL(mprotect)(m, len, PROT_READ);
		}
		free(copy);
	}
	if (s->kind == K_CORRUPT && ds->shm_atime == 0 && ds->shm_segsz) {
		char *w = INTERPOSE_REAL(shmat)(id, NULL, 0);

		if (w != (void *)-1) {
			w[ds->shm_segsz - 1] = 0x5a;
			INTERPOSE_REAL(shmdt)(w);
		}
	}
}

void *shmat(int id, const void *a, int fl)
{
	SAB(shmat);
	void *r;

	struct shmid_ds ds;
	int have_ds;

	if (!s)
		return INTERPOSE_REAL(shmat)(id, a, fl);
	have_ds = INTERPOSE_REAL(shmctl)(id, IPC_STAT, &ds) == 0;
	/* K_FAILWITH: a process other than the owner or creator is refused,
	 * whatever the mode grants. */
	if (s->kind == K_FAILWITH && have_ds && geteuid() != ds.shm_perm.uid &&
	    geteuid() != ds.shm_perm.cuid) {
		errno = (int)s->p1;
		return (void *)-1;
	}
	r = INTERPOSE_REAL(shmat)(id, a, (int)flags(s, fl));
	if (r != (void *)-1 && have_ds)
		shmat_sabotage(s, id, r, fl, &ds);
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
	if (r >= 0 && s->kind == K_FIELD && cmd == IPC_INFO && s->p1 == F_SHM_IPC_INFO)
		((struct shminfo *)(void *)d)->shmmax -= 1;
	if (r >= 0 && s->kind == K_FIELD && cmd == SHM_INFO && s->p1 == F_SHM_SHM_INFO)
		((struct shm_info *)(void *)d)->used_ids = 0;
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

		if (r == 0 && i && i->si_pid && s->kind == K_FIELD && s->p1 == F_SI_STATUS)
			i->si_status += 1;
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
	if (s->kind == K_REQ && s->p1 == R_SIGKILL_EINVAL &&
	    (sigismember(m, SIGKILL) == 1 || sigismember(m, SIGSTOP) == 1)) {
		errno = EINVAL;
		return -1;
	}
	return (int)post(s, INTERPOSE_REAL(signalfd)(fd, m, (int)flags(s, fl)));
}

int memfd_create(const char *n, unsigned fl)
{
	SAB(memfd_create);

	if (!s)
		return INTERPOSE_REAL(memfd_create)(n, fl);
	if (s->kind == K_REQ && s->p1 == R_NAME)
		n = "sabotaged";
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

/* ==== lock, pshared, linux_fd (issue 17, branch fnew) ===================
 * Record locks (fcntl F_SETLK/F_SETLKW/F_GETLK and the OFD commands, flock,
 * lockf), the process-shared pthread objects, pidfd.  pthread functions
 * return an error number instead of setting errno: their K_ERRNO rows
 * replace the number returned, and the trace records it as the errno. */
#include <sys/file.h>
#ifdef __has_include
#if __has_include(<sys/pidfd.h>)
#include <sys/pidfd.h>
#define SAB_HAVE_PIDFD 1
#endif
#endif

static int lock_cmd(int cmd)
{
	switch (cmd) {
	case F_SETLK: case F_SETLKW: case F_GETLK:
#ifdef F_OFD_SETLK
	case F_OFD_SETLK: case F_OFD_SETLKW: case F_OFD_GETLK:
#endif
		return 1;
	}
	return 0;
}

static int lock_get(int cmd)
{
#ifdef F_OFD_GETLK
	if (cmd == F_OFD_GETLK)
		return 1;
#endif
	return cmd == F_GETLK;
}

static int lock_row(const struct sab *s)
{
	return s->kind == K_CMD_AS || s->kind == K_REQ ||
	       (s->kind == K_FIELD && ((s->p1 >= F_LK_UNLCK && s->p1 <= F_LK_WHENCE) || s->p1 == F_LK_FREE_KEEP));
}

/* Whether a lock of q->l_type over q's range is in the way of a new open
 * file description of fd's file: that sees the caller's own process locks
 * and the locks of its other descriptions too.  Fills *q with the lock in the
 * way (l_whence SEEK_SET). */
static int lock_probe(int fd, struct flock *q)
{
	char path[64];
	int fd2, r;

	if (q->l_whence == SEEK_CUR) {
		off_t o = INTERPOSE_REAL(lseek)(fd, 0, SEEK_CUR);

		if (o < 0)
			return 0;
		q->l_start += o;
		q->l_whence = SEEK_SET;
	}
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	fd2 = INTERPOSE_REAL(open)(path, O_RDONLY | O_CLOEXEC, 0);
	if (fd2 < 0)
		return 0;
	q->l_pid = 0;
	r = INTERPOSE_REAL(fcntl)(fd2, F_OFD_GETLK, (long)q);
	/* fd2 stays open (close-on-exec): closing a descriptor of the file
	 * would remove the process's record locks on it */
	return r == 0 && q->l_type != F_UNLCK;
}

static int lock_fcntl(const struct sab *s, int fd, int cmd, long arg)
{
	struct flock *user = (struct flock *)arg, c;
	int r;

	if (!lock_cmd(cmd) || !user)
		return INTERPOSE_REAL(fcntl)(fd, cmd, arg);
	if (s->kind == K_CMD_AS) {
		if (cmd == s->p1)
			cmd = (int)s->p2;
		return INTERPOSE_REAL(fcntl)(fd, cmd, arg);
	}
	c = *user;
	if (s->kind == K_REQ) {
		switch (s->p1) {
		case R_UNLCK_NOOP:
			if (!lock_get(cmd) && c.l_type == F_UNLCK)
				return 0;
			break;
		case R_RD_AS_WR:
			if (!lock_get(cmd) && c.l_type == F_RDLCK)
				c.l_type = F_WRLCK;
			break;
		case R_WR_AS_RD:
			if (!lock_get(cmd) && c.l_type == F_WRLCK)
				c.l_type = F_RDLCK;
			break;
		case R_LEN0_ONE:
			if (c.l_len == 0)
				c.l_len = 1;
			break;
		case R_WHENCE_SET:
			c.l_whence = SEEK_SET;
			break;
		case R_UNLCK_ALL:
			if (!lock_get(cmd) && c.l_type == F_UNLCK) {
				c.l_whence = SEEK_SET;
				c.l_start = 0;
				c.l_len = 0;
			}
			break;
		case R_NEGLEN_EINVAL:
			if (c.l_len < 0) {
				errno = EINVAL;
				return -1;
			}
			break;
		case R_LEN_PLUS_ONE:
			if (!lock_get(cmd) && c.l_type != F_UNLCK && c.l_len > 0)
				c.l_len += 1;
			break;
		case R_UNLOCK_FREE_FAILS:
			if (!lock_get(cmd) && c.l_type == F_UNLCK) {
				struct flock t = c;

				t.l_type = F_WRLCK;
				if (!lock_probe(fd, &t)) {
					errno = ENOLCK;
					return -1;
				}
			}
			break;
		case R_OWN_CONFLICT:
			if (!lock_get(cmd) && c.l_type != F_UNLCK) {
				struct flock t = c;

				if (lock_probe(fd, &t)) {
					errno = (cmd == F_SETLKW || cmd == F_OFD_SETLKW) ? EDEADLK : EAGAIN;
					return -1;
				}
			}
			if (lock_get(cmd)) {
				r = INTERPOSE_REAL(fcntl)(fd, cmd, &c);
				if (r == 0 && c.l_type == F_UNLCK) {
					struct flock t = *user;

					if (lock_probe(fd, &t)) {
						t.l_pid = cmd == F_GETLK ? getpid() : -1;
						c = t;
					}
				}
				*user = c;
				return r;
			}
			break;
		}
		r = INTERPOSE_REAL(fcntl)(fd, cmd, &c);
		if (lock_get(cmd)) {
			int saved = errno;

			*user = c;
			errno = saved;
		}
		return r;
	}
	/* K_FIELD: what F_GETLK / F_OFD_GETLK reports about the lock in the way */
	r = INTERPOSE_REAL(fcntl)(fd, cmd, arg);
	if (r == 0 && lock_get(cmd) && user->l_type == F_UNLCK && s->p1 == F_LK_FREE_KEEP)
		user->l_type = c.l_type; /* nothing in the way: l_type not set to F_UNLCK */
	if (r != 0 || !lock_get(cmd) || user->l_type == F_UNLCK)
		return r;
	switch (s->p1) {
	case F_LK_UNLCK: user->l_type = F_UNLCK; break;
	case F_LK_TYPE: user->l_type = user->l_type == F_RDLCK ? F_WRLCK : F_RDLCK; break;
	case F_LK_PID: user->l_pid = user->l_pid == -1 ? 0 : user->l_pid + 1; break;
	case F_LK_START: user->l_start += 1; break;
	case F_LK_LEN: user->l_len += 1; break;
	case F_LK_WHENCE: user->l_whence = SEEK_CUR; break;
	}
	return r;
}

int flock(int fd, int op)
{
	SAB(flock);
	long r;
	int base = op & ~LOCK_NB;

	if (!s)
		return INTERPOSE_REAL(flock)(fd, op);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_REQ && s->p1 == R_FLOCK_AS_FCNTL) {
		struct flock c = { 0 };

		c.l_type = base == LOCK_SH ? F_RDLCK : base == LOCK_EX ? F_WRLCK : F_UNLCK;
		c.l_whence = SEEK_SET;
		if (base != LOCK_SH && base != LOCK_EX && base != LOCK_UN) {
			errno = EINVAL;
			return -1;
		}
		return INTERPOSE_REAL(fcntl)(fd, (op & LOCK_NB) ? F_SETLK : F_SETLKW, (long)&c);
	}
	if (s->kind == K_REQ && s->p1 == R_UNLOCK_FREE_FAILS && base == LOCK_UN) {
		char path[64];
		int fd2, free_ = 0;

		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		fd2 = INTERPOSE_REAL(open)(path, O_RDONLY | O_CLOEXEC, 0);
		if (fd2 >= 0) {
			free_ = INTERPOSE_REAL(flock)(fd2, LOCK_EX | LOCK_NB) == 0;
			INTERPOSE_REAL(flock)(fd2, LOCK_UN);
			/* fd2 stays open: closing it would remove the process's record locks */
		}
		if (free_) {
			errno = ENOLCK;
			return -1;
		}
	}
	if (s->kind == K_REQ) {
		if (s->p1 == R_UNLCK_NOOP && base == LOCK_UN)
			return 0;
		if (s->p1 == R_RD_AS_WR && base == LOCK_SH)
			op = LOCK_EX | (op & LOCK_NB);
		if (s->p1 == R_WR_AS_RD && base == LOCK_EX)
			op = LOCK_SH | (op & LOCK_NB);
	} else if (base != LOCK_UN) {
		op = (int)flags(s, op);
	}
	return (int)post(s, INTERPOSE_REAL(flock)(fd, op));
}

int lockf(int fd, int cmd, off_t len)
{
	SAB(lockf);
	long r;

	if (!s)
		return INTERPOSE_REAL(lockf)(fd, cmd, len);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_CMD_NOOP && cmd == s->p1)
		return 0;
	if (s->kind == K_REQ && s->p1 == R_UNLCK_NOOP && cmd == F_ULOCK)
		return 0;
	if (s->kind == K_REQ && s->p1 == R_TEST_LOCKED && cmd == F_TEST) {
		errno = EACCES;
		return -1;
	}
	if (s->kind == K_CMD_AS && cmd == s->p1)
		cmd = (int)s->p2;
	if (s->kind == K_ARG_ZERO)
		len = 0;
	if (s->kind == K_REQ && s->p1 == R_NEGLEN_EINVAL && len < 0) {
		errno = EINVAL;
		return -1;
	}
	return (int)post(s, INTERPOSE_REAL(lockf)(fd, cmd, len));
}

/* ---- pthread: the error number is the return value -------------------- */

static int pt_pre(const struct sab *s, int *r)
{
	switch (s->kind) {
	case K_NOOP:
		*r = 0;
		return 1;
	case K_FAILWITH:
		*r = (int)s->p1;
		return 1;
	case K_HANG:
		interpose_hang();
	default:
		return 0;
	}
}

static int pt_post(const struct sab *s, int r)
{
	if (s->kind == K_TRACE && r != 0)
		trace_line(trace_call, r);
	if (s->kind == K_ERRNO && r == s->p1)
		return (int)s->p2;
	return r;
}

#define PT(FN, PARAMS, ARGS)                                              \
	int FN PARAMS                                                     \
	{                                                                 \
		SAB(FN);                                                  \
		int r_;                                                   \
		if (!s)                                                   \
			return INTERPOSE_REAL(FN) ARGS;                   \
		if (pt_pre(s, &r_))                                       \
			return r_;                                        \
		return pt_post(s, INTERPOSE_REAL(FN) ARGS);               \
	}

PT(pthread_mutex_lock, (pthread_mutex_t *m), (m))
PT(pthread_mutex_trylock, (pthread_mutex_t *m), (m))
PT(pthread_mutex_unlock, (pthread_mutex_t *m), (m))
PT(pthread_mutex_timedlock, (pthread_mutex_t *m, const struct timespec *t), (m, t))
PT(pthread_mutex_consistent, (pthread_mutex_t *m), (m))
PT(pthread_mutex_init, (pthread_mutex_t *m, const pthread_mutexattr_t *a), (m, a))
PT(pthread_mutexattr_setrobust, (pthread_mutexattr_t *a, int v), (a, v))
PT(pthread_mutexattr_settype, (pthread_mutexattr_t *a, int v), (a, v))
PT(pthread_cond_signal, (pthread_cond_t *c), (c))
PT(pthread_cond_wait, (pthread_cond_t *c, pthread_mutex_t *m), (c, m))
PT(pthread_cond_timedwait, (pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *t), (c, m, t))
PT(pthread_condattr_setclock, (pthread_condattr_t *a, clockid_t k), (a, k))
PT(pthread_rwlock_unlock, (pthread_rwlock_t *l), (l))
PT(pthread_rwlock_trywrlock, (pthread_rwlock_t *l), (l))
PT(pthread_rwlock_tryrdlock, (pthread_rwlock_t *l), (l))
PT(pthread_rwlock_wrlock, (pthread_rwlock_t *l), (l))
PT(pthread_rwlock_timedwrlock, (pthread_rwlock_t *l, const struct timespec *t), (l, t))
PT(pthread_rwlock_timedrdlock, (pthread_rwlock_t *l, const struct timespec *t), (l, t))
PT(pthread_spin_lock, (pthread_spinlock_t *l), (l))
PT(pthread_spin_trylock, (pthread_spinlock_t *l), (l))
PT(pthread_spin_unlock, (pthread_spinlock_t *l), (l))

/* The process-shared attribute: R_PSHARED_PRIVATE takes it as private. */
#define PT_PSHARED(FN, T)                                                 \
	int FN(T *a, int v)                                               \
	{                                                                 \
		SAB(FN);                                                  \
		int r_;                                                   \
		if (!s)                                                   \
			return INTERPOSE_REAL(FN)(a, v);                  \
		if (pt_pre(s, &r_))                                       \
			return r_;                                        \
		if (s->kind == K_REQ && s->p1 == R_PSHARED_PRIVATE)       \
			v = PTHREAD_PROCESS_PRIVATE;                      \
		return pt_post(s, INTERPOSE_REAL(FN)(a, v));              \
	}
PT_PSHARED(pthread_mutexattr_setpshared, pthread_mutexattr_t)
PT_PSHARED(pthread_condattr_setpshared, pthread_condattr_t)
PT_PSHARED(pthread_rwlockattr_setpshared, pthread_rwlockattr_t)
PT_PSHARED(pthread_barrierattr_setpshared, pthread_barrierattr_t)
PT_PSHARED(pthread_spin_init, pthread_spinlock_t)

/* The attribute reported: K_FIELD reports the other value. */
#define PT_GETPSHARED(FN, T)                                              \
	int FN(const T *a, int *v)                                        \
	{                                                                 \
		SAB(FN);                                                  \
		int r_ = INTERPOSE_REAL(FN)(a, v);                        \
		if (s && r_ == 0 && s->kind == K_FIELD)                   \
			*v = *v == PTHREAD_PROCESS_SHARED ?               \
				PTHREAD_PROCESS_PRIVATE :                 \
				PTHREAD_PROCESS_SHARED;                   \
		return r_;                                                \
	}
PT_GETPSHARED(pthread_rwlockattr_getpshared, pthread_rwlockattr_t)
PT_GETPSHARED(pthread_barrierattr_getpshared, pthread_barrierattr_t)
PT_GETPSHARED(pthread_mutexattr_getpshared, pthread_mutexattr_t)
PT_GETPSHARED(pthread_condattr_getpshared, pthread_condattr_t)

int pthread_mutexattr_getrobust(const pthread_mutexattr_t *a, int *v)
{
	SAB(pthread_mutexattr_getrobust);
	int r = INTERPOSE_REAL(pthread_mutexattr_getrobust)(a, v);

	if (s && r == 0 && s->kind == K_FIELD)
		*v = *v == PTHREAD_MUTEX_ROBUST ? PTHREAD_MUTEX_STALLED : PTHREAD_MUTEX_ROBUST;
	return r;
}

int pthread_mutexattr_gettype(const pthread_mutexattr_t *a, int *v)
{
	SAB(pthread_mutexattr_gettype);
	int r = INTERPOSE_REAL(pthread_mutexattr_gettype)(a, v);

	if (s && r == 0 && s->kind == K_FIELD)
		*v = *v == PTHREAD_MUTEX_NORMAL ? PTHREAD_MUTEX_ERRORCHECK : PTHREAD_MUTEX_NORMAL;
	return r;
}

int pthread_condattr_getclock(const pthread_condattr_t *a, clockid_t *k)
{
	SAB(pthread_condattr_getclock);
	int r = INTERPOSE_REAL(pthread_condattr_getclock)(a, k);

	if (s && r == 0 && s->kind == K_FIELD)
		*k = *k == CLOCK_REALTIME ? CLOCK_MONOTONIC : CLOCK_REALTIME;
	return r;
}

/* A read lock taken as a write lock (readers exclude each other). */
int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	SAB(pthread_rwlock_rdlock);
	int r;

	if (!s)
		return INTERPOSE_REAL(pthread_rwlock_rdlock)(l);
	if (pt_pre(s, &r))
		return r;
	if (s->kind == K_REQ && s->p1 == R_RD_AS_WR)
		return INTERPOSE_REAL(pthread_rwlock_wrlock)(l);
	return pt_post(s, INTERPOSE_REAL(pthread_rwlock_rdlock)(l));
}

int pthread_cond_broadcast(pthread_cond_t *c)
{
	SAB(pthread_cond_broadcast);
	int r;

	if (!s)
		return INTERPOSE_REAL(pthread_cond_broadcast)(c);
	if (pt_pre(s, &r))
		return r;
	if (s->kind == K_REQ && s->p1 == R_BROADCAST_ONE)
		return INTERPOSE_REAL(pthread_cond_signal)(c);
	return pt_post(s, INTERPOSE_REAL(pthread_cond_broadcast)(c));
}

int pthread_barrier_init(pthread_barrier_t *b, const pthread_barrierattr_t *a, unsigned n)
{
	SAB(pthread_barrier_init);
	int r;

	if (!s)
		return INTERPOSE_REAL(pthread_barrier_init)(b, a, n);
	if (pt_pre(s, &r))
		return r;
	if (s->kind == K_REQ && s->p1 == R_COUNT_ONE && n > 0)
		n = 1;
	return pt_post(s, INTERPOSE_REAL(pthread_barrier_init)(b, a, n));
}

/* K_FIELD: PTHREAD_BARRIER_SERIAL_THREAD returned to nobody (0 to all). */
int pthread_barrier_wait(pthread_barrier_t *b)
{
	SAB(pthread_barrier_wait);
	int r;

	if (!s)
		return INTERPOSE_REAL(pthread_barrier_wait)(b);
	if (pt_pre(s, &r))
		return r;
	r = INTERPOSE_REAL(pthread_barrier_wait)(b);
	if (s->kind == K_FIELD && r == PTHREAD_BARRIER_SERIAL_THREAD)
		return 0;
	return pt_post(s, r);
}

/* ---- pidfd -------------------------------------------------------------- */
#ifdef SAB_HAVE_PIDFD
int pidfd_open(pid_t pid, unsigned fl)
{
	SAB(pidfd_open);

	if (!s)
		return INTERPOSE_REAL(pidfd_open)(pid, fl);
	return (int)post(s, INTERPOSE_REAL(pidfd_open)(pid, (unsigned)flags(s, fl)));
}

int pidfd_send_signal(int fd, int sig, siginfo_t *i, unsigned fl)
{
	SAB(pidfd_send_signal);
	long r;

	if (!s)
		return INTERPOSE_REAL(pidfd_send_signal)(fd, sig, i, fl);
	if (pre(s, &r))
		return (int)r;
	if (s->kind == K_REQ && s->p1 == R_SIGNAL_ZERO)
		sig = 0;
	return (int)post(s, INTERPOSE_REAL(pidfd_send_signal)(fd, sig, i, fl));
}
#endif

/* close() of a descriptor of a regular file: R_CLOSE_KEEPS_LOCKS takes the
 * process's record locks on the file again after the real close, through a
 * new descriptor of the file that stays open (a platform that removes the
 * locks only when the descriptor used to lock is closed, or never). */
int close(int fd)
{
	SAB(close);
	struct flock keep[32];
	int n = 0, r, saved;

	if (!s)
		return INTERPOSE_REAL(close)(fd);
	if (s->kind == K_REQ && s->p1 == R_CLOSE_KEEPS_LOCKS) {
		char path[64];
		struct stat st;
		off_t start = 0;
		int fd2;

		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		if (INTERPOSE_REAL(fstat)(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (fd2 = INTERPOSE_REAL(open)(path, O_RDONLY | O_CLOEXEC, 0)) >= 0) {
			while (n < 32) {
				struct flock q = { 0 };

				q.l_type = F_WRLCK;
				q.l_whence = SEEK_SET;
				q.l_start = start;
				if (INTERPOSE_REAL(fcntl)(fd2, F_OFD_GETLK, (long)&q) != 0 || q.l_type == F_UNLCK)
					break;
				if (q.l_pid == getpid())
					keep[n++] = q;
				if (q.l_len == 0)
					break;
				start = q.l_start + q.l_len;
			}
			if (n) {
				int fd3 = INTERPOSE_REAL(open)(path, O_RDWR | O_CLOEXEC, 0);

				if (fd3 < 0)
					fd3 = INTERPOSE_REAL(open)(path, O_RDONLY | O_CLOEXEC, 0);
				r = INTERPOSE_REAL(close)(fd);
				saved = errno;
				if (fd3 >= 0) {
					int i;

					for (i = 0; i < n; i++)
						INTERPOSE_REAL(fcntl)(fd3, F_SETLK, (long)&keep[i]);
					/* fd3 and fd2 stay open: closing either would remove them */
				}
				errno = saved;
				return r;
			}
			INTERPOSE_REAL(close)(fd2);
		}
	}
	return INTERPOSE_REAL(close)(fd);
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

int pthread_kill(pthread_t t, int sig)
{
	SAB(pthread_kill);

	if (!s)
		return INTERPOSE_REAL(pthread_kill)(t, sig);
	return pt_post(s, INTERPOSE_REAL(pthread_kill)(t, sig));
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
