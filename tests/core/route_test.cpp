// URLs of the app's screens: a pasted or reloaded address opens the same screen. Each
// feature's route parses and builds its own part; the app falls back to browse (tests/client).
#include "core/route.hpp"
#include "core/routes/editor_routes.hpp"
#include "core/listing_query.hpp"
#include "core/routes/browse_route.hpp"
#include "core/routes/listing_route.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

TEST_CASE("an address splits into path and query, hash routes included", "[core][route]")
{
    CHECK(splitAppUrl("/listing/5?lang=ru").path == "/listing/5");
    CHECK(splitAppUrl("/listing/5?lang=ru").query == "lang=ru");
    CHECK(splitAppUrl("#/listing/77").path == "/listing/77");
    CHECK(splitAppUrl("/?make=3#photos").query == "make=3");
    CHECK(splitAppUrl("").path == "/");
    CHECK(joinAppUrl("/", "") == "/");
    CHECK(joinAppUrl("/", "make=3") == "/?make=3");
}

TEST_CASE("a listing URL opens that listing", "[core][route]")
{
    const auto r = ListingRoute::parse(splitAppUrl("/listing/123"));
    REQUIRE(r);
    CHECK(r->id == 123);
    CHECK(r->url() == "/listing/123");
    CHECK(ListingRoute::parse(splitAppUrl("#/listing/77"))->id == 77);
    CHECK(ListingRoute::parse(splitAppUrl("/listing/9/"))->id == 9);
}

TEST_CASE("the browse URL carries the filter", "[core][route]")
{
    BrowseRoute r;
    r.filter.makeIds = {5};
    r.filter.sort = Sort::PriceAsc;
    r.filter.page = 3;
    const std::string url = r.url();
    CHECK(url == "/?make=5&sort=price_asc&page=3");
    const AppUrl split = splitAppUrl(url);
    CHECK(BrowseRoute::claims(split));
    CHECK(BrowseRoute::parse(split).filter == r.filter);
    CHECK(BrowseRoute{}.url() == "/");
}

TEST_CASE("the browse URL keeps the grid view after the search, and the API never sees it", "[core][route]")
{
    BrowseRoute r;
    r.filter.makeIds = {3, 7};
    r.view = BrowseView::Grid;
    CHECK(r.url() == "/?make=3,7&view=grid");
    const BrowseRoute back = BrowseRoute::parse(splitAppUrl(r.url()));
    CHECK(back.view == BrowseView::Grid);
    CHECK(back.filter == r.filter);
    CHECK(toQueryString(back.filter) == "make=3,7");
    CHECK(BrowseRoute::parse(splitAppUrl("/?view=grid")).url() == "/?view=grid");
    CHECK(BrowseRoute::parse(splitAppUrl("/?view=tiles")).view == BrowseView::List);
}

TEST_CASE("bad links are not listings, and a refused filter is the plain first page", "[core][route]")
{
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/abc")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/-4")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/0")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/99999999999999999999")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/listing/")));
    CHECK_FALSE(ListingRoute::parse(splitAppUrl("/nowhere")));
    CHECK_FALSE(BrowseRoute::claims(splitAppUrl("/nowhere")));
    const BrowseRoute r = BrowseRoute::parse(splitAppUrl("/?page=-1&make=2"));
    CHECK(r.filter == ListingFilter{});
}

TEST_CASE("the seller's addresses: a new draft, a draft on one of its steps, the dashboard", "[core][route][editor]")
{
    using dongelek::EditorRoute;
    using dongelek::MyListingsRoute;
    const auto editor = [](const char* url) { return EditorRoute::parse(dongelek::splitAppUrl(url)); };
    REQUIRE(editor("/sell/new"));
    CHECK(editor("/sell/new")->draftId == 0);
    CHECK(editor("/sell/new")->url() == "/sell/new");
    REQUIRE(editor("/sell/42?step=photos"));
    CHECK(editor("/sell/42?step=photos")->draftId == 42);
    CHECK(editor("/sell/42?step=photos")->step == dongelek::DraftStep::Photos);
    CHECK(editor("/sell/42?step=photos")->url() == "/sell/42?step=photos");
    // The first step goes without step=; an unknown step opens the first one.
    CHECK(editor("/sell/42")->url() == "/sell/42");
    CHECK(editor("/sell/42?step=nonsense")->step == dongelek::DraftStep::Vin);
    CHECK_FALSE(editor("/sell"));
    CHECK_FALSE(editor("/sell/042"));
    CHECK_FALSE(editor("/sell/abc"));
    CHECK_FALSE(editor("/selling/4"));
    REQUIRE(MyListingsRoute::parse(dongelek::splitAppUrl("/my/listings")));
    CHECK(MyListingsRoute::parse(dongelek::splitAppUrl("/my/listings?listing=7"))->url() == "/my/listings?listing=7");
    CHECK(MyListingsRoute::parse(dongelek::splitAppUrl("/my/listings?listing=x"))->listingId == 0);
    CHECK_FALSE(MyListingsRoute::parse(dongelek::splitAppUrl("/my")));
}
