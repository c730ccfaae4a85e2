# cases/pipe: one binary per source file; pipeh.h holds their shared
# setup helpers.  The reference transfer (lib/ref/pipe.c) goes into
# libipct; its demo program prints expected/ref/pipe_transfer.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/pipe %reldir%/read \
	%reldir%/write %reldir%/sigpipe %reldir%/poll \
	%reldir%/inherit %reldir%/pipe2 %reldir%/linux_ext
EXTRA_DIST += %reldir%/pipeh.h
