# cases/lock: one binary per behaviour group; lock.h holds their shared
# helpers.  The reference record file (lib/ref/lock.c) goes into libipct;
# its demo program prints expected/ref/lock_counter.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/fcntl %reldir%/owner \
	%reldir%/setlkw %reldir%/getlk %reldir%/lockf %reldir%/flock \
	%reldir%/ofd %reldir%/reference
EXTRA_DIST += %reldir%/lock.h

# Reference implementation (lib/ref/lock.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/lock.c lib/ref/lock.h
refdemo_PROGRAMS += lib/ref/demo_lock
lib_ref_demo_lock_SOURCES = lib/ref/demo_lock.c
lib_ref_demo_lock_LDADD = lib/libipct.a
