// Backdrops: gradients and simple shapes in pixel coordinates, randomized per photo
// (cloud, building, palm and mountain placement) from the photo's own seed.
//
// [SECTION] Helpers, sky and clouds
// [SECTION] Showroom
// [SECTION] Street
// [SECTION] Steppe
// [SECTION] Desert

#include "server/demo/backdrops.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::server::demo {

// [SECTION] Helpers, sky and clouds

void fillRect(Canvas& cv, float x0, float y0, float x1, float y1, const Paint& p)
{
    Path path;
    path.rect(x0, y0, x1, y1);
    cv.fill(path, p);
}

Paint vertical(float y0, float y1, Color top, Color bottom, float a0, float a1)
{
    return Paint::linear({0, y0}, {0, y1}, {{0, top, a0}, {1, bottom, a1}});
}

namespace {

void drawClouds(Canvas& cv, Dice& d, const Scene& s, Color tint)
{
    const int count = d.integer(2, 5);
    for (int i = 0; i < count; ++i) {
        const float cx = d.uniform(0, static_cast<float>(s.width));
        const float cy = d.uniform(s.height * 0.08f, s.horizon * 0.55f);
        const float size = d.uniform(0.05f, 0.11f) * s.width;
        const int puffs = d.integer(4, 7);
        for (int k = 0; k < puffs; ++k) {
            const float px = cx + d.uniform(-1.6f, 1.6f) * size;
            const float py = cy + d.uniform(-0.35f, 0.2f) * size;
            const float r = size * d.uniform(0.45f, 0.9f);
            Path p;
            p.ellipse({px, py}, r, r * 0.62f, 48);
            cv.fill(p, Paint::radial(
                           {px, py - r * 0.2f}, r, r * 0.62f,
                           {{0, tint, 0.85f}, {0.7f, mix(tint, {0.75f, 0.78f, 0.84f}, 0.3f), 0.55f}, {1, tint, 0}}));
        }
    }
}

Color skyTop(bool dusk)
{
    return dusk ? rgb(40, 44, 92) : rgb(74, 128, 204);
}
Color skyHorizon(bool dusk)
{
    return dusk ? rgb(246, 150, 92) : rgb(204, 224, 240);
}

void drawSky(Canvas& cv, Dice& d, const Scene& s)
{
    fillRect(cv, 0, 0, static_cast<float>(s.width), s.horizon + 2,
             vertical(0, s.horizon, skyTop(s.dusk), skyHorizon(s.dusk)));
    if (s.dusk) {
        // The sun just under the horizon: a warm glow.
        const float sx = d.uniform(0.15f, 0.85f) * s.width;
        Path glow;
        glow.ellipse({sx, s.horizon}, s.width * 0.45f, s.height * 0.35f, 64);
        cv.fill(glow,
                Paint::radial(
                    {sx, s.horizon}, s.width * 0.45f, s.height * 0.35f,
                    {{0, rgb(255, 214, 140), 0.9f}, {0.4f, rgb(250, 160, 100), 0.35f}, {1, rgb(250, 160, 100), 0}}));
    }
    drawClouds(cv, d, s, s.dusk ? rgb(236, 170, 150) : rgb(250, 250, 252));
}

// [SECTION] Showroom

void drawShowroom(Canvas& cv, Dice& d, const Scene& s)
{
    const float W = static_cast<float>(s.width), H = static_cast<float>(s.height);
    fillRect(cv, 0, 0, W, s.horizon + 1, vertical(0, s.horizon, rgb(216, 220, 226), rgb(168, 172, 180)));
    // A glazed front with mullions: the street outside, softly over-exposed.
    const float gy0 = s.horizon * 0.16f, gy1 = s.horizon * 0.86f;
    fillRect(cv, 0, gy0, W, gy1, vertical(gy0, gy1, rgb(196, 214, 232), rgb(222, 226, 224)));
    const int panes = d.integer(4, 6);
    const float offset = d.uniform(0, W / panes);
    for (int i = -1; i <= panes; ++i) {
        const float x = offset + i * W / panes;
        fillRect(cv, x - W * 0.006f, gy0, x + W * 0.006f, gy1, Paint::solid(rgb(120, 124, 132)));
    }
    fillRect(cv, 0, gy0 - H * 0.012f, W, gy0, Paint::solid(rgb(120, 124, 132)));
    fillRect(cv, 0, gy1, W, gy1 + H * 0.012f, Paint::solid(rgb(120, 124, 132)));
    // Ceiling lights as soft glows.
    for (int i = 0; i < 4; ++i) {
        const float x = W * (0.12f + 0.25f * i) + d.uniform(-0.03f, 0.03f) * W;
        Path p;
        p.ellipse({x, 0}, W * 0.16f, H * 0.08f, 48);
        cv.fill(p, Paint::radial({x, 0}, W * 0.16f, H * 0.08f,
                                 {{0, rgb(255, 255, 250), 0.9f}, {1, rgb(255, 255, 250), 0}}));
    }
    // Skirting, then a polished floor that darkens towards the wall.
    fillRect(cv, 0, s.horizon - H * 0.015f, W, s.horizon, Paint::solid(rgb(70, 72, 78)));
    fillRect(cv, 0, s.horizon, W, H, vertical(s.horizon, H, rgb(120, 122, 128), rgb(206, 208, 212)));
    // Tile joints converging to a vanishing point above the car.
    const float vx = W * d.uniform(0.4f, 0.6f), vy = s.horizon - H * 0.5f;
    for (int i = -8; i <= 8; ++i) {
        const float xb = vx + i * W * 0.16f;
        const float t0 = (s.horizon - vy) / (H - vy);
        const float xa = vx + (xb - vx) * t0;
        Path p;
        p.polygon({{xa - 0.6f, s.horizon}, {xa + 0.6f, s.horizon}, {xb + 1.5f, H}, {xb - 1.5f, H}});
        cv.fill(p, Paint::solid(rgb(90, 92, 98), 0.12f));
    }
    for (int i = 1; i <= 5; ++i) {
        const float y = s.horizon + (H - s.horizon) * (static_cast<float>(i * i) / 30.0f);
        fillRect(cv, 0, y, W, y + 1.2f, Paint::solid(rgb(90, 92, 98), 0.10f));
    }
}

// [SECTION] Street

void drawBuildings(Canvas& cv, Dice& d, const Scene& s)
{
    const float W = static_cast<float>(s.width), H = static_cast<float>(s.height);
    // Far layer: pale, hazy blocks.
    for (float x = -d.uniform(0, 40); x < W;) {
        const float w = d.uniform(0.06f, 0.14f) * W;
        const float h = d.uniform(0.25f, 0.55f) * s.horizon;
        const Color c = mix(s.dusk ? rgb(70, 60, 100) : rgb(150, 164, 184), skyHorizon(s.dusk), 0.45f);
        fillRect(cv, x, s.horizon - h, x + w, s.horizon, Paint::solid(c));
        x += w + d.uniform(0, 0.02f) * W;
    }
    // Near layer: facades with window grids.
    static const Color facades[] = {rgb(214, 200, 176), rgb(186, 190, 196), rgb(200, 180, 160), rgb(170, 186, 200),
                                    rgb(226, 218, 204)};
    for (float x = -d.uniform(0, 60); x < W;) {
        const float w = d.uniform(0.12f, 0.24f) * W;
        const float h = d.uniform(0.35f, 0.75f) * s.horizon;
        Color c = facades[d.integer(0, 4)];
        if (s.dusk) c = scale(mix(c, rgb(80, 60, 100), 0.5f), 0.55f);
        const float top = s.horizon - h;
        fillRect(cv, x, top, x + w, s.horizon, vertical(top, s.horizon, scale(c, 1.05f), scale(c, 0.88f)));
        const float cell = H * 0.045f;
        const int cols = std::max(2, static_cast<int>(w / (cell * 1.3f)));
        const int rows = std::max(2, static_cast<int>(h / (cell * 1.5f)) - 1);
        const float gx = w / cols;
        for (int r = 0; r < rows; ++r) {
            for (int k = 0; k < cols; ++k) {
                const float wx = x + k * gx + gx * 0.22f, wy = top + cell * 0.6f + r * cell * 1.5f;
                Color glass = s.dusk ? (d.chance(0.45f) ? rgb(255, 214, 140) : rgb(40, 40, 60)) : rgb(96, 116, 140);
                Path p;
                p.rect(wx, wy, wx + gx * 0.56f, wy + cell * 0.85f);
                cv.fill(p, vertical(wy, wy + cell * 0.85f, scale(glass, 1.15f), glass));
            }
        }
        x += w + d.uniform(0.01f, 0.05f) * W;
    }
}

void drawTree(Canvas& cv, Dice& d, float x, float base, float size, bool dusk)
{
    Path trunk;
    trunk.polygon({{x - size * 0.06f, base},
                   {x + size * 0.06f, base},
                   {x + size * 0.035f, base - size * 0.9f},
                   {x - size * 0.035f, base - size * 0.9f}});
    cv.fill(trunk, Paint::solid(dusk ? rgb(40, 30, 30) : rgb(86, 66, 50)));
    const Color leaf = dusk ? rgb(34, 44, 40) : rgb(62, 112, 58);
    // Many small clumps, darker below and lighter where the sun hits the top.
    const Vec2 crown{x, base - size * 1.25f};
    for (int i = 0; i < 16; ++i) {
        const float px = crown.x + d.uniform(-0.55f, 0.55f) * size;
        const float py = crown.y + d.uniform(-0.45f, 0.35f) * size;
        const float r = size * d.uniform(0.2f, 0.32f);
        const float light = std::clamp(1.25f - (py - (crown.y - 0.45f * size)) / size * 0.6f, 0.65f, 1.3f);
        Path p;
        p.circle({px, py}, r, 32);
        cv.fill(p, Paint::radial(
                       {px - r * 0.35f, py - r * 0.45f}, r * 1.5f, r * 1.5f,
                       {{0, scale(leaf, light * 1.25f)}, {0.7f, scale(leaf, light)}, {1, scale(leaf, light * 0.7f)}}));
    }
}

void drawStreet(Canvas& cv, Dice& d, const Scene& s)
{
    const float W = static_cast<float>(s.width), H = static_cast<float>(s.height);
    drawSky(cv, d, s);
    drawBuildings(cv, d, s);
    const int trees = d.integer(1, 3);
    for (int i = 0; i < trees; ++i)
        drawTree(cv, d, d.uniform(0.05f, 0.95f) * W, s.horizon + H * 0.01f, H * d.uniform(0.18f, 0.26f), s.dusk);
    // Sidewalk and curb, then asphalt.
    const float curb = s.horizon + (s.ground - s.horizon) * 0.35f;
    fillRect(cv, 0, s.horizon, W, curb, vertical(s.horizon, curb, rgb(170, 168, 162), rgb(150, 148, 144)));
    fillRect(cv, 0, curb, W, curb + H * 0.012f, Paint::solid(rgb(206, 204, 198)));
    const Color asphaltTop = s.dusk ? rgb(58, 56, 64) : rgb(92, 94, 98);
    const Color asphaltBottom = s.dusk ? rgb(36, 34, 40) : rgb(62, 64, 68);
    fillRect(cv, 0, curb + H * 0.012f, W, H, vertical(curb, H, asphaltTop, asphaltBottom));
    // Lane marking in front of the car.
    const float lane = s.ground + (H - s.ground) * 0.55f;
    for (float x = -d.uniform(0, 0.2f) * W; x < W; x += W * 0.24f)
        fillRect(cv, x, lane, x + W * 0.12f, lane + H * 0.012f, Paint::solid(rgb(230, 230, 224), 0.8f));
    if (s.dusk) {
        for (int i = 0; i < 2; ++i) {
            const float x = d.uniform(0.1f, 0.9f) * W;
            fillRect(cv, x - 2, s.horizon - H * 0.30f, x + 2, curb, Paint::solid(rgb(40, 40, 46)));
            Path glow;
            glow.circle({x, s.horizon - H * 0.30f}, H * 0.08f);
            cv.fill(glow,
                    Paint::radial(
                        {x, s.horizon - H * 0.30f}, H * 0.08f, H * 0.08f,
                        {{0, rgb(255, 236, 180), 1}, {0.15f, rgb(255, 220, 150), 0.8f}, {1, rgb(255, 200, 120), 0}}));
        }
    }
}

// [SECTION] Steppe

// A ridge line by midpoint displacement: jagged mountains.
std::vector<Vec2> ridge(Dice& d, float W, float base, float height, float roughness)
{
    std::vector<float> h(65, 0.0f);
    h[0] = d.uniform(0.2f, 0.8f);
    h[64] = d.uniform(0.2f, 0.8f);
    for (int step = 32; step >= 1; step /= 2) {
        const float amp = roughness * static_cast<float>(step) / 32.0f;
        for (int i = step; i < 64; i += step * 2)
            h[static_cast<std::size_t>(i)] =
                (h[static_cast<std::size_t>(i - step)] + h[static_cast<std::size_t>(i + step)]) / 2 +
                d.uniform(-amp, amp);
    }
    std::vector<Vec2> pts;
    for (int i = 0; i <= 64; ++i)
        pts.push_back({W * static_cast<float>(i) / 64.0f,
                       base - height * std::clamp(h[static_cast<std::size_t>(i)], 0.05f, 1.0f)});
    return pts;
}

void drawSteppe(Canvas& cv, Dice& d, const Scene& s)
{
    const float W = static_cast<float>(s.width), H = static_cast<float>(s.height);
    drawSky(cv, d, s);
    // Snow-capped mountains far away (the Alatau behind Almaty), then brown foothills.
    std::vector<Vec2> far = ridge(d, W, s.horizon, s.horizon * d.uniform(0.45f, 0.65f), 0.55f);
    std::vector<Vec2> poly = far;
    poly.push_back({W, s.horizon + 1});
    poly.push_back({0, s.horizon + 1});
    Path m;
    m.polygon(poly);
    const Color rock = s.dusk ? rgb(96, 80, 120) : rgb(120, 138, 168);
    cv.fill(m, vertical(s.horizon * 0.3f, s.horizon, scale(rock, 1.1f), mix(rock, skyHorizon(s.dusk), 0.5f)));
    // Snow above a snow line that wavers a little, following the ridge exactly.
    float peak = s.horizon;
    for (const Vec2& p : far)
        peak = std::min(peak, p.y);
    const float snowLine = peak + (s.horizon - peak) * 0.4f;
    std::vector<Vec2> snow;
    for (const Vec2& p : far)
        snow.push_back(p);
    for (auto it = far.rbegin(); it != far.rend(); ++it) {
        const float wobble = d.uniform(-0.03f, 0.03f) * (s.horizon - peak);
        snow.push_back({it->x, std::max(it->y, snowLine + wobble)});
    }
    Path sp;
    sp.polygon(snow);
    cv.fill(sp, vertical(snowLine - s.horizon * 0.3f, snowLine + s.horizon * 0.05f,
                         s.dusk ? rgb(250, 210, 200) : rgb(250, 252, 255),
                         s.dusk ? rgb(200, 160, 170) : rgb(206, 216, 232)));
    std::vector<Vec2> hills = ridge(d, W, s.horizon + 2, s.horizon * 0.14f, 0.3f);
    hills.push_back({W, s.horizon + 4});
    hills.push_back({0, s.horizon + 4});
    Path hp;
    hp.polygon(hills);
    cv.fill(hp, Paint::solid(s.dusk ? rgb(90, 70, 60) : rgb(150, 140, 100)));
    // Golden grass, lighter far away, with streaks.
    fillRect(cv, 0, s.horizon, W, H,
             vertical(s.horizon, H, s.dusk ? rgb(170, 120, 80) : rgb(214, 194, 130),
                      s.dusk ? rgb(110, 80, 50) : rgb(168, 146, 84)));
    for (int i = 0; i < 140; ++i) {
        const float y = d.uniform(s.horizon, H);
        const float x = d.uniform(0, W);
        const float len = (y - s.horizon) / (H - s.horizon) * W * 0.06f + 4;
        fillRect(cv, x, y, x + len, y + 1.2f,
                 Paint::solid(d.chance(0.5f) ? rgb(120, 104, 60) : rgb(232, 214, 150), 0.35f));
    }
    // A dirt road under the car.
    const float r0 = s.ground - (s.ground - s.horizon) * 0.25f;
    fillRect(cv, 0, r0, W, s.ground + (H - s.ground) * 0.45f, vertical(r0, H, rgb(176, 150, 118), rgb(140, 116, 90)));
}

// [SECTION] Desert

void drawPalm(Canvas& cv, Dice& d, float x, float base, float height, bool dusk)
{
    const float lean = d.uniform(-0.15f, 0.15f) * height;
    const Vec2 top{x + lean, base - height};
    const Color bark = dusk ? rgb(60, 44, 40) : rgb(128, 100, 70);
    Path trunk;
    trunk.moveTo({x - height * 0.035f, base})
        .quadTo({x + lean * 0.2f - height * 0.03f, base - height * 0.5f}, {top.x - height * 0.018f, top.y})
        .lineTo({top.x + height * 0.018f, top.y})
        .quadTo({x + lean * 0.2f + height * 0.03f, base - height * 0.5f}, {x + height * 0.035f, base});
    cv.fill(trunk, Paint::solid(bark));
    const Color frond = dusk ? rgb(30, 44, 34) : rgb(56, 106, 50);
    const int leaves = d.integer(7, 10);
    for (int i = 0; i < leaves; ++i) {
        const float a = kPi * (static_cast<float>(i) / (leaves - 1)) + d.uniform(-0.15f, 0.15f);
        const float len = height * d.uniform(0.32f, 0.45f);
        const Vec2 tip{top.x - std::cos(a) * len, top.y + len * 0.35f - std::sin(a) * len * 0.45f};
        const Vec2 mid{top.x - std::cos(a) * len * 0.55f, top.y - std::sin(a) * len * 0.5f};
        const float w = len * 0.09f;
        Path leaf;
        leaf.moveTo(top).quadTo({mid.x, mid.y - w}, tip).quadTo({mid.x, mid.y + w}, top);
        cv.fill(leaf, Paint::solid(i % 2 ? frond : scale(frond, 1.2f)));
    }
}

void drawDesert(Canvas& cv, Dice& d, const Scene& s)
{
    const float W = static_cast<float>(s.width), H = static_cast<float>(s.height);
    drawSky(cv, d, s);
    // Dune layers: sums of sines, each nearer layer warmer and darker.
    static const Color dunes[] = {rgb(232, 206, 160), rgb(222, 186, 134), rgb(210, 170, 118)};
    for (int layer = 0; layer < 3; ++layer) {
        const float base = s.horizon - s.horizon * (0.18f - 0.06f * layer);
        const float amp = s.horizon * (0.06f + 0.03f * layer);
        const float f1 = d.uniform(1.5f, 3.0f), f2 = d.uniform(4.0f, 7.0f), ph = d.uniform(0, 6.28f);
        std::vector<Vec2> pts;
        for (int i = 0; i <= 80; ++i) {
            const float t = static_cast<float>(i) / 80;
            pts.push_back(
                {t * W, base - amp * (0.6f * std::sin(t * f1 * kPi + ph) + 0.4f * std::sin(t * f2 * kPi + ph * 2))});
        }
        pts.push_back({W, s.horizon + 2});
        pts.push_back({0, s.horizon + 2});
        Path p;
        p.polygon(pts);
        Color c = dunes[layer];
        if (s.dusk) c = scale(mix(c, rgb(200, 110, 90), 0.4f), 0.8f);
        cv.fill(p, vertical(base - amp, s.horizon, scale(c, 1.08f), scale(c, 0.92f)));
    }
    fillRect(cv, 0, s.horizon, W, H,
             vertical(s.horizon, H, s.dusk ? rgb(190, 130, 100) : rgb(226, 200, 156),
                      s.dusk ? rgb(140, 96, 74) : rgb(200, 170, 124)));
    const int palms = d.integer(2, 4);
    for (int i = 0; i < palms; ++i)
        drawPalm(cv, d, d.uniform(0.03f, 0.97f) * W, s.horizon + H * d.uniform(0.0f, 0.04f),
                 H * d.uniform(0.30f, 0.45f), s.dusk);
    // A paved road with a sandy edge.
    const float r0 = s.ground - (s.ground - s.horizon) * 0.3f;
    fillRect(
        cv, 0, r0, W, H,
        vertical(r0, H, s.dusk ? rgb(96, 84, 88) : rgb(150, 146, 140), s.dusk ? rgb(60, 52, 56) : rgb(108, 106, 104)));
    fillRect(cv, 0, r0, W, r0 + H * 0.01f, Paint::solid(rgb(236, 226, 200), 0.8f));
}

} // namespace

void drawBackdrop(Canvas& cv, Backdrop backdrop, Dice& d, const Scene& s)
{
    switch (backdrop) {
    case Backdrop::Showroom:
        drawShowroom(cv, d, s);
        break;
    case Backdrop::Street:
        drawStreet(cv, d, s);
        break;
    case Backdrop::Steppe:
        drawSteppe(cv, d, s);
        break;
    case Backdrop::Desert:
        drawDesert(cv, d, s);
        break;
    }
}

} // namespace dongelek::server::demo
