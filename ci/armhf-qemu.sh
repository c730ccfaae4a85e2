#!/bin/sh
# ci/armhf-qemu.sh - 32-bit ARM (hard-float EABI) glibc, cross-compiled and
# run under qemu-user (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
# 64-bit file offsets come from configure's AC_SYS_LARGEFILE: a 32-bit
# guest under qemu-user gets the host's 64-bit directory offsets (ext4 htree
# hashes), which a 32-bit readdir() without them cannot return (EOVERFLOW),
# and the runner could not empty the cases' directories.
qemu_check armhf arm-linux-gnueabihf arm gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
