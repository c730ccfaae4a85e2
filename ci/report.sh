#!/bin/sh
# ci/report.sh - the conformance report of the gate's platform runs, and its
# tests as a person would look at it:
#  1. `ipcconf report` over every platform build tree the gate left under
#     $IPCCONF_CI_DIR (gcc, clang, musl, m32, aarch64-qemu, ...; alone, it
#     runs ci/gcc.sh first): the page and its text twin are the artefact,
#     their paths are printed at the end;
#  2. harness/report-test.sh: report and compare on two real runs that
#     differ, malformed and truncated logs, the man page;
#  3. `ipcconf compare` of two real platform runs;
#  4. Debian's chromium, headless, renders a page that has real failures
#     (the gcc binaries rerun without their baseline beside the platform
#     runs): the text a person sees (printed to PDF, read back with
#     pdftotext) has the matrix and a failure's diagnostic; the DOM has a
#     cell per family and platform whose link reaches its cases; a link to a
#     case folded away opens it; a screenshot is kept.
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install perl groff-base man-db chromium poppler-utils
out="$ci_dir/report"
rm -rf "$out"; mkdir -p "$out"
fails=0
check() {	# check DESCRIPTION COMMAND...: one result line
	d=$1; shift
	if "$@" >"$out/check.out" 2>&1; then echo "ok - $d"; else
		echo "FAILED - $d"; sed 's/^/    /' "$out/check.out" | head -20; fails=$((fails + 1)); fi
}
has() { grep -qF -- "$2" "$1" || { echo "missing: $2 (in $1)"; return 1; }; }

# --- 1. the report of the gate's platform runs -----------------------------
# A platform run is a build tree after make check ($ci_dir/NAME), or the log
# directory of a suite run inside a sandbox or VM ($ci_dir/NAME/run).
# IPCCONF_REPORT_RUNS lists other names under $ci_dir (e.g. adding clang).
runs=
for t in ${IPCCONF_REPORT_RUNS:-gcc musl m32 aarch64 armhf ppc64le riscv64 s390x gvisor uml}; do
	if [ -f "$ci_dir/$t/test-suite.log" ] && [ -d "$ci_dir/$t/cases" ]; then runs="$runs $ci_dir/$t"
	elif ls "$ci_dir/$t/run/"*.log >/dev/null 2>&1; then runs="$runs $ci_dir/$t/run"
	fi
done
if [ ! -f "$ci_dir/gcc/test-suite.log" ]; then
	say "no gcc run under $ci_dir: running ci/gcc.sh first"
	sh "$srcdir/ci/gcc.sh" >"$out/gcc.out" 2>&1 || { tail -20 "$out/gcc.out"; die "ci/gcc.sh failed"; }
	runs="$ci_dir/gcc $runs"
fi
ipcconf=$ci_dir/gcc/harness/ipcconf
say "ipcconf report$runs"
start=$(date +%s%N)
# shellcheck disable=SC2086
"$ipcconf" report -o "$out/ipcconf-report" --title "ipcconf conformance report (gate)" $runs ||
	die "ipcconf report failed on the gate's runs"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "report of $(echo $runs | wc -w) platform runs in $ms ms"
sed -n '/^Results per family/,/^  total/p' "$out/ipcconf-report.txt"

# --- 2. report-test.sh -----------------------------------------------------
say "harness/report-test.sh"
start=$(date +%s%N)
st=0; IPCCONF_BUILDDIR="$ci_dir/gcc" sh "$srcdir/harness/report-test.sh" >"$out/report-test.tap" 2>&1 || st=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
grep -E '^(not ok|1\.\.)' "$out/report-test.tap" || true
echo "report-test.sh: $(grep -c '^ok' "$out/report-test.tap") ok, $(grep -c '^not ok' "$out/report-test.tap") not ok, $ms ms"
[ "$st" -eq 0 ] || { sed 's/^/    /' "$out/report-test.tap" | grep -A12 '^    not ok'; fails=$((fails + 1)); }

# --- 3. a second real run with failures; compare ---------------------------
say "the gcc binaries again, without their baseline (socket posix_sem sysv_msg)"
# Its own TMPDIR: the private folders of other runs on this machine are not ours.
mkdir -p "$out/tmp"
TMPDIR="$out/tmp" snapshot "$out/before"
TMPDIR="$out/tmp" IPCCONF_LIBEXECDIR="$ci_dir/gcc" IPCCONF_EXPECTED_DIR="$srcdir/expected" \
	"$ipcconf" -o "$out/no-baseline" --no-baseline socket posix_sem sysv_msg >"$out/no-baseline.out" 2>&1 || true
tail -n 1 "$out/no-baseline.out"
TMPDIR="$out/tmp" snapshot "$out/after"
check "the no-baseline run left nothing behind" leftovers "$out/before" "$out/after"
say "ipcconf compare gcc no-baseline"
st=0; "$ipcconf" compare "$ci_dir/gcc" "$out/no-baseline" >"$out/compare.txt" 2>&1 || st=$?
sed -n '/^Regressed/,/^$/p' "$out/compare.txt" | grep '^  [a-z]' | head -12
tail -n 1 "$out/compare.txt"
check "compare: expected failures that now fail are regressions, exit status 1" test "$st" -eq 1
check "compare: expected -> failed listed" has "$out/compare.txt" "socket.listen_unbound_edestaddrreq: expected -> failed"
check "compare: both diagnostics" has "$out/compare.txt" "actual:   -1, errno EINVAL"
if [ -f "$ci_dir/musl/test-suite.log" ]; then
	st=0; "$ipcconf" compare "$ci_dir/gcc" "$ci_dir/musl" >"$out/compare-musl.txt" 2>&1 || st=$?
	echo "compare gcc musl: exit status $st; $(tail -n 1 "$out/compare-musl.txt")"
	check "compare gcc musl: exit status 0 or 1" test "$st" -le 1
fi

# --- 4. the page in a browser ----------------------------------------------
say "chromium"
# The run with failures first: printed, a matrix of ten platforms is cut at
# the page's right edge (on screen it scrolls).
# shellcheck disable=SC2086
"$ipcconf" report -o "$out/page" --title "ipcconf report (browser test)" "$out/no-baseline" $runs >/dev/null ||
	die "ipcconf report failed"
chrome() {
	rm -rf "$out/chromium-profile"; mkdir -p "$out/chromium-profile"
	timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$out/chromium-profile" "$@" 2>>"$out/chromium.err"
}
start=$(date +%s%N)
page="file://$out/page.html"
chrome --print-to-pdf="$out/page.pdf" --no-pdf-header-footer "$page" >/dev/null || true
pdftotext -layout "$out/page.pdf" "$out/page-screen.txt" 2>/dev/null || : >"$out/page-screen.txt"
check "on screen: the title" has "$out/page-screen.txt" "ipcconf report (browser test)"
check "on screen: the matrix heading" has "$out/page-screen.txt" "Results per family and platform"
sed -n '/^Results per family and platform/,/^Failures by cause/p' "$out/page-screen.txt" >"$out/matrix-screen.txt"
# The families are the include lines of Makefile.am (the one list of them).
fams=$(sed -n 's|^include cases/\([a-z_0-9]*\)/local\.mk.*|\1|p' "$srcdir/Makefile.am")
nfams=$(echo $fams | wc -w)
for f in $fams total; do
	check "on screen: matrix row $f" grep -qE "^ *$f( |\$)" "$out/matrix-screen.txt"
done
# With many platforms a cell's counts wrap onto lines of their own.
check "on screen: matrix counts (ok)" grep -qE "[0-9]+ ok" "$out/matrix-screen.txt"
check "on screen: matrix counts (failed)" grep -qE "[0-9]+ failed" "$out/matrix-screen.txt"
check "on screen: a failure grouped by cause" has "$out/page-screen.txt" "listen() fails with EINVAL (expected EDESTADDRREQ)"
check "on screen: the failure's diagnostic" has "$out/page-screen.txt" "actual:   -1, errno EINVAL"
check "on screen: an expected failure's baseline source" grep -qE "source: .*expected/.*\.txt:[0-9]+" "$out/page-screen.txt"
# One DOM, loaded at a link to a case folded away (checked last).
chrome --dump-dom "$page#c-pipe.read_eof_no_writer" >"$out/page.dom" || true
nf=$(sed -n '/<table class="matrix">/,/<\/table>/p' "$out/page.dom" | grep -c '<th class="fam">' || true)
check "DOM: the matrix has a row per family and a total ($((nfams + 1)))" test "$nf" -eq $((nfams + 1))
# The red socket cell of the no-baseline run links to its family's cases,
# and there the failing case shows its diagnostic, unfolded.
nr=0	# its column: the first
check "DOM: the failing cell links to its cases" has "$out/page.dom" "<td class=\"c-bad\"><a href=\"#f-socket-$nr\""
check "DOM: its target exists" has "$out/page.dom" "id=\"f-socket-$nr\""
st=0; perl -0ne 'm{<tr id="c-socket\.listen_unbound_edestaddrreq">(.*?)</tr>}s or exit 1;
	$_ = $1; exit !(/<details class="diag" open="?"?>/ && /errno EINVAL/)' "$out/page.dom" >/dev/null 2>&1 || st=$?
check "DOM: the failing case's row shows its diagnostic, open" test "$st" -eq 0
# A case that is ok everywhere is folded away; a link to it opens it.
st=0; perl -0ne 'm{<details( open="?"?)?><summary class="mut">\d+ cases ok wherever they ran</summary><table class="cases">\s*(?:<tbody>)?\s*<tr id="c-pipe\.[^"]*">}s
	or exit 2; m{<details open="?"?><summary class="mut">[^<]*</summary><table class="cases">[^\0]*?id="c-pipe\.read_eof_no_writer"}s or exit 1' \
	"$out/page.dom" || st=$?
check "DOM: a link to a folded case opens it" test "$st" -eq 0
chrome --screenshot="$out/report.png" --window-size=1400,1000 "$page" >/dev/null || true
check "a screenshot" test -s "$out/report.png"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "chromium: 3 renderings in $ms ms"

echo
echo "conformance report: $out/ipcconf-report.html (text: $out/ipcconf-report.txt)"
echo "browser test page: $out/page.html, screenshot $out/report.png"
[ "$fails" -eq 0 ] || die "$fails check(s) failed"
