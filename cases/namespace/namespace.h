/* SPDX-License-Identifier: MIT
 * cases/namespace/namespace.h - helpers shared by the namespace cases.
 *
 * A case never changes the namespaces of its own process (the case
 * leader): the runner removes journaled objects from the host namespace,
 * and an id valid in a child namespace could name another object there.
 * So a case forks a child that unshares (namespace_fork_unshared), and
 * objects that child creates in its new namespace are not journaled:
 * they die with the namespace when its last process exits.
 *
 * A platform may refuse namespaces: EPERM without CAP_SYS_ADMIN or in a
 * sandbox, EINVAL from a kernel built without the namespace, ENOSYS.  The
 * case is then skipped, naming the refusal; it never fails for that.
 */
#ifndef CASES_NAMESPACE_NAMESPACE_H
#define CASES_NAMESPACE_NAMESPACE_H

#include "ipct.h"

#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#if !HAVE_DECL_CLONE_NEWIPC
#define CLONE_NEWIPC 0x08000000
#endif
#if !HAVE_DECL_CLONE_NEWNET
#define CLONE_NEWNET 0x40000000
#endif
#ifndef HAVE_UNSHARE
#define unshare(f) ((void)(f), errno = ENOSYS, -1)
#endif
#ifndef HAVE_SETNS
#define setns(fd, t) ((void)(fd), (void)(t), errno = ENOSYS, -1)
#endif

/* Checkpoint the unshared child posts first, whatever the outcome. */
#define NAMESPACE_CP_UNSHARED 100

static inline const char *namespace_flag_name(int flag)
{
	return flag == CLONE_NEWIPC ? "CLONE_NEWIPC" :
	       flag == CLONE_NEWNET ? "CLONE_NEWNET" : "CLONE_NEW?";
}

/* The /proc/self/ns link of the namespace type flag ("ipc:[4026531839]")
 * into buf; "" where /proc cannot tell. */
static inline void namespace_link(int flag, char *buf, size_t len)
{
	ssize_t n = readlink(flag == CLONE_NEWIPC ? "/proc/self/ns/ipc" :
			     "/proc/self/ns/net", buf, len - 1);

	buf[n > 0 ? n : 0] = '\0';
}

/* Skip the case, naming why the platform refused unshare(flag). */
static inline void namespace_skip_refused(int flag, int err)
{
	const char *why = err == EPERM ? "no CAP_SYS_ADMIN, or a sandbox refuses namespaces" :
			  err == EINVAL ? "kernel built without this namespace type" :
			  err == ENOSYS ? "no unshare() system call" :
			  "namespaces refused";

	ipct_skip("unshare(%s): %s (%s)", namespace_flag_name(flag),
		  ipct_errname(err), why);
}

/* Fork a child (ipct_fork) that calls unshare(flag).  Returns 0 in the
 * child, which is then alone in a new namespace of that type; returns the
 * child's pid in the parent once the unshare succeeded.  If the platform
 * refused it, the child exits and the parent skips the case.  The child
 * checks that /proc/self/ns changed, so a silently ignored unshare cannot
 * let a case touch the host's namespace.  s is initialised here; the case
 * goes on with its own checkpoints (1, 2, ...). */
static inline pid_t namespace_fork_unshared(int flag, struct ipct_sync *s)
{
	int *err = ipct_shared_alloc(sizeof *err);
	pid_t pid;

	ipct_sync_init(s);
	pid = ipct_fork();
	if (pid == 0) {
		char before[64], after[64];

		namespace_link(flag, before, sizeof before);
		if (unshare(flag) != 0) {
			*err = errno ? errno : EINVAL;
			ipct_post(s, NAMESPACE_CP_UNSHARED);
			ipct_child_exit();
		}
		namespace_link(flag, after, sizeof after);
		if (before[0] && strcmp(before, after) == 0)
			IPCT_BROKEN("unshare(%s) returned 0 but /proc/self/ns still shows %s",
				    namespace_flag_name(flag), before);
		ipct_post(s, NAMESPACE_CP_UNSHARED);
		return 0;
	}
	ipct_sync_wait(s, NAMESPACE_CP_UNSHARED);
	if (*err) {
		ipct_wait_ok(pid);
		namespace_skip_refused(flag, *err);
	}
	return pid;
}

/* Write value to the sysctl file path of the calling process's namespace;
 * skips where /proc/sys is read-only or refused (a sandbox). */
static inline void namespace_xwrite_sysctl(const char *path, long value)
{
	FILE *f = fopen(path, "w");

	if (!f && (errno == EROFS || errno == EACCES || errno == EPERM))
		ipct_skip("%s: %s (cannot set a per-namespace limit here)", path,
			  ipct_errname(errno));
	if (!f)
		IPCT_BROKEN("fopen(%s): %s", path, ipct_errname(errno));
	if (fprintf(f, "%ld\n", value) < 0 || fclose(f) != 0)
		IPCT_BROKEN("write %ld to %s: %s", value, path, ipct_errname(errno));
}

#endif /* CASES_NAMESPACE_NAMESPACE_H */
