# cases/pipe: one binary, pipe, of all its source files; pipe.h holds their
# shared setup helpers.  The reference transfer (lib/ref/pipe.c) goes into
# libipct; its demo program prints expected/ref/pipe_transfer.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/pipe
%canon_reldir%_pipe_SOURCES = %reldir%/inherit.c %reldir%/linux_ext.c \
	%reldir%/pipe.c %reldir%/pipe2.c %reldir%/poll.c %reldir%/read.c \
	%reldir%/reference.c %reldir%/sigpipe.c %reldir%/write.c
EXTRA_DIST += %reldir%/pipe.h

# Reference implementation (lib/ref/pipe.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/pipe.c lib/ref/pipe.h
refdemo_PROGRAMS += lib/ref/demo_pipe
lib_ref_demo_pipe_SOURCES = lib/ref/demo_pipe.c
lib_ref_demo_pipe_LDADD = lib/libipct.a
