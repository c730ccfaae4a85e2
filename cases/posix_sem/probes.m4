# Probes for cases/posix_sem (included by configure.ac).
