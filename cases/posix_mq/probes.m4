# Probes for cases/posix_mq (included by configure.ac).
