# SPDX-License-Identifier: MIT
# harness/workdir.sh - sourced by the runner's test scripts (selftest-lib.sh,
# selftest-faults.sh, report-test.sh, falsify.sh).  make_workdir NAME sets
# work to a new folder ${TMPDIR:-/tmp}/NAME.$$, mode 0700, that is removed
# however the script ends.
#
# Interrupted (make check stopped with Ctrl-C or SIGTERM), the script exits
# so that its EXIT trap removes the folder: sh runs that trap on exit, not
# for a signal that kills.  SIGPIPE is one of them: the TAP driver reading
# the script's output ends first, and the next line written kills the
# script.  The traps are set, and the folder's name fixed, before it is
# made, so no moment of the script leaves it behind.  The EXIT trap ignores
# those signals before it removes the folder, and its rm inherits that: a
# Ctrl-C goes to make's whole process group, and one that came while the rm
# ran killed it and left the folder (the gate's faults step, 2026-12-03).
make_workdir() {
	trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM; trap 'exit 141' PIPE
	work=${TMPDIR:-/tmp}/$1.$$
	trap 'trap "" HUP INT TERM PIPE; rm -rf "$work"' EXIT
	mkdir -m 700 "$work" || { trap - EXIT; exit 1; }
}
