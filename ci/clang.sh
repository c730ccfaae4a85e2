#!/bin/sh
# ci/clang.sh - x86_64 glibc with clang, warnings as errors; linked as
# configure does by default (statically, where glibc's archive is there).
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install clang
build_check clang CC=clang --enable-werror
