# cases/sysv_msg: one binary per source file; sysv_msg.h holds their shared
# helpers.  The reference dispatcher (lib/ref/sysv_msg.c) goes into
# libipct; its demo program prints expected/ref/sysv_msg_dispatch.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/msgget %reldir%/msgsnd %reldir%/msgrcv \
	%reldir%/msgctl %reldir%/linux_ext %reldir%/reference
EXTRA_DIST += %reldir%/sysv_msg.h

# Reference implementation (lib/ref/sysv_msg.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/sysv_msg.c lib/ref/sysv_msg.h
refdemo_PROGRAMS += lib/ref/demo_sysv_msg
lib_ref_demo_sysv_msg_SOURCES = lib/ref/demo_sysv_msg.c
lib_ref_demo_sysv_msg_LDADD = lib/libipct.a
