// Facets are cached like searches (canonical query, data version); suggestions are not,
// since the popular searches in them change without a data version.

#include "server/features/search/search_routes.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/features/search/search_service.hpp"
#include "server/http/representations.hpp"

#include "core/limits.hpp"
#include "core/listing_query.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"

namespace dongelek::server {

std::string searchCacheKey(const char* prefix, const ListingFilter& filter, SearchService& search)
{
    // The snapshot's version too: right after a write the database's version (the cache's
    // own key) is new while the index is still being rebuilt, and an answer from the old
    // snapshot must not be kept as the new version's.
    std::string key = std::string(prefix) + "|" + toQueryString(filter) + "|s" + std::to_string(search.snapshotVersion());
    if (filter.postedWithinDays) key += "|t" + std::to_string(search.now() / 600);
    return key;
}

std::vector<Route> searchRoutes(SearchService& search, JsonResponses& json)
{
    return {
        Route{{Method::Get},
              "/api/v1/search/facets",
              Access::Public,
              kNoBody,
              "how many listings each filter option would leave, given the other filters (same parameters as "
              "/api/v1/listings)",
              [&search, &json](const Request& req) -> Reply {
                  ListingFilter filter;
                  FieldError fe;
                  if (!parseListingQuery(req.rawQuery, filter, fe)) throw ClientError(badParameter(fe.field, fe.message));
                  filter.query = normalizeSearchText(filter.query);
                  // Paging and order do not change counts: one entry for all of them.
                  filter.page = 1;
                  filter.sort = Sort::Newest;
                  filter.pageSize = limits::kPageSizeDefault;
                  return *json.cached(req, searchCacheKey("facets", filter, search),
                                      [&] { return search.facets(filter); });
              }},
        Route{{Method::Get},
              "/api/v1/search/suggest",
              Access::Public,
              kNoBody,
              "makes, models and popular searches for text being typed (q, at most 60 characters)",
              [&search, &json](const Request& req) -> Reply {
                  const std::optional<std::string> q = queryParam(req.rawQuery, "q");
                  if (!q) throw ClientError(badParameter("q", "q is required: the text typed so far"));
                  if (!utf8::isValid(*q)) throw ClientError(badParameter("q", "q must be valid UTF-8 text"));
                  if (utf8::length(*q) > limits::kSuggestMaxChars)
                      throw ClientError(badParameter(
                          "q", "q is too long: at most " + std::to_string(limits::kSuggestMaxChars) + " characters"));
                  return json.fresh(req, search.suggest(*q));
              }},
    };
}

} // namespace dongelek::server
