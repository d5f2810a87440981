// A listing's page views and the seller's view of how each listing performs:
// POST /api/v1/listings/{id}/view: counted once per visitor per listing per UTC day (the app
//   sends it when the listing page opens); never the seller's own;
// GET /api/v1/me/listings/{id}/stats?bucket=day|week&days=N: views, saves and contact requests
//   over time with the average of similar cars; GET .../stats.csv: the same as CSV.
#pragma once

#include "server/http/route_table.hpp"

#include <functional>
#include <vector>

namespace dongelek::server::stats {

class StatsRepository;

std::vector<Route> statsRoutes(StatsRepository& repository, std::function<std::int64_t()> now);

} // namespace dongelek::server::stats
