// How a seller's listings perform, written once against db::Database for SQLite and
// PostgreSQL alike: page views (one per visitor per listing per UTC day, never the seller's
// own), saves to favorites and contact requests, per day, and the same counts for similar cars
// (same model, active) to compare with. Times are Unix seconds, days Unix days (UTC).
#pragma once

#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server::stats {

struct DayCounts {
    std::int64_t day = 0; // Unix day
    std::int64_t views = 0, favorites = 0, contacts = 0;
};

struct Totals {
    std::int64_t views = 0, favorites = 0, contacts = 0;
};

class StatsRepository {
public:
    explicit StatsRepository(db::Database& database) : m_db(database) {}

    // Records a view of an active listing by `visitor` on `day`; false when it was counted
    // already that day, the listing is not active, or `userId` is the listing's seller.
    bool recordView(std::int64_t listingId, std::int64_t day, const std::string& visitor,
                    std::optional<std::int64_t> userId);
    // The owner's listing (its seller's user is `userId`): created_at's day, or nullopt.
    std::optional<std::int64_t> ownedSince(std::int64_t userId, std::int64_t listingId);
    // Per-day counts of a listing from `fromDay` to `toDay` (every day, zeros included).
    std::vector<DayCounts> daily(std::int64_t listingId, std::int64_t fromDay, std::int64_t toDay);
    Totals totals(std::int64_t listingId);
    // Average per listing per day over the other active listings of the same model in the same
    // days (0 when there are none); `peers` says how many there were.
    struct Average {
        double views = 0, favorites = 0, contacts = 0;
        std::int64_t peers = 0;
    };
    Average similar(std::int64_t listingId, std::int64_t fromDay, std::int64_t toDay);

private:
    db::Database& m_db;
};

} // namespace dongelek::server::stats
