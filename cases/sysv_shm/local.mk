# cases/sysv_shm: one binary per source file; shmh.h holds their shared
# helpers.  The reference ring buffer (lib/ref/sysv_shm.c) goes into
# libipct; its demo program prints expected/ref/sysv_shm_ring.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/shmget %reldir%/shmat %reldir%/shmctl \
	%reldir%/linux_ext
EXTRA_DIST += %reldir%/shmh.h
