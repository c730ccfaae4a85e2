/* SPDX-License-Identifier: MIT
 * cases/fifo/open.c - open() on FIFOs: the reader/writer rendezvous,
 * O_NONBLOCK, signals interrupting a blocked open, O_RDWR on Linux, the
 * flags that do not apply to FIFOs, permissions, and what fstat(),
 * lseek() and fcntl() report on the descriptors.
 * Sources: POSIX.1-2024 open() DESCRIPTION and ERRORS, lseek(), fstat();
 * Linux fifo(7), signal(7), fcntl(2).
 */
#define _GNU_SOURCE
#include "ipct.h"

#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

/* The F_GETPIPE_SZ/F_SETPIPE_SZ cases name the declarations in .requires;
 * where configure found none they are never run, and these stubs keep
 * them compiling. */
#if !HAVE_DECL_F_GETPIPE_SZ
#define F_GETPIPE_SZ (-1)
#endif
#if !HAVE_DECL_F_SETPIPE_SZ
#define F_SETPIPE_SZ (-1)
#endif

/* The FIONREAD case names it in .requires; where configure found no
 * declaration it is never run, and this stub only keeps it compiling. */
#if !HAVE_DECL_FIONREAD
#define FIONREAD 0
#endif

/* The case's FIFO, at a relative path (the case runs in its private dir). */
#define FIFO "fifo"

static long open_rdonly(void *arg)
{
	(void)arg;
	return open(FIFO, O_RDONLY);
}

static long open_wronly(void *arg)
{
	(void)arg;
	return open(FIFO, O_WRONLY);
}

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0)
		IPCT_BROKEN("open(%s, %#x): %s", path, (unsigned)flags,
			    ipct_errname(errno));
	return fd;
}

static void open_rdonly_blocks_until_writer(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int w;

	ipct_xmkfifo(FIFO, 0600);
	ipct_block_start(&b, open_rdonly, NULL);
	ipct_block_prove(&b);
	/* Another process opening for writing releases the reader. */
	CHECK_OK(w = open(FIFO, O_WRONLY));
	r = ipct_block_finish(&b);
	CHECK(r.ret >= 0);
	CHECK_EQ(0, r.err);
	ipct_xclose(w);
}
IPCT_CASE(open_rdonly_blocks_until_writer,
	.id = "fifo.open_rdonly_blocks_until_writer",
	.asserts = "open() of a FIFO for reading only without O_NONBLOCK blocks until another process opens it for writing, then both opens succeed",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK]");

static void open_wronly_blocks_until_reader(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	ipct_block_start(&b, open_wronly, NULL);
	ipct_block_prove(&b);
	CHECK_OK(rd = open(FIFO, O_RDONLY));
	r = ipct_block_finish(&b);
	CHECK(r.ret >= 0);
	CHECK_EQ(0, r.err);
	ipct_xclose(rd);
}
IPCT_CASE(open_wronly_blocks_until_reader,
	.id = "fifo.open_wronly_blocks_until_reader",
	.asserts = "open() of a FIFO for writing only without O_NONBLOCK blocks until another process opens it for reading, then both opens succeed",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK]");

static void open_rdonly_nonblock_no_writer(void)
{
	int fd;

	ipct_xmkfifo(FIFO, 0600);
	CHECK_OK(fd = open(FIFO, O_RDONLY | O_NONBLOCK));
	CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	ipct_xclose(fd);
}
IPCT_CASE(open_rdonly_nonblock_no_writer,
	.id = "fifo.open_rdonly_nonblock_no_writer",
	.asserts = "open() of a FIFO with O_RDONLY and O_NONBLOCK returns a descriptor at once when no process has it open for writing",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK]");

static void open_wronly_nonblock_enxio(void)
{
	ipct_xmkfifo(FIFO, 0600);
	CHECK_FAILS(open(FIFO, O_WRONLY | O_NONBLOCK), ENXIO);
}
IPCT_CASE(open_wronly_nonblock_enxio,
	.id = "fifo.open_wronly_nonblock_enxio",
	.asserts = "open() of a FIFO with O_WRONLY and O_NONBLOCK fails with ENXIO when no process has it open for reading",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK] and ERRORS [ENXIO]");

static void open_wronly_nonblock_with_reader(void)
{
	int rd, w;
	char c = 0;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	CHECK_OK(w = open(FIFO, O_WRONLY | O_NONBLOCK));
	CHECK_RET(write(w, "k", 1), 1);
	CHECK_RET(read(rd, &c, 1), 1);
	CHECK_EQ('k', c);
}
IPCT_CASE(open_wronly_nonblock_with_reader,
	.id = "fifo.open_wronly_nonblock_with_reader",
	.asserts = "open() of a FIFO with O_WRONLY and O_NONBLOCK succeeds when a reader has it open, and the two descriptors are connected",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK]");

static void open_wronly_nonblock_enxio_after_reader_closes(void)
{
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	ipct_xclose(rd);
	CHECK_FAILS(open(FIFO, O_WRONLY | O_NONBLOCK), ENXIO);
}
IPCT_CASE(open_wronly_nonblock_enxio_after_reader_closes,
	.id = "fifo.open_wronly_nonblock_enxio_after_reader_closes",
	.asserts = "open() of a FIFO with O_WRONLY and O_NONBLOCK fails with ENXIO again once its only reader has closed",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK] and ERRORS [ENXIO]");

static void open_eintr(void)
{
	struct ipct_blocker b;
	struct ipct_result r;

	ipct_xmkfifo(FIFO, 0600);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, open_rdonly, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(open_eintr,
	.id = "fifo.open_eintr",
	.asserts = "an open() blocked on a FIFO with no writer, interrupted by a caught signal whose handler lacks SA_RESTART, fails with EINTR",
	.spec = "POSIX.1-2024 open(), ERRORS [EINTR]");

static void open_wronly_eintr(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int rd;
	char c;

	ipct_xmkfifo(FIFO, 0600);
	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, open_wronly, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
	/* The interrupted open left no writer behind: a reader sees
	 * end-of-file, not EAGAIN. */
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	CHECK_RET(read(rd, &c, 1), 0);
	ipct_xclose(rd);
}
IPCT_CASE(open_wronly_eintr,
	.id = "fifo.open_wronly_eintr",
	.asserts = "an open() for writing blocked on a FIFO with no reader, interrupted by a caught signal whose handler lacks SA_RESTART, fails with EINTR and leaves no writer behind",
	.spec = "POSIX.1-2024 open(), ERRORS [EINTR]");
static void open_sa_restart(void)
{
	struct ipct_blocker b;
	struct ipct_result r;
	int w;

	ipct_xmkfifo(FIFO, 0600);
	ipct_catch(SIGUSR1, SA_RESTART);
	ipct_block_start(&b, open_rdonly, NULL);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	ipct_wait_caught(SIGUSR1);
	/* The handler has run: without restarting the open has failed. */
	ipct_block_prove(&b);
	CHECK_OK(w = open(FIFO, O_WRONLY));
	r = ipct_block_finish(&b);
	CHECK(r.ret >= 0);
	CHECK_EQ(0, r.err);
	ipct_xclose(w);
}
IPCT_CASE(open_sa_restart,
	.id = "fifo.open_sa_restart",
	.asserts = "on Linux an open() blocked on a FIFO and interrupted by a handler installed with SA_RESTART is restarted and completes when a writer opens",
	.spec = "Linux signal(7), Interruption of system calls and library functions by signal handlers",
	.needs = IPCT_LINUX_ONLY);

static void open_rdwr_does_not_block(void)
{
	int fd;
	char c = 0;

	ipct_xmkfifo(FIFO, 0600);
	CHECK_OK(fd = open(FIFO, O_RDWR));
	CHECK_RET(write(fd, "r", 1), 1);
	CHECK_RET(read(fd, &c, 1), 1);
	CHECK_EQ('r', c);
	ipct_xclose(fd);
}
IPCT_CASE(open_rdwr_does_not_block,
	.id = "fifo.open_rdwr_does_not_block",
	.asserts = "on Linux open() of a FIFO with O_RDWR succeeds at once with no other process and the descriptor both writes and reads the FIFO (POSIX leaves O_RDWR on a FIFO undefined)",
	.spec = "Linux fifo(7); POSIX.1-2024 open(), APPLICATION USAGE (O_RDWR on a FIFO undefined)",
	.needs = IPCT_LINUX_ONLY);

static void open_creat_excl_eexist(void)
{
	struct stat st;

	ipct_xmkfifo(FIFO, 0600);
	CHECK_FAILS(open(FIFO, O_RDONLY | O_NONBLOCK | O_CREAT | O_EXCL, 0600),
		    EEXIST);
	CHECK_OK(lstat(FIFO, &st));
	CHECK(S_ISFIFO(st.st_mode));
}
IPCT_CASE(open_creat_excl_eexist,
	.id = "fifo.open_creat_excl_eexist",
	.asserts = "open() with O_CREAT and O_EXCL on the path of an existing FIFO fails with EEXIST and leaves the FIFO in place",
	.spec = "POSIX.1-2024 open(), ERRORS [EEXIST]");

static void open_creat_existing_fifo(void)
{
	struct stat st;
	int fd;

	ipct_xmkfifo(FIFO, 0600);
	CHECK_OK(fd = open(FIFO, O_RDONLY | O_NONBLOCK | O_CREAT, 0644));
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(0600, st.st_mode & 07777);
	ipct_xclose(fd);
}
IPCT_CASE(open_creat_existing_fifo,
	.id = "fifo.open_creat_existing_fifo",
	.asserts = "open() with O_CREAT without O_EXCL on an existing FIFO opens that FIFO and does not change its mode",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_CREAT]");

static void open_trunc_no_effect(void)
{
	char buf[8] = "";
	int rd, w1, w2;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w1 = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	ipct_xwrite_all(w1, "kept", 4);
	CHECK_OK(w2 = open(FIFO, O_WRONLY | O_NONBLOCK | O_TRUNC));
	CHECK_RET(read(rd, buf, sizeof buf), 4);
	CHECK_MEM("kept", buf, 4);
	ipct_xclose(w2);
	ipct_xclose(w1);
}
IPCT_CASE(open_trunc_no_effect,
	.id = "fifo.open_trunc_no_effect",
	.asserts = "open() with O_TRUNC on a FIFO succeeds and does not discard the data the FIFO holds",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_TRUNC]");

static void ftruncate_einval(void)
{
	char buf[8] = "";
	int rd, w;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	ipct_xwrite_all(w, "kept", 4);
	CHECK_FAILS(ftruncate(w, 0), EINVAL);
	CHECK_RET(read(rd, buf, sizeof buf), 4);
	CHECK_MEM("kept", buf, 4);
	ipct_xclose(w);
}
IPCT_CASE(ftruncate_einval,
	.id = "fifo.ftruncate_einval",
	.asserts = "ftruncate() of a FIFO's write end fails with EINVAL and leaves its data (while open() with O_TRUNC succeeds: fifo.open_trunc_no_effect)",
	.spec = "POSIX.1-2024 ftruncate(), ERRORS [EINVAL] (not a file on which this is possible); Linux truncate(2)");

static void truncate_path_einval(void)
{
	ipct_xmkfifo(FIFO, 0600);
	CHECK_FAILS(truncate(FIFO, 0), EINVAL);
}
IPCT_CASE(truncate_path_einval,
	.id = "fifo.truncate_path_einval",
	.asserts = "truncate() of a FIFO by path fails with EINVAL (it is not a regular file)",
	.spec = "Linux truncate(2), ERRORS [EINVAL]; POSIX.1-2024 truncate() (defined for regular files)",
	.needs = IPCT_LINUX_ONLY);

/* An unprivileged child opens the case's root-owned 0600 FIFO. */
static void unpriv_open_fails(int flags)
{
	pid_t pid;

	ipct_xmkfifo(FIFO, 0600);
	ipct_tmpdir_traversable();
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(open(FIFO, flags), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}

static void open_eacces_read(void)
{
	unpriv_open_fails(O_RDONLY | O_NONBLOCK);
}
IPCT_CASE(open_eacces_read,
	.id = "fifo.open_eacces_read",
	.asserts = "open() of a FIFO for reading by a process without read permission fails with EACCES",
	.spec = "POSIX.1-2024 open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void open_eacces_write(void)
{
	pid_t pid;
	int rd;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	ipct_tmpdir_traversable();
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		/* A reader is present, so ENXIO is not a possible answer. */
		CHECK_FAILS(open(FIFO, O_WRONLY | O_NONBLOCK), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	ipct_xclose(rd);
}
IPCT_CASE(open_eacces_write,
	.id = "fifo.open_eacces_write",
	.asserts = "open() of a FIFO for writing by a process without write permission fails with EACCES even when a reader has it open",
	.spec = "POSIX.1-2024 open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void open_nonblock_no_permission_no_reader(void)
{
	pid_t pid;

	ipct_xmkfifo(FIFO, 0600);
	ipct_tmpdir_traversable();
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		/* Both conditions hold; POSIX does not order the checks. */
		CHECK_FAILS_ONEOF(open(FIFO, O_WRONLY | O_NONBLOCK), EACCES,
				  ENXIO);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(open_nonblock_no_permission_no_reader,
	.id = "fifo.open_nonblock_no_permission_no_reader",
	.asserts = "open() of a FIFO with O_WRONLY and O_NONBLOCK, without write permission and without a reader, fails with EACCES or ENXIO (POSIX does not order the two checks)",
	.spec = "POSIX.1-2024 open(), ERRORS [EACCES] [ENXIO]",
	.needs = IPCT_UNPRIV);

static void fstat_matches_path(void)
{
	struct stat by_fd, by_path;
	int fd;

	ipct_xmkfifo(FIFO, 0600);
	fd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	CHECK_OK(fstat(fd, &by_fd));
	CHECK_OK(stat(FIFO, &by_path));
	CHECK(S_ISFIFO(by_fd.st_mode));
	CHECK_EQU(by_path.st_dev, by_fd.st_dev);
	CHECK_EQU(by_path.st_ino, by_fd.st_ino);
	CHECK_EQU(by_path.st_mode, by_fd.st_mode);
	ipct_xclose(fd);
}
IPCT_CASE(fstat_matches_path,
	.id = "fifo.fstat_matches_path",
	.asserts = "fstat() on an open FIFO descriptor reports a FIFO with the same device and inode numbers as stat() on its path",
	.spec = "POSIX.1-2024 fstat(), DESCRIPTION; stat(), DESCRIPTION");

static void lseek_espipe(void)
{
	int rd, w;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_FAILS(lseek(rd, 0, SEEK_CUR), ESPIPE);
	CHECK_FAILS(lseek(w, 0, SEEK_SET), ESPIPE);
	ipct_xclose(w);
	ipct_xclose(rd);
}
IPCT_CASE(lseek_espipe,
	.id = "fifo.lseek_espipe",
	.asserts = "lseek() on either end of a FIFO fails with ESPIPE",
	.spec = "POSIX.1-2024 lseek(), ERRORS [ESPIPE]");

static void getpipe_sz(void)
{
	int rd, w, size;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_OK(size = fcntl(rd, F_GETPIPE_SZ));
	CHECK(size >= 4096);
	CHECK_RET(fcntl(w, F_SETPIPE_SZ, 2 * size), 2 * size);
	/* Both descriptors share the one pipe buffer of the FIFO. */
	CHECK_RET(fcntl(rd, F_GETPIPE_SZ), 2 * size);
	ipct_xclose(w);
	ipct_xclose(rd);
}
IPCT_CASE(getpipe_sz,
	.id = "fifo.getpipe_sz",
	.asserts = "on Linux F_GETPIPE_SZ and F_SETPIPE_SZ work on FIFO descriptors as on pipes, and both ends see the one buffer's capacity",
	.spec = "Linux fcntl(2), Changing the capacity of a pipe",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_F_GETPIPE_SZ), IPCT_HAVE(HAVE_DECL_F_SETPIPE_SZ) });

static void open_one_writer_releases_two_readers(void)
{
	struct ipct_blocker b1, b2;
	struct ipct_result r1, r2;
	int w;

	ipct_xmkfifo(FIFO, 0600);
	ipct_block_start(&b1, open_rdonly, NULL);
	ipct_block_start(&b2, open_rdonly, NULL);
	ipct_block_prove(&b1);
	ipct_block_prove(&b2);
	CHECK_OK(w = open(FIFO, O_WRONLY));
	r1 = ipct_block_finish(&b1);
	r2 = ipct_block_finish(&b2);
	CHECK(r1.ret >= 0);
	CHECK(r2.ret >= 0);
	ipct_xclose(w);
}
IPCT_CASE(open_one_writer_releases_two_readers,
	.id = "fifo.open_one_writer_releases_two_readers",
	.asserts = "one open() for writing releases every process blocked opening the FIFO for reading",
	.spec = "POSIX.1-2024 open(), DESCRIPTION [O_NONBLOCK]");

static void open_access_mode(void)
{
	int rd, w;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_EQ(O_RDONLY, fcntl(rd, F_GETFL) & O_ACCMODE);
	CHECK_EQ(O_WRONLY, fcntl(w, F_GETFL) & O_ACCMODE);
	/* Each end allows only its direction. */
	CHECK_FAILS(write(rd, "x", 1), EBADF);
	CHECK_FAILS(read(w, (char[1]){ 0 }, 1), EBADF);
	ipct_xclose(w);
	ipct_xclose(rd);
}
IPCT_CASE(open_access_mode,
	.id = "fifo.open_access_mode",
	.asserts = "a FIFO descriptor has the access mode it was opened with: F_GETFL reports it, and the other direction fails with EBADF",
	.spec = "POSIX.1-2024 fcntl() F_GETFL; read(), write(), ERRORS [EBADF]");

static void open_directory_enotdir(void)
{
	ipct_xmkfifo(FIFO, 0600);
	CHECK_FAILS(open(FIFO, O_RDONLY | O_NONBLOCK | O_DIRECTORY), ENOTDIR);
}
IPCT_CASE(open_directory_enotdir,
	.id = "fifo.open_directory_enotdir",
	.asserts = "open() of a FIFO with O_DIRECTORY fails with ENOTDIR",
	.spec = "POSIX.1-2024 open(), ERRORS [ENOTDIR]");

static void open_nofollow_symlink_eloop(void)
{
	int fd;

	ipct_xmkfifo(FIFO, 0600);
	if (symlink(FIFO, "link") != 0)
		IPCT_BROKEN("symlink(): %s", ipct_errname(errno));
	CHECK_FAILS(open("link", O_RDONLY | O_NONBLOCK | O_NOFOLLOW), ELOOP);
	/* Without O_NOFOLLOW the link leads to the FIFO. */
	CHECK_OK(fd = open("link", O_RDONLY | O_NONBLOCK));
	ipct_xclose(fd);
}
IPCT_CASE(open_nofollow_symlink_eloop,
	.id = "fifo.open_nofollow_symlink_eloop",
	.asserts = "open() with O_NOFOLLOW of a symbolic link to a FIFO fails with ELOOP, while without it the link opens the FIFO",
	.spec = "POSIX.1-2024 open(), ERRORS [ELOOP] (O_NOFOLLOW)");

static void open_rdwr_is_reader_and_writer(void)
{
	int rw, rd, w;
	char c;

	ipct_xmkfifo(FIFO, 0600);
	rw = xopen(FIFO, O_RDWR);
	/* It counts as a reader: no ENXIO. */
	CHECK_OK(w = open(FIFO, O_WRONLY | O_NONBLOCK));
	ipct_xclose(w);
	/* And, the only other end, as a writer: an empty read is EAGAIN,
	 * not end-of-file. */
	CHECK_OK(rd = open(FIFO, O_RDONLY | O_NONBLOCK));
	CHECK_FAILS(read(rd, &c, 1), EAGAIN);
	ipct_xclose(rd);
	ipct_xclose(rw);
}
IPCT_CASE(open_rdwr_is_reader_and_writer,
	.id = "fifo.open_rdwr_is_reader_and_writer",
	.asserts = "on Linux a FIFO descriptor opened with O_RDWR counts as both a reader and a writer for other opens and reads (POSIX leaves O_RDWR on a FIFO undefined)",
	.spec = "Linux fifo(7)",
	.needs = IPCT_LINUX_ONLY);

static void fionread(void)
{
	int rd, w, n = -1;

	ipct_xmkfifo(FIFO, 0600);
	rd = xopen(FIFO, O_RDONLY | O_NONBLOCK);
	w = xopen(FIFO, O_WRONLY | O_NONBLOCK);
	CHECK_OK(ioctl(rd, FIONREAD, &n));
	CHECK_EQ(0, n);
	ipct_xwrite_all(w, "12345", 5);
	CHECK_OK(ioctl(rd, FIONREAD, &n));
	CHECK_EQ(5, n);
	ipct_xclose(w);
	ipct_xclose(rd);
}
IPCT_CASE(fionread,
	.id = "fifo.fionread",
	.asserts = "on Linux ioctl(FIONREAD) on a FIFO's read end reports the number of unread bytes it holds",
	.spec = "Linux pipe(7), ioctl(FIONREAD)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_DECL_FIONREAD) });

IPCT_CASES(&ipct_case_open_rdonly_blocks_until_writer,
	   &ipct_case_open_wronly_blocks_until_reader,
	   &ipct_case_open_rdonly_nonblock_no_writer,
	   &ipct_case_open_wronly_nonblock_enxio,
	   &ipct_case_open_wronly_nonblock_with_reader,
	   &ipct_case_open_wronly_nonblock_enxio_after_reader_closes,
	   &ipct_case_open_eintr, &ipct_case_open_wronly_eintr,
	   &ipct_case_open_sa_restart,
	   &ipct_case_open_rdwr_does_not_block,
	   &ipct_case_open_creat_excl_eexist,
	   &ipct_case_ftruncate_einval, &ipct_case_truncate_path_einval,
	   &ipct_case_open_creat_existing_fifo, &ipct_case_open_trunc_no_effect,
	   &ipct_case_open_eacces_read, &ipct_case_open_eacces_write,
	   &ipct_case_open_nonblock_no_permission_no_reader,
	   &ipct_case_fstat_matches_path, &ipct_case_lseek_espipe,
	   &ipct_case_getpipe_sz,
	   &ipct_case_open_one_writer_releases_two_readers,
	   &ipct_case_open_access_mode, &ipct_case_open_directory_enotdir,
	   &ipct_case_open_nofollow_symlink_eloop,
	   &ipct_case_open_rdwr_is_reader_and_writer, &ipct_case_fionread);
