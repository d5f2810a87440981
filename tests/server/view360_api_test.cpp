// The 360-degree view API against the real dongelek-server process: the generated view of a
// demo listing, its files rendered on first request (real JPEGs of the stated sizes, cached
// for a year), hotspot edits by the listing's seller only, and bodies checked field by field;
// a seller's own spin uploaded file by file, committed as a new version and served as sent.

#include "api_calls.hpp"
#include "server_process.hpp"
#include "spin_files.hpp"

#include "server/db/open_database.hpp"
#include "server/features/media/jpeg.hpp"
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
using dongelek::test::atlasJpeg;
using dongelek::test::frameJpeg;
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

// Links the listing's seller to the account of `email`, as the seller issue's sign-up will do it.
void linkSeller(const ServerProcess& s, std::int64_t listingId, const std::string& email)
{
    auto database = dongelek::server::db::openDatabase(s.databaseUrl());
    auto conn = database->acquire();
    auto& q = conn->prepare("SELECT l.seller_id, u.id FROM listings l, users u WHERE l.id = ? AND u.email = ?");
    q.bind(1, listingId).bind(2, email);
    REQUIRE(q.step());
    const std::int64_t sellerId = q.columnInt64(0), userId = q.columnInt64(1);
    q.reset();
    dongelek::server::view360::View360Repository(*database).setSellerUser(sellerId, userId);
}

Answer putFile(httplib::Client& c, const std::string& path, const std::string& body, const httplib::Headers& headers)
{
    return call(c, "PUT", path, body, headers, "image/jpeg");
}

// The spin's atlas (atlasW x atlasH) and a frame at each size are served, cached for good.
void checkServed(httplib::Client& c, const json& spin, int atlasW, int atlasH, int largeFrame, int mediumFrame)
{
    const Jpeg atlas = fetchJpeg(c, spin["atlas_url"]);
    CHECK(atlas.status == 200);
    CHECK(atlas.width == atlasW);
    CHECK(atlas.height == atlasH);
    CHECK(atlas.cacheControl.find("immutable") != std::string::npos);
    const std::string pattern = spin["url_pattern"];
    const Jpeg large = fetchJpeg(c, replaced(replaced(pattern, "{frame}", std::to_string(largeFrame)), "{size}", "l"));
    CHECK(large.status == 200);
    CHECK(large.width == 1280);
    CHECK(large.height == 800);
    const Jpeg medium = fetchJpeg(c, replaced(replaced(pattern, "{frame}", std::to_string(mediumFrame)), "{size}", "m"));
    CHECK(medium.status == 200);
    CHECK(medium.width == 640);
    CHECK(medium.height == 400);
}

// The first demo listing with a 360° view.
std::int64_t firstSpinListing(httplib::Client& c)
{
    const json list = call(c, "GET", "/api/v1/listings?spin=1&page_size=5").body;
    REQUIRE_FALSE(list["items"].empty());
    return list["items"][0]["id"];
}

} // namespace

TEST_CASE("view360: a demo spin, its files and hotspot edits by the seller only", "[api][view360]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    auto c = clientFor(s);
    const std::int64_t id = firstSpinListing(*c);
    const std::string base = "/api/v1/listings/" + std::to_string(id);

    const Answer view = call(*c, "GET", base + "/view360");
    REQUIRE(view.status == 200);
    CHECK(view.header("Cache-Control") == "no-store");
    const json& spin = view.body["spin"];
    CHECK(spin["frames"] == 36);
    CHECK(view.body["editable"] == false);
    REQUIRE(view.body["panorama"].is_object());

    // The files: the atlas of 6x6 cells of 160x100, frames at both sizes, both panorama tiles.
    checkServed(*c, spin, 960, 600, 35, 9);
    const std::string pattern = spin["url_pattern"];
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
    linkSeller(s, id, "seller@example.kz");
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

TEST_CASE("view360: the seller uploads a spin of their own, checked, versioned and served", "[api][view360]")
{
    ServerProcess s(ServerOptions{60, false, true, {}});
    auto c = clientFor(s);
    const std::int64_t id = firstSpinListing(*c);
    const std::string base = "/api/v1/listings/" + std::to_string(id);
    const std::string files = base + "/spin/files/";

    // The demo spin (version 1), its atlas and a frame drawn before the upload.
    const json demo = call(*c, "GET", base + "/view360").body;
    const std::string oldAtlas = demo["spin"]["atlas_url"];
    const std::string oldFrame = replaced(replaced(demo["spin"]["url_pattern"], "{frame}", "3"), "{size}", "m");
    REQUIRE(fetchJpeg(*c, oldAtlas).status == 200);
    REQUIRE(fetchJpeg(*c, oldFrame).status == 200);

    const std::string owner = dongelek::test::signUp(*c, s, "seller@example.kz", 0).body["accessToken"];
    const std::string other = dongelek::test::signUp(*c, s, "other@example.kz", 1).body["accessToken"];
    linkSeller(s, id, "seller@example.kz");
    const std::string frame0 = frameJpeg(0, 1280, 800);

    // Only the listing's seller: anonymous 401, anyone else 403.
    CHECK(putFile(*c, files + "f0-l.jpg", frame0, {}).status == 401);
    CHECK(call(*c, "POST", base + "/spin", R"({"frames":24})").status == 401);
    const Answer stranger = putFile(*c, files + "f0-l.jpg", frame0, bearer(other));
    CHECK(stranger.status == 403);
    CHECK(stranger.code() == "forbidden");
    CHECK(call(*c, "POST", base + "/spin", R"({"frames":24})", bearer(other)).status == 403);

    // Each file is checked by its content, against the size its name says.
    const auto refused = [&](const std::string& name, const std::string& body, int status, const std::string& message) {
        const Answer a = putFile(*c, files + name, body, bearer(owner));
        INFO(name << " -> " << a.status << " " << a.body.dump());
        CHECK(a.status == status);
        if (!message.empty()) CHECK(a.body["error"]["message"] == message);
    };
    refused("atlas.jpg", "GIF89a not a picture at all", 422, "atlas.jpg is not a JPEG image");
    refused("f3-l.jpg", frameJpeg(3, 1280, 720), 422, "f3-l.jpg is 1280x720; a full frame is 1280x800");
    refused("f3-m.jpg", frame0, 422, "f3-m.jpg is 1280x800; a medium frame is 640x400");
    refused("f3-l.jpg", frameJpeg(3, 2400, 1500), 422, "f3-l.jpg is 2400x1500; a frame is at most 2048 pixels on its longest side");
    refused("f07-l.jpg", frame0, 400, "");
    refused("f72-l.jpg", frame0, 400, "");
    refused("frame.png", frame0, 400, "");
    {
        // Over 3 MB: refused before the handler (413 naming the limit).
        const Answer big = putFile(*c, files + "f0-l.jpg", std::string((3u << 20) + 1024, '\xff'), bearer(owner));
        CHECK(big.status == 413);
        CHECK(big.code() == "payload_too_large");
        c = clientFor(s);
    }

    // 24 frames at both sizes and the atlas (5 columns), but f7-m.jpg forgotten.
    constexpr int kFrames = 24;
    const Answer first = putFile(*c, files + "f0-l.jpg", frame0, bearer(owner));
    REQUIRE(first.status == 200);
    CHECK(first.body == json({{"name", "f0-l.jpg"}, {"width", 1280}, {"height", 800}}));
    for (int i = 0; i < kFrames; ++i) {
        if (i > 0) REQUIRE(putFile(*c, files + "f" + std::to_string(i) + "-l.jpg", frameJpeg(i, 1280, 800), bearer(owner)).status == 200);
        if (i != 7) REQUIRE(putFile(*c, files + "f" + std::to_string(i) + "-m.jpg", frameJpeg(i, 640, 400), bearer(owner)).status == 200);
    }
    const Answer atlasPut = putFile(*c, files + "atlas.jpg", atlasJpeg(kFrames, 5), bearer(owner));
    REQUIRE(atlasPut.status == 200);
    CHECK(atlasPut.body["width"] == 800);
    CHECK(atlasPut.body["height"] == 500);

    const auto commitRefused = [&](const std::string& body, int status, const std::string& message) {
        const Answer a = call(*c, "POST", base + "/spin", body, bearer(owner));
        INFO(body << " -> " << a.body.dump());
        CHECK(a.status == status);
        if (!message.empty()) CHECK(a.body["error"]["message"] == message);
        return a;
    };
    commitRefused(R"({"frames":24})", 422, "f7-m.jpg was not uploaded");
    REQUIRE(putFile(*c, files + "f7-m.jpg", frameJpeg(7, 640, 400), bearer(owner)).status == 200);
    CHECK(commitRefused(R"({"frames":20})", 422, "a spin has 24 to 72 frames, not 20").code() == "too_few_frames");
    commitRefused(R"({"frames":24,"panorama":true})", 400, "");
    commitRefused(R"({"frames":"24"})", 400, "");
    // An atlas of another grid is refused by the spin check.
    REQUIRE(putFile(*c, files + "atlas.jpg", atlasJpeg(kFrames, 6), bearer(owner)).status == 200);
    CHECK(commitRefused(R"({"frames":24})", 422, "").code() == "atlas_size_mismatch");
    REQUIRE(putFile(*c, files + "atlas.jpg", atlasJpeg(kFrames, 5), bearer(owner)).status == 200);
    // Nothing changed so far.
    CHECK(call(*c, "GET", base + "/view360").body["spin"]["atlas_url"] == oldAtlas);

    const Answer done = call(*c, "POST", base + "/spin", R"({"frames":24})", bearer(owner));
    REQUIRE(done.status == 200);
    CHECK(done.body["editable"] == true);
    const json view = call(*c, "GET", base + "/view360").body;
    CHECK(view["editable"] == false);
    const json& spin = view["spin"];
    CHECK(spin["frames"] == kFrames);
    CHECK(spin["atlas_columns"] == 5);
    CHECK(spin["atlas_url"] == "/media/spins/" + std::to_string(id) + "-v2-atlas.jpg");
    CHECK(view["panorama"].is_null());
    CHECK(view["hotspots"].empty());
    CHECK(done.body["spin"] == spin);

    // The files as uploaded (at their sizes); the old version's are gone, nothing is drawn.
    checkServed(*c, spin, 800, 500, 23, 7);
    const std::string pattern = spin["url_pattern"];
    CHECK(fetchJpeg(*c, replaced(replaced(pattern, "{frame}", "24"), "{size}", "m")).status == 404);
    CHECK(fetchJpeg(*c, oldAtlas).status == 404);
    CHECK(fetchJpeg(*c, oldFrame).status == 404);
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v2-pano0.jpg").status == 404);
    CHECK(fetchJpeg(*c, "/media/spins/" + std::to_string(id) + "-v2-f3-c500-500.jpg").status == 404);

    // Marks go on the new frames, without drawn close-ups; the staged files were used up.
    const Answer marked = call(*c, "POST", base + "/hotspots",
                               R"({"view":"spin","frame":23,"x":0.5,"y":0.6,"label":"Царапина"})", bearer(owner));
    REQUIRE(marked.status == 201);
    CHECK_FALSE(marked.body["hotspots"][0].contains("closeup_url"));
    commitRefused(R"({"frames":24})", 422, "f0-l.jpg was not uploaded");
    CHECK(s.alive());
}
