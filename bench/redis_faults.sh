#!/usr/bin/env bash
# Storage fault loops (not ctest tests), on the test network, loopback only:
#  1. redis-server killed mid-write: a mining node's embedded redis-server gets `kill -9` at a
#     random moment, KILLS times; each time the node must restart it and go on mining, or
#     stop with a clear message. Then the node is stopped (SIGTERM, exit 0) and restarted, and
#     its chain must load consistent with no committed block lost.
#  2. Disk full: the data directory is a small tmpfs (needs root for mount; without it, an
#     external redis-server with a tiny `maxmemory` refuses writes instead). The node mines,
#     the disk is filled, the node must report it clearly (or stop with a clear message) and
#     never corrupt: once space is freed, a restart loads a consistent chain that kept every
#     block committed before the disk filled.
#   bench/redis_faults.sh [KILLS] [DAEMON]     (defaults: 20, build/test/app/photoblocksd)
set -euo pipefail
kills="${1:-20}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
daemon="${2:-$root/build/test/app/photoblocksd}"
work="$(mktemp -d /tmp/pbfaultXXXXXX)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
rest="$(free_port)"
height() { curl -s --max-time 5 "http://127.0.0.1:$rest/api/v1/status" | jq -r '.height // -1' 2>/dev/null || echo -1; }
block() { curl -s --max-time 5 "http://127.0.0.1:$rest/api/v1/blocks/$1"; }
wait_for() { local deadline=$(( $(date +%s) + $1 )); shift; until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.2; done; }
answers() { [ "$(height)" -ge 0 ]; }
above() { [ "$(height)" -ge "$1" ]; }
node_pid=""; mounted=""; redis_ext=""
cleanup() {
  [ -n "$node_pid" ] && kill -TERM "$node_pid" 2>/dev/null && wait "$node_pid" 2>/dev/null || true
  [ -n "$redis_ext" ] && kill -TERM "$redis_ext" 2>/dev/null || true
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null || true
}
trap cleanup EXIT

start_node() {  # start_node <datadir> <log> [extra args]
  local dir="$1" log="$2"; shift 2
  "$daemon" --network test --mode head --datadir "$dir" --port 0 --rest-port "$rest" --rest-rate-limit 0 --mine "$@" \
    2>>"$log" & node_pid=$!
  wait_for 60 answers
}
stop_node() {  # SIGTERM; the exit code goes to $stopped_code
  kill -TERM "$node_pid"; stopped_code=0; wait "$node_pid" || stopped_code=$?; node_pid=""
}
# Genesis is reached and the top 10 blocks link to each other.
consistent() {
  local h="$1" prev="" i json
  for (( i = h; i >= 0 && i > h - 10; i-- )); do
    json="$(block "$i")"
    [ "$(jq -r .height <<<"$json")" = "$i" ] || return 1
    if [ -n "$prev" ] && [ "$(jq -r .hash <<<"$json")" != "$prev" ]; then return 1; fi
    prev="$(jq -r .prevHash <<<"$json")"
  done
  [ "$(block 0 | jq -r .height)" = 0 ]
}

echo "== 1. embedded redis-server killed mid-write, $kills times =="
dir="$work/kill"; log="$work/kill.log"
start_node "$dir" "$log" || { echo "the node did not start ($log)"; exit 1; }
wait_for 60 above 2
recovered=0; stopped=0
for (( k = 1; k <= kills; k++ )); do
  sleep "0.$(( RANDOM % 10 ))"
  before="$(height)"; redis="$(cat "$dir/redis/redis.pid")"
  kill -KILL "$redis"
  # Either outcome is fine: a new redis-server and a higher chain, or the node gone with a message.
  outcome=""
  polls=0
  while [ -z "$outcome" ] && [ "$polls" -lt 450 ]; do
    polls=$(( polls + 1 ))
    if ! kill -0 "$node_pid" 2>/dev/null; then outcome=stopped
    elif [ "$(cat "$dir/redis/redis.pid" 2>/dev/null)" != "$redis" ] && [ "$(height)" -gt "$before" ]; then outcome=recovered
    else sleep 0.2; fi
  done
  case "$outcome" in
    recovered) recovered=$(( recovered + 1 ))
      echo "kill $k: redis $redis killed at height $before; restarted, mining on at $(height)" ;;
    stopped) code=0; wait "$node_pid" || code=$?; node_pid=""; stopped=$(( stopped + 1 ))
      echo "kill $k: redis $redis killed at height $before; the node stopped (exit $code): $(grep 'photoblocksd: error' "$log" | tail -n 1)"
      start_node "$dir" "$log" || { echo "kill $k: the node does not restart ($log)"; exit 1; }
      reloaded="$(height)"
      [ "$reloaded" -ge "$before" ] || { echo "kill $k: LOST BLOCKS: $before before, $reloaded after the restart"; exit 1; }
      consistent "$reloaded" || { echo "kill $k: inconsistent chain at $reloaded ($dir)"; exit 1; }
      echo "kill $k: restarted, chain reloaded at $reloaded, consistent" ;;
    *) echo "kill $k: neither recovered nor stopped within 90 s ($log)"; exit 1 ;;
  esac
done
last="$(height)"
stop_node
[ "$stopped_code" = 0 ] || { echo "SIGTERM after the kills: exit code $stopped_code ($log)"; exit 1; }
start_node "$dir" "$log" || { echo "no restart after the kills ($log)"; exit 1; }
reloaded="$(height)"
[ "$reloaded" -ge "$last" ] || { echo "LOST BLOCKS: $last before stopping, $reloaded after"; exit 1; }
consistent "$reloaded" || { echo "inconsistent chain at $reloaded ($dir)"; exit 1; }
stop_node
echo "redis kills: $kills, recovered in place $recovered, node stopped and restarted $stopped;" \
  "reloaded at $reloaded >= $last, consistent"

echo "== 2. disk full =="
dir="$work/full/node"; log="$work/full.log"
mkdir -p "$work/full"
if mount -t tmpfs -o size=24m tmpfs "$work/full" 2>/dev/null; then
  mounted="$work/full"
  start_node "$dir" "$log" || { echo "the node did not start ($log)"; exit 1; }
  wait_for 60 above 3
  before="$(height)"
  dd if=/dev/zero of="$work/full/filler" bs=64k 2>/dev/null || true   # until the disk is full
  echo "disk full at height $before ($(df -h "$work/full" | tail -1 | awk '{print $4}') free)"
  sleep 20
  if kill -0 "$node_pid" 2>/dev/null; then
    echo "after 20 s on a full disk the node runs at height $(height); what it said:"
  else
    wait "$node_pid" || echo "the node stopped (exit $?); what it said:"; node_pid=""
  fi
  grep -iE "error|fail|space|refus|disk|misconf|stop" "$log" | sort | uniq -c | sort -rn | head -n 8 || true
  full_height="$(height)"
  [ -n "$node_pid" ] && stop_node || true
  rm -f "$work/full/filler"
  start_node "$dir" "$log" || { echo "no restart once space was freed ($log)"; exit 1; }
  reloaded="$(height)"
  [ "$reloaded" -ge "$before" ] || { echo "LOST BLOCKS: $before before the disk filled, $reloaded after"; exit 1; }
  consistent "$reloaded" || { echo "inconsistent chain at $reloaded ($dir)"; exit 1; }
  wait_for 90 above $(( reloaded + 2 )) || { echo "no mining after space was freed ($log)"; exit 1; }
  echo "disk full: blocks kept ($before committed before, reloaded at $reloaded, ${full_height} while full); consistent; mining again at $(height)"
  stop_node
else
  echo "(no tmpfs mount: falling back to an external redis-server with maxmemory 2mb, noeviction)"
  sock="$work/redis.sock"
  redis-server --port 0 --unixsocket "$sock" --dir "$work" --appendonly yes --maxmemory 2mb --maxmemory-policy noeviction \
    --save "" >"$work/redis.log" 2>&1 & redis_ext=$!
  wait_for 20 test -S "$sock"
  start_node "$work/ext" "$log" --redis "unix://$sock" || { echo "the node did not start ($log)"; exit 1; }
  wait_for 60 above 3; before="$(height)"
  redis-cli -s "$sock" config set maxmemory 1 >/dev/null
  sleep 20
  grep -iE "error|fail|memory|refus|oom|stop" "$log" | sort | uniq -c | sort -rn | head -n 8 || true
  [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null && stop_node || node_pid=""
  redis-cli -s "$sock" config set maxmemory 0 >/dev/null
  start_node "$work/ext" "$log" --redis "unix://$sock" || { echo "no restart after the refusal ($log)"; exit 1; }
  reloaded="$(height)"
  [ "$reloaded" -ge "$before" ] && consistent "$reloaded" || { echo "chain lost or inconsistent ($reloaded < $before?)"; exit 1; }
  echo "maxmemory refusal: reloaded at $reloaded >= $before, consistent"
  stop_node
fi
cleanup; trap - EXIT
rm -rf "$work"
