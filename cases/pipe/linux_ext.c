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
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include <unistd.h>

/* The FIONREAD cases name it in .requires; where configure found no
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

static void preadv_pwritev_espipe(void)
{
	int fd[2];
	char buf[4] = "abc";
	struct iovec iov = { buf, sizeof buf };

	ipct_xpipe(fd);
	CHECK_FAILS(pwritev(fd[1], &iov, 1, 0), ESPIPE);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_FAILS(preadv(fd[0], &iov, 1, 0), ESPIPE);
	CHECK_RET(read(fd[0], buf, sizeof buf), 1); /* the byte stayed */
}
IPCT_CASE(preadv_pwritev_espipe,
	.id = "pipe.preadv_pwritev_espipe",
	.asserts = "preadv() and pwritev() on pipe ends fail with ESPIPE and move no data",
	.spec = "Linux preadv(2), ERRORS (as pread(2): ESPIPE for a pipe); POSIX.1-2024 pread(), ERRORS [ESPIPE]",
	.needs = IPCT_LINUX_ONLY);

static void proc_fd_reopen_same_pipe(void)
{
	int fd[2], w, r;
	char path[64], c = 0;

	ipct_xpipe(fd);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd[0]);
	/* Opening the read end's link for writing gives a new write end of
	 * the same pipe (proc(5): the links open the pipe itself). */
	w = open(path, O_WRONLY);
	if (w < 0 && errno == ENOENT)
		ipct_skip("/proc is not mounted");
	CHECK_OK(w);
	CHECK_RET(write(w, "q", 1), 1);
	CHECK_RET(read(fd[0], &c, 1), 1);
	CHECK_EQ('q', c);
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd[1]);
	CHECK_OK(r = open(path, O_RDONLY));
	CHECK_RET(write(fd[1], "z", 1), 1);
	CHECK_RET(read(r, &c, 1), 1);
	CHECK_EQ('z', c);
	ipct_xclose(r);
	ipct_xclose(w);
}
IPCT_CASE(proc_fd_reopen_same_pipe,
	.id = "pipe.proc_fd_reopen_same_pipe",
	.asserts = "open() of /proc/self/fd/N of a pipe end, for writing or reading, gives a new descriptor on the same pipe",
	.spec = "Linux proc(5) (/proc/pid/fd: opening a pipe's link opens the pipe), pipe(7)",
	.needs = IPCT_LINUX_ONLY);

struct partial_arg {
	int fd, rfd;
	size_t len;
};

static long write_past_reader(void *p)
{
	struct partial_arg *a = p;
	char *buf = calloc(1, a->len);
	long r;

	signal(SIGPIPE, SIG_IGN);
	close(a->rfd); /* the parent holds the only read end */
	if (buf == NULL)
		return -1000;
	r = write(a->fd, buf, a->len);
	if (r < 0)
		r = -2000 - errno;
	/* The next write finds no reader. */
	else if (write(a->fd, buf, 1) != -1 || errno != EPIPE)
		r = -3000;
	free(buf); /* memcheck counts a leak as an error */
	return r;
}

static void write_partial_when_reader_closes(void)
{
	struct ipct_blocker b;
	struct partial_arg a;
	struct ipct_result r;
	int fd[2], delay = 0;
	long cap, limit;

	ipct_xpipe(fd);
	cap = fcntl(fd[1], F_GETPIPE_SZ);
	CHECK(cap > 0);
	a.fd = fd[1];
	a.rfd = fd[0];
	a.len = (size_t)cap * 2;
	ipct_block_start(&b, write_past_reader, &a);
	ipct_xclose(fd[1]);
	ipct_block_prove(&b);
	limit = ipct_now_ms() + ipct_wait_limit_ms();
	/* The pipe is full, half the data is left.  Seen in the pipe, not only
	 * inferred from the proof: under qemu-user the child can look blocked
	 * (in the emulator) before its write() has begun. */
	for (;;) {
		int n = 0;

		CHECK_OK(ioctl(fd[0], FIONREAD, &n));
		if (n >= cap)
			break;
		CHECK(ipct_now_ms() < limit); /* the write never filled it */
		ipct_backoff(&delay);
	}
	ipct_xclose(fd[0]);   /* the last reader goes */
	r = ipct_block_finish(&b);
	/* -2000-EPIPE: no partial count; -3000: the second write did not
	 * fail with EPIPE. */
	CHECK_RESULT(r, cap);
}
IPCT_CASE(write_partial_when_reader_closes,
	.id = "pipe.write_partial_when_reader_closes",
	.asserts = "a blocking write() of twice the capacity, blocked on a full pipe, returns the count written (the capacity) when the last reader closes, and the next write() fails with EPIPE",
	.spec = "Linux pipe(7) (I/O on pipes); POSIX.1-2024 write() (partial count, EPIPE)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_FIONREAD) });

IPCT_CASES(&ipct_case_getpipe_sz_default, &ipct_case_capacity_is_getpipe_sz,
	   &ipct_case_setpipe_sz_rounds_up, &ipct_case_setpipe_sz_below_page,
	   &ipct_case_setpipe_sz_capacity_used, &ipct_case_setpipe_sz_ebusy,
	   &ipct_case_setpipe_sz_eperm_unpriv, &ipct_case_fionread_counts_bytes,
	   &ipct_case_preadv_pwritev_espipe, &ipct_case_proc_fd_reopen_same_pipe,
	   &ipct_case_write_partial_when_reader_closes);
