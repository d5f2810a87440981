// Searching: a filter change starts over at page 1 with matching API and address URLs,
// typing is debounced, stale replies never overwrite newer results, failures can be retried.
#include "client_harness.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {
ListingFilter withMake(std::int64_t make, int page = 1)
{
    ListingFilter f;
    f.makeIds = {make};
    f.page = page;
    return f;
}
} // namespace

// [SECTION] Start-up

TEST_CASE("opening the app at a search link loads that search and the catalog, and tidies the address",
          "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3&page=2&utm_source=x");
    CHECK(h.screen() == "browse");
    CHECK(h.browse().page.status() == Status::Loading);
    CHECK(h.browseUrls() == std::vector<std::string>{"/api/v1/listings?make=3&page=2"});
    CHECK(h.http.count(BrowseModule::kMakesUrl) == 1);
    CHECK(h.http.count(BrowseModule::kCitiesUrl) == 1);
    CHECK(h.history.current() == "/?make=3&page=2"); // unknown parameters dropped, not pushed
    CHECK(h.history.entries().size() == 1);

    h.reply(h.lastBrowse(), 200, pageJson(45, 2, 20, 21));
    h.answerCatalog();
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.browse().page.has());
    CHECK(h.browse().page.value().items.front().id == 21);
    CHECK(h.browse().catalog.makes.status() == Status::Ready);
    CHECK(h.browse().catalog.cities.value().size() == 2);
    CHECK(h.history.title() == "Cars for sale");
}

TEST_CASE("a search with no matches shows the empty state, not an error", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?q=Zaporozhets");
    h.reply(h.lastBrowse(), 200, pageJson(0, 1, 0));
    CHECK(h.browse().page.status() == Status::Empty);
    CHECK(h.browse().page.error().kind == ErrorKind::None);
}

// [SECTION] Filters and paging

TEST_CASE("changing a filter goes back to page 1 and puts the new search in both URLs", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3&page=4");
    h.reply(h.lastBrowse(), 200, pageJson(200, 4, 20, 61));

    ListingFilter f = h.browseModule.draftFilter();
    REQUIRE(f.page == 4);
    f.bodies = {Body::Suv}; // a combo: applies at once
    h.browseModule.editFilter(f, false);

    CHECK(h.browse().filter.page == 1);
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&body=suv");
    CHECK(h.history.current() == "/?make=3&body=suv");
    // A committed search is a step of its own: Back returns to the one before (issue 6).
    CHECK(h.history.log().back() == "push /?make=3&body=suv");
    CHECK(h.history.entries() == std::vector<std::string>{"/?make=3&page=4", "/?make=3&body=suv"});
    CHECK(h.browse().page.status() == Status::Loading);
    CHECK(h.browse().page.has()); // the old page stays (dimmed) while the new one loads
}

TEST_CASE("turning the page keeps the filter and asks for that page", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(200, 1, 20));
    const auto generation = h.browse().page.valueGeneration();

    h.browseModule.setPage(3);
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&page=3");
    CHECK(h.history.current() == "/?make=3&page=3");
    h.reply(h.lastBrowse(), 200, pageJson(200, 3, 20, 41));
    CHECK(h.browse().page.value().items.front().id == 41);
    CHECK(h.browse().page.valueGeneration() == generation + 1); // the list scrolls back to the top
}

TEST_CASE("choosing the filter already applied sends no second request", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(20, 1, 20));
    h.browseModule.editFilter(withMake(3), false);
    CHECK(h.browseUrls().size() == 1);
    CHECK(h.browse().page.status() == Status::Ready);
}

TEST_CASE("resetting filters clears them but keeps the sort order", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3&body=suv&sort=price_asc&page=3");
    h.reply(h.lastBrowse(), 200, pageJson(100, 3, 20, 41));
    h.browseModule.resetFilters();
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?sort=price_asc");
    CHECK(h.history.current() == "/?sort=price_asc");
}

TEST_CASE("a page past the end (an old link) shows the last page instead", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3&page=9");
    h.reply(h.lastBrowse(), 200, pageJson(45, 9, 0)); // 45 cars = 3 pages of 20
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&page=3");
    CHECK(h.history.current() == "/?make=3&page=3");
    CHECK(h.browse().page.status() == Status::Loading);
    h.reply(h.lastBrowse(), 200, pageJson(45, 3, 5, 41));
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.browse().filter.page == 3);
}

TEST_CASE("an impossible range is not sent, the last good results stay, and the typed range is kept until fixed", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?year_from=2020");
    h.reply(h.lastBrowse(), 200, pageJson(30, 1, 20));

    ListingFilter f = h.browseModule.draftFilter();
    f.yearTo = 2010;
    CHECK(BrowseModule::filterProblem(f) == "year_to");
    h.browseModule.editFilter(f, false);
    h.runUntil(h.now + 1000);
    CHECK(h.browseUrls().size() == 1);
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.browse().filter.yearTo == std::nullopt);
    CHECK(h.history.current() == "/?year_from=2020");
    // What the user typed is kept, with the problem named, however long they wait.
    CHECK(h.browseModule.draftFilter().yearTo == 2010);
    CHECK(BrowseModule::filterProblem(h.browseModule.draftFilter()) == "year_to");

    // Typed (debounced) the same way: still kept after the pause, still not sent.
    f.yearTo = 2011;
    h.browseModule.editFilter(f, true);
    h.runUntil(h.now + 1000);
    CHECK(h.browseUrls().size() == 1);
    CHECK(h.browseModule.draftFilter().yearTo == 2011);

    // Fixing the range sends it.
    f.yearTo = 2024;
    h.browseModule.editFilter(f, true);
    h.runUntil(h.now + 1000);
    REQUIRE(h.browseUrls().size() == 2);
    CHECK(h.browse().filter.yearTo == 2024);
    CHECK(h.history.current() == "/?year_from=2020&year_to=2024");

    ListingFilter price;
    price.priceFrom = 5'000'000;
    price.priceTo = 1'000'000;
    CHECK(BrowseModule::filterProblem(price) == "price_to");
    price.priceTo = 5'000'000; // equal bounds are a valid range
    CHECK(BrowseModule::filterProblem(price).empty());
}

TEST_CASE("Back steps through committed searches and pages, each shown again", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(200, 1, 20, 1));
    h.browseModule.setPage(2);
    h.reply(h.lastBrowse(), 200, pageJson(200, 2, 20, 21));
    ListingFilter f = h.browseModule.draftFilter();
    f.bodies = {Body::Suv};
    h.browseModule.editFilter(f, false);
    h.reply(h.lastBrowse(), 200, pageJson(40, 1, 20, 500));
    CHECK(h.history.entries() == std::vector<std::string>{"/?make=3", "/?make=3&page=2", "/?make=3&body=suv"});

    h.browserBack();
    CHECK(h.browse().filter.page == 2);
    CHECK_FALSE(h.browse().filter.bodies.empty() == false);
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&page=2");
    h.reply(h.lastBrowse(), 200, pageJson(200, 2, 20, 21));
    CHECK(h.browse().page.value().items.front().id == 21);
    h.browserBack();
    CHECK(h.browse().filter.page == 1);
    CHECK(h.history.current() == "/?make=3");
    h.browserForward();
    CHECK(h.browse().filter.page == 2);
    CHECK(h.history.entries().size() == 3); // Back and Forward move, they add nothing
}

TEST_CASE("typing makes one history entry for the search it ends in, not one per pause", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20));
    ListingFilter f = h.browseModule.draftFilter();
    for (const char* text : {"cam", "camry", "camry 2.5"}) {
        f.query = text;
        h.browseModule.editFilter(f, true);
        h.runUntil(h.now + BrowseModule::kDebounceMs + 50); // a pause long enough to search
    }
    CHECK(h.browseUrls().size() == 4);
    CHECK(h.history.entries() == std::vector<std::string>{"/", "/?q=camry%202.5"});
    // Enter on the same text commits nothing new; a combo afterwards is a new step.
    h.browseModule.editFilter(f, false);
    CHECK(h.history.entries().size() == 2);
    f.fuels = {Fuel::Diesel};
    h.browseModule.editFilter(f, false);
    CHECK(h.history.entries().size() == 3);
}

// [SECTION] Debounce

TEST_CASE("typing sends one request after 300 ms of quiet, not one per keystroke", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20));
    REQUIRE(h.browseUrls().size() == 1);

    const double t0 = h.now;
    ListingFilter f = h.browseModule.draftFilter();
    for (const char* text : {"c", "ca", "cam", "camr", "camry"}) {
        f.query = text;
        h.browseModule.editFilter(f, true);
        CHECK(h.browseModule.draftFilter().query == text); // the field shows what was typed
        h.runUntil(h.now + 100);                          // 100 ms between keystrokes
    }
    const double lastKey = t0 + 400;
    h.runUntil(lastKey + BrowseModule::kDebounceMs - 20);
    CHECK(h.browseUrls().size() == 1); // still quiet period: nothing sent
    CHECK(h.browse().filter.query.empty());

    h.runUntil(lastKey + BrowseModule::kDebounceMs + 20);
    REQUIRE(h.browseUrls().size() == 2);
    CHECK(h.browseUrls().back() == "/api/v1/listings?q=camry");
    CHECK(h.history.current() == "/?q=camry");

    h.runUntil(h.now + 2000);
    CHECK(h.browseUrls().size() == 2); // fired once
}

TEST_CASE("typing and then undoing it within the quiet period sends nothing", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?q=camry");
    h.reply(h.lastBrowse(), 200, pageJson(50, 1, 20));
    ListingFilter f = h.browseModule.draftFilter();
    f.query = "camryx";
    h.browseModule.editFilter(f, true);
    h.runUntil(h.now + 50);
    f.query = "camry";
    h.browseModule.editFilter(f, true);
    h.runUntil(h.now + 1000);
    CHECK(h.browseUrls().size() == 1);
    CHECK(h.browse().page.status() == Status::Ready);
}

TEST_CASE("pressing Enter (or leaving the field) applies the typed text at once", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20));
    ListingFilter f = h.browseModule.draftFilter();
    f.query = "cam";
    h.browseModule.editFilter(f, true);
    f.query = "camry";
    h.browseModule.editFilter(f, false); // committed: no waiting, and the pending edit is gone
    CHECK(h.browseUrls().back() == "/api/v1/listings?q=camry");
    h.runUntil(h.now + 1000);
    CHECK(h.browseUrls().size() == 2);
}

// [SECTION] Stale replies

TEST_CASE("a reply to an outdated search never replaces newer results", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20, 1));

    ListingFilter f;
    f.query = "cam";
    h.browseModule.editFilter(f, false);
    const auto older = h.lastBrowse();
    f.query = "camry";
    h.browseModule.editFilter(f, false);
    const auto newer = h.lastBrowse();
    REQUIRE(older != newer);

    SECTION("the old reply arrives last")
    {
        h.reply(newer, 200, pageJson(12, 1, 12, 900));
        h.reply(older, 200, pageJson(40, 1, 20, 100));
    }
    SECTION("the old reply arrives first, and does not even flash on screen")
    {
        h.reply(older, 200, pageJson(40, 1, 20, 100));
        CHECK(h.browse().page.status() == Status::Loading);
        CHECK(h.browse().page.value().items.front().id == 1); // still the results from before
        h.reply(newer, 200, pageJson(12, 1, 12, 900));
    }
    SECTION("the old request fails after the new one succeeded")
    {
        h.reply(newer, 200, pageJson(12, 1, 12, 900));
        h.http.answer(older, 0, {}, "timeout");
        h.frame();
    }
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.browse().filter.query == "camry");
    CHECK(h.browse().page.value().total == 12);
    CHECK(h.browse().page.value().items.front().id == 900);
}

// [SECTION] Errors and retry

TEST_CASE("a failed search shows its error kind and keeps the last results, and Retry re-sends the same request",
          "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(200, 1, 20, 1));
    h.browseModule.setPage(2);
    const std::string failedUrl = h.http.url(h.lastBrowse());
    REQUIRE(failedUrl == "/api/v1/listings?make=3&page=2");

    struct Case {
        int status;
        ErrorKind kind;
    };
    const Case c = GENERATE(Case{0, ErrorKind::Network}, Case{500, ErrorKind::Server}, Case{503, ErrorKind::Server},
                            Case{400, ErrorKind::BadRequest}, Case{200, ErrorKind::BadResponse});
    INFO("HTTP " << c.status);
    if (c.status == 0) h.fail(h.lastBrowse(), "connection refused");
    else h.reply(h.lastBrowse(), c.status, c.status == 200 ? "not json" : errorJson("x"));

    CHECK(h.browse().page.status() == Status::Error);
    CHECK(h.app.current().status() == Status::Error);
    CHECK(h.app.current().error().kind == c.kind);
    CHECK(h.browse().page.has());
    CHECK(h.browse().page.value().items.front().id == 1);

    h.app.retry();
    CHECK(h.http.url(h.lastBrowse()) == failedUrl);
    CHECK(h.browse().page.status() == Status::Loading);
    CHECK(h.history.current() == "/?make=3&page=2");
    h.reply(h.lastBrowse(), 200, pageJson(200, 2, 20, 21));
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.browse().page.error().kind == ErrorKind::None);
    CHECK(h.browse().page.value().items.front().id == 21);
}

TEST_CASE("the same filter can be applied again after an error to try again", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.fail(h.lastBrowse());
    REQUIRE(h.browse().page.status() == Status::Error);
    h.browseModule.editFilter(withMake(3), false);
    CHECK(h.browseUrls() == std::vector<std::string>{"/api/v1/listings?make=3", "/api/v1/listings?make=3"});
    CHECK(h.browse().page.status() == Status::Loading);
}

TEST_CASE("a failed catalog is retried on its own, and what loaded or is loading is not fetched again",
          "[client][controller][catalog]")
{
    ClientHarness h;
    h.start("/");
    h.fail(h.http.last(BrowseModule::kMakesUrl));
    CHECK(h.browse().catalog.makes.status() == Status::Error);
    CHECK(h.browse().catalog.cities.status() == Status::Loading); // cities still on their way

    h.browseModule.retryCatalog();
    h.browseModule.retryCatalog(); // a double click does not send two requests
    CHECK(h.http.count(BrowseModule::kMakesUrl) == 2);
    CHECK(h.http.count(BrowseModule::kCitiesUrl) == 1);
    CHECK(h.browse().catalog.makes.status() == Status::Loading);
    h.answerCatalog();
    CHECK(h.browse().catalog.makes.status() == Status::Ready);
    CHECK(h.browse().catalog.cities.status() == Status::Ready);
    REQUIRE(h.browse().catalog.makes.value().size() == 1);
    CHECK(h.browse().catalog.makes.value()[0].name == "Toyota");

    h.app.retry(); // nothing left to retry in the catalog
    CHECK(h.http.count(BrowseModule::kMakesUrl) == 2);
    CHECK(h.http.count(BrowseModule::kCitiesUrl) == 1);
}

TEST_CASE("Retry on a failed search also retries a failed catalog", "[client][controller][catalog]")
{
    ClientHarness h;
    h.start("/");
    h.fail(h.lastBrowse());
    h.fail(h.http.last(BrowseModule::kMakesUrl));
    h.reply(h.http.last(BrowseModule::kCitiesUrl), 200, citiesJson());
    h.app.retry();
    CHECK(h.browseUrls().size() == 2);
    CHECK(h.http.count(BrowseModule::kMakesUrl) == 2);
    CHECK(h.http.count(BrowseModule::kCitiesUrl) == 1);
}
