# cases/posix_mq: one binary, posix_mq, of all its source files; posix_mq.h
# holds their shared helpers.  The reference work queue (lib/ref/posix_mq.c)
# goes into libipct; its demo program prints
# expected/ref/posix_mq_workqueue.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/posix_mq
%canon_reldir%_posix_mq_SOURCES = %reldir%/descriptor.c %reldir%/linux.c \
	%reldir%/notify.c %reldir%/open.c %reldir%/reference.c \
	%reldir%/sendrecv.c
EXTRA_DIST += %reldir%/posix_mq.h

# Reference implementation (lib/ref/posix_mq.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/posix_mq.c lib/ref/posix_mq.h
refdemo_PROGRAMS += lib/ref/demo_posix_mq
lib_ref_demo_posix_mq_SOURCES = lib/ref/demo_posix_mq.c
lib_ref_demo_posix_mq_LDADD = lib/libipct.a
