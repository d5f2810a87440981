// The favorites store against a real database on the engine the run targets (SQLite or
// PostgreSQL): saving at the current price, owners kept apart in SQL, the merge of a
// device's favorites (earliest time wins, unknown and removed listings skipped, a limit),
// sold and removed listings, and writes that leave the public data version alone.

#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/favorites/favorite_repository.hpp"
#include "server/features/favorites/favorite_service.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::favorites;
using dongelek::test::TestDatabase;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SqlListingRepository> listings;
    std::unique_ptr<FavoriteRepository> repo;
    std::int64_t alice = 0, bolat = 0;

    Fixture()
    {
        db::Engine engine;
        std::string path, message;
        REQUIRE(db::parseDatabaseUrl(tdb.url(), engine, path, message));
        database = db::openDatabase(engine, path);
        REQUIRE(schema::migrate(*database) >= 7);
        listings = std::make_unique<SqlListingRepository>(*database);
        auto writer = listings->beginBulkImport();
        demo::generateDemoData(*writer, 42, 30);
        writer.reset();
        accounts::AccountRepository accounts(*database);
        alice = *accounts.createUser({"alice@example.kz", "x", "Alice", "buyer", "en", true}, 1'800'000'000);
        bolat = *accounts.createUser({"bolat@example.kz", "x", "Bolat", "buyer", "en", true}, 1'800'000'000);
        repo = std::make_unique<FavoriteRepository>(*database);
    }
    Money priceOf(std::int64_t listingId)
    {
        auto row = listings->findListing(listingId);
        REQUIRE(row);
        return row->details.summary.price;
    }
    void setStatus(std::int64_t listingId, const char* status)
    {
        auto lease = database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection().prepare("UPDATE listings SET status = ? WHERE id = ?").bind(1, status).bind(2, listingId).run();
        tx.commit();
    }
    void setPrice(std::int64_t listingId, std::int64_t minor)
    {
        auto lease = database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection().prepare("UPDATE listings SET price_minor = ? WHERE id = ?").bind(1, minor).bind(2, listingId).run();
        tx.commit();
    }
};

} // namespace

TEST_CASE("a favorite is saved once, at the listing's price, and only for its owner", "[favorites]")
{
    Fixture f;
    const auto version = f.database->dataVersion();
    CHECK(f.repo->add(f.alice, 3, 1000, 500) == AddOutcome::Added);
    CHECK(f.repo->add(f.alice, 3, 2000, 500) == AddOutcome::AlreadySaved);
    CHECK(f.repo->add(f.alice, 5, 3000, 500) == AddOutcome::Added);
    CHECK(f.repo->add(f.alice, 99999, 3000, 500) == AddOutcome::UnknownListing);
    const auto mine = f.repo->list(f.alice, 100);
    REQUIRE(mine.size() == 2);
    CHECK(mine[0].listingId == 5); // newest first
    CHECK(mine[1].listingId == 3);
    CHECK(mine[1].savedAt == 1000); // the second save kept the first time
    CHECK(mine[1].savedPrice == f.priceOf(3));
    CHECK(mine[1].price == f.priceOf(3));
    CHECK(mine[1].status == ListingStatus::Active);
    // Another user sees none of it and cannot remove it.
    CHECK(f.repo->list(f.bolat, 100).empty());
    CHECK_FALSE(f.repo->find(f.bolat, 3));
    CHECK_FALSE(f.repo->remove(f.bolat, 3));
    CHECK(f.repo->count(f.alice) == 2);
    CHECK(f.repo->remove(f.alice, 3));
    CHECK_FALSE(f.repo->remove(f.alice, 3));
    CHECK(f.repo->count(f.alice) == 1);
    // Private writes: cached public answers stay valid.
    CHECK(f.database->dataVersion() == version);
}

TEST_CASE("a favorite shows the price now, and whether the car was sold or removed", "[favorites]")
{
    Fixture f;
    REQUIRE(f.repo->add(f.alice, 1, 10, 500) == AddOutcome::Added);
    REQUIRE(f.repo->add(f.alice, 2, 20, 500) == AddOutcome::Added);
    const Money was = f.priceOf(1);
    f.setPrice(1, was.amountMinor - 100000);
    f.setStatus(2, "sold");
    auto row = f.repo->find(f.alice, 1);
    REQUIRE(row);
    CHECK(row->savedPrice == was);
    CHECK(row->price.amountMinor == was.amountMinor - 100000);
    CHECK(f.repo->find(f.alice, 2)->status == ListingStatus::Sold);
    f.setStatus(2, "removed");
    CHECK(f.repo->find(f.alice, 2)->status == ListingStatus::Removed);
    // A removed listing cannot be saved anew; a sold one can.
    f.setStatus(4, "removed");
    CHECK(f.repo->add(f.alice, 4, 30, 500) == AddOutcome::UnknownListing);
    f.setStatus(6, "sold");
    CHECK(f.repo->add(f.alice, 6, 30, 500) == AddOutcome::Added);
}

TEST_CASE("merging a device's favorites keeps the earliest time and skips what cannot be saved", "[favorites]")
{
    Fixture f;
    REQUIRE(f.repo->add(f.alice, 1, 5000, 500) == AddOutcome::Added);
    REQUIRE(f.repo->add(f.alice, 2, 5000, 500) == AddOutcome::Added);
    f.setStatus(7, "removed");
    const Money p1 = f.priceOf(1);
    const Money p3 = f.priceOf(3);
    const Currency other = f.priceOf(8).currency == Currency::KZT ? Currency::BHD : Currency::KZT;
    const MergeOutcome out = f.repo->merge(f.alice,
                                           {
                                               {1, 4000, {p1.amountMinor + 500, p1.currency}}, // earlier: wins
                                               {2, 6000, {1, p1.currency}},                  // later: ignored
                                               {3, 7000, {p3.amountMinor + 9, p3.currency}}, // new
                                               {8, 7000, {123, other}},                      // other currency
                                               {7, 7000, {1, Currency::KZT}},                // removed
                                               {424242, 7000, {1, Currency::KZT}},           // unknown
                                           },
                                           500);
    CHECK(out.added == 2);
    CHECK(out.skippedIds == std::vector<std::int64_t>{7, 424242});
    const auto one = f.repo->find(f.alice, 1);
    CHECK(one->savedAt == 4000);
    CHECK(one->savedPrice.amountMinor == p1.amountMinor + 500);
    const auto two = f.repo->find(f.alice, 2);
    CHECK(two->savedAt == 5000);
    CHECK(two->savedPrice == f.priceOf(2));
    CHECK(f.repo->find(f.alice, 3)->savedPrice.amountMinor == p3.amountMinor + 9);
    CHECK(f.repo->find(f.alice, 8)->savedPrice == f.priceOf(8)); // the device's other currency is not kept
    CHECK(f.repo->count(f.alice) == 4);
    CHECK(f.repo->list(f.bolat, 100).empty());
    // Merging the same again changes nothing.
    CHECK(f.repo->merge(f.alice, {{3, 7000, p3}}, 500).added == 0);
    CHECK(f.repo->count(f.alice) == 4);
}

TEST_CASE("favorites stop at the per-user limit, in adds and merges", "[favorites]")
{
    Fixture f;
    CHECK(f.repo->add(f.alice, 1, 1, 2) == AddOutcome::Added);
    CHECK(f.repo->add(f.alice, 2, 2, 2) == AddOutcome::Added);
    CHECK(f.repo->add(f.alice, 3, 3, 2) == AddOutcome::Full);
    CHECK(f.repo->add(f.alice, 2, 3, 2) == AddOutcome::AlreadySaved);
    const MergeOutcome out = f.repo->merge(f.alice, {{1, 0, f.priceOf(1)}, {4, 0, f.priceOf(4)}}, 2);
    CHECK(out.added == 0);
    CHECK(out.skippedIds == std::vector<std::int64_t>{4});
    CHECK(f.repo->find(f.alice, 1)->savedAt == 0); // the existing one still merged
    CHECK(f.repo->list(f.alice, 1).size() == 1);   // the list's limit
}

TEST_CASE("the service reports unknown listings and compares what exists", "[favorites]")
{
    Fixture f;
    SearchService search(*f.listings, [&] { return f.database->dataVersion(); }, [] { return std::int64_t{1'800'000'000}; });
    ListingService listings(*f.listings, search);
    FavoriteService service(*f.repo, listings, [] { return std::int64_t{1'800'000'000}; });
    f.setStatus(9, "removed");
    const Comparison c = service.compare({4, 9, 4, 77777, 2});
    REQUIRE(c.items.size() == 2);
    CHECK(c.items[0].summary.id == 4);
    CHECK(c.items[1].summary.id == 2);
    CHECK(c.unknownIds == std::vector<std::int64_t>{9, 77777});
    try {
        service.add(f.alice, 77777);
        FAIL("no error");
    } catch (const ClientError& e) {
        CHECK(e.error().status == 404);
        CHECK(e.error().error.field == "listingId");
    }
    const Favorite fav = service.add(f.alice, 4);
    CHECK(fav.savedAt == "2027-01-15T08:00:00Z");
    REQUIRE(fav.listing);
    CHECK(fav.listing->id == 4);
    CHECK(fav.listing->title == f.listings->findListing(4)->details.summary.title);
    // A time in the device's future counts as now.
    const FavoriteList merged = service.merge(f.alice, {{5, 1'900'000'000, f.priceOf(5)}});
    REQUIRE(merged.items.size() == 2);
    CHECK(merged.items[0].savedAt == "2027-01-15T08:00:00Z");
    CHECK(parseIsoTimestamp("2027-01-15T08:00:00Z") == 1'800'000'000);
    CHECK(parseIsoTimestamp("1970-01-01T00:00:00Z") == 0);
    CHECK_FALSE(parseIsoTimestamp("2027-02-30T08:00:00Z"));
    CHECK_FALSE(parseIsoTimestamp("2027-01-15 08:00:00"));
    CHECK_FALSE(parseIsoTimestamp("2027-01-15T08:00:00+05:00"));
}
