# Probes for cases/posix_shm (included by configure.ac).
