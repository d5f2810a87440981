// Snapshots keep the per-request work small: the template is split once per file
// version, the catalog read once per data version; a listing page is one details read.

#include "server/features/pages/page_service.hpp"

#include "server/features/listings/listing_service.hpp"
#include "server/features/web/static_files.hpp"

#include <algorithm>

namespace dongelek::server::pages {

PageService::PageService(ListingService& listings, StaticFiles& web, PageLocales locales, DataVersion dataVersion)
    : m_listings(listings), m_web(web), m_locales(std::move(locales)), m_dataVersion(std::move(dataVersion))
{
}

PageContext PageService::context(std::string origin, const std::string& lang) const
{
    PageContext ctx;
    ctx.origin = std::move(origin);
    ctx.locales = &m_locales;
    ctx.lang = m_locales.pick(lang);
    return ctx;
}

std::shared_ptr<const TemplateVersion> PageService::pageTemplate()
{
    StaticResponse file = m_web.pageTemplate();
    if (file.status != 200 || !file.body) return nullptr;
    std::lock_guard lock(m_mutex);
    if (!m_template || m_template->tag != file.etag)
        m_template = std::make_shared<const TemplateVersion>(TemplateVersion{PageTemplate(*file.body), file.etag});
    return m_template;
}

void PageService::warm()
{
    pageTemplate();
    catalog();
}

std::shared_ptr<const PageService::Catalog> PageService::catalog(bool anyVersion)
{
    const std::uint64_t version = m_dataVersion ? m_dataVersion() : 0;
    {
        std::lock_guard lock(m_mutex);
        if (m_catalog && (anyVersion || m_catalog->version == version)) return m_catalog;
    }
    // Read outside the lock: two requests may both read after a write, which is harmless.
    auto fresh = std::make_shared<Catalog>();
    fresh->version = version;
    fresh->makes = m_listings.makes();
    fresh->cities = m_listings.cities();
    std::lock_guard lock(m_mutex);
    m_catalog = fresh;
    return fresh;
}

std::optional<PageParts> PageService::listing(std::int64_t id, const PageContext& ctx)
{
    const std::optional<ListingDetails> details = m_listings.details(id);
    if (!details) return std::nullopt;
    auto names = catalog(true);
    const auto hasMake = [&] {
        for (const MakeInfo& m : names->makes)
            if (m.name == details->summary.make) return true;
        return false;
    };
    if (!hasMake()) names = catalog(); // a make added since: read the catalog again
    return renderListingPage(*details, CatalogView{&names->makes, &names->cities}, ctx);
}

PageParts PageService::browse(ListingFilter filter, const PageContext& ctx)
{
    filter.query = normalizeSearchText(filter.query);
    const ListingPage page = m_listings.search(filter);
    const auto names = catalog();
    return renderBrowsePage(filter, page, CatalogView{&names->makes, &names->cities}, ctx);
}

std::string PageService::sitemapIndex(std::string_view origin)
{
    const std::int64_t total = m_listings.activeListingCount();
    std::vector<SitemapEntry> files;
    files.push_back(SitemapEntry{std::string(kSitemapDir) + std::string(kSearchSitemapName), {}});
    const std::int64_t count = (total + kSitemapMaxUrls - 1) / kSitemapMaxUrls;
    for (std::int64_t n = 1; n <= count; ++n) {
        // Oldest first, so a file's newest listing is its last row.
        const std::int64_t last = std::min(n * kSitemapMaxUrls, total) - 1;
        const std::vector<ListingStamp> newest = m_listings.activeListingStamps(last, 1);
        files.push_back(SitemapEntry{std::string(kSitemapDir) + listingsSitemapName(n),
                                     newest.empty() ? std::string() : newest.front().createdAt});
    }
    return renderSitemapIndex(origin, files);
}

std::optional<std::string> PageService::sitemapFile(std::string_view name, std::string_view origin)
{
    if (name == kSearchSitemapName) {
        // The landing pages of searches: home and every make that has cars.
        std::vector<SitemapEntry> urls{SitemapEntry{"/", {}}};
        const auto names = catalog();
        for (const MakeInfo& m : names->makes)
            if (m.count > 0) urls.push_back(SitemapEntry{"/?make=" + std::to_string(m.id), {}});
        return renderUrlSet(origin, urls);
    }
    const std::optional<std::int64_t> n = listingsSitemapNumber(name);
    if (!n) return std::nullopt;
    const std::vector<ListingStamp> stamps = m_listings.activeListingStamps((*n - 1) * kSitemapMaxUrls, kSitemapMaxUrls);
    if (stamps.empty() && *n > 1) return std::nullopt; // past the last file
    std::vector<SitemapEntry> urls;
    urls.reserve(stamps.size());
    for (const ListingStamp& s : stamps)
        urls.push_back(SitemapEntry{"/listing/" + std::to_string(s.id), s.createdAt});
    return renderUrlSet(origin, urls);
}

} // namespace dongelek::server::pages
