// Saved searches and their notifications, once over db:: for SQLite and PostgreSQL. Every
// read and write names the user, so another user's rows are unreachable; writes are
// Private transactions (nothing a shared cached answer shows).
#pragma once

#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::server {

struct SavedSearchRow {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::string name;
    std::string query;
    bool alert = false;
    std::int64_t lastListingId = 0; // listings up to this id were checked for the alert
    std::int64_t createdAt = 0;     // Unix seconds
};

struct NotificationRow {
    std::int64_t id = 0;
    std::int64_t savedSearchId = 0;
    std::string savedSearchName;
    std::int64_t listingId = 0;
    std::int64_t createdAt = 0;
    bool read = false;
};

// Who an alert mail goes to: only a verified address.
struct AlertRecipient {
    std::string email;
    std::string displayName;
    std::string language;
};

class SavedSearchRepository {
public:
    explicit SavedSearchRepository(db::Database& database) : m_db(database) {}

    std::vector<SavedSearchRow> list(std::int64_t userId);
    std::optional<SavedSearchRow> find(std::int64_t userId, std::int64_t id);
    std::int64_t count(std::int64_t userId);
    SavedSearchRow add(std::int64_t userId, const std::string& name, const std::string& query, bool alert,
                       std::int64_t lastListingId, std::int64_t now);
    // Changes what is given; false when the user has no such search.
    bool update(std::int64_t userId, std::int64_t id, const std::optional<std::string>& name,
                const std::optional<bool>& alert, std::optional<std::int64_t> lastListingId);
    bool remove(std::int64_t userId, std::int64_t id);

    // Every search with its alert on, for every user (the alert check).
    std::vector<SavedSearchRow> alerting();
    // Records a notification for each listing not yet notified for this search and moves
    // the search's mark to `upTo`; returns the listings that were new (so a second server
    // process checking the same listings sends nothing twice). A search deleted meanwhile
    // gives nothing.
    std::vector<std::int64_t> addMatches(const SavedSearchRow& search, const std::vector<std::int64_t>& listingIds,
                                         std::int64_t upTo, std::int64_t now);

    std::vector<NotificationRow> notifications(std::int64_t userId, int limit);
    std::int64_t unread(std::int64_t userId);
    std::int64_t unread(std::int64_t userId, std::int64_t savedSearchId);
    // Marks the given notifications (all when `ids` is empty) read; returns how many changed.
    std::int64_t markRead(std::int64_t userId, const std::vector<std::int64_t>& ids, std::int64_t now);

    std::optional<AlertRecipient> recipient(std::int64_t userId);

private:
    db::Database& m_db;
};

} // namespace dongelek::server
