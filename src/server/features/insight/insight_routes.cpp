// Listing-page extras. Unknown or inactive listings are a 404 naming the id.

#include "server/features/insight/insight_routes.hpp"

#include "server/features/insight/insight_service.hpp"
#include "server/http/representations.hpp"

#include "core/limits.hpp"
#include "core/url.hpp"

#include <charconv>

namespace dongelek::server {

namespace {

// A whole-number query parameter in [lo, hi]; `fallback` when absent; a 400 naming it otherwise.
std::int64_t intParam(const Request& req, const char* name, std::int64_t lo, std::int64_t hi, std::int64_t fallback)
{
    const std::optional<std::string> v = queryParam(req.rawQuery, name);
    if (!v || v->empty()) return fallback;
    std::int64_t n = 0;
    const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
    if (ec != std::errc() || p != v->data() + v->size() || n < lo || n > hi)
        throw ClientError(badParameter(name, std::string(name) + " must be a whole number between " +
                                                 std::to_string(lo) + " and " + std::to_string(hi)));
    return n;
}

} // namespace

std::vector<Route> insightRoutes(InsightService& insight, JsonResponses& json)
{
    return {
        Route{{Method::Get}, "/api/v1/listings/{id:id}/insight", Access::Public, kNoBody,
              "the market price from comparable listings, a deal rating and the price history",
              [&insight, &json](const Request& req) -> Reply {
                  const std::int64_t id = req.params.id("id");
                  if (auto r = json.cached(req, "insight|" + std::to_string(id) + insight.snapshotKey(), [&] { return insight.insight(id); }))
                      return std::move(*r);
                  throw ClientError(notFound("id", "no active listing with id " + std::to_string(id)));
              }},
        Route{{Method::Get}, "/api/v1/listings/{id:id}/similar", Access::Public, kNoBody,
              "up to 8 similar listings: the same model nearest in year, then the same body and price band",
              [&insight, &json](const Request& req) -> Reply {
                  const std::int64_t id = req.params.id("id");
                  if (auto r = json.cached(req, "similar|" + std::to_string(id) + insight.snapshotKey(), [&] { return insight.similar(id); }))
                      return std::move(*r);
                  throw ClientError(notFound("id", "no active listing with id " + std::to_string(id)));
              }},
        Route{{Method::Get}, "/api/v1/sellers/{id:id}/listings", Access::Public, kNoBody,
              "a seller's active listings, newest first (?except=listing id&page=&page_size=)",
              [&insight, &json](const Request& req) -> Reply {
                  const std::int64_t seller = req.params.id("id");
                  const std::int64_t except = intParam(req, "except", 1, limits::kIdMax, 0);
                  const auto page = static_cast<int>(intParam(req, "page", 1, limits::kPageMax, 1));
                  const auto size = static_cast<int>(intParam(req, "page_size", 1, limits::kPageSizeMax, 6));
                  const std::string key = "seller|" + std::to_string(seller) + "|" + std::to_string(except) + "|" +
                                          std::to_string(page) + "|" + std::to_string(size) + insight.snapshotKey();
                  return *json.cached(req, key, [&] { return insight.sellerListings(seller, except, page, size); });
              }},
    };
}

} // namespace dongelek::server
