-- One wrk script for the throughput workloads W0–W5 (bench/run sets the
-- environment). Every request carries the session cookie; W5 also the CSRF
-- header. Ids are drawn from a fixed-seed sequence per thread so runs ask
-- for the same records. done() prints one JSON line that bench/run keeps.
--
--   BENCH_W        W0 … W5
--   BENCH_COOKIE   "zd_session=…"
--   BENCH_CSRF     the session's CSRF token
--   BENCH_NPROJ    projects of the benchmark zone (ids 1..N)
--   BENCH_PARK     park id for W1
--   BENCH_AS_OF    as-of date (YYYY-MM-DD)

local w = os.getenv("BENCH_W") or "W0"
local cookie = os.getenv("BENCH_COOKIE") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local nproj = tonumber(os.getenv("BENCH_NPROJ") or "1")
local park = os.getenv("BENCH_PARK") or "1"
local asof = os.getenv("BENCH_AS_OF") or "2026-11-20"
local year = string.sub(asof, 1, 4)
local n = 0

local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(1000 + (tid or 1))
  wrk.headers["Cookie"] = cookie
  wrk.headers["Accept"] = "application/json"
end

local function pid()
  return math.random(1, nproj)
end

function request()
  n = n + 1
  if w == "W0" then
    return wrk.format("GET", "/api/health")
  elseif w == "W1" then
    return wrk.format("GET", "/api/projects?park_id=" .. park ..
      "&phase=main_structure&sort=-total_investment&limit=50&offset=0&as_of=" .. asof)
  elseif w == "W2" then
    -- A project page: the project, then its latest five reports.
    local id = pid()
    if n % 2 == 1 then
      return wrk.format("GET", "/api/projects/" .. id .. "?as_of=" .. asof)
    end
    return wrk.format("GET", "/api/projects/" .. id .. "/reports?limit=5")
  elseif w == "W3" then
    return wrk.format("GET", "/api/reports/kaifugong?as_of=" .. asof ..
      "&year=" .. year .. "&by=park&projects=0")
  elseif w == "W4" then
    return wrk.format("GET", "/api/reports/investment?from=" .. year ..
      "-10-01&to=" .. year .. "-10-31")
  elseif w == "W5" then
    local body = '{"date":"' .. asof .. '","phase":"main_structure",' ..
      '"phase_reason":"基准测试","workforce":120,"invest_period":35.5,' ..
      '"quantities":[{"name":"混凝土浇筑","amount":320,"unit":"立方米"}]}'
    return wrk.format("POST", "/api/projects/" .. pid() .. "/reports",
      {["Content-Type"] = "application/json", ["X-CSRF-Token"] = csrf,
       ["Cookie"] = cookie}, body)
  end
end

-- Errors: connection errors and statuses >= 400 (wrk counts those);
-- no response() hook, which would make wrk itself slower on W0.
function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format(
    '{"requests":%d,"duration_s":%.3f,"rps":%.1f,"p50_ms":%.3f,' ..
    '"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, errors))
end
