// The seller's editor API against the real dongelek-server process: photos checked by their
// content (empty, not a picture, truncated, a header claiming a huge size, too small), encoded
// again without their metadata in the standard sizes; a draft saved, refused on a stale version,
// published, seen by buyers with the uploaded photos, and managed by its seller only.

#include "api_calls.hpp"
#include "server_process.hpp"
#include "spin_files.hpp"

#include "server/db/open_database.hpp"
#include "server/features/media/jpeg.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <thread>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

using dongelek::test::Answer;
using dongelek::test::bearer;
using dongelek::test::call;
using dongelek::test::ServerOptions;
using dongelek::test::ServerProcess;
using nlohmann::json;

namespace {

// A photo as a phone takes it: a gradient with a car-coloured box, w x h, as JPEG, with an
// EXIF block naming where it was taken (which must not survive the upload).
std::string cameraJpeg(int w, int h)
{
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint8_t* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
            const bool car = x > w / 4 && x < w * 3 / 4 && y > h / 3 && y < h * 3 / 4;
            p[0] = car ? 180 : static_cast<std::uint8_t>(x * 255 / w);
            p[1] = car ? 30 : static_cast<std::uint8_t>(y * 255 / h);
            p[2] = car ? 40 : 120;
        }
    std::string jpeg = dongelek::server::encodeJpeg(px, w, h, 85);
    // APP1 "Exif" right after SOI, with a location string inside.
    const std::string payload = std::string("Exif\0\0", 6) + "GPS 43.238949 76.889709 SECRET-LOCATION";
    const std::size_t len = payload.size() + 2;
    std::string app1 = "\xFF\xE1";
    app1 += static_cast<char>(len >> 8);
    app1 += static_cast<char>(len & 0xFF);
    app1 += payload;
    jpeg.insert(2, app1);
    return jpeg;
}

// A PNG whose header claims width x height (only the signature and IHDR: nothing to decode).
std::string pngHeader(std::uint32_t width, std::uint32_t height)
{
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\0\0\0\x0dIHDR", 8);
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            png += static_cast<char>((v >> shift) & 0xFF);
    png += std::string("\x08\x02\0\0\0", 5);
    png += std::string("\0\0\0\0", 4); // CRC (stb does not check it)
    return png;
}

struct Jpeg {
    int status = 0, width = 0, height = 0;
    std::string body;
};
Jpeg fetchJpeg(httplib::Client& c, const std::string& path)
{
    Jpeg out;
    auto r = c.Get(path.c_str());
    if (!r) return out;
    out.status = r->status;
    out.body = r->body;
    int channels = 0;
    unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(r->body.data()),
                                              static_cast<int>(r->body.size()), &out.width, &out.height, &channels, 3);
    if (px) stbi_image_free(px);
    return out;
}

Answer putPhoto(httplib::Client& c, const std::string& token, const std::string& key, const std::string& body)
{
    return call(c, "PUT", "/api/v1/me/uploads/" + key, body, bearer(token), "image/jpeg");
}

void confirmPhone(const ServerProcess& s, const std::string& email, const std::string& phone)
{
    auto database = dongelek::server::db::openDatabase(s.databaseUrl());
    auto lease = database->acquire();
    dongelek::server::db::WriteTransaction tx(lease, dongelek::server::db::Visibility::Private);
    tx.connection().prepare("UPDATE users SET phone = ? WHERE email = ?").bind(1, phone).bind(2, email).run();
    tx.commit();
}

// A complete document for the demo catalog's first make and model and a Kazakh city.
json completeDocument(httplib::Client& c, const std::vector<json>& uploads)
{
    const json makes = call(c, "GET", "/api/v1/makes").body;
    const json cities = call(c, "GET", "/api/v1/cities").body;
    REQUIRE(makes.is_array());
    REQUIRE(cities.is_array());
    std::int64_t cityId = 0;
    for (const json& city : cities)
        if (city["country"] == "KZ" && !cityId) cityId = city["id"];
    json photos = json::array();
    for (const json& u : uploads)
        photos.push_back({{"key", u["key"]}, {"upload_id", u["id"]}, {"width", u["width"]}, {"height", u["height"]}});
    return {{"make_id", makes[0]["id"]}, {"model_id", makes[0]["models"][0]["id"]}, {"year", 2021},
            {"body", "crossover"},      {"fuel", "petrol"},  {"transmission", "automatic"},
            {"drive", "awd"},           {"engine_litres", 2.4}, {"power_hp", 180},
            {"color", "black"},         {"condition", "used"},  {"mileage_km", 41000},
            {"price_minor", 14'900'000'00}, {"currency", "KZT"}, {"city_id", cityId},
            {"description", "Kept in a warm garage, winter tyres included."}, {"photos", photos}};
}

} // namespace

TEST_CASE("editor api: photos are checked by their content and stored without their metadata", "[api][editor]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(60, 0);
    const std::string token = dongelek::test::signUp(c, s, "photos@example.kz", 0).body["accessToken"];

    // Signed-out uploads are refused before anything is read.
    CHECK(call(c, "PUT", "/api/v1/me/uploads/p1", cameraJpeg(800, 600), {}, "image/jpeg").status == 401);

    Answer a = putPhoto(c, token, "p1", "");
    CHECK(a.status == 422);
    CHECK(a.code() == "empty");
    a = putPhoto(c, token, "p1", "this is a text file renamed to car.jpg, not a picture");
    CHECK(a.status == 422);
    CHECK(a.code() == "not_image");
    const std::string good = cameraJpeg(2000, 1500);
    a = putPhoto(c, token, "p1", good.substr(0, good.size() / 3));
    CHECK(a.status == 422);
    CHECK(a.code() == "unreadable");
    a = putPhoto(c, token, "p1", pngHeader(30000, 30000));
    CHECK(a.status == 422);
    CHECK(a.code() == "too_many_pixels");
    a = putPhoto(c, token, "p1", cameraJpeg(200, 150));
    CHECK(a.status == 422);
    CHECK(a.code() == "too_small");
    a = putPhoto(c, token, "bad key!", good);
    CHECK(a.status == 400);
    CHECK(a.field() == "key");
    CHECK(s.alive());

    // A real photo: both sizes, the large one fitted (aspect kept), no EXIF left.
    a = putPhoto(c, token, "p1", good);
    REQUIRE(a.status == 201);
    CHECK(a.body["width"] == 1280);
    CHECK(a.body["height"] == 960);
    const Jpeg large = fetchJpeg(c, a.body["large_url"]);
    CHECK(large.status == 200);
    CHECK(large.width == 1280);
    CHECK(large.height == 960);
    CHECK(large.body.find("SECRET-LOCATION") == std::string::npos);
    CHECK(good.find("SECRET-LOCATION") != std::string::npos);
    const Jpeg thumb = fetchJpeg(c, a.body["thumb_url"]);
    CHECK(thumb.width == 320);
    CHECK(thumb.height == 240);
    // A portrait photo keeps its shape in the large size.
    const Answer portrait = putPhoto(c, token, "p2", cameraJpeg(1200, 1600));
    REQUIRE(portrait.status == 201);
    CHECK(portrait.body["width"] == 720);
    CHECK(portrait.body["height"] == 960);
    // A retry of the same key replaces the photo: same id, new files, the old ones gone.
    const Answer retry = putPhoto(c, token, "p1", cameraJpeg(1600, 1200));
    REQUIRE(retry.status == 201);
    CHECK(retry.body["id"] == a.body["id"]);
    CHECK(retry.body["large_url"] != a.body["large_url"]);
    CHECK(fetchJpeg(c, a.body["large_url"]).status == 404);
    CHECK(fetchJpeg(c, retry.body["large_url"]).status == 200);
}

TEST_CASE("editor api: a draft saved by version, published, seen by buyers and managed by its seller only",
          "[api][editor]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(60, 0);
    const std::string seller = dongelek::test::signUp(c, s, "seller@example.kz", 0).body["accessToken"];
    const std::string other = dongelek::test::signUp(c, s, "other@example.kz", 1).body["accessToken"];

    CHECK(call(c, "POST", "/api/v1/me/drafts", "{}").status == 401);
    Answer d = call(c, "POST", "/api/v1/me/drafts", "{}", bearer(seller));
    REQUIRE(d.status == 201);
    const std::int64_t id = d.body["id"];
    const std::string path = "/api/v1/me/drafts/" + std::to_string(id);
    CHECK(d.body["version"] == 1);
    CHECK_FALSE(d.body["problems"].empty());

    std::vector<json> uploads;
    for (const char* key : {"front", "side", "inside"}) {
        const Answer u = putPhoto(c, seller, key, cameraJpeg(1600, 1200));
        REQUIRE(u.status == 201);
        uploads.push_back(u.body);
    }
    const json doc = completeDocument(c, uploads);
    Answer saved = call(c, "PUT", path, json{{"base_version", 1}, {"document", doc}}.dump(), bearer(seller));
    REQUIRE(saved.status == 200);
    CHECK(saved.body["version"] == 2);
    // A second tab that still has version 1: 409 with the newer draft.
    Answer stale = call(c, "PUT", path, json{{"base_version", 1}, {"document", {{"year", 2010}}}}.dump(), bearer(seller));
    CHECK(stale.status == 409);
    CHECK(stale.code() == "version_conflict");
    CHECK(stale.body["draft"]["version"] == 2);
    CHECK(stale.body["draft"]["document"]["year"] == 2021);
    // Bad documents name the field.
    Answer bad = call(c, "PUT", path, json{{"base_version", 2}, {"document", {{"mileage_km", "a lot"}}}}.dump(), bearer(seller));
    CHECK(bad.status == 400);
    CHECK(bad.field() == "document.mileage_km");
    // Someone else's draft does not exist for them.
    CHECK(call(c, "GET", path, "", bearer(other)).status == 404);
    CHECK(call(c, "PUT", path, json{{"base_version", 2}, {"document", doc}}.dump(), bearer(other)).status == 404);

    // Publishing wants a confirmed phone first; every problem is listed.
    Answer pub = call(c, "POST", path + "/publish", json{{"base_version", 2}}.dump(), bearer(seller));
    CHECK(pub.status == 422);
    CHECK(pub.code() == "draft_invalid");
    CHECK(pub.field() == "phone");
    confirmPhone(s, "seller@example.kz", "+77015550101");
    pub = call(c, "POST", path + "/publish", json{{"base_version", 2}}.dump(), bearer(seller));
    REQUIRE(pub.status == 201);
    const std::int64_t listingId = pub.body["listing_id"];
    CHECK(call(c, "GET", path, "", bearer(seller)).status == 404); // the draft became the listing

    // Buyers see it, with the uploaded photos served in the listing's photo URLs.
    const Answer page = call(c, "GET", "/api/v1/listings/" + std::to_string(listingId));
    REQUIRE(page.status == 200);
    CHECK(page.body["year"] == 2021);
    REQUIRE(page.body["photos"].size() == 3);
    const Jpeg cover = fetchJpeg(c, page.body["photos"][0]["large_url"]);
    CHECK(cover.status == 200);
    CHECK(cover.width == 1280);
    // The search index takes the new listing in within moments (it is rebuilt off the request path).
    bool listed = false;
    json found;
    for (int i = 0; i < 100 && !listed; ++i) {
        found = call(c, "GET", "/api/v1/listings?q=warm%20garage").body;
        for (const json& item : found["items"])
            listed = listed || item["id"] == listingId;
        if (!listed) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    INFO(found.dump().substr(0, 300));
    CHECK(listed);

    // A buyer's view is counted once a day; the seller's own is not. The dashboard has it.
    CHECK(call(c, "POST", "/api/v1/listings/" + std::to_string(listingId) + "/view", "", bearer(other)).body["counted"] == true);
    CHECK(call(c, "POST", "/api/v1/listings/" + std::to_string(listingId) + "/view", "", bearer(other)).body["counted"] == false);
    CHECK(call(c, "POST", "/api/v1/listings/" + std::to_string(listingId) + "/view", "", bearer(seller)).body["counted"] == false);
    const Answer stats = call(c, "GET", "/api/v1/me/listings/" + std::to_string(listingId) + "/stats?bucket=day&days=7", "",
                              bearer(seller));
    REQUIRE(stats.status == 200);
    CHECK(stats.body["totals"]["views"] == 1);
    REQUIRE_FALSE(stats.body["series"].empty()); // the listing is a day old at most: one day
    CHECK(stats.body["series"].back()["views"] == 1);
    CHECK(call(c, "GET", "/api/v1/me/listings/" + std::to_string(listingId) + "/stats", "", bearer(other)).status == 404);
    CHECK(call(c, "GET", "/api/v1/me/listings/" + std::to_string(listingId) + "/stats?bucket=month", "", bearer(seller))
              .status == 400);
    auto csv = c.Get(("/api/v1/me/listings/" + std::to_string(listingId) + "/stats.csv").c_str(), bearer(seller));
    REQUIRE(csv);
    CHECK(csv->status == 200);
    CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
    CHECK(csv->body.rfind("date,views,favorites,contacts\r\n", 0) == 0);
    CHECK(csv->body.find(",1,0,0") != std::string::npos);

    // The seller's list; another account cannot change or delete it.
    const Answer mine = call(c, "GET", "/api/v1/me/listings", "", bearer(seller));
    REQUIRE(mine.status == 200);
    REQUIRE(mine.body["items"].size() == 1);
    CHECK(mine.body["items"][0]["status"] == "published");
    CHECK(mine.body["items"][0]["views"] == 1);
    CHECK(call(c, "GET", "/api/v1/me/listings", "", bearer(other)).body["items"].empty());
    const std::string status = "/api/v1/me/listings/" + std::to_string(listingId) + "/status";
    CHECK(call(c, "POST", status, json{{"status", "sold"}}.dump(), bearer(other)).status == 404);
    CHECK(call(c, "DELETE", "/api/v1/me/listings/" + std::to_string(listingId), "", bearer(other)).status == 404);
    CHECK(call(c, "POST", "/api/v1/me/drafts", json{{"listing_id", listingId}}.dump(), bearer(other)).status == 404);
    CHECK(call(c, "POST", status, json{{"status", "gone"}}.dump(), bearer(seller)).status == 400);

    // Off the market: buyers get 404; back on: 200; deleted: 404 for good.
    CHECK(call(c, "POST", status, json{{"status", "unpublished"}}.dump(), bearer(seller)).body["status"] == "unpublished");
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(listingId)).status == 404);
    CHECK(call(c, "POST", status, json{{"status", "published"}}.dump(), bearer(seller)).status == 200);
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(listingId)).status == 200);
    CHECK(call(c, "DELETE", "/api/v1/me/listings/" + std::to_string(listingId), "", bearer(seller)).status == 204);
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(listingId)).status == 404);
    CHECK(call(c, "GET", "/api/v1/me/listings", "", bearer(seller)).body["items"].empty());
}

TEST_CASE("editor api: a 360-degree spin uploaded to a draft is checked, and goes live with the listing",
          "[api][editor][view360]")
{
    using dongelek::test::atlasJpeg;
    using dongelek::test::frameJpeg;
    ServerProcess s(ServerOptions{60, false, true, {}});
    httplib::Client c("127.0.0.1", s.port());
    c.set_read_timeout(60, 0);
    const std::string seller = dongelek::test::signUp(c, s, "seller@example.kz", 0).body["accessToken"];
    const std::string other = dongelek::test::signUp(c, s, "other@example.kz", 1).body["accessToken"];
    confirmPhone(s, "seller@example.kz", "+77015550101");
    const std::int64_t id = call(c, "POST", "/api/v1/me/drafts", "{}", bearer(seller)).body["id"];
    const std::string path = "/api/v1/me/drafts/" + std::to_string(id);
    const std::string files = path + "/spin/files/";
    std::vector<json> uploads;
    for (const char* key : {"front", "side", "inside"}) {
        const Answer u = putPhoto(c, seller, key, cameraJpeg(1600, 1200));
        REQUIRE(u.status == 201);
        uploads.push_back(u.body);
    }
    const auto put = [&](const std::string& name, const std::string& body, const std::string& token) {
        return call(c, "PUT", files + name, body, bearer(token), "image/jpeg");
    };

    // Only the draft's owner: anyone else finds no such draft, and nothing is signed in without a token.
    CHECK(call(c, "PUT", files + "f0-l.jpg", frameJpeg(0, 1280, 800), {}, "image/jpeg").status == 401);
    CHECK(put("f0-l.jpg", frameJpeg(0, 1280, 800), other).status == 404);
    CHECK(call(c, "POST", path + "/spin", R"({"frames":24})", bearer(other)).status == 404);
    // The files are checked as a listing's are: by their content and the size their name says.
    const Answer wrong = put("f0-m.jpg", frameJpeg(0, 1280, 800), seller);
    CHECK(wrong.status == 422);
    CHECK(wrong.body["error"]["message"] == "f0-m.jpg is 1280x800; a medium frame is 640x400");
    CHECK(put("frame.png", frameJpeg(0, 1280, 800), seller).status == 400);

    // 24 frames and the atlas, with f5-m.jpg forgotten: the check names it.
    constexpr int kFrames = 24;
    for (int i = 0; i < kFrames; ++i) {
        REQUIRE(put("f" + std::to_string(i) + "-l.jpg", frameJpeg(i, 1280, 800), seller).status == 200);
        if (i != 5) REQUIRE(put("f" + std::to_string(i) + "-m.jpg", frameJpeg(i, 640, 400), seller).status == 200);
    }
    REQUIRE(put("atlas.jpg", atlasJpeg(kFrames, 5), seller).status == 200);
    Answer check = call(c, "POST", path + "/spin", R"({"frames":24})", bearer(seller));
    CHECK(check.status == 422);
    CHECK(check.code() == "file_missing");
    CHECK(check.body["error"]["message"] == "f5-m.jpg was not uploaded");

    // A draft that says it has the spin is not published while the spin is incomplete: nothing is written.
    json doc = completeDocument(c, uploads);
    doc["spin_frames"] = kFrames;
    REQUIRE(call(c, "PUT", path, json{{"base_version", 1}, {"document", doc}}.dump(), bearer(seller)).status == 200);
    Answer pub = call(c, "POST", path + "/publish", json{{"base_version", 2}}.dump(), bearer(seller));
    CHECK(pub.status == 422);
    CHECK(pub.code() == "file_missing");
    CHECK(call(c, "GET", path, "", bearer(seller)).status == 200); // still a draft
    CHECK(call(c, "GET", "/api/v1/me/listings", "", bearer(seller)).body["items"].empty());

    REQUIRE(put("f5-m.jpg", frameJpeg(5, 640, 400), seller).status == 200);
    check = call(c, "POST", path + "/spin", R"({"frames":24})", bearer(seller));
    REQUIRE(check.status == 200);
    CHECK(check.body == json{{"frames", 24}});

    // Published: the listing's 360° view is the seller's spin, served as sent.
    pub = call(c, "POST", path + "/publish", json{{"base_version", 2}}.dump(), bearer(seller));
    REQUIRE(pub.status == 201);
    CHECK(pub.body["spin_frames"] == 24);
    const std::int64_t listingId = pub.body["listing_id"];
    const Answer view = call(c, "GET", "/api/v1/listings/" + std::to_string(listingId) + "/view360");
    REQUIRE(view.status == 200);
    REQUIRE(view.body["spin"].is_object());
    CHECK(view.body["spin"]["frames"] == 24);
    const std::string pattern = view.body["spin"]["url_pattern"];
    std::string frame = pattern;
    frame.replace(frame.find("{frame}"), 7, "5");
    frame.replace(frame.find("{size}"), 6, "m");
    const Jpeg medium = fetchJpeg(c, frame);
    CHECK(medium.status == 200);
    CHECK(medium.width == 640);
    CHECK(medium.height == 400);
    CHECK(call(c, "GET", "/api/v1/listings/" + std::to_string(listingId)).body["has_spin"] == true);

    // At most five drafts hold a spin at once (each is up to 145 files).
    for (int i = 0; i < 5; ++i) {
        const std::int64_t d = call(c, "POST", "/api/v1/me/drafts", "{}", bearer(seller)).body["id"];
        REQUIRE(call(c, "PUT", "/api/v1/me/drafts/" + std::to_string(d) + "/spin/files/f0-l.jpg",
                     frameJpeg(0, 1280, 800), bearer(seller), "image/jpeg")
                    .status == 200);
    }
    const std::int64_t sixth = call(c, "POST", "/api/v1/me/drafts", "{}", bearer(seller)).body["id"];
    const Answer full = call(c, "PUT", "/api/v1/me/drafts/" + std::to_string(sixth) + "/spin/files/f0-l.jpg",
                             frameJpeg(0, 1280, 800), bearer(seller), "image/jpeg");
    CHECK(full.status == 422);
    CHECK(full.code() == "too_many_spins");
}
