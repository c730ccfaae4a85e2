#!/bin/sh
# ci/armhf-qemu.sh - 32-bit ARM (hard-float EABI) glibc, cross-compiled and
# run under qemu-user (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
# A 32-bit guest under qemu-user gets the host's 64-bit directory offsets
# (ext4 htree hashes: the host kernel sees a 64-bit process), which a 32-bit
# readdir() without 64-bit offsets cannot return (EOVERFLOW; the known
# workaround, e.g. Azure/iot-hub-device-update PR 350, go-debos/debos PR 704),
# so the runner could not empty the cases' directories (every case that made
# a file was reported "leaked directory").  64-bit file offsets avoid it.
QEMU_CONFIGURE_ARGS=CPPFLAGS=-D_FILE_OFFSET_BITS=64
qemu_check armhf arm-linux-gnueabihf arm gcc-arm-linux-gnueabihf libc6-dev-armhf-cross
