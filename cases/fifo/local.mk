# cases/fifo: one binary, fifo, of all its source files.  The reference
# client/server (lib/ref/fifo.c) goes into libipct; its demo program prints
# expected/ref/fifo_client_server.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/fifo
%canon_reldir%_fifo_SOURCES = %reldir%/io.c %reldir%/mkfifo.c \
	%reldir%/open.c %reldir%/reference.c

# Reference implementation (lib/ref/fifo.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/fifo.c lib/ref/fifo.h
refdemo_PROGRAMS += lib/ref/demo_fifo
lib_ref_demo_fifo_SOURCES = lib/ref/demo_fifo.c
lib_ref_demo_fifo_LDADD = lib/libipct.a
