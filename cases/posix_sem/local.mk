# cases/posix_sem: one binary, posix_sem, of all its source files;
# posix_sem.h holds their shared helpers.
nobase_pkglibexec_PROGRAMS += %reldir%/posix_sem
%canon_reldir%_posix_sem_SOURCES = %reldir%/clockwait.c %reldir%/open.c \
	%reldir%/wait.c
EXTRA_DIST += %reldir%/posix_sem.h
