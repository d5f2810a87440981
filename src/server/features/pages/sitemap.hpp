// robots.txt and the sitemaps (sitemaps.org protocol 0.9): an index at /sitemap.xml naming
// files of at most 50,000 URLs each, the listings' files and one of search landing pages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dongelek::server::pages {

inline constexpr std::int64_t kSitemapMaxUrls = 50'000; // per file, the protocol's limit

struct SitemapEntry {
    std::string path;    // site-relative: "/listing/5", "/?make=3"
    std::string lastmod; // W3C datetime ("2024-11-12T08:30:00Z"), or empty
};

// "User-agent: *", "Allow: /" and the sitemap index's absolute URL.
std::string renderRobots(std::string_view origin);
// <sitemapindex> of `files` (site-relative paths with an optional lastmod each).
std::string renderSitemapIndex(std::string_view origin, const std::vector<SitemapEntry>& files);
// <urlset> of `urls`; the caller keeps it within kSitemapMaxUrls.
std::string renderUrlSet(std::string_view origin, const std::vector<SitemapEntry>& urls);

// The listings files are "listings-<n>.xml", n from 1; nullopt for any other name
// (and for "listings-0.xml" or "listings-01.xml": one spelling per file).
std::optional<std::int64_t> listingsSitemapNumber(std::string_view fileName);
std::string listingsSitemapName(std::int64_t number);
inline constexpr std::string_view kSearchSitemapName = "search.xml";
inline constexpr std::string_view kSitemapDir = "/sitemaps/";

} // namespace dongelek::server::pages
