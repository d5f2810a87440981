// The saved-search store on the engine under test: ownership in every statement,
// notifications raised once per search and listing, marks that only move forward.
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/saved_searches/saved_search_repository.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::server;

namespace {

struct Store {
    test::TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<SavedSearchRepository> repo;
    std::int64_t alice = 0, bolat = 0;

    Store()
    {
        database = db::openDatabase(tdb.url());
        schema::migrate(*database);
        repo = std::make_unique<SavedSearchRepository>(*database);
        accounts::AccountRepository accounts(*database);
        alice = *accounts.createUser({"alice@example.kz", "x", "Alice", "buyer", "ru", false}, 100);
        bolat = *accounts.createUser({"bolat@example.kz", "x", "Bolat", "buyer", "kk", false}, 100);
        accounts.markEmailVerified(alice, 101);
    }
};

} // namespace

TEST_CASE("saved searches belong to their user", "[server][contract][saved]")
{
    Store st;
    const SavedSearchRow a = st.repo->add(st.alice, "Camry", "make=1&model=1", true, 400, 1000);
    CHECK(a.id > 0);
    CHECK(a.lastListingId == 400);
    st.repo->add(st.alice, "All", "", false, 400, 1001);
    CHECK(st.repo->count(st.alice) == 2);
    CHECK(st.repo->list(st.alice).front().name == "All"); // newest first
    CHECK(st.repo->list(st.bolat).empty());
    CHECK_FALSE(st.repo->find(st.bolat, a.id));
    CHECK_FALSE(st.repo->update(st.bolat, a.id, std::string("mine"), false, std::nullopt));
    CHECK_FALSE(st.repo->remove(st.bolat, a.id));
    CHECK(st.repo->find(st.alice, a.id)->name == "Camry");

    CHECK(st.repo->update(st.alice, a.id, std::nullopt, false, std::nullopt));
    const auto changed = st.repo->find(st.alice, a.id);
    CHECK(changed->name == "Camry"); // what was not given stays
    CHECK_FALSE(changed->alert);
    CHECK(st.repo->alerting().empty());
    CHECK(st.repo->update(st.alice, a.id, std::string("Camry 2.5"), true, 450));
    CHECK(st.repo->alerting().size() == 1);
    CHECK(st.repo->alerting().front().lastListingId == 450);
    CHECK(st.repo->remove(st.alice, a.id));
    CHECK(st.repo->count(st.alice) == 1);
}

TEST_CASE("notifications are raised once per search and listing and read by their owner only",
          "[server][contract][saved]")
{
    Store st;
    const SavedSearchRow a = st.repo->add(st.alice, "Camry", "make=1", true, 400, 1000);
    CHECK(st.repo->addMatches(a, {401, 402}, 405, 2000) == std::vector<std::int64_t>{401, 402});
    // A second server process checking the same listings: nothing new.
    CHECK(st.repo->addMatches(a, {401, 402, 404}, 405, 2001) == std::vector<std::int64_t>{404});
    CHECK(st.repo->find(st.alice, a.id)->lastListingId == 405);
    st.repo->addMatches(a, {}, 403, 2002); // an older mark never moves it back
    CHECK(st.repo->find(st.alice, a.id)->lastListingId == 405);

    const auto list = st.repo->notifications(st.alice, 100);
    REQUIRE(list.size() == 3);
    CHECK(list.front().listingId == 404); // newest first
    CHECK(list.front().savedSearchName == "Camry");
    CHECK(st.repo->unread(st.alice) == 3);
    CHECK(st.repo->unread(st.alice, a.id) == 3);
    CHECK(st.repo->notifications(st.bolat, 100).empty());
    CHECK(st.repo->markRead(st.bolat, {list[0].id}, 3000) == 0);
    CHECK(st.repo->markRead(st.alice, {list[0].id}, 3000) == 1);
    CHECK(st.repo->unread(st.alice) == 2);
    CHECK(st.repo->markRead(st.alice, {}, 3001) == 2);
    CHECK(st.repo->unread(st.alice) == 0);

    // A search deleted while its alert ran raises nothing; its notifications go with it.
    CHECK(st.repo->remove(st.alice, a.id));
    CHECK(st.repo->addMatches(a, {410}, 410, 4000).empty());
    CHECK(st.repo->notifications(st.alice, 100).empty());

    // Mail goes only to verified addresses.
    REQUIRE(st.repo->recipient(st.alice));
    CHECK(st.repo->recipient(st.alice)->language == "ru");
    CHECK_FALSE(st.repo->recipient(st.bolat));
}
