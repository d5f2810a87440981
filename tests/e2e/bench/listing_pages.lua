-- wrk script: listing pages (/listing/<id>) at pseudo-random ids over every demo listing,
-- the way a crawler walks a sitemap: almost every request is a different page.
-- DONGELEK_BENCH_LISTINGS sets how many listings there are (default 100000).
local n = tonumber(os.getenv("DONGELEK_BENCH_LISTINGS") or "100000")
local seed = 12345
request = function()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return wrk.format("GET", "/listing/" .. tostring(seed % n + 1), { ["Accept-Encoding"] = "gzip" })
end
