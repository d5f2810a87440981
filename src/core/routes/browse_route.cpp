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
    forEachQueryParam(url.query, [&route](std::string_view key, std::string_view value) {
        if (key == "view") route.view = value == "grid" ? BrowseView::Grid : BrowseView::List;
    });
    return route;
}

std::string BrowseRoute::url() const
{
    std::string query = toQueryString(filter);
    if (view == BrowseView::Grid) query += query.empty() ? "view=grid" : "&view=grid";
    return joinAppUrl("/", query);
}

} // namespace dongelek
