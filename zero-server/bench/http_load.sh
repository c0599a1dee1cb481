#!/bin/sh
# Load driver for the proofbox HTTP server (or any Chef server speaking the same API).
#
#   bench/http_load.sh BASE_URL [get|post|all]
#
#   BASE_URL  e.g. http://127.0.0.1:8889 or http://127.0.0.1:8889/organizations/ORG
#   get       GET BASE_URL/nodes/$NODE (keep-alive, the hot read path)
#   post      POST BASE_URL/nodes with unique ~2 KB node JSON per request (post_nodes.lua)
#   search    GET BASE_URL/search/node?q=$QUERY&rows=$ROWS (full node rows)
#   all       get and post (default)
#
# Environment (all optional):
#   NODE=bench-node        node name for the GET run (create it first, see README.md)
#   THREADS=2 CONNS=8 DURATION=10s   wrk -t/-c/-d
#   WRK=wrk                wrk binary
#   WRK_ARGS=              extra wrk arguments, e.g. "-H 'X-Ops-Server-API-Version: 1'"
#   QUERY='role:app AND platform:ubuntu' ROWS=100000   for the search run
#
# Prints wrk's report per run and a last line per run that scripts can grep:
#   RESULT <name> requests_per_sec=<n> latency_p50=<t> latency_p99=<t> non2xx=<n>
set -eu

if [ $# -lt 1 ]; then
  sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

base=${1%/}
mode=${2:-all}
here=$(cd "$(dirname "$0")" && pwd)
: "${NODE:=bench-node}" "${THREADS:=2}" "${CONNS:=8}" "${DURATION:=10s}" "${WRK:=wrk}"
: "${WRK_ARGS:=}" "${QUERY:=role:app AND platform:ubuntu}" "${ROWS:=100000}"

command -v "$WRK" >/dev/null 2>&1 || { echo "http_load.sh: $WRK not found (apt-get install wrk)" >&2; exit 1; }

run() {  # name url [wrk args...]
  name=$1; url=$2; shift 2
  echo "== $name: $WRK -t$THREADS -c$CONNS -d$DURATION --latency $* $url"
  out=$(eval "$WRK" -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency $WRK_ARGS '"$@"' '"$url"')
  echo "$out"
  rps=$(echo "$out" | awk '/^Requests\/sec:/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ {print $5}')
  echo "RESULT $name requests_per_sec=${rps:-0} latency_p50=${p50:-?} latency_p99=${p99:-?} non2xx=${non2xx:-0}"
}

case $mode in
  get) run get "$base/nodes/$NODE" ;;
  post) run post "$base/nodes" -s "$here/post_nodes.lua" ;;
  search)
    q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$QUERY")
    run search "$base/search/node?q=$q&rows=$ROWS"
    ;;
  all)
    run get "$base/nodes/$NODE"
    run post "$base/nodes" -s "$here/post_nodes.lua"
    ;;
  *) echo "http_load.sh: unknown mode '$mode' (get|post|search|all)" >&2; exit 2 ;;
esac
