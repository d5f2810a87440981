// Pages are written as plain strings with every database value escaped on the way in
// (markup.hpp); the words come from locales/<lang>.json ("page." keys and the app's own
// labels), numbers and counts from core/text_format, so a page says what the app says.
//
// [SECTION] Addresses and shared head tags
// [SECTION] Listing page
// [SECTION] Search page
// [SECTION] Not found

#include "server/features/pages/page_renderer.hpp"

#include "server/features/media/photo_urls.hpp"
#include "server/features/pages/markup.hpp"

#include "core/listing_query.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"

#include <algorithm>

namespace dongelek::server::pages {

namespace {

constexpr std::size_t kDescriptionChars = 160; // what search engines show of a description
constexpr int kLargeWidth = 960, kLargeHeight = 720;

// [SECTION] Addresses and shared head tags

std::string absoluteUrl(const PageContext& ctx, std::string_view relative)
{
    return ctx.origin + std::string(relative);
}

std::string urlIn(const PageContext& ctx, std::string_view lang, std::string_view path, std::string_view query)
{
    std::string url(path);
    std::string q(query);
    if (lang != ctx.locales->defaultLanguage()) q += (q.empty() ? "lang=" : "&lang=") + std::string(lang);
    if (!q.empty()) url += "?" + q;
    return url;
}

void meta(std::string& out, std::string_view attr, std::string_view name, std::string_view content)
{
    out += "<meta ";
    out += attr;
    out += "=\"";
    out += name;
    out += "\" content=\"";
    appendHtml(out, content);
    out += "\">\n";
}

void link(std::string& out, std::string_view rel, std::string_view href, std::string_view hreflang = {})
{
    out += "<link rel=\"";
    out += rel;
    out += '"';
    if (!hreflang.empty()) {
        out += " hreflang=\"";
        out += hreflang;
        out += '"';
    }
    out += " href=\"";
    appendHtml(out, href);
    out += "\">\n";
}

// Canonical (this language's own address) and one alternate per language plus x-default.
void addressLinks(std::string& out, const PageContext& ctx, std::string_view path, std::string_view query)
{
    link(out, "canonical", absoluteUrl(ctx, urlIn(ctx, ctx.lang, path, query)));
    for (const std::string& code : ctx.locales->languages())
        link(out, "alternate", absoluteUrl(ctx, urlIn(ctx, code, path, query)), code);
    link(out, "alternate", absoluteUrl(ctx, urlIn(ctx, ctx.locales->defaultLanguage(), path, query)), "x-default");
}

struct Social {
    std::string type;        // og:type
    std::string title;       // without the site name
    std::string description;
    std::string url;         // absolute
    std::string image;       // absolute; empty when the page has no photo
    std::string imageAlt;
};

void socialTags(std::string& out, const PageContext& ctx, const Social& s)
{
    const Strings& str = ctx.strings();
    meta(out, "property", "og:site_name", str.get("app.name"));
    meta(out, "property", "og:type", s.type);
    meta(out, "property", "og:title", s.title);
    meta(out, "property", "og:description", s.description);
    meta(out, "property", "og:url", s.url);
    meta(out, "property", "og:locale", str.get("page.og_locale"));
    for (const std::string& code : ctx.locales->languages())
        if (code != ctx.lang) meta(out, "property", "og:locale:alternate", ctx.locales->strings(code).get("page.og_locale"));
    if (!s.image.empty()) {
        meta(out, "property", "og:image", s.image);
        meta(out, "property", "og:image:width", std::to_string(kLargeWidth));
        meta(out, "property", "og:image:height", std::to_string(kLargeHeight));
        meta(out, "property", "og:image:alt", s.imageAlt);
    }
    meta(out, "name", "twitter:card", s.image.empty() ? "summary" : "summary_large_image");
    meta(out, "name", "twitter:title", s.title);
    meta(out, "name", "twitter:description", s.description);
    if (!s.image.empty()) {
        meta(out, "name", "twitter:image", s.image);
        meta(out, "name", "twitter:image:alt", s.imageAlt);
    }
}

void jsonLd(std::string& out, const nlohmann::json& value)
{
    out += "<script type=\"application/ld+json\">";
    out += jsonForScript(value);
    out += "</script>\n";
}

std::string siteTitle(const Strings& s, std::string_view title)
{
    return s.format("page.site_title", {{"title", std::string(title)}});
}

// The header every page starts with: the site's name as a link home, in the page's language.
void siteHeader(std::string& out, const PageContext& ctx)
{
    out += "<header><a href=\"";
    appendHtml(out, localUrl(ctx, "/"));
    out += "\">";
    appendHtml(out, ctx.strings().get("app.name"));
    out += "</a></header>\n";
}

// A large photo URL from a thumbnail's ("/media/photos/7-thumb.jpg" -> "-large.jpg").
std::string largeFromThumb(std::string_view thumbUrl)
{
    if (thumbUrl.substr(0, kPhotoUrlPrefix.size()) != kPhotoUrlPrefix) return {};
    std::int64_t id = 0;
    PhotoSize size = PhotoSize::Thumb;
    if (!parsePhotoFileName(thumbUrl.substr(kPhotoUrlPrefix.size()), id, size)) return {};
    return photoUrl(id, PhotoSize::Large);
}

const MakeInfo* findMake(const CatalogView& c, std::int64_t id)
{
    if (!c.makes) return nullptr;
    for (const MakeInfo& m : *c.makes)
        if (m.id == id) return &m;
    return nullptr;
}

const MakeInfo* findMakeByName(const CatalogView& c, std::string_view name)
{
    if (!c.makes) return nullptr;
    for (const MakeInfo& m : *c.makes)
        if (m.name == name) return &m;
    return nullptr;
}

const ModelInfo* findModel(const CatalogView& c, std::int64_t id)
{
    if (!c.makes) return nullptr;
    for (const MakeInfo& m : *c.makes)
        for (const ModelInfo& model : m.models)
            if (model.id == id) return &model;
    return nullptr;
}

const City* findCity(const CatalogView& c, std::int64_t id)
{
    if (!c.cities) return nullptr;
    for (const City& city : *c.cities)
        if (city.id == id) return &city;
    return nullptr;
}

void definition(std::string& out, std::string_view term, std::string_view value)
{
    out += "<dt>";
    appendHtml(out, term);
    out += "</dt><dd>";
    appendHtml(out, value);
    out += "</dd>\n";
}

// Paragraphs at blank lines, line breaks kept inside them.
void paragraphs(std::string& out, std::string_view text)
{
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("\n\n", start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view para = text.substr(start, end - start);
        while (!para.empty() && (para.front() == '\n' || para.front() == '\r' || para.front() == ' '))
            para.remove_prefix(1);
        while (!para.empty() && (para.back() == '\n' || para.back() == '\r' || para.back() == ' '))
            para.remove_suffix(1);
        if (!para.empty()) {
            out += "<p>";
            std::size_t lineStart = 0;
            for (;;) {
                const std::size_t nl = para.find('\n', lineStart);
                appendHtml(out, para.substr(lineStart, nl == std::string_view::npos ? nl : nl - lineStart));
                if (nl == std::string_view::npos) break;
                out += "<br>";
                lineStart = nl + 1;
            }
            out += "</p>\n";
        }
        start = end + 2;
    }
}

std::string_view driveConfiguration(Drive d)
{
    switch (d) {
    case Drive::Fwd: return "https://schema.org/FrontWheelDriveConfiguration";
    case Drive::Rwd: return "https://schema.org/RearWheelDriveConfiguration";
    case Drive::Awd: return "https://schema.org/AllWheelDriveConfiguration";
    }
    return {};
}

} // namespace

std::string localUrl(const PageContext& ctx, std::string_view path, std::string_view query)
{
    return urlIn(ctx, ctx.lang, path, query);
}

std::string decimalPrice(const Money& price)
{
    const int digits = minorDigits(price.currency);
    std::int64_t scale = 1;
    for (int i = 0; i < digits; ++i)
        scale *= 10;
    const std::int64_t amount = price.amountMinor < 0 ? -price.amountMinor : price.amountMinor;
    std::string out = (price.amountMinor < 0 ? "-" : "") + std::to_string(amount / scale);
    std::string frac = std::to_string(amount % scale);
    frac.insert(0, static_cast<std::size_t>(digits) - frac.size(), '0');
    while (!frac.empty() && frac.back() == '0')
        frac.pop_back();
    if (!frac.empty()) out += "." + frac;
    return out;
}

// [SECTION] Listing page

nlohmann::json listingJsonLd(const ListingDetails& d, const PageContext& ctx)
{
    const Strings& s = ctx.strings();
    const ListingSummary& item = d.summary;
    const std::string url = absoluteUrl(ctx, localUrl(ctx, "/listing/" + std::to_string(item.id)));
    nlohmann::json car = {
        {"@context", "https://schema.org"},
        {"@type", "Car"},
        {"name", item.title},
        {"url", url},
        {"brand", {{"@type", "Brand"}, {"name", item.make}}},
        {"model", item.model},
        {"vehicleModelDate", std::to_string(item.year)},
        {"mileageFromOdometer", {{"@type", "QuantitativeValue"}, {"value", item.mileageKm}, {"unitCode", "KMT"}}},
        {"bodyType", label(s, item.body)},
        {"fuelType", label(s, item.fuel)},
        {"vehicleTransmission", label(s, item.transmission)},
        {"driveWheelConfiguration", driveConfiguration(d.drive)},
        {"itemCondition", item.mileageKm > 0 ? "https://schema.org/UsedCondition" : "https://schema.org/NewCondition"},
    };
    nlohmann::json engine = {{"@type", "EngineSpecification"}, {"fuelType", label(s, item.fuel)}};
    if (d.engineLitres > 0)
        engine["engineDisplacement"] = {{"@type", "QuantitativeValue"}, {"value", d.engineLitres}, {"unitCode", "LTR"}};
    if (d.powerHp > 0)
        engine["enginePower"] = {{"@type", "QuantitativeValue"}, {"value", d.powerHp}, {"unitCode", "BHP"}};
    car["vehicleEngine"] = engine;
    if (!d.color.empty()) car["color"] = d.color;
    if (!d.vin.empty()) car["vehicleIdentificationNumber"] = d.vin;
    if (!d.description.empty()) car["description"] = d.description;
    if (!d.photos.empty()) {
        nlohmann::json images = nlohmann::json::array();
        for (const Photo& p : d.photos)
            images.push_back(absoluteUrl(ctx, p.largeUrl));
        car["image"] = images;
    }
    const bool dealer = d.seller.kind == SellerKind::Dealer;
    nlohmann::json seller = {{"@type", dealer ? "AutoDealer" : "Person"}, {"name", d.seller.name}};
    if (!d.seller.city.empty())
        seller["address"] = {{"@type", "PostalAddress"},
                             {"addressLocality", d.seller.city},
                             {"addressCountry", std::string(toString(item.country))}};
    car["offers"] = {
        {"@type", "Offer"},
        {"price", nlohmann::json::parse(decimalPrice(item.price))},
        {"priceCurrency", std::string(toString(item.price.currency))},
        {"availability", "https://schema.org/InStock"},
        {"url", url},
        {"seller", seller},
    };
    return car;
}

PageParts renderListingPage(const ListingDetails& d, const CatalogView& catalog, const PageContext& ctx)
{
    const Strings& s = ctx.strings();
    const ListingSummary& item = d.summary;
    const std::string path = "/listing/" + std::to_string(item.id);
    const std::string price = formatPrice(s, item.price);
    const std::string year = std::to_string(item.year);
    const std::string mileage = formatKm(s, item.mileageKm);
    const std::string city = cityName(s, item.city);

    PageParts parts;
    parts.lang = ctx.lang;
    const std::string heading = s.format("page.listing.title", {{"title", item.title}, {"year", year}, {"price", price}});
    parts.title = html(siteTitle(s, heading));
    const std::string description = summarize(
        s.format("page.listing.description",
                 {{"year", year}, {"mileage", mileage}, {"city", city}, {"price", price}, {"text", d.description}}),
        kDescriptionChars);

    std::string& head = parts.head;
    head.reserve(4096);
    meta(head, "name", "description", description);
    addressLinks(head, ctx, path, {});
    Social social;
    social.type = "product";
    social.title = heading;
    social.description = description;
    social.url = absoluteUrl(ctx, localUrl(ctx, path));
    if (!d.photos.empty()) {
        social.image = absoluteUrl(ctx, d.photos.front().largeUrl);
        social.imageAlt = item.title;
    }
    socialTags(head, ctx, social);
    meta(head, "property", "product:price:amount", decimalPrice(item.price));
    meta(head, "property", "product:price:currency", toString(item.price.currency));
    jsonLd(head, listingJsonLd(d, ctx));

    std::string& out = parts.content;
    out.reserve(4096 + d.description.size() * 2);
    siteHeader(out, ctx);
    out += "<main>\n<article>\n<h1>";
    appendHtml(out, item.title);
    out += "</h1>\n<p>";
    appendHtml(out, s.get("browse.filters.price"));
    out += ": <strong>";
    appendHtml(out, price);
    out += "</strong></p>\n<p>";
    appendHtml(out, year + " \xC2\xB7 " + mileage + " \xC2\xB7 " + city);
    out += "</p>\n";
    // The badges the cards and the app's page show: what was checked about the car and its seller.
    std::vector<const char*> badges;
    if (item.vinVerified) badges.push_back("browse.badge.vin");
    if (item.sellerVerified) badges.push_back("browse.badge.verified_seller");
    if (item.sellerKind == SellerKind::Dealer) badges.push_back("browse.badge.dealer");
    if (item.hasSpin) badges.push_back("browse.badge.spin");
    if (!badges.empty()) {
        out += "<ul class=\"badges\">";
        for (const char* key : badges) {
            out += "<li>";
            appendHtml(out, s.get(key));
            out += "</li>";
        }
        out += "</ul>\n";
    }

    const std::string engine = formatEngine(s, d.engineLitres);
    const std::string none = "\xE2\x80\x94";
    out += "<section>\n<h2>";
    appendHtml(out, s.get("listing.specs.title"));
    out += "</h2>\n<dl>\n";
    definition(out, s.get("listing.specs.year"), year);
    definition(out, s.get("listing.specs.mileage"), mileage);
    definition(out, s.get("listing.specs.body"), label(s, item.body));
    definition(out, s.get("listing.specs.fuel"), label(s, item.fuel));
    definition(out, s.get("listing.specs.transmission"), label(s, item.transmission));
    definition(out, s.get("listing.specs.drive"), label(s, d.drive));
    definition(out, s.get("listing.specs.engine"), engine.empty() ? none : engine);
    definition(out, s.get("listing.specs.power"),
               d.powerHp > 0 ? s.format("format.hp", {{"count", std::to_string(d.powerHp)}}) : none);
    definition(out, s.get("listing.specs.color"), d.color.empty() ? none : colorName(s, d.color));
    definition(out, s.get("listing.specs.vin"), d.vin.empty() ? none : d.vin);
    definition(out, s.get("listing.specs.city"), city);
    out += "</dl>\n</section>\n";

    out += "<section>\n<h2>";
    appendHtml(out, s.get("listing.seller.title"));
    out += "</h2>\n<p><strong>";
    appendHtml(out, d.seller.name);
    out += "</strong> \xC2\xB7 ";
    appendHtml(out, label(s, d.seller.kind));
    if (!d.seller.city.empty()) {
        out += " \xC2\xB7 ";
        appendHtml(out, cityName(s, d.seller.city));
    }
    out += "</p>\n";
    if (const std::string since = formatSinceMonthYear(s, d.seller.memberSince); !since.empty()) {
        out += "<p>";
        appendHtml(out, s.format("listing.seller.member_since", {{"date", since}}));
        out += "</p>\n";
    }
    out += "</section>\n";

    out += "<section>\n<h2>";
    appendHtml(out, s.get("listing.description.title"));
    out += "</h2>\n";
    if (d.description.empty()) {
        out += "<p>";
        appendHtml(out, s.get("listing.description.none"));
        out += "</p>\n";
    } else {
        paragraphs(out, d.description);
    }
    out += "</section>\n";

    if (!d.photos.empty()) {
        const std::string count = std::to_string(d.photos.size());
        out += "<section>\n<h2>";
        appendHtml(out, formatCount(s, "page.listing.photos", static_cast<std::int64_t>(d.photos.size())));
        out += "</h2>\n";
        for (std::size_t i = 0; i < d.photos.size(); ++i) {
            out += "<img src=\"";
            appendHtml(out, d.photos[i].largeUrl);
            out += "\" alt=\"";
            appendHtml(out, item.title + " \xE2\x80\x94 " +
                                s.format("listing.photo_of", {{"index", std::to_string(i + 1)}, {"count", count}}));
            out += "\" width=\"" + std::to_string(kLargeWidth) + "\" height=\"" + std::to_string(kLargeHeight) +
                   "\" loading=\"lazy\" decoding=\"async\">\n";
        }
        out += "</section>\n";
    }
    out += "</article>\n</main>\n<nav>\n<ul>\n";
    if (const MakeInfo* make = findMakeByName(catalog, item.make)) {
        out += "<li><a href=\"";
        appendHtml(out, localUrl(ctx, "/", "make=" + std::to_string(make->id)));
        out += "\">";
        appendHtml(out, s.format("page.browse.heading_make", {{"make", make->name}}));
        out += "</a></li>\n";
    }
    out += "<li><a href=\"";
    appendHtml(out, localUrl(ctx, "/"));
    out += "\">";
    appendHtml(out, s.get("listing.browse_all"));
    out += "</a></li>\n</ul>\n</nav>\n";
    return parts;
}

// [SECTION] Search page

PageParts renderBrowsePage(const ListingFilter& filter, const ListingPage& page, const CatalogView& catalog,
                           const PageContext& ctx)
{
    const Strings& s = ctx.strings();
    // A heading names one make (and model); several at once read as a plain search.
    const MakeInfo* make = filter.makeIds.size() == 1 ? findMake(catalog, filter.makeIds.front()) : nullptr;
    const ModelInfo* model = filter.modelIds.size() == 1 ? findModel(catalog, filter.modelIds.front()) : nullptr;
    const City* city = filter.cityId ? findCity(catalog, *filter.cityId) : nullptr;

    // What the search is about: make and model, or the free text, then where.
    std::string heading;
    if (make && model)
        heading = s.format("page.browse.heading_model", {{"make", make->name}, {"model", model->name}});
    else if (make)
        heading = s.format("page.browse.heading_make", {{"make", make->name}});
    else if (!filter.query.empty())
        heading = s.format("page.browse.heading_query", {{"query", filter.query}});
    else
        heading = s.get("browse.total_unknown");
    if (city)
        heading = s.format("page.browse.heading_place", {{"heading", heading}, {"place", city->name}});
    else if (filter.country)
        heading = s.format("page.browse.heading_place", {{"heading", heading}, {"place", label(s, *filter.country)}});

    ListingFilter canonical = filter;
    const std::string query = toQueryString(canonical);
    const bool home = query.empty();
    const std::int64_t pages =
        std::min<std::int64_t>((page.total + page.pageSize - 1) / std::max(1, page.pageSize), 10'000);

    PageParts parts;
    parts.lang = ctx.lang;
    std::string title = home ? std::string(s.get("title.browse"))
                             : siteTitle(s, page.page > 1 ? s.format("page.browse.title_page",
                                                                     {{"heading", heading},
                                                                      {"page", std::to_string(page.page)}})
                                                          : heading);
    parts.title = html(title);
    const std::string total = formatCount(s, "browse.total", page.total);
    const std::string description =
        home ? std::string(s.get("page.site_description"))
             : summarize(s.format("page.browse.description", {{"total", total}, {"heading", heading}}),
                         kDescriptionChars);

    std::string& head = parts.head;
    meta(head, "name", "description", description);
    // Free-text results and empty pages are for people, not for an index; their links still count.
    if (!filter.query.empty() || page.items.empty() || filter.pageSize != ListingFilter{}.pageSize)
        meta(head, "name", "robots", "noindex, follow");
    addressLinks(head, ctx, "/", query);
    const auto pageQuery = [&](int n) {
        ListingFilter f = canonical;
        f.page = n;
        return toQueryString(f);
    };
    if (page.page > 1) link(head, "prev", absoluteUrl(ctx, localUrl(ctx, "/", pageQuery(page.page - 1))));
    if (page.page < pages) link(head, "next", absoluteUrl(ctx, localUrl(ctx, "/", pageQuery(page.page + 1))));
    Social social;
    social.type = "website";
    social.title = home ? std::string(s.get("title.browse")) : heading;
    social.description = description;
    social.url = absoluteUrl(ctx, localUrl(ctx, "/", query));
    if (!page.items.empty()) {
        const std::string large = largeFromThumb(page.items.front().thumbUrl);
        if (!large.empty()) {
            social.image = absoluteUrl(ctx, large);
            social.imageAlt = page.items.front().title;
        }
    }
    socialTags(head, ctx, social);
    if (home) {
        // The site's search, for search engines that offer it from their results.
        jsonLd(head, {{"@context", "https://schema.org"},
                      {"@type", "WebSite"},
                      {"name", s.get("app.name")},
                      {"url", absoluteUrl(ctx, localUrl(ctx, "/"))},
                      {"potentialAction",
                       {{"@type", "SearchAction"},
                        {"target", absoluteUrl(ctx, "/") + "?q={search_term_string}"},
                        {"query-input", "required name=search_term_string"}}}});
    }

    std::string& out = parts.content;
    out.reserve(8192);
    siteHeader(out, ctx);
    out += "<main>\n<h1>";
    appendHtml(out, heading);
    out += "</h1>\n<p>";
    appendHtml(out, total);
    out += "</p>\n";
    if (page.items.empty()) {
        out += "<p>";
        appendHtml(out, s.get("browse.empty.title"));
        out += "</p>\n<p><a href=\"";
        appendHtml(out, localUrl(ctx, "/"));
        out += "\">";
        appendHtml(out, s.get("listing.browse_all"));
        out += "</a></p>\n";
    } else {
        out += "<ol>\n";
        for (const ListingSummary& item : page.items) {
            out += "<li><a href=\"";
            appendHtml(out, localUrl(ctx, "/listing/" + std::to_string(item.id)));
            out += "\">";
            appendHtml(out, item.title);
            out += "</a> \xE2\x80\x94 <strong>";
            appendHtml(out, formatPrice(s, item.price));
            out += "</strong><br>";
            appendHtml(out, std::to_string(item.year) + " \xC2\xB7 " + formatKm(s, item.mileageKm) + " \xC2\xB7 " +
                                cityName(s, item.city));
            out += "</li>\n";
        }
        out += "</ol>\n";
    }
    if (pages > 1) {
        out += "<nav>\n";
        if (page.page > 1) {
            out += "<a rel=\"prev\" href=\"";
            appendHtml(out, localUrl(ctx, "/", pageQuery(page.page - 1)));
            out += "\">";
            appendHtml(out, s.get("browse.pager.prev"));
            out += "</a>\n";
        }
        out += "<span>";
        appendHtml(out, s.format("page.browse.page_of",
                                 {{"page", std::to_string(page.page)}, {"pages", std::to_string(pages)}}));
        out += "</span>\n";
        if (page.page < pages) {
            out += "<a rel=\"next\" href=\"";
            appendHtml(out, localUrl(ctx, "/", pageQuery(page.page + 1)));
            out += "\">";
            appendHtml(out, s.get("browse.pager.next"));
            out += "</a>\n";
        }
        out += "</nav>\n";
    }
    out += "</main>\n";
    if (home && catalog.makes) {
        // Every make with cars, so a crawler finds each make's search from the home page.
        out += "<nav>\n<h2>";
        appendHtml(out, s.get("page.browse.makes"));
        out += "</h2>\n<ul>\n";
        for (const MakeInfo& m : *catalog.makes) {
            if (m.count <= 0) continue;
            out += "<li><a href=\"";
            appendHtml(out, localUrl(ctx, "/", "make=" + std::to_string(m.id)));
            out += "\">";
            appendHtml(out, m.name);
            out += "</a> (";
            appendHtml(out, formatNumber(s, m.count));
            out += ")</li>\n";
        }
        out += "</ul>\n</nav>\n";
    }
    return parts;
}

// [SECTION] Not found

PageParts renderNotFoundPage(Missing what, const PageContext& ctx)
{
    const Strings& s = ctx.strings();
    const bool listing = what == Missing::Listing;
    PageParts parts;
    parts.lang = ctx.lang;
    parts.title = html(siteTitle(s, s.get(listing ? "errors.listing_not_found" : "page.not_found.title")));
    meta(parts.head, "name", "robots", "noindex");
    std::string& out = parts.content;
    siteHeader(out, ctx);
    out += "<main>\n<h1>";
    appendHtml(out, s.get(listing ? "errors.listing_not_found" : "errors.not_found"));
    out += "</h1>\n";
    if (listing) {
        out += "<p>";
        appendHtml(out, s.get("errors.hint.not_found"));
        out += "</p>\n";
    }
    out += "<p><a href=\"";
    appendHtml(out, localUrl(ctx, "/"));
    out += "\">";
    appendHtml(out, s.get("listing.browse_all"));
    out += "</a></p>\n</main>\n";
    return parts;
}

PageParts renderAccountPage(const PageContext& ctx)
{
    const Strings& s = ctx.strings();
    PageParts parts;
    parts.lang = ctx.lang;
    parts.title = html(siteTitle(s, s.get("page.account.title")));
    meta(parts.head, "name", "robots", "noindex");
    std::string& out = parts.content;
    siteHeader(out, ctx);
    out += "<main>\n<h1>";
    appendHtml(out, s.get("page.account.title"));
    out += "</h1>\n<p>";
    appendHtml(out, s.get("page.account.text"));
    out += "</p>\n</main>\n";
    return parts;
}

} // namespace dongelek::server::pages
