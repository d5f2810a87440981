// Wire names of the photo spec enums, shared by every storage implementation.
// One table per enum, as in core/enums.cpp.

#include "server/features/listings/listing_repository.hpp"

#include <array>

namespace dongelek::server {

namespace {
constexpr std::array<std::pair<PhotoKind, std::string_view>, 6> kPhotoKinds{{
    {PhotoKind::Side, "side"},
    {PhotoKind::SideMirrored, "side_mirrored"},
    {PhotoKind::Interior, "interior"},
    {PhotoKind::CloseFront, "close_front"},
    {PhotoKind::CloseWheel, "close_wheel"},
    {PhotoKind::SideDusk, "side_dusk"},
}};
constexpr std::array<std::pair<Backdrop, std::string_view>, 4> kBackdrops{{
    {Backdrop::Showroom, "showroom"},
    {Backdrop::Street, "street"},
    {Backdrop::Steppe, "steppe"},
    {Backdrop::Desert, "desert"},
}};
} // namespace

std::string_view toString(PhotoKind k)
{
    for (const auto& [v, name] : kPhotoKinds)
        if (v == k) return name;
    return "side";
}
std::string_view toString(Backdrop b)
{
    for (const auto& [v, name] : kBackdrops)
        if (v == b) return name;
    return "street";
}
std::optional<PhotoKind> parsePhotoKind(std::string_view s)
{
    for (const auto& [v, name] : kPhotoKinds)
        if (name == s) return v;
    return std::nullopt;
}
std::optional<Backdrop> parseBackdrop(std::string_view s)
{
    for (const auto& [v, name] : kBackdrops)
        if (name == s) return v;
    return std::nullopt;
}

} // namespace dongelek::server
