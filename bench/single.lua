-- wrk script for scenario 2 (bench/run.ts): one event per POST, JSON object,
-- unique ids. Each thread cycles offered → answered → ended → wrapped over its
-- own contacts, so the events are realistic and every id is new. Counts the
-- 202 answers (the only acknowledgement that an event is durably stored) and
-- prints one "BENCH_JSON {...}" line at the end.

local key = os.getenv("VIGIE_BENCH_KEY")
local prefix = os.getenv("VIGIE_BENCH_PREFIX")
local queues = { "support", "sales", "billing", "chat-support", "email" }
local channels = { "voice", "voice", "voice", "chat", "email" }

local threads = {}
local nthreads = 0

function setup(thread)
  nthreads = nthreads + 1
  thread:set("tid", nthreads)
  table.insert(threads, thread)
end

-- per-thread globals (read back in done() through thread:get)
acked = 0
other = 0
local n = 0
local headers = nil

function init(args)
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. key }
end

function request()
  n = n + 1
  local c = math.floor((n - 1) / 4)
  local step = (n - 1) % 4
  local cid = prefix .. "-" .. tid .. "-c" .. c
  local id = prefix .. "-" .. tid .. "-" .. n
  local at = string.format("%.0f", os.time() * 1000)
  local body
  if step == 0 then
    local q = c % 5 + 1
    body = '{"id":"' .. id .. '","type":"contact.offered","at":' .. at .. ',"contactId":"' .. cid ..
      '","queue":"' .. queues[q] .. '","channel":"' .. channels[q] .. '","direction":"inbound","customerId":"cust-' .. (c % 20000) .. '"}'
  elseif step == 1 then
    body = '{"id":"' .. id .. '","type":"contact.answered","at":' .. at .. ',"contactId":"' .. cid ..
      '","agentId":"a-' .. string.format("%03d", c % 60 + 1) .. '"}'
  elseif step == 2 then
    body = '{"id":"' .. id .. '","type":"contact.ended","at":' .. at .. ',"contactId":"' .. cid .. '"}'
  else
    body = '{"id":"' .. id .. '","type":"contact.wrapped","at":' .. at .. ',"contactId":"' .. cid .. '"}'
  end
  return wrk.format("POST", "/api/events", headers, body)
end

function response(status, hdrs, body)
  if status == 202 then acked = acked + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local a, o = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("acked")
    o = o + t:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"acked":%d,"other":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}\n',
    summary.requests, summary.duration, a, o,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
