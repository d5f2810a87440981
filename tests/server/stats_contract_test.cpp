// How a listing performs, against a real database on the engine the run targets: a view is
// counted once per visitor per listing per day and never for its seller, days without views
// are zeros, saves and contact requests are counted by their day, similar cars are averaged.

#include "store_fixture.hpp"
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/stats/stats_repository.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::stats;
using dongelek::test::TestDatabase;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<StatsRepository> repo;
    std::int64_t owner = 0, buyer = 0, listing = 0;
    const std::int64_t today = 20'500;

    Fixture()
    {
        database = dongelek::test::openMigrated(tdb);
        SqlListingRepository listings(*database);
        dongelek::test::importDemo(listings, 40);
        accounts::AccountRepository accounts(*database);
        owner = *accounts.createUser({"owner@example.kz", "x", "Owner", "seller", "en", true}, 1'800'000'000);
        buyer = *accounts.createUser({"buyer@example.kz", "x", "Buyer", "buyer", "en", true}, 1'800'000'000);
        listing = listings.searchDocuments().front().id;
        exec("UPDATE sellers SET user_id = ? WHERE id = (SELECT seller_id FROM listings WHERE id = ?)", owner, listing);
        repo = std::make_unique<StatsRepository>(*database);
    }
    void exec(const char* sql, std::int64_t a, std::int64_t b)
    {
        auto lease = database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection().prepare(sql).bind(1, a).bind(2, b).run();
        tx.commit();
    }
};

} // namespace

TEST_CASE("stats store: a view counts once per visitor per day, never the seller's own", "[contract][stats]")
{
    Fixture f;
    CHECK(f.repo->recordView(f.listing, f.today, "visitor-a", std::nullopt));
    CHECK_FALSE(f.repo->recordView(f.listing, f.today, "visitor-a", std::nullopt)); // a reload
    CHECK(f.repo->recordView(f.listing, f.today, "visitor-b", f.buyer));
    CHECK(f.repo->recordView(f.listing, f.today + 1, "visitor-a", std::nullopt)); // the next day
    CHECK_FALSE(f.repo->recordView(f.listing, f.today, "owner-device", f.owner));
    CHECK_FALSE(f.repo->recordView(999'999, f.today, "visitor-a", std::nullopt)); // no such listing
    const std::vector<DayCounts> days = f.repo->daily(f.listing, f.today - 1, f.today + 1);
    REQUIRE(days.size() == 3);
    CHECK(days[0].views == 0); // a day without views is there, as 0
    CHECK(days[1].views == 2);
    CHECK(days[2].views == 1);
    CHECK(f.repo->totals(f.listing).views == 3);
}

TEST_CASE("stats store: saves and contact requests by day, the owner's listings only, similar cars averaged",
          "[contract][stats]")
{
    Fixture f;
    {
        auto lease = f.database->acquire();
        db::WriteTransaction tx(lease);
        tx.connection()
            .prepare("INSERT INTO favorites(user_id, listing_id, saved_at, saved_price_minor, saved_currency)"
                     " VALUES (?, ?, ?, 1, 'KZT')")
            .bind(1, f.buyer)
            .bind(2, f.listing)
            .bind(3, f.today * 86400 + 3600)
            .run();
        tx.connection()
            .prepare("INSERT INTO contact_events(listing_id, channel, visitor, created_at) VALUES (?, 'phone', 'v', ?)")
            .bind(1, f.listing)
            .bind(2, f.today * 86400 + 7200)
            .run();
        tx.commit();
    }
    const std::vector<DayCounts> days = f.repo->daily(f.listing, f.today, f.today);
    REQUIRE(days.size() == 1);
    CHECK(days[0].favorites == 1);
    CHECK(days[0].contacts == 1);
    CHECK(f.repo->ownedSince(f.owner, f.listing));
    CHECK_FALSE(f.repo->ownedSince(f.buyer, f.listing));
    // A car of the same model viewed twice on one day of a two-day window: 1 view per car per day.
    auto lease = f.database->acquire();
    db::Statement& s = lease->prepare("SELECT o.id FROM listings o JOIN listings l ON l.model_id = o.model_id"
                                      " WHERE l.id = ? AND o.id <> l.id AND o.status = 'active'");
    s.bind(1, f.listing);
    std::vector<std::int64_t> peers;
    while (s.step())
        peers.push_back(s.columnInt64(0));
    s.reset();
    if (peers.empty()) {
        CHECK(f.repo->similar(f.listing, f.today, f.today + 1).peers == 0);
        return;
    }
    CHECK(f.repo->recordView(peers[0], f.today, "x", std::nullopt));
    CHECK(f.repo->recordView(peers[0], f.today, "y", std::nullopt));
    const StatsRepository::Average a = f.repo->similar(f.listing, f.today, f.today + 1);
    CHECK(a.peers == static_cast<std::int64_t>(peers.size()));
    CHECK(a.views == Approx(2.0 / (2.0 * static_cast<double>(peers.size()))));
}
