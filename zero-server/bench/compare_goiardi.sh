#!/usr/bin/env bash
# proofbox serve against goiardi (Debian's in-memory Chef server), same machine, same run:
#   1. GET /nodes/N of a ~2 KB node at 8 keep-alive connections (requests/s)
#   2. POST /nodes of unique ~2 KB nodes (nodes/s ingested)
#   3. resident memory of a fresh server holding 10k ~2 KB nodes, against their raw JSON size
#   4. GET /search/node?q=role:app AND platform:ubuntu (full rows) over 1k and 10k nodes:
#      median latency and requests/s
#
#   zero-server/bench/compare_goiardi.sh [PROOFBOX_BINARY]     (default: build/proofbox)
#
# Environment: DURATION=10s CONNS=8 THREADS=2 NODES=10000. Both servers listen on loopback only
# and are stopped at the end. Needs wrk and goiardi (ci/packages.txt installs both).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
proofbox=${1:-$root/build/proofbox}
: "${DURATION:=10s}" "${CONNS:=8}" "${THREADS:=2}" "${NODES:=10000}"
: "${SEARCH_SMALL:=1000}" "${SEARCH_DURATION:=10s}"
export DURATION CONNS THREADS

for tool in wrk goiardi curl; do
  command -v "$tool" >/dev/null || { echo "compare_goiardi.sh: $tool is missing" >&2; exit 1; }
done
[[ -x "$proofbox" ]] || { echo "compare_goiardi.sh: no proofbox binary at $proofbox" >&2; exit 1; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_proofbox() {  # sets url, pid
  local log; log=$(mktemp)
  "$proofbox" serve --port 0 >"$log" 2>&1 &
  pid=$!; pids+=("$pid")
  for _ in $(seq 100); do grep -q '^listening on ' "$log" && break; sleep 0.05; done
  url=$(sed -n 's/^listening on //p' "$log")
}

start_goiardi() {  # sets url, pid
  local port; port=$(free_port)
  goiardi -I 127.0.0.1 -P "$port" -H 127.0.0.1 >/dev/null 2>&1 &
  pid=$!; pids+=("$pid")
  url="http://127.0.0.1:$port"
  for _ in $(seq 100); do curl -fs "$url/nodes" -H 'Accept: application/json' >/dev/null && break; sleep 0.05; done
}

make_node() {  # base_url
  local attrs
  attrs=$(for i in $(seq 48); do printf '"attribute_%d":"value-%08d",' "$i" $((i * 7919)); done)
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d "{\"name\":\"bench-node\",\"chef_type\":\"node\",\"json_class\":\"Chef::Node\",\"chef_environment\":\"_default\",\"run_list\":[\"role[base]\"],\"normal\":{${attrs%,}},\"default\":{},\"override\":{},\"automatic\":{\"platform\":\"debian\"}}" \
    "$1/nodes"
}

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

declare -A result
# Search over the loaded fleet (one node in eight matches): median latency and requests/s.
search_run() {  # server nodes
  local line
  curl -fsS -o /dev/null -H 'Accept: application/json' "$url/search/node?q=name:load-0" || true
  line=$(DURATION=$SEARCH_DURATION "$here/http_load.sh" "$url" search | tee /dev/stderr | grep '^RESULT')
  result[$1.search$2]=$(sed -n 's/.*requests_per_sec=\([0-9.]*\).*/\1/p' <<<"$line")
  result[$1.search$2.p50]=$(sed -n 's/.*latency_p50=\([^ ]*\).*/\1/p' <<<"$line")
  result[$1.search$2.non2xx]=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<<"$line")
}
for server in proofbox goiardi; do
  "start_$server"
  make_node "$url"
  for mode in get post; do
    line=$(NODE=bench-node "$here/http_load.sh" "$url" "$mode" | tee /dev/stderr | grep '^RESULT')
    result[$server.$mode]=$(sed -n 's/.*requests_per_sec=\([0-9.]*\).*/\1/p' <<<"$line")
    result[$server.$mode.non2xx]=$(sed -n 's/.*non2xx=\([0-9]*\).*/\1/p' <<<"$line")
  done
  cleanup; pids=()

  "start_$server"
  base_rss=$(rss_kb "$pid")
  loaded=$("$here/load_nodes.py" "$url" "$NODES" | grep '^LOADED')
  sleep 0.5
  result[$server.rss_base]=$base_rss
  result[$server.rss]=$(rss_kb "$pid")
  result[$server.loaded]=$(sed -n 's/.*nodes=\([0-9]*\).*/\1/p' <<<"$loaded")
  result[$server.json_bytes]=$(sed -n 's/.*json_bytes=\([0-9]*\).*/\1/p' <<<"$loaded")
  search_run "$server" "$NODES"
  cleanup; pids=()

  "start_$server"
  "$here/load_nodes.py" "$url" "$SEARCH_SMALL" >/dev/null
  search_run "$server" "$SEARCH_SMALL"
  cleanup; pids=()
done

echo
echo "== proofbox vs goiardi (wrk -t$THREADS -c$CONNS -d$DURATION, loopback, same run)"
printf '%-34s %14s %14s %8s\n' "figure" "proofbox" "goiardi" "ratio"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }
printf '%-34s %14s %14s %8s\n' "GET /nodes/N requests/s" "${result[proofbox.get]}" "${result[goiardi.get]}" "$(ratio "${result[proofbox.get]}" "${result[goiardi.get]}")"
printf '%-34s %14s %14s %8s\n' "POST /nodes nodes/s" "${result[proofbox.post]}" "${result[goiardi.post]}" "$(ratio "${result[proofbox.post]}" "${result[goiardi.post]}")"
printf '%-34s %14s %14s\n' "non-2xx (get/post)" "${result[proofbox.get.non2xx]}/${result[proofbox.post.non2xx]}" "${result[goiardi.get.non2xx]}/${result[goiardi.post.non2xx]}"
for n in "$SEARCH_SMALL" "$NODES"; do
  printf '%-34s %14s %14s\n' "search $n nodes median latency" "${result[proofbox.search$n.p50]}" "${result[goiardi.search$n.p50]}"
  printf '%-34s %14s %14s %8s\n' "search $n nodes requests/s" "${result[proofbox.search$n]}" "${result[goiardi.search$n]}" "$(ratio "${result[proofbox.search$n]}" "${result[goiardi.search$n]}")"
  printf '%-34s %14s %14s\n' "search $n nodes non-2xx" "${result[proofbox.search$n.non2xx]}" "${result[goiardi.search$n.non2xx]}"
done
for s in proofbox goiardi; do
  mib=$(awk -v k="${result[$s.rss]}" 'BEGIN { printf "%.1f", k / 1024 }')
  raw=$(awk -v b="${result[$s.json_bytes]}" 'BEGIN { printf "%.1f", b / 1048576 }')
  x=$(awk -v k="${result[$s.rss]}" -v b="${result[$s.json_bytes]}" 'BEGIN { printf "%.2f", k * 1024 / b }')
  echo "$s: ${result[$s.loaded]} nodes, raw JSON ${raw} MiB, RSS ${mib} MiB (idle ${result[$s.rss_base]} KiB) = ${x}x raw"
done
