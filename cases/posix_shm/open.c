/* SPDX-License-Identifier: MIT
 * cases/posix_shm/open.c - shm_open(), shm_unlink() and ftruncate()/fstat()
 * on shared memory objects: creation, names, permissions, size, life.
 * Sources: POSIX.1-2024 shm_open(), shm_unlink(), ftruncate(), fstat(),
 * mmap(); Linux shm_open(3), shm_overview(7) for names and storage that
 * POSIX leaves to the implementation.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_shm.h"

/* shm_open() that is expected to fail: if it unexpectedly creates the
 * object, remove it here (the name may be too long for the journal). */
static int open_expect_fail(const char *name, int oflag)
{
	int fd, err;

	errno = 0;
	fd = shm_open(name, oflag, 0600);
	err = errno;
	if (fd >= 0) {
		close(fd);
		if (oflag & O_CREAT)
			shm_unlink(name);
	}
	errno = err;
	return fd;
}

static void open_creat_new_object_empty(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	struct stat st;
	int fd;

	CHECK_OK(fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(0, st.st_size);
}
IPCT_CASE(open_creat_new_object_empty,
	.id = "posix_shm.open_creat_new_object_empty",
	.asserts = "shm_open() with O_CREAT creates a shared memory object of size zero and returns a file descriptor for it",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_lowest_free_descriptor(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd[2], hole;

	ipct_xpipe(fd);
	hole = fd[0];
	ipct_xclose(hole);
	CHECK_RET(shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600), hole);
}
IPCT_CASE(open_lowest_free_descriptor,
	.id = "posix_shm.open_lowest_free_descriptor",
	.asserts = "shm_open() returns the lowest-numbered file descriptor not open in the process",
	.spec = "Linux shm_open(3), DESCRIPTION; POSIX.1-2024 shm_open(), RETURN VALUE",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_sets_cloexec(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 0);
	int flags;

	CHECK_OK(flags = fcntl(fd, F_GETFD));
	CHECK(flags & FD_CLOEXEC);
}
IPCT_CASE(open_sets_cloexec,
	.id = "posix_shm.open_sets_cloexec",
	.asserts = "the file descriptor shm_open() returns has FD_CLOEXEC set",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_access_mode_in_getfl(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int rw = posix_shm_xcreate(name, 0), ro;

	CHECK_EQ(O_RDWR, fcntl(rw, F_GETFL) & O_ACCMODE);
	CHECK_OK(ro = shm_open(name, O_RDONLY, 0));
	CHECK_EQ(O_RDONLY, fcntl(ro, F_GETFL) & O_ACCMODE);
}
IPCT_CASE(open_access_mode_in_getfl,
	.id = "posix_shm.open_access_mode_in_getfl",
	.asserts = "the access mode shm_open() was given (O_RDWR, O_RDONLY) is the one F_GETFL reports for the descriptor",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION (file status flags and access modes of the open file description according to oflag); fcntl() F_GETFL",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_owner_and_mode(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	struct stat st;
	int fd;

	umask(066);
	CHECK_OK(fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0660));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(0600, st.st_mode & 0777);
	CHECK_EQ(geteuid(), st.st_uid);
}
IPCT_CASE(open_owner_and_mode,
	.id = "posix_shm.open_owner_and_mode",
	.asserts = "a new shared memory object is owned by the effective user ID and has the mode argument's permission bits cleared by the umask",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION (O_CREAT)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_same_name_same_object(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int a = posix_shm_xcreate(name, 4096), b;
	struct stat sa, sb;
	char c = 0;

	CHECK_OK(b = shm_open(name, O_RDWR, 0));
	CHECK(a != b);
	CHECK_OK(fstat(a, &sa));
	CHECK_OK(fstat(b, &sb));
	CHECK(sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino);
	CHECK_RET(pwrite(a, "q", 1, 4000), 1);
	CHECK_RET(pread(b, &c, 1, 4000), 1);
	CHECK_EQ('q', c);
}
IPCT_CASE(open_same_name_same_object,
	.id = "posix_shm.open_same_name_same_object",
	.asserts = "a second shm_open() of the same name returns a new descriptor for the same object: fstat() gives the same identity and data written through one is read through the other",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_excl_existing_eexist(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);

	posix_shm_xcreate(name, 0);
	CHECK_FAILS(shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600), EEXIST);
}
IPCT_CASE(open_excl_existing_eexist,
	.id = "posix_shm.open_excl_existing_eexist",
	.asserts = "shm_open() with O_CREAT and O_EXCL of an existing name fails with EEXIST",
	.spec = "POSIX.1-2024 shm_open(), ERRORS [EEXIST]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_missing_enoent(void)
{
	CHECK_FAILS(shm_open(ipct_posix_name(IPCT_POSIX_SHM), O_RDWR, 0), ENOENT);
}
IPCT_CASE(open_missing_enoent,
	.id = "posix_shm.open_missing_enoent",
	.asserts = "shm_open() without O_CREAT of a name with no object fails with ENOENT",
	.spec = "POSIX.1-2024 shm_open(), ERRORS [ENOENT]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_creat_existing_opens_it(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	struct stat st;
	int fd;

	posix_shm_xcreate(name, 4096);
	CHECK_OK(fd = shm_open(name, O_CREAT | O_RDWR, 0600));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(4096, st.st_size);
}
IPCT_CASE(open_creat_existing_opens_it,
	.id = "posix_shm.open_creat_existing_opens_it",
	.asserts = "shm_open() with O_CREAT (without O_EXCL) of an existing object opens it unchanged",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION (O_CREAT)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_trunc_sets_size_zero(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	struct stat st;
	int fd;

	posix_shm_xcreate(name, 8192);
	CHECK_OK(fd = shm_open(name, O_RDWR | O_TRUNC, 0));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(0, st.st_size);
	CHECK_EQ(0600, st.st_mode & 0777);
	CHECK_EQ(geteuid(), st.st_uid);
}
IPCT_CASE(open_trunc_sets_size_zero,
	.id = "posix_shm.open_trunc_sets_size_zero",
	.asserts = "shm_open() with O_RDWR and O_TRUNC of an existing object truncates it to zero length and keeps its mode and owner",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION (O_TRUNC)",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_name_too_long_rejected(void)
{
	/* ENAMETOOLONG is a "may fail" error; EINVAL ("not supported for
	 * the given name") is the other answer the page allows. */
	CHECK_FAILS_ONEOF(open_expect_fail(ipct_long_posix_name(IPCT_POSIX_SHM, NAME_MAX + 1),
					   O_CREAT | O_EXCL | O_RDWR),
			  ENAMETOOLONG, EINVAL);
}
IPCT_CASE(open_name_too_long_rejected,
	.id = "posix_shm.open_name_too_long_rejected",
	.asserts = "shm_open() with O_CREAT of a name whose component is longer than NAME_MAX fails with ENAMETOOLONG or EINVAL and creates nothing",
	.spec = "POSIX.1-2024 shm_open(), ERRORS [ENAMETOOLONG] [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_name_max_length_accepted(void)
{
	const char *name = ipct_long_posix_name(IPCT_POSIX_SHM, NAME_MAX);
	int fd;

	CHECK_OK(fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
	/* The name is too long for the journal: remove it here. */
	CHECK_OK(shm_unlink(name));
	ipct_xclose(fd);
}
IPCT_CASE(open_name_max_length_accepted,
	.id = "posix_shm.open_name_max_length_accepted",
	.asserts = "shm_open() accepts a name of a slash followed by NAME_MAX (255) characters (Linux: the object is /dev/shm/NAME)",
	.spec = "Linux shm_overview(7), Accessing shared memory objects via the filesystem",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_interior_slash_einval(void)
{
	char name[NAME_MAX];

	snprintf(name, sizeof name, "%s/x", ipct_posix_name(IPCT_POSIX_SHM));
	CHECK_FAILS(open_expect_fail(name, O_CREAT | O_EXCL | O_RDWR), EINVAL);
}
IPCT_CASE(open_interior_slash_einval,
	.id = "posix_shm.open_interior_slash_einval",
	.asserts = "shm_open() of a name with a slash after the first character fails with EINVAL (Linux; POSIX leaves interior slashes implementation-defined)",
	.spec = "Linux shm_open(3), DESCRIPTION and ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_no_permission_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	pid_t pid;

	posix_shm_xcreate(name, 4096);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(shm_open(name, O_RDWR, 0), EACCES);
		CHECK_FAILS(shm_open(name, O_RDONLY, 0), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(open_no_permission_eacces,
	.id = "posix_shm.open_no_permission_eacces",
	.asserts = "shm_open() of an existing mode 0600 object by another unprivileged user fails with EACCES",
	.spec = "POSIX.1-2024 shm_open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void open_trunc_no_write_permission_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd = posix_shm_xcreate(name, 4096);
	struct stat st;
	pid_t pid;

	if (fchmod(fd, 0604) != 0)
		IPCT_BROKEN("fchmod(0604): %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		int ro;

		ipct_drop_privileges();
		CHECK_FAILS(shm_open(name, O_RDWR | O_TRUNC, 0), EACCES);
		/* Read permission it has: the refusal is about writing. */
		CHECK_OK(ro = shm_open(name, O_RDONLY, 0));
		ipct_xclose(ro);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(4096, st.st_size);
}
IPCT_CASE(open_trunc_no_write_permission_eacces,
	.id = "posix_shm.open_trunc_no_write_permission_eacces",
	.asserts = "shm_open() with O_RDWR and O_TRUNC by a user with only read permission fails with EACCES and leaves the size unchanged",
	.spec = "POSIX.1-2024 shm_open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void ftruncate_sets_size(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 0);
	struct stat st;

	CHECK_RET(ftruncate(fd, 8192), 0);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(8192, st.st_size);
	CHECK_RET(ftruncate(fd, 100), 0);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(100, st.st_size);
}
IPCT_CASE(ftruncate_sets_size,
	.id = "posix_shm.ftruncate_sets_size",
	.asserts = "ftruncate() on a shared memory object sets its size to length, larger or smaller, as fstat() reports",
	.spec = "POSIX.1-2024 ftruncate(), DESCRIPTION; fstat(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void ftruncate_grown_bytes_zero(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 4096);
	unsigned char *p = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	static const unsigned char zero[4096];

	memset(p, 0xa5, 4096);
	CHECK_OK(ftruncate(fd, 16));
	CHECK_OK(ftruncate(fd, 4096));
	CHECK_MEM(zero, p + 16, 4096 - 16);
	CHECK_EQ(0xa5, p[15]);
}
IPCT_CASE(ftruncate_grown_bytes_zero,
	.id = "posix_shm.ftruncate_grown_bytes_zero",
	.asserts = "bytes added when ftruncate() extends a shared memory object read as zero, also where the object held data before it was shrunk",
	.spec = "POSIX.1-2024 ftruncate(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void ftruncate_rdonly_fails(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd;

	posix_shm_xcreate(name, 4096);
	CHECK_OK(fd = shm_open(name, O_RDONLY, 0));
	/* The page lists both errors for a descriptor not open for writing. */
	CHECK_FAILS_ONEOF(ftruncate(fd, 8192), EBADF, EINVAL);
}
IPCT_CASE(ftruncate_rdonly_fails,
	.id = "posix_shm.ftruncate_rdonly_fails",
	.asserts = "ftruncate() on a shared memory object opened O_RDONLY fails with EBADF or EINVAL",
	.spec = "POSIX.1-2024 ftruncate(), ERRORS [EBADF] [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_removes_name(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);

	posix_shm_xcreate(name, 0);
	CHECK_RET(shm_unlink(name), 0);
	CHECK_FAILS(shm_open(name, O_RDWR, 0), ENOENT);
}
IPCT_CASE(unlink_removes_name,
	.id = "posix_shm.unlink_removes_name",
	.asserts = "after shm_unlink() returns 0, shm_open() of the name without O_CREAT fails with ENOENT",
	.spec = "POSIX.1-2024 shm_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_mapping_and_fd_keep_working(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	int fd = posix_shm_xcreate(name, 4096);
	unsigned char *p = posix_shm_xmap(fd, 4096, PROT_READ | PROT_WRITE, MAP_SHARED);
	struct stat st;
	char buf[5];

	memcpy(p, "ping", 5);
	CHECK_OK(shm_unlink(name));
	CHECK_STR("ping", (char *)p);
	CHECK_RET(pread(fd, buf, 5, 0), 5);
	CHECK_STR("ping", buf);
	CHECK_RET(pwrite(fd, "pong!", 5, 0), 5);
	CHECK_MEM("pong!", p, 5);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(4096, st.st_size);
}
IPCT_CASE(unlink_mapping_and_fd_keep_working,
	.id = "posix_shm.unlink_mapping_and_fd_keep_working",
	.asserts = "after shm_unlink() the object lives on for existing descriptors and mappings, which still see each other's data",
	.spec = "POSIX.1-2024 shm_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_then_creat_is_new_object(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	unsigned char *old = posix_shm_xcreate_map(name, 4096);
	struct stat st;
	int fd;

	old[0] = 'A';
	CHECK_OK(shm_unlink(name));
	CHECK_OK(fd = shm_open(name, O_CREAT | O_EXCL | O_RDWR, 0600));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(0, st.st_size);
	CHECK_EQ('A', old[0]);
}
IPCT_CASE(unlink_then_creat_is_new_object,
	.id = "posix_shm.unlink_then_creat_is_new_object",
	.asserts = "shm_open() with O_CREAT|O_EXCL after shm_unlink() creates a new empty object, independent of the old one still mapped",
	.spec = "POSIX.1-2024 shm_unlink(), DESCRIPTION; shm_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_missing_enoent(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);

	posix_shm_xcreate(name, 0);
	CHECK_OK(shm_unlink(name));
	CHECK_FAILS(shm_unlink(name), ENOENT);
}
IPCT_CASE(unlink_missing_enoent,
	.id = "posix_shm.unlink_missing_enoent",
	.asserts = "shm_unlink() of a name that no longer exists (unlinked once already) fails with ENOENT",
	.spec = "POSIX.1-2024 shm_unlink(), ERRORS [ENOENT]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_name_too_long_enametoolong(void)
{
	CHECK_FAILS(shm_unlink(ipct_long_posix_name(IPCT_POSIX_SHM, NAME_MAX + 1)), ENAMETOOLONG);
}
IPCT_CASE(unlink_name_too_long_enametoolong,
	.id = "posix_shm.unlink_name_too_long_enametoolong",
	.asserts = "shm_unlink() of a name whose component is NAME_MAX+1 (256) characters fails with ENAMETOOLONG",
	.spec = "POSIX.1-2024 shm_unlink(), ERRORS [ENAMETOOLONG]",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void unlink_no_permission_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	pid_t pid;

	posix_shm_xcreate(name, 0);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(shm_unlink(name), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(shm_open(name, O_RDWR, 0)); /* still there */
}
IPCT_CASE(unlink_no_permission_eacces,
	.id = "posix_shm.unlink_no_permission_eacces",
	.asserts = "shm_unlink() of another user's object by an unprivileged process fails with EACCES and leaves the name in place",
	.spec = "POSIX.1-2024 shm_unlink(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void object_persists_without_users(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	unsigned char *p = posix_shm_xcreate_map(name, 4096);
	int fd;

	memcpy(p, "kept", 5);
	CHECK_OK(munmap(p, 4096));
	CHECK_OK(fd = shm_open(name, O_RDONLY, 0));
	p = posix_shm_xmap(fd, 4096, PROT_READ, MAP_SHARED);
	CHECK_STR("kept", (char *)p);
}
IPCT_CASE(object_persists_without_users,
	.id = "posix_shm.object_persists_without_users",
	.asserts = "a shared memory object and its contents persist after every descriptor is closed and every mapping removed, until shm_unlink()",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION; shm_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

static void object_in_dev_shm(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SHM);
	char path[NAME_MAX + 16];
	struct stat st;

	posix_shm_xcreate(name, 12288);
	snprintf(path, sizeof path, "/dev/shm/%s", name + 1);
	CHECK_OK(stat(path, &st));
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(12288, st.st_size);
}
IPCT_CASE(object_in_dev_shm,
	.id = "posix_shm.object_in_dev_shm",
	.asserts = "a POSIX shared memory object is the regular file /dev/shm/NAME of the object's size (Linux)",
	.spec = "Linux shm_overview(7), Accessing shared memory objects via the filesystem",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

/* Helper mode "fdclosed FD": FD must not be open after exec. */
static int fdclosed_main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	CHECK_FAILS(fcntl(atoi(argv[1]), F_GETFD), EBADF);
	return 0;
}
IPCT_HELPER(fdclosed_main, "fdclosed");

static void exec_closes_descriptor(void)
{
	int fd = posix_shm_xcreate(ipct_posix_name(IPCT_POSIX_SHM), 0);
	char num[16];

	snprintf(num, sizeof num, "%d", fd);
	CHECK_EXITED(ipct_wait(ipct_exec_helper("fdclosed", num, (char *)NULL)), 0);
}
IPCT_CASE(exec_closes_descriptor,
	.id = "posix_shm.exec_closes_descriptor",
	.asserts = "the descriptor from shm_open() is closed in the new image after exec (FD_CLOEXEC)",
	.spec = "POSIX.1-2024 shm_open(), DESCRIPTION; exec, DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SHM_OPEN) });

IPCT_CASES(&ipct_case_open_creat_new_object_empty,
	   &ipct_case_open_lowest_free_descriptor,
	   &ipct_case_open_sets_cloexec, &ipct_case_open_access_mode_in_getfl,
	   &ipct_case_open_owner_and_mode,
	   &ipct_case_open_same_name_same_object,
	   &ipct_case_open_excl_existing_eexist,
	   &ipct_case_open_missing_enoent,
	   &ipct_case_open_creat_existing_opens_it,
	   &ipct_case_open_trunc_sets_size_zero,
	   &ipct_case_open_name_too_long_rejected,
	   &ipct_case_open_name_max_length_accepted,
	   &ipct_case_open_interior_slash_einval,
	   &ipct_case_open_no_permission_eacces,
	   &ipct_case_open_trunc_no_write_permission_eacces,
	   &ipct_case_ftruncate_sets_size,
	   &ipct_case_ftruncate_grown_bytes_zero,
	   &ipct_case_ftruncate_rdonly_fails,
	   &ipct_case_unlink_removes_name,
	   &ipct_case_unlink_mapping_and_fd_keep_working,
	   &ipct_case_unlink_then_creat_is_new_object,
	   &ipct_case_unlink_missing_enoent,
	   &ipct_case_unlink_name_too_long_enametoolong,
	   &ipct_case_unlink_no_permission_eacces,
	   &ipct_case_object_persists_without_users,
	   &ipct_case_object_in_dev_shm,
	   &ipct_case_exec_closes_descriptor);
IPCT_HELPERS(&ipct_helper_fdclosed_main);
