#!/bin/sh
# ci/riscv64-qemu.sh - riscv64 glibc, cross-compiled and run under qemu-user
# (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
qemu_check riscv64 riscv64-linux-gnu riscv64 gcc-riscv64-linux-gnu libc6-dev-riscv64-cross
