#!/bin/sh
# ci/faults.sh - nothing lost on faults: the runner under each injected
# platform fault (make check-faults); make check interrupted with SIGINT
# and SIGTERM at random moments leaves nothing behind; two full runs from
# two build trees at once do not interfere; low per-process limits give
# clear failures or skips, never a hang.  Each part prints its time.
. "$(dirname "$0")/lib.sh"
bootstrap
# Failures are counted explicitly below; a non-zero wait is not fatal.
set +e
apt_install util-linux procps
b1="$ci_dir/faults1"; b2="$ci_dir/faults2"
for b in "$b1" "$b2"; do
	rm -rf "$b"; mkdir -p "$b"
	(cd "$b" && "$srcdir/configure" -q)
	make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }
done
bad=0

say "the runner under injected platform faults (make check-faults)"
t=$(date +%s%N)
make -C "$b1" check-faults >"$b1/check-faults.out" 2>&1 || bad=$((bad + 1))
grep -E '^(not ok|ok .*SKIP)|^# ' "$b1/check-faults.out" | head -40
grep -cE '^ok' "$b1/check-faults.out" | sed 's/^/check-faults: /; s/$/ assertions held/'
elapsed check-faults "$t"

say "interrupting make check"
t=$(date +%s%N)
snapshot "$ci_dir/faults.before"
for sig in INT TERM INT TERM INT TERM; do
	# A random moment between 0.1 and 2.5 s into the run.
	r=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')
	delay=$(awk -v r="$r" 'BEGIN { printf "%.2f", 0.1 + (r % 240) / 100 }')
	# make leads a process group of its own, as under a terminal, with
	# SIGINT at its default: sh starts a background command with SIGINT
	# ignored, and make and the scripts would inherit that and carry on.
	setsid env --default-signal=INT make -C "$b1" -j"$jobs" check >"$b1/int.out" 2>&1 &
	pid=$!
	sleep "$delay"
	# Not "kill -s SIG -- -PGID": dash's kill takes no "--" (it fails with
	# "Illegal number"), and the wait below then never waited.
	kill -"$sig" -"$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	# Everything of the run must be gone once make has returned.  make
	# returns at once; the TAP drivers and self-test scripts of its process
	# group may still be in their EXIT traps, so wait for the group too
	# (the cases have groups of their own: pgrep finds those).
	i=0
	while group_alive "$pid" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	if group_alive "$pid"; then
		echo "SIG$sig after ${delay}s: processes of the run still running after 5 s"; bad=$((bad + 1))
		kill -KILL -"$pid" 2>/dev/null
	fi
	i=0
	while pgrep -f "$b1/(cases|harness)/" >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	if pgrep -f "$b1/(cases|harness)/" >/dev/null; then
		echo "SIG$sig after ${delay}s: case processes still running"; bad=$((bad + 1))
		pkill -KILL -f "$b1/(cases|harness)/"
	fi
	snapshot "$ci_dir/faults.after"
	if leftovers "$ci_dir/faults.before" "$ci_dir/faults.after"; then
		echo "SIG$sig after ${delay}s: nothing left behind"
	else
		echo "SIG$sig after ${delay}s: objects left behind"; bad=$((bad + 1))
	fi
done

elapsed "interrupting make check" "$t"

say "two runs at once from two build trees"
t=$(date +%s%N)
snapshot "$ci_dir/faults.before"
make -C "$b1" -j"$jobs" check >"$b1/par.out" 2>&1 & p1=$!
make -C "$b2" -j"$jobs" check >"$b2/par.out" 2>&1 & p2=$!
s1=0; s2=0
wait "$p1" || s1=$?
wait "$p2" || s2=$?
if [ "$s1" -eq 0 ] && [ "$s2" -eq 0 ]; then echo "both runs passed"
else
	echo "concurrent runs: statuses $s1 and $s2"; bad=$((bad + 1))
	grep -h -A12 '^FAIL\|^ERROR' "$b1/test-suite.log" "$b2/test-suite.log" | head -60
fi
snapshot "$ci_dir/faults.after"
leftovers "$ci_dir/faults.before" "$ci_dir/faults.after" || bad=$((bad + 1))

elapsed "two runs at once" "$t"

say "low limits (each binary bounded by timeout 120 s)"
t=$(date +%s%N)
# limit_run LABEL ULIMIT-ARGS: every case binary under the limit must end
# (no hang) with a complete TAP plan; failures and skips must give reasons.
limit_run() {
	label=$1; shift
	hung=0; ended=0
	for bin in $(find "$b1/cases" -type f -perm -u+x | sort); do
		out="$b1/limit.out"
		# shellcheck disable=SC2086
		sh -c "ulimit $*; exec timeout -s KILL 120 \"$bin\"" >"$out" 2>&1
		st=$?
		if [ "$st" -eq 137 ]; then hung=$((hung + 1)); echo "  $label: $bin hung"; continue; fi
		ended=$((ended + 1))
		plan=$(sed -n 's/^1\.\.\([0-9]*\).*/\1/p' "$out" | head -1)
		got=$(grep -cE '^(not )?ok [0-9]+' "$out")
		if [ -z "$plan" ] || { [ "$plan" -ne "$got" ] && ! grep -q '^Bail out!' "$out"; }; then
			echo "  $label: $bin: plan '$plan', $got results, no Bail out"; hung=$((hung + 1))
		fi
	done
	echo "$label: $ended binaries ended, $hung problems"
	[ "$hung" -eq 0 ]
}
snapshot "$ci_dir/faults.before"
limit_run "RLIMIT_NOFILE 12" -n 12 || bad=$((bad + 1))
limit_run "RLIMIT_MSGQUEUE 0" -q 0 || bad=$((bad + 1))
limit_run "RLIMIT_SIGPENDING 1" -i 1 || bad=$((bad + 1))
if [ "$(id -u)" -eq 0 ]; then
	# RLIMIT_NPROC binds only unprivileged users: run as nobody.
	chmod -R a+rX "$b1" 2>/dev/null
	nobody_run() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	hung=0
	for bin in $(find "$b1/cases" -type f -perm -u+x | sort); do
		nobody_run sh -c "ulimit -u 8; cd /tmp && exec timeout -s KILL 120 \"$bin\"" >"$b1/limit.out" 2>&1
		[ $? -eq 137 ] && { hung=$((hung + 1)); echo "  RLIMIT_NPROC 8: $bin hung"; }
	done
	echo "RLIMIT_NPROC 8 (as nobody): $hung hung"
	[ "$hung" -eq 0 ] || bad=$((bad + 1))
fi
snapshot "$ci_dir/faults.after"
leftovers "$ci_dir/faults.before" "$ci_dir/faults.after" || bad=$((bad + 1))

elapsed "low limits" "$t"
echo "faults: $bad problem(s)"
[ "$bad" -eq 0 ]
