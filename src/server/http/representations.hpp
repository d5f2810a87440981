// The HTTP side of domain values: serialize to JSON (core/json_mapping, the one wire
// format), gzip when accepted and at least 1 KB, a strong ETag per representation, 304 on
// If-None-Match, and the response cache keyed by "<data version>|<canonical key>|<encoding>".
// Services return domain values; only this layer knows about bytes, encodings and caches.
#pragma once

#include "server/http/request.hpp"
#include "server/http/response.hpp"
#include "server/http/response_cache.hpp"

#include "core/json_mapping.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

namespace dongelek::server {

// A finished JSON body: gzip-compressed when `gzip` is asked and the JSON is large enough.
BodyPtr makeBody(std::string json, bool gzip);
// {"error": {"code": ..., "field": ..., "message": ...}} (core/json_mapping's ApiError).
std::string errorJson(const ApiError& error);

template <typename T> std::string toJsonText(const T& value)
{
    return nlohmann::json(value).dump();
}
// The search answer, written without the JSON tree (the same text; core/json_mapping).
inline std::string toJsonText(const ListingPage& page)
{
    return writeJson(page);
}

// How a representation is labelled on the wire.
struct RepresentationInfo {
    std::string_view contentType;
    std::string_view cacheControl; // empty: no Cache-Control header
    bool gzipped = false;
    std::string etag; // strong and quoted; its encoding is part of it ("\"...-gz\"")
};

// A 200 carrying `bytes` with its ETag and `Vary: Accept-Encoding`, or a bodiless 304 with
// the same headers when the request's If-None-Match lists that tag.
Response representation(const Request& req, std::shared_ptr<const std::string> bytes, RepresentationInfo info);

// Changes whenever the data behind cached responses changes (the storage layer's dataVersion()).
using DataVersion = std::function<std::uint64_t()>;

// Responses at least this large are compressed for clients accepting gzip.
inline constexpr std::size_t kGzipMinBytes = 1024;

// Text rendered from domain values (JSON, HTML pages, XML sitemaps, robots.txt): the response
// cache, gzip and ETags, under the content type the caller names.
class RenderedResponses {
public:
    // `cache` may be null (--no-cache): every call then renders afresh.
    RenderedResponses(ResponseCache* cache, DataVersion dataVersion)
        : m_cache(cache), m_dataVersion(std::move(dataVersion))
    {
    }
    // The cached text for `canonicalKey` (which must name everything the text depends on
    // besides the data version; equal requests spelled differently must build the same key).
    // `produce` returns the text, or an empty std::optional for "no such thing", which is not
    // cached and gives nullopt here.
    template <typename Produce>
    std::optional<Response> cached(const Request& req, std::string_view canonicalKey, std::string_view contentType,
                                   Produce&& produce)
    {
        const bool gzip = req.acceptsGzip();
        // Read the version before the data: a write in between then only costs a miss.
        const std::string key = cacheKey(canonicalKey, gzip);
        if (m_cache)
            if (BodyPtr hit = m_cache->find(key)) return send(req, hit, contentType);
        std::optional<std::string> text = produce();
        if (!text) return std::nullopt;
        BodyPtr body = makeBody(std::move(*text), gzip);
        if (m_cache) m_cache->put(key, body);
        return send(req, body, contentType);
    }
    // A 200 with ETag and Cache-Control: no-cache (revalidate with the ETag), or a 304 for a
    // matching If-None-Match.
    Response send(const Request& req, const BodyPtr& body, std::string_view contentType) const;
    // Text with another status (a 404 page): gzip when accepted, no ETag, not cached.
    Response sendStatus(const Request& req, int status, std::string text, std::string_view contentType) const;

private:
    std::string cacheKey(std::string_view canonicalKey, bool gzip) const;

    ResponseCache* m_cache;
    DataVersion m_dataVersion;
};

// Domain values as JSON (core/json_mapping), through the rendered responses above.
class JsonResponses {
public:
    using DataVersion = server::DataVersion;
    JsonResponses(ResponseCache* cache, DataVersion dataVersion) : m_text(cache, std::move(dataVersion)) {}

    // `value` as JSON, not cached (the health probe should touch the database).
    template <typename T> Response fresh(const Request& req, const T& value) const
    {
        return send(req, makeBody(toJsonText(value), req.acceptsGzip()));
    }
    // The cached JSON for `canonicalKey`. `produce` returns the value, or an empty
    // std::optional for "no such thing", which is not cached and gives nullopt here.
    template <typename Produce>
    std::optional<Response> cached(const Request& req, std::string_view canonicalKey, Produce&& produce)
    {
        return m_text.cached(req, canonicalKey, kJsonType, [&]() -> std::optional<std::string> {
            auto value = produce();
            if constexpr (isOptional<decltype(value)>::value) {
                if (!value) return std::nullopt;
                return toJsonText(*value);
            } else {
                return toJsonText(value);
            }
        });
    }
    Response send(const Request& req, const BodyPtr& body) const { return m_text.send(req, body, kJsonType); }

private:
    template <typename T> struct isOptional : std::false_type {
    };
    template <typename T> struct isOptional<std::optional<T>> : std::true_type {
    };

    RenderedResponses m_text;
};

} // namespace dongelek::server
