#!/usr/bin/env bash
# Long coverage-guided fuzzing runs: scripts/fuzz.sh [TARGET|all] [SECONDS] [libFuzzer options...]
#   scripts/fuzz.sh fuzz_block 3600        one target for an hour
#   scripts/fuzz.sh all 600                every target, ten minutes each, one after the other
# Builds the clang-15 ASan+UBSan tree scripts/test.sh uses (build/sanitize, -DPB_FUZZ=ON), then
# runs the target(s) with a printed seed (PB_FUZZ_SEED replays one). What a run finds that
# widens coverage stays in build/sanitize/fuzz-corpus/<target>/ for the next run; copy the
# interesting, small inputs into tests/fuzz/corpus/<name>/. A crash, leak, timeout or OOM stops
# the run with its input in build/sanitize/fuzz-artifacts/<target>/; fix it and add that input
# to the seed corpus as a regression. docs/fuzzing.md explains the targets and the last results.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
target="${1:-all}"
seconds="${2:-600}"
shift $(( $# < 2 ? $# : 2 ))
pb_install_packages
export QT_QPA_PLATFORM=offscreen
build="$PB_ROOT/build/sanitize"
PB_TARGETS="${PB_TARGETS:-}"
if [ "$target" = all ]; then
  pb_build "$build" RelWithDebInfo -DCMAKE_C_COMPILER=clang-15 -DCMAKE_CXX_COMPILER=clang++-15 \
    -DPB_FUZZ=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF
  mapfile -t targets < "$build/tests/fuzz/fuzz-targets.txt"
else
  PB_TARGETS="${target}_libfuzzer" pb_build "$build" RelWithDebInfo -DCMAKE_C_COMPILER=clang-15 \
    -DCMAKE_CXX_COMPILER=clang++-15 -DPB_FUZZ=ON -DPB_BUILD_GUI=OFF -DPB_BUILD_BENCHMARKS=OFF
  targets=("$target")
fi
seed="${PB_FUZZ_SEED:-$(( $(date +%s) % 1000000 ))}"
echo "== ${targets[*]}: ${seconds} s each, seed ${seed} =="
failed=0
for t in "${targets[@]}"; do
  pb_fuzz "$build" "$t" "$seconds" "$seed" "$@" || failed=1
done
exit "$failed"
