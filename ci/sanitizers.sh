#!/bin/sh
# ci/sanitizers.sh - AddressSanitizer + UndefinedBehaviorSanitizer build.
. "$(dirname "$0")/lib.sh"
bootstrap
# Leak checking stays on; abort on the first UB report.
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
build_check sanitizers CC=gcc --enable-sanitizers
