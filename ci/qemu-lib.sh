# ci/qemu-lib.sh - sourced by the <cpu>-qemu.sh steps after lib.sh.
# qemu_check NAME TRIPLET QEMU-ARCH PKG...: cross-compile with --host=TRIPLET
# and run make check under qemu-user.  No binfmt_misc handler is assumed:
# make check runs each case binary through LOG_COMPILER=qemu-ARCH, binaries
# that exec themselves (helper processes) prefix IPCCONF_EXEC_WRAPPER, and
# QEMU_LD_PREFIX points the emulator at the cross libc.  The emulator is the
# platform: expected/<cpu>-linux-gnu-qemu.txt lists the target's layers and
# qemu-user.txt, apart from what real hardware would do.
qemu_check() {
	name=$1 triplet=$2 qarch=$3; shift 3
	apt_install qemu-user "$@"
	qemu=$(command -v "qemu-$qarch" || command -v "qemu-$qarch-static") ||
		die "qemu-$qarch not found after installing qemu-user"
	QEMU_LD_PREFIX=/usr/$triplet
	IPCCONF_EXEC_WRAPPER=$qemu
	IPCCONF_TIMEOUT_MUL=${IPCCONF_TIMEOUT_MUL:-5}
	export QEMU_LD_PREFIX IPCCONF_EXEC_WRAPPER IPCCONF_TIMEOUT_MUL
	CHECK_ARGS="LOG_COMPILER=$qemu"
	cpu=${triplet%%-*}
	# shellcheck disable=SC2086
	build_check "$name" --host="$triplet" --with-platform="$cpu-linux-gnu-qemu" --enable-werror ${QEMU_CONFIGURE_ARGS:-}
}
