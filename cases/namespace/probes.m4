# Probes for cases/namespace (included by configure.ac).
# unshare(2) and setns(2) are declared by <sched.h> under _GNU_SOURCE; the
# CLONE_NEW* flags come with them.
AC_CHECK_FUNCS([unshare setns])
AC_CHECK_DECLS([CLONE_NEWIPC, CLONE_NEWNET], [], [], [[#define _GNU_SOURCE 1
#include <sched.h>]])
