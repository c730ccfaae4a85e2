# cases/socket: one binary per source file; socket.h holds their shared
# setup helpers.  The references (lib/ref/socket.c: a poll() echo server
# and SCM_RIGHTS descriptor passing) go into libipct; their demo program
# prints expected/ref/socket_echo.txt and expected/ref/socket_pass_fd.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/pair %reldir%/message \
	%reldir%/named %reldir%/rights %reldir%/cred %reldir%/flags \
	%reldir%/nonblock %reldir%/inet %reldir%/reference
EXTRA_DIST += %reldir%/socket.h

# Reference implementation (lib/ref/socket.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/socket.c lib/ref/socket.h
refdemo_PROGRAMS += lib/ref/demo_socket
lib_ref_demo_socket_SOURCES = lib/ref/demo_socket.c
lib_ref_demo_socket_LDADD = lib/libipct.a
