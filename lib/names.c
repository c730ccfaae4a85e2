/* SPDX-License-Identifier: MIT
 * names.c - errno values, signals and wait statuses by name.
 *
 * Our own tables: strerrorname_np() is glibc-only and sig2str() too new.
 * Each constant is guarded, so a libc that lacks one still builds.  Values
 * that share a number (EAGAIN/EWOULDBLOCK on Linux) print every name.
 */
#include "ipct.h"

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

struct named {
	int value;
	const char *name;
};

static const struct named errnos[] = {
#ifdef ENOTSUP
	{ ENOTSUP, "ENOTSUP" },
#endif
#ifdef E2BIG
	{ E2BIG, "E2BIG" },
#endif
#ifdef EACCES
	{ EACCES, "EACCES" },
#endif
#ifdef EADDRINUSE
	{ EADDRINUSE, "EADDRINUSE" },
#endif
#ifdef EADDRNOTAVAIL
	{ EADDRNOTAVAIL, "EADDRNOTAVAIL" },
#endif
#ifdef EADV
	{ EADV, "EADV" },
#endif
#ifdef EAFNOSUPPORT
	{ EAFNOSUPPORT, "EAFNOSUPPORT" },
#endif
#ifdef EAGAIN
	{ EAGAIN, "EAGAIN" },
#endif
#ifdef EALREADY
	{ EALREADY, "EALREADY" },
#endif
#ifdef EBADE
	{ EBADE, "EBADE" },
#endif
#ifdef EBADF
	{ EBADF, "EBADF" },
#endif
#ifdef EBADFD
	{ EBADFD, "EBADFD" },
#endif
#ifdef EBADMSG
	{ EBADMSG, "EBADMSG" },
#endif
#ifdef EBADR
	{ EBADR, "EBADR" },
#endif
#ifdef EBADRQC
	{ EBADRQC, "EBADRQC" },
#endif
#ifdef EBADSLT
	{ EBADSLT, "EBADSLT" },
#endif
#ifdef EBFONT
	{ EBFONT, "EBFONT" },
#endif
#ifdef EBUSY
	{ EBUSY, "EBUSY" },
#endif
#ifdef ECANCELED
	{ ECANCELED, "ECANCELED" },
#endif
#ifdef ECHILD
	{ ECHILD, "ECHILD" },
#endif
#ifdef ECHRNG
	{ ECHRNG, "ECHRNG" },
#endif
#ifdef ECOMM
	{ ECOMM, "ECOMM" },
#endif
#ifdef ECONNABORTED
	{ ECONNABORTED, "ECONNABORTED" },
#endif
#ifdef ECONNREFUSED
	{ ECONNREFUSED, "ECONNREFUSED" },
#endif
#ifdef ECONNRESET
	{ ECONNRESET, "ECONNRESET" },
#endif
#ifdef EDEADLK
	{ EDEADLK, "EDEADLK" },
#endif
#ifdef EDEADLOCK
	{ EDEADLOCK, "EDEADLOCK" },
#endif
#ifdef EDESTADDRREQ
	{ EDESTADDRREQ, "EDESTADDRREQ" },
#endif
#ifdef EDOM
	{ EDOM, "EDOM" },
#endif
#ifdef EDOTDOT
	{ EDOTDOT, "EDOTDOT" },
#endif
#ifdef EDQUOT
	{ EDQUOT, "EDQUOT" },
#endif
#ifdef EEXIST
	{ EEXIST, "EEXIST" },
#endif
#ifdef EFAULT
	{ EFAULT, "EFAULT" },
#endif
#ifdef EFBIG
	{ EFBIG, "EFBIG" },
#endif
#ifdef EHOSTDOWN
	{ EHOSTDOWN, "EHOSTDOWN" },
#endif
#ifdef EHOSTUNREACH
	{ EHOSTUNREACH, "EHOSTUNREACH" },
#endif
#ifdef EHWPOISON
	{ EHWPOISON, "EHWPOISON" },
#endif
#ifdef EIDRM
	{ EIDRM, "EIDRM" },
#endif
#ifdef EILSEQ
	{ EILSEQ, "EILSEQ" },
#endif
#ifdef EINPROGRESS
	{ EINPROGRESS, "EINPROGRESS" },
#endif
#ifdef EINTR
	{ EINTR, "EINTR" },
#endif
#ifdef EINVAL
	{ EINVAL, "EINVAL" },
#endif
#ifdef EIO
	{ EIO, "EIO" },
#endif
#ifdef EISCONN
	{ EISCONN, "EISCONN" },
#endif
#ifdef EISDIR
	{ EISDIR, "EISDIR" },
#endif
#ifdef EISNAM
	{ EISNAM, "EISNAM" },
#endif
#ifdef EKEYEXPIRED
	{ EKEYEXPIRED, "EKEYEXPIRED" },
#endif
#ifdef EKEYREJECTED
	{ EKEYREJECTED, "EKEYREJECTED" },
#endif
#ifdef EKEYREVOKED
	{ EKEYREVOKED, "EKEYREVOKED" },
#endif
#ifdef EL2HLT
	{ EL2HLT, "EL2HLT" },
#endif
#ifdef EL2NSYNC
	{ EL2NSYNC, "EL2NSYNC" },
#endif
#ifdef EL3HLT
	{ EL3HLT, "EL3HLT" },
#endif
#ifdef EL3RST
	{ EL3RST, "EL3RST" },
#endif
#ifdef ELIBACC
	{ ELIBACC, "ELIBACC" },
#endif
#ifdef ELIBBAD
	{ ELIBBAD, "ELIBBAD" },
#endif
#ifdef ELIBEXEC
	{ ELIBEXEC, "ELIBEXEC" },
#endif
#ifdef ELIBMAX
	{ ELIBMAX, "ELIBMAX" },
#endif
#ifdef ELIBSCN
	{ ELIBSCN, "ELIBSCN" },
#endif
#ifdef ELNRNG
	{ ELNRNG, "ELNRNG" },
#endif
#ifdef ELOOP
	{ ELOOP, "ELOOP" },
#endif
#ifdef EMEDIUMTYPE
	{ EMEDIUMTYPE, "EMEDIUMTYPE" },
#endif
#ifdef EMFILE
	{ EMFILE, "EMFILE" },
#endif
#ifdef EMLINK
	{ EMLINK, "EMLINK" },
#endif
#ifdef EMSGSIZE
	{ EMSGSIZE, "EMSGSIZE" },
#endif
#ifdef EMULTIHOP
	{ EMULTIHOP, "EMULTIHOP" },
#endif
#ifdef ENAMETOOLONG
	{ ENAMETOOLONG, "ENAMETOOLONG" },
#endif
#ifdef ENAVAIL
	{ ENAVAIL, "ENAVAIL" },
#endif
#ifdef ENETDOWN
	{ ENETDOWN, "ENETDOWN" },
#endif
#ifdef ENETRESET
	{ ENETRESET, "ENETRESET" },
#endif
#ifdef ENETUNREACH
	{ ENETUNREACH, "ENETUNREACH" },
#endif
#ifdef ENFILE
	{ ENFILE, "ENFILE" },
#endif
#ifdef ENOANO
	{ ENOANO, "ENOANO" },
#endif
#ifdef ENOBUFS
	{ ENOBUFS, "ENOBUFS" },
#endif
#ifdef ENOCSI
	{ ENOCSI, "ENOCSI" },
#endif
#ifdef ENODATA
	{ ENODATA, "ENODATA" },
#endif
#ifdef ENODEV
	{ ENODEV, "ENODEV" },
#endif
#ifdef ENOENT
	{ ENOENT, "ENOENT" },
#endif
#ifdef ENOEXEC
	{ ENOEXEC, "ENOEXEC" },
#endif
#ifdef ENOKEY
	{ ENOKEY, "ENOKEY" },
#endif
#ifdef ENOLCK
	{ ENOLCK, "ENOLCK" },
#endif
#ifdef ENOLINK
	{ ENOLINK, "ENOLINK" },
#endif
#ifdef ENOMEDIUM
	{ ENOMEDIUM, "ENOMEDIUM" },
#endif
#ifdef ENOMEM
	{ ENOMEM, "ENOMEM" },
#endif
#ifdef ENOMSG
	{ ENOMSG, "ENOMSG" },
#endif
#ifdef ENONET
	{ ENONET, "ENONET" },
#endif
#ifdef ENOPKG
	{ ENOPKG, "ENOPKG" },
#endif
#ifdef ENOPROTOOPT
	{ ENOPROTOOPT, "ENOPROTOOPT" },
#endif
#ifdef ENOSPC
	{ ENOSPC, "ENOSPC" },
#endif
#ifdef ENOSR
	{ ENOSR, "ENOSR" },
#endif
#ifdef ENOSTR
	{ ENOSTR, "ENOSTR" },
#endif
#ifdef ENOSYS
	{ ENOSYS, "ENOSYS" },
#endif
#ifdef ENOTBLK
	{ ENOTBLK, "ENOTBLK" },
#endif
#ifdef ENOTCONN
	{ ENOTCONN, "ENOTCONN" },
#endif
#ifdef ENOTDIR
	{ ENOTDIR, "ENOTDIR" },
#endif
#ifdef ENOTEMPTY
	{ ENOTEMPTY, "ENOTEMPTY" },
#endif
#ifdef ENOTNAM
	{ ENOTNAM, "ENOTNAM" },
#endif
#ifdef ENOTRECOVERABLE
	{ ENOTRECOVERABLE, "ENOTRECOVERABLE" },
#endif
#ifdef ENOTSOCK
	{ ENOTSOCK, "ENOTSOCK" },
#endif
#ifdef ENOTTY
	{ ENOTTY, "ENOTTY" },
#endif
#ifdef ENOTUNIQ
	{ ENOTUNIQ, "ENOTUNIQ" },
#endif
#ifdef ENXIO
	{ ENXIO, "ENXIO" },
#endif
#ifdef EOPNOTSUPP
	{ EOPNOTSUPP, "EOPNOTSUPP" },
#endif
#ifdef EOVERFLOW
	{ EOVERFLOW, "EOVERFLOW" },
#endif
#ifdef EOWNERDEAD
	{ EOWNERDEAD, "EOWNERDEAD" },
#endif
#ifdef EPERM
	{ EPERM, "EPERM" },
#endif
#ifdef EPFNOSUPPORT
	{ EPFNOSUPPORT, "EPFNOSUPPORT" },
#endif
#ifdef EPIPE
	{ EPIPE, "EPIPE" },
#endif
#ifdef EPROTO
	{ EPROTO, "EPROTO" },
#endif
#ifdef EPROTONOSUPPORT
	{ EPROTONOSUPPORT, "EPROTONOSUPPORT" },
#endif
#ifdef EPROTOTYPE
	{ EPROTOTYPE, "EPROTOTYPE" },
#endif
#ifdef ERANGE
	{ ERANGE, "ERANGE" },
#endif
#ifdef EREMCHG
	{ EREMCHG, "EREMCHG" },
#endif
#ifdef EREMOTE
	{ EREMOTE, "EREMOTE" },
#endif
#ifdef EREMOTEIO
	{ EREMOTEIO, "EREMOTEIO" },
#endif
#ifdef ERESTART
	{ ERESTART, "ERESTART" },
#endif
#ifdef ERFKILL
	{ ERFKILL, "ERFKILL" },
#endif
#ifdef EROFS
	{ EROFS, "EROFS" },
#endif
#ifdef ESHUTDOWN
	{ ESHUTDOWN, "ESHUTDOWN" },
#endif
#ifdef ESOCKTNOSUPPORT
	{ ESOCKTNOSUPPORT, "ESOCKTNOSUPPORT" },
#endif
#ifdef ESPIPE
	{ ESPIPE, "ESPIPE" },
#endif
#ifdef ESRCH
	{ ESRCH, "ESRCH" },
#endif
#ifdef ESRMNT
	{ ESRMNT, "ESRMNT" },
#endif
#ifdef ESTALE
	{ ESTALE, "ESTALE" },
#endif
#ifdef ESTRPIPE
	{ ESTRPIPE, "ESTRPIPE" },
#endif
#ifdef ETIME
	{ ETIME, "ETIME" },
#endif
#ifdef ETIMEDOUT
	{ ETIMEDOUT, "ETIMEDOUT" },
#endif
#ifdef ETOOMANYREFS
	{ ETOOMANYREFS, "ETOOMANYREFS" },
#endif
#ifdef ETXTBSY
	{ ETXTBSY, "ETXTBSY" },
#endif
#ifdef EUCLEAN
	{ EUCLEAN, "EUCLEAN" },
#endif
#ifdef EUNATCH
	{ EUNATCH, "EUNATCH" },
#endif
#ifdef EUSERS
	{ EUSERS, "EUSERS" },
#endif
#ifdef EWOULDBLOCK
	{ EWOULDBLOCK, "EWOULDBLOCK" },
#endif
#ifdef EXDEV
	{ EXDEV, "EXDEV" },
#endif
#ifdef EXFULL
	{ EXFULL, "EXFULL" },
#endif
};

static const struct named signals[] = {
#ifdef SIGHUP
	{ SIGHUP, "SIGHUP" },
#endif
#ifdef SIGINT
	{ SIGINT, "SIGINT" },
#endif
#ifdef SIGQUIT
	{ SIGQUIT, "SIGQUIT" },
#endif
#ifdef SIGILL
	{ SIGILL, "SIGILL" },
#endif
#ifdef SIGTRAP
	{ SIGTRAP, "SIGTRAP" },
#endif
#ifdef SIGABRT
	{ SIGABRT, "SIGABRT" },
#endif
#ifdef SIGBUS
	{ SIGBUS, "SIGBUS" },
#endif
#ifdef SIGFPE
	{ SIGFPE, "SIGFPE" },
#endif
#ifdef SIGKILL
	{ SIGKILL, "SIGKILL" },
#endif
#ifdef SIGUSR1
	{ SIGUSR1, "SIGUSR1" },
#endif
#ifdef SIGSEGV
	{ SIGSEGV, "SIGSEGV" },
#endif
#ifdef SIGUSR2
	{ SIGUSR2, "SIGUSR2" },
#endif
#ifdef SIGPIPE
	{ SIGPIPE, "SIGPIPE" },
#endif
#ifdef SIGALRM
	{ SIGALRM, "SIGALRM" },
#endif
#ifdef SIGTERM
	{ SIGTERM, "SIGTERM" },
#endif
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "SIGSTKFLT" },
#endif
#ifdef SIGCHLD
	{ SIGCHLD, "SIGCHLD" },
#endif
#ifdef SIGCONT
	{ SIGCONT, "SIGCONT" },
#endif
#ifdef SIGSTOP
	{ SIGSTOP, "SIGSTOP" },
#endif
#ifdef SIGTSTP
	{ SIGTSTP, "SIGTSTP" },
#endif
#ifdef SIGTTIN
	{ SIGTTIN, "SIGTTIN" },
#endif
#ifdef SIGTTOU
	{ SIGTTOU, "SIGTTOU" },
#endif
#ifdef SIGURG
	{ SIGURG, "SIGURG" },
#endif
#ifdef SIGXCPU
	{ SIGXCPU, "SIGXCPU" },
#endif
#ifdef SIGXFSZ
	{ SIGXFSZ, "SIGXFSZ" },
#endif
#ifdef SIGVTALRM
	{ SIGVTALRM, "SIGVTALRM" },
#endif
#ifdef SIGPROF
	{ SIGPROF, "SIGPROF" },
#endif
#ifdef SIGWINCH
	{ SIGWINCH, "SIGWINCH" },
#endif
#ifdef SIGIO
	{ SIGIO, "SIGIO" },
#endif
#ifdef SIGPWR
	{ SIGPWR, "SIGPWR" },
#endif
#ifdef SIGSYS
	{ SIGSYS, "SIGSYS" },
#endif
#ifdef SIGEMT
	{ SIGEMT, "SIGEMT" },
#endif
#ifdef SIGINFO
	{ SIGINFO, "SIGINFO" },
#endif
};

/* Rotating buffers so that two names can appear in one printf. */
static char *scratch(void)
{
	static char bufs[4][96];
	static unsigned next;

	return bufs[next++ % 4];
}

const char *ipct_errname(int err)
{
	char *buf = scratch();
	size_t used = 0;
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < sizeof errnos / sizeof errnos[0]; i++) {
		if (errnos[i].value != err)
			continue;
		used += (size_t)snprintf(buf + used, 96 - used, "%s%s",
					 used ? "/" : "", errnos[i].name);
		if (used >= 96)
			break;
	}
	if (!buf[0])
		snprintf(buf, 96, err ? "errno %d" : "0 (no error)", err);
	return buf;
}

int ipct_errno_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (strcmp(errnos[i].name, name) == 0)
			return errnos[i].value;
	return -1;
}

const char *ipct_signame(int sig)
{
	char *buf = scratch();
	size_t i;

	for (i = 0; i < sizeof signals / sizeof signals[0]; i++)
		if (signals[i].value == sig)
			return signals[i].name;
#ifdef SIGRTMIN
	if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
		if (sig == SIGRTMIN)
			return "SIGRTMIN";
		if (sig == SIGRTMAX)
			return "SIGRTMAX";
		snprintf(buf, 96, "SIGRTMIN+%d", sig - SIGRTMIN);
		return buf;
	}
#endif
	snprintf(buf, 96, "signal %d", sig);
	return buf;
}

const char *ipct_status_str(int status, char *buf, size_t len)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by %s%s", ipct_signame(WTERMSIG(status)),
#ifdef WCOREDUMP
			 WCOREDUMP(status) ? " (core dumped)" : ""
#else
			 ""
#endif
			);
	else if (WIFSTOPPED(status))
		snprintf(buf, len, "stopped by %s", ipct_signame(WSTOPSIG(status)));
#ifdef WIFCONTINUED
	else if (WIFCONTINUED(status))
		snprintf(buf, len, "continued");
#endif
	else
		snprintf(buf, len, "wait status 0x%x", (unsigned)status);
	return buf;
}
