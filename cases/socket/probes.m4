# Probes for cases/socket (included by configure.ac).
