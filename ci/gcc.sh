#!/bin/sh
# ci/gcc.sh - x86_64 glibc with gcc, warnings as errors.
. "$(dirname "$0")/lib.sh"
bootstrap
build_check gcc CC=gcc --enable-werror
