/* SPDX-License-Identifier: MIT
 * sabotage.h - the sabotage library of `make check-falsify` (issue 17):
 * its kinds, the rows of harness/sabotage.def, the scope test.
 */
#ifndef SABOTAGE_H
#define SABOTAGE_H

enum sab_kind {
	K_ERRNO,     /* fails with errno p1: reports p2 instead */
	K_NOOP,      /* returns success, does nothing (a missing side effect) */
	K_CMD_NOOP,  /* command p1 (IPC_RMID, SETVAL, F_SETFL...) returns success, does nothing */
	K_FAILWITH,  /* fails at once with errno p1 (a call that does not block) */
	K_HANG,      /* never returns */
	K_FLAG_DROP, /* flag p1 in the flags argument is ignored */
	K_FLAG_ADD,  /* flag p1 is added (O_NONBLOCK: a call that does not wait) */
	K_ARG_ZERO,  /* the argument named in the row is ignored (taken as 0) */
	K_TRUNC,     /* transfers one byte less than it reports / than available */
	K_CORRUPT,   /* one byte of the data transferred is wrong */
	K_DROP,      /* reports the data sent, sends nothing (lost data) */
	K_FIELD,     /* field p1 of the status structure it fills is wrong */
	K_TRACE,     /* no sabotage: records the calls (IPCCONF_SABOTAGE_TRACE) */
};

/* The status fields a K_FIELD row perturbs (p1). */
enum sab_field {
	F_MSG_QNUM = 1, F_MSG_QBYTES, F_MSG_LSPID, F_MSG_LRPID, F_MSG_STIME,
	F_MSG_RTIME, F_MSG_CTIME, F_MSG_UID, F_MSG_MODE, F_MSG_CBYTES,
	F_SEM_NSEMS, F_SEM_OTIME, F_SEM_CTIME, F_SEM_MODE, F_SEM_UID,
	F_SEM_GETVAL, F_SEM_GETPID, F_SEM_GETNCNT, F_SEM_GETZCNT, F_SEM_GETALL,
	F_SHM_SEGSZ, F_SHM_NATTCH, F_SHM_CPID, F_SHM_LPID, F_SHM_ATIME,
	F_SHM_DTIME, F_SHM_CTIME, F_SHM_MODE, F_SHM_UID,
	F_MQ_FLAGS, F_MQ_MAXMSG, F_MQ_MSGSIZE, F_MQ_CURMSGS, F_MQ_OLDFLAGS,
	F_SEMVALUE, F_ST_SIZE, F_ST_MODE, F_ST_TYPE, F_ST_UID, F_ST_NLINK,
	F_SIGSET_EMPTY, F_OLDMASK_EMPTY, F_OLDACT_HANDLER, F_OLDACT_FLAGS,
	F_OLDACT_MASK, F_ADDR_PATH, F_ADDR_LEN, F_SOCKOPT, F_GETFL_NONBLOCK,
	F_GETFL_ACCMODE, F_GETFD_CLOEXEC, F_PATHCONF, F_WSTATUS, F_SI_CODE,
	F_SI_PID, F_SI_VALUE, F_SIGNO, F_MSG_FLAGS, F_CMSG_LOST, F_POLL_IN,
	F_POLL_OUT, F_POLL_HUP, F_POLL_COUNT, F_SELECT_READ, F_FIONREAD,
	F_MTYPE, F_PRIO, F_SI_UID, F_SEALS,
	/* funcaught (issue 17): pipe, fifo, signal, socket, posix_sem, posix_shm */
	F_ST_INO, F_ST_TIMES, F_GETFD_FLIP, F_GETFL_NONBLOCK_FLIP, F_PIPE_SZ,
	F_POLL_SPURIOUS, F_SELECT_WRITE, F_SELECT_SPURIOUS, F_SOCKOPT_ANY,
	F_SOCKOPT_LEN, F_ADDR_PORT, F_SIGSET_FULL, F_OLDACT_FLIP, F_WAITID_PID,
	F_ALARM, F_TIMER_VALUE, F_SS_FLAGS, F_SYSCONF, F_RTSIG_RANGE,
	F_PSHARED_FLIP, F_SIGFILL_MISSING, F_MMAP_DIRTY, F_POLL_INHUP, F_DEFAULT_TERM,
};

/* Which objects a row acts on, for calls shared by families. */
enum sab_on { ON_ANY, ON_FIFO, ON_SOCK, ON_ANON /* mmap: anonymous mappings */ };

struct sab {
	const char *name, *family, *call;
	enum sab_kind kind;
	long p1, p2;
	enum sab_on on;
	const char *breaks, *source;
};

extern const struct sab sab_rows[];

/* 1 if the caller (return address ra) is the case's own code or the
 * reference implementation in a case process. */
int sabotage_case_code(const void *ra);

#endif
