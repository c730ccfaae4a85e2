# cases/signal: one binary per source file; sigh.h holds their shared
# recording handlers and setup helpers.  The self-pipe reference
# (lib/ref/signal.c) goes into libipct; its demo program prints
# expected/ref/signal_self_pipe.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/kill %reldir%/sigaction %reldir%/mask \
	%reldir%/wait %reldir%/inherit %reldir%/action
EXTRA_DIST += %reldir%/sigh.h
