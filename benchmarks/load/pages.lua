-- wrk: each request takes the next of the real-world sample's pages (database reads included), round robin.
local paths = {
  "/", "/?page=2", "/page/1", "/page/7", "/page/25", "/api/pages/", "/api/pages/3", "/api/pages/40",
  "/counter", "/static/style.css", "/admin/login", "/healthz", "/page/999999",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
