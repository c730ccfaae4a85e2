# cases/posix_sem: one binary per source file; posix_sem.h holds their shared
# helpers.
nobase_pkglibexec_PROGRAMS += %reldir%/open %reldir%/wait %reldir%/clockwait
EXTRA_DIST += %reldir%/posix_sem.h
