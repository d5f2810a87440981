#include "core/routes/favorites_routes.hpp"

#include "core/limits.hpp"
#include "core/url.hpp"

#include <algorithm>
#include <charconv>
#include <string_view>

namespace dongelek {

namespace {
bool isPath(const AppUrl& url, std::string_view path)
{
    std::string_view p(url.path);
    if (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    return p == path;
}
} // namespace

std::optional<FavoritesRoute> FavoritesRoute::parse(const AppUrl& url)
{
    if (!isPath(url, "/favorites")) return std::nullopt;
    return FavoritesRoute{};
}

std::optional<CompareRoute> CompareRoute::parse(const AppUrl& url)
{
    if (!isPath(url, "/compare")) return std::nullopt;
    CompareRoute r;
    const std::string ids = queryParam(url.query, "ids").value_or("");
    std::size_t start = 0;
    while (start < ids.size() && r.ids.size() < kMaxCompare) {
        const std::size_t comma = std::min(ids.find(',', start), ids.size());
        std::int64_t id = 0;
        const char* b = ids.data() + start;
        const char* e = ids.data() + comma;
        const auto [ptr, ec] = std::from_chars(b, e, id);
        if (ec == std::errc() && ptr == e && id >= 1 && id <= limits::kIdMax &&
            std::find(r.ids.begin(), r.ids.end(), id) == r.ids.end())
            r.ids.push_back(id);
        start = comma + 1;
    }
    return r;
}

std::string CompareRoute::url() const
{
    return ids.empty() ? std::string("/compare") : "/compare?ids=" + joinIds(ids);
}

std::string joinIds(const std::vector<std::int64_t>& ids)
{
    std::string out;
    for (std::int64_t id : ids)
        out += (out.empty() ? "" : ",") + std::to_string(id);
    return out;
}

} // namespace dongelek
