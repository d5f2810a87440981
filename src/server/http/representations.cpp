// Representations of domain values: the cache key layout, gzip and ETag per encoding,
// and the conditional 304. Static files use representation() with their own tags.

#include "server/http/representations.hpp"

#include "server/http/gzip.hpp"

namespace dongelek::server {

BodyPtr makeBody(std::string json, bool gzip)
{
    auto body = std::make_shared<CachedBody>();
    // The tag names the JSON text; the gzip variant is another representation, so its
    // tag differs too (a cache must not hand compressed bytes to a plain client).
    const bool compress = gzip && json.size() >= kGzipMinBytes;
    body->etag = "\"" + contentHash(json) + (compress ? "-gz\"" : "\"");
    if (compress) {
        body->bytes = gzipCompress(json);
        body->gzipped = true;
    } else {
        body->bytes = std::move(json);
    }
    return body;
}

std::string errorJson(const ApiError& error)
{
    return nlohmann::json(error).dump();
}

Response representation(const Request& req, std::shared_ptr<const std::string> bytes, RepresentationInfo info)
{
    const bool unchanged = etagMatches(req.header("If-None-Match"), info.etag);
    Response r = Response::bytes(unchanged ? 304 : 200, info.contentType, unchanged ? nullptr : std::move(bytes));
    if (!info.cacheControl.empty()) r.set("Cache-Control", std::string(info.cacheControl));
    if (info.gzipped) r.set("Content-Encoding", "gzip");
    r.set("Vary", "Accept-Encoding");
    r.set("ETag", std::move(info.etag));
    return r;
}

Response RenderedResponses::send(const Request& req, const BodyPtr& body, std::string_view contentType) const
{
    return representation(req, std::shared_ptr<const std::string>(body, &body->bytes),
                          RepresentationInfo{contentType, "no-cache", body->gzipped, body->etag});
}

Response RenderedResponses::sendStatus(const Request& req, int status, std::string text,
                                       std::string_view contentType) const
{
    BodyPtr body = makeBody(std::move(text), req.acceptsGzip());
    Response r = Response::bytes(status, contentType, std::shared_ptr<const std::string>(body, &body->bytes));
    r.set("Cache-Control", "no-cache");
    if (body->gzipped) r.set("Content-Encoding", "gzip");
    r.set("Vary", "Accept-Encoding");
    return r;
}

std::string RenderedResponses::cacheKey(std::string_view canonicalKey, bool gzip) const
{
    if (!m_cache) return {};
    std::string key = std::to_string(m_dataVersion ? m_dataVersion() : 0);
    key += '|';
    key += canonicalKey;
    key += gzip ? "|gz" : "|id";
    return key;
}

} // namespace dongelek::server
