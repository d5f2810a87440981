// Listing use cases over the repository: search, details, catalog counts. Pure logic that
// returns domain values (no HTTP, no SQL, no caching): photo ids become URLs here.
#pragma once

#include "server/features/listings/listing_repository.hpp"
#include "server/features/search/search_service.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace dongelek::server {

class ListingService {
public:
    ListingService(ListingRepository& repository, SearchService& search) : m_repository(repository), m_search(search) {}

    // `filter` must already be valid (parseListingQuery); the free text is normalized here.
    // Answered by the in-memory search index, not SQL.
    ListingPage search(const ListingFilter& filter);
    std::optional<ListingDetails> details(std::int64_t id);
    std::vector<MakeInfo> makes();
    std::vector<City> cities();
    std::int64_t activeListingCount();
    // Active listings' ids and dates, oldest first, for sitemaps (see the repository).
    std::vector<ListingStamp> activeListingStamps(std::int64_t offset, std::int64_t limit);

    SearchService& searchService() { return m_search; }

private:
    ListingRepository& m_repository;
    SearchService& m_search;
};

// A search result as the API's page: cover photo ids become thumbnail URLs.
ListingPage pageOf(SearchResult result, int page, int pageSize);

// Trims and collapses runs of whitespace, so "  camry   2.5 " and "camry 2.5" are one
// search (and one cache entry).
std::string normalizeSearchText(std::string_view text);

} // namespace dongelek::server
