/* SPDX-License-Identifier: MIT
 * page.c - the results page the runner shares with every process of a
 * case: its creation (checked to be shared, with a file-backed fallback)
 * and its reset before each case.  The fields are lib's; the runner only
 * reads them.
 */
#define _GNU_SOURCE
#include "ipct_int.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHARED_MAGIC 0x69706363u /* "ipcc" */

/* A child writes into the page; 1 if the parent sees it, 0 if not, -1 if
 * fork() fails, -2 if the child did not exit within 5 s (x multiplier):
 * then fork()/_exit(), which the runner trusts, do not work here. */
static int shared_across_fork(struct ipct_page *p)
{
	int64_t deadline;
	pid_t pid, r;
	int st, delay = 0;

	p->run_id = 0;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		p->run_id = SHARED_MAGIC;
		_exit(0);
	}
	deadline = ipct_now_ms() + ipct_scale_ms(5000);
	while ((r = waitpid(pid, &st, WNOHANG)) != pid) {
		if (r < 0 && errno != EINTR)
			return -1;
		if (ipct_now_ms() > deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &st, 0);
			return -2;
		}
		ipct_backoff(&delay);
	}
	return __atomic_load_n(&p->run_id, __ATOMIC_ACQUIRE) == SHARED_MAGIC;
}

static struct ipct_page *map_file_backed(const char *dir, char *why, size_t len)
{
	/* path is short: the run directory name is under 256 bytes */
	char path[300];
	struct ipct_page *p;
	int fd;

	snprintf(path, sizeof path, "%.250s/results-page", dir);
	fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(why, len, "open(%s): %s", path, ipct_errname(errno));
		return NULL;
	}
	unlink(path); /* the mapping keeps it; nothing is left behind */
	if (ftruncate(fd, (off_t)sizeof *p) != 0) {
		snprintf(why, len, "ftruncate(%s): %s", path, ipct_errname(errno));
		close(fd);
		return NULL;
	}
	p = mmap(NULL, sizeof *p, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (p == MAP_FAILED) {
		snprintf(why, len, "mmap(%s, MAP_SHARED): %s", path, ipct_errname(errno));
		return NULL;
	}
	return p;
}

int ipct_page_create(const char *dir, char *note, size_t len)
{
	struct ipct_page *p;
	int r;

	note[0] = '\0';
	p = mmap(NULL, sizeof *p, PROT_READ | PROT_WRITE,
		 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p != MAP_FAILED && (r = shared_across_fork(p)) == 1)
		goto ok;
	if (p == MAP_FAILED)
		snprintf(note, len, "mmap(MAP_SHARED|MAP_ANONYMOUS) failed (%s)",
			 ipct_errname(errno));
	else {
		if (r == -2) {
			snprintf(note, len, "a forked child did not _exit() within %g s: fork() does not work here",
				 5 * ipct_timeout_mul());
			munmap(p, sizeof *p);
			return -1;
		}
		snprintf(note, len, "a MAP_SHARED|MAP_ANONYMOUS mapping is %s across fork()",
			 r < 0 ? "untestable (fork/waitpid failed)" : "not shared");
		munmap(p, sizeof *p);
	}
	{
		char why[512];
		size_t l = strlen(note);

		p = map_file_backed(dir, why, sizeof why);
		if (!p) {
			snprintf(note + l, len - l, "; file-backed fallback: %s", why);
			return -1;
		}
		if (shared_across_fork(p) != 1) {
			snprintf(note + l, len - l,
				 "; a file-backed MAP_SHARED mapping is not shared either");
			munmap(p, sizeof *p);
			return -1;
		}
		snprintf(note + l, len - l, "; the results page and journal are file-backed");
	}
ok:
	memset(p, 0, sizeof *p);
	ipct_page = p;
	return 0;
}

void ipct_page_reset(const char *tmpdir)
{
	struct ipct_page *p = ipct_page;
	int n = p->journal_n;

	if (n > IPCT_JOURNAL_MAX)
		n = IPCT_JOURNAL_MAX;
	memset(p->journal, 0, (size_t)n * sizeof p->journal[0]);
	p->journal_n = 0;
	p->checks = p->failed = p->broken = p->skipped = p->finished = 0;
	p->text_lock = 0;
	p->failure[0] = p->skip_reason[0] = p->progress[0] = '\0';
	snprintf(p->tmpdir, sizeof p->tmpdir, "%s", tmpdir);
}
