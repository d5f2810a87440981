// GET /api/v1/listings/{id}/insight, /api/v1/listings/{id}/similar and
// /api/v1/sellers/{id}/listings?except=&page=: public, cached by data version.
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class InsightService;
class JsonResponses;

std::vector<Route> insightRoutes(InsightService& insight, JsonResponses& json);

} // namespace dongelek::server
