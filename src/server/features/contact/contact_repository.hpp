// Contact requests and listing reports, once over db:: for both engines (Private writes).
#pragma once

#include "server/db/database.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek::server {

struct ContactTarget {
    std::string phone;
    std::string title;
};

class ContactRepository {
public:
    explicit ContactRepository(db::Database& database) : m_db(database) {}

    // The seller's phone and the car's title of an active listing.
    std::optional<ContactTarget> target(std::int64_t listingId);
    void recordContact(std::int64_t listingId, const std::string& channel, const std::string& visitor, std::int64_t now);
    std::int64_t contacts(std::int64_t listingId);
    // False when this visitor already reported this listing (the first report stands).
    bool addReport(std::int64_t listingId, std::optional<std::int64_t> userId, const std::string& reason,
                   const std::string& comment, const std::string& visitor, std::int64_t now);
    std::int64_t openReports(std::int64_t listingId);

private:
    db::Database& m_db;
};

} // namespace dongelek::server
