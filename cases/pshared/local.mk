# cases/pshared: one binary, pshared, of all its source files (one per kind
# of object); pshared.h holds their shared helpers (the shared area, its
# placements, exec'd helpers).  The reference job queue (lib/ref/pshared.c)
# goes into libipct; its demo program prints
# expected/ref/pshared_jobqueue.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/pshared
%canon_reldir%_pshared_SOURCES = %reldir%/barrier.c %reldir%/cond.c \
	%reldir%/mutex.c %reldir%/reference.c %reldir%/robust.c \
	%reldir%/rwlock.c %reldir%/sem.c %reldir%/spin.c
EXTRA_DIST += %reldir%/pshared.h

# Reference implementation (lib/ref/pshared.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/pshared.c lib/ref/pshared.h
refdemo_PROGRAMS += lib/ref/demo_pshared
lib_ref_demo_pshared_SOURCES = lib/ref/demo_pshared.c
lib_ref_demo_pshared_LDADD = lib/libipct.a
