// Route <-> URL.

#include "route.hpp"

#include "limits.hpp"
#include "listing_query.hpp"

#include <charconv>

namespace dongelek {

Route parseRoute(std::string_view url)
{
    if (const auto hash = url.find("#/"); hash != std::string_view::npos) url = url.substr(hash + 1);
    else if (const auto h = url.find('#'); h != std::string_view::npos) url = url.substr(0, h);

    Route route;
    const auto q = url.find('?');
    const std::string_view path = url.substr(0, q);
    const std::string_view query = q == std::string_view::npos ? std::string_view{} : url.substr(q + 1);

    constexpr std::string_view kListing = "/listing/";
    if (path.substr(0, kListing.size()) == kListing) {
        std::string_view idText = path.substr(kListing.size());
        if (!idText.empty() && idText.back() == '/') idText.remove_suffix(1);
        std::int64_t id = 0;
        const auto [ptr, ec] = std::from_chars(idText.data(), idText.data() + idText.size(), id);
        if (ec == std::errc() && ptr == idText.data() + idText.size() && id > 0 && id <= limits::kIdMax) {
            route.screen = Screen::Listing;
            route.listingId = id;
        }
        return route;
    }
    FieldError ignored;
    if (!parseListingQuery(query, route.filter, ignored)) route.filter = ListingFilter{};
    return route;
}

std::string toUrl(const Route& route)
{
    if (route.screen == Screen::Listing) return "/listing/" + std::to_string(route.listingId);
    const std::string qs = toQueryString(route.filter);
    return qs.empty() ? "/" : "/?" + qs;
}

} // namespace dongelek
