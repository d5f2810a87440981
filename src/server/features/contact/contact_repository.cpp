#include "server/features/contact/contact_repository.hpp"

namespace dongelek::server {

std::optional<ContactTarget> ContactRepository::target(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT s.phone, l.title FROM listings l JOIN sellers s ON s.id = l.seller_id"
                                  " WHERE l.id = ? AND l.status = 'active'");
    s.bind(1, listingId);
    std::optional<ContactTarget> out;
    if (s.step()) out = ContactTarget{s.columnText(0), s.columnText(1)};
    s.reset();
    return out;
}

void ContactRepository::recordContact(std::int64_t listingId, const std::string& channel, const std::string& visitor,
                                      std::int64_t now)
{
    db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        c.prepare("INSERT INTO contact_events(listing_id, channel, visitor, created_at) VALUES (?, ?, ?, ?)")
            .bind(1, listingId)
            .bind(2, channel)
            .bind(3, visitor)
            .bind(4, now)
            .run();
    });
}

std::int64_t ContactRepository::contacts(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM contact_events WHERE listing_id = ?");
    s.bind(1, listingId);
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

bool ContactRepository::addReport(std::int64_t listingId, std::optional<std::int64_t> userId, const std::string& reason,
                                  const std::string& comment, const std::string& visitor, std::int64_t now)
{
    return db::inTransaction(m_db, db::Visibility::Private, [&](db::Connection& c) {
        db::Statement& s = c.prepare(
            "INSERT INTO listing_reports(listing_id, user_id, reason, comment, visitor, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (listing_id, visitor) DO NOTHING RETURNING id");
        s.bind(1, listingId);
        if (userId) s.bind(2, *userId);
        else s.bindNull(2);
        s.bind(3, reason).bind(4, comment).bind(5, visitor).bind(6, now);
        const bool added = s.step();
        s.reset();
        return added;
    });
}

std::int64_t ContactRepository::openReports(std::int64_t listingId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM listing_reports WHERE listing_id = ? AND status = 'open'");
    s.bind(1, listingId);
    const std::int64_t n = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return n;
}

} // namespace dongelek::server
