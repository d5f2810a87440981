// Serialized API responses. Cache keys are "<generation>|<endpoint>|<canonical args>|<encoding>",
// so equal requests spelled differently (parameter order, defaults) share one entry.

#include "server/http/json_api.hpp"

#include "server/http/gzip.hpp"

#include "core/json_mapping.hpp"
#include "core/listing_query.hpp"

namespace dongelek::server {

BodyPtr makeBody(std::string json, bool gzip)
{
    auto body = std::make_shared<CachedBody>();
    // The tag names the JSON text; the gzip variant is another representation, so its
    // tag differs too (a cache must not hand compressed bytes to a plain client).
    const bool compress = gzip && json.size() >= JsonApi::kGzipMinBytes;
    body->etag = "\"" + contentHash(json) + (compress ? "-gz\"" : "\"");
    if (compress) {
        body->bytes = gzipCompress(json);
        body->gzipped = true;
    } else {
        body->bytes = std::move(json);
    }
    return body;
}

// `make` returns the JSON text, or nullopt for "no such thing" (not cached, returns null).
std::string errorJson(const ApiError& error)
{
    return nlohmann::json(error).dump();
}

template <typename Make> BodyPtr JsonApi::cached(const std::string& key, bool gzip, Make&& make)
{
    std::string fullKey;
    if (m_cache) {
        // Read the generation before the data: a write in between then only costs a miss.
        fullKey = std::to_string(m_service.generation()) + "|" + key + (gzip ? "|gz" : "|id");
        if (BodyPtr hit = m_cache->find(fullKey)) return hit;
    }
    std::optional<std::string> json = make();
    if (!json) return nullptr;
    BodyPtr body = makeBody(std::move(*json), gzip);
    if (m_cache) m_cache->put(fullKey, body);
    return body;
}

BodyPtr JsonApi::health(bool gzip)
{
    // Not cached: it is the liveness probe, and it should touch the database.
    const nlohmann::json j{
        {"status", "ok"}, {"listings", m_service.activeListingCount()}, {"version", DONGELEK_VERSION}};
    return makeBody(j.dump(), gzip);
}

BodyPtr JsonApi::listings(const ListingFilter& filter, bool gzip)
{
    ListingFilter f = filter;
    f.query = normalizeSearchText(filter.query);
    return cached("listings|" + toQueryString(f), gzip,
                  [&] { return std::optional<std::string>(nlohmann::json(m_service.search(f)).dump()); });
}

std::optional<BodyPtr> JsonApi::listing(std::int64_t id, bool gzip)
{
    BodyPtr body = cached("listing|" + std::to_string(id), gzip, [&]() -> std::optional<std::string> {
        std::optional<ListingDetails> d = m_service.details(id);
        if (!d) return std::nullopt;
        return nlohmann::json(*d).dump();
    });
    if (!body) return std::nullopt;
    return body;
}

BodyPtr JsonApi::makes(bool gzip)
{
    return cached("makes", gzip, [&] { return std::optional<std::string>(nlohmann::json(m_service.makes()).dump()); });
}

BodyPtr JsonApi::cities(bool gzip)
{
    return cached("cities", gzip,
                  [&] { return std::optional<std::string>(nlohmann::json(m_service.cities()).dump()); });
}

} // namespace dongelek::server
