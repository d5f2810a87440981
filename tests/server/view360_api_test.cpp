// The 360-degree view API against the real dongelek-server process: the generated view of a
// demo listing, its files rendered on first request (real JPEGs of the stated sizes, cached
// for a year), hotspot edits by the listing's seller only, and bodies checked field by field.

#include "api_calls.hpp"
#include "server_process.hpp"

#include "server/db/open_database.hpp"
#include "server/features/view360/view360_repository.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#define STB_IMAGE_IMPLEMENTATION
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

std::unique_ptr<httplib::Client> clientFor(const ServerProcess& s)
{
    auto c = std::make_unique<httplib::Client>("127.0.0.1", s.port());
    c->set_read_timeout(60, 0); // a panorama is rendered on the first request
    return c;
}

struct Jpeg {
    int status = 0, width = 0, height = 0;
    std::string cacheControl;
};
Jpeg fetchJpeg(httplib::Client& c, const std::string& path)
{
    Jpeg out;
    auto r = c.Get(path.c_str());
    if (!r) return out;
    out.status = r->status;
    out.cacheControl = r->get_header_value("Cache-Control");
    int channels = 0;
    unsigned char* px = stbi_load_from_memory(reinterpret_cast<const unsigned char*>(r->body.data()),
                                              static_cast<int>(r->body.size()), &out.width, &out.height, &channels, 3);
    if (px) stbi_image_free(px);
    return out;
}

std::string replaced(std::string s, const std::string& key, const std::string& value)
{
    s.replace(s.find(key), key.size(), value);
    return s;
}

} // namespace

TEST_CASE("view360: a demo spin, its files and hotspot edits by the seller only", "[api][view360]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    auto c = clientFor(s);
    const json list = call(*c, "GET", "/api/v1/listings?spin=1&page_size=5").body;
    REQUIRE_FALSE(list["items"].empty());
    const std::int64_t id = list["items"][0]["id"];
    const std::string base = "/api/v1/listings/" + std::to_string(id);

    const Answer view = call(*c, "GET", base + "/view360");
    REQUIRE(view.status == 200);
    CHECK(view.header("Cache-Control") == "no-store");
    const json& spin = view.body["spin"];
    CHECK(spin["frames"] == 36);
    CHECK(view.body["editable"] == false);
    REQUIRE(view.body["panorama"].is_object());

    // The files: the atlas of 6x6 cells of 160x100, frames at both sizes, both panorama tiles.
    const Jpeg atlas = fetchJpeg(*c, spin["atlas_url"]);
    CHECK(atlas.status == 200);
    CHECK(atlas.width == 960);
    CHECK(atlas.height == 600);
    CHECK(atlas.cacheControl.find("immutable") != std::string::npos);
    const std::string pattern = spin["url_pattern"];
    const Jpeg medium = fetchJpeg(*c, replaced(replaced(pattern, "{frame}", "9"), "{size}", "m"));
    CHECK(medium.status == 200);
    CHECK(medium.width == 640);
    CHECK(medium.height == 400);
    const Jpeg large = fetchJpeg(*c, replaced(replaced(pattern, "{frame}", "35"), "{size}", "l"));
    CHECK(large.width == 1280);
    CHECK(large.height == 800);
    for (const auto& tile : view.body["panorama"]["tile_urls"]) {
        const Jpeg t = fetchJpeg(*c, tile);
        CHECK(t.status == 200);
        CHECK(t.width == 2048);
        CHECK(t.height == 2048);
    }
    // Every mark has a close-up, drawn from the car itself; no close-up of a spot that is no mark.
    REQUIRE_FALSE(view.body["hotspots"].empty());
    for (const auto& h : view.body["hotspots"]) {
        REQUIRE(h.contains("closeup_url"));
        const Jpeg close = fetchJpeg(*c, h["closeup_url"]);
        CHECK(close.status == 200);
        CHECK(close.width == 640);
        CHECK(close.height == 400);
    }
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v1-f3-c111-222.jpg").status == 404);
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v1-look100-900.jpg").status == 404);
    // No frame past the spin's last, no other spelling, no spin on a listing without one.
    CHECK(fetchJpeg(*c, replaced(replaced(pattern, "{frame}", "36"), "{size}", "m")).status == 404);
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v1-f09-m.jpg").status == 404);
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v2-atlas.jpg").status == 404);
    const json plain = call(*c, "GET", "/api/v1/listings?page_size=60").body;
    for (const auto& item : plain["items"])
        if (!item["has_spin"].get<bool>()) {
            const std::string other = "/api/v1/listings/" + std::to_string(item["id"].get<std::int64_t>()) + "/view360";
            const Answer none = call(*c, "GET", other);
            CHECK(none.status == 404);
            CHECK(none.body["error"]["message"] == "this listing has no 360-degree view");
            break;
        }

    // Edits: signed in only, and only the seller of the listing.
    const std::string spot = R"({"view":"spin","frame":3,"x":0.4,"y":0.6,"label":"Новые шины"})";
    CHECK(call(*c, "POST", base + "/hotspots", spot).status == 401);
    const std::string owner = dongelek::test::signUp(*c, s, "seller@example.kz", 0).body["accessToken"];
    const std::string other = dongelek::test::signUp(*c, s, "other@example.kz", 1).body["accessToken"];
    CHECK(call(*c, "POST", base + "/hotspots", spot, bearer(owner)).status == 403);
    {
        // The seller's account is linked as the seller issue's sign-up will do it.
        auto database = dongelek::server::db::openDatabase(s.databaseUrl());
        auto conn = database->acquire();
        auto& q = conn->prepare("SELECT l.seller_id, u.id FROM listings l, users u WHERE l.id = ? AND u.email = ?");
        q.bind(1, id).bind(2, "seller@example.kz");
        REQUIRE(q.step());
        const std::int64_t sellerId = q.columnInt64(0), userId = q.columnInt64(1);
        q.reset();
        dongelek::server::view360::View360Repository(*database).setSellerUser(sellerId, userId);
    }
    const Answer mine = call(*c, "GET", base + "/view360", "", bearer(owner));
    CHECK(mine.body["editable"] == true);
    const Answer added = call(*c, "POST", base + "/hotspots", spot, bearer(owner));
    REQUIRE(added.status == 201);
    const json last = added.body["hotspots"].back();
    CHECK(last["label"] == "Новые шины");
    CHECK(last["frame"] == 3);
    const std::string hid = std::to_string(last["id"].get<std::int64_t>());
    CHECK(call(*c, "POST", base + "/hotspots", spot, bearer(other)).status == 403);
    CHECK(call(*c, "DELETE", base + "/hotspots/" + hid, "", bearer(other)).status == 403);
    const Answer moved =
        call(*c, "PUT", base + "/hotspots/" + hid, R"({"view":"panorama","yaw":190,"pitch":-20,"label":"Руль"})", bearer(owner));
    REQUIRE(moved.status == 200);
    CHECK(moved.body["hotspots"].back()["view"] == "panorama");
    CHECK(moved.body["hotspots"].back()["yaw"] == 190);

    // Bad bodies name their field and change nothing.
    const auto refused = [&](const std::string& body, const std::string& field) {
        const Answer a = call(*c, "POST", base + "/hotspots", body, bearer(owner));
        INFO(body << " -> " << a.body.dump());
        CHECK(a.status == 400);
        CHECK(a.body["error"]["field"] == field);
    };
    refused(R"({"view":"spin","frame":3,"x":1.5,"y":0.5,"label":"a"})", "x");
    refused(R"({"view":"spin","frame":99,"x":0.5,"y":0.5,"label":"a"})", "frame");
    refused(R"({"view":"roof","label":"a"})", "view");
    refused(R"({"view":"panorama","yaw":10,"pitch":95,"label":"a"})", "pitch");
    refused(R"({"view":"spin","frame":1,"x":0.5,"y":0.5,"label":""})", "label");
    refused(R"({"view":"spin","frame":1,"x":0.5,"y":0.5,"label":"a","colour":"red"})", "colour");
    CHECK(call(*c, "GET", base + "/view360").body["hotspots"].size() == moved.body["hotspots"].size());
    CHECK(call(*c, "DELETE", base + "/hotspots/" + hid, "", bearer(owner)).status == 200);
    CHECK(call(*c, "DELETE", base + "/hotspots/" + hid, "", bearer(owner)).status == 404);
    CHECK(s.alive());
}
