/* SPDX-License-Identifier: MIT
 * cleanup.c - removing what the journal recorded, run by the runner after
 * every case, and checking that it is gone.
 *
 * One table row per kind of object (enum ipct_kind): its name in messages,
 * how to remove it, how to see that it is gone, and a second way to remove
 * it where one exists (the file behind a POSIX name).  A new kind of object
 * is one new row.  Every removal is verified: the runner believes the check,
 * not the return value of the removal call, because a platform under test
 * may say it removed what it did not.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_MQUEUE_H
#include <mqueue.h>
#endif
#ifdef HAVE_SEMAPHORE_H
#include <semaphore.h>
#endif
#ifdef __linux__
#include <sys/mount.h>
#endif

/* ------------------------------------------------------------------ */
/* Directories                                                         */

static int remove_tree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *de;
	int bad = 0;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0 || errno == ENOENT ? 0 : -1;
	chmod(path, 0700); /* a case may have taken our own rights away */
	/* The common case: the directory is empty. */
	if (rmdir(path) == 0 || errno == ENOENT)
		return 0;
	d = opendir(path);
	if (!d)
		return -1;
	while ((de = readdir(d)) != NULL) {
		char child[1024];

		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(child, sizeof child, "%s/%s", path, de->d_name);
		if (remove_tree(child) != 0)
			bad = 1;
	}
	closedir(d);
	if (rmdir(path) != 0 && errno != ENOENT)
		bad = 1;
	return bad ? -1 : 0;
}

int ipct_remove_tree(const char *path)
{
	struct stat st;

	return remove_tree(path) == 0 && lstat(path, &st) != 0 ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* One row per kind                                                    */

/* What a removal says: 0 when the call did its job or the object was
 * already gone; otherwise -1 with the failed call in why. */
#define WHY(...) (snprintf(why, whylen, __VA_ARGS__), -1)

static int gone_err(int err)
{
	return err == EINVAL || err == EIDRM || err == ENOENT;
}

/* A POSIX name is gone, or could never have been created: the name is too
 * long or invalid for this system, or the interface is missing. */
static int name_gone_err(int err)
{
	return err == ENOENT || err == ENAMETOOLONG || err == EINVAL ||
	       err == ENOSYS;
}

static int rm_sysv_msg(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (msgctl(e->id, IPC_RMID, NULL) != 0 && !gone_err(errno))
		return WHY("msgctl(IPC_RMID): %s", ipct_errname(errno));
	return 0;
}

static int gone_sysv_msg(const struct ipct_journal_entry *e)
{
	struct msqid_ds ds;

	return msgctl(e->id, IPC_STAT, &ds) != 0;
}

static int rm_sysv_sem(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (semctl(e->id, 0, IPC_RMID) != 0 && !gone_err(errno))
		return WHY("semctl(IPC_RMID): %s", ipct_errname(errno));
	return 0;
}

static int gone_sysv_sem(const struct ipct_journal_entry *e)
{
	struct semid_ds ds;

	return semctl(e->id, 0, IPC_STAT, &ds) != 0;
}

static int rm_sysv_shm(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (shmctl(e->id, IPC_RMID, NULL) != 0 && !gone_err(errno))
		return WHY("shmctl(IPC_RMID): %s", ipct_errname(errno));
	return 0;
}

static int gone_sysv_shm(const struct ipct_journal_entry *e)
{
	struct shmid_ds ds;

	if (shmctl(e->id, IPC_STAT, &ds) != 0)
		return 1;
	/* The segment may live on until its last detach; marked for
	 * destruction with every process of the case gone, it is going. */
#ifdef SHM_DEST
	return (ds.shm_perm.mode & SHM_DEST) != 0;
#else
	return 0;
#endif
}

#ifdef HAVE_MQ_UNLINK
static int rm_posix_mq(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (mq_unlink(e->name) != 0 && !name_gone_err(errno))
		return WHY("mq_unlink(): %s", ipct_errname(errno));
	return 0;
}

static int gone_posix_mq(const struct ipct_journal_entry *e)
{
	mqd_t q = mq_open(e->name, O_RDONLY);

	if (q == (mqd_t)-1)
		return errno != EACCES && errno != EMFILE && errno != ENFILE;
	mq_close(q);
	return 0;
}
#endif

#ifdef HAVE_SEM_UNLINK
static int rm_posix_sem(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (sem_unlink(e->name) != 0 && !name_gone_err(errno))
		return WHY("sem_unlink(): %s", ipct_errname(errno));
	return 0;
}

static int gone_posix_sem(const struct ipct_journal_entry *e)
{
	sem_t *s = sem_open(e->name, 0);

	if (s == SEM_FAILED)
		return errno != EACCES && errno != EMFILE && errno != ENFILE;
	sem_close(s);
	return 0;
}
#endif

#ifdef HAVE_SHM_UNLINK
static int rm_posix_shm(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (shm_unlink(e->name) != 0 && !name_gone_err(errno))
		return WHY("shm_unlink(): %s", ipct_errname(errno));
	return 0;
}

static int gone_posix_shm(const struct ipct_journal_entry *e)
{
	int fd = shm_open(e->name, O_RDONLY, 0);

	if (fd < 0)
		return errno != EACCES && errno != EMFILE && errno != ENFILE;
	close(fd);
	return 0;
}
#endif

static int rm_path(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	if (remove_tree(e->name) != 0)
		return WHY("unlink/rmdir: %s", ipct_errname(errno));
	return 0;
}

static int gone_path(const struct ipct_journal_entry *e)
{
	struct stat st;

	return lstat(e->name, &st) != 0 && errno == ENOENT;
}

/* The second way for a POSIX name: the file behind it.  glibc and musl keep
 * shm objects as /dev/shm/<name> and semaphores as /dev/shm/sem.<name>;
 * Linux shows message queues in an mqueue file system (/dev/mqueue, or a
 * private mount made for the purpose when we are root). */
static int unlink_file(const char *path, char *why, size_t whylen)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return WHY("unlink(%s): %s", path, ipct_errname(errno));
	return 0;
}

static int alt_posix_shm(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	char path[IPCT_NAME_MAX + 16];

	snprintf(path, sizeof path, "/dev/shm/%s", e->name + (e->name[0] == '/'));
	return unlink_file(path, why, whylen);
}

static int alt_posix_sem(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	char path[IPCT_NAME_MAX + 16];

	snprintf(path, sizeof path, "/dev/shm/sem.%s", e->name + (e->name[0] == '/'));
	return unlink_file(path, why, whylen);
}

static int alt_posix_mq(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	const char *leaf = e->name + (e->name[0] == '/');
	char path[IPCT_NAME_MAX + 64];
	struct stat st;

	snprintf(path, sizeof path, "/dev/mqueue/%s", leaf);
	if (lstat("/dev/mqueue/.", &st) == 0 && lstat(path, &st) == 0)
		return unlink_file(path, why, whylen);
#if defined(__linux__)
	{
		const char *tmp = getenv("TMPDIR");
		char dir[256];
		int r;

		snprintf(dir, sizeof dir, "%s/ipcconf.mq.XXXXXX",
			 tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
		if (geteuid() != 0 || !mkdtemp(dir))
			return WHY("no mqueue file system mounted (/dev/mqueue)");
		if (mount("mqueue", dir, "mqueue", 0, NULL) != 0) {
			int err = errno;

			rmdir(dir);
			return WHY("mount(mqueue): %s", ipct_errname(err));
		}
		snprintf(path, sizeof path, "%s/%s", dir, leaf);
		r = unlink_file(path, why, whylen);
		umount2(dir, MNT_DETACH);
		rmdir(dir);
		return r;
	}
#else
	return WHY("no mqueue file system mounted");
#endif
}

struct kind_row {
	const char *what; /* "sysv_msg id": how a leak is named */
	const char *call; /* the removal call, for messages */
	int (*remove)(const struct ipct_journal_entry *, char *, size_t);
	int (*gone)(const struct ipct_journal_entry *);
	int (*second_way)(const struct ipct_journal_entry *, char *, size_t);
};

static const struct kind_row kinds[] = {
	[IPCT_SYSV_MSG] = { "sysv_msg id", "msgctl(IPC_RMID)", rm_sysv_msg, gone_sysv_msg, NULL },
	[IPCT_SYSV_SEM] = { "sysv_sem id", "semctl(IPC_RMID)", rm_sysv_sem, gone_sysv_sem, NULL },
	[IPCT_SYSV_SHM] = { "sysv_shm id", "shmctl(IPC_RMID)", rm_sysv_shm, gone_sysv_shm, NULL },
#ifdef HAVE_MQ_UNLINK
	[IPCT_POSIX_MQ] = { "posix_mq name", "mq_unlink()", rm_posix_mq, gone_posix_mq, alt_posix_mq },
#else
	[IPCT_POSIX_MQ] = { "posix_mq name", "mq_unlink()", NULL, NULL, alt_posix_mq },
#endif
#ifdef HAVE_SEM_UNLINK
	[IPCT_POSIX_SEM] = { "posix_sem name", "sem_unlink()", rm_posix_sem, gone_posix_sem, alt_posix_sem },
#else
	[IPCT_POSIX_SEM] = { "posix_sem name", "sem_unlink()", NULL, NULL, alt_posix_sem },
#endif
#ifdef HAVE_SHM_UNLINK
	[IPCT_POSIX_SHM] = { "posix_shm name", "shm_unlink()", rm_posix_shm, gone_posix_shm, alt_posix_shm },
#else
	[IPCT_POSIX_SHM] = { "posix_shm name", "shm_unlink()", NULL, NULL, alt_posix_shm },
#endif
	[IPCT_PATH] = { "path", "unlink/rmdir", rm_path, gone_path, NULL },
};

/* Remove one entry and check it is gone; 0 if so, else -1 with the call
 * that failed (or "... returned 0 but it is still there") in why. */
static int remove_entry(const struct ipct_journal_entry *e, char *why, size_t whylen)
{
	const struct kind_row *k;
	char alt[256];

	if (e->kind <= 0 || (size_t)e->kind >= sizeof kinds / sizeof kinds[0] ||
	    !kinds[e->kind].what)
		return WHY("unknown kind %d in the journal", e->kind);
	k = &kinds[e->kind];
	if (!k->remove) /* the interface is missing: nothing could exist */
		return 0;
	why[0] = '\0';
	if (k->remove(e, why, whylen) == 0 && k->gone(e))
		return 0;
	if (!why[0])
		snprintf(why, whylen, "%s returned success but it is still there", k->call);
	if (!k->second_way)
		return -1;
	alt[0] = '\0';
	if (k->second_way(e, alt, sizeof alt) == 0) {
		if (k->gone(e))
			return 0;
		snprintf(alt, sizeof alt, "the file was removed but the name still opens");
	}
	{
		size_t l = strlen(why);

		snprintf(why + l, whylen - l, "; second way: %s", alt);
	}
	return -1;
}

int ipct_journal_cleanup(char *buf, size_t len)
{
	int i, n, leaks = 0;
	size_t used = 0;

	if (len)
		buf[0] = '\0';
	if (!ipct_page)
		return 0;
	n = ipct_page->journal_n;
	if (n > IPCT_JOURNAL_MAX)
		n = IPCT_JOURNAL_MAX;
	for (i = 0; i < n; i++) {
		struct ipct_journal_entry *e = &ipct_page->journal[i];
		char why[512];

		if (e->kind == 0)
			continue;
		if (remove_entry(e, why, sizeof why) != 0) {
			char id[16];

			snprintf(id, sizeof id, "%d", e->id);
			leaks++;
			if (used < len)
				used += (size_t)snprintf(buf + used, len - used,
					"%sleaked %s %s (%s)", used ? ", " : "",
					(size_t)e->kind < sizeof kinds / sizeof kinds[0] &&
					kinds[e->kind].what ? kinds[e->kind].what : "object",
					e->name[0] ? e->name : id, why);
		}
		e->kind = 0;
	}
	ipct_page->journal_n = 0;
	return leaks;
}
