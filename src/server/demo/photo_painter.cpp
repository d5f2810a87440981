// Procedural car photos. The car is drawn in world units (metres, y up, x from the rear
// bumper to the front) and mapped to pixels by a camera; backdrops are drawn in pixels.
//
// [SECTION] Body designs (one side-view design per body type)
// [SECTION] Per-listing look (jitter, wheels, trim) from the listing id
// [SECTION] The car
// [SECTION] Interior
// [SECTION] Photo kinds

#include "server/demo/photo_painter.hpp"

#include "server/demo/backdrops.hpp"
#include "server/demo/canvas.hpp"
#include "server/demo/catalog.hpp"
#include "server/demo/generator.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::server::demo {

namespace {

// [SECTION] Body designs

struct BodyDesign {
    float length;
    float rearAxle, frontAxle, wheelRadius, sill;
    std::vector<Vec2> upper;                      // rear bottom -> over the roof -> front bottom; ends are corners
    std::vector<Vec2> glass;                      // side windows: top chain from rear to front, both ends on the belt
    std::vector<std::pair<float, float>> pillars; // x and width of pillars splitting the glass
    std::vector<float> doorCuts;
    std::vector<float> handles;
    float handleY;
    std::vector<Vec2> headlight, taillight;
    bool cladding; // black plastic arches and sills (SUVs, crossovers, pickups)
    bool roofRails;
    float bedEnd; // pickups: x where the bed meets the cab (0 otherwise)
};

const BodyDesign& designFor(Body body)
{
    // clang-format off
    static const BodyDesign sedan{
        4.80f, 1.00f, 3.78f, 0.33f, 0.30f,
        {{0.06f, 0.40f}, {0.00f, 0.60f}, {0.03f, 0.84f}, {0.40f, 0.98f}, {1.00f, 1.02f}, {1.55f, 1.32f}, {2.10f, 1.44f},
         {2.70f, 1.43f}, {3.15f, 1.30f}, {3.60f, 1.05f}, {4.25f, 0.96f}, {4.68f, 0.86f}, {4.80f, 0.68f}, {4.78f, 0.40f}},
        {{1.22f, 1.05f}, {1.62f, 1.30f}, {2.15f, 1.39f}, {2.70f, 1.38f}, {3.08f, 1.27f}, {3.42f, 1.06f}},
        {{2.33f, 0.09f}}, {1.38f, 2.33f, 3.40f}, {1.95f, 3.05f}, 0.90f,
        {{4.40f, 0.90f}, {4.70f, 0.86f}, {4.78f, 0.74f}, {4.50f, 0.79f}},
        {{0.02f, 0.86f}, {0.36f, 0.97f}, {0.39f, 0.87f}, {0.03f, 0.76f}},
        false, false, 0.0f};
    static const BodyDesign hatchback{
        4.25f, 0.78f, 3.35f, 0.32f, 0.30f,
        {{0.05f, 0.40f}, {0.00f, 0.62f}, {0.04f, 0.92f}, {0.20f, 1.25f}, {0.50f, 1.42f}, {1.30f, 1.47f}, {2.10f, 1.45f},
         {2.55f, 1.32f}, {3.05f, 1.02f}, {3.75f, 0.93f}, {4.15f, 0.84f}, {4.25f, 0.66f}, {4.23f, 0.40f}},
        {{0.30f, 1.06f}, {0.45f, 1.28f}, {0.66f, 1.38f}, {1.30f, 1.41f}, {2.05f, 1.39f}, {2.45f, 1.28f}, {2.88f, 1.05f}},
        {{0.78f, 0.11f}, {1.72f, 0.09f}}, {0.95f, 1.72f, 2.95f}, {1.45f, 2.55f}, 0.90f,
        {{3.90f, 0.90f}, {4.16f, 0.84f}, {4.24f, 0.74f}, {3.98f, 0.79f}},
        {{0.02f, 0.90f}, {0.16f, 1.13f}, {0.23f, 1.05f}, {0.06f, 0.78f}},
        false, false, 0.0f};
    static const BodyDesign wagon{
        4.78f, 0.98f, 3.78f, 0.33f, 0.30f,
        {{0.05f, 0.40f}, {0.00f, 0.62f}, {0.03f, 0.95f}, {0.12f, 1.30f}, {0.40f, 1.44f}, {1.50f, 1.47f}, {2.60f, 1.46f},
         {3.10f, 1.32f}, {3.60f, 1.04f}, {4.25f, 0.96f}, {4.68f, 0.86f}, {4.78f, 0.68f}, {4.76f, 0.40f}},
        {{0.22f, 1.06f}, {0.30f, 1.28f}, {0.50f, 1.39f}, {1.50f, 1.41f}, {2.55f, 1.40f}, {3.02f, 1.28f}, {3.42f, 1.06f}},
        {{0.95f, 0.11f}, {2.30f, 0.09f}}, {1.25f, 2.30f, 3.40f}, {1.95f, 3.05f}, 0.90f,
        {{4.40f, 0.90f}, {4.70f, 0.86f}, {4.77f, 0.74f}, {4.50f, 0.79f}},
        {{0.02f, 0.94f}, {0.12f, 1.18f}, {0.20f, 1.10f}, {0.05f, 0.80f}},
        false, true, 0.0f};
    static const BodyDesign coupe{
        4.75f, 1.05f, 3.80f, 0.34f, 0.28f,
        {{0.06f, 0.38f}, {0.00f, 0.60f}, {0.04f, 0.84f}, {0.35f, 0.94f}, {0.80f, 1.00f}, {1.45f, 1.22f}, {2.10f, 1.34f},
         {2.65f, 1.33f}, {3.05f, 1.20f}, {3.55f, 0.96f}, {4.20f, 0.88f}, {4.64f, 0.78f}, {4.75f, 0.62f}, {4.73f, 0.38f}},
        {{1.20f, 1.00f}, {1.55f, 1.18f}, {2.10f, 1.28f}, {2.62f, 1.27f}, {2.98f, 1.16f}, {3.38f, 0.98f}},
        {{1.72f, 0.05f}}, {1.62f, 3.42f}, {2.75f}, 0.86f,
        {{4.35f, 0.82f}, {4.66f, 0.77f}, {4.74f, 0.68f}, {4.45f, 0.73f}},
        {{0.02f, 0.84f}, {0.32f, 0.93f}, {0.35f, 0.85f}, {0.03f, 0.76f}},
        false, false, 0.0f};
    static const BodyDesign suv{
        4.95f, 1.00f, 3.85f, 0.40f, 0.45f,
        {{0.04f, 0.52f}, {0.00f, 0.80f}, {0.00f, 1.30f}, {0.05f, 1.78f}, {0.30f, 1.88f}, {1.70f, 1.91f}, {3.00f, 1.88f},
         {3.22f, 1.80f}, {3.62f, 1.32f}, {4.40f, 1.22f}, {4.85f, 1.14f}, {4.95f, 0.92f}, {4.93f, 0.52f}},
        {{0.15f, 1.34f}, {0.18f, 1.72f}, {0.35f, 1.81f}, {1.70f, 1.84f}, {2.95f, 1.81f}, {3.12f, 1.74f}, {3.46f, 1.35f}},
        {{0.78f, 0.13f}, {2.30f, 0.10f}}, {1.45f, 2.30f, 3.45f}, {1.95f, 3.05f}, 1.20f,
        {{4.55f, 1.20f}, {4.86f, 1.13f}, {4.93f, 1.02f}, {4.60f, 1.06f}},
        {{0.01f, 1.30f}, {0.10f, 1.56f}, {0.17f, 1.50f}, {0.02f, 1.05f}},
        true, true, 0.0f};
    static const BodyDesign crossover{
        4.60f, 0.93f, 3.63f, 0.37f, 0.40f,
        {{0.05f, 0.50f}, {0.00f, 0.75f}, {0.02f, 1.05f}, {0.12f, 1.42f}, {0.45f, 1.62f}, {1.40f, 1.67f}, {2.50f, 1.65f},
         {2.85f, 1.55f}, {3.35f, 1.14f}, {4.05f, 1.05f}, {4.48f, 0.98f}, {4.60f, 0.80f}, {4.58f, 0.50f}},
        {{0.35f, 1.18f}, {0.42f, 1.42f}, {0.62f, 1.56f}, {1.40f, 1.60f}, {2.45f, 1.58f}, {2.75f, 1.50f}, {3.18f, 1.17f}},
        {{0.95f, 0.14f}, {2.10f, 0.09f}}, {1.20f, 2.10f, 3.20f}, {1.70f, 2.80f}, 1.06f,
        {{4.20f, 1.04f}, {4.50f, 0.97f}, {4.58f, 0.88f}, {4.28f, 0.92f}},
        {{0.02f, 1.06f}, {0.14f, 1.36f}, {0.24f, 1.30f}, {0.05f, 0.95f}},
        true, true, 0.0f};
    static const BodyDesign minivan{
        5.05f, 0.95f, 3.95f, 0.35f, 0.35f,
        {{0.04f, 0.46f}, {0.00f, 0.72f}, {0.00f, 1.20f}, {0.05f, 1.72f}, {0.30f, 1.84f}, {2.00f, 1.86f}, {3.40f, 1.82f},
         {3.80f, 1.62f}, {4.25f, 1.15f}, {4.75f, 1.02f}, {4.98f, 0.92f}, {5.05f, 0.75f}, {5.03f, 0.46f}},
        {{0.14f, 1.20f}, {0.16f, 1.66f}, {0.35f, 1.77f}, {2.00f, 1.79f}, {3.35f, 1.75f}, {3.68f, 1.58f}, {4.05f, 1.18f}},
        {{0.80f, 0.12f}, {1.80f, 0.10f}, {2.85f, 0.10f}}, {1.25f, 2.85f, 3.95f}, {2.70f, 3.50f}, 1.05f,
        {{4.55f, 1.08f}, {4.93f, 0.98f}, {5.03f, 0.86f}, {4.62f, 0.95f}},
        {{0.01f, 1.20f}, {0.08f, 1.62f}, {0.14f, 1.58f}, {0.02f, 1.10f}},
        false, true, 0.0f};
    static const BodyDesign pickup{
        5.30f, 1.10f, 4.25f, 0.40f, 0.50f,
        {{0.04f, 0.55f}, {0.00f, 0.80f}, {0.00f, 1.28f}, {1.85f, 1.28f}, {1.88f, 1.78f}, {2.05f, 1.88f}, {3.10f, 1.87f},
         {3.30f, 1.80f}, {3.75f, 1.32f}, {4.55f, 1.25f}, {5.15f, 1.18f}, {5.30f, 0.98f}, {5.28f, 0.55f}},
        {{2.02f, 1.34f}, {2.05f, 1.74f}, {2.18f, 1.81f}, {3.05f, 1.81f}, {3.20f, 1.74f}, {3.58f, 1.36f}},
        {{2.75f, 0.09f}}, {1.95f, 2.75f, 3.62f}, {2.45f, 3.25f}, 1.16f,
        {{4.85f, 1.22f}, {5.18f, 1.16f}, {5.27f, 1.04f}, {4.92f, 1.10f}},
        {{0.00f, 1.25f}, {0.07f, 1.25f}, {0.07f, 0.92f}, {0.00f, 0.92f}},
        true, false, 1.86f};
    // clang-format on
    switch (body) {
    case Body::Sedan:
        return sedan;
    case Body::Hatchback:
        return hatchback;
    case Body::Wagon:
        return wagon;
    case Body::Coupe:
        return coupe;
    case Body::Suv:
        return suv;
    case Body::Crossover:
        return crossover;
    case Body::Minivan:
        return minivan;
    case Body::Pickup:
        return pickup;
    }
    return sedan;
}

// Catmull-Rom through `pts` as a polyline; the first and last points are corners.
std::vector<Vec2> smoothOpen(const std::vector<Vec2>& pts, const std::vector<int>& corners = {}, int steps = 12)
{
    std::vector<Vec2> out;
    const int n = static_cast<int>(pts.size());
    const auto corner = [&](int i) {
        return i == 0 || i == n - 1 || std::find(corners.begin(), corners.end(), i) != corners.end();
    };
    std::vector<Vec2> tan(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        tan[static_cast<std::size_t>(i)] =
            corner(i) ? Vec2{} : (pts[static_cast<std::size_t>(i + 1)] - pts[static_cast<std::size_t>(i - 1)]) * 0.5f;
    out.push_back(pts[0]);
    for (int i = 0; i + 1 < n; ++i) {
        const Vec2 a = pts[static_cast<std::size_t>(i)], b = pts[static_cast<std::size_t>(i + 1)];
        const Vec2 c1 = a + tan[static_cast<std::size_t>(i)] * (1.0f / 3);
        const Vec2 c2 = b - tan[static_cast<std::size_t>(i + 1)] * (1.0f / 3);
        for (int s = 1; s <= steps; ++s) {
            const float t = static_cast<float>(s) / steps, u = 1 - t;
            out.push_back(a * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + b * (t * t * t));
        }
    }
    return out;
}

// [SECTION] Per-listing look

enum class RimStyle { FiveSpoke, TwinSpoke, MultiSpoke, Turbine };

struct CarLook {
    BodyDesign design;
    Color paint;
    bool lightPaint;
    Color rimColor;
    RimStyle rim;
    int spokes;
    bool chromeTrim;
    bool blackRoof;
    bool redCalipers;
    Color interior; // seat leather
    bool digitalCluster;
    bool coverFacesLeft; // some sellers shoot from the other side: variety in the grid
};

CarLook lookFor(const PhotoSpec& spec)
{
    // Seeded by the listing, not the photo: all photos of a listing show the same car.
    Dice d(0xC0FFEEull ^ (static_cast<std::uint64_t>(spec.listingId) * 0x9E3779B97F4A7C15ull));
    CarLook look;
    look.design = designFor(spec.body);
    BodyDesign& b = look.design;
    const float sx = d.uniform(0.97f, 1.03f), sy = d.uniform(0.97f, 1.03f);
    const auto jitter = [&](std::vector<Vec2>& v) {
        for (Vec2& p : v)
            p = {p.x * sx, p.y * sy};
    };
    jitter(b.upper);
    jitter(b.glass);
    jitter(b.headlight);
    jitter(b.taillight);
    b.length *= sx;
    b.rearAxle *= sx;
    b.frontAxle *= sx;
    b.bedEnd *= sx;
    for (auto& p : b.pillars)
        p.first *= sx;
    for (float& x : b.doorCuts)
        x *= sx;
    for (float& x : b.handles)
        x *= sx;
    b.handleY *= sy;
    b.sill *= sy;
    if (spec.year < 2012) b.wheelRadius *= 0.94f; // older cars sit on smaller wheels

    const ColorSpec& c = colorByName(spec.color);
    look.paint = rgb(c.r, c.g, c.b);
    look.lightPaint = (c.r + c.g + c.b) > 450;
    static const Color rims[] = {rgb(200, 204, 210), rgb(170, 174, 180), rgb(70, 72, 76), rgb(30, 30, 33)};
    look.rimColor = rims[d.integer(0, 3)];
    look.rim = static_cast<RimStyle>(d.integer(0, 3));
    look.spokes = look.rim == RimStyle::FiveSpoke    ? 5
                  : look.rim == RimStyle::TwinSpoke  ? 5
                  : look.rim == RimStyle::MultiSpoke ? 10
                                                     : 14;
    look.chromeTrim = d.chance(0.5);
    look.blackRoof =
        (spec.body == Body::Crossover || spec.body == Body::Hatchback) && d.chance(0.3) && c.r + c.g + c.b > 200;
    look.redCalipers = d.chance(0.2);
    static const Color leathers[] = {rgb(28, 28, 30), rgb(196, 176, 146), rgb(104, 62, 38), rgb(60, 60, 64)};
    look.interior = leathers[d.integer(0, 3)];
    look.digitalCluster = spec.year >= 2019;
    look.coverFacesLeft = d.chance(0.4);
    return look;
}

// [SECTION] The car

// The body outline: the smoothed upper contour, then the bottom with wheel arches.
std::vector<Vec2> bodyOutline(const BodyDesign& b)
{
    std::vector<Vec2> pts = smoothOpen(b.upper);
    const float archR = b.wheelRadius * 1.16f;
    for (float axle : {b.frontAxle, b.rearAxle}) {
        const float dy = b.sill - b.wheelRadius;
        const float dx = std::sqrt(std::max(0.0f, archR * archR - dy * dy));
        const float a0 = std::atan2(dy, dx), a1 = kPi - a0;
        for (int i = 0; i <= 28; ++i) {
            const float a = a0 + (a1 - a0) * static_cast<float>(i) / 28;
            pts.push_back({axle + archR * std::cos(a), b.wheelRadius + archR * std::sin(a)});
        }
    }
    return pts;
}

void drawWheel(Canvas& cv, const CarLook& look, float axle, bool dusk)
{
    const float R = look.design.wheelRadius;
    const Vec2 c{axle, R};
    Path tyre;
    tyre.circle(c, R);
    cv.fill(tyre, Paint::radial(
                      c, R, R,
                      {{0, rgb(20, 20, 22)}, {0.72f, rgb(16, 16, 18)}, {0.9f, rgb(44, 44, 48)}, {1, rgb(18, 18, 20)}}));

    // Brake disc and caliper, visible between the spokes.
    const float rimR = R * 0.66f;
    Path disc;
    disc.circle(c, rimR * 0.9f);
    cv.fill(disc,
            Paint::radial(c, rimR, rimR, {{0, rgb(60, 60, 64)}, {0.6f, rgb(110, 110, 112)}, {1, rgb(50, 50, 54)}}));
    Path caliper;
    caliper.sector(c, rimR * 0.55f, rimR * 0.86f, 0.35f, 1.05f, 12);
    cv.fill(caliper, Paint::solid(look.redCalipers ? rgb(190, 30, 30) : rgb(70, 70, 74)));

    const Color metal = look.rimColor;
    const Paint metalPaint = Paint::linear({axle - rimR, R + rimR}, {axle + rimR, R - rimR},
                                           {{0, scale(metal, 1.35f)}, {0.5f, metal}, {1, scale(metal, 0.6f)}});
    Path ring;
    ring.sector(c, rimR * 0.86f, rimR, 0, 2 * kPi, 64);
    cv.fill(ring, metalPaint);
    Path spokes;
    const int n = look.spokes;
    for (int i = 0; i < n; ++i) {
        const float a = 2 * kPi * static_cast<float>(i) / static_cast<float>(n) + 0.3f;
        const auto spoke = [&](float angle, float wHub, float wRim) {
            const Vec2 dir{std::cos(angle), std::sin(angle)}, nrm{-dir.y, dir.x};
            spokes.polygon({c + dir * (rimR * 0.25f) + nrm * wHub, c + dir * (rimR * 0.9f) + nrm * wRim,
                            c + dir * (rimR * 0.9f) - nrm * wRim, c + dir * (rimR * 0.25f) - nrm * wHub});
        };
        switch (look.rim) {
        case RimStyle::FiveSpoke:
            spoke(a, rimR * 0.09f, rimR * 0.16f);
            break;
        case RimStyle::TwinSpoke:
            spoke(a - 0.13f, rimR * 0.05f, rimR * 0.07f);
            spoke(a + 0.13f, rimR * 0.05f, rimR * 0.07f);
            break;
        case RimStyle::MultiSpoke:
            spoke(a, rimR * 0.05f, rimR * 0.08f);
            break;
        case RimStyle::Turbine:
            spoke(a, rimR * 0.02f, rimR * 0.09f);
            break;
        }
    }
    cv.fill(spokes, metalPaint);
    Path hub;
    hub.circle(c, rimR * 0.3f, 40);
    cv.fill(hub, metalPaint);
    Path nuts;
    for (int i = 0; i < 5; ++i) {
        const float a = 2 * kPi * static_cast<float>(i) / 5 + 0.3f;
        nuts.circle({c.x + std::cos(a) * rimR * 0.19f, c.y + std::sin(a) * rimR * 0.19f}, rimR * 0.035f, 12);
    }
    cv.fill(nuts, Paint::solid(scale(metal, 0.5f)));
    Path cap;
    cap.circle(c, rimR * 0.1f, 24);
    cv.fill(cap, Paint::solid(rgb(40, 42, 48)));
    if (dusk) {
        // Less light at dusk: darken the whole wheel a little.
        Path shade;
        shade.circle(c, R);
        cv.fill(shade, Paint::solid(rgb(20, 16, 30), 0.25f));
    }
}

void drawLightGlow(Canvas& cv, Vec2 at, float radius, Color color, float alpha)
{
    Path glow;
    glow.circle(at, radius, 48);
    cv.fill(glow, Paint::radial(at, radius, radius, {{0, color, alpha}, {0.3f, color, alpha * 0.45f}, {1, color, 0}}));
}

// Draws the whole car in world units through the canvas transform.
void drawCar(Canvas& cv, const CarLook& look, bool dusk, bool reflection)
{
    const BodyDesign& b = look.design;
    float roof = 0;
    for (const Vec2& p : b.upper)
        roof = std::max(roof, p.y);
    const float belt = b.glass.front().y;

    if (!reflection) {
        // Soft ground shadow and darker contact patches under the tyres.
        Path shadow;
        shadow.ellipse({b.length * 0.5f, 0.0f}, b.length * 0.62f, 0.28f, 64);
        cv.fill(shadow, Paint::radial({b.length * 0.5f, 0.0f}, b.length * 0.62f, 0.28f,
                                      {{0, rgb(0, 0, 0), 0.55f}, {0.7f, rgb(0, 0, 0), 0.3f}, {1, rgb(0, 0, 0), 0}}));
        for (float axle : {b.rearAxle, b.frontAxle}) {
            Path contact;
            contact.ellipse({axle, 0.0f}, b.wheelRadius * 1.1f, 0.07f, 40);
            cv.fill(contact, Paint::radial({axle, 0.0f}, b.wheelRadius * 1.1f, 0.07f,
                                           {{0, rgb(0, 0, 0), 0.8f}, {1, rgb(0, 0, 0), 0}}));
        }
    }

    // Wheel wells: dark behind the arch cut-outs.
    const float archR = b.wheelRadius * 1.16f;
    for (float axle : {b.rearAxle, b.frontAxle}) {
        Path well;
        well.sector({axle, b.wheelRadius}, 0, archR * 0.98f, -0.2f, kPi + 0.2f, 32);
        cv.fill(well, Paint::solid(rgb(14, 14, 16)));
    }

    // Body paint: sky reflection on top, a bright shoulder under the windows, darker sills.
    const Color base = look.paint;
    const float span = roof - b.sill;
    const float tb = (roof - belt) / span;
    const float shoulder = look.lightPaint ? 1.12f : 1.45f;
    const Paint bodyPaint = Paint::linear({0, roof}, {0, b.sill},
                                          {{0, scale(base, 1.12f)},
                                           {tb - 0.02f, scale(base, 1.02f)},
                                           {tb + 0.03f, scale(base, shoulder)},
                                           {tb + 0.12f, scale(base, 1.06f)},
                                           {0.62f, base},
                                           {0.82f, scale(base, 0.78f)},
                                           {1, scale(base, 0.52f)}});
    const std::vector<Vec2> outline = bodyOutline(b);
    Path body;
    body.polygon(outline);
    cv.fill(body, bodyPaint);
    // Volume: the ends turn away from the light, and a soft band reflects the sky.
    cv.fill(
        body,
        Paint::linear(
            {0, 0}, {b.length, 0},
            {{0, rgb(0, 0, 0), 0.30f}, {0.07f, rgb(0, 0, 0), 0}, {0.92f, rgb(0, 0, 0), 0}, {1, rgb(0, 0, 0), 0.32f}}));
    cv.fill(body, Paint::linear({b.length * 0.30f, roof}, {b.length * 0.55f, b.sill * 0.3f},
                                {{0, rgb(255, 255, 255), 0},
                                 {0.42f, rgb(255, 255, 255), 0.10f},
                                 {0.58f, rgb(255, 255, 255), 0.10f},
                                 {1, rgb(255, 255, 255), 0}}));

    if (b.bedEnd > 0) {
        // Pickup bed: the top rail and the cab's back edge.
        Path rail;
        rail.rect(0.02f, 1.20f * (b.upper[2].y / 1.28f), b.bedEnd, b.upper[2].y);
        cv.fill(rail, Paint::solid(scale(base, 0.7f), 0.7f));
    }

    // Plastic cladding on arches and sills for the rugged bodies; a dark sill line otherwise.
    if (b.cladding) {
        for (float axle : {b.rearAxle, b.frontAxle}) {
            Path flare;
            const float dy = b.sill - b.wheelRadius;
            const float a0 = std::atan2(dy, std::sqrt(std::max(0.0f, archR * archR - dy * dy)));
            flare.sector({axle, b.wheelRadius}, archR, archR + 0.07f, a0, kPi - a0, 28);
            cv.fill(flare, Paint::solid(rgb(34, 34, 36)));
        }
    }
    Path sill;
    sill.rect(b.rearAxle + archR, b.sill, b.frontAxle - archR, b.sill + (b.cladding ? 0.12f : 0.05f));
    cv.fill(sill, Paint::solid(rgb(28, 28, 30), b.cladding ? 1.0f : 0.55f));

    // Door seams and handles.
    for (float x : b.doorCuts) {
        Path seam;
        seam.rect(x - 0.006f, b.sill + 0.06f, x + 0.006f, belt - 0.02f);
        cv.fill(seam, Paint::solid(scale(base, 0.35f), 0.65f));
    }
    for (float x : b.handles) {
        Path handle;
        handle.roundedRect(x - 0.09f, b.handleY - 0.018f, x + 0.09f, b.handleY + 0.018f, 0.018f);
        cv.fill(handle, look.chromeTrim ? Paint::linear({0, b.handleY + 0.02f}, {0, b.handleY - 0.02f},
                                                        {{0, rgb(240, 240, 244)}, {1, rgb(120, 122, 128)}})
                                        : Paint::solid(scale(base, 0.8f)));
    }
    // A crisp character line along the flank.
    Path crease;
    const float cy = b.sill + (belt - b.sill) * 0.62f;
    crease.polygon({{b.length * 0.04f, cy + 0.02f},
                    {b.length * 0.93f, cy + 0.05f},
                    {b.length * 0.93f, cy + 0.035f},
                    {b.length * 0.04f, cy + 0.005f}});
    cv.fill(crease, Paint::solid(rgb(255, 255, 255), look.lightPaint ? 0.35f : 0.18f));
    Path creaseShadow;
    creaseShadow.polygon({{b.length * 0.04f, cy + 0.005f},
                          {b.length * 0.93f, cy + 0.035f},
                          {b.length * 0.93f, cy + 0.02f},
                          {b.length * 0.04f, cy - 0.01f}});
    cv.fill(creaseShadow, Paint::solid(rgb(0, 0, 0), 0.12f));

    // Side windows: dark glass reflecting the sky, split by pillars. A black roof
    // (some crossovers and hatchbacks) runs from the roof line down to the glass.
    const std::vector<Vec2> glassLine = smoothOpen(b.glass);
    if (look.blackRoof) {
        std::vector<Vec2> band;
        for (const Vec2& p : smoothOpen(b.upper))
            if (p.x >= b.glass.front().x && p.x <= b.glass.back().x) band.push_back(p);
        for (auto it = glassLine.rbegin(); it != glassLine.rend(); ++it)
            band.push_back(*it);
        Path r;
        r.polygon(band);
        cv.fill(r, Paint::solid(rgb(22, 22, 24)));
    }
    Path glass;
    glass.polygon(glassLine);
    const float gTop = roof, gBottom = belt;
    cv.fill(glass,
            Paint::linear(
                {0, gTop}, {0, gBottom},
                {{0, dusk ? rgb(120, 90, 110) : rgb(150, 172, 196)}, {0.45f, rgb(46, 54, 64)}, {1, rgb(18, 20, 24)}}));
    cv.fill(glass, Paint::linear({b.glass.front().x, belt}, {b.glass.back().x, roof},
                                 {{0.30f, rgb(255, 255, 255), 0},
                                  {0.36f, rgb(255, 255, 255), 0.16f},
                                  {0.46f, rgb(255, 255, 255), 0.16f},
                                  {0.50f, rgb(255, 255, 255), 0},
                                  {0.62f, rgb(255, 255, 255), 0},
                                  {0.65f, rgb(255, 255, 255), 0.09f},
                                  {0.70f, rgb(255, 255, 255), 0.09f},
                                  {0.72f, rgb(255, 255, 255), 0}}));
    const auto glassTopAt = [&](float x) {
        for (std::size_t i = 1; i < glassLine.size(); ++i) {
            const Vec2 a = glassLine[i - 1], c = glassLine[i];
            if ((a.x <= x && x <= c.x) || (c.x <= x && x <= a.x)) {
                const float t = c.x != a.x ? (x - a.x) / (c.x - a.x) : 0;
                return a.y + (c.y - a.y) * t;
            }
        }
        return roof;
    };
    for (const auto& [x, w] : b.pillars) {
        Path pillar;
        pillar.polygon({{x - w / 2, belt - 0.01f},
                        {x + w / 2, belt - 0.01f},
                        {x + w / 2, glassTopAt(x + w / 2) + 0.01f},
                        {x - w / 2, glassTopAt(x - w / 2) + 0.01f}});
        cv.fill(pillar, Paint::solid(rgb(20, 20, 22)));
    }
    // Window trim along the belt line.
    Path trim;
    trim.rect(b.glass.front().x, belt - 0.012f, b.glass.back().x, belt + 0.008f);
    cv.fill(trim, look.chromeTrim ? Paint::solid(rgb(214, 216, 222)) : Paint::solid(rgb(26, 26, 28)));

    // Mirror at the base of the windscreen.
    const Vec2 m = b.glass.back();
    Path mirror;
    mirror.roundedRect(m.x - 0.20f, m.y - 0.02f, m.x - 0.04f, m.y + 0.12f, 0.04f);
    cv.fill(mirror,
            Paint::linear({0, m.y + 0.12f}, {0, m.y - 0.02f}, {{0, scale(base, 1.2f)}, {1, scale(base, 0.7f)}}));

    if (b.roofRails) {
        Path rails;
        const float x0 = b.glass[1].x + 0.1f, x1 = b.glass[b.glass.size() - 2].x - 0.05f;
        rails.rect(x0, roof + 0.01f, x1, roof + 0.05f);
        rails.rect(x0, roof - 0.02f, x0 + 0.08f, roof + 0.02f);
        rails.rect(x1 - 0.08f, roof - 0.02f, x1, roof + 0.02f);
        cv.fill(rails, Paint::solid(rgb(40, 40, 44)));
    }

    // Lights.
    Path head;
    head.polygon(b.headlight);
    const float hy0 = b.headlight[0].y, hy1 = b.headlight[3].y;
    cv.fill(head, Paint::linear({0, hy0}, {0, hy1}, {{0, rgb(250, 252, 255)}, {1, rgb(140, 150, 165)}}));
    Path drlStrip;
    drlStrip.polygon({b.headlight[0],
                      b.headlight[1],
                      {b.headlight[1].x, b.headlight[1].y - 0.02f},
                      {b.headlight[0].x, b.headlight[0].y - 0.02f}});
    cv.fill(drlStrip, Paint::solid(rgb(255, 255, 255), 0.95f));
    Path tail;
    tail.polygon(b.taillight);
    cv.fill(tail, Paint::linear({0, b.taillight[1].y}, {0, b.taillight[3].y},
                                {{0, rgb(220, 40, 40)}, {1, rgb(110, 10, 14)}}));

    // The front and rear bumper shadows (grille side).
    Path nose;
    const Vec2 f0 = b.upper[b.upper.size() - 2], f1 = b.upper.back();
    nose.polygon(
        {{f0.x - 0.04f, f0.y - 0.04f}, {f0.x, f0.y - 0.04f}, {f1.x, f1.y + 0.02f}, {f1.x - 0.12f, f1.y + 0.02f}});
    cv.fill(nose, Paint::solid(rgb(20, 20, 22), 0.7f));

    for (float axle : {b.rearAxle, b.frontAxle})
        drawWheel(cv, look, axle, dusk);

    if (dusk && !reflection) {
        const Vec2 hl = b.headlight[2];
        drawLightGlow(cv, hl, 0.55f, rgb(255, 244, 210), 0.85f);
        drawLightGlow(cv, b.taillight[2], 0.35f, rgb(255, 40, 30), 0.6f);
    }
}

// [SECTION] Interior

void drawInterior(Canvas& cv, const CarLook& look, Dice& d, Backdrop backdrop)
{
    const float W = static_cast<float>(cv.width());
    cv.setTransform(Affine::scaling(W, W)); // x in 0..1, y in 0..0.75
    const Color leather = look.interior;
    const bool lightLeather = leather.r > 0.5f;
    const Color dash = lightLeather ? rgb(40, 38, 36) : rgb(30, 30, 32);

    // Outside through the windscreen, over-exposed and soft.
    Color outsideTop = rgb(170, 200, 230), outsideBottom = rgb(210, 214, 210);
    if (backdrop == Backdrop::Desert) outsideBottom = rgb(230, 210, 170);
    if (backdrop == Backdrop::Steppe) outsideBottom = rgb(214, 200, 150);
    if (backdrop == Backdrop::Showroom) outsideTop = rgb(220, 222, 226), outsideBottom = rgb(190, 192, 196);
    Path sky;
    sky.rect(0, 0, 1, 0.75f);
    cv.fill(sky, Paint::linear({0, 0.04f}, {0, 0.36f},
                               {{0, outsideTop}, {0.75f, mix(outsideTop, outsideBottom, 0.6f)}, {1, outsideBottom}}));
    // Headliner and A-pillars framing the windscreen.
    Path headliner;
    headliner.moveTo({0, 0}).lineTo({1, 0}).lineTo({1, 0.07f}).quadTo({0.5f, 0.02f}, {0, 0.07f});
    cv.fill(headliner, Paint::linear({0, 0}, {0, 0.07f}, {{0, rgb(150, 146, 140)}, {1, rgb(200, 196, 188)}}));
    Path pillars;
    pillars.polygon({{0, 0.05f}, {0.12f, 0.06f}, {0.02f, 0.42f}, {0, 0.42f}});
    pillars.polygon({{1, 0.05f}, {0.88f, 0.06f}, {0.98f, 0.42f}, {1, 0.42f}});
    cv.fill(pillars, Paint::solid(rgb(60, 58, 56)));
    // Rear-view mirror.
    Path mirror;
    mirror.rect(0.495f, 0.05f, 0.505f, 0.09f);
    mirror.roundedRect(0.43f, 0.085f, 0.57f, 0.125f, 0.015f);
    cv.fill(mirror, Paint::solid(rgb(30, 30, 32)));

    // The car's own bonnet through the windscreen, in its paint.
    Path bonnet;
    bonnet.moveTo({0, 0.41f}).quadTo({0.5f, 0.21f}, {1, 0.41f}).lineTo({1, 0.45f}).lineTo({0, 0.45f});
    cv.fill(bonnet,
            Paint::linear({0, 0.30f}, {0, 0.40f}, {{0, scale(look.paint, 1.3f)}, {1, scale(look.paint, 0.7f)}}));

    // Dashboard: a wide curved slab with a soft highlight along its top edge.
    Path dashboard;
    dashboard.moveTo({0, 0.40f}).quadTo({0.5f, 0.30f}, {1, 0.40f}).lineTo({1, 0.75f}).lineTo({0, 0.75f});
    cv.fill(dashboard,
            Paint::linear({0, 0.33f}, {0, 0.56f}, {{0, scale(dash, 1.9f)}, {0.15f, dash}, {1, scale(dash, 0.7f)}}));
    // Trim strip across the dash in the leather color.
    Path strip;
    strip.moveTo({0, 0.47f}).quadTo({0.5f, 0.40f}, {1, 0.47f}).lineTo({1, 0.49f}).quadTo({0.5f, 0.42f}, {0, 0.49f});
    cv.fill(strip, Paint::solid(lightLeather ? leather : rgb(120, 110, 100), 0.9f));

    // Centre screen and vents.
    const float sx0 = 0.46f, sx1 = 0.64f;
    Path screen;
    screen.roundedRect(sx0, 0.36f, sx1, 0.46f, 0.01f);
    cv.fill(screen, Paint::solid(rgb(12, 14, 18)));
    Path display;
    display.roundedRect(sx0 + 0.005f, 0.365f, sx1 - 0.005f, 0.455f, 0.008f);
    cv.fill(display, Paint::linear({sx0, 0.365f}, {sx1, 0.455f}, {{0, rgb(30, 60, 96)}, {1, rgb(14, 30, 54)}}));
    for (int i = 0; i < 5; ++i) { // a map: a few roads
        Path road;
        const float y = 0.375f + d.uniform(0, 0.07f);
        road.polygon({{sx0 + 0.01f, y},
                      {sx1 - 0.01f, y + d.uniform(-0.02f, 0.02f)},
                      {sx1 - 0.01f, y + 0.003f + d.uniform(-0.02f, 0.02f)},
                      {sx0 + 0.01f, y + 0.003f}});
        cv.fill(road, Paint::solid(rgb(120, 180, 230), 0.6f));
    }
    Path pin;
    pin.circle({(sx0 + sx1) / 2, 0.41f}, 0.006f, 20);
    cv.fill(pin, Paint::solid(rgb(80, 200, 255)));
    for (float x : {sx0 - 0.065f, sx1 + 0.015f}) {
        Path vent;
        vent.roundedRect(x, 0.375f, x + 0.05f, 0.42f, 0.008f);
        cv.fill(vent, Paint::solid(rgb(14, 14, 16)));
        for (int k = 0; k < 4; ++k) {
            Path slat;
            slat.rect(x + 0.004f, 0.382f + k * 0.01f, x + 0.046f, 0.385f + k * 0.01f);
            cv.fill(slat, Paint::solid(rgb(90, 92, 96)));
        }
    }

    // Instrument cluster behind the wheel.
    const Vec2 wc{0.29f, 0.50f};
    Path hood;
    hood.moveTo({wc.x - 0.14f, 0.40f})
        .quadTo({wc.x, 0.32f}, {wc.x + 0.14f, 0.40f})
        .lineTo({wc.x + 0.14f, 0.46f})
        .lineTo({wc.x - 0.14f, 0.46f});
    cv.fill(hood, Paint::solid(scale(dash, 0.8f)));
    if (look.digitalCluster) {
        Path panel;
        panel.roundedRect(wc.x - 0.11f, 0.39f, wc.x + 0.11f, 0.45f, 0.008f);
        cv.fill(panel, Paint::linear({wc.x - 0.11f, 0.39f}, {wc.x + 0.11f, 0.45f},
                                     {{0, rgb(20, 40, 70)}, {1, rgb(8, 14, 26)}}));
    }
    for (float gx : {wc.x - 0.055f, wc.x + 0.055f}) {
        Path gauge;
        gauge.circle({gx, 0.425f}, 0.034f, 48);
        cv.fill(gauge, Paint::radial({gx, 0.425f}, 0.034f, 0.034f,
                                     {{0, rgb(20, 24, 30)}, {0.85f, rgb(30, 34, 40)}, {1, rgb(160, 164, 170)}}));
        Path ticks;
        for (int t = 0; t <= 10; ++t) {
            const float a = kPi * (0.8f + 1.4f * static_cast<float>(t) / 10);
            const Vec2 dir{std::cos(a), std::sin(a)};
            const Vec2 c{gx, 0.425f};
            ticks.polygon({c + dir * 0.026f, c + dir * 0.031f, c + dir * 0.031f + Vec2{0.0012f, 0.0012f},
                           c + dir * 0.026f + Vec2{0.0012f, 0.0012f}});
        }
        cv.fill(ticks, Paint::solid(rgb(230, 236, 240)));
        const float na = kPi * (0.8f + 1.4f * d.uniform(0.1f, 0.4f));
        Path needle;
        needle.polygon({{gx - 0.002f, 0.425f},
                        {gx + std::cos(na) * 0.028f, 0.425f + std::sin(na) * 0.028f},
                        {gx + 0.002f, 0.425f}});
        cv.fill(needle, Paint::solid(rgb(255, 70, 40)));
    }

    // Steering wheel (seen slightly from above, so a little flattened): rim, spokes, hub.
    Path ring;
    ring.sector(wc, 0.105f, 0.128f, 0, 2 * kPi, 96);
    cv.setTransform(Affine::translate(-wc.x, -wc.y)
                        .then(Affine::scaling(1, 0.9f))
                        .then(Affine::translate(wc.x, wc.y))
                        .then(Affine::scaling(W, W)));
    cv.fill(ring, Paint::linear({wc.x, wc.y - 0.128f}, {wc.x, wc.y + 0.128f},
                                {{0, rgb(80, 80, 84)}, {0.3f, rgb(26, 26, 28)}, {1, rgb(12, 12, 14)}}));
    Path spokes;
    spokes.polygon({{wc.x - 0.106f, wc.y - 0.01f},
                    {wc.x - 0.03f, wc.y - 0.02f},
                    {wc.x - 0.03f, wc.y + 0.03f},
                    {wc.x - 0.106f, wc.y + 0.025f}});
    spokes.polygon({{wc.x + 0.106f, wc.y - 0.01f},
                    {wc.x + 0.03f, wc.y - 0.02f},
                    {wc.x + 0.03f, wc.y + 0.03f},
                    {wc.x + 0.106f, wc.y + 0.025f}});
    spokes.polygon({{wc.x - 0.02f, wc.y + 0.03f},
                    {wc.x + 0.02f, wc.y + 0.03f},
                    {wc.x + 0.015f, wc.y + 0.107f},
                    {wc.x - 0.015f, wc.y + 0.107f}});
    cv.fill(spokes, Paint::linear({0, wc.y - 0.02f}, {0, wc.y + 0.1f}, {{0, rgb(64, 64, 68)}, {1, rgb(22, 22, 24)}}));
    Path hub;
    hub.roundedRect(wc.x - 0.045f, wc.y - 0.035f, wc.x + 0.045f, wc.y + 0.04f, 0.02f);
    cv.fill(hub, Paint::linear({0, wc.y - 0.035f}, {0, wc.y + 0.04f}, {{0, rgb(58, 58, 62)}, {1, rgb(20, 20, 22)}}));
    Path badge;
    badge.ellipse({wc.x, wc.y}, 0.014f, 0.01f, 32);
    cv.fill(badge, Paint::linear({wc.x, wc.y - 0.01f}, {wc.x, wc.y + 0.01f},
                                 {{0, rgb(230, 232, 236)}, {1, rgb(130, 134, 140)}}));
    cv.setTransform(Affine::scaling(W, W));

    // Centre console with the gear selector between the seats.
    Path console;
    console.polygon({{0.47f, 0.52f}, {0.63f, 0.52f}, {0.70f, 0.75f}, {0.40f, 0.75f}});
    cv.fill(console, Paint::linear({0, 0.52f}, {0, 0.75f}, {{0, scale(dash, 1.3f)}, {1, scale(dash, 0.6f)}}));
    Path knob;
    knob.ellipse({0.55f, 0.61f}, 0.022f, 0.028f, 40);
    cv.fill(knob, Paint::radial({0.54f, 0.60f}, 0.03f, 0.035f, {{0, rgb(120, 120, 126)}, {1, rgb(20, 20, 22)}}));

    // Front seats seen from the back seat: backrests and headrests with stitched panels.
    for (int side = 0; side < 2; ++side) {
        const float cx = side == 0 ? 0.08f : 0.94f;
        const float sign = side == 0 ? 1.0f : -1.0f;
        const float top = 0.58f;
        Path back;
        back.moveTo({cx - 0.16f, 0.75f})
            .lineTo({cx - 0.15f, top + 0.08f})
            .quadTo({cx - 0.14f, top + 0.01f}, {cx - 0.06f, top})
            .lineTo({cx + 0.06f, top})
            .quadTo({cx + 0.14f, top + 0.01f}, {cx + 0.15f, top + 0.08f})
            .lineTo({cx + 0.16f, 0.75f});
        cv.fill(back, Paint::radial({cx + sign * 0.03f, top + 0.06f}, 0.2f, 0.2f,
                                    {{0, scale(leather, 1.25f)}, {0.6f, leather}, {1, scale(leather, 0.55f)}}));
        for (float k : {-0.045f, 0.045f}) {
            Path seam;
            seam.rect(cx + k - 0.002f, top + 0.04f, cx + k + 0.002f, 0.75f);
            cv.fill(seam, Paint::solid(scale(leather, 0.6f), 0.8f));
        }
        Path posts;
        posts.rect(cx - 0.035f, top - 0.045f, cx - 0.028f, top + 0.005f);
        posts.rect(cx + 0.028f, top - 0.045f, cx + 0.035f, top + 0.005f);
        cv.fill(posts, Paint::solid(rgb(150, 150, 154)));
        Path rest;
        rest.roundedRect(cx - 0.07f, top - 0.13f, cx + 0.07f, top - 0.04f, 0.035f);
        cv.fill(rest, Paint::radial({cx + sign * 0.02f, top - 0.10f}, 0.1f, 0.08f,
                                    {{0, scale(leather, 1.3f)}, {0.7f, leather}, {1, scale(leather, 0.6f)}}));
    }
}

// [SECTION] Photo kinds

} // namespace

std::vector<std::uint8_t> paintPhoto(const PhotoSpec& spec, int width, int height)
{
    const CarLook look = lookFor(spec);
    Dice d(0x5EEDull ^ (static_cast<std::uint64_t>(spec.photo.seed) << 16) ^
           static_cast<std::uint64_t>(spec.listingId));
    Canvas cv(width, height, rgb(128, 128, 128));
    const float W = static_cast<float>(width), H = static_cast<float>(height);

    if (spec.photo.kind == PhotoKind::Interior) {
        drawInterior(cv, look, d, spec.photo.backdrop);
        return cv.finish(spec.photo.seed, 0.25f);
    }

    const bool dusk = spec.photo.kind == PhotoKind::SideDusk;
    Backdrop backdrop = spec.photo.backdrop;
    if (dusk && backdrop == Backdrop::Showroom) backdrop = Backdrop::Street; // dealers shoot outside at dusk too

    // Camera: how many pixels per metre, and where the car stands.
    const BodyDesign& b = look.design;
    float zoom = 1.0f, focusX = b.length * 0.5f, groundFrac = 0.80f;
    switch (spec.photo.kind) {
    case PhotoKind::CloseFront:
        zoom = 1.5f;
        focusX = b.frontAxle - 0.25f;
        groundFrac = 0.84f;
        break;
    case PhotoKind::CloseWheel:
        zoom = 3.0f;
        focusX = b.frontAxle;
        groundFrac = 0.93f;
        break;
    default:
        break;
    }
    const float scale = W * 0.80f / b.length * zoom * d.uniform(0.97f, 1.02f);
    bool mirrored = look.coverFacesLeft;
    if (spec.photo.kind == PhotoKind::SideMirrored) mirrored = !look.coverFacesLeft;
    if (spec.photo.kind == PhotoKind::SideDusk) mirrored = d.chance(0.5f);
    Scene s{width, height, H * (backdrop == Backdrop::Showroom ? 0.56f : 0.50f), H * groundFrac, dusk};
    if (spec.photo.kind == PhotoKind::CloseWheel) s.horizon = H * 0.35f;
    drawBackdrop(cv, backdrop, d, s);

    const float centerX = W * 0.5f + d.uniform(-0.02f, 0.02f) * W;
    const float sx = mirrored ? -scale : scale;
    // world (x, y) -> pixel: x' = centerX + sx * (x - focusX), y' = ground - scale * y
    const Affine camera{sx, 0, centerX - sx * focusX, 0, -scale, s.ground};
    if (backdrop == Backdrop::Showroom) {
        // Polished floor: a faint upside-down copy of the car.
        const Affine flipped{sx, 0, centerX - sx * focusX, 0, scale, s.ground};
        cv.setTransform(flipped);
        cv.setOpacity(0.16f);
        drawCar(cv, look, false, true);
        cv.setOpacity(1.0f);
        // The reflection fades out towards the viewer.
        cv.setTransform(Affine{});
        const Color floorNear = rgb(206, 208, 212);
        const Color floorAt = mix(rgb(120, 122, 128), floorNear, (s.ground - s.horizon) / (H - s.horizon));
        fillRect(cv, 0, s.ground, W, H,
                 Paint::linear({0, s.ground}, {0, H},
                               {{0, floorAt, 0.2f}, {0.6f, mix(floorAt, floorNear, 0.6f), 0.9f}, {1, floorNear, 1}}));
    }
    cv.setTransform(camera);
    drawCar(cv, look, dusk, false);
    return cv.finish(spec.photo.seed, dusk ? 0.3f : 0.18f);
}

} // namespace dongelek::server::demo
