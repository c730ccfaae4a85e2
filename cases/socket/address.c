/* SPDX-License-Identifier: MIT
 * cases/socket/address.c - AF_UNIX addresses in detail: abstract names
 * and their length, path names and the bytes after the NUL, the lengths
 * getsockname(), getpeername() and accept() report, autobind, address
 * validation, and what the socket file is (open() fails ENXIO, also
 * through /proc/self/fd; mode from the umask; reached through symlinks).
 * Sources: POSIX.1-2024 bind(), connect(), getsockname(), getpeername(),
 * accept(), <sys/un.h>; Linux unix(7) (Address format, abstract sockets,
 * autobind), open(2), proc(5).
 */
#define _GNU_SOURCE
#include "ipct.h"
#include "socket.h"

#include <fcntl.h>
#include <stdio.h>
#include <stddef.h>
#include <sys/stat.h>

#define SUN_OFF ((socklen_t)offsetof(struct sockaddr_un, sun_path))

/* An abstract address: a NUL then the n bytes of name. */
static socklen_t abstract_addr(struct sockaddr_un *a, const char *name, size_t n)
{
	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	memcpy(a->sun_path + 1, name, n);
	return SUN_OFF + 1 + (socklen_t)n;
}

/* A unique abstract name for this process. */
static const char *uniq(const char *tag)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "ipcconf.%ld.%s", (long)getpid(), tag);
	return buf;
}

static int bind_abstract(int type, const char *name, size_t n)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a, name, n);
	int fd = socket_xsocket(AF_UNIX, type);

	if (bind(fd, (struct sockaddr *)&a, len) != 0)
		IPCT_BROKEN("bind(abstract): %s", ipct_errname(errno));
	return fd;
}

static void addr_abstract_len_distinguishes(void)
{
	const char *n = uniq("len");
	struct sockaddr_un a;
	socklen_t len;
	int l = bind_abstract(SOCK_STREAM, n, strlen(n));
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_OK(listen(l, 4));
	/* The same bytes and one NUL more: another name, nobody there. */
	len = abstract_addr(&a, n, strlen(n) + 1);
	CHECK_FAILS(connect(c, (struct sockaddr *)&a, len), ECONNREFUSED);
	len = abstract_addr(&a, n, strlen(n));
	CHECK_OK(connect(c, (struct sockaddr *)&a, len));
}
IPCT_CASE(addr_abstract_len_distinguishes,
	.id = "socket.addr_abstract_len_distinguishes",
	.asserts = "an abstract AF_UNIX name is every byte within addrlen: the same bytes with a trailing NUL name a different socket",
	.spec = "Linux unix(7), Address format (abstract: the remaining bytes in sun_path, as given by addrlen, are the name; null bytes have no special meaning)",
	.needs = IPCT_LINUX_ONLY);

static void addr_abstract_embedded_nul(void)
{
	const char name[] = { 'a', 0, 'b' };
	struct sockaddr_un a;
	socklen_t len;
	int d = bind_abstract(SOCK_DGRAM, name, 3);
	int s = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	char b[4];

	len = abstract_addr(&a, name, 3);
	CHECK_RET(sendto(s, "n", 1, 0, (struct sockaddr *)&a, len), 1);
	CHECK_RET(recv(d, b, sizeof b, MSG_DONTWAIT), 1);
	/* Up to the embedded NUL only: another name. */
	len = abstract_addr(&a, name, 1);
	CHECK_FAILS(sendto(s, "n", 1, 0, (struct sockaddr *)&a, len), ECONNREFUSED);
}
IPCT_CASE(addr_abstract_embedded_nul,
	.id = "socket.addr_abstract_embedded_nul",
	.asserts = "an abstract AF_UNIX name may hold NUL bytes: the bytes after one belong to the name",
	.spec = "Linux unix(7), Address format (abstract: null bytes in the name have no special significance)",
	.needs = IPCT_LINUX_ONLY);

static void addr_abstract_getsockname_len(void)
{
	const char *n = uniq("gsn");
	struct sockaddr_un a, want;
	socklen_t len = sizeof a, wlen = abstract_addr(&want, n, strlen(n));
	int d = bind_abstract(SOCK_DGRAM, n, strlen(n));

	memset(&a, 0x55, sizeof a);
	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	CHECK_EQ(wlen, len);
	CHECK_MEM(&want, &a, wlen);
}
IPCT_CASE(addr_abstract_getsockname_len,
	.id = "socket.addr_abstract_getsockname_len",
	.asserts = "getsockname() on a socket bound to an abstract name returns exactly the address bound and its length",
	.spec = "Linux unix(7), Address format (abstract); POSIX.1-2024 getsockname()",
	.needs = IPCT_LINUX_ONLY);

static void addr_abstract_getpeername(void)
{
	const char *n = uniq("peer");
	struct sockaddr_un a, want;
	socklen_t len = sizeof a, wlen = abstract_addr(&want, n, strlen(n));
	int l = bind_abstract(SOCK_STREAM, n, strlen(n));
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_OK(listen(l, 4));
	CHECK_OK(connect(c, (struct sockaddr *)&want, wlen));
	memset(&a, 0x55, sizeof a);
	CHECK_OK(getpeername(c, (struct sockaddr *)&a, &len));
	CHECK_EQ(wlen, len);
	CHECK_MEM(&want, &a, wlen);
}
IPCT_CASE(addr_abstract_getpeername,
	.id = "socket.addr_abstract_getpeername",
	.asserts = "getpeername() on a client connected to an abstract name returns that name with its exact length",
	.spec = "Linux unix(7), Address format (abstract); POSIX.1-2024 getpeername()",
	.needs = IPCT_LINUX_ONLY);

static void addr_abstract_eaddrinuse(void)
{
	const char *n = uniq("dup");
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a, n, strlen(n));
	int d = bind_abstract(SOCK_DGRAM, n, strlen(n));
	int e = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	(void)d;
	CHECK_FAILS(bind(e, (struct sockaddr *)&a, len), EADDRINUSE);
}
IPCT_CASE(addr_abstract_eaddrinuse,
	.id = "socket.addr_abstract_eaddrinuse",
	.asserts = "bind() to an abstract name another socket holds fails with EADDRINUSE",
	.spec = "Linux unix(7) ERRORS [EADDRINUSE]",
	.needs = IPCT_LINUX_ONLY);

static void addr_abstract_connect_econnrefused(void)
{
	const char *n = uniq("none");
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a, n, strlen(n));
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(connect(c, (struct sockaddr *)&a, len), ECONNREFUSED);
}
IPCT_CASE(addr_abstract_connect_econnrefused,
	.id = "socket.addr_abstract_connect_econnrefused",
	.asserts = "connect() to an abstract name no socket holds fails with ECONNREFUSED (there is no file to miss)",
	.spec = "Linux unix(7) ERRORS [ECONNREFUSED]",
	.needs = IPCT_LINUX_ONLY);

static void addr_path_ignores_after_nul(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM), s = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	memcpy(a.sun_path, "p\0garbage", 9);
	/* The whole structure as addrlen: what follows the NUL is ignored. */
	CHECK_OK(bind(d, (struct sockaddr *)&a, sizeof a));
	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	CHECK_STR("p", a.sun_path);
	CHECK_RET(sendto(s, "x", 1, 0, (struct sockaddr *)&a, len), 1);
}
IPCT_CASE(addr_path_ignores_after_nul,
	.id = "socket.addr_path_ignores_after_nul",
	.asserts = "a path AF_UNIX address ends at its NUL: bytes after it within addrlen are ignored, and the socket is reachable by the path alone",
	.spec = "Linux unix(7), Address format (pathname: a null-terminated filesystem pathname)",
	.needs = IPCT_LINUX_ONLY);

static void addr_getsockname_path_len(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int d = socket_xbound(SOCK_DGRAM, "name");

	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	CHECK_EQ(SUN_OFF + strlen("name") + 1, len);
	CHECK_EQ(AF_UNIX, a.sun_family);
}
IPCT_CASE(addr_getsockname_path_len,
	.id = "socket.addr_getsockname_path_len",
	.asserts = "getsockname() on a socket bound to a path reports length offsetof(struct sockaddr_un, sun_path) + strlen(sun_path) + 1",
	.spec = "Linux unix(7), Address format (pathname)",
	.needs = IPCT_LINUX_ONLY);

static void addr_getsockname_unbound(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int d = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(&a, 0x55, sizeof a);
	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	CHECK_EQ(sizeof(sa_family_t), len);
	CHECK_EQ(AF_UNIX, a.sun_family);
}
IPCT_CASE(addr_getsockname_unbound,
	.id = "socket.addr_getsockname_unbound",
	.asserts = "getsockname() on an unbound AF_UNIX socket reports an unnamed address: family AF_UNIX and length sizeof(sa_family_t)",
	.spec = "Linux unix(7), Address format (unnamed)",
	.needs = IPCT_LINUX_ONLY);

static void addr_getsockname_truncates(void)
{
	struct sockaddr_un a;
	socklen_t len = SUN_OFF + 2;
	int d = socket_xbound(SOCK_DGRAM, "truncated");

	memset(&a, 0x55, sizeof a);
	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	/* The full length is reported; only what fits is stored. */
	CHECK_EQ(SUN_OFF + strlen("truncated") + 1, len);
	CHECK_MEM("tr", a.sun_path, 2);
	CHECK_EQ(0x55, (unsigned char)a.sun_path[2]);
}
IPCT_CASE(addr_getsockname_truncates,
	.id = "socket.addr_getsockname_truncates",
	.asserts = "getsockname() with a buffer shorter than the address stores only what fits and reports the address's full length",
	.spec = "POSIX.1-2024 getsockname(), DESCRIPTION (truncated); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

static void addr_accept_unnamed_client(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), c = socket_xconnect(SOCK_STREAM, "s");
	struct sockaddr_un a;
	socklen_t len = sizeof a;

	(void)c;
	memset(&a, 0x55, sizeof a);
	CHECK_OK(accept(l, (struct sockaddr *)&a, &len));
	CHECK_EQ(sizeof(sa_family_t), len);
	CHECK_EQ(AF_UNIX, a.sun_family);
}
IPCT_CASE(addr_accept_unnamed_client,
	.id = "socket.addr_accept_unnamed_client",
	.asserts = "accept() of a connection from an unbound AF_UNIX client reports an unnamed address of length sizeof(sa_family_t)",
	.spec = "Linux unix(7), Address format (unnamed); POSIX.1-2024 accept()",
	.needs = IPCT_LINUX_ONLY);

static void addr_accept_bound_client_path(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), c = socket_xbound(SOCK_STREAM, "client");
	struct sockaddr_un a, srv;
	socklen_t len = sizeof a, sl = socket_xunaddr(&srv, "s");

	CHECK_OK(connect(c, (struct sockaddr *)&srv, sl));
	memset(&a, 0, sizeof a);
	CHECK_OK(accept(l, (struct sockaddr *)&a, &len));
	CHECK_STR("client", a.sun_path);
	CHECK_EQ(SUN_OFF + strlen("client") + 1, len);
}
IPCT_CASE(addr_accept_bound_client_path,
	.id = "socket.addr_accept_bound_client_path",
	.asserts = "accept() of a connection from a client bound to a path reports that path",
	.spec = "POSIX.1-2024 accept(), DESCRIPTION (the address of the connecting socket)");

static void addr_getpeername_accepted_side(void)
{
	int c, s;
	struct sockaddr_un a;
	socklen_t len = sizeof a;

	socket_xconnected(SOCK_STREAM, "s", &c, &s);
	memset(&a, 0x55, sizeof a);
	CHECK_OK(getpeername(s, (struct sockaddr *)&a, &len));
	CHECK_EQ(sizeof(sa_family_t), len);
	/* And the accepted socket's own name is the listener's path. */
	len = sizeof a;
	CHECK_OK(getsockname(s, (struct sockaddr *)&a, &len));
	CHECK_STR("s", a.sun_path);
}
IPCT_CASE(addr_getpeername_accepted_side,
	.id = "socket.addr_getpeername_accepted_side",
	.asserts = "an accepted AF_UNIX socket's peer (an unbound client) is unnamed, and its own name is the listener's path",
	.spec = "Linux unix(7), Address format; POSIX.1-2024 getpeername(), getsockname()",
	.needs = IPCT_LINUX_ONLY);

static void addr_autobind_on_family_only_bind(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int d = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	CHECK_OK(bind(d, (struct sockaddr *)&a, sizeof(sa_family_t)));
	CHECK_OK(getsockname(d, (struct sockaddr *)&a, &len));
	CHECK_EQ(SUN_OFF + 6, len);
	CHECK_EQ(0, a.sun_path[0]);
}
IPCT_CASE(addr_autobind_on_family_only_bind,
	.id = "socket.addr_autobind_on_family_only_bind",
	.asserts = "bind() of an AF_UNIX stream socket with addrlen sizeof(sa_family_t) autobinds it to an abstract name of a NUL and five bytes",
	.spec = "Linux unix(7), Autobind feature",
	.needs = IPCT_LINUX_ONLY);

static void addr_autobind_on_connect_passcred(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int d = socket_xbound(SOCK_DGRAM, "d"), c = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	int on = 1;
	char b[4];

	(void)d;
	CHECK_OK(setsockopt(c, SOL_SOCKET, SO_PASSCRED, &on, sizeof on));
	len = socket_xunaddr(&a, "d");
	CHECK_RET(sendto(c, "x", 1, 0, (struct sockaddr *)&a, len), 1);
	/* The sender was given an abstract name: the receiver sees it. */
	len = sizeof a;
	CHECK_RET(recvfrom(d, b, sizeof b, MSG_DONTWAIT, (struct sockaddr *)&a, &len), 1);
	CHECK_EQ(SUN_OFF + 6, len);
	CHECK_EQ(0, a.sun_path[0]);
}
IPCT_CASE(addr_autobind_on_connect_passcred,
	.id = "socket.addr_autobind_on_connect_passcred",
	.asserts = "an unbound AF_UNIX socket with SO_PASSCRED set is autobound when it sends: the receiver sees an abstract source address",
	.spec = "Linux unix(7), Autobind feature (SO_PASSCRED on an unbound socket)",
	.needs = IPCT_LINUX_ONLY);

static void addr_bind_wrong_family_einval(void)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "w");
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	a.sun_family = AF_INET;
	CHECK_FAILS(bind(d, (struct sockaddr *)&a, len), EINVAL);
}
IPCT_CASE(addr_bind_wrong_family_einval,
	.id = "socket.addr_bind_wrong_family_einval",
	.asserts = "bind() of an AF_UNIX socket to an address whose family is not AF_UNIX fails with EINVAL",
	.spec = "Linux unix(7) ERRORS [EINVAL] (AF_UNIX not in sun_family)",
	.needs = IPCT_LINUX_ONLY);

static void addr_bind_addrlen_too_big_einval(void)
{
	struct {
		struct sockaddr_un a;
		char extra[16];
	} big;
	int d = socket_xsocket(AF_UNIX, SOCK_DGRAM);

	memset(&big, 0, sizeof big);
	socket_xunaddr(&big.a, "b");
	CHECK_FAILS(bind(d, (struct sockaddr *)&big, sizeof big), EINVAL);
}
IPCT_CASE(addr_bind_addrlen_too_big_einval,
	.id = "socket.addr_bind_addrlen_too_big_einval",
	.asserts = "bind() of an AF_UNIX socket with addrlen larger than struct sockaddr_un fails with EINVAL",
	.spec = "Linux unix(7) ERRORS [EINVAL]; POSIX.1-2024 bind(), ERRORS [EINVAL] (address_len not valid)",
	.needs = IPCT_LINUX_ONLY);

static void addr_connect_addrlen_short_einval(void)
{
	struct sockaddr_un a;
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	socket_xunaddr(&a, "s");
	CHECK_FAILS(connect(c, (struct sockaddr *)&a, 1), EINVAL);
}
IPCT_CASE(addr_connect_addrlen_short_einval,
	.id = "socket.addr_connect_addrlen_short_einval",
	.asserts = "connect() with an addrlen too short to hold the address family fails with EINVAL",
	.spec = "POSIX.1-2024 connect(), ERRORS [EINVAL] (address_len is not a valid length for the address family)");

static void addr_bind_existing_file_eaddrinuse(void)
{
	int fd = open("f", O_WRONLY | O_CREAT | O_EXCL, 0600);
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "f");
	int d = socket_xsocket(AF_UNIX, SOCK_STREAM);

	if (fd < 0)
		IPCT_BROKEN("open(f): %s", ipct_errname(errno));
	CHECK_FAILS(bind(d, (struct sockaddr *)&a, len), EADDRINUSE);
}
IPCT_CASE(addr_bind_existing_file_eaddrinuse,
	.id = "socket.addr_bind_existing_file_eaddrinuse",
	.asserts = "bind() to the path of an existing regular file fails with EADDRINUSE",
	.spec = "POSIX.1-2024 bind(), ERRORS [EADDRINUSE]; Linux unix(7)");

static void addr_bind_enotdir(void)
{
	int fd = open("f", O_WRONLY | O_CREAT | O_EXCL, 0600);
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "f/s");
	int d = socket_xsocket(AF_UNIX, SOCK_STREAM);

	if (fd < 0)
		IPCT_BROKEN("open(f): %s", ipct_errname(errno));
	CHECK_FAILS(bind(d, (struct sockaddr *)&a, len), ENOTDIR);
}
IPCT_CASE(addr_bind_enotdir,
	.id = "socket.addr_bind_enotdir",
	.asserts = "bind() to a path whose directory component is a regular file fails with ENOTDIR",
	.spec = "POSIX.1-2024 bind(), ERRORS [ENOTDIR]");

static void addr_connect_enotdir(void)
{
	int fd = open("f", O_WRONLY | O_CREAT | O_EXCL, 0600);
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "f/s");
	int c = socket_xsocket(AF_UNIX, SOCK_STREAM);

	if (fd < 0)
		IPCT_BROKEN("open(f): %s", ipct_errname(errno));
	CHECK_FAILS(connect(c, (struct sockaddr *)&a, len), ENOTDIR);
}
IPCT_CASE(addr_connect_enotdir,
	.id = "socket.addr_connect_enotdir",
	.asserts = "connect() to a path whose directory component is a regular file fails with ENOTDIR",
	.spec = "POSIX.1-2024 connect(), ERRORS [ENOTDIR]");

static void addr_open_socket_file_enxio(void)
{
	(void)socket_xbound(SOCK_STREAM, "s");
	CHECK_FAILS(open("s", O_RDWR), ENXIO);
}
IPCT_CASE(addr_open_socket_file_enxio,
	.id = "socket.addr_open_socket_file_enxio",
	.asserts = "open() of an AF_UNIX socket file fails with ENXIO",
	.spec = "Linux open(2), ERRORS [ENXIO] (the file is a UNIX domain socket)",
	.needs = IPCT_LINUX_ONLY);

static void addr_open_proc_fd_enxio(void)
{
	char path[64];
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	snprintf(path, sizeof path, "/proc/self/fd/%d", sv[0]);
	if (access("/proc/self/fd", F_OK) != 0)
		ipct_skip("no /proc/self/fd");
	CHECK_FAILS(open(path, O_RDWR), ENXIO);
}
IPCT_CASE(addr_open_proc_fd_enxio,
	.id = "socket.addr_open_proc_fd_enxio",
	.asserts = "open() of /proc/self/fd/N for a socket descriptor fails with ENXIO: a socket cannot be reopened",
	.spec = "Linux open(2), ERRORS [ENXIO]; proc(5) (/proc/pid/fd)",
	.needs = IPCT_LINUX_ONLY);

static void addr_socket_file_umask(void)
{
	struct stat st;
	mode_t old = umask(027);

	(void)socket_xbound(SOCK_STREAM, "s");
	umask(old);
	CHECK_OK(stat("s", &st));
	CHECK(S_ISSOCK(st.st_mode));
	CHECK_EQ(0750, st.st_mode & 0777);
}
IPCT_CASE(addr_socket_file_umask,
	.id = "socket.addr_socket_file_umask",
	.asserts = "the socket file bind() creates has the permissions 0777 masked by the process umask",
	.spec = "Linux unix(7), Pathname sockets (permissions set according to the umask)",
	.needs = IPCT_LINUX_ONLY);

static void addr_connect_via_symlink(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), c, a;
	char b;

	CHECK_OK(symlink("s", "link"));
	c = socket_xconnect(SOCK_STREAM, "link");
	a = socket_xaccept(l);
	CHECK_RET(send(c, "y", 1, 0), 1);
	CHECK_RET(recv(a, &b, 1, 0), 1);
}
IPCT_CASE(addr_connect_via_symlink,
	.id = "socket.addr_connect_via_symlink",
	.asserts = "connect() to a symbolic link naming a listening socket's file reaches that socket",
	.spec = "POSIX.1-2024 XBD 4.16 Pathname Resolution; connect()");

static void addr_bind_dangling_symlink_eaddrinuse(void)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "link");
	int d = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_OK(symlink("nowhere", "link"));
	/* bind() does not follow it to create the target. */
	CHECK_FAILS(bind(d, (struct sockaddr *)&a, len), EADDRINUSE);
}
IPCT_CASE(addr_bind_dangling_symlink_eaddrinuse,
	.id = "socket.addr_bind_dangling_symlink_eaddrinuse",
	.asserts = "bind() to the path of a dangling symbolic link fails with EADDRINUSE: the link is not followed",
	.spec = "Linux unix(7), Pathname sockets; POSIX.1-2024 bind(), ERRORS [EADDRINUSE]",
	.needs = IPCT_LINUX_ONLY);

static void addr_rebind_after_unlink(void)
{
	int d = socket_xbound(SOCK_DGRAM, "s"), e, s = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "s");
	char b;

	CHECK_OK(unlink("s"));
	e = socket_xbound(SOCK_DGRAM, "s");
	/* The path now names the new socket, not the old. */
	CHECK_RET(sendto(s, "n", 1, 0, (struct sockaddr *)&a, len), 1);
	CHECK_RET(recv(e, &b, 1, MSG_DONTWAIT), 1);
	CHECK_FAILS(recv(d, &b, 1, MSG_DONTWAIT), EAGAIN);
}
IPCT_CASE(addr_rebind_after_unlink,
	.id = "socket.addr_rebind_after_unlink",
	.asserts = "after the socket file is unlinked another socket can bind the same path, and the path then reaches the new socket only",
	.spec = "POSIX.1-2024 bind(), unlink(); Linux unix(7)");

static void addr_recvfrom_bound_sender(void)
{
	int d = socket_xbound(SOCK_DGRAM, "d"), s = socket_xbound(SOCK_DGRAM, "sender");
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, "d");
	char b;

	CHECK_RET(sendto(s, "f", 1, 0, (struct sockaddr *)&a, len), 1);
	memset(&a, 0, sizeof a);
	len = sizeof a;
	CHECK_RET(recvfrom(d, &b, 1, 0, (struct sockaddr *)&a, &len), 1);
	CHECK_EQ(SUN_OFF + strlen("sender") + 1, len);
	CHECK_STR("sender", a.sun_path);
}
IPCT_CASE(addr_recvfrom_bound_sender,
	.id = "socket.addr_recvfrom_bound_sender",
	.asserts = "recvfrom() on an AF_UNIX datagram socket reports a bound sender's path and its length",
	.spec = "POSIX.1-2024 recvfrom(), DESCRIPTION; Linux unix(7), Address format",
	.needs = IPCT_LINUX_ONLY);

static void addr_bind_second_path_einval(void)
{
	const char *n = uniq("two");
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a, n, strlen(n));
	int d = socket_xbound(SOCK_DGRAM, "p");

	CHECK_FAILS(bind(d, (struct sockaddr *)&a, len), EINVAL);
}
IPCT_CASE(addr_bind_second_path_einval,
	.id = "socket.addr_bind_second_path_einval",
	.asserts = "bind() of a socket already bound to a path fails with EINVAL also when the new address is abstract",
	.spec = "POSIX.1-2024 bind(), ERRORS [EINVAL] (already bound); Linux unix(7)",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_addr_abstract_len_distinguishes,
	&ipct_case_addr_abstract_embedded_nul,
	&ipct_case_addr_abstract_getsockname_len,
	&ipct_case_addr_abstract_getpeername,
	&ipct_case_addr_abstract_eaddrinuse,
	&ipct_case_addr_abstract_connect_econnrefused,
	&ipct_case_addr_path_ignores_after_nul,
	&ipct_case_addr_getsockname_path_len,
	&ipct_case_addr_getsockname_unbound,
	&ipct_case_addr_getsockname_truncates,
	&ipct_case_addr_accept_unnamed_client,
	&ipct_case_addr_accept_bound_client_path,
	&ipct_case_addr_getpeername_accepted_side,
	&ipct_case_addr_autobind_on_family_only_bind,
	&ipct_case_addr_autobind_on_connect_passcred,
	&ipct_case_addr_bind_wrong_family_einval,
	&ipct_case_addr_bind_addrlen_too_big_einval,
	&ipct_case_addr_connect_addrlen_short_einval,
	&ipct_case_addr_bind_existing_file_eaddrinuse,
	&ipct_case_addr_bind_enotdir,
	&ipct_case_addr_connect_enotdir,
	&ipct_case_addr_open_socket_file_enxio,
	&ipct_case_addr_open_proc_fd_enxio,
	&ipct_case_addr_socket_file_umask,
	&ipct_case_addr_connect_via_symlink,
	&ipct_case_addr_bind_dangling_symlink_eaddrinuse,
	&ipct_case_addr_rebind_after_unlink,
	&ipct_case_addr_recvfrom_bound_sender,
	&ipct_case_addr_bind_second_path_einval);
