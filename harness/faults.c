/* SPDX-License-Identifier: MIT
 * faults.c - fault injection for the runner's own tests (LD_PRELOAD; built
 * by `make check-faults`, never installed).  Each fault breaks one
 * mechanism the way a faulty platform would, in every process of a run,
 * runner included: IPCCONF_FAULTS=name[,name...] selects them.
 * harness/selftest-faults.sh runs the real runner under each one.
 *
 *   pipe-eof-hangs       read() on a pipe or FIFO at end of file never returns
 *   shared-anon-private  mmap(MAP_SHARED|MAP_ANONYMOUS) gives a private mapping
 *   unlink-noop          mq_unlink(), sem_unlink(), shm_unlink() succeed, do nothing
 *   sysv-rmid-noop       msgctl/semctl/shmctl(IPC_RMID) succeed, do nothing
 *   signals-lost         kill(), killpg(), raise(), sigqueue(), pthread_kill()
 *                        succeed and deliver nothing (SIGKILL and SIGSTOP excepted);
 *                        sigaction() never installs a SIGCHLD handler, as if the
 *                        kernel sent no SIGCHLD (the runner's is only a wake-up)
 *   blocking-hangs       every call that waits for another party never returns:
 *                        read/recv/accept on a pipe, FIFO, socket or terminal
 *                        without O_NONBLOCK, open() of a FIFO, poll/select with
 *                        a timeout, msgrcv/msgsnd/semop without IPC_NOWAIT,
 *                        mq_send/mq_receive (blocking), sem_wait and the timed
 *                        waits, sigwait/sigwaitinfo/sigtimedwait/sigsuspend/pause
 *
 * What the runner trusts (README) is not broken here on purpose: fork,
 * waitpid, SIGKILL, _exit, plain files, nanosleep on a monotonic clock.
 */
#define _GNU_SOURCE
#include "interpose.h"

#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <poll.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/select.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
	PIPE_EOF_HANGS,
	SHARED_ANON_PRIVATE,
	UNLINK_NOOP,
	SYSV_RMID_NOOP,
	SIGNALS_LOST,
	BLOCKING_HANGS,
};

static struct interpose_row rows[] = {
	[PIPE_EOF_HANGS] = { "pipe-eof-hangs", "read() on a pipe at end of file never returns", NULL, 0 },
	[SHARED_ANON_PRIVATE] = { "shared-anon-private", "a MAP_SHARED|MAP_ANONYMOUS mapping is private", NULL, 0 },
	[UNLINK_NOOP] = { "unlink-noop", "mq_unlink/sem_unlink/shm_unlink do nothing", NULL, 0 },
	[SYSV_RMID_NOOP] = { "sysv-rmid-noop", "IPC_RMID does nothing", NULL, 0 },
	[SIGNALS_LOST] = { "signals-lost", "signals are never delivered", NULL, 0 },
	[BLOCKING_HANGS] = { "blocking-hangs", "every blocking call hangs", NULL, 0 },
	{ NULL, NULL, NULL, 0 },
};
INTERPOSE_TABLE(rows, "IPCCONF_FAULTS");

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* Could a read on fd wait for another party? */
static int fd_may_block(int fd)
{
	struct stat st;
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || (fl & O_NONBLOCK) || fstat(fd, &st) != 0)
		return 0;
	return S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode) ||
	       (S_ISCHR(st.st_mode) && isatty(fd));
}

static int is_pipe(int fd)
{
	struct stat st;

	return fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode);
}

static int timeout_nonzero(const struct timespec *ts)
{
	return !ts || ts->tv_sec || ts->tv_nsec;
}

/* ------------------------------------------------------------------ */
/* pipe-eof-hangs, blocking-hangs: reads                               */

static ssize_t after_read(int fd, ssize_t r, size_t n)
{
	if (r == 0 && n > 0 && interpose_on(PIPE_EOF_HANGS) && is_pipe(fd))
		interpose_hang();
	return r;
}

ssize_t read(int fd, void *buf, size_t n)
{
	if (interpose_on(BLOCKING_HANGS) && fd_may_block(fd))
		interpose_hang();
	return after_read(fd, INTERPOSE_REAL(read)(fd, buf, n), n);
}

ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen);
ssize_t __read_chk(int fd, void *buf, size_t n, size_t buflen)
{
	if (interpose_on(BLOCKING_HANGS) && fd_may_block(fd))
		interpose_hang();
	return after_read(fd, INTERPOSE_REAL(__read_chk)(fd, buf, n, buflen), n);
}

ssize_t readv(int fd, const struct iovec *iov, int cnt)
{
	if (interpose_on(BLOCKING_HANGS) && fd_may_block(fd))
		interpose_hang();
	return after_read(fd, INTERPOSE_REAL(readv)(fd, iov, cnt), cnt > 0 ? 1 : 0);
}

ssize_t recv(int fd, void *buf, size_t n, int flags)
{
	if (interpose_on(BLOCKING_HANGS) && !(flags & MSG_DONTWAIT) && fd_may_block(fd))
		interpose_hang();
	return INTERPOSE_REAL(recv)(fd, buf, n, flags);
}

ssize_t recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *a, socklen_t *al)
{
	if (interpose_on(BLOCKING_HANGS) && !(flags & MSG_DONTWAIT) && fd_may_block(fd))
		interpose_hang();
	return INTERPOSE_REAL(recvfrom)(fd, buf, n, flags, a, al);
}

ssize_t recvmsg(int fd, struct msghdr *m, int flags)
{
	if (interpose_on(BLOCKING_HANGS) && !(flags & MSG_DONTWAIT) && fd_may_block(fd))
		interpose_hang();
	return INTERPOSE_REAL(recvmsg)(fd, m, flags);
}

int accept(int fd, struct sockaddr *a, socklen_t *al)
{
	if (interpose_on(BLOCKING_HANGS) && fd_may_block(fd))
		interpose_hang();
	return INTERPOSE_REAL(accept)(fd, a, al);
}

static void open_may_hang(const char *path, int flags)
{
	struct stat st;

	if (interpose_on(BLOCKING_HANGS) && !(flags & O_NONBLOCK) &&
	    stat(path, &st) == 0 && S_ISFIFO(st.st_mode))
		interpose_hang();
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	open_may_hang(path, flags);
	return INTERPOSE_REAL(open)(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = (mode_t)va_arg(ap, int);
	va_end(ap);
	open_may_hang(path, flags);
	return INTERPOSE_REAL(open64)(path, flags, mode);
}

/* ------------------------------------------------------------------ */
/* blocking-hangs: waits                                               */

int poll(struct pollfd *p, nfds_t n, int timeout)
{
	if (interpose_on(BLOCKING_HANGS) && timeout != 0)
		interpose_hang();
	return INTERPOSE_REAL(poll)(p, n, timeout);
}

int __poll_chk(struct pollfd *p, nfds_t n, int timeout, size_t len);
int __poll_chk(struct pollfd *p, nfds_t n, int timeout, size_t len)
{
	if (interpose_on(BLOCKING_HANGS) && timeout != 0)
		interpose_hang();
	return INTERPOSE_REAL(__poll_chk)(p, n, timeout, len);
}

int ppoll(struct pollfd *p, nfds_t n, const struct timespec *ts, const sigset_t *m)
{
	if (interpose_on(BLOCKING_HANGS) && timeout_nonzero(ts))
		interpose_hang();
	return INTERPOSE_REAL(ppoll)(p, n, ts, m);
}

int select(int n, fd_set *r, fd_set *w, fd_set *e, struct timeval *tv)
{
	if (interpose_on(BLOCKING_HANGS) && (!tv || tv->tv_sec || tv->tv_usec))
		interpose_hang();
	return INTERPOSE_REAL(select)(n, r, w, e, tv);
}

int pselect(int n, fd_set *r, fd_set *w, fd_set *e, const struct timespec *ts,
	    const sigset_t *m)
{
	if (interpose_on(BLOCKING_HANGS) && timeout_nonzero(ts))
		interpose_hang();
	return INTERPOSE_REAL(pselect)(n, r, w, e, ts, m);
}

ssize_t msgrcv(int id, void *m, size_t sz, long type, int flags)
{
	if (interpose_on(BLOCKING_HANGS) && !(flags & IPC_NOWAIT))
		interpose_hang();
	return INTERPOSE_REAL(msgrcv)(id, m, sz, type, flags);
}

int msgsnd(int id, const void *m, size_t sz, int flags)
{
	if (interpose_on(BLOCKING_HANGS) && !(flags & IPC_NOWAIT))
		interpose_hang();
	return INTERPOSE_REAL(msgsnd)(id, m, sz, flags);
}

static int sops_may_block(const struct sembuf *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!(s[i].sem_flg & IPC_NOWAIT))
			return 1;
	return 0;
}

int semop(int id, struct sembuf *s, size_t n)
{
	if (interpose_on(BLOCKING_HANGS) && sops_may_block(s, n))
		interpose_hang();
	return INTERPOSE_REAL(semop)(id, s, n);
}

int semtimedop(int id, struct sembuf *s, size_t n, const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS) && sops_may_block(s, n) && timeout_nonzero(ts))
		interpose_hang();
	return INTERPOSE_REAL(semtimedop)(id, s, n, ts);
}

static int mq_blocking(mqd_t q)
{
	struct mq_attr a;

	return mq_getattr(q, &a) == 0 && !(a.mq_flags & O_NONBLOCK);
}

ssize_t mq_receive(mqd_t q, char *m, size_t n, unsigned *prio)
{
	if (interpose_on(BLOCKING_HANGS) && mq_blocking(q))
		interpose_hang();
	return INTERPOSE_REAL(mq_receive)(q, m, n, prio);
}

ssize_t mq_timedreceive(mqd_t q, char *m, size_t n, unsigned *prio,
			const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS) && mq_blocking(q))
		interpose_hang();
	return INTERPOSE_REAL(mq_timedreceive)(q, m, n, prio, ts);
}

int mq_send(mqd_t q, const char *m, size_t n, unsigned prio)
{
	if (interpose_on(BLOCKING_HANGS) && mq_blocking(q))
		interpose_hang();
	return INTERPOSE_REAL(mq_send)(q, m, n, prio);
}

int mq_timedsend(mqd_t q, const char *m, size_t n, unsigned prio,
		 const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS) && mq_blocking(q))
		interpose_hang();
	return INTERPOSE_REAL(mq_timedsend)(q, m, n, prio, ts);
}

int sem_wait(sem_t *s)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sem_wait)(s);
}

int sem_timedwait(sem_t *s, const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sem_timedwait)(s, ts);
}

int sem_clockwait(sem_t *s, clockid_t c, const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sem_clockwait)(s, c, ts);
}

int sigwait(const sigset_t *set, int *sig)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sigwait)(set, sig);
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sigwaitinfo)(set, info);
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *ts)
{
	if (interpose_on(BLOCKING_HANGS) && timeout_nonzero(ts))
		interpose_hang();
	return INTERPOSE_REAL(sigtimedwait)(set, info, ts);
}

int sigsuspend(const sigset_t *mask)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(sigsuspend)(mask);
}

int pause(void)
{
	if (interpose_on(BLOCKING_HANGS))
		interpose_hang();
	return INTERPOSE_REAL(pause)();
}

/* ------------------------------------------------------------------ */
/* shared-anon-private                                                 */

static int private_flags(int flags)
{
	if (interpose_on(SHARED_ANON_PRIVATE) && (flags & MAP_ANONYMOUS) &&
	    (flags & MAP_TYPE) == MAP_SHARED)
		return (flags & ~MAP_TYPE) | MAP_PRIVATE;
	return flags;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return INTERPOSE_REAL(mmap)(addr, len, prot, private_flags(flags), fd, off);
}

void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t off)
{
	return INTERPOSE_REAL(mmap64)(addr, len, prot, private_flags(flags), fd, off);
}

/* ------------------------------------------------------------------ */
/* unlink-noop, sysv-rmid-noop                                         */

int mq_unlink(const char *name)
{
	if (interpose_on(UNLINK_NOOP))
		return 0;
	return INTERPOSE_REAL(mq_unlink)(name);
}

int sem_unlink(const char *name)
{
	if (interpose_on(UNLINK_NOOP))
		return 0;
	return INTERPOSE_REAL(sem_unlink)(name);
}

int shm_unlink(const char *name)
{
	if (interpose_on(UNLINK_NOOP))
		return 0;
	return INTERPOSE_REAL(shm_unlink)(name);
}

int msgctl(int id, int cmd, struct msqid_ds *buf)
{
	if (cmd == IPC_RMID && interpose_on(SYSV_RMID_NOOP))
		return 0;
	return INTERPOSE_REAL(msgctl)(id, cmd, buf);
}

int shmctl(int id, int cmd, struct shmid_ds *buf)
{
	if (cmd == IPC_RMID && interpose_on(SYSV_RMID_NOOP))
		return 0;
	return INTERPOSE_REAL(shmctl)(id, cmd, buf);
}

int semctl(int id, int num, int cmd, ...)
{
	va_list ap;
	void *arg; /* union semun: one pointer-sized argument, or none */

	va_start(ap, cmd);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (cmd == IPC_RMID && interpose_on(SYSV_RMID_NOOP))
		return 0;
	return INTERPOSE_REAL(semctl)(id, num, cmd, arg);
}

/* ------------------------------------------------------------------ */
/* signals-lost                                                        */

static int lost(int sig)
{
	return sig != 0 && sig != SIGKILL && sig != SIGSTOP &&
	       interpose_on(SIGNALS_LOST);
}

int kill(pid_t pid, int sig)
{
	if (lost(sig))
		return 0;
	return INTERPOSE_REAL(kill)(pid, sig);
}

int killpg(pid_t pg, int sig)
{
	if (lost(sig))
		return 0;
	return INTERPOSE_REAL(killpg)(pg, sig);
}

int raise(int sig)
{
	if (lost(sig))
		return 0;
	return INTERPOSE_REAL(raise)(sig);
}

int sigqueue(pid_t pid, int sig, const union sigval v)
{
	if (lost(sig))
		return 0;
	return INTERPOSE_REAL(sigqueue)(pid, sig, v);
}

int pthread_kill(pthread_t t, int sig)
{
	if (lost(sig))
		return 0;
	return INTERPOSE_REAL(pthread_kill)(t, sig);
}

/* The kernel's own SIGCHLD: sigaction() reports success and leaves the
 * disposition at SIG_DFL, so no handler ever runs. */
int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct sigaction dfl;

	if (sig == SIGCHLD && act && interpose_on(SIGNALS_LOST) &&
	    ((act->sa_flags & SA_SIGINFO) ||
	     (act->sa_handler != SIG_DFL && act->sa_handler != SIG_IGN))) {
		dfl = *act;
		dfl.sa_flags &= ~SA_SIGINFO;
		dfl.sa_handler = SIG_DFL;
		act = &dfl;
	}
	return INTERPOSE_REAL(sigaction)(sig, act, old);
}
