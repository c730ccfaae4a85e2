#!/bin/sh
# ci/suite.sh - set up and run the conformance suite on this machine and
# print its results (the README's first command).  Installs what it needs
# with apt-get when run as root, builds in $IPCCONF_CI_DIR/suite (default
# /tmp/ipcconf-ci/suite), runs `make -j2 check`, prints the summary.
. "$(dirname "$0")/lib.sh"
bootstrap
build_check suite "$@"
