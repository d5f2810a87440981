// Favorites answer with Cache-Control: no-store (they are one user's); the comparison is a
// public answer cached by its canonical id list like any listing.

#include "server/features/favorites/favorite_routes.hpp"

#include "server/features/favorites/favorite_service.hpp"
#include "server/http/json_body.hpp"
#include "server/http/representations.hpp"

#include "core/json_mapping.hpp"
#include "core/url.hpp"

#include <nlohmann/json.hpp>

namespace dongelek::server::favorites {

namespace {

using nlohmann::json;

// 200 items of about 130 bytes each, with room for white space.
constexpr std::size_t kMergeBodyLimit = 64 * 1024;
constexpr std::int64_t kMaxId = 9'000'000'000'000'000'000;
constexpr std::int64_t kMaxAmountMinor = 1'000'000'000'000'000; // far above any car's price

Response noStore(int status, const json& body)
{
    return Response::privateJson(status, body.dump());
}

std::vector<DeviceFavorite> readMerge(std::string_view body)
{
    JsonBody b(body, {"items"});
    std::vector<DeviceFavorite> out;
    for (const JsonBody& item : b.objects("items", kMaxMergeItems, {"listingId", "savedAt", "savedPrice"})) {
        DeviceFavorite d;
        d.listingId = item.integer("listingId", 1, kMaxId);
        const std::string at = item.text("savedAt", 20);
        const std::optional<std::int64_t> when = parseIsoTimestamp(at);
        if (!when || *when < 0) item.reject("savedAt", "must be a UTC time like 2026-08-14T09:31:05Z");
        d.savedAt = *when;
        const JsonBody price = item.object("savedPrice", {"amount_minor", "currency"});
        d.savedPrice.amountMinor = price.integer("amount_minor", 0, kMaxAmountMinor);
        const std::string currency = price.text("currency", 3);
        const std::optional<Currency> c = parseEnum<Currency>(currency);
        if (!c) price.reject("currency", "must be KZT or BHD");
        d.savedPrice.currency = *c;
        out.push_back(d);
    }
    return out;
}

// ids=1,2,3: 1..5 listing ids, every one a positive integer.
std::vector<std::int64_t> readIds(std::string_view rawQuery)
{
    const std::optional<std::string> raw = queryParam(rawQuery, "ids");
    if (!raw || raw->empty()) throw ClientError(badParameter("ids", "ids is required: ids=1,2,3"));
    std::vector<std::int64_t> ids;
    std::size_t start = 0;
    while (start <= raw->size()) {
        const std::size_t comma = std::min(raw->find(',', start), raw->size());
        const std::string part = raw->substr(start, comma - start);
        if (part.empty() || part.size() > 18 || part.find_first_not_of("0123456789") != std::string::npos ||
            std::stoll(part) < 1)
            throw ClientError(badParameter("ids", "ids must be listing ids separated by commas: ids=1,2,3"));
        ids.push_back(std::stoll(part));
        if (ids.size() > kMaxCompare)
            throw ClientError(badParameter("ids", "at most " + std::to_string(kMaxCompare) + " listings side by side"));
        start = comma + 1;
    }
    return ids;
}

} // namespace

std::vector<Route> favoriteRoutes(FavoriteService& service, JsonResponses& json)
{
    std::vector<Route> routes;
    routes.push_back(Route{{Method::Get}, "/api/v1/me/favorites", Access::SignedIn, kNoBody,
                           "the user's saved cars, newest first, with the price when saved and now",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, nlohmann::json(service.list(req.user().userId)));
                           }});
    routes.push_back(Route{{Method::Put}, "/api/v1/me/favorites/{id:id}", Access::SignedIn, kNoBody,
                           "save a listing (at its current price); saving it again keeps the first time",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, nlohmann::json(service.add(req.user().userId, req.params.id("id"))));
                           }});
    routes.push_back(Route{{Method::Delete}, "/api/v1/me/favorites/{id:id}", Access::SignedIn, kNoBody,
                           "forget a saved listing (404 when it was not saved)",
                           [&service](const Request& req) -> Reply {
                               service.remove(req.user().userId, req.params.id("id"));
                               Response r = Response::bytes(204, kJsonType, nullptr);
                               r.set("Cache-Control", "no-store");
                               return r;
                           }});
    routes.push_back(Route{{Method::Post}, "/api/v1/me/favorites/merge", Access::SignedIn, kMergeBodyLimit,
                           "add the favorites a device kept before sign-in (at most 200; the earlier time wins)",
                           [&service](const Request& req) -> Reply {
                               return noStore(200, nlohmann::json(service.merge(req.user().userId, readMerge(req.body))));
                           }});
    routes.push_back(Route{{Method::Get}, "/api/v1/compare", Access::Public, kNoBody,
                           "up to five listings side by side (ids=1,2,3); unknown ids are listed, not an error",
                           [&service, &json](const Request& req) -> Reply {
                               const std::vector<std::int64_t> ids = readIds(req.rawQuery);
                               std::string key = "compare|";
                               for (std::int64_t id : ids)
                                   key += std::to_string(id) + ",";
                               return *json.cached(req, key, [&] { return service.compare(ids); });
                           }});
    return routes;
}

} // namespace dongelek::server::favorites
