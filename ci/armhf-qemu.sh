#!/bin/sh
# ci/armhf-qemu.sh - 32-bit ARM (hard-float EABI) glibc, cross-compiled and
# run under qemu-user (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
qemu_check armhf arm-linux-gnueabihf arm gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
