#!/usr/bin/env bash
# build-image.sh <build dir>: builds the daemon's container image without any registry and
# starts it once to see it work.
#  1. the photoblocksd .deb from the build tree (cpack -G DEB);
#  2. a minimal Debian 12 root made by mmdebstrap from this machine's apt sources, imported
#     into podman as localhost/debian:bookworm-minimal (once; reused afterwards);
#  3. `podman build` of installer/container/Containerfile as localhost/photoblocksd;
#  4. a container of it on the test network (host network, loopback only), asked for its
#     status through the REST API, then stopped with SIGTERM (it must exit 0).
# Needs root (or rootless podman with subuid ranges), podman and mmdebstrap (apt installs them).
# Where the container runtime needs help, pass podman's options in the environment:
#   PB_PODMAN_FLAGS      global options, e.g. "--runtime runc"
#   PB_PODMAN_RUN_FLAGS  options of `podman build` and `podman run`, e.g. "--ulimit nofile=4096:4096"
# (what docs/operations.md says this machine needed). The check run uses the host's network
# and binds the node to loopback only.
set -euo pipefail
build="$(cd "${1:?usage: build-image.sh <build dir>}" && pwd)"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/pb-image.XXXXXX")"
trap 'rm -rf "$work"' EXIT
read -r -a podman_flags <<<"${PB_PODMAN_FLAGS:-}"
read -r -a run_flags <<<"${PB_PODMAN_RUN_FLAGS:-}"
pm() { podman "${podman_flags[@]}" "$@"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

echo "== the package"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" || { cat "$work/cpack.log"; exit 1; }
cp "$work"/out/photoblocksd_*.deb "$work/"
cp "$here/Containerfile" "$work/"

base=localhost/debian:bookworm-minimal
if ! pm image exists "$base"; then
  echo "== base image: mmdebstrap bookworm -> podman import $base"
  mmdebstrap --variant=apt --format=tar bookworm "$work/rootfs.tar"
  pm import "$work/rootfs.tar" "$base"
  rm -f "$work/rootfs.tar"
fi

echo "== podman build"
pm build "${run_flags[@]}" --network=host -t localhost/photoblocksd -f "$work/Containerfile" "$work"

echo "== a container on the test network"
name="pb-image-check-$$"
rest_port=$(free_port)
peer_port=$(free_port)
pm run -d "${run_flags[@]}" --network=host --name "$name" localhost/photoblocksd \
  --network test --mode head --port "$peer_port" --rest-port "$rest_port"
status=""
for _ in $(seq 1 60); do
  status=$(curl -fsS "http://127.0.0.1:$rest_port/api/v1/status" 2>/dev/null) && break
  sleep 1
done
pm logs "$name" 2>&1 | tail -5
[ -n "$status" ] || { pm rm -f "$name" >/dev/null; echo "FAIL: no REST answer"; exit 1; }
echo "status: $status"
pm stop -t 30 "$name" >/dev/null
code=$(pm inspect -f '{{.State.ExitCode}}' "$name")
pm rm "$name" >/dev/null
[ "$code" = 0 ] || { echo "FAIL: the node exited $code after SIGTERM"; exit 1; }
echo "image ok: localhost/photoblocksd"
