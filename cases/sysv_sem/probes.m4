# Probes for cases/sysv_sem (included by configure.ac).
