// The API against the real dongelek-server process: filters narrow correctly, sorts
// and paging hold, details, catalog counts, photos, the static web app, the HTML pages,
// robots.txt and sitemaps (parsed back with libxml2), every bad
// input gets a JSON 4xx naming the field while the server stays up, every response type
// has the shape of its golden fixture, the chain's headers, and HTTP/1.1 pipelining.
//
// [SECTION] Helpers
// [SECTION] Listings
// [SECTION] Details, catalog, photos
// [SECTION] Static web app
// [SECTION] Pages, robots and sitemaps
// [SECTION] Bad input
// [SECTION] Wire format (golden fixtures)
// [SECTION] Headers on every response
// [SECTION] Pipelining and raw HTTP

#include "server_process.hpp"

#include "core/json_mapping.hpp"
#include "core/listing_query.hpp"
#include "core/money.hpp"

#include "gunzip.hpp"
#include "markup_doc.hpp"
#include "../fixtures/fixtures.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <set>

using namespace dongelek;
using dongelek::test::ServerOptions;
using dongelek::test::ServerProcess;

// [SECTION] Helpers

using dongelek::test::gunzip;
using dongelek::test::MarkupDoc;

namespace {

std::string lower(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

std::unique_ptr<httplib::Client> clientFor(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_url_encode(false); // the tests send exact bytes, escapes included
    c->set_decompress(false); // and look at the raw encoding
    c->set_read_timeout(20, 0);
    c->set_write_timeout(20, 0);
    return c;
}


template <typename T> T getJson(httplib::Client& c, const std::string& path)
{
    auto r = c.Get(path.c_str());
    INFO("GET " << path.substr(0, 200));
    REQUIRE(r);
    INFO(r->body.substr(0, 500));
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    T out;
    REQUIRE(parseJson(r->body, out));
    return out;
}

// Every page of a search, to check totals against the items themselves.
std::vector<ListingSummary> allPages(httplib::Client& c, const std::string& query, std::int64_t& total)
{
    std::vector<ListingSummary> items;
    for (int page = 1; page <= 10; ++page) {
        const auto p = getJson<ListingPage>(c, "/api/v1/listings?" + query + (query.empty() ? "" : "&") +
                                                   "page_size=100&page=" + std::to_string(page));
        total = p.total;
        items.insert(items.end(), p.items.begin(), p.items.end());
        if (p.items.size() < 100) break;
    }
    return items;
}

void expectError(httplib::Client& c, const std::string& method, const std::string& path, int status,
                 const std::string& code, const std::string& field)
{
    INFO(method << " " << path.substr(0, 120) << (path.size() > 120 ? "..." : ""));
    httplib::Result r = method == "POST"     ? c.Post(path.c_str(), "{}", "application/json")
                        : method == "DELETE" ? c.Delete(path.c_str())
                                             : c.Get(path.c_str());
    REQUIRE(r);
    INFO(r->body.substr(0, 300));
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
    ApiError e;
    REQUIRE(parseJson(r->body, e));
    CHECK(e.code == code);
    CHECK(e.field == field);
    CHECK_FALSE(e.message.empty());
}

void expectAlive(httplib::Client& c, const ServerProcess& s)
{
    auto r = c.Get("/api/v1/health");
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(s.alive());
}

} // namespace

// [SECTION] Listings

TEST_CASE("api: health reports the listing count and version", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    auto r = c->Get("/api/v1/health");
    REQUIRE(r);
    CHECK(r->status == 200);
    const auto j = nlohmann::json::parse(r->body);
    CHECK(j.at("status") == "ok");
    CHECK(j.at("listings") == 400);
    CHECK(j.at("version") == "0.1.0");
    CHECK(server.log().find("demo data: generated 400 listings") != std::string::npos);

    auto head = c->Head("/api/v1/health");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
}

TEST_CASE("api: the default search is the newest listings with thumbnails", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto page = getJson<ListingPage>(*c, "/api/v1/listings");
    CHECK(page.total == 400);
    CHECK(page.page == 1);
    CHECK(page.pageSize == 20);
    REQUIRE(page.items.size() == 20);
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const auto& it = page.items[i];
        CHECK(it.thumbUrl.rfind("/media/photos/", 0) == 0);
        CHECK(it.thumbUrl.find("-thumb.jpg") != std::string::npos);
        if (i > 0) {
            const auto& prev = page.items[i - 1];
            CHECK((prev.createdAt > it.createdAt || (prev.createdAt == it.createdAt && prev.id > it.id)));
        }
    }
}

TEST_CASE("api: every filter narrows the result and every item matches it", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto makes = getJson<std::vector<MakeInfo>>(*c, "/api/v1/makes");
    const auto cities = getJson<std::vector<City>>(*c, "/api/v1/cities");
    const MakeInfo& toyota =
        *std::find_if(makes.begin(), makes.end(), [](const MakeInfo& m) { return m.name == "Toyota"; });
    const ModelInfo& camry =
        *std::find_if(toyota.models.begin(), toyota.models.end(), [](const ModelInfo& m) { return m.name == "Camry"; });
    const City& almaty = *std::find_if(cities.begin(), cities.end(), [](const City& x) { return x.name == "Almaty"; });

    struct Case {
        std::string query;
        std::function<bool(const ListingSummary&)> ok;
    };
    const std::vector<Case> cases = {
        {"make=" + std::to_string(toyota.id), [](const ListingSummary& s) { return s.make == "Toyota"; }},
        {"model=" + std::to_string(camry.id), [](const ListingSummary& s) { return s.model == "Camry"; }},
        {"year_from=2018", [](const ListingSummary& s) { return s.year >= 2018; }},
        {"year_to=2012", [](const ListingSummary& s) { return s.year <= 2012; }},
        {"price_from=5000000&price_to=12000000",
         [](const ListingSummary& s) { return toKztWhole(s.price) >= 5'000'000 && toKztWhole(s.price) <= 12'000'000; }},
        {"price_to=5000&currency=BHD",
         [](const ListingSummary& s) { return toKztWhole(s.price) <= 5000 * kKztPerBhd; }},
        {"mileage_max=30000", [](const ListingSummary& s) { return s.mileageKm <= 30'000; }},
        {"body=suv", [](const ListingSummary& s) { return s.body == Body::Suv; }},
        {"fuel=diesel", [](const ListingSummary& s) { return s.fuel == Fuel::Diesel; }},
        {"transmission=manual", [](const ListingSummary& s) { return s.transmission == Transmission::Manual; }},
        {"city=" + std::to_string(almaty.id), [](const ListingSummary& s) { return s.city == "Almaty"; }},
        {"country=BH",
         [](const ListingSummary& s) { return s.country == Country::BH && s.price.currency == Currency::BHD; }},
        {"q=camry", [](const ListingSummary& s) { return s.model == "Camry"; }},
        {"q=%D0%BA%D0%B0%D0%BC%D1%80%D0%B8", [](const ListingSummary& s) { return s.model == "Camry"; }}, // камри
        {"make=" + std::to_string(toyota.id) + "&year_from=2015&body=sedan",
         [](const ListingSummary& s) { return s.make == "Toyota" && s.year >= 2015 && s.body == Body::Sedan; }},
    };
    for (const Case& k : cases) {
        INFO(k.query);
        std::int64_t total = 0;
        const auto items = allPages(*c, k.query, total);
        CHECK(total > 0);
        CHECK(total < 400);
        CHECK(static_cast<std::int64_t>(items.size()) == total);
        for (const auto& s : items)
            CHECK(k.ok(s));
    }
    // Counts from the catalog agree with the filters.
    std::int64_t total = 0;
    allPages(*c, "make=" + std::to_string(toyota.id), total);
    CHECK(total == toyota.count);
    allPages(*c, "city=" + std::to_string(almaty.id), total);
    CHECK(total == almaty.count);
}

TEST_CASE("api: sorts are ordered with a deterministic tiebreak", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto check = [&](const std::string& sort, auto before) {
        INFO(sort);
        std::int64_t total = 0;
        const auto items = allPages(*c, "sort=" + sort, total);
        REQUIRE(items.size() == 400);
        for (std::size_t i = 1; i < items.size(); ++i)
            CHECK(before(items[i - 1], items[i]));
    };
    check("price_asc", [](const ListingSummary& a, const ListingSummary& b) {
        return toKztWhole(a.price) < toKztWhole(b.price) || (toKztWhole(a.price) == toKztWhole(b.price) && a.id < b.id);
    });
    check("price_desc", [](const ListingSummary& a, const ListingSummary& b) {
        return toKztWhole(a.price) > toKztWhole(b.price) || (toKztWhole(a.price) == toKztWhole(b.price) && a.id > b.id);
    });
    check("mileage_asc", [](const ListingSummary& a, const ListingSummary& b) {
        return a.mileageKm < b.mileageKm || (a.mileageKm == b.mileageKm && a.id < b.id);
    });
    check("year_desc", [](const ListingSummary& a, const ListingSummary& b) {
        return a.year > b.year || (a.year == b.year && a.id > b.id);
    });
    check("newest", [](const ListingSummary& a, const ListingSummary& b) {
        return a.createdAt > b.createdAt || (a.createdAt == b.createdAt && a.id > b.id);
    });
}

TEST_CASE("api: paging covers every listing once, and past the end is empty with the total", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    std::set<std::int64_t> seen;
    for (int page = 1; page <= 14; ++page) {
        const auto p =
            getJson<ListingPage>(*c, "/api/v1/listings?sort=price_asc&page_size=30&page=" + std::to_string(page));
        CHECK(p.total == 400);
        CHECK(p.page == page);
        for (const auto& it : p.items)
            CHECK(seen.insert(it.id).second);
    }
    CHECK(seen.size() == 400);
    const auto beyond = getJson<ListingPage>(*c, "/api/v1/listings?page=500");
    CHECK(beyond.items.empty());
    CHECK(beyond.total == 400);
    CHECK(beyond.page == 500);
}

TEST_CASE("api: large JSON is gzipped for clients that accept it", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    auto plain = c->Get("/api/v1/listings");
    REQUIRE(plain);
    CHECK(plain->get_header_value("Content-Encoding").empty());
    auto gz = c->Get("/api/v1/listings", {{"Accept-Encoding", "gzip, deflate"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->get_header_value("Vary") == "Accept-Encoding");
    CHECK(gz->body.size() < plain->body.size());
    CHECK(gunzip(gz->body) == plain->body);
    // Small bodies stay plain even when gzip is accepted.
    auto health = c->Get("/api/v1/health", {{"Accept-Encoding", "gzip"}});
    REQUIRE(health);
    CHECK(health->get_header_value("Content-Encoding").empty());
}

TEST_CASE("api: ETags let clients revalidate JSON and web files with a 304", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    for (const char* path : {"/api/v1/listings?make=1", "/api/v1/makes", "/", "/app.3f2a9c1b.js"}) {
        INFO(path);
        auto first = c->Get(path);
        REQUIRE(first);
        REQUIRE(first->status == 200);
        const std::string tag = first->get_header_value("ETag");
        REQUIRE(tag.size() > 2);
        auto again = c->Get(path, {{"If-None-Match", tag}});
        REQUIRE(again);
        CHECK(again->status == 304);
        CHECK(again->body.empty());
        auto gz = c->Get(path, {{"Accept-Encoding", "gzip"}, {"If-None-Match", tag}});
        REQUIRE(gz);
        CHECK(gz->status == 200); // another representation, another tag
        CHECK(gz->get_header_value("ETag") != tag);
    }
}

TEST_CASE("api: the same results without the response cache", "[server][api]")
{
    ServerProcess cached;
    ServerProcess uncached(ServerOptions{400, false, false, {}});
    auto a = clientFor(cached);
    auto b = clientFor(uncached);
    for (const char* q :
         {"/api/v1/listings?make=1&year_from=2015&sort=price_asc", "/api/v1/makes", "/api/v1/listings/7"}) {
        INFO(q);
        auto ra = a->Get(q), rb = b->Get(q), ra2 = a->Get(q);
        REQUIRE(ra);
        REQUIRE(rb);
        REQUIRE(ra2);
        CHECK(ra->body == rb->body);
        CHECK(ra->body == ra2->body);
    }
    CHECK(uncached.log().find("response cache: off") != std::string::npos);
}

// [SECTION] Details, catalog, photos

TEST_CASE("api: details carry photos, seller and all specs", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto page = getJson<ListingPage>(*c, "/api/v1/listings?page_size=5");
    for (const auto& s : page.items) {
        const auto d = getJson<ListingDetails>(*c, "/api/v1/listings/" + std::to_string(s.id));
        CHECK(d.summary.id == s.id);
        CHECK(d.summary.title == s.title);
        CHECK(d.summary.price == s.price);
        CHECK(d.photos.size() >= 3);
        CHECK(d.photos.size() <= 6);
        CHECK(d.photos.front().thumbUrl == s.thumbUrl);
        CHECK(d.vin.size() == 17);
        CHECK_FALSE(d.description.empty());
        CHECK_FALSE(d.color.empty());
        CHECK(d.powerHp > 0);
        CHECK_FALSE(d.seller.name.empty());
        CHECK(d.seller.phone.empty()); // shown only through POST /listings/{id}/contact
        CHECK(d.seller.city == s.city);
        CHECK(d.seller.memberSince.size() == 10);
    }
}

TEST_CASE("api: makes and cities list counts that add up", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto makes = getJson<std::vector<MakeInfo>>(*c, "/api/v1/makes");
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < makes.size(); ++i) {
        std::int64_t models = 0;
        for (const auto& m : makes[i].models)
            models += m.count;
        CHECK(models == makes[i].count);
        CHECK_FALSE(makes[i].models.empty());
        sum += makes[i].count;
        if (i > 0) CHECK(lower(makes[i - 1].name) < lower(makes[i].name)); // case-insensitive order
    }
    CHECK(sum == 400);
    const auto cities = getJson<std::vector<City>>(*c, "/api/v1/cities");
    CHECK(cities.size() == 16);
    sum = 0;
    for (const auto& city : cities)
        sum += city.count;
    CHECK(sum == 400);
}

TEST_CASE("api: photos are JPEGs drawn once and cached for a year", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto d = getJson<ListingDetails>(*c, "/api/v1/listings/3");
    for (const std::string& url : {d.photos[0].thumbUrl, d.photos[1].largeUrl}) {
        INFO(url);
        auto r = c->Get(url.c_str());
        REQUIRE(r);
        REQUIRE(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == "image/jpeg");
        CHECK(r->get_header_value("Cache-Control") == "public, max-age=31536000, immutable");
        REQUIRE(r->body.size() > 2000);
        CHECK(static_cast<unsigned char>(r->body[0]) == 0xFF);
        CHECK(static_cast<unsigned char>(r->body[1]) == 0xD8);
        auto again = c->Get(url.c_str());
        REQUIRE(again);
        CHECK(again->body == r->body);
    }
    expectError(*c, "GET", "/media/photos/99999999-thumb.jpg", 404, "not_found", "path");
    expectError(*c, "GET", "/media/photos/1-huge.jpg", 404, "not_found", "path");
    expectError(*c, "GET", "/media/other/x.jpg", 404, "not_found", "path");
    expectAlive(*c, server);
}

TEST_CASE("api: a restart keeps the data and does not generate it again", "[server][api]")
{
    ServerProcess server(ServerOptions{50, false, true, {}});
    auto before = clientFor(server)->Get("/api/v1/listings/50");
    REQUIRE(before);
    server.restart();
    auto c = clientFor(server);
    auto after = c->Get("/api/v1/listings/50");
    REQUIRE(after);
    CHECK(after->body == before->body);
    CHECK(server.log().find("demo data: skipped, the database has 50 listings") != std::string::npos);
}

TEST_CASE("api: clients hanging up mid-download do not take the server down", "[server][api]")
{
    // A closed tab while photos stream: the server's next write hits a reset socket.
    ServerProcess server;
    auto c = clientFor(server);
    const auto d = getJson<ListingDetails>(*c, "/api/v1/listings/2");
    REQUIRE_FALSE(d.photos.empty());
    REQUIRE(c->Get(d.photos[0].largeUrl.c_str())); // drawn and stored, so later requests stream the file
    for (int i = 0; i < 40; ++i) {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(fd >= 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(server.port()));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        const std::string path = i % 2 ? d.photos[0].largeUrl : "/api/v1/listings?page_size=100";
        const std::string request = "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
        REQUIRE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size()));
        char first[64];
        (void)::recv(fd, first, sizeof first, 0); // the answer has started
        linger hardClose{1, 0};                    // close with a reset, as a killed tab does
        ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &hardClose, sizeof hardClose);
        ::close(fd);
    }
    expectAlive(*c, server);
}

// [SECTION] Static web app

TEST_CASE("api: the web app is served with types, caching, gzip and a page for every app address",
          "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    auto index = c->Get("/");
    REQUIRE(index);
    CHECK(index->status == 200);
    CHECK(index->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(index->get_header_value("Cache-Control") == "no-cache");
    CHECK(index->body.find("<canvas id=\"canvas\">") != std::string::npos);

    // Every app address gets the app's page (the app boots over it) with that address's own
    // text: a listing its title, the same with a trailing slash. Until the pages feature, each
    // of these was index.html itself with a 200, "/search" included; that is now a 404.
    const auto listing = getJson<ListingDetails>(*c, "/api/v1/listings/123");
    for (const char* route : {"/listing/123", "/listing/123/"}) {
        INFO(route);
        auto r = c->Get(route);
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == "text/html; charset=utf-8");
        CHECK(r->body.find("<canvas id=\"canvas\">") != std::string::npos);
        CHECK(r->body.find("<script src=\"app.3f2a9c1b.js\">") != std::string::npos);
        CHECK(r->body != index->body);
        CHECK(MarkupDoc::html(r->body).one("//div[@id='page-content']//h1") == listing.summary.title);
    }
    auto search = c->Get("/search");
    REQUIRE(search);
    CHECK(search->status == 404);
    CHECK(search->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(search->body.find("<canvas id=\"canvas\">") != std::string::npos);
    CHECK(MarkupDoc::html(search->body).one("//meta[@name='robots']/@content") == "noindex");

    const std::map<std::string, std::string> types = {{"/app.3f2a9c1b.js", "application/javascript"},
                                                      {"/app.3f2a9c1b.wasm", "application/wasm"},
                                                      {"/app.3f2a9c1b.data", "application/octet-stream"},
                                                      {"/fonts/NotoSans.ttf", "font/ttf"},
                                                      {"/icon.svg", "image/svg+xml"},
                                                      {"/locales/en.json", "application/json"}};
    for (const auto& [path, type] : types) {
        INFO(path);
        auto r = c->Get(path.c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
        CHECK(r->get_header_value("Content-Type") == type);
        const bool hashed = path.find("3f2a9c1b") != std::string::npos;
        CHECK(r->get_header_value("Cache-Control") == (hashed ? "public, max-age=31536000, immutable" : "no-cache"));
    }

    auto plain = c->Get("/app.3f2a9c1b.js");
    auto gz = c->Get("/app.3f2a9c1b.js", {{"Accept-Encoding", "gzip"}});
    REQUIRE(plain);
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->get_header_value("Vary") == "Accept-Encoding");
    CHECK(gz->body.size() < plain->body.size() / 2);
    CHECK(gunzip(gz->body) == plain->body);

    expectError(*c, "GET", "/missing.js", 404, "not_found", "path");
    expectError(*c, "POST", "/", 405, "method_not_allowed", "");
    auto etc = c->Get("//etc/passwd");
    REQUIRE(etc);
    CHECK(etc->body.find("root:") == std::string::npos); // only ever the web dir
    expectAlive(*c, server);
}

TEST_CASE("api: without a built web app, / answers 503 and the API still works", "[server][api]")
{
    ServerProcess server(ServerOptions{20, false, true, {}});
    auto c = clientFor(server);
    expectError(*c, "GET", "/", 503, "web_app_not_built", "");
    expectError(*c, "GET", "/listing/1", 503, "web_app_not_built", "");
    expectAlive(*c, server);
}

// [SECTION] Pages, robots and sitemaps

namespace {
// Status and content type of GET `path`.
void expectPage(httplib::Client& c, const std::string& path, int status, const std::string& type)
{
    INFO("GET " << path);
    auto r = c.Get(path.c_str());
    REQUIRE(r);
    CHECK(r->status == status);
    CHECK(r->get_header_value("Content-Type") == type);
    if (type.rfind("text/html", 0) == 0) {
        // The app boots over every page, 404s included.
        CHECK(r->body.find("<canvas id=\"canvas\">") != std::string::npos);
        CHECK(r->body.find("app.3f2a9c1b.js") != std::string::npos);
        CHECK(r->body.find("{{") == std::string::npos); // every placeholder filled
    }
}
const std::string kHtml = "text/html; charset=utf-8";
} // namespace

TEST_CASE("api: app addresses answer pages, unknown listings and paths a 404 page, files stay JSON 404s",
          "[server][api][pages]")
{
    ServerProcess server;
    auto c = clientFor(server);
    for (const char* ok : {"/", "/?make=1", "/?make=1&lang=ru", "/?year_from=abc", "/?q=%D0%BA%D0%B0%D0%BC", "/listing/1",
                           "/listing/1/", "/listing/400?lang=kk", "/listing/%32"})
        expectPage(*c, ok, 200, kHtml);
    for (const char* missing : {"/listing/987654", "/listing/401", "/listing/abc", "/listing/0", "/listing/-1",
                                "/listing/9007199254740992", "/listing", "/listing/", "/listing/1/photos", "/search",
                                "/a/b/c", "/cars", "/Listing/1"})
        expectPage(*c, missing, 404, kHtml);
    // A file that is not there is still a JSON 404, and the template is not a file.
    expectError(*c, "GET", "/missing.js", 404, "not_found", "path");
    expectError(*c, "GET", "/listing/1.json", 404, "not_found", "path");
    expectError(*c, "GET", "/fonts/none.ttf", 404, "not_found", "path");
    expectError(*c, "GET", "/sitemaps/nope.xml", 404, "not_found", "file");
    expectError(*c, "GET", "/sitemaps/listings-2.xml", 404, "not_found", "file");
    expectError(*c, "POST", "/listing/1", 405, "method_not_allowed", "");
    CHECK(c->Post("/listing/1", "{}", "application/json")->get_header_value("Allow") == "GET, HEAD");
    // /api and /media keep their own JSON answers, hints from the table included.
    expectError(*c, "GET", "/api/v1/listings/1/photos", 404, "not_found", "path");
    expectError(*c, "GET", "/api/v1", 404, "not_found", "path");
    expectError(*c, "GET", "/media/photos", 404, "not_found", "path");
    expectError(*c, "GET", "/media/nothing/here", 404, "not_found", "path");
    auto moved = c->Get("/index.html?make=3");
    REQUIRE(moved);
    CHECK(moved->status == 301);
    CHECK(moved->get_header_value("Location") == "/?make=3");

    // The not-found pages say which kind of nothing, with no canonical address.
    const auto gone = MarkupDoc::html(c->Get("/listing/987654")->body);
    CHECK(gone.one("//div[@id='page-content']//h1") == "Listing not found");
    CHECK(gone.count("//link[@rel='canonical']") == 0);
    CHECK(MarkupDoc::html(c->Get("/cars?lang=ru")->body).one("/html/@lang") == "ru");

    // HEAD, ETag/304 and gzip as for every representation.
    auto get = c->Get("/listing/7");
    auto head = c->Head("/listing/7");
    REQUIRE(get);
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(head->get_header_value("Content-Length") == std::to_string(get->body.size()));
    CHECK(c->Head("/listing/987654")->status == 404);
    const std::string tag = get->get_header_value("ETag");
    REQUIRE(tag.size() > 2);
    CHECK(c->Get("/listing/7", {{"If-None-Match", tag}})->status == 304);
    auto gz = c->Get("/listing/7", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gz);
    CHECK(gz->get_header_value("Content-Encoding") == "gzip");
    CHECK(gz->get_header_value("Vary") == "Accept-Encoding");
    CHECK(gunzip(gz->body) == get->body);
    CHECK(gz->body.size() < get->body.size() / 2);
    auto gz404 = c->Get("/nope", {{"Accept-Encoding", "gzip"}});
    REQUIRE(gz404);
    CHECK(gz404->status == 404);
    const bool zipped = gz404->get_header_value("Content-Encoding") == "gzip"; // from 1 KB on
    CHECK((zipped ? gunzip(gz404->body) : gz404->body).find("<canvas id=\"canvas\">") != std::string::npos);
    expectAlive(*c, server);
    CHECK(server.log().find("request failed") == std::string::npos);
}

TEST_CASE("api: a listing page shows the API's listing: title, description, Open Graph, JSON-LD, text",
          "[server][api][pages]")
{
    ServerProcess server(ServerOptions{400, true, true, {"--public-url", "https://dongelek.example/"}});
    auto c = clientFor(server);
    for (std::int64_t id : {1, 123, 399}) {
        INFO("listing " << id);
        const auto d = getJson<ListingDetails>(*c, "/api/v1/listings/" + std::to_string(id));
        auto r = c->Get(("/listing/" + std::to_string(id)).c_str(), {{"Host", "evil.example"}});
        REQUIRE(r);
        REQUIRE(r->status == 200);
        const auto doc = MarkupDoc::html(r->body);
        const std::string url = "https://dongelek.example/listing/" + std::to_string(id);
        CHECK(doc.one("/html/@lang") == "en");
        CHECK(doc.one("//title").find(d.summary.title + ", " + std::to_string(d.summary.year)) == 0);
        // The price in the page's language, as the app shows it: whole units, grouped with commas in English.
        std::string amount = std::to_string(d.summary.price.amountMinor / (d.summary.price.currency == Currency::BHD ? 1000 : 100));
        for (int at = static_cast<int>(amount.size()) - 3; at > 0; at -= 3) amount.insert(static_cast<std::size_t>(at), ",");
        CHECK(doc.one("//title").find(amount) != std::string::npos);
        CHECK(doc.one("//meta[@name='description']/@content").find(d.summary.city) != std::string::npos);
        CHECK(doc.one("//link[@rel='canonical']/@href") == url); // --public-url wins over Host
        CHECK(doc.one("//link[@hreflang='ru']/@href") == url + "?lang=ru");
        CHECK(doc.one("//link[@hreflang='x-default']/@href") == url);
        CHECK(doc.one("//meta[@property='og:url']/@content") == url);
        REQUIRE_FALSE(d.photos.empty());
        CHECK(doc.one("//meta[@property='og:image']/@content") == "https://dongelek.example" + d.photos[0].largeUrl);
        CHECK(doc.one("//meta[@name='twitter:card']/@content") == "summary_large_image");
        const auto ld = nlohmann::json::parse(doc.one("//script[@type='application/ld+json']"));
        CHECK(ld.at("@type") == "Car");
        CHECK(ld.at("name") == d.summary.title);
        CHECK(ld.at("offers").at("priceCurrency") == std::string(toString(d.summary.price.currency)));
        const double major = static_cast<double>(d.summary.price.amountMinor) /
                             (d.summary.price.currency == Currency::KZT ? 100.0 : 1000.0);
        CHECK(ld.at("offers").at("price").get<double>() == Approx(major));
        CHECK(ld.at("offers").at("seller").at("name") == d.seller.name);
        CHECK(ld.at("image").size() == d.photos.size());
        CHECK(doc.one("//div[@id='page-content']//h1") == d.summary.title);
        CHECK(doc.count("//div[@id='page-content']//img[@alt]") == d.photos.size());
        CHECK(doc.count("//dl/dt") == 11);
        // The photos the page names are served.
        auto photo = c->Get(d.photos[0].largeUrl.c_str());
        REQUIRE(photo);
        CHECK(photo->status == 200);
    }
}

TEST_CASE("api: pages take their origin from a sane Host header when no --public-url is set",
          "[server][api][pages]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto canonical = [&](const httplib::Headers& h) {
        auto r = c->Get("/listing/5?utm_source=x&lang=kk", h);
        REQUIRE(r);
        REQUIRE(r->status == 200);
        return MarkupDoc::html(r->body).one("//link[@rel='canonical']/@href");
    };
    CHECK(canonical({{"Host", "Cars.Example:8443"}}) == "http://cars.example:8443/listing/5?lang=kk");
    const std::string fallback = canonical({{"Host", "evil.example/\"><script>"}});
    CHECK(fallback == "http://127.0.0.1:" + std::to_string(server.port()) + "/listing/5?lang=kk");
    auto robots = c->Get("/robots.txt", {{"Host", "cars.example"}});
    REQUIRE(robots);
    CHECK(robots->status == 200);
    CHECK(robots->get_header_value("Content-Type") == "text/plain; charset=utf-8");
    CHECK(robots->body.find("User-agent: *\nAllow: /\n") != std::string::npos);
    CHECK(robots->body.find("Sitemap: http://cars.example/sitemap.xml\n") != std::string::npos);
}

namespace {
MarkupDoc getXml(httplib::Client& c, const std::string& path)
{
    INFO("GET " << path);
    auto r = c.Get(path.c_str(), {{"Host", "cars.example"}});
    REQUIRE(r);
    REQUIRE(r->status == 200);
    CHECK(r->get_header_value("Content-Type") == "application/xml; charset=utf-8");
    return MarkupDoc::xml(r->body); // throws unless well-formed
}
std::string sitePath(const std::string& loc)
{
    const std::string origin = "http://cars.example";
    REQUIRE(loc.rfind(origin + "/", 0) == 0); // absolute, on this site
    return loc.substr(origin.size());
}
} // namespace

TEST_CASE("api: the sitemap index names a search file and listing files that cover every active listing",
          "[server][api][pages]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const auto index = getXml(*c, "/sitemap.xml");
    const auto files = index.all("/sm:sitemapindex/sm:sitemap/sm:loc");
    REQUIRE(files.size() == 2); // 400 listings fit in one file
    CHECK(sitePath(files[0]) == "/sitemaps/search.xml");
    CHECK(sitePath(files[1]) == "/sitemaps/listings-1.xml");
    CHECK(index.all("//sm:sitemap/sm:lastmod").size() == 1);

    std::int64_t total = 0;
    std::set<std::int64_t> active;
    for (const auto& item : allPages(*c, "", total))
        active.insert(item.id);
    const auto listings = getXml(*c, "/sitemaps/listings-1.xml");
    std::set<std::int64_t> listed;
    for (const std::string& loc : listings.all("/sm:urlset/sm:url/sm:loc")) {
        const std::string path = sitePath(loc);
        REQUIRE(path.rfind("/listing/", 0) == 0);
        listed.insert(std::stoll(path.substr(9)));
    }
    CHECK(listed == active);
    CHECK(static_cast<std::int64_t>(listed.size()) == total);
    const auto lastmods = listings.all("/sm:urlset/sm:url/sm:lastmod");
    CHECK(lastmods.size() == listed.size());
    for (const std::string& m : lastmods) {
        INFO(m);
        CHECK(m.size() == 20); // W3C datetime in UTC: 2026-11-01T11:48:30Z
        CHECK(m[10] == 'T');
        CHECK(m.back() == 'Z');
    }
    CHECK(index.one("//sm:sitemap/sm:lastmod") == *std::max_element(lastmods.begin(), lastmods.end()));

    const auto makes = getJson<std::vector<MakeInfo>>(*c, "/api/v1/makes");
    std::set<std::string> expected{"/"};
    for (const MakeInfo& m : makes)
        if (m.count > 0) expected.insert("/?make=" + std::to_string(m.id));
    std::set<std::string> searches;
    for (const std::string& loc : getXml(*c, "/sitemaps/search.xml").all("/sm:urlset/sm:url/sm:loc"))
        searches.insert(sitePath(loc));
    CHECK(searches == expected);
    // Every URL a sitemap names is a page.
    for (const std::string& path : searches) {
        INFO(path);
        CHECK(c->Get(path.c_str())->status == 200);
    }
}

TEST_CASE("api: a sitemap file holds at most 50,000 URLs and the next file takes the rest", "[server][api][pages]")
{
    ServerProcess server(ServerOptions{50'003, true, true, {}});
    auto c = clientFor(server);
    const auto files = getXml(*c, "/sitemap.xml").all("//sm:sitemap/sm:loc");
    REQUIRE(files.size() == 3);
    CHECK(sitePath(files[1]) == "/sitemaps/listings-1.xml");
    CHECK(sitePath(files[2]) == "/sitemaps/listings-2.xml");
    const auto first = getXml(*c, "/sitemaps/listings-1.xml").all("//sm:url/sm:loc");
    const auto second = getXml(*c, "/sitemaps/listings-2.xml").all("//sm:url/sm:loc");
    CHECK(first.size() == 50'000);
    CHECK(second.size() == 3);
    std::set<std::string> all(first.begin(), first.end());
    all.insert(second.begin(), second.end());
    CHECK(all.size() == 50'003); // no listing twice
    expectError(*c, "GET", "/sitemaps/listings-3.xml", 404, "not_found", "file");
}

// [SECTION] Bad input

TEST_CASE("api: every bad input is a JSON 4xx naming the field, and the server survives", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    const std::string L = "/api/v1/listings";
    expectError(*c, "GET", L + "?year_from=abc", 400, "invalid_parameter", "year_from");
    expectError(*c, "GET", L + "?year_from=2020&year_to=2010", 400, "invalid_parameter", "year_to");
    expectError(*c, "GET", L + "?make=1.5", 400, "invalid_parameter", "make");
    expectError(*c, "GET", L + "?price_from=99999999999999999999999", 400, "invalid_parameter", "price_from");
    expectError(*c, "GET", L + "?sort=cheapest", 400, "invalid_parameter", "sort");
    expectError(*c, "GET", L + "?body=limousine", 400, "invalid_parameter", "body");
    expectError(*c, "GET", L + "?page=-1", 400, "invalid_parameter", "page");
    expectError(*c, "GET", L + "?page=1000000000000", 400, "invalid_parameter", "page");
    expectError(*c, "GET", L + "?page_size=0", 400, "invalid_parameter", "page_size");
    expectError(*c, "GET", L + "?page_size=101", 400, "invalid_parameter", "page_size");
    expectError(*c, "GET", L + "?q=%FF%FE", 400, "invalid_parameter", "q");
    expectError(*c, "GET", L + "?q=" + std::string(101, 'a'), 400, "invalid_parameter", "q");
    expectError(*c, "GET", L + "?make=1%ZZ", 400, "invalid_parameter", "make");
    expectError(*c, "GET", L + "?utm_source=%C0%AF", 400, "invalid_parameter", "utm_source");
    expectError(*c, "GET", L + "?make=1&q=" + std::string(10 << 20, 'a'), 414, "uri_too_long", "q");
    expectError(*c, "GET", "/" + std::string(3000, 'a'), 414, "uri_too_long", "path");
    expectError(*c, "GET", L + "/abc", 400, "invalid_parameter", "id");
    expectError(*c, "GET", L + "/-5", 400, "invalid_parameter", "id");
    expectError(*c, "GET", L + "/0", 400, "invalid_parameter", "id");
    expectError(*c, "GET", L + "/99999999999999999999999", 400, "invalid_parameter", "id");
    expectError(*c, "GET", L + "/9007199254740992", 400, "invalid_parameter", "id");
    expectError(*c, "GET", L + "/123456", 404, "not_found", "id");
    expectError(*c, "GET", "/api/v1/nope", 404, "not_found", "path");
    expectError(*c, "GET", "/api/v2/listings", 404, "not_found", "path");
    expectError(*c, "GET", "/api", 404, "not_found", "path");
    expectError(*c, "POST", L, 405, "method_not_allowed", "");
    expectError(*c, "DELETE", L + "/1", 405, "method_not_allowed", "");
    expectError(*c, "POST", "/api/v1/makes", 405, "method_not_allowed", "");
    expectError(*c, "GET", "/../../etc/passwd", 400, "invalid_parameter", "path");
    expectError(*c, "GET", "/%2e%2e/%2e%2e/etc/passwd", 400, "invalid_parameter", "path");
    expectError(*c, "GET", "/assets/..%2f..%2fetc%2fpasswd", 400, "invalid_parameter", "path");
    expectError(*c, "GET", "/%2e%2e%5c%2e%2e%5cwindows", 400, "invalid_parameter", "path");
    expectError(*c, "GET", "/media/photos/..%2f..%2fdb.sqlite", 404, "not_found", "path");
    expectError(*c, "GET", "/%FF%FE", 400, "invalid_parameter", "path");
    expectError(*c, "GET", "/x%0", 400, "invalid_parameter", "path");

    auto post = c->Post(L.c_str(), "{}", "application/json");
    REQUIRE(post);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");

    // FTS syntax and SQL in the free text: a normal (maybe empty) result, never a 500.
    for (const char* q : {"%22", "NEAR(", "*", "a%20OR%20b", "-camry", "title:x",
                          "%27%3B%20DROP%20TABLE%20listings%3B--", "%5E", "(((", "%22%22%22"}) {
        INFO(q);
        auto r = c->Get((L + "?q=" + q).c_str());
        REQUIRE(r);
        CHECK(r->status == 200);
    }
    expectAlive(*c, server);
    const auto health = nlohmann::json::parse(c->Get("/api/v1/health")->body);
    CHECK(health.at("listings") == 400);
    // Nothing the clients sent made it into a 500.
    CHECK(server.log().find("request failed") == std::string::npos);
}

// [SECTION] Wire format (golden fixtures)

namespace {
// The real body has the fixture's shape: same keys, same JSON types, recursively.
void expectShape(httplib::Client& c, const std::string& path, const std::string& fixture, int status = 200,
                 const std::string& method = "GET")
{
    INFO(method << " " << path << " against " << fixture);
    httplib::Result r = method == "POST" ? c.Post(path.c_str(), "", "application/json") : c.Get(path.c_str());
    REQUIRE(r);
    REQUIRE(r->status == status);
    const auto actual = nlohmann::json::parse(r->body);
    const auto differences = dongelek::test::shapeDifferences(dongelek::test::readFixture(fixture), actual);
    std::string all;
    for (const auto& d : differences)
        all += d + "\n";
    INFO(all);
    CHECK(differences.empty());
}
} // namespace

TEST_CASE("api: every response type has the shape of its golden fixture", "[server][api][fixtures]")
{
    ServerProcess server;
    auto c = clientFor(server);
    expectShape(*c, "/api/v1/health", "health.json");
    expectShape(*c, "/api/v1/listings", "listings_page.json");
    expectShape(*c, "/api/v1/listings?fuel=electric&page_size=100", "listings_page.json");
    expectShape(*c, "/api/v1/listings?page=500", "listings_page.json"); // no items
    const auto page = getJson<ListingPage>(*c, "/api/v1/listings?page_size=10");
    for (const auto& item : page.items)
        expectShape(*c, "/api/v1/listings/" + std::to_string(item.id), "listing_details.json");
    const auto electric = getJson<ListingPage>(*c, "/api/v1/listings?fuel=electric&page_size=1");
    REQUIRE_FALSE(electric.items.empty()); // engine_litres 0 must still be a JSON float
    expectShape(*c, "/api/v1/listings/" + std::to_string(electric.items[0].id), "listing_details.json");
    expectShape(*c, "/api/v1/makes", "makes.json");
    expectShape(*c, "/api/v1/cities", "cities.json");
    expectShape(*c, "/api/v1/search/suggest?q=toy", "search_suggestions.json");
    expectShape(*c, "/api/v1/listings?year_from=abc", "error.json", 400);
    expectShape(*c, "/api/v1/listings/123456", "error.json", 404);
    expectShape(*c, "/api/v1/listings", "error_without_field.json", 405, "POST");
}

TEST_CASE("api: unknown API paths list every API route, from the route table", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    auto r = c->Get("/api/v1/nope");
    REQUIRE(r);
    CHECK(r->status == 404);
    ApiError e;
    REQUIRE(parseJson(r->body, e));
    for (const char* route : {"/api/v1/health", "/api/v1/listings", "/api/v1/listings/{id}", "/api/v1/makes",
                              "/api/v1/cities"}) {
        INFO(route);
        CHECK(e.message.find(route) != std::string::npos);
    }
    CHECK(e.message.find("/media") == std::string::npos); // another namespace, other hints
}

// [SECTION] Headers on every response

TEST_CASE("api: every response has a request id, timing and security headers", "[server][api]")
{
    ServerProcess server;
    auto c = clientFor(server);
    // A listing with photos (a few demo listings have none).
    const auto withPhotos = getJson<ListingPage>(*c, "/api/v1/listings?photos=1&page_size=1");
    REQUIRE_FALSE(withPhotos.items.empty());
    const auto d = getJson<ListingDetails>(*c, "/api/v1/listings/" + std::to_string(withPhotos.items[0].id));
    REQUIRE_FALSE(d.photos.empty());
    const auto etag = c->Get("/api/v1/makes")->get_header_value("ETag");
    struct Probe {
        std::string path;
        httplib::Headers headers;
        int status;
    };
    const std::vector<Probe> probes = {
        {"/api/v1/listings?make=1", {}, 200},
        {"/api/v1/makes", {{"If-None-Match", etag}}, 304},
        {"/api/v1/listings/abc", {}, 400},
        {"/api/v1/nope", {}, 404},
        {"/", {}, 200},
        {"/app.3f2a9c1b.js", {{"Accept-Encoding", "gzip"}}, 200},
        {d.photos[0].thumbUrl, {}, 200}, // drawn on a render thread, answered later
        {d.photos[0].thumbUrl, {}, 200}, // sent from the file
        {"/api/v1/listings?q=" + std::string(10 << 20, 'a'), {}, 414},
    };
    for (const Probe& p : probes) {
        INFO(p.path.substr(0, 100));
        auto r = c->Get(p.path.c_str(), p.headers);
        REQUIRE(r);
        CHECK(r->status == p.status);
        CHECK_FALSE(r->get_header_value("X-Request-Id").empty());
        CHECK(r->get_header_value("Server-Timing").rfind("app;dur=", 0) == 0);
        CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
        CHECK(r->get_header_value("Referrer-Policy") == "strict-origin-when-cross-origin");
        CHECK(r->get_header_value("X-Frame-Options") == "DENY");
        CHECK(r->get_header_value("Content-Security-Policy").find("script-src 'self' 'wasm-unsafe-eval';") !=
              std::string::npos);
        CHECK(r->get_header_value("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    }
    auto mine = c->Get("/api/v1/health", {{"X-Request-Id", "trace-77"}});
    REQUIRE(mine);
    CHECK(mine->get_header_value("X-Request-Id") == "trace-77");
    auto odd = c->Get("/api/v1/health", {{"X-Request-Id", "<script>"}});
    REQUIRE(odd);
    CHECK(odd->get_header_value("X-Request-Id") != "<script>");
    expectAlive(*c, server);
}

// [SECTION] Pipelining and raw HTTP

namespace {
// A raw HTTP/1.1 connection: exact bytes out, responses parsed one by one as they come.
class RawConnection {
public:
    explicit RawConnection(int port)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        REQUIRE(m_fd >= 0);
        timeval tv{10, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<std::uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~RawConnection() { ::close(m_fd); }

    void setTimeout(std::chrono::milliseconds t)
    {
        timeval tv{static_cast<time_t>(t.count() / 1000), static_cast<suseconds_t>((t.count() % 1000) * 1000)};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }

    // One send() for all of it, as a pipelining client does.
    void send(const std::string& bytes)
    {
        std::size_t sent = 0;
        while (sent < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            REQUIRE(n > 0);
            sent += static_cast<std::size_t>(n);
        }
    }

    struct Reply {
        int status = 0;
        std::map<std::string, std::string> headers; // names in lower case
        std::string body;
    };
    // The next response; `head` when it answers a HEAD (a Content-Length but no body).
    // status 0 when the connection closed or timed out first.
    Reply next(bool head = false)
    {
        Reply r;
        std::size_t end;
        while ((end = m_buf.find("\r\n\r\n")) == std::string::npos)
            if (!fill()) return r;
        const std::string head_ = m_buf.substr(0, end);
        m_buf.erase(0, end + 4);
        std::size_t lineEnd = head_.find("\r\n");
        const std::string statusLine = head_.substr(0, lineEnd);
        r.status = std::stoi(statusLine.substr(9, 3));
        while (lineEnd != std::string::npos) {
            const std::size_t start = lineEnd + 2;
            lineEnd = head_.find("\r\n", start);
            const std::string line = head_.substr(start, lineEnd == std::string::npos ? std::string::npos : lineEnd - start);
            const auto colon = line.find(':');
            if (colon == std::string::npos) continue;
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ')
                value.erase(0, 1);
            r.headers[lower(line.substr(0, colon))] = value;
        }
        const std::size_t length = r.headers.count("content-length") ? std::stoul(r.headers["content-length"]) : 0;
        if (head) return r;
        while (m_buf.size() < length)
            if (!fill()) return Reply{};
        r.body = m_buf.substr(0, length);
        m_buf.erase(0, length);
        return r;
    }

private:
    bool fill()
    {
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        m_buf.append(chunk, static_cast<std::size_t>(n));
        return true;
    }
    int m_fd = -1;
    std::string m_buf;
};

std::string requestText(const std::string& method, const std::string& target, const std::string& id,
                        const std::string& body = {})
{
    std::string r = method + " " + target + " HTTP/1.1\r\nHost: test\r\nX-Request-Id: " + id + "\r\n";
    if (!body.empty() || method == "POST") r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}
} // namespace

TEST_CASE("api: 50 pipelined requests in one send() are all answered, in order", "[server][api][pipelining]")
{
    // RFC 9112 §9.3.2. RESTinio's default answered the first and dropped the connection.
    ServerProcess server;
    RawConnection conn(server.port());
    std::string burst;
    for (int i = 1; i <= 50; ++i)
        burst += requestText("GET", "/api/v1/listings/" + std::to_string(i), "pipe-" + std::to_string(i));
    conn.send(burst);
    for (int i = 1; i <= 50; ++i) {
        INFO("response " << i);
        const auto r = conn.next();
        REQUIRE(r.status == 200);
        CHECK(r.headers.at("x-request-id") == "pipe-" + std::to_string(i));
        ListingDetails d;
        REQUIRE(parseJson(r.body, d));
        CHECK(d.summary.id == i);
    }
    // The connection is still good for more.
    conn.send(requestText("GET", "/api/v1/health", "after"));
    const auto after = conn.next();
    CHECK(after.status == 200);
    CHECK(after.headers.at("x-request-id") == "after");
}

TEST_CASE("api: a pipeline deeper than the server's 128 request slots is still answered in order",
          "[server][api][pipelining]")
{
    // Past its slots RESTinio stops reading until answers are written, then reads on.
    ServerProcess server;
    RawConnection conn(server.port());
    std::string burst;
    for (int i = 1; i <= 300; ++i)
        burst += requestText("GET", "/api/v1/listings/" + std::to_string(i), "deep-" + std::to_string(i));
    conn.send(burst);
    for (int i = 1; i <= 300; ++i) {
        INFO("response " << i);
        const auto r = conn.next();
        REQUIRE(r.status == 200);
        REQUIRE(r.headers.at("x-request-id") == "deep-" + std::to_string(i));
    }
}

TEST_CASE("api: a pipelined mix of errors, HEAD, a photo drawn later and the web app keeps its order",
          "[server][api][pipelining]")
{
    ServerProcess server;
    const auto d = getJson<ListingDetails>(*clientFor(server), "/api/v1/listings/3");
    REQUIRE(d.photos.size() >= 2);
    struct Step {
        std::string method, target;
        int status;
    };
    const std::vector<Step> steps = {
        {"GET", "/api/v1/listings/3", 200},
        {"GET", "/api/v1/listings?year_from=abc", 400},
        {"HEAD", "/api/v1/health", 200},
        {"GET", d.photos[1].largeUrl, 200}, // not drawn yet: answered from a render thread
        {"GET", "/api/v1/nope", 404},
        {"POST", "/api/v1/listings", 405},
        {"HEAD", "/api/v1/makes", 200},
        {"GET", "/api/v1/makes", 200},
        {"GET", "/listing/3", 200},
        {"GET", "/api/v1/listings?page_size=100", 200},
    };
    for (int round = 0; round < 3; ++round) { // the photo is drawn in round 0 and a file after
        INFO("round " << round);
        RawConnection conn(server.port());
        std::string burst;
        for (std::size_t i = 0; i < steps.size(); ++i)
            burst += requestText(steps[i].method, steps[i].target, "mix-" + std::to_string(i));
        conn.send(burst);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            INFO(steps[i].method << " " << steps[i].target);
            const bool head = steps[i].method == "HEAD";
            const auto r = conn.next(head);
            REQUIRE(r.status == steps[i].status);
            CHECK(r.headers.at("x-request-id") == "mix-" + std::to_string(i));
            if (head) {
                CHECK(std::stoul(r.headers.at("content-length")) > 0);
            } else if (r.status >= 400) {
                ApiError e;
                CHECK(parseJson(r.body, e));
            }
        }
        conn.setTimeout(std::chrono::milliseconds(300));
        const auto extra = conn.next(); // nothing more was asked: nothing more comes
        CHECK(extra.status == 0);
        CHECK(server.alive());
    }
    // HEAD and GET of one resource agree on the length.
    auto c = clientFor(server);
    auto get = c->Get("/api/v1/makes");
    auto head = c->Head("/api/v1/makes");
    REQUIRE(get);
    REQUIRE(head);
    CHECK(head->get_header_value("Content-Length") == std::to_string(get->body.size()));
}

TEST_CASE("api: a request body over its route's limit gets a 413 naming it, and the connection goes on",
          "[server][api]")
{
    ServerProcess server;
    RawConnection conn(server.port());
    // Every route today is GET-only with limit 0: a GET with a body is refused, not ignored.
    conn.send(requestText("GET", "/api/v1/listings", "b-1", "hello") + requestText("GET", "/api/v1/health", "b-2"));
    auto r = conn.next();
    CHECK(r.status == 413);
    CHECK(r.headers.at("content-type") == "application/json; charset=utf-8");
    ApiError e;
    REQUIRE(parseJson(r.body, e));
    CHECK(e.code == "payload_too_large");
    CHECK(e.field == "body");
    CHECK(e.message.find("takes no request body") != std::string::npos);
    r = conn.next();
    CHECK(r.status == 200);
    CHECK(r.headers.at("x-request-id") == "b-2");
    // An empty body is no body.
    conn.send("GET /api/v1/health HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n");
    CHECK(conn.next().status == 200);
    expectAlive(*clientFor(server), server);
}
