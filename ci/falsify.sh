#!/bin/sh
# ci/falsify.sh - every case proven able to fail (issue 17): make
# check-falsify runs the cases under each sabotage of harness/sabotage.def
# (a test-only LD_PRELOAD library) and writes falsify.tsv and falsify.txt.
# Fails when the targets are not met: at least 400 sabotages, at least 95 %
# of the cases that pass here turned red by one.  Prints its time.
. "$(dirname "$0")/lib.sh"
bootstrap
# In the gate, the gcc step's build tree: its falsify.tsv then sits beside
# its test logs, and the report step shows how much its passing means.
# Alone, a build of its own.
if [ -f "$ci_dir/gcc/test-suite.log" ] && [ -f "$ci_dir/gcc/Makefile" ]; then
	b="$ci_dir/gcc"
else
	b="$ci_dir/falsify"
	rm -rf "$b"; mkdir -p "$b"
	# (configure adds -fno-optimize-sibling-calls: FALSIFY_CFLAGS)
	(cd "$b" && "$srcdir/configure" -q --disable-static-link)
	make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "build failed"; }
fi
say "build tree: $b"
# Most of the run is waiting, not computing: a sabotage that makes a call
# hang costs its case's watchdog (FALSIFY_TIMEOUT) in idle time; at 2 jobs
# the run used a third of two cores.  More jobs overlap those waits (the
# cases run side by side as under make -j; they share nothing).
FALSIFY_JOBS=${FALSIFY_JOBS:-6}; export FALSIFY_JOBS
say "the cases under each sabotage (make check-falsify, $FALSIFY_JOBS jobs)"
t=$(date +%s%N)
nice make -C "$b" -s check-falsify >"$b/falsify.out" 2>&1 || { cat "$b/falsify.out"; die "check-falsify failed"; }
cat "$b/falsify.txt"
elapsed check-falsify "$t"
awk '$1 == "total" { if ($2 < 400) { print "fewer than 400 sabotages"; bad = 1 }
	if ($5 < 0.95 * $4) { print "fewer than 95 % of the cases proven"; bad = 1 } }
	END { exit bad }' "$b/falsify.txt" || die "falsify targets not met"
