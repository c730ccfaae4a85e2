# cases/signal: one binary, signal, of all its source files; signal.h holds
# their shared recording handlers and setup helpers.  The self-pipe
# reference (lib/ref/signal.c) goes into libipct; its demo program prints
# expected/ref/signal_self_pipe.txt.
nobase_pkglibexec_PROGRAMS += %reldir%/signal
%canon_reldir%_signal_SOURCES = %reldir%/action.c %reldir%/altstack.c \
	%reldir%/inherit.c %reldir%/kill.c %reldir%/mask.c %reldir%/queue.c \
	%reldir%/reference.c %reldir%/sigaction.c %reldir%/thread.c \
	%reldir%/timer.c %reldir%/wait.c %reldir%/waitid.c
EXTRA_DIST += %reldir%/signal.h

# Reference implementation (lib/ref/signal.*) and its demo program.
lib_libipct_a_SOURCES += lib/ref/signal.c lib/ref/signal.h
refdemo_PROGRAMS += lib/ref/demo_signal
lib_ref_demo_signal_SOURCES = lib/ref/demo_signal.c
lib_ref_demo_signal_LDADD = lib/libipct.a
