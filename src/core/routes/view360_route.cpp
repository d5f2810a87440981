#include "core/routes/view360_route.hpp"

#include "core/routes/listing_route.hpp"
#include "core/url.hpp"

namespace dongelek {

std::optional<View360Route> View360Route::parse(const AppUrl& url)
{
    const std::optional<ListingRoute> listing = ListingRoute::parse(AppUrl{url.path, {}});
    if (!listing) return std::nullopt;
    const std::optional<std::string> view = queryParam(url.query, "view");
    if (!view || (*view != "360" && *view != "inside")) return std::nullopt;
    return View360Route{listing->id, *view == "inside"};
}

std::string View360Route::url() const
{
    return ListingRoute{listingId}.url() + (inside ? "?view=inside" : "?view=360");
}

} // namespace dongelek
