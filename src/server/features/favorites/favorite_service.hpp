// Favorites and comparison use cases, transport-free: a user's saved cars with their
// prices then and now, adding, removing, merging what a device kept before sign-in, and
// the side-by-side details of up to five listings. Acts only on the user id it is given.
#pragma once

#include "core/text_format.hpp"

#include "core/model.hpp"
#include "server/features/favorites/favorite_repository.hpp"
#include "server/features/listings/listing_service.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace dongelek::server::favorites {

inline constexpr std::int64_t kMaxFavorites = 500;  // per user
inline constexpr std::size_t kMaxMergeItems = 200;  // per merge request
inline constexpr std::size_t kMaxCompare = 5;       // listings side by side

class FavoriteService {
public:
    FavoriteService(FavoriteRepository& repository, ListingService& listings, std::function<std::int64_t()> now)
        : m_repository(repository), m_listings(listings), m_now(std::move(now))
    {
    }

    FavoriteList list(std::int64_t userId);
    // The saved favorite; ClientError 404 for an unknown or removed listing, 409 when full.
    Favorite add(std::int64_t userId, std::int64_t listingId);
    // ClientError 404 when it was not saved.
    void remove(std::int64_t userId, std::int64_t listingId);
    // Device favorites: a saved time after now counts as now. Returns the whole list.
    FavoriteList merge(std::int64_t userId, std::vector<DeviceFavorite> items);

    // Listings in the order asked (repeats dropped); unknown and removed ids reported.
    Comparison compare(const std::vector<std::int64_t>& ids);

private:
    Favorite toWire(const FavoriteRow& row);

    FavoriteRepository& m_repository;
    ListingService& m_listings;
    std::function<std::int64_t()> m_now;
};

using dongelek::parseIsoTimestamp; // core/text_format.hpp

} // namespace dongelek::server::favorites
