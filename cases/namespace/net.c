/* SPDX-License-Identifier: MIT
 * cases/namespace/net.c - network namespaces and AF_UNIX: abstract
 * socket names belong to a network namespace; path names are files and
 * are reached through the file system whatever the network namespace.
 * Every case unshares in a forked child (namespace.h).
 * Sources: Linux unix(7) (Abstract sockets), network_namespaces(7),
 * namespaces(7), unshare(2) CLONE_NEWNET, proc(5) (/proc/net/unix).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "namespace.h"

#include <stddef.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/un.h>

#define NS_NET .needs = IPCT_LINUX_ONLY, .requires = { IPCT_HAVE(HAVE_UNSHARE) }

/* An abstract address: a leading null byte, then a name unique to this
 * case process.  Returns the address length. */
static socklen_t abstract_addr(struct sockaddr_un *a)
{
	static int n;
	int len;

	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	len = snprintf(a->sun_path + 1, sizeof a->sun_path - 1,
		       "ipcconf.ns.%ld.%d", (long)getpid(), ++n);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + (size_t)len);
}

static socklen_t path_addr(struct sockaddr_un *a, const char *leaf)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	snprintf(a->sun_path, sizeof a->sun_path, "%s", ipct_path(leaf));
	return (socklen_t)sizeof *a;
}

static int xsocket(int type)
{
	int fd = socket(AF_UNIX, type, 0);

	if (fd < 0)
		IPCT_BROKEN("socket(AF_UNIX): %s", ipct_errname(errno));
	return fd;
}

/* A listening stream socket bound to a (in the calling namespace). */
static int xlisten(const struct sockaddr_un *a, socklen_t len)
{
	int fd = xsocket(SOCK_STREAM);

	if (bind(fd, (const struct sockaddr *)a, len) != 0 || listen(fd, 4) != 0)
		IPCT_BROKEN("bind/listen(AF_UNIX): %s", ipct_errname(errno));
	return fd;
}

static int try_connect(const struct sockaddr_un *a, socklen_t len)
{
	int fd = xsocket(SOCK_STREAM);

	return connect(fd, (const struct sockaddr *)a, len) == 0 ? fd : -1;
}

static void net_abstract_host_invisible(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a);
	struct ipct_sync s;
	pid_t pid;

	(void)xlisten(&a, len);
	CHECK_OK(try_connect(&a, len)); /* the control: same namespace */
	pid = namespace_fork_unshared(CLONE_NEWNET, &s);
	if (pid == 0) {
		CHECK_FAILS(try_connect(&a, len), ECONNREFUSED);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(net_abstract_host_invisible,
	.id = "namespace.net_abstract_host_invisible",
	.asserts = "an abstract AF_UNIX name bound in the parent's network namespace cannot be connected to from a new network namespace (ECONNREFUSED), while it can from the parent's",
	.spec = "Linux unix(7) (Abstract sockets), network_namespaces(7) (network namespaces isolate UNIX domain abstract socket namespace)",
	NS_NET);

static void net_abstract_child_invisible(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a);
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWNET, &s);

	if (pid == 0) {
		int l = xlisten(&a, len);

		CHECK_OK(try_connect(&a, len));
		ipct_post(&s, 1);
		ipct_sync_wait(&s, 2);
		close(l);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	CHECK_FAILS(try_connect(&a, len), ECONNREFUSED);
	ipct_post(&s, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(net_abstract_child_invisible,
	.id = "namespace.net_abstract_child_invisible",
	.asserts = "an abstract AF_UNIX name bound in a child's new network namespace cannot be connected to from the parent's namespace (ECONNREFUSED)",
	.spec = "Linux unix(7) (Abstract sockets); network_namespaces(7)",
	NS_NET);

static void net_abstract_name_repeats(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a);
	struct ipct_sync s;
	pid_t pid;

	(void)xlisten(&a, len);
	pid = namespace_fork_unshared(CLONE_NEWNET, &s);
	if (pid == 0) {
		int fd = xsocket(SOCK_STREAM);

		CHECK_OK(bind(fd, (struct sockaddr *)&a, len));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(net_abstract_name_repeats,
	.id = "namespace.net_abstract_name_repeats",
	.asserts = "a new network namespace can bind an abstract AF_UNIX name that is bound in the parent's namespace",
	.spec = "Linux unix(7) (Abstract sockets); network_namespaces(7)",
	NS_NET);

static void net_abstract_same_ns_eaddrinuse(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a);
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWNET, &s);

	if (pid == 0) {
		int fd = xsocket(SOCK_STREAM);

		(void)xlisten(&a, len);
		CHECK_FAILS(bind(fd, (struct sockaddr *)&a, len), EADDRINUSE);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(net_abstract_same_ns_eaddrinuse,
	.id = "namespace.net_abstract_same_ns_eaddrinuse",
	.asserts = "inside one new network namespace an abstract name can be bound only once: a second bind() fails with EADDRINUSE",
	.spec = "Linux unix(7), ERRORS [EADDRINUSE] (the specified local address is already in use); Abstract sockets",
	NS_NET);

static void net_path_reachable(void)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, "srv");
	int l = xlisten(&a, len), c;
	struct ipct_sync s;
	char buf[2] = "";
	pid_t pid = namespace_fork_unshared(CLONE_NEWNET, &s);

	if (pid == 0) {
		int fd = try_connect(&a, len);

		CHECK_OK(fd);
		CHECK_RET(write(fd, "ns", 2), 2);
		ipct_child_exit();
	}
	c = accept(l, NULL, NULL);
	CHECK_OK(c);
	CHECK_RET(read(c, buf, 2), 2);
	CHECK_MEM("ns", buf, 2);
	ipct_wait_ok(pid);
}
IPCT_CASE(net_path_reachable,
	.id = "namespace.net_path_reachable",
	.asserts = "a path-name AF_UNIX socket bound in the parent's network namespace accepts a connection from a process in a new network namespace",
	.spec = "Linux unix(7) (Pathname sockets are bound to a file system pathname); network_namespaces(7) (only abstract names are isolated)",
	NS_NET);

static void net_path_from_child_ns(void)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, "child-srv");
	struct ipct_sync s;
	pid_t pid = namespace_fork_unshared(CLONE_NEWNET, &s);

	if (pid == 0) {
		int l = xlisten(&a, len), c;
		char buf[4] = "";

		ipct_post(&s, 1);
		c = accept(l, NULL, NULL);
		CHECK_OK(c);
		CHECK_RET(read(c, buf, 4), 4);
		CHECK_MEM("host", buf, 4);
		ipct_child_exit();
	}
	ipct_sync_wait(&s, 1);
	{
		int fd = try_connect(&a, len);

		CHECK_OK(fd);
		CHECK_RET(write(fd, "host", 4), 4);
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(net_path_from_child_ns,
	.id = "namespace.net_path_from_child_ns",
	.asserts = "a path-name AF_UNIX socket bound by a process in a new network namespace accepts a connection from the parent's namespace",
	.spec = "Linux unix(7) (Pathname sockets); network_namespaces(7)",
	NS_NET);

static void net_dgram_path_across(void)
{
	struct sockaddr_un a;
	socklen_t len = path_addr(&a, "dgram");
	int fd = xsocket(SOCK_DGRAM);
	struct ipct_sync s;
	char buf[8] = "";
	pid_t pid;

	if (bind(fd, (struct sockaddr *)&a, len) != 0)
		IPCT_BROKEN("bind(%s): %s", a.sun_path, ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWNET, &s);
	if (pid == 0) {
		int c = xsocket(SOCK_DGRAM);

		CHECK_RET(sendto(c, "dgram", 5, 0, (struct sockaddr *)&a, len), 5);
		ipct_child_exit();
	}
	CHECK_RET(recv(fd, buf, sizeof buf, 0), 5);
	CHECK_MEM("dgram", buf, 5);
	ipct_wait_ok(pid);
}
IPCT_CASE(net_dgram_path_across,
	.id = "namespace.net_dgram_path_across",
	.asserts = "a datagram sent with sendto() to a path-name AF_UNIX socket from a new network namespace reaches the socket bound in the parent's namespace",
	.spec = "Linux unix(7) (Pathname sockets; SOCK_DGRAM); network_namespaces(7)",
	NS_NET);

static void net_socketpair_survives(void)
{
	int sv[2];
	struct ipct_sync s;
	char buf[3] = "";
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		IPCT_BROKEN("socketpair: %s", ipct_errname(errno));
	pid = namespace_fork_unshared(CLONE_NEWNET, &s);
	if (pid == 0) {
		CHECK_RET(write(sv[1], "old", 3), 3);
		ipct_child_exit();
	}
	CHECK_RET(read(sv[0], buf, 3), 3);
	CHECK_MEM("old", buf, 3);
	ipct_wait_ok(pid);
}
IPCT_CASE(net_socketpair_survives,
	.id = "namespace.net_socketpair_survives",
	.asserts = "a connected AF_UNIX socket pair made before unshare(CLONE_NEWNET) keeps carrying data between the new namespace and the old one",
	.spec = "Linux unshare(2) CLONE_NEWNET (the caller is moved into a new network namespace); unix(7); network_namespaces(7)",
	NS_NET);

/* Does /proc/net/unix of the calling process's namespace list @name? */
static int proc_net_unix_has(const char *name)
{
	char line[512];
	int found = 0;
	FILE *f = fopen("/proc/net/unix", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof line, f)) {
		char *at = strchr(line, '@');

		if (at && strncmp(at + 1, name, strlen(name)) == 0 &&
		    (at[1 + strlen(name)] == '\n' || at[1 + strlen(name)] == '\0'))
			found = 1;
	}
	fclose(f);
	return found;
}

static void net_proc_net_unix(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a);
	struct ipct_sync s;
	pid_t pid;

	(void)xlisten(&a, len);
	switch (proc_net_unix_has(a.sun_path + 1)) {
	case -1:
		ipct_skip("/proc/net/unix: %s", ipct_errname(errno));
	case 0:
		IPCT_BROKEN("/proc/net/unix of the parent does not list @%s", a.sun_path + 1);
	}
	pid = namespace_fork_unshared(CLONE_NEWNET, &s);
	if (pid == 0) {
		CHECK_EQ(0, proc_net_unix_has(a.sun_path + 1));
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(net_proc_net_unix,
	.id = "namespace.net_proc_net_unix",
	.asserts = "/proc/net/unix read in a new network namespace does not list an abstract socket bound in the parent's namespace, which the parent's /proc/net/unix lists",
	.spec = "Linux network_namespaces(7) (/proc/net is per network namespace); proc(5) /proc/net/unix",
	NS_NET);

IPCT_CASES(&ipct_case_net_abstract_host_invisible,
	   &ipct_case_net_abstract_child_invisible,
	   &ipct_case_net_abstract_name_repeats,
	   &ipct_case_net_abstract_same_ns_eaddrinuse, &ipct_case_net_path_reachable,
	   &ipct_case_net_path_from_child_ns, &ipct_case_net_dgram_path_across,
	   &ipct_case_net_socketpair_survives, &ipct_case_net_proc_net_unix);
