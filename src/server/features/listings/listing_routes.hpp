// The listing search and details routes: query parsing and cache keys here, the search
// itself in ListingService, JSON and caching in http/representations.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class JsonResponses;
class ListingService;

// GET /api/v1/listings?…, GET /api/v1/listings/{id}
std::vector<Route> listingRoutes(ListingService& listings, JsonResponses& json);

} // namespace dongelek::server
