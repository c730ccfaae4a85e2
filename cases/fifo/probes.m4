# Probes for cases/fifo (included by configure.ac).
