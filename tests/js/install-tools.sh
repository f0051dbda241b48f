#!/bin/bash
# install-tools.sh <source dir> <destination dir>: installs the JS test tooling exactly as the
# lockfile pins it (npm ci) into the build tree, and only when package.json or the lockfile
# changed since the last install, so repeated test runs need no network.
set -euo pipefail
src="$1" dest="$2"
mkdir -p "$dest"
if cmp -s "$src/package.json" "$dest/package.json" && cmp -s "$src/package-lock.json" "$dest/package-lock.json" \
  && [ -d "$dest/node_modules" ]; then exit 0; fi
cp "$src/package.json" "$src/package-lock.json" "$dest/"
cd "$dest"
# A failed install must not look complete to the next run.
npm ci --ignore-scripts --no-audit --no-fund || { rm -f package-lock.json; exit 1; }
