#!/bin/sh
# ci/ppc64le-qemu.sh - powerpc64le glibc, cross-compiled and run under
# qemu-user (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
qemu_check ppc64le powerpc64le-linux-gnu ppc64le gcc-powerpc64le-linux-gnu libc6-dev-ppc64el-cross
