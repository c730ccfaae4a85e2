# ci/lib.sh - shared by the ci/ scripts (sourced, not run).
# Every script builds out of tree under $IPCCONF_CI_DIR (default
# /tmp/ipcconf-ci) from the source tree it lives in.

set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
ci_dir=${IPCCONF_CI_DIR:-/tmp/ipcconf-ci}
jobs=${IPCCONF_JOBS:-2}
mkdir -p "$ci_dir"

say() { printf '\n=== %s: %s\n' "$(basename "$0" .sh)" "$*"; }
# elapsed LABEL START: print how long a step took since START ($(date +%s%N)).
elapsed() {
	ms=$(( ($(date +%s%N) - $2) / 1000000 ))
	printf '%s: %s took %d.%03d s\n' "$(basename "$0" .sh)" "$1" $((ms / 1000)) $((ms % 1000))
}
die() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; exit 1; }

# apt_install PKG...: install Debian packages that are missing (root only).
apt_install() {
	missing=
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		die "missing Debian packages:$missing (install them as root)"
	fi
	if [ ! -f "$ci_dir/.apt-updated" ]; then
		apt-get update -qq
		touch "$ci_dir/.apt-updated"
	fi
	# shellcheck disable=SC2086
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# bootstrap: generate configure in the source tree if it is missing.
bootstrap() {
	apt_install autoconf automake make gcc libc6-dev
	if [ ! -x "$srcdir/configure" ] || [ "$srcdir/configure.ac" -nt "$srcdir/configure" ]; then
		(cd "$srcdir" && autoreconf -fi >/dev/null 2>&1) || (cd "$srcdir" && autoreconf -fi)
	fi
}

# Snapshot of IPC objects and files on this machine, to compare after a run.
snapshot() {
	{
		ipcs -q -s -m 2>/dev/null | awk '$2 ~ /^[0-9]+$/ { print "sysv", $2 }'
		find /dev/shm /dev/mqueue -mindepth 1 -maxdepth 1 2>/dev/null | sed 's/^/posix /'
		find "${TMPDIR:-/tmp}" -mindepth 1 -maxdepth 1 \( -name 'ipcconf.*' -o -name 'ipcconf-*.*' \
			\) 2>/dev/null | sed 's/^/dir /'
	} | sort >"$1"
}

# group_alive PGID: a process of the group still runs.  Zombies do not
# count: the orphans of an interrupted run are reaped by init, which on some
# machines (containers) does it seconds later, and kill -0 sees them until
# then.  (Signal a group as kill -SIG -PGID: dash's kill takes no "--".)
group_alive() {
	ps -A -o pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'
}

# leftovers BEFORE AFTER: fail if the run left objects behind.
leftovers() {
	new=$(comm -13 "$1" "$2")
	if [ -n "$new" ]; then
		printf 'left behind by the run:\n%s\n' "$new" >&2
		return 1
	fi
}

# build_check NAME [configure args...]: fresh out-of-tree build, make check,
# the summary, and a check that nothing was left behind.
build_check() {
	name=$1; shift
	b="$ci_dir/$name"
	rm -rf "$b"; mkdir -p "$b"
	say "configure $*"
	t=$(date +%s%N)
	(cd "$b" && "$srcdir/configure" -q "$@")
	elapsed configure "$t"
	say "make"
	t=$(date +%s%N)
	make -C "$b" -j"$jobs" >"$b/make.out" 2>&1 || { cat "$b/make.out"; die "$name: build failed"; }
	elapsed make "$t"
	snapshot "$b/before"
	say "make check"
	start=$(date +%s%N)
	st=0
	make -C "$b" -j"$jobs" check ${CHECK_ARGS:-} >"$b/check.out" 2>&1 || st=$?
	end=$(date +%s%N)
	grep -E '^(# [A-Z]+:|=+|# Testsuite summary)' "$b/check.out" || true
	"$b/harness/ipcconf" summary "$b" >"$b/summary.txt" 2>&1 || true
	cat "$b/summary.txt"
	ms=$(( (end - start) / 1000000 ))
	printf '%s: make -j%s check took %d.%03d s\n' "$name" "$jobs" $((ms / 1000)) $((ms % 1000))
	snapshot "$b/after"
	leftovers "$b/before" "$b/after" || die "$name: objects left behind"
	[ "$st" -eq 0 ] || { cat "$b/test-suite.log" | head -200; die "$name: make check failed"; }
}
