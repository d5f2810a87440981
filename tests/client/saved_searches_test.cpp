// Saved searches, notifications and recently viewed on the client: save (409 too many), list,
// alert on/off, rename, delete with undo, the notifications poll (after sign-in, every 60 s, only
// while signed in) with its unread count and marking read, and the recently viewed list (at most
// 20, no repeats, kept in the device's preferences across a restart).
#include "account_harness.hpp"

#include "client/features/saved_searches/notifications_module.hpp"
#include "client/features/saved_searches/recently_viewed_module.hpp"
#include "client/features/saved_searches/saved_searches_module.hpp"
#include "core/listing_query.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace dongelek;
using namespace dongelek::test;

namespace {

// localStorage as the recently viewed list sees it.
struct FakePreferences {
    std::map<std::string, std::string> values;
    double clock = 1'700'000'000'000.0;
    RecentlyViewedStore store()
    {
        RecentlyViewedStore s;
        s.load = [this](const std::string& k) { return values.count(k) ? values[k] : std::string(); };
        s.save = [this](const std::string& k, const std::string& v) {
            values[k] = v;
            return true;
        };
        s.epochMs = [this] { return clock += 1000; };
        return s;
    }
};

struct SavedHarness : AccountHarness {
    FakePreferences prefs;
    SavedSearchesModule& saved = app.add<SavedSearchesModule>();
    NotificationsModule& notes = app.add<NotificationsModule>();
    RecentlyViewedModule& recent = app.add<RecentlyViewedModule>(prefs.store());
};

SavedSearch savedSearch(std::int64_t id, std::string name, std::string query, bool alert = true, std::int64_t total = 12,
                        std::int64_t unread = 0)
{
    SavedSearch s;
    s.id = id;
    s.name = std::move(name);
    s.query = std::move(query);
    s.alert = alert;
    s.total = total;
    s.unread = unread;
    s.createdAt = "2026-12-01T10:00:00Z";
    return s;
}

std::string listJson(std::vector<SavedSearch> items)
{
    return nlohmann::json(SavedSearchList{std::move(items)}).dump();
}

Notification note(std::int64_t id, std::int64_t listingId, bool read = false, bool gone = false)
{
    Notification n;
    n.id = id;
    n.savedSearchId = 1;
    n.savedSearchName = "Toyota Camry";
    n.createdAt = "2026-12-01T10:00:00Z";
    n.read = read;
    if (gone) n.listing.id = listingId;
    else n.listing = summary(listingId);
    return n;
}

std::string notesJson(std::vector<Notification> items, std::int64_t unread)
{
    return nlohmann::json(NotificationList{std::move(items), unread}).dump();
}

ListingFilter camry()
{
    ListingFilter f;
    f.makeIds = {3};
    f.modelIds = {31};
    f.yearFrom = 2015;
    f.sort = Sort::PriceAsc;
    f.page = 3;
    return f;
}

// Answers what a sign-in starts here: the saved searches and the notifications.
void answerSignInLoads(SavedHarness& h, std::vector<SavedSearch> saved = {}, std::int64_t unread = 0)
{
    h.replyLast(SavedSearchesModule::kListUrl, 200, listJson(std::move(saved)));
    h.replyLast(NotificationsModule::kListUrl, 200, notesJson({}, unread));
}

} // namespace

// [SECTION] Saved searches

TEST_CASE("a search is saved with its canonical query, its name and the alert, the list learns it", "[client][saved]")
{
    SavedHarness h;
    h.startSignedIn("/");
    answerSignInLoads(h);
    CHECK(h.saved.state().list.status() == Status::Empty);

    h.saved.save(camry(), "Camry from 2015", true);
    CHECK(h.saved.state().saving);
    const auto& post = h.http.request(h.http.last(SavedSearchesModule::kListUrl));
    CHECK(post.method == "POST");
    CHECK(post.header("Authorization") == "Bearer t1");
    const auto body = nlohmann::json::parse(post.body);
    // Page and sort are not part of what a saved search finds.
    CHECK(body["query"] == "make=3&model=31&year_from=2015");
    CHECK(body["name"] == "Camry from 2015");
    CHECK(body["alert"] == true);
    CHECK(SavedSearchesModule::canonicalQuery(camry()) == body["query"].get<std::string>());

    h.replyLast(SavedSearchesModule::kListUrl, 201,
                nlohmann::json(savedSearch(5, "Camry from 2015", "make=3&model=31&year_from=2015")).dump());
    CHECK_FALSE(h.saved.state().saving);
    REQUIRE(h.saved.state().justSaved);
    CHECK(h.saved.state().justSaved->id == 5);
    CHECK(h.saved.state().shownCount() == 1);
    // The browse screen can tell this search is saved.
    REQUIRE(h.saved.state().findByQuery(SavedSearchesModule::canonicalQuery(camry())));
    CHECK(SavedSearchesModule::browseAddress(h.saved.state().list.value().items[0]) == "/?make=3&model=31&year_from=2015");
}

TEST_CASE("the 51st saved search is refused with the too-many message", "[client][saved]")
{
    SavedHarness h;
    h.startSignedIn("/");
    answerSignInLoads(h, {savedSearch(1, "Kia", "make=5")});
    h.saved.save(camry(), "", false);
    const auto body = nlohmann::json::parse(h.http.request(h.http.last(SavedSearchesModule::kListUrl)).body);
    CHECK_FALSE(body.contains("name")); // the server names it
    h.replyLast(SavedSearchesModule::kListUrl, 409, errorJson("too_many", "", "at most 50 saved searches"));
    CHECK(h.saved.state().saveError == "saved.error.too_many");
    CHECK_FALSE(h.saved.state().justSaved);
    CHECK(h.saved.state().shownCount() == 1);

    // With 50 in the list already the app says so without asking.
    std::vector<SavedSearch> fifty;
    for (int i = 1; i <= 50; ++i) fifty.push_back(savedSearch(i, "s" + std::to_string(i), "make=" + std::to_string(i)));
    h.app.navigate(kSavedSearchesRoute.url());
    h.frame();
    h.replyLast(SavedSearchesModule::kListUrl, 200, listJson(fifty));
    const std::size_t before = h.http.size();
    h.saved.save(camry(), "x", true);
    CHECK(h.http.size() == before);
    CHECK(h.saved.state().saveError == "saved.error.too_many");
}

TEST_CASE("the saved searches page lists them, switches an alert, renames and deletes with undo", "[client][saved]")
{
    SavedHarness h;
    h.startSignedIn(kSavedSearchesRoute.url());
    CHECK(h.screen() == "saved_searches");
    answerSignInLoads(h, {savedSearch(2, "Kia", "make=5", true, 40, 3), savedSearch(1, "Camry", "make=3&model=31", false)});
    REQUIRE(h.saved.status() == Status::Ready);
    CHECK(h.saved.state().list.value().items[0].unread == 3);

    // Alert on for Camry: shown at once, sent as a PATCH.
    h.saved.setAlert(1, true);
    CHECK(h.saved.state().list.value().items[1].alert);
    const auto& patch = h.http.request(h.http.last("/api/v1/me/saved-searches/1"));
    CHECK(patch.method == "PATCH");
    CHECK(nlohmann::json::parse(patch.body) == nlohmann::json{{"alert", true}});
    h.replyLast("/api/v1/me/saved-searches/1", 200, nlohmann::json(savedSearch(1, "Camry", "make=3&model=31", true)).dump());
    CHECK(h.saved.state().list.value().items[1].alert);

    // Alert off for Kia fails: it is switched back, with a message.
    h.saved.setAlert(2, false);
    CHECK_FALSE(h.saved.state().list.value().items[0].alert);
    h.replyLast("/api/v1/me/saved-searches/2", 500, errorJson("internal"));
    CHECK(h.saved.state().list.value().items[0].alert);
    CHECK(h.saved.state().itemError == "saved.error.update");

    h.saved.rename(1, "My Camry");
    CHECK(nlohmann::json::parse(h.http.request(h.http.last("/api/v1/me/saved-searches/1")).body) ==
          nlohmann::json{{"name", "My Camry"}});
    h.replyLast("/api/v1/me/saved-searches/1", 200, nlohmann::json(savedSearch(1, "My Camry", "make=3&model=31", true)).dump());
    CHECK(h.saved.state().list.value().items[1].name == "My Camry");

    // Delete: hidden at once, undone, then deleted for real when the undo time is over.
    const std::size_t before = h.http.count("/api/v1/me/saved-searches/2");
    h.saved.remove(2);
    CHECK(h.saved.state().shownCount() == 1);
    CHECK(h.saved.nextUpdateAt() == Approx(h.now + SavedSearchesModule::kUndoMs));
    h.saved.undoRemove();
    CHECK(h.saved.state().shownCount() == 2);
    CHECK_FALSE(h.saved.nextUpdateAt());
    h.saved.remove(2);
    h.runUntil(h.now + SavedSearchesModule::kUndoMs - 100);
    CHECK(h.http.count("/api/v1/me/saved-searches/2") == before); // still undoable
    h.runUntil(h.now + 200);
    REQUIRE(h.http.count("/api/v1/me/saved-searches/2") == before + 1);
    CHECK(h.http.request(h.http.last("/api/v1/me/saved-searches/2")).method == "DELETE");
    h.replyLast("/api/v1/me/saved-searches/2", 204, "");
    CHECK(h.saved.state().shownCount() == 1);
    CHECK(h.saved.state().list.value().items.size() == 1);
}

TEST_CASE("the saved searches page needs an account, signing out forgets the list", "[client][saved]")
{
    SavedHarness h;
    h.start(kSavedSearchesRoute.url());
    CHECK(h.screen() == "sign_in");
    CHECK(h.history.current().find("next=%2Fsaved-searches") != std::string::npos);
    CHECK(h.http.count(SavedSearchesModule::kListUrl) == 0);
    CHECK(h.http.count(NotificationsModule::kListUrl) == 0);
}

TEST_CASE("a saved search's name comes from its makes, models, years and text", "[client][saved]")
{
    const std::vector<MakeInfo> makes{{3, "Toyota", 10, {{31, "Camry", 5}, {32, "Land Cruiser 200", 5}}}, {5, "Kia", 4, {}}};
    ListingFilter f;
    CHECK(SavedSearchesModule::suggestName(f, makes).empty());
    f.makeIds = {3, 5};
    f.modelIds = {31};
    CHECK(SavedSearchesModule::suggestName(f, makes) == "Toyota Camry, Kia");
    f.yearFrom = 2015;
    f.yearTo = 2020;
    f.query = "gas";
    CHECK(SavedSearchesModule::suggestName(f, makes) ==
          "Toyota Camry, Kia \xC2\xB7 2015\xE2\x80\x93" "2020 \xC2\xB7 \xE2\x80\x9Cgas\xE2\x80\x9D");
}

// [SECTION] Notifications

TEST_CASE("the unread count is polled after sign-in and then every 60 s, never while signed out", "[client][notifications]")
{
    {
        SavedHarness out;
        out.start("/");
        CHECK_FALSE(out.notes.nextPollAt()); // signed out: nothing to poll
        out.runUntil(2 * NotificationsModule::kPollMs);
        CHECK(out.http.count(NotificationsModule::kListUrl) == 0);
    }
    SavedHarness h;
    h.startSignedIn("/");
    h.frame();
    REQUIRE(h.http.count(NotificationsModule::kListUrl) == 1);
    CHECK_FALSE(h.notes.nextPollAt()); // one under way
    h.replyLast(SavedSearchesModule::kListUrl, 200, listJson({}));
    h.replyLast(NotificationsModule::kListUrl, 200, notesJson({note(9, 40)}, 1));
    CHECK(h.notes.state().unread == 1);
    const double due = *h.notes.nextPollAt();
    CHECK(due == Approx(h.now + NotificationsModule::kPollMs).margin(20));
    CHECK(h.app.nextUpdateAt() <= due); // the app wakes for it (and sleeps until then)

    h.runUntil(due - 50);
    CHECK(h.http.count(NotificationsModule::kListUrl) == 1);
    h.runUntil(due + 1);
    REQUIRE(h.http.count(NotificationsModule::kListUrl) == 2);
    h.replyLast(NotificationsModule::kListUrl, 200, notesJson({note(10, 41), note(9, 40)}, 2));
    CHECK(h.notes.state().unread == 2);

    // Signing out stops the poll and forgets the count.
    h.app.signOut();
    h.replyLast(Session::kLogoutUrl, 204, "");
    CHECK(h.notes.state().unread == 0);
    CHECK_FALSE(h.notes.nextPollAt());
    h.runUntil(h.now + 3 * NotificationsModule::kPollMs);
    CHECK(h.http.count(NotificationsModule::kListUrl) == 2);
}

TEST_CASE("opening the notifications marks what they show read, mark all read clears the count", "[client][notifications]")
{
    SavedHarness h;
    h.startSignedIn("/");
    h.frame();
    answerSignInLoads(h, {}, 2);
    CHECK(h.notes.state().unread == 2);

    h.app.navigate(kNotificationsRoute.url());
    h.frame();
    CHECK(h.screen() == "notifications");
    h.replyLast(NotificationsModule::kListUrl, 200, notesJson({note(3, 41), note(2, 40, false, true), note(1, 39, true)}, 2));
    const auto& mark = h.http.request(h.http.last(NotificationsModule::kReadUrl));
    CHECK(mark.method == "POST");
    CHECK(nlohmann::json::parse(mark.body) == nlohmann::json{{"ids", {3, 2}}});
    h.replyLast(NotificationsModule::kReadUrl, 200, R"({"marked": 2})");
    CHECK(h.notes.state().unread == 0);
    CHECK(h.notes.state().fresh.count(3)); // still shown as new on this visit
    CHECK(h.notes.state().list.value().items[0].read);

    // A new one arrives while the page is open; "Mark all read" marks everything.
    h.runUntil(*h.notes.nextPollAt() + 1);
    h.replyLast(NotificationsModule::kListUrl, 200, notesJson({note(4, 42), note(3, 41, true)}, 1));
    CHECK(h.notes.state().unread == 1);
    CHECK(h.http.count(NotificationsModule::kReadUrl) == 1); // not marked by itself
    h.notes.markAllRead();
    CHECK(nlohmann::json::parse(h.http.request(h.http.last(NotificationsModule::kReadUrl)).body) == nlohmann::json::object());
    h.replyLast(NotificationsModule::kReadUrl, 200, R"({"marked": 1})");
    CHECK(h.notes.state().unread == 0);
}

// [SECTION] Recently viewed

TEST_CASE("opening a listing records it once, newest first, at most 20, and it survives a restart", "[client][recent]")
{
    FakePreferences prefs;
    {
        SavedHarness h;
        h.prefs.values = prefs.values;
        h.start("/");
        CHECK(h.recent.items().empty());
        for (int id = 1; id <= 22; ++id) {
            h.openListing(id);
            h.frame();
            h.reply(h.lastListing(), 200, detailsJson(id, "Car " + std::to_string(id)));
            h.frame(); // more frames on the same listing record nothing more
        }
        REQUIRE(h.recent.items().size() == RecentlyViewedModule::kMaxItems);
        CHECK(h.recent.items().front().id == 22);
        CHECK(h.recent.items().back().id == 3);
        // Seen again: moved to the front, not repeated.
        h.openListing(10);
        h.frame();
        h.reply(h.lastListing(), 200, detailsJson(10, "Car 10"));
        REQUIRE(h.recent.items().size() == 20);
        CHECK(h.recent.items().front().id == 10);
        CHECK(std::count_if(h.recent.items().begin(), h.recent.items().end(), [](const RecentListing& r) { return r.id == 10; }) == 1);
        CHECK(h.recent.items().front().title == "Car 10");
        CHECK(h.recent.items().front().price == summary(10).price);
        CHECK(h.recent.items().front().thumbUrl == "/media/10_0_t.jpg"); // the first photo's thumb
        CHECK(h.recent.items().front().viewedAt > 1'700'000'000'000.0);
        prefs.values = h.prefs.values;
    }
    // A restart reads them back from the preferences.
    SavedHarness again;
    again.prefs.values = prefs.values;
    again.start("/");
    REQUIRE(again.recent.items().size() == 20);
    CHECK(again.recent.items().front().id == 10);
    CHECK(again.recent.items()[1].id == 22);
    nlohmann::json hook;
    again.recent.describe(hook, false);
    CHECK(hook["recentlyViewed"].size() == 20);

    again.recent.clear();
    CHECK(again.recent.items().empty());
    CHECK(recentListingsFromJson(again.prefs.values[RecentlyViewedModule::kPreferenceKey]).empty());
}

TEST_CASE("a damaged recently viewed preference reads as an empty list", "[client][recent]")
{
    CHECK(recentListingsFromJson("").empty());
    CHECK(recentListingsFromJson("not json").empty());
    CHECK(recentListingsFromJson(R"({"items": [{"id": "x"}, {"id": 4, "title": "Kia"}, {"id": 4}]})").size() == 1);
}
