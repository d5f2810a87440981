// /api/v1/me/saved-searches and /api/v1/me/notifications: signed-in users only, each user
// sees and changes only their own (another user's id is a 404).
#pragma once

#include "server/http/route_table.hpp"

#include <vector>

namespace dongelek::server {

class SavedSearchService;

std::vector<Route> savedSearchRoutes(SavedSearchService& service);

} // namespace dongelek::server
