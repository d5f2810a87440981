// The app reads the server's real wire format: the golden fixtures the server's API tests
// check its responses against (tests/fixtures/api) are fed to the app as replies, and what
// the screens would show comes out. Renaming a field on either side, or on both, fails here
// or in the server's fixture test.
#include "client_harness.hpp"

#include "../fixtures/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::test;

namespace {
std::string fixture(const char* name) { return readFixture(name).dump(); }
} // namespace

TEST_CASE("the browse screen shows the catalog and a page of results as the server sends them", "[client][wire]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.http.last(BrowseModule::kMakesUrl), 200, fixture("makes.json"));
    h.reply(h.http.last(BrowseModule::kCitiesUrl), 200, fixture("cities.json"));
    h.reply(h.lastBrowse(), 200, fixture("listings_page.json"));

    REQUIRE(h.browse().catalog.makes.status() == Status::Ready);
    const MakeInfo& make = h.browse().catalog.makes.value().at(0);
    CHECK(make.name == "BMW");
    CHECK(make.count == 4);
    CHECK(make.models.at(0).name == "5 Series");
    REQUIRE(h.browse().catalog.cities.status() == Status::Ready);
    CHECK_FALSE(h.browse().catalog.cities.value().empty());

    REQUIRE(h.browse().page.status() == Status::Ready);
    const ListingPage& page = h.browse().page.value();
    CHECK(page.total == 400);
    CHECK(page.pageSize == 20);
    const ListingSummary& car = page.items.at(0);
    CHECK(car.id == 23);
    CHECK(car.title == "BMW X5 3.0");
    CHECK(car.price == Money{23'400'000, Currency::BHD});
    CHECK(car.mileageKm == 35'000);
    CHECK(car.country == Country::BH);
    CHECK(car.body == Body::Crossover);
    CHECK(car.fuel == Fuel::Diesel);
    CHECK(car.thumbUrl == "/media/photos/96-thumb.jpg");
    CHECK(car.createdAt == "2026-11-01T03:26:46Z");
}

TEST_CASE("the listing screen shows every detail the server sends", "[client][wire]")
{
    ClientHarness h;
    h.start("/listing/7");
    h.reply(h.lastListing(), 200, fixture("listing_details.json"));
    REQUIRE(h.app.current().status() == Status::Ready);
    const ListingDetails& d = h.listing().details.value();
    CHECK(d.summary.title == "Volkswagen Polo 1.4");
    CHECK(d.summary.price == Money{605'000'000, Currency::KZT});
    CHECK(d.drive == Drive::Fwd);
    CHECK(d.engineLitres == 1.4);
    CHECK(d.powerHp == 125);
    CHECK(d.color == "cherry");
    CHECK(d.vin == "WVWU0YPT4NN755307");
    CHECK(d.description.rfind("Продаётся Volkswagen Polo", 0) == 0);
    REQUIRE(d.photos.size() == 1);
    CHECK(d.photos[0].largeUrl == "/media/photos/24-large.jpg");
    CHECK(d.seller.kind == SellerKind::Dealer);
    CHECK(d.seller.phone == "+7 708 302 51 57");
    CHECK(d.seller.memberSince == "2018-03-13");
    CHECK(h.history.title() == "Volkswagen Polo 1.4, 2022 - Dongelek");
}

TEST_CASE("a refusal from the server names its field on the app's side too", "[client][wire]")
{
    ClientHarness h;
    h.start("/?make=3");
    h.reply(h.lastBrowse(), 400, fixture("error.json"));
    CHECK(h.app.current().status() == Status::Error);
    CHECK(h.app.current().error().kind == ErrorKind::BadRequest);
    CHECK(h.app.current().error().api.code == "invalid_parameter");
    CHECK(h.app.current().error().api.field == "year_from");

    h.app.retry();
    h.reply(h.lastBrowse(), 404, fixture("error_without_field.json"));
    CHECK(h.app.current().error().kind == ErrorKind::NotFound);
    CHECK_FALSE(h.app.current().error().api.code.empty());
}

TEST_CASE("the filter panel's counts, the suggestions and the card badges as the server sends them", "[client][wire][search]")
{
    ClientHarness h;
    h.start("/");
    h.reply(h.http.last(BrowseModule::kFacetsUrl), 200, fixture("search_facets.json"));
    REQUIRE(h.browse().facets.status() == Status::Ready);
    const SearchFacets& facets = h.browse().facets.value();
    CHECK(facets.total == 1481);
    CHECK(facets.count("make", "3") == 1081);
    CHECK(facets.count("posted_within", "7") == 388);
    CHECK(facets.count("photos", "1") == 1450);
    CHECK(facets.count("body", "coupe") == 0); // an option the server left out finds nothing

    h.browseModule.typeQuery("toyta");
    h.runUntil(h.now + 200);
    h.reply(h.http.last(BrowseModule::kSuggestUrl), 200, fixture("search_suggestions.json"));
    REQUIRE(h.browse().suggestions.status() == Status::Ready);
    const auto& items = h.browse().suggestions.value().items;
    REQUIRE(items.size() == 3);
    CHECK(items[1].kind == SuggestionKind::Model);
    CHECK(h.browseModule.suggestionAddress(items[1]) == "/?make=1&model=1");
    CHECK(h.browseModule.suggestionAddress(items[2]) == "/?q=camry%202.5");

    h.reply(h.lastBrowse(), 200, fixture("listings_page.json"));
    const ListingSummary& car = h.browse().page.value().items.at(0);
    CHECK(car.condition == Condition::Used);
    CHECK(car.sellerKind == SellerKind::Dealer);
    CHECK(car.hasSpin);
    CHECK(car.vinVerified);
}
