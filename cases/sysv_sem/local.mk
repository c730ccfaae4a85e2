# cases/sysv_sem: one binary per source file; semh.h holds their shared
# helpers.  The reference mutex (lib/ref/sysv_sem.c) goes into libipct; its
# demo program prints expected/ref/sysv_sem_mutex.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/semget %reldir%/semop %reldir%/semundo %reldir%/semctl \
	%reldir%/linux_ext
EXTRA_DIST += %reldir%/semh.h
