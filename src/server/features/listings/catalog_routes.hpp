// The catalog routes the filters are built from: makes with models, cities with countries,
// each with active listing counts.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class JsonResponses;
class ListingService;

// GET /api/v1/makes, GET /api/v1/cities
std::vector<Route> catalogRoutes(ListingService& listings, JsonResponses& json);

} // namespace dongelek::server
