/* SPDX-License-Identifier: MIT
 * journal.c - unique names, the private directory, the cleanup journal,
 * setup wrappers and transcript comparison.
 *
 * The journal lives in the page the harness shares with the case, so it
 * survives the case however the case ends; the harness removes every entry
 * after the case (ipct_journal_cleanup) and checks that it is gone.  Names
 * are journaled before they are returned, so a crash between creation and
 * registration leaks nothing; SysV ids right after creation.  Nothing is
 * ever removed that the journal did not record.
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

static struct ipct_journal_entry *journal_add(enum ipct_kind kind, int id,
					      const char *name)
{
	struct ipct_journal_entry *e;
	int slot;

	if (!ipct_page)
		return NULL;
	slot = __atomic_fetch_add(&ipct_page->journal_n, 1, __ATOMIC_ACQ_REL);
	if (slot >= IPCT_JOURNAL_MAX)
		IPCT_BROKEN("cleanup journal full (%d objects)", IPCT_JOURNAL_MAX);
	e = &ipct_page->journal[slot];
	e->id = id;
	snprintf(e->name, sizeof e->name, "%s", name ? name : "");
	__atomic_store_n(&e->kind, (int)kind, __ATOMIC_RELEASE);
	return e;
}

void ipct_track_id(enum ipct_kind kind, int id)
{
	if (id >= 0)
		journal_add(kind, id, NULL);
}

void ipct_track_name(enum ipct_kind kind, const char *name)
{
	journal_add(kind, -1, name);
}

const char *ipct_posix_name(enum ipct_kind kind)
{
	static unsigned seq;
	static char fallback[IPCT_NAME_MAX];
	char name[IPCT_NAME_MAX];
	struct ipct_journal_entry *e;

	snprintf(name, sizeof name, "/ipcconf.%u.%ld.%u",
		 ipct_page ? ipct_page->run_id : 0u, (long)getpid(), ++seq);
	e = journal_add(kind, -1, name);
	if (!e) {
		snprintf(fallback, sizeof fallback, "%s", name);
		return fallback;
	}
	return e->name;
}

const char *ipct_long_posix_name(enum ipct_kind kind, size_t len)
{
	static char buf[4096];
	char base[IPCT_NAME_MAX];
	size_t n;

	snprintf(base, sizeof base, "%s", ipct_posix_name(kind));
	n = strlen(base);
	if (len + 2 > sizeof buf || n > len + 1)
		IPCT_BROKEN("a name of %zu bytes does not fit (base %s)", len, base);
	/* The journal removes the long name, not only its base. */
	memcpy(buf, base, n);
	memset(buf + n, 'x', len + 1 - n);
	buf[len + 1] = '\0';
	if (len + 2 <= IPCT_NAME_MAX)
		ipct_track_name(kind, buf);
	return buf;
}

long ipct_read_number(const char *path)
{
	FILE *f = fopen(path, "r");
	long v = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%ld", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

const char *ipct_tmpdir(void)
{
	return ipct_page ? ipct_page->tmpdir : "/tmp";
}

const char *ipct_path(const char *leaf)
{
	static char bufs[8][512];
	static unsigned next;
	char *b = bufs[next++ % 8];

	snprintf(b, 512, "%s/%s", ipct_tmpdir(), leaf);
	return b;
}

void ipct_tmpdir_traversable(void)
{
	if (chmod(ipct_tmpdir(), 0711) != 0)
		IPCT_BROKEN("chmod(%s, 0711): %s", ipct_tmpdir(),
			    ipct_errname(errno));
}

static int key_in_use(key_t key)
{
	return msgget(key, 0) >= 0 || errno != ENOENT ||
	       semget(key, 0, 0) >= 0 || errno != ENOENT ||
	       shmget(key, 0, 0) >= 0 || errno != ENOENT;
}

key_t ipct_unused_key(void)
{
	static unsigned state;
	int tries;

	if (!state)
		state = (unsigned)getpid() * 2654435761u ^
			(unsigned)ipct_now_ms() ^ (ipct_page ? ipct_page->run_id : 0u);
	for (tries = 0; tries < 1000; tries++) {
		key_t key;

		state = state * 1103515245u + 12345u;
		key = (key_t)((state >> 1) & 0x7fffffff);
		if (key == IPC_PRIVATE || key == (key_t)-1)
			continue;
		if (!key_in_use(key))
			return key;
	}
	IPCT_BROKEN("no unused SysV key found in 1000 tries");
}

/* ------------------------------------------------------------------ */
/* Cleanup, run by the harness after every case.                       */

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
	return remove_tree(path);
}

static int gone(int err)
{
	return err == EINVAL || err == EIDRM || err == ENOENT;
}

static const char *kind_name(int kind)
{
	switch (kind) {
	case IPCT_SYSV_MSG: return "sysv_msg id";
	case IPCT_SYSV_SEM: return "sysv_sem id";
	case IPCT_SYSV_SHM: return "sysv_shm id";
	case IPCT_POSIX_MQ: return "posix_mq name";
	case IPCT_POSIX_SEM: return "posix_sem name";
	case IPCT_POSIX_SHM: return "posix_shm name";
	case IPCT_PATH: return "path";
	}
	return "object";
}

/* A POSIX name is gone, or could never have been created: the name is
 * too long or invalid for this system, or the interface is missing. */
static inline int name_gone(int err)
{
	return err == ENOENT || err == ENAMETOOLONG || err == EINVAL ||
	       err == ENOSYS;
}

/* Remove one entry; returns 0 if it is gone afterwards. */
static int remove_entry(const struct ipct_journal_entry *e)
{
	struct msqid_ds mq;
	struct semid_ds sd;
	struct shmid_ds sh;
	int r;

	switch (e->kind) {
	case IPCT_SYSV_MSG:
		r = msgctl(e->id, IPC_RMID, NULL);
		if (r != 0 && !gone(errno))
			return -1;
		return msgctl(e->id, IPC_STAT, &mq) == 0 ? -1 : 0;
	case IPCT_SYSV_SEM:
		r = semctl(e->id, 0, IPC_RMID);
		if (r != 0 && !gone(errno))
			return -1;
		return semctl(e->id, 0, IPC_STAT, &sd) == 0 ? -1 : 0;
	case IPCT_SYSV_SHM:
		r = shmctl(e->id, IPC_RMID, NULL);
		if (r != 0 && !gone(errno))
			return -1;
		/* The segment may live on until its last detach: with every
		 * process of the case gone, that has happened. */
		if (shmctl(e->id, IPC_STAT, &sh) != 0)
			return 0;
#ifdef SHM_DEST
		return (sh.shm_perm.mode & SHM_DEST) ? 0 : -1;
#else
		return -1;
#endif
#ifdef HAVE_MQ_UNLINK
	case IPCT_POSIX_MQ:
		if (mq_unlink(e->name) != 0 && !name_gone(errno))
			return -1;
		return 0;
#endif
#ifdef HAVE_SEM_UNLINK
	case IPCT_POSIX_SEM:
		if (sem_unlink(e->name) != 0 && !name_gone(errno))
			return -1;
		return 0;
#endif
#ifdef HAVE_SHM_UNLINK
	case IPCT_POSIX_SHM:
		if (shm_unlink(e->name) != 0 && !name_gone(errno))
			return -1;
		return 0;
#endif
	case IPCT_PATH:
		return remove_tree(e->name);
	}
	return 0;
}

int ipct_journal_cleanup(char *buf, size_t len)
{
	int i, n, leaks = 0;
	size_t used = 0;

	if (!ipct_page)
		return 0;
	n = ipct_page->journal_n;
	if (n > IPCT_JOURNAL_MAX)
		n = IPCT_JOURNAL_MAX;
	if (len)
		buf[0] = '\0';
	for (i = 0; i < n; i++) {
		struct ipct_journal_entry *e = &ipct_page->journal[i];

		if (e->kind == 0)
			continue;
		if (remove_entry(e) != 0) {
			leaks++;
			if (used < len)
				used += (size_t)snprintf(buf + used, len - used,
					"%sleaked %s %s", used ? ", " : "",
					kind_name(e->kind),
					e->name[0] ? e->name : "");
			if (!e->name[0] && used < len)
				used += (size_t)snprintf(buf + used, len - used,
							 "%d", e->id);
		}
		e->kind = 0;
	}
	ipct_page->journal_n = 0;
	return leaks;
}

/* ------------------------------------------------------------------ */
/* Setup wrappers                                                      */

void ipct_xpipe_at(int fd[2], const char *file_, int line_)
{
	if (pipe(fd) != 0)
		ipct_broken(file_, line_, "pipe(): %s", ipct_errname(errno));
}

void ipct_xclose_at(int fd, const char *file_, int line_)
{
	if (close(fd) != 0)
		ipct_broken(file_, line_, "close(%d): %s", fd, ipct_errname(errno));
}

int ipct_xdup_at(int fd, const char *file_, int line_)
{
	int r = dup(fd);

	if (r < 0)
		ipct_broken(file_, line_, "dup(%d): %s", fd, ipct_errname(errno));
	return r;
}

void ipct_xwrite_all_at(int fd, const void *buf, size_t len, const char *file_, int line_)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			ipct_broken(file_, line_, "write(%d, %zu bytes): %s", fd, len,
				    n < 0 ? ipct_errname(errno) : "returned 0");
		p += n;
		len -= (size_t)n;
	}
}

void ipct_xread_all_at(int fd, void *buf, size_t len, const char *file_, int line_)
{
	char *p = buf;

	while (len > 0) {
		ssize_t n = read(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			ipct_broken(file_, line_, "read(%d): %s", fd, ipct_errname(errno));
		if (n == 0)
			ipct_broken(file_, line_, "read(%d): end of file with %zu bytes missing",
				    fd, len);
		p += n;
		len -= (size_t)n;
	}
}

void ipct_xsigaction_at(int sig, void (*handler)(int), int flags, const char *file_, int line_)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, NULL) != 0)
		ipct_broken(file_, line_, "sigaction(%s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

void ipct_xsigblock_at(int sig, const char *file_, int line_)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, sig);
	if (sigprocmask(SIG_BLOCK, &set, NULL) != 0)
		ipct_broken(file_, line_, "sigprocmask(SIG_BLOCK, %s): %s", ipct_signame(sig),
			    ipct_errname(errno));
}

void ipct_xsetnonblock_at(int fd, const char *file_, int line_)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0)
		ipct_broken(file_, line_, "fcntl(%d, F_SETFL, O_NONBLOCK): %s", fd,
			    ipct_errname(errno));
}

void ipct_xmkfifo_at(const char *path, mode_t mode, const char *file_, int line_)
{
	if (mkfifo(path, mode) != 0)
		ipct_broken(file_, line_, "mkfifo(%s): %s", path, ipct_errname(errno));
}

int ipct_xmsgget_at(key_t key, int flags, const char *file_, int line_)
{
	int id = msgget(key, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "msgget(): %s", ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_MSG, id);
	return id;
}

int ipct_xsemget_at(key_t key, int nsems, int flags, const char *file_, int line_)
{
	int id = semget(key, nsems, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "semget(nsems %d): %s", nsems, ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_SEM, id);
	return id;
}

int ipct_xshmget_at(key_t key, size_t size, int flags, const char *file_, int line_)
{
	int id = shmget(key, size, flags | (flags & 0777 ? 0 : 0600));

	if (id < 0)
		ipct_broken(file_, line_, "shmget(size %zu): %s", size, ipct_errname(errno));
	ipct_track_id(IPCT_SYSV_SHM, id);
	return id;
}

/* ------------------------------------------------------------------ */
/* Transcripts                                                         */

/* Where baselines and transcripts are: IPCCONF_EXPECTED_DIR, else the
 * installed copy, else (a binary run straight from its build tree) the
 * source tree configure was run from. */
const char *ipct_expected_dir(void)
{
	const char *d = getenv("IPCCONF_EXPECTED_DIR");

	if (d && *d)
		return d;
	if (access(IPCCONF_PKGDATADIR "/expected", F_OK) == 0)
		return IPCCONF_PKGDATADIR "/expected";
	return IPCCONF_ABS_SRCDIR "/expected";
}

void ipct_check_transcript_at(const char *name, const char *text,
			      const char *file, int line)
{
	char path[1024], *want;
	const char *a, *b;
	int fd, lineno = 1;
	struct stat st;
	ssize_t n;

	snprintf(path, sizeof path, "%s/%s", ipct_expected_dir(), name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) != 0)
		ipct_broken(file, line, "cannot read transcript %s: %s", path,
			    ipct_errname(errno));
	want = malloc((size_t)st.st_size + 1);
	if (!want)
		ipct_broken(file, line, "out of memory");
	n = read(fd, want, (size_t)st.st_size);
	close(fd);
	if (n != st.st_size)
		ipct_broken(file, line, "short read of %s", path);
	want[n] = '\0';
	/* A transcript is text: no NUL or CR, and it ends with a newline. */
	if (memchr(want, '\0', (size_t)n) || strchr(want, '\r') ||
	    (n > 0 && want[n - 1] != '\n')) {
		free(want);
		ipct_broken(file, line,
			    "malformed transcript %s: it must be text without NUL or CR bytes, ending with a newline",
			    path);
	}
	if (ipct_page)
		__atomic_fetch_add(&ipct_page->checks, 1, __ATOMIC_RELAXED);
	for (a = want, b = text; *a || *b; lineno++) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		char msg[IPCT_TEXT_MAX];

		if (la != lb || memcmp(a, b, la) != 0 || !*a != !*b) {
			snprintf(msg, sizeof msg,
				 "%s:%d: transcript %s differs at line %d\n"
				 "  expected: %.*s\n  actual:   %.*s\n",
				 ipct_short_path(file), line, path, lineno,
				 *a ? (int)(la > 300 ? 300 : la) : 13,
				 *a ? a : "(end of file)",
				 *b ? (int)(lb > 300 ? 300 : lb) : 15,
				 *b ? b : "(end of output)");
			free(want);
			ipct_fail_text(0, msg);
			_exit(IPCT_EXIT_FAIL);
		}
		a += la + (a[la] == '\n');
		b += lb + (b[lb] == '\n');
	}
	free(want);
}
