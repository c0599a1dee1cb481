-- wrk script: each wrk thread POSTs PER_THREAD new ~2 KB nodes, then stops; prints how many
-- were created and how many JSON bytes they held. Used for the memory-per-node figure.
--
--   PER_THREAD=5000 wrk -t2 -c8 -d300s -s bench/load_nodes.lua http://127.0.0.1:8889/nodes

local threads = {}
local per_thread = tonumber(os.getenv("PER_THREAD") or "5000")

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local tid, sent, created, bytes, attrs

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  sent, created, bytes = 0, 0, 0
  local parts = {}
  for i = 1, 48 do
    parts[#parts + 1] = string.format('"attribute_%d":"value-%08d"', i, i * 7919)
  end
  attrs = table.concat(parts, ",")
end

local headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function request()
  sent = sent + 1
  local name = string.format("load-%d-%d", tid, sent)
  local body = '{"name":"' .. name .. '","chef_type":"node","json_class":"Chef::Node",' ..
      '"chef_environment":"_default","run_list":["role[base]","recipe[nginx]"],' ..
      '"normal":{' .. attrs .. '},"default":{},"override":{},' ..
      '"automatic":{"platform":"debian","platform_version":"12","fqdn":"' .. name .. '.example"}}'
  if sent <= per_thread then bytes = bytes + #body end
  return wrk.format("POST", wrk.path, headers, body)
end

function response(status, hdrs, body)
  if status == 201 then created = created + 1 end
  if created >= per_thread then
    wrk.thread:set("created", created)
    wrk.thread:set("bytes", bytes)
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total_created, total_bytes = 0, 0
  for _, t in ipairs(threads) do
    total_created = total_created + (tonumber(t:get("created")) or 0)
    total_bytes = total_bytes + (tonumber(t:get("bytes")) or 0)
  end
  io.write(string.format("LOADED nodes=%d json_bytes=%d\n", total_created, total_bytes))
end
