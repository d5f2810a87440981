// The favorites and comparison API against the real dongelek-server process: who may call
// what, another user's favorites out of reach, bodies checked field by field with limits,
// the merge of a device's favorites, the comparison's id rules, and the golden fixtures.

#include "api_calls.hpp"
#include "server_process.hpp"

#include "../fixtures/fixtures.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

using dongelek::test::ServerOptions;
using dongelek::test::ServerProcess;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using dongelek::test::Answer;
using dongelek::test::bearer;
using dongelek::test::call;

// Registers, confirms through the outbox and signs in (api_calls.hpp); the access token.
std::string signedIn(httplib::Client& c, const ServerProcess& s, const std::string& email, std::size_t mailsBefore)
{
    return dongelek::test::signUp(c, s, email, mailsBefore).body["accessToken"];
}

std::unique_ptr<httplib::Client> clientFor(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_read_timeout(20, 0);
    return c;
}

void expectShape(const json& actual, const std::string& fixture)
{
    INFO(fixture << ": " << actual.dump());
    const auto differences = dongelek::test::shapeDifferences(dongelek::test::readFixture(fixture), actual);
    for (const auto& d : differences)
        UNSCOPED_INFO(d);
    CHECK(differences.empty());
}

json item(std::int64_t id, const std::string& at, std::int64_t minor, const std::string& currency = "KZT")
{
    return json{{"listingId", id}, {"savedAt", at}, {"savedPrice", {{"amount_minor", minor}, {"currency", currency}}}};
}

} // namespace

TEST_CASE("favorites: signed-in only, each user's own, saved at the price of the day", "[api][favorites]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    CHECK(call(*c, "GET", "/api/v1/me/favorites").status == 401);
    CHECK(call(*c, "PUT", "/api/v1/me/favorites/3").status == 401);
    CHECK(call(*c, "POST", "/api/v1/me/favorites/merge", R"({"items":[]})").status == 401);
    CHECK(call(*c, "GET", "/api/v1/me/favorites", "", bearer("not-a-token")).status == 401);
    const std::string alice = signedIn(*c, s, "alice@example.kz", 0);
    const std::string bolat = signedIn(*c, s, "bolat@example.kz", 1);

    const Answer added = call(*c, "PUT", "/api/v1/me/favorites/3", "", bearer(alice));
    REQUIRE(added.status == 200);
    CHECK(added.header("Cache-Control") == "no-store");
    expectShape(added.body, "favorite.json");
    const json listing = call(*c, "GET", "/api/v1/listings/3").body;
    CHECK(added.body["savedPrice"] == listing["price"]);
    CHECK(added.body["listing"]["title"] == listing["title"]);
    CHECK(call(*c, "PUT", "/api/v1/me/favorites/3", "", bearer(alice)).body["savedAt"] == added.body["savedAt"]);
    CHECK(call(*c, "PUT", "/api/v1/me/favorites/999999", "", bearer(alice)).status == 404);
    REQUIRE(call(*c, "PUT", "/api/v1/me/favorites/5", "", bearer(alice)).status == 200);

    const Answer mine = call(*c, "GET", "/api/v1/me/favorites", "", bearer(alice));
    REQUIRE(mine.status == 200);
    expectShape(mine.body, "favorites.json");
    CHECK(mine.body["items"].size() == 2);
    // Bolat sees none of them and cannot remove Alice's.
    CHECK(call(*c, "GET", "/api/v1/me/favorites", "", bearer(bolat)).body["items"].empty());
    const Answer steal = call(*c, "DELETE", "/api/v1/me/favorites/3", "", bearer(bolat));
    CHECK(steal.status == 404);
    CHECK(call(*c, "GET", "/api/v1/me/favorites", "", bearer(alice)).body["items"].size() == 2);
    CHECK(call(*c, "DELETE", "/api/v1/me/favorites/3", "", bearer(alice)).status == 204);
    CHECK(call(*c, "DELETE", "/api/v1/me/favorites/3", "", bearer(alice)).status == 404);
    CHECK(call(*c, "GET", "/api/v1/me/favorites", "", bearer(alice)).body["items"].size() == 1);
    CHECK(s.alive());
}

TEST_CASE("favorites: the merge keeps the earliest time, skips unknown cars and checks every field", "[api][favorites]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const std::string alice = signedIn(*c, s, "alice@example.kz", 0);
    const json price3 = call(*c, "GET", "/api/v1/listings/3").body["price"];
    REQUIRE(call(*c, "PUT", "/api/v1/me/favorites/3", "", bearer(alice)).status == 200);

    const json body = {{"items",
                        {item(3, "2026-01-02T03:04:05Z", price3["amount_minor"].get<std::int64_t>() + 7,
                              price3["currency"]),
                         item(4, "2026-02-02T03:04:05Z", 1000), item(888888, "2026-02-02T03:04:05Z", 1000)}}};
    const Answer merged = call(*c, "POST", "/api/v1/me/favorites/merge", body.dump(), bearer(alice));
    REQUIRE(merged.status == 200);
    expectShape(merged.body, "favorites.json");
    REQUIRE(merged.body["items"].size() == 2);
    json three;
    for (const json& f : merged.body["items"])
        if (f["listingId"] == 3) three = f;
    CHECK(three["savedAt"] == "2026-01-02T03:04:05Z");
    CHECK(three["savedPrice"]["amount_minor"] == price3["amount_minor"].get<std::int64_t>() + 7);

    const auto check = [&](const json& b, int status, const std::string& code, const std::string& field) {
        INFO(b.dump());
        const Answer a = call(*c, "POST", "/api/v1/me/favorites/merge", b.dump(), bearer(alice));
        CHECK(a.status == status);
        CHECK(a.code() == code);
        CHECK(a.field() == field);
    };
    check(json{{"items", json::array()}, {"extra", 1}}, 400, "unknown_field", "extra");
    check(json::object(), 400, "missing_field", "items");
    check(json{{"items", "x"}}, 400, "invalid_field", "items");
    check(json{{"items", {1}}}, 400, "invalid_field", "items[0]");
    json noId = item(3, "2026-01-02T03:04:05Z", 1);
    noId.erase("listingId");
    check(json{{"items", {noId}}}, 400, "missing_field", "items[0].listingId");
    check(json{{"items", {item(3, "2026-01-02T03:04:05Z", 1), item(-4, "2026-01-02T03:04:05Z", 1)}}}, 400,
          "invalid_field", "items[1].listingId");
    check(json{{"items", {item(3, "yesterday", 1)}}}, 400, "invalid_field", "items[0].savedAt");
    check(json{{"items", {item(3, "2026-01-02T03:04:05Z", 1, "USD")}}}, 400, "invalid_field",
          "items[0].savedPrice.currency");
    check(json{{"items", {item(3, "2026-01-02T03:04:05Z", -1)}}}, 400, "invalid_field",
          "items[0].savedPrice.amount_minor");
    json extraPrice = item(3, "2026-01-02T03:04:05Z", 1);
    extraPrice["savedPrice"]["rate"] = 2;
    check(json{{"items", {extraPrice}}}, 400, "unknown_field", "items[0].savedPrice.rate");
    json many = json{{"items", json::array()}};
    for (int i = 0; i < 201; ++i)
        many["items"].push_back(item(1 + i % 50, "2026-01-02T03:04:05Z", 1));
    check(many, 400, "invalid_field", "items");
    json big = json{{"items", json::array()}};
    big["items"].push_back(item(3, "2026-01-02T03:04:05Z", 1));
    big["items"][0]["savedAt"] = std::string(70000, 'x');
    {
        // The server answers 413 from the headers and may close before the body is sent.
        const httplib::Result r = c->Post("/api/v1/me/favorites/merge", bearer(alice), big.dump(), "application/json");
        CHECK((!r || r->status == 413));
        c = clientFor(s);
    }
    // 200 is allowed.
    json full = json{{"items", json::array()}};
    for (int i = 0; i < 200; ++i)
        full["items"].push_back(item(1 + i % 50, "2026-01-02T03:04:05Z", 1));
    CHECK(call(*c, "POST", "/api/v1/me/favorites/merge", full.dump(), bearer(alice)).status == 200);
    CHECK(s.alive());
}

TEST_CASE("compare: up to five listings, unknown ids reported, bad lists refused naming ids", "[api][favorites]")
{
    ServerProcess s(ServerOptions{50, true, true, {}});
    auto c = clientFor(s);
    const Answer a = call(*c, "GET", "/api/v1/compare?ids=4,2,777777");
    REQUIRE(a.status == 200);
    expectShape(a.body, "comparison.json");
    REQUIRE(a.body["items"].size() == 2);
    CHECK(a.body["items"][0]["id"] == 4);
    CHECK(a.body["items"][1]["id"] == 2);
    CHECK(a.body["unknown_ids"] == json::array({777777}));
    CHECK(call(*c, "GET", "/api/v1/compare?ids=1,2,3,4,5").body["items"].size() == 5);
    for (const char* bad : {"", "?ids=", "?ids=1,2,3,4,5,6", "?ids=1,,2", "?ids=a", "?ids=0", "?ids=1,2,", "?ids=-3",
                            "?ids=99999999999999999999"}) {
        INFO(bad);
        const Answer r = call(*c, "GET", std::string("/api/v1/compare") + bad);
        CHECK(r.status == 400);
        CHECK(r.field() == "ids");
    }
    CHECK(s.alive());
}
