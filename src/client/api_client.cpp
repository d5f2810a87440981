// Requests and reply classification: transport failures, HTTP error statuses with the server's
// error body, and the 429's Retry-After.

#include "client/api_client.hpp"

#include <nlohmann/json.hpp>

#include <cctype>
#include <charconv>

namespace dongelek {

bool sameHeaderName(std::string_view a, std::string_view b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

namespace {
std::string findHeader(const HttpHeaders& headers, std::string_view name)
{
    for (const auto& [k, v] : headers)
        if (sameHeaderName(k, name)) return v;
    return {};
}

// Retry-After in seconds ("120"); the HTTP-date form is not used by our server.
int parseSeconds(std::string_view s)
{
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    int n = 0;
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || ptr != s.data() + s.size() || n < 0) return 0;
    return n;
}
} // namespace

HttpRequest HttpRequest::get(std::string url)
{
    HttpRequest r;
    r.url = std::move(url);
    return r;
}

HttpRequest HttpRequest::json(std::string method, std::string url, const nlohmann::json& body)
{
    HttpRequest r;
    r.method = std::move(method);
    r.url = std::move(url);
    r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    r.headers.emplace_back("Content-Type", "application/json");
    return r;
}

HttpRequest HttpRequest::empty(std::string method, std::string url)
{
    HttpRequest r;
    r.method = std::move(method);
    r.url = std::move(url);
    return r;
}

std::string HttpRequest::header(std::string_view name) const { return findHeader(headers, name); }

void HttpRequest::setHeader(std::string name, std::string value)
{
    for (auto& [k, v] : headers)
        if (sameHeaderName(k, name)) {
            v = std::move(value);
            return;
        }
    headers.emplace_back(std::move(name), std::move(value));
}

std::string HttpReply::header(std::string_view name) const { return findHeader(headers, name); }

RequestError ApiClient::classify(const HttpReply& reply)
{
    RequestError error;
    error.httpStatus = reply.status;
    if (reply.status == 0) {
        error.kind = ErrorKind::Network;
        error.detail = reply.transportError.empty() ? "no response" : reply.transportError;
        return error;
    }
    if (reply.status >= 200 && reply.status < 300) return error;
    ApiError api;
    if (parseJson(reply.body, api)) error.api = api;
    error.detail = "HTTP " + std::to_string(reply.status) + (api.message.empty() ? "" : ": " + api.message);
    switch (reply.status) {
    case 401: error.kind = ErrorKind::Unauthorized; break;
    case 403: error.kind = ErrorKind::Forbidden; break;
    case 404: error.kind = ErrorKind::NotFound; break;
    case 429: error.kind = ErrorKind::RateLimited; break;
    default: error.kind = reply.status >= 400 && reply.status < 500 ? ErrorKind::BadRequest : ErrorKind::Server; break;
    }
    if (reply.status == 429) {
        error.retryAfterS = parseSeconds(reply.header("Retry-After"));
        if (error.retryAfterS == 0) {
            // The body says it too: {"error":{..., "retryAfter": N}}.
            const auto doc = nlohmann::json::parse(reply.body, nullptr, false);
            if (doc.is_object() && doc.contains("error") && doc["error"].is_object()) {
                const auto& e = doc["error"];
                if (auto it = e.find("retryAfter"); it != e.end() && it->is_number_integer() && it->get<int>() > 0)
                    error.retryAfterS = it->get<int>();
            }
        }
    }
    return error;
}

} // namespace dongelek
