// The listing filter as a URL query string, both ways. The server validates requests
// with parseListingQuery; the app builds them with toQueryString and uses the same
// string in the browse screen's URL, so a shared link reproduces the search.
#pragma once

#include "model.hpp"

#include <string>
#include <string_view>

namespace dongelek {

// A client mistake, naming the parameter: {"field": "year_from", "message": "..."}.
struct FieldError {
    std::string field;
    std::string message;
};

// Parses "make=3&year_from=2015&sort=price_asc" (no leading '?'). Empty values mean
// "not set"; unknown parameters are ignored; the last of repeated parameters wins.
// On failure returns false and fills `error`; `out` is then unspecified.
bool parseListingQuery(std::string_view queryString, ListingFilter& out, FieldError& error);

// The canonical query string: only fields that differ from the defaults, in a fixed
// order, percent-encoded. Round-trips through parseListingQuery.
std::string toQueryString(const ListingFilter& filter);

// Calls visit(rawKey, rawValue) for each non-empty "key=value" pair of a query string, in
// order, still percent-encoded; a pair without '=' has an empty value. The one place that
// splits query strings (the filter parser and the server's request checks use it).
template <typename Visit> void forEachQueryParam(std::string_view queryString, Visit&& visit)
{
    while (!queryString.empty()) {
        const auto amp = queryString.find('&');
        const std::string_view pair = queryString.substr(0, amp);
        queryString = amp == std::string_view::npos ? std::string_view{} : queryString.substr(amp + 1);
        if (pair.empty()) continue;
        const auto eq = pair.find('=');
        visit(pair.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1));
    }
}

// Percent-encoding for query components (RFC 3986 unreserved characters kept).
std::string urlEncode(std::string_view s);
// Decodes %XX and '+' (as space). Returns false on a malformed escape.
bool urlDecode(std::string_view s, std::string& out);

} // namespace dongelek
