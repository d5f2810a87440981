// Listing use cases. The repository returns photo ids; URLs are built here from the
// media URL scheme so storage stays unaware of how media is served.

#include "server/features/listings/listing_service.hpp"

#include "server/features/media/photo_urls.hpp"

namespace dongelek::server {

std::string normalizeSearchText(std::string_view text)
{
    std::string out;
    bool pendingSpace = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

ListingPage pageOf(SearchResult r, int page, int pageSize)
{
    ListingPage out;
    out.page = page;
    out.pageSize = pageSize;
    out.total = r.total;
    out.items.reserve(r.rows.size());
    for (SummaryRow& row : r.rows) {
        if (row.coverPhotoId != 0) row.summary.thumbUrl = photoUrl(row.coverPhotoId, PhotoSize::Thumb);
        out.items.push_back(std::move(row.summary));
    }
    return out;
}

ListingPage ListingService::search(const ListingFilter& filter)
{
    ListingFilter f = filter;
    f.query = normalizeSearchText(filter.query);
    return pageOf(m_search.search(f), f.page, f.pageSize);
}

std::optional<ListingDetails> ListingService::details(std::int64_t id)
{
    std::optional<DetailsRow> row = m_repository.findListing(id);
    if (!row) return std::nullopt;
    ListingDetails d = std::move(row->details);
    d.seller.phone.clear(); // shown only through the contact route, after its rate limit
    for (std::int64_t photoId : row->photoIds)
        d.photos.push_back(Photo{photoUrl(photoId, PhotoSize::Thumb), photoUrl(photoId, PhotoSize::Large)});
    if (!row->photoIds.empty()) d.summary.thumbUrl = photoUrl(row->photoIds.front(), PhotoSize::Thumb);
    return d;
}

std::vector<MakeInfo> ListingService::makes()
{
    return m_repository.makesWithCounts();
}
std::vector<City> ListingService::cities()
{
    return m_repository.citiesWithCounts();
}
std::int64_t ListingService::activeListingCount()
{
    // The search index holds exactly the active listings, and follows every write.
    return static_cast<std::int64_t>(m_search.index()->size());
}
std::vector<ListingStamp> ListingService::activeListingStamps(std::int64_t offset, std::int64_t limit)
{
    return m_repository.activeListingStamps(offset, limit);
}

} // namespace dongelek::server
