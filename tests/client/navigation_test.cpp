// Moving around: opening a listing adds one history entry, Back/Forward restore the search
// and page without refetching, shared links work, and the chosen language stays in the URL.
#include "client_harness.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {
// The app at "/?make=3&page=2" with its results and catalog loaded.
void startOnResults(ClientHarness& h)
{
    h.start("/?make=3&page=2");
    h.reply(h.lastBrowse(), 200, pageJson(45, 2, 20, 21));
    h.answerCatalog();
}
} // namespace

// [SECTION] Listing

TEST_CASE("opening a listing adds a history entry and shows it when it loads", "[client][controller][listing]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    CHECK(h.screen() == "listing");
    CHECK(h.history.entries() == std::vector<std::string>{"/?make=3&page=2", "/listing/25"});
    CHECK(h.http.url(h.lastListing()) == "/api/v1/listings/25");
    CHECK(h.app.current().status() == Status::Loading);

    h.reply(h.lastListing(), 200, detailsJson(25, "Toyota Camry 2.5", 2019));
    CHECK(h.app.current().status() == Status::Ready);
    CHECK(h.listing().details.has());
    CHECK(h.listing().details.value().summary.id == 25);
    CHECK(h.history.title() == "Toyota Camry 2.5, 2019 - Dongelek");
}

TEST_CASE("a listing that does not exist is 'not found', not a network error, and Retry asks again",
          "[client][controller][listing]")
{
    ClientHarness h;
    h.start("/listing/999");
    h.reply(h.lastListing(), 404, errorJson("not_found", "", "no listing 999"));
    CHECK(h.app.current().status() == Status::Error);
    CHECK(h.app.current().error().kind == ErrorKind::NotFound);

    h.app.retry();
    CHECK(h.http.count("/api/v1/listings/999") == 2);
    CHECK(h.app.current().status() == Status::Loading);
    h.reply(h.lastListing(), 200, detailsJson(999));
    CHECK(h.app.current().status() == Status::Ready);
    CHECK(h.app.current().error().kind == ErrorKind::None);
}

TEST_CASE("a listing that fails to load for lack of network says so", "[client][controller][listing]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    h.fail(h.lastListing(), "timeout");
    CHECK(h.app.current().error().kind == ErrorKind::Network);
    CHECK(h.browse().page.status() == Status::Ready); // the search behind it is unharmed
}

TEST_CASE("a slow listing reply never replaces the listing opened after it", "[client][controller][listing]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    const auto slow = h.lastListing();
    h.app.back();
    h.deliverPop();
    h.openListing(26);
    h.reply(h.lastListing(), 200, detailsJson(26, "Kia K5", 2021));
    h.reply(slow, 200, detailsJson(25, "Toyota Camry 2.5", 2019));
    CHECK(h.listing().id == 26);
    CHECK(h.listing().details.value().summary.id == 26);
    CHECK(h.history.title() == "Kia K5, 2021 - Dongelek");
}

TEST_CASE("photo arrows wrap around both ways", "[client][controller][listing]")
{
    ClientHarness h;
    h.start("/listing/5");
    h.reply(h.lastListing(), 200, detailsJson(5, "Toyota Camry 2.5", 2019, 3));
    h.listingModule.showPhoto(1);
    CHECK(h.listing().photoIndex == 1);
    h.listingModule.showPhoto(3);
    CHECK(h.listing().photoIndex == 0);
    h.listingModule.showPhoto(-1);
    CHECK(h.listing().photoIndex == 2);
}

TEST_CASE("a listing with no photos ignores the photo arrows", "[client][controller][listing]")
{
    ClientHarness h;
    h.start("/listing/5");
    h.reply(h.lastListing(), 200, detailsJson(5, "Tesla Model 3", 2022, 0));
    h.listingModule.showPhoto(1);
    CHECK(h.listing().photoIndex == 0);
}

TEST_CASE("opening listing 0 or a negative id does nothing", "[client][controller][listing]")
{
    ClientHarness h;
    startOnResults(h);
    const auto requests = h.http.size();
    h.openListing(0);
    h.openListing(-4);
    CHECK(h.screen() == "browse");
    CHECK(h.http.size() == requests);
    CHECK(h.history.entries().size() == 1);
}

// [SECTION] Back and Forward

TEST_CASE("Back from a listing returns to the same search and page without reloading it",
          "[client][controller][history]")
{
    ClientHarness h;
    startOnResults(h);
    const auto generation = h.browse().page.valueGeneration();
    h.openListing(25);
    h.reply(h.lastListing(), 200, detailsJson(25));

    h.app.back();
    CHECK(h.history.log().back() == "back"); // the browser's own Back, not a new entry
    h.deliverPop();
    CHECK(h.screen() == "browse");
    CHECK(h.history.current() == "/?make=3&page=2");
    CHECK(h.browse().filter.makeIds == std::vector<std::int64_t>{3});
    CHECK(h.browse().filter.page == 2);
    CHECK(h.browseUrls().size() == 1);                         // not fetched again
    CHECK(h.browse().page.valueGeneration() == generation);        // so the scroll position stays
    CHECK(h.browse().page.status() == Status::Ready);
    CHECK(h.history.title() == "Cars for sale");
}

TEST_CASE("the browser's Back and Forward move between results and a loaded listing without refetching",
          "[client][controller][history]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    h.reply(h.lastListing(), 200, detailsJson(25));
    const auto requests = h.http.size();

    h.browserBack();
    CHECK(h.screen() == "browse");
    h.browserForward();
    CHECK(h.screen() == "listing");
    CHECK(h.app.current().status() == Status::Ready);
    CHECK(h.listing().details.value().summary.id == 25);
    CHECK(h.http.size() == requests);

    // In-app Back after Forward still pops the entry rather than stacking a new one.
    h.app.back();
    h.deliverPop();
    CHECK(h.screen() == "browse");
    CHECK(h.history.entries() == std::vector<std::string>{"/?make=3&page=2", "/listing/25"});
    CHECK(h.history.index() == 0);
}

TEST_CASE("Back from a listing opened by a shared link adds the browse screen instead of leaving the site",
          "[client][controller][history]")
{
    ClientHarness h;
    h.start("/listing/7");
    h.answerCatalog();
    h.reply(h.lastListing(), 200, detailsJson(7));
    CHECK(h.browseUrls().empty()); // the results were never needed

    h.app.back();
    CHECK(h.history.log().back() == "push /");
    CHECK(h.screen() == "browse");
    CHECK(h.browseUrls() == std::vector<std::string>{"/api/v1/listings"});
    h.reply(h.lastBrowse(), 200, pageJson(500, 1, 20));
    CHECK(h.browse().page.status() == Status::Ready);
}

TEST_CASE("a search committed from a listing's top bar shows its results on Back, and the address says so",
          "[client][controller][history]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    h.reply(h.lastListing(), 200, detailsJson(25));

    ListingFilter f = h.browseModule.draftFilter();
    f.query = "camry";
    h.browseModule.editFilter(f, false); // Enter in the top bar ...
    h.app.back();               // ... takes the user to the results
    CHECK(h.history.current() == "/?make=3&page=2"); // the browser popped the old entry first
    h.deliverPop();

    CHECK(h.screen() == "browse");
    CHECK(h.browse().filter.query == "camry");
    CHECK(h.browse().filter.page == 1);
    CHECK(h.history.current() == "/?q=camry&make=3");
    CHECK(h.browseUrls() == std::vector<std::string>{"/api/v1/listings?make=3&page=2", "/api/v1/listings?q=camry&make=3"});
    h.reply(h.lastBrowse(), 200, pageJson(3, 1, 3, 300));
    CHECK(h.browse().page.value().items.front().id == 300);
}

// [SECTION] Language

TEST_CASE("switching language keeps the screen and records the language in the address", "[client][controller][lang]")
{
    ClientHarness h;
    startOnResults(h);
    const auto requests = h.http.size();
    h.app.setLanguage("ru");
    CHECK(h.shared().lang == "ru");
    CHECK(h.shared().strings.language() == "ru");
    CHECK(h.history.current() == "/?make=3&page=2&lang=ru");
    CHECK(h.history.title() == "Автомобили");
    CHECK(h.http.size() == requests); // data is language-neutral: nothing refetched

    h.openListing(25);
    CHECK(h.history.current() == "/listing/25?lang=ru");

    h.app.setLanguage("en");
    CHECK(h.history.current() == "/listing/25"); // English is the default: no parameter
}

TEST_CASE("a link's language is honoured, and an unknown one falls back to English", "[client][controller][lang]")
{
    SECTION("from the address")
    {
        ClientHarness h;
        h.start("/listing/5?lang=kk");
        CHECK(h.shared().lang == "kk");
        CHECK(h.history.current() == "/listing/5?lang=kk");
        CHECK(h.history.title() == "Көліктер");
    }
    SECTION("from the command line, over the address")
    {
        ClientHarness h;
        h.start("/?lang=kk", "ru");
        CHECK(h.shared().lang == "ru");
        CHECK(h.history.current() == "/?lang=ru");
    }
    SECTION("an unknown code")
    {
        ClientHarness h;
        h.start("/?make=3&lang=xx");
        CHECK(h.shared().lang == "en");
        CHECK(h.history.current() == "/?make=3");
    }
    SECTION("switching to a language we do not have changes nothing")
    {
        ClientHarness h;
        h.start("/?make=3");
        h.app.setLanguage("de");
        CHECK(h.shared().lang == "en");
        CHECK(h.history.current() == "/?make=3");
    }
}

TEST_CASE("going Back keeps the chosen language and puts it back in the address", "[client][controller][lang]")
{
    ClientHarness h;
    startOnResults(h);
    h.openListing(25);
    h.reply(h.lastListing(), 200, detailsJson(25));
    h.app.setLanguage("kk"); // the browse entry behind still says nothing about language
    h.browserBack();
    CHECK(h.screen() == "browse");
    CHECK(h.shared().lang == "kk");
    CHECK(h.history.current() == "/?make=3&page=2&lang=kk");
}

// [SECTION] urlParam

TEST_CASE("query parameters are read decoded, by exact name, ignoring the fragment", "[client][controller][url]")
{
    CHECK(urlParam("/?q=Land%20Cruiser&lang=ru", "q") == "Land Cruiser");
    CHECK(urlParam("/?q=Land%20Cruiser&lang=ru", "lang") == "ru");
    CHECK(urlParam("/listing/5?lang=kk#photos", "lang") == "kk");
    CHECK(urlParam("/?xlang=ru", "lang").empty());
    CHECK(urlParam("/listing/5", "lang").empty());
    CHECK(urlParam("/?lang", "lang").empty());
    CHECK(urlParam("/?lang=%zz", "lang").empty()); // a broken escape is no value
}

// [SECTION] Addresses no feature claims

TEST_CASE("bad links still open the app on the browse screen", "[client][controller][url]")
{
    for (const char* url : {"/listing/abc", "/listing/-4", "/listing/99999999999999999999", "/nowhere"}) {
        INFO(url);
        ClientHarness h;
        h.start(url);
        CHECK(h.screen() == "browse");
        CHECK(h.browseUrls() == std::vector<std::string>{"/api/v1/listings"});
        CHECK(h.history.current() == "/"); // tidied to the address of what is shown
    }
    ClientHarness h;
    h.start("/search?make=3");
    CHECK(h.screen() == "browse");
    CHECK(h.browse().filter.makeIds == std::vector<std::int64_t>{3});
}
