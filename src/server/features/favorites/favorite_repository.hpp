// The favorites store, written once against db::Database for SQLite and PostgreSQL alike:
// which listings each user saved, when, and at what price. Every query names its owner
// (WHERE user_id = ?), so one user's rows never reach another. Writes are Private
// transactions: saving a car does not change any public answer, so the data version that
// keys the search cache stays put. Times are Unix seconds.
#pragma once

#include "core/model.hpp"
#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace dongelek::server::favorites {

struct FavoriteRow {
    std::int64_t listingId = 0;
    std::int64_t savedAt = 0;
    Money savedPrice;
    Money price; // the listing's asking price now
    ListingStatus status = ListingStatus::Active;
};

// A favorite kept on a device before its user signed in.
struct DeviceFavorite {
    std::int64_t listingId = 0;
    std::int64_t savedAt = 0;
    Money savedPrice;
};

enum class AddOutcome { Added, AlreadySaved, UnknownListing, Full };

struct MergeOutcome {
    std::int64_t added = 0;                  // new rows
    std::vector<std::int64_t> skippedIds;    // unknown or removed listings, or no room left
};

class FavoriteRepository {
public:
    explicit FavoriteRepository(db::Database& database) : m_db(database) {}

    // The user's favorites, newest saved first, at most `limit`.
    std::vector<FavoriteRow> list(std::int64_t userId, int limit);
    std::optional<FavoriteRow> find(std::int64_t userId, std::int64_t listingId);
    std::int64_t count(std::int64_t userId);
    // Saves a listing that exists and is not removed, at its current price; an existing
    // favorite keeps its time and price. At most `maxPerUser` favorites.
    AddOutcome add(std::int64_t userId, std::int64_t listingId, std::int64_t now, std::int64_t maxPerUser);
    // False when the user had not saved it.
    bool remove(std::int64_t userId, std::int64_t listingId);
    // Adds the device's favorites in one transaction: a listing saved on both keeps the
    // earlier time (and the price of that time); a saved price in another currency than
    // the listing's is replaced by its current price. Unknown or removed listings, and new
    // ones beyond `maxPerUser`, are skipped.
    MergeOutcome merge(std::int64_t userId, const std::vector<DeviceFavorite>& items, std::int64_t maxPerUser);

private:
    db::Database& m_db;
};

} // namespace dongelek::server::favorites
