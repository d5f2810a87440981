// The API's response bodies as serialized JSON (the wire format of core/json_mapping),
// gzip-compressed when asked and large enough, and cached per data generation.
#pragma once

#include "server/features/listings/listing_service.hpp"
#include "server/http/response_cache.hpp"

#include <optional>
#include <string>

namespace dongelek::server {

class JsonApi {
public:
    // `cache` may be null (--no-cache): every call then asks the service.
    JsonApi(ListingService& service, ResponseCache* cache) : m_service(service), m_cache(cache) {}

    BodyPtr health(bool gzip);
    BodyPtr listings(const ListingFilter& filter, bool gzip);
    std::optional<BodyPtr> listing(std::int64_t id, bool gzip); // nullopt: no such listing
    BodyPtr makes(bool gzip);
    BodyPtr cities(bool gzip);

    // Responses at least this large are compressed for clients accepting gzip.
    static constexpr std::size_t kGzipMinBytes = 1024;

private:
    template <typename Make> BodyPtr cached(const std::string& key, bool gzip, Make&& make);

    ListingService& m_service;
    ResponseCache* m_cache;
};

// A finished body: gzip-compressed when `gzip` is asked and the JSON is large enough.
BodyPtr makeBody(std::string json, bool gzip);
// {"error": {"code": ..., "field": ..., "message": ...}} (core/json_mapping's ApiError).
std::string errorJson(const ApiError& error);

} // namespace dongelek::server
