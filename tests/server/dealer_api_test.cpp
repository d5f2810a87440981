// Many listings at once against the real dongelek-server process: the bulk route changes
// the caller's own listings only (others reported not_found, untouched), refuses more than
// 200 ids and a price out of bounds as a whole, and buyers see an unpublish at once; the
// import route turns a CSV file's good rows into drafts with a report naming the broken
// ones, and refuses a body that is not CSV or is over the limits.

#include "api_calls.hpp"
#include "server_process.hpp"

#include "server/db/open_database.hpp"
#include "server/features/media/jpeg.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

using dongelek::test::Answer;
using dongelek::test::bearer;
using dongelek::test::call;
using dongelek::test::ServerOptions;
using dongelek::test::ServerProcess;
using nlohmann::json;

namespace {

std::string photo(int seed)
{
    const int w = 640, h = 480;
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
            p[0] = static_cast<std::uint8_t>(x * 255 / w);
            p[1] = static_cast<std::uint8_t>(y * 255 / h);
            p[2] = static_cast<std::uint8_t>(seed * 40);
        }
    return dongelek::server::encodeJpeg(px, w, h, 85);
}

void confirmPhone(const ServerProcess& s, const std::string& email, const std::string& phone)
{
    auto database = dongelek::server::db::openDatabase(s.databaseUrl());
    auto lease = database->acquire();
    dongelek::server::db::WriteTransaction tx(lease, dongelek::server::db::Visibility::Private);
    tx.connection().prepare("UPDATE users SET phone = ? WHERE email = ?").bind(1, phone).bind(2, email).run();
    tx.commit();
}

const std::string kHeader =
    "make,model,year,price,mileage_km,body,fuel,transmission,drive,engine_litres,power_hp,color,condition,city,description\n";

std::string goodRow(int year, const std::string& price)
{
    return "Toyota,Camry," + std::to_string(year) + "," + price +
           ",84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Almaty,\"Dealer stock, serviced\"\n";
}

// A published listing of the token's user at `price` whole tenge: imported, given photos, published.
std::int64_t publishListing(httplib::Client& c, const std::string& token, const std::string& price, int& uploads)
{
    const Answer imported = call(c, "POST", "/api/v1/me/listings/import", kHeader + goodRow(2020, price), bearer(token),
                                 "text/csv");
    REQUIRE(imported.status == 200);
    REQUIRE(imported.body["created"] == 1);
    const std::int64_t draftId = imported.body["rows"][0]["draft_id"];
    const std::string path = "/api/v1/me/drafts/" + std::to_string(draftId);
    const Answer draft = call(c, "GET", path, "", bearer(token));
    REQUIRE(draft.status == 200);
    json doc = draft.body["document"];
    json photos = json::array();
    for (int i = 0; i < 3; ++i) {
        const std::string key = "p" + std::to_string(++uploads);
        const Answer u = call(c, "PUT", "/api/v1/me/uploads/" + key, photo(uploads), bearer(token), "image/jpeg");
        REQUIRE(u.status == 201);
        photos.push_back({{"key", key}, {"upload_id", u.body["id"]}, {"width", u.body["width"]}, {"height", u.body["height"]}});
    }
    doc["photos"] = photos;
    const Answer saved = call(c, "PUT", path, json{{"base_version", 1}, {"document", doc}}.dump(), bearer(token));
    REQUIRE(saved.status == 200);
    const Answer pub = call(c, "POST", path + "/publish", json{{"base_version", 2}}.dump(), bearer(token));
    INFO(pub.body.dump());
    REQUIRE(pub.status == 201);
    return pub.body["listing_id"];
}

json priceOf(httplib::Client& c, std::int64_t id)
{
    const Answer a = call(c, "GET", "/api/v1/listings/" + std::to_string(id));
    REQUIRE(a.status == 200);
    return a.body["price"];
}

const json* resultFor(const Answer& a, std::int64_t id)
{
    for (const json& r : a.body["results"])
        if (r["id"] == id) return &r;
    return nullptr;
}

} // namespace

TEST_CASE("dealer api: bulk changes reach the caller's own listings only, all or nothing", "[api][dealer]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(60, 0);
    const std::string dealer = dongelek::test::signUp(c, s, "dealer@example.kz", 0).body["accessToken"];
    const std::string other = dongelek::test::signUp(c, s, "other@example.kz", 1).body["accessToken"];
    confirmPhone(s, "dealer@example.kz", "+77015550101");
    confirmPhone(s, "other@example.kz", "+77015550102");

    const std::string bulk = "/api/v1/me/listings/bulk";
    CHECK(call(c, "POST", bulk, json{{"ids", {1}}, {"action", "sold"}}.dump()).status == 401);

    int uploads = 0;
    const std::int64_t a = publishListing(c, dealer, "9800000", uploads);
    const std::int64_t b = publishListing(c, dealer, "150000", uploads);
    int otherUploads = 100;
    const std::int64_t theirs = publishListing(c, other, "7000000", otherUploads);

    // -10 %: both of the dealer's change; the other account's listing is not found and untouched.
    Answer r = call(c, "POST", bulk, json{{"ids", {a, b, theirs}}, {"action", "price"}, {"percent", -10}}.dump(),
                    bearer(dealer));
    REQUIRE(r.status == 200);
    CHECK(r.body["applied"] == true);
    CHECK(r.body["changed"] == 2);
    REQUIRE(resultFor(r, theirs));
    CHECK((*resultFor(r, theirs))["ok"] == false);
    CHECK((*resultFor(r, theirs))["code"] == "not_found");
    CHECK((*resultFor(r, a))["ok"] == true);
    REQUIRE(r.body["listings"].size() == 2);
    CHECK(r.body["listings"][0]["price"]["amount_minor"] == 8'820'000'00);
    CHECK(priceOf(c, a)["amount_minor"] == 8'820'000'00);
    CHECK(priceOf(c, b)["amount_minor"] == 135'000'00);
    CHECK(priceOf(c, theirs)["amount_minor"] == 7'000'000'00);
    // The other account cannot change the dealer's listings either.
    r = call(c, "POST", bulk, json{{"ids", {a}}, {"action", "sold"}}.dump(), bearer(other));
    REQUIRE(r.status == 200);
    CHECK(r.body["changed"] == 0);
    CHECK(r.body["results"][0]["code"] == "not_found");

    // Below the bounds for one: 422, and nothing changed for any.
    r = call(c, "POST", bulk, json{{"ids", {a, b}}, {"action", "price"}, {"percent", -30}}.dump(), bearer(dealer));
    CHECK(r.status == 422);
    CHECK(r.code() == "price_out_of_range");
    CHECK(r.body["applied"] == false);
    CHECK((*resultFor(r, b))["code"] == "price_out_of_range");
    CHECK((*resultFor(r, b))["price"]["amount_minor"] == 94'500'00);
    CHECK((*resultFor(r, a))["code"] == "not_applied");
    CHECK(priceOf(c, a)["amount_minor"] == 8'820'000'00);

    // Malformed requests.
    json many = json::array();
    for (int i = 1; i <= 201; ++i)
        many.push_back(i);
    r = call(c, "POST", bulk, json{{"ids", many}, {"action", "sold"}}.dump(), bearer(dealer));
    CHECK(r.status == 400);
    CHECK(r.field() == "ids");
    CHECK(call(c, "POST", bulk, json{{"ids", {a}}, {"action", "archive"}}.dump(), bearer(dealer)).status == 400);
    CHECK(call(c, "POST", bulk, json{{"ids", {a}}, {"action", "price"}}.dump(), bearer(dealer)).status == 400);
    CHECK(call(c, "POST", bulk, json{{"ids", {a}}, {"action", "price"}, {"percent", 80}}.dump(), bearer(dealer)).status ==
          400);
    CHECK(call(c, "POST", bulk, json{{"ids", json::array()}, {"action", "sold"}}.dump(), bearer(dealer)).status == 400);
    CHECK(call(c, "POST", bulk, json{{"ids", {a}}, {"action", "sold"}, {"extra", 1}}.dump(), bearer(dealer)).status ==
          400);

    // Unpublished: buyers get 404 at once, the seller still lists them.
    r = call(c, "POST", bulk, json{{"ids", {a, b}}, {"action", "unpublish"}}.dump(), bearer(dealer));
    REQUIRE(r.status == 200);
    CHECK(r.body["listings"][0]["status"] == "unpublished");
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(a)).status == 404);
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(b)).status == 404);
    CHECK(call(c, "GET", "/api/v1/me/listings", "", bearer(dealer)).body["items"].size() == 2);
    r = call(c, "POST", bulk, json{{"ids", {a}}, {"action", "publish"}}.dump(), bearer(dealer));
    CHECK(r.status == 200);
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(a)).status == 200);
}

TEST_CASE("dealer api: a CSV import makes drafts of the good rows and names the broken ones", "[api][dealer]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(60, 0);
    const std::string token = dongelek::test::signUp(c, s, "importer@example.kz", 0).body["accessToken"];
    const std::string import = "/api/v1/me/listings/import";

    CHECK(call(c, "POST", import, kHeader + goodRow(2019, "12500000"), {}, "text/csv").status == 401);

    const std::string csv = kHeader + goodRow(2019, "12500000") +
                            "Toyota,Camry,2019,12500000,84000,limousine,petrol,automatic,fwd,2.5,181,white,used,Almaty,x\n" +
                            goodRow(2020, "\"13 900 000\"") +
                            "Toyota,Camry,2019,12500000,84000,sedan,petrol,automatic,fwd,2.5,181,white,used,Gotham,x\n" +
                            goodRow(2021, "15000000");
    Answer r = call(c, "POST", import, csv, bearer(token), "text/csv");
    REQUIRE(r.status == 200);
    CHECK(r.body["created"] == 3);
    CHECK(r.body["failed"] == 2);
    REQUIRE(r.body["rows"].size() == 5);
    const json& rows = r.body["rows"];
    CHECK(rows[0]["ok"] == true);
    CHECK(rows[0]["complete_except_photos"] == true);
    CHECK(rows[0]["draft_id"].is_number_integer());
    CHECK(rows[1]["ok"] == false);
    CHECK(rows[1]["row"] == 3);
    CHECK_FALSE(rows[1].contains("draft_id"));
    REQUIRE(rows[1]["problems"].size() == 1);
    CHECK(rows[1]["problems"][0]["field"] == "body");
    CHECK(rows[1]["problems"][0]["code"] == "unknown_value");
    CHECK(rows[1]["problems"][0]["message"].get<std::string>().find("limousine") != std::string::npos);
    CHECK(rows[3]["ok"] == false);
    CHECK(rows[3]["row"] == 5);
    CHECK(rows[3]["problems"][0]["field"] == "city");
    CHECK(rows[3]["problems"][0]["code"] == "unknown_city");
    CHECK(rows[3]["problems"][0]["message"].get<std::string>().find("Gotham") != std::string::npos);
    CHECK(rows[4]["ok"] == true);

    // The drafts are there for the editor, each missing only its photos.
    const Answer drafts = call(c, "GET", "/api/v1/me/drafts", "", bearer(token));
    REQUIRE(drafts.status == 200);
    REQUIRE(drafts.body["items"].size() == 3);
    for (const json& d : drafts.body["items"]) {
        CHECK(d["document"]["make_id"].is_number_integer());
        CHECK(d["document"]["price_minor"].get<std::int64_t>() >= 12'500'000'00);
        for (const json& p : d["problems"])
            if (p["level"] == "error") CHECK(p["field"] == "photos");
    }

    // Not CSV, or over the limits: 400 for the whole file, nothing made.
    r = call(c, "POST", import, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\x80", 20), bearer(token), "image/png");
    CHECK(r.status == 400);
    CHECK(r.code() == "not_csv");
    r = call(c, "POST", import, "", bearer(token), "text/csv");
    CHECK(r.status == 400);
    CHECK(r.code() == "empty");
    r = call(c, "POST", import, "name,size\nx,y\n", bearer(token), "text/csv");
    CHECK(r.status == 400);
    CHECK(r.code() == "no_known_columns");
    std::string tooMany = kHeader;
    for (int i = 0; i < 501; ++i)
        tooMany += goodRow(2019, "12500000");
    r = call(c, "POST", import, tooMany, bearer(token), "text/csv");
    CHECK(r.status == 400);
    CHECK(r.code() == "too_many_rows");
    std::string huge = kHeader;
    while (huge.size() <= (1u << 20))
        huge += goodRow(2019, "12500000");
    r = call(c, "POST", import, huge, bearer(token), "text/csv");
    CHECK(r.status == 413);
    CHECK(call(c, "GET", "/api/v1/me/drafts", "", bearer(token)).body["items"].size() == 3);
}
