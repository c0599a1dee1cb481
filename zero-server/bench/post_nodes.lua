-- wrk script: POST a new ~2 KB node JSON with a unique name on every request.
--
--   wrk -t2 -c8 -d10s -s bench/post_nodes.lua http://127.0.0.1:8889/nodes
--
-- The URL's path is where nodes are created (/nodes or /organizations/ORG/nodes).
-- Names are bench-<run>-<thread>-<counter>, so runs and threads never collide (a collision
-- would be a 409 and show up in wrk's "Non-2xx" line). Set BENCH_RUN to fix <run>.

local threads = {}
local run_id = os.getenv("BENCH_RUN") or tostring(os.time())

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local tid, counter, attrs

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  counter = 0
  -- ~1.7 KB of normal attributes, built once per thread; only the name changes per request.
  local parts = {}
  for i = 1, 48 do
    parts[#parts + 1] = string.format('"attribute_%d":"value-%08d"', i, i * 7919)
  end
  attrs = table.concat(parts, ",")
end

local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
  ["X-Chef-Version"] = "17.10.0",
  ["X-Ops-Server-API-Version"] = "1",
}

function request()
  counter = counter + 1
  local name = string.format("bench-%s-%d-%d", run_id, tid, counter)
  local body = '{"name":"' .. name .. '","chef_type":"node","json_class":"Chef::Node",' ..
      '"chef_environment":"_default","run_list":["role[base]","recipe[nginx]"],' ..
      '"normal":{' .. attrs .. '},"default":{},"override":{},' ..
      '"automatic":{"platform":"debian","platform_version":"12","fqdn":"' .. name .. '.example"}}'
  return wrk.format("POST", wrk.path, headers, body)
end

local statuses = {}

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("post_nodes: %d requests, %d errors (connect %d, read %d, write %d, status %d, timeout %d)\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
