# cases/namespace: one binary, namespace, of all its source files: IPC
# namespaces (SysV objects, POSIX message queues, per-namespace limits) and
# network namespaces (AF_UNIX names); namespace.h holds the shared helpers
# (a child in a new namespace, skipping on refusal).
nobase_pkglibexec_PROGRAMS += %reldir%/namespace
%canon_reldir%_namespace_SOURCES = %reldir%/ipc.c %reldir%/net.c
EXTRA_DIST += %reldir%/namespace.h
