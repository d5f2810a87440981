// The 360-degree view of a listing: "/listing/<id>?view=360" (the exterior spin) and
// "/listing/<id>?view=inside" (the interior panorama). It lives on the listing's own address,
// so the server's listing page (its title, text and links) answers it too.
#pragma once

#include "core/route.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

struct View360Route {
    std::int64_t listingId = 0;
    bool inside = false;

    // nullopt unless the path is a listing address and the query asks for its 360 view.
    static std::optional<View360Route> parse(const AppUrl& url);
    std::string url() const;
};

} // namespace dongelek
