# cases/lock: one binary, lock, of all its source files (one per behaviour
# group); lock.h holds their shared helpers.  The reference record file
# (lib/ref/lock.c) goes into libipct; its demo program prints
# expected/ref/lock_counter.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/lock
%canon_reldir%_lock_SOURCES = %reldir%/fcntl.c %reldir%/flock.c \
	%reldir%/getlk.c %reldir%/lockf.c %reldir%/ofd.c %reldir%/owner.c \
	%reldir%/reference.c %reldir%/setlkw.c
EXTRA_DIST += %reldir%/lock.h

# Reference implementation (lib/ref/lock.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/lock.c lib/ref/lock.h
refdemo_PROGRAMS += lib/ref/demo_lock
lib_ref_demo_lock_SOURCES = lib/ref/demo_lock.c
lib_ref_demo_lock_LDADD = lib/libipct.a
