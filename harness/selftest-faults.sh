#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/selftest-faults.sh - the real runner under each fault of
# harness/faults.c (LD_PRELOAD, in every process of the run).  For each
# fault and each binary of a sample that exercises every mechanism, it
# asserts: the run ends by itself in bounded time, with exit status 0 and
# a complete TAP stream (the plan's count of result lines); every object
# left behind is named in that stream ("leaked ..."); nothing else is left.
# Then SIGTERM during a hung case ends the run within 2 s, status 143,
# with nothing left behind.  Prints TAP; `make check-faults` runs it.
#
# Environment: IPCCONF_BUILDDIR (the build tree), IPCCONF_FAULTS_LIB (the
# .so), IPCCONF_FAULTS_ONLY (space-separated faults to try; default all).

b=${IPCCONF_BUILDDIR:-.}
so=${IPCCONF_FAULTS_LIB:-$b/harness/ipcconf-faults.so}
if [ ! -f "$so" ]; then echo "1..0 # SKIP $so is not built (make check-faults builds it)"; exit 0; fi

# Objects are attributed to these runs only inside a private IPC namespace
# with a private /dev/shm (root, util-linux unshare): there, anything left
# is ours, and a fault that keeps objects alive touches nobody else's.
# Elsewhere the leftover checks are skipped and nothing is removed.
if [ -z "${IPCCONF_FAULTS_PRIVATE:-}" ] && [ "$(id -u)" -eq 0 ] &&
   unshare --ipc --mount --propagation private true 2>/dev/null; then
	IPCCONF_FAULTS_PRIVATE=1; export IPCCONF_FAULTS_PRIVATE
	exec unshare --ipc --mount --propagation private /bin/sh -c \
		'mount -t tmpfs -o mode=1777 ipcconf-faults /dev/shm && exec /bin/sh "$0" "$@"' "$0" "$@"
fi
private=${IPCCONF_FAULTS_PRIVATE:-}
[ "$private" = 1 ] || private=
# A folder removed however the script ends, interrupted included.
. "$(dirname "$0")/workdir.sh"
make_workdir ipcconf-faults
mkdir "$work/tmp"
TMPDIR=$work/tmp; export TMPDIR
unset IPCCONF_CASES IPCCONF_BASELINE IPCCONF_BLOCK_PROOF IPCCONF_TIMEOUT_MUL

faults=${IPCCONF_FAULTS_ONLY:-"pipe-eof-hangs shared-anon-private unlink-noop sysv-rmid-noop signals-lost blocking-hangs"}
# Per mechanism the runner could lean on, its family's binary with globs
# that select cases of one source file only (what the per-file binaries
# this list once named held, or most of it): the work per fault stays
# about the same, and so does the time under the hanging faults, as the
# early give-up rule keeps its account per file.  One line each: binary,
# then its case globs (none: all its cases).
cat >"$work/sample" <<'EOF_SAMPLE'
harness/selftest_cases
cases/pipe/pipe pipe.read_[!w]*
cases/fifo/fifo fifo.open_[!c]* fifo.open_cr* fifo.fstat_* fifo.lseek_* fifo.getpipe_*
cases/signal/signal signal.kill_[!m]* signal.raise_* signal.sigqueue_[!m]*
cases/sysv_msg/sysv_msg sysv_msg.msgget_*
cases/sysv_sem/sysv_sem sysv_sem.semop_[!az]*
cases/sysv_shm/sysv_shm sysv_shm.shmat_* sysv_shm.shmdt_[!a]* sysv_shm.shmdt_ac*
cases/posix_mq/posix_mq posix_mq.open_[!ns]* posix_mq.open_na* posix_mq.open_nu* posix_mq.open_sam* posix_mq.unlink_*
cases/posix_sem/posix_sem posix_sem.open_* posix_sem.unlink_*
cases/posix_shm/posix_shm posix_shm.open_* posix_shm.unlink_* posix_shm.ftruncate_*
cases/socket/socket socket.pair_* socket.shut* socket.seqpacket_[!bt]* socket.stream_[ems]* socket.socket_bad_*
EOF_SAMPLE
# A binary's bound: the runner's early give-up rule (at most about 12 s of
# slow failures, then the rest not run) plus the normal run time, with room
# for a loaded machine.
bound=30

n=0; failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }

snapshot() {
	{
		ipcs -q -s -m 2>/dev/null | awk '$2 ~ /^[0-9]+$/ { print "sysv", $2 }'
		find /dev/shm /dev/mqueue -mindepth 1 -maxdepth 1 2>/dev/null | sed 's/^/posix /'
		find "${TMPDIR:-/tmp}" -mindepth 1 -maxdepth 1 -name 'ipcconf.*' 2>/dev/null | sed 's/^/dir /'
	} | sort
}

# Remove an object of ours that a fault kept alive (after the assertions;
# only ever in the private namespace).
remove_leftover() {
	[ -n "$private" ] || return 0
	case $1 in
	sysv) ipcrm -q "$2" 2>/dev/null || ipcrm -s "$2" 2>/dev/null || ipcrm -m "$2" 2>/dev/null;;
	posix|dir) rm -rf "$2";;
	esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

for fault in $faults; do
	snapshot >"$work/before"
	pids=
	while read -r t globs; do
		[ -x "$b/$t" ] || continue
		out="$work/$(echo "$t" | tr / _).$fault"
		(
			set -f	# the globs are the binary's arguments, not file names
			s0=$(now_ms)
			# The fault is in the runner's processes only: timeout(1)
			# must keep its own waits working to be the outer bound.
			timeout -s KILL 120 env LD_PRELOAD="$so" IPCCONF_FAULTS="$fault" \
				"$b/$t" $globs >"$out" 2>&1 </dev/null
			echo "$? $(( $(now_ms) - s0 ))" >"$out.st"
		) &
		pids="$pids $!"
		# Four at a time: under the hanging faults most of a run is
		# cases waiting for their watchdog, not using a CPU.
		set -- $pids
		if [ $# -ge 4 ]; then wait "$1"; pids=$(echo "$pids" | sed "s/^ *$1//"); fi
	done <"$work/sample"
	wait
	while read -r t globs; do
		[ -x "$b/$t" ] || continue
		out="$work/$(echo "$t" | tr / _).$fault"
		read -r st ms <"$out.st"
		plan=$(sed -n 's/^1\.\.\([0-9]*\).*/\1/p' "$out" | head -1)
		got=$(grep -cE '^(not )?ok [0-9]+' "$out")
		if [ "$st" -eq 0 ] && [ -n "$plan" ] && [ "$plan" -eq "$got" ] && [ "$ms" -le $((bound * 1000)) ]; then
			ok "$fault: $t${globs:+ $globs} ended by itself in $ms ms, status 0, $got of $plan cases reported"
		else
			not_ok "$fault: $t${globs:+ $globs}: status $st after $ms ms, plan '$plan', $got results"
			grep -E '^(Bail|# runner)' "$out" | head -3 | sed 's/^/# /'
		fi
	done <"$work/sample"
	# No process of the run may outlive it.
	if pgrep -f "^$b/(cases|harness)/" >/dev/null 2>&1; then
		not_ok "$fault: processes of the run still alive: $(pgrep -f "^$b/(cases|harness)/" | tr '\n' ' ')"
		pkill -KILL -f "^$b/(cases|harness)/"
	else
		ok "$fault: no process of the run outlives it"
	fi
	# Whatever is left must be named in some result line.
	snapshot >"$work/after"
	if [ -z "$private" ]; then
		n=$((n + 1)); echo "ok $n - $fault: leftovers # SKIP needs root and unshare(1) for a private IPC namespace"
	else
		comm -13 "$work/before" "$work/after" >"$work/new"
		unnamed=0; named=0
		while read -r kind obj; do
			key=$obj
			[ "$kind" = posix ] && key=$(basename "$obj" | sed 's/^sem\.//')
			if cat "$work"/*."$fault" | grep -q "leaked .*$key"; then
				named=$((named + 1))
			else
				unnamed=$((unnamed + 1)); echo "# $fault: left behind and not named: $kind $obj"
			fi
			remove_leftover "$kind" "$obj"
		done <"$work/new"
		if [ "$unnamed" -eq 0 ]; then
			ok "$fault: nothing left behind unnamed ($named leftover(s), each named with the call that failed)"
		else
			not_ok "$fault: $unnamed object(s) left behind without a name in the results"
		fi
	fi
	case $fault in
	shared-anon-private)
		if grep -qh '^# runner: .*not shared.*file-backed' "$work"/*."$fault"; then
			ok "$fault: the runner says in one line that it uses a file-backed results page"
		else not_ok "$fault: no '# runner:' line about the file-backed fallback"; fi;;
	blocking-hangs)
		if grep -qh 'the runner gave up early' "$work"/*."$fault"; then
			ok "$fault: the early give-up rule reports the remaining cases without running them"
		else not_ok "$fault: the early give-up rule never fired"; fi;;
	esac
done

# SIGTERM and SIGINT while a case hangs: the run ends within 2 s, cleans up.
for fault in pipe-eof-hangs blocking-hangs; do
	case " $faults " in *" $fault "*) ;; *) continue;; esac
	for sig in TERM INT; do
		snapshot >"$work/before"
		env LD_PRELOAD="$so" IPCCONF_FAULTS="$fault" "$b/cases/pipe/pipe" 'pipe.read_[!w]*' >"$work/int.out" 2>&1 </dev/null &
		pid=$!
		sleep 1.5
		s0=$(now_ms)
		kill -s "$sig" "$pid"
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
		ms=$(( $(now_ms) - s0 ))
		if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
		wait "$pid"; st=$?
		snapshot >"$work/after"
		left=0
		[ -n "$private" ] && left=$(comm -13 "$work/before" "$work/after" | wc -l)
		case $sig in TERM) want=143;; INT) want=130;; esac
		if [ "$ms" -le 2000 ] && [ "$st" -eq "$want" ] && [ "$left" -eq 0 ] &&
		   grep -q "^Bail out! interrupted by SIG$sig" "$work/int.out"; then
			ok "$fault: SIG$sig ends the run in $ms ms, status $st, nothing left behind"
		else
			not_ok "$fault: SIG$sig: $ms ms, status $st (want $want), $left object(s) left"
			tail -3 "$work/int.out" | sed 's/^/# /'
		fi
	done
done

echo "1..$n"
[ "$failed" -eq 0 ]
