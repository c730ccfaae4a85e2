/* SPDX-License-Identifier: MIT
 * cases/sysv_shm/shmctl.c - shmctl(): IPC_STAT fields, IPC_SET, IPC_RMID
 * (immediate, and deferred while attached), persistence with no
 * attachment, and the permission and argument errors.
 * Sources: POSIX.1-2024 shmctl() DESCRIPTION and ERRORS, XSH 2.7;
 * Linux shmctl(2) for destruction after the last detach.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "sysv_shm.h"

static void shmctl_stat_pids(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		sysv_shm_xat(id, NULL, 0);
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQ(getpid(), ds.shm_cpid);
	CHECK_EQ(pid, ds.shm_lpid);
	CHECK_EQU(1, ds.shm_nattch);
	CHECK(ds.shm_atime != 0);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(shmctl_stat_pids,
	.id = "sysv_shm.shmctl_stat_pids",
	.asserts = "IPC_STAT reports the creator's pid in shm_cpid and the pid of the last process that attached in shm_lpid, with shm_nattch and shm_atime",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_STAT); shmat(), DESCRIPTION");

static void shmctl_ipc_set_mode(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	sysv_shm_xstat(id, &ds);
	ds.shm_perm.mode = 0640;
	CHECK_OK(shmctl(id, IPC_SET, &ds));
	CHECK_OK(sysv_shm_stat(id, &ds));
	CHECK_EQ(0640, ds.shm_perm.mode & 0777);
	CHECK_EQU(geteuid(), ds.shm_perm.uid);
	CHECK_EQU(4096, ds.shm_segsz);
}
IPCT_CASE(shmctl_ipc_set_mode,
	.id = "sysv_shm.shmctl_ipc_set_mode",
	.asserts = "IPC_SET by the owner sets the low nine bits of shm_perm.mode, which IPC_STAT then reports",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_SET, IPC_STAT)");

static void shmctl_ipc_set_applies_to_access(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	ipct_xsysv_setmode(IPCT_SYSV_SHM, id, 0606, 0);
	pid = ipct_fork();
	if (pid == 0) {
		void *p;

		ipct_drop_privileges();
		CHECK_OK_PTR(p = shmat(id, NULL, 0), SYSV_SHM_FAILED);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmctl_ipc_set_applies_to_access,
	.id = "sysv_shm.shmctl_ipc_set_applies_to_access",
	.asserts = "permission bits set with IPC_SET decide later access checks, granting another user a read-write attach",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_SET); XSH 2.7",
	.needs = IPCT_UNPRIV);

static void shmctl_rmid_unattached(void)
{
	key_t key = ipct_unused_key();
	int id = ipct_xshmget(key, 4096, IPC_CREAT | IPC_EXCL | 0600);
	struct shmid_ds ds;

	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	CHECK_FAILS(sysv_shm_stat(id, &ds), EINVAL);
	CHECK_FAILS(shmget(key, 4096, 0600), ENOENT);
}
IPCT_CASE(shmctl_rmid_unattached,
	.id = "sysv_shm.shmctl_rmid_unattached",
	.asserts = "IPC_RMID on a segment with no attachment removes it: its identifier and key no longer refer to a segment",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_RMID) and ERRORS [EINVAL]");

static void shmctl_rmid_deferred_while_attached(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	char *p = sysv_shm_xat(id, NULL, 0);
	struct shmid_ds ds;
	struct ipct_sync s;
	pid_t pid;

	memcpy(p, "before", 6);
	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		/* The inherited attachment keeps working after removal. */
		ipct_sync_wait(&s, 1);
		CHECK_MEM("before", p, 6);
		memcpy(p + 100, "after", 5);
		ipct_post(&s, 2);
		ipct_sync_wait(&s, 3);
		ipct_child_exit();
	}
	CHECK_OK(shmctl(id, IPC_RMID, NULL));
	ipct_post(&s, 1);
	ipct_sync_wait(&s, 2);
	CHECK_MEM("after", p + 100, 5);
	CHECK_OK(shmdt(p));
	ipct_post(&s, 3);
	ipct_wait_ok(pid);
	/* The last attachment went with the child: the segment is gone. */
	CHECK_FAILS(sysv_shm_stat(id, &ds), EINVAL);
}
IPCT_CASE(shmctl_rmid_deferred_while_attached,
	.id = "sysv_shm.shmctl_rmid_deferred_while_attached",
	.asserts = "a segment removed with IPC_RMID while attached stays usable by its attached processes and is destroyed when the last one detaches",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_RMID); Linux shmctl(2)");

static void shmctl_data_persists_unattached(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;
	char *p;

	pid = ipct_fork();
	if (pid == 0) {
		char *q = sysv_shm_xat(id, NULL, 0);

		memcpy(q + 2000, "persist", 7);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(0, sysv_shm_xnattch(id));
	p = sysv_shm_xat(id, NULL, SHM_RDONLY);
	CHECK_MEM("persist", p + 2000, 7);
}
IPCT_CASE(shmctl_data_persists_unattached,
	.id = "sysv_shm.shmctl_data_persists_unattached",
	.asserts = "a segment and its contents remain while no process is attached, until IPC_RMID",
	.spec = "POSIX.1-2024 XSH 2.7; shmctl(), DESCRIPTION (IPC_RMID)");

static void shmctl_rmid_eperm(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	ipct_xsysv_setmode(IPCT_SYSV_SHM, id, 0666, 0);
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(shmctl(id, IPC_RMID, NULL), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(0, sysv_shm_xnattch(id));
}
IPCT_CASE(shmctl_rmid_eperm,
	.id = "sysv_shm.shmctl_rmid_eperm",
	.asserts = "IPC_RMID fails with EPERM for a caller that is neither privileged nor the segment's creator or owner, whatever the permission bits",
	.spec = "POSIX.1-2024 shmctl(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void shmctl_ipc_set_eperm(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	ipct_xsysv_setmode(IPCT_SYSV_SHM, id, 0666, 0);
	pid = ipct_fork();
	if (pid == 0) {
		struct shmid_ds ds;

		ipct_drop_privileges();
		CHECK_OK(sysv_shm_stat(id, &ds));
		ds.shm_perm.mode = 0600;
		CHECK_FAILS(shmctl(id, IPC_SET, &ds), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmctl_ipc_set_eperm,
	.id = "sysv_shm.shmctl_ipc_set_eperm",
	.asserts = "IPC_SET fails with EPERM for a caller that is neither privileged nor the segment's creator or owner",
	.spec = "POSIX.1-2024 shmctl(), ERRORS [EPERM]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void shmctl_stat_eacces(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	pid = ipct_fork();
	if (pid == 0) {
		struct shmid_ds ds;

		ipct_drop_privileges();
		CHECK_FAILS(sysv_shm_stat(id, &ds), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(shmctl_stat_eacces,
	.id = "sysv_shm.shmctl_stat_eacces",
	.asserts = "IPC_STAT fails with EACCES when the caller lacks read permission",
	.spec = "POSIX.1-2024 shmctl(), ERRORS [EACCES]; XSH 2.7",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void shmctl_bad_cmd_einval(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);

	memset(&ds, 0, sizeof ds);
	CHECK_FAILS(shmctl(id, 12345, &ds), EINVAL);
}
IPCT_CASE(shmctl_bad_cmd_einval,
	.id = "sysv_shm.shmctl_bad_cmd_einval",
	.asserts = "shmctl() fails with EINVAL when cmd is not a valid command",
	.spec = "POSIX.1-2024 shmctl(), ERRORS [EINVAL]");

static void shmctl_bad_id_einval(void)
{
	struct shmid_ds ds;

	CHECK_FAILS(sysv_shm_stat(-1, &ds), EINVAL);
}
IPCT_CASE(shmctl_bad_id_einval,
	.id = "sysv_shm.shmctl_bad_id_einval",
	.asserts = "shmctl() fails with EINVAL when shmid is not a valid shared memory identifier",
	.spec = "POSIX.1-2024 shmctl(), ERRORS [EINVAL]");

static void shmctl_owner_not_creator_rmid(void)
{
	struct shmid_ds ds;
	int id = ipct_xshmget(IPC_PRIVATE, 4096, 0600);
	pid_t pid;

	if (geteuid() != 0)
		ipct_skip("giving a segment to another user needs root (running as uid %ld)",
			  (long)geteuid());
	sysv_shm_xstat(id, &ds);
	ds.shm_perm.uid = ipct_unpriv_uid();
	ds.shm_perm.gid = ipct_unpriv_gid();
	if (shmctl(id, IPC_SET, &ds) != 0)
		IPCT_BROKEN("shmctl(IPC_SET uid): %s", ipct_errname(errno));
	pid = ipct_fork();
	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_OK(shmctl(id, IPC_RMID, NULL));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_FAILS(sysv_shm_stat(id, &ds), EINVAL);
}
IPCT_CASE(shmctl_owner_not_creator_rmid,
	.id = "sysv_shm.shmctl_owner_not_creator_rmid",
	.asserts = "IPC_RMID succeeds for a caller whose effective uid equals shm_perm.uid even when it is not the creator",
	.spec = "POSIX.1-2024 shmctl(), DESCRIPTION (IPC_RMID)",
	.needs = IPCT_UNPRIV | IPCT_ROOT);

IPCT_CASES(&ipct_case_shmctl_stat_pids, &ipct_case_shmctl_ipc_set_mode,
	   &ipct_case_shmctl_ipc_set_applies_to_access,
	   &ipct_case_shmctl_rmid_unattached,
	   &ipct_case_shmctl_rmid_deferred_while_attached,
	   &ipct_case_shmctl_data_persists_unattached,
	   &ipct_case_shmctl_rmid_eperm, &ipct_case_shmctl_ipc_set_eperm,
	   &ipct_case_shmctl_stat_eacces, &ipct_case_shmctl_bad_cmd_einval,
	   &ipct_case_shmctl_bad_id_einval,
	   &ipct_case_shmctl_owner_not_creator_rmid);
