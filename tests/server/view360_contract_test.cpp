// The 360-degree views on the engine under test: the generated view of a demo listing, its
// materialization when the seller edits it, hotspot edits, ownership and the limits.
#include "test_database.hpp"

#include "server/db/open_database.hpp"
#include "server/demo/generator.hpp"
#include "server/features/accounts/account_repository.hpp"
#include "server/features/listings/sql_listing_repository.hpp"
#include "server/features/view360/view360_repository.hpp"
#include "server/features/view360/view360_service.hpp"
#include "server/http/errors.hpp"
#include "server/schema/migrations.hpp"

#include <catch2/catch.hpp>

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

TEST_CASE("a demo listing with has_spin gets a generated 360 view; others have none", "[server][contract][view360]")
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

TEST_CASE("hotspot values and counts are checked; a second materialization writes nothing", "[server][contract][view360]")
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
