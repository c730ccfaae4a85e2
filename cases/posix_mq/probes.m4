# Probes for cases/posix_mq (included by configure.ac).
# valgrind.h: notify.c exempts one glibc-internal memcheck report (the
# partly initialised sigevent glibc's mq_notify passes for SIGEV_THREAD)
# with a client request; without the header it is simply not compiled in.
AC_CHECK_HEADERS([valgrind/valgrind.h])
