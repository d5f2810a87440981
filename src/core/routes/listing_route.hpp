// A listing's address: "/listing/<id>" (a trailing slash is accepted), id from 1 to 2^53-1.
#pragma once

#include "core/route.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

struct ListingRoute {
    std::int64_t id = 0;

    // nullopt unless the path is a listing address with a valid id.
    static std::optional<ListingRoute> parse(const AppUrl& url);
    std::string url() const;
};

} // namespace dongelek
