// The listing filter as a URL query string, both ways. The server validates requests
// with parseListingQuery; the app builds them with toQueryString and uses the same
// string in the browse screen's URL, so a shared link reproduces the search.
#pragma once

#include "model.hpp"
#include "url.hpp" // forEachQueryParam, percentEncode and percentDecode used to live here

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

} // namespace dongelek
