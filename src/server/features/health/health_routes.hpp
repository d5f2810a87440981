// The liveness probe: answers while the server runs and reaches its database.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class JsonResponses;
class ListingService;

// GET /api/v1/health
std::vector<Route> healthRoutes(ListingService& listings, JsonResponses& json);

} // namespace dongelek::server
