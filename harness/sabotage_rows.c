/* SPDX-License-Identifier: MIT
 * sabotage_rows.c - the rows of harness/sabotage.def as data, shared by the
 * sabotage library and the program that lists them.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <stddef.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sabotage.h"

#define S(name, fam, call, kind, p1, p2, on, breaks, src) \
	{ #name, #fam, #call, kind, (long)(p1), (long)(p2), on, breaks, src },
#define E(fam, call, e1, e2, on, src) \
	{ #fam "/" #call "." #e1 "-as-" #e2, #fam, #call, K_ERRNO, e1, e2, on, \
	  #call "() fails with " #e2 " where " #e1 " is required", src },
const struct sab sab_rows[] = {
#include "sabotage.def"
	{ NULL, NULL, NULL, 0, 0, 0, 0, NULL, NULL },
};
