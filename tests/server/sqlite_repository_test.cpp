// The SQLite repository against a brute-force model of the same demo rows: every filter
// and sort returns exactly what a scan would, free text can never break the SQL, the
// migrations are idempotent, and every sort is served by an index.

#include "server/demo/generator.hpp"
#include "server/schema/migrations.hpp"
#include "server/features/listings/sqlite_listing_repository.hpp"

#include "core/listing_query.hpp"
#include "core/money.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <unistd.h>

using namespace dongelek;
using namespace dongelek::server;
namespace fs = std::filesystem;

namespace {

std::string lower(std::string s)
{
    for (char& ch : s)
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

// Forwards rows to the real writer and keeps a copy for the brute-force model.
class TeeWriter final : public BulkWriter {
public:
    explicit TeeWriter(BulkWriter& inner) : m_inner(inner) {}
    std::vector<ListingRecord> listings;
    std::vector<ModelRecord> models;
    void addMake(const MakeRecord& r) override { m_inner.addMake(r); }
    void addModel(const ModelRecord& r) override
    {
        models.push_back(r);
        m_inner.addModel(r);
    }
    void addCity(const CityRecord& r) override { m_inner.addCity(r); }
    void addSeller(const SellerRecord& r) override { m_inner.addSeller(r); }
    void addListing(const ListingRecord& r) override
    {
        listings.push_back(r);
        m_inner.addListing(r);
    }
    void commit() override { m_inner.commit(); }

private:
    BulkWriter& m_inner;
};

struct Fixture {
    fs::path dir;
    std::unique_ptr<sqlite::SqliteListingRepository> repo;
    std::vector<ListingRecord> rows;
    std::vector<ModelRecord> models;

    Fixture()
    {
        dir = fs::temp_directory_path() / ("dk-repo-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
        fs::remove_all(dir);
        repo = std::make_unique<sqlite::SqliteListingRepository>((dir / "sub" / "db.sqlite").string());
        auto writer = repo->beginBulkImport();
        TeeWriter tee(*writer);
        demo::generateDemoData(tee, 42, 400);
        rows = tee.listings;
        models = tee.models;
        writer.reset();
        repo->optimize();
    }
    ~Fixture()
    {
        repo.reset();
        fs::remove_all(dir);
    }
};

bool matches(const ListingRecord& r, const ListingFilter& f)
{
    const std::int64_t kzt = toKztWhole(r.price);
    if (f.makeId && r.makeId != *f.makeId) return false;
    if (f.modelId && r.modelId != *f.modelId) return false;
    if (f.yearFrom && r.year < *f.yearFrom) return false;
    if (f.yearTo && r.year > *f.yearTo) return false;
    if (f.priceFrom && kzt < boundToKztWhole(*f.priceFrom, f.currency)) return false;
    if (f.priceTo && kzt > boundToKztWhole(*f.priceTo, f.currency)) return false;
    if (f.mileageMax && r.mileageKm > *f.mileageMax) return false;
    if (f.body && r.body != *f.body) return false;
    if (f.fuel && r.fuel != *f.fuel) return false;
    if (f.transmission && r.transmission != *f.transmission) return false;
    if (f.cityId && r.cityId != *f.cityId) return false;
    if (f.country && r.country != *f.country) return false;
    return true;
}

// The expected page: a scan, a sort with the id tiebreak, then the page slice.
std::vector<std::int64_t> expectedIds(const std::vector<ListingRecord>& rows, const ListingFilter& f,
                                      std::int64_t& total)
{
    std::vector<const ListingRecord*> hits;
    for (const auto& r : rows)
        if (matches(r, f)) hits.push_back(&r);
    total = static_cast<std::int64_t>(hits.size());
    const auto key = [&](const ListingRecord* r) -> std::pair<std::int64_t, std::string> {
        switch (f.sort) {
        case Sort::Newest:
            return {0, r->createdAt};
        case Sort::PriceAsc:
        case Sort::PriceDesc:
            return {toKztWhole(r->price), ""};
        case Sort::MileageAsc:
            return {r->mileageKm, ""};
        case Sort::YearDesc:
            return {r->year, ""};
        }
        return {0, ""};
    };
    const bool descending = f.sort == Sort::Newest || f.sort == Sort::PriceDesc || f.sort == Sort::YearDesc;
    std::sort(hits.begin(), hits.end(), [&](const ListingRecord* a, const ListingRecord* b) {
        const auto ka = std::make_pair(key(a), a->id), kb = std::make_pair(key(b), b->id);
        return descending ? kb < ka : ka < kb;
    });
    std::vector<std::int64_t> ids;
    const std::size_t start = static_cast<std::size_t>(f.page - 1) * static_cast<std::size_t>(f.pageSize);
    for (std::size_t i = start; i < hits.size() && i < start + static_cast<std::size_t>(f.pageSize); ++i)
        ids.push_back(hits[i]->id);
    return ids;
}

std::vector<std::int64_t> idsOf(const SearchResult& r)
{
    std::vector<std::int64_t> ids;
    for (const auto& row : r.rows)
        ids.push_back(row.summary.id);
    return ids;
}

} // namespace

TEST_CASE("every filter and sort returns what a full scan would", "[server][sqlite]")
{
    Fixture fx;
    std::vector<ListingFilter> filters;
    const auto add = [&](auto&& set) {
        ListingFilter f;
        set(f);
        filters.push_back(f);
    };
    add([](ListingFilter&) {});
    add([](ListingFilter& f) { f.makeId = 1; });
    add([](ListingFilter& f) {
        f.makeId = 1;
        f.yearFrom = 2015;
        f.sort = Sort::PriceAsc;
    });
    add([](ListingFilter& f) {
        f.modelId = 1;
        f.sort = Sort::YearDesc;
    });
    add([](ListingFilter& f) {
        f.yearFrom = 2018;
        f.yearTo = 2022;
        f.sort = Sort::MileageAsc;
    });
    add([](ListingFilter& f) {
        f.priceFrom = 5'000'000;
        f.priceTo = 15'000'000;
        f.sort = Sort::PriceDesc;
    });
    add([](ListingFilter& f) {
        f.priceFrom = 5'000;
        f.currency = Currency::BHD;
        f.sort = Sort::PriceAsc;
    });
    add([](ListingFilter& f) { f.mileageMax = 50'000; });
    add([](ListingFilter& f) {
        f.body = Body::Suv;
        f.sort = Sort::PriceAsc;
    });
    add([](ListingFilter& f) { f.fuel = Fuel::Diesel; });
    add([](ListingFilter& f) {
        f.transmission = Transmission::Manual;
        f.sort = Sort::YearDesc;
    });
    add([](ListingFilter& f) { f.cityId = 1; });
    add([](ListingFilter& f) {
        f.country = Country::BH;
        f.sort = Sort::MileageAsc;
    });
    add([](ListingFilter& f) {
        f.country = Country::KZ;
        f.page = 3;
        f.pageSize = 50;
    });
    add([](ListingFilter& f) { f.page = 100; }); // beyond the end

    for (const ListingFilter& f : filters) {
        std::int64_t expectedTotal = 0;
        const auto expected = expectedIds(fx.rows, f, expectedTotal);
        const SearchResult got = fx.repo->search(f);
        INFO("filter " << toQueryString(f));
        CHECK(got.total == expectedTotal);
        CHECK(idsOf(got) == expected);
        for (const auto& row : got.rows)
            CHECK(row.coverPhotoId > 0);
    }
}

TEST_CASE("free text: FTS syntax in user input never reaches SQL", "[server][sqlite]")
{
    CHECK(sqlite::buildFtsQuery("camry") == "\"camry\"*");
    CHECK(sqlite::buildFtsQuery("  camry   2.5 ") == "\"camry\"* \"2.5\"*");
    CHECK(sqlite::buildFtsQuery("a\"b") == "\"a\"\"b\"*");
    CHECK(sqlite::buildFtsQuery("- * ( ) ^") == "");
    CHECK(sqlite::buildFtsQuery("Тойота") == "\"Тойота\"*");
    CHECK(sqlite::buildFtsQuery("a X5") == "\"a\" \"X5\"*"); // no one-letter prefixes

    Fixture fx;
    for (const char* q : {"\"", "camry OR", "NEAR(a b)", "*", "title:camry", "a^b", "'; DROP TABLE listings; --",
                          "\"\"\"", ")", "AND", "-camry", "{title}: x", "camry\" OR \"x"}) {
        INFO(q);
        ListingFilter f;
        f.query = q;
        CHECK_NOTHROW(fx.repo->search(f));
    }
    CHECK(fx.repo->countAllListings() == 400);

    std::int64_t camrys = 0;
    for (const auto& r : fx.rows)
        camrys += r.title.find("Camry") != std::string::npos;
    REQUIRE(camrys > 0);
    for (const char* q : {"camry", "CAMRY", "Camr", "камри", "toyota camry"}) {
        INFO(q);
        ListingFilter f;
        f.query = q;
        f.pageSize = 100;
        const auto r = fx.repo->search(f);
        CHECK(r.total == camrys);
        for (const auto& row : r.rows)
            CHECK(row.summary.model == "Camry");
    }
    ListingFilter f;
    f.query = "-";
    CHECK(fx.repo->search(f).total == 0);
}

TEST_CASE("details, catalog counts and photo specs", "[server][sqlite]")
{
    Fixture fx;
    const auto d = fx.repo->findListing(1);
    REQUIRE(d);
    CHECK(d->details.summary.id == 1);
    CHECK(d->photoIds.size() == fx.rows[0].photos.size());
    CHECK(d->details.vin == fx.rows[0].vin);
    CHECK_FALSE(d->details.seller.name.empty());
    CHECK(d->details.seller.memberSince.size() == 10);
    CHECK_FALSE(fx.repo->findListing(100000));

    std::int64_t sum = 0;
    const auto makes = fx.repo->makesWithCounts();
    for (std::size_t i = 0; i < makes.size(); ++i) {
        std::int64_t models = 0;
        for (const auto& m : makes[i].models)
            models += m.count;
        CHECK(models == makes[i].count);
        sum += makes[i].count;
        if (i > 0) CHECK(lower(makes[i - 1].name) < lower(makes[i].name)); // case-insensitive order
    }
    CHECK(sum == 400);
    sum = 0;
    for (const auto& c : fx.repo->citiesWithCounts())
        sum += c.count;
    CHECK(sum == 400);

    const auto spec = fx.repo->findPhoto(d->photoIds[0]);
    REQUIRE(spec);
    CHECK(spec->listingId == 1);
    CHECK(spec->photo.kind == PhotoKind::Side);
    CHECK_FALSE(fx.repo->findPhoto(99'999'999));
}

TEST_CASE("migrations are versioned and idempotent on restart", "[server][sqlite]")
{
    const fs::path dir = fs::temp_directory_path() / ("dk-mig-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    const std::string path = (dir / "db.sqlite").string();
    {
        sqlite::SqliteListingRepository repo(path);
        CHECK(repo.schemaVersion() == static_cast<int>(sqlite::migrations().size()));
        auto w = repo.beginBulkImport();
        demo::generateDemoData(*w, 1, 20);
    }
    {
        sqlite::SqliteListingRepository again(path);
        CHECK(again.schemaVersion() == static_cast<int>(sqlite::migrations().size()));
        CHECK(again.countAllListings() == 20);
    }
    {
        sqlite::Connection c(path);
        sqlite::Statement& s = c.prepare("SELECT count(*) FROM schema_migrations");
        REQUIRE(s.step());
        CHECK(s.columnInt(0) == static_cast<int>(sqlite::migrations().size()));
        s.reset();
    }
    fs::remove_all(dir);
}

TEST_CASE("an import that is not committed leaves nothing behind", "[server][sqlite]")
{
    const fs::path dir = fs::temp_directory_path() / ("dk-rollback-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    sqlite::SqliteListingRepository repo((dir / "db.sqlite").string());
    {
        auto w = repo.beginBulkImport();
        w->addMake({1, "Toyota", ""});
    }
    CHECK(repo.makesWithCounts().empty());
    fs::remove_all(dir);
}

TEST_CASE("counts and page ids are answered from covering indexes", "[server][sqlite]")
{
    Fixture fx;
    std::vector<ListingFilter> filters;
    for (Sort sort : allValues<Sort>()) {
        ListingFilter f;
        f.sort = sort;
        filters.push_back(f);
        f.makeId = 1;
        filters.push_back(f);
        f.yearFrom = 2015;
        filters.push_back(f);
        ListingFilter g;
        g.sort = sort;
        g.priceFrom = 5'000'000;
        g.cityId = 1;
        filters.push_back(g);
        ListingFilter h;
        h.sort = sort;
        h.fuel = Fuel::Diesel;
        filters.push_back(h);
    }
    for (const ListingFilter& f : filters) {
        const std::string plan = fx.repo->explainSearch(f);
        INFO(toQueryString(f) << "\n" << plan);
        const auto count = plan.substr(0, plan.find("--"));
        const auto ids = plan.substr(plan.find("--"));
        CHECK(count.find("COVERING INDEX") != std::string::npos);
        // A filter without its own index (fuel) walks the sort's index and checks rows,
        // which stops after a page; every other page-ids query is index-only.
        if (!f.fuel) CHECK(ids.find("COVERING INDEX") != std::string::npos);
        CHECK(plan.find("SCAN l\n") == std::string::npos); // never a table scan
        // Without filters, the sort's own index gives the order: no full sort.
        if (!f.makeId && !f.priceFrom && !f.fuel) CHECK(ids.find("TEMP B-TREE FOR ORDER BY") == std::string::npos);
    }
}
