#!/bin/sh
# ci/musl.sh - x86_64 musl (musl-gcc wrapper from Debian's musl-tools).
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install musl-tools
build_check musl CC=musl-gcc --enable-werror
