// The API wire format: what the server writes, the clients read back unchanged, the
// golden fixtures read and write back unchanged, and malformed replies are reported
// instead of thrown into a frame.
#include "core/json_mapping.hpp"

#include "../fixtures/fixtures.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using nlohmann::json;

namespace {
ListingDetails sampleDetails()
{
    ListingDetails d;
    d.summary.id = 42;
    d.summary.title = "Toyota Land Cruiser 200 4.5";
    d.summary.make = "Toyota";
    d.summary.model = "Land Cruiser 200";
    d.summary.year = 2019;
    d.summary.price = {3'450'000'000, Currency::KZT};
    d.summary.mileageKm = 87'000;
    d.summary.city = "Алматы";
    d.summary.country = Country::KZ;
    d.summary.body = Body::Suv;
    d.summary.fuel = Fuel::Diesel;
    d.summary.transmission = Transmission::Automatic;
    d.summary.thumbUrl = "/media/photos/1-thumb.jpg";
    d.summary.createdAt = "2026-11-01T10:00:00Z";
    d.drive = Drive::Awd;
    d.engineLitres = 4.5;
    d.powerHp = 249;
    d.color = "white";
    d.vin = "JTMHV05J604123456";
    d.description = "Один владелец.";
    d.photos = {{"/media/photos/1-thumb.jpg", "/media/photos/1-large.jpg"}};
    d.seller = {7, "Ерлан Сапаров", SellerKind::Private, "Алматы", "+7 701 000 0000", "2021-03-04"};
    return d;
}
} // namespace

TEST_CASE("listing details survive a round trip through JSON", "[core][json]")
{
    const ListingDetails d = sampleDetails();
    const json j = d;
    CHECK(j.at("price").at("currency") == "KZT");
    CHECK(j.at("mileage_km") == 87'000);
    CHECK(j.at("seller").at("kind") == "private");
    ListingDetails back;
    REQUIRE(parseJson(j.dump(), back));
    CHECK(back.summary.title == d.summary.title);
    CHECK(back.summary.price == d.summary.price);
    CHECK(back.seller.name == d.seller.name);
    CHECK(back.photos.size() == 1);
    CHECK(back.drive == Drive::Awd);
}

TEST_CASE("the verified seller and dealer badges survive a round trip", "[core][json]")
{
    ListingSummary s = sampleDetails().summary;
    s.sellerVerified = true;
    s.sellerKind = SellerKind::Dealer;
    const json j = s;
    CHECK(j.at("seller_verified") == true);
    CHECK(j.at("seller_kind") == "dealer");
    ListingSummary back;
    REQUIRE(parseJson(j.dump(), back));
    CHECK(back.sellerVerified);
    CHECK(back.sellerKind == SellerKind::Dealer);
    ListingPage page;
    page.items = {s, sampleDetails().summary};
    CHECK(writeJson(page) == json(page).dump());
    ListingPage pageBack;
    REQUIRE(parseJson(writeJson(page), pageBack));
    REQUIRE(pageBack.items.size() == 2);
    CHECK(pageBack.items[0].sellerVerified);
    CHECK_FALSE(pageBack.items[1].sellerVerified);
    // An older server's answer without the field reads as "not verified".
    json old = s;
    old.erase("seller_verified");
    ListingSummary older;
    REQUIRE(parseJson(old.dump(), older));
    CHECK_FALSE(older.sellerVerified);
}

TEST_CASE("a listing page carries items and the total", "[core][json]")
{
    ListingPage p;
    p.items = {sampleDetails().summary};
    p.total = 1234;
    p.page = 2;
    p.pageSize = 20;
    ListingPage back;
    REQUIRE(parseJson(json(p).dump(), back));
    CHECK(back.total == 1234);
    CHECK(back.page == 2);
    REQUIRE(back.items.size() == 1);
    CHECK(back.items[0].city == "Алматы");
}

TEST_CASE("API errors name the field", "[core][json]")
{
    const json j = ApiError{"invalid_parameter", "year_from", "year_from must be a whole number"};
    CHECK(j.at("error").at("field") == "year_from");
    ApiError back;
    REQUIRE(parseJson(j.dump(), back));
    CHECK(back.code == "invalid_parameter");
    CHECK(json(ApiError{"not_found", "", "x"}).at("error").count("field") == 0);
}

TEST_CASE("malformed or mistyped replies are reported, not thrown", "[core][json]")
{
    ListingPage p;
    std::string error;
    CHECK_FALSE(parseJson("{not json", p, &error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(parseJson(R"({"items": [], "total": "many", "page": 1, "page_size": 20})", p));
    CHECK_FALSE(parseJson(R"({"items": [{"id": 1}], "total": 1, "page": 1, "page_size": 20})", p));
    ListingSummary s;
    json bad = sampleDetails().summary;
    bad["body"] = "spaceship";
    CHECK_FALSE(parseJson(bad.dump(), s));
}

namespace {
// A fixture read with core's readers and written back with core's writers must be the
// fixture again: a field renamed in the code (on one side or both) fails here, because
// the fixture is written by hand, not by our writers.
template <typename T> void roundTripsUnchanged(const std::string& name)
{
    INFO(name);
    const json fixture = test::readFixture(name);
    T value;
    REQUIRE_NOTHROW(fixture.get_to(value));
    const json back = value;
    INFO("written back: " << back.dump(2));
    CHECK(back == fixture);
}
} // namespace

TEST_CASE("every golden fixture reads and writes back unchanged", "[core][json][fixtures]")
{
    roundTripsUnchanged<HealthReport>("health.json");
    roundTripsUnchanged<ListingPage>("listings_page.json");
    roundTripsUnchanged<ListingDetails>("listing_details.json");
    roundTripsUnchanged<std::vector<MakeInfo>>("makes.json");
    roundTripsUnchanged<std::vector<City>>("cities.json");
    roundTripsUnchanged<SearchFacets>("search_facets.json");
    roundTripsUnchanged<SuggestionList>("search_suggestions.json");
    roundTripsUnchanged<PriceInsight>("price_insight.json");
    roundTripsUnchanged<ContactReveal>("contact_reveal.json");
    roundTripsUnchanged<SavedSearchList>("saved_searches.json");
    roundTripsUnchanged<ApiError>("error.json");
    roundTripsUnchanged<ApiError>("error_without_field.json");
}

TEST_CASE("the fixture shape check notices renamed, missing, extra and retyped fields", "[core][json][fixtures]")
{
    const json fixture = test::readFixture("listing_details.json");
    CHECK(test::shapeDifferences(fixture, fixture).empty());
    json renamed = fixture;
    renamed["mileage"] = renamed["mileage_km"];
    renamed.erase("mileage_km");
    CHECK(test::shapeDifferences(fixture, renamed).size() == 2); // one missing, one extra
    json retyped = fixture;
    retyped["price"]["amount_minor"] = "605000000";
    CHECK(test::shapeDifferences(fixture, retyped).size() == 1);
    json deep = fixture;
    deep["photos"].push_back(json{{"thumb_url", "/x"}}); // a second photo without large_url
    CHECK(test::shapeDifferences(fixture, deep).size() == 1);
    json noPhotos = fixture;
    noPhotos["photos"] = json::array();
    CHECK(test::shapeDifferences(fixture, noPhotos).empty());
}

TEST_CASE("the search answer's direct writer gives the JSON tree's text exactly", "[core][json]")
{
    ListingPage page;
    REQUIRE(parseJson(test::readFixture("listings_page.json").dump(), page));
    CHECK(writeJson(page) == json(page).dump());
    // Every kind of text and number the writer has to get right.
    ListingSummary odd = page.items.at(0);
    odd.title = "Quote \" back\\slash \t tab \n line \x01 ctrl, «ёлка» Қазақ 😀";
    odd.city = "";
    odd.engineLitres = 1.6;
    odd.id = 9'007'199'254'740'991;
    odd.price = Money{-5, Currency::BHD};
    odd.hasSpin = !odd.hasSpin;
    odd.sellerVerified = !odd.sellerVerified;
    page.items.push_back(odd);
    odd.engineLitres = 0;
    page.items.push_back(odd);
    page.total = 123'456;
    page.page = 7;
    CHECK(writeJson(page) == json(page).dump());
    CHECK(writeJson(ListingPage{}) == json(ListingPage{}).dump());
}
