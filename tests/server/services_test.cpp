// Services without SQL or HTTP: the listing service turns photo ids into URLs, the JSON
// API caches by canonical query and data generation, the LRU stays bounded.

#include "server/http/json_api.hpp"
#include "server/features/listings/listing_service.hpp"
#include "server/http/response_cache.hpp"

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

    SearchResult search(const ListingFilter& f) override
    {
        ++searches;
        lastFilter = f;
        SearchResult r;
        r.total = 1;
        SummaryRow row;
        row.summary.id = 5;
        row.summary.title = "Toyota Camry 2.5";
        row.summary.createdAt = "2026-10-01T00:00:00Z";
        row.coverPhotoId = 41;
        r.rows.push_back(row);
        return r;
    }
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
    std::int64_t countAllListings() override { return 1; }
    std::optional<PhotoSpec> findPhoto(std::int64_t) override { return std::nullopt; }
    std::unique_ptr<BulkWriter> beginBulkImport() override { return nullptr; }
    void optimize() override {}
};
} // namespace

TEST_CASE("the listing service builds photo URLs and normalizes the free text", "[server][services]")
{
    FakeRepository repo;
    ListingService service(repo);
    ListingFilter f;
    f.query = "  camry \t 2.5 ";
    const ListingPage page = service.search(f);
    CHECK(repo.lastFilter.query == "camry 2.5");
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].thumbUrl == "/media/photos/41-thumb.jpg");

    const auto d = service.details(5);
    REQUIRE(d);
    REQUIRE(d->photos.size() == 2);
    CHECK(d->photos[1].largeUrl == "/media/photos/42-large.jpg");
    CHECK(d->summary.thumbUrl == "/media/photos/41-thumb.jpg");
    CHECK_FALSE(service.details(6));
}

TEST_CASE("the JSON API caches by canonical query and drops entries on a data change", "[server][services]")
{
    FakeRepository repo;
    ListingService service(repo);
    LruResponseCache cache(100);
    JsonApi api(service, &cache);

    ListingFilter a, b;
    FieldError e;
    REQUIRE(parseListingQuery("sort=price_asc&make=3&utm_source=x", a, e));
    REQUIRE(parseListingQuery("make=3&sort=price_asc&page=1", b, e));
    const BodyPtr first = api.listings(a, false);
    const BodyPtr second = api.listings(b, false);
    CHECK(first.get() == second.get()); // same canonical query: one entry
    CHECK(repo.searches == 1);

    ListingPage parsed;
    REQUIRE(parseJson(first->bytes, parsed));
    CHECK(parsed.total == 1);

    service.noteDataChanged();
    api.listings(a, false);
    CHECK(repo.searches == 2); // a write makes the old entry unreachable

    // Unknown listings are not cached as bodies.
    CHECK_FALSE(api.listing(999, false));
    CHECK(api.listing(5, false));

    // Without a cache every call reaches the service.
    JsonApi uncached(service, nullptr);
    uncached.listings(a, false);
    uncached.listings(a, false);
    CHECK(repo.searches == 4);
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
