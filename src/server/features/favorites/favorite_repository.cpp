#include "server/features/favorites/favorite_repository.hpp"

namespace dongelek::server::favorites {

namespace {

using db::Statement;

constexpr const char* kSelect =
    "SELECT f.listing_id, f.saved_at, f.saved_price_minor, f.saved_currency, l.price_minor, l.currency, l.status "
    "FROM favorites f JOIN listings l ON l.id = f.listing_id ";

FavoriteRow readRow(const Statement& s)
{
    FavoriteRow r;
    r.listingId = s.columnInt64(0);
    r.savedAt = s.columnInt64(1);
    r.savedPrice.amountMinor = s.columnInt64(2);
    r.savedPrice.currency = parseEnum<Currency>(s.columnText(3)).value_or(Currency::KZT);
    r.price.amountMinor = s.columnInt64(4);
    r.price.currency = parseEnum<Currency>(s.columnText(5)).value_or(Currency::KZT);
    r.status = parseEnum<ListingStatus>(s.columnText(6)).value_or(ListingStatus::Removed);
    return r;
}

std::int64_t countIn(db::Connection& c, std::int64_t userId)
{
    Statement& s = c.prepare("SELECT COUNT(*) FROM favorites WHERE user_id = ?");
    s.bind(1, userId);
    s.step();
    const std::int64_t n = s.columnInt64(0);
    s.reset();
    return n;
}

bool existsIn(db::Connection& c, std::int64_t userId, std::int64_t listingId)
{
    Statement& s = c.prepare("SELECT 1 FROM favorites WHERE user_id = ? AND listing_id = ?");
    s.bind(1, userId).bind(2, listingId);
    const bool any = s.step();
    s.reset();
    return any;
}

bool listingSaveable(db::Connection& c, std::int64_t listingId)
{
    Statement& s = c.prepare("SELECT 1 FROM listings WHERE id = ? AND status <> 'removed'");
    s.bind(1, listingId);
    const bool any = s.step();
    s.reset();
    return any;
}

} // namespace

std::vector<FavoriteRow> FavoriteRepository::list(std::int64_t userId, int limit)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kSelect) +
                              "WHERE f.user_id = ? ORDER BY f.saved_at DESC, f.listing_id DESC LIMIT ?");
    s.bind(1, userId).bind(2, static_cast<std::int64_t>(limit));
    std::vector<FavoriteRow> out;
    while (s.step())
        out.push_back(readRow(s));
    s.reset();
    return out;
}

std::optional<FavoriteRow> FavoriteRepository::find(std::int64_t userId, std::int64_t listingId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare(std::string(kSelect) + "WHERE f.user_id = ? AND f.listing_id = ?");
    s.bind(1, userId).bind(2, listingId);
    std::optional<FavoriteRow> out;
    if (s.step()) out = readRow(s);
    s.reset();
    return out;
}

std::int64_t FavoriteRepository::count(std::int64_t userId)
{
    auto c = m_db.acquire();
    return countIn(*c, userId);
}

AddOutcome FavoriteRepository::add(std::int64_t userId, std::int64_t listingId, std::int64_t now,
                                   std::int64_t maxPerUser)
{
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Private);
    db::Connection& c = tx.connection();
    if (!listingSaveable(c, listingId)) return AddOutcome::UnknownListing;
    if (existsIn(c, userId, listingId)) return AddOutcome::AlreadySaved;
    if (countIn(c, userId) >= maxPerUser) return AddOutcome::Full;
    c.prepare("INSERT INTO favorites(user_id, listing_id, saved_at, saved_price_minor, saved_currency) "
              "SELECT CAST(? AS bigint), id, CAST(? AS bigint), price_minor, currency FROM listings WHERE id = ? "
              "ON CONFLICT (user_id, listing_id) DO NOTHING")
        .bind(1, userId)
        .bind(2, now)
        .bind(3, listingId)
        .run();
    tx.commit();
    return AddOutcome::Added;
}

bool FavoriteRepository::remove(std::int64_t userId, std::int64_t listingId)
{
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Private);
    Statement& s = tx.connection().prepare(
        "DELETE FROM favorites WHERE user_id = ? AND listing_id = ? RETURNING listing_id");
    s.bind(1, userId).bind(2, listingId);
    const bool removed = s.step();
    s.reset();
    tx.commit();
    return removed;
}

MergeOutcome FavoriteRepository::merge(std::int64_t userId, const std::vector<DeviceFavorite>& items,
                                       std::int64_t maxPerUser)
{
    MergeOutcome out;
    auto lease = m_db.acquire();
    db::WriteTransaction tx(lease, db::Visibility::Private);
    db::Connection& c = tx.connection();
    std::int64_t count = countIn(c, userId);
    for (const DeviceFavorite& d : items) {
        if (!listingSaveable(c, d.listingId)) {
            out.skippedIds.push_back(d.listingId);
            continue;
        }
        const bool existing = existsIn(c, userId, d.listingId);
        if (!existing && count >= maxPerUser) {
            out.skippedIds.push_back(d.listingId);
            continue;
        }
        const std::string currency(toString(d.savedPrice.currency));
        c.prepare("INSERT INTO favorites(user_id, listing_id, saved_at, saved_price_minor, saved_currency) "
                  "SELECT CAST(? AS bigint), id, CAST(? AS bigint), "
                  "CASE WHEN currency = ? THEN CAST(? AS bigint) ELSE price_minor END, currency "
                  "FROM listings WHERE id = ? "
                  "ON CONFLICT (user_id, listing_id) DO UPDATE SET saved_at = excluded.saved_at, "
                  "saved_price_minor = excluded.saved_price_minor, saved_currency = excluded.saved_currency "
                  "WHERE excluded.saved_at < favorites.saved_at")
            .bind(1, userId)
            .bind(2, d.savedAt)
            .bind(3, std::string_view(currency))
            .bind(4, d.savedPrice.amountMinor)
            .bind(5, d.listingId)
            .run();
        if (!existing) {
            ++count;
            ++out.added;
        }
    }
    tx.commit();
    return out;
}

} // namespace dongelek::server::favorites
