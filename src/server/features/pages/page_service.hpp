// The pages' use cases: the domain values each page needs (from ListingService, the same
// answers the API gives), rendered into the web app's template; robots.txt and sitemaps.
// No HTTP here: the routes pick language, origin, status and caching.
#pragma once

#include "server/features/pages/page_locales.hpp"
#include "server/features/pages/page_renderer.hpp"
#include "server/features/pages/page_template.hpp"
#include "server/features/pages/sitemap.hpp"

#include "core/model.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace dongelek::server {

class ListingService;
class StaticFiles;

namespace pages {

// One version of index.html, split at its placeholders.
struct TemplateVersion {
    PageTemplate page;
    std::string tag; // the file's "size-mtime": part of every cache key of a page
};

class PageService {
public:
    using DataVersion = std::function<std::uint64_t()>;

    // `dataVersion` tells when the catalog the pages name (makes, cities) must be read again.
    PageService(ListingService& listings, StaticFiles& web, PageLocales locales, DataVersion dataVersion);

    const PageLocales& locales() const { return m_locales; }
    PageContext context(std::string origin, const std::string& lang) const;

    // The template as it is now; null before the web app is built.
    std::shared_ptr<const TemplateVersion> pageTemplate();
    // Reads the catalog and the template once, so the first page does not pay for them.
    void warm();

    // Page parts; nullopt when there is no such listing.
    std::optional<PageParts> listing(std::int64_t id, const PageContext& ctx);
    // `filter` as BrowseRoute parsed it; its free text is normalized here as the API does.
    PageParts browse(ListingFilter filter, const PageContext& ctx);

    // The sitemap index: the search landing pages' file and one file per kSitemapMaxUrls
    // active listings, each with the newest created_at in it as lastmod.
    std::string sitemapIndex(std::string_view origin);
    // A file the index names ("listings-2.xml", "search.xml"); nullopt for any other name,
    // including a listings file past the last one.
    std::optional<std::string> sitemapFile(std::string_view name, std::string_view origin);

private:
    struct Catalog {
        std::uint64_t version = 0;
        std::vector<MakeInfo> makes;
        std::vector<City> cities;
    };
    // The catalog of the current data version; with `anyVersion`, whatever was read last
    // (names and ids, which a listing page needs, do not change with a new listing, while
    // the counts do), so a write costs a listing page nothing.
    std::shared_ptr<const Catalog> catalog(bool anyVersion = false);

    ListingService& m_listings;
    StaticFiles& m_web;
    PageLocales m_locales;
    DataVersion m_dataVersion;

    std::mutex m_mutex; // guards the two snapshots below
    std::shared_ptr<const TemplateVersion> m_template;
    std::shared_ptr<const Catalog> m_catalog;
};

} // namespace pages
} // namespace dongelek::server
