/* SPDX-License-Identifier: MIT
 * cases/linux_fd/eventfd.c - eventfd(2): a 64-bit counter behind a file
 * descriptor.  write() adds, read() returns the counter and resets it (or,
 * with EFD_SEMAPHORE, returns 1 and decrements), reads block at zero and
 * writes block where the sum would pass 0xfffffffffffffffe.
 * Sources: Linux eventfd(2), poll(2), proc(5) (fdinfo), execve(2).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "linux_fd.h"

#include <stdlib.h>
#include <string.h>

#define EFD_MAX UINT64_C(0xfffffffffffffffe)

static uint64_t xread_counter(int fd)
{
	uint64_t v = 0;

	CHECK_RET(read(fd, &v, sizeof v), 8);
	return v;
}

static void xadd(int fd, uint64_t v)
{
	CHECK_RET(write(fd, &v, sizeof v), 8);
}

static void eventfd_initval_read(void)
{
	int fd = linux_fd_xeventfd(5, 0);

	CHECK_EQU(5, xread_counter(fd));
}
IPCT_CASE(eventfd_initval_read,
	.id = "linux_fd.eventfd_initval_read",
	.asserts = "the counter of a new eventfd holds initval, and the first read() returns it as an 8-byte integer",
	.spec = "Linux eventfd(2), DESCRIPTION (initval; read(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_write_adds(void)
{
	int fd = linux_fd_xeventfd(0, 0);

	xadd(fd, 3);
	xadd(fd, 4);
	xadd(fd, 1000);
	CHECK_EQU(1007, xread_counter(fd));
}
IPCT_CASE(eventfd_write_adds,
	.id = "linux_fd.eventfd_write_adds",
	.asserts = "each write() of an 8-byte integer adds it to the eventfd counter, so a read after writes of 3, 4 and 1000 returns 1007",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2) adds the 8-byte integer value)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_read_resets(void)
{
	int fd = linux_fd_xeventfd(9, EFD_NONBLOCK);
	uint64_t v;

	CHECK_EQU(9, xread_counter(fd));
	CHECK_FAILS(read(fd, &v, sizeof v), EAGAIN);
}
IPCT_CASE(eventfd_read_resets,
	.id = "linux_fd.eventfd_read_resets",
	.asserts = "a read() of an eventfd without EFD_SEMAPHORE returns the whole counter and resets it to zero, so the next non-blocking read fails with EAGAIN",
	.spec = "Linux eventfd(2), DESCRIPTION (read(2): the counter is reset to zero)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_semaphore_read_one(void)
{
	int fd = linux_fd_xeventfd(3, EFD_SEMAPHORE | EFD_NONBLOCK);
	uint64_t v;

	CHECK_EQU(1, xread_counter(fd));
	CHECK_EQU(1, xread_counter(fd));
	CHECK_EQU(1, xread_counter(fd));
	CHECK_FAILS(read(fd, &v, sizeof v), EAGAIN);
}
IPCT_CASE(eventfd_semaphore_read_one,
	.id = "linux_fd.eventfd_semaphore_read_one",
	.asserts = "with EFD_SEMAPHORE each read() returns 1 and decrements the counter by 1: a counter of 3 gives three reads of 1, then EAGAIN",
	.spec = "Linux eventfd(2), DESCRIPTION (EFD_SEMAPHORE; read(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_nonblock_empty_eagain(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK);
	uint64_t v;

	CHECK_FAILS(read(fd, &v, sizeof v), EAGAIN);
}
IPCT_CASE(eventfd_nonblock_empty_eagain,
	.id = "linux_fd.eventfd_nonblock_empty_eagain",
	.asserts = "read() of an eventfd made with EFD_NONBLOCK whose counter is zero fails with EAGAIN instead of blocking",
	.spec = "Linux eventfd(2), DESCRIPTION (read(2): EAGAIN if the file descriptor has been made nonblocking)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_flags(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	int plain = linux_fd_xeventfd(0, 0);

	CHECK_EQ(O_NONBLOCK, fcntl(fd, F_GETFL) & O_NONBLOCK);
	CHECK_EQ(FD_CLOEXEC, fcntl(fd, F_GETFD) & FD_CLOEXEC);
	CHECK_EQ(0, fcntl(plain, F_GETFL) & O_NONBLOCK);
	CHECK_EQ(0, fcntl(plain, F_GETFD) & FD_CLOEXEC);
}
IPCT_CASE(eventfd_flags,
	.id = "linux_fd.eventfd_flags",
	.asserts = "EFD_NONBLOCK sets O_NONBLOCK and EFD_CLOEXEC sets FD_CLOEXEC on the new eventfd; with flags 0 neither is set",
	.spec = "Linux eventfd(2), DESCRIPTION (EFD_CLOEXEC, EFD_NONBLOCK)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_bad_flags_einval(void)
{
	/* 0x10 is none of EFD_SEMAPHORE, EFD_NONBLOCK, EFD_CLOEXEC. */
	CHECK_FAILS(eventfd(0, 0x10), EINVAL);
}
IPCT_CASE(eventfd_bad_flags_einval,
	.id = "linux_fd.eventfd_bad_flags_einval",
	.asserts = "eventfd() with an unsupported flag fails with EINVAL",
	.spec = "Linux eventfd(2), ERRORS [EINVAL] (an unsupported value was specified in flags)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

struct efd_arg {
	int fd;
	uint64_t value;
};

static long efd_read_call(void *p)
{
	struct efd_arg *a = p;
	long r = (long)read(a->fd, &a->value, sizeof a->value);

	/* The child's value is not the parent's: report it in the result. */
	if (r == 8 && a->value < 1000)
		return 100 + (long)a->value;
	return r;
}

static long efd_write_call(void *p)
{
	struct efd_arg *a = p;

	return (long)write(a->fd, &a->value, sizeof a->value);
}

static void eventfd_read_blocks_until_write(void)
{
	struct efd_arg a = { linux_fd_xeventfd(0, 0), 0 };
	struct ipct_blocker b;

	ipct_block_start(&b, efd_read_call, &a);
	ipct_block_prove(&b);
	xadd(a.fd, 6);
	/* The blocker returns 100 + the value it read. */
	CHECK_RESULT(ipct_block_finish(&b), 106);
}
IPCT_CASE(eventfd_read_blocks_until_write,
	.id = "linux_fd.eventfd_read_blocks_until_write",
	.asserts = "read() of a blocking eventfd whose counter is zero blocks until another process writes to it, then returns the value written",
	.spec = "Linux eventfd(2), DESCRIPTION (read(2): blocks until the counter becomes nonzero)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_semaphore_blocks(void)
{
	struct efd_arg a = { linux_fd_xeventfd(0, EFD_SEMAPHORE), 0 };
	struct ipct_blocker b;

	ipct_block_start(&b, efd_read_call, &a);
	ipct_block_prove(&b);
	xadd(a.fd, 2);
	CHECK_RESULT(ipct_block_finish(&b), 101);
	/* One of the two is left. */
	CHECK_EQU(1, xread_counter(a.fd));
}
IPCT_CASE(eventfd_semaphore_blocks,
	.id = "linux_fd.eventfd_semaphore_blocks",
	.asserts = "with EFD_SEMAPHORE a read() at zero blocks; a write of 2 releases it with 1 and leaves 1 in the counter",
	.spec = "Linux eventfd(2), DESCRIPTION (EFD_SEMAPHORE; read(2))",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_overflow_nonblock_eagain(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK);
	uint64_t one = 1;

	xadd(fd, EFD_MAX);
	CHECK_FAILS(write(fd, &one, sizeof one), EAGAIN);
	CHECK_EQU(EFD_MAX, xread_counter(fd));
}
IPCT_CASE(eventfd_overflow_nonblock_eagain,
	.id = "linux_fd.eventfd_overflow_nonblock_eagain",
	.asserts = "the counter can reach 0xfffffffffffffffe; a non-blocking write() that would pass it fails with EAGAIN and leaves the counter unchanged",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2): overflow; EAGAIN if nonblocking)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_overflow_write_blocks(void)
{
	struct efd_arg a = { linux_fd_xeventfd(0, 0), 1 };
	struct ipct_blocker b;

	xadd(a.fd, EFD_MAX);
	ipct_block_start(&b, efd_write_call, &a);
	ipct_block_prove(&b);
	CHECK_EQU(EFD_MAX, xread_counter(a.fd));
	CHECK_RESULT(ipct_block_finish(&b), 8);
	CHECK_EQU(1, xread_counter(a.fd));
}
IPCT_CASE(eventfd_overflow_write_blocks,
	.id = "linux_fd.eventfd_overflow_write_blocks",
	.asserts = "a blocking write() that would take the counter past 0xfffffffffffffffe blocks until a read() resets it, then adds its value",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2): blocks until a read is performed)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_write_max_einval(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK);
	uint64_t v = UINT64_C(0xffffffffffffffff);

	CHECK_FAILS(write(fd, &v, sizeof v), EINVAL);
}
IPCT_CASE(eventfd_write_max_einval,
	.id = "linux_fd.eventfd_write_max_einval",
	.asserts = "write() of the value 0xffffffffffffffff to an eventfd fails with EINVAL",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2): EINVAL if an attempt is made to write the value 0xffffffffffffffff)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_read_short_einval(void)
{
	int fd = linux_fd_xeventfd(4, 0);
	char buf[7];

	CHECK_FAILS(read(fd, buf, sizeof buf), EINVAL);
	CHECK_EQU(4, xread_counter(fd));
}
IPCT_CASE(eventfd_read_short_einval,
	.id = "linux_fd.eventfd_read_short_einval",
	.asserts = "read() of an eventfd into a buffer smaller than 8 bytes fails with EINVAL and leaves the counter as it was",
	.spec = "Linux eventfd(2), DESCRIPTION (read(2): EINVAL if the buffer is less than 8 bytes)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_write_short_einval(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK);
	uint32_t v = 1;
	uint64_t r;

	CHECK_FAILS(write(fd, &v, sizeof v), EINVAL);
	CHECK_FAILS(read(fd, &r, sizeof r), EAGAIN);
}
IPCT_CASE(eventfd_write_short_einval,
	.id = "linux_fd.eventfd_write_short_einval",
	.asserts = "write() to an eventfd of fewer than 8 bytes fails with EINVAL and adds nothing",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2): EINVAL if the supplied buffer is less than 8 bytes)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_read_large_buffer(void)
{
	int fd = linux_fd_xeventfd(42, 0);
	uint64_t buf[2] = { 0, 0 };

	CHECK_RET(read(fd, buf, sizeof buf), 8);
	CHECK_EQU(42, buf[0]);
}
IPCT_CASE(eventfd_read_large_buffer,
	.id = "linux_fd.eventfd_read_large_buffer",
	.asserts = "read() of an eventfd into a 16-byte buffer returns 8: each successful read returns one 8-byte integer",
	.spec = "Linux eventfd(2), DESCRIPTION (read(2): each successful read returns an 8-byte integer)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_write_zero(void)
{
	int fd = linux_fd_xeventfd(0, EFD_NONBLOCK);
	uint64_t v = 0;

	CHECK_RET(write(fd, &v, sizeof v), 8);
	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
	CHECK_FAILS(read(fd, &v, sizeof v), EAGAIN);
}
IPCT_CASE(eventfd_write_zero,
	.id = "linux_fd.eventfd_write_zero",
	.asserts = "a write() of 0 to an eventfd succeeds and leaves the counter at zero: the descriptor is not readable",
	.spec = "Linux eventfd(2), DESCRIPTION (write(2) adds the value; poll(2): readable if the counter is greater than 0)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_poll_readable(void)
{
	int fd = linux_fd_xeventfd(0, 0);

	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
	xadd(fd, 1);
	CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, 0));
	(void)xread_counter(fd);
	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLIN, 0));
}
IPCT_CASE(eventfd_poll_readable,
	.id = "linux_fd.eventfd_poll_readable",
	.asserts = "poll() reports an eventfd readable (POLLIN) exactly while its counter is greater than zero",
	.spec = "Linux eventfd(2), DESCRIPTION (poll(2): readable if the counter has a value greater than 0)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_poll_writable(void)
{
	int fd = linux_fd_xeventfd(0, 0);

	CHECK_EQ(POLLOUT, linux_fd_xpoll1(fd, POLLOUT, 0));
	xadd(fd, EFD_MAX - 1);
	CHECK_EQ(POLLOUT, linux_fd_xpoll1(fd, POLLOUT, 0));
	xadd(fd, 1);
	CHECK_EQ(0, linux_fd_xpoll1(fd, POLLOUT, 0));
}
IPCT_CASE(eventfd_poll_writable,
	.id = "linux_fd.eventfd_poll_writable",
	.asserts = "poll() reports an eventfd writable (POLLOUT) while a value of at least 1 can be written without blocking, and not once the counter is 0xfffffffffffffffe",
	.spec = "Linux eventfd(2), DESCRIPTION (poll(2): writable if it is possible to write a value of at least 1 without blocking)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_poll_wakes(void)
{
	int fd = linux_fd_xeventfd(0, 0);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_post(&s, 1);
		CHECK_EQ(POLLIN, linux_fd_xpoll1(fd, POLLIN, ipct_wait_limit_ms()));
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	ipct_wait_asleep(pid);
	xadd(fd, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(eventfd_poll_wakes,
	.id = "linux_fd.eventfd_poll_wakes",
	.asserts = "a process asleep in poll() for POLLIN on an eventfd is woken when another process writes to the counter",
	.spec = "Linux eventfd(2), DESCRIPTION (poll(2), select(2) and similar)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_fork_shared(void)
{
	int fd = linux_fd_xeventfd(0, 0);
	pid_t pid = ipct_fork();

	if (pid == 0) {
		xadd(fd, 40);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	xadd(fd, 2);
	CHECK_EQU(42, xread_counter(fd));
}
IPCT_CASE(eventfd_fork_shared,
	.id = "linux_fd.eventfd_fork_shared",
	.asserts = "an eventfd inherited across fork() refers to the same counter: the child's write and the parent's add up",
	.spec = "Linux eventfd(2), NOTES (a copy of the file descriptor is inherited by the child of fork(2); the duplicates refer to the same eventfd object)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

/* "efd_add FD N": add N to the eventfd at descriptor FD of this image. */
static int efd_add_helper(int argc, char **argv)
{
	uint64_t v;

	CHECK_EQ(3, argc);
	v = strtoull(argv[2], NULL, 10);
	CHECK_RET(write(atoi(argv[1]), &v, sizeof v), 8);
	return 0;
}
IPCT_HELPER(efd_add_helper, "efd_add");

/* "closed_fd FD": descriptor FD must not be open in this exec'd image. */
static int closed_fd_helper(int argc, char **argv)
{
	CHECK_EQ(2, argc);
	CHECK_FAILS(fcntl(atoi(argv[1]), F_GETFD), EBADF);
	return 0;
}
IPCT_HELPER(closed_fd_helper, "closed_fd");

static void eventfd_exec_inherited(void)
{
	int fd = linux_fd_xeventfd(0, 0), hi = linux_fd_xhigh_copy(fd);
	char num[16];

	snprintf(num, sizeof num, "%d", hi);
	ipct_wait_ok(ipct_exec_helper("efd_add", num, "77", (char *)NULL));
	CHECK_EQU(77, xread_counter(fd));
}
IPCT_CASE(eventfd_exec_inherited,
	.id = "linux_fd.eventfd_exec_inherited",
	.asserts = "an eventfd without close-on-exec stays open across execve(), and the new image's write reaches the same counter",
	.spec = "Linux eventfd(2), NOTES (the file descriptor is preserved across execve(2) unless close-on-exec is set)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_exec_cloexec_closed(void)
{
	int fd = linux_fd_xeventfd(0, EFD_CLOEXEC);
	int hi = fcntl(fd, F_DUPFD_CLOEXEC, 200);
	char num[16];

	if (hi < 0)
		IPCT_BROKEN("fcntl(F_DUPFD_CLOEXEC): %s", ipct_errname(errno));
	ipct_xclose(fd);
	snprintf(num, sizeof num, "%d", hi);
	ipct_wait_ok(ipct_exec_helper("closed_fd", num, (char *)NULL));
	CHECK_EQ(FD_CLOEXEC, fcntl(hi, F_GETFD) & FD_CLOEXEC);
}
IPCT_CASE(eventfd_exec_cloexec_closed,
	.id = "linux_fd.eventfd_exec_cloexec_closed",
	.asserts = "an eventfd with close-on-exec set is not open in the image started by execve()",
	.spec = "Linux eventfd(2), DESCRIPTION (EFD_CLOEXEC) and NOTES (preserved across execve(2) unless close-on-exec)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_fdinfo_count(void)
{
	int fd = linux_fd_xeventfd(0, 0);
	char path[64], line[128];
	int found = 0;
	FILE *f;

	xadd(fd, 0x2a);
	snprintf(path, sizeof path, "/proc/self/fdinfo/%d", fd);
	f = fopen(path, "r");
	if (!f)
		ipct_skip("%s: %s (no /proc)", path, ipct_errname(errno));
	while (fgets(line, sizeof line, f))
		if (strncmp(line, "eventfd-count:", 14) == 0) {
			found = 1;
			CHECK_EQ(0x2a, strtol(line + 14, NULL, 16));
		}
	fclose(f);
	CHECK(found);
}
IPCT_CASE(eventfd_fdinfo_count,
	.id = "linux_fd.eventfd_fdinfo_count",
	.asserts = "/proc/self/fdinfo of an eventfd shows the current counter in hexadecimal on its eventfd-count line",
	.spec = "Linux eventfd(2), NOTES (/proc/[pid]/fdinfo eventfd-count); proc(5)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

static void eventfd_libc_helpers(void)
{
	int fd = linux_fd_xeventfd(0, 0);
	eventfd_t v = 0;

#ifdef LINUX_FD_HAVE_EVENTFD
	CHECK_OK(eventfd_write(fd, 5));
	CHECK_OK(eventfd_write(fd, 6));
	CHECK_OK(eventfd_read(fd, &v));
#endif
	CHECK_EQU(11, v);
}
IPCT_CASE(eventfd_libc_helpers,
	.id = "linux_fd.eventfd_libc_helpers",
	.asserts = "the C library's eventfd_write() adds to the counter and eventfd_read() returns and resets it, as write() and read() of 8 bytes",
	.spec = "Linux eventfd(2), NOTES (C library/kernel differences: eventfd_read(), eventfd_write())",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(LINUX_FD_HAVE_EVENTFD) });

IPCT_HELPERS(&ipct_helper_efd_add_helper, &ipct_helper_closed_fd_helper);

IPCT_CASES(&ipct_case_eventfd_initval_read, &ipct_case_eventfd_write_adds,
	   &ipct_case_eventfd_read_resets, &ipct_case_eventfd_semaphore_read_one,
	   &ipct_case_eventfd_nonblock_empty_eagain, &ipct_case_eventfd_flags,
	   &ipct_case_eventfd_bad_flags_einval,
	   &ipct_case_eventfd_read_blocks_until_write,
	   &ipct_case_eventfd_semaphore_blocks,
	   &ipct_case_eventfd_overflow_nonblock_eagain,
	   &ipct_case_eventfd_overflow_write_blocks,
	   &ipct_case_eventfd_write_max_einval,
	   &ipct_case_eventfd_read_short_einval,
	   &ipct_case_eventfd_write_short_einval,
	   &ipct_case_eventfd_read_large_buffer, &ipct_case_eventfd_write_zero,
	   &ipct_case_eventfd_poll_readable, &ipct_case_eventfd_poll_writable,
	   &ipct_case_eventfd_poll_wakes, &ipct_case_eventfd_fork_shared,
	   &ipct_case_eventfd_exec_inherited,
	   &ipct_case_eventfd_exec_cloexec_closed,
	   &ipct_case_eventfd_fdinfo_count, &ipct_case_eventfd_libc_helpers);
