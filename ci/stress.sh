#!/bin/sh
# ci/stress.sh [N] - no flakes under load: the full suite N times (default
# 20) beside `stress-ng --cpu 2`, then twice beside a fork/IO load; every
# case's result must equal the idle run's.
. "$(dirname "$0")/lib.sh"
bootstrap
# Failures are counted explicitly below; a non-zero wait is not fatal.
set +e
apt_install stress-ng
n=${1:-20}
b="$ci_dir/stress"
rm -rf "$b"; mkdir -p "$b"
(cd "$b" && "$srcdir/configure" -q)
make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }

# results FILE: "<case id> <outcome>" of the last make check, sorted.
results() {
	find "$b/cases" -name '*.log' -exec cat {} + | awk '
		/^(not )?ok [0-9]+ - / { id = $0; sub(/^(not )?ok [0-9]+ - /, "", id); sub(/:.*/, "", id)
			r = ($0 ~ /^not ok/) ? "not-ok" : "ok"
			if ($0 ~ /# SKIP/) r = "skip"; else if ($0 ~ /# TODO/) r = r "-todo"
			print id, r }' | sort >"$1"
}
run_once() {
	make -C "$b" -j"$jobs" check >"$b/check.out" 2>&1 || true
	results "$1"
}
# explain: the TAP lines and diagnostics, in the last run's logs, of every
# case whose result differs from the idle run, so that a flake reported by
# CI can be understood without rerunning it.
explain() {
	diff "$b/idle" "$b/run" | sed -n 's/^> \([^ ]*\) .*/\1/p' | while read -r id; do
		find "$b/cases" -name '*.log' -exec awk -v id="$id" '
			/^(not )?ok [0-9]+ - / { on = (index($0, " - " id ":") > 0) }
			/^[0-9]+\.\.[0-9]+/ { on = 0 }
			on { print "    " $0 }' {} +
	done
}
# differs LABEL: true, after reporting the difference with its diagnostics,
# if the last run's results differ from the idle run's.
differs() {
	cmp -s "$b/idle" "$b/run" && return 1
	echo "$1 differs from the idle run:"
	diff "$b/idle" "$b/run" | sed 's/^/  /'
	explain
	return 0
}

snapshot "$b/before"
say "idle run"
run_once "$b/idle"
echo "idle: $(wc -l <"$b/idle") cases, $(grep -vc ' ok$' "$b/idle") not plain ok"
flakes=0
i=1
while [ "$i" -le "$n" ]; do
	stress-ng --cpu 2 --timeout 600s >/dev/null 2>&1 &
	sp=$!
	run_once "$b/run"
	kill "$sp" 2>/dev/null; wait "$sp" 2>/dev/null
	differs "run $i under stress-ng --cpu 2" && flakes=$((flakes + 1))
	i=$((i + 1))
done
for load in "--fork 2 --iomix 1" "--fork 4"; do
	# shellcheck disable=SC2086
	stress-ng $load --timeout 600s >/dev/null 2>&1 &
	sp=$!
	run_once "$b/run"
	kill "$sp" 2>/dev/null; wait "$sp" 2>/dev/null
	differs "run beside stress-ng $load" && flakes=$((flakes + 1))
done
snapshot "$b/after"
leftovers "$b/before" "$b/after" || die "objects left behind"
echo "stress: $((n + 2)) loaded runs of $(wc -l <"$b/idle") cases, $flakes differing from the idle run"
[ "$flakes" -eq 0 ]
