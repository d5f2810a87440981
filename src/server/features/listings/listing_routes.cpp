// Search answers are cached by the canonical query (core's toQueryString of the parsed
// and normalized filter), so "make=3&sort=price_asc" and "sort=price_asc&make=3&page=1"
// share one entry; details by id. A miss for an unknown listing is not cached.

#include "server/features/listings/listing_routes.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/features/search/search_routes.hpp"
#include "server/http/representations.hpp"

#include "core/listing_query.hpp"

namespace dongelek::server {

std::vector<Route> listingRoutes(ListingService& listings, JsonResponses& json)
{
    return {
        Route{{Method::Get},
              "/api/v1/listings",
              Access::Public,
              kNoBody,
              "search listings: filters, sort and paging (see README for the parameters)",
              [&listings, &json](const Request& req) -> Reply {
                  ListingFilter filter;
                  FieldError fe;
                  if (!parseListingQuery(req.rawQuery, filter, fe))
                      throw ClientError(badParameter(fe.field, fe.message));
                  filter.query = normalizeSearchText(filter.query);
                  if (!filter.query.empty() && filter.page == 1) listings.searchService().recordSearch(filter.query);
                  return *json.cached(req, searchCacheKey("listings", filter, listings.searchService()),
                                      [&] { return listings.search(filter); });
              }},
        Route{{Method::Get},
              "/api/v1/listings/{id:id}",
              Access::Public,
              kNoBody,
              "one listing with photos, seller and all specifications",
              [&listings, &json](const Request& req) -> Reply {
                  const std::int64_t id = req.params.id("id");
                  if (auto r = json.cached(req, "listing|" + std::to_string(id), [&] { return listings.details(id); }))
                      return std::move(*r);
                  throw ClientError(notFound("id", "no listing with id " + std::to_string(id)));
              }},
    };
}

} // namespace dongelek::server
