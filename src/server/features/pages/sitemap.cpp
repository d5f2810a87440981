// XML written directly: a fixed shape with escaped text (markup.hpp's XML escaping).

#include "server/features/pages/sitemap.hpp"

#include "server/features/pages/markup.hpp"

#include <charconv>

namespace dongelek::server::pages {

namespace {
constexpr std::string_view kXmlHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
constexpr std::string_view kNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

void entry(std::string& out, std::string_view element, std::string_view origin, const SitemapEntry& e)
{
    out += '<';
    out += element;
    out += "><loc>";
    appendXml(out, origin);
    appendXml(out, e.path);
    out += "</loc>";
    if (!e.lastmod.empty()) {
        out += "<lastmod>";
        appendXml(out, e.lastmod);
        out += "</lastmod>";
    }
    out += "</";
    out += element;
    out += ">\n";
}

std::string document(std::string_view root, std::string_view element, std::string_view origin,
                     const std::vector<SitemapEntry>& entries)
{
    std::string out;
    out.reserve(128 + entries.size() * (origin.size() + 72));
    out += kXmlHead;
    out += '<';
    out += root;
    out += " xmlns=\"";
    out += kNamespace;
    out += "\">\n";
    for (const SitemapEntry& e : entries)
        entry(out, element, origin, e);
    out += "</";
    out += root;
    out += ">\n";
    return out;
}
} // namespace

std::string renderRobots(std::string_view origin)
{
    return "# Every app page may be crawled; the sitemap index lists listings and searches.\n"
           "User-agent: *\nAllow: /\n\nSitemap: " +
           std::string(origin) + "/sitemap.xml\n";
}

std::string renderSitemapIndex(std::string_view origin, const std::vector<SitemapEntry>& files)
{
    return document("sitemapindex", "sitemap", origin, files);
}

std::string renderUrlSet(std::string_view origin, const std::vector<SitemapEntry>& urls)
{
    return document("urlset", "url", origin, urls);
}

std::optional<std::int64_t> listingsSitemapNumber(std::string_view name)
{
    constexpr std::string_view kPrefix = "listings-", kSuffix = ".xml";
    if (name.size() <= kPrefix.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
        name.substr(name.size() - kSuffix.size()) != kSuffix)
        return std::nullopt;
    const std::string_view digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
    if (digits.empty() || digits.size() > 9 || digits.front() == '0') return std::nullopt;
    std::int64_t n = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || ptr != digits.data() + digits.size() || n < 1) return std::nullopt;
    return n;
}

std::string listingsSitemapName(std::int64_t number)
{
    return "listings-" + std::to_string(number) + ".xml";
}

} // namespace dongelek::server::pages
