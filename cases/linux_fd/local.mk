# cases/linux_fd: Linux descriptor-based IPC, one binary per interface
# (eventfd, signalfd, pidfd, memfd); linux_fd.h holds their shared helpers
# and the syscall() fallbacks.  The event-loop reference (lib/ref/linux_fd.c:
# signalfd, eventfd and pidfd in one poll()) goes into libipct; its demo
# program prints expected/ref/linux_fd_event_loop.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/eventfd %reldir%/signalfd \
	%reldir%/pidfd %reldir%/memfd
EXTRA_DIST += %reldir%/linux_fd.h
nobase_pkglibexec_PROGRAMS += %reldir%/reference

lib_libipct_a_SOURCES += lib/ref/linux_fd.c lib/ref/linux_fd.h
refdemo_PROGRAMS += lib/ref/demo_linux_fd
lib_ref_demo_linux_fd_SOURCES = lib/ref/demo_linux_fd.c
lib_ref_demo_linux_fd_LDADD = lib/libipct.a
