# cases/pshared: one binary per kind of object; pshared.h holds their
# shared helpers (the shared area, its placements, exec'd helpers).  The
# reference job queue (lib/ref/pshared.c) goes into libipct; its demo
# program prints expected/ref/pshared_jobqueue.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/mutex %reldir%/robust %reldir%/cond \
	%reldir%/rwlock %reldir%/barrier %reldir%/spin %reldir%/sem \
	%reldir%/reference
EXTRA_DIST += %reldir%/pshared.h

# Reference implementation (lib/ref/pshared.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/pshared.c lib/ref/pshared.h
refdemo_PROGRAMS += lib/ref/demo_pshared
lib_ref_demo_pshared_SOURCES = lib/ref/demo_pshared.c
lib_ref_demo_pshared_LDADD = lib/libipct.a
