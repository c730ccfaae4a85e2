#!/bin/sh
# ci/valgrind-scan.sh DIR - the final scan of `make check-valgrind`: read
# every per-process memcheck log and fail on any error or any byte
# definitely or indirectly lost, also where a process's exit status hid it.
dir=${1:?usage: valgrind-scan.sh LOG-DIR}
n=0; bad=0
for f in "$dir"/*.log; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	if grep -Eq 'ERROR SUMMARY: [1-9]|(definitely|indirectly) lost: [1-9]' "$f"; then
		bad=$((bad + 1))
		echo "valgrind: $f:"
		grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|Invalid|uninitialised|Syscall param' "$f" | head -20 | sed 's/^/  /'
	fi
done
echo "valgrind: scanned $n process logs, $bad with errors or leaks"
[ "$n" -gt 0 ] || { echo "valgrind: no logs found in $dir" >&2; exit 1; }
[ "$bad" -eq 0 ]
