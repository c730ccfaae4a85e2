#!/bin/sh
# ci/m32.sh - i386 glibc (gcc -m32 with Debian's gcc-multilib).
. "$(dirname "$0")/lib.sh"
bootstrap
apt_install gcc-multilib
build_check m32 CC='gcc -m32' --host=i686-linux-gnu --enable-werror
