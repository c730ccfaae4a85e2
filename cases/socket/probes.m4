# Probes for cases/socket (included by configure.ac).
# Linux socket interfaces the issue-16 cases use, declared under
# _GNU_SOURCE (as the cases include the headers).  Each defines HAVE_<X>
# for the .requires of the cases that need it.
m4_define([IPCONF_SOCK_PROBE],
[AC_CACHE_CHECK([for $2], [ipcconf_cv_sock_$1],
  [AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[#define _GNU_SOURCE 1
$3]], [[$4]])],
    [ipcconf_cv_sock_$1=yes], [ipcconf_cv_sock_$1=no])])
AS_IF([test "x$ipcconf_cv_sock_$1" = xyes],
  [AC_DEFINE([HAVE_$1], [1], [Define to 1 if $2 is available.])])])
IPCONF_SOCK_PROBE([SIOCINQ], [SIOCINQ and SIOCOUTQ in <linux/sockios.h>],
  [#include <sys/ioctl.h>
#include <linux/sockios.h>], [int a = SIOCINQ, b = SIOCOUTQ; (void)a; (void)b;])
IPCONF_SOCK_PROBE([SO_PEEK_OFF], [SO_PEEK_OFF in <sys/socket.h>],
  [#include <sys/socket.h>], [int a = SO_PEEK_OFF; (void)a;])
IPCONF_SOCK_PROBE([SO_DOMAIN], [SO_DOMAIN and SO_PROTOCOL in <sys/socket.h>],
  [#include <sys/socket.h>], [int a = SO_DOMAIN, b = SO_PROTOCOL; (void)a; (void)b;])
IPCONF_SOCK_PROBE([POLLRDHUP], [POLLRDHUP in <poll.h>],
  [#include <poll.h>], [int a = POLLRDHUP; (void)a;])
IPCONF_SOCK_PROBE([RECVMMSG], [recvmmsg and sendmmsg in <sys/socket.h>],
  [#include <sys/socket.h>],
  [struct mmsghdr m; (void)recvmmsg(0, &m, 1, 0, 0); (void)sendmmsg(0, &m, 1, 0);])
