// The listing repository contract, run on the engine DONGELEK_TEST_DB names (ctest runs
// this binary once per engine): against a brute-force model of the same demo rows, every
// filter and sort returns exactly what a scan would, free text can never break the SQL,
// the migrations are idempotent and upgrade older schemas, an uncommitted import leaves
// nothing, the data version moves with each write and is seen by another process, and
// every filter and sort can be served by an index.
//
// [SECTION] Fixture and brute-force model
// [SECTION] Search
// [SECTION] Details, catalog, photo specs
// [SECTION] Migrations
// [SECTION] Writes and the data version
// [SECTION] Query plans

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/schema/migrations.hpp"

#include "core/listing_query.hpp"
#include "core/money.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

using namespace dongelek;
using namespace dongelek::server;
using dongelek::test::TestDatabase;
using dongelek::test::TestEngine;

// [SECTION] Fixture and brute-force model

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

// A migrated database on the engine under test with a repository over it.
struct Store {
    TestDatabase testDb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SqlListingRepository> repo;
    int schemaVersion = 0;

    Store()
    {
        database = db::openDatabase(testDb.url());
        schemaVersion = schema::migrate(*database);
        repo = std::make_unique<SqlListingRepository>(*database);
    }
};

// A store with 400 demo listings, and the rows as written for the brute-force model.
struct Fixture : Store {
    std::vector<ListingRecord> rows;
    std::vector<ModelRecord> models;

    Fixture()
    {
        auto writer = repo->beginBulkImport();
        TeeWriter tee(*writer);
        demo::generateDemoData(tee, 42, 400);
        rows = tee.listings;
        models = tee.models;
        writer.reset();
        repo->optimize();
    }
};

bool isPostgres()
{
    return test::testEngine() == TestEngine::Postgres;
}

bool matches(const ListingRecord& r, const ListingFilter& f)
{
    const std::int64_t kzt = toKztWhole(r.price);
    if (!f.makeIds.empty() && r.makeId != f.makeIds.front()) return false;
    if (!f.modelIds.empty() && r.modelId != f.modelIds.front()) return false;
    if (f.yearFrom && r.year < *f.yearFrom) return false;
    if (f.yearTo && r.year > *f.yearTo) return false;
    if (f.priceFrom && kzt < boundToKztWhole(*f.priceFrom, f.currency)) return false;
    if (f.priceTo && kzt > boundToKztWhole(*f.priceTo, f.currency)) return false;
    if (f.mileageMax && r.mileageKm > *f.mileageMax) return false;
    if (!f.bodies.empty() && r.body != f.bodies.front()) return false;
    if (!f.fuels.empty() && r.fuel != f.fuels.front()) return false;
    if (!f.transmissions.empty() && r.transmission != f.transmissions.front()) return false;
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

std::int64_t total(SqlListingRepository& repo, const std::string& query)
{
    ListingFilter f;
    f.query = query;
    return repo.search(f, 0).total;
}

} // namespace

// [SECTION] Search

TEST_CASE("every filter and sort returns what a full scan would", "[server][contract]")
{
    Fixture fx;
    std::vector<ListingFilter> filters;
    const auto add = [&](auto&& set) {
        ListingFilter f;
        set(f);
        filters.push_back(f);
    };
    add([](ListingFilter&) {});
    add([](ListingFilter& f) { f.makeIds = {1}; });
    add([](ListingFilter& f) {
        f.makeIds = {1};
        f.yearFrom = 2015;
        f.sort = Sort::PriceAsc;
    });
    add([](ListingFilter& f) {
        f.modelIds = {1};
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
        f.bodies = {Body::Suv};
        f.sort = Sort::PriceAsc;
    });
    add([](ListingFilter& f) { f.fuels = {Fuel::Diesel}; });
    add([](ListingFilter& f) {
        f.transmissions = {Transmission::Manual};
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
        const SearchResult got = fx.repo->search(f, 0);
        INFO("filter " << toQueryString(f));
        CHECK(got.total == expectedTotal);
        CHECK(idsOf(got) == expected);
        for (const auto& row : got.rows)
            CHECK(row.coverPhotoId > 0);
    }
}

TEST_CASE("free text: FTS syntax in user input never reaches SQL", "[server][contract]")
{
    // The query builders themselves are unit-tested in storage_helpers_test.cpp.
    Fixture fx;
    for (const char* q : {"\"", "camry OR", "NEAR(a b)", "*", "title:camry", "a^b", "'; DROP TABLE listings; --",
                          "\"\"\"", ")", "AND", "-camry", "{title}: x", "camry\" OR \"x",
                          // tsquery syntax, quotes and escapes (PostgreSQL), and characters
                          // unaccent() turns into an ASCII quote
                          "a'b", "'", "''", "\\", "a\\", "camry:*", "a & b", "a | b", "!camry", "<->", "a <-> b",
                          "(camry", "camry)", "‘camry’", "ʼ", "a:A", "$1", "?", "%", "_"}) {
        INFO(q);
        ListingFilter f;
        f.query = q;
        CHECK_NOTHROW(fx.repo->search(f, 0));
    }
    CHECK(fx.repo->countAllListings() == 400);

    std::int64_t camrys = 0;
    for (const auto& r : fx.rows)
        camrys += r.title.find("Camry") != std::string::npos;
    REQUIRE(camrys > 0);
    for (const char* q :
         {"camry", "CAMRY", "Camr", "камри", "toyota camry", "Камри", "КАМРИ", "тойота камри", "‘camry’ toyota"}) {
        INFO(q);
        ListingFilter f;
        f.query = q;
        f.pageSize = 100;
        const auto r = fx.repo->search(f, 0);
        CHECK(r.total == camrys);
        for (const auto& row : r.rows)
            CHECK(row.summary.model == "Camry");
    }
    ListingFilter f;
    f.query = "-";
    CHECK(fx.repo->search(f, 0).total == 0);
    // A quote typed by the user is punctuation, as in the indexed text, not syntax.
    CHECK(total(*fx.repo, "camry'") == camrys);
    CHECK(total(*fx.repo, "'camry") == camrys);
}

TEST_CASE("free text: diacritics and Cyrillic case fold, aliases find makes", "[server][contract]")
{
    Fixture fx;
    std::int64_t skodas = 0, ladas = 0;
    for (const auto& r : fx.rows) {
        skodas += r.title.rfind("Skoda", 0) == 0;
        ladas += r.title.rfind("Lada", 0) == 0;
    }
    REQUIRE(skodas > 0);
    REQUIRE(ladas > 0);
    for (const char* q : {"skoda", "Škoda", "ŠKODA", "škod", "Шкода", "ШКОДА", "шко"}) {
        INFO(q);
        CHECK(total(*fx.repo, q) == skodas);
    }
    for (const char* q : {"lada", "Лада", "ЛАДА", "ваз"}) {
        INFO(q);
        CHECK(total(*fx.repo, q) == ladas);
    }
    // One letter is matched as a whole word only, never as a prefix of every word.
    CHECK(total(*fx.repo, "s") < skodas);
    CHECK(total(*fx.repo, "zzzz") == 0);
    CHECK(total(*fx.repo, "skoda zzzz") == 0); // every word must match
}

// [SECTION] Details, catalog, photo specs

TEST_CASE("details, catalog counts and photo specs", "[server][contract]")
{
    Fixture fx;
    const auto d = fx.repo->findListing(1);
    REQUIRE(d);
    CHECK(d->details.summary.id == 1);
    CHECK(d->photoIds.size() == fx.rows[0].photos.size());
    CHECK(d->details.vin == fx.rows[0].vin);
    CHECK(d->details.engineLitres == fx.rows[0].engineLitres);
    CHECK(d->details.description == fx.rows[0].description);
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
    const auto cities = fx.repo->citiesWithCounts();
    for (std::size_t i = 0; i < cities.size(); ++i) {
        sum += cities[i].count;
        if (i > 0 && cities[i - 1].country == cities[i].country)
            CHECK(lower(cities[i - 1].name) < lower(cities[i].name));
        if (i > 0) CHECK_FALSE((cities[i - 1].country == Country::BH && cities[i].country == Country::KZ));
    }
    CHECK(sum == 400);
    CHECK(fx.repo->countActiveListings() == 400);

    const auto spec = fx.repo->findPhoto(d->photoIds[0]);
    REQUIRE(spec);
    CHECK(spec->listingId == 1);
    CHECK(spec->photo.kind == PhotoKind::Side);
    CHECK(spec->photo.seed == fx.rows[0].photos[0].seed);
    CHECK_FALSE(fx.repo->findPhoto(99'999'999));
}

// [SECTION] Migrations

TEST_CASE("migrations are versioned and idempotent on restart", "[server][contract]")
{
    TestDatabase testDb;
    const int latest = static_cast<int>(schema::migrations().size());
    {
        auto database = db::openDatabase(testDb.url());
        CHECK(schema::migrate(*database) == latest);
        SqlListingRepository repo(*database);
        auto w = repo.beginBulkImport();
        demo::generateDemoData(*w, 1, 20);
    }
    {
        auto database = db::openDatabase(testDb.url());
        CHECK(schema::migrate(*database) == latest);
        CHECK(schema::migrate(*database) == latest);
        SqlListingRepository again(*database);
        CHECK(again.countAllListings() == 20);
        auto c = database->acquire();
        db::Statement& s = c->prepare("SELECT count(*) FROM schema_migrations");
        REQUIRE(s.step());
        CHECK(s.columnInt(0) == latest);
        s.reset();
    }
}

TEST_CASE("migrations: one list, versions increasing, every step on both engines", "[server][contract]")
{
    const auto& list = schema::migrations();
    REQUIRE_FALSE(list.empty());
    for (std::size_t i = 0; i < list.size(); ++i) {
        INFO(list[i].name);
        CHECK(list[i].version == static_cast<int>(i) + 1);
        CHECK(std::string(list[i].sqlite).find_first_not_of(" \n") != std::string::npos);
        CHECK(std::string(list[i].postgres).find_first_not_of(" \n") != std::string::npos);
    }
    // Released names and order never change.
    CHECK(std::string(list[0].name) == "core tables");
    CHECK(std::string(list[1].name) == "free-text search");
    CHECK(std::string(list[2].name) == "search indexes");
    CHECK(std::string(list[3].name) == "data version");
}

TEST_CASE("migrations upgrade a database made by the first three releases", "[server][contract]")
{
    // What a database made before the data version looks like: steps 1-3 only, with data.
    TestDatabase testDb;
    {
        auto database = db::openDatabase(testDb.url());
        auto c = database->acquire();
        const bool pg = c->engine() == db::Engine::Postgres;
        c->exec(
            pg ? "CREATE TABLE schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL DEFAULT '')"
               : "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL DEFAULT '')");
        for (int i = 0; i < 3; ++i) {
            const schema::Migration& m = schema::migrations()[static_cast<std::size_t>(i)];
            c->exec(pg ? m.postgres : m.sqlite);
            c->exec("INSERT INTO schema_migrations(version) VALUES (" + std::to_string(m.version) + ")");
        }
        c->exec("INSERT INTO makes(id, name, search_aliases) VALUES (7, 'Toyota', 'Тойота')");
    }
    auto database = db::openDatabase(testDb.url());
    CHECK(schema::migrate(*database) == static_cast<int>(schema::migrations().size()));
    CHECK(database->dataVersion() == 1);
    SqlListingRepository repo(*database);
    const auto makes = repo.makesWithCounts();
    REQUIRE(makes.size() == 1);
    CHECK(makes[0].name == "Toyota");
}

TEST_CASE("migrations run once when several processes start at the same time", "[server][contract]")
{
    TestDatabase testDb;
    constexpr int kProcesses = 4;
    std::vector<std::unique_ptr<db::Database>> databases;
    for (int i = 0; i < kProcesses; ++i)
        databases.push_back(db::openDatabase(testDb.url())); // one Database per "process"
    std::vector<int> versions(kProcesses, -1);
    std::vector<std::string> errors(kProcesses);
    std::vector<std::thread> threads;
    for (int i = 0; i < kProcesses; ++i) {
        threads.emplace_back([&, i] {
            try {
                versions[static_cast<std::size_t>(i)] = schema::migrate(*databases[static_cast<std::size_t>(i)]);
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(i)] = e.what();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    for (int i = 0; i < kProcesses; ++i) {
        INFO(errors[static_cast<std::size_t>(i)]);
        CHECK(versions[static_cast<std::size_t>(i)] == static_cast<int>(schema::migrations().size()));
    }
    auto c = databases[0]->acquire();
    db::Statement& s = c->prepare("SELECT count(*), count(DISTINCT version) FROM schema_migrations");
    REQUIRE(s.step());
    CHECK(s.columnInt(0) == static_cast<int>(schema::migrations().size()));
    CHECK(s.columnInt(1) == static_cast<int>(schema::migrations().size()));
    s.reset();
}

// [SECTION] Writes and the data version

TEST_CASE("an import that is not committed leaves nothing behind", "[server][contract]")
{
    Store store;
    const std::uint64_t before = store.database->dataVersion();
    {
        auto w = store.repo->beginBulkImport();
        w->addMake({1, "Toyota", ""});
        w->addModel({1, 1, "Camry", ""});
        w->addCity({1, "Almaty", Country::KZ});
    }
    CHECK(store.repo->makesWithCounts().empty());
    CHECK(store.repo->citiesWithCounts().empty());
    CHECK(store.database->refreshDataVersion() == before);

    // A failed commit (a listing pointing at a seller that does not exist) rolls back too.
    {
        auto w = store.repo->beginBulkImport();
        w->addMake({1, "Toyota", ""});
        w->addModel({1, 1, "Camry", ""});
        w->addCity({1, "Almaty", Country::KZ});
        ListingRecord orphan;
        orphan.id = 1;
        orphan.sellerId = 99;
        orphan.makeId = 1;
        orphan.modelId = 1;
        orphan.cityId = 1;
        orphan.title = "Toyota Camry";
        orphan.createdAt = "2026-10-01T00:00:00Z";
        w->addListing(orphan);
        CHECK_THROWS_AS(w->commit(), StorageError);
    }
    CHECK(store.repo->makesWithCounts().empty());
    CHECK(store.repo->countAllListings() == 0);
    CHECK(store.database->refreshDataVersion() == before);
    // The connection went back to the pool usable.
    CHECK(store.repo->countActiveListings() == 0);
}

TEST_CASE("the data version moves with each write and another process sees it", "[server][contract]")
{
    Store store;
    // Another server process on the same database: its own Database object and pool.
    auto other = db::openDatabase(store.testDb.url());
    SqlListingRepository otherRepo(*other);

    const std::uint64_t v0 = store.database->dataVersion();
    CHECK(v0 >= 1);
    CHECK(other->dataVersion() == v0);

    auto w = store.repo->beginBulkImport();
    demo::generateDemoData(*w, 7, 30);
    // generateDemoData commits: the writer's own process sees the new version at once,
    // without waiting for its cache to age.
    const std::uint64_t v1 = store.database->dataVersion();
    CHECK(v1 == v0 + 1);
    w.reset();

    // The other process reads the table at most every 250 ms.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (other->dataVersion() != v1 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(other->dataVersion() == v1);
    CHECK(otherRepo.countAllListings() == 30);
}

TEST_CASE("the data version is bumped inside the write transaction", "[server][contract]")
{
    Store store;
    auto other = db::openDatabase(store.testDb.url());
    SqlListingRepository otherRepo(*other);
    const std::uint64_t v0 = other->refreshDataVersion();

    auto lease = store.database->acquire();
    {
        db::WriteTransaction tx(lease);
        tx.connection().exec("INSERT INTO makes(id, name, search_aliases) VALUES (1, 'Toyota', '')");
        // Until the commit, other connections see neither the row nor a new version.
        CHECK(other->refreshDataVersion() == v0);
        CHECK(otherRepo.makesWithCounts().empty());
        const std::uint64_t committed = tx.commit();
        CHECK(committed == v0 + 1);
    }
    // After it, both at once: a reader never sees new rows under an old version.
    CHECK(other->refreshDataVersion() == v0 + 1);
    CHECK(otherRepo.makesWithCounts().size() == 1);
    CHECK(store.database->dataVersion() == v0 + 1);

    {
        db::WriteTransaction tx(lease);
        tx.connection().exec("INSERT INTO makes(id, name, search_aliases) VALUES (2, 'Lada', '')");
    } // rolled back: no bump
    CHECK(other->refreshDataVersion() == v0 + 1);
    CHECK(otherRepo.makesWithCounts().size() == 1);
}

// [SECTION] Query plans

TEST_CASE("counts and page ids are answered from covering indexes", "[server][contract]")
{
    Fixture fx;
    std::vector<ListingFilter> filters;
    for (Sort sort : allValues<Sort>()) {
        ListingFilter f;
        f.sort = sort;
        filters.push_back(f);
        f.makeIds = {1};
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
        h.fuels = {Fuel::Diesel};
        filters.push_back(h);
    }
    if (isPostgres()) {
        for (ListingFilter f : std::vector<ListingFilter>(filters)) {
            f.query = "camry";
            filters.push_back(f);
        }
    }
    for (const ListingFilter& f : filters) {
        const std::string plan = fx.repo->explainSearch(f);
        INFO(toQueryString(f) << "\n" << plan);
        const auto count = plan.substr(0, plan.find("--"));
        const auto ids = plan.substr(plan.find("--"));
        if (!isPostgres()) {
            CHECK(count.find("COVERING INDEX") != std::string::npos);
            // A filter without its own index (fuel) walks the sort's index and checks rows,
            // which stops after a page; every other page-ids query is index-only.
            if (f.fuels.empty()) CHECK(ids.find("COVERING INDEX") != std::string::npos);
            CHECK(plan.find("SCAN l\n") == std::string::npos); // never a table scan
            // Without filters, the sort's own index gives the order: no full sort.
            if (f.makeIds.empty() && !f.priceFrom && f.fuels.empty()) CHECK(ids.find("TEMP B-TREE FOR ORDER BY") == std::string::npos);
        } else {
            // With sequential scans priced out, a Seq Scan left in the plan means no index
            // can serve the query at all.
            CHECK(plan.find("Seq Scan") == std::string::npos);
            CHECK(count.find("Index") != std::string::npos);
            CHECK(ids.find("Index") != std::string::npos);
            if (!f.query.empty()) CHECK(plan.find("Bitmap Index Scan on ix_listings_search") != std::string::npos);
            // Without filters, the sort's own index gives the order: no Sort node.
            if (f.makeIds.empty() && !f.priceFrom && f.fuels.empty() && f.query.empty()) CHECK(ids.find("Sort") == std::string::npos);
        }
    }
}
