# Probes for cases/pipe (included by configure.ac).
