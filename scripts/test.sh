#!/usr/bin/env bash
# Installs what Photoblocks needs, builds it with its tests, and runs the whole suite
# through ctest. Extra arguments go to ctest, e.g. `scripts/test.sh -R chain`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
pb_install_packages
pb_build "$PB_ROOT/build/test" RelWithDebInfo
cd "$PB_ROOT/build/test"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" "$@"
