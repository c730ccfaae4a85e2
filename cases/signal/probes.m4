# Probes for cases/signal (included by configure.ac).
