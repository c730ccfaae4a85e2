#!/bin/sh
# ci/gcc.sh - x86_64 glibc with gcc, warnings as errors, linked with the
# shared C library (--disable-static-link): the build most programs here
# are, and the tree the falsify and report steps use (check-falsify needs
# shared linking).  The clang step and the others build as configure does
# by default: statically linked.
. "$(dirname "$0")/lib.sh"
bootstrap
build_check gcc CC=gcc --enable-werror --disable-static-link
