// The filter <-> query string codec: what the browse URL and the API accept, and the
// field-named errors a client gets for each kind of bad input (percent-decoding itself:
// url_test.cpp).
#include "core/limits.hpp"
#include "core/listing_query.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;

namespace {
FieldError rejectionOf(const std::string& qs)
{
    ListingFilter f;
    FieldError e;
    REQUIRE_FALSE(parseListingQuery(qs, f, e));
    return e;
}
ListingFilter accepted(const std::string& qs)
{
    ListingFilter f;
    FieldError e;
    INFO(qs << " -> " << e.field << ": " << e.message);
    REQUIRE(parseListingQuery(qs, f, e));
    return f;
}
} // namespace

TEST_CASE("an empty query is the default search", "[core][query]")
{
    CHECK(accepted("") == ListingFilter{});
    CHECK(toQueryString(ListingFilter{}).empty());
}

TEST_CASE("every filter round-trips through the query string", "[core][query]")
{
    ListingFilter f;
    f.query = "Land Cruiser & Қазақ 100%";
    f.makeIds = {3, 8};
    f.modelIds = {17};
    f.yearFrom = 2012;
    f.yearTo = 2020;
    f.priceFrom = 5'000'000;
    f.priceTo = 20'000'000;
    f.currency = Currency::BHD;
    f.mileageMax = 150'000;
    f.engineFrom = 16;
    f.engineTo = 30;
    f.powerFrom = 150;
    f.powerTo = 400;
    f.bodies = {Body::Sedan, Body::Suv};
    f.fuels = {Fuel::Diesel};
    f.transmissions = {Transmission::Automatic, Transmission::Robot};
    f.drives = {Drive::Awd};
    f.colors = {"black", "white"};
    f.condition = Condition::Used;
    f.ownersMax = 2;
    f.steering = Steering::Right;
    f.sellerKind = SellerKind::Dealer;
    f.customsCleared = true;
    f.noAccidents = true;
    f.withPhotos = true;
    f.withSpin = true;
    f.vinVerified = true;
    f.sellerVerified = true;
    f.postedWithinDays = 7;
    f.cityId = 4;
    f.country = Country::BH;
    f.sort = Sort::PriceDesc;
    f.page = 7;
    f.pageSize = 50;
    const std::string qs = toQueryString(f);
    CHECK(qs.find(' ') == std::string::npos);
    CHECK(accepted(qs) == f);
}

TEST_CASE("empty values, unknown parameters and '+' spaces are tolerated", "[core][query]")
{
    const auto f = accepted("make=&utm_source=x&q=land+cruiser&&year_from=2015");
    CHECK(f.makeIds.empty());
    CHECK(f.query == "land cruiser");
    CHECK(f.yearFrom == 2015);
}

TEST_CASE("malformed numbers name their field", "[core][query]")
{
    CHECK(rejectionOf("year_from=20x5").field == "year_from");
    CHECK(rejectionOf("price_to=1e9").field == "price_to");
    CHECK(rejectionOf("make=-3").field == "make");
    CHECK(rejectionOf("mileage_max= 5").field == "mileage_max");
}

TEST_CASE("pages outside 1..max are refused, including huge ones", "[core][query]")
{
    CHECK(rejectionOf("page=-1").field == "page");
    CHECK(rejectionOf("page=0").field == "page");
    const auto e = rejectionOf("page=1000000000000");
    CHECK(e.field == "page");
    CHECK(e.message.find("between 1 and") != std::string::npos);
    CHECK(rejectionOf("page_size=1000").field == "page_size");
    CHECK(accepted("page_size=" + std::to_string(limits::kPageSizeMax)).pageSize == limits::kPageSizeMax);
}

TEST_CASE("unknown enum values list what is allowed", "[core][query]")
{
    const auto e = rejectionOf("sort=cheapest");
    CHECK(e.field == "sort");
    CHECK(e.message.find("price_asc") != std::string::npos);
    CHECK(rejectionOf("body=spaceship").field == "body");
    CHECK(rejectionOf("currency=USD").field == "currency");
}

TEST_CASE("text must be valid UTF-8 and bounded", "[core][query]")
{
    CHECK(rejectionOf("q=%FF%FE").field == "q");
    CHECK(rejectionOf("q=" + std::string(limits::kQueryMaxChars + 1, 'a')).field == "q");
    CHECK(accepted("q=" + std::string(limits::kQueryMaxChars, 'a')).query.size() == limits::kQueryMaxChars);
    CHECK(rejectionOf("q=%ZZ").field == "q");
}

TEST_CASE("a 10 MB query string is refused naming the oversized field", "[core][query]")
{
    CHECK(rejectionOf("q=" + std::string(10 * 1024 * 1024, 'a')).field == "q");
    CHECK(rejectionOf("make=" + std::string(10 * 1024 * 1024, '1')).field == "make");
    CHECK(rejectionOf("junk=" + std::string(10 * 1024 * 1024, 'x')).field == "junk");
}

TEST_CASE("inverted ranges are refused on the upper bound", "[core][query]")
{
    CHECK(rejectionOf("year_from=2020&year_to=2010").field == "year_to");
    CHECK(rejectionOf("price_from=10&price_to=5").field == "price_to");
    CHECK(accepted("year_from=2020&year_to=2020").yearTo == 2020);
}

TEST_CASE("the last of repeated parameters wins", "[core][query]")
{
    CHECK(accepted("sort=price_asc&sort=year_desc").sort == Sort::YearDesc);
}

TEST_CASE("lists: any of several values, sorted, without repeats, readable in the address", "[core][query]")
{
    const ListingFilter f = accepted("make=7,3,7&body=suv,sedan&color=white,black&engine_from=1.6&engine_to=2");
    CHECK(f.makeIds == std::vector<std::int64_t>{3, 7});
    CHECK(f.bodies == std::vector<Body>{Body::Sedan, Body::Suv});
    CHECK(f.colors == std::vector<std::string>{"black", "white"});
    CHECK(f.engineFrom == 16);
    CHECK(f.engineTo == 20);
    CHECK(toQueryString(f) == "make=3,7&engine_from=1.6&engine_to=2&body=sedan,suv&color=black,white");
    CHECK(accepted("make=3").makeIds == std::vector<std::int64_t>{3}); // old single-value links still work
}

TEST_CASE("bad list, flag and range values name their field", "[core][query]")
{
    CHECK(rejectionOf("make=3,x").field == "make");
    CHECK(rejectionOf("make=3,,4").field == "make");
    CHECK(rejectionOf("body=suv,boat").message.find("sedan") != std::string::npos); // lists what is allowed
    CHECK(rejectionOf("color=Wh1te").field == "color");
    CHECK(rejectionOf("photos=yes").field == "photos");
    CHECK(rejectionOf("posted_within=5").message.find("1, 3, 7, 30") != std::string::npos);
    CHECK(rejectionOf("engine_from=1.65").field == "engine_from");
    CHECK(rejectionOf("engine_from=12").field == "engine_from");
    CHECK(rejectionOf("engine_from=3&engine_to=2").field == "engine_to");
    CHECK(rejectionOf("power_from=300&power_to=100").field == "power_to");
    CHECK(rejectionOf("owners_max=0").field == "owners_max");
    CHECK(rejectionOf("steering=middle").field == "steering");
    std::string many = "make=";
    for (int i = 1; i <= 21; ++i) many += std::to_string(i) + (i < 21 ? "," : "");
    CHECK(rejectionOf(many).message.find("at most 20") != std::string::npos);
    CHECK_FALSE(accepted("photos=0").withPhotos); // 0 is "not set"
}

TEST_CASE("the verified seller filter is a flag in the query string", "[core][query]")
{
    const auto f = accepted("verified_seller=1&seller=dealer");
    CHECK(f.sellerVerified);
    CHECK(f.sellerKind == SellerKind::Dealer);
    CHECK(toQueryString(f) == "seller=dealer&verified_seller=1");
    CHECK(accepted(toQueryString(f)) == f);
    CHECK_FALSE(accepted("verified_seller=0").sellerVerified);
    CHECK(rejectionOf("verified_seller=yes").field == "verified_seller");
    ListingFilter other = f;
    other.sellerVerified = false;
    CHECK(other != f);
}
