#!/usr/bin/env bash
# Installs what Photoblocks needs, builds it, and runs the node: the desktop app when a
# display is available, otherwise the headless daemon as the head of a local dev network,
# mining (other nodes can join it at 127.0.0.1:7000).
# Extra arguments go to the program, e.g. `scripts/run.sh --threads 2`.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
pb_install_packages
PB_TARGETS="photoblocksd photoblocks" pb_build "$PB_ROOT/build/release" Release

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$PB_ROOT/build/release/app/photoblocks" "$@"
fi
exec "$PB_ROOT/build/release/app/photoblocksd" --network dev --mode head --mine "$@"
