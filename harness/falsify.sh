#!/bin/sh
# SPDX-License-Identifier: MIT
# falsify.sh - `make check-falsify` (issue 17): every case proven able to
# fail.  First every case binary runs once under the sabotage library with
# no sabotage selected and IPCCONF_SABOTAGE_TRACE set: that says which
# cases pass here and which sabotageable functions each case's own code
# calls (a sabotage acts only on calls made by case code or the reference
# implementation, so a case that never calls the function cannot be reached
# by it).  Then, for each sabotage of harness/sabotage.def, the cases of its
# family that call its function run under it (one binary run per binary,
# with --case for each), and the cases it turned red (`not ok` without a
# baseline TODO) are recorded.  Writes falsify.tsv (machine-readable) and
# falsify.txt (summary).
#
# Environment: IPCCONF_BUILDDIR (build tree), IPCCONF_SABOTAGE_LIB (the
# library), IPCCONF_SABOTAGE_LIST (the program printing the table),
# FALSIFY_JOBS (parallel sabotages, default 2), FALSIFY_TIMEOUT (case
# watchdog under sabotage, seconds, default 2), FALSIFY_ONLY (a grep -E
# pattern on sabotage names, to run a subset), FALSIFY_OUT (default .).
set -u
B=${IPCCONF_BUILDDIR:?}
LIB=${IPCCONF_SABOTAGE_LIB:?}
LIST=${IPCCONF_SABOTAGE_LIST:?}
JOBS=${FALSIFY_JOBS:-2}
TMO=${FALSIFY_TIMEOUT:-2}
OUT=${FALSIFY_OUT:-.}
start=$(date +%s)
# A folder removed however the script ends, interrupted included.
. "$(dirname "$0")/workdir.sh"
make_workdir ipcconf-falsify
W=$work
cd "$B" || exit 1

# The table.
"$LIST" >"$W/table" || exit 1
if [ -n "${FALSIFY_ONLY:-}" ]; then
	grep -E "^(${FALSIFY_ONLY})	" "$W/table" >"$W/t2"; mv "$W/t2" "$W/table"
fi

# The trace file is written by case processes that may have dropped
# privileges (setuid to another user): let them.
chmod 755 "$W"; : >"$W/trace"; chmod 666 "$W/trace"

# Without sabotage, traced: which cases pass here (only those can be turned
# red), and which sabotageable functions each case's own code calls.
: >"$W/base"
for bin in cases/*/*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	case $bin in *.o|*.sh) continue ;; esac
	IPCCONF_SABOTAGE_TRACE="$W/trace" LD_PRELOAD=$LIB "./$bin" -t 10 2>/dev/null </dev/null | awk -v b="$bin" '
		/^ok / && !/# (SKIP|TODO)/ { id = $4; sub(/:$/, "", id); print b "\t" id "\tok" ; next }
		/^(not )?ok / { id = ($1 == "not") ? $5 : $4; sub(/:$/, "", id); print b "\t" id "\tnot-ok" }' >>"$W/base"
done
# case-id, call, errno it failed with (-1: made), binary
sort -u "$W/trace" | awk -F '\t' 'FILENAME == ARGV[1] { bin[$2] = $1; next } ($1 in bin) { print $1 "\t" $2 "\t" $3 "\t" bin[$1] }' "$W/base" - >"$W/calls"

# One sabotage: the cases of its family that call its function, grouped by
# binary; the cases it turns red.
cat >"$W/one.sh" <<'ONE'
#!/bin/sh
name=$1 fam=$2 call=$3 err=$4 W=$5 LIB=$6 TMO=$7
safe=$(printf '%s' "$name" | tr '/:' '__')
out="$W/res.$safe"
: >"$out"
# A wrong-errno sabotage: only the cases where the call failed with the
# errno it replaces.
awk -F '\t' -v f="$fam." -v c="$call" -v e="$err" 'index($1, f) == 1 && $2 == c && $3 == e { print $4 "\t" $1 }' "$W/calls" | sort -u >"$W/sel.$safe"
for bin in $(cut -f1 "$W/sel.$safe" | sort -u); do
	set -- $(awk -F '\t' -v b="$bin" '$1 == b { printf " --case %s", $2 }' "$W/sel.$safe")
	IPCCONF_SABOTAGE=$name LD_PRELOAD=$LIB "./$bin" -t "$TMO" "$@" 2>/dev/null </dev/null |
	awk -v s="$name" '/^not ok / && !/# TODO/ { id = $5; sub(/:$/, "", id); print s "\t" id }' >>"$out"
done
awk -F '\t' -v s="$name" '{ print s "\t" $2 }' "$W/sel.$safe" >"$W/ran.$safe"
rm -f "$W/sel.$safe"
ONE
awk -F '\t' '{ print $1 " " $2 " " $3 " " $7 }' "$W/table" |
	xargs -P "$JOBS" -L 1 sh -c 'sh "$0/one.sh" "$1" "$2" "$3" "$4" "$0" "'"$LIB"'" "'"$TMO"'"' "$W"
cat "$W"/res.* 2>/dev/null >"$W/red"
cat "$W"/ran.* 2>/dev/null >"$W/ran"
end=$(date +%s)

# Results: falsify.tsv and falsify.txt.  falsify-unreachable.txt (beside
# this script) says why a case no sabotage can reach cannot be turned red.
WHY="$(dirname "$0")/falsify-unreachable.txt"
[ -f "$WHY" ] || WHY=/dev/null
awk -F '\t' -v secs=$((end - start)) -v tsv="$OUT/falsify.tsv" -v txt="$OUT/falsify.txt" '
FILENAME == ARGV[1] { okcase[$2] = ($3 == "ok"); fam = $1; sub(/^cases\//, "", fam); sub(/\/.*/, "", fam)
	casefam[$2] = fam; casebin[$2] = $1; next }
FILENAME == ARGV[2] { n++; sname[n] = $1; sfam[$1] = $2; scall[$1] = $3; skind[$1] = $4; sbreaks[$1] = $5; ssrc[$1] = $6; next }
FILENAME == ARGV[3] { if (!(($1, $2) in seen)) { seen[$1, $2] = 1; caught[$1] = caught[$1] ? caught[$1] "," $2 : $2
	proven[$2] = proven[$2] ? proven[$2] "," $1 : $1 } ; next }
FILENAME == ARGV[4] { ran[$1]++; next }
FILENAME == ARGV[5] { if ($0 !~ /^#/ && NF >= 2) why[$1] = $2; next }
END {
	print "# falsify.tsv: make check-falsify (issue 17); " secs " s" >tsv
	print "#sabotage\tname\tfamily\tcall\tkind\tcases-run\tcaught-by\tbreaks\tsource" >tsv
	for (i = 1; i <= n; i++) { s = sname[i]; f = sfam[s]; ns[f]++; if (caught[s]) nc[f]++
		print "sabotage\t" s "\t" f "\t" scall[s] "\t" skind[s] "\t" (ran[s] + 0) "\t" (caught[s] ? caught[s] : "-") "\t" sbreaks[s] "\t" ssrc[s] >tsv }
	print "#case\tid\tfamily\tbinary\tpasses-unsabotaged\tproven-by" >tsv
	for (c in casefam) { f = casefam[c]; if (!okcase[c]) { nx[f]++ } else { nk[f]++; if (proven[c]) np[f]++ }
		print "case\t" c "\t" f "\t" casebin[c] "\t" (okcase[c] ? "yes" : "no") "\t" (proven[c] ? proven[c] : "-") >tsv }
	printf "make check-falsify: %d sabotages, %d s\n\n", n, secs >txt
	printf "%-12s %9s %7s %8s %7s %7s\n", "family", "sabotages", "caught", "cases", "proven", "share" >txt
	for (f in ns) fams[f] = 1
	for (f in nk) fams[f] = 1
	m = 0; for (f in fams) order[++m] = f
	for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (order[j] < order[i]) { t = order[i]; order[i] = order[j]; order[j] = t }
	for (i = 1; i <= m; i++) { f = order[i]; TS += ns[f]; TC += nc[f]; TK += nk[f]; TP += np[f]
		printf "%-12s %9d %7d %8d %7d %6.1f%%\n", f, ns[f], nc[f], nk[f], np[f], nk[f] ? 100 * np[f] / nk[f] : 0 >txt }
	printf "%-12s %9d %7d %8d %7d %6.1f%%\n", "total", TS, TC, TK, TP, TK ? 100 * TP / TK : 0 >txt
	printf "\n(cases: those that pass without sabotage; %s)\n", "a case is proven when at least one sabotage turns it red" >txt
	printf "\nSabotages no case caught (a missing or weak case):\n" >txt
	for (i = 1; i <= n; i++) { s = sname[i]; if (!caught[s]) printf "  %s  [%s, %d cases run]  %s\n", s, sfam[s], ran[s], sbreaks[s] >txt }
	printf "\nCases no sabotage turned red:\n" >txt
	for (c in casefam) if (okcase[c] && !proven[c]) printf "  %s%s\n", c, (c in why) ? "  (unreachable: " why[c] ")" : "" >txt
}' "$W/base" "$W/table" "$W/red" "$W/ran" "$WHY"
cat "$OUT/falsify.txt" | sed -n '1,20p'
