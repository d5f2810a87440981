// The 360 viewer's geometry: which frames an angle blends, where hotspots go as the car turns,
// the panorama's projection and its inverse, the camera's limits, and the wire format.
#include "core/view360.hpp"

#include <catch2/catch.hpp>

using namespace dongelek;
using namespace dongelek::view360;

TEST_CASE("an angle blends the two captured frames around it", "[core][view360]")
{
    FrameBlend b = blendAt(0, 36);
    CHECK(b.from == 0);
    CHECK(b.to == 1);
    CHECK(b.t == Approx(0));
    b = blendAt(15, 36); // halfway between frame 1 (10°) and 2 (20°)
    CHECK(b.from == 1);
    CHECK(b.to == 2);
    CHECK(b.t == Approx(0.5));
    b = blendAt(355, 36); // between the last frame and the first: it wraps
    CHECK(b.from == 35);
    CHECK(b.to == 0);
    CHECK(b.t == Approx(0.5));
    b = blendAt(-5, 36);
    CHECK(b.from == 35);
    CHECK(b.t == Approx(0.5));
    CHECK(wrapDegrees(720) == Approx(0));
    CHECK(frameAngle(9, 36) == Approx(90));
}

TEST_CASE("a spin hotspot follows the car to neighbouring frames and hides on the far side", "[core][view360]")
{
    Hotspot h;
    h.frame = 10;
    h.x = 0.7;
    h.y = 0.4;
    auto at = placeOnSpin(h, frameAngle(10, 36), 36);
    REQUIRE(at);
    CHECK(at->x == Approx(0.7));
    CHECK(at->y == Approx(0.4));
    CHECK(at->opacity > 0.9);
    // One frame on, it has moved and faded a little; the direction follows the turn.
    auto next = placeOnSpin(h, frameAngle(11, 36), 36);
    auto prev = placeOnSpin(h, frameAngle(9, 36), 36);
    REQUIRE(next);
    REQUIRE(prev);
    CHECK(next->x < at->x);
    CHECK(prev->x > at->x);
    CHECK(next->opacity < at->opacity);
    // Four frames away (beyond the span of three) or half a turn away: not shown.
    CHECK_FALSE(placeOnSpin(h, frameAngle(14, 36), 36));
    CHECK_FALSE(placeOnSpin(h, frameAngle(28, 36), 36));
    Hotspot pano;
    pano.view = HotspotView::Panorama;
    CHECK_FALSE(placeOnSpin(pano, 0, 36));
}

TEST_CASE("the panorama projection puts the camera's direction in the centre and inverts", "[core][view360]")
{
    PanoramaCamera c;
    c.yaw = 180;
    c.pitch = 0;
    c.fovY = 60;
    auto centre = placeOnPanorama(180, 0, c, 1.5);
    REQUIRE(centre);
    CHECK(centre->x == Approx(0.5));
    CHECK(centre->y == Approx(0.5));
    // More yaw is to the right, more pitch is up; behind the camera is nowhere.
    auto right = placeOnPanorama(200, 0, c, 1.5);
    auto up = placeOnPanorama(180, 20, c, 1.5);
    REQUIRE(right);
    REQUIRE(up);
    CHECK(right->x > 0.5);
    CHECK(up->y < 0.5);
    CHECK_FALSE(placeOnPanorama(0, 0, c, 1.5));
    // The edge of the vertical field of view is the top of the view.
    auto top = placeOnPanorama(180, 29.9, c, 1.5);
    REQUIRE(top);
    CHECK(top->y == Approx(0).margin(0.01));
    // Tapping a point finds the direction that projects back onto it.
    for (double x : {0.1, 0.5, 0.83})
        for (double y : {0.2, 0.5, 0.9}) {
            const auto [yaw, pitch] = panoramaDirectionAt(x, y, c, 1.5);
            const auto back = placeOnPanorama(yaw, pitch, c, 1.5);
            REQUIRE(back);
            CHECK(back->x == Approx(x).margin(1e-9));
            CHECK(back->y == Approx(y).margin(1e-9));
        }
}

TEST_CASE("the panorama camera stops at the poles and within its zoom range", "[core][view360]")
{
    PanoramaCamera c;
    c.pitch = 89;
    c.fovY = 70;
    c.yaw = -10;
    c = clampCamera(c);
    CHECK(c.pitch == Approx(55)); // the top of the view reaches the pole, not beyond
    CHECK(c.yaw == Approx(350));
    c.fovY = 500;
    CHECK(clampCamera(c).fovY == Approx(kMaxFov));
    c.fovY = 1;
    CHECK(clampCamera(c).fovY == Approx(kMinFov));
}

TEST_CASE("a 360 view goes over the wire and back", "[core][view360]")
{
    View360 v;
    v.listingId = 42;
    SpinInfo s;
    s.frames = 36;
    s.atlasUrl = "/media/spins/42-v1-atlas.jpg";
    s.atlasColumns = 6;
    s.cellWidth = 160;
    s.cellHeight = 100;
    s.urlPattern = "/media/spins/42-v1-f{frame}-{size}.jpg";
    s.sizes = {"m", "l"};
    v.spin = s;
    Hotspot h;
    h.id = 3;
    h.frame = 4;
    h.x = 0.25;
    h.label = "Новые шины";
    v.hotspots.push_back(h);
    const View360 back = nlohmann::json(v).get<View360>();
    REQUIRE(back.spin);
    CHECK(back.spin->frames == 36);
    CHECK(back.spin->urlPattern == s.urlPattern);
    CHECK_FALSE(back.panorama);
    REQUIRE(back.hotspots.size() == 1);
    CHECK(back.hotspots[0].label == "Новые шины");
    CHECK(back.hotspots[0].x == Approx(0.25));
}

TEST_CASE("a fling keeps the drag's speed of its last moments, and none after a pause", "[core][view360]")
{
    using view360::FlingTracker;
    FlingTracker f;
    CHECK(f.speedAt(0) == 0); // nothing dragged yet
    // Steady 1 unit per 10 ms, released at once: 100 per second.
    for (int i = 0; i <= 20; ++i) f.add(i * 10.0, i * 1.0);
    CHECK(f.speedAt(205) == Approx(100).margin(1e-9));
    // Held still for 80 ms before letting go: no fling.
    CHECK(f.speedAt(280) == 0);

    SECTION("a late frame then a quick one is not a spike")
    {
        f.reset();
        for (int i = 0; i <= 10; ++i) f.add(i * 16.0, i * 2.0); // 125 per second
        f.add(160 + 60, 22 + 7.5);                                 // a frame 60 ms late
        f.add(160 + 61, 22 + 8);                                   // and one right after it
        const double v = f.speedAt(222);
        CHECK(v > 100);
        CHECK(v < 160); // the last frame alone would say 500
    }
    SECTION("the speed of the end of the drag, not of its start")
    {
        f.reset();
        for (int i = 0; i <= 30; ++i) f.add(i * 10.0, i * 5.0);        // fast at first
        for (int i = 1; i <= 20; ++i) f.add(300 + i * 10.0, 150 + i * 0.5); // then slow
        CHECK(f.speedAt(501) == Approx(50).margin(1e-9));
    }
    SECTION("a drag of one frame measures no more than its step over the shortest span")
    {
        f.reset();
        f.add(0, 0);
        f.add(1, 10);
        CHECK(f.speedAt(2) == Approx(10 / 0.016));
    }
}

TEST_CASE("a viewer over its GPU budget lets the frames farthest from the angle go first", "[core][view360]")
{
    constexpr std::size_t MB = 1 << 20;
    std::vector<ResidentFrame> resident;
    for (int f = 0; f < 36; ++f) resident.push_back({f, 4 * MB}); // every large frame: 144 MB
    // At 0 degrees with a 2 MB atlas: down to 64 MB means keeping 15 frames, those around frame 0.
    const auto out = framesToEvict(resident, 0, 36, 2 * MB, kGpuBudgetBytes);
    std::size_t kept = 36 * 4 * MB + 2 * MB;
    for (std::size_t i : out) kept -= resident[i].bytes;
    CHECK(kept <= kGpuBudgetBytes);
    CHECK(out.size() == 21);
    CHECK(resident[out.front()].frame == 18); // the far side goes first
    for (std::size_t i : out) {
        const int f = resident[i].frame;
        CHECK(std::min(f, 36 - f) > 7); // what stays is within 7 frames of the angle, both ways
    }
    // Under the budget: nothing goes.
    CHECK(framesToEvict({{0, MB}, {1, MB}}, 0, 36, 32 * MB).empty());
    // The frames on screen stay even when they alone are over the budget.
    const auto tight = framesToEvict({{4, 40 * MB}, {5, 40 * MB}, {20, MB}}, 45, 36, 0, 64 * MB);
    REQUIRE(tight.size() == 1);
    CHECK(tight[0] == 2);
}

TEST_CASE("a phone's orientation gives where its back points: heading and pitch", "[core][view360]")
{
    // Upright, facing alpha's zero.
    LookDirection d = lookFromDevice(0, 90, 0);
    CHECK(d.heading == Approx(0).margin(1e-9));
    CHECK(d.pitch == Approx(0).margin(1e-9));
    // Turned to the left by 90 degrees (alpha grows counter-clockwise): heading 270.
    d = lookFromDevice(90, 90, 0);
    CHECK(d.heading == Approx(270));
    CHECK(d.pitch == Approx(0).margin(1e-9));
    // Turned right by 30 degrees.
    CHECK(lookFromDevice(330, 90, 0).heading == Approx(30));
    // Tilted back 30 degrees: looking up; forward: looking down.
    CHECK(lookFromDevice(0, 120, 0).pitch == Approx(30));
    CHECK(lookFromDevice(0, 60, 0).pitch == Approx(-30));
    // Flat on the table, screen up: straight down.
    CHECK(lookFromDevice(0, 0, 0).pitch == Approx(-90));
    // Held sideways, as in landscape (beta 0, gamma -90: its back turned to the east): level,
    // heading 90; the screen's orientation plays no part, only where the back points.
    d = lookFromDevice(0, 0, -90);
    CHECK(d.heading == Approx(90).margin(1e-9));
    CHECK(d.pitch == Approx(0).margin(1e-9));
}

TEST_CASE("turning cross-fades the two photographs only around the middle of the step", "[core][view360]")
{
    // 36 frames: 10 degrees apart. Near a frame, it alone; halfway, half of each.
    CHECK(blendAt(1, 36).weight == 0);
    CHECK(blendAt(9, 36).weight == 1);
    CHECK(blendAt(5, 36).weight == Approx(0.5));
    double last = -1;
    for (double a = 0; a < 10; a += 0.25) {
        const double w = blendAt(a, 36).weight;
        CHECK(w >= last); // never back and forth while turning one way
        last = w;
    }
}

TEST_CASE("full frames load nearest first, then the way the car turns", "[core][view360]")
{
    // At 15 degrees of 36 frames: frames 1 and 2 are shown.
    const FrameBlend b = blendAt(15, 36);
    CHECK(frameLoadOrder(b, 36, +1, 3, 2) == std::vector<int>{1, 2, 3, 4, 5, 0, 35});
    // Turning the other way: frame 1 leads, then 0, 35, 34; then 3, 4 behind.
    CHECK(frameLoadOrder(b, 36, -1, 3, 2) == std::vector<int>{1, 2, 0, 35, 34, 3, 4});
    // Never a frame twice, even when ahead and behind meet on a short spin.
    const auto all = frameLoadOrder(blendAt(0, 24), 24, +1, 20, 20);
    CHECK(all.size() == 24);
    CHECK(frameLoadOrder(b, 0, 1, 3, 3).empty());
}
