// Browse address <-> filter.

#include "core/routes/browse_route.hpp"

#include "core/listing_query.hpp"

namespace dongelek {

bool BrowseRoute::claims(const AppUrl& url)
{
    return url.path == "/" || url.path.empty();
}

BrowseRoute BrowseRoute::parse(const AppUrl& url)
{
    BrowseRoute route;
    FieldError ignored;
    if (!parseListingQuery(url.query, route.filter, ignored)) route.filter = ListingFilter{};
    return route;
}

std::string BrowseRoute::url() const
{
    return joinAppUrl("/", toQueryString(filter));
}

} // namespace dongelek
