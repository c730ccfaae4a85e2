/* SPDX-License-Identifier: MIT
 * cases/linux_fd/memfd.c - memfd_create(2): an anonymous file in memory,
 * shared like any file (fork, SCM_RIGHTS, /proc/self/fd), and the file
 * seals of fcntl(2) that let its receiver trust it.
 * Sources: Linux memfd_create(2), fcntl(2) (File Sealing), unix(7)
 * (SCM_RIGHTS), proc(5) (/proc/pid/fd).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "linux_fd.h"

#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>

static int xmemfd(unsigned flags)
{
	return linux_fd_xmemfd_create("ipcconf", flags);
}

static int sealable(size_t size)
{
	int fd = xmemfd(MFD_ALLOW_SEALING);

	if (size && ftruncate(fd, (off_t)size) != 0)
		IPCT_BROKEN("ftruncate(memfd, %zu): %s", size, ipct_errname(errno));
	return fd;
}

static void xseal(int fd, int seals)
{
	if (fcntl(fd, F_ADD_SEALS, seals) != 0)
		IPCT_BROKEN("fcntl(F_ADD_SEALS, %#x): %s", seals, ipct_errname(errno));
}

static void memfd_create_empty_rw(void)
{
	int fd = xmemfd(0);
	struct stat st;
	char buf[5] = "";

	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(0, st.st_size);
	CHECK(S_ISREG(st.st_mode));
	CHECK_EQ(O_RDWR, fcntl(fd, F_GETFL) & O_ACCMODE);
	CHECK_RET(write(fd, "hello", 5), 5);
	CHECK_RET(pread(fd, buf, 5, 0), 5);
	CHECK_MEM("hello", buf, 5);
}
IPCT_CASE(memfd_create_empty_rw,
	.id = "linux_fd.memfd_create_empty_rw",
	.asserts = "memfd_create() returns a read-write descriptor of a regular file of size 0 that can be written and read back like a file",
	.spec = "Linux memfd_create(2), DESCRIPTION (opened for both reading and writing (O_RDWR); initially the file has size zero)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_cloexec(void)
{
	int fd = xmemfd(MFD_CLOEXEC), plain = xmemfd(0);

	CHECK_EQ(FD_CLOEXEC, fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(plain, F_GETFD) & FD_CLOEXEC);
}
IPCT_CASE(memfd_cloexec,
	.id = "linux_fd.memfd_cloexec",
	.asserts = "MFD_CLOEXEC sets FD_CLOEXEC on the new memfd; without it the flag is clear",
	.spec = "Linux memfd_create(2), DESCRIPTION (MFD_CLOEXEC)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_bad_flags_einval(void)
{
	(void)xmemfd(0); /* skips without memfd_create */
	/* 0x1000 is none of MFD_CLOEXEC, MFD_ALLOW_SEALING, MFD_HUGETLB,
	 * MFD_NOEXEC_SEAL, MFD_EXEC or a huge page size. */
	CHECK_FAILS(linux_fd_memfd_create("ipcconf", 0x1000), EINVAL);
}
IPCT_CASE(memfd_bad_flags_einval,
	.id = "linux_fd.memfd_bad_flags_einval",
	.asserts = "memfd_create() with an unknown flag fails with EINVAL",
	.spec = "Linux memfd_create(2), ERRORS [EINVAL] (flags included unknown bits)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_name_too_long_einval(void)
{
	char name[300];

	(void)xmemfd(0);
	memset(name, 'n', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	CHECK_FAILS(linux_fd_memfd_create(name, 0), EINVAL);
}
IPCT_CASE(memfd_name_too_long_einval,
	.id = "linux_fd.memfd_name_too_long_einval",
	.asserts = "memfd_create() with a name longer than 249 bytes fails with EINVAL",
	.spec = "Linux memfd_create(2), ERRORS [EINVAL] (name was too long: the limit is 249 bytes, excluding the terminating null byte)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_proc_name(void)
{
	int fd = linux_fd_xmemfd_create("ipcconf-name", 0);
	char path[64], link[256];
	ssize_t n;

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	n = readlink(path, link, sizeof link - 1);
	if (n < 0 && errno == ENOENT)
		ipct_skip("%s: ENOENT (no /proc)", path);
	CHECK_OK(n);
	link[n] = '\0';
	CHECK_STR("/memfd:ipcconf-name (deleted)", link);
}
IPCT_CASE(memfd_proc_name,
	.id = "linux_fd.memfd_proc_name",
	.asserts = "the /proc/self/fd link of a memfd shows its name prefixed with memfd: (and marked deleted)",
	.spec = "Linux memfd_create(2), DESCRIPTION (the name is displayed as the target of the corresponding symbolic link in /proc/self/fd/, prefixed with memfd:)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_fork_shared(void)
{
	int fd = xmemfd(0);
	char *p;
	pid_t pid;

	CHECK_OK(ftruncate(fd, 4096));
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK_OK_PTR(p, MAP_FAILED);
	pid = ipct_fork();
	if (pid == 0) {
		CHECK_RET(pwrite(fd, "child", 5, 100), 5);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_MEM("child", p + 100, 5);
}
IPCT_CASE(memfd_fork_shared,
	.id = "linux_fd.memfd_fork_shared",
	.asserts = "a memfd inherited across fork() is the same file: what the child writes through it is seen in the parent's shared mapping",
	.spec = "Linux memfd_create(2), NOTES (the file descriptor can be shared with children created by fork(2)); mmap(2) MAP_SHARED",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void send_fd(int sock, int fd)
{
	char c = 'f', cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m;
	struct cmsghdr *cm;

	memset(&m, 0, sizeof m);
	memset(cbuf, 0, sizeof cbuf);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof cbuf;
	cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof fd);
	if (sendmsg(sock, &m, 0) != 1)
		IPCT_BROKEN("sendmsg(SCM_RIGHTS): %s", ipct_errname(errno));
}

static int recv_fd(int sock)
{
	char c, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m;
	struct cmsghdr *cm;
	int fd = -1;

	memset(&m, 0, sizeof m);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	m.msg_control = cbuf;
	m.msg_controllen = sizeof cbuf;
	if (recvmsg(sock, &m, 0) != 1)
		IPCT_BROKEN("recvmsg(SCM_RIGHTS): %s", ipct_errname(errno));
	cm = CMSG_FIRSTHDR(&m);
	if (!cm || cm->cmsg_type != SCM_RIGHTS)
		IPCT_BROKEN("recvmsg: no SCM_RIGHTS message");
	memcpy(&fd, CMSG_DATA(cm), sizeof fd);
	return fd;
}

static void memfd_scm_rights(void)
{
	int sv[2], fd;
	char buf[6] = "";
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		IPCT_BROKEN("socketpair: %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		/* The child makes the memfd after the fork: only SCM_RIGHTS
		 * can bring it to the parent. */
		int m = xmemfd(MFD_ALLOW_SEALING);

		CHECK_RET(write(m, "sealed", 6), 6);
		CHECK_OK(fcntl(m, F_ADD_SEALS, F_SEAL_WRITE));
		send_fd(sv[1], m);
		ipct_child_exit();
	}
	fd = recv_fd(sv[0]);
	ipct_wait_ok(pid);
	CHECK_RET(pread(fd, buf, 6, 0), 6);
	CHECK_MEM("sealed", buf, 6);
	CHECK_EQ(F_SEAL_WRITE, fcntl(fd, F_GET_SEALS) & F_SEAL_WRITE);
	CHECK_FAILS(write(fd, "x", 1), EPERM);
}
IPCT_CASE(memfd_scm_rights,
	.id = "linux_fd.memfd_scm_rights",
	.asserts = "a memfd passed with SCM_RIGHTS arrives as the same file: the receiver reads its contents and finds the sender's seals in force",
	.spec = "Linux memfd_create(2), NOTES (file sealing: the receiving process checks the seals of a file passed over a UNIX domain socket); unix(7) SCM_RIGHTS",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_proc_reopen(void)
{
	int fd = sealable(0), re;
	char path[64], buf[4] = "";

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	re = open(path, O_RDWR);
	if (re < 0 && errno == ENOENT)
		ipct_skip("%s: ENOENT (no /proc)", path);
	CHECK_OK(re);
	CHECK_RET(write(re, "proc", 4), 4);
	CHECK_RET(pread(fd, buf, 4, 0), 4);
	CHECK_MEM("proc", buf, 4);
	/* A new open file description, same file: own offset, same seals. */
	CHECK_EQ(0, lseek(fd, 0, SEEK_CUR));
	CHECK_OK(fcntl(re, F_ADD_SEALS, F_SEAL_GROW));
	CHECK_EQ(F_SEAL_GROW, fcntl(fd, F_GET_SEALS));
}
IPCT_CASE(memfd_proc_reopen,
	.id = "linux_fd.memfd_proc_reopen",
	.asserts = "opening /proc/self/fd/N of a memfd gives a new open file description of the same file: its writes are seen through the first descriptor, it has its own offset, and seals added through it apply to both",
	.spec = "Linux memfd_create(2), NOTES; proc(5) (/proc/pid/fd); fcntl(2), File Sealing (seals are an attribute of the inode)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_no_sealing_by_default(void)
{
	int fd = xmemfd(0);

	CHECK_RET(fcntl(fd, F_GET_SEALS), F_SEAL_SEAL);
	CHECK_FAILS(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EPERM);
}
IPCT_CASE(memfd_no_sealing_by_default,
	.id = "linux_fd.memfd_no_sealing_by_default",
	.asserts = "a memfd made without MFD_ALLOW_SEALING starts with F_SEAL_SEAL, so F_ADD_SEALS fails with EPERM",
	.spec = "Linux memfd_create(2), DESCRIPTION (MFD_ALLOW_SEALING: if not set, the initial set of seals is F_SEAL_SEAL); fcntl(2), File Sealing",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seals_initially_none(void)
{
	int fd = sealable(0);

	CHECK_RET(fcntl(fd, F_GET_SEALS), 0);
}
IPCT_CASE(memfd_seals_initially_none,
	.id = "linux_fd.memfd_seals_initially_none",
	.asserts = "a memfd made with MFD_ALLOW_SEALING starts with no seals: F_GET_SEALS returns 0",
	.spec = "Linux memfd_create(2), DESCRIPTION (MFD_ALLOW_SEALING); fcntl(2), F_GET_SEALS",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seals_accumulate(void)
{
	int fd = sealable(0);

	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK));
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_GROW));
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK)); /* again: no-op */
	CHECK_RET(fcntl(fd, F_GET_SEALS), F_SEAL_SHRINK | F_SEAL_GROW);
}
IPCT_CASE(memfd_seals_accumulate,
	.id = "linux_fd.memfd_seals_accumulate",
	.asserts = "F_ADD_SEALS adds to the seals already set (adding one twice is no error), and F_GET_SEALS returns the union",
	.spec = "Linux fcntl(2), File Sealing (F_ADD_SEALS: add the seals given in the bit-mask argument to the set of seals)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_shrink(void)
{
	int fd = sealable(8192);
	struct stat st;

	xseal(fd, F_SEAL_SHRINK);
	CHECK_FAILS(ftruncate(fd, 4096), EPERM);
	CHECK_OK(ftruncate(fd, 16384));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(16384, st.st_size);
}
IPCT_CASE(memfd_seal_shrink,
	.id = "linux_fd.memfd_seal_shrink",
	.asserts = "with F_SEAL_SHRINK a ftruncate() that shrinks the file fails with EPERM while growing it still works",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_SHRINK: the file size cannot be reduced)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_grow(void)
{
	int fd = sealable(4096);
	struct stat st;

	xseal(fd, F_SEAL_GROW);
	CHECK_FAILS(ftruncate(fd, 8192), EPERM);
	CHECK_FAILS(pwrite(fd, "x", 1, 4096), EPERM);
	CHECK_RET(pwrite(fd, "x", 1, 4095), 1); /* inside: allowed */
	CHECK_OK(ftruncate(fd, 1024));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(1024, st.st_size);
}
IPCT_CASE(memfd_seal_grow,
	.id = "linux_fd.memfd_seal_grow",
	.asserts = "with F_SEAL_GROW neither ftruncate() nor a write past the end can enlarge the file (EPERM), while writes inside it and shrinking work",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_GROW: the file size cannot be increased, by write(2) beyond the end of the file or ftruncate(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_write_enforced(void)
{
	int fd = sealable(4096);

	CHECK_RET(pwrite(fd, "before", 6, 0), 6);
	xseal(fd, F_SEAL_WRITE);
	CHECK_FAILS(pwrite(fd, "after", 5, 0), EPERM);
	CHECK_FAILS_PTR(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			MAP_FAILED, EPERM);
	CHECK_OK_PTR(mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0), MAP_FAILED);
	CHECK_OK(ftruncate(fd, 8192)); /* the size is not sealed */
}
IPCT_CASE(memfd_seal_write_enforced,
	.id = "linux_fd.memfd_seal_write_enforced",
	.asserts = "with F_SEAL_WRITE write() fails with EPERM and a writable shared mmap() fails with EPERM, while a read-only mapping and a size change still work",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_WRITE: the contents cannot be modified; mmap(2) PROT_WRITE|MAP_SHARED fails with EPERM)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_write_busy_mapping(void)
{
	int fd = sealable(4096);
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(memfd, MAP_SHARED): %s", ipct_errname(errno));
	CHECK_FAILS(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
	CHECK_RET(fcntl(fd, F_GET_SEALS), 0);
	CHECK_OK(munmap(p, 4096));
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
}
IPCT_CASE(memfd_seal_write_busy_mapping,
	.id = "linux_fd.memfd_seal_write_busy_mapping",
	.asserts = "F_ADD_SEALS with F_SEAL_WRITE fails with EBUSY while a writable shared mapping of the file exists, and succeeds once it is unmapped",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_WRITE: fails with EBUSY if any writable, shared mapping exists); ERRORS [EBUSY]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_write_child_mapping(void)
{
	int fd = sealable(4096);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

		CHECK_OK_PTR(p, MAP_FAILED);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_FAILS(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE), EBUSY);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
}
IPCT_CASE(memfd_seal_write_child_mapping,
	.id = "linux_fd.memfd_seal_write_child_mapping",
	.asserts = "a writable shared mapping held by another process also makes F_SEAL_WRITE fail with EBUSY, until that process has gone",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_WRITE: EBUSY if any writable, shared mapping exists)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_seal_eperm(void)
{
	int fd = sealable(0);

	CHECK_OK(fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL));
	CHECK_FAILS(fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK), EPERM);
	CHECK_RET(fcntl(fd, F_GET_SEALS), F_SEAL_SEAL);
}
IPCT_CASE(memfd_seal_seal_eperm,
	.id = "linux_fd.memfd_seal_seal_eperm",
	.asserts = "after F_SEAL_SEAL any further F_ADD_SEALS fails with EPERM and the seals stay as they were",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_SEAL: further calls to F_ADD_SEALS fail with EPERM); ERRORS [EPERM]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_needs_write_access(void)
{
	int fd = sealable(0), ro;
	char path[64];

	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	ro = open(path, O_RDONLY);
	if (ro < 0 && errno == ENOENT)
		ipct_skip("%s: ENOENT (no /proc)", path);
	CHECK_OK(ro);
	CHECK_FAILS(fcntl(ro, F_ADD_SEALS, F_SEAL_GROW), EPERM);
	CHECK_RET(fcntl(ro, F_GET_SEALS), 0);
}
IPCT_CASE(memfd_seal_needs_write_access,
	.id = "linux_fd.memfd_seal_needs_write_access",
	.asserts = "F_ADD_SEALS through a descriptor not open for writing fails with EPERM, while F_GET_SEALS through it works",
	.spec = "Linux fcntl(2), File Sealing (F_ADD_SEALS: fd must be writable, otherwise EPERM)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_unsupported_file_einval(void)
{
	int fd[2];

	(void)xmemfd(0);
	ipct_xpipe(fd);
	CHECK_FAILS(fcntl(fd[1], F_ADD_SEALS, F_SEAL_WRITE), EINVAL);
	CHECK_FAILS(fcntl(fd[1], F_GET_SEALS), EINVAL);
}
IPCT_CASE(memfd_seal_unsupported_file_einval,
	.id = "linux_fd.memfd_seal_unsupported_file_einval",
	.asserts = "F_ADD_SEALS and F_GET_SEALS on a file that does not support sealing (a pipe) fail with EINVAL",
	.spec = "Linux fcntl(2), ERRORS [EINVAL] (cmd is F_ADD_SEALS or F_GET_SEALS and the filesystem containing the inode does not support sealing)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_unknown_einval(void)
{
	int fd = sealable(0);

	CHECK_FAILS(fcntl(fd, F_ADD_SEALS, 0x4000), EINVAL);
	CHECK_RET(fcntl(fd, F_GET_SEALS), 0);
}
IPCT_CASE(memfd_seal_unknown_einval,
	.id = "linux_fd.memfd_seal_unknown_einval",
	.asserts = "F_ADD_SEALS with an unknown seal bit fails with EINVAL and adds nothing",
	.spec = "Linux fcntl(2), ERRORS [EINVAL] (arg includes an unrecognized sealing bit)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

static void memfd_seal_future_write(void)
{
	int fd = sealable(4096);
	char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		IPCT_BROKEN("mmap(memfd, MAP_SHARED): %s", ipct_errname(errno));
	if (fcntl(fd, F_ADD_SEALS, F_SEAL_FUTURE_WRITE) != 0 && errno == EINVAL)
		ipct_skip("F_SEAL_FUTURE_WRITE: EINVAL (kernel before 5.1)");
	CHECK_FAILS(pwrite(fd, "x", 1, 0), EPERM);
	CHECK_FAILS_PTR(mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0),
			MAP_FAILED, EPERM);
	memcpy(p, "old map", 7); /* the mapping made before still writes */
	CHECK_EQ(F_SEAL_FUTURE_WRITE, fcntl(fd, F_GET_SEALS));
}
IPCT_CASE(memfd_seal_future_write,
	.id = "linux_fd.memfd_seal_future_write",
	.asserts = "F_SEAL_FUTURE_WRITE can be added while a writable shared mapping exists; afterwards write() and new writable shared mappings fail with EPERM while the existing mapping still writes",
	.spec = "Linux fcntl(2), File Sealing (F_SEAL_FUTURE_WRITE, since Linux 5.1)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_MEMFD_CREATE) });

IPCT_CASES(&ipct_case_memfd_create_empty_rw, &ipct_case_memfd_cloexec,
	   &ipct_case_memfd_bad_flags_einval, &ipct_case_memfd_name_too_long_einval,
	   &ipct_case_memfd_proc_name, &ipct_case_memfd_fork_shared,
	   &ipct_case_memfd_scm_rights, &ipct_case_memfd_proc_reopen,
	   &ipct_case_memfd_no_sealing_by_default,
	   &ipct_case_memfd_seals_initially_none, &ipct_case_memfd_seals_accumulate,
	   &ipct_case_memfd_seal_shrink, &ipct_case_memfd_seal_grow,
	   &ipct_case_memfd_seal_write_enforced,
	   &ipct_case_memfd_seal_write_busy_mapping,
	   &ipct_case_memfd_seal_write_child_mapping,
	   &ipct_case_memfd_seal_seal_eperm, &ipct_case_memfd_seal_needs_write_access,
	   &ipct_case_memfd_seal_unsupported_file_einval,
	   &ipct_case_memfd_seal_unknown_einval, &ipct_case_memfd_seal_future_write);
