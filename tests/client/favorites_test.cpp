// Favorites and comparison on the client: favorites kept on the device survive a reload, merge
// into the account on sign-in (and leave the device), toggles while signed in are PUT/DELETE,
// the comparison's five-car limit and its notice, the /compare address round trip, the best
// values and differences of the table, and the golden fixtures of the new wire types.

#include "account_harness.hpp"

#include "../fixtures/fixtures.hpp"
#include "client/features/compare/compare_module.hpp"
#include "client/features/favorites/favorites_module.hpp"
#include "core/json_mapping.hpp"
#include "core/routes/favorites_routes.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>

using namespace dongelek;
using namespace dongelek::test;
using nlohmann::json;

namespace {

// What IndexedDB keeps, shared by "reloads" (a new harness on the same store). Loads answer
// through the queue, later, like the browser's.
struct FakeStore {
    std::map<std::string, std::string> values;
    int loads = 0;
};

struct FavoritesHarness : AccountHarness {
    FavoritesModule& favorites = app.add<FavoritesModule>();
    CompareModule& compare = app.add<CompareModule>();
    FakeStore& store;

    explicit FavoritesHarness(FakeStore& s) : store(s)
    {
        app.setDeviceStore(DeviceStore{
            [this](const std::string& key, std::function<void(std::string)> done) {
                ++store.loads;
                const std::string value = store.values.count(key) ? store.values[key] : std::string();
                queue.post([done = std::move(done), value] { done(value); });
            },
            [this](const std::string& key, const std::string& value) {
                if (value.empty()) store.values.erase(key);
                else store.values[key] = value;
            }});
        favorites.setClock([] { return std::int64_t{1'800'000'000}; });
    }
    std::vector<std::int64_t> savedIds() const
    {
        std::vector<std::int64_t> ids;
        for (const Favorite& f : favorites.state().items)
            ids.push_back(f.listingId);
        return ids;
    }
};

std::string favoriteListJson(const std::vector<std::int64_t>& ids)
{
    FavoriteList list;
    for (std::int64_t id : ids) {
        Favorite f;
        f.listingId = id;
        f.savedAt = "2027-01-01T00:00:00Z";
        f.savedPrice = {1'300'000'000, Currency::KZT};
        f.price = {1'250'000'000, Currency::KZT};
        f.listing = summary(id);
        list.items.push_back(f);
    }
    return json(list).dump();
}

} // namespace

TEST_CASE("favorites: an anonymous user's hearts are kept on the device and survive a reload", "[client][favorites]")
{
    FakeStore store;
    {
        FavoritesHarness h(store);
        h.start("/");
        REQUIRE(h.favorites.state().loaded);
        CHECK(h.favorites.state().items.empty());
        h.favorites.toggle(summary(3));
        h.favorites.toggle(summary(5));
        CHECK(h.favorites.isSaved(3));
        CHECK(h.http.count("/api/v1/me/favorites") == 0); // nothing goes to the server signed out
        h.favorites.toggle(summary(5));                  // off again
        CHECK_FALSE(h.favorites.isSaved(5));
        REQUIRE(store.values.count(FavoritesModule::kStoreKey));
    }
    FavoritesHarness reloaded(store);
    reloaded.start("/favorites");
    CHECK(reloaded.screen() == "favorites");
    CHECK(reloaded.savedIds() == std::vector<std::int64_t>{3});
    CHECK(reloaded.favorites.status() == Status::Ready);
    const Favorite& f = reloaded.favorites.state().items.front();
    CHECK(f.savedAt == "2027-01-15T08:00:00Z");
    CHECK(f.savedPrice == summary(3).price);
    REQUIRE(f.listing);
    CHECK(f.listing->title == "Toyota Camry 2.5");
}

TEST_CASE("favorites: signing in merges the device's favorites into the account and clears the device copy",
          "[client][favorites]")
{
    FakeStore store;
    {
        FavoritesHarness h(store);
        h.start("/");
        h.favorites.toggle(summary(3));
        h.favorites.toggle(summary(4));
    }
    FavoritesHarness h(store);
    h.start("/favorites");
    REQUIRE(h.savedIds() == std::vector<std::int64_t>{4, 3});
    h.session().signedInWith(json::parse(tokensJson()).get<AuthTokens>());
    h.frame();
    REQUIRE(h.http.pending(FavoritesModule::kMergeUrl) == 1);
    const auto& merge = h.http.request(h.http.last(FavoritesModule::kMergeUrl));
    CHECK(merge.method == "POST");
    CHECK(merge.header("Authorization") == "Bearer t1");
    const json body = json::parse(merge.body);
    REQUIRE(body["items"].size() == 2);
    CHECK(body["items"][0] == json({{"listingId", 4}, {"savedAt", "2027-01-15T08:00:00Z"},
                                    {"savedPrice", {{"amount_minor", 1'250'000'000}, {"currency", "KZT"}}}}));
    CHECK(h.favorites.status() == Status::Loading);
    h.reply(h.http.last(FavoritesModule::kMergeUrl), 200, favoriteListJson({4, 3, 9}));
    CHECK(h.savedIds() == std::vector<std::int64_t>{4, 3, 9});
    CHECK(h.favorites.state().account);
    CHECK(store.values.count(FavoritesModule::kStoreKey) == 0); // the device forgot them

    // Signed in, a heart is a PUT (shown at once), and the server's answer replaces the guess.
    h.favorites.toggle(summary(11));
    CHECK(h.favorites.isSaved(11));
    const std::size_t put = h.http.last("/api/v1/me/favorites/11");
    CHECK(h.http.request(put).method == "PUT");
    h.reply(put, 500, errorJson("internal"));
    CHECK_FALSE(h.favorites.isSaved(11)); // a failed save is undone, and said
    CHECK(h.favorites.state().notice == "favorites.save_failed");
    h.favorites.toggle(summary(3));
    const std::size_t del = h.http.last("/api/v1/me/favorites/3");
    CHECK(h.http.request(del).method == "DELETE");
    h.reply(del, 204, "");
    CHECK(h.savedIds() == std::vector<std::int64_t>{4, 9});
    CHECK(store.values.count(FavoritesModule::kStoreKey) == 0);

    // Signing out shows the device's (now empty) favorites again.
    h.session().signOut();
    h.reply(h.http.last(Session::kLogoutUrl), 204, "");
    CHECK(h.savedIds().empty());
    CHECK_FALSE(h.favorites.state().account);
}

TEST_CASE("favorites: a failed merge keeps the device copy and is tried again on Retry", "[client][favorites]")
{
    FakeStore store;
    {
        FavoritesHarness h(store);
        h.start("/");
        h.favorites.toggle(summary(3));
    }
    FavoritesHarness h(store);
    h.startSignedIn("/favorites");
    REQUIRE(h.http.pending(FavoritesModule::kMergeUrl) == 1);
    h.fail(h.http.last(FavoritesModule::kMergeUrl));
    CHECK(h.savedIds() == std::vector<std::int64_t>{3});
    CHECK(store.values.count(FavoritesModule::kStoreKey) == 1);
    h.app.retry();
    h.frame();
    REQUIRE(h.http.pending(FavoritesModule::kMergeUrl) == 1);
    h.reply(h.http.last(FavoritesModule::kMergeUrl), 200, favoriteListJson({3}));
    CHECK(store.values.count(FavoritesModule::kStoreKey) == 0);
}

TEST_CASE("favorites: signed in with nothing on the device, the account's list is loaded", "[client][favorites]")
{
    FakeStore store;
    FavoritesHarness h(store);
    h.startSignedIn("/favorites");
    CHECK(h.http.count(FavoritesModule::kMergeUrl) == 0);
    REQUIRE(h.http.pending(FavoritesModule::kListUrl) == 1);
    h.reply(h.http.last(FavoritesModule::kListUrl), 200, favoriteListJson({8}));
    CHECK(h.savedIds() == std::vector<std::int64_t>{8});
    const Favorite& f = h.favorites.state().items.front();
    CHECK(priceChangePercent(f) == -4); // 13,000,000 -> 12,500,000
}

TEST_CASE("favorites: the price change is rounded whole percent of the saved price", "[client][favorites]")
{
    Favorite f;
    f.savedPrice = {12'000'000'00, Currency::KZT};
    f.price = {11'400'000'00, Currency::KZT};
    CHECK(priceChangePercent(f) == -5);
    f.price = {12'060'000'00, Currency::KZT};
    CHECK(priceChangePercent(f) == 1); // +0.5 % rounds away from zero
    f.price = {12'000'000'00, Currency::KZT};
    CHECK(priceChangePercent(f) == 0);
    f.price = {11'400'000, Currency::BHD};
    CHECK(priceChangePercent(f) == 0); // not comparable
}

TEST_CASE("compare: at most five cars, a sixth is refused with a notice that goes away", "[client][compare]")
{
    FakeStore store;
    FavoritesHarness h(store);
    h.start("/");
    for (std::int64_t id = 1; id <= 5; ++id)
        CHECK(h.compare.toggle(summary(id)));
    CHECK_FALSE(h.compare.toggle(summary(6)));
    CHECK(h.compare.state().selected.size() == 5);
    CHECK_FALSE(h.compare.isSelected(6));
    CHECK(h.compare.state().limitReached);
    h.frame();
    REQUIRE(h.compare.nextUpdateAt());
    h.runUntil(*h.compare.nextUpdateAt() + 1);
    CHECK_FALSE(h.compare.state().limitReached);
    CHECK_FALSE(h.compare.nextUpdateAt()); // idle again
    // Taking one off makes room.
    CHECK(h.compare.toggle(summary(2)));
    CHECK(h.compare.toggle(summary(6)));
    CHECK(h.compare.compareUrl() == "/compare?ids=1,3,4,5,6");
    // The tray survives a reload.
    FavoritesHarness reloaded(store);
    reloaded.start("/");
    CHECK(reloaded.compare.state().selected.size() == 5);
}

TEST_CASE("compare: the address carries the comparison and round-trips", "[client][compare]")
{
    const auto r = CompareRoute::parse(splitAppUrl("/compare?ids=3,1,3,x,0,2,4,5,6"));
    REQUIRE(r);
    CHECK(r->ids == std::vector<std::int64_t>{3, 1, 2, 4, 5});
    CHECK(r->url() == "/compare?ids=3,1,2,4,5");
    CHECK(CompareRoute::parse(splitAppUrl(r->url()))->ids == r->ids);
    CHECK(CompareRoute::parse(splitAppUrl("/compare"))->ids.empty());
    CHECK_FALSE(CompareRoute::parse(splitAppUrl("/compared?ids=1")));
    CHECK(FavoritesRoute::parse(splitAppUrl("/favorites/")));

    FakeStore store;
    FavoritesHarness h(store);
    h.start("/compare?ids=4,2");
    CHECK(h.screen() == "compare");
    REQUIRE(h.http.pending("/api/v1/compare?ids=4,2") == 1);
    Comparison c;
    for (std::int64_t id : {4, 2}) {
        ListingDetails d = json::parse(detailsJson(id)).get<ListingDetails>();
        c.items.push_back(d);
    }
    h.reply(h.http.last("/api/v1/compare"), 200, json(c).dump());
    CHECK(h.compare.status() == Status::Ready);
    // A shared link's cars fill the empty tray.
    CHECK(h.compare.state().selected.size() == 2);
    h.compare.remove(4);
    CHECK(h.history.current() == "/compare?ids=2");
    CHECK(h.compare.state().comparison.value().items.size() == 1);
    CHECK(h.app.navigate("/compare?ids=1,2,3"));
    CHECK(h.http.pending("/api/v1/compare?ids=1,2,3") == 1);
}

TEST_CASE("compare: the best value of each comparable row and which rows differ", "[client][compare]")
{
    std::vector<ListingDetails> cars(3);
    for (int i = 0; i < 3; ++i) {
        cars[i] = json::parse(detailsJson(i + 1)).get<ListingDetails>();
        cars[i].powerHp = 150;
        cars[i].color = "white";
    }
    cars[0].summary.price = {10'000'000'00, Currency::KZT};
    cars[1].summary.price = {9'000'000'00, Currency::KZT};
    cars[2].summary.price = {9'000'000'00, Currency::KZT};
    cars[0].summary.year = 2021;
    cars[1].summary.mileageKm = 5'000;
    cars[2].powerHp = 249;
    cars[2].color = "black";
    for (auto& c : cars) c.summary.vinVerified = c.summary.sellerVerified = false;
    cars[1].summary.vinVerified = cars[1].summary.sellerVerified = true; // both checks
    cars[2].summary.vinVerified = true;
    const auto rows = compareRows(cars);
    REQUIRE(rows.size() == 16);
    const auto row = [&](CompareField f) {
        for (const CompareRow& r : rows)
            if (r.field == f) return r;
        FAIL("no row");
        return CompareRow{};
    };
    CHECK(row(CompareField::Price).best == std::vector<bool>{false, true, true}); // a tie: both
    CHECK(row(CompareField::Year).best == std::vector<bool>{true, false, false});
    CHECK(row(CompareField::Mileage).best == std::vector<bool>{false, true, false});
    CHECK(row(CompareField::Power).best == std::vector<bool>{false, false, true});
    CHECK(row(CompareField::Color).differs);
    CHECK(row(CompareField::Color).best == std::vector<bool>{false, false, false}); // no order
    CHECK_FALSE(row(CompareField::Fuel).differs);
    CHECK(row(CompareField::Fuel).best == std::vector<bool>{false, false, false});
    CHECK_FALSE(row(CompareField::Owners).differs); // all equal: nothing highlighted
    // The badges: the car with the VIN checked and a verified seller is the best.
    CHECK(row(CompareField::Checks).differs);
    CHECK(row(CompareField::Checks).best == std::vector<bool>{false, true, false});
}

TEST_CASE("favorites and comparison fixtures read and write back unchanged", "[client][favorites][fixtures]")
{
    const auto roundTrip = [](const std::string& name, auto value) {
        INFO(name);
        const json fixture = readFixture(name);
        REQUIRE_NOTHROW(fixture.get_to(value));
        CHECK(json(value) == fixture);
    };
    roundTrip("favorites.json", FavoriteList{});
    roundTrip("favorite.json", Favorite{});
    roundTrip("comparison.json", Comparison{});
    Favorite removed;
    removed.status = ListingStatus::Removed;
    CHECK(json(removed)["listing"].is_null());
    Favorite back = json(removed).get<Favorite>();
    CHECK_FALSE(back.listing);
}
