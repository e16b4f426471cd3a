-- wrk script: the issue's request mix (70% GET one, 20% renew or update, 10% create) over
-- the bundles listed in the file named by the environment variable MIX_UUIDS, with the
-- sandbox's credentials (MIX_RESELLER, MIX_USER, MIX_PASSWORD). MIX_MODE=get: GETs only;
-- MIX_MODE=renew: renewals only.
-- Prints one JSON line at the end: requests/s and latency percentiles in microseconds.
local uuids = {}
local headers = {}
local mode = os.getenv("MIX_MODE") or "mix"

function init(args)
  for line in io.lines(os.getenv("MIX_UUIDS")) do uuids[#uuids + 1] = line end
  headers["X-Auth-Reseller"] = os.getenv("MIX_RESELLER")
  headers["X-Auth-User"] = os.getenv("MIX_USER")
  headers["X-Auth-Password"] = os.getenv("MIX_PASSWORD")
  headers["Content-Type"] = "application/json"
  math.randomseed(os.time() + (args[1] and tonumber(args[1]) or 0))
end

local n = 0
function request()
  n = n + 1
  local id = uuids[math.random(#uuids)]
  local r = math.random(100)
  if mode == "renew" then
    return wrk.format("POST", "/voip/bundle/" .. id .. "/renew", headers, "")
  elseif mode == "get" or r <= 70 then
    return wrk.format("GET", "/voip/bundle/" .. id, headers)
  elseif r <= 80 then
    return wrk.format("POST", "/voip/bundle/" .. id .. "/renew", headers, "")
  elseif r <= 90 then
    return wrk.format("PUT", "/voip/bundle/" .. id, headers,
                      '{"bundle_type": ' .. math.random(5) .. ', "auto_renew": true}')
  else
    return wrk.format("POST", "/voip/bundle", headers, '{"bundle_type": 2, "auto_renew": false}')
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format('{"requests": %d, "rps": %.1f, "p50_us": %d, "p99_us": %d, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
