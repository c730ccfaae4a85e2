# cases/posix_shm: one binary, posix_shm, of all its source files;
# posix_shm.h holds their shared helpers.  The reference ring buffer
# (lib/ref/posix_shm.c) goes into libipct; its demo program prints
# expected/ref/posix_shm_ring.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/posix_shm
%canon_reldir%_posix_shm_SOURCES = %reldir%/anon.c %reldir%/mmap.c \
	%reldir%/open.c %reldir%/pshared.c %reldir%/reference.c
EXTRA_DIST += %reldir%/posix_shm.h

# Reference implementation (lib/ref/posix_shm.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/posix_shm.c lib/ref/posix_shm.h
refdemo_PROGRAMS += lib/ref/demo_posix_shm
lib_ref_demo_posix_shm_SOURCES = lib/ref/demo_posix_shm.c
lib_ref_demo_posix_shm_LDADD = lib/libipct.a
