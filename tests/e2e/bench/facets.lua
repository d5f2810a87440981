-- wrk script: facet counts for a rotation of 120 different filters (makes, years, fuels,
-- bodies and flags vary together), as the filter panel asks while a buyer edits.
local fuels = { "", "petrol", "diesel", "hybrid" }
local bodies = { "", "sedan", "suv", "crossover,suv" }
local counter = 0
request = function()
  counter = counter + 1
  local make = (counter % 12) + 1
  local year = 2008 + (counter % 15)
  local path = string.format("/api/v1/search/facets?make=%d&year_from=%d&fuel=%s&body=%s%s", make, year,
    fuels[(counter % #fuels) + 1], bodies[(counter % #bodies) + 1], (counter % 3 == 0) and "&photos=1" or "")
  return wrk.format("GET", path)
end
