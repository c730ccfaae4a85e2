/* SPDX-License-Identifier: MIT
 * cases/socket/named.c - AF_UNIX sockets with names: bind() and the
 * socket file, listen(), connect() and accept() and their errors,
 * getsockname()/getpeername(), unlinking, and the Linux abstract
 * namespace and autobind.
 * Sources: POSIX.1-2024 bind(), listen(), connect(), accept(),
 * getsockname(), getpeername(), unlink(); Linux unix(7) where noted.
 */
#define _XOPEN_SOURCE 700
#include "ipct.h"
#include "socket.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stddef.h>
#include <sys/stat.h>
#include <unistd.h>

/* Entries other than . and .. in directory path. */
static int dir_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;
	int n = 0;

	if (!d)
		IPCT_BROKEN("opendir(%s): %s", path, ipct_errname(errno));
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

static int try_bind(int fd, const char *path)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, path);

	return bind(fd, (struct sockaddr *)&a, len);
}

static int do_connect(int fd, const char *path)
{
	struct sockaddr_un a;
	socklen_t len = socket_xunaddr(&a, path);

	return connect(fd, (struct sockaddr *)&a, len);
}

static void bind_creates_socket_file(void)
{
	struct stat st, by_stat;

	CHECK_FAILS(lstat("s", &st), ENOENT);
	(void)socket_xbound(SOCK_STREAM, "s");
	CHECK_OK(lstat("s", &st));
	CHECK(S_ISSOCK(st.st_mode));
	/* Not a symbolic link: lstat() and stat() describe the same file. */
	CHECK_OK(stat("s", &by_stat));
	CHECK_EQU(by_stat.st_mode, st.st_mode);
}
IPCT_CASE(bind_creates_socket_file,
	.id = "socket.bind_creates_socket_file",
	.asserts = "bind() of an AF_UNIX socket to a new path creates a file of type socket (S_ISSOCK) at that path",
	.spec = "POSIX.1-2024 bind(), DESCRIPTION; <sys/stat.h> S_ISSOCK");

static void bind_eaddrinuse(void)
{
	int fd;

	(void)socket_xbound(SOCK_STREAM, "s");
	fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(try_bind(fd, "s"), EADDRINUSE);
}
IPCT_CASE(bind_eaddrinuse,
	.id = "socket.bind_eaddrinuse",
	.asserts = "bind() of an AF_UNIX socket to a path where a socket file already exists fails with EADDRINUSE",
	.spec = "POSIX.1-2024 bind(), ERRORS [EADDRINUSE]");

static void bind_einval_already_bound(void)
{
	int fd = socket_xbound(SOCK_STREAM, "s1");

	CHECK_FAILS(try_bind(fd, "s2"), EINVAL);
	CHECK_FAILS(access("s2", F_OK), ENOENT);
}
IPCT_CASE(bind_einval_already_bound,
	.id = "socket.bind_einval_already_bound",
	.asserts = "bind() on a socket that is already bound fails with EINVAL and creates no second file",
	.spec = "POSIX.1-2024 bind(), ERRORS [EINVAL]");

static void bind_enoent_missing_dir(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(try_bind(fd, "nodir/s"), ENOENT);
}
IPCT_CASE(bind_enoent_missing_dir,
	.id = "socket.bind_enoent_missing_dir",
	.asserts = "bind() of an AF_UNIX socket to a path whose directory does not exist fails with ENOENT",
	.spec = "POSIX.1-2024 bind(), ERRORS [ENOENT]");

static void bind_eacces_dir(void)
{
	const char *path = ipct_path("s");
	pid_t pid;

	ipct_tmpdir_traversable();
	pid = ipct_fork();
	if (pid == 0) {
		int fd;

		ipct_drop_privileges();
		fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
		/* The private directory is 0711 and owned by root. */
		CHECK_FAILS(try_bind(fd, path), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(bind_eacces_dir,
	.id = "socket.bind_eacces_dir",
	.asserts = "bind() of an AF_UNIX socket in a directory the process may not write fails with EACCES",
	.spec = "POSIX.1-2024 bind(), ERRORS [EACCES]",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void bind_path_too_long(void)
{
	char raw[sizeof(struct sockaddr_un) + 16];
	struct sockaddr_un *a = (struct sockaddr_un *)raw;
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	memset(raw, 'x', sizeof raw);
	/* The path ends inside raw, past the end of sun_path. */
	raw[sizeof raw - 1] = '\0';
	a->sun_family = AF_UNIX;
	CHECK_FAILS(bind(fd, (struct sockaddr *)raw, sizeof raw), EINVAL);
}
IPCT_CASE(bind_path_too_long,
	.id = "socket.bind_path_too_long",
	.asserts = "bind() with an AF_UNIX address length larger than struct sockaddr_un fails with EINVAL",
	.spec = "Linux unix(7), ERRORS [EINVAL]",
	.needs = IPCT_LINUX_ONLY);

static void listen_dgram_eopnotsupp(void)
{
	int fd = socket_xbound(SOCK_DGRAM, "d");

	CHECK_FAILS(listen(fd, 1), EOPNOTSUPP);
}
IPCT_CASE(listen_dgram_eopnotsupp,
	.id = "socket.listen_dgram_eopnotsupp",
	.asserts = "listen() on a bound SOCK_DGRAM socket fails with EOPNOTSUPP",
	.spec = "POSIX.1-2024 listen(), ERRORS [EOPNOTSUPP]");

static void connect_enoent(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(do_connect(fd, "absent"), ENOENT);
}
IPCT_CASE(connect_enoent,
	.id = "socket.connect_enoent",
	.asserts = "connect() of an AF_UNIX socket to a path that does not exist fails with ENOENT",
	.spec = "POSIX.1-2024 connect(), ERRORS [ENOENT]");

static void connect_econnrefused(void)
{
	int fd;

	(void)socket_xbound(SOCK_STREAM, "s");
	fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(do_connect(fd, "s"), ECONNREFUSED);
}
IPCT_CASE(connect_econnrefused,
	.id = "socket.connect_econnrefused",
	.asserts = "connect() to the path of a bound AF_UNIX stream socket that is not listening fails with ECONNREFUSED",
	.spec = "POSIX.1-2024 connect(), ERRORS [ECONNREFUSED]");

static void connect_regular_file(void)
{
	int fd = open("f", O_CREAT | O_WRONLY, 0600);

	if (fd < 0)
		IPCT_BROKEN("open(f): %s", ipct_errname(errno));
	fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(do_connect(fd, "f"), ECONNREFUSED);
}
IPCT_CASE(connect_regular_file,
	.id = "socket.connect_regular_file",
	.asserts = "connect() of an AF_UNIX socket to a path that names a regular file fails with ECONNREFUSED",
	.spec = "Linux unix(7), ERRORS [ECONNREFUSED]",
	.needs = IPCT_LINUX_ONLY);

static void connect_eprototype(void)
{
	int fd;

	(void)socket_xbound(SOCK_DGRAM, "d");
	fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(do_connect(fd, "d"), EPROTOTYPE);
}
IPCT_CASE(connect_eprototype,
	.id = "socket.connect_eprototype",
	.asserts = "connect() of an AF_UNIX stream socket to the path of a datagram socket fails with EPROTOTYPE",
	.spec = "POSIX.1-2024 connect(), ERRORS [EPROTOTYPE]");

static void connect_eisconn(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	int c = socket_xconnect(SOCK_STREAM, "s");

	(void)socket_xaccept(l);
	/* The listener stays open: the target exists and accepts. */
	CHECK_FAILS(do_connect(c, "s"), EISCONN);
}
IPCT_CASE(connect_eisconn,
	.id = "socket.connect_eisconn",
	.asserts = "connect() on a stream socket that is already connected fails with EISCONN",
	.spec = "POSIX.1-2024 connect(), ERRORS [EISCONN]");

static void connect_eacces(void)
{
	const char *path = ipct_path("s");
	pid_t pid;

	/* Created with every permission (umask 0): only the chmod() denies. */
	umask(0);
	(void)socket_xlistener(SOCK_STREAM, "s");
	CHECK_OK(chmod("s", 0600));
	ipct_tmpdir_traversable();
	pid = ipct_fork();
	if (pid == 0) {
		int fd;

		ipct_drop_privileges();
		fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
		CHECK_FAILS(do_connect(fd, path), EACCES);
		ipct_child_exit();
	}
	ipct_wait_ok(pid);
}
IPCT_CASE(connect_eacces,
	.id = "socket.connect_eacces",
	.asserts = "connect() to an AF_UNIX socket file without write permission on it fails with EACCES",
	.spec = "POSIX.1-2024 connect(), ERRORS [EACCES]; Linux unix(7) (write permission on the socket file)",
	.needs = IPCT_UNPRIV | IPCT_OTHER_USER);

static void accept_new_fd_keeps_listening(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	int c1 = socket_xconnect(SOCK_STREAM, "s");
	int c2 = socket_xconnect(SOCK_STREAM, "s");
	int a1, a2;
	char buf[4];

	a1 = accept(l, NULL, NULL);
	CHECK(a1 >= 0);
	CHECK(a1 != l);
	a2 = accept(l, NULL, NULL);
	CHECK(a2 >= 0);
	CHECK(a2 != a1);
	/* Each accepted socket is the peer of one client, in order. */
	CHECK_RET(send(c1, "1", 1, 0), 1);
	CHECK_RET(send(c2, "2", 1, 0), 1);
	CHECK_RET(recv(a1, buf, sizeof buf, 0), 1);
	CHECK_EQ('1', buf[0]);
	CHECK_RET(recv(a2, buf, sizeof buf, 0), 1);
	CHECK_EQ('2', buf[0]);
	CHECK_EQ(1, socket_xgetint(l, SOL_SOCKET, SO_ACCEPTCONN));
}
IPCT_CASE(accept_new_fd_keeps_listening,
	.id = "socket.accept_new_fd_keeps_listening",
	.asserts = "accept() returns a new socket connected to the first queued client, and the listening socket keeps accepting further clients",
	.spec = "POSIX.1-2024 accept(), DESCRIPTION");

static void listen_unbound_edestaddrreq(void)
{
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(listen(fd, 1), EDESTADDRREQ);
}
IPCT_CASE(listen_unbound_edestaddrreq,
	.id = "socket.listen_unbound_edestaddrreq",
	.asserts = "listen() on an AF_UNIX stream socket that is not bound, a protocol that cannot listen unbound, fails with EDESTADDRREQ",
	.spec = "POSIX.1-2024 listen(), ERRORS [EDESTADDRREQ]");

static void so_acceptconn(void)
{
	int fd = socket_xbound(SOCK_STREAM, "s");

	CHECK_EQ(0, socket_xgetint(fd, SOL_SOCKET, SO_ACCEPTCONN));
	CHECK_OK(listen(fd, 1));
	CHECK_NE(0, socket_xgetint(fd, SOL_SOCKET, SO_ACCEPTCONN));
}
IPCT_CASE(so_acceptconn,
	.id = "socket.so_acceptconn",
	.asserts = "getsockopt(SO_ACCEPTCONN) reports 0 for a bound socket before listen() and non-zero after",
	.spec = "POSIX.1-2024 XSH 2.10.16 Use of Options (SO_ACCEPTCONN); getsockopt()");

static void backlog_full_nonblock_eagain(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s"), fd, n;

	CHECK_OK(listen(l, 1));
	/* Nobody accepts: the queue of pending connections fills. */
	for (n = 0; n < 100; n++) {
		fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
		ipct_xsetnonblock(fd);
		if (do_connect(fd, "s") != 0)
			break;
	}
	CHECK(n < 100);
	CHECK_ERRNO(errno, EAGAIN);
	/* Accepting one makes room for one more. */
	(void)socket_xaccept(l);
	CHECK_OK(do_connect(fd, "s"));
}
IPCT_CASE(backlog_full_nonblock_eagain,
	.id = "socket.backlog_full_nonblock_eagain",
	.asserts = "a nonblocking connect() to an AF_UNIX listener whose backlog is full fails with EAGAIN, and succeeds once a pending connection is accepted",
	.spec = "Linux unix(7), ERRORS [EAGAIN]; connect(2)",
	.needs = IPCT_LINUX_ONLY);

struct accept_arg {
	int fd;
};

static long accept_call(void *arg)
{
	struct accept_arg *a = arg;

	return accept(a->fd, NULL, NULL) >= 0 ? 0 : -1;
}

static void accept_blocks_until_connect(void)
{
	struct accept_arg a = { socket_xlistener(SOCK_STREAM, "s") };
	struct ipct_blocker b;
	struct ipct_result r;

	ipct_block_start(&b, accept_call, &a);
	ipct_block_prove(&b);
	(void)socket_xconnect(SOCK_STREAM, "s");
	r = ipct_block_finish(&b);
	CHECK_RESULT(r, 0);
}
IPCT_CASE(accept_blocks_until_connect,
	.id = "socket.accept_blocks_until_connect",
	.asserts = "accept() on a blocking listening socket with no pending connection blocks until a client connects",
	.spec = "POSIX.1-2024 accept(), DESCRIPTION");

static void accept_eintr(void)
{
	struct accept_arg a = { socket_xlistener(SOCK_STREAM, "s") };
	struct ipct_blocker b;
	struct ipct_result r;

	ipct_catch(SIGUSR1, 0);
	ipct_block_start(&b, accept_call, &a);
	ipct_block_prove(&b);
	CHECK_OK(kill(b.pid, SIGUSR1));
	r = ipct_block_finish(&b);
	CHECK_RESULT_FAILS(r, EINTR);
}
IPCT_CASE(accept_eintr,
	.id = "socket.accept_eintr",
	.asserts = "an accept() blocked with no pending connection fails with EINTR when a signal handler installed without SA_RESTART runs",
	.spec = "POSIX.1-2024 accept(), ERRORS [EINTR]");

static void accept_einval_not_listening(void)
{
	int fd = socket_xbound(SOCK_STREAM, "s");

	CHECK_FAILS(accept(fd, NULL, NULL), EINVAL);
}
IPCT_CASE(accept_einval_not_listening,
	.id = "socket.accept_einval_not_listening",
	.asserts = "accept() on a stream socket that is not listening fails with EINVAL",
	.spec = "POSIX.1-2024 accept(), ERRORS [EINVAL]");

static void accept_nonblock_eagain(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");

	ipct_xsetnonblock(l);
	CHECK_FAILS(accept(l, NULL, NULL), EAGAIN);
}
IPCT_CASE(accept_nonblock_eagain,
	.id = "socket.accept_nonblock_eagain",
	.asserts = "accept() on an O_NONBLOCK listening socket with no pending connection fails with EAGAIN or EWOULDBLOCK",
	.spec = "POSIX.1-2024 accept(), ERRORS [EAGAIN or EWOULDBLOCK]");

static void accept_dgram_eopnotsupp(void)
{
	int fd = socket_xbound(SOCK_DGRAM, "d");

	CHECK_FAILS(accept(fd, NULL, NULL), EOPNOTSUPP);
}
IPCT_CASE(accept_dgram_eopnotsupp,
	.id = "socket.accept_dgram_eopnotsupp",
	.asserts = "accept() on a SOCK_DGRAM socket fails with EOPNOTSUPP",
	.spec = "POSIX.1-2024 accept(), ERRORS [EOPNOTSUPP]");

static void accept_enotsock(void)
{
	int fd[2];

	ipct_xpipe(fd);
	CHECK_FAILS(accept(fd[0], NULL, NULL), ENOTSOCK);
}
IPCT_CASE(accept_enotsock,
	.id = "socket.accept_enotsock",
	.asserts = "accept() on a descriptor that is not a socket (a pipe) fails with ENOTSOCK",
	.spec = "POSIX.1-2024 accept(), ERRORS [ENOTSOCK]");

static void getsockname_bound_path(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int fd = socket_xbound(SOCK_STREAM, "name");

	memset(&a, 0, sizeof a);
	CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &len));
	CHECK_EQ(AF_UNIX, a.sun_family);
	CHECK_STR("name", a.sun_path);
}
IPCT_CASE(getsockname_bound_path,
	.id = "socket.getsockname_bound_path",
	.asserts = "getsockname() on a bound AF_UNIX socket returns the path it was bound to",
	.spec = "POSIX.1-2024 getsockname(), DESCRIPTION");

static void getpeername_server_path(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int c, s;

	socket_xconnected(SOCK_STREAM, "srv", &c, &s);
	memset(&a, 0, sizeof a);
	CHECK_OK(getpeername(c, (struct sockaddr *)&a, &len));
	CHECK_EQ(AF_UNIX, a.sun_family);
	CHECK_STR("srv", a.sun_path);
}
IPCT_CASE(getpeername_server_path,
	.id = "socket.getpeername_server_path",
	.asserts = "getpeername() on a connected AF_UNIX client returns the path of the listening socket it connected to",
	.spec = "POSIX.1-2024 getpeername(), DESCRIPTION");

static void getpeername_pair_unnamed(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int sv[2];

	socket_xpair(SOCK_STREAM, sv);
	memset(&a, 0xff, sizeof a);
	CHECK_OK(getpeername(sv[0], (struct sockaddr *)&a, &len));
	CHECK_EQ(AF_UNIX, a.sun_family);
	/* An unnamed peer: the address holds nothing past the family. */
	CHECK_EQU(offsetof(struct sockaddr_un, sun_path), len);
}
IPCT_CASE(getpeername_pair_unnamed,
	.id = "socket.getpeername_pair_unnamed",
	.asserts = "getpeername() on a socketpair end returns an AF_UNIX address with no path, of length sizeof(sa_family_t) (Linux unnamed socket)",
	.spec = "POSIX.1-2024 getpeername(), DESCRIPTION; Linux unix(7) (unnamed sockets)",
	.needs = IPCT_LINUX_ONLY);

static void getpeername_enotconn(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof a;
	int fd = socket_xsocket(AF_UNIX, SOCK_STREAM);

	CHECK_FAILS(getpeername(fd, (struct sockaddr *)&a, &len), ENOTCONN);
}
IPCT_CASE(getpeername_enotconn,
	.id = "socket.getpeername_enotconn",
	.asserts = "getpeername() on a socket that is not connected fails with ENOTCONN",
	.spec = "POSIX.1-2024 getpeername(), ERRORS [ENOTCONN]");

static void file_stays_after_close(void)
{
	struct stat st;
	int fd = socket_xbound(SOCK_STREAM, "s");

	ipct_xclose(fd);
	CHECK_OK(lstat("s", &st));
	CHECK(S_ISSOCK(st.st_mode));
	/* The name is still taken until unlinked. */
	fd = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(try_bind(fd, "s"), EADDRINUSE);
	CHECK_OK(unlink("s"));
	CHECK_OK(try_bind(fd, "s"));
}
IPCT_CASE(file_stays_after_close,
	.id = "socket.file_stays_after_close",
	.asserts = "the socket file created by bind() stays after the socket is closed and keeps its path taken until it is unlinked",
	.spec = "POSIX.1-2024 bind(), ERRORS [EADDRINUSE]; Linux unix(7) (the socket file must be removed with unlink)");

static void unlink_keeps_connection(void)
{
	int l = socket_xlistener(SOCK_STREAM, "s");
	int c = socket_xconnect(SOCK_STREAM, "s");
	int s = socket_xaccept(l), c2;
	char buf[4];

	CHECK_OK(unlink("s"));
	CHECK_RET(send(c, "ok", 2, 0), 2);
	CHECK_RET(recv(s, buf, sizeof buf, 0), 2);
	CHECK_RET(send(s, "ok", 2, 0), 2);
	CHECK_RET(recv(c, buf, sizeof buf, 0), 2);
	c2 = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_FAILS(do_connect(c2, "s"), ENOENT);
}
IPCT_CASE(unlink_keeps_connection,
	.id = "socket.unlink_keeps_connection",
	.asserts = "unlinking a listening socket's file keeps existing connections working while a new connect() to the path fails with ENOENT",
	.spec = "POSIX.1-2024 unlink(), DESCRIPTION; connect(), ERRORS [ENOENT]");

/* An abstract address: sun_path[0] is NUL, the name is the bytes after
 * it (unique to this case process), the length counts exactly those. */
static socklen_t abstract_addr(struct sockaddr_un *a, const char *tag)
{
	int n;

	memset(a, 0, sizeof *a);
	a->sun_family = AF_UNIX;
	n = snprintf(a->sun_path + 1, sizeof a->sun_path - 1,
		     "ipcconf.%ld.%s", (long)getpid(), tag);
	return (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
			   (size_t)n);
}

static void abstract_no_file(void)
{
	struct sockaddr_un a, got;
	socklen_t len = abstract_addr(&a, "nf"), glen = sizeof got;
	int l = socket_xsocket(AF_UNIX, SOCK_STREAM), c;

	CHECK_OK(bind(l, (struct sockaddr *)&a, len));
	CHECK_OK(listen(l, 1));
	c = socket_xsocket(AF_UNIX, SOCK_STREAM);
	CHECK_OK(connect(c, (struct sockaddr *)&a, len));
	CHECK_OK(getsockname(l, (struct sockaddr *)&got, &glen));
	CHECK_EQU(len, glen);
	CHECK_MEM(a.sun_path, got.sun_path, len - offsetof(struct sockaddr_un, sun_path));
	/* Nothing appeared in the (otherwise empty) working directory. */
	CHECK_EQ(0, dir_entries("."));
}
IPCT_CASE(abstract_no_file,
	.id = "socket.abstract_no_file",
	.asserts = "an AF_UNIX socket bound to an abstract name (leading NUL byte) can be connected to by that name, getsockname() returns it, and no file is created",
	.spec = "Linux unix(7), Abstract sockets",
	.needs = IPCT_LINUX_ONLY);

static void abstract_freed_on_close(void)
{
	struct sockaddr_un a;
	socklen_t len = abstract_addr(&a, "fr");
	int fd = socket_xsocket(AF_UNIX, SOCK_DGRAM), fd2;

	CHECK_OK(bind(fd, (struct sockaddr *)&a, len));
	fd2 = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	CHECK_FAILS(bind(fd2, (struct sockaddr *)&a, len), EADDRINUSE);
	ipct_xclose(fd);
	/* No unlink: closing the last reference releases the name. */
	CHECK_OK(bind(fd2, (struct sockaddr *)&a, len));
}
IPCT_CASE(abstract_freed_on_close,
	.id = "socket.abstract_freed_on_close",
	.asserts = "an abstract AF_UNIX name is in use while its socket is open and free for a new bind() as soon as the socket is closed",
	.spec = "Linux unix(7), Abstract sockets",
	.needs = IPCT_LINUX_ONLY);

static void autobind(void)
{
	struct sockaddr_un a;
	socklen_t len = sizeof(sa_family_t), glen = sizeof a;
	int fd = socket_xsocket(AF_UNIX, SOCK_DGRAM);
	int i;

	memset(&a, 0, sizeof a);
	a.sun_family = AF_UNIX;
	CHECK_OK(bind(fd, (struct sockaddr *)&a, len));
	memset(&a, 0xff, sizeof a);
	CHECK_OK(getsockname(fd, (struct sockaddr *)&a, &glen));
	/* A NUL and five hexadecimal digits. */
	CHECK_EQU(offsetof(struct sockaddr_un, sun_path) + 6, glen);
	CHECK_EQ(0, a.sun_path[0]);
	for (i = 1; i < 6; i++)
		CHECK(strchr("0123456789abcdef", a.sun_path[i]) != NULL &&
		      a.sun_path[i] != 0);
	CHECK_EQ(0, dir_entries("."));
}
IPCT_CASE(autobind,
	.id = "socket.autobind",
	.asserts = "bind() of an AF_UNIX socket with an address length of sizeof(sa_family_t) binds it to a unique abstract name of a NUL byte and five hexadecimal digits",
	.spec = "Linux unix(7), Autobind feature",
	.needs = IPCT_LINUX_ONLY);

IPCT_CASES(&ipct_case_bind_creates_socket_file, &ipct_case_bind_eaddrinuse,
	&ipct_case_bind_einval_already_bound, &ipct_case_bind_enoent_missing_dir,
	&ipct_case_bind_eacces_dir, &ipct_case_bind_path_too_long,
	&ipct_case_listen_dgram_eopnotsupp, &ipct_case_connect_enoent,
	&ipct_case_connect_econnrefused, &ipct_case_connect_regular_file,
	&ipct_case_connect_eprototype, &ipct_case_connect_eisconn,
	&ipct_case_connect_eacces, &ipct_case_accept_new_fd_keeps_listening,
	&ipct_case_accept_blocks_until_connect, &ipct_case_accept_eintr,
	&ipct_case_listen_unbound_edestaddrreq, &ipct_case_so_acceptconn,
	&ipct_case_backlog_full_nonblock_eagain,
	&ipct_case_accept_einval_not_listening, &ipct_case_accept_nonblock_eagain,
	&ipct_case_accept_dgram_eopnotsupp, &ipct_case_accept_enotsock,
	&ipct_case_getsockname_bound_path, &ipct_case_getpeername_server_path,
	&ipct_case_getpeername_pair_unnamed, &ipct_case_getpeername_enotconn,
	&ipct_case_file_stays_after_close, &ipct_case_unlink_keeps_connection,
	&ipct_case_abstract_no_file, &ipct_case_abstract_freed_on_close,
	&ipct_case_autobind);
