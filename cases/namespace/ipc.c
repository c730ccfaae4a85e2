/* SPDX-License-Identifier: MIT
 * cases/namespace/ipc.c - IPC namespaces: System V objects, POSIX message
 * queues and the IPC limits are per namespace.  Every case unshares in a
 * forked child (namespace.h); what that child creates dies with its
 * namespace, what the host side creates is journaled as usual.
 * Sources: Linux ipc_namespaces(7), namespaces(7), unshare(2), setns(2),
 * mq_overview(7), proc(5) (/proc/sys/kernel, /proc/sysvipc).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "namespace.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#ifdef HAVE_MQUEUE_H
#include <mqueue.h>
#endif

#if !defined(HAVE_MQ_OPEN) || !defined(HAVE_MQUEUE_H)
typedef int mqd_t;
#define mq_open(...) (errno = ENOSYS, (mqd_t)-1)
#define mq_unlink(n) ((void)(n), errno = ENOSYS, -1)
#define mq_close(q) ((void)(q), errno = ENOSYS, -1)
#define mq_send(q, b, l, p) ((void)(q), (void)(b), (void)(l), (void)(p), errno = ENOSYS, -1)
#define mq_receive(q, b, l, p) ((void)(q), (void)(b), (void)(l), (void)(p), errno = ENOSYS, -1)
#endif

#define NS_IPC .needs = IPCT_LINUX_ONLY, \
	.requires = { IPCT_HAVE(HAVE_UNSHARE) }
#define NS_MQ .needs = IPCT_LINUX_ONLY, \
	.requires = { IPCT_HAVE(HAVE_UNSHARE), IPCT_HAVE(HAVE_MQ_OPEN), IPCT_HAVE(HAVE_MQUEUE_H) }

struct msgbuf1 {
	long mtype;
	char mtext[8];
};

union semun_ {
	int val;
	struct semid_ds *buf;
	unsigned short *array;
};

enum sysv { MSG, SEM, SHM };

/* Create (IPC_CREAT|IPC_EXCL, 0600) an object of kind k with key in the
 * calling process's namespace, not journaled (the caller is a child in
 * its own namespace); -1 with errno. */
static int raw_create(enum sysv k, key_t key)
{
	int fl = IPC_CREAT | IPC_EXCL | 0600;

	return k == MSG ? msgget(key, fl) : k == SEM ? semget(key, 1, fl) :
	       shmget(key, 4096, fl);
}

/* Look up key without creating: the id, or -1 with errno (ENOENT). */
static int lookup(enum sysv k, key_t key)
{
	return k == MSG ? msgget(key, 0) : k == SEM ? semget(key, 0, 0) :
	       shmget(key, 0, 0);
}

/* IPC_STAT of id in the calling namespace: 0, or -1 with errno. */
static int stat_id(enum sysv k, int id)
{
	struct msqid_ds m;
	struct semid_ds s;
	struct shmid_ds h;
	union semun_ u;

	u.buf = &s;
	return k == MSG ? msgctl(id, IPC_STAT, &m) :
	       k == SEM ? semctl(id, 0, IPC_STAT, u) : shmctl(id, IPC_STAT, &h);
}

/* Create a journaled object of kind k with key in the host namespace. */
static int host_create(enum sysv k, key_t key)
{
	int fl = IPC_CREAT | IPC_EXCL | 0600;

	return k == MSG ? ipct_xmsgget(key, fl) : k == SEM ? ipct_xsemget(key, 1, fl) :
	       ipct_xshmget(key, 4096, fl);
}

/* ---- host objects are invisible in a new namespace ---------------- */

static void host_invisible(enum sysv k)
{
	key_t key = ipct_unused_key();
	int id = host_create(k, key);
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWIPC, &s);

	if (pid == 0) {
		CHECK_FAILS(lookup(k, key), ENOENT);
		CHECK_FAILS(stat_id(k, id), EINVAL);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(lookup(k, key), id); /* still there for the host */
}

static void ipc_msg_host_invisible(void) { host_invisible(MSG); }
IPCT_CASE(ipc_msg_host_invisible,
	.id = "namespace.ipc_msg_host_invisible",
	.asserts = "a SysV message queue of the parent's IPC namespace is found neither by key (ENOENT) nor by id (EINVAL) in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7) (objects are visible to processes of the same IPC namespace, not to other IPC namespaces); unshare(2) CLONE_NEWIPC",
	NS_IPC);

static void ipc_sem_host_invisible(void) { host_invisible(SEM); }
IPCT_CASE(ipc_sem_host_invisible,
	.id = "namespace.ipc_sem_host_invisible",
	.asserts = "a SysV semaphore set of the parent's IPC namespace is found neither by key (ENOENT) nor by id (EINVAL) in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7); unshare(2) CLONE_NEWIPC",
	NS_IPC);

static void ipc_shm_host_invisible(void) { host_invisible(SHM); }
IPCT_CASE(ipc_shm_host_invisible,
	.id = "namespace.ipc_shm_host_invisible",
	.asserts = "a SysV shared memory segment of the parent's IPC namespace is found neither by key (ENOENT) nor by id (EINVAL) in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7); unshare(2) CLONE_NEWIPC",
	NS_IPC);

/* ---- a child namespace's objects are invisible to the host -------- */

static void child_invisible(enum sysv k)
{
	key_t key = ipct_unused_key();
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWIPC, &s);

	if (pid == 0) {
		CHECK_OK(raw_create(k, key));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_FAILS(lookup(k, key), ENOENT);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	/* The namespace died with its only process: nothing came out. */
	CHECK_FAILS(lookup(k, key), ENOENT);
}

static void ipc_msg_child_invisible(void) { child_invisible(MSG); }
IPCT_CASE(ipc_msg_child_invisible,
	.id = "namespace.ipc_msg_child_invisible",
	.asserts = "a SysV message queue created in a child's new IPC namespace is not found by its key in the parent's namespace, during the child's life or after",
	.spec = "Linux ipc_namespaces(7); namespaces(7)",
	NS_IPC);

static void ipc_sem_child_invisible(void) { child_invisible(SEM); }
IPCT_CASE(ipc_sem_child_invisible,
	.id = "namespace.ipc_sem_child_invisible",
	.asserts = "a SysV semaphore set created in a child's new IPC namespace is not found by its key in the parent's namespace, during the child's life or after",
	.spec = "Linux ipc_namespaces(7); namespaces(7)",
	NS_IPC);

static void ipc_shm_child_invisible(void) { child_invisible(SHM); }
IPCT_CASE(ipc_shm_child_invisible,
	.id = "namespace.ipc_shm_child_invisible",
	.asserts = "a SysV shared memory segment created in a child's new IPC namespace is not found by its key in the parent's namespace, during the child's life or after",
	.spec = "Linux ipc_namespaces(7); namespaces(7)",
	NS_IPC);

/* ---- keys repeat independently ------------------------------------ */

static void key_repeats(enum sysv k)
{
	key_t key = ipct_unused_key();
	int id = host_create(k, key);
	struct ipct_sync s;
	pid_t pid;

	CHECK_FAILS(raw_create(k, key), EEXIST); /* the control: same namespace */
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		CHECK_OK(raw_create(k, key));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(lookup(k, key), id);
}

static void ipc_msg_key_repeats(void) { key_repeats(MSG); }
IPCT_CASE(ipc_msg_key_repeats,
	.id = "namespace.ipc_msg_key_repeats",
	.asserts = "msgget(key, IPC_CREAT|IPC_EXCL) fails with EEXIST in the namespace that has the key and succeeds with the same key in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7) (each IPC namespace has its own set of System V IPC identifiers); msgget(2) ERRORS [EEXIST]",
	NS_IPC);

static void ipc_msg_same_key_own_queue(void)
{
	key_t key = ipct_unused_key();
	int id = host_create(MSG, key);
	struct msgbuf1 m = { 3, "host" };
	struct msqid_ds ds;
	struct ipct_sync s;
	pid_t pid;

	CHECK_OK(msgsnd(id, &m, 4, 0));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		int q = raw_create(MSG, key);

		CHECK_OK(q);
		CHECK_OK(msgctl(q, IPC_STAT, &ds));
		CHECK_EQ(0, ds.msg_qnum); /* its own, empty queue */
		CHECK_OK(msgctl(q, IPC_RMID, NULL));
		CHECK_FAILS(lookup(MSG, key), ENOENT);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(lookup(MSG, key), id);
	CHECK_OK(msgctl(id, IPC_STAT, &ds));
	CHECK_EQ(1, ds.msg_qnum); /* the host's message is still queued */
}
IPCT_CASE(ipc_msg_same_key_own_queue,
	.id = "namespace.ipc_msg_same_key_own_queue",
	.asserts = "a queue created in a new IPC namespace with a key the parent's namespace uses is a new, empty queue (msg_qnum 0) and IPC_RMID removes it there only: the parent's queue of that key keeps its message",
	.spec = "Linux ipc_namespaces(7) (each IPC namespace has its own set of System V IPC identifiers); POSIX.1-2024 msgctl() IPC_STAT (msg_qnum), IPC_RMID",
	NS_IPC);

static void ipc_shm_same_key_own_segment(void)
{
	key_t key = ipct_unused_key();
	int id = host_create(SHM, key);
	char *p = shmat(id, NULL, 0);
	struct shmid_ds ds;
	struct ipct_sync s;
	pid_t pid;

	if (p == (char *)-1)
		IPCT_BROKEN("shmat: %s", ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		int q = raw_create(SHM, key);

		CHECK_OK(q);
		CHECK_OK(shmctl(q, IPC_STAT, &ds));
		CHECK_EQ(0, ds.shm_nattch); /* its own segment, attached nowhere */
		CHECK_OK(shmctl(q, IPC_RMID, NULL));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(shmctl(id, IPC_STAT, &ds));
	CHECK_EQ(1, ds.shm_nattch); /* the parent's attachment */
	CHECK_OK(shmdt(p));
}
IPCT_CASE(ipc_shm_same_key_own_segment,
	.id = "namespace.ipc_shm_same_key_own_segment",
	.asserts = "a segment created in a new IPC namespace with a key the parent's namespace uses is a new segment with shm_nattch 0, while the parent's segment of that key keeps its one attachment",
	.spec = "Linux ipc_namespaces(7) (each IPC namespace has its own set of System V IPC identifiers); POSIX.1-2024 shmctl() IPC_STAT (shm_nattch)",
	NS_IPC);

static void ipc_sem_key_repeats(void) { key_repeats(SEM); }
IPCT_CASE(ipc_sem_key_repeats,
	.id = "namespace.ipc_sem_key_repeats",
	.asserts = "semget(key, IPC_CREAT|IPC_EXCL) fails with EEXIST in the namespace that has the key and succeeds with the same key in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7); semget(2) ERRORS [EEXIST]",
	NS_IPC);

static void ipc_shm_key_repeats(void) { key_repeats(SHM); }
IPCT_CASE(ipc_shm_key_repeats,
	.id = "namespace.ipc_shm_key_repeats",
	.asserts = "shmget(key, IPC_CREAT|IPC_EXCL) fails with EEXIST in the namespace that has the key and succeeds with the same key in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7); shmget(2) ERRORS [EEXIST]",
	NS_IPC);

/* ---- POSIX message queues ----------------------------------------- */

static void ipc_mq_host_invisible(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	struct ipct_sync s;
	pid_t pid;

	if (q == (mqd_t)-1)
		IPCT_BROKEN("mq_open(%s, O_CREAT): %s", name, ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		CHECK_FAILS(mq_open(name, O_RDWR), ENOENT);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_OK(mq_open(name, O_RDWR));
}
IPCT_CASE(ipc_mq_host_invisible,
	.id = "namespace.ipc_mq_host_invisible",
	.asserts = "a POSIX message queue name of the parent's IPC namespace does not exist (ENOENT) in a new IPC namespace",
	.spec = "Linux ipc_namespaces(7) (POSIX message queues are isolated by IPC namespace); mq_overview(7)",
	NS_MQ);

static void ipc_mq_child_invisible(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWIPC, &s);

	if (pid == 0) {
		CHECK_OK(mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_FAILS(mq_open(name, O_RDWR), ENOENT);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_FAILS(mq_open(name, O_RDWR), ENOENT);
}
IPCT_CASE(ipc_mq_child_invisible,
	.id = "namespace.ipc_mq_child_invisible",
	.asserts = "a POSIX message queue created in a child's new IPC namespace cannot be opened by name in the parent's namespace, during the child's life or after",
	.spec = "Linux ipc_namespaces(7); mq_overview(7)",
	NS_MQ);

static void ipc_mq_name_repeats(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	struct ipct_sync s;
	char buf[8192];
	pid_t pid;

	if (q == (mqd_t)-1)
		IPCT_BROKEN("mq_open(%s, O_CREAT): %s", name, ipct_errname(errno));
	CHECK_RET(mq_send(q, "host", 4, 0), 0);
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		mqd_t c = mq_open(name, O_CREAT | O_EXCL | O_RDWR | O_NONBLOCK, 0600, NULL);

		CHECK_OK(c);
		CHECK_FAILS(mq_receive(c, buf, sizeof buf, NULL), EAGAIN);
		/* Its name goes from the child's namespace only. */
		CHECK_OK(mq_unlink(name));
		CHECK_FAILS(mq_open(name, O_RDONLY), ENOENT);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(mq_receive(q, buf, sizeof buf, NULL), 4);
	CHECK_OK(mq_close(mq_open(name, O_RDONLY))); /* the parent's name stays */
}
IPCT_CASE(ipc_mq_name_repeats,
	.id = "namespace.ipc_mq_name_repeats",
	.asserts = "a new IPC namespace can create (O_CREAT|O_EXCL) a message queue with a name the parent's namespace uses; it is a different, empty queue, and mq_unlink() there removes the name from that namespace only",
	.spec = "Linux ipc_namespaces(7); mq_overview(7); mq_open(3) ERRORS [EEXIST]; POSIX.1-2024 mq_unlink()",
	NS_MQ);

static void ipc_mq_descriptor_survives(void)
{
	const char *name = ipct_posix_name(IPCT_POSIX_MQ);
	mqd_t q = mq_open(name, O_CREAT | O_EXCL | O_RDWR, 0600, NULL);
	struct ipct_sync s;
	char buf[8192];
	pid_t pid;

	if (q == (mqd_t)-1)
		IPCT_BROKEN("mq_open(%s, O_CREAT): %s", name, ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		CHECK_FAILS(mq_open(name, O_RDWR), ENOENT);
		CHECK_RET(mq_send(q, "from-ns", 7, 3), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_RET(mq_receive(q, buf, sizeof buf, NULL), 7);
	CHECK_MEM("from-ns", buf, 7);
}
IPCT_CASE(ipc_mq_descriptor_survives,
	.id = "namespace.ipc_mq_descriptor_survives",
	.asserts = "a message queue descriptor opened before unshare(CLONE_NEWIPC) still sends to the original queue while its name no longer resolves in the new namespace",
	.spec = "Linux ipc_namespaces(7); mq_overview(7) (a message queue descriptor is a reference to an open message queue description)",
	NS_MQ);

/* ---- attachments and undo across the unshare ---------------------- */

static void ipc_shm_attach_survives(void)
{
	int id = ipct_xshmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	char *p = shmat(id, NULL, 0);
	struct ipct_sync s;
	pid_t pid;

	if (p == (char *)-1)
		IPCT_BROKEN("shmat: %s", ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		struct shmid_ds ds;

		CHECK_FAILS(shmctl(id, IPC_STAT, &ds), EINVAL);
		memcpy(p, "attached", 8); /* the inherited attachment */
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_MEM("attached", p, 8);
}
IPCT_CASE(ipc_shm_attach_survives,
	.id = "namespace.ipc_shm_attach_survives",
	.asserts = "a SysV segment attached before unshare(CLONE_NEWIPC) stays mapped and shared (the parent sees the writes) while its id is invalid in the new namespace",
	.spec = "Linux ipc_namespaces(7); unshare(2) CLONE_NEWIPC; shmop(2) (attached segments are inherited and stay mapped)",
	NS_IPC);

static void ipc_unshare_applies_semadj(void)
{
	int id = ipct_xsemget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	int *err = ipct_shared_alloc(sizeof *err);
	struct ipct_sync s;
	pid_t pid;

	ipct_sync_init(&s);
	pid = ipct_fork();
	if (pid == 0) {
		struct sembuf up = { 0, 1, SEM_UNDO };

		CHECK_OK(semop(id, &up, 1));
		if (unshare(CLONE_NEWIPC) != 0)
			*err = errno ? errno : EINVAL;
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	if (*err) {
		ipct_post(&s, 2);
		ipct_wait_ok(pid);
		namespace_skip_refused(CLONE_NEWIPC, *err);
	}
	/* The child lives on, but its undo list was applied. */
	CHECK_RET(semctl(id, 0, GETVAL), 0);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
	CHECK_RET(semctl(id, 0, GETVAL), 0);
}
IPCT_CASE(ipc_unshare_applies_semadj,
	.id = "namespace.ipc_unshare_applies_semadj",
	.asserts = "unshare(CLONE_NEWIPC) implies CLONE_SYSVSEM: the caller's semadj values are applied at once, so a SEM_UNDO increment is undone while the caller still lives",
	.spec = "Linux unshare(2) (CLONE_NEWIPC implies CLONE_SYSVSEM; unsharing the semadj list applies its adjustments)",
	NS_IPC);

/* ---- per-namespace limits ----------------------------------------- */

static void ipc_msgmax_per_ns(void)
{
	long host = ipct_read_number("/proc/sys/kernel/msgmax");
	struct ipct_sync s;
	pid_t pid;

	if (host < 2048)
		ipct_skip("/proc/sys/kernel/msgmax is %ld (unreadable or below 2048)", host);
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		struct { long mtype; char t[2048]; } m;
		int q;

		memset(&m, 'm', sizeof m);
		m.mtype = 1;
		namespace_xwrite_sysctl("/proc/sys/kernel/msgmax", 1024);
		CHECK_EQ(1024, ipct_read_number("/proc/sys/kernel/msgmax"));
		q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
		CHECK_OK(q);
		CHECK_FAILS(msgsnd(q, &m, 2048, IPC_NOWAIT), EINVAL);
		CHECK_RET(msgsnd(q, &m, 1024, IPC_NOWAIT), 0);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(host, ipct_read_number("/proc/sys/kernel/msgmax"));
}
IPCT_CASE(ipc_msgmax_per_ns,
	.id = "namespace.ipc_msgmax_per_ns",
	.asserts = "/proc/sys/kernel/msgmax set in a new IPC namespace limits msgsnd() there (a longer message fails with EINVAL) and leaves the parent namespace's value unchanged",
	.spec = "Linux ipc_namespaces(7) (/proc/sys/kernel/msgmax, msgmnb, msgmni, sem, shmall, shmmax, shmmni are per IPC namespace); msgop(2) ERRORS [EINVAL]",
	NS_IPC);

static void ipc_msgmni_per_ns(void)
{
	long host = ipct_read_number("/proc/sys/kernel/msgmni");
	struct ipct_sync s;
	pid_t pid;

	if (host < 2)
		ipct_skip("/proc/sys/kernel/msgmni is %ld (unreadable or below 2)", host);
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		namespace_xwrite_sysctl("/proc/sys/kernel/msgmni", 1);
		CHECK_OK(msgget(IPC_PRIVATE, IPC_CREAT | 0600));
		CHECK_FAILS(msgget(IPC_PRIVATE, IPC_CREAT | 0600), ENOSPC);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	CHECK_EQ(host, ipct_read_number("/proc/sys/kernel/msgmni"));
	/* The host can still make queues. */
	(void)ipct_xmsgget(IPC_PRIVATE, IPC_CREAT | 0600);
	(void)ipct_xmsgget(IPC_PRIVATE, IPC_CREAT | 0600);
}
IPCT_CASE(ipc_msgmni_per_ns,
	.id = "namespace.ipc_msgmni_per_ns",
	.asserts = "/proc/sys/kernel/msgmni set to 1 in a new IPC namespace makes a second msgget() there fail with ENOSPC, and the parent namespace's msgmni is unchanged",
	.spec = "Linux ipc_namespaces(7); msgget(2) ERRORS [ENOSPC]; proc(5) /proc/sys/kernel/msgmni",
	NS_IPC);

/* The text of a sysctl file of the calling namespace ("" if unreadable):
 * shmmax and shmall hold values beyond a long, so compare them as text. */
static void sysctl_text(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");

	buf[0] = '\0';
	if (f) {
		if (!fgets(buf, (int)len, f))
			buf[0] = '\0';
		fclose(f);
	}
}

static void ipc_shmmax_per_ns(void)
{
	char host[64], after[64];
	struct ipct_sync s;
	pid_t pid;

	sysctl_text("/proc/sys/kernel/shmmax", host, sizeof host);
	if (!host[0] || strtoull(host, NULL, 10) < 65536)
		ipct_skip("/proc/sys/kernel/shmmax is '%s' (unreadable or below 65536)", host);
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		namespace_xwrite_sysctl("/proc/sys/kernel/shmmax", 8192);
		CHECK_FAILS(shmget(IPC_PRIVATE, 16384, IPC_CREAT | 0600), EINVAL);
		CHECK_OK(shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	sysctl_text("/proc/sys/kernel/shmmax", after, sizeof after);
	CHECK_STR(host, after);
	(void)ipct_xshmget(IPC_PRIVATE, 16384, IPC_CREAT | 0600);
}
IPCT_CASE(ipc_shmmax_per_ns,
	.id = "namespace.ipc_shmmax_per_ns",
	.asserts = "/proc/sys/kernel/shmmax set in a new IPC namespace makes a larger shmget() there fail with EINVAL, and leaves the parent namespace's shmmax unchanged",
	.spec = "Linux ipc_namespaces(7); shmget(2) ERRORS [EINVAL] (size greater than SHMMAX)",
	NS_IPC);

/* ---- the namespace itself ----------------------------------------- */

static int proc_lines(const char *path)
{
	char line[512];
	int n = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f))
		n++;
	fclose(f);
	return n;
}

static void ipc_new_ns_empty(void)
{
	struct ipct_sync s;
	pid_t pid;

	(void)ipct_xmsgget(IPC_PRIVATE, IPC_CREAT | 0600);
	(void)ipct_xsemget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
	(void)ipct_xshmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600);
	if (proc_lines("/proc/sysvipc/msg") < 2)
		ipct_skip("/proc/sysvipc/msg unreadable here");
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		/* Only the heading line. */
		CHECK_EQ(1, proc_lines("/proc/sysvipc/msg"));
		CHECK_EQ(1, proc_lines("/proc/sysvipc/sem"));
		CHECK_EQ(1, proc_lines("/proc/sysvipc/shm"));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(ipc_new_ns_empty,
	.id = "namespace.ipc_new_ns_empty",
	.asserts = "a new IPC namespace starts with no SysV object: /proc/sysvipc/msg, sem and shm list none there while the parent's namespace has one of each",
	.spec = "Linux ipc_namespaces(7); proc(5) (/proc/sysvipc: the objects of the IPC namespace of the reading process)",
	NS_IPC);

static void ipc_proc_ns_link_changes(void)
{
	char host[64], child[64];
	struct ipct_sync s;
	pid_t pid;
	char *shared = ipct_shared_alloc(64);

	namespace_link(CLONE_NEWIPC, host, sizeof host);
	if (!host[0])
		ipct_skip("/proc/self/ns/ipc: %s (no /proc)", ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		namespace_link(CLONE_NEWIPC, shared, 64);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
	snprintf(child, sizeof child, "%s", shared);
	CHECK(strncmp(child, "ipc:[", 5) == 0);
	CHECK(strcmp(host, child) != 0);
	namespace_link(CLONE_NEWIPC, child, sizeof child);
	CHECK_STR(host, child);
}
IPCT_CASE(ipc_proc_ns_link_changes,
	.id = "namespace.ipc_proc_ns_link_changes",
	.asserts = "after unshare(CLONE_NEWIPC) the caller's /proc/self/ns/ipc link names another namespace (ipc:[inode]) while the parent's link is unchanged",
	.spec = "Linux namespaces(7) (The /proc/pid/ns/ directory: ipc; links to the same namespace have the same inode)",
	NS_IPC);

static void ipc_setns_joins(void)
{
	key_t key = ipct_unused_key();
	struct ipct_sync s;
	struct msgbuf1 m;
	char path[64];
	int nsfd;
	pid_t pid, joiner;

	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		int q = raw_create(MSG, key);

		CHECK_OK(q);
		ipct_post(&s, 1);
		CHECK_RET(msgrcv(q, &m, sizeof m.mtext, 0, 0), 6);
		CHECK_MEM("joined", m.mtext, 6);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	snprintf(path, sizeof path, "/proc/%ld/ns/ipc", (long)pid);
	nsfd = open(path, O_RDONLY);
	if (nsfd < 0)
		IPCT_BROKEN("open(%s): %s", path, ipct_errname(errno));
	joiner = ipct_fork();
	if (joiner == 0) {
		int q;

		CHECK_OK(setns(nsfd, CLONE_NEWIPC));
		q = msgget(key, 0);
		CHECK_OK(q);
		m.mtype = 1;
		memcpy(m.mtext, "joined", 6);
		CHECK_OK(msgsnd(q, &m, 6, 0));
		ipct_child_exit();
	}
	ipct_wait_ok(joiner);
	ipct_wait_ok(pid);
	CHECK_FAILS(msgget(key, 0), ENOENT);
}
IPCT_CASE(ipc_setns_joins,
	.id = "namespace.ipc_setns_joins",
	.asserts = "a process that joins another IPC namespace with setns() on its /proc/pid/ns/ipc finds that namespace's queue by key and can send to its owner",
	.spec = "Linux setns(2) (CLONE_NEWIPC: fd must refer to an IPC namespace); namespaces(7) /proc/pid/ns",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_UNSHARE), IPCT_HAVE(HAVE_SETNS) });

static void ipc_objects_outlive_creator(void)
{
	key_t key = ipct_unused_key();
	struct ipct_sync s;
	char path[64];
	int nsfd;
	pid_t pid, later;

	pid = namespace_fork_unshared(CLONE_NEWIPC, &s);
	if (pid == 0) {
		struct msgbuf1 m = { 5, "kept" };
		int q = raw_create(MSG, key);

		CHECK_OK(q);
		CHECK_OK(msgsnd(q, &m, 4, 0));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	snprintf(path, sizeof path, "/proc/%ld/ns/ipc", (long)pid);
	nsfd = open(path, O_RDONLY); /* keeps the namespace alive */
	if (nsfd < 0)
		IPCT_BROKEN("open(%s): %s", path, ipct_errname(errno));
	ipct_post(&s, 2);
	ipct_wait_ok(pid); /* the creator is gone */
	later = ipct_fork();
	if (later == 0) {
		struct msgbuf1 m;

		CHECK_OK(setns(nsfd, CLONE_NEWIPC));
		CHECK_RET(msgrcv(msgget(key, 0), &m, sizeof m.mtext, 5, IPC_NOWAIT), 4);
		ipct_child_exit();
	}
	ipct_wait_ok(later);
	ipct_xclose(nsfd); /* the last reference: the namespace and its queue go */
}
IPCT_CASE(ipc_objects_outlive_creator,
	.id = "namespace.ipc_objects_outlive_creator",
	.asserts = "objects of an IPC namespace belong to the namespace, not to their creator: after the creator exited, a process joining the still-referenced namespace finds the queue and its message",
	.spec = "Linux ipc_namespaces(7) (when an IPC namespace is destroyed, i.e. its last process terminates and nothing else references it, all its IPC objects are destroyed); namespaces(7) (a bind or open /proc/pid/ns file keeps a namespace alive)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_UNSHARE), IPCT_HAVE(HAVE_SETNS) });

static void ipc_unshare_unpriv_eperm(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		ipct_drop_privileges();
		CHECK_FAILS(unshare(CLONE_NEWIPC), EPERM);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(ipc_unshare_unpriv_eperm,
	.id = "namespace.ipc_unshare_unpriv_eperm",
	.asserts = "unshare(CLONE_NEWIPC) by a process without CAP_SYS_ADMIN (and no new user namespace) fails with EPERM",
	.spec = "Linux unshare(2), ERRORS [EPERM] (CLONE_NEWIPC requires the CAP_SYS_ADMIN capability)",
	.needs = IPCT_LINUX_ONLY | IPCT_UNPRIV,
	.requires = { IPCT_HAVE(HAVE_UNSHARE) });

static void ipc_unshare_bad_flag_einval(void)
{
	pid_t pid = ipct_fork();

	if (pid == 0) {
		/* Bit 0 belongs to the exit-signal field of clone(), never
		 * a flag unshare() accepts. */
		CHECK_FAILS(unshare(CLONE_NEWIPC | 0x1), EINVAL);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(ipc_unshare_bad_flag_einval,
	.id = "namespace.ipc_unshare_bad_flag_einval",
	.asserts = "unshare() with a bit that is not an unshare flag fails with EINVAL and unshares nothing",
	.spec = "Linux unshare(2), ERRORS [EINVAL] (an invalid bit was specified in flags)",
	.needs = IPCT_LINUX_ONLY,
	.requires = { IPCT_HAVE(HAVE_UNSHARE) });

IPCT_CASES(&ipct_case_ipc_msg_host_invisible, &ipct_case_ipc_sem_host_invisible,
	   &ipct_case_ipc_shm_host_invisible, &ipct_case_ipc_msg_child_invisible,
	   &ipct_case_ipc_sem_child_invisible, &ipct_case_ipc_shm_child_invisible,
	   &ipct_case_ipc_msg_key_repeats, &ipct_case_ipc_msg_same_key_own_queue,
	   &ipct_case_ipc_shm_same_key_own_segment,
	   &ipct_case_ipc_sem_key_repeats,
	   &ipct_case_ipc_shm_key_repeats, &ipct_case_ipc_mq_host_invisible,
	   &ipct_case_ipc_mq_child_invisible, &ipct_case_ipc_mq_name_repeats,
	   &ipct_case_ipc_mq_descriptor_survives, &ipct_case_ipc_shm_attach_survives,
	   &ipct_case_ipc_unshare_applies_semadj, &ipct_case_ipc_msgmax_per_ns,
	   &ipct_case_ipc_msgmni_per_ns, &ipct_case_ipc_shmmax_per_ns,
	   &ipct_case_ipc_new_ns_empty, &ipct_case_ipc_proc_ns_link_changes,
	   &ipct_case_ipc_setns_joins, &ipct_case_ipc_objects_outlive_creator,
	   &ipct_case_ipc_unshare_unpriv_eperm, &ipct_case_ipc_unshare_bad_flag_einval);
