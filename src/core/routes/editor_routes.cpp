#include "core/routes/editor_routes.hpp"

#include "core/limits.hpp"
#include "core/url.hpp"

#include <charconv>
#include <string_view>

namespace dongelek {

namespace {

std::string_view trimmedPath(const AppUrl& url)
{
    std::string_view p(url.path);
    if (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    return p;
}

std::optional<std::int64_t> positiveId(std::string_view text)
{
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc() || ptr != text.data() + text.size() || id < 1 || id > limits::kIdMax || text[0] == '0')
        return std::nullopt;
    return id;
}

} // namespace

std::optional<EditorRoute> EditorRoute::parse(const AppUrl& url)
{
    const std::string_view p = trimmedPath(url);
    constexpr std::string_view kPrefix = "/sell/";
    if (p.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
    const std::string_view rest = p.substr(kPrefix.size());
    EditorRoute r;
    if (rest != "new") {
        const std::optional<std::int64_t> id = positiveId(rest);
        if (!id) return std::nullopt;
        r.draftId = *id;
    }
    if (const std::optional<std::string> step = queryParam(url.query, "step"))
        r.step = parseDraftStep(*step).value_or(DraftStep::Vin);
    return r;
}

std::string EditorRoute::url() const
{
    if (draftId == 0) return "/sell/new";
    std::string out = "/sell/" + std::to_string(draftId);
    if (step != DraftStep::Vin) out += "?step=" + std::string(toString(step));
    return out;
}

std::optional<MyListingsRoute> MyListingsRoute::parse(const AppUrl& url)
{
    if (trimmedPath(url) != "/my/listings") return std::nullopt;
    MyListingsRoute r;
    if (const std::optional<std::string> id = queryParam(url.query, "listing"))
        r.listingId = positiveId(*id).value_or(0);
    return r;
}

std::string MyListingsRoute::url() const
{
    return listingId ? "/my/listings?listing=" + std::to_string(listingId) : std::string("/my/listings");
}

} // namespace dongelek
