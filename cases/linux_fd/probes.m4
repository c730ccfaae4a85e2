# Probes for cases/linux_fd (included by configure.ac).
# eventfd(2) and signalfd(2) have had libc wrappers for long; pidfd_open(2),
# pidfd_send_signal(2) and memfd_create(2) are newer and some libcs (musl
# 1.2) lack the wrappers: the cases then call syscall() with the SYS_
# number when <sys/syscall.h> has it.  LINUX_FD_HAVE_* say whether the
# interface can be called one way or the other.
AC_CHECK_HEADERS([sys/eventfd.h sys/signalfd.h sys/pidfd.h sys/syscall.h])
AC_CHECK_FUNCS([eventfd signalfd memfd_create pidfd_open pidfd_send_signal])
AC_CHECK_DECLS([SYS_pidfd_open, SYS_pidfd_send_signal, SYS_memfd_create,
  SYS_clone], [], [], [[#include <sys/syscall.h>]])
AC_CHECK_DECLS([P_PIDFD], [], [], [[#define _GNU_SOURCE 1
#include <sys/wait.h>]])
AC_CHECK_DECLS([CLONE_PIDFD], [], [], [[#define _GNU_SOURCE 1
#include <sched.h>]])
AC_CHECK_DECLS([F_ADD_SEALS, F_SEAL_FUTURE_WRITE], [], [], [[#define _GNU_SOURCE 1
#include <fcntl.h>]])
AC_CHECK_DECLS([MFD_ALLOW_SEALING], [], [], [[#define _GNU_SOURCE 1
#include <sys/mman.h>]])
AS_IF([test "x$ac_cv_header_sys_eventfd_h" = xyes && test "x$ac_cv_func_eventfd" = xyes],
  [AC_DEFINE([LINUX_FD_HAVE_EVENTFD], [1], [Define to 1 if eventfd() and <sys/eventfd.h> exist.])])
AS_IF([test "x$ac_cv_header_sys_signalfd_h" = xyes && test "x$ac_cv_func_signalfd" = xyes],
  [AC_DEFINE([LINUX_FD_HAVE_SIGNALFD], [1], [Define to 1 if signalfd() and <sys/signalfd.h> exist.])])
AS_IF([test "x$ac_cv_func_pidfd_open" = xyes || test "x$ac_cv_have_decl_SYS_pidfd_open" = xyes],
  [AC_DEFINE([LINUX_FD_HAVE_PIDFD_OPEN], [1], [Define to 1 if pidfd_open() or SYS_pidfd_open exists.])])
AS_IF([test "x$ac_cv_func_pidfd_send_signal" = xyes || test "x$ac_cv_have_decl_SYS_pidfd_send_signal" = xyes],
  [AC_DEFINE([LINUX_FD_HAVE_PIDFD_SEND_SIGNAL], [1], [Define to 1 if pidfd_send_signal() or SYS_pidfd_send_signal exists.])])
AS_IF([test "x$ac_cv_func_memfd_create" = xyes || test "x$ac_cv_have_decl_SYS_memfd_create" = xyes],
  [AC_DEFINE([LINUX_FD_HAVE_MEMFD_CREATE], [1], [Define to 1 if memfd_create() or SYS_memfd_create exists.])])
