#!/bin/sh
# ci/s390x-qemu.sh - s390x glibc (big-endian, 64-bit), cross-compiled and run
# under qemu-user (the pattern is in ci/qemu-lib.sh).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/qemu-lib.sh"
bootstrap
qemu_check s390x s390x-linux-gnu s390x gcc-s390x-linux-gnu libc6-dev-s390x-cross
