#!/usr/bin/env bash
# Installs what Photoblocks needs, builds it with its tests, and runs the whole suite through
# ctest twice: the whole project optimised (gcc), then the engine alone (no Qt Widgets linked,
# which also proves core/ never needs them) built by clang-15 under AddressSanitizer +
# UndefinedBehaviorSanitizer, where memory errors, leaks and undefined behaviour fail the run.
# The second build also has -DPB_FUZZ=ON, so after its tests every libFuzzer target in
# tests/fuzz runs coverage-guided for PB_FUZZ_SECONDS (default 12) with a seed that changes per
# run (PB_FUZZ_SEED replays one); a finding fails the run and its input is kept under
# build/sanitize/fuzz-artifacts/<target>/ (docs/fuzzing.md). Extra arguments go to both ctest
# runs, e.g. `scripts/test.sh -R chain`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
pb_install_packages

export QT_QPA_PLATFORM=offscreen
pb_build "$PB_ROOT/build/test" RelWithDebInfo
(cd "$PB_ROOT/build/test" && ctest --output-on-failure --parallel "$(nproc)" "$@")

echo "== the engine's tests under clang AddressSanitizer + UndefinedBehaviorSanitizer (no GUI, no benchmarks) =="
pb_build "$PB_ROOT/build/sanitize" RelWithDebInfo -DCMAKE_C_COMPILER=clang-15 -DCMAKE_CXX_COMPILER=clang++-15 \
  -DPB_FUZZ=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF
(cd "$PB_ROOT/build/sanitize" && ctest --output-on-failure --parallel "$(nproc)" "$@")

seed="${PB_FUZZ_SEED:-$(( $(date +%s) % 1000000 ))}"
seconds="${PB_FUZZ_SECONDS:-12}"
echo "== every fuzz target coverage-guided for ${seconds} s, seed ${seed} (replay: PB_FUZZ_SEED=${seed} scripts/test.sh) =="
export -f pb_fuzz
export PB_ROOT
# Two at a time on two cores; each target's line says what it ran, or where its finding is.
xargs -P "$(nproc)" -I{} bash -c 'pb_fuzz "$1" "$2" "$3" "$4"' _ "$PB_ROOT/build/sanitize" {} "$seconds" "$seed" \
  < "$PB_ROOT/build/sanitize/tests/fuzz/fuzz-targets.txt"
