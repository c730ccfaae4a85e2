# cases/sysv_msg: one binary, sysv_msg, of all its source files; sysv_msg.h
# holds their shared helpers.  The reference dispatcher (lib/ref/sysv_msg.c)
# goes into libipct; its demo program prints
# expected/ref/sysv_msg_dispatch.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/sysv_msg
%canon_reldir%_sysv_msg_SOURCES = %reldir%/linux_ext.c %reldir%/msgctl.c \
	%reldir%/msgget.c %reldir%/msgrcv.c %reldir%/msgsnd.c \
	%reldir%/reference.c
EXTRA_DIST += %reldir%/sysv_msg.h

# Reference implementation (lib/ref/sysv_msg.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/sysv_msg.c lib/ref/sysv_msg.h
refdemo_PROGRAMS += lib/ref/demo_sysv_msg
lib_ref_demo_sysv_msg_SOURCES = lib/ref/demo_sysv_msg.c
lib_ref_demo_sysv_msg_LDADD = lib/libipct.a
