// Contact requests and reports on the engine under test.
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/contact/contact_repository.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::server;

TEST_CASE("contacts are counted per listing and a visitor reports a listing once", "[server][contract][contact]")
{
    test::TestDatabase tdb;
    auto database = db::openDatabase(tdb.url());
    schema::migrate(*database);
    SqlListingRepository listings(*database);
    {
        auto w = listings.beginBulkImport();
        demo::generateDemoData(*w, 3, 10);
    }
    ContactRepository repo(*database);
    const auto target = repo.target(1);
    REQUIRE(target);
    CHECK_FALSE(target->phone.empty());
    CHECK_FALSE(target->title.empty());
    CHECK_FALSE(repo.target(999));

    repo.recordContact(1, "phone", "v1", 100);
    repo.recordContact(1, "whatsapp", "v2", 101);
    repo.recordContact(2, "telegram", "v1", 102);
    CHECK(repo.contacts(1) == 2);
    CHECK(repo.contacts(2) == 1);
    CHECK_THROWS(repo.recordContact(1, "pigeon", "v1", 103)); // the CHECK constraint holds on both engines
    CHECK(repo.contacts(1) == 2);

    CHECK(repo.addReport(1, std::nullopt, "fraud", "", "v1", 200));
    CHECK_FALSE(repo.addReport(1, std::nullopt, "spam", "again", "v1", 201));
    CHECK(repo.addReport(1, std::nullopt, "spam", "", "v2", 202));
    CHECK(repo.openReports(1) == 2);
    CHECK(repo.openReports(2) == 0);
}
