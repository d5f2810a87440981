// Facet counts and suggestions: GET /api/v1/search/facets?<the listing query>,
// GET /api/v1/search/suggest?q=. The listing search itself stays GET /api/v1/listings.
#pragma once

#include "server/http/route_table.hpp"

#include <string>
#include <vector>

namespace dongelek {
struct ListingFilter;
}

namespace dongelek::server {

class JsonResponses;
class SearchService;

std::vector<Route> searchRoutes(SearchService& search, JsonResponses& json);

// The cache key of a search answer: the canonical query, and for "posted within" the
// ten minutes it was asked in (the window moves with the clock, not with the data), and the
// version of the search snapshot that answers it.
std::string searchCacheKey(const char* prefix, const ListingFilter& filter, SearchService& search);

} // namespace dongelek::server
