// The 360-degree views on the engine under test: the generated view of a demo listing, its
// materialization when the seller edits it, hotspot edits, ownership and the limits.
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/media/jpeg.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/view360/spin_upload.hpp"
#include "server/features/view360/view360_repository.hpp"
#include "server/features/view360/view360_service.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

using namespace dongelek;
using namespace dongelek::server;
using namespace dongelek::server::view360;
using dongelek::test::TestDatabase;

namespace {

struct Fixture {
    TestDatabase tdb;
    std::unique_ptr<db::Database> database;
    std::unique_ptr<View360Repository> repo;
    std::unique_ptr<View360Service> service;
    std::int64_t seller = 0, stranger = 0, admin = 0;
    std::int64_t spinListing = 0, plainListing = 0;
    Fixture()
    {
        database = db::openDatabase(tdb.url());
        REQUIRE(schema::migrate(*database) >= 10);
        SqlListingRepository listings(*database);
        {
            auto w = listings.beginBulkImport();
            demo::generateDemoData(*w, 42, 40);
        }
        accounts::AccountRepository accounts(*database);
        seller = *accounts.createUser({"seller@example.kz", "x", "Seller", "seller", "en", true}, 1'800'000'000);
        stranger = *accounts.createUser({"other@example.kz", "x", "Other", "seller", "en", true}, 1'800'000'000);
        admin = *accounts.createUser({"admin@example.kz", "x", "Admin", "admin", "en", true}, 1'800'000'000);
        repo = std::make_unique<View360Repository>(*database);
        service = std::make_unique<View360Service>(*repo, [] { return std::int64_t{1'800'000'100}; });
        for (std::int64_t id = 1; id <= 40 && (!spinListing || !plainListing); ++id) {
            const auto l = repo->listing(id);
            REQUIRE(l);
            if (l->flagged && l->active && !spinListing) spinListing = id;
            if (!l->flagged && l->active && !plainListing) plainListing = id;
        }
        REQUIRE(spinListing > 0);
        REQUIRE(plainListing > 0);
        // The spin listing's seller is managed by `seller`.
        auto c = database->acquire();
        db::Statement& s = c->prepare("SELECT seller_id FROM listings WHERE id = ?");
        s.bind(1, spinListing);
        REQUIRE(s.step());
        const std::int64_t sellerId = s.columnInt64(0);
        s.reset();
        repo->setSellerUser(sellerId, seller);
    }
    Principal as(std::int64_t user, Role role = Role::Seller) const { return Principal{user, 1, role, true}; }
};

int statusOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const ClientError& e) {
        return e.error().status;
    }
    return 0;
}

} // namespace

TEST_CASE("a demo listing with has_spin gets a generated 360 view, others have none", "[server][contract][view360]")
{
    Fixture fx;
    const View360 v = fx.service->view(fx.spinListing, std::nullopt);
    REQUIRE(v.spin);
    CHECK(v.spin->frames == 36);
    CHECK(v.spin->atlasColumns == 6);
    CHECK(v.spin->atlasUrl == "/media/spins/" + std::to_string(fx.spinListing) + "-v1-atlas.jpg");
    CHECK(v.spin->urlPattern.find("{frame}") != std::string::npos);
    REQUIRE(v.panorama);
    CHECK(v.panorama->tileUrls.size() == 2);
    CHECK_FALSE(v.editable);
    CHECK_FALSE(v.hotspots.empty());
    for (const Hotspot& h : v.hotspots) CHECK(h.id < 0); // generated, not stored
    // Nothing was written for an anonymous view.
    CHECK_FALSE(fx.repo->listing(fx.spinListing)->stored);
    CHECK(statusOf([&] { fx.service->view(fx.plainListing, std::nullopt); }) == 404);
    CHECK(statusOf([&] { fx.service->view(999999, std::nullopt); }) == 404);
    // The same generated hotspots every time.
    CHECK(nlohmann::json(fx.service->view(fx.spinListing, std::nullopt)).dump() == nlohmann::json(v).dump());
}

TEST_CASE("the seller edits hotspots: the demo view becomes stored, others are refused", "[server][contract][view360]")
{
    Fixture fx;
    const std::size_t generated = fx.service->view(fx.spinListing, std::nullopt).hotspots.size();

    // The seller sees it as editable, with stored ids.
    View360 mine = fx.service->view(fx.spinListing, fx.as(fx.seller));
    CHECK(mine.editable);
    REQUIRE(mine.hotspots.size() == generated);
    for (const Hotspot& h : mine.hotspots) CHECK(h.id > 0);
    REQUIRE(fx.repo->listing(fx.spinListing)->stored);

    Hotspot h;
    h.view = HotspotView::Spin;
    h.frame = 9;
    h.x = 0.7;
    h.y = 0.6;
    h.label = "Кузов без окраса";
    View360 after = fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h);
    REQUIRE(after.hotspots.size() == generated + 1);
    const Hotspot added = after.hotspots.back();
    CHECK(added.label == "Кузов без окраса");
    CHECK(added.frame == 9);
    CHECK(added.x == Approx(0.7));

    Hotspot moved = added;
    moved.view = HotspotView::Panorama;
    moved.yaw = 200;
    moved.pitch = -30;
    after = fx.service->updateHotspot(fx.spinListing, fx.as(fx.seller), moved);
    CHECK(after.hotspots.back().view == HotspotView::Panorama);
    CHECK(after.hotspots.back().yaw == Approx(200));

    // Someone else, and nobody's hotspot: refused, nothing changed.
    CHECK(statusOf([&] { fx.service->addHotspot(fx.spinListing, fx.as(fx.stranger), h); }) == 403);
    CHECK(statusOf([&] { fx.service->deleteHotspot(fx.spinListing, fx.as(fx.stranger), added.id); }) == 403);
    CHECK(statusOf([&] { fx.service->deleteHotspot(fx.spinListing, fx.as(fx.seller), 999999); }) == 404);
    CHECK(fx.repo->countHotspots(fx.spinListing) == static_cast<int>(generated + 1));

    // An admin may, once signed in with the second factor; the anonymous view then shows the stored hotspots.
    CHECK(statusOf([&] { fx.service->deleteHotspot(fx.spinListing, Principal{fx.admin, 1, Role::Admin, false}, added.id); }) == 403);
    after = fx.service->deleteHotspot(fx.spinListing, fx.as(fx.admin, Role::Admin), added.id);
    CHECK(after.hotspots.size() == generated);
    CHECK(fx.service->view(fx.spinListing, std::nullopt).hotspots.size() == generated);
}

TEST_CASE("hotspot values and counts are checked, and a second materialization writes nothing", "[server][contract][view360]")
{
    Fixture fx;
    Hotspot h;
    h.view = HotspotView::Spin;
    h.frame = 36; // one past the last frame
    h.label = "x";
    CHECK(statusOf([&] { fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h); }) == 400);
    h.frame = 0;
    h.label = "";
    CHECK(statusOf([&] { fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h); }) == 400);
    h.label = std::string(121, 'a');
    CHECK(statusOf([&] { fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h); }) == 400);
    h.label = "ok";
    while (fx.repo->countHotspots(fx.spinListing) < dongelek::view360::kMaxHotspots)
        fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h);
    CHECK(statusOf([&] { fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h); }) == 400);
    CHECK(fx.repo->countHotspots(fx.spinListing) == dongelek::view360::kMaxHotspots);

    fx.repo->materialize(fx.spinListing, StoredSpin{}, View360Service::demoHotspots(fx.spinListing, 36), 1);
    CHECK(fx.repo->countHotspots(fx.spinListing) == dongelek::view360::kMaxHotspots);
    // The frame count is limited by the schema on both engines.
    StoredSpin bad;
    bad.frames = 12;
    CHECK_THROWS(fx.repo->materialize(fx.plainListing, bad, {}, 1));
    CHECK_FALSE(fx.repo->listing(fx.plainListing)->stored);
}

TEST_CASE("replacing a spin writes the upload's row and clears the hotspots, and again bumps it", "[server][contract][view360]")
{
    Fixture fx;
    // The seller's edits have stored the demo spin and its hotspots.
    fx.service->view(fx.spinListing, fx.as(fx.seller));
    REQUIRE(fx.repo->countHotspots(fx.spinListing) > 0);
    const SpinListing before = *fx.repo->listing(fx.spinListing);
    REQUIRE(before.stored);
    CHECK(View360Service::nextVersion(before) == 2);

    StoredSpin upload;
    upload.source = "upload";
    upload.frames = 24;
    upload.hasPanorama = false;
    upload.version = 2;
    fx.repo->replaceSpin(fx.spinListing, upload, 1'800'000'200);
    SpinListing after = *fx.repo->listing(fx.spinListing);
    REQUIRE(after.stored);
    CHECK(after.stored->source == "upload");
    CHECK(after.stored->frames == 24);
    CHECK_FALSE(after.stored->hasPanorama);
    CHECK(after.stored->version == 2);
    CHECK(fx.repo->hotspots(fx.spinListing).empty());
    CHECK(View360Service::nextVersion(after) == 3);

    // Marks go on the new frames; the next upload replaces the row again and removes them.
    Hotspot h;
    h.view = HotspotView::Spin;
    h.frame = 23;
    h.label = "Новые диски";
    fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h);
    CHECK(fx.repo->countHotspots(fx.spinListing) == 1);
    upload.frames = 72;
    upload.version = View360Service::nextVersion(after);
    fx.repo->replaceSpin(fx.spinListing, upload, 1'800'000'300);
    after = *fx.repo->listing(fx.spinListing);
    CHECK(after.stored->frames == 72);
    CHECK(after.stored->version == 3);
    CHECK(fx.repo->countHotspots(fx.spinListing) == 0);

    // A listing without any view: the row is written (version 1), and an invalid count is refused
    // by the schema on both engines without changing anything.
    REQUIRE_FALSE(fx.repo->listing(fx.plainListing)->stored);
    CHECK(View360Service::nextVersion(*fx.repo->listing(fx.plainListing)) == 1);
    // A demo listing never written counts its generated spin as version 1.
    SpinListing unwritten = before;
    unwritten.stored.reset();
    unwritten.flagged = true;
    CHECK(View360Service::nextVersion(unwritten) == 2);
    upload.version = 1;
    upload.frames = 30;
    fx.repo->replaceSpin(fx.plainListing, upload, 1'800'000'400);
    const SpinListing plain = *fx.repo->listing(fx.plainListing);
    REQUIRE(plain.stored);
    CHECK(plain.stored->source == "upload");
    CHECK(plain.flagged); // cards and the "with 360°" filter now know it has one
    CHECK(plain.stored->version == 1);
    upload.frames = 12;
    upload.version = 2;
    CHECK_THROWS(fx.repo->replaceSpin(fx.plainListing, upload, 1'800'000'500));
    CHECK(fx.repo->listing(fx.plainListing)->stored->frames == 30);
    CHECK(fx.repo->listing(fx.plainListing)->stored->version == 1);
}

TEST_CASE("uploaded spins: only their atlas and frames of the current version are files", "[server][contract][view360]")
{
    Fixture fx;
    StoredSpin upload;
    upload.source = "upload";
    upload.frames = 24;
    upload.hasPanorama = false;
    upload.version = 2;
    fx.service->view(fx.spinListing, fx.as(fx.seller)); // stores the demo spin and its marks
    fx.repo->replaceSpin(fx.spinListing, upload, 1'800'000'200);
    const View360 v = fx.service->view(fx.spinListing, std::nullopt);
    REQUIRE(v.spin);
    CHECK(v.spin->frames == 24);
    CHECK(v.spin->atlasColumns == 5);
    CHECK(v.spin->atlasUrl == "/media/spins/" + std::to_string(fx.spinListing) + "-v2-atlas.jpg");
    CHECK_FALSE(v.panorama);
    CHECK(v.hotspots.empty());

    // Close-ups are drawn for demo spins only.
    Hotspot h;
    h.view = HotspotView::Spin;
    h.frame = 5;
    h.x = 0.5;
    h.y = 0.5;
    h.label = "Скол";
    const View360 marked = fx.service->addHotspot(fx.spinListing, fx.as(fx.seller), h);
    REQUIRE(marked.hotspots.size() == 1);
    CHECK(marked.hotspots[0].closeupUrl.empty());

    const auto file = [&](const std::string& name) {
        const std::optional<SpinFile> f = parseSpinFileName(std::to_string(fx.spinListing) + name);
        REQUIRE(f);
        return fx.service->spinFor(*f).has_value();
    };
    CHECK(file("-v2-atlas.jpg"));
    CHECK(file("-v2-f23-l.jpg"));
    CHECK(file("-v2-f0-m.jpg"));
    CHECK_FALSE(file("-v2-f24-m.jpg"));
    CHECK_FALSE(file("-v1-atlas.jpg"));
    CHECK_FALSE(file("-v1-f0-m.jpg"));
    CHECK_FALSE(file("-v2-pano0.jpg"));
    CHECK_FALSE(file("-v2-f5-c500-500.jpg"));
}

TEST_CASE("uploads: staged files become a new version's folder, and the next upload replaces it", "[server][contract][view360]")
{
    namespace fs = std::filesystem;
    Fixture fx;
    const fs::path media = fs::temp_directory_path() / ("dk-spins-" + std::to_string(std::random_device{}()));
    struct Cleanup {
        fs::path dir;
        ~Cleanup() { fs::remove_all(dir); }
    } cleanup{media};
    SpinUploads uploads(media.string(), *fx.service, *fx.repo, [] { return std::int64_t{1'800'000'200}; });
    const std::int64_t id = fx.spinListing;
    CHECK(statusOf([&] { uploads.admit(id, fx.as(fx.stranger), "f0-l.jpg"); }) == 403);
    CHECK(statusOf([&] { uploads.admit(999999, fx.as(fx.seller), "f0-l.jpg"); }) == 404);
    CHECK(statusOf([&] { uploads.admit(id, fx.as(fx.seller), "f0-x.jpg"); }) == 400);

    // One picture for every frame is enough here (the API test sends a turning car).
    const auto grey = [](int w, int h) {
        return encodeJpeg(std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 3, 128), w, h, 80);
    };
    const std::string full = grey(1280, 800), medium = grey(640, 400), atlas = grey(800, 500);
    const auto stageAll = [&] {
        for (int i = 0; i < 24; ++i) {
            uploads.stage(id, uploads.admit(id, fx.as(fx.seller), "f" + std::to_string(i) + "-l.jpg"), full);
            uploads.stage(id, uploads.admit(id, fx.as(fx.seller), "f" + std::to_string(i) + "-m.jpg"), medium);
        }
        const StagedFile a = uploads.stage(id, uploads.admit(id, fx.as(fx.seller), "atlas.jpg"), atlas);
        CHECK(a.width == 800);
        CHECK(a.height == 500);
    };
    stageAll();
    const fs::path staging = stagingFolder(media.string(), id);
    CHECK(fs::is_regular_file(staging / "f23-m.jpg"));
    CHECK(statusOf([&] { uploads.commit(id, fx.as(fx.stranger), 24); }) == 403);
    CHECK(statusOf([&] { uploads.commit(id, fx.as(fx.seller), 25); }) == 422); // f24 was never sent

    // The demo spin was never written: it counts as version 1, the upload is version 2.
    const View360 v2 = uploads.commit(id, fx.as(fx.seller), 24);
    REQUIRE(v2.spin);
    CHECK(v2.spin->frames == 24);
    CHECK(v2.editable);
    const fs::path dir2 = versionFolder(media.string(), id, 2);
    const std::string prefix = std::to_string(id);
    CHECK(fs::is_regular_file(dir2 / (prefix + "-v2-atlas.jpg")));
    CHECK(fs::is_regular_file(dir2 / (prefix + "-v2-f0-l.jpg")));
    CHECK(fs::is_regular_file(dir2 / (prefix + "-v2-f23-m.jpg")));
    CHECK_FALSE(fs::exists(staging));
    CHECK(statusOf([&] { uploads.commit(id, fx.as(fx.seller), 24); }) == 422); // nothing staged now

    stageAll();
    const View360 v3 = uploads.commit(id, fx.as(fx.admin, Role::Admin), 24);
    CHECK(v3.spin->atlasUrl == "/media/spins/" + prefix + "-v3-atlas.jpg");
    CHECK(fs::is_regular_file(versionFolder(media.string(), id, 3) + "/" + prefix + "-v3-f5-l.jpg"));
    CHECK_FALSE(fs::exists(dir2));
    CHECK(fx.repo->listing(id)->stored->version == 3);
}

TEST_CASE("spin file names have one spelling each", "[server][view360]")
{
    SpinFile f;
    f.listingId = 42;
    f.version = 3;
    f.kind = SpinFile::Kind::Frame;
    f.frame = 7;
    f.size = 'l';
    CHECK(spinFileName(f) == "42-v3-f7-l.jpg");
    const auto back = parseSpinFileName("42-v3-f7-l.jpg");
    REQUIRE(back);
    CHECK(back->frame == 7);
    CHECK(back->size == 'l');
    CHECK(parseSpinFileName("42-v1-atlas.jpg"));
    CHECK(parseSpinFileName("42-v1-pano1.jpg"));
    // Close-ups: of a spin mark at (0.412, 0.53) on frame 7; of a panorama mark at yaw 180.5, pitch -12.
    Hotspot mark;
    mark.frame = 7;
    mark.x = 0.412;
    mark.y = 0.53;
    CHECK(spinFileName(closeupFile(42, 1, mark)) == "42-v1-f7-c412-530.jpg");
    const auto close = parseSpinFileName("42-v1-f7-c412-530.jpg");
    REQUIRE(close);
    CHECK(close->kind == SpinFile::Kind::SpinCloseup);
    CHECK(close->at[0] == 412);
    CHECK(close->at[1] == 530);
    mark.view = HotspotView::Panorama;
    mark.yaw = 180.5;
    mark.pitch = -12;
    CHECK(spinFileName(closeupFile(42, 1, mark)) == "42-v1-look1805-780.jpg");
    const auto look = parseSpinFileName("42-v1-look1805-780.jpg");
    REQUIRE(look);
    CHECK(look->kind == SpinFile::Kind::PanoramaCloseup);
    for (const char* bad : {"042-v1-atlas.jpg", "42-v1-f07-l.jpg", "42-v1-f7-x.jpg", "42-v1-pano2.jpg",
                            "42-v1-f72-m.jpg", "42-v1-atlas.png", "42-atlas.jpg", "-v1-atlas.jpg", "42-v1-f7-l.jpg.jpg",
                            "42-v1-f7-c1001-5.jpg", "42-v1-f7-c05-5.jpg", "42-v1-f7-c5.jpg", "42-v1-look3600-0.jpg",
                            "42-v1-look10-1801.jpg", "42-v1-look-5-5.jpg", "42-v01-atlas.jpg"})
        CHECK_FALSE(parseSpinFileName(bad));
}

TEST_CASE("upload names: f<n>-l.jpg, f<n>-m.jpg and atlas.jpg, one spelling each", "[server][view360]")
{
    const auto f7 = parseUploadName("f7-l.jpg");
    REQUIRE(f7);
    CHECK_FALSE(f7->atlas);
    CHECK(f7->frame == 7);
    CHECK(f7->size == 'l');
    const auto m71 = parseUploadName("f71-m.jpg");
    REQUIRE(m71);
    CHECK(m71->frame == 71);
    CHECK(m71->size == 'm');
    REQUIRE(parseUploadName("atlas.jpg"));
    CHECK(parseUploadName("atlas.jpg")->atlas);
    CHECK(uploadNameText(*m71) == "f71-m.jpg");
    for (const char* bad : {"f07-l.jpg", "f72-l.jpg", "f7-x.jpg", "f7-l.png", "f-l.jpg", "f7l.jpg", "f7-ll.jpg",
                            "atlas.png", "Atlas.jpg", "f7-l.jpg.jpg", "f100-l.jpg", "7-l.jpg", "f-7-l.jpg", "", "../f7-l.jpg"})
        CHECK_FALSE(parseUploadName(bad));
}
