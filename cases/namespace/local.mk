# cases/namespace: IPC namespaces (SysV objects, POSIX message queues,
# per-namespace limits) and network namespaces (AF_UNIX names); namespace.h
# holds the shared helpers (a child in a new namespace, skipping on refusal).
nobase_pkglibexec_PROGRAMS += %reldir%/ipc %reldir%/net
EXTRA_DIST += %reldir%/namespace.h
