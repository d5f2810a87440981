// Price insight, similar cars, the seller's listings.

#include "server/features/insight/insight_service.hpp"

#include "server/features/listings/listing_service.hpp"

#include "core/money.hpp"
#include "core/price_insight.hpp"
#include "core/text_format.hpp"

#include <cmath>

namespace dongelek::server {

Money roundedFromKzt(std::int64_t kzt, Currency currency)
{
    if (currency == Currency::BHD) {
        const std::int64_t dinars = (kzt + kKztPerBhd * 5) / (kKztPerBhd * 10) * 10;
        return Money{dinars * 1000, Currency::BHD};
    }
    const std::int64_t tenge = (kzt + 5'000) / 10'000 * 10'000;
    return Money{tenge * 100, Currency::KZT};
}

std::optional<PriceInsight> InsightService::insight(std::int64_t id)
{
    const auto index = m_search.index();
    const auto facts = index->facts(id);
    const auto summary = index->summary(id);
    if (!facts || !summary) return std::nullopt;
    std::vector<PriceComparable> comps;
    for (const SearchIndex::Comparable& c : index->comparables(facts->modelId, facts->year, 2, facts->country, id))
        comps.push_back({c.year, c.mileageKm, c.priceKzt});
    const PriceEstimate e = estimatePrice(comps, facts->year, facts->mileageKm, facts->priceKzt);
    PriceInsight out;
    out.available = e.available;
    out.rating = e.rating;
    out.comparables = e.available ? e.comparables : static_cast<int>(comps.size());
    const Currency currency = summary->price.currency;
    if (e.available) {
        out.estimate = roundedFromKzt(e.estimateKzt, currency);
        out.low = roundedFromKzt(e.lowKzt, currency);
        out.high = roundedFromKzt(e.highKzt, currency);
    }
    for (auto& [at, price] : m_repository.priceHistory(id))
        out.history.push_back({at, price});
    if (!out.history.empty()) out.history.push_back({isoTimestamp(m_search.now()), summary->price});
    return out;
}

std::optional<ListingPage> InsightService::similar(std::int64_t id)
{
    const auto index = m_search.index();
    if (!index->facts(id)) return std::nullopt;
    return pageOf(index->similar(id, kSimilarMax), 1, static_cast<int>(kSimilarMax));
}

ListingPage InsightService::sellerListings(std::int64_t sellerId, std::int64_t except, int page, int pageSize)
{
    return pageOf(m_search.index()->bySeller(sellerId, except, page, pageSize), page, pageSize);
}

} // namespace dongelek::server
