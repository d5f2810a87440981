// SQL of saved searches and notifications; portable SQL, `?` placeholders, every value bound.

#include "server/features/saved_searches/saved_search_repository.hpp"

namespace dongelek::server {

namespace {

constexpr const char* kColumns = "id, user_id, name, query, alert, last_listing_id, created_at";

SavedSearchRow readRow(const db::Statement& s)
{
    SavedSearchRow r;
    r.id = s.columnInt64(0);
    r.userId = s.columnInt64(1);
    r.name = s.columnText(2);
    r.query = s.columnText(3);
    r.alert = s.columnInt64(4) != 0;
    r.lastListingId = s.columnInt64(5);
    r.createdAt = s.columnInt64(6);
    return r;
}

template <typename F> auto privately(db::Database& database, F&& body)
{
    return db::inTransaction(database, db::Visibility::Private, std::forward<F>(body));
}

std::int64_t scalar(db::Statement& s)
{
    const std::int64_t v = s.step() ? s.columnInt64(0) : 0;
    s.reset();
    return v;
}

} // namespace

std::vector<SavedSearchRow> SavedSearchRepository::list(std::int64_t userId)
{
    auto c = m_db.acquire();
    db::Statement& s =
        c->prepare(std::string("SELECT ") + kColumns + " FROM saved_searches WHERE user_id = ? ORDER BY id DESC");
    s.bind(1, userId);
    std::vector<SavedSearchRow> out;
    while (s.step())
        out.push_back(readRow(s));
    s.reset();
    return out;
}

std::optional<SavedSearchRow> SavedSearchRepository::find(std::int64_t userId, std::int64_t id)
{
    auto c = m_db.acquire();
    db::Statement& s =
        c->prepare(std::string("SELECT ") + kColumns + " FROM saved_searches WHERE id = ? AND user_id = ?");
    s.bind(1, id).bind(2, userId);
    std::optional<SavedSearchRow> out;
    if (s.step()) out = readRow(s);
    s.reset();
    return out;
}

std::int64_t SavedSearchRepository::count(std::int64_t userId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM saved_searches WHERE user_id = ?");
    s.bind(1, userId);
    return scalar(s);
}

SavedSearchRow SavedSearchRepository::add(std::int64_t userId, const std::string& name, const std::string& query,
                                          bool alert, std::int64_t lastListingId, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        db::Statement& s = c.prepare(
            "INSERT INTO saved_searches(user_id, name, query, alert, last_listing_id, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING " + std::string(kColumns));
        s.bind(1, userId).bind(2, name).bind(3, query).bind(4, alert ? 1 : 0).bind(5, lastListingId).bind(6, now);
        if (!s.step()) throw StorageError("saved search insert returned no row");
        SavedSearchRow r = readRow(s);
        s.reset();
        return r;
    });
}

bool SavedSearchRepository::update(std::int64_t userId, std::int64_t id, const std::optional<std::string>& name,
                                   const std::optional<bool>& alert, std::optional<std::int64_t> lastListingId)
{
    return privately(m_db, [&](db::Connection& c) {
        // COALESCE keeps what was not given: one statement for every combination.
        db::Statement& s = c.prepare(
            "UPDATE saved_searches SET name = COALESCE(?, name), alert = COALESCE(?, alert),"
            " last_listing_id = COALESCE(?, last_listing_id) WHERE id = ? AND user_id = ? RETURNING id");
        if (name) s.bind(1, *name);
        else s.bindNull(1);
        if (alert) s.bind(2, *alert ? 1 : 0);
        else s.bindNull(2);
        if (lastListingId) s.bind(3, *lastListingId);
        else s.bindNull(3);
        s.bind(4, id).bind(5, userId);
        const bool changed = s.step();
        s.reset();
        return changed;
    });
}

bool SavedSearchRepository::remove(std::int64_t userId, std::int64_t id)
{
    return privately(m_db, [&](db::Connection& c) {
        db::Statement& s = c.prepare("DELETE FROM saved_searches WHERE id = ? AND user_id = ? RETURNING id");
        s.bind(1, id).bind(2, userId);
        const bool changed = s.step();
        s.reset();
        return changed;
    });
}

std::vector<SavedSearchRow> SavedSearchRepository::alerting()
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(std::string("SELECT ") + kColumns + " FROM saved_searches WHERE alert = 1 ORDER BY id");
    std::vector<SavedSearchRow> out;
    while (s.step())
        out.push_back(readRow(s));
    s.reset();
    return out;
}

std::vector<std::int64_t> SavedSearchRepository::addMatches(const SavedSearchRow& search,
                                                            const std::vector<std::int64_t>& listingIds,
                                                            std::int64_t upTo, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        std::vector<std::int64_t> added;
        db::Statement& still = c.prepare("SELECT 1 FROM saved_searches WHERE id = ? AND user_id = ?");
        still.bind(1, search.id).bind(2, search.userId);
        const bool exists = still.step();
        still.reset();
        if (!exists) return added;
        for (std::int64_t listing : listingIds) {
            db::Statement& s = c.prepare(
                "INSERT INTO notifications(user_id, saved_search_id, listing_id, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (saved_search_id, listing_id) DO NOTHING RETURNING listing_id");
            s.bind(1, search.userId).bind(2, search.id).bind(3, listing).bind(4, now);
            if (s.step()) added.push_back(listing);
            s.reset();
        }
        db::Statement& mark = c.prepare(
            "UPDATE saved_searches SET last_listing_id = ? WHERE id = ? AND last_listing_id < ?");
        mark.bind(1, upTo).bind(2, search.id).bind(3, upTo).run();
        return added;
    });
}

std::vector<NotificationRow> SavedSearchRepository::notifications(std::int64_t userId, int limit)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT n.id, n.saved_search_id, s.name, n.listing_id, n.created_at, n.read_at IS NOT NULL"
        " FROM notifications n JOIN saved_searches s ON s.id = n.saved_search_id"
        " WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?");
    s.bind(1, userId).bind(2, limit);
    std::vector<NotificationRow> out;
    while (s.step()) {
        NotificationRow r;
        r.id = s.columnInt64(0);
        r.savedSearchId = s.columnInt64(1);
        r.savedSearchName = s.columnText(2);
        r.listingId = s.columnInt64(3);
        r.createdAt = s.columnInt64(4);
        r.read = s.columnInt64(5) != 0;
        out.push_back(std::move(r));
    }
    s.reset();
    return out;
}

std::int64_t SavedSearchRepository::unread(std::int64_t userId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare("SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL");
    s.bind(1, userId);
    return scalar(s);
}

std::int64_t SavedSearchRepository::unread(std::int64_t userId, std::int64_t savedSearchId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT count(*) FROM notifications WHERE user_id = ? AND saved_search_id = ? AND read_at IS NULL");
    s.bind(1, userId).bind(2, savedSearchId);
    return scalar(s);
}

std::int64_t SavedSearchRepository::markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t now)
{
    return privately(m_db, [&](db::Connection& c) {
        std::int64_t changed = 0;
        if (ids.empty()) {
            db::Statement& s = c.prepare(
                "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL RETURNING id");
            s.bind(1, now).bind(2, userId);
            while (s.step())
                ++changed;
            s.reset();
            return changed;
        }
        for (std::int64_t id : ids) {
            db::Statement& s = c.prepare(
                "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL RETURNING id");
            s.bind(1, now).bind(2, id).bind(3, userId);
            if (s.step()) ++changed;
            s.reset();
        }
        return changed;
    });
}

std::optional<AlertRecipient> SavedSearchRepository::recipient(std::int64_t userId)
{
    auto c = m_db.acquire();
    db::Statement& s = c->prepare(
        "SELECT email, display_name, language FROM users WHERE id = ? AND email_verified_at IS NOT NULL");
    s.bind(1, userId);
    std::optional<AlertRecipient> out;
    if (s.step()) out = AlertRecipient{s.columnText(0), s.columnText(1), s.columnText(2)};
    s.reset();
    return out;
}

} // namespace dongelek::server
