# cases/socket/probes.m4 - configure probes for the socket cases (m4_sinclude by configure.ac).
# Linux socket interfaces the issue-16 cases use, declared under
# _GNU_SOURCE (as the cases include the headers).  Each defines HAVE_<X>
# for the .requires of the cases that need it.
m4_define([IPCCONF_SOCKET_PROBE],
[AC_CACHE_CHECK([for $2], [ipcconf_cv_sock_$1],
  [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#define _GNU_SOURCE 1
$3]], [[$4]])],
    [ipcconf_cv_sock_$1=yes], [ipcconf_cv_sock_$1=no])])
AS_IF([test "x$ipcconf_cv_sock_$1" = xyes],
  [AC_DEFINE([HAVE_$1], [1], [Define to 1 if $2 is available.])])])
IPCCONF_SOCKET_PROBE([SIOCINQ], [SIOCINQ and SIOCOUTQ in <linux/sockios.h>],
  [#include <sys/ioctl.h>
#include <linux/sockios.h>], [int a = SIOCINQ, b = SIOCOUTQ; (void)a; (void)b;])
IPCCONF_SOCKET_PROBE([SO_PEEK_OFF], [SO_PEEK_OFF in <sys/socket.h>],
  [#include <sys/socket.h>], [int a = SO_PEEK_OFF; (void)a;])
IPCCONF_SOCKET_PROBE([SO_DOMAIN], [SO_DOMAIN and SO_PROTOCOL in <sys/socket.h>],
  [#include <sys/socket.h>], [int a = SO_DOMAIN, b = SO_PROTOCOL; (void)a; (void)b;])
IPCCONF_SOCKET_PROBE([POLLRDHUP], [POLLRDHUP in <poll.h>],
  [#include <poll.h>], [int a = POLLRDHUP; (void)a;])
IPCCONF_SOCKET_PROBE([RECVMMSG], [recvmmsg and sendmmsg in <sys/socket.h>],
  [#include <sys/socket.h>],
  [struct mmsghdr m; (void)recvmmsg(0, &m, 1, 0, 0); (void)sendmmsg(0, &m, 1, 0);])
IPCCONF_SOCKET_PROBE([LINUX_ERRQUEUE_H], [struct sock_extended_err in <linux/errqueue.h>],
  [#include <time.h>
#include <linux/errqueue.h>], [struct sock_extended_err e; e.ee_origin = SO_EE_ORIGIN_ICMP; (void)e;])
