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
	/* lock, pshared, linux_fd (issue 17, branch fnew) */
	K_CMD_AS,    /* command p1 is carried out as command p2 (F_SETLKW as F_SETLK...) */
	K_REQ,       /* the request is changed as p1 (enum sab_req) says */
};

/* What a K_REQ row changes in the request (p1). */
enum sab_req {
	R_UNLCK_NOOP = 1, /* an unlock (F_UNLCK, LOCK_UN, F_ULOCK, *_unlock) succeeds, releases nothing */
	R_RD_AS_WR,       /* a shared/read lock is taken exclusive */
	R_WR_AS_RD,       /* an exclusive/write lock is taken shared */
	R_LEN0_ONE,       /* l_len 0 ("to the end, however far") locks one byte */
	R_WHENCE_SET,     /* l_whence ignored: SEEK_CUR/SEEK_END taken as SEEK_SET */
	R_UNLCK_ALL,      /* unlocking part of a range unlocks the whole file */
	R_NEGLEN_EINVAL,  /* a negative l_len is refused with EINVAL */
	R_PSHARED_PRIVATE,/* the process-shared argument is taken as private */
	R_COUNT_ONE,      /* a barrier's count is taken as 1 */
	R_BROADCAST_ONE,  /* pthread_cond_broadcast wakes one waiter only */
	R_NAME,           /* memfd_create's name is replaced */
	R_SIGNAL_ZERO,    /* the signal sent is 0 (nothing delivered) */
	R_SIGKILL_EINVAL, /* a signal mask holding SIGKILL or SIGSTOP is refused with EINVAL */
	R_OWN_CONFLICT,   /* the caller's own locks (same process / same description) conflict */
	R_UNLOCK_FREE_FAILS, /* unlocking where nothing is locked fails (ENOLCK) */
	R_LEN_PLUS_ONE,   /* a lock covers one byte more than asked */
	R_FLOCK_AS_FCNTL, /* flock() is emulated with fcntl() whole-file record locks */
	R_TEST_LOCKED,    /* lockf(F_TEST) reports every section locked */
	R_CLOSE_KEEPS_LOCKS, /* close() does not remove the process's record locks on the file */
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
	/* lock, pshared, linux_fd (branch fnew) */
	F_LK_UNLCK, F_LK_TYPE, F_LK_PID, F_LK_START, F_LK_LEN, F_LK_WHENCE,
	F_PT_VALUE, F_BARRIER_SERIAL, F_SI_STATUS, F_LK_FREE_KEEP,
	/* funcaught (issue 17): pipe, fifo, signal, socket, posix_sem, posix_shm */
	F_ST_INO, F_ST_TIMES, F_GETFD_FLIP, F_GETFL_NONBLOCK_FLIP, F_PIPE_SZ,
	F_POLL_SPURIOUS, F_SELECT_WRITE, F_SELECT_SPURIOUS, F_SOCKOPT_ANY,
	F_SOCKOPT_LEN, F_ADDR_PORT, F_SIGSET_FULL, F_OLDACT_FLIP, F_WAITID_PID,
	F_ALARM, F_TIMER_VALUE, F_SS_FLAGS, F_SYSCONF, F_RTSIG_RANGE,
	F_PSHARED_FLIP, F_SIGFILL_MISSING, F_MMAP_DIRTY, F_POLL_INHUP, F_DEFAULT_TERM,
};

/* Fields of the System V information commands and IPC_PRIVATE handling
 * (rows of the "gaps" section of sabotage.def); numbered apart. */
enum sab_field_sysv_info {
	F_SHM_IPC_INFO = 200, /* IPC_INFO shminfo.shmmax one less */
	F_SHM_SHM_INFO,       /* SHM_INFO shm_info.used_ids 0 */
	F_SEM_SEM_INFO,       /* SEM_INFO seminfo.semusz, semaem 0 */
	F_MSG_IPC_INFO,       /* IPC_INFO msginfo.msgmax one less */
	F_MSG_MSG_INFO,       /* MSG_INFO msginfo.msgmap one more */
	F_PRIVATE_REUSE,      /* *get(IPC_PRIVATE) returns the process's previous id */
	F_SEM_SEM_STAT,       /* SEM_STAT returns the index, not the identifier */
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
