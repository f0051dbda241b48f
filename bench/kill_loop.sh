#!/usr/bin/env bash
# Crash loop (not a ctest test): `kill -9` a node that mines and syncs, CYCLES times, at a
# random moment each time. Node A mines as the head; node B mines too and syncs with A, and is
# the one killed. After every restart B must load a consistent chain that has lost no block it
# had committed (its height is at least what its REST API reported just before the kill, the
# top blocks link to each other and to genesis) and must go on syncing with A.
#   bench/kill_loop.sh [CYCLES] [DAEMON] [SOURCE_DATADIR]   (defaults: 100, build/test/app/photoblocksd)
# With SOURCE_DATADIR (a chain mined before: bench_network --source-datadir keeps one), A serves
# that chain without mining and B, mining nothing, is killed during its initial sync, while it
# connects blocks in runs; once B has caught up its data is wiped, so every kill lands in a sync.
# Prints one line per cycle and a summary; exits 1 at the first broken cycle, keeping its data
# directory and logs. Loopback only.
set -euo pipefail
cycles="${1:-100}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
daemon="${2:-$root/build/test/app/photoblocksd}"
source_dir="${3:-}"
work="$(mktemp -d /tmp/pbkillXXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
  || echo $(( 20000 + RANDOM % 20000 )); }
peer_a="$(free_port)"; rest_a="$(free_port)"; rest_b="$(free_port)"
status() { curl -s --max-time 5 "http://127.0.0.1:$1/api/v1/status"; }
height() { status "$1" | jq -r '.height // -1' 2>/dev/null || echo -1; }
block() { curl -s --max-time 5 "http://127.0.0.1:$1/api/v1/blocks/$2"; }
wait_for() {  # wait_for <seconds> <command...>: polls until the command succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.2; done
}
answers() { [ "$(height "$1")" -ge 0 ]; }
above() { [ "$(height "$1")" -ge "$2" ]; }

a_pid=""; b_pid=""
cleanup() {
  [ -n "$b_pid" ] && kill -TERM "$b_pid" 2>/dev/null || true
  [ -n "$a_pid" ] && kill -TERM "$a_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap cleanup EXIT

if [ -n "$source_dir" ]; then a_args=(--datadir "$source_dir"); b_mines=(); moment_tenths=8
else a_args=(--mode head --datadir "$work/a" --mine); b_mines=(--mine); moment_tenths=30; fi
"$daemon" --network test "${a_args[@]}" --port "$peer_a" --rest-port "$rest_a" --rest-rate-limit 0 \
  2>"$work/a.log" & a_pid=$!
wait_for 60 answers "$rest_a" || { echo "node A did not start: $work/a.log"; exit 1; }
start_b() {
  "$daemon" --network test --datadir "$work/b" --port 0 --seed "127.0.0.1:$peer_a" --rest-port "$rest_b" \
    --rest-rate-limit 0 "${b_mines[@]}" 2>>"$work/b.log" & b_pid=$!
  wait_for 60 answers "$rest_b"
}

# The top `depth` blocks of B link to each other and the chain reaches genesis by height.
# Walked by hash from the block at height h: B mines and syncs on meanwhile, and a reorganisation
# between two reads by height would mix two branches.
consistent() {
  local h="$1" depth=10 i json hash
  [ "$(block "$rest_b" 0 | jq -r .prevHash)" = "$(printf '0%.0s' {1..64})" ] || return 1
  hash="$(block "$rest_b" "$h" | jq -r .hash)"
  for (( i = h; i >= 0 && i > h - depth; i-- )); do
    json="$(block "$rest_b" "$hash")"
    [ "$(jq -r .height <<<"$json")" = "$i" ] || return 1
    hash="$(jq -r .prevHash <<<"$json")"
  done
}

start_b || { echo "node B did not start: $work/b.log"; exit 1; }
started=$(date +%s); lowest=""; failures=0
for (( c = 1; c <= cycles; c++ )); do
  moment=$(( RANDOM % moment_tenths )); sleep "$(( moment / 10 )).$(( moment % 10 ))"   # a random moment of the run
  before="$(height "$rest_b")"
  redis_pid="$(cat "$work/b/redis/redis.pid" 2>/dev/null || echo 0)"
  kill -KILL "$b_pid"; wait "$b_pid" 2>/dev/null || true
  # Its redis-server follows it (death signal) and flushes its AOF; wait until it has gone.
  wait_for 30 bash -c "! kill -0 $redis_pid 2>/dev/null" || { echo "cycle $c: redis-server $redis_pid orphaned"; exit 1; }
  if ! start_b; then echo "cycle $c: B did not restart after kill -9 (log $work/b.log)"; exit 1; fi
  after="$(height "$rest_b")"
  if [ "$after" -lt "$before" ]; then
    echo "cycle $c: LOST BLOCKS: height $before before the kill, $after after (data $work/b)"; exit 1
  fi
  if ! consistent "$after"; then echo "cycle $c: inconsistent chain at height $after (data $work/b)"; exit 1; fi
  echo "cycle $c: killed at height $before, reloaded at $after, A at $(height "$rest_a")"
  if [ -n "$source_dir" ]; then  # B syncs to the end, then starts from nothing again
    wait_for 120 above "$rest_b" "$(height "$rest_a")" || { echo "cycle $c: B did not finish its sync"; exit 1; }
    kill -TERM "$b_pid"; wait "$b_pid" 2>/dev/null || true
    rm -rf "$work/b"
    start_b || { echo "cycle $c: B did not start again: $work/b.log"; exit 1; }
  fi
done
# Still syncing: B catches up with A's height at the end.
target="$(height "$rest_a")"
wait_for 120 above "$rest_b" "$target" || { echo "B did not catch up with A's height $target"; exit 1; }
echo "kill_loop: $cycles kill -9 cycles in $(( $(date +%s) - started )) s; no block lost, every restart consistent;" \
  "final heights A $(height "$rest_a"), B $(height "$rest_b")"
cleanup; trap - EXIT
rm -rf "$work"
