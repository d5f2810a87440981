// The web app: static files from --web-dir and index.html for the app's own routes. A
// fallback route: it never answers for /api or /media, which stay JSON 404s.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class StaticFiles;

// GET /{path:*}
std::vector<Route> webRoutes(StaticFiles& web);

} // namespace dongelek::server
