#!/bin/sh
# ci/gvisor.sh - the x86_64 glibc build run inside gVisor (Debian's runsc,
# ptrace platform, no network): gVisor's user-space kernel implements the
# system calls, so its deviations from Linux show (expected/gvisor.txt).
# -force-overlay=false lets the run write its TAP logs to the host; /dev/shm,
# /dev/mqueue and a tmpfs for the case directories are mounted inside.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/inside-lib.sh"
bootstrap
apt_install runsc
[ "$(id -u)" -eq 0 ] || die "runsc do needs root"
inside_build gvisor x86_64-linux-gnu-gvisor
# Case directories in a tmpfs of gVisor's own (not the gofer's host files).
inside_script "$b/inside.sh" "mount -t tmpfs -o mode=1777 tmp '$b/tmp'" ""
say "runsc do (ptrace platform)"
start=$(date +%s)
# runsc keeps its state under --root; a private one leaves nothing behind.
timeout -k 10 600 runsc --root="$b/runsc-state" --network=none --platform=ptrace \
	do -force-overlay=false -quiet "$b/inside.sh" >"$run/console.txt" 2>&1 ||
	echo "gvisor: runsc exited with status $?" >>"$run/console.txt"
t=$(( $(date +%s) - start ))
grep '^inside:' "$run/console.txt" || true
inside_report gvisor "$t"
