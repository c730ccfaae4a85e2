# cases/namespace: IPC namespaces (SysV objects, POSIX message queues,
# per-namespace limits) and network namespaces (AF_UNIX names); namespace.h
# holds the shared helpers (the refusal probe, entering a namespace).
#TMP
EXTRA_DIST += %reldir%/namespace.h
