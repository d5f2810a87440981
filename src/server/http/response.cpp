// Response builders and the JSON error body (core/json_mapping's ApiError, the one
// wire format for errors).

#include "server/http/response.hpp"

#include "server/http/request.hpp"

#include "core/json_mapping.hpp"

namespace dongelek::server {

Response Response::privateJson(int status, std::string json)
{
    Response r = bytes(status, kJsonType, std::make_shared<const std::string>(std::move(json)));
    r.set("Cache-Control", "no-store");
    return r;
}

Response Response::bytes(int status, std::string_view contentType, std::shared_ptr<const std::string> body)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.headers.reserve(8);
    r.set("Content-Type", std::string(contentType));
    return r;
}

Response Response::sendFile(std::string_view contentType, std::string path, std::uint64_t size)
{
    Response r;
    r.file = std::move(path);
    r.fileSize = size;
    r.headers.reserve(8);
    r.set("Content-Type", std::string(contentType));
    return r;
}

Response& Response::set(std::string_view name, std::string value)
{
    headers.push_back(ResponseHeader{name, std::move(value)});
    return *this;
}

std::string_view Response::header(std::string_view name) const
{
    for (const ResponseHeader& h : headers)
        if (equalsIgnoringCase(h.name, name)) return h.value;
    return {};
}

std::uint64_t Response::contentLength() const
{
    if (!file.empty()) return fileSize;
    return body ? body->size() : 0;
}

Response errorResponse(const HttpError& error)
{
    nlohmann::json body = error.error;
    if (error.retryAfter > 0) body["error"]["retryAfter"] = error.retryAfter;
    Response r = Response::bytes(error.status, kJsonType, std::make_shared<const std::string>(body.dump()));
    r.set("Cache-Control", "no-store");
    if (error.retryAfter > 0) r.set("Retry-After", std::to_string(error.retryAfter));
    r.closeConnection = error.status == 414;
    return r;
}

} // namespace dongelek::server
