-- wrk script: listing pages (/listing/<id>) at pseudo-random ids over every demo listing,
-- the way a crawler walks a sitemap: almost every request is a different page (each wrk
-- thread walks its own sequence). DONGELEK_BENCH_LISTINGS: how many listings (default 100000).
local n = tonumber(os.getenv("DONGELEK_BENCH_LISTINGS") or "100000")
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("offset", threads)
end
function init(args)
  seed = 12345 + (offset or 0) * 7919
end
request = function()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return wrk.format("GET", "/listing/" .. tostring(seed % n + 1), { ["Accept-Encoding"] = "gzip" })
end
