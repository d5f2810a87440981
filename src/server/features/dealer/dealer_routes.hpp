// Many listings at once: a bulk status or price change of the seller's own listings, and an
// import of drafts from a CSV file with a report per row (docs/dealer_import.md).
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server::dealer {

class DealerService;

std::vector<Route> dealerRoutes(DealerService& service);

} // namespace dongelek::server::dealer
