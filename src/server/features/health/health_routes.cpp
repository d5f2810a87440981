// Not cached on purpose: a probe that answers from memory would report a server whose
// database is gone as healthy.

#include "server/features/health/health_routes.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/http/representations.hpp"

namespace dongelek::server {

std::vector<Route> healthRoutes(ListingService& listings, JsonResponses& json)
{
    return {
        Route{{Method::Get},
              "/api/v1/health",
              Access::Public,
              kNoBody,
              "liveness: status, active listing count and server version",
              [&listings, &json](const Request& req) -> Reply {
                  return json.fresh(req, HealthReport{"ok", listings.activeListingCount(), DONGELEK_VERSION});
              }},
    };
}

} // namespace dongelek::server
