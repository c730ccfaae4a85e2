# Probes for cases/sysv_shm (included by configure.ac).
