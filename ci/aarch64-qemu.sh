#!/bin/sh
# ci/aarch64-qemu.sh - aarch64 glibc, cross-compiled with --host and run
# under qemu-user.  No binfmt_misc handler is assumed: make check runs each
# case binary through LOG_COMPILER=qemu-aarch64, and binaries that exec
# themselves (helper processes) prefix IPCCONF_EXEC_WRAPPER.
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static) ||
	die "qemu-aarch64 not found after installing qemu-user"
QEMU_LD_PREFIX=/usr/aarch64-linux-gnu
IPCCONF_EXEC_WRAPPER=$qemu
IPCCONF_TIMEOUT_MUL=${IPCCONF_TIMEOUT_MUL:-5}
export QEMU_LD_PREFIX IPCCONF_EXEC_WRAPPER IPCCONF_TIMEOUT_MUL
CHECK_ARGS="LOG_COMPILER=$qemu"
# The emulator is the platform: its own deviations are listed apart from
# those of real aarch64 hardware.
build_check aarch64 --host=aarch64-linux-gnu --with-platform=aarch64-linux-gnu-qemu --enable-werror
