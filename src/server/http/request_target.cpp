// Request-target checks run before the route table, so matching and handlers only ever
// see well-formed text. Decoding is core/url's, the one decoder every side uses.

#include "server/http/request_target.hpp"

#include "core/limits.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"

namespace dongelek::server {

namespace {
HttpError badRequest(std::string field, std::string message)
{
    return badParameter(std::move(field), std::move(message));
}
} // namespace

std::string excerpt(std::string_view text, std::size_t maxCodePoints)
{
    if (!utf8::isValid(text)) return "(invalid UTF-8)";
    std::string out(utf8::truncate(text, maxCodePoints));
    if (out.size() < text.size()) out += "...";
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
    return out;
}

std::optional<HttpError> checkRequestTarget(std::string_view rawPath, std::string_view rawQuery,
                                            std::string& decodedPath)
{
    if (rawPath.size() > kPathMaxBytes)
        return HttpError{414, ApiError{"uri_too_long", "path",
                                       "the path is too long: at most " + std::to_string(kPathMaxBytes) + " bytes"}};
    if (rawPath.empty() || rawPath.front() != '/') return badRequest("path", "the path must start with '/'");
    if (!percentDecode(rawPath, decodedPath, Plus::Literal)) return badRequest("path", "the path has a malformed percent-escape");
    if (!utf8::isValid(decodedPath)) return badRequest("path", "the path must be valid UTF-8");
    if (decodedPath.find('\0') != std::string::npos) return badRequest("path", "the path must not contain NUL");

    // Walk the parameters once: find the longest (to name it if the whole is too long)
    // and check every name and value decodes to valid UTF-8.
    std::string key, value, longestKey = "query";
    std::size_t longest = 0;
    std::optional<HttpError> firstProblem;
    forEachQueryParam(rawQuery, [&](std::string_view rawKey, std::string_view rawValue) {
        const bool keyOk = rawKey.size() <= 256 && percentDecode(rawKey, key, Plus::Space) && utf8::isValid(key);
        const std::size_t pairSize = rawKey.size() + rawValue.size() + 1;
        if (pairSize > longest) {
            longest = pairSize;
            longestKey = keyOk ? std::string(utf8::truncate(key, 40)) : "query";
        }
        if (firstProblem) return;
        if (!keyOk) {
            firstProblem = badRequest("query", "a parameter name is malformed, too long or not valid UTF-8");
            return;
        }
        if (rawValue.size() > limits::kQueryStringMaxBytes) return; // reported as too long below
        if (!percentDecode(rawValue, value, Plus::Space))
            firstProblem = badRequest(key, key + " has a malformed percent-escape");
        else if (!utf8::isValid(value))
            firstProblem = badRequest(key, key + " must be valid UTF-8 text");
    });
    if (rawQuery.size() > limits::kQueryStringMaxBytes) {
        return HttpError{414, ApiError{"uri_too_long", longestKey,
                                       "the query string is too long (" + std::to_string(rawQuery.size()) +
                                           " bytes, at most " + std::to_string(limits::kQueryStringMaxBytes) +
                                           "); the longest parameter is '" + longestKey + "'"}};
    }
    return firstProblem;
}

std::optional<HttpError> safePathSegments(std::string_view path, std::vector<std::string>& segments)
{
    segments.clear();
    if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos)
        return badRequest("path", "the path must not contain backslashes");
    while (!path.empty()) {
        const auto slash = path.find('/');
        const std::string_view seg = path.substr(0, slash);
        path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash + 1);
        if (seg.empty()) continue;
        if (seg == "." || seg == "..") return badRequest("path", "the path must not contain '.' or '..' segments");
        segments.emplace_back(seg);
    }
    return std::nullopt;
}

} // namespace dongelek::server
