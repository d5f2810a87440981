// Origins are checked character by character: they end up in attributes, XML and JSON,
// and a cache key, so only what a host name or address may contain gets through.

#include "server/features/pages/site_origin.hpp"

namespace dongelek::server::pages {

namespace {

std::string lower(std::string_view s)
{
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool isPort(std::string_view digits)
{
    if (digits.empty() || digits.size() > 5) return false;
    unsigned value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    return value >= 1 && value <= 65535;
}

// host[:port] where host is a name or IPv4 address (letters, digits, '.', '-') or a
// bracketed IPv6 address (hex digits, ':', '.').
bool isHostAndPort(std::string_view s)
{
    if (s.empty() || s.size() > 255) return false;
    std::string_view host = s, port;
    if (s.front() == '[') {
        const auto close = s.find(']');
        if (close == std::string_view::npos || close < 3) return false;
        for (char c : s.substr(1, close - 1))
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'))
                return false;
        const std::string_view rest = s.substr(close + 1);
        if (rest.empty()) return true;
        if (rest.front() != ':') return false;
        return isPort(rest.substr(1));
    }
    if (const auto colon = s.find(':'); colon != std::string_view::npos) {
        host = s.substr(0, colon);
        port = s.substr(colon + 1);
        if (!isPort(port)) return false;
    }
    if (host.empty() || host.front() == '.' || host.front() == '-' || host.back() == '-') return false;
    for (char c : host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
            return false;
    return host.find("..") == std::string_view::npos;
}

} // namespace

bool parsePublicUrl(std::string_view url, std::string& origin, std::string& message)
{
    std::string_view scheme;
    if (url.substr(0, 8) == "https://") {
        scheme = "https://";
    } else if (url.substr(0, 7) == "http://") {
        scheme = "http://";
    } else {
        message = "must start with https:// or http://, e.g. https://dongelek.kz";
        return false;
    }
    std::string_view rest = url.substr(scheme.size());
    if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
    if (rest.find_first_of("/?#@") != std::string_view::npos) {
        message = "must be only a scheme and a host (the app is served at /), e.g. https://dongelek.kz";
        return false;
    }
    if (!isHostAndPort(rest)) {
        message = "has no valid host name or port, e.g. https://dongelek.kz or http://127.0.0.1:8080";
        return false;
    }
    origin = std::string(scheme) + lower(rest);
    return true;
}

std::optional<std::string> originFromHost(std::string_view host)
{
    if (!isHostAndPort(host)) return std::nullopt;
    return "http://" + lower(host);
}

} // namespace dongelek::server::pages
