#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/selftest-interrupt.sh - SIGINT, SIGTERM and the watchdog during a case that holds one
# object of each kind: the runner removes them all.
case $0 in */*) . "${0%/*}/selftest-lib.sh";; *) . ./selftest-lib.sh;; esac

# --- interrupting a run, and the watchdog, leave nothing behind ----------------
# lane: the case holding the objects is timed, so it runs in a lane of its
# own (harness/lanes.c), and only the runner is sent SIGTERM.
for how in SIGINT SIGTERM watchdog lane; do
	rm -f "$work/mark"
	if [ "$how" = lane ]; then
		(SELFTEST_MARK="$work/mark"; export SELFTEST_MARK
		 exec ${IPCCONF_EXEC_WRAPPER:-} "$bin" selftest.passes selftest.timed_holds_objects_and_hangs) >"$work/out" 2>&1 &
	elif [ "$how" = watchdog ]; then
		(SELFTEST_MARK="$work/mark"; export SELFTEST_MARK
		 exec ${IPCCONF_EXEC_WRAPPER:-} "$bin" --timeout 1 selftest.holds_objects_and_hangs) >"$work/out" 2>&1 &
	else
		(SELFTEST_MARK="$work/mark"; export SELFTEST_MARK
		 exec ${IPCCONF_EXEC_WRAPPER:-} "$bin" selftest.holds_objects_and_hangs) >"$work/out" 2>&1 &
	fi
	pid=$!
	if ! wait_for_file "$work/mark"; then
		kill -KILL "$pid" 2>/dev/null; wait "$pid"
		not_ok "$how: the case never reported its objects"; continue
	fi
	case $how in
	SIG*) kill -s "${how#SIG}" "$pid";;
	lane) kill -s TERM "$pid";;
	esac
	{ wait "$pid"; st=$?; } 2>/dev/null
	read -r q s m mq sem shm dir <"$work/mark"
	leftovers=
	for obj in "msg $q" "sem $s" "shm $m" "pmq $mq" "psem $sem" "pshm $shm"; do
		# shellcheck disable=SC2086
		run_bin --helper exists $obj; rc=$?
		# 1 is "gone"; 0 "still there"; anything else a broken check.
		[ "$rc" -eq 1 ] || leftovers="$leftovers $obj (exists: $rc)"
	done
	[ ! -e "$dir" ] || leftovers="$leftovers $dir"
	if [ -z "$leftovers" ]; then ok "$how: SysV msg/sem/shm, POSIX mq/sem/shm, FIFO and socket file of the running case are removed"
	else not_ok "$how left:$leftovers"; fi
	case $how in
	SIGINT) [ "$st" -eq 130 ] && ok "SIGINT: the runner re-raises it (status 130)" || not_ok "SIGINT: status $st";;
	SIGTERM) [ "$st" -eq 143 ] && ok "SIGTERM: the runner re-raises it (status 143)" || not_ok "SIGTERM: status $st";;
	lane) [ "$st" -eq 143 ] && ok "lane: the runner ends its lanes and re-raises SIGTERM (status 143)" || not_ok "lane: status $st";;
	watchdog) expect "watchdog: the case is reported as timed out" "# timeout after $t1 s";;
	esac
done

# --- the reader of the TAP goes away first -----------------------------------
# Under make check the runner writes to the TAP driver through a pipe, and a
# Ctrl-C ends the driver too; the runner's next line then meets no reader.
mkdir "$work/tmp"
(TMPDIR=$work/tmp; export TMPDIR
 run_bin selftest.passes selftest.hangs selftest.skips | head -n 1 >/dev/null)
left=$(ls -A "$work/tmp")
if [ -z "$left" ]; then ok "a runner whose output has no reader any more removes its run directory"
else not_ok "a runner whose output lost its reader left: $left"; fi

finish
