# Probes for cases/signal (included by configure.ac): the alternate signal
# stack and the POSIX per-process timers, which some platforms lack.
AC_CHECK_FUNCS([sigaltstack timer_create timer_getoverrun])
