/* SPDX-License-Identifier: MIT
 * lib/ref/socket.h - reference use of Unix-domain sockets: a stream echo
 * server that serves several clients from one poll() loop, and passing an
 * open descriptor to another process with SCM_RIGHTS.
 */
#ifndef REF_SOCKET_H
#define REF_SOCKET_H

#include "config.h"

#include <stdio.h>

/* Most clients ref_socket_echo_serve() holds at once. */
#define REF_SOCKET_MAX_CLIENTS 16

/* A new AF_UNIX SOCK_STREAM socket bound to path and listening with the
 * given backlog, close-on-exec.  The caller unlinks path when done.
 * Returns the descriptor, -1 with errno (ENAMETOOLONG: path does not fit
 * in sun_path). */
int ref_socket_listen(const char *path, int backlog);

/* A new AF_UNIX SOCK_STREAM socket connected to path, close-on-exec.
 * Returns the descriptor, -1 with errno. */
int ref_socket_connect(const char *path);

/* Echo server on the listening socket lfd: accept clients, send back
 * every byte each one sends, close a client at its end-of-file, and
 * return once `clients` clients have been served and closed.  One poll()
 * loop, no threads: a slow client never holds up the others.  At most
 * REF_SOCKET_MAX_CLIENTS at a time (more wait in the listen backlog).
 * Returns 0, -1 with errno. */
int ref_socket_echo_serve(int lfd, int clients);

/* Send the descriptor fd over the connected AF_UNIX socket sock as an
 * SCM_RIGHTS message with one byte of payload.  The caller may close its
 * fd as soon as this returns.  0, or -1 with errno. */
int ref_socket_send_fd(int sock, int fd);

/* Receive one descriptor sent by ref_socket_send_fd() on sock.  Returns
 * the new descriptor (close-on-exec clear), or -1 with errno: EPIPE if
 * the peer closed first, EBADMSG if the message carried no descriptor,
 * EMSGSIZE if descriptors were lost to truncation. */
int ref_socket_recv_fd(int sock);

/* The echo server end to end in directory dir (socket file
 * dir/echo.sock, unlinked at the end): a server process and three client
 * processes connected at the same time, each sending its fixed messages.
 * Writes what each client sent and got back, in client order, to out.
 * 0 on success, -1 with errno. */
int ref_socket_demo_echo(FILE *out, const char *dir);

/* Descriptor passing in dir (socket file dir/pass.sock, unlinked at the
 * end): this process opens a pipe after starting a second process, sends
 * it the write end over the named socket, and reads what the second
 * process writes into it, then end-of-file when its copy is closed.
 * 0 on success, -1 with errno. */
int ref_socket_demo_pass_fd(FILE *out, const char *dir);

#endif /* REF_SOCKET_H */
