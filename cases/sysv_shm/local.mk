# cases/sysv_shm: one binary, sysv_shm, of all its source files; sysv_shm.h
# holds their shared helpers.  The reference ring buffer
# (lib/ref/sysv_shm.c) goes into libipct; its demo program prints
# expected/ref/sysv_shm_ring.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/sysv_shm
%canon_reldir%_sysv_shm_SOURCES = %reldir%/linux_ext.c \
	%reldir%/reference.c %reldir%/shmat.c %reldir%/shmctl.c \
	%reldir%/shmget.c
EXTRA_DIST += %reldir%/sysv_shm.h

# Reference implementation (lib/ref/sysv_shm.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/sysv_shm.c lib/ref/sysv_shm.h
refdemo_PROGRAMS += lib/ref/demo_sysv_shm
lib_ref_demo_sysv_shm_SOURCES = lib/ref/demo_sysv_shm.c
lib_ref_demo_sysv_shm_LDADD = lib/libipct.a
