-- wrk script: GET /doc/activiteit/N for random N in 1..12000 (the events dataset's activities),
-- with the Accept header from the ACCEPT environment variable (default text/html).
local accept = os.getenv("ACCEPT") or "text/html"
math.randomseed(42)
request = function()
  return wrk.format("GET", "/doc/activiteit/" .. math.random(1, 12000), { ["Accept"] = accept })
end
