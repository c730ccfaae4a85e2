#!/bin/sh
# ci/m32.sh - i386 glibc, cross-compiled with the i686 toolchain
# (gcc-i686-linux-gnu: no gcc-multilib, which conflicts with the other
# cross compilers).  Where this host's kernel cannot execute i386 binaries
# (no IA32 emulation), make check runs them under qemu-i386, as
# ci/aarch64-qemu.sh does with qemu-aarch64, and says so.
# IPCCONF_M32_QEMU=1 forces qemu-i386 on a host that could run them natively.
# Under qemu the binaries are linked statically (see below).
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install gcc-i686-linux-gnu libc6-dev-i386-cross
probe="$ci_dir/m32-probe"
printf 'int main(void) { return 0; }\n' >"$probe.c"
i686-linux-gnu-gcc -o "$probe" "$probe.c" || die "i686-linux-gnu-gcc cannot link a program"
if [ "${IPCCONF_M32_QEMU:-0}" != 1 ] && "$probe" 2>/dev/null; then
	say "this host runs i386 binaries natively"
	build_check m32 --host=i686-linux-gnu --enable-werror
else
	apt_install qemu-user
	qemu=$(command -v qemu-i386 || command -v qemu-i386-static) ||
		die "qemu-i386 not found after installing qemu-user"
	if [ "${IPCCONF_M32_QEMU:-0}" = 1 ]; then
		say "running i386 binaries under $qemu (forced by IPCCONF_M32_QEMU=1)"
	else
		say "this host cannot execute i386 binaries (its kernel has no IA32 emulation): running them under $qemu"
	fi
	QEMU_LD_PREFIX=/usr/i686-linux-gnu
	IPCCONF_EXEC_WRAPPER=$qemu
	IPCCONF_TIMEOUT_MUL=${IPCCONF_TIMEOUT_MUL:-5}
	export QEMU_LD_PREFIX IPCCONF_EXEC_WRAPPER IPCCONF_TIMEOUT_MUL
	CHECK_ARGS="LOG_COMPILER=$qemu"
	# qemu-i386 7.2 (Debian 12) never finishes fork() in a dynamically
	# linked i386 glibc program (the child spins after clone); statically
	# linked ones fork fine, so the emulated run links statically.
	say "linking statically: qemu-i386 hangs in fork() of dynamically linked i386 programs"
	# The emulator is its own platform (expected/i686-linux-gnu-qemu.txt):
	# its deviations must not land in the native i686 baseline.
	build_check m32 --host=i686-linux-gnu --with-platform=i686-linux-gnu-qemu --enable-werror LDFLAGS=-static
fi
