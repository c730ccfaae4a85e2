# cases/socket: one binary, socket, of all its source files; socket.h holds
# their shared setup helpers.  The references (lib/ref/socket.c: a poll()
# echo server and SCM_RIGHTS descriptor passing) go into libipct; their demo
# program prints expected/ref/socket_echo.txt and
# expected/ref/socket_pass_fd.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/socket
%canon_reldir%_socket_SOURCES = %reldir%/address.c %reldir%/ancillary.c \
	%reldir%/cred.c %reldir%/flags.c %reldir%/inet.c %reldir%/ipv6.c \
	%reldir%/lifecycle.c %reldir%/message.c %reldir%/mmsg.c \
	%reldir%/named.c %reldir%/nonblock.c %reldir%/oob.c %reldir%/pair.c \
	%reldir%/readiness.c %reldir%/reference.c %reldir%/rights.c \
	%reldir%/sockopt.c %reldir%/tcp.c %reldir%/timeout.c %reldir%/udp.c
EXTRA_DIST += %reldir%/socket.h

# Reference implementation (lib/ref/socket.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/socket.c lib/ref/socket.h
refdemo_PROGRAMS += lib/ref/demo_socket
lib_ref_demo_socket_SOURCES = lib/ref/demo_socket.c
lib_ref_demo_socket_LDADD = lib/libipct.a
