// The saved cars page "/favorites" and the comparison "/compare?ids=1,2,3" (the address
// carries the comparison, so it can be shared). At most kMaxCompare ids, each 1..2^53-1;
// repeats are dropped, the order is kept.
#pragma once

#include "core/route.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

struct FavoritesRoute {
    static std::optional<FavoritesRoute> parse(const AppUrl& url);
    std::string url() const { return "/favorites"; }
};

struct CompareRoute {
    static constexpr std::size_t kMaxCompare = 5;
    std::vector<std::int64_t> ids;

    // nullopt unless the path is /compare; ids that are not valid are dropped, and only the
    // first kMaxCompare are kept (a hand-edited link still opens).
    static std::optional<CompareRoute> parse(const AppUrl& url);
    std::string url() const;
};

// "1,2,3" (what the address and the API's ids= carry).
std::string joinIds(const std::vector<std::int64_t>& ids);

} // namespace dongelek
