# Probes for cases/pipe (included by configure.ac).
# F_GETPIPE_SZ/F_SETPIPE_SZ are declared by glibc's <fcntl.h> only under
# _GNU_SOURCE, which the top-level AC_CHECK_DECLS does not define; probe
# again the way cases/pipe/linux_ext.c includes the header.
AC_CACHE_CHECK([for F_GETPIPE_SZ and F_SETPIPE_SZ under _GNU_SOURCE],
  [ipcconf_cv_gnu_pipe_sz],
  [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#define _GNU_SOURCE 1
#include <fcntl.h>]], [[int g = F_GETPIPE_SZ, s = F_SETPIPE_SZ;
(void)g; (void)s;]])],
    [ipcconf_cv_gnu_pipe_sz=yes], [ipcconf_cv_gnu_pipe_sz=no])])
AS_IF([test "x$ipcconf_cv_gnu_pipe_sz" = xyes],
  [AC_DEFINE([HAVE_GNU_PIPE_SZ], [1],
    [Define to 1 if <fcntl.h> declares F_GETPIPE_SZ and F_SETPIPE_SZ under _GNU_SOURCE.])])
