// The search API against the real server on the engine under test: new filters, live
// facet counts, typo- and script-tolerant free text, suggestions, and bad input.
#include "api_calls.hpp"
#include "server_process.hpp"

#include "server/db/open_database.hpp"
#include "server/features/listings/sql_listing_repository.hpp"

#include "core/finance/loan_filter.hpp"
#include "core/json_mapping.hpp"
#include "core/listing_query.hpp"
#include "core/money.hpp"
#include "core/text_format.hpp"

#include <ctime>

#include <catch2/catch.hpp>
#include <httplib.h>

using namespace dongelek;
using dongelek::test::ServerProcess;

namespace {

std::unique_ptr<httplib::Client> clientOf(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_url_encode(false);
    c->set_read_timeout(20, 0);
    return c;
}

template <typename T> T get(httplib::Client& c, const std::string& path)
{
    auto r = c.Get(path.c_str());
    INFO("GET " << path);
    REQUIRE(r);
    INFO(r->body.substr(0, 400));
    REQUIRE(r->status == 200);
    T out;
    REQUIRE(parseJson(r->body, out));
    return out;
}

ApiError refusal(httplib::Client& c, const std::string& path)
{
    auto r = c.Get(path.c_str());
    INFO("GET " << path);
    REQUIRE(r);
    CHECK(r->status == 400);
    ApiError e;
    REQUIRE(parseJson(r->body, e));
    return e;
}

} // namespace

TEST_CASE("search api: facet counts are what the search would find with that option", "[server][api][search]")
{
    ServerProcess server;
    auto c = clientOf(server);
    const auto facets = get<SearchFacets>(*c, "/api/v1/search/facets?make=1&fuel=petrol");
    CHECK(facets.total == get<ListingPage>(*c, "/api/v1/listings?make=1&fuel=petrol").total);
    // Another make is counted as if it were chosen instead (disjunctive facets).
    const std::int64_t hondas = facets.count("make", "2");
    CHECK(hondas == get<ListingPage>(*c, "/api/v1/listings?make=2&fuel=petrol").total);
    CHECK(facets.count("fuel", "diesel") == get<ListingPage>(*c, "/api/v1/listings?make=1&fuel=diesel").total);
    CHECK(facets.count("photos", "1") == get<ListingPage>(*c, "/api/v1/listings?make=1&fuel=petrol&photos=1").total);
    CHECK(facets.count("posted_within", "30") ==
          get<ListingPage>(*c, "/api/v1/listings?make=1&fuel=petrol&posted_within=30").total);
    // Paging and order do not change counts.
    const auto paged = get<SearchFacets>(*c, "/api/v1/search/facets?fuel=petrol&make=1&page=3&sort=price_asc");
    CHECK(paged.total == facets.total);
    // Bad input is refused like the search's, naming the field.
    CHECK(refusal(*c, "/api/v1/search/facets?body=boat").field == "body");
    CHECK(refusal(*c, "/api/v1/search/facets?make=1,x").field == "make");
}

TEST_CASE("search api: free text forgives typos and either script", "[server][api][search]")
{
    ServerProcess server;
    auto c = clientOf(server);
    const auto camrys = get<ListingPage>(*c, "/api/v1/listings?q=camry&page_size=100");
    REQUIRE(camrys.total > 0);
    for (const char* q : {"kamry", "kamri", "%D0%BA%D0%B0%D0%BC%D1%80%D0%B8", "toyota%20camry", "toyta%20kamry", "Camr"}) {
        INFO(q);
        const auto r = get<ListingPage>(*c, std::string("/api/v1/listings?page_size=100&q=") + q);
        CHECK(r.total == camrys.total);
        for (const auto& item : r.items)
            CHECK(item.model == "Camry");
    }
    // A year in the text finds that year; nonsense finds nothing (and is no error).
    const auto y = get<ListingPage>(*c, "/api/v1/listings?q=camry%202018&page_size=100");
    for (const auto& item : y.items)
        CHECK(item.year == 2018);
    CHECK(get<ListingPage>(*c, "/api/v1/listings?q=zzzzqqq").total == 0);
    CHECK(get<ListingPage>(*c, "/api/v1/listings?q=%22%27%3B--").total == 0);
}

TEST_CASE("search api: suggestions for text being typed", "[server][api][search]")
{
    ServerProcess server;
    auto c = clientOf(server);
    const auto toy = get<SuggestionList>(*c, "/api/v1/search/suggest?q=toy");
    REQUIRE_FALSE(toy.items.empty());
    CHECK(toy.items[0].kind == SuggestionKind::Make);
    CHECK(toy.items[0].text == "Toyota");
    CHECK(toy.items[0].query == "make=1");
    // A typo and the other script still suggest the model, with the search it opens.
    for (const char* q : {"kamr", "%D0%BA%D0%B0%D0%BC%D1%80", "toyta%20cam"}) {
        INFO(q);
        const auto s = get<SuggestionList>(*c, std::string("/api/v1/search/suggest?q=") + q);
        const bool camry = std::any_of(s.items.begin(), s.items.end(), [](const Suggestion& x) {
            return x.kind == SuggestionKind::Model && x.text == "Toyota Camry";
        });
        CHECK(camry);
        for (const Suggestion& x : s.items) {
            ListingFilter f;
            FieldError e;
            CHECK(parseListingQuery(x.query, f, e)); // every suggestion opens a valid search
            CHECK(x.count > 0);
        }
    }
    // Searches people made come back as popular searches once made twice.
    for (int i = 0; i < 2; ++i)
        get<ListingPage>(*c, "/api/v1/listings?q=land%20cruiser%20prado");
    const auto popular = get<SuggestionList>(*c, "/api/v1/search/suggest?q=land%20cruiser%20pr");
    CHECK(std::any_of(popular.items.begin(), popular.items.end(),
                      [](const Suggestion& x) { return x.kind == SuggestionKind::Search; }));
    CHECK(get<SuggestionList>(*c, "/api/v1/search/suggest?q=%20").items.empty());
    CHECK(refusal(*c, "/api/v1/search/suggest").field == "q");
    CHECK(refusal(*c, "/api/v1/search/suggest?q=" + std::string(61, 'a')).field == "q");
    CHECK(refusal(*c, "/api/v1/search/suggest?q=%FF").field == "q");
}

TEST_CASE("search api: the new filters narrow the search and come back in the answer", "[server][api][search]")
{
    ServerProcess server;
    auto c = clientOf(server);
    const auto all = get<ListingPage>(*c, "/api/v1/listings");
    const auto dealerSpins = get<ListingPage>(*c, "/api/v1/listings?seller=dealer&spin=1&vin_verified=1&page_size=100");
    CHECK(dealerSpins.total > 0);
    CHECK(dealerSpins.total < all.total);
    for (const auto& item : dealerSpins.items) {
        CHECK(item.sellerKind == SellerKind::Dealer);
        CHECK(item.hasSpin);
        CHECK(item.vinVerified);
    }
    // "Verified seller": about half the demo sellers; the facet counts them as the filter does.
    const auto verified = get<ListingPage>(*c, "/api/v1/listings?verified_seller=1&page_size=100");
    CHECK(verified.total > 0);
    CHECK(verified.total < all.total);
    for (const auto& item : verified.items)
        CHECK(item.sellerVerified);
    CHECK(get<SearchFacets>(*c, "/api/v1/search/facets").count("verified_seller", "1") == verified.total);
    CHECK(get<SearchFacets>(*c, "/api/v1/search/facets?seller=dealer").count("verified_seller", "1") ==
          get<ListingPage>(*c, "/api/v1/listings?seller=dealer&verified_seller=1").total);
    CHECK(refusal(*c, "/api/v1/listings?verified_seller=yes").field == "verified_seller");
    const auto fresh = get<ListingPage>(*c, "/api/v1/listings?posted_within=7&page_size=100");
    CHECK(fresh.total > 0); // demo dates count back from the server's start
    const auto photos = get<ListingPage>(*c, "/api/v1/listings?photos=1&page_size=100");
    for (const auto& item : photos.items) {
        CHECK(item.photoCount > 0);
        CHECK_FALSE(item.thumbUrl.empty());
    }
    const auto two = get<ListingPage>(*c, "/api/v1/listings?make=1,2&page_size=100");
    CHECK(two.total == get<ListingPage>(*c, "/api/v1/listings?make=1").total +
                           get<ListingPage>(*c, "/api/v1/listings?make=2").total);
    const auto d = get<ListingDetails>(*c, "/api/v1/listings/" + std::to_string(all.items.at(0).id));
    CHECK((d.steering == Steering::Left || d.steering == Steering::Right));
}

TEST_CASE("search api: monthly payment up to keeps the cars whose loan payment fits, at the buyer's terms",
          "[server][api][search]")
{
    ServerProcess server;
    auto c = clientOf(server);
    const auto all = get<ListingPage>(*c, "/api/v1/listings");
    const finance::BuyerLoanTerms terms{30, 48, 1600};
    const std::int64_t monthly = 150'000; // tenge
    const auto fits = get<ListingPage>(*c, "/api/v1/listings?monthly_max=150000&loan_down=30&loan_term=48&loan_rate=1600&page_size=100&sort=price_desc");
    CHECK(fits.total > 0);
    CHECK(fits.total < all.total);
    for (const auto& item : fits.items) { // the priciest first: the edge of the bound
        const Money kzt{toKztWhole(item.price) * 100, Currency::KZT};
        CHECK(finance::monthlyPaymentMinor(kzt, terms) <= monthly * 100);
    }
    // The same bound as a price: the filter is the price it implies, nothing more or less.
    ListingFilter f;
    f.monthlyMax = monthly;
    f.loanDownPercent = 30;
    f.loanTermMonths = 48;
    f.loanRateBp = 1600;
    const auto bound = finance::priceBoundForMonthly(f);
    REQUIRE(bound);
    CHECK(get<ListingPage>(*c, "/api/v1/listings?price_to=" + std::to_string(*bound)).total == fits.total);
    // Facet counts follow it too.
    CHECK(get<SearchFacets>(*c, "/api/v1/search/facets?monthly_max=150000&loan_down=30&loan_term=48&loan_rate=1600").total ==
          fits.total);
    CHECK(refusal(*c, "/api/v1/listings?monthly_max=100000&loan_term=0").field == "loan_term");
    CHECK(refusal(*c, "/api/v1/listings?loan_down=95").field == "loan_down");
}

// [SECTION] Saved searches and alerts

namespace {

// A listing written straight into the server's database, as the listing editor will: the
// server notices the new data version and its search index and alerts follow.
void publish(const ServerProcess& server, std::int64_t id, std::int64_t makeId, std::int64_t modelId, const char* title)
{
    auto database = server::db::openDatabase(server.databaseUrl());
    server::SqlListingRepository repo(*database);
    auto writer = repo.beginBulkImport();
    server::ListingRecord r;
    r.id = id;
    r.sellerId = 1;
    r.makeId = makeId;
    r.modelId = modelId;
    r.year = 2024;
    r.price = Money{15'500'000'00, Currency::KZT};
    r.mileageKm = 12'000;
    r.cityId = 1;
    r.title = title;
    r.description = "Новая машина";
    r.color = "white";
    r.vin = "JTNB11HK103000001";
    r.createdAt = isoTimestamp(std::time(nullptr));
    writer->addListing(r);
    writer->commit();
}

test::Answer waitForNotifications(httplib::Client& c, const std::string& token, std::size_t n)
{
    test::Answer a;
    for (int i = 0; i < 100; ++i) {
        a = test::call(c, "GET", "/api/v1/me/notifications", "", test::bearer(token));
        if (a.status == 200 && a.body["items"].size() >= n) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return a;
}

} // namespace

TEST_CASE("saved searches: only their owner sees them, a new matching listing raises a notification and a mail",
          "[server][api][search][saved]")
{
    using test::bearer;
    using test::call;
    using test::json;
    ServerProcess server;
    auto c = clientOf(server);
    const std::string alice = test::signUp(*c, server, "alice@example.kz", 0).body["accessToken"];
    const std::string bolat = test::signUp(*c, server, "bolat@example.kz", 1).body["accessToken"];

    // Anonymous callers are refused.
    CHECK(call(*c, "GET", "/api/v1/me/saved-searches").status == 401);
    const test::Answer saved = call(*c, "POST", "/api/v1/me/saved-searches",
                                    json{{"query", "model=1&make=1&page=3&sort=price_asc"}, {"name", "Camry"}, {"alert", true}}.dump(),
                                    bearer(alice));
    REQUIRE(saved.status == 201);
    CHECK(saved.body["query"] == "make=1&model=1"); // canonical: no page, no order
    CHECK(saved.body["total"].get<std::int64_t>() > 0);
    CHECK(saved.body["unread"] == 0);
    const std::int64_t id = saved.body["id"];
    CHECK(call(*c, "GET", "/api/v1/me/saved-searches", "", bearer(alice)).body["items"].size() == 1);

    // Another user neither sees nor changes it.
    CHECK(call(*c, "GET", "/api/v1/me/saved-searches", "", bearer(bolat)).body["items"].empty());
    CHECK(call(*c, "PATCH", "/api/v1/me/saved-searches/" + std::to_string(id), json{{"alert", false}}.dump(), bearer(bolat))
              .status == 404);
    CHECK(call(*c, "DELETE", "/api/v1/me/saved-searches/" + std::to_string(id), "", bearer(bolat)).status == 404);

    // Bad input names the field.
    CHECK(call(*c, "POST", "/api/v1/me/saved-searches", json{{"query", "year_from=abc"}}.dump(), bearer(alice)).field() ==
          "query");
    CHECK(call(*c, "POST", "/api/v1/me/saved-searches", json{{"query", ""}, {"colour", "red"}}.dump(), bearer(alice))
              .field() == "colour");
    CHECK(call(*c, "POST", "/api/v1/me/saved-searches", json{{"query", ""}, {"alert", "yes"}}.dump(), bearer(alice))
              .field() == "alert");
    CHECK(call(*c, "POST", "/api/v1/me/saved-searches", json{{"query", ""}, {"name", std::string(81, 'a')}}.dump(),
               bearer(alice))
              .field() == "name");
    CHECK(call(*c, "POST", "/api/v1/me/notifications/read", json{{"ids", {1, "x"}}}.dump(), bearer(alice)).field() ==
          "ids");

    // A new Camry alerts; a new Lada does not.
    publish(server, 401, 1, 1, "Toyota Camry 2.5");
    const auto makes = get<std::vector<MakeInfo>>(*c, "/api/v1/makes");
    const auto other = std::find_if(makes.begin(), makes.end(), [](const MakeInfo& m) { return m.id != 1 && !m.models.empty(); });
    REQUIRE(other != makes.end());
    publish(server, 402, other->id, other->models.front().id, "Another car");
    const test::Answer n = waitForNotifications(*c, alice, 1);
    REQUIRE(n.body["items"].size() == 1);
    CHECK(n.body["unread"] == 1);
    CHECK(n.body["items"][0]["listing"]["id"] == 401);
    CHECK(n.body["items"][0]["listing"]["title"] == "Toyota Camry 2.5");
    CHECK(n.body["items"][0]["saved_search_name"] == "Camry");
    const auto mails = test::waitForFiles(server.outbox(), 3, ".eml");
    const std::string mail = test::plainText(mails.back());
    CHECK(mail.find("Toyota Camry 2.5") != std::string::npos);
    CHECK(mail.find("/listing/401") != std::string::npos);
    CHECK(call(*c, "GET", "/api/v1/me/notifications", "", bearer(bolat)).body["items"].empty());
    CHECK(call(*c, "GET", "/api/v1/me/saved-searches", "", bearer(alice)).body["items"][0]["unread"] == 1);

    // Read, then the alert off: the next Camry raises nothing.
    CHECK(call(*c, "POST", "/api/v1/me/notifications/read", "{}", bearer(alice)).body["marked"] == 1);
    CHECK(call(*c, "GET", "/api/v1/me/notifications", "", bearer(alice)).body["unread"] == 0);
    CHECK(call(*c, "PATCH", "/api/v1/me/saved-searches/" + std::to_string(id), json{{"alert", false}}.dump(), bearer(alice))
              .body["alert"] == false);
    publish(server, 403, 1, 1, "Toyota Camry 3.5");
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(call(*c, "GET", "/api/v1/me/notifications", "", bearer(alice)).body["items"].size() == 1);
    CHECK(call(*c, "DELETE", "/api/v1/me/saved-searches/" + std::to_string(id), "", bearer(alice)).status == 204);
    CHECK(call(*c, "GET", "/api/v1/me/notifications", "", bearer(alice)).body["items"].empty());
}

// [SECTION] Listing page extras: price insight, similar cars, the seller's listings, contact, reports

TEST_CASE("listing api: price insight, similar cars and the seller's other listings", "[server][api][listing]")
{
    ServerProcess server;
    auto c = clientOf(server);
    // A Camry has plenty of comparables among 400 demo listings.
    const auto camrys = get<ListingPage>(*c, "/api/v1/listings?make=1&model=1&page_size=100");
    REQUIRE(camrys.total > 10);
    const std::int64_t id = camrys.items[0].id;
    const auto insight = get<PriceInsight>(*c, "/api/v1/listings/" + std::to_string(id) + "/insight");
    if (insight.available) {
        CHECK(insight.estimate.currency == camrys.items[0].price.currency);
        CHECK(insight.low.amountMinor <= insight.estimate.amountMinor);
        CHECK(insight.estimate.amountMinor <= insight.high.amountMinor);
        CHECK(insight.rating != DealRating::Unknown);
        CHECK(insight.comparables >= 6);
    }
    // Some listing has a price history, ending with today's price.
    bool sawHistory = false;
    for (const auto& item : get<ListingPage>(*c, "/api/v1/listings?page_size=100").items) {
        const auto i = get<PriceInsight>(*c, "/api/v1/listings/" + std::to_string(item.id) + "/insight");
        if (i.history.empty()) continue;
        sawHistory = true;
        CHECK(i.history.back().price == item.price);
        CHECK(i.history.front().price.amountMinor > item.price.amountMinor);
        break;
    }
    CHECK(sawHistory);

    const auto similar = get<ListingPage>(*c, "/api/v1/listings/" + std::to_string(id) + "/similar");
    REQUIRE_FALSE(similar.items.empty());
    CHECK(similar.items.size() <= 8);
    CHECK(similar.items[0].model == "Camry"); // the same model first
    for (const auto& item : similar.items)
        CHECK(item.id != id);

    const auto details = get<ListingDetails>(*c, "/api/v1/listings/" + std::to_string(id));
    CHECK(details.seller.phone.empty()); // only through the contact route
    const auto others = get<ListingPage>(*c, "/api/v1/sellers/" + std::to_string(details.seller.id) +
                                                 "/listings?except=" + std::to_string(id) + "&page_size=100");
    for (const auto& item : others.items)
        CHECK(item.id != id);
    CHECK(refusal(*c, "/api/v1/sellers/1/listings?page=0").field == "page");
    CHECK(c->Get("/api/v1/listings/999999/insight")->status == 404);
    CHECK(c->Get("/api/v1/listings/999999/similar")->status == 404);
}

TEST_CASE("listing api: the phone is shown after a click, counted and rate limited, reports are stored",
          "[server][api][listing]")
{
    using test::call;
    using test::json;
    ServerProcess server;
    auto c = clientOf(server);
    const auto page = get<ListingPage>(*c, "/api/v1/listings?page_size=1");
    const std::string base = "/api/v1/listings/" + std::to_string(page.items.at(0).id);
    const test::Answer shown = call(*c, "POST", base + "/contact", json{{"channel", "whatsapp"}}.dump());
    REQUIRE(shown.status == 200);
    const std::string phone = shown.body["phone"];
    CHECK(phone.rfind("+", 0) == 0);
    CHECK(shown.body["whatsapp"].get<std::string>().rfind("https://wa.me/", 0) == 0);
    CHECK(shown.body["telegram"].get<std::string>().rfind("https://t.me/+", 0) == 0);
    CHECK(shown.header("Cache-Control") == "no-store");
    CHECK(call(*c, "POST", base + "/contact", json{{"channel", "pigeon"}}.dump()).field() == "channel");
    CHECK(call(*c, "POST", base + "/contact", json{{"chanel", "phone"}}.dump()).field() == "chanel");
    CHECK(call(*c, "POST", "/api/v1/listings/999999/contact", "{}").status == 404);
    // 30 an hour per address, then 429 with Retry-After.
    test::Answer last;
    for (int i = 0; i < 30 && last.status != 429; ++i)
        last = call(*c, "POST", base + "/contact", "{}");
    CHECK(last.status == 429);
    CHECK_FALSE(last.header("Retry-After").empty());

    CHECK(call(*c, "POST", base + "/reports", json{{"reason", "boring"}}.dump()).field() == "reason");
    CHECK(call(*c, "POST", base + "/reports", json{{"reason", "fraud"}, {"comment", std::string(1001, 'x')}}.dump())
              .field() == "comment");
    const test::Answer report = call(*c, "POST", base + "/reports",
                                     json{{"reason", "wrong_price"}, {"comment", "Цена в объявлении неверная"}}.dump());
    CHECK(report.status == 201);
    CHECK(call(*c, "POST", base + "/reports", json{{"reason", "fraud"}}.dump()).body["status"] == "already_reported");
}
