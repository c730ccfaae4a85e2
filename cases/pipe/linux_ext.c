/* SPDX-License-Identifier: MIT
 * cases/pipe/linux_ext.c - Linux pipe capacity (F_GETPIPE_SZ,
 * F_SETPIPE_SZ) and FIONREAD.  None of this is in POSIX.
 * Sources: Linux pipe(7) (Pipe capacity, /proc files), fcntl(2)
 * (Changing the capacity of a pipe), ioctl_fionread/FIONREAD in pipe(7)
 * and tty_ioctl(4).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "pipe.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The FIONREAD case names it in .requires; where configure found no
 * declaration it is never run, and this stub only keeps it compiling. */
#if !HAVE_DECL_FIONREAD
#define FIONREAD 0
#endif

/* The F_GETPIPE_SZ/F_SETPIPE_SZ cases name the declarations in .requires;
 * where configure found none they are never run, and these stubs keep
 * them compiling. */
#if !HAVE_DECL_F_GETPIPE_SZ
#define F_GETPIPE_SZ (-1)
#endif
#if !HAVE_DECL_F_SETPIPE_SZ
#define F_SETPIPE_SZ (-1)
#endif

static void getpipe_sz_default(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_RET(fcntl(fd[0], F_GETPIPE_SZ), 16 * (long)ipct_xpagesize());
	CHECK_RET(fcntl(fd[1], F_GETPIPE_SZ), 16 * (long)ipct_xpagesize());
}
IPCT_CASE(getpipe_sz_default,
	.id = "pipe.getpipe_sz_default",
	.asserts = "on Linux F_GETPIPE_SZ on either end of a new pipe returns the default capacity of 16 pages (65536 bytes with 4 KiB pages)",
	.spec = "Linux pipe(7), Pipe capacity; fcntl(2), F_GETPIPE_SZ",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

/* Linux keeps pipe data in page-sized slots and a write that does not fit
 * in the last slot's free space takes a new slot, so the byte count that
 * fits depends on the write sizes; pieces that divide the page size fill
 * every slot completely. */
static void capacity_is_getpipe_sz(void)
{
	int fd[2];
	long cap;

	ipct_xpipe(fd);
	cap = fcntl(fd[0], F_GETPIPE_SZ);
	CHECK(cap > 0);
	CHECK_EQU((size_t)cap, pipe_xfill(fd[1]));
}
IPCT_CASE(capacity_is_getpipe_sz,
	.id = "pipe.capacity_is_getpipe_sz",
	.asserts = "on Linux an empty pipe accepts exactly F_GETPIPE_SZ bytes written in 512-byte pieces before an O_NONBLOCK write fails with EAGAIN",
	.spec = "Linux pipe(7), Pipe capacity; fcntl(2), F_GETPIPE_SZ",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void setpipe_sz_rounds_up(void)
{
	int fd[2];
	long want, got;

	ipct_xpipe(fd);
	want = 3 * (long)ipct_xpagesize() + 1;
	got = fcntl(fd[1], F_SETPIPE_SZ, (int)want);
	CHECK(got >= want);
	CHECK_EQ(0, got % (long)ipct_xpagesize());
	CHECK_RET(fcntl(fd[0], F_GETPIPE_SZ), got);
}
IPCT_CASE(setpipe_sz_rounds_up,
	.id = "pipe.setpipe_sz_rounds_up",
	.asserts = "on Linux F_SETPIPE_SZ with a size that is not a whole number of pages sets and returns a capacity of at least that size, in whole pages, which F_GETPIPE_SZ then reports",
	.spec = "Linux fcntl(2), F_SETPIPE_SZ",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void setpipe_sz_below_page(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_RET(fcntl(fd[1], F_SETPIPE_SZ, 1), (long)ipct_xpagesize());
	CHECK_RET(fcntl(fd[1], F_GETPIPE_SZ), (long)ipct_xpagesize());
}
IPCT_CASE(setpipe_sz_below_page,
	.id = "pipe.setpipe_sz_below_page",
	.asserts = "on Linux F_SETPIPE_SZ with a size below the page size sets the capacity to one page",
	.spec = "Linux fcntl(2), F_SETPIPE_SZ (an attempt to set a capacity less than the page size is silently rounded up to the page size)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void setpipe_sz_capacity_used(void)
{
	int fd[2];
	long cap;

	ipct_xpipe(fd);
	cap = fcntl(fd[1], F_SETPIPE_SZ, (int)(2 * (long)ipct_xpagesize()));
	CHECK_EQ(2 * (long)ipct_xpagesize(), cap);
	CHECK_EQU((size_t)cap, pipe_xfill(fd[1]));
}
IPCT_CASE(setpipe_sz_capacity_used,
	.id = "pipe.setpipe_sz_capacity_used",
	.asserts = "on Linux after F_SETPIPE_SZ to two pages the pipe holds exactly that many bytes before an O_NONBLOCK write fails with EAGAIN",
	.spec = "Linux fcntl(2), F_SETPIPE_SZ; pipe(7), Pipe capacity",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void setpipe_sz_ebusy(void)
{
	static char buf[3 * 65536];
	int fd[2];
	size_t n;

	n = 3 * (size_t)(long)ipct_xpagesize();
	if (n > sizeof buf)
		ipct_skip("page size %ld too large for this case", (long)ipct_xpagesize());
	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], buf, n);
	CHECK_FAILS(fcntl(fd[1], F_SETPIPE_SZ, (int)(long)ipct_xpagesize()), EBUSY);
	/* The failed call changed nothing. */
	CHECK_RET(fcntl(fd[1], F_GETPIPE_SZ), 16 * (long)ipct_xpagesize());
	CHECK_EQU(n, pipe_xdrain(fd[0]));
}
IPCT_CASE(setpipe_sz_ebusy,
	.id = "pipe.setpipe_sz_ebusy",
	.asserts = "on Linux F_SETPIPE_SZ to a capacity smaller than the data the pipe holds fails with EBUSY and keeps the data and the capacity",
	.spec = "Linux fcntl(2), ERRORS [EBUSY]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static long pipe_max_size(void)
{
	long v = ipct_read_number("/proc/sys/fs/pipe-max-size");

	if (v <= 0)
		ipct_skip("cannot read a number from /proc/sys/fs/pipe-max-size");
	return v;
}

static void setpipe_sz_eperm_unpriv(void)
{
	long max;
	int fd[2];
	pid_t pid;

	max = pipe_max_size();
	if (max > (1L << 29))
		ipct_skip("pipe-max-size %ld leaves no int above it to ask for", max);
	ipct_xpipe(fd);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(fcntl(fd[1], F_SETPIPE_SZ, (int)(2 * max)), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(fcntl(fd[1], F_GETPIPE_SZ), 16 * (long)ipct_xpagesize());
}
IPCT_CASE(setpipe_sz_eperm_unpriv,
	.id = "pipe.setpipe_sz_eperm_unpriv",
	.asserts = "on Linux an unprivileged F_SETPIPE_SZ above /proc/sys/fs/pipe-max-size fails with EPERM and leaves the capacity unchanged",
	.spec = "Linux fcntl(2), ERRORS [EPERM]; pipe(7), /proc/sys/fs/pipe-max-size",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void fionread_counts_bytes(void)
{
	int fd[2], n = -1;

	ipct_xpipe(fd);
	CHECK_OK(ioctl(fd[0], FIONREAD, &n));
	CHECK_EQ(0, n);
	ipct_xwrite_all(fd[1], "0123456789", 10);
	ipct_xwrite_all(fd[1], "abc", 3);
	CHECK_OK(ioctl(fd[0], FIONREAD, &n));
	CHECK_EQ(13, n);
	ipct_xread_all(fd[0], (char[4]){ 0 }, 4);
	CHECK_OK(ioctl(fd[0], FIONREAD, &n));
	CHECK_EQ(9, n);
}
IPCT_CASE(fionread_counts_bytes,
	.id = "pipe.fionread_counts_bytes",
	.asserts = "on Linux ioctl(FIONREAD) on the read end of a pipe stores the number of unread bytes in the pipe",
	.spec = "Linux pipe(7), I/O on pipes and FIFOs (FIONREAD); ioctl_tty(2)/tty_ioctl(4), FIONREAD",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_FIONREAD) });

IPCT_CASES(&ipct_case_getpipe_sz_default, &ipct_case_capacity_is_getpipe_sz,
	   &ipct_case_setpipe_sz_rounds_up, &ipct_case_setpipe_sz_below_page,
	   &ipct_case_setpipe_sz_capacity_used, &ipct_case_setpipe_sz_ebusy,
	   &ipct_case_setpipe_sz_eperm_unpriv, &ipct_case_fionread_counts_bytes);
