# cases/linux_fd: Linux descriptor-based IPC, one binary per interface
# (eventfd, signalfd, pidfd, memfd); linux_fd.h holds their shared helpers
# and the syscall() fallbacks.  The event-loop reference (lib/ref/linux_fd.c:
# signalfd, eventfd and pidfd in one poll()) goes into libipct; its demo
# program prints expected/ref/linux_fd_event_loop.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/eventfd %reldir%/signalfd \
	%reldir%/pidfd %reldir%/memfd
EXTRA_DIST += %reldir%/linux_fd.h
