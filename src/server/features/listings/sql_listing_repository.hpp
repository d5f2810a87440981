// ListingRepository written once against db::Database, for SQLite and PostgreSQL alike.
// All SQL of the listing store lives in the .cpp; engine differences are confined to it.
#pragma once

#include "server/db/database.hpp"
#include "server/features/listings/listing_repository.hpp"

#include <string>
#include <string_view>

namespace dongelek::server {

class SqlListingRepository final : public ListingRepository {
public:
    // `database` must be migrated (schema::migrate) and outlive the repository.
    explicit SqlListingRepository(db::Database& database);

    SearchResult search(const ListingFilter& filter, std::int64_t nowUnix) override;
    std::optional<DetailsRow> findListing(std::int64_t id) override;
    std::vector<MakeInfo> makesWithCounts() override;
    std::vector<City> citiesWithCounts() override;
    std::int64_t countActiveListings() override;
    std::vector<ListingStamp> activeListingStamps(std::int64_t offset, std::int64_t limit) override;
    std::int64_t countAllListings() override;
    std::optional<PhotoSpec> findPhoto(std::int64_t photoId) override;
    std::vector<SearchDocument> searchDocuments() override;
    SearchCatalog searchCatalog() override;
    std::vector<std::pair<std::string, Money>> priceHistory(std::int64_t listingId) override;
    std::unique_ptr<BulkWriter> beginBulkImport() override;
    void optimize() override;

    // The query plans of the count and of the page-ids query for `filter` (the engine's
    // EXPLAIN text, "--" between the two), so tests can check every filter and sort can
    // use an index. On PostgreSQL the plans are taken with sequential scans and sorts
    // priced out, so they show whether an index can serve the query even on test data
    // small enough for a scan to win.
    std::string explainSearch(const ListingFilter& filter);

private:
    db::Database& m_db;
};

namespace sqlite {
// The user's free text as a safe FTS5 query: every token double-quoted (quotes
// doubled), with a prefix star from two characters on, joined by AND. Tokens without a
// letter or digit are dropped; returns "" when nothing searchable is left (the search
// then matches nothing).
std::string buildFtsQuery(std::string_view userText);
} // namespace sqlite

namespace postgres {
// The same tokens for PostgreSQL's dongelek_search_query(): each written "*token"
// (prefix, from two characters on) or "=token" (exact), separated by single spaces. The
// SQL function unaccents each token and only then quotes it into the tsquery, so no user
// text becomes query syntax. Returns "" when nothing searchable is left.
std::string buildTsQueryWords(std::string_view userText);
} // namespace postgres

} // namespace dongelek::server
