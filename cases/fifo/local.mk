# cases/fifo: one binary per source file.  The reference client/server
# (lib/ref/fifo.c) goes into libipct; its demo program prints
# expected/ref/fifo_client_server.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/mkfifo %reldir%/open %reldir%/io
