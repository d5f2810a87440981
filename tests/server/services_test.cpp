// Services without SQL or HTTP: the listing service returns domain values with photo URLs;
// the listing routes (through the real chain, no network) cache JSON by canonical query and
// data version; representations gzip, tag and revalidate; the LRU stays bounded.

#include "server/features/listings/listing_routes.hpp"
#include "server/features/listings/listing_service.hpp"
#include "server/http/chain.hpp"
#include "server/http/representations.hpp"
#include "server/http/response_cache.hpp"

#include "http_test_support.hpp"

#include "core/json_mapping.hpp"
#include "core/listing_query.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::server;

namespace {
// An in-memory repository: enough to exercise the services.
class FakeRepository final : public ListingRepository {
public:
    int searches = 0;
    ListingFilter lastFilter;

    SearchResult search(const ListingFilter& f, std::int64_t) override
    {
        ++searches;
        lastFilter = f;
        return {};
    }
    // The search index reads these: one listing, Toyota Camry in Almaty.
    std::vector<SearchDocument> searchDocuments() override
    {
        SearchDocument d;
        d.id = 5;
        d.makeId = 3;
        d.modelId = 30;
        d.cityId = 1;
        d.title = "Toyota Camry 2.5";
        d.createdAt = "2026-10-01T00:00:00Z";
        d.coverPhotoId = 41;
        d.photoCount = 2;
        d.description = "Один владелец";
        return {d};
    }
    SearchCatalog searchCatalog() override
    {
        return {{{3, "Toyota", "Тойота"}}, {{30, 3, "Camry", "Камри"}}, {{1, "Almaty", Country::KZ}}};
    }
    std::vector<std::pair<std::string, Money>> priceHistory(std::int64_t) override { return {}; }
    std::optional<DetailsRow> findListing(std::int64_t id) override
    {
        if (id != 5) return std::nullopt;
        DetailsRow d;
        d.details.summary.id = 5;
        d.details.seller.name = "Ерлан Сапаров";
        d.photoIds = {41, 42};
        return d;
    }
    std::vector<MakeInfo> makesWithCounts() override { return {}; }
    std::vector<City> citiesWithCounts() override { return {}; }
    std::int64_t countActiveListings() override { return 1; }
    std::vector<ListingStamp> activeListingStamps(std::int64_t offset, std::int64_t limit) override
    {
        if (offset > 0 || limit < 1) return {};
        return {ListingStamp{5, "2026-10-01T00:00:00Z"}};
    }
    std::int64_t countAllListings() override { return 1; }
    std::optional<PhotoSpec> findPhoto(std::int64_t) override { return std::nullopt; }
    std::unique_ptr<BulkWriter> beginBulkImport() override { return nullptr; }
    void optimize() override {}
};
} // namespace

TEST_CASE("the listing service builds photo URLs and normalizes the free text", "[server][services]")
{
    FakeRepository repo;
    SearchService search(repo, [] { return std::uint64_t{1}; }, [] { return std::int64_t{1793534400}; });
    search.refreshNow();
    ListingService service(repo, search);
    ListingFilter f;
    f.query = "  камри \t 2.5 ";
    const ListingPage page = service.search(f);
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].make == "Toyota");
    CHECK(page.items[0].thumbUrl == "/media/photos/41-thumb.jpg");

    const auto d = service.details(5);
    REQUIRE(d);
    REQUIRE(d->photos.size() == 2);
    CHECK(d->photos[1].largeUrl == "/media/photos/42-large.jpg");
    CHECK(d->summary.thumbUrl == "/media/photos/41-thumb.jpg");
    CHECK_FALSE(service.details(6));
}

TEST_CASE("the listing routes cache by canonical query and drop entries on a data change", "[server][services]")
{
    using dongelek::test::bodyOf;
    using dongelek::test::run;
    using dongelek::test::TestRequest;
    FakeRepository repo;
    std::uint64_t dataVersion = 1; // the storage layer's version (db::Database::dataVersion in main)
    SearchService search(repo, [&dataVersion] { return dataVersion; }, [] { return std::int64_t{1793534400}; });
    search.refreshNow();
    ListingService service(repo, search);
    LruResponseCache cache(100);
    JsonResponses json(&cache, [&dataVersion] { return dataVersion; });
    RouteTable routes;
    routes.add(listingRoutes(service, json));
    Chain chain(routes, ChainOptions{});

    const TestRequest a("GET", "/api/v1/listings?sort=price_asc&make=3&utm_source=x");
    const TestRequest b("GET", "/api/v1/listings?make=3&sort=price_asc&page=1");
    const Response first = run(chain, a);
    const Response second = run(chain, b);
    REQUIRE(first.body);
    CHECK(first.body.get() == second.body.get()); // same canonical query: one entry, shared bytes

    ListingPage parsed;
    REQUIRE(parseJson(bodyOf(first), parsed));
    CHECK(parsed.total == 1);

    ++dataVersion; // a write transaction committed
    search.refreshNow();
    const Response third = run(chain, a);
    CHECK(third.body.get() != first.body.get()); // a write makes the old entry unreachable

    // Unknown listings are not cached as bodies.
    CHECK(run(chain, TestRequest("GET", "/api/v1/listings/999")).status == 404);
    CHECK(run(chain, TestRequest("GET", "/api/v1/listings/5")).status == 200);

    // Without a cache every call reaches the service.
    JsonResponses uncachedJson(nullptr, [&dataVersion] { return dataVersion; });
    RouteTable uncachedRoutes;
    uncachedRoutes.add(listingRoutes(service, uncachedJson));
    Chain uncached(uncachedRoutes, ChainOptions{});
    const Response u1 = run(uncached, a);
    const Response u2 = run(uncached, a);
    CHECK(u1.body.get() != u2.body.get());
}

TEST_CASE("representations: gzip at 1 KB when accepted, a strong ETag per encoding, 304 on a match",
          "[server][services]")
{
    using dongelek::test::TestRequest;
    LruResponseCache cache(10);
    std::uint64_t version = 1;
    JsonResponses json(&cache, [&version] { return version; });
    std::vector<std::string> big(100, "a listing title");
    int produced = 0;
    const auto produce = [&] {
        ++produced;
        return big;
    };
    const auto respond = [&](const TestRequest& t) {
        server::Request req = t.build();
        return *json.cached(req, "big", produce);
    };
    const Response plain = respond(TestRequest("GET", "/x"));
    const Response gz = respond(TestRequest("GET", "/x", {{"Accept-Encoding", "gzip"}}));
    CHECK(plain.status == 200);
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(gz.header("Content-Encoding") == "gzip");
    CHECK(plain.header("Vary") == "Accept-Encoding");
    CHECK(plain.header("Cache-Control") == "no-cache");
    CHECK(plain.header("ETag") != gz.header("ETag"));
    CHECK(produced == 2); // one entry per encoding

    const Response again = respond(TestRequest("GET", "/x", {{"If-None-Match", std::string(plain.header("ETag"))}}));
    CHECK(again.status == 304);
    CHECK_FALSE(again.body);
    CHECK(again.header("ETag") == plain.header("ETag"));
    CHECK(produced == 2);

    version = 2; // the data changed: the key moves on
    respond(TestRequest("GET", "/x"));
    CHECK(produced == 3);

    const TestRequest smallRequest("GET", "/x", {{"Accept-Encoding", "gzip"}});
    server::Request small = smallRequest.build();
    CHECK(json.fresh(small, HealthReport{"ok", 1, "0.1.0"}).header("Content-Encoding").empty()); // under 1 KB
}

TEST_CASE("JSON bodies are gzipped only when asked and large enough", "[server][services]")
{
    CHECK_FALSE(makeBody("{}", true)->gzipped);
    CHECK(makeBody(std::string(2000, ' '), true)->gzipped);
    CHECK_FALSE(makeBody(std::string(2000, ' '), false)->gzipped);
    ApiError err{"invalid_parameter", "year_from", "year_from must be a whole number"};
    ApiError back;
    REQUIRE(parseJson(errorJson(err), back));
    CHECK(back.field == "year_from");
}

TEST_CASE("the response cache is a bounded LRU", "[server][services]")
{
    LruResponseCache cache(4, 1);
    const auto body = [](const char* s) { return std::make_shared<const CachedBody>(CachedBody{s, false, ""}); };
    cache.put("a", body("1"));
    cache.put("b", body("2"));
    cache.put("c", body("3"));
    cache.put("d", body("4"));
    REQUIRE(cache.find("a")); // touch: "b" is now the oldest
    cache.put("e", body("5"));
    CHECK(cache.size() == 4);
    CHECK_FALSE(cache.find("b"));
    CHECK(cache.find("a")->bytes == "1");
    CHECK(cache.find("e")->bytes == "5");

    LruResponseCache small(100, 1, 10);
    small.put("big", body("0123456789abc")); // larger than the whole budget: not kept
    CHECK_FALSE(small.find("big"));
    small.put("x", body("12345"));
    small.put("y", body("12345"));
    small.put("z", body("12345")); // over 10 bytes: the oldest goes
    CHECK_FALSE(small.find("x"));
    CHECK(small.bytes() == 10);

    LruResponseCache sharded(2000, 8);
    for (int i = 0; i < 5000; ++i)
        sharded.put("k" + std::to_string(i), body("x"));
    CHECK(sharded.size() <= sharded.capacity());
    CHECK(sharded.find("k4999"));
}
