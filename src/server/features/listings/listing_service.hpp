// Listing use cases over the repository: search, details, catalog counts. Pure logic
// (no HTTP, no SQL): photo ids become URLs here, and writes bump the data generation.
#pragma once

#include "server/features/listings/listing_repository.hpp"

#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

namespace dongelek::server {

class ListingService {
public:
    explicit ListingService(ListingRepository& repository) : m_repository(repository) {}

    // `filter` must already be valid (parseListingQuery); the free text is normalized here.
    ListingPage search(const ListingFilter& filter);
    std::optional<ListingDetails> details(std::int64_t id);
    std::vector<MakeInfo> makes();
    std::vector<City> cities();
    std::int64_t activeListingCount();

    // Changes whenever listing data changes; caches of derived data key on it.
    std::uint64_t generation() const { return m_generation.load(std::memory_order_acquire); }
    // Called after every write (today: the demo import).
    void noteDataChanged() { m_generation.fetch_add(1, std::memory_order_acq_rel); }

private:
    ListingRepository& m_repository;
    std::atomic<std::uint64_t> m_generation{1};
};

// Trims and collapses runs of whitespace, so "  camry   2.5 " and "camry 2.5" are one
// search (and one cache entry).
std::string normalizeSearchText(std::string_view text);

} // namespace dongelek::server
