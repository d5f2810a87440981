// Spin preparation on synthetic spins whose answers are known: a drawn car (a dark rounded body
// and cabin with windows, lights and four wheels) turning, drifting and changing size over 36
// frames on a light backdrop; the painted pixels' box is each frame's answer.
#include "core/spin_prep.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace dongelek::spin;

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 800;
constexpr int kFrames = 36;
constexpr double kPi = 3.14159265358979323846;

struct Pose {
    double theta = 0; // the turn, radians
    double cx = 0;    // body centre, pixels
    double top = 0;   // body top
    double height = 0; // roof to the wheels' bottom
};

// A walk around the car: the view turns 10° a frame, the car drifts ±70 px across, ±30 px
// down and ±10 % in size (the seller's distance), and its colour turns with it, so every view
// differs from the others and neighbours look alike.
Pose poseAt(int i, double phase = 4.25)
{
    Pose p;
    p.theta = 2 * kPi * (i + phase) / kFrames;
    p.height = 280 * (1 + 0.10 * std::sin(p.theta + 1));
    p.cx = kWidth / 2.0 + 70 * std::sin(2 * p.theta);
    p.top = kHeight / 2.0 - p.height / 2 + 30 * std::cos(p.theta);
    return p;
}

// The car is a box 2.9 heights long and 1.3 wide seen at angle theta (orthographic): its side
// and one end (front or back) show side by side, a cabin with windows sits towards the back
// of the lower body, and four wheels sit under its corners. So the silhouette's width changes as
// a real car's does, the views either side of head-on are mirror images rather than copies, and
// a view and the one opposite (front and back swapped) differ.
constexpr double kHalfLength = 1.45; // car heights
constexpr double kHalfWidth = 0.65;

double bodyWidth(const Pose& p)
{
    return 2 * p.height * (kHalfLength * std::fabs(std::cos(p.theta)) + kHalfWidth * std::fabs(std::sin(p.theta)));
}

// The side's colour turns with the view (a code the atlas test reads back); the front is
// lighter, the back darker (lights and grille against a boot lid).
std::array<int, 3> sideColour(const Pose& p)
{
    return {static_cast<int>(std::lround(50 + 30 * std::cos(p.theta))), 50,
            static_cast<int>(std::lround(50 + 30 * std::sin(p.theta)))};
}

int endLift(const Pose& p) { return std::sin(p.theta) > 0 ? 60 : -15; }

struct Faces {
    double left, split, right; // the silhouette [left, right) and where side and end meet
    bool sideFirst;            // the side is left of the split
};

Faces facesOf(const Pose& p)
{
    const double c = std::cos(p.theta), s = std::sin(p.theta);
    const double side = 2 * p.height * kHalfLength * std::fabs(c), end = 2 * p.height * kHalfWidth * std::fabs(s);
    Faces f;
    f.left = p.cx - (side + end) / 2;
    f.right = p.cx + (side + end) / 2;
    f.sideFirst = c * s >= 0;
    f.split = f.left + (f.sideFirst ? side : end);
    return f;
}

// The middle of the wider face, at 0.43 of the car's height (under the windows, over the lights
// and the wheels), and the colour drawn there.
struct Probe {
    double x, y;
    std::array<int, 3> colour;
};

Probe probeOf(const Pose& p)
{
    const Faces f = facesOf(p);
    const double leftW = f.split - f.left, rightW = f.right - f.split;
    const bool leftWider = leftW >= rightW;
    const bool onSide = leftWider == f.sideFirst;
    std::array<int, 3> colour = sideColour(p);
    if (!onSide)
        for (int& v : colour)
            v += endLift(p);
    return {leftWider ? f.left + leftW / 2 : f.split + rightW / 2, p.top + 0.43 * p.height, colour};
}

struct Drawn {
    Image image;
    PixelBox car; // the painted pixels' box: the known answer
};

void put(Image& img, int x, int y, int r, int g, int b)
{
    std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * img.channels;
    p[0] = static_cast<std::uint8_t>(std::clamp(r, 0, 255));
    p[1] = static_cast<std::uint8_t>(std::clamp(g, 0, 255));
    p[2] = static_cast<std::uint8_t>(std::clamp(b, 0, 255));
}

// Paints the car of `pose` (pixel centres inside a shape are painted) on a backdrop that
// darkens a little towards the floor.
Drawn draw(const Pose& pose, int channels = 3)
{
    Drawn d;
    d.image = makeImage(kWidth, kHeight, channels);
    for (int y = 0; y < kHeight; ++y) {
        const double t = static_cast<double>(y) / kHeight;
        for (int x = 0; x < kWidth; ++x) {
            put(d.image, x, y, static_cast<int>(232 - 14 * t), static_cast<int>(234 - 14 * t), static_cast<int>(238 - 12 * t));
            if (channels == 4)
                d.image.pixels[(static_cast<std::size_t>(y) * kWidth + x) * 4 + 3] = 255;
        }
    }
    d.car = {kWidth, kHeight, 0, 0};
    const auto mark = [&](int x, int y) {
        d.car.left = std::min(d.car.left, x);
        d.car.top = std::min(d.car.top, y);
        d.car.right = std::max(d.car.right, x + 1);
        d.car.bottom = std::max(d.car.bottom, y + 1);
    };
    const double h = pose.height;
    const Faces f = facesOf(pose);
    const double y0 = pose.top, y1 = pose.top + 0.82 * h;
    // The lower body spans the silhouette; the cabin spans the projection of the rear 80 % and
    // the front 30 % of the half length, and the full width.
    const auto roundedRect = [](double px, double py, double l, double t, double r, double b, double radius) {
        if (px < l || px > r || py < t || py > b)
            return false;
        const double qx = std::clamp(px, l + radius, r - radius), qy = std::clamp(py, t + radius, b - radius);
        return (px - qx) * (px - qx) + (py - qy) * (py - qy) <= radius * radius;
    };
    const double lowerTop = y0 + 0.35 * h, cabinBottom = y0 + 0.5 * h;
    double cabinL = 1e9, cabinR = -1e9;
    for (double along : {-0.8 * kHalfLength * h, 0.3 * kHalfLength * h})
        for (double across : {-kHalfWidth * h, kHalfWidth * h}) {
            const double x = pose.cx + along * std::cos(pose.theta) + across * std::sin(pose.theta);
            cabinL = std::min(cabinL, x);
            cabinR = std::max(cabinR, x);
        }
    const std::array<int, 3> side = sideColour(pose);
    const int lift = endLift(pose);
    // Wheels under the four corners (0.65 of the half length, 0.6 of the half width in).
    const double c = std::cos(pose.theta), s = std::sin(pose.theta);
    const double wheelR = 0.19 * h, wheelY = pose.top + h - wheelR;
    double wheelX[4];
    for (int k = 0; k < 4; ++k) {
        const double along = (k & 1 ? 1 : -1) * 0.65 * kHalfLength * h, across = (k & 2 ? 1 : -1) * 0.6 * kHalfWidth * h;
        wheelX[k] = pose.cx + along * c + across * s;
    }
    const double sideL = f.sideFirst ? f.left : f.split, sideR = f.sideFirst ? f.split : f.right;
    const double endL = f.sideFirst ? f.split : f.left, endR = f.sideFirst ? f.right : f.split;
    for (int y = std::max(0, static_cast<int>(y0) - 1); y < std::min(kHeight, static_cast<int>(pose.top + h) + 2); ++y) {
        const double py = y + 0.5;
        for (int x = std::max(0, static_cast<int>(f.left) - 1); x < std::min(kWidth, static_cast<int>(f.right) + 2); ++x) {
            const double px = x + 0.5;
            const bool inCabin = roundedRect(px, py, cabinL, y0, cabinR, cabinBottom, 0.15 * h);
            const bool inBody = inCabin || roundedRect(px, py, f.left, lowerTop, f.right, y1, 0.12 * h);
            bool inWheel = false;
            for (double wx : wheelX)
                inWheel = inWheel || (px - wx) * (px - wx) + (py - wheelY) * (py - wheelY) <= wheelR * wheelR;
            if (inWheel) {
                put(d.image, x, y, 25, 25, 28);
                mark(x, y);
            } else if (inBody) {
                const bool onSide = px >= sideL && px < sideR;
                const double l = onSide ? sideL : endL, r = onSide ? sideR : endR;
                const double gl = std::max(l, cabinL), gr = std::min(r, cabinR);
                const bool glass = inCabin && py >= y0 + 0.08 * h && py <= y0 + 0.38 * h && px >= gl + 0.12 * (gr - gl) &&
                                   px <= gr - 0.12 * (gr - gl) && gr - gl > 0.3 * h;
                // Lights and a grille on the front, lights and a plate on the back: inset from
                // the silhouette, so the car's box stays dark at its edges.
                const double u = (px - l) / std::max(1e-9, r - l), v = (py - y0) / h;
                const bool front = endLift(pose) > 0;
                const bool lamp = !onSide && v >= 0.45 && v <= 0.55 && ((u >= 0.12 && u <= 0.3) || (u >= 0.7 && u <= 0.88));
                const bool centre = !onSide && u >= 0.38 && u <= 0.62 && v >= 0.55 && v <= 0.7;
                if (glass)
                    put(d.image, x, y, onSide ? 110 : 150, onSide ? 140 : 160, 185);
                else if (lamp)
                    put(d.image, x, y, front ? 215 : 150, front ? 215 : 20, front ? 205 : 20);
                else if (centre)
                    put(d.image, x, y, front ? 15 : 205, front ? 15 : 205, front ? 15 : 200);
                else if (onSide)
                    put(d.image, x, y, side[0], side[1], side[2]);
                else
                    put(d.image, x, y, side[0] + lift, side[1] + lift, side[2] + lift);
                mark(x, y);
            }
        }
    }
    return d;
}

Drawn frameAt(int i, int channels = 3) { return draw(poseAt(i), channels); }

// A (2r+1)² box filter, separable, edges clamped: a shaky hand.
void boxBlur(Image& img, int r)
{
    const int w = img.width, h = img.height, ch = img.channels;
    std::vector<std::uint8_t> tmp(img.pixels.size());
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < ch; ++c) {
                int s = 0;
                for (int k = -r; k <= r; ++k)
                    s += img.pixels[(static_cast<std::size_t>(y) * w + std::clamp(x + k, 0, w - 1)) * ch + c];
                tmp[(static_cast<std::size_t>(y) * w + x) * ch + c] = static_cast<std::uint8_t>(s / (2 * r + 1));
            }
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < ch; ++c) {
                int s = 0;
                for (int k = -r; k <= r; ++k)
                    s += tmp[(static_cast<std::size_t>(std::clamp(y + k, 0, h - 1)) * w + x) * ch + c];
                img.pixels[(static_cast<std::size_t>(y) * w + x) * ch + c] = static_cast<std::uint8_t>(s / (2 * r + 1));
            }
}

// The box of the pixels darker than halfway between the backdrop and the body (what a person
// would call the car in an output frame).
PixelBox darkBox(const Image& img)
{
    PixelBox box{img.width, img.height, 0, 0};
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * img.channels;
            if (0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2] < 135) {
                box.left = std::min(box.left, x);
                box.top = std::min(box.top, y);
                box.right = std::max(box.right, x + 1);
                box.bottom = std::max(box.bottom, y + 1);
            }
        }
    return box;
}

// The clean spin's analyses, computed once: each test replaces a frame or two and plans again.
const std::vector<FrameAnalysis>& cleanAnalyses()
{
    static const std::vector<FrameAnalysis> analyses = [] {
        std::vector<FrameAnalysis> out;
        for (int i = 0; i < kFrames; ++i)
            out.push_back(analyzeFrame(frameAt(i).image));
        return out;
    }();
    return analyses;
}

// The frames with any flag, and with each flag.
std::vector<int> flagged(const SpinPlan& plan, bool FrameFlags::*flag)
{
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(plan.frames.size()); ++i)
        if (plan.frames[i].flags.*flag)
            out.push_back(i);
    return out;
}

std::vector<int> anyFlag(const SpinPlan& plan)
{
    std::vector<int> out;
    for (int i = 0; i < static_cast<int>(plan.frames.size()); ++i)
        if (plan.frames[i].flags.any())
            out.push_back(i);
    return out;
}

using Frames = std::vector<int>;

SpinManifest goodManifest()
{
    SpinManifest m;
    m.frames.assign(36, ImageSize{1280, 800});
    m.mediumFrames.assign(36, ImageSize{640, 400});
    m.atlasColumns = 6;
    m.atlasRows = 6;
    m.cell = {160, 100};
    m.atlas = {960, 600};
    return m;
}

std::vector<SpinProblemCode> codes(const std::vector<SpinProblem>& problems)
{
    std::vector<SpinProblemCode> out;
    for (const SpinProblem& p : problems)
        out.push_back(p.code);
    return out;
}

} // namespace

TEST_CASE("the car's box is found within a pixel in every frame, RGB or RGBA", "[core][spin]")
{
    const std::vector<FrameAnalysis>& analyses = cleanAnalyses();
    for (int i = 0; i < kFrames; ++i) {
        CAPTURE(i);
        const PixelBox truth = frameAt(i).car;
        const FrameAnalysis& a = analyses[i];
        REQUIRE(a.carFound);
        CHECK_FALSE(a.cut.any());
        CHECK(std::abs(a.car.left - truth.left) <= 1);
        CHECK(std::abs(a.car.top - truth.top) <= 1);
        CHECK(std::abs(a.car.right - truth.right) <= 1);
        CHECK(std::abs(a.car.bottom - truth.bottom) <= 1);
        CHECK(a.size.width == kWidth);
        // The backdrop at the frame's centre: 232 - 14 × 0.5 in red.
        CHECK(a.background[0] == Approx(225).margin(2));
    }
    const Drawn rgba = frameAt(4, 4);
    const FrameAnalysis a = analyzeFrame(rgba.image);
    REQUIRE(a.carFound);
    CHECK(std::abs(a.car.left - rgba.car.left) <= 1);
    CHECK(std::abs(a.car.bottom - rgba.car.bottom) <= 1);
}

TEST_CASE("a clean spin raises no flag, with head-on frames or between them", "[core][spin]")
{
    // Phase 0 puts frames exactly side-on and head-on, where the views either side are mirror
    // images: the order check must not take the view between them for a misplaced one.
    std::vector<FrameAnalysis> headOn;
    for (int i = 0; i < kFrames; ++i)
        headOn.push_back(analyzeFrame(draw(poseAt(i, 0.0)).image));
    for (const std::vector<FrameAnalysis>* analyses : {&cleanAnalyses(), static_cast<const std::vector<FrameAnalysis>*>(&headOn)}) {
        const SpinPlan plan = planSpin(*analyses);
        double lowestSharpness = 10, highestGain = 0;
        for (const FramePlan& f : plan.frames) {
            lowestSharpness = std::min(lowestSharpness, f.relativeSharpness);
            highestGain = std::max(highestGain, f.orderGain);
        }
        CAPTURE(lowestSharpness, highestGain);
        CHECK(anyFlag(plan) == Frames{});
        CHECK(plan.flaggedFrames == 0);
    }
}

TEST_CASE("prepared frames show the car at one place and one height, cell i is frame i", "[core][spin]")
{
    const SpinPlan plan = planSpin(cleanAnalyses());
    REQUIRE(plan.full.width == 1280);
    REQUIRE(plan.full.height == 800);
    REQUIRE(plan.medium.width == 640);
    REQUIRE(plan.medium.height == 400);
    REQUIRE(plan.cell.width == 160);
    REQUIRE(plan.cell.height == 100);
    REQUIRE(plan.atlasColumns == 6); // ceil(sqrt(36))
    REQUIRE(plan.atlasRows == 6);
    REQUIRE(plan.atlas.width == 960);
    REQUIRE(plan.atlas.height == 600);

    Image atlas = makeAtlas(plan);
    REQUIRE(atlas.width == 960);
    REQUIRE(atlas.height == 600);
    REQUIRE(atlas.channels == 4);
    Image full, medium;
    std::vector<int> heights, mediumHeights, bottoms;
    for (int i = 0; i < kFrames; ++i) {
        CAPTURE(i);
        REQUIRE(renderFrame(frameAt(i).image, plan, i, full, medium, atlas));
        REQUIRE(full.width == 1280);
        REQUIRE(full.height == 800);
        REQUIRE(full.channels == 4);
        REQUIRE(medium.width == 640);
        // Bottom-centre anchor with one car height: box centre and height agree in every frame.
        const PixelBox box = darkBox(full);
        CHECK(std::fabs(box.height() - plan.carHeight) <= 1.0);
        CHECK(std::fabs(box.centreX() - plan.anchorX) <= 1.0);
        CHECK(std::fabs(box.centreY() - (plan.anchorY - plan.carHeight / 2)) <= 1.0);
        CHECK(std::fabs(box.bottom - plan.anchorY) <= 1.0);
        const PixelBox half = darkBox(medium);
        CHECK(std::fabs(half.height() - plan.carHeight / 2) <= 1.5);
        CHECK(std::fabs(half.centreX() - plan.anchorX / 2) <= 1.0);
        heights.push_back(box.height());
        mediumHeights.push_back(half.height());
        bottoms.push_back(box.bottom);

        // Cell i shows frame i: the colour code in the middle of its wider face, read back at
        // the place the plan moved it to, and not its neighbours' code.
        const FramePlan& f = plan.frames[i];
        const Probe probe = probeOf(poseAt(i));
        const double toCell = static_cast<double>(plan.cell.width) / plan.full.width;
        const int col = i % plan.atlasColumns, row = i / plan.atlasColumns;
        const int px = col * plan.cell.width + static_cast<int>((probe.x - f.cropX) * f.scale * toCell);
        const int py = row * plan.cell.height + static_cast<int>((probe.y - f.cropY) * f.scale * toCell);
        const std::uint8_t* p = atlas.pixels.data() + (static_cast<std::size_t>(py) * atlas.width + px) * 4;
        const auto distance = [&](const std::array<int, 3>& c) { return std::hypot(p[0] - c[0], p[2] - c[2]); };
        CHECK(distance(probe.colour) <= 2.5);
        const int lift = probe.colour[1] - 50; // the same face of the neighbouring views
        for (int j : {(i + 1) % kFrames, (i + kFrames - 1) % kFrames}) {
            std::array<int, 3> other = sideColour(poseAt(j));
            for (int& v : other)
                v += lift;
            CHECK(distance(other) > 2.5);
        }
    }
    // No breathing, no bouncing: every frame's car is as tall and stands on the same line.
    const auto spread = [](const std::vector<int>& v) { return *std::max_element(v.begin(), v.end()) - *std::min_element(v.begin(), v.end()); };
    CHECK(spread(heights) <= 1);
    CHECK(spread(mediumHeights) <= 1);
    CHECK(spread(bottoms) <= 1);

    SpinManifest manifest;
    manifest.frames.assign(kFrames, ImageSize{full.width, full.height});
    manifest.mediumFrames.assign(kFrames, ImageSize{medium.width, medium.height});
    manifest.atlas = {atlas.width, atlas.height};
    manifest.atlasColumns = plan.atlasColumns;
    manifest.atlasRows = plan.atlasRows;
    manifest.cell = plan.cell;
    CHECK(checkSpin(manifest).empty());
}

TEST_CASE("the other framings: box centre anchor, one scale for the whole spin", "[core][spin]")
{
    SpinOptions centred;
    centred.anchor = Anchor::BoxCentre;
    const SpinPlan plan = planSpin(cleanAnalyses(), centred);
    Image atlas = makeAtlas(plan), full, medium;
    for (int i = 0; i < kFrames; i += 5) {
        CAPTURE(i);
        REQUIRE(renderFrame(frameAt(i).image, plan, i, full, medium, atlas));
        const PixelBox box = darkBox(full);
        CHECK(std::fabs(box.centreX() - plan.anchorX) <= 1.0);
        CHECK(std::fabs(box.centreY() - plan.anchorY) <= 1.0);
        CHECK(std::fabs(box.height() - plan.carHeight) <= 1.0);
    }

    // Uniform: one scale, so the car keeps the size it had in each shot (here ±10 %).
    SpinOptions tripod;
    tripod.scale = ScaleMode::Uniform;
    const SpinPlan same = planSpin(cleanAnalyses(), tripod);
    for (int i = 0; i < kFrames; ++i) {
        CHECK(same.frames[i].scale == Approx(same.frames[0].scale));
        CHECK(same.frames[i].cropWidth == Approx(same.frames[0].cropWidth));
    }
    const double tallest = [&] {
        double h = 0;
        for (const FrameAnalysis& a : cleanAnalyses())
            h = std::max(h, static_cast<double>(a.car.height()));
        return h;
    }();
    // The tallest car still fits inside the margins.
    CHECK(tallest * same.frames[0].scale <= same.full.height * (1 - 2 * tripod.margin) + 1);
}

TEST_CASE("a 16 MP frame renders like its 1280 px original", "[core][spin]")
{
    // Each pixel of frame 0 repeated 4 × 4: the same picture at 5120 × 3200, which takes the
    // path that block-averages a large source before stb_image_resize.
    const SpinPlan plan = planSpin(cleanAnalyses());
    const Image small = frameAt(0).image;
    Image big = makeImage(small.width * 4, small.height * 4, 3);
    for (int y = 0; y < big.height; ++y)
        for (int x = 0; x < big.width; ++x)
            for (int c = 0; c < 3; ++c)
                big.pixels[(static_cast<std::size_t>(y) * big.width + x) * 3 + c] =
                    small.pixels[(static_cast<std::size_t>(y / 4) * small.width + x / 4) * 3 + c];
    const FrameAnalysis a = analyzeFrame(big);
    REQUIRE(a.carFound);
    CHECK(std::abs(a.car.left - 4 * cleanAnalyses()[0].car.left) <= 4);
    CHECK(std::abs(a.car.bottom - 4 * cleanAnalyses()[0].car.bottom) <= 4);

    SpinPlan bigPlan = plan;
    FramePlan& f = bigPlan.frames[0];
    f.cropX *= 4;
    f.cropY *= 4;
    f.cropWidth *= 4;
    f.cropHeight *= 4;
    f.scale /= 4;
    Image atlas = makeAtlas(plan), full, medium, bigFull, bigMedium;
    REQUIRE(renderFrame(small, plan, 0, full, medium, atlas));
    REQUIRE(renderFrame(big, bigPlan, 0, bigFull, bigMedium, atlas));
    double difference = 0;
    for (std::size_t i = 0; i < full.pixels.size(); ++i)
        difference += std::abs(full.pixels[i] - bigFull.pixels[i]);
    CHECK(difference / static_cast<double>(full.pixels.size()) < 1.0); // mean, 0..255
    const PixelBox box = darkBox(full), bigBox = darkBox(bigFull);
    CHECK(std::abs(box.left - bigBox.left) <= 1);
    CHECK(std::abs(box.top - bigBox.top) <= 1);
    CHECK(std::abs(box.right - bigBox.right) <= 1);
    CHECK(std::abs(box.bottom - bigBox.bottom) <= 1);
}

TEST_CASE("a blurred frame is flagged blurry, the others are not", "[core][spin]")
{
    std::vector<FrameAnalysis> analyses = cleanAnalyses();
    Drawn shaky = frameAt(7);
    boxBlur(shaky.image, 3);
    analyses[7] = analyzeFrame(shaky.image);
    const SpinPlan plan = planSpin(analyses);
    CAPTURE(plan.frames[7].relativeSharpness);
    CHECK(flagged(plan, &FrameFlags::blurry) == Frames{7});
    CHECK(anyFlag(plan) == Frames{7});
    // The box grows by at most the blur's radius.
    CHECK(std::abs(analyses[7].car.top - shaky.car.top) <= 3);
    CHECK(std::abs(analyses[7].car.bottom - shaky.car.bottom) <= 3);
}

TEST_CASE("a darkened frame is flagged dark, and not blurry", "[core][spin]")
{
    std::vector<FrameAnalysis> analyses = cleanAnalyses();
    Drawn dim = frameAt(12);
    for (std::uint8_t& v : dim.image.pixels)
        v = static_cast<std::uint8_t>(v / 5);
    analyses[12] = analyzeFrame(dim.image);
    const SpinPlan plan = planSpin(analyses);
    CAPTURE(analyses[12].meanLuminance, plan.frames[12].relativeSharpness);
    CHECK(flagged(plan, &FrameFlags::tooDark) == Frames{12});
    CHECK(anyFlag(plan) == Frames{12});
    CHECK(analyses[12].carFound);
}

TEST_CASE("swapped frames are flagged out of order, their neighbours are not", "[core][spin]")
{
    std::vector<FrameAnalysis> analyses = cleanAnalyses();
    SECTION("two far-apart frames")
    {
        std::swap(analyses[5], analyses[20]);
        const SpinPlan plan = planSpin(analyses);
        CHECK(flagged(plan, &FrameFlags::outOfOrder) == Frames{5, 20});
        CHECK(anyFlag(plan) == Frames{5, 20});
    }
    SECTION("two neighbours")
    {
        std::swap(analyses[10], analyses[11]);
        const SpinPlan plan = planSpin(analyses);
        CHECK(flagged(plan, &FrameFlags::outOfOrder) == Frames{10, 11});
    }
    SECTION("two neighbours across the loop's seam")
    {
        std::swap(analyses[0], analyses[kFrames - 1]);
        const SpinPlan plan = planSpin(analyses);
        CHECK(flagged(plan, &FrameFlags::outOfOrder) == Frames{0, kFrames - 1});
    }
    SECTION("a frame shot again at the end")
    {
        const FrameAnalysis retake = analyses[12];
        analyses.erase(analyses.begin() + 12);
        analyses.push_back(retake);
        const SpinPlan plan = planSpin(analyses);
        CHECK(flagged(plan, &FrameFlags::outOfOrder) == Frames{kFrames - 1});
    }
    SECTION("not across the seam of an open sequence")
    {
        // Half a spin, not closed: its first and last frames are far apart, which is no fault.
        analyses.resize(18);
        SpinOptions open;
        open.closedLoop = false;
        CHECK(anyFlag(planSpin(analyses, open)) == Frames{});
        std::swap(analyses[10], analyses[11]);
        CHECK(flagged(planSpin(analyses, open), &FrameFlags::outOfOrder) == Frames{10, 11});
    }
}

TEST_CASE("a car cut off at the border is flagged, and framed from its uncut edges", "[core][spin]")
{
    std::vector<FrameAnalysis> analyses = cleanAnalyses();
    Pose pose = poseAt(30);
    pose.cx = bodyWidth(pose) / 2 - 60; // 60 px past the frame's left edge
    const Drawn cut = draw(pose);
    analyses[30] = analyzeFrame(cut.image);
    REQUIRE(analyses[30].carFound);
    CHECK(analyses[30].cut.left);
    CHECK_FALSE(analyses[30].cut.right);
    CHECK(analyses[30].car.left == 0);
    CHECK(std::abs(analyses[30].car.right - cut.car.right) <= 1);
    const SpinPlan plan = planSpin(analyses);
    CHECK(flagged(plan, &FrameFlags::cutOff) == Frames{30});
    CHECK(anyFlag(plan) == Frames{30});
    // Its height was not cut, so it is scaled like the others; its centre comes from the right
    // edge and the neighbours' width-to-height ratio (within 3 % of the body's width).
    CHECK(plan.frames[30].scale * cut.car.height() == Approx(plan.carHeight).margin(1.0));
    const double centre = plan.frames[30].cropX + plan.anchorX / plan.frames[30].scale;
    CHECK(std::fabs(centre - pose.cx) <= 0.015 * bodyWidth(pose));
}

TEST_CASE("a frame without a car is flagged and framed like its neighbours", "[core][spin]")
{
    std::vector<FrameAnalysis> analyses = cleanAnalyses();
    Pose away = poseAt(3);
    away.cx = -10000; // the car is out of the picture: only the backdrop
    analyses[3] = analyzeFrame(draw(away).image);
    CHECK_FALSE(analyses[3].carFound);
    CHECK(analyses[3].car.empty());
    const SpinPlan plan = planSpin(analyses);
    CHECK(flagged(plan, &FrameFlags::carNotFound) == Frames{3});
    CHECK(anyFlag(plan) == Frames{3});
    const double between = 0.5 * (plan.frames[2].scale + plan.frames[4].scale);
    CHECK(plan.frames[3].scale == Approx(between).epsilon(0.05));
}

TEST_CASE("prepareSpin makes every output from RGBA frames and its manifest passes checkSpin", "[core][spin]")
{
    // 24 of the 36 views, RGBA in; RGB out this time, and 8 atlas columns.
    std::vector<Image> frames;
    for (int i = 0; i < 24; ++i)
        frames.push_back(draw(poseAt(i * 3 / 2), 4).image);
    SpinOptions options;
    options.outputChannels = 3;
    options.atlasColumns = 8;
    options.mediumLongest = 500; // not a whole fraction of 1280: stb_image_resize's box filter
    const PreparedSpin spin = prepareSpin(frames, options);
    REQUIRE(spin.full.size() == 24);
    REQUIRE(spin.medium.size() == 24);
    CHECK(spin.full[0].channels == 3);
    CHECK(spin.medium[0].width == 500);
    CHECK(spin.medium[0].height == 313);
    // The medium frame still shows the car where the full frame does.
    const PixelBox full = darkBox(spin.full[0]), medium = darkBox(spin.medium[0]);
    CHECK(std::fabs(medium.centreX() - full.centreX() * 500 / 1280) <= 1.0);
    CHECK(std::fabs(medium.height() - full.height() * 500.0 / 1280) <= 1.5);
    CHECK(spin.plan.atlasColumns == 8);
    CHECK(spin.plan.atlasRows == 3);
    CHECK(spin.atlas.width == 8 * 160);
    CHECK(spin.atlas.height == 3 * 100);
    CHECK(spin.atlas.channels == 3);
    CHECK(checkSpin(manifestOf(spin)).empty());
    CHECK(prepareSpin({}).full.empty());
}

TEST_CASE("checkSpin refuses what the viewer cannot show, naming the frame", "[core][spin]")
{
    CHECK(checkSpin(goodManifest()).empty());

    SECTION("23 frames")
    {
        SpinManifest m = goodManifest();
        m.frames.resize(23);
        m.mediumFrames.resize(23);
        m.atlasColumns = 5;
        m.atlasRows = 5;
        m.atlas = {800, 500};
        const std::vector<SpinProblem> problems = checkSpin(m);
        REQUIRE(codes(problems) == std::vector<SpinProblemCode>{SpinProblemCode::TooFewFrames});
        CHECK(problems[0].frame == -1);
        CHECK(std::string(problemCodeName(problems[0].code)) == "too_few_frames");
    }
    SECTION("73 frames")
    {
        SpinManifest m = goodManifest();
        m.frames.resize(73, ImageSize{1280, 800});
        m.mediumFrames.clear();
        m.atlasColumns = 9;
        m.atlasRows = 9;
        m.atlas = {1440, 900};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::TooManyFrames});
    }
    SECTION("one frame of another size")
    {
        SpinManifest m = goodManifest();
        m.frames[9] = {1280, 720};
        const std::vector<SpinProblem> problems = checkSpin(m);
        REQUIRE(codes(problems) == std::vector<SpinProblemCode>{SpinProblemCode::FrameSizeMismatch});
        CHECK(problems[0].frame == 9);
        CHECK(std::string(problemCodeName(problems[0].code)) == "frame_size_mismatch");
    }
    SECTION("oversize frames: each one named")
    {
        SpinManifest m = goodManifest();
        m.frames.assign(36, ImageSize{2560, 1600});
        const std::vector<SpinProblem> problems = checkSpin(m);
        REQUIRE(problems.size() == 36);
        for (int i = 0; i < 36; ++i) {
            CHECK(problems[i].code == SpinProblemCode::FrameTooLarge);
            CHECK(problems[i].frame == i);
        }
    }
    SECTION("an empty and a tiny frame")
    {
        SpinManifest m = goodManifest();
        m.frames.assign(36, ImageSize{1280, 800});
        m.frames[2] = {0, 800};
        m.mediumFrames.clear();
        const std::vector<SpinProblem> problems = checkSpin(m);
        REQUIRE(codes(problems) == std::vector<SpinProblemCode>{SpinProblemCode::FrameEmpty});
        CHECK(problems[0].frame == 2);
        m.frames.assign(36, ImageSize{300, 188});
        m.cell = {160, 100};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>(36, SpinProblemCode::FrameTooSmall));
    }
    SECTION("an atlas larger than a phone's texture")
    {
        SpinManifest m = goodManifest();
        m.cell = {256, 160};
        m.atlasColumns = 17;
        m.atlasRows = 3;
        m.atlas = {17 * 256, 3 * 160};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::AtlasTooLarge});
    }
    SECTION("an atlas not the size of its grid")
    {
        SpinManifest m = goodManifest();
        m.atlas = {960, 601};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::AtlasSizeMismatch});
    }
    SECTION("a grid with too few cells or an empty row")
    {
        SpinManifest m = goodManifest();
        m.atlasColumns = 5;
        m.atlasRows = 7;
        m.atlas = {800, 700};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::AtlasGridMismatch});
        m.atlasColumns = 6;
        m.atlasRows = 7;
        m.atlas = {960, 700};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::AtlasGridMismatch});
    }
    SECTION("cells of another shape than the frames")
    {
        SpinManifest m = goodManifest();
        m.cell = {160, 120};
        m.atlas = {960, 720};
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::AtlasCellInvalid});
    }
    SECTION("medium frames that do not match")
    {
        SpinManifest m = goodManifest();
        m.mediumFrames[4] = {640, 360};
        std::vector<SpinProblem> problems = checkSpin(m);
        REQUIRE(codes(problems) == std::vector<SpinProblemCode>{SpinProblemCode::MediumSizeMismatch});
        CHECK(problems[0].frame == 4);
        m = goodManifest();
        m.mediumFrames.resize(35);
        CHECK(codes(checkSpin(m)) == std::vector<SpinProblemCode>{SpinProblemCode::MediumCountMismatch});
    }
}
