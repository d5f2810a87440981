// The web app's files from --web-dir. A fallback route: it never answers for /api or
// /media, which stay JSON 404s; extension-less paths that are no file go to `appPage`.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class StaticFiles;

// GET /{path:*}. `appPage` answers extension-less paths that are no file (the pages
// feature's "not found" page: every app address has a route of its own).
std::vector<Route> webRoutes(StaticFiles& web, Handler appPage);

} // namespace dongelek::server
