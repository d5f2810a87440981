// The rows of /api/v1/me/favorites (signed-in, each user's own) and the public
// /api/v1/compare?ids= (up to five listings side by side).
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {
class JsonResponses;
}

namespace dongelek::server::favorites {

class FavoriteService;

std::vector<Route> favoriteRoutes(FavoriteService& service, JsonResponses& json);

} // namespace dongelek::server::favorites
