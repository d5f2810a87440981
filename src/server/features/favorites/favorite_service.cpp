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

namespace {
// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}
} // namespace

std::optional<std::int64_t> parseIsoTimestamp(std::string_view text)
{
    if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
        text[16] != ':' || text[19] != 'Z')
        return std::nullopt;
    const auto num = [&](std::size_t at, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (text[i] < '0' || text[i] > '9') return false;
            out = out * 10 + (text[i] - '0');
        }
        return true;
    };
    int y, mo, d, h, mi, s;
    if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) || !num(17, 2, s))
        return std::nullopt;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return std::nullopt;
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    if (daysFromCivil(y, static_cast<unsigned>(mo), 1) + d - 1 != days) return std::nullopt;
    // The day must exist in its month (no February 30).
    const std::int64_t nextMonth = mo == 12 ? daysFromCivil(y + 1, 1, 1) : daysFromCivil(y, mo + 1, 1);
    if (days >= nextMonth) return std::nullopt;
    return days * 86400 + h * 3600 + mi * 60 + s;
}

} // namespace dongelek::server::favorites
