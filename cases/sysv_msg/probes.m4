# Probes for cases/sysv_msg (included by configure.ac).
