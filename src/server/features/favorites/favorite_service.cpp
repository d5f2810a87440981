#include "server/features/favorites/favorite_service.hpp"

#include "server/http/errors.hpp"

#include "core/text_format.hpp"

#include <algorithm>
#include <cstdio>

namespace dongelek::server::favorites {

Favorite FavoriteService::toWire(const FavoriteRow& row)
{
    Favorite f;
    f.listingId = row.listingId;
    f.savedAt = isoTimestamp(row.savedAt);
    f.savedPrice = row.savedPrice;
    f.price = row.price;
    f.status = row.status;
    if (row.status != ListingStatus::Removed)
        if (std::optional<ListingDetails> d = m_listings.details(row.listingId)) f.listing = d->summary;
    return f;
}

FavoriteList FavoriteService::list(std::int64_t userId)
{
    FavoriteList out;
    for (const FavoriteRow& row : m_repository.list(userId, static_cast<int>(kMaxFavorites)))
        out.items.push_back(toWire(row));
    return out;
}

Favorite FavoriteService::add(std::int64_t userId, std::int64_t listingId)
{
    switch (m_repository.add(userId, listingId, m_now(), kMaxFavorites)) {
    case AddOutcome::UnknownListing:
        throw ClientError(notFound("listingId", "no listing with id " + std::to_string(listingId)));
    case AddOutcome::Full:
        throw ClientError(409, "favorites_full", "listingId",
                          "at most " + std::to_string(kMaxFavorites) + " favorites; remove some first");
    case AddOutcome::Added:
    case AddOutcome::AlreadySaved:
        break;
    }
    std::optional<FavoriteRow> row = m_repository.find(userId, listingId);
    if (!row) throw ClientError(notFound("listingId", "no listing with id " + std::to_string(listingId)));
    return toWire(*row);
}

void FavoriteService::remove(std::int64_t userId, std::int64_t listingId)
{
    if (!m_repository.remove(userId, listingId))
        throw ClientError(notFound("listingId", "listing " + std::to_string(listingId) + " is not a favorite"));
}

FavoriteList FavoriteService::merge(std::int64_t userId, std::vector<DeviceFavorite> items)
{
    const std::int64_t now = m_now();
    for (DeviceFavorite& d : items)
        d.savedAt = std::min(d.savedAt, now);
    m_repository.merge(userId, items, kMaxFavorites);
    return list(userId);
}

Comparison FavoriteService::compare(const std::vector<std::int64_t>& ids)
{
    Comparison out;
    std::vector<std::int64_t> seen;
    for (std::int64_t id : ids) {
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
        seen.push_back(id);
        if (std::optional<ListingDetails> d = m_listings.details(id)) out.items.push_back(std::move(*d));
        else out.unknownIds.push_back(id);
    }
    return out;
}

} // namespace dongelek::server::favorites
