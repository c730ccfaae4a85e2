# Probes for cases/pshared (included by configure.ac): the optional
# process-shared synchronisation interfaces its cases name in .requires.
AC_CHECK_FUNCS([pthread_mutexattr_setrobust pthread_mutex_consistent \
  pthread_condattr_setclock pthread_barrier_init pthread_spin_init \
  pthread_rwlockattr_setpshared pthread_barrierattr_setpshared \
  pthread_rwlock_timedwrlock pthread_mutex_timedlock])
