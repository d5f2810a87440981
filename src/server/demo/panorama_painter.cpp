// The demo listings' interior panorama: rays from an eye between the front seats, at head
// height, against a simple cabin (a convex shell of roof, floor, doors, glass) and the convex
// blocks and shapes inside it (dashboard, console, seats, steering wheel). Every pixel is painted
// from its ray's direction, never from its position in the image, so the 0/360 seam joins and
// the poles do not pinch. Edges between regions get four more rays (adaptive anti-aliasing).
//
// [SECTION] Geometry helpers
// [SECTION] The cabin
// [SECTION] Ray casting
// [SECTION] Painting
// [SECTION] The panorama

#include "server/demo/car_model.hpp"
#include "server/demo/generator.hpp"
#include "server/demo/spin_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace dongelek::server::demo {

namespace {


Vec3 lerp3(Vec3 a, Vec3 b, float t)
{
    return a + (b - a) * t;
}
// A cheap deterministic hash of a grid cell, for fabric and carpet grain.
float hash3(int x, int y, int z)
{
    std::uint32_t h = static_cast<std::uint32_t>(x) * 73856093u ^ static_cast<std::uint32_t>(y) * 19349663u ^
                      static_cast<std::uint32_t>(z) * 83492791u;
    h ^= h >> 13;
    h *= 0x5bd1e995u;
    h ^= h >> 15;
    return static_cast<float>(h & 0xffff) / 65535.0f;
}

// [SECTION] Geometry helpers

// Coordinates: the eye at the origin, x forward, y up, z to the right (the car's left is -z),
// in metres. Left-hand drive: the driver sits at z < 0.
struct Plane {
    Vec3 n;
    float d; // inside: dot(n, p) <= d
};
Plane plane(Vec3 n, Vec3 through)
{
    n = normalized(n);
    return {n, dot(n, through)};
}

enum class Surf : std::uint8_t {
    // The shell
    Headliner,
    Floor,
    Door,
    SideGlass,
    Windscreen,
    Firewall,
    RearGlass,
    RearWall,
    // Blocks
    Dash,
    DashLower,
    Binnacle,
    Screen,
    Stack,
    Console,
    Armrest,
    Shifter,
    Cushion,
    Backrest,
    Headrest,
    DoorPull,
    Visor,
    Mirror,
    Wheel,
};

// A convex block: the intersection of half-spaces. `lo`/`hi` bound it, for culling.
struct Block {
    std::vector<Plane> planes;
    Vec3 lo, hi;
    Surf surf;
    int tag = 0;   // which one of several (seat side, ...)
    int index = 0; // in the cabin's list
    // Directions from the eye that can see it (radians), filled in by the cabin.
    float yaw0 = 0, yaw1 = 0, pitch0 = 0, pitch1 = 0;
    bool anyYaw = false;
};

Block box(Vec3 lo, Vec3 hi, Surf surf, int tag = 0)
{
    Block b;
    b.planes = {{{1, 0, 0}, hi.x},   {{-1, 0, 0}, -lo.x}, {{0, 1, 0}, hi.y},
                {{0, -1, 0}, -lo.y}, {{0, 0, 1}, hi.z},   {{0, 0, -1}, -lo.z}};
    b.lo = lo;
    b.hi = hi;
    b.surf = surf;
    b.tag = tag;
    return b;
}

// Yaw of a direction in the panorama's convention: 0 (and 2 pi) straight back, pi forward,
// 3 pi / 2 to the right.
float yawOf(float x, float z)
{
    float a = std::atan2(-z, -x);
    if (a < 0) a += 2 * kPi;
    return a;
}

// The directions in which the eye can see the box lo..hi: yaw range of its footprint's corners
// (exact for a convex footprint), pitch range from its nearest and farthest horizontal reach.
void angularExtent(Block& b)
{
    const Vec3 lo = b.lo, hi = b.hi;
    const bool aroundAxis = lo.x <= 0 && hi.x >= 0 && lo.z <= 0 && hi.z >= 0;
    const float nx = lo.x > 0 ? lo.x : (hi.x < 0 ? -hi.x : 0), nz = lo.z > 0 ? lo.z : (hi.z < 0 ? -hi.z : 0);
    const float near = std::sqrt(nx * nx + nz * nz);
    const float fx = std::max(std::fabs(lo.x), std::fabs(hi.x)), fz = std::max(std::fabs(lo.z), std::fabs(hi.z));
    const float far = std::sqrt(fx * fx + fz * fz);
    const float margin = 0.01f;
    b.pitch1 = (hi.y >= 0 ? std::atan2(hi.y, near) : std::atan2(hi.y, far)) + margin;
    b.pitch0 = (lo.y <= 0 ? std::atan2(lo.y, near) : std::atan2(lo.y, far)) - margin;
    b.anyYaw = aroundAxis;
    if (aroundAxis) return;
    // The smallest arc holding the four corners' yaws: try each corner as the start.
    float ys[4] = {yawOf(lo.x, lo.z), yawOf(lo.x, hi.z), yawOf(hi.x, lo.z), yawOf(hi.x, hi.z)};
    float best = 1e9f;
    for (float start : ys) {
        float span = 0;
        for (float y : ys) {
            float dy = y - start;
            if (dy < 0) dy += 2 * kPi;
            span = std::max(span, dy);
        }
        if (span < best) {
            best = span;
            b.yaw0 = start;
        }
    }
    b.yaw0 -= margin;
    b.yaw1 = b.yaw0 + best + 2 * margin;
}

// [SECTION] The cabin

struct Look {
    Vec3 leather, leatherDark, trim, accent, headliner, carpet, plastic;
    bool digital = false, bigScreen = false, sunroof = false;
};

// The steering wheel, sphere-traced: a torus, a hub and three spokes on a tilted column.
struct SteeringWheel {
    Vec3 centre{0.42f, -0.31f, -0.38f};
    Vec3 axis = normalized(Vec3{-0.9f, 0.42f, 0}); // towards the driver
    Vec3 u{0, 0, 1};                               // across the wheel
    Vec3 w = cross(normalized(Vec3{-0.9f, 0.42f, 0}), Vec3{0, 0, 1});
    float radius = 0.185f, tube = 0.017f;
    float bound = 0.215f;
    Vec3 spokes[3] = {u, u * -1, w * -1}; // right, left, down (in the wheel's plane)

    // Segments of the spokes and the column, with 1 / length^2 precomputed.
    struct Segment {
        Vec3 a, ba;
        float invLen2, r;
        float distance(Vec3 p) const
        {
            const Vec3 pa = p - a;
            const Vec3 q = pa - ba * clamp01(dot(pa, ba) * invLen2);
            return std::sqrt(dot(q, q)) - r;
        }
    };
    Segment segments[4];
    SteeringWheel()
    {
        const Vec3 hubC = centre - axis * 0.035f;
        const auto seg = [](Vec3 a, Vec3 b, float r) { return Segment{a, b - a, 1 / dot(b - a, b - a), r}; };
        for (int i = 0; i < 3; ++i)
            segments[i] = seg(hubC + spokes[i] * 0.06f, centre + spokes[i] * (radius - 0.01f), 0.013f);
        // The column, as far as it shows before it disappears into the dashboard.
        segments[3] = seg(hubC, hubC - axis * 0.16f, 0.04f);
    }
    float sdf(Vec3 p, int* part = nullptr) const
    {
        const Vec3 q = p - centre;
        const float a = dot(q, axis), x = dot(q, u), y = dot(q, w);
        const float ring = std::sqrt(x * x + y * y);
        const float dRing = std::sqrt((ring - radius) * (ring - radius) + a * a) - tube;
        // Hub: a short rounded cylinder set back towards the column.
        const float ha = a + 0.035f;
        const float dHub = std::max(ring - 0.072f, std::fabs(ha) - 0.028f) - 0.008f;
        const float dSpoke = std::min({segments[0].distance(p), segments[1].distance(p), segments[2].distance(p)});
        const float dColumn = segments[3].distance(p);
        float d = dRing;
        int which = 0;
        if (dHub < d) d = dHub, which = 1;
        if (dSpoke < d) d = dSpoke, which = 2;
        if (dColumn < d) d = dColumn, which = 3;
        if (part) *part = which;
        return d;
    }
};

struct Cabin {
    std::vector<Plane> shell;
    std::vector<Surf> shellSurf;
    std::vector<Block> blocks;
    SteeringWheel wheel;
    float wheelYaw0 = 0, wheelYaw1 = 0, wheelPitch0 = 0, wheelPitch1 = 0;
    Look look;
};

Cabin buildCabin(const PhotoSpec& spec)
{
    Cabin c;
    // Materials: leather black, beige or brown, picked by the listing (as the photos do).
    Rng rng(0x1A7E810Full ^ (static_cast<std::uint64_t>(spec.listingId) * 0x9E3779B97F4A7C15ull));
    const int leather = static_cast<int>(rng.range(0, 2));
    static const Color leathers[] = {rgb(40, 40, 42), rgb(196, 178, 148), rgb(110, 64, 38)};
    c.look.leather = linear(leathers[leather]);
    c.look.leatherDark = c.look.leather * 0.55f;
    c.look.headliner = leather == 0 && rng.chance(0.5) ? linear(rgb(64, 64, 66)) : linear(rgb(200, 196, 188));
    c.look.plastic = leather == 1 ? linear(rgb(78, 72, 66)) : linear(rgb(40, 40, 43));
    c.look.trim = linear(rgb(22, 22, 24));
    // Trim: piano black, aluminium or wood.
    static const Color accents[] = {rgb(16, 16, 18), rgb(150, 152, 156), rgb(96, 58, 34)};
    c.look.accent = linear(accents[rng.range(0, 2)]);
    c.look.carpet = linear(rgb(28, 28, 30));
    c.look.digital = spec.year >= 2019;
    c.look.bigScreen = spec.year >= 2016;
    c.look.sunroof = designCar(spec).sunroof; // the same car as the exterior spin

    // The shell: roof, floor, doors with the glass leaning in above the belt, windscreen, rear window.
    const auto add = [&](Plane p, Surf s) {
        c.shell.push_back(p);
        c.shellSurf.push_back(s);
    };
    add(plane({0, 1, 0}, {0, 0.27f, 0}), Surf::Headliner);
    add(plane({0, -1, 0}, {0, -1.02f, 0}), Surf::Floor);
    add(plane({0, 0, 1}, {0, 0, 0.74f}), Surf::Door);
    add(plane({0, 0, -1}, {0, 0, -0.74f}), Surf::Door);
    add(plane({0, 0.304f, 1}, {0, -0.2f, 0.74f}), Surf::SideGlass);
    add(plane({0, 0.304f, -1}, {0, -0.2f, -0.74f}), Surf::SideGlass);
    add(plane({0.49f, 0.63f, 0}, {0.95f, -0.22f, 0}), Surf::Windscreen);
    add(plane({1, 0, 0}, {1.3f, 0, 0}), Surf::Firewall);
    add(plane({-0.55f, 0.40f, 0}, {-1.35f, 0.27f, 0}), Surf::RearGlass);
    add(plane({-1, 0, 0}, {-1.85f, 0, 0}), Surf::RearWall);

    // Dashboard: the upper part with a top sloping down to the windscreen, the knee part below.
    Block dash = box({0.52f, -0.46f, -0.74f}, {1.35f, -0.17f, 0.74f}, Surf::Dash);
    dash.planes.push_back(plane({0.14f, 1, 0}, {0.6f, -0.17f, 0}));
    dash.planes.push_back(plane({-1, -0.9f, 0}, {0.56f, -0.46f, 0})); // rounded-off lower edge
    c.blocks.push_back(dash);
    c.blocks.push_back(box({0.70f, -0.78f, -0.74f}, {1.35f, -0.46f, 0.74f}, Surf::DashLower));
    c.blocks.push_back(box({0.47f, -0.215f, -0.60f}, {0.64f, -0.16f, -0.16f}, Surf::Binnacle));
    // The centre screen stands on the dash like a tablet.
    if (c.look.bigScreen) c.blocks.push_back(box({0.50f, -0.33f, -0.16f}, {0.525f, -0.15f, 0.16f}, Surf::Screen));
    Block stack = box({0.45f, -1.02f, -0.15f}, {0.95f, -0.44f, 0.15f}, Surf::Stack);
    stack.planes.push_back(plane({-1, -0.3f, 0}, {0.45f, -0.45f, 0}));
    c.blocks.push_back(stack);
    c.blocks.push_back(box({-0.48f, -1.02f, -0.12f}, {0.46f, -0.62f, 0.12f}, Surf::Console));
    c.blocks.push_back(box({-0.48f, -0.62f, -0.115f}, {-0.08f, -0.56f, 0.115f}, Surf::Armrest));
    c.blocks.push_back(box({0.20f, -0.62f, -0.03f}, {0.29f, -0.53f, 0.03f}, Surf::Shifter));

    // Seats: front pair either side of the console, the rear bench behind.
    for (int side = 0; side < 2; ++side) {
        const float zc = side == 0 ? -0.38f : 0.38f;
        Block cushion = box({-0.44f, -0.84f, zc - 0.26f}, {0.14f, -0.68f, zc + 0.26f}, Surf::Cushion, side);
        cushion.planes.push_back(plane({1, 0.8f, 0}, {0.14f, -0.74f, 0})); // rounded front edge
        c.blocks.push_back(cushion);
        // The backrest leans back: its front face runs from (-0.36, -0.68) up to (-0.50, -0.02).
        Block back = box({-0.66f, -0.72f, zc - 0.25f}, {-0.34f, -0.02f, zc + 0.25f}, Surf::Backrest, side);
        back.planes.push_back(plane({0.66f, 0.14f, 0}, {-0.36f, -0.68f, 0}));
        back.planes.push_back(plane({-0.66f, -0.14f, 0}, {-0.50f, -0.68f, 0}));
        back.planes.push_back(
            plane({0, 0.35f, side == 0 ? -1.0f : 1.0f}, {0, -0.02f, zc + (side == 0 ? -0.21f : 0.21f)}));
        back.planes.push_back(
            plane({0, 0.35f, side == 0 ? 1.0f : -1.0f}, {0, -0.02f, zc + (side == 0 ? 0.21f : -0.21f)}));
        c.blocks.push_back(back);
        c.blocks.push_back(box({-0.62f, 0.0f, zc - 0.13f}, {-0.50f, 0.19f, zc + 0.13f}, Surf::Headrest, side));
        // Door pulls on the front and rear doors.
        const float zs = side == 0 ? -1.0f : 1.0f;
        const float z0 = zs < 0 ? -0.74f : 0.66f, z1 = zs < 0 ? -0.66f : 0.74f;
        Block pull = box({-0.22f, -0.50f, z0}, {0.58f, -0.43f, z1}, Surf::DoorPull, side);
        pull.planes.push_back(plane({0, 1, -zs * 0.6f}, {0, -0.43f, zs * 0.66f}));
        c.blocks.push_back(pull);
        Block rearPull = box({-1.25f, -0.50f, z0}, {-0.58f, -0.43f, z1}, Surf::DoorPull, side);
        rearPull.planes.push_back(plane({0, 1, -zs * 0.6f}, {0, -0.43f, zs * 0.66f}));
        c.blocks.push_back(rearPull);
        c.blocks.push_back(box({0.24f, 0.232f, side == 0 ? -0.70f : 0.19f}, {0.43f, 0.262f, side == 0 ? -0.19f : 0.70f},
                               Surf::Visor, side));
    }
    Block bench = box({-1.42f, -0.92f, -0.70f}, {-0.92f, -0.69f, 0.70f}, Surf::Cushion, 2);
    bench.planes.push_back(plane({1, 0.8f, 0}, {-0.92f, -0.75f, 0}));
    c.blocks.push_back(bench);
    Block benchBack = box({-1.80f, -0.72f, -0.72f}, {-1.30f, -0.06f, 0.72f}, Surf::Backrest, 2);
    benchBack.planes.push_back(plane({0.66f, 0.16f, 0}, {-1.36f, -0.69f, 0}));
    c.blocks.push_back(benchBack);
    for (float zc : {-0.45f, 0.45f})
        c.blocks.push_back(box({-1.66f, -0.07f, zc - 0.13f}, {-1.54f, 0.09f, zc + 0.13f}, Surf::Headrest, 2));
    // Rear-view mirror, hanging from the windscreen's top.
    c.blocks.push_back(box({0.40f, 0.115f, -0.11f}, {0.43f, 0.175f, 0.11f}, Surf::Mirror));
    c.blocks.push_back(box({0.41f, 0.175f, -0.012f}, {0.44f, 0.27f, 0.012f}, Surf::Mirror, 1));

    for (std::size_t i = 0; i < c.blocks.size(); ++i) {
        c.blocks[i].index = static_cast<int>(i);
        angularExtent(c.blocks[i]);
    }
    Block wb;
    wb.lo = c.wheel.centre - Vec3{c.wheel.bound, c.wheel.bound, c.wheel.bound};
    wb.hi = c.wheel.centre + Vec3{c.wheel.bound, c.wheel.bound, c.wheel.bound};
    angularExtent(wb);
    c.wheelYaw0 = wb.yaw0;
    c.wheelYaw1 = wb.yaw1;
    c.wheelPitch0 = wb.pitch0;
    c.wheelPitch1 = wb.pitch1;
    return c;
}

// [SECTION] Ray casting

struct Hit {
    float t = 1e30f;
    Vec3 p, n;
    Surf surf = Surf::Headliner;
    int tag = 0;
    int face = 0; // which plane of a block was entered (0 +x, 1 -x, 2 +y, 3 -y, 4 +z, 5 -z, then extras)
    // The plane that was hit: a shell plane (its index), a block's face (kBlockPlanes + block *
    // 16 + face), or the steering wheel (kWheelPlane), which is not a plane.
    int prim = 0;
};
constexpr int kBlockPlanes = 64, kWheelPlane = 1 << 20;

// The blocks worth testing for one row of the panorama (by pitch), and per column of the row a
// bit per block whose yaw range covers it, so a pixel tests only the few blocks it can see.
struct RowCandidates {
    std::vector<const Block*> blocks; // by bit
    std::vector<std::uint64_t> columns;
    bool wheel = false;
};

void castBlocks(const RowCandidates& rc, std::uint64_t mask, Vec3 dir, Hit& hit)
{
    for (; mask; mask &= mask - 1) {
        const Block* b = rc.blocks[static_cast<std::size_t>(__builtin_ctzll(mask))];
        float tIn = 0, tOut = hit.t;
        int face = -1;
        bool miss = false;
        for (std::size_t i = 0; i < b->planes.size(); ++i) {
            const Plane& pl = b->planes[i];
            const float den = dot(pl.n, dir);
            if (den < 0) {
                const float t = pl.d / den;
                if (t > tIn) {
                    tIn = t;
                    face = static_cast<int>(i);
                }
            } else if (den > 0) {
                tOut = std::min(tOut, pl.d / den);
            } else if (pl.d < 0) {
                miss = true;
            }
            if (tIn > tOut) {
                miss = true;
                break;
            }
        }
        if (miss || face < 0 || tIn >= hit.t) continue;
        hit.t = tIn;
        hit.n = b->planes[static_cast<std::size_t>(face)].n;
        hit.surf = b->surf;
        hit.tag = b->tag;
        hit.face = face;
        hit.prim = kBlockPlanes + b->index * 16 + face;
    }
}

void castWheel(const SteeringWheel& w, Vec3 dir, Hit& hit)
{
    // Enter its bounding sphere, then march the distance field.
    const float b = dot(w.centre, dir);
    const float c = dot(w.centre, w.centre) - w.bound * w.bound;
    const float disc = b * b - c;
    if (disc < 0) return;
    const float sq = std::sqrt(disc);
    float t = std::max(b - sq, 0.0f);
    const float tEnd = std::min(b + sq, hit.t);
    for (int i = 0; i < 48 && t < tEnd; ++i) {
        const float d = w.sdf(dir * t);
        if (d < 4e-4f) { // well under a pixel at the largest size (about 1 mm here)
            const Vec3 p = dir * t;
            int part = 0;
            w.sdf(p, &part);
            const float e = 5e-4f;
            const Vec3 n = normalized({w.sdf(p + Vec3{e, 0, 0}) - w.sdf(p - Vec3{e, 0, 0}),
                                       w.sdf(p + Vec3{0, e, 0}) - w.sdf(p - Vec3{0, e, 0}),
                                       w.sdf(p + Vec3{0, 0, e}) - w.sdf(p - Vec3{0, 0, e})});
            hit.t = t;
            hit.n = n;
            hit.surf = Surf::Wheel;
            hit.tag = part;
            hit.face = 0;
            hit.prim = kWheelPlane;
            return;
        }
        t += d;
    }
}

Hit cast(const Cabin& cabin, const RowCandidates& rc, std::uint64_t mask, Vec3 dir, float yaw)
{
    Hit hit;
    // Leaving the shell: the nearest plane the ray heads out through.
    for (std::size_t i = 0; i < cabin.shell.size(); ++i) {
        const float den = dot(cabin.shell[i].n, dir);
        if (den <= 0) continue;
        const float t = cabin.shell[i].d / den;
        if (t < hit.t) {
            hit.t = t;
            hit.n = cabin.shell[i].n * -1;
            hit.surf = cabin.shellSurf[i];
            hit.tag = static_cast<int>(i);
            hit.prim = static_cast<int>(i);
        }
    }
    castBlocks(rc, mask, dir, hit);
    if (rc.wheel) {
        float d = yaw - cabin.wheelYaw0;
        if (d < 0) d += 2 * kPi;
        if (d <= cabin.wheelYaw1 - cabin.wheelYaw0) castWheel(cabin.wheel, dir, hit);
    }
    hit.p = dir * hit.t;
    return hit;
}

// The hit of `dir` on the plane another hit was on (see Hit::prim), for pixels known to see it.
Hit rehit(const Cabin& cabin, const Hit& like, Vec3 dir)
{
    Hit h = like;
    const Plane& pl = like.prim < kBlockPlanes ? cabin.shell[static_cast<std::size_t>(like.prim)]
                                               : cabin.blocks[static_cast<std::size_t>((like.prim - kBlockPlanes) / 16)]
                                                     .planes[static_cast<std::size_t>((like.prim - kBlockPlanes) % 16)];
    h.t = pl.d / dot(pl.n, dir);
    h.p = dir * h.t;
    return h;
}

// [SECTION] Painting

struct Shade {
    Vec3 color; // linear, lit
    int region; // changes across every edge worth anti-aliasing
};

// Light through the windows: mostly from above and ahead, less down in the footwells.
Vec3 lit(Vec3 base, Vec3 n, Vec3 p, float shine = 0)
{
    const float sky = std::max(0.0f, dot(n, Vec3{0.18f, 0.98f, 0}));
    const float front = std::max(0.0f, dot(n, Vec3{0.85f, 0.53f, 0})); // through the windscreen
    const float rear = std::max(0.0f, -n.x) * 0.15f;                   // through the rear window
    const float side = std::fabs(n.z) * 0.2f;                          // through the side windows
    const float ao = 0.45f + 0.55f * smoothstep(-1.0f, -0.35f, p.y);
    const float k = (0.45f + 0.75f * sky + 0.35f * front + rear + side) * ao;
    Vec3 c = base * k;
    if (shine > 0) {
        // A soft sheen from the windscreen, seen from the eye at the origin.
        const Vec3 v = normalized(p * -1);
        const Vec3 r = n * (2 * dot(n, v)) - v;
        const float s = std::max(0.0f, dot(r, normalized(Vec3{0.7f, 0.7f, 0})));
        const float s2 = s * s, s4 = s2 * s2;
        c = c + Vec3{1, 1, 1} * (shine * s4 * s4 * ao);
    }
    return c;
}

// Outside through the glass: sky, a low skyline of trees and buildings, the ground.
Vec3 outside(Vec3 d)
{
    const float el = d.y;
    const Vec3 horizon{0.78f, 0.84f, 0.90f};
    if (el >= 0) {
        // The skyline's height as a sum of sines of the azimuth: sin(k az + phase) from powers of
        // the unit complex number (cos az, sin az), which needs no trigonometry per pixel.
        const float hl = std::sqrt(d.x * d.x + d.z * d.z);
        float skyline = 0;
        if (hl > 1e-6f) {
            struct Cx {
                float re, im;
                Cx operator*(Cx o) const { return {re * o.re - im * o.im, re * o.im + im * o.re}; }
            };
            const Cx e1{d.x / hl, d.z / hl}, e2 = e1 * e1, e3 = e2 * e1, e4 = e2 * e2, e8 = e4 * e4;
            const Cx e11 = e8 * e3, e23 = e11 * e11 * e1;
            const auto wave = [](Cx e, float phase) { return e.im * std::cos(phase) + e.re * std::sin(phase); };
            skyline =
                0.035f + 0.03f * (0.5f + 0.5f * wave(e3, 1.3f)) + 0.018f * wave(e11, 0.4f) + 0.01f * wave(e23, 2.1f);
        }
        if (el < skyline) {
            const float haze = smoothstep(0.0f, skyline, el) * 0.3f;
            return lerp3(Vec3{0.16f, 0.19f, 0.15f}, horizon, 0.35f + haze);
        }
        return lerp3(horizon, Vec3{0.22f, 0.40f, 0.78f}, std::sqrt(clamp01(el * 1.4f)));
    }
    const float g = clamp01(-el * 3);
    return lerp3(Vec3{0.42f, 0.42f, 0.40f}, Vec3{0.20f, 0.20f, 0.19f}, g);
}

Shade glassView(Vec3 dir, Vec3 tint, int region)
{
    const Vec3 o = outside(dir);
    return {mul(o, tint) * 1.25f, region};
}

constexpr int R(Surf s, int sub = 0)
{
    return static_cast<int>(s) * 32 + sub;
}

// Stitched leather: grain, seams along the seat's length, darker bolsters at the sides.
Vec3 leatherAt(const Look& L, Vec3 p, float across, bool pleats)
{
    Vec3 c = L.leather;
    const float grain = hash3(static_cast<int>(std::floor(p.x * 400)), static_cast<int>(std::floor(p.y * 400)),
                              static_cast<int>(std::floor(p.z * 400)));
    c = c * (0.94f + 0.08f * grain);
    if (std::fabs(across) > 0.7f) c = c * 0.82f; // bolsters
    if (pleats && std::fabs(across) < 0.7f) {    // channels running along the seat
        const float f = std::fmod(std::fabs(across) + 0.1f, 0.2f);
        if (f < 0.018f) c = c * 0.62f;
    }
    return c;
}

Shade paintDash(const Cabin& cab, const Hit& h)
{
    const Look& L = cab.look;
    const Vec3 p = h.p;
    if (h.face != 1) { // the top: soft-touch, faintly reflecting the windscreen
        Vec3 c = lit(L.plastic * 0.8f, h.n, p, 0.04f);
        return {c, R(Surf::Dash, 0)};
    }
    // The face towards the cabin: cluster, vents, trim strip, glovebox.
    const float z = p.z, y = p.y;
    if (z > -0.60f && z < -0.16f && y > -0.35f && y < -0.215f) {
        if (L.digital) {
            // A digital cluster: dark glass with two rings and a bar.
            Vec3 c{0.01f, 0.012f, 0.016f};
            for (float cz : {-0.50f, -0.26f}) {
                const float r = std::sqrt((z - cz) * (z - cz) + (y + 0.283f) * (y + 0.283f));
                if (r > 0.045f && r < 0.05f) c = Vec3{0.05f, 0.35f, 0.8f};
                if (r < 0.02f) c = Vec3{0.5f, 0.55f, 0.6f} * (std::fabs(y + 0.283f) < 0.006f ? 1.0f : 0.0f);
            }
            if (z > -0.42f && z < -0.34f && y > -0.3f && y < -0.24f) c = Vec3{0.12f, 0.16f, 0.22f};
            return {c + lit(Vec3{0.02f, 0.02f, 0.02f}, h.n, p), R(Surf::Dash, 1)};
        }
        // Analogue: two round gauges with ticks and needles.
        Vec3 c{0.012f, 0.012f, 0.014f};
        for (float cz : {-0.48f, -0.28f}) {
            const float dz = z - cz, dy = y + 0.283f;
            const float r = std::sqrt(dz * dz + dy * dy);
            if (r < 0.062f) {
                c = Vec3{0.02f, 0.02f, 0.025f};
                const float a = std::atan2(dy, dz);
                const float tick = std::fmod(a + 10 * kPi, kPi / 10);
                if (r > 0.048f && r < 0.058f && tick < 0.05f && a > -0.6f) c = Vec3{0.75f, 0.75f, 0.75f};
                if (r > 0.058f) c = Vec3{0.35f, 0.35f, 0.37f}; // chrome ring
                const float na = 2.6f;                         // needle at rest
                const float along = dz * std::cos(na) + dy * std::sin(na), off = -dz * std::sin(na) + dy * std::cos(na);
                if (along > 0 && along < 0.05f && std::fabs(off) < 0.0025f) c = Vec3{0.8f, 0.12f, 0.05f};
            }
        }
        return {c, R(Surf::Dash, 2)};
    }
    if (!L.bigScreen && std::fabs(z) < 0.11f && y > -0.36f && y < -0.26f) { // small radio display
        const bool text = std::fabs(y + 0.31f) < 0.012f && std::fabs(z) < 0.07f && std::fmod(z + 1, 0.018f) < 0.011f;
        return {text ? Vec3{0.2f, 0.5f, 0.9f} : Vec3{0.01f, 0.012f, 0.015f}, R(Surf::Dash, 3)};
    }
    for (float side : {-1.0f, 1.0f}) { // outer vents
        if (side * z > 0.58f && side * z < 0.70f && y > -0.34f && y < -0.24f) {
            const bool slat = std::fmod(y + 1, 0.02f) < 0.006f;
            return {lit(slat ? L.plastic * 1.5f : Vec3{0.004f, 0.004f, 0.005f}, h.n, p), R(Surf::Dash, 4)};
        }
    }
    if (z > 0.17f && z < 0.56f && y > -0.33f && y < -0.285f) // trim strip on the passenger side
        return {lit(L.accent, h.n, p, 0.25f), R(Surf::Dash, 5)};
    if (z > 0.2f && z < 0.6f && std::fabs(y + 0.42f) < 0.002f) return {lit(L.trim, h.n, p), R(Surf::Dash, 6)};
    return {lit(L.plastic, h.n, p, 0.02f), R(Surf::Dash, 7)};
}

Shade paintScreen(const Cabin& cab, const Hit& h)
{
    const Vec3 p = h.p;
    if (h.face != 1) return {lit(cab.look.trim, h.n, p, 0.1f), R(Surf::Screen, 0)};
    const float u = (p.z + 0.16f) / 0.32f, v = (p.y + 0.33f) / 0.18f;
    if (u < 0.03f || u > 0.97f || v < 0.05f || v > 0.95f) return {Vec3{0.006f, 0.006f, 0.007f}, R(Surf::Screen, 1)};
    // A navigation map: pale blocks between streets, a blue route, a side panel.
    if (u < 0.28f) {
        const bool row = std::fmod(v * 6, 1.0f) < 0.7f;
        return {row ? Vec3{0.08f, 0.09f, 0.11f} : Vec3{0.03f, 0.035f, 0.045f}, R(Surf::Screen, 2)};
    }
    const float gx = std::fmod(u * 9 + v * 2, 1.0f), gy = std::fmod(v * 6 - u, 1.0f);
    Vec3 c = (gx < 0.12f || gy < 0.14f) ? Vec3{0.55f, 0.55f, 0.52f} : Vec3{0.30f, 0.33f, 0.28f};
    const float route = std::fabs(v - 0.3f - 0.5f * (u - 0.28f));
    if (route < 0.025f) c = Vec3{0.08f, 0.35f, 0.9f};
    return {c * 0.8f, R(Surf::Screen, 3)};
}

Shade paintStack(const Cabin& cab, const Hit& h)
{
    const Look& L = cab.look;
    const Vec3 p = h.p;
    if (h.face >= 6) { // the sloping face: vents, climate controls, a phone tray
        if (std::fabs(p.z) < 0.12f && p.y > -0.53f && p.y < -0.46f) {
            const bool slat = std::fmod(p.y + 1, 0.017f) < 0.005f || std::fabs(p.z) < 0.006f;
            return {lit(slat ? L.plastic * 1.6f : Vec3{0.004f, 0.004f, 0.005f}, h.n, p), R(Surf::Stack, 1)};
        }
        if (std::fabs(p.z) < 0.12f && p.y > -0.62f && p.y < -0.56f) {
            const float k = std::fmod(p.z + 1.0f, 0.04f);
            const bool knob =
                std::fabs(p.z) > 0.07f && std::sqrt((std::fabs(p.z) - 0.095f) * (std::fabs(p.z) - 0.095f) +
                                                    (p.y + 0.59f) * (p.y + 0.59f)) < 0.022f;
            if (knob) return {lit(Vec3{0.25f, 0.25f, 0.26f}, h.n, p, 0.3f), R(Surf::Stack, 2)};
            if (std::fabs(p.z) < 0.06f && k < 0.03f) return {lit(L.trim * 2.0f, h.n, p, 0.1f), R(Surf::Stack, 3)};
        }
        return {lit(L.accent * 0.9f + L.plastic * 0.1f, h.n, p, 0.15f), R(Surf::Stack, 4)};
    }
    return {lit(L.plastic, h.n, p), R(Surf::Stack, 0)};
}

Shade paintDoor(const Cabin& cab, const Hit& h)
{
    const Look& L = cab.look;
    const Vec3 p = h.p;
    const float y = p.y, x = p.x;
    const bool front = x > -0.36f;
    if (std::fabs(x + 0.36f) < 0.004f || std::fabs(x - 1.05f) < 0.004f || std::fabs(x + 1.33f) < 0.004f)
        return {lit(L.trim * 0.3f, h.n, p), R(Surf::Door, 0)};                       // shut lines
    if (y > -0.24f) return {lit(L.plastic * 1.1f, h.n, p, 0.05f), R(Surf::Door, 1)}; // window sill
    if (y > -0.33f) return {lit(leatherAt(L, p, 0, false), h.n, p), R(Surf::Door, 2)};
    if (y > -0.36f) return {lit(L.accent, h.n, p, 0.2f), R(Surf::Door, 3)};
    // Handle, then speaker grille low down on the front door.
    const float hx = front ? 0.38f : -0.80f;
    if (std::fabs(x - hx) < 0.07f && std::fabs(y + 0.395f) < 0.018f)
        return {lit(Vec3{0.3f, 0.3f, 0.31f}, h.n, p, 0.5f), R(Surf::Door, 4)};
    if (y > -0.56f) return {lit(leatherAt(L, p, 0, false) * 0.9f, h.n, p), R(Surf::Door, 5)};
    const float sx = front ? 0.55f : -0.95f;
    const float r = std::sqrt((x - sx) * (x - sx) + (y + 0.78f) * (y + 0.78f));
    if (r < 0.085f) {
        const bool hole = std::fmod(std::fabs(x * 140), 1.0f) < 0.5f && std::fmod(std::fabs(y * 140), 1.0f) < 0.5f;
        return {lit(hole ? Vec3{0.005f, 0.005f, 0.005f} : L.plastic * 1.2f, h.n, p), R(Surf::Door, 6)};
    }
    return {lit(L.plastic * 0.9f, h.n, p), R(Surf::Door, 7)};
}

Shade paintSeat(const Cabin& cab, const Hit& h)
{
    const Look& L = cab.look;
    const Vec3 p = h.p;
    float zc = 0, half = 0.7f;
    if (h.tag == 0) zc = -0.38f, half = 0.26f;
    if (h.tag == 1) zc = 0.38f, half = 0.26f;
    float across = (p.z - zc) / half;
    if (h.tag == 2 && h.surf != Surf::Headrest) { // the bench: three places
        const float place = std::fabs(p.z) < 0.23f ? 0.0f : (p.z < 0 ? -0.46f : 0.46f);
        across = (p.z - place) / 0.23f;
    }
    const bool top = h.face == 2 || h.face == 6; // sitting surfaces and backrest fronts
    Vec3 c = leatherAt(L, p, across, top && h.surf != Surf::Headrest);
    const int sub = std::fabs(across) > 0.7f ? 1 : 0;
    return {lit(c, h.n, p, 0.05f), R(h.surf, sub + (top ? 2 : 0))};
}

Shade paintWheel(const Cabin& cab, const Hit& h)
{
    const Look& L = cab.look;
    switch (h.tag) {
    case 0:
        return {lit(Vec3{0.02f, 0.02f, 0.022f}, h.n, h.p, 0.08f), R(Surf::Wheel, 0)}; // leather rim
    case 1: {
        // The hub with a badge.
        const Vec3 q = h.p - cab.wheel.centre;
        const float x = dot(q, cab.wheel.u), y = dot(q, cab.wheel.w);
        if (x * x + y * y < 0.018f * 0.018f && dot(h.n, cab.wheel.axis) > 0.7f)
            return {lit(Vec3{0.45f, 0.45f, 0.47f}, h.n, h.p, 0.6f), R(Surf::Wheel, 1)};
        return {lit(L.trim * 1.3f, h.n, h.p, 0.05f), R(Surf::Wheel, 2)};
    }
    case 2:
        return {lit(L.accent * 0.7f + L.trim * 0.3f, h.n, h.p, 0.2f), R(Surf::Wheel, 3)};
    default:
        return {lit(L.trim, h.n, h.p), R(Surf::Wheel, 4)};
    }
}

Shade paint(const Cabin& cab, const Hit& h, Vec3 dir)
{
    const Look& L = cab.look;
    const Vec3 p = h.p;
    switch (h.surf) {
    case Surf::Headliner: {
        // A sunroof over the front seats (straight up is its glass: the sky's zenith, uniform).
        if (L.sunroof && p.x > -0.26f && p.x < 0.14f && std::fabs(p.z) < 0.29f) {
            const bool frame = p.x < -0.23f || p.x > 0.11f || std::fabs(p.z) > 0.26f;
            if (frame) return {lit(L.trim, h.n, p), R(Surf::Headliner, 1)};
            return glassView(dir, {0.55f, 0.6f, 0.65f}, R(Surf::Headliner, 2));
        }
        // Dome light ahead of the eye, above the mirror.
        if (p.x > 0.2f && p.x < 0.27f && std::fabs(p.z) < 0.065f && !L.sunroof)
            return {Vec3{0.55f, 0.55f, 0.55f} * (std::fabs(p.z) < 0.055f && p.x < 0.262f ? 1.0f : 0.3f),
                    R(Surf::Headliner, 3)};
        const float fuzz = hash3(static_cast<int>(std::floor(p.x * 300)), 0, static_cast<int>(std::floor(p.z * 300)));
        // Darker towards the edges, where less window light reaches.
        const float edge = 1 - 0.35f * smoothstep(0.3f, 0.6f, std::fabs(p.z)) - 0.3f * smoothstep(0.2f, 1.4f, -p.x);
        return {L.headliner * ((0.55f + 0.03f * fuzz) * edge), R(Surf::Headliner, 0)};
    }
    case Surf::Floor: {
        const float f = hash3(static_cast<int>(std::floor(p.x * 250)), 0, static_cast<int>(std::floor(p.z * 250)));
        return {lit(L.carpet * (0.85f + 0.3f * f), h.n, p), R(Surf::Floor, 0)};
    }
    case Surf::Firewall:
        return {lit(L.carpet, h.n, p), R(Surf::Firewall, 0)};
    case Surf::Door:
        return paintDoor(cab, h);
    case Surf::SideGlass: {
        // Pillars: A (along the windscreen), B between the doors, C behind the rear door.
        const float x = p.x;
        const float aLine = 0.95f - (p.y + 0.22f) * (0.63f / 0.49f); // the windscreen's edge at this height
        if (x > aLine - 0.09f || (x > -0.44f && x < -0.27f) || x < -1.3f)
            return {lit(L.headliner * 0.8f, h.n, p), R(Surf::SideGlass, 1)};
        if (p.y > 0.235f || p.y < -0.185f) return {lit(L.trim, h.n, p), R(Surf::SideGlass, 2)}; // seals
        return glassView(dir, {0.82f, 0.86f, 0.86f}, R(Surf::SideGlass, 0));
    }
    case Surf::Windscreen: {
        const float halfW = 0.60f - 0.10f * clamp01((p.y + 0.22f) / 0.49f);
        if (std::fabs(p.z) > halfW) return {lit(L.headliner * 0.8f, h.n, p), R(Surf::Windscreen, 1)}; // A-pillars
        if (p.y > 0.22f) return {lit(L.trim * 2, h.n, p), R(Surf::Windscreen, 2)};                    // frit band
        return glassView(dir, {0.86f, 0.9f, 0.9f}, R(Surf::Windscreen, 0));
    }
    case Surf::RearGlass: {
        if (std::fabs(p.z) > 0.56f || p.y > 0.22f) return {lit(L.headliner * 0.8f, h.n, p), R(Surf::RearGlass, 1)};
        if (p.y < -0.22f) return {lit(L.plastic, h.n, p), R(Surf::RearGlass, 2)}; // parcel shelf
        // Heater lines across the rear window.
        const bool line = std::fmod(p.y + 1, 0.035f) < 0.0025f;
        return glassView(dir, line ? Vec3{0.35f, 0.3f, 0.28f} : Vec3{0.78f, 0.82f, 0.82f},
                         R(Surf::RearGlass, line ? 3 : 0));
    }
    case Surf::RearWall:
        return {lit(L.plastic, h.n, p), R(Surf::RearWall, 0)};
    case Surf::Dash:
        return paintDash(cab, h);
    case Surf::DashLower: {
        // Glovebox outline on the passenger side.
        const bool seam = h.face == 1 && ((std::fabs(p.y + 0.52f) < 0.003f && p.z > 0.2f && p.z < 0.62f) ||
                                          (std::fabs(p.z - 0.2f) < 0.003f && p.y < -0.52f) ||
                                          (std::fabs(p.z - 0.62f) < 0.003f && p.y < -0.52f));
        return {lit(seam ? L.trim * 0.3f : L.plastic * 0.9f, h.n, p), R(Surf::DashLower, seam ? 1 : 0)};
    }
    case Surf::Binnacle:
        return {lit(L.plastic * 0.8f, h.n, p), R(Surf::Binnacle, 0)};
    case Surf::Screen:
        return paintScreen(cab, h);
    case Surf::Stack:
        return paintStack(cab, h);
    case Surf::Console:
        return {lit(L.plastic, h.n, p, 0.05f), R(Surf::Console, 0)};
    case Surf::Armrest:
        return {lit(leatherAt(L, p, 0, false), h.n, p, 0.05f), R(Surf::Armrest, 0)};
    case Surf::Shifter:
        return {lit(p.y > -0.55f ? L.accent : L.trim, h.n, p, 0.4f), R(Surf::Shifter, 0)};
    case Surf::Cushion:
    case Surf::Backrest:
    case Surf::Headrest:
        return paintSeat(cab, h);
    case Surf::DoorPull: {
        const bool top = h.face >= 6; // the armrest's padded top, with an accent edge below it
        return {lit(top ? leatherAt(L, p, 0, false) : L.accent * 0.6f + L.plastic * 0.4f, h.n, p, 0.1f),
                R(Surf::DoorPull, top ? 0 : 1)};
    }
    case Surf::Visor:
        return {lit(L.headliner * 0.85f, h.n, p), R(Surf::Visor, 0)};
    case Surf::Mirror: {
        if (h.tag == 0 && h.face == 1) { // its glass shows the rear window: bright, blurred
            return {Vec3{0.2f, 0.24f, 0.28f}, R(Surf::Mirror, 1)};
        }
        return {lit(L.trim * 1.5f, h.n, p, 0.1f), R(Surf::Mirror, 0)};
    }
    case Surf::Wheel:
        return paintWheel(cab, h);
    }
    return {Vec3{}, 0};
}

// [SECTION] The panorama

Vec3 direction(float yaw, float pitch)
{
    const float cp = std::cos(pitch);
    return {-cp * std::cos(yaw), std::sin(pitch), -cp * std::sin(yaw)};
}

RowCandidates candidatesFor(const Cabin& cab, float pitch0, float pitch1, int width)
{
    RowCandidates rc;
    rc.columns.assign(static_cast<std::size_t>(width), 0);
    const float perColumn = static_cast<float>(width) / (2 * kPi);
    for (const Block& b : cab.blocks) {
        if (b.pitch1 < pitch0 || b.pitch0 > pitch1 || rc.blocks.size() == 64) continue; // (the cabin has ~30)
        const std::uint64_t bit = std::uint64_t{1} << rc.blocks.size();
        rc.blocks.push_back(&b);
        if (b.anyYaw || b.yaw1 - b.yaw0 >= 2 * kPi) {
            for (std::uint64_t& c : rc.columns)
                c |= bit;
            continue;
        }
        // Columns whose pixels' yaw (plus a column either side, for the anti-aliasing rays) may
        // fall in the block's range; the range may wrap past 360.
        const int c0 = static_cast<int>(std::floor(b.yaw0 * perColumn - 0.5f)) - 1;
        const int c1 = static_cast<int>(std::ceil(b.yaw1 * perColumn - 0.5f)) + 1;
        for (int c = c0; c <= c1; ++c)
            rc.columns[static_cast<std::size_t>(((c % width) + width) % width)] |= bit;
    }
    rc.wheel = cab.wheelPitch1 >= pitch0 && cab.wheelPitch0 <= pitch1;
    return rc;
}

} // namespace

std::vector<std::uint8_t> renderPanorama(const PhotoSpec& spec, int width, int height)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0) * 3, 0);
    if (width <= 0 || height <= 0) return out;
    const Cabin cab = buildCabin(spec);
    static const ToneCurve encode;
    const auto put = [&](std::size_t k, Vec3 c) {
        out[k * 3] = encode(c.x);
        out[k * 3 + 1] = encode(c.y);
        out[k * 3 + 2] = encode(c.z);
    };

    const float du = 2 * kPi / static_cast<float>(width), dv = kPi / static_cast<float>(height);
    std::vector<float> colCos(static_cast<std::size_t>(width)), colSin(colCos.size());
    for (int i = 0; i < width; ++i) {
        const float yaw = (static_cast<float>(i) + 0.5f) * du;
        colCos[static_cast<std::size_t>(i)] = std::cos(yaw);
        colSin[static_cast<std::size_t>(i)] = std::sin(yaw);
    }
    std::vector<float> rowCos(static_cast<std::size_t>(height)), rowSin(rowCos.size());
    for (int j = 0; j < height; ++j) {
        const float pitch = kPi / 2 - (static_cast<float>(j) + 0.5f) * dv;
        rowCos[static_cast<std::size_t>(j)] = std::cos(pitch);
        rowSin[static_cast<std::size_t>(j)] = std::sin(pitch);
    }
    const auto dirAt = [&](int i, int j) {
        const float cp = rowCos[static_cast<std::size_t>(j)];
        return Vec3{-cp * colCos[static_cast<std::size_t>(i)], rowSin[static_cast<std::size_t>(j)],
                    -cp * colSin[static_cast<std::size_t>(i)]};
    };
    // Which blocks each row can see, built when a row is first needed and dropped when the pass
    // has moved on (rows are visited in order).
    std::vector<RowCandidates> rows(static_cast<std::size_t>(height));
    const auto rowOf = [&](int j) -> const RowCandidates& {
        RowCandidates& rc = rows[static_cast<std::size_t>(j)];
        if (rc.columns.empty()) {
            const float pitch = kPi / 2 - (static_cast<float>(j) + 0.5f) * dv;
            rc = candidatesFor(cab, pitch - dv, pitch + dv, width);
        }
        return rc;
    };
    // The region of every pixel (what it shows), for the anti-aliasing pass.
    std::vector<std::uint16_t> region(static_cast<std::size_t>(width) * height);

    // First pass: one ray per pixel centre. Neighbouring rays mostly meet the same plane, so at
    // large sizes rays are cast fully only at the corners of small tiles (about 0.35 degrees,
    // far smaller than the smallest object, the mirror's stalk at 3): where all four corners hit
    // the same plane, the pixels between them can only hit it too, and each costs one
    // ray-plane intersection (the same arithmetic as the full cast, so the same result). The
    // steering wheel is not a plane and always gets full rays. Hits are kept for one band of
    // tile rows (plus the next band's first row) at a time.
    const int tile = width >= 2048 && width % 4 == 0 ? 4 : (width >= 1024 && width % 2 == 0 ? 2 : 1);
    const std::size_t bandRows = static_cast<std::size_t>(tile) + 1;
    std::vector<Hit> hits(bandRows * static_cast<std::size_t>(width));
    std::vector<std::uint8_t> done(hits.size(), 0);
    int bandTop = 0;
    const auto slot = [&](int i, int j) { return static_cast<std::size_t>(j - bandTop) * width + i; };
    const auto fullCast = [&](int i, int j) -> const Hit& {
        const std::size_t k = slot(i, j);
        if (!done[k]) {
            const RowCandidates& rc = rowOf(j);
            hits[k] = cast(cab, rc, rc.columns[static_cast<std::size_t>(i)], dirAt(i, j),
                           (static_cast<float>(i) + 0.5f) * du);
            done[k] = 1;
        }
        return hits[k];
    };
    for (bandTop = 0; bandTop < height; bandTop += tile) {
        const int j0 = bandTop, j1 = std::min(j0 + tile, height - 1), jEnd = std::min(j0 + tile, height);
        for (int i0 = 0; i0 < width; i0 += tile) {
            const int i1 = (i0 + tile) % width;
            bool same = tile > 1;
            if (same) {
                const int prim = fullCast(i0, j0).prim;
                same = prim != kWheelPlane && fullCast(i1, j0).prim == prim && fullCast(i0, j1).prim == prim &&
                       fullCast(i1, j1).prim == prim;
            }
            const Hit like = hits[slot(i0, j0)];
            for (int j = j0; j < jEnd; ++j)
                for (int i = i0; i < i0 + tile; ++i) {
                    const std::size_t k = slot(i, j);
                    if (done[k]) continue;
                    if (same) {
                        hits[k] = rehit(cab, like, dirAt(i, j));
                        done[k] = 1;
                    } else {
                        fullCast(i, j);
                    }
                }
        }
        for (int j = j0; j < jEnd; ++j)
            for (int i = 0; i < width; ++i) {
                const Shade pt = paint(cab, hits[slot(i, j)], dirAt(i, j));
                const std::size_t k = static_cast<std::size_t>(j) * width + i;
                put(k, pt.color);
                region[k] = static_cast<std::uint16_t>(pt.region);
            }
        // The band's last row (so far only its tile corners are cast) is the next band's first.
        const std::ptrdiff_t last = static_cast<std::ptrdiff_t>(tile) * width;
        if (j0 + tile < height) {
            std::copy_n(hits.begin() + last, width, hits.begin());
            std::copy_n(done.begin() + last, width, done.begin());
        }
        std::fill(done.begin() + width, done.end(), 0);
        for (int j = j0; j < jEnd && j < j0 + tile; ++j)
            if (j < std::min(j0 + tile, height - 1)) rows[static_cast<std::size_t>(j)] = {};
    }
    hits = {};
    done = {};

    // Second pass: a pixel whose region differs from a neighbour's (the row wraps around: the
    // seam is anti-aliased like any other edge) is resampled with four rays on a rotated grid.
    static const float offsets[4][2] = {{-0.375f, -0.125f}, {0.125f, -0.375f}, {0.375f, 0.125f}, {-0.125f, 0.375f}};
    for (int j = 0; j < height; ++j) {
        const float pitchC = kPi / 2 - (static_cast<float>(j) + 0.5f) * dv;
        const std::size_t row = static_cast<std::size_t>(j) * width;
        for (int i = 0; i < width; ++i) {
            const std::uint16_t r = region[row + i];
            const bool edge = r != region[row + (i + 1) % width] || r != region[row + (i + width - 1) % width] ||
                              (j > 0 && r != region[row - width + i]) ||
                              (j + 1 < height && r != region[row + width + i]);
            if (!edge) continue;
            const RowCandidates& rc = rowOf(j);
            Vec3 acc;
            for (const auto& o : offsets) {
                float yaw = (static_cast<float>(i) + 0.5f + o[0]) * du;
                if (yaw < 0) yaw += 2 * kPi;
                if (yaw >= 2 * kPi) yaw -= 2 * kPi;
                const Vec3 dir = direction(yaw, pitchC - o[1] * dv);
                acc = acc + paint(cab, cast(cab, rc, rc.columns[static_cast<std::size_t>(i)], dir, yaw), dir).color;
            }
            put(row + i, acc * 0.25f);
        }
        rows[static_cast<std::size_t>(j)] = {};
    }
    return out;
}

} // namespace dongelek::server::demo
