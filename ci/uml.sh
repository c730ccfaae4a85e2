#!/bin/sh
# ci/uml.sh - the x86_64 glibc build run on a second Linux kernel: Debian's
# user-mode Linux (package user-mode-linux, Linux 6.1) boots as a process
# with the host's / as its root file system (hostfs) and this script's
# generated init, which mounts proc, sysfs, /dev/shm and /dev/mqueue, runs
# the suite from the build tree, writes the TAP logs to the host and powers
# off.  Root inside UML has every capability; the init drops
# CAP_SYS_RESOURCE so that limits hold as on the host (COMMON conditions).
# Case directories go in a tmpfs inside UML (hostfs is not the file system
# under test).  Baseline: expected/x86_64-linux-gnu-uml.txt.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/inside-lib.sh"
bootstrap
apt_install user-mode-linux util-linux kmod
uml=$(command -v linux.uml || command -v linux) || die "linux.uml not found after installing user-mode-linux"
inside_build uml x86_64-linux-gnu-uml
mkdir -p "$b/tmp"
pre="mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t tmpfs -o mode=1777 tmp '$b/tmp'
# IPv6 is a module in Debian's UML kernel (CONFIG_IPV6=m), kept under
# /usr/lib/uml/modules, not /lib/modules: load it (and crc-ccitt, which it
# needs) before lo comes up, so that lo gets ::1 and the socket.v6_* cases run
km=/usr/lib/uml/modules/\$(uname -r)/kernel
insmod \$km/lib/crc-ccitt.ko 2>/dev/null
insmod \$km/net/ipv6/ipv6.ko 2>/dev/null || echo 'inside: cannot load the ipv6 module (the socket.v6_* cases skip)'
# the loopback interface is down in a fresh kernel (the inet cases use it)
ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null || echo 'inside: cannot bring lo up'
TMPDIR='$b/tmp'; export TMPDIR
echo \"inside: \$(uname -sr), \$(nproc) cpu\"
# cases run without CAP_SYS_RESOURCE, as on the host
if setpriv --bounding-set=-sys_resource --inh-caps=-sys_resource true 2>/dev/null; then
	exec setpriv --bounding-set=-sys_resource --inh-caps=-sys_resource -- /bin/sh '$b/inside-run.sh'
fi
echo 'inside: setpriv cannot drop CAP_SYS_RESOURCE'
exec /bin/sh '$b/inside-run.sh'"
# init: mounts, then the run script without CAP_SYS_RESOURCE; the run
# script powers off (init must not return: the kernel would panic).
printf '#!/bin/sh\nPATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH\n%s\n' "$pre" >"$b/init.sh"
chmod +x "$b/init.sh"
# Four jobs on UML's one CPU: a case spends most of its time waiting (on its
# children, on a blocking proof, on a timer), and four overlap those waits.
# Measured on a shared 2-core host: -j2 384 s (load 8 to 11), -j4 276 s
# (load 6 to 2) and 180 s (load 4 to 2), -j8 350 s (load 5 to 6) for the
# suite inside; the whole step took 4 min 11 s with its build at -j4.
inside_jobs=4
inside_script "$b/inside-run.sh" "" "sync; poweroff -f"
say "linux.uml ($("$uml" --version 2>/dev/null | head -n 1))"
start=$(date +%s)
# UML keeps its memory in a file under TMPDIR (created O_TMPFILE or
# unlinked at once: nothing is left there).  It should be a tmpfs: on a
# disk file system the guest's memory is a disk-backed shared mapping whose
# dirty pages the host writes back (UML warns "tempdir ... is not on
# tmpfs"); without TMPDIR UML itself would pick /dev/shm.  umid keeps
# ~/.uml clean.
uml_tmp=${IPCCONF_UML_TMPDIR:-/dev/shm}
TMPDIR=$uml_tmp timeout -k 10 900 "$uml" mem=1G rootfstype=hostfs rootflags=/ rw \
	init="$b/init.sh" con=null con0=null,fd:1 uml_dir="$b" umid=ipcconf \
	</dev/null >"$run/console.txt" 2>&1 ||
	echo "uml: linux.uml exited with status $?" >>"$run/console.txt"
t=$(( $(date +%s) - start ))
grep '^inside:' "$run/console.txt" || true
inside_report uml "$t"
