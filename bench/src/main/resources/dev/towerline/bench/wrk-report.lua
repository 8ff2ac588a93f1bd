-- Towerline bench: wrk script written out and run by dev.towerline.bench.Wrk.
-- With BENCH_BODY set (a format string with one %s for the device serial), every request is a
-- POST of that body with the next serial of BENCH_SERIALS (comma-separated) and its own
-- Idempotency-Key (BENCH_KEY_PREFIX, the thread's number and a counter); otherwise wrk's plain GET.
-- done() prints one line "BENCH_JSON {...}" that Wrk parses.

local body_format = os.getenv("BENCH_BODY")
local key_prefix = os.getenv("BENCH_KEY_PREFIX") or tostring(os.time())
local serials = {}
for serial in string.gmatch(os.getenv("BENCH_SERIALS") or "", "[^,]+") do
  table.insert(serials, serial)
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_number", #threads)
end

if body_format ~= nil then
  local counter = 0
  local headers = { ["Content-Type"] = "application/json" }

  function request()
    counter = counter + 1
    headers["Idempotency-Key"] = key_prefix .. "-" .. tostring(thread_number) .. "-" .. tostring(counter)
    local serial = serials[(counter + thread_number) % #serials + 1]
    return wrk.format("POST", nil, headers, string.format(body_format, serial))
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"status_4xx_5xx":%d,' ..
    '"latency_us":{"p50":%d,"p95":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
end
