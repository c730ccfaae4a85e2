# cases/signal: one binary per source file; signal.h holds their shared
# recording handlers and setup helpers.  The self-pipe reference
# (lib/ref/signal.c) goes into libipct; its demo program prints
# expected/ref/signal_self_pipe.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/kill %reldir%/sigaction %reldir%/mask \
	%reldir%/wait %reldir%/inherit %reldir%/action \
	%reldir%/reference %reldir%/altstack %reldir%/thread %reldir%/timer \
	%reldir%/waitid %reldir%/queue
EXTRA_DIST += %reldir%/signal.h

# Reference implementation (lib/ref/signal.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/signal.c lib/ref/signal.h
refdemo_PROGRAMS += lib/ref/demo_signal
lib_ref_demo_signal_SOURCES = lib/ref/demo_signal.c
lib_ref_demo_signal_LDADD = lib/libipct.a
