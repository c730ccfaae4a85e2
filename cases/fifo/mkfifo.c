/* SPDX-License-Identifier: MIT
 * cases/fifo/mkfifo.c - creating FIFOs with mkfifo(), mkfifoat() and
 * mknod(S_IFIFO): the file type, mode, owner and times of the new FIFO,
 * and the pathname errors.
 * Sources: POSIX.1-2024 mkfifo()/mkfifoat() DESCRIPTION and ERRORS,
 * mknod(), XBD 4.16 Pathname Resolution.
 * Every path is relative to the case's private directory (its cwd).
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"

#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The mkfifoat() cases name it in .requires; where configure did not find
 * it they are never run, and this stub only keeps them compiling. */
#ifndef HAVE_MKFIFOAT
#define mkfifoat(fd, path, mode) \
	((void)(fd), (void)(path), (void)(mode), errno = ENOSYS, -1)
#endif

/* lstat() that must succeed (setup or an already checked creation). */
static struct stat xlstat(const char *path)
{
	struct stat st;

	if (lstat(path, &st) != 0)
		IPCT_BROKEN("lstat(%s): %s", path, ipct_errname(errno));
	return st;
}

static void xmkdir(const char *path, mode_t mode)
{
	if (mkdir(path, mode) != 0)
		IPCT_BROKEN("mkdir(%s): %s", path, ipct_errname(errno));
}

static void xtouch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);

	if (fd < 0)
		IPCT_BROKEN("open(%s, O_CREAT): %s", path, ipct_errname(errno));
	ipct_xclose(fd);
}

static void xsymlink(const char *target, const char *path)
{
	if (symlink(target, path) != 0)
		IPCT_BROKEN("symlink(%s, %s): %s", target, path,
			    ipct_errname(errno));
}

/* The file type and permission bits stay as they were: EEXIST must not
 * replace or alter the existing file. */
static void check_untouched(const char *path, struct stat before)
{
	struct stat after = xlstat(path);

	CHECK_EQU(before.st_ino, after.st_ino);
	CHECK_EQU(before.st_mode, after.st_mode);
}

static void mkfifo_creates_fifo(void)
{
	struct stat st;

	CHECK_OK(mkfifo("f", 0600));
	CHECK_OK(lstat("f", &st));
	CHECK(S_ISFIFO(st.st_mode));
}
IPCT_CASE(mkfifo_creates_fifo,
	.id = "fifo.mkfifo_creates_fifo",
	.asserts = "mkfifo() returns 0 and creates a FIFO special file at the path",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION and RETURN VALUE");

static void mkfifo_mode_umask(void)
{
	struct stat st;

	umask(022);
	CHECK_OK(mkfifo("f", 0777));
	st = xlstat("f");
	CHECK_EQ(0755, st.st_mode & 07777);
}
IPCT_CASE(mkfifo_mode_umask,
	.id = "fifo.mkfifo_mode_umask",
	.asserts = "the permission bits of a new FIFO are the requested mode with the bits of the process umask cleared",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION");

static void mkfifo_mode_exact(void)
{
	struct stat st;

	umask(0);
	/* Group and other write too: bits a usual umask (022) would clear. */
	CHECK_OK(mkfifo("f", 0666));
	st = xlstat("f");
	CHECK_EQ(0666, st.st_mode & 07777);
}
IPCT_CASE(mkfifo_mode_exact,
	.id = "fifo.mkfifo_mode_exact",
	.asserts = "with a zero umask the permission bits of a new FIFO are exactly the requested mode",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION");

static void mkfifo_owner(void)
{
	struct stat st, dir;

	CHECK_OK(mkfifo("f", 0600));
	st = xlstat("f");
	dir = xlstat(".");
	CHECK_EQ(geteuid(), st.st_uid);
	/* The group is the effective gid or the parent directory's gid. */
	if (st.st_gid != getegid() && st.st_gid != dir.st_gid)
		CHECK_EQ(getegid(), st.st_gid);
}
IPCT_CASE(mkfifo_owner,
	.id = "fifo.mkfifo_owner",
	.asserts = "a new FIFO is owned by the effective uid, and its group is the effective gid or the group of the parent directory",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION");

static void mkfifo_times(void)
{
	const struct timespec past[2] = { { 946684800, 0 }, { 946684800, 0 } };
	struct stat st, dir;
	time_t t0;

	/* Put the directory's times far in the past so the update shows
	 * without waiting for the clock to tick. */
	xmkdir("d", 0700);
	if (utimensat(AT_FDCWD, "d", past, 0) != 0)
		IPCT_BROKEN("utimensat(d): %s", ipct_errname(errno));
	t0 = ipct_time_floor();
	CHECK_OK(mkfifo("d/f", 0600));
	st = xlstat("d/f");
	dir = xlstat("d");
	CHECK(st.st_atime >= t0);
	CHECK(st.st_mtime >= t0);
	CHECK(st.st_ctime >= t0);
	CHECK(dir.st_mtime >= t0);
	CHECK(dir.st_ctime >= t0);
}
IPCT_CASE(mkfifo_times,
	.id = "fifo.mkfifo_times",
	.asserts = "mkfifo() sets the access, modification and status change times of the new FIFO and the modification and status change times of its parent directory",
	.spec = "POSIX.1-2024 mkfifo(), DESCRIPTION");

static void mkfifo_eexist_file(void)
{
	struct stat st;

	xtouch("f");
	st = xlstat("f");
	CHECK_FAILS(mkfifo("f", 0600), EEXIST);
	check_untouched("f", st);
}
IPCT_CASE(mkfifo_eexist_file,
	.id = "fifo.mkfifo_eexist_file",
	.asserts = "mkfifo() on the path of an existing regular file fails with EEXIST and leaves the file as it was",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EEXIST]");

static void mkfifo_eexist_dir(void)
{
	struct stat st;

	xmkdir("d", 0700);
	st = xlstat("d");
	CHECK_FAILS(mkfifo("d", 0600), EEXIST);
	check_untouched("d", st);
}
IPCT_CASE(mkfifo_eexist_dir,
	.id = "fifo.mkfifo_eexist_dir",
	.asserts = "mkfifo() on the path of an existing directory fails with EEXIST",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EEXIST]");

static void mkfifo_eexist_fifo(void)
{
	struct stat st;

	ipct_xmkfifo("f", 0600);
	st = xlstat("f");
	CHECK_FAILS(mkfifo("f", 0644), EEXIST);
	check_untouched("f", st);
}
IPCT_CASE(mkfifo_eexist_fifo,
	.id = "fifo.mkfifo_eexist_fifo",
	.asserts = "mkfifo() on the path of an existing FIFO fails with EEXIST and does not change its mode",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EEXIST]");

static void mkfifo_eexist_dangling_symlink(void)
{
	struct stat st;

	xsymlink("nowhere", "l");
	CHECK_FAILS(mkfifo("l", 0600), EEXIST);
	st = xlstat("l");
	CHECK(S_ISLNK(st.st_mode));
	CHECK_FAILS(lstat("nowhere", &st), ENOENT);
}
IPCT_CASE(mkfifo_eexist_dangling_symlink,
	.id = "fifo.mkfifo_eexist_dangling_symlink",
	.asserts = "mkfifo() on a path naming a symbolic link, even one whose target does not exist, fails with EEXIST and does not create the target",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EEXIST]");

static void mkfifo_enoent_missing_dir(void)
{
	struct stat st;

	CHECK_FAILS(mkfifo("missing/f", 0600), ENOENT);
	CHECK_FAILS(lstat("missing", &st), ENOENT);
}
IPCT_CASE(mkfifo_enoent_missing_dir,
	.id = "fifo.mkfifo_enoent_missing_dir",
	.asserts = "mkfifo() fails with ENOENT when a directory component of the path prefix does not exist",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [ENOENT]");

static void mkfifo_enoent_empty(void)
{
	CHECK_FAILS(mkfifo("", 0600), ENOENT);
}
IPCT_CASE(mkfifo_enoent_empty,
	.id = "fifo.mkfifo_enoent_empty",
	.asserts = "mkfifo() with an empty path fails with ENOENT",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [ENOENT]");

static void mkfifo_enotdir(void)
{
	xtouch("file");
	CHECK_FAILS(mkfifo("file/f", 0600), ENOTDIR);
}
IPCT_CASE(mkfifo_enotdir,
	.id = "fifo.mkfifo_enotdir",
	.asserts = "mkfifo() fails with ENOTDIR when a component of the path prefix is a regular file",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [ENOTDIR]");

static void mkfifo_enametoolong(void)
{
	long max = pathconf(".", _PC_NAME_MAX);
	char *name;

	if (max < 0)
		ipct_skip("pathconf(_PC_NAME_MAX) gives no limit for this file system");
	if (max > 4096)
		ipct_skip("NAME_MAX of this file system is %ld, too large to exceed", max);
	name = malloc((size_t)max + 2);
	if (!name)
		IPCT_BROKEN("malloc(%ld)", max + 2);
	memset(name, 'n', (size_t)max + 1);
	name[max + 1] = '\0';
	CHECK_FAILS(mkfifo(name, 0600), ENAMETOOLONG);
	free(name);
}
IPCT_CASE(mkfifo_enametoolong,
	.id = "fifo.mkfifo_enametoolong",
	.asserts = "mkfifo() fails with ENAMETOOLONG when the last path component is longer than NAME_MAX",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [ENAMETOOLONG]");

static void mkfifo_eloop(void)
{
	xsymlink("b", "a");
	xsymlink("a", "b");
	CHECK_FAILS(mkfifo("a/f", 0600), ELOOP);
}
IPCT_CASE(mkfifo_eloop,
	.id = "fifo.mkfifo_eloop",
	.asserts = "mkfifo() fails with ELOOP when resolving the path prefix meets a loop of symbolic links",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [ELOOP]");

static void mkfifo_trailing_slash(void)
{
	struct stat st;

	CHECK_FAILS(mkfifo("f/", 0600), ENOENT);
	CHECK_FAILS(lstat("f", &st), ENOENT);
}
IPCT_CASE(mkfifo_trailing_slash,
	.id = "fifo.mkfifo_trailing_slash",
	.asserts = "on Linux mkfifo() on a new name with a trailing slash fails with ENOENT and creates nothing (POSIX requires failure but the errno is left to pathname resolution)",
	.spec = "Linux mknod(2), ERRORS [ENOENT]; POSIX.1-2024 XBD 4.16 Pathname Resolution",
	.needs = IPCT_LINUX_ONLY);

static void chmod_changes_fifo_mode(void)
{
	struct stat st;

	umask(0);
	CHECK_OK(mkfifo("f", 0600));
	CHECK_OK(chmod("f", 0644));
	st = xlstat("f");
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(0644, st.st_mode & 07777);
}
IPCT_CASE(chmod_changes_fifo_mode,
	.id = "fifo.chmod_changes_fifo_mode",
	.asserts = "chmod() of a FIFO's path sets its permission bits, and it stays a FIFO",
	.spec = "POSIX.1-2024 chmod(), DESCRIPTION");

/* An unprivileged child tries to create a FIFO in dir. */
static void unpriv_mkfifo_eacces(const char *dir, mode_t mode)
{
	char path[64];
	pid_t pid;

	xmkdir(dir, 0700);
	if (chmod(dir, mode) != 0)
		IPCT_BROKEN("chmod(%s): %s", dir, ipct_errname(errno));
	ipct_tmpdir_traversable();
	snprintf(path, sizeof path, "%s/f", dir);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(mkfifo(path, 0600), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}

static void mkfifo_eacces_no_write(void)
{
	unpriv_mkfifo_eacces("d", 0755);
}
IPCT_CASE(mkfifo_eacces_no_write,
	.id = "fifo.mkfifo_eacces_no_write",
	.asserts = "mkfifo() fails with EACCES when the parent directory denies write permission to the process",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void mkfifo_eacces_no_search(void)
{
	/* Write but no search (execute) permission for others. */
	unpriv_mkfifo_eacces("d", 0702);
}
IPCT_CASE(mkfifo_eacces_no_search,
	.id = "fifo.mkfifo_eacces_no_search",
	.asserts = "mkfifo() fails with EACCES when a directory of the path prefix denies search permission to the process",
	.spec = "POSIX.1-2024 mkfifo(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void mkfifoat_dirfd(void)
{
	struct stat st;
	int dfd;

	xmkdir("d", 0700);
	dfd = open("d", O_RDONLY | O_DIRECTORY);
	if (dfd < 0)
		IPCT_BROKEN("open(d): %s", ipct_errname(errno));
	CHECK_OK(mkfifoat(dfd, "f", 0600));
	CHECK_OK(lstat("d/f", &st));
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_FAILS(lstat("f", &st), ENOENT);
}
IPCT_CASE(mkfifoat_dirfd,
	.id = "fifo.mkfifoat_dirfd",
	.asserts = "mkfifoat() with a directory descriptor creates the FIFO relative to that directory, not the working directory",
	.spec = "POSIX.1-2024 mkfifoat(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_MKFIFOAT) });

static void mkfifoat_at_fdcwd(void)
{
	struct stat st;

	umask(0);
	CHECK_OK(mkfifoat(AT_FDCWD, "f", 0640));
	st = xlstat("f");
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(0640, st.st_mode & 07777);
}
IPCT_CASE(mkfifoat_at_fdcwd,
	.id = "fifo.mkfifoat_at_fdcwd",
	.asserts = "mkfifoat() with AT_FDCWD creates the FIFO relative to the working directory as mkfifo() does",
	.spec = "POSIX.1-2024 mkfifoat(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_MKFIFOAT) });

static void mkfifoat_absolute_ignores_fd(void)
{
	struct stat st;
	int fd[2];

	/* A pipe is no directory; an absolute path must not look at it. */
	ipct_xpipe(fd);
	CHECK_OK(mkfifoat(fd[0], ipct_path("f"), 0600));
	st = xlstat("f");
	CHECK(S_ISFIFO(st.st_mode));
}
IPCT_CASE(mkfifoat_absolute_ignores_fd,
	.id = "fifo.mkfifoat_absolute_ignores_fd",
	.asserts = "mkfifoat() with an absolute path ignores the descriptor argument",
	.spec = "POSIX.1-2024 mkfifoat(), DESCRIPTION; XBD 4.16 Pathname Resolution",
	.requires = { IPCT_HAVE(HAVE_MKFIFOAT) });

static void mkfifoat_ebadf(void)
{
	int fd[2];

	ipct_xpipe(fd);
	ipct_xclose(fd[0]);
	CHECK_FAILS(mkfifoat(fd[0], "f", 0600), EBADF);
}
IPCT_CASE(mkfifoat_ebadf,
	.id = "fifo.mkfifoat_ebadf",
	.asserts = "mkfifoat() with a relative path and a descriptor that is not open fails with EBADF",
	.spec = "POSIX.1-2024 mkfifoat(), ERRORS [EBADF]",
	.requires = { IPCT_HAVE(HAVE_MKFIFOAT) });

static void mkfifoat_enotdir(void)
{
	int fd;

	xtouch("file");
	fd = open("file", O_RDONLY);
	if (fd < 0)
		IPCT_BROKEN("open(file): %s", ipct_errname(errno));
	CHECK_FAILS(mkfifoat(fd, "f", 0600), ENOTDIR);
}
IPCT_CASE(mkfifoat_enotdir,
	.id = "fifo.mkfifoat_enotdir",
	.asserts = "mkfifoat() with a relative path and a descriptor open on a regular file fails with ENOTDIR",
	.spec = "POSIX.1-2024 mkfifoat(), ERRORS [ENOTDIR]",
	.requires = { IPCT_HAVE(HAVE_MKFIFOAT) });

static void mknod_creates_fifo(void)
{
	struct stat st;

	umask(0);
	CHECK_OK(mknod("f", S_IFIFO | 0640, 0));
	st = xlstat("f");
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_EQ(0640, st.st_mode & 07777);
	CHECK_EQ(geteuid(), st.st_uid);
}
IPCT_CASE(mknod_creates_fifo,
	.id = "fifo.mknod_creates_fifo",
	.asserts = "mknod() with S_IFIFO and a zero dev creates a FIFO with the given permission bits, owned by the effective uid",
	.spec = "POSIX.1-2024 mknod(), DESCRIPTION");

static void mknod_fifo_eexist(void)
{
	ipct_xmkfifo("f", 0600);
	CHECK_FAILS(mknod("f", S_IFIFO | 0600, 0), EEXIST);
}
IPCT_CASE(mknod_fifo_eexist,
	.id = "fifo.mknod_fifo_eexist",
	.asserts = "mknod() with S_IFIFO on an existing path fails with EEXIST",
	.spec = "POSIX.1-2024 mknod(), ERRORS [EEXIST]");

static void mknodat_creates_fifo(void)
{
	struct stat st;
	int dfd;

	CHECK_OK(mkdir("sub", 0700));
	CHECK_OK(dfd = open("sub", O_RDONLY | O_DIRECTORY));
	CHECK_OK(mknodat(dfd, "f", S_IFIFO | 0600, 0));
	CHECK_OK(stat("sub/f", &st));
	CHECK(S_ISFIFO(st.st_mode));
	CHECK_FAILS(stat("f", &st), ENOENT); /* not relative to the cwd */
	CHECK_FAILS(mknodat(dfd, "f", S_IFIFO | 0600, 0), EEXIST);
	ipct_xclose(dfd);
}
IPCT_CASE(mknodat_creates_fifo,
	.id = "fifo.mknodat_creates_fifo",
	.asserts = "mknodat(dirfd, name, S_IFIFO|mode, 0) creates a FIFO relative to dirfd, and again fails with EEXIST",
	.spec = "POSIX.1-2024 mknodat(), DESCRIPTION and ERRORS [EEXIST]");

IPCT_CASES(&ipct_case_mkfifo_creates_fifo, &ipct_case_chmod_changes_fifo_mode, &ipct_case_mkfifo_mode_umask,
	   &ipct_case_mkfifo_mode_exact, &ipct_case_mkfifo_owner,
	   &ipct_case_mkfifo_times, &ipct_case_mkfifo_eexist_file,
	   &ipct_case_mkfifo_eexist_dir, &ipct_case_mkfifo_eexist_fifo,
	   &ipct_case_mkfifo_eexist_dangling_symlink,
	   &ipct_case_mkfifo_enoent_missing_dir, &ipct_case_mkfifo_enoent_empty,
	   &ipct_case_mkfifo_enotdir, &ipct_case_mkfifo_enametoolong,
	   &ipct_case_mkfifo_eloop, &ipct_case_mkfifo_trailing_slash,
	   &ipct_case_mkfifo_eacces_no_write, &ipct_case_mkfifo_eacces_no_search,
	   &ipct_case_mkfifoat_dirfd, &ipct_case_mkfifoat_at_fdcwd,
	   &ipct_case_mkfifoat_absolute_ignores_fd, &ipct_case_mkfifoat_ebadf,
	   &ipct_case_mkfifoat_enotdir, &ipct_case_mknod_creates_fifo,
	   &ipct_case_mknod_fifo_eexist,
	   &ipct_case_mknodat_creates_fifo);
