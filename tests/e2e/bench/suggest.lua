-- wrk script: suggestions while typing, every prefix of a few searches in both scripts and
-- with typos ("toyt", "камр", "lend krui").
local words = { "t", "to", "toy", "toyt", "toyota c", "toyota cam", "к", "ка", "кам", "камр", "камри",
  "h", "hy", "hyun", "hyundai t", "lend", "lend krui", "land cruiser pr", "мерс", "mersedes", "lada gr",
  "kia r", "skoda o", "шкода", "bmw x", "lexus r", "nissan pat", "chevrolet co", "vw pol", "tayota" }
local counter = 0
local function encode(s)
  return (s:gsub("[^%w]", function(c) return string.format("%%%02X", string.byte(c)) end))
end
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/v1/search/suggest?q=" .. encode(words[(counter % #words) + 1]))
end
