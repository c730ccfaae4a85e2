# cases/sysv_sem: one binary, sysv_sem, of all its source files; sysv_sem.h
# holds their shared helpers.  The reference mutex (lib/ref/sysv_sem.c) goes
# into libipct; its demo program prints expected/ref/sysv_sem_mutex.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/sysv_sem
%canon_reldir%_sysv_sem_SOURCES = %reldir%/linux_ext.c \
	%reldir%/reference.c %reldir%/semctl.c %reldir%/semget.c \
	%reldir%/semop.c %reldir%/semundo.c
EXTRA_DIST += %reldir%/sysv_sem.h

# Reference implementation (lib/ref/sysv_sem.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/sysv_sem.c lib/ref/sysv_sem.h
refdemo_PROGRAMS += lib/ref/demo_sysv_sem
lib_ref_demo_sysv_sem_SOURCES = lib/ref/demo_sysv_sem.c
lib_ref_demo_sysv_sem_LDADD = lib/libipct.a
