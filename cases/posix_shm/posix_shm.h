/* SPDX-License-Identifier: MIT
 * cases/posix_shm/posix_shm.h - helpers shared by the posix_shm case files.
 *
 * Included after ipct.h.  Setup helpers are fatal through IPCT_BROKEN (a
 * failed setup is not the behaviour under test); a platform whose
 * shm_open() answers ENOSYS skips.  Cases on named objects declare
 * .requires = { IPCT_HAVE(HAVE_SHM_OPEN) }.
 */
#ifndef CASES_POSIX_SHM_POSIX_SHM_H
#define CASES_POSIX_SHM_POSIX_SHM_H

#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Cases on named objects name shm_open() in .requires; where configure
 * did not find it they are never run, and these stubs keep them compiling. */
#ifndef HAVE_SHM_OPEN
#define shm_open(name, oflag, mode) \
	((void)(name), (void)(oflag), (void)(mode), errno = ENOSYS, -1)
#define shm_unlink(name) ((void)(name), errno = ENOSYS, -1)
#endif

/* A new object (O_CREAT|O_EXCL|O_RDWR, mode 0600) of `size` bytes. */
static inline int posix_shm_xcreate(const char *name, size_t size)
{
	int fd;

	fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600);
	if (fd < 0) {
		ipct_skip_if_unsupported("shm_open", errno);
		IPCT_BROKEN("shm_open(%s, O_CREAT|O_EXCL|O_RDWR): %s", name,
			    ipct_errname(errno));
	}
	if (size && ftruncate(fd, (off_t)size) != 0)
		IPCT_BROKEN("ftruncate(%zu): %s", size, ipct_errname(errno));
	return fd;
}

/* mmap(NULL, len, prot, flags, fd, 0), fatal on failure. */
static inline void *posix_shm_xmap(int fd, size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(%zu bytes): %s", len, ipct_errname(errno));
	return p;
}

/* A new object of `size` bytes mapped read/write MAP_SHARED. */
static inline unsigned char *posix_shm_xcreate_map(const char *name, size_t size)
{
	int fd = posix_shm_xcreate(name, size);
	void *p = posix_shm_xmap(fd, size, PROT_READ | PROT_WRITE, MAP_SHARED);

	ipct_xclose(fd);
	return p;
}

#endif /* CASES_POSIX_SHM_POSIX_SHM_H */
