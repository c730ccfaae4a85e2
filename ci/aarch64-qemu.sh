#!/bin/sh
# ci/aarch64-qemu.sh - aarch64 glibc, cross-compiled and run under qemu-user
# (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
qemu_check aarch64 aarch64-linux-gnu aarch64 gcc-aarch64-linux-gnu libc6-dev-arm64-cross
