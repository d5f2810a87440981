// Catalog answers change only with the data, so each is one cache entry per data
// version and encoding.

#include "server/features/listings/catalog_routes.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/http/representations.hpp"

namespace dongelek::server {

std::vector<Route> catalogRoutes(ListingService& listings, JsonResponses& json)
{
    return {
        Route{{Method::Get},
              "/api/v1/makes",
              Access::Public,
              kNoBody,
              "makes with their models and listing counts",
              [&listings, &json](const Request& req) -> Reply {
                  return *json.cached(req, "makes", [&] { return listings.makes(); });
              }},
        Route{{Method::Get},
              "/api/v1/cities",
              Access::Public,
              kNoBody,
              "cities with country and listing counts",
              [&listings, &json](const Request& req) -> Reply {
                  return *json.cached(req, "cities", [&] { return listings.cities(); });
              }},
    };
}

} // namespace dongelek::server
