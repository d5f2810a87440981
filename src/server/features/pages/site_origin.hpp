// Where the site lives, for the absolute URLs of canonical links, Open Graph, JSON-LD and
// sitemaps: the --public-url setting, or else the request's Host header when it is sane.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace dongelek::server::pages {

// Reads a --public-url value: "https://dongelek.kz" or "http://host:port", optionally with
// one trailing slash; no path, query, fragment or user info. On success `origin` is the
// scheme and host lower-cased, without the slash; otherwise `message` says what is wrong.
bool parsePublicUrl(std::string_view url, std::string& origin, std::string& message);

// "http://" + the Host header when it is a host name, IPv4 or [IPv6] address with an
// optional port (RFC 3986 characters only, at most 255 bytes), lower-cased; nullopt for
// anything else (an empty header, spaces, quotes, a path, a user name).
std::optional<std::string> originFromHost(std::string_view host);

} // namespace dongelek::server::pages
