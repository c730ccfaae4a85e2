# cases/pipe: one binary per source file; pipe.h holds their shared
# setup helpers.  The reference transfer (lib/ref/pipe.c) goes into
# libipct; its demo program prints expected/ref/pipe_transfer.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/pipe %reldir%/read \
	%reldir%/write %reldir%/sigpipe %reldir%/poll \
	%reldir%/inherit %reldir%/pipe2 %reldir%/linux_ext \
	%reldir%/reference
EXTRA_DIST += %reldir%/pipe.h

# Reference implementation (lib/ref/pipe.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/pipe.c lib/ref/pipe.h
refdemo_PROGRAMS += lib/ref/demo_pipe
lib_ref_demo_pipe_SOURCES = lib/ref/demo_pipe.c
lib_ref_demo_pipe_LDADD = lib/libipct.a
