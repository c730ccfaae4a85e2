#!/bin/sh
# SPDX-License-Identifier: MIT
# harness/report-test.sh - tests of `ipcconf report` and `ipcconf compare`
# on real runs: two `ipcconf run`s of a real case binary under different
# baselines and selections (so that they differ), then malformed and
# truncated logs, then the man page.  Prints TAP.  The browser test of the
# page is ci/report.sh.
#
# Usage: report-test.sh   (from a build tree; IPCCONF_BUILDDIR names another)

b=${IPCCONF_BUILDDIR:-.}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
ipcconf=$b/harness/ipcconf
bin=$b/cases/socket/socket
if [ ! -x "$ipcconf" ] || [ ! -x "$bin" ]; then
	echo "1..0 # SKIP $ipcconf or $bin is not built"
	exit 0
fi
# A folder removed however the script ends, interrupted included.
. "$(dirname "$0")/workdir.sh"
make_workdir ipcconf-reporttest
unset IPCCONF_CASES IPCCONF_BASELINE

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -f "$work/out" ] && sed 's/^/# /' "$work/out" | head -30
}
# expect DESCRIPTION STRING [FILE]: FILE (default: the last output) has it.
expect() {
	if grep -qF -- "$2" "${3:-$work/out}"; then ok "$1"; else
		not_ok "$1"; echo "# missing: $2"; fi
}
expect_status() {
	if [ "$st" -eq "$2" ]; then ok "$1"; else
		not_ok "$1"; echo "# exit status $st, expected $2"; fi
}
# lines N: the last output has exactly N lines.
lines() {
	if [ "$(wc -l <"$work/out")" -eq "$2" ]; then ok "$1"; else
		not_ok "$1"; echo "# expected $2 line(s)"; fi
}

# --- two real runs that differ ------------------------------------------------
# A suite of one real binary, run by the real ipcconf (a cross build run
# under an emulator cannot be run directly: those tests are skipped).
if [ -z "${IPCCONF_EXEC_WRAPPER:-}" ]; then
	mkdir -p "$work/lib/cases/socket"
	ln "$bin" "$work/lib/cases/socket/socket" 2>/dev/null ||
		cp "$bin" "$work/lib/cases/socket/socket"
	# A: listen_unbound is a listed deviation (an expected failure).
	echo 'socket.listen_unbound_edestaddrreq todo test: Linux listen() gives EINVAL' >"$work/a.txt"
	# B: it is not listed (a failure), so_acceptconn is listed but passes
	# (an unexpected pass), bind_eaddrinuse is not selected (gone).
	echo 'socket.so_acceptconn todo test: listed although it passes' >"$work/b.txt"
	export IPCCONF_LIBEXECDIR="$work/lib"
	"$ipcconf" -j1 -o "$work/A" --baseline "$work/a.txt" 'socket.listen_*' socket.so_acceptconn \
		socket.bind_eaddrinuse >"$work/out" 2>&1; st=$?
	expect_status "run A: ok (its deviation is listed)" 0
	expect "run A records its platform beside its logs" "baseline: $work/a.txt" "$work/A/ipcconf-run.txt"
	"$ipcconf" -j1 -o "$work/B" --baseline "$work/b.txt" 'socket.listen_*' socket.so_acceptconn \
		>"$work/out" 2>&1; st=$?
	expect_status "run B: failed" 1
	"$ipcconf" summary "$work/B" >"$work/out" 2>&1; st=$?
	expect_status "summary of run B still works: exit 1" 1
	expect "summary of run B: the failure's diagnostic" "expected: -1, errno EDESTADDRREQ"
	unset IPCCONF_LIBEXECDIR

	"$ipcconf" compare "$work/A" "$work/B" >"$work/out" 2>&1; st=$?
	expect_status "compare A B: a regression is exit status 1" 1
	expect "compare: expected -> failed is a regression" "socket.listen_unbound_edestaddrreq: expected -> failed"
	expect "compare: A's side, the baseline entry" "A: expected: $work/a.txt:1: test: Linux listen() gives EINVAL"
	expect "compare: B's side, the diagnostic" "actual:   -1, errno EINVAL"
	expect "compare: ok -> unexpected pass is a regression" "socket.so_acceptconn: ok -> unexpected pass"
	expect "compare: a case missing from B is reported" "socket.bind_eaddrinuse: ok -> not run"
	expect "compare: the count line" "2 regressed, 1 gone, 0 fixed"
	"$ipcconf" compare "$work/B" "$work/A" >"$work/out" 2>&1; st=$?
	expect_status "compare B A: fixes only, exit status 0" 0
	expect "compare B A: the fix is listed" "socket.listen_unbound_edestaddrreq: failed -> expected"
	"$ipcconf" compare "$work/A" "$work/A" >"$work/out" 2>&1; st=$?
	expect_status "compare A A: exit status 0" 0

	"$ipcconf" report -o "$work/page" "$work/A" "$work/B" >"$work/out" 2>&1; st=$?
	expect_status "report A B: exit status 0" 0
	expect "report names both files" "$work/page.html and $work/page.txt"
	h=$work/page.html
	expect "page: the matrix" '<table class="matrix">' "$h"
	expect "page: runs of one platform key are told apart by folder" "x86_64-linux-gnu (B)" "$h"
	expect "page: the failure's cause" 'listen() fails with EINVAL (expected EDESTADDRREQ)' "$h"
	expect "page: the failure's diagnostic" 'actual:   -1, errno EINVAL' "$h"
	expect "page: the source of the expected failure" "a.txt:1" "$h"
	expect "page: a cell links to its family's cases" 'href="#f-socket-1"' "$h"
	expect "page: the family's cases are there" 'id="f-socket-1"' "$h"
	if grep -qiE '(src|href)="(https?:)?//|<link|@import|url\(' "$h"; then
		not_ok "page: nothing external (no link, no remote src, no url())"
	else ok "page: nothing external (no link, no remote src, no url())"; fi
	expect "text twin: the matrix row" "socket" "$work/page.txt"
	expect "text twin: the cause" "listen() fails with EINVAL (expected EDESTADDRREQ)  (1)" "$work/page.txt"
	expect "text twin: the diagnostic" "actual:   -1, errno EINVAL" "$work/page.txt"
	cp "$work/A"/*.log "$work/good.log"
else
	echo "# IPCCONF_EXEC_WRAPPER is set (an emulated cross build): no real runs here"
	printf '1..2\nok 1 - x.a: a\nnot ok 2 - x.b: b\n# f.c:1: g(1)\n#   expected: 0\n#   actual:   -1, errno EINVAL (x)\n' >"$work/good.log"
fi

# --- malformed and truncated logs: one line naming file and line, exit 2 -------
# bad NAME MESSAGE: report on $work/bad/NAME.log (made from good.log) must
# fail with one line that names the file, the line and the message.
bad() {
	mkdir -p "$work/bad-$1"
	mv "$work/bad.log" "$work/bad-$1/cases_x_y.log"
	rm -f "$work/bp.html"
	"$ipcconf" report -o "$work/bp" "$work/bad-$1" >"$work/out" 2>&1; st=$?
	expect_status "$1: exit status 2" 2
	expect "$1: names file, line and what is wrong" "$work/bad-$1/cases_x_y.log:$2"
	lines "$1: one line" 1
	if [ -f "$work/bp.html" ]; then not_ok "$1: no page written"; else ok "$1: no page written"; fi
}
head -n 3 "$work/good.log" >"$work/bad.log"
bad truncated "3: truncated: the plan at line 1 announces"
head -c 60 "$work/good.log" >"$work/bad.log"
bad cut_line "2: the last line is cut off"
sed '2s/^ok 1 -/ok one -/' "$work/good.log" >"$work/bad.log"
bad malformed_result "2: malformed result line"
sed '2s/^ok 1 -/ok 7 -/' "$work/good.log" >"$work/bad.log"
bad out_of_sequence "2: result 7 out of sequence (expected 1)"
: >"$work/bad.log"
bad empty "1: empty log"
sed '1d' "$work/good.log" >"$work/bad.log"
bad no_plan "9: no TAP plan"
# A binary that died mid-run, as ipcconf run records it, is a result (a
# failure on the page), not a malformed log.
mkdir -p "$work/died"
{ head -n 3 "$work/good.log"; echo "Bail out! cases/x/y exited with status 139"; } >"$work/died/cases_x_y.log"
"$ipcconf" report -o "$work/died" "$work/died" >"$work/out" 2>&1; st=$?
expect_status "a log ending in Bail out!: the page is written" 0
expect "a log ending in Bail out!: a cause on the page" "a binary stopped: Bail out! cases/x/y exited with status 139" "$work/died.html"
"$ipcconf" compare "$work/bad-truncated" "$work/nonexistent" >"$work/out" 2>&1; st=$?
expect_status "compare of a truncated log: exit status 2" 2
"$ipcconf" report >"$work/out" 2>&1; st=$?
expect_status "report without a run: usage, exit status 2" 2

# --- grouping by cause: one call, one errno; a family answering ENOSYS -----
mkdir -p "$work/G"
cat >"$work/G/x.log" <<'EOF'
1..5
not ok 1 - posix_mq.a: a
# cases/posix_mq/open.c:10: mq_open(name, O_RDWR)
#   expected: success (not -1)
#   actual:   -1, errno ENOSYS (Function not implemented)
not ok 2 - posix_mq.b: b
# cases/posix_mq/sendrecv.c:20: mq_send(q, "x", 1, 0)
#   expected: 0
#   actual:   -1, errno ENOSYS (Function not implemented)
not ok 3 - socket.c: c
# cases/socket/named.c:30: listen(fd, 1)
#   expected: -1, errno EDESTADDRREQ
#   actual:   -1, errno EINVAL (Invalid argument)
not ok 4 - socket.d: d
# cases/socket/named.c:40: listen(fd, 5)
#   expected: -1, errno EDESTADDRREQ
#   actual:   -1, errno EINVAL (Invalid argument)
not ok 5 - socket.e: e # killed by SIGSEGV
EOF
"$ipcconf" report -o "$work/G" "$work/G" >"$work/out" 2>&1; st=$?
expect "causes: 5 failures, 3 causes" "5 failure(s) from 3 cause(s)"
expect "causes: a family answering ENOSYS is one cause" "posix_mq: calls fail with ENOSYS (interface not implemented): mq_open(), mq_send()  (2)" "$work/G.txt"
expect "causes: the same call with the same errno is one cause" "listen() fails with EINVAL (expected EDESTADDRREQ)  (2)" "$work/G.txt"
expect "causes: a crash is its own cause" "the case crashed (SIGSEGV)  (1)" "$work/G.txt"

# --- baseline layers: the platform file and the layers it includes ----------
mkdir -p "$work/L" "$work/layers"
printf 'include gnu.txt\ninclude linux.txt\n' >"$work/layers/top.txt"
echo 'x.a todo test: a Linux deviation' >"$work/layers/linux.txt"
echo '# nothing' >"$work/layers/gnu.txt"
printf 'platform: test-linux-gnu\nbaseline: %s\n' "$work/layers/top.txt" >"$work/L/ipcconf-run.txt"
printf '1..1\nnot ok 1 - x.a: a # TODO %s:1: test: a Linux deviation\n' "$work/layers/linux.txt" >"$work/L/x.log"
"$ipcconf" report -o "$work/L" "$work/L" >"$work/out" 2>&1; st=$?
expect_status "layers: the page is written" 0
expect "layers: the platform key from ipcconf-run.txt" "test-linux-gnu" "$work/L.html"
expect "layers: each layer with the entries it supplied" "baseline layers: top.txt (0 used), gnu.txt (0 used), linux.txt (1 used)" "$work/L.txt"

# --- the man page: no warnings ------------------------------------------------
if command -v groff >/dev/null 2>&1; then
	groff -ww -z -man "$srcdir/harness/ipcconf.1" >"$work/out" 2>&1; st=$?
	[ -s "$work/out" ] && st=1
	expect_status "ipcconf.1: groff -ww -man has no warnings" 0
else
	ok "ipcconf.1: groff -ww -man # SKIP no groff"
fi

if command -v man >/dev/null 2>&1; then
	MANWIDTH=80 man --warnings -l "$srcdir/harness/ipcconf.1" 2>"$work/out" >"$work/man.txt"; st=$?
	[ -s "$work/out" ] && st=1
	expect_status "ipcconf.1: man --warnings -l has no warnings" 0
	for c in run list summary report compare IPCCONF_CASES IPCCONF_TIMEOUT_MUL 'EXIT STATUS'; do
		expect "ipcconf.1 covers $c" "$c" "$work/man.txt"
	done
else
	ok "ipcconf.1: man -l # SKIP no man"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
