/* SPDX-License-Identifier: MIT
 * cases/linux_fd/linux_fd.h - helpers shared by the linux_fd cases
 * (eventfd, signalfd, pidfd, memfd).
 *
 * The pidfd and memfd calls go through the libc wrapper where configure
 * found one and through syscall() with the SYS_ number otherwise (musl
 * 1.2 has no pidfd_open()).  Where neither exists the cases are skipped by
 * their .requires and the stubs below only keep them compiling.  Helpers
 * whose name starts with x end the case: skipped when the kernel answers
 * ENOSYS (the interface is missing, not misbehaving), broken otherwise.
 */
#ifndef CASES_LINUX_FD_LINUX_FD_H
#define CASES_LINUX_FD_LINUX_FD_H

#include "ipct.h"

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>
#ifdef HAVE_SYS_SYSCALL_H
#include <sys/syscall.h>
#endif

#ifdef LINUX_FD_HAVE_EVENTFD
#include <sys/eventfd.h>
#else
typedef uint64_t eventfd_t;
#define EFD_SEMAPHORE 1
#define EFD_CLOEXEC 02000000
#define EFD_NONBLOCK 04000
#define eventfd(v, f) ((void)(v), (void)(f), errno = ENOSYS, -1)
#endif

#ifdef LINUX_FD_HAVE_SIGNALFD
#include <sys/signalfd.h>
#else
struct signalfd_siginfo {
	uint32_t ssi_signo;
	int32_t ssi_errno;
	int32_t ssi_code;
	uint32_t ssi_pid;
	uint32_t ssi_uid;
	int32_t ssi_fd;
	uint32_t ssi_tid;
	uint32_t ssi_band;
	uint32_t ssi_overrun;
	uint32_t ssi_trapno;
	int32_t ssi_status;
	int32_t ssi_int;
	uint64_t ssi_ptr;
	uint8_t pad[80];
};
#define SFD_CLOEXEC 02000000
#define SFD_NONBLOCK 04000
#define signalfd(fd, m, f) ((void)(fd), (void)(m), (void)(f), errno = ENOSYS, -1)
#endif

#ifdef HAVE_SYS_PIDFD_H
#include <sys/pidfd.h>
#endif
#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK /* Linux pidfd_open(2): same value */
#endif

#include <sys/mman.h>
#ifndef MFD_CLOEXEC
#define MFD_CLOEXEC 0x0001U
#endif
#ifndef MFD_ALLOW_SEALING
#define MFD_ALLOW_SEALING 0x0002U
#endif
#if !HAVE_DECL_F_ADD_SEALS
#define F_ADD_SEALS 1033
#define F_GET_SEALS 1034
#define F_SEAL_SEAL 0x0001
#define F_SEAL_SHRINK 0x0002
#define F_SEAL_GROW 0x0004
#define F_SEAL_WRITE 0x0008
#endif
#if !HAVE_DECL_F_SEAL_FUTURE_WRITE
#define F_SEAL_FUTURE_WRITE 0x0010
#endif

#include <poll.h>
#include <string.h>

/* pidfd_open(2), pidfd_send_signal(2), memfd_create(2): the libc wrapper,
 * else the raw system call, else ENOSYS. */
static inline int linux_fd_pidfd_open(pid_t pid, unsigned flags)
{
#if defined(HAVE_PIDFD_OPEN) && defined(HAVE_SYS_PIDFD_H)
	return pidfd_open(pid, flags);
#elif HAVE_DECL_SYS_PIDFD_OPEN
	return (int)syscall(SYS_pidfd_open, (long)pid, (long)flags);
#else
	(void)pid, (void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

static inline int linux_fd_pidfd_send_signal(int pidfd, int sig,
					     siginfo_t *info, unsigned flags)
{
#if defined(HAVE_PIDFD_SEND_SIGNAL) && defined(HAVE_SYS_PIDFD_H)
	return pidfd_send_signal(pidfd, sig, info, flags);
#elif HAVE_DECL_SYS_PIDFD_SEND_SIGNAL
	return (int)syscall(SYS_pidfd_send_signal, (long)pidfd, (long)sig,
			    info, (long)flags);
#else
	(void)pidfd, (void)sig, (void)info, (void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

static inline int linux_fd_memfd_create(const char *name, unsigned flags)
{
#if defined(HAVE_MEMFD_CREATE)
	return memfd_create(name, flags);
#elif HAVE_DECL_SYS_MEMFD_CREATE
	return (int)syscall(SYS_memfd_create, name, (long)flags);
#else
	(void)name, (void)flags;
	errno = ENOSYS;
	return -1;
#endif
}

/* The same, ending the case: skipped on ENOSYS, broken on another error. */
static inline int linux_fd_xpidfd_open_at(pid_t pid, unsigned flags,
					  const char *file, int line)
{
	int fd = linux_fd_pidfd_open(pid, flags);

	if (fd < 0) {
		ipct_skip_if_unsupported("pidfd_open()", errno);
		ipct_broken(file, line, "pidfd_open(%ld, %#x): %s", (long)pid,
			    flags, ipct_errname(errno));
	}
	return fd;
}
#define linux_fd_xpidfd_open(...) linux_fd_xpidfd_open_at(__VA_ARGS__, __FILE__, __LINE__)

static inline int linux_fd_xmemfd_create_at(const char *name, unsigned flags,
					    const char *file, int line)
{
	int fd = linux_fd_memfd_create(name, flags);

	if (fd < 0) {
		ipct_skip_if_unsupported("memfd_create()", errno);
		ipct_broken(file, line, "memfd_create(\"%s\", %#x): %s", name,
			    flags, ipct_errname(errno));
	}
	return fd;
}
#define linux_fd_xmemfd_create(...) linux_fd_xmemfd_create_at(__VA_ARGS__, __FILE__, __LINE__)

static inline int linux_fd_xeventfd_at(unsigned initval, int flags,
				       const char *file, int line)
{
	int fd = eventfd(initval, flags);

	if (fd < 0) {
		ipct_skip_if_unsupported("eventfd()", errno);
		ipct_broken(file, line, "eventfd(%u, %#x): %s", initval, flags,
			    ipct_errname(errno));
	}
	return fd;
}
#define linux_fd_xeventfd(...) linux_fd_xeventfd_at(__VA_ARGS__, __FILE__, __LINE__)

/* A signalfd for the one signal sig, which it first blocks. */
static inline int linux_fd_xsignalfd1_at(int sig, int flags, const char *file,
					 int line)
{
	sigset_t m;
	int fd;

	sigemptyset(&m);
	sigaddset(&m, sig);
	if (sigprocmask(SIG_BLOCK, &m, NULL) != 0)
		ipct_broken(file, line, "sigprocmask(SIG_BLOCK, %s): %s",
			    ipct_signame(sig), ipct_errname(errno));
	fd = signalfd(-1, &m, flags);
	if (fd < 0) {
		ipct_skip_if_unsupported("signalfd()", errno);
		ipct_broken(file, line, "signalfd(-1, {%s}, %#x): %s",
			    ipct_signame(sig), flags, ipct_errname(errno));
	}
	return fd;
}
#define linux_fd_xsignalfd1(...) linux_fd_xsignalfd1_at(__VA_ARGS__, __FILE__, __LINE__)

/* Is sig pending for the calling thread or process? (sigpending) */
static inline int linux_fd_pending(int sig)
{
	sigset_t p;

	sigemptyset(&p);
	if (sigpending(&p) != 0)
		IPCT_BROKEN("sigpending(): %s", ipct_errname(errno));
	return sigismember(&p, sig) == 1;
}

/* A copy of fd at number 200 or above (for exec'd helpers: nothing the
 * new image opens at start-up lands on it); broken on failure.  The copy
 * has FD_CLOEXEC clear. */
static inline int linux_fd_xhigh_copy_at(int fd, const char *file, int line)
{
	int hi = fcntl(fd, F_DUPFD, 200);

	if (hi < 0)
		ipct_broken(file, line, "fcntl(%d, F_DUPFD, 200): %s", fd,
			    ipct_errname(errno));
	return hi;
}
#define linux_fd_xhigh_copy(fd) linux_fd_xhigh_copy_at((fd), __FILE__, __LINE__)

/* poll() of one descriptor for events with timeout_ms; returns revents
 * (0 on timeout), broken if poll() fails. */
static inline short linux_fd_xpoll1_at(int fd, short events, int timeout_ms,
				       const char *file, int line)
{
	struct pollfd p;
	int r;

	memset(&p, 0, sizeof p);
	p.fd = fd;
	p.events = events;
	do {
		r = poll(&p, 1, timeout_ms);
	} while (r < 0 && errno == EINTR);
	if (r < 0)
		ipct_broken(file, line, "poll(%d): %s", fd, ipct_errname(errno));
	return r == 0 ? 0 : p.revents;
}
#define linux_fd_xpoll1(...) linux_fd_xpoll1_at(__VA_ARGS__, __FILE__, __LINE__)

#endif /* CASES_LINUX_FD_LINUX_FD_H */
