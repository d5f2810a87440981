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

TEST_CASE("resetting filters drops the monthly payment bound but keeps the buyer's loan terms", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?monthly_max=150000&loan_down=30&loan_term=48&make=3");
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&monthly_max=150000&loan_down=30&loan_term=48");
    h.reply(h.lastBrowse(), 200, pageJson(100, 1, 20));
    h.browseModule.resetFilters();
    CHECK(h.history.current() == "/?loan_down=30&loan_term=48");
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
    CHECK(h.browse().filter.bodies.empty());
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

// [SECTION] Facets: the filter panel's live counts

namespace {
std::string facetsJson(std::int64_t total, std::vector<std::pair<std::string, std::int64_t>> makes)
{
    SearchFacets f;
    f.total = total;
    f.facets.emplace_back("make", std::move(makes));
    f.facets.emplace_back("photos", std::vector<std::pair<std::string, std::int64_t>>{{"1", total / 2}});
    return nlohmann::json(f).dump();
}
std::string suggestionsJson(std::vector<Suggestion> items)
{
    SuggestionList l;
    l.items = std::move(items);
    return nlohmann::json(l).dump();
}
} // namespace

TEST_CASE("the panel's counts are asked for at start, then 250 ms after the draft filter last changed",
          "[client][controller][browse][facets]")
{
    ClientHarness h;
    h.start("/?sort=price_asc");
    REQUIRE(h.http.count(BrowseModule::kFacetsUrl) == 1);
    CHECK(h.http.url(h.http.last(BrowseModule::kFacetsUrl)) == "/api/v1/search/facets"); // no sort: it changes no count
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, facetsJson(5000, {{"3", 1081}, {"7", 400}}));
    CHECK(h.browse().facets.status() == Status::Ready);
    CHECK(h.browse().facets.value().count("make", "3") == 1081);
    CHECK(h.browse().facets.value().count("make", "99") == 0);

    // A make ticked, then a second one 100 ms later: one request, for both, after the pause.
    ListingFilter f = h.browseModule.draftFilter();
    f.makeIds = {3};
    h.browseModule.editFilter(f, false);
    h.runUntil(h.now + 100);
    f.makeIds = {3, 7};
    h.browseModule.editFilter(f, false);
    REQUIRE(h.browseModule.nextUpdateAt().has_value()); // the idle app wakes for it
    h.runUntil(h.now + BrowseModule::kFacetsDebounceMs - 20);
    CHECK(h.http.count(BrowseModule::kFacetsUrl) == 1);
    h.runUntil(h.now + 40);
    REQUIRE(h.http.count(BrowseModule::kFacetsUrl) == 2);
    CHECK(h.http.url(h.http.last(BrowseModule::kFacetsUrl)) == "/api/v1/search/facets?make=3,7");
    CHECK(h.browse().facetsQuery == "make=3,7");

    // Sorting and paging change no count: nothing is asked again.
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, facetsJson(1481, {{"3", 1081}, {"7", 400}}));
    f = h.browseModule.draftFilter();
    f.sort = Sort::MileageAsc;
    h.browseModule.editFilter(f, false);
    h.browseModule.setPage(3);
    h.runUntil(h.now + 1000);
    CHECK(h.http.count(BrowseModule::kFacetsUrl) == 2);
    CHECK_FALSE(h.browseModule.nextUpdateAt().has_value()); // nothing due: the app may rest
}

TEST_CASE("counts typed into a number field follow the draft even before the search applies",
          "[client][controller][browse][facets]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, facetsJson(5000, {}));
    ListingFilter f = h.browseModule.draftFilter();
    f.engineFrom = 16;
    h.browseModule.editFilter(f, true); // typed: the search waits 300 ms, the counts 250 ms
    h.runUntil(h.now + BrowseModule::kFacetsDebounceMs + 10);
    CHECK(h.http.url(h.http.last(BrowseModule::kFacetsUrl)) == "/api/v1/search/facets?engine_from=1.6");
    CHECK(h.browseUrls().size() == 1);
}

TEST_CASE("a slow facets reply for an older draft never replaces the newer counts", "[client][controller][browse][facets]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, facetsJson(5000, {{"3", 1081}}));
    ListingFilter f = h.browseModule.draftFilter();
    f.makeIds = {3};
    h.browseModule.editFilter(f, false);
    h.runUntil(h.now + 300);
    const std::size_t older = h.http.last(BrowseModule::kFacetsUrl);
    f.bodies = {Body::Suv};
    h.browseModule.editFilter(f, false);
    h.runUntil(h.now + 300);
    const std::size_t newer = h.http.last(BrowseModule::kFacetsUrl);
    REQUIRE(newer != older);
    CHECK(h.http.url(newer) == "/api/v1/search/facets?make=3&body=suv");

    h.reply(newer, 200, facetsJson(412, {{"3", 412}}));
    h.reply(older, 200, facetsJson(1081, {{"3", 1081}})); // arrives last, is dropped
    CHECK(h.browse().facets.value().total == 412);
    CHECK(h.browse().facets.status() == Status::Ready);
}

TEST_CASE("an impossible range asks for no counts, the last ones stay", "[client][controller][browse][facets]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, facetsJson(5000, {}));
    ListingFilter f = h.browseModule.draftFilter();
    f.powerFrom = 300;
    f.powerTo = 100;
    CHECK(BrowseModule::filterProblem(f) == "power_to");
    h.browseModule.editFilter(f, false);
    h.runUntil(h.now + 1000);
    CHECK(h.http.count(BrowseModule::kFacetsUrl) == 1);
    CHECK(h.browse().facets.value().total == 5000);
    f.engineFrom = 30;
    f.engineTo = 16;
    f.powerTo.reset();
    CHECK(BrowseModule::filterProblem(f) == "engine_to");
}

// [SECTION] Suggestions under the search field

TEST_CASE("suggestions are asked for 150 ms after typing pauses, for the text as typed",
          "[client][controller][browse][suggest]")
{
    ClientHarness h;
    h.start("/");
    for (const char* text : {"t", "to", "toy", "toyt", "toyta "}) {
        h.browseModule.typeQuery(text);
        h.runUntil(h.now + 60);
    }
    CHECK(h.http.count(BrowseModule::kSuggestUrl) == 0);
    h.runUntil(h.now + BrowseModule::kSuggestDebounceMs);
    REQUIRE(h.http.count(BrowseModule::kSuggestUrl) == 1);
    CHECK(h.http.url(h.http.last(BrowseModule::kSuggestUrl)) == "/api/v1/search/suggest?q=toyta");
    h.reply(h.http.last(BrowseModule::kSuggestUrl), 200,
            suggestionsJson({{SuggestionKind::Make, "Toyota", "make=1", 1081},
                             {SuggestionKind::Model, "Toyota Camry", "make=1&model=1", 310}}));
    CHECK(h.browse().suggestionsOpen);
    CHECK(h.browse().suggestions.value().items.size() == 2);
    CHECK(h.browse().suggestionsFor == "toyta");

    // The same text again asks nothing; clearing the field closes the list and forgets it.
    h.browseModule.typeQuery("toyta");
    h.runUntil(h.now + 500);
    CHECK(h.http.count(BrowseModule::kSuggestUrl) == 1);
    h.browseModule.typeQuery("");
    CHECK_FALSE(h.browse().suggestionsOpen);
    CHECK_FALSE(h.browse().suggestions.has());
}

TEST_CASE("a slow suggestion reply for older text is dropped", "[client][controller][browse][suggest]")
{
    ClientHarness h;
    h.start("/");
    h.browseModule.typeQuery("ki");
    h.runUntil(h.now + 200);
    const std::size_t older = h.http.last(BrowseModule::kSuggestUrl);
    h.browseModule.typeQuery("камри");
    h.runUntil(h.now + 200);
    const std::size_t newer = h.http.last(BrowseModule::kSuggestUrl);
    REQUIRE(newer != older);
    CHECK(h.http.url(newer) == "/api/v1/search/suggest?q=%D0%BA%D0%B0%D0%BC%D1%80%D0%B8");
    h.reply(newer, 200, suggestionsJson({{SuggestionKind::Model, "Toyota Camry", "make=1&model=1", 310}}));
    h.reply(older, 200, suggestionsJson({{SuggestionKind::Make, "Kia", "make=9", 500}}));
    REQUIRE(h.browse().suggestions.value().items.size() == 1);
    CHECK(h.browse().suggestions.value().items[0].text == "Toyota Camry");
}

TEST_CASE("choosing a suggestion opens its search as a new step and closes the list", "[client][controller][browse][suggest]")
{
    ClientHarness h;
    h.start("/?view=grid&sort=price_asc");
    h.reply(h.lastBrowse(), 200, pageJson(5000, 1, 20));
    ListingFilter typed = h.browseModule.draftFilter();
    typed.query = "toyta";
    h.browseModule.editFilter(typed, true); // the field's own debounced search, still pending
    h.browseModule.typeQuery("toyta");
    h.runUntil(h.now + 200);
    h.reply(h.http.last(BrowseModule::kSuggestUrl), 200,
            suggestionsJson({{SuggestionKind::Model, "Toyota Camry", "make=1&model=1", 310}}));
    const Suggestion chosen = h.browse().suggestions.value().items.at(0);
    CHECK(h.browseModule.suggestionAddress(chosen) == "/?make=1&model=1&sort=price_asc&view=grid");

    h.browseModule.chooseSuggestion(chosen);
    CHECK(h.history.current() == "/?make=1&model=1&sort=price_asc&view=grid");
    CHECK(h.history.log().back() == "push /?make=1&model=1&sort=price_asc&view=grid");
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=1&model=1&sort=price_asc");
    CHECK_FALSE(h.browse().suggestionsOpen);
    CHECK(h.browseModule.draftFilter().query.empty()); // the typed text does not apply afterwards
    h.runUntil(h.now + 1000);
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=1&model=1&sort=price_asc");
}

// [SECTION] Continuous scrolling and the view

TEST_CASE("nearing the end fetches the next page once and appends it, the address keeps where the list starts",
          "[client][controller][browse][scroll]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(45, 1, 20, 1));
    CHECK(h.browse().hasMore());
    const auto generation = h.browse().page.valueGeneration();

    h.browseModule.loadMore();
    h.browseModule.loadMore(); // the screen asks every frame: still one request
    CHECK(h.browseUrls().size() == 2);
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&page=2");
    h.reply(h.lastBrowse(), 200, pageJson(45, 2, 20, 21));
    CHECK(h.browse().shownCount() == 40);
    CHECK(h.browse().shown(25).id == 26);
    CHECK(h.browse().lastPage == 2);
    CHECK(h.browse().page.valueGeneration() == generation); // the list does not jump to its top

    h.browseModule.loadMore();
    h.reply(h.lastBrowse(), 200, pageJson(45, 3, 5, 41));
    CHECK(h.browse().shownCount() == 45);
    CHECK_FALSE(h.browse().hasMore());
    h.browseModule.loadMore();
    CHECK(h.browseUrls().size() == 3);
    CHECK(h.history.current() == "/?make=3");
    CHECK(h.history.entries().size() == 1);
}

TEST_CASE("a page fetched ahead for an old search is dropped, a failed one can be asked again",
          "[client][controller][browse][scroll]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20, 1));
    h.browseModule.loadMore();
    const std::size_t ahead = h.lastBrowse();
    ListingFilter f = h.browseModule.draftFilter();
    f.makeIds = {3};
    h.browseModule.editFilter(f, false);
    h.reply(h.lastBrowse(), 200, pageJson(30, 1, 20, 900));
    h.reply(ahead, 200, pageJson(500, 2, 20, 21)); // the old search's page 2 arrives late
    CHECK(h.browse().shownCount() == 20);
    CHECK(h.browse().shown(0).id == 900);

    h.browseModule.loadMore();
    h.fail(h.lastBrowse());
    CHECK(h.browse().next.status() == Status::Error);
    CHECK(h.browse().page.status() == Status::Ready); // what is shown stays
    const std::size_t asked = h.browseUrls().size();
    h.browseModule.loadMore(); // the screen asks again next frame: not after a failure
    CHECK(h.browseUrls().size() == asked);
    h.browseModule.retryMore(); // the Retry under the list
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&page=2");
    h.reply(h.lastBrowse(), 200, pageJson(30, 2, 10, 920));
    CHECK(h.browse().shownCount() == 30);
}

TEST_CASE("the list or grid view is part of the address, never of the API request", "[client][controller][browse]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 200, pageJson(45, 1, 20, 1));
    h.browseModule.setView(BrowseView::Grid);
    CHECK(h.history.current() == "/?make=3&view=grid");
    CHECK(h.history.entries().size() == 1); // a way to look at the same search: the entry is rewritten
    CHECK(h.browseUrls().size() == 1);
    ListingFilter f = h.browseModule.draftFilter();
    f.bodies = {Body::Suv};
    h.browseModule.editFilter(f, false);
    CHECK(h.history.current() == "/?make=3&body=suv&view=grid");
    CHECK(h.http.url(h.lastBrowse()) == "/api/v1/listings?make=3&body=suv");
    h.browserBack();
    CHECK(h.browse().view == BrowseView::Grid);
}
