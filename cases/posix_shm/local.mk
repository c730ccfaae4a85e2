# cases/posix_shm: one binary per source file; pshm.h holds their shared
# helpers.  The reference ring buffer (lib/ref/posix_shm.c) goes into
# libipct; its demo program prints expected/ref/posix_shm_ring.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/open %reldir%/mmap %reldir%/anon %reldir%/pshared
EXTRA_DIST += %reldir%/pshm.h
