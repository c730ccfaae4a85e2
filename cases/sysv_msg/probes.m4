# Probes for cases/sysv_msg (included by configure.ac).
# Linux extensions of msgrcv()/msgctl(), declared by <sys/msg.h> under
# _GNU_SOURCE; cases/sysv_msg/linux_ext.c skips what is missing.
AC_CHECK_DECLS([MSG_EXCEPT, MSG_COPY, MSG_INFO, IPC_INFO], [], [],
  [[#define _GNU_SOURCE 1
#include <sys/msg.h>]])
AC_CHECK_TYPES([struct msginfo], [], [],
  [[#define _GNU_SOURCE 1
#include <sys/msg.h>]])
AC_CHECK_MEMBERS([struct msqid_ds.msg_cbytes], [], [],
  [[#define _GNU_SOURCE 1
#include <sys/msg.h>]])
