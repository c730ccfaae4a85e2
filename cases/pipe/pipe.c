/* SPDX-License-Identifier: MIT
 * cases/pipe/pipe.c - pipe(): the descriptors it returns and what the
 * pipe looks like through fcntl(), fstat(), fpathconf(), lseek(), pread()
 * and pwrite().
 * Sources: POSIX.1-2024 pipe(), fcntl(), fstat(), <sys/stat.h>,
 * fpathconf(), <limits.h>, lseek(), pread(), pwrite(); Linux pipe(2),
 * pipe(7) for the direction of the ends and the value of PIPE_BUF.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "pipe.h"

#include <limits.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

static void pipe_read_and_write_ends(void)
{
	int fd[2] = { -1, -1 };
	char c = 0;

	CHECK_RET(pipe(fd), 0);
	CHECK(fd[0] >= 0 && fd[1] >= 0 && fd[0] != fd[1]);
	CHECK_RET(write(fd[1], "w", 1), 1);
	CHECK_RET(read(fd[0], &c, 1), 1);
	CHECK_EQ('w', c);
}
IPCT_CASE(pipe_read_and_write_ends,
	.id = "pipe.pipe_read_and_write_ends",
	.asserts = "pipe() returns 0 and two distinct descriptors, fd[0] open for reading and fd[1] open for writing",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION and RETURN VALUE");

static void pipe_access_modes(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(O_RDONLY, fcntl(fd[0], F_GETFL) & O_ACCMODE);
	CHECK_EQ(O_WRONLY, fcntl(fd[1], F_GETFL) & O_ACCMODE);
}
IPCT_CASE(pipe_access_modes,
	.id = "pipe.pipe_access_modes",
	.asserts = "the file status flags of fd[0] have access mode O_RDONLY and those of fd[1] O_WRONLY",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void pipe_lowest_descriptors(void)
{
	int fd[2], a, b;

	/* Make a hole below the current lowest free number, so "lowest"
	 * and "next after the highest" give different answers. */
	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	a = pipe_lowest_free_fd(0);
	b = pipe_lowest_free_fd(a + 1);
	CHECK_RET(pipe(fd), 0);
	CHECK_EQ(a, fd[0] < fd[1] ? fd[0] : fd[1]);
	CHECK_EQ(b, fd[0] < fd[1] ? fd[1] : fd[0]);
}
IPCT_CASE(pipe_lowest_descriptors,
	.id = "pipe.pipe_lowest_descriptors",
	.asserts = "the two descriptors pipe() allocates are the two lowest numbers not currently open in the process",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void pipe_no_nonblock(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(0, fcntl(fd[0], F_GETFL) & O_NONBLOCK);
	CHECK_EQ(0, fcntl(fd[1], F_GETFL) & O_NONBLOCK);
}
IPCT_CASE(pipe_no_nonblock,
	.id = "pipe.pipe_no_nonblock",
	.asserts = "O_NONBLOCK is clear on both descriptors pipe() returns",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void pipe_no_cloexec(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(0, fcntl(fd[0], F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(fd[1], F_GETFD) & FD_CLOEXEC);
}
IPCT_CASE(pipe_no_cloexec,
	.id = "pipe.pipe_no_cloexec",
	.asserts = "FD_CLOEXEC is clear on both descriptors pipe() returns",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void pipe_emfile(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		struct rlimit rl;
		int fd[2] = { -1, -1 }, lowest;

		/* Every number below `lowest` is open; allow only one more. */
		lowest = pipe_lowest_free_fd(0);
		if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
			IPCT_BROKEN("getrlimit(): %s", ipct_errname(errno));
		rl.rlim_cur = (rlim_t)lowest + 1;
		if (setrlimit(RLIMIT_NOFILE, &rl) != 0)
			IPCT_BROKEN("setrlimit(RLIMIT_NOFILE, %d): %s",
				    lowest + 1, ipct_errname(errno));
		CHECK_FAILS(pipe(fd), EMFILE);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(pipe_emfile,
	.id = "pipe.pipe_emfile",
	.asserts = "pipe() fails with EMFILE when fewer than two descriptors are available to the process",
	.spec = "POSIX.1-2024 pipe(), ERRORS [EMFILE]");

static void fstat_is_fifo(void)
{
	struct stat st0, st1;
	int fd[2];

	ipct_xpipe(fd);
	CHECK_OK(fstat(fd[0], &st0));
	CHECK_OK(fstat(fd[1], &st1));
	CHECK(S_ISFIFO(st0.st_mode));
	CHECK(S_ISFIFO(st1.st_mode));
}
IPCT_CASE(fstat_is_fifo,
	.id = "pipe.fstat_is_fifo",
	.asserts = "fstat() on either end of a pipe gives a st_mode for which S_ISFIFO() is true",
	.spec = "POSIX.1-2024 <sys/stat.h>, DESCRIPTION (S_ISFIFO)");

static void fstat_same_pipe(void)
{
	struct stat st0, st1, other;
	int fd[2], fd2[2];

	ipct_xpipe(fd);
	ipct_xpipe(fd2);
	CHECK_OK(fstat(fd[0], &st0));
	CHECK_OK(fstat(fd[1], &st1));
	CHECK_OK(fstat(fd2[0], &other));
	CHECK_EQU(st0.st_ino, st1.st_ino);
	CHECK_EQU(st0.st_dev, st1.st_dev);
	CHECK(st0.st_ino != other.st_ino || st0.st_dev != other.st_dev);
}
IPCT_CASE(fstat_same_pipe,
	.id = "pipe.fstat_same_pipe",
	.asserts = "the two ends of one pipe have the same st_dev and st_ino, which differ from those of another pipe",
	.spec = "POSIX.1-2024 <sys/stat.h>, DESCRIPTION (st_ino and st_dev uniquely identify the file)");

static void pipe_marks_times(void)
{
	struct stat st;
	time_t before, after;
	int fd[2];

	before = ipct_time_floor();
	ipct_xpipe(fd);
	after = ipct_time_ceil();
	CHECK_OK(fstat(fd[0], &st));
	CHECK(st.st_atime >= before && st.st_atime <= after);
	CHECK(st.st_mtime >= before && st.st_mtime <= after);
	CHECK(st.st_ctime >= before && st.st_ctime <= after);
}
IPCT_CASE(pipe_marks_times,
	.id = "pipe.pipe_marks_times",
	.asserts = "pipe() marks the last data access, last data modification and last status change timestamps of the pipe for update",
	.spec = "POSIX.1-2024 pipe(), DESCRIPTION");

static void fpathconf_pipe_buf(void)
{
	int fd[2];
	long v0, v1;

	ipct_xpipe(fd);
	errno = 0;
	v0 = fpathconf(fd[0], _PC_PIPE_BUF);
	CHECK_ERRNO(errno, 0);
	v1 = fpathconf(fd[1], _PC_PIPE_BUF);
	CHECK(v0 >= _POSIX_PIPE_BUF);
	CHECK_EQ(v0, v1);
#ifdef PIPE_BUF
	CHECK_EQ(PIPE_BUF, v0);
#endif
}
IPCT_CASE(fpathconf_pipe_buf,
	.id = "pipe.fpathconf_pipe_buf",
	.asserts = "fpathconf(_PC_PIPE_BUF) on a pipe is at least _POSIX_PIPE_BUF (512), the same on both ends, and equal to PIPE_BUF where <limits.h> defines it",
	.spec = "POSIX.1-2024 fpathconf(), DESCRIPTION; <limits.h> {PIPE_BUF}");

static void pipe_buf_linux_value(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_EQ(4096, fpathconf(fd[0], _PC_PIPE_BUF));
}
IPCT_CASE(pipe_buf_linux_value,
	.id = "pipe.pipe_buf_linux_value",
	.asserts = "on Linux PIPE_BUF, the atomic write size of a pipe, is 4096 bytes",
	.spec = "Linux pipe(7), PIPE_BUF",
	.needs = IPCT_LINUX_ONLY);

static void lseek_espipe(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_FAILS(lseek(fd[0], 0, SEEK_SET), ESPIPE);
	CHECK_FAILS(lseek(fd[1], 0, SEEK_CUR), ESPIPE);
}
IPCT_CASE(lseek_espipe,
	.id = "pipe.lseek_espipe",
	.asserts = "lseek() on either end of a pipe fails with ESPIPE",
	.spec = "POSIX.1-2024 lseek(), ERRORS [ESPIPE]");

static void pread_espipe(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_FAILS(pread(fd[0], &c, 1, 0), ESPIPE);
	/* The failed call consumed nothing. */
	CHECK_RET(read(fd[0], &c, 1), 1);
}
IPCT_CASE(pread_espipe,
	.id = "pipe.pread_espipe",
	.asserts = "pread() on the read end of a pipe fails with ESPIPE and consumes nothing",
	.spec = "POSIX.1-2024 pread(), ERRORS [ESPIPE]");

static void pwrite_espipe(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_FAILS(pwrite(fd[1], "x", 1, 0), ESPIPE);
	ipct_xclose(fd[1]);
	/* Nothing was written: the reader sees end-of-file at once. */
	CHECK_RET(pipe_xdrain(fd[0]), 0);
}
IPCT_CASE(pwrite_espipe,
	.id = "pipe.pwrite_espipe",
	.asserts = "pwrite() on the write end of a pipe fails with ESPIPE and writes nothing",
	.spec = "POSIX.1-2024 pwrite(), ERRORS [ESPIPE]");

static void write_read_end_ebadf(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_FAILS(write(fd[0], "x", 1), EBADF);
}
IPCT_CASE(write_read_end_ebadf,
	.id = "pipe.write_read_end_ebadf",
	.asserts = "on Linux write() to the read end of a pipe fails with EBADF (POSIX leaves the other direction unspecified)",
	.spec = "Linux pipe(2), DESCRIPTION; POSIX.1-2024 write(), ERRORS [EBADF]",
	.needs = IPCT_LINUX_ONLY);

static void read_write_end_ebadf(void)
{
	int fd[2];
	char c;

	ipct_xpipe(fd);
	ipct_xwrite_all(fd[1], "x", 1);
	CHECK_FAILS(read(fd[1], &c, 1), EBADF);
}
IPCT_CASE(read_write_end_ebadf,
	.id = "pipe.read_write_end_ebadf",
	.asserts = "on Linux read() from the write end of a pipe fails with EBADF (POSIX leaves the other direction unspecified)",
	.spec = "Linux pipe(2), DESCRIPTION; POSIX.1-2024 read(), ERRORS [EBADF]",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_pipe_read_and_write_ends, &ipct_case_pipe_access_modes,
	   &ipct_case_pipe_lowest_descriptors, &ipct_case_pipe_no_nonblock,
	   &ipct_case_pipe_no_cloexec, &ipct_case_pipe_emfile,
	   &ipct_case_fstat_is_fifo, &ipct_case_fstat_same_pipe,
	   &ipct_case_pipe_marks_times, &ipct_case_fpathconf_pipe_buf,
	   &ipct_case_pipe_buf_linux_value, &ipct_case_lseek_espipe,
	   &ipct_case_pread_espipe, &ipct_case_pwrite_espipe,
	   &ipct_case_write_read_end_ebadf, &ipct_case_read_write_end_ebadf);
