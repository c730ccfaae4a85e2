#!/bin/sh
# ci/bench.sh [BUILDDIR] - how fast the suite runs: the wall and CPU time of
# `make -j2 check`, the cases per second, and the slowest binaries (each
# run alone).  Nothing gates on these numbers: the machine's load moves
# them; run it twice, or with IPCCONF_BENCH_REPEAT=N, and read the range.
# IPCCONF_BENCH_CPUS (e.g. 0,1) pins the runs with taskset.
set -eu
b=${1:-.}
[ -x "$b/harness/selftest_cases" ] || { echo "bench: $b is not a built tree (make first)" >&2; exit 2; }
b=$(cd "$b" && pwd)
repeat=${IPCCONF_BENCH_REPEAT:-1}
pin=
[ -n "${IPCCONF_BENCH_CPUS:-}" ] && pin="taskset -c $IPCCONF_BENCH_CPUS"
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
fmt() { printf '%d.%03d' $(($1 / 1000)) $(($1 % 1000)); }
cpu() { awk '{ print $14 + $15 + $16 + $17 }' /proc/$$/stat; } # ticks, with children

bins=$(cd "$b" && find cases -type f -perm -u+x | sort)
cases=0
for t in $bins; do cases=$((cases + $("$b/$t" --list | wc -l))); done
nbins=$(echo "$bins" | wc -w)
linkage=$(sed -n 's/^IPCCONF_LINKAGE = //p' "$b/Makefile" 2>/dev/null)
echo "bench: $cases cases in $nbins binaries, linked ${linkage:-?}; load average $(cut -d' ' -f1-3 /proc/loadavg)"

# What bounds the suite (README): making and ending processes.  A subshell
# is a fork and an exit, no exec; two loops at once show whether the
# machine does that on both CPUs at full speed.
forks() { k=0; while [ $k -lt 300 ]; do ( : ); k=$((k + 1)); done; }
t0=$(now); forks; t1=$(now)
one=$(( (t1 - t0) / 300000 ))
t0=$(now); forks & forks; wait; t1=$(now)
two=$(( (t1 - t0) / 300000 ))
echo "bench: fork and exit of a subshell: $one us alone, $two us each with two at once"

i=0
while [ $i -lt "$repeat" ]; do
	i=$((i + 1))
	c0=$(cpu); t0=$(now)
	$pin make -C "$b" -j2 check >/dev/null 2>&1 || echo "bench: make check failed (see $b/test-suite.log)"
	t1=$(now); c1=$(cpu)
	w=$(ms "$t0" "$t1")
	echo "make -j2 check: $(fmt "$w") s wall, $(( (c1 - c0) * 1000 / $(getconf CLK_TCK) )) ms CPU, $(( cases * 1000 / (w > 0 ? w : 1) )) cases/s"
done

echo "slowest binaries (each alone, wall):"
for t in $bins; do
	t0=$(now); $pin "$b/$t" >/dev/null 2>&1 || true; t1=$(now)
	n=$("$b/$t" --list | wc -l)
	echo "$(ms "$t0" "$t1") $t $n"
done | sort -rn | awk '{ s += $1; c += $3; if (NR <= 8) printf "  %6d ms  %-32s %4d cases\n", $1, $2, $3 }
	END { printf "serial sum of the binaries: %d ms, %d cases/s\n", s, c * 1000 / (s ? s : 1) }'
