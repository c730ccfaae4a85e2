# cases/sysv_msg: one binary per source file; msgq.h holds their shared
# helpers.  The reference dispatcher (lib/ref/sysv_msg.c) goes into
# libipct and has a demo program.
nobase_pkglibexec_PROGRAMS += %reldir%/msgget %reldir%/msgsnd %reldir%/msgrcv \
	%reldir%/msgctl %reldir%/linux_ext
EXTRA_DIST += %reldir%/msgq.h
