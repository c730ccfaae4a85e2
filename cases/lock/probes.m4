# Probes for cases/lock (included by configure.ac).
# lockf() is XSI; flock() is a BSD and Linux extension (<sys/file.h>).
AC_CHECK_FUNCS([lockf flock])
# Open file description locks: POSIX.1-2024 and Linux 3.15; glibc and
# musl declare them only under _GNU_SOURCE, as cases/lock/ofd.c does.
AC_CHECK_DECLS([F_OFD_SETLK, F_OFD_SETLKW, F_OFD_GETLK], [], [],
  [[#define _GNU_SOURCE 1
#include <fcntl.h>]])
