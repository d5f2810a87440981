// The demo 360° renderer as a buyer sees it: the same listing always gives the same pictures;
// the car stays centred and the same size while it turns; the front and the back show where
// they should; the paint is the listing's colour; the interior panorama joins at its seam, is
// calm at the poles and has the dashboard ahead.

#include "server/demo/car_model.hpp"
#include "server/demo/spin_renderer.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace dongelek;
using namespace dongelek::server;

namespace {

PhotoSpec carSpec(Body body, const char* color, std::int64_t listing = 7, int year = 2021)
{
    PhotoSpec s;
    s.listingId = listing;
    s.body = body;
    s.color = color;
    s.year = year;
    return s;
}

constexpr int kW = 320, kH = 200, kFrames = 36;

struct Image {
    std::vector<std::uint8_t> px;
    int w, h;
    const std::uint8_t* at(int x, int y) const { return &px[(static_cast<std::size_t>(y) * w + x) * 3]; }
};

// Pixels of a coloured (or dark) car against the light grey studio: saturated or dark. The floor
// and its soft shadow are neutral and light, so they stay out.
bool isCar(const std::uint8_t* p)
{
    const int mx = std::max({p[0], p[1], p[2]}), mn = std::min({p[0], p[1], p[2]});
    const int lum = (p[0] * 3 + p[1] * 6 + p[2]) / 10;
    return mx - mn > 40 || lum < 90;
}
bool isTailLamp(const std::uint8_t* p)
{
    return p[0] > 150 && p[1] < 70 && p[2] < 70;
}
bool isLampWhite(const std::uint8_t* p) // the daytime running lights burn out to white
{
    return std::min({p[0], p[1], p[2]}) >= 250;
}

struct Box {
    int x0 = 1 << 30, x1 = -1, y0 = 1 << 30, y1 = -1;
    int count = 0;
    double cx(int w) const { return (x0 + x1) / 2.0 / w; }
    double cy(int h) const { return (y0 + y1) / 2.0 / h; }
    double width(int w) const { return (x1 - x0) / static_cast<double>(w); }
    double height(int h) const { return (y1 - y0) / static_cast<double>(h); }
};
Box carBox(const Image& img)
{
    Box b;
    for (int y = 0; y < img.h; ++y)
        for (int x = 0; x < img.w; ++x)
            if (isCar(img.at(x, y))) {
                b.x0 = std::min(b.x0, x);
                b.x1 = std::max(b.x1, x);
                b.y0 = std::min(b.y0, y);
                b.y1 = std::max(b.y1, y);
                ++b.count;
            }
    return b;
}

template <typename Pred> int countIn(const Image& img, int x0, int x1, Pred pred)
{
    int n = 0;
    for (int y = 0; y < img.h; ++y)
        for (int x = x0; x < x1; ++x)
            if (pred(img.at(x, y))) ++n;
    return n;
}

Image frame(const PhotoSpec& s, int index, int w = kW, int h = kH)
{
    return {demo::renderSpinFrame(s, index, kFrames, w, h), w, h};
}

} // namespace

TEST_CASE("a spin frame is the same bytes every time, and differs between listings", "[demo][spin]")
{
    const PhotoSpec s = carSpec(Body::Sedan, "red");
    const auto a = demo::renderSpinFrame(s, 5, kFrames, 160, 100);
    REQUIRE(a.size() == 160u * 100u * 3u);
    CHECK(a == demo::renderSpinFrame(s, 5, kFrames, 160, 100));
    CHECK(a != demo::renderSpinFrame(carSpec(Body::Sedan, "red", 8), 5, kFrames, 160, 100)); // wheels, roof
    CHECK(a != demo::renderSpinFrame(s, 6, kFrames, 160, 100));
    // The index wraps around the turn.
    CHECK(demo::renderSpinFrame(s, kFrames + 5, kFrames, 160, 100) == a);
}

TEST_CASE("the car stays centred and the same size all the way round", "[demo][spin]")
{
    for (const auto& [body, color] : {std::pair{Body::Sedan, "red"}, std::pair{Body::Suv, "blue"},
                                      std::pair{Body::Pickup, "green"}, std::pair{Body::Hatchback, "red"}}) {
        const PhotoSpec s = carSpec(body, color, 11);
        double minH = 1, maxH = 0, prevH = -1;
        for (int f = 0; f < kFrames; f += 3) {
            INFO(toString(body) << " frame " << f);
            const Box b = carBox(frame(s, f));
            REQUIRE(b.count > 0);
            // Centred: the bounding box's middle within a few percent of the image's.
            CHECK(std::fabs(b.cx(kW) - 0.5) < 0.045);
            CHECK(std::fabs(b.cy(kH) - 0.5) < 0.03);
            // A sensible share of the frame: most of its width from the side, never cropped.
            CHECK(b.x0 > 0);
            CHECK(b.x1 < kW - 1);
            CHECK(b.y0 > 0);
            CHECK(b.y1 < kH - 1);
            CHECK(b.width(kW) > 0.35);
            CHECK(b.height(kH) > 0.25);
            CHECK(b.height(kH) < 0.7);
            // No wobble: the height changes little between neighbouring frames (10 degrees apart
            // here: a bit as the nearest corner comes closer, never a jump).
            const double h = b.height(kH);
            if (prevH > 0) CHECK(std::fabs(h - prevH) < 0.08 * prevH + 1.0 / kH);
            prevH = h;
            minH = std::min(minH, h);
            maxH = std::max(maxH, h);
        }
        INFO(toString(body));
        CHECK(maxH / minH < 1.15);
    }
}

TEST_CASE("frame 0 shows the front-left three-quarter view and the opposite frame the back", "[demo][spin]")
{
    for (Body body : {Body::Sedan, Body::Suv, Body::Crossover, Body::Minivan}) {
        INFO(toString(body));
        const PhotoSpec s = carSpec(body, "silver", 21);
        const Image front = frame(s, 0), back = frame(s, kFrames / 2);
        // Frame 0 looks at the front-left corner: the nose is on the left of the picture, where
        // the headlights' running lights burn white and no tail lamp shows.
        const int frontWhite = countIn(front, 0, kW / 2, isLampWhite);
        CHECK(frontWhite >= 8);
        CHECK(countIn(front, 0, kW / 2, isTailLamp) <= 2);
        // Half a turn later the camera looks at the rear-right corner: the tail is on the left
        // (a glint of a highlight may burn white there too, but not a row of lamps).
        CHECK(countIn(back, 0, kW / 2, isTailLamp) >= 15);
        CHECK(countIn(back, 0, kW / 2, isLampWhite) * 3 <= frontWhite);
        CHECK(front.px != back.px);
    }
}

TEST_CASE("the spin turns clockwise seen from above", "[demo][spin]")
{
    // Clockwise from above the front-left corner is followed by the front-right one: a quarter
    // turn on, the nose (white running lights) has moved to the right half of the picture.
    const PhotoSpec s = carSpec(Body::Sedan, "silver", 21);
    const Image quarter = frame(s, kFrames / 4);
    CHECK(countIn(quarter, kW / 2, kW, isLampWhite) >= 8);
    CHECK(countIn(quarter, 0, kW, isTailLamp) <= 2);
}

TEST_CASE("the listing's paint colour dominates the car", "[demo][spin]")
{
    const auto share = [](const Image& img, bool (*paint)(const std::uint8_t*)) {
        int car = 0, painted = 0;
        for (int y = 0; y < img.h; ++y)
            for (int x = 0; x < img.w; ++x) {
                const std::uint8_t* p = img.at(x, y);
                if (!isCar(p)) continue;
                ++car;
                if (paint(p)) ++painted;
            }
        return car ? static_cast<double>(painted) / car : 0.0;
    };
    const auto reddish = [](const std::uint8_t* p) { return p[0] > p[1] + 40 && p[0] > p[2] + 40; };
    const auto bluish = [](const std::uint8_t* p) { return p[2] > p[0] + 30 && p[2] > p[1] + 10; };
    for (Body body : {Body::Sedan, Body::Hatchback, Body::Suv, Body::Crossover, Body::Wagon, Body::Coupe, Body::Minivan,
                      Body::Pickup}) {
        INFO(toString(body));
        for (int f : {0, 12, 20}) {
            INFO("frame " << f);
            CHECK(share(frame(carSpec(body, "red"), f), reddish) > 0.45);
            CHECK(share(frame(carSpec(body, "blue"), f), bluish) > 0.35);
            // And a red car is not blue anywhere much.
            CHECK(share(frame(carSpec(body, "red"), f), bluish) < 0.05);
        }
    }
}

TEST_CASE("every body style's car is a bounded mesh standing on its wheels", "[demo][spin]")
{
    for (Body body : {Body::Sedan, Body::Hatchback, Body::Suv, Body::Crossover, Body::Wagon, Body::Coupe, Body::Minivan,
                      Body::Pickup}) {
        INFO(toString(body));
        for (std::int64_t listing : {1, 2, 3, 99}) {
            const demo::CarModel m = demo::buildCarModel(demo::designCar(carSpec(body, "white", listing)));
            // The renderer's work grows with the triangles: keep the budget that makes a 640x400
            // frame cheap (tens of milliseconds on one core).
            CHECK(m.triangles.size() > 5000);
            CHECK(m.triangles.size() < 40000);
            // The tyres touch the floor and nothing goes below it.
            CHECK(m.boundsMin.y == Approx(0).margin(1e-3));
            // The wheels sit inside the arch openings, and the arches are cut above them.
            const demo::CarDesign& d = m.design;
            CHECK(demo::inWheelArch(d, d.frontAxle, 2 * d.wheelRadius + 0.01f));
            CHECK(!demo::inWheelArch(d, 0, 2 * d.wheelRadius));
            CHECK(d.trackZ + d.tyreWidth / 2 <= d.halfWidth + 1e-3f);
        }
    }
}

TEST_CASE("a listing's design varies a little, deterministically", "[demo][spin]")
{
    std::vector<float> wheels, heights;
    for (std::int64_t listing = 1; listing <= 12; ++listing) {
        const demo::CarDesign d = demo::designCar(carSpec(Body::Sedan, "black", listing));
        const demo::CarDesign again = demo::designCar(carSpec(Body::Sedan, "black", listing));
        CHECK(d.wheelRadius == again.wheelRadius);
        CHECK(d.height == again.height);
        wheels.push_back(d.wheelRadius);
        heights.push_back(d.height);
    }
    const auto spread = [](const std::vector<float>& v) {
        return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end());
    };
    CHECK(spread(wheels) > 0.005f);
    CHECK(spread(wheels) < 0.05f);
    CHECK(spread(heights) > 0.005f);
    CHECK(spread(heights) < 0.1f);
}

// [SECTION] Panorama

namespace {
constexpr int kPW = 512, kPH = 256;

Image panorama(const PhotoSpec& s)
{
    return {demo::renderPanorama(s, kPW, kPH), kPW, kPH};
}
// Column and row of a direction: yaw 0 at the left edge, 180 (ahead) in the middle.
int colOf(double yawDeg)
{
    return static_cast<int>(yawDeg / 360.0 * kPW);
}
int rowOf(double pitchDeg)
{
    return static_cast<int>((90.0 - pitchDeg) / 180.0 * kPH);
}
double lum(const std::uint8_t* p)
{
    return (p[0] * 3 + p[1] * 6 + p[2]) / 10.0;
}
} // namespace

TEST_CASE("the interior panorama is deterministic and joins at its seam", "[demo][spin]")
{
    for (std::int64_t listing : {7, 8, 9}) {
        INFO("listing " << listing);
        const PhotoSpec s = carSpec(Body::Sedan, "red", listing);
        const Image p = panorama(s);
        REQUIRE(p.px.size() == static_cast<std::size_t>(kPW) * kPH * 3);
        CHECK(p.px == demo::renderPanorama(s, kPW, kPH));
        // Yaw 0 and 360 look the same way: the first and last columns nearly agree, unlike the
        // first and the middle one.
        double seam = 0, across = 0;
        for (int y = 0; y < kPH; ++y)
            for (int c = 0; c < 3; ++c) {
                seam += std::abs(p.at(0, y)[c] - p.at(kPW - 1, y)[c]);
                across += std::abs(p.at(0, y)[c] - p.at(kPW / 2, y)[c]);
            }
        seam /= kPH * 3;
        across /= kPH * 3;
        CHECK(seam < 6);
        CHECK(across > 20);
    }
}

TEST_CASE("the panorama is calm at the poles", "[demo][spin]")
{
    for (std::int64_t listing : {7, 8, 9, 10}) {
        INFO("listing " << listing);
        const Image p = panorama(carSpec(Body::Suv, "white", listing));
        // Every pixel of the top and bottom rows looks (nearly) straight up or down: one colour
        // each, no pinched pattern.
        for (int row : {0, 1, kPH - 2, kPH - 1}) {
            INFO("row " << row);
            double lo = 255, hi = 0;
            for (int x = 0; x < kPW; ++x) {
                lo = std::min(lo, lum(p.at(x, row)));
                hi = std::max(hi, lum(p.at(x, row)));
            }
            CHECK(hi - lo < 8);
        }
    }
}

TEST_CASE("the panorama looks ahead at the dashboard and windscreen in its middle", "[demo][spin]")
{
    const Image p = panorama(carSpec(Body::Sedan, "red", 7));
    // Ahead and a little up: the windscreen shows a blue sky.
    const std::uint8_t* sky = p.at(colOf(180), rowOf(12));
    CHECK(sky[2] > sky[0] + 20);
    CHECK(lum(sky) > 150);
    // Ahead and down: the dashboard, darker than the sky above it.
    double dash = 0;
    for (int y = rowOf(-12); y <= rowOf(-22); ++y)
        dash += lum(p.at(colOf(180), y));
    dash /= rowOf(-22) - rowOf(-12) + 1;
    CHECK(dash < 110);
    // Looking back (the seam): not the windscreen's sky and dashboard, but seats and rear glass.
    CHECK(std::abs(lum(p.at(0, rowOf(-20))) - dash) + std::abs(lum(p.at(0, rowOf(12))) - lum(sky)) > 15);
}

TEST_CASE("the steering wheel and instruments are on the left, in front of the driver", "[demo][spin]")
{
    // Left-hand drive. Ahead-left (yaw below 180) and ahead-right are mirror images of each
    // other everywhere but at the driver's place: the wheel and the instrument cluster (whose
    // digital gauges glow blue) are on the left, the passenger side has neither.
    const Image p = panorama(carSpec(Body::Sedan, "red", 9, 2021));
    const auto blue = [](const std::uint8_t* q) { return q[2] > q[0] + 60 && q[2] > q[1] + 30; };
    int blueLeft = 0, blueRight = 0;
    double asymmetry = 0, control = 0;
    int n = 0, m = 0;
    for (int pitch = -40; pitch <= -5; ++pitch) {
        for (int yaw = 115; yaw <= 158; ++yaw, ++n) { // the driver's side, clear of the centre screen
            const std::uint8_t *l = p.at(colOf(yaw), rowOf(pitch)), *r = p.at(colOf(360 - yaw), rowOf(pitch));
            if (blue(l)) ++blueLeft;
            if (blue(r)) ++blueRight;
            asymmetry += std::fabs(lum(l) - lum(r));
        }
        for (int yaw = 50; yaw <= 85; ++yaw, ++m) // the doors: the same either side
            control += std::fabs(lum(p.at(colOf(yaw), rowOf(pitch))) - lum(p.at(colOf(360 - yaw), rowOf(pitch))));
    }
    CHECK(blueLeft >= 5);
    CHECK(blueRight == 0);
    CHECK(asymmetry / n > 5 * (control / m) + 2);
}

TEST_CASE("interiors come in black, beige and brown leather by listing", "[demo][spin]")
{
    // The driver's seat cushion: left of the eye and down (yaw 90, pitch -55).
    int dark = 0, light = 0, warm = 0;
    for (std::int64_t listing = 1; listing <= 12; ++listing) {
        const Image p = panorama(carSpec(Body::Sedan, "red", listing));
        const std::uint8_t* seat = p.at(colOf(100), rowOf(-55));
        if (lum(seat) < 60)
            ++dark;
        else if (lum(seat) > 120)
            ++light;
        if (seat[0] > seat[2] + 25) ++warm;
        CHECK(p.px == demo::renderPanorama(carSpec(Body::Sedan, "red", listing), kPW, kPH));
    }
    CHECK(dark > 0);
    CHECK(light > 0);
    CHECK(warm > 0);
}
