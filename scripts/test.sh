#!/usr/bin/env bash
# Installs what Photoblocks needs, builds it with its tests, and runs the whole suite through
# ctest twice: the whole project optimised, then the engine alone (no Qt Widgets linked, which
# also proves core/ never needs them) under AddressSanitizer + UndefinedBehaviorSanitizer, where
# memory errors, leaks and undefined behaviour fail the run. Extra arguments go to both ctest
# runs, e.g. `scripts/test.sh -R chain`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
pb_install_packages

export QT_QPA_PLATFORM=offscreen
pb_build "$PB_ROOT/build/test" RelWithDebInfo
(cd "$PB_ROOT/build/test" && ctest --output-on-failure --parallel "$(nproc)" "$@")

echo "== the engine's tests under AddressSanitizer + UndefinedBehaviorSanitizer (no GUI, no benchmarks) =="
pb_build "$PB_ROOT/build/sanitize" RelWithDebInfo -DPB_SANITIZE=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF
(cd "$PB_ROOT/build/sanitize" && ctest --output-on-failure --parallel "$(nproc)" "$@")
