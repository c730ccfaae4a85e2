# cases/linux_fd: Linux descriptor-based IPC, one binary, linux_fd, of all
# its source files (one per interface: eventfd, signalfd, pidfd, memfd);
# linux_fd.h holds their shared helpers and the syscall() fallbacks.  The
# event-loop reference (lib/ref/linux_fd.c: a signalfd, an eventfd and a
# pidfd in one poll()) goes into libipct; its demo program prints
# expected/ref/linux_fd_event_loop.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/linux_fd
%canon_reldir%_linux_fd_SOURCES = %reldir%/eventfd.c %reldir%/memfd.c \
	%reldir%/pidfd.c %reldir%/reference.c %reldir%/signalfd.c
EXTRA_DIST += %reldir%/linux_fd.h

# Reference implementation (lib/ref/linux_fd.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/linux_fd.c lib/ref/linux_fd.h
refdemo_PROGRAMS += lib/ref/demo_linux_fd
lib_ref_demo_linux_fd_SOURCES = lib/ref/demo_linux_fd.c
lib_ref_demo_linux_fd_LDADD = lib/libipct.a
