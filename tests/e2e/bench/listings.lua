-- wrk script: a rotation of 120 different filtered, sorted listing searches (makes, years,
-- sorts and pages vary together), instead of one URL over and over.
local sorts = { "newest", "price_asc", "price_desc", "mileage_asc", "year_desc" }
local counter = 0
request = function()
  counter = counter + 1
  local make = (counter % 12) + 1
  local year = 2008 + (counter % 15)
  local sort = sorts[(counter % #sorts) + 1]
  local page = (counter % 40) + 1
  local path = string.format("/api/v1/listings?make=%d&year_from=%d&sort=%s&page=%d", make, year, sort, page)
  return wrk.format("GET", path)
end
