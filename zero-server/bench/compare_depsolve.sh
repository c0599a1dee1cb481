#!/usr/bin/env bash
# The depsolver over HTTP, proofbox against goiardi in the same run: each server gets the same
# generated universe (depsolve_http.py) and answers POST /environments/_default/cookbook_versions
# for a three-cookbook run list. Two sizes: 50 cookbooks x 3 versions and 500 x 10 with
# diamonds. The solve itself is timed in-process by depsolver_bench; this adds what a
# chef-client sees (universe read, manifests rendered, the answer sent).
#
#   zero-server/bench/compare_depsolve.sh [PROOFBOX_BINARY]     (default: build/proofbox)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
proofbox=${1:-$root/build/proofbox}
pid=""
trap '[[ -n "$pid" ]] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

for size in "50 3 50" "500 10 10"; do
  for server in proofbox goiardi; do
    port=$(free_port)
    if [[ $server == proofbox ]]; then
      "$proofbox" serve --port "$port" >/dev/null 2>&1 &
    else
      goiardi -I 127.0.0.1 -P "$port" -H 127.0.0.1 >/dev/null 2>&1 &
    fi
    pid=$!
    for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/nodes" >/dev/null && break; sleep 0.05; done
    # shellcheck disable=SC2086
    echo "$server $(python3 "$here/depsolve_http.py" "http://127.0.0.1:$port" $size)"
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  done
done
