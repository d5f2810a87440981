// The pages feature without a server: escaping (HTML, XML, JSON inside <script>) so database
// text can never become markup, descriptions cut at words, origins from settings and Host
// headers, the template's placeholders (the real index.html too), listing and search pages
// parsed back with libxml2, plurals from core, sitemaps, and the rendered-text cache.

#include "server/features/pages/markup.hpp"
#include "server/features/pages/page_locales.hpp"
#include "server/features/pages/page_renderer.hpp"
#include "server/features/pages/page_template.hpp"
#include "server/features/pages/site_origin.hpp"
#include "server/features/pages/sitemap.hpp"
#include "server/http/representations.hpp"
#include "server/http/response_cache.hpp"

#include "core/text_format.hpp"

#include "http_test_support.hpp"
#include "markup_doc.hpp"

#include "core/utf8.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::pages;
using dongelek::test::MarkupDoc;

namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The shipped locales, as the server loads them.
const PageLocales& shippedLocales()
{
    static const PageLocales locales = [] {
        std::string error;
        auto l = PageLocales::load(DONGELEK_LOCALES_DIR, error);
        INFO(error);
        REQUIRE(l);
        return *l;
    }();
    return locales;
}

PageContext contextIn(const std::string& lang)
{
    PageContext ctx;
    ctx.origin = "https://dongelek.example";
    ctx.locales = &shippedLocales();
    ctx.lang = shippedLocales().pick(lang);
    return ctx;
}

// A minimal template with every placeholder, as index.html has them.
const PageTemplate& miniTemplate()
{
    static const PageTemplate t("<!doctype html><html lang=\"{{LANG}}\"><head><meta charset=\"utf-8\">"
                                "<title>{{TITLE}}</title>{{HEAD}}</head><body><canvas id=\"canvas\"></canvas>"
                                "<div id=\"page-content\">{{CONTENT}}</div><script src=\"/app.js\"></script></body></html>");
    return t;
}

const std::string kHostile = "</script><script>alert(\"x\")</script><!-- & 'q' <b>";

ListingDetails sampleListing(const std::string& title = "Toyota Camry 2.5", const std::string& description = "")
{
    ListingDetails d;
    d.summary.id = 42;
    d.summary.title = title;
    d.summary.make = "Toyota";
    d.summary.model = "Camry";
    d.summary.year = 2018;
    d.summary.price = Money{1'250'000'000, Currency::KZT};
    d.summary.mileageKm = 85'000;
    d.summary.city = "Almaty";
    d.summary.country = Country::KZ;
    d.summary.body = Body::Sedan;
    d.summary.fuel = Fuel::Petrol;
    d.summary.transmission = Transmission::Automatic;
    d.drive = Drive::Fwd;
    d.engineLitres = 2.5;
    d.powerHp = 181;
    d.color = "white";
    d.vin = "JTNB11HK103000001";
    d.description = description.empty() ? "One owner, full service history.\n\nWinter tyres included." : description;
    d.photos = {Photo{"/media/photos/7-thumb.jpg", "/media/photos/7-large.jpg"},
                Photo{"/media/photos/8-thumb.jpg", "/media/photos/8-large.jpg"}};
    d.seller.name = "Ерлан Сапаров";
    d.seller.kind = SellerKind::Dealer;
    d.seller.city = "Almaty";
    d.seller.memberSince = "2019-03-01";
    return d;
}

std::vector<MakeInfo> sampleMakes()
{
    MakeInfo toyota{3, "Toyota", 120, {ModelInfo{31, "Camry", 40}, ModelInfo{32, "RAV4", 80}}};
    MakeInfo lada{9, "Lada", 0, {}};
    return {lada, toyota};
}

std::vector<City> sampleCities()
{
    return {City{1, "Almaty", Country::KZ, 90}, City{7, "Manama", Country::BH, 30}};
}

std::string page(const PageParts& parts)
{
    return miniTemplate().fill(parts);
}

} // namespace

// [SECTION] Escaping

TEST_CASE("HTML escaping: markup characters become entities, bad bytes U+FFFD, controls vanish", "[server][pages]")
{
    CHECK(html("Tom & Jerry <b>\"x\" 'y'</b>") == "Tom &amp; Jerry &lt;b&gt;&quot;x&quot; &#39;y&#39;&lt;/b&gt;");
    CHECK(html("Қостанай ₸ 🚗") == "Қостанай ₸ 🚗"); // UTF-8 passes unchanged
    CHECK(html("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(html("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");     // an overlong '/' is not a slash
    CHECK(html("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // a UTF-16 surrogate
    CHECK(html("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");     // cut in the middle of a letter
    CHECK(html(std::string("a\0b\x01\x1F\tc\nd", 10)) == "ab\tc\nd");
    std::string xml;
    appendXml(xml, "x\xEF\xBF\xBEy&");
    CHECK(xml == "xy&amp;");
    // Whatever the input, the output is valid UTF-8 without a raw '<'.
    for (const std::string& s : {std::string("\x80\x80<"), kHostile, std::string("\xF4\x90\x80\x80")}) {
        const std::string out = html(s);
        CHECK(utf8::isValid(out));
        CHECK(out.find('<') == std::string::npos);
    }
}

TEST_CASE("JSON inside <script> can never close the script, and still means the same", "[server][pages]")
{
    const nlohmann::json value = {{"name", kHostile}, {"line", "a\xE2\x80\xA8" "b"}, {"bad", "x\xFFy"}};
    const std::string out = jsonForScript(value);
    CHECK(out.find('<') == std::string::npos);
    CHECK(out.find('>') == std::string::npos);
    CHECK(out.find('&') == std::string::npos);
    CHECK(out.find("\xE2\x80\xA8") == std::string::npos);
    const auto back = nlohmann::json::parse(out);
    CHECK(back.at("name") == kHostile);
    CHECK(back.at("line") == "a\xE2\x80\xA8" "b");
    CHECK(back.at("bad") == "x\xEF\xBF\xBDy");
}

TEST_CASE("descriptions are cut at a word with an ellipsis, never inside a letter", "[server][pages]")
{
    CHECK(summarize("  short   text\n", 160) == "short text");
    const std::string longText = "Продам свой автомобиль в отличном состоянии, один хозяин, полная история обслуживания";
    const std::string cut = summarize(longText, 40);
    CHECK(utf8::isValid(cut));
    CHECK(utf8::length(cut) <= 40);
    CHECK(cut.size() > 3);
    CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
    CHECK(longText.find(cut.substr(0, cut.size() - 3)) == 0); // a prefix of the text, ending at a word
    CHECK(cut.substr(cut.size() - 4, 1) != " ");
    const std::string oneWord(300, 'x');
    CHECK(utf8::length(summarize(oneWord, 50)) == 50);
}

// [SECTION] Origins

TEST_CASE("a public URL takes a scheme and a host, and a Host header counts only when sane", "[server][pages]")
{
    std::string origin, message;
    CHECK(parsePublicUrl("https://Dongelek.KZ/", origin, message));
    CHECK(origin == "https://dongelek.kz");
    CHECK(parsePublicUrl("http://127.0.0.1:8080", origin, message));
    CHECK(origin == "http://127.0.0.1:8080");
    for (const char* bad : {"dongelek.kz", "ftp://x.kz", "https://", "https://x.kz/shop", "https://x.kz?a=1",
                            "https://user@x.kz", "https://x.kz:0", "https://x.kz:99999", "https://x kz",
                            "https://x.kz\"><script>"}) {
        INFO(bad);
        message.clear();
        CHECK_FALSE(parsePublicUrl(bad, origin, message));
        CHECK_FALSE(message.empty());
    }
    CHECK(originFromHost("LocalHost:8080") == std::optional<std::string>("http://localhost:8080"));
    CHECK(originFromHost("[::1]:9000") == std::optional<std::string>("http://[::1]:9000"));
    CHECK(originFromHost("dongelek.kz") == std::optional<std::string>("http://dongelek.kz"));
    for (const char* bad : {"", "evil.com/path", "a b", "x.kz:", "x.kz:70000", "\"x\"", "<x>", "x..kz", "user@x.kz",
                            "[::1", "-x.kz"}) {
        INFO(bad);
        CHECK_FALSE(originFromHost(bad));
    }
}

// [SECTION] Template

TEST_CASE("the template fills its four placeholders and leaves anything else alone", "[server][pages]")
{
    const PageTemplate t("<html lang=\"{{LANG}}\"><title>{{TITLE}}</title>{{HEAD}}{{OTHER}}<div>{{CONTENT}}</div>"
                         "{{TITLE}}</html>");
    CHECK(t.missingPlaceholders().empty());
    CHECK(t.fill(PageParts{"ru", "T", "<meta>", "<p>c</p>"}) ==
          "<html lang=\"ru\"><title>T</title><meta>{{OTHER}}<div><p>c</p></div>T</html>");
    const PageTemplate old("<html><body><canvas></canvas></body></html>");
    CHECK(old.missingPlaceholders() == std::vector<std::string>{"{{LANG}}", "{{TITLE}}", "{{HEAD}}", "{{CONTENT}}"});
    CHECK(old.fill(PageParts{"en", "T", "H", "C"}) == "<html><body><canvas></canvas></body></html>");
}

TEST_CASE("the repository's index.html has each placeholder once, in its place, and keeps its boot script",
          "[server][pages]")
{
    const std::string html = readFile(DONGELEK_INDEX_HTML);
    for (const char* token : {"{{LANG}}", "{{TITLE}}", "{{HEAD}}", "{{CONTENT}}"}) {
        INFO(token);
        const auto at = html.find(token);
        REQUIRE(at != std::string::npos);
        CHECK(html.find(token, at + 1) == std::string::npos);
    }
    CHECK(html.find("<html lang=\"{{LANG}}\">") != std::string::npos);
    CHECK(html.find("<title>{{TITLE}}</title>") != std::string::npos);
    CHECK(html.find("{{HEAD}}") < html.find("</head>"));
    // The page's text sits in one container after the canvas and the loading screen.
    const auto content = html.find("<div id=\"page-content\">");
    REQUIRE(content != std::string::npos);
    CHECK(html.find("{{CONTENT}}") > content);
    CHECK(content > html.find("<div id=\"loading\""));
    CHECK(content > html.find("<canvas id=\"canvas\""));
    // The file names stage_dist.cmake fills in, and the boot script's tag, are still there;
    // no inline script (the Content-Security-Policy forbids them).
    for (const char* kept : {"{{APP_JS}}", "{{APP_WASM}}", "{{APP_DATA}}", "{{NET_WORKER_JS}}", "<script src=\"/{{BOOT_JS}}\""}) {
        INFO(kept);
        CHECK(html.find(kept) != std::string::npos);
    }
    CHECK(html.find("<script>") == std::string::npos);
    const PageTemplate t(html);
    CHECK(t.missingPlaceholders().empty());
    const auto doc = MarkupDoc::html(t.fill(PageParts{"kk", "A &amp; B", "<meta name=\"description\" content=\"d\">",
                                                      "<h1>Hello</h1>"}));
    CHECK(doc.one("/html/@lang") == "kk");
    CHECK(doc.one("//title") == "A & B");
    CHECK(doc.one("//meta[@name='description']/@content") == "d");
    CHECK(doc.one("//div[@id='page-content']/h1") == "Hello");
}

// [SECTION] Listing page

TEST_CASE("a listing page carries its title, description, canonical, hreflang, Open Graph and Twitter tags",
          "[server][pages]")
{
    const auto makes = sampleMakes();
    const auto cities = sampleCities();
    const CatalogView catalog{&makes, &cities};
    const PageParts parts = renderListingPage(sampleListing(), catalog, contextIn("en"));
    const auto doc = MarkupDoc::html(page(parts));
    CHECK(doc.one("/html/@lang") == "en");
    const std::string title = doc.one("//title");
    CHECK(title.find("Toyota Camry 2.5") != std::string::npos);
    CHECK(title.find("2018") != std::string::npos);
    // The price as the app shows it in English (digits grouped with commas, the tenge sign).
    CHECK(title.find("12,500,000") != std::string::npos);
    CHECK(title.find(formatPrice(contextIn("en").strings(), sampleListing().summary.price)) != std::string::npos);
    const std::string description = doc.one("//meta[@name='description']/@content");
    for (const char* part : {"2018", "85,000 km", "Almaty", "One owner"}) {
        INFO(part);
        CHECK(description.find(part) != std::string::npos);
    }
    CHECK(utf8::length(description) <= 160);
    CHECK(doc.one("//link[@rel='canonical']/@href") == "https://dongelek.example/listing/42");
    CHECK(doc.one("//link[@hreflang='en']/@href") == "https://dongelek.example/listing/42");
    CHECK(doc.one("//link[@hreflang='ru']/@href") == "https://dongelek.example/listing/42?lang=ru");
    CHECK(doc.one("//link[@hreflang='kk']/@href") == "https://dongelek.example/listing/42?lang=kk");
    CHECK(doc.one("//link[@hreflang='x-default']/@href") == "https://dongelek.example/listing/42");
    CHECK(doc.one("//meta[@property='og:type']/@content") == "product");
    CHECK(doc.one("//meta[@property='og:url']/@content") == "https://dongelek.example/listing/42");
    CHECK(doc.one("//meta[@property='og:image']/@content") == "https://dongelek.example/media/photos/7-large.jpg");
    CHECK(doc.one("//meta[@property='og:locale']/@content") == "en_US");
    CHECK(doc.count("//meta[@property='og:locale:alternate']") == 2);
    CHECK(doc.one("//meta[@property='og:title']/@content").find("Toyota Camry 2.5") == 0);
    CHECK(doc.one("//meta[@name='twitter:card']/@content") == "summary_large_image");
    CHECK(doc.one("//meta[@name='twitter:image']/@content") == "https://dongelek.example/media/photos/7-large.jpg");
    CHECK(doc.one("//meta[@property='product:price:amount']/@content") == "12500000");

    // The screen's text, readable without JavaScript.
    CHECK(doc.one("//div[@id='page-content']//h1") == "Toyota Camry 2.5");
    const auto terms = doc.all("//dl/dt");
    const auto values = doc.all("//dl/dd");
    REQUIRE(terms.size() == values.size());
    CHECK(terms.size() == 11);
    CHECK(terms[1] == "Mileage");
    CHECK(values[1] == "85,000 km");
    CHECK(doc.count("//img[@alt]") == 2);
    CHECK(doc.one("(//img)[1]/@alt").find("Toyota Camry 2.5") == 0);
    CHECK(doc.count("//div[@id='page-content']//p") >= 4);
    CHECK(doc.all("//a/@href") == std::vector<std::string>{"/", "/?make=3", "/"});
}

TEST_CASE("a listing's JSON-LD is a schema.org Car with an Offer", "[server][pages]")
{
    const auto makes = sampleMakes();
    const PageParts parts = renderListingPage(sampleListing(), CatalogView{&makes, nullptr}, contextIn("ru"));
    const auto doc = MarkupDoc::html(page(parts));
    const auto scripts = doc.all("//script[@type='application/ld+json']");
    REQUIRE(scripts.size() == 1);
    const auto ld = nlohmann::json::parse(scripts[0]);
    CHECK(ld.at("@context") == "https://schema.org");
    CHECK(ld.at("@type") == "Car");
    CHECK(ld.at("name") == "Toyota Camry 2.5");
    CHECK(ld.at("brand").at("name") == "Toyota");
    CHECK(ld.at("vehicleModelDate") == "2018");
    CHECK(ld.at("mileageFromOdometer").at("value") == 85000);
    CHECK(ld.at("mileageFromOdometer").at("unitCode") == "KMT");
    CHECK(ld.at("bodyType") == "Седан"); // in the page's language
    CHECK(ld.at("vehicleEngine").at("engineDisplacement").at("value") == 2.5);
    CHECK(ld.at("image").size() == 2);
    const auto& offer = ld.at("offers");
    CHECK(offer.at("@type") == "Offer");
    CHECK(offer.at("price") == 12500000);
    CHECK(offer.at("priceCurrency") == "KZT");
    CHECK(offer.at("availability") == "https://schema.org/InStock");
    CHECK(offer.at("url") == "https://dongelek.example/listing/42?lang=ru");
    CHECK(offer.at("seller").at("@type") == "AutoDealer");
    CHECK(offer.at("seller").at("name") == "Ерлан Сапаров");
    CHECK(decimalPrice(Money{8'750'500, Currency::BHD}) == "8750.5");
    CHECK(decimalPrice(Money{1, Currency::BHD}) == "0.001");
    CHECK(decimalPrice(Money{1'250'000'000, Currency::KZT}) == "12500000");
}

TEST_CASE("database text in a listing page stays text: no element, no closed script, same words", "[server][pages]")
{
    const std::string title = kHostile + " Camry {year} {price}"; // placeholders in data stay text
    const PageParts parts = renderListingPage(sampleListing(title, kHostile + "\n" + kHostile), CatalogView{},
                                              contextIn("en"));
    const std::string text = page(parts);
    CHECK(text.find("<script>alert") == std::string::npos);
    CHECK(text.find("<b>") == std::string::npos);
    const auto doc = MarkupDoc::html(text);
    CHECK(doc.count("//script") == 2); // the JSON-LD and the template's own, nothing injected
    CHECK(doc.count("//b") == 0);
    CHECK(doc.one("//div[@id='page-content']//h1") == title);
    CHECK(doc.one("//meta[@property='og:image:alt']/@content") == title);
    CHECK(doc.one("//title").find(title) == 0);
    const auto ld = nlohmann::json::parse(doc.one("//script[@type='application/ld+json']"));
    CHECK(ld.at("name") == title);
    CHECK(ld.at("description") == kHostile + "\n" + kHostile);
}

TEST_CASE("pages speak the requested language, with plural forms from core", "[server][pages]")
{
    const auto ru = MarkupDoc::html(page(renderListingPage(sampleListing(), CatalogView{}, contextIn("ru"))));
    CHECK(ru.one("/html/@lang") == "ru");
    CHECK(ru.one("//link[@rel='canonical']/@href") == "https://dongelek.example/listing/42?lang=ru");
    CHECK(ru.one("//meta[@property='og:locale']/@content") == "ru_RU");
    CHECK(ru.one("(//dl/dt)[2]") == "Пробег");
    CHECK(ru.one("(//dl/dd)[2]") == "85\xC2\xA0" "000 км");
    CHECK(ru.one("//title").find("2018 г.") != std::string::npos);
    CHECK(ru.all("//a/@href").front() == "/?lang=ru");
    CHECK(ru.all("//h2").back() == "2 фотографии");
    const auto kk = MarkupDoc::html(page(renderListingPage(sampleListing(), CatalogView{}, contextIn("kk"))));
    CHECK(kk.one("/html/@lang") == "kk");
    CHECK(kk.one("(//dl/dt)[2]") == "Жүрісі");
    CHECK(kk.all("//h2").back() == "2 фото");
    // An unknown language is the default one.
    CHECK(MarkupDoc::html(page(renderListingPage(sampleListing(), CatalogView{}, contextIn("de")))).one("/html/@lang") ==
          "en");

    ListingDetails many = sampleListing();
    for (int i = 0; i < 3; ++i)
        many.photos.push_back(many.photos.front());
    CHECK(MarkupDoc::html(page(renderListingPage(many, CatalogView{}, contextIn("ru")))).all("//h2").back() ==
          "5 фотографий");
    many.photos.resize(1);
    CHECK(MarkupDoc::html(page(renderListingPage(many, CatalogView{}, contextIn("ru")))).all("//h2").back() ==
          "1 фотография");
    CHECK(MarkupDoc::html(page(renderListingPage(many, CatalogView{}, contextIn("en")))).all("//h2").back() ==
          "1 photo");
}

// [SECTION] Search pages

namespace {
ListingPage samplePage(int page, std::int64_t total)
{
    ListingPage p;
    p.page = page;
    p.total = total;
    for (int i = 0; i < 3 && total > 0; ++i) {
        ListingSummary s;
        s.id = 100 + i;
        s.title = i == 0 ? kHostile : "Toyota RAV4 2.0";
        s.year = 2020;
        s.price = Money{875'000, Currency::BHD};
        s.mileageKm = 12'000;
        s.city = "Manama";
        s.thumbUrl = "/media/photos/" + std::to_string(500 + i) + "-thumb.jpg";
        p.items.push_back(s);
    }
    return p;
}
} // namespace

TEST_CASE("a search page names its search and lists its results as links with a pager", "[server][pages]")
{
    const auto makes = sampleMakes();
    const auto cities = sampleCities();
    const CatalogView catalog{&makes, &cities};
    ListingFilter f;
    f.makeIds = {3};
    f.cityId = 7;
    f.page = 2;
    const auto doc = MarkupDoc::html(page(renderBrowsePage(f, samplePage(2, 95), catalog, contextIn("en"))));
    CHECK(doc.one("//h1") == "Toyota cars for sale in Manama");
    CHECK(doc.one("//title") == "Toyota cars for sale in Manama, page 2 | Dongelek");
    CHECK(doc.one("//meta[@name='description']/@content").find("95 cars") == 0);
    CHECK(doc.one("//link[@rel='canonical']/@href") == "https://dongelek.example/?make=3&city=7&page=2");
    CHECK(doc.one("//link[@hreflang='kk']/@href") == "https://dongelek.example/?make=3&city=7&page=2&lang=kk");
    CHECK(doc.one("//head/link[@rel='prev']/@href") == "https://dongelek.example/?make=3&city=7");
    CHECK(doc.one("//head/link[@rel='next']/@href") == "https://dongelek.example/?make=3&city=7&page=3");
    CHECK(doc.one("//meta[@property='og:image']/@content") == "https://dongelek.example/media/photos/500-large.jpg");
    CHECK(doc.count("//meta[@name='robots']") == 0);
    const auto links = doc.all("//ol/li/a/@href");
    CHECK(links == std::vector<std::string>{"/listing/100", "/listing/101", "/listing/102"});
    CHECK(doc.all("//ol/li/a")[0] == kHostile);
    CHECK(doc.all("//ol/li")[1].find("BD\xC2\xA0" "875") != std::string::npos);
    CHECK(doc.all("//ol/li")[1].find("12,000 km") != std::string::npos);
    CHECK(doc.one("//a[@rel='prev']/@href") == "/?make=3&city=7");
    CHECK(doc.one("//a[@rel='next']/@href") == "/?make=3&city=7&page=3");
    CHECK(doc.count("//script") == 1); // the template's own: nothing from the listings

    ListingFilter model;
    model.makeIds = {3};
    model.modelIds = {32};
    CHECK(MarkupDoc::html(page(renderBrowsePage(model, samplePage(1, 3), catalog, contextIn("ru")))).one("//h1") ==
          "Продажа Toyota RAV4");
}

TEST_CASE("the home page links every make with cars, and free text and empty pages are not indexed", "[server][pages]")
{
    const auto makes = sampleMakes();
    const CatalogView catalog{&makes, nullptr};
    const auto home = MarkupDoc::html(page(renderBrowsePage(ListingFilter{}, samplePage(1, 95), catalog, contextIn("kk"))));
    CHECK(home.one("//link[@rel='canonical']/@href") == "https://dongelek.example/?lang=kk");
    CHECK(home.one("//link[@hreflang='x-default']/@href") == "https://dongelek.example/");
    CHECK(home.all("//nav/ul/li/a/@href") == std::vector<std::string>{"/?make=3&lang=kk"}); // Lada has none
    CHECK(home.one("//h1") == "Сатылымдағы көліктер");
    const auto site = nlohmann::json::parse(home.one("//script[@type='application/ld+json']"));
    CHECK(site.at("@type") == "WebSite");

    ListingFilter q;
    q.query = "camry";
    const auto search = MarkupDoc::html(page(renderBrowsePage(q, samplePage(1, 3), catalog, contextIn("en"))));
    CHECK(search.one("//meta[@name='robots']/@content") == "noindex, follow");
    CHECK(search.one("//h1") == "\xE2\x80\x9C" "camry\xE2\x80\x9D: cars for sale");
    const auto empty = MarkupDoc::html(page(renderBrowsePage(ListingFilter{}, samplePage(1, 0), catalog, contextIn("en"))));
    CHECK(empty.one("//meta[@name='robots']/@content") == "noindex, follow");
    CHECK(empty.one("//main/p[2]") == "No cars match these filters");
}

TEST_CASE("not-found pages say so in the page's language and are never indexed", "[server][pages]")
{
    const auto listing = MarkupDoc::html(page(renderNotFoundPage(Missing::Listing, contextIn("ru"))));
    CHECK(listing.one("//h1") == "Объявление не найдено");
    CHECK(listing.one("//meta[@name='robots']/@content") == "noindex");
    CHECK(listing.count("//link[@rel='canonical']") == 0);
    CHECK(listing.one("//main//a/@href") == "/?lang=ru");
    const auto address = MarkupDoc::html(page(renderNotFoundPage(Missing::Address, contextIn("en"))));
    CHECK(address.one("//h1") == "Nothing was found at this address");
    CHECK(address.one("//title") == "Page not found | Dongelek");
    CHECK(address.count("//canvas") == 1); // the app still boots over it
}

// [SECTION] Locales, sitemaps, caching

TEST_CASE("page locales: the manifest's languages over the default one", "[server][pages]")
{
    std::string error;
    const auto l = PageLocales::fromJson(R"({"default":"en","languages":[{"code":"en"},{"code":"ru"},{"code":"xx"}]})",
                                         {{"en", R"({"a":"A","b":"B"})"}, {"ru", R"({"a":"А"})"}}, error);
    REQUIRE(l);
    CHECK(l->languages() == std::vector<std::string>{"en", "ru"}); // xx has no file
    CHECK(l->pick(std::string("ru")) == "ru");
    CHECK(l->pick(std::string("xx")) == "en");
    CHECK(l->pick(std::nullopt) == "en");
    CHECK(std::string(l->strings("ru").get("a")) == "А");
    CHECK(std::string(l->strings("ru").get("b")) == "B");
    CHECK_FALSE(PageLocales::fromJson(R"({"languages":[{"code":"ru"}]})", {{"ru", "{}"}}, error));
    CHECK_FALSE(PageLocales::load("/nonexistent", error));
    CHECK(error.find("manifest.json") != std::string::npos);
}

TEST_CASE("sitemaps: well-formed XML in the protocol's namespace, escaped, one spelling per file", "[server][pages]")
{
    const auto set = MarkupDoc::xml(
        renderUrlSet("https://d.example", {{"/listing/5", "2026-01-02T03:04:05Z"}, {"/?make=3&lang=ru", ""}}));
    CHECK(set.all("/sm:urlset/sm:url/sm:loc") ==
          std::vector<std::string>{"https://d.example/listing/5", "https://d.example/?make=3&lang=ru"});
    CHECK(set.all("//sm:lastmod") == std::vector<std::string>{"2026-01-02T03:04:05Z"});
    const auto index = MarkupDoc::xml(renderSitemapIndex("https://d.example", {{"/sitemaps/search.xml", ""}}));
    CHECK(index.one("/sm:sitemapindex/sm:sitemap/sm:loc") == "https://d.example/sitemaps/search.xml");
    CHECK(listingsSitemapNumber("listings-1.xml") == std::optional<std::int64_t>(1));
    CHECK(listingsSitemapNumber("listings-20.xml") == std::optional<std::int64_t>(20));
    for (const char* bad : {"listings-0.xml", "listings-01.xml", "listings-.xml", "listings-1.xml.gz", "listings-x.xml",
                            "listings-1234567890.xml", "search.xml"})
        CHECK_FALSE(listingsSitemapNumber(bad));
    CHECK(renderRobots("https://d.example").find("Sitemap: https://d.example/sitemap.xml\n") != std::string::npos);
}

TEST_CASE("rendered text is cached by data version and key, with ETags and 304s", "[server][pages]")
{
    using dongelek::test::TestRequest;
    LruResponseCache cache(10);
    std::uint64_t version = 1;
    RenderedResponses rendered(&cache, [&version] { return version; });
    int produced = 0;
    const auto produce = [&] {
        ++produced;
        return std::optional<std::string>(std::string(3000, 'p') + std::to_string(version));
    };
    const TestRequest plain("GET", "/");
    const Response a = *rendered.cached(plain.build(), "k", "text/html; charset=utf-8", produce);
    const Response b = *rendered.cached(plain.build(), "k", "text/html; charset=utf-8", produce);
    CHECK(produced == 1);
    CHECK(a.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(a.header("Cache-Control") == "no-cache");
    CHECK(a.header("ETag") == b.header("ETag"));
    const TestRequest revalidate("GET", "/", {{"If-None-Match", std::string(a.header("ETag"))}});
    CHECK(rendered.cached(revalidate.build(), "k", "text/html", produce)->status == 304);
    const TestRequest gz("GET", "/", {{"Accept-Encoding", "gzip"}});
    const Response zipped = *rendered.cached(gz.build(), "k", "text/html", produce);
    CHECK(zipped.header("Content-Encoding") == "gzip");
    CHECK(zipped.header("ETag") != a.header("ETag"));
    CHECK(produced == 2); // another encoding, another entry
    ++version;
    rendered.cached(plain.build(), "k", "text/html", produce);
    CHECK(produced == 3); // a write makes the old entries unreachable
    CHECK_FALSE(rendered.cached(plain.build(), "missing", "text/html", [] { return std::optional<std::string>(); }));
    const Response notFound = rendered.sendStatus(gz.build(), 404, std::string(2000, 'n'), "text/html");
    CHECK(notFound.status == 404);
    CHECK(notFound.header("Content-Encoding") == "gzip");
    CHECK(notFound.header("ETag").empty());
}

TEST_CASE("a listing page shows the badges its card has: VIN checked, verified seller, dealer, 360 degrees",
          "[server][pages]")
{
    ListingDetails plain = sampleListing();
    plain.summary.vinVerified = plain.summary.sellerVerified = plain.summary.hasSpin = false;
    plain.summary.sellerKind = SellerKind::Private;
    CHECK(MarkupDoc::html(page(renderListingPage(plain, CatalogView{}, contextIn("en")))).all("//ul[@class='badges']/li").empty());
    ListingDetails checked = plain;
    checked.summary.vinVerified = true;
    checked.summary.sellerVerified = true;
    checked.summary.hasSpin = true;
    const auto en = MarkupDoc::html(page(renderListingPage(checked, CatalogView{}, contextIn("en"))));
    CHECK(en.all("//ul[@class='badges']/li") == std::vector<std::string>{"VIN checked", "Verified seller", "360°"});
    const auto ru = MarkupDoc::html(page(renderListingPage(checked, CatalogView{}, contextIn("ru"))));
    CHECK(ru.all("//ul[@class='badges']/li").front() != "VIN checked");
}
