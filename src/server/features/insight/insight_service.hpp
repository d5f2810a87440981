// What the listing page shows beside the listing: the price insight (core/price_insight),
// similar cars and the seller's other listings, all from the search index; the price
// history from the repository.
#pragma once

#include "server/features/listings/listing_repository.hpp"
#include "server/features/search/search_service.hpp"

#include "core/model.hpp"

#include <optional>

namespace dongelek::server {

class InsightService {
public:
    static constexpr std::size_t kSimilarMax = 8;

    InsightService(ListingRepository& repository, SearchService& search) : m_repository(repository), m_search(search) {}

    // nullopt for a listing that is not active.
    std::optional<PriceInsight> insight(std::int64_t listingId);
    std::optional<ListingPage> similar(std::int64_t listingId);
    ListingPage sellerListings(std::int64_t sellerId, std::int64_t exceptListingId, int page, int pageSize);
    // "|s<version>" of the search snapshot these answers come from, for their cache keys (an
    // answer from the snapshot before a write must not be kept under the write's version).
    std::string snapshotKey() { return "|s" + std::to_string(m_search.snapshotVersion()); }

private:
    ListingRepository& m_repository;
    SearchService& m_search;
};

// Whole tenge on the common scale as a price in `currency`, rounded for display
// (10,000 ₸; 10 BHD).
Money roundedFromKzt(std::int64_t kztWhole, Currency currency);

} // namespace dongelek::server
