-- wrk script for bench_creates.py: creates only (POST /voip/bundle), with the sandbox's
-- credentials (MIX_RESELLER, MIX_USER, MIX_PASSWORD). Every CREATES_MARK answers it appends
-- "answers monotonic-ns non-2xx" to the file CREATES_MARKS (LuaJIT's ffi reads the clock, so
-- a mark costs nothing); once CREATES_TOTAL answers are in it stops sending, and the driver
-- interrupts wrk (wrk itself waits out its -d).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } creates_timespec;
int clock_gettime(int clock, creates_timespec* t);
]]
local ts = ffi.new("creates_timespec")
local function now_ns()
  ffi.C.clock_gettime(1, ts)  -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000000 + tonumber(ts.tv_nsec)
end

local headers = {}
local body = '{"bundle_type": 2, "auto_renew": false}'
local mark = tonumber(os.getenv("CREATES_MARK") or "10000")
local total = tonumber(os.getenv("CREATES_TOTAL") or "200000")
local marks = nil
local answers, refused = 0, 0

function init(args)
  headers["X-Auth-Reseller"] = os.getenv("MIX_RESELLER")
  headers["X-Auth-User"] = os.getenv("MIX_USER")
  headers["X-Auth-Password"] = os.getenv("MIX_PASSWORD")
  headers["Content-Type"] = "application/json"
  marks = io.open(os.getenv("CREATES_MARKS"), "a")
  marks:write("0 " .. now_ns() .. " 0\n")
  marks:flush()
end

function request()
  return wrk.format("POST", "/voip/bundle", headers, body)
end

function response(status, headers, body)
  answers = answers + 1
  if status ~= 201 then refused = refused + 1 end
  if answers % mark == 0 or answers == total then
    marks:write(answers .. " " .. now_ns() .. " " .. refused .. "\n")
    marks:flush()
  end
  if answers >= total then wrk.thread:stop() end
end
