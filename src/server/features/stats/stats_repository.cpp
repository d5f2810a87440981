#include "server/features/stats/stats_repository.hpp"

#include "core/text_format.hpp"

#include <map>

namespace dongelek::server::stats {

namespace {

using db::Statement;

std::int64_t scalar(Statement& s)
{
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

} // namespace

bool StatsRepository::recordView(std::int64_t listingId, std::int64_t day, const std::string& visitor,
                                 std::optional<std::int64_t> userId)
{
    // Private: a view changes no public answer.
    return db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        Statement& l = c.prepare("SELECT COALESCE(s.user_id, 0) FROM listings l JOIN sellers s ON s.id = l.seller_id"
                                 " WHERE l.id = ? AND l.status = 'active'");
        l.bind(1, listingId);
        if (!l.step()) {
            l.reset();
            return false;
        }
        const std::int64_t owner = l.columnInt64(0);
        l.reset();
        if (userId && owner == *userId) return false; // the seller looking at their own listing
        Statement& s = c.prepare("INSERT INTO listing_views(listing_id, day, visitor) VALUES (?, ?, ?)"
                                 " ON CONFLICT (listing_id, day, visitor) DO NOTHING RETURNING listing_id");
        s.bind(1, listingId).bind(2, day).bind(3, visitor);
        const bool added = s.step();
        s.reset();
        return added;
    });
}

std::optional<std::int64_t> StatsRepository::ownedSince(std::int64_t userId, std::int64_t listingId)
{
    auto c = m_db.acquire();
    Statement& s = c->prepare("SELECT l.created_at FROM listings l JOIN sellers s ON s.id = l.seller_id"
                              " WHERE l.id = ? AND s.user_id = ? AND NOT (l.status = 'removed' AND l.unpublished = 0)");
    s.bind(1, listingId).bind(2, userId);
    std::optional<std::string> created;
    if (s.step()) created = s.columnText(0);
    s.reset();
    if (!created) return std::nullopt;
    // "2026-11-30T08:00:00Z": the civil date's day number.
    const std::optional<std::int64_t> at = parseIsoTimestamp(*created);
    if (!at) return std::nullopt;
    return *at / 86400;
}

std::vector<DayCounts> StatsRepository::daily(std::int64_t listingId, std::int64_t fromDay, std::int64_t toDay)
{
    std::map<std::int64_t, DayCounts> byDay;
    for (std::int64_t d = fromDay; d <= toDay; ++d)
        byDay[d].day = d;
    auto c = m_db.acquire();
    // One grouped count per kind: `sql` takes the listing and a range of `day` values (in
    // `scale` seconds each: 1 for Unix days, 86400 for times) and answers (day, count).
    const auto count = [&](const char* sql, std::int64_t scale, std::int64_t DayCounts::*into) {
        Statement& s = c->prepare(sql);
        s.bind(1, listingId).bind(2, fromDay * scale).bind(3, toDay * scale + (scale - 1));
        while (s.step())
            byDay[s.columnInt64(0)].*into = s.columnInt64(1);
        s.reset();
    };
    count("SELECT day, count(*) FROM listing_views WHERE listing_id = ? AND day BETWEEN ? AND ? GROUP BY day", 1,
          &DayCounts::views);
    count("SELECT saved_at / 86400, count(*) FROM favorites WHERE listing_id = ? AND saved_at BETWEEN ? AND ?"
          " GROUP BY saved_at / 86400",
          86400, &DayCounts::favorites);
    count("SELECT created_at / 86400, count(*) FROM contact_events WHERE listing_id = ? AND created_at BETWEEN ? AND ?"
          " GROUP BY created_at / 86400",
          86400, &DayCounts::contacts);
    std::vector<DayCounts> out;
    for (const auto& [day, counts] : byDay)
        if (day >= fromDay && day <= toDay) out.push_back(counts);
    return out;
}

Totals StatsRepository::totals(std::int64_t listingId)
{
    auto c = m_db.acquire();
    Totals t;
    t.views = scalar(c->prepare("SELECT count(*) FROM listing_views WHERE listing_id = ?").bind(1, listingId));
    t.favorites = scalar(c->prepare("SELECT count(*) FROM favorites WHERE listing_id = ?").bind(1, listingId));
    t.contacts = scalar(c->prepare("SELECT count(*) FROM contact_events WHERE listing_id = ?").bind(1, listingId));
    return t;
}

StatsRepository::Average StatsRepository::similar(std::int64_t listingId, std::int64_t fromDay, std::int64_t toDay)
{
    auto c = m_db.acquire();
    Average a;
    const char* peers = "SELECT o.id FROM listings o JOIN listings l ON l.model_id = o.model_id"
                        " WHERE l.id = ? AND o.id <> l.id AND o.status = 'active'";
    a.peers = scalar(c->prepare(std::string("SELECT count(*) FROM (") + peers + ") p").bind(1, listingId));
    if (a.peers == 0) return a;
    const double perDay = static_cast<double>(a.peers) * static_cast<double>(toDay - fromDay + 1);
    a.views = static_cast<double>(scalar(
                  c->prepare(std::string("SELECT count(*) FROM listing_views WHERE day BETWEEN ? AND ? AND listing_id IN (") +
                             peers + ")")
                      .bind(1, fromDay)
                      .bind(2, toDay)
                      .bind(3, listingId))) /
              perDay;
    a.favorites = static_cast<double>(scalar(
                      c->prepare(std::string("SELECT count(*) FROM favorites WHERE saved_at BETWEEN ? AND ? AND listing_id IN (") +
                                 peers + ")")
                          .bind(1, fromDay * 86400)
                          .bind(2, toDay * 86400 + 86399)
                          .bind(3, listingId))) /
                  perDay;
    a.contacts = static_cast<double>(scalar(
                     c->prepare(std::string("SELECT count(*) FROM contact_events WHERE created_at BETWEEN ? AND ? AND listing_id IN (") +
                                peers + ")")
                         .bind(1, fromDay * 86400)
                         .bind(2, toDay * 86400 + 86399)
                         .bind(3, listingId))) /
                 perDay;
    return a;
}

} // namespace dongelek::server::stats
