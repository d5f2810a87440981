// ListingRepository on SQLite: WAL, one pooled connection per concurrent caller,
// FTS5 for the free-text query. All SQL of the listing store lives in the .cpp.
#pragma once

#include "server/features/listings/listing_repository.hpp"
#include "server/db/sqlite.hpp"

#include <string>
#include <string_view>

namespace dongelek::server::sqlite {

class SqliteListingRepository final : public ListingRepository {
public:
    // Opens or creates `path` (creating parent folders) and applies pending migrations.
    explicit SqliteListingRepository(const std::string& path);

    int schemaVersion() const { return m_schemaVersion; }

    SearchResult search(const ListingFilter& filter) override;
    std::optional<DetailsRow> findListing(std::int64_t id) override;
    std::vector<MakeInfo> makesWithCounts() override;
    std::vector<City> citiesWithCounts() override;
    std::int64_t countActiveListings() override;
    std::int64_t countAllListings() override;
    std::optional<PhotoSpec> findPhoto(std::int64_t photoId) override;
    std::unique_ptr<BulkWriter> beginBulkImport() override;
    void optimize() override;

    // The query plans of the count and of the page-ids query for `filter` (one line per
    // plan step, "--" between), so tests can check every filter and sort uses an index.
    std::string explainSearch(const ListingFilter& filter);

private:
    ConnectionPool m_pool;
    int m_schemaVersion = 0;
};

// The user's free text as a safe FTS5 query: every token double-quoted (quotes
// doubled), with a prefix star from two characters on, joined by AND. Tokens without a
// letter or digit are dropped; returns "" when nothing searchable is left (the search
// then matches nothing).
std::string buildFtsQuery(std::string_view userText);

} // namespace dongelek::server::sqlite
