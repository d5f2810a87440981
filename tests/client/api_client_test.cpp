// API client and the features' API addresses: the URLs a search becomes, how each kind of failed reply is classified for
// the error screen, and that replies reach the UI only through the main-thread queue.
#include "client/api_client.hpp"
#include "client_harness.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace dongelek;
using namespace dongelek::test;

// [SECTION] URLs

TEST_CASE("an empty search asks for all listings without a query string", "[client][api]")
{
    CHECK(BrowseModule::listingsUrl(ListingFilter{}) == "/api/v1/listings");
}

TEST_CASE("a search becomes the API query the server expects, text percent-encoded", "[client][api]")
{
    ListingFilter f;
    f.query = "Land Cruiser";
    f.makeIds = {3};
    f.yearFrom = 2015;
    f.bodies = {Body::Suv};
    f.sort = Sort::PriceAsc;
    f.page = 2;
    CHECK(BrowseModule::listingsUrl(f) == "/api/v1/listings?q=Land%20Cruiser&make=3&year_from=2015&body=suv&sort=price_asc&page=2");
}

TEST_CASE("a listing and the catalog have fixed API paths", "[client][api]")
{
    CHECK(ListingModule::detailsUrl(42) == "/api/v1/listings/42");
    ClientHarness h;
    h.start("/listing/7");
    // The session is looked up first (is a reload still signed in?), then the screen's data.
    CHECK(h.http.urls() ==
          std::vector<std::string>{"/api/v1/auth/refresh", "/api/v1/makes", "/api/v1/cities", "/api/v1/listings/7"});
}

// [SECTION] Classifying replies

TEST_CASE("no HTTP answer at all is a network error carrying the transport message", "[client][api]")
{
    auto r = ApiClient::interpret<ListingPage>(HttpReply{0, "", "Connection refused"});
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind == ErrorKind::Network);
    CHECK(r.error.detail == "Connection refused");

    r = ApiClient::interpret<ListingPage>(HttpReply{0, "", ""});
    CHECK(r.error.kind == ErrorKind::Network);
    CHECK_FALSE(r.error.detail.empty()); // the log still says something
}

TEST_CASE("a 404 is 'not found', never 'network', and keeps the server's error body", "[client][api]")
{
    const auto r = ApiClient::interpret<ListingDetails>(HttpReply{404, errorJson("not_found", "", "no listing 9"), ""});
    CHECK_FALSE(r.ok);
    CHECK(r.error.kind == ErrorKind::NotFound);
    CHECK(r.error.httpStatus == 404);
    CHECK(r.error.api.code == "not_found");
    CHECK(r.error.detail == "HTTP 404: no listing 9");
}

TEST_CASE("a refused request names the offending parameter", "[client][api]")
{
    const auto r = ApiClient::interpret<ListingPage>(HttpReply{400, errorJson("invalid_parameter", "year_from"), ""});
    CHECK(r.error.kind == ErrorKind::BadRequest);
    CHECK(r.error.api.field == "year_from");

    // Other 4xx are the client's fault too, even without a JSON body.
    CHECK(ApiClient::interpret<ListingPage>(HttpReply{414, "<html>too long</html>", ""}).error.kind == ErrorKind::BadRequest);
}

TEST_CASE("5xx replies are server errors, whatever their body", "[client][api]")
{
    for (int status : {500, 502, 503}) {
        INFO("HTTP " << status);
        const auto r = ApiClient::interpret<ListingPage>(HttpReply{status, "Bad Gateway", ""});
        CHECK(r.error.kind == ErrorKind::Server);
        CHECK(r.error.httpStatus == status);
    }
}

TEST_CASE("a 200 whose body is not the expected JSON is a bad response, not a crash", "[client][api]")
{
    for (const char* body : {"", "<html>proxy login</html>", R"({"items": "nope"})", "[1,2"}) {
        INFO(body);
        const auto r = ApiClient::interpret<ListingPage>(HttpReply{200, body, ""});
        CHECK_FALSE(r.ok);
        CHECK(r.error.kind == ErrorKind::BadResponse);
        CHECK_FALSE(r.error.detail.empty());
    }
}

TEST_CASE("a good reply is parsed into the domain type with no error", "[client][api]")
{
    const auto r = ApiClient::interpret<ListingPage>(HttpReply{200, pageJson(45, 2, 20, 21), ""});
    REQUIRE(r.ok);
    CHECK(r.error.kind == ErrorKind::None);
    CHECK(r.value.total == 45);
    CHECK(r.value.page == 2);
    REQUIRE(r.value.items.size() == 20);
    CHECK(r.value.items.front().id == 21);
    CHECK(r.value.items.front().title == "Toyota Camry 2.5");

    const auto makes = ApiClient::interpret<std::vector<MakeInfo>>(HttpReply{200, makesJson(), ""});
    REQUIRE(makes.ok);
    REQUIRE(makes.value.size() == 1);
    CHECK(makes.value[0].models.size() == 2);
}

// [SECTION] Delivery through the queue

TEST_CASE("a reply reaches its callback only when the main thread drains the queue", "[client][api]")
{
    TaskQueue queue;
    FakeHttp http;
    ApiClient api(http.fn(), queue);
    int calls = 0;
    ApiResult<ListingDetails> got;
    api.get<ListingDetails>(ListingModule::detailsUrl(5), [&](ApiResult<ListingDetails> r) {
        ++calls;
        got = std::move(r);
    });
    http.answer(0, 200, detailsJson(5));
    CHECK(calls == 0); // never in the middle of a frame's drawing
    CHECK(queue.drain() == 1);
    CHECK(calls == 1);
    REQUIRE(got.ok);
    CHECK(got.value.summary.id == 5);
    CHECK(got.value.photos.size() == 3);
}

TEST_CASE("a reply answered on an HTTP worker thread runs its callback on the draining thread", "[client][api]")
{
    TaskQueue queue;
    std::thread worker;
    ApiClient api(
        [&worker](HttpRequest, std::function<void(HttpReply)> done) {
            worker = std::thread([done = std::move(done)] { done(HttpReply{200, citiesJson(), ""}); });
        },
        queue);
    std::thread::id ranOn;
    std::size_t cities = 0;
    api.get<std::vector<City>>(BrowseModule::kCitiesUrl, [&](ApiResult<std::vector<City>> r) {
        ranOn = std::this_thread::get_id();
        cities = r.value.size();
    });
    worker.join();
    CHECK(ranOn == std::thread::id{}); // not run on the worker
    queue.drain();
    CHECK(ranOn == std::this_thread::get_id());
    CHECK(cities == 2);
}
