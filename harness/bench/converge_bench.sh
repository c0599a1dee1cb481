#!/usr/bin/env bash
# Wall time of the harness for 1 and 3 roles (bootstrap + converge + verify + teardown, through
# `proofbox test`) side by side with the same steps done by hand with the docker CLI: an
# --internal network, `proofbox serve --auth verify` on its gateway, `docker run -d`, the
# validation key, client.rb, first-boot.json and the stand-in agent copied in, `docker exec` of
# the agent, `docker exec` of the stats check, then `docker rm -f` and `docker network rm`.
#   harness/bench/converge_bench.sh [ROUNDS]      (default 3 rounds; prints medians)
# Needs: build/proofbox, dockerd, the fixture image (ci/setup builds it).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
proofbox=$root/build/proofbox
rounds=${1:-3}
image=$("$proofbox" image build fixtures/images/memcached.yml --runtime docker 2>&1 |
        grep -o 'proofbox/memcached:[0-9a-f]*' | head -1)
[[ -n "$image" ]] || { echo "converge_bench: no fixture image" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A repo with roles cache1..cache3, each the memcached role, each with a stats check.
repo=$work/repo
cp -r fixtures/harness-repo "$repo"
mkdir -p "$repo/spec/functional"
for n in 1 2 3; do
  sed "s/\"name\": \"memcached\"/\"name\": \"cache$n\"/" fixtures/harness-repo/roles/memcached.json \
    > "$repo/roles/cache$n.json"
  printf 'replies:\n  11211: {send: "stats\\r\\n", expect: {contains: "STAT pid"}, within: 20s}\n' \
    > "$repo/spec/functional/cache$n.yml"
done
printf 'runtime: docker\nimage: %s\n' "$image" > "$repo/proofbox.yml"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

harness_run() {  # ROLES...
  local args=() t0 t1
  for r in "$@"; do args+=(--role "$r"); done
  t0=$(now)
  "$proofbox" test "$repo" "${args[@]}" --keep never >"$work/report.txt" 2>"$work/progress.txt" ||
    { cat "$work/report.txt" "$work/progress.txt" >&2; exit 1; }
  t1=$(now)
  elapsed "$t0" "$t1"
}

bare_run() {  # ROLES...
  local t0 t1 net="pbx-bench-$$-$RANDOM" subnet gateway keys=$work/keys pids=()
  t0=$(now)
  subnet="10.213.$((200 + RANDOM % 50)).0/24"
  gateway=${subnet%.0/24}.1
  docker network create --internal --subnet "$subnet" --gateway "$gateway" "$net" >/dev/null
  rm -rf "$keys"
  "$proofbox" serve --repo "$repo" --auth verify --host "$gateway" --port 0 --key-dir "$keys" \
    >"$work/serve.out" 2>"$work/serve.err" &
  local serve_pid=$!
  until grep -q '^listening on' "$work/serve.out" 2>/dev/null; do sleep 0.05; done
  local url
  url="$(sed -n 's/^listening on //p' "$work/serve.out")/organizations/chef"
  for role in "$@"; do
    (
      c="$net-$role"
      docker run -d --name "$c" --hostname "$role-1" --network "$net" "$image" sleep infinity >/dev/null
      docker exec "$c" mkdir -p /etc/chef /opt/proofbox/bin
      docker cp "$keys/chef-validator.pem" "$c:/etc/chef/validation.pem" >/dev/null
      printf 'chef_server_url "%s"\nnode_name "%s-1"\nvalidation_client_name "chef-validator"\nvalidation_key "/etc/chef/validation.pem"\nclient_key "/etc/chef/client.pem"\nfile_cache_path "/var/chef/cache"\n' \
        "$url" "$role" > "$work/client-$role.rb"
      docker cp "$work/client-$role.rb" "$c:/etc/chef/client.rb" >/dev/null
      printf '{"run_list":["role[%s]"]}\n' "$role" > "$work/first-boot-$role.json"
      docker cp "$work/first-boot-$role.json" "$c:/etc/chef/first-boot.json" >/dev/null
      docker cp fixtures/agent/proofbox-agent "$c:/opt/proofbox/bin/proofbox-agent" >/dev/null
      docker exec "$c" sh /opt/proofbox/bin/proofbox-agent -c /etc/chef/client.rb \
        -j /etc/chef/first-boot.json > "$work/agent-$role.log" 2>&1
      for _ in $(seq 1 80); do
        docker exec "$c" sh -c "printf 'stats\r\nquit\r\n' | nc -q1 127.0.0.1 11211" |
          grep -q 'STAT pid' && exit 0
        sleep 0.25
      done
      exit 1
    ) &
    pids+=($!)
  done
  local status=0
  for p in "${pids[@]}"; do wait "$p" || status=1; done
  for role in "$@"; do docker rm -f "$net-$role" >/dev/null; done
  kill "$serve_pid"; wait "$serve_pid" || true
  docker network rm "$net" >/dev/null
  t1=$(now)
  ((status == 0)) || { echo "converge_bench: the bare run failed" >&2; cat "$work"/agent-*.log >&2; exit 1; }
  elapsed "$t0" "$t1"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "rounds: $rounds; image $image; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for set in "cache1" "cache1 cache2 cache3"; do
  n=$(wc -w <<<"$set")
  h=$(for _ in $(seq "$rounds"); do harness_run $set; done | median)
  b=$(for _ in $(seq "$rounds"); do bare_run $set; done | median)
  overhead=$(echo "scale=2; ($h - $b) / $n" | bc)
  printf '%d role(s): proofbox test %.2f s, bare docker run + exec %.2f s, overhead %.2f s per container\n' \
    "$n" "$h" "$b" "$overhead"
done
echo "last harness run's phases (run.jsonl):"
grep -h '"state"' "$repo"/.proofbox/runs/latest/run.jsonl |
  sed -E 's/.*"duration_ms":([0-9]+).*"role":"([^"]+)".*"state":"([^"]+)".*/  \2 \3 after \1 ms/'
