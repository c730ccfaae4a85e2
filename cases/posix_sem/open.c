/* SPDX-License-Identifier: MIT
 * cases/posix_sem/open.c - named semaphores: sem_open(), sem_close(),
 * sem_unlink(), and their life across processes.
 * Sources: POSIX.1-2024 sem_open(), sem_close(), sem_unlink(), fork(),
 * <limits.h>; Linux sem_open(3), sem_overview(7) for names and storage
 * that POSIX leaves to the implementation.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "posix_sem.h"

#include <sys/wait.h>

/* sem_open() that is expected to fail: if it unexpectedly creates the
 * semaphore, unlink it here (the name may be too long for the journal)
 * and hand SEM_FAILED-free result to the check. */
static sem_t *open_expect_fail(const char *name, int oflag, unsigned value)
{
	sem_t *s;
	int err;

	errno = 0;
	s = sem_open(name, oflag, 0600, value);
	err = errno;
	if (s != SEM_FAILED && (oflag & O_CREAT)) {
		sem_close(s);
		sem_unlink(name);
	}
	errno = err;
	return s;
}

static void open_creat_initial_value(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s;
	int v = -1;

	CHECK_OK_PTR(s = sem_open(name, O_CREAT | O_EXCL, 0600, 3), SEM_FAILED);
	CHECK_OK(sem_getvalue(s, &v));
	CHECK_EQ(3, v);
}
IPCT_CASE(open_creat_initial_value,
	.id = "posix_sem.open_creat_initial_value",
	.asserts = "sem_open() with O_CREAT creates a named semaphore whose value is the value argument",
	.spec = "POSIX.1-2024 sem_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_excl_existing_eexist(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);

	posix_sem_xcreate(name, 0);
	CHECK_FAILS_PTR(sem_open(name, O_CREAT | O_EXCL, 0600, 0), SEM_FAILED,
			EEXIST);
}
IPCT_CASE(open_excl_existing_eexist,
	.id = "posix_sem.open_excl_existing_eexist",
	.asserts = "sem_open() with O_CREAT and O_EXCL of an existing name returns SEM_FAILED with EEXIST",
	.spec = "POSIX.1-2024 sem_open(), ERRORS [EEXIST]",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_missing_enoent(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);

	CHECK_FAILS_PTR(sem_open(name, 0), SEM_FAILED, ENOENT);
}
IPCT_CASE(open_missing_enoent,
	.id = "posix_sem.open_missing_enoent",
	.asserts = "sem_open() without O_CREAT of a name with no semaphore returns SEM_FAILED with ENOENT",
	.spec = "POSIX.1-2024 sem_open(), ERRORS [ENOENT]",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_value_above_max_einval(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	unsigned over = (unsigned)SEM_VALUE_MAX + 1u;

	if (over == 0)
		ipct_skip("SEM_VALUE_MAX is UINT_MAX: no unsigned value exceeds it");
	CHECK_FAILS_PTR(open_expect_fail(name, O_CREAT | O_EXCL, over),
			SEM_FAILED, EINVAL);
}
IPCT_CASE(open_value_above_max_einval,
	.id = "posix_sem.open_value_above_max_einval",
	.asserts = "sem_open() with O_CREAT and a value greater than SEM_VALUE_MAX fails with EINVAL",
	.spec = "POSIX.1-2024 sem_open(), ERRORS [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_name_too_long_rejected(void)
{
	/* ENAMETOOLONG is a "may fail" error; EINVAL ("not supported for
	 * the given name") is the other answer the page allows. */
	CHECK_FAILS_ONEOF(open_expect_fail(ipct_long_posix_name(IPCT_POSIX_SEM, NAME_MAX + 1),
					   O_CREAT | O_EXCL, 0) == SEM_FAILED ? -1 : 0,
			  ENAMETOOLONG, EINVAL);
}
IPCT_CASE(open_name_too_long_rejected,
	.id = "posix_sem.open_name_too_long_rejected",
	.asserts = "sem_open() with O_CREAT of a name whose component is longer than NAME_MAX (_XOPEN_NAME_MAX, 255) fails with ENAMETOOLONG or EINVAL and creates nothing",
	.spec = "POSIX.1-2024 sem_open(), ERRORS [ENAMETOOLONG] [EINVAL]",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

/* Linux: a semaphore name is at most NAME_MAX-4 (251) characters after
 * the slash, because glibc stores it as /dev/shm/sem.NAME. */
#define PSEM_LINUX_NAME_MAX (NAME_MAX - 4)

static void open_name_over_linux_limit_enametoolong(void)
{
	CHECK_FAILS_PTR(open_expect_fail(ipct_long_posix_name(IPCT_POSIX_SEM, PSEM_LINUX_NAME_MAX + 1),
					 O_CREAT | O_EXCL, 0),
			SEM_FAILED, ENAMETOOLONG);
}
IPCT_CASE(open_name_over_linux_limit_enametoolong,
	.id = "posix_sem.open_name_over_linux_limit_enametoolong",
	.asserts = "sem_open() with O_CREAT of a name of 252 characters after the slash (over the Linux limit of NAME_MAX-4) fails with ENAMETOOLONG",
	.spec = "Linux sem_overview(7), Named semaphores; sem_open(3), ERRORS [ENAMETOOLONG]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_name_at_linux_limit_accepted(void)
{
	const char *name = ipct_long_posix_name(IPCT_POSIX_SEM, PSEM_LINUX_NAME_MAX);
	sem_t *s;

	CHECK_OK_PTR(s = sem_open(name, O_CREAT | O_EXCL, 0600, 0), SEM_FAILED);
	/* The name is too long for the journal: remove it here. */
	CHECK_OK(sem_unlink(name));
	CHECK_OK(sem_close(s));
}
IPCT_CASE(open_name_at_linux_limit_accepted,
	.id = "posix_sem.open_name_at_linux_limit_accepted",
	.asserts = "sem_open() accepts a name of a slash followed by NAME_MAX-4 (251) characters (Linux limit)",
	.spec = "Linux sem_overview(7), Named semaphores",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_creat_existing_keeps_value(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s;

	posix_sem_xcreate(name, 2);
	CHECK_OK_PTR(s = sem_open(name, O_CREAT, 0600, 9), SEM_FAILED);
	CHECK_EQ(2, posix_sem_xvalue(s));
}
IPCT_CASE(open_creat_existing_keeps_value,
	.id = "posix_sem.open_creat_existing_keeps_value",
	.asserts = "sem_open() with O_CREAT (without O_EXCL) of an existing name opens that semaphore and ignores the value argument",
	.spec = "POSIX.1-2024 sem_open(), DESCRIPTION (O_CREAT)",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_twice_same_address(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *a = posix_sem_xcreate(name, 0), *b;

	CHECK_OK_PTR(b = sem_open(name, 0), SEM_FAILED);
	CHECK(a == b);
}
IPCT_CASE(open_twice_same_address,
	.id = "posix_sem.open_twice_same_address",
	.asserts = "two sem_open() calls of the same name in one process, without sem_close() or sem_unlink() between, return the same semaphore address",
	.spec = "POSIX.1-2024 sem_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_no_permission_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	pid_t pid;

	posix_sem_xcreate(name, 1);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS_PTR(sem_open(name, 0), SEM_FAILED, EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(open_no_permission_eacces,
	.id = "posix_sem.open_no_permission_eacces",
	.asserts = "sem_open() of an existing mode 0600 semaphore by another unprivileged user fails with EACCES",
	.spec = "POSIX.1-2024 sem_open(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

/* Helper mode "post NAME": an unrelated process opens NAME and posts. */
static int post_main(int argc, char **argv)
{
	sem_t *s;

	if (argc < 2)
		return 2;
	CHECK_OK_PTR(s = sem_open(argv[1], 0), SEM_FAILED);
	CHECK_OK(sem_post(s));
	CHECK_OK(sem_close(s));
	return 0;
}
IPCT_HELPER(post_main, "post");

static void open_name_shared_with_unrelated_process(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s = posix_sem_xcreate(name, 0);
	pid_t pid;

	pid = ipct_exec_helper("post", name, (char *)NULL);
	CHECK_EXITED(ipct_wait(pid), 0);
	CHECK_EQ(1, posix_sem_xvalue(s));
	CHECK_OK(sem_trywait(s));
}
IPCT_CASE(open_name_shared_with_unrelated_process,
	.id = "posix_sem.open_name_shared_with_unrelated_process",
	.asserts = "a process that opens a semaphore by name operates on the same semaphore as the creator: its sem_post() raises the creator's value",
	.spec = "POSIX.1-2024 sem_open(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_survives_creator_exit(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s;
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK_PTR(s = sem_open(name, O_CREAT | O_EXCL, 0600, 5),
			     SEM_FAILED);
		CHECK_OK(sem_post(s));
		ipct_child_exit(); /* no sem_close(), no sem_unlink() */
	}
	ipct_wait_ok(pid);
	CHECK_OK_PTR(s = sem_open(name, 0), SEM_FAILED);
	CHECK_EQ(6, posix_sem_xvalue(s));
}
IPCT_CASE(open_survives_creator_exit,
	.id = "posix_sem.open_survives_creator_exit",
	.asserts = "a named semaphore and its value persist after the creating process exits, until sem_unlink()",
	.spec = "POSIX.1-2024 sem_close(), sem_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void close_keeps_value(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s = posix_sem_xcreate(name, 4);

	CHECK_OK(sem_wait(s));
	CHECK_RET(sem_close(s), 0);
	CHECK_OK_PTR(s = sem_open(name, 0), SEM_FAILED);
	CHECK_EQ(3, posix_sem_xvalue(s));
}
IPCT_CASE(close_keeps_value,
	.id = "posix_sem.close_keeps_value",
	.asserts = "sem_close() returns 0 and leaves the named semaphore and its value in place for a later sem_open()",
	.spec = "POSIX.1-2024 sem_close(), DESCRIPTION and RETURN VALUE",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_removes_name(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);

	posix_sem_xcreate(name, 1);
	CHECK_RET(sem_unlink(name), 0);
	CHECK_FAILS_PTR(sem_open(name, 0), SEM_FAILED, ENOENT);
}
IPCT_CASE(unlink_removes_name,
	.id = "posix_sem.unlink_removes_name",
	.asserts = "after sem_unlink() returns 0 the name is gone: sem_open() without O_CREAT fails with ENOENT",
	.spec = "POSIX.1-2024 sem_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_open_handle_keeps_working(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s = posix_sem_xcreate(name, 1);

	CHECK_OK(sem_unlink(name));
	CHECK_OK(sem_post(s));
	CHECK_EQ(2, posix_sem_xvalue(s));
	CHECK_OK(sem_wait(s));
	CHECK_OK(sem_trywait(s));
	CHECK_FAILS(sem_trywait(s), EAGAIN);
}
IPCT_CASE(unlink_open_handle_keeps_working,
	.id = "posix_sem.unlink_open_handle_keeps_working",
	.asserts = "a semaphore still open when its name is unlinked keeps working through the existing handle",
	.spec = "POSIX.1-2024 sem_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_then_creat_is_new_semaphore(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *old = posix_sem_xcreate(name, 1), *s;

	CHECK_OK(sem_unlink(name));
	CHECK_OK_PTR(s = sem_open(name, O_CREAT | O_EXCL, 0600, 7), SEM_FAILED);
	CHECK(s != old);
	CHECK_EQ(7, posix_sem_xvalue(s));
	CHECK_OK(sem_post(old));
	CHECK_EQ(7, posix_sem_xvalue(s));
	CHECK_EQ(2, posix_sem_xvalue(old));
}
IPCT_CASE(unlink_then_creat_is_new_semaphore,
	.id = "posix_sem.unlink_then_creat_is_new_semaphore",
	.asserts = "sem_open() with O_CREAT after sem_unlink() creates a new semaphore, independent of the one still open under the old name",
	.spec = "POSIX.1-2024 sem_unlink(), DESCRIPTION",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_missing_enoent(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);

	posix_sem_xcreate(name, 0);
	CHECK_OK(sem_unlink(name));
	CHECK_FAILS(sem_unlink(name), ENOENT);
}
IPCT_CASE(unlink_missing_enoent,
	.id = "posix_sem.unlink_missing_enoent",
	.asserts = "sem_unlink() of a name that no longer exists (unlinked once already) fails with ENOENT",
	.spec = "POSIX.1-2024 sem_unlink(), ERRORS [ENOENT]",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_name_too_long_enametoolong(void)
{
	CHECK_FAILS(sem_unlink(ipct_long_posix_name(IPCT_POSIX_SEM, PSEM_LINUX_NAME_MAX + 1)), ENAMETOOLONG);
}
IPCT_CASE(unlink_name_too_long_enametoolong,
	.id = "posix_sem.unlink_name_too_long_enametoolong",
	.asserts = "sem_unlink() of a name longer than the Linux limit of NAME_MAX-4 characters fails with ENAMETOOLONG",
	.spec = "Linux sem_overview(7), Named semaphores; POSIX.1-2024 sem_unlink(), ERRORS [ENAMETOOLONG]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void unlink_no_permission_eacces(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	sem_t *s = posix_sem_xcreate(name, 0);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(sem_unlink(name), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(sem_post(s));
	CHECK_OK_PTR(sem_open(name, 0), SEM_FAILED); /* still there */
}
IPCT_CASE(unlink_no_permission_eacces,
	.id = "posix_sem.unlink_no_permission_eacces",
	.asserts = "sem_unlink() of another user's semaphore by an unprivileged process fails with EACCES and leaves the name in place",
	.spec = "POSIX.1-2024 sem_unlink(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void fork_child_inherits_open_semaphore(void)
{
	sem_t *s = posix_sem_xcreate(ipct_posix_name(IPCT_POSIX_SEM), 0);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		CHECK_OK(sem_post(s));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(1, posix_sem_xvalue(s));
}
IPCT_CASE(fork_child_inherits_open_semaphore,
	.id = "posix_sem.fork_child_inherits_open_semaphore",
	.asserts = "a named semaphore open in the parent is open in a fork() child, and the child's sem_post() raises the value the parent sees",
	.spec = "POSIX.1-2024 fork(), DESCRIPTION (semaphores open in the parent)",
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void sem_value_max_at_least_posix_minimum(void)
{
	long sc;

	CHECK(SEM_VALUE_MAX >= _POSIX_SEM_VALUE_MAX);
	CHECK(_POSIX_SEM_VALUE_MAX >= 32767);
	errno = 0;
	sc = sysconf(_SC_SEM_VALUE_MAX);
	if (sc != -1 || errno != 0)
		CHECK(sc >= _POSIX_SEM_VALUE_MAX);
}
IPCT_CASE(sem_value_max_at_least_posix_minimum,
	.id = "posix_sem.sem_value_max_at_least_posix_minimum",
	.asserts = "SEM_VALUE_MAX and sysconf(_SC_SEM_VALUE_MAX) are at least _POSIX_SEM_VALUE_MAX (32767)",
	.spec = "POSIX.1-2024 <limits.h>, Runtime Invariant Values; sysconf()");

static void open_name_slash_only_einval(void)
{
	CHECK_FAILS_PTR(open_expect_fail("/", O_CREAT, 0), SEM_FAILED, EINVAL);
}
IPCT_CASE(open_name_slash_only_einval,
	.id = "posix_sem.open_name_slash_only_einval",
	.asserts = "sem_open() of the name \"/\" alone fails with EINVAL (Linux; POSIX leaves such names implementation-defined)",
	.spec = "Linux sem_open(3), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_interior_slash_rejected(void)
{
	char name[NAME_MAX];

	snprintf(name, sizeof name, "%s/x", ipct_posix_name(IPCT_POSIX_SEM));
	/* sem_open(3) says ENOENT for a badly formed name with O_CREAT;
	 * glibc 2.34 and later answer EINVAL.  Either is a rejection. */
	CHECK_FAILS_ONEOF(open_expect_fail(name, O_CREAT | O_EXCL, 0) ==
				  SEM_FAILED ? -1 : 0,
			  ENOENT, EINVAL);
}
IPCT_CASE(open_interior_slash_rejected,
	.id = "posix_sem.open_interior_slash_rejected",
	.asserts = "sem_open() with O_CREAT of a name with a slash after the first character fails (Linux: ENOENT per sem_open(3), EINVAL from glibc; POSIX leaves interior slashes implementation-defined)",
	.spec = "Linux sem_open(3), ERRORS [ENOENT]; sem_overview(7), Named semaphores",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

static void open_mode_masked_by_umask(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_SEM);
	char path[NAME_MAX + 32];
	struct stat st;

	umask(066);
	CHECK_OK_PTR(sem_open(name, O_CREAT | O_EXCL, 0660, 0), SEM_FAILED);
	snprintf(path, sizeof path, "/dev/shm/sem.%s", name + 1);
	CHECK_OK(stat(path, &st));
	CHECK_EQ(0600, st.st_mode & 07777);
	CHECK_EQ(geteuid(), st.st_uid);
}
IPCT_CASE(open_mode_masked_by_umask,
	.id = "posix_sem.open_mode_masked_by_umask",
	.asserts = "a named semaphore is the file /dev/shm/sem.NAME owned by the caller with the requested mode cleared by the umask (Linux)",
	.spec = "Linux sem_overview(7), Persistence; sem_open(3)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_SEM_OPEN) });

IPCT_CASES(&ipct_case_open_creat_initial_value,
	   &ipct_case_open_excl_existing_eexist,
	   &ipct_case_open_missing_enoent,
	   &ipct_case_open_value_above_max_einval,
	   &ipct_case_open_name_too_long_rejected,
	   &ipct_case_open_name_over_linux_limit_enametoolong,
	   &ipct_case_open_name_at_linux_limit_accepted,
	   &ipct_case_open_creat_existing_keeps_value,
	   &ipct_case_open_twice_same_address,
	   &ipct_case_open_no_permission_eacces,
	   &ipct_case_open_name_shared_with_unrelated_process,
	   &ipct_case_open_survives_creator_exit,
	   &ipct_case_close_keeps_value,
	   &ipct_case_unlink_removes_name,
	   &ipct_case_unlink_open_handle_keeps_working,
	   &ipct_case_unlink_then_creat_is_new_semaphore,
	   &ipct_case_unlink_missing_enoent,
	   &ipct_case_unlink_name_too_long_enametoolong,
	   &ipct_case_unlink_no_permission_eacces,
	   &ipct_case_fork_child_inherits_open_semaphore,
	   &ipct_case_sem_value_max_at_least_posix_minimum,
	   &ipct_case_open_name_slash_only_einval,
	   &ipct_case_open_interior_slash_rejected,
	   &ipct_case_open_mode_masked_by_umask);
IPCT_HELPERS(&ipct_helper_post_main);
