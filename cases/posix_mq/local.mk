# cases/posix_mq: one binary per source file; pmq.h holds their shared
# helpers.  The reference work queue (lib/ref/posix_mq.c) goes into
# libipct and has a demo program.
nobase_pkglibexec_PROGRAMS += %reldir%/open %reldir%/sendrecv \
	%reldir%/notify %reldir%/descriptor %reldir%/linux
EXTRA_DIST += %reldir%/pmq.h
