// URLs of the app's screens: a pasted or reloaded address opens the same screen.
#include "core/route.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("a listing URL opens that listing", "[core][route]")
{
    const Route r = parseRoute("/listing/123");
    CHECK(r.screen == Screen::Listing);
    CHECK(r.listingId == 123);
    CHECK(toUrl(r) == "/listing/123");
    CHECK(parseRoute("#/listing/77").listingId == 77);
    CHECK(parseRoute("/listing/9/").listingId == 9);
}

TEST_CASE("the browse URL carries the filter", "[core][route]")
{
    Route r;
    r.filter.makeId = 5;
    r.filter.sort = Sort::PriceAsc;
    r.filter.page = 3;
    const std::string url = toUrl(r);
    CHECK(url == "/?make=5&sort=price_asc&page=3");
    const Route back = parseRoute(url);
    CHECK(back.screen == Screen::Browse);
    CHECK(back.filter == r.filter);
    CHECK(toUrl(Route{}) == "/");
}

TEST_CASE("bad links still open the app on the browse screen", "[core][route]")
{
    CHECK(parseRoute("/listing/abc").screen == Screen::Browse);
    CHECK(parseRoute("/listing/-4").screen == Screen::Browse);
    CHECK(parseRoute("/listing/99999999999999999999").screen == Screen::Browse);
    CHECK(parseRoute("/nowhere").screen == Screen::Browse);
    const Route r = parseRoute("/?page=-1&make=2");
    CHECK(r.screen == Screen::Browse);
    CHECK(r.filter == ListingFilter{});
}
