/* SPDX-License-Identifier: MIT
 * wrappers.c - the ipct_x* setup wrappers: a failure ends the case as
 * broken at the caller's file:line; what they create is journaled.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <fcntl.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

void ipct_xpipe_at(int fd[2], const char *file_, int line_)
{
	if (pipe(fd) != 0)
		ipct_broken(file_, line_, "pipe(): %s", ipct_errname(errno));
}

void ipct_xclose_at(int fd, const char *file_, int line_)
{
	if (close(fd) != 0)
		ipct_broken(file_, line_, "close(%d): %s", fd, ipct_errname(errno));
}

int ipct_xdup_at(int fd, const char *file_, int line_)
{
	int r = dup(fd);

	if (r < 0)
		ipct_broken(file_, line_, "dup(%d): %s", fd, ipct_errname(errno));
	return r;
}

void ipct_xwrite_all_at(int fd, const void *buf, size_t len, const char *file_, int line_)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			ipct_broken(file_, line_, "write(%d, %zu bytes): %s", fd, len,
				    n < 0 ? ipct_errname(errno) : "returned 0");
		p += n;
		len -= (size_t)n;
	}
}

void ipct_xread_all_at(int fd, void *buf, size_t len, const char *file_, int line_)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			ipct_broken(file_, line_, "read(%d): %s", fd, ipct_errname(errno));
		if (n == 0)
			ipct_broken(file_, line_, "read(%d): end of file with %zu bytes missing",
				    fd, len);
		p += n;
		len -= (size_t)n;
	}
}

void ipct_xsigaction_at(int sig, void (*handler)(int), int flags, const char *file_, int line_)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		ipct_broken(file_, line_, "sigaction(%s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

void ipct_xsigblock_at(int sig, const char *file_, int line_)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		ipct_broken(file_, line_, "sigprocmask(SIG_BLOCK, %s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

void ipct_xsetnonblock_at(int fd, const char *file_, int line_)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
		ipct_broken(file_, line_, "fcntl(%d, F_SETFL, O_NONBLOCK): %s", fd,
			    ipct_errname(errno));
}

void ipct_xmkfifo_at(const char *path, mode_t mode, const char *file_, int line_)
{
	if (mkfifo(path, mode) != 0)
		ipct_broken(file_, line_, "mkfifo(%s): %s", path, ipct_errname(errno));
}

int ipct_xmsgget_at(key_t key, int flags, const char *file_, int line_)
{
	int id = msgget(key, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "msgget(): %s", ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_MSG, id);
	return id;
}

int ipct_xsemget_at(key_t key, int nsems, int flags, const char *file_, int line_)
{
	int id = semget(key, nsems, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "semget(nsems %d): %s", nsems, ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_SEM, id);
	return id;
}

int ipct_xshmget_at(key_t key, size_t size, int flags, const char *file_, int line_)
{
	int id = shmget(key, size, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "shmget(size %zu): %s", size, ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_SHM, id);
	return id;
}
