// Listing address <-> id.

#include "core/routes/listing_route.hpp"

#include "core/limits.hpp"

#include <charconv>
#include <string_view>

namespace dongelek {

std::optional<ListingRoute> ListingRoute::parse(const AppUrl& url)
{
    constexpr std::string_view kPrefix = "/listing/";
    std::string_view path(url.path);
    if (path.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    std::string_view idText = path.substr(kPrefix.size());
    if (!idText.empty() && idText.back() == '/') idText.remove_suffix(1);
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(idText.data(), idText.data() + idText.size(), id);
    if (ec != std::errc() || ptr != idText.data() + idText.size() || idText.empty() || id < 1 || id > limits::kIdMax)
        return std::nullopt;
    return ListingRoute{id};
}

std::string ListingRoute::url() const
{
    return "/listing/" + std::to_string(id);
}

} // namespace dongelek
