// The car is lofted: every few centimetres along its length a cross-section (underbody, body
// side, greenhouse, roof) is built from a handful of profile curves, and neighbouring sections
// are stitched into bands of triangles. Detail that would need many triangles (lamps, grille,
// door gaps, spokes) is not modelled: carMaterial paints it per sample from the position.
//
// [SECTION] Curves
// [SECTION] Body shapes (one per body type)
// [SECTION] Cross-sections
// [SECTION] Per-listing design
// [SECTION] Mesh building
// [SECTION] Materials

#include "server/demo/car_model.hpp"

#include "server/demo/catalog.hpp"
#include "server/demo/generator.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::server::demo {

// [SECTION] Curves

Curve::Curve(const std::vector<Vec2>& p)
{
    const std::size_t n = p.size();
    if (n == 0) return;
    std::vector<float> slope(n, 0);
    if (n >= 2) {
        std::vector<float> secant(n - 1);
        for (std::size_t i = 0; i + 1 < n; ++i)
            secant[i] = (p[i + 1].y - p[i].y) / (p[i + 1].x - p[i].x);
        slope[0] = secant[0];
        slope[n - 1] = secant[n - 2];
        for (std::size_t i = 1; i + 1 < n; ++i)
            slope[i] = secant[i - 1] * secant[i] <= 0 ? 0 : (secant[i - 1] + secant[i]) / 2;
        // Fritsch-Carlson: shrink tangents that would make a segment overshoot its ends.
        for (std::size_t i = 0; i + 1 < n; ++i) {
            if (secant[i] == 0) {
                slope[i] = slope[i + 1] = 0;
                continue;
            }
            const float a = slope[i] / secant[i], b = slope[i + 1] / secant[i];
            const float h = a * a + b * b;
            if (h > 9) {
                const float t = 3 / std::sqrt(h);
                slope[i] = t * a * secant[i];
                slope[i + 1] = t * b * secant[i];
            }
        }
    }
    const auto cubic = [&](float x) {
        if (n == 1 || x <= p.front().x) return p.front().y;
        if (x >= p.back().x) return p.back().y;
        std::size_t i = 0;
        while (i + 2 < n && x >= p[i + 1].x)
            ++i;
        const float h = p[i + 1].x - p[i].x, t = (x - p[i].x) / h;
        const float t2 = t * t, t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * p[i].y + (t3 - 2 * t2 + t) * h * slope[i] + (-2 * t3 + 3 * t2) * p[i + 1].y +
               (t3 - t2) * h * slope[i + 1];
    };
    m_x0 = p.front().x;
    const float span = std::max(p.back().x - m_x0, 1e-3f);
    const int steps = std::max(16, static_cast<int>(std::ceil(span / 0.004f)));
    const float step = span / static_cast<float>(steps);
    m_invStep = 1 / step;
    m_table.resize(static_cast<std::size_t>(steps) + 1);
    for (int i = 0; i <= steps; ++i)
        m_table[static_cast<std::size_t>(i)] = cubic(m_x0 + step * static_cast<float>(i));
}

// [SECTION] Body shapes

namespace {

// Measured from the tail (x = 0) to the nose (x = length), like a side-view drawing.
struct Shape {
    float length, halfWidth, roofHalfWidth, wheelRadius, clearance;
    float rearAxle, frontAxle;
    float deckX, roofRearX, roofFrontX, cowlX; // deckX 0: the greenhouse reaches the tail
    float dloRearX;                            // where the side glass ends at the back
    float beltRear;                            // belt height at the tail when deckX is 0
    float bedX;                                // pickups: the cab's back wall (< 0 otherwise)
    std::vector<Vec2> top;                     // centre-line silhouette, tail -> nose
    std::vector<float> doorCuts;               // front to back
    std::vector<float> pillars;                // black pillars in the side glass
    float noseCorner, tailCorner;
    bool cladding, rails;
};

const Shape& shapeFor(Body body)
{
    // clang-format off
    static const Shape sedan{4.80f, 0.91f, 0.68f, 0.33f, 0.15f, 1.00f, 3.80f,
        0.95f, 1.62f, 2.80f, 3.52f, 1.40f, 1.0f, -1,
        {{0, 0.92f}, {0.08f, 0.99f}, {0.30f, 1.03f}, {0.95f, 1.06f}, {1.30f, 1.29f}, {1.62f, 1.42f}, {2.20f, 1.46f},
         {2.80f, 1.43f}, {3.15f, 1.24f}, {3.52f, 1.00f}, {4.00f, 0.94f}, {4.45f, 0.87f}, {4.70f, 0.80f}, {4.80f, 0.72f}},
        {3.36f, 2.36f, 1.42f}, {2.36f}, 0.32f, 0.28f, false, false};
    static const Shape hatchback{4.25f, 0.89f, 0.67f, 0.32f, 0.15f, 0.75f, 3.32f,
        0.0f, 0.62f, 2.35f, 3.00f, 0.78f, 1.0f, -1,
        {{0, 1.12f}, {0.08f, 1.25f}, {0.35f, 1.40f}, {0.62f, 1.46f}, {1.40f, 1.48f}, {2.35f, 1.44f}, {2.65f, 1.26f},
         {3.00f, 1.00f}, {3.50f, 0.93f}, {3.95f, 0.86f}, {4.17f, 0.80f}, {4.25f, 0.72f}},
        {2.88f, 1.86f, 0.98f}, {1.86f}, 0.30f, 0.24f, false, false};
    static const Shape wagon{4.80f, 0.91f, 0.68f, 0.33f, 0.15f, 1.00f, 3.80f,
        0.0f, 0.30f, 2.80f, 3.52f, 0.42f, 1.02f, -1,
        {{0, 1.30f}, {0.06f, 1.38f}, {0.30f, 1.46f}, {1.50f, 1.48f}, {2.80f, 1.45f}, {3.15f, 1.25f}, {3.52f, 1.00f},
         {4.00f, 0.94f}, {4.45f, 0.87f}, {4.70f, 0.80f}, {4.80f, 0.72f}},
        {3.36f, 2.36f, 1.42f}, {2.36f, 1.30f}, 0.32f, 0.22f, false, true};
    static const Shape suv{4.75f, 0.95f, 0.74f, 0.38f, 0.22f, 0.98f, 3.80f,
        0.0f, 0.25f, 2.75f, 3.45f, 0.36f, 1.16f, -1,
        {{0, 1.58f}, {0.05f, 1.68f}, {0.25f, 1.75f}, {1.60f, 1.77f}, {2.75f, 1.74f}, {3.10f, 1.50f}, {3.45f, 1.22f},
         {3.90f, 1.16f}, {4.40f, 1.08f}, {4.65f, 1.00f}, {4.75f, 0.92f}},
        {3.30f, 2.30f, 1.30f}, {2.30f, 1.30f}, 0.30f, 0.22f, true, true};
    static const Shape crossover{4.55f, 0.93f, 0.71f, 0.36f, 0.19f, 0.92f, 3.60f,
        0.0f, 0.60f, 2.60f, 3.30f, 0.72f, 1.10f, -1,
        {{0, 1.36f}, {0.06f, 1.46f}, {0.30f, 1.58f}, {0.60f, 1.64f}, {1.60f, 1.66f}, {2.60f, 1.62f}, {2.95f, 1.39f},
         {3.30f, 1.12f}, {3.80f, 1.06f}, {4.25f, 0.98f}, {4.47f, 0.90f}, {4.55f, 0.82f}},
        {3.12f, 2.15f, 1.22f}, {2.15f}, 0.30f, 0.24f, true, false};
    static const Shape coupe{4.60f, 0.92f, 0.66f, 0.34f, 0.13f, 0.95f, 3.65f,
        0.72f, 1.75f, 2.42f, 3.30f, 1.45f, 1.0f, -1,
        {{0, 0.90f}, {0.08f, 0.97f}, {0.30f, 1.00f}, {0.72f, 1.02f}, {1.20f, 1.20f}, {1.75f, 1.33f}, {2.10f, 1.355f},
         {2.42f, 1.32f}, {2.90f, 1.13f}, {3.30f, 0.95f}, {3.80f, 0.88f}, {4.30f, 0.80f}, {4.52f, 0.74f}, {4.60f, 0.66f}},
        {3.16f, 1.80f}, {}, 0.32f, 0.28f, false, false};
    static const Shape minivan{5.00f, 0.95f, 0.76f, 0.34f, 0.16f, 0.95f, 4.00f,
        0.0f, 0.25f, 3.10f, 3.92f, 0.32f, 1.08f, -1,
        {{0, 1.66f}, {0.05f, 1.74f}, {0.25f, 1.80f}, {2.00f, 1.82f}, {3.10f, 1.78f}, {3.55f, 1.48f}, {3.92f, 1.14f},
         {4.30f, 1.06f}, {4.75f, 0.96f}, {4.95f, 0.88f}, {5.00f, 0.82f}},
        {3.76f, 2.76f, 1.45f}, {2.76f, 1.45f}, 0.30f, 0.20f, false, true};
    static const Shape pickup{5.30f, 0.95f, 0.76f, 0.39f, 0.24f, 1.05f, 4.25f,
        2.05f, 2.20f, 3.20f, 3.92f, 2.26f, 1.2f, 2.05f,
        {{0, 1.14f}, {0.05f, 1.19f}, {0.30f, 1.20f}, {2.05f, 1.21f}, {2.12f, 1.70f}, {2.20f, 1.80f}, {3.20f, 1.82f},
         {3.55f, 1.57f}, {3.92f, 1.24f}, {4.40f, 1.18f}, {4.95f, 1.12f}, {5.20f, 1.04f}, {5.30f, 0.96f}},
        {3.76f, 2.86f, 2.10f}, {2.86f}, 0.30f, 0.14f, true, false};
    // clang-format on
    switch (body) {
    case Body::Sedan:
        return sedan;
    case Body::Hatchback:
        return hatchback;
    case Body::Wagon:
        return wagon;
    case Body::Suv:
        return suv;
    case Body::Crossover:
        return crossover;
    case Body::Coupe:
        return coupe;
    case Body::Minivan:
        return minivan;
    case Body::Pickup:
        return pickup;
    }
    return sedan;
}

} // namespace

// [SECTION] Cross-sections

namespace {

// Points of one half cross-section (z >= 0), band by band from the underbody's centre line to
// the roof's. Each band starts where the previous one ends, so the bands share positions and
// the mesh stays closed, while their normals stay separate (crisp belt line and window frames).
constexpr int kUnder = 3, kLower = 9, kGreen = 5, kRoof = 7;

struct Section {
    Vec2 under[kUnder], lower[kLower], green[kGreen], roof[kRoof]; // (z, y)
};

Section sectionAt(const CarDesign& d, float x)
{
    Section s;
    const float w = d.halfWidthAt(x);
    const float b = d.bottom.at(x);
    const float t = d.top.at(x);
    const float cabin = d.cabinAt(x);
    const float crown = std::min(0.035f, 0.3f * std::max(cabin, 0.1f)) * (w / d.halfWidth);
    float belt, edge, rr, wr;
    if (cabin > 0) {
        belt = d.beltAt(x);
        const float rise = t - crown - belt;
        rr = std::min(0.07f, 0.3f * rise);
        edge = t - crown - rr;
        wr = lerp(w - 0.09f, d.roofHalfWidth * (w / d.halfWidth), clamp01(cabin / 0.3f));
    } else {
        belt = t - crown;
        rr = 0;
        edge = belt;
        wr = w - 0.09f;
    }
    wr = std::min(wr, w - 0.09f);
    const float shoulder = std::clamp(belt - 0.12f, b + 0.19f, belt - 0.02f);
    const float sill = std::min(b + 0.12f, shoulder - 0.07f);

    s.under[0] = {0, b};
    s.under[1] = {0.45f * w, b};
    s.under[2] = {w - 0.10f, b};
    const Vec2 lower[kLower] = {{w - 0.10f, b},
                                {w - 0.045f, b + 0.015f},
                                {w - 0.025f, std::min(b + 0.05f, sill - 0.01f)},
                                {w - 0.02f, sill},
                                {w - 0.004f, (sill + shoulder) / 2},
                                {w, shoulder - 0.03f},
                                {w - 0.003f, shoulder},
                                {w - 0.03f, shoulder + 0.6f * (belt - shoulder)},
                                {w - 0.06f, belt}};
    std::copy(lower, lower + kLower, s.lower);
    for (int i = 0; i < kGreen; ++i) {
        const float u = static_cast<float>(i) / (kGreen - 1);
        const float bulge = cabin > 0 ? 0.012f * std::sin(kPi * u) : 0;
        s.green[i] = {lerp(w - 0.075f, wr, u) + bulge, lerp(belt, edge, u)};
    }
    for (int i = 0; i < 3; ++i) {
        const float a = kPi / 2 * static_cast<float>(i) / 2;
        s.roof[i] = {wr - rr + rr * std::cos(a), edge + rr * std::sin(a)};
    }
    for (int i = 1; i <= 4; ++i) {
        const float u = static_cast<float>(i) / 4;
        s.roof[2 + i] = {(wr - rr) * (1 - u), t - crown * (1 - u) * (1 - u)};
    }
    return s;
}

} // namespace

// [SECTION] Per-listing design

float CarDesign::beltAt(float x) const
{
    return lerp(beltDeckY, beltCowlY, clamp01((x - deckX) / (cowlX - deckX)));
}

void CarDesign::finish()
{
    beltDeckY = deckX > tailX + 0.01f ? top.at(deckX) : beltRear;
    beltCowlY = top.at(cowlX);
    const Section s = sectionAt(*this, tailX);
    tailGlassY0 = s.green[0].y;
    tailGlassY1 = s.green[kGreen - 1].y;
    tailGlassHalf0 = s.green[0].x;
    tailGlassHalf1 = s.green[kGreen - 1].x;
    tailRoofY = s.roof[kRoof - 1].y;
}

float CarDesign::halfWidthAt(float x) const
{
    // Slightly narrower at the nose, and rounded corners in plan view at both ends.
    float w = halfWidth * (1 - 0.03f * smoothstep(frontAxle, noseX, x));
    if (x > noseX - noseCorner) {
        const float dx = std::min(x - (noseX - noseCorner), noseCorner);
        w -= noseCorner - std::sqrt(std::max(0.0f, noseCorner * noseCorner - dx * dx));
    } else if (x < tailX + tailCorner) {
        const float dx = std::min(tailX + tailCorner - x, tailCorner);
        w -= tailCorner - std::sqrt(std::max(0.0f, tailCorner * tailCorner - dx * dx));
    }
    return w;
}

CarDesign designCar(const PhotoSpec& spec)
{
    const Shape& s = shapeFor(spec.body);
    // Seeded by the listing, not the photo: every frame of the spin shows the same car.
    Rng rng(0x5B1A7E5ull ^ (static_cast<std::uint64_t>(spec.listingId) * 0x9E3779B97F4A7C15ull));
    const auto uniform = [&](float lo, float hi) { return lo + (hi - lo) * static_cast<float>(rng.uniform()); };

    CarDesign d;
    d.body = spec.body;
    const float len = s.length * uniform(0.98f, 1.02f);
    const float sx = len / s.length;
    const float roofScale = uniform(0.97f, 1.03f); // greenhouse height only: the belt line stays
    d.length = len;
    d.halfWidth = s.halfWidth * uniform(0.985f, 1.015f);
    d.tailX = -len / 2;
    d.noseX = len / 2;
    const auto X = [&](float fromTail) { return fromTail * sx - len / 2; };
    d.noseCorner = s.noseCorner;
    d.tailCorner = s.tailCorner;
    d.frontAxle = X(s.frontAxle);
    d.rearAxle = X(s.rearAxle);
    d.cowlX = X(s.cowlX);
    d.roofFrontX = X(s.roofFrontX);
    d.roofRearX = X(s.roofRearX);
    d.deckX = s.deckX > 0 ? X(s.deckX) : d.tailX;
    d.dloFrontX = d.roofFrontX - 0.03f;
    d.dloRearX = X(s.dloRearX);
    d.bedX = s.bedX > 0 ? X(s.bedX) : -100.0f;
    d.beltRear = s.beltRear;
    d.roofHalfWidth = s.roofHalfWidth * d.halfWidth / s.halfWidth;
    for (float c : s.doorCuts)
        d.doorCuts.push_back(X(c));
    for (float p : s.pillars)
        d.pillars.push_back(X(p));

    // The silhouette first without the roof scale, to know the belt line it scales above.
    std::vector<Vec2> top;
    for (const Vec2& p : s.top)
        top.push_back({X(p.x), p.y});
    d.top = Curve(top);
    d.finish();
    for (Vec2& p : top) {
        const float cabin = d.cabinAt(p.x);
        if (cabin > 0) p.y = d.beltAt(p.x) + cabin * roofScale;
    }
    d.top = Curve(top);
    d.finish();
    d.height = d.top.at((d.roofFrontX + d.roofRearX) / 2);

    float r = s.wheelRadius * uniform(0.97f, 1.05f);
    if (spec.year > 0 && spec.year < 2012) r *= 0.96f; // older cars sit on smaller wheels
    d.wheelRadius = r;
    d.rimRadius = r * uniform(0.60f, 0.70f);
    d.tyreWidth = (spec.body == Body::Suv || spec.body == Body::Pickup ? 0.26f : 0.225f) * uniform(0.95f, 1.05f);
    d.archRadius = r * 1.13f + 0.01f;
    d.clearance = s.clearance;
    d.trackZ = d.halfWidthAt(d.frontAxle) - d.tyreWidth / 2 - 0.025f;
    d.bottom = Curve({{d.tailX, s.clearance + 0.24f},
                      {d.tailX + 0.35f, s.clearance + 0.07f},
                      {d.rearAxle, s.clearance},
                      {d.frontAxle, s.clearance},
                      {d.noseX - 0.42f, s.clearance + 0.06f},
                      {d.noseX, s.clearance + 0.17f}});
    d.cladding = s.cladding;
    d.roofRails = s.rails;
    d.handleY = d.beltAt((d.cowlX + d.deckX) / 2) - 0.10f;

    // Lamps sit under the bonnet's front edge and under the boot lid (or around the belt on a tailgate).
    d.headTop = d.top.at(d.noseX) - 0.05f; // under the bonnet's front edge (the cap's top corner)
    d.headHeight = spec.body == Body::Suv || spec.body == Body::Pickup ? 0.14f : 0.12f;
    const bool boot = d.deckX > d.tailX + 0.01f;
    if (spec.body == Body::Pickup) {
        d.tailLampTop = d.top.at(d.tailX) - 0.05f;
        d.tailLampBottom = d.tailLampTop - 0.40f;
        d.tailLampInner = 0.10f;
    } else if (spec.body == Body::Minivan) {
        d.tailLampTop = d.beltRear + 0.28f;
        d.tailLampBottom = d.beltRear - 0.22f;
        d.tailLampInner = 0.12f;
    } else if (boot) {
        d.tailLampTop = d.top.at(d.tailX + 0.06f) - 0.035f;
        d.tailLampBottom = d.tailLampTop - 0.16f;
        d.tailLampInner = 0.46f;
    } else {
        d.tailLampTop = d.beltRear + 0.08f;
        d.tailLampBottom = d.beltRear - 0.14f;
        d.tailLampInner = 0.32f;
    }
    d.frontPlateY = s.clearance + 0.26f;
    d.rearPlateY = spec.body == Body::Pickup ? d.tailLampBottom + 0.02f : d.tailLampBottom - 0.11f;

    // Paint from the catalog's colour table; rims and options from the listing.
    const ColorSpec& c = colorByName(spec.color);
    d.paint = linear(rgb(c.r, c.g, c.b)) * 0.88f; // paint reflects a little less than its swatch
    d.lightPaint = c.r + c.g + c.b > 450;
    static const Color rims[] = {rgb(196, 200, 206), rgb(168, 172, 178), rgb(78, 80, 86), rgb(34, 34, 38)};
    d.rimColor = linear(rims[rng.range(0, 3)]);
    static const int spokeCounts[] = {5, 5, 6, 7, 10};
    d.spokes = spokeCounts[rng.range(0, 4)];
    d.twinSpokes = d.spokes <= 6 && rng.chance(0.35);
    d.chromeTrim = rng.chance(0.5);
    d.blackRoof = (spec.body == Body::Crossover || spec.body == Body::Hatchback || spec.body == Body::Suv) &&
                  c.r + c.g + c.b > 200 && rng.chance(0.3);
    d.sunroof = spec.body != Body::Pickup && rng.chance(0.35);
    d.redCalipers = rng.chance(0.2);
    return d;
}

namespace {

// [SECTION] Mesh building

class MeshBuilder {
public:
    explicit MeshBuilder(CarModel& m) : m_model(m) {}

    std::uint32_t vertex(Vec3 p, Vec3 n, float band = 0)
    {
        m_model.vertices.push_back({p, n, band});
        return static_cast<std::uint32_t>(m_model.vertices.size() - 1);
    }
    // Adds a triangle facing the way its vertex normals point (so callers need not track winding);
    // degenerate ones are dropped.
    void triangle(std::uint32_t a, std::uint32_t b, std::uint32_t c, CarPart part, bool twoSided = false,
                  bool archCut = false)
    {
        const auto& v = m_model.vertices;
        Vec3 n = cross(v[b].pos - v[a].pos, v[c].pos - v[a].pos);
        const float len = std::sqrt(dot(n, n));
        if (len < 1e-9f) return;
        n = n * (1 / len);
        if (dot(n, v[a].normal + v[b].normal + v[c].normal) < 0) {
            std::swap(b, c);
            n = n * -1;
        }
        m_model.triangles.push_back({a, b, c, part, twoSided, archCut, n});
    }
    void quad(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d, CarPart part, bool twoSided = false,
              bool archCut = false)
    {
        triangle(a, b, c, part, twoSided, archCut);
        triangle(a, c, d, part, twoSided, archCut);
    }

    // A grid of rows x cols points (row-major) with normals from its own neighbours: one-sided at
    // the grid's edges, so two grids meeting along an edge keep a crease there. `flip` for
    // mirrored halves, whose tangents run the other way round.
    std::uint32_t grid(const std::vector<Vec3>& pts, int rows, int cols, bool flip, const std::vector<float>& band)
    {
        const std::uint32_t first = static_cast<std::uint32_t>(m_model.vertices.size());
        const auto at = [&](int r, int c) { return pts[static_cast<std::size_t>(r * cols + c)]; };
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < cols; ++c) {
                const Vec3 tr = at(std::min(r + 1, rows - 1), c) - at(std::max(r - 1, 0), c);
                Vec3 tc = at(r, std::min(c + 1, cols - 1)) - at(r, std::max(c - 1, 0));
                if (dot(tc, tc) < 1e-10f) // collapsed band (a bonnet has no greenhouse): look further
                    tc = at(r, cols - 1) - at(r, 0);
                Vec3 n = cross(tr, tc);
                if (flip) n = n * -1;
                vertex(at(r, c), dot(n, n) > 1e-12f ? normalized(n) : Vec3{0, 1, 0}, band[static_cast<std::size_t>(c)]);
            }
        }
        return first;
    }

private:
    CarModel& m_model;
};

std::vector<float> stationsFor(const CarDesign& d)
{
    std::vector<float> xs;
    for (float x = d.tailX; x < d.noseX; x += 0.05f)
        xs.push_back(x);
    xs.push_back(d.noseX);
    // Dense where the plan-view corners turn and at the window lines.
    for (int i = 0; i <= 10; ++i) {
        const float a = kPi / 2 * static_cast<float>(i) / 10;
        xs.push_back(d.noseX - d.noseCorner * (1 - std::sin(a)));
        xs.push_back(d.tailX + d.tailCorner * (1 - std::sin(a)));
    }
    for (float k : {d.cowlX, d.roofFrontX, d.roofRearX, d.deckX, d.bedX, d.dloFrontX, d.dloRearX})
        if (k > d.tailX && k < d.noseX) xs.push_back(k);
    std::sort(xs.begin(), xs.end());
    std::vector<float> out;
    for (float x : xs)
        if (out.empty() || x - out.back() > 0.004f) out.push_back(x);
    out.back() = d.noseX;
    out.front() = d.tailX;
    return out;
}

void buildBody(const CarDesign& d, MeshBuilder& mb)
{
    const std::vector<float> xs = stationsFor(d);
    std::vector<Section> sections;
    for (float x : xs)
        sections.push_back(sectionAt(d, x));

    // Segments between creases: the windscreen's base and the boot lid's (or bed's) edge.
    std::vector<std::size_t> cuts = {0};
    for (std::size_t i = 1; i + 1 < xs.size(); ++i)
        if (xs[i] == d.cowlX || xs[i] == d.deckX || xs[i] == d.bedX) cuts.push_back(i);
    cuts.push_back(xs.size() - 1);

    struct Band {
        int count;
        CarPart part;
        const Vec2* (*points)(const Section&);
    };
    const Band bands[] = {
        {kUnder, CarPart::Underbody, [](const Section& s) -> const Vec2* { return s.under; }},
        {kLower, CarPart::Lower, [](const Section& s) -> const Vec2* { return s.lower; }},
        {kGreen, CarPart::Greenhouse, [](const Section& s) -> const Vec2* { return s.green; }},
        {kRoof, CarPart::Roof, [](const Section& s) -> const Vec2* { return s.roof; }},
    };
    const float archReach = d.archRadius + 0.03f;
    for (std::size_t seg = 0; seg + 1 < cuts.size(); ++seg) {
        const int r0 = static_cast<int>(cuts[seg]), r1 = static_cast<int>(cuts[seg + 1]);
        const int rows = r1 - r0 + 1;
        for (const Band& band : bands) {
            std::vector<float> bandParam(static_cast<std::size_t>(band.count));
            for (int c = 0; c < band.count; ++c)
                bandParam[static_cast<std::size_t>(c)] = static_cast<float>(c) / static_cast<float>(band.count - 1);
            for (float side : {1.0f, -1.0f}) {
                std::vector<Vec3> pts;
                for (int r = r0; r <= r1; ++r) {
                    const Vec2* p = band.points(sections[static_cast<std::size_t>(r)]);
                    for (int c = 0; c < band.count; ++c)
                        pts.push_back({xs[static_cast<std::size_t>(r)], p[c].y, side * p[c].x});
                }
                const std::uint32_t first = mb.grid(pts, rows, band.count, side < 0, bandParam);
                for (int r = 0; r + 1 < rows; ++r) {
                    const float xa = xs[static_cast<std::size_t>(r0 + r)],
                                xb = xs[static_cast<std::size_t>(r0 + r + 1)];
                    bool nearArch = false;
                    for (float axle : {d.frontAxle, d.rearAxle})
                        nearArch = nearArch || (xb > axle - archReach && xa < axle + archReach);
                    for (int c = 0; c + 1 < band.count; ++c) {
                        const auto idx = [&](int rr, int cc) {
                            return first + static_cast<std::uint32_t>(rr * band.count + cc);
                        };
                        mb.quad(idx(r, c), idx(r + 1, c), idx(r + 1, c + 1), idx(r, c + 1), band.part, false,
                                nearArch && band.part == CarPart::Lower);
                    }
                }
            }
        }
    }

    // Flat caps at both ends, as horizontal slabs between mirrored ring points.
    for (bool nose : {true, false}) {
        const Section& s = sections[nose ? sections.size() - 1 : 0];
        const float x = nose ? d.noseX : d.tailX;
        std::vector<Vec2> ring(s.under, s.under + kUnder);
        ring.insert(ring.end(), s.lower + 1, s.lower + kLower);
        ring.insert(ring.end(), s.green + 1, s.green + kGreen);
        ring.insert(ring.end(), s.roof + 1, s.roof + kRoof);
        const Vec3 n{nose ? 1.0f : -1.0f, 0, 0};
        const CarPart part = nose ? CarPart::NoseCap : CarPart::TailCap;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
            const Vec2 a = ring[i], b = ring[i + 1];
            const std::uint32_t v0 = mb.vertex({x, a.y, a.x}, n), v1 = mb.vertex({x, b.y, b.x}, n);
            const std::uint32_t v2 = mb.vertex({x, b.y, -b.x}, n), v3 = mb.vertex({x, a.y, -a.x}, n);
            mb.quad(v0, v1, v2, v3, part);
        }
    }
}

// Wheel wells: a dark liner behind each arch opening (the arch of a cylinder around the axle
// above the underbody, closed by an inner wall), so the opening shows a dark well, never the
// far side of the car or the backdrop through it.
void buildWheelWells(const CarDesign& d, MeshBuilder& mb)
{
    const int steps = 24;
    // A little wider than the opening, so the skin overlaps the liner's edge: a ray entering at
    // the opening's very edge meets the liner, never a crack into the body's inside.
    const float rw = d.archRadius + 0.012f, R = d.wheelRadius;
    for (float axle : {d.frontAxle, d.rearAxle}) {
        const float b = d.bottom.at(axle);
        const float a0 = std::asin(std::clamp((b - R) / rw, -1.0f, 1.0f)), a1 = kPi - a0;
        const float zIn = d.trackZ - d.tyreWidth / 2 - 0.07f;
        // The liner's outer edge follows the body's skin (which tucks in towards the sill), just
        // inside it: flush in the opening, never poking out below the sill.
        const auto skinZ = [&](float x, float y) {
            const Section sec = sectionAt(d, x);
            for (int k = 0; k + 1 < kLower; ++k)
                if (y <= sec.lower[k + 1].y || k + 2 == kLower) {
                    const float span = sec.lower[k + 1].y - sec.lower[k].y;
                    const float u = span > 1e-5f ? std::clamp((y - sec.lower[k].y) / span, 0.0f, 1.0f) : 0.0f;
                    return lerp(sec.lower[k].x, sec.lower[k + 1].x, u);
                }
            return sec.lower[kLower - 1].x;
        };
        for (float side : {1.0f, -1.0f}) {
            std::vector<std::uint32_t> outer, inner, wall;
            const std::uint32_t centre = mb.vertex({axle, R, side * zIn}, {0, 0, side});
            for (int i = 0; i <= steps; ++i) {
                const float a = a0 + (a1 - a0) * static_cast<float>(i) / steps;
                const float x = axle + rw * std::cos(a), y = R + rw * std::sin(a);
                const float zOut = skinZ(x, y) - 0.002f;
                const Vec3 n{-std::cos(a), -std::sin(a), 0}; // towards the axle: seen from the wheel
                outer.push_back(mb.vertex({x, y, side * zOut}, n));
                inner.push_back(mb.vertex({x, y, side * zIn}, n));
                wall.push_back(mb.vertex({x, y, side * zIn}, {0, 0, side}));
            }
            for (int i = 0; i < steps; ++i) {
                const std::size_t k = static_cast<std::size_t>(i);
                mb.quad(outer[k], outer[k + 1], inner[k + 1], inner[k], CarPart::WheelWell, true);
                mb.triangle(centre, wall[k], wall[k + 1], CarPart::WheelWell, true);
            }
            mb.triangle(centre, wall.back(), wall.front(), CarPart::WheelWell, true);
        }
    }
}

// A surface of revolution around the axis through `centre` along ±z (`side`): profile points
// are (radius, offset along the axis, outwards positive); normals from the profile's tangents.
void lathe(MeshBuilder& mb, Vec3 centre, float side, const std::vector<Vec2>& profile, CarPart part, int segments)
{
    const int n = static_cast<int>(profile.size());
    std::vector<std::uint32_t> ids;
    for (int k = 0; k < n; ++k) {
        const Vec2 prev = profile[static_cast<std::size_t>(std::max(k - 1, 0))];
        const Vec2 next = profile[static_cast<std::size_t>(std::min(k + 1, n - 1))];
        const Vec2 tan = next - prev;
        const Vec2 pn{tan.y, -tan.x}; // (radial, axial) normal of the profile curve
        for (int m = 0; m < segments; ++m) {
            const float a = 2 * kPi * static_cast<float>(m) / static_cast<float>(segments);
            const float ca = std::cos(a), sa = std::sin(a);
            const Vec2& p = profile[static_cast<std::size_t>(k)];
            const Vec3 pos{centre.x + p.x * ca, centre.y + p.x * sa, centre.z + side * p.y};
            ids.push_back(mb.vertex(pos, normalized({pn.x * ca, pn.x * sa, side * pn.y})));
        }
    }
    for (int k = 0; k + 1 < n; ++k)
        for (int m = 0; m < segments; ++m) {
            const int m1 = (m + 1) % segments;
            const auto id = [&](int kk, int mm) { return ids[static_cast<std::size_t>(kk * segments + mm)]; };
            mb.quad(id(k, m), id(k + 1, m), id(k + 1, m1), id(k, m1), part);
        }
}

void buildWheels(const CarDesign& d, MeshBuilder& mb)
{
    const float R = d.wheelRadius, rim = d.rimRadius, tw = d.tyreWidth;
    const float mid = (R + rim) / 2;
    const std::vector<Vec2> tyre = {
        {rim, -0.40f * tw},         {mid, -0.50f * tw},       {R - 0.035f, -0.48f * tw},
        {R - 0.008f, -0.42f * tw},  {R, -0.30f * tw},         {R, 0.30f * tw},
        {R - 0.008f, 0.42f * tw},   {R - 0.035f, 0.48f * tw}, {mid, 0.50f * tw},
        {rim + 0.012f, 0.45f * tw}, {rim, 0.42f * tw},
    };
    // The rim's face: a lip, then a shallow dish down to a raised hub.
    const std::vector<Vec2> face = {
        {rim, 0.42f * tw},         {rim * 0.97f, 0.43f * tw}, {rim * 0.92f, 0.40f * tw},
        {rim * 0.75f, 0.35f * tw}, {rim * 0.50f, 0.32f * tw}, {rim * 0.26f, 0.33f * tw},
        {rim * 0.20f, 0.36f * tw}, {rim * 0.10f, 0.37f * tw}, {rim * 0.001f, 0.37f * tw},
    };
    for (float axle : {d.frontAxle, d.rearAxle})
        for (float side : {1.0f, -1.0f}) {
            const Vec3 c{axle, R, side * d.trackZ};
            lathe(mb, c, side, tyre, CarPart::Tyre, 48);
            lathe(mb, c, side, face, CarPart::RimFace, 48);
        }
}

// An ellipsoid (mirror housings).
void ellipsoid(MeshBuilder& mb, Vec3 c, Vec3 r, CarPart part)
{
    const int rings = 8, segs = 14;
    std::vector<std::uint32_t> ids;
    for (int i = 0; i <= rings; ++i) {
        const float th = kPi * static_cast<float>(i) / rings;
        for (int j = 0; j < segs; ++j) {
            const float ph = 2 * kPi * static_cast<float>(j) / segs;
            const Vec3 u{std::sin(th) * std::cos(ph), std::cos(th), std::sin(th) * std::sin(ph)};
            const Vec3 p = c + mul(u, r);
            ids.push_back(mb.vertex(p, normalized({u.x / r.x, u.y / r.y, u.z / r.z})));
        }
    }
    for (int i = 0; i < rings; ++i)
        for (int j = 0; j < segs; ++j) {
            const int j1 = (j + 1) % segs;
            const auto id = [&](int a, int b) { return ids[static_cast<std::size_t>(a * segs + b)]; };
            mb.quad(id(i, j), id(i + 1, j), id(i + 1, j1), id(i, j1), part);
        }
}

// A box from lo to hi with flat faces.
void box(MeshBuilder& mb, Vec3 lo, Vec3 hi, CarPart part)
{
    const Vec3 n[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
    for (const Vec3& f : n) {
        // The face's four corners: fix the axis of `f`, walk the other two.
        Vec3 q[4];
        for (int k = 0; k < 4; ++k) {
            const bool s = k == 1 || k == 2, t = k >= 2;
            Vec3 p;
            if (f.x != 0) p = {f.x > 0 ? hi.x : lo.x, s ? hi.y : lo.y, t ? hi.z : lo.z};
            if (f.y != 0) p = {s ? hi.x : lo.x, f.y > 0 ? hi.y : lo.y, t ? hi.z : lo.z};
            if (f.z != 0) p = {s ? hi.x : lo.x, t ? hi.y : lo.y, f.z > 0 ? hi.z : lo.z};
            q[k] = p;
        }
        mb.quad(mb.vertex(q[0], f), mb.vertex(q[1], f), mb.vertex(q[2], f), mb.vertex(q[3], f), part);
    }
}

void buildExtras(const CarDesign& d, MeshBuilder& mb)
{
    // Door mirrors on the front doors, just behind the windscreen's base.
    const float mx = d.cowlX - 0.24f;
    const float my = d.beltAt(mx) + 0.045f;
    const float wz = d.halfWidthAt(mx) - 0.06f; // the belt's edge, where the door meets the glass
    for (float side : {1.0f, -1.0f}) {
        ellipsoid(mb, {mx - 0.02f, my, side * (wz + 0.15f)}, {0.065f, 0.058f, 0.11f}, CarPart::Mirror);
        const float z0 = side > 0 ? wz - 0.04f : -(wz + 0.08f), z1 = side > 0 ? wz + 0.08f : -(wz - 0.04f);
        box(mb, {mx - 0.02f, my - 0.045f, z0}, {mx + 0.06f, my - 0.005f, z1}, CarPart::Mirror);
    }
    // Roof rails: lofted along the roof just inside its edge.
    if (d.roofRails) {
        const float x0 = d.roofRearX + 0.02f, x1 = d.roofFrontX - 0.12f;
        for (float side : {1.0f, -1.0f}) {
            const float z = side * (d.roofHalfWidth - 0.12f);
            const int steps = 24;
            std::vector<Vec3> pts;
            for (int i = 0; i <= steps; ++i) {
                const float x = lerp(x0, x1, static_cast<float>(i) / steps);
                const Section sec = sectionAt(d, x);
                float y = sec.roof[kRoof - 1].y;
                for (int k = 0; k + 1 < kRoof; ++k) // the roof's height at the rail's z
                    if (sec.roof[k].x >= std::fabs(z) && sec.roof[k + 1].x <= std::fabs(z)) {
                        const float u =
                            (sec.roof[k].x - std::fabs(z)) / std::max(1e-4f, sec.roof[k].x - sec.roof[k + 1].x);
                        y = lerp(sec.roof[k].y, sec.roof[k + 1].y, u);
                    }
                y -= 0.01f;
                // Outer-bottom, outer-top, inner-top, inner-bottom.
                pts.push_back({x, y, z + side * 0.02f});
                pts.push_back({x, y + 0.055f, z + side * 0.02f});
                pts.push_back({x, y + 0.055f, z - side * 0.02f});
                pts.push_back({x, y, z - side * 0.02f});
            }
            const Vec3 faceN[3] = {{0, 0, side}, {0, 1, 0}, {0, 0, -side}};
            for (int f = 0; f < 3; ++f)
                for (int i = 0; i < steps; ++i) {
                    const auto p = [&](int s, int k) { return pts[static_cast<std::size_t>(s * 4 + k)]; };
                    mb.quad(mb.vertex(p(i, f), faceN[f]), mb.vertex(p(i + 1, f), faceN[f]),
                            mb.vertex(p(i + 1, f + 1), faceN[f]), mb.vertex(p(i, f + 1), faceN[f]), CarPart::Rail);
                }
            for (int e : {0, steps}) {
                const Vec3 en{e == 0 ? -1.0f : 1.0f, 0, 0};
                const auto p = [&](int k) { return pts[static_cast<std::size_t>(e * 4 + k)]; };
                mb.quad(mb.vertex(p(0), en), mb.vertex(p(1), en), mb.vertex(p(2), en), mb.vertex(p(3), en),
                        CarPart::Rail);
            }
        }
    }
}

} // namespace

CarModel buildCarModel(const CarDesign& design)
{
    CarModel m;
    m.design = design;
    MeshBuilder mb(m);
    buildBody(design, mb);
    buildWheelWells(design, mb);
    buildWheels(design, mb);
    buildExtras(design, mb);
    m.boundsMin = m.boundsMax = m.vertices.front().pos;
    for (const CarVertex& v : m.vertices) {
        m.boundsMin = {std::min(m.boundsMin.x, v.pos.x), std::min(m.boundsMin.y, v.pos.y),
                       std::min(m.boundsMin.z, v.pos.z)};
        m.boundsMax = {std::max(m.boundsMax.x, v.pos.x), std::max(m.boundsMax.y, v.pos.y),
                       std::max(m.boundsMax.z, v.pos.z)};
    }
    return m;
}

bool inWheelArch(const CarDesign& d, float x, float y)
{
    const float r2 = d.archRadius * d.archRadius;
    const float dy = y - d.wheelRadius;
    const float df = x - d.frontAxle, dr = x - d.rearAxle;
    return df * df + dy * dy < r2 || dr * dr + dy * dy < r2;
}

// [SECTION] Materials

namespace {

Material paintOf(const CarDesign& d)
{
    Material m;
    m.albedo = d.paint;
    m.specular = 0.9f;
    m.shininess = 90;
    m.reflect = 0.05f; // clear coat
    return m;
}
Material blackPlastic(float shade = 1)
{
    Material m;
    m.albedo = Vec3{0.018f, 0.018f, 0.02f} * shade;
    m.specular = 0.12f;
    m.shininess = 12;
    m.reflect = 0.02f;
    return m;
}
Material glossBlack()
{
    Material m;
    m.albedo = {0.01f, 0.01f, 0.012f};
    m.specular = 0.9f;
    m.shininess = 120;
    m.reflect = 0.06f;
    return m;
}
Material chrome()
{
    Material m;
    m.albedo = {0.25f, 0.26f, 0.27f};
    m.specular = 1.2f;
    m.shininess = 160;
    m.reflect = 0.75f;
    return m;
}
Material glass()
{
    Material m;
    m.albedo = {0.012f, 0.016f, 0.02f};
    m.specular = 0.8f;
    m.shininess = 300;
    m.reflect = 0.10f;
    return m;
}
Material gap()
{
    Material m;
    m.albedo = {0.01f, 0.01f, 0.01f};
    m.occlusion = 0.3f;
    return m;
}

float sq(float v)
{
    return v * v;
}

// Distance around the car's face from the centre line: across the flat cap, around the rounded
// plan-view corner, then back along the side. Lamps and bumpers are laid out in it, so they wrap
// around the corners without seams.
float wrapAround(float x, float z, float endX, float corner, float w0, bool nose)
{
    const float az = std::fabs(z);
    const float flat = w0 - corner;                // the cap's half width
    const float into = nose ? endX - x : x - endX; // >= 0: distance back from the face
    if (into <= 1e-4f && az <= flat) return az;
    if (into < corner) {
        const float a = std::atan2(corner - into, az - flat); // 0 at the side, pi/2 at the face
        return flat + corner * (kPi / 2 - a);
    }
    return flat + corner * kPi / 2 + (into - corner);
}

// Front face: headlights, grille, plate, intake. `s` runs around the corner, y up.
bool frontDetail(const CarDesign& d, float s, float y, float sCap, Material& out)
{
    // Headlights: swept back around the corner, narrowing towards the outer end.
    const float hs0 = sCap - 0.40f, hs1 = sCap + 0.17f;
    if (s > hs0 && s < hs1) {
        const float u = (s - hs0) / (hs1 - hs0);
        const float y1 = d.headTop + 0.015f * u, y0 = d.headTop - d.headHeight + 0.07f * u * u;
        // Rounded inner end, pointed outer end.
        const float round = u < 0.12f ? 0.035f * (1 - std::sqrt(1 - sq((0.12f - u) / 0.12f))) : 0;
        if (y < y1 - round && y > y0 + round) {
            const float v = (y - y0) / (y1 - y0);
            if (v > 0.8f && u > 0.06f && u < 0.95f) { // daytime running light strip
                out = glass();
                out.albedo = {0.5f, 0.55f, 0.6f};
                out.emission = {1.4f, 1.5f, 1.65f};
                return true;
            }
            if (u > 0.9f && v < 0.6f) { // indicator
                out = glass();
                out.albedo = {0.35f, 0.17f, 0.03f};
                return true;
            }
            // Two projector lenses in a chrome bowl.
            for (float lu : {0.30f, 0.56f}) {
                const float ds = (s - lerp(hs0, hs1, lu)) / 0.036f, dy = (y - (y0 + (y1 - y0) * 0.42f)) / 0.036f;
                const float r2 = ds * ds + dy * dy;
                if (r2 < 1) {
                    out = r2 < 0.55f ? glass() : chrome();
                    if (r2 < 0.55f) out.albedo = {0.05f, 0.06f, 0.08f};
                    return true;
                }
            }
            out = chrome();
            out.albedo = {0.40f, 0.41f, 0.43f};
            return true;
        }
    }
    const float b = d.bottom.at(d.noseX);
    // Grille: a trapezoid between the lamps, narrower at the bottom, framed and slatted.
    const float gTop = d.headTop - 0.015f, gBottom = d.frontPlateY + 0.07f;
    if (y < gTop && y > gBottom) {
        const float v = (y - gBottom) / (gTop - gBottom);
        const float half = hs0 - 0.03f - 0.09f * (1 - v);
        if (s < half) {
            const bool frame = s > half - 0.014f || y > gTop - 0.014f || y < gBottom + 0.014f;
            if (frame) {
                out = d.chromeTrim ? chrome() : glossBlack();
                return true;
            }
            const float badge = sq(s / 0.055f) + sq((y - (gTop + gBottom) / 2) / 0.04f);
            if (badge < 1) {
                out = chrome();
                return true;
            }
            const float slat = std::fmod(y - gBottom, 0.026f);
            out = slat < 0.006f ? glossBlack() : blackPlastic(0.35f);
            if (slat < 0.006f && d.chromeTrim) out = chrome();
            out.occlusion = slat < 0.006f ? 1.0f : 0.45f;
            return true;
        }
    }
    if (s < 0.26f && std::fabs(y - d.frontPlateY) < 0.055f) { // number plate
        out = Material{};
        const bool border = s > 0.245f || std::fabs(y - d.frontPlateY) > 0.042f;
        const bool glyph =
            !border && std::fabs(y - d.frontPlateY) < 0.026f && s > 0.03f && std::fmod(s, 0.052f) < 0.034f;
        out.albedo = border || glyph ? Vec3{0.02f, 0.02f, 0.025f} : Vec3{0.75f, 0.76f, 0.78f};
        out.specular = 0.3f;
        out.shininess = 30;
        out.reflect = 0.03f;
        return true;
    }
    if (y < d.frontPlateY - 0.07f && y > b + 0.035f && s < sCap - 0.05f) { // lower intake
        const bool fog = sq((s - (sCap - 0.16f)) / 0.045f) + sq((y - (b + 0.10f)) / 0.03f) < 1;
        if (fog) {
            out = chrome();
            out.emission = {0.25f, 0.25f, 0.27f};
            return true;
        }
        if (s < sCap - 0.26f) {
            out = blackPlastic(0.5f);
            out.occlusion = 0.6f;
            return true;
        }
    }
    if (y < b + 0.035f) {
        out = blackPlastic();
        return true;
    }
    return false;
}

// Rear face: tail lights, plate, bumper, reflectors, exhaust, the tailgate's glass.
bool rearDetail(const CarDesign& d, float s, float y, float z, float sCap, Material& out)
{
    const float ts0 = sCap - d.tailLampInner, ts1 = sCap + 0.08f;
    if (s > ts0 && s < ts1 && y > d.tailLampBottom && y < d.tailLampTop) {
        const float u = (s - ts0) / (ts1 - ts0), v = (y - d.tailLampBottom) / (d.tailLampTop - d.tailLampBottom);
        out = glass();
        out.albedo = {0.20f, 0.004f, 0.004f};
        out.reflect = 0.06f;
        // LED outline glows; a reversing lamp sits at the inner end.
        const bool outline = v > 0.8f || v < 0.18f || u > 0.9f;
        if (u < 0.16f && v > 0.3f && v < 0.75f) {
            out = chrome();
        } else if (outline) {
            out.emission = {0.75f, 0.015f, 0.01f};
        }
        return true;
    }
    const float b = d.bottom.at(d.tailX);
    if (s < 0.26f && std::fabs(y - d.rearPlateY) < 0.055f) {
        out = Material{};
        const bool border = s > 0.245f || std::fabs(y - d.rearPlateY) > 0.042f;
        const bool glyph =
            !border && std::fabs(y - d.rearPlateY) < 0.026f && s > 0.03f && std::fmod(s, 0.052f) < 0.034f;
        out.albedo = border || glyph ? Vec3{0.02f, 0.02f, 0.025f} : Vec3{0.75f, 0.76f, 0.78f};
        out.specular = 0.3f;
        out.shininess = 30;
        out.reflect = 0.03f;
        return true;
    }
    if (y < b + 0.10f && s < sCap + 0.2f) { // diffuser, exhaust on the left, reflectors at the corners
        if (z < 0 && sq((s - (sCap - 0.22f)) / 0.055f) + sq((y - (b + 0.06f)) / 0.035f) < 1) {
            out = chrome();
            if (sq((s - (sCap - 0.22f)) / 0.04f) + sq((y - (b + 0.06f)) / 0.022f) < 1) out = blackPlastic(0.2f);
            return true;
        }
        if (s > sCap - 0.12f && s < sCap + 0.05f && y > b + 0.07f) {
            out = glass();
            out.albedo = {0.12f, 0.005f, 0.005f};
            return true;
        }
        if (y > b + 0.055f) return false;
        out = blackPlastic();
        return true;
    }
    // Badge above the plate.
    if (sq(s / 0.05f) + sq((y - (d.rearPlateY + 0.1f)) / 0.025f) < 1 && d.rearPlateY + 0.13f < d.tailLampTop) {
        out = chrome();
        return true;
    }
    return false;
}

Material rimMaterial(const CarDesign& d, Vec3 p)
{
    const float axle = p.x > 0 ? d.frontAxle : d.rearAxle;
    const float dx = p.x - axle, dy = p.y - d.wheelRadius;
    const float r = std::sqrt(dx * dx + dy * dy) / d.rimRadius;
    Material metal;
    metal.albedo = d.rimColor;
    metal.specular = 1.0f;
    metal.shininess = 70;
    metal.reflect = 0.30f;
    if (r > 0.9f) return metal;
    if (r > 0.86f) return blackPlastic(0.5f); // the bead seat's shadow line
    const float a = std::atan2(dy, dx);
    if (r < 0.2f) {
        if (r < 0.09f) return r < 0.075f ? blackPlastic(0.6f) : chrome(); // centre cap
        // Five lug nuts.
        for (int i = 0; i < 5; ++i) {
            const float la = 2 * kPi * static_cast<float>(i) / 5 + 0.3f;
            if (sq(r * std::cos(a) - 0.145f * std::cos(la)) + sq(r * std::sin(a) - 0.145f * std::sin(la)) < sq(0.028f))
                return chrome();
        }
        return metal;
    }
    // Spokes: angular distance to the nearest spoke's centre line, wider towards the rim.
    const float n = static_cast<float>(d.spokes);
    const float phase = a * n / (2 * kPi) + 0.25f;
    const float f = phase - std::floor(phase);                    // 0..1 between spokes
    const float across = std::fabs(f - 0.5f) * (2 * kPi / n) * r; // arc distance in rim radii
    const float half = d.spokes >= 10 ? 0.035f + 0.03f * r : 0.05f + 0.06f * r;
    bool spoke = d.twinSpokes ? std::fabs(across - half * 0.9f) < half * 0.55f : across < half;
    if (spoke) {
        metal.occlusion = 0.85f + 0.15f * r;
        return metal;
    }
    // Between the spokes: the brake disc and caliper, in shadow.
    Material dark;
    const bool caliper = r > 0.5f && r < 0.82f && a > 1.9f && a < 2.6f;
    dark.albedo = caliper ? (d.redCalipers ? Vec3{0.35f, 0.02f, 0.02f} : Vec3{0.05f, 0.05f, 0.055f})
                          : Vec3{0.045f, 0.045f, 0.05f} * (r > 0.35f && r < 0.8f ? 1.0f : 0.4f);
    dark.specular = 0.2f;
    dark.shininess = 20;
    dark.occlusion = 0.35f;
    return dark;
}

} // namespace

Material carMaterial(const CarDesign& d, CarPart part, Vec3 p, Vec3 n, float band)
{
    const float bottomY = d.bottom.at(p.x);
    switch (part) {
    case CarPart::WheelWell: { // matte and in shadow: no glints at grazing angles
        Material m;
        m.albedo = {0.012f, 0.012f, 0.013f};
        m.occlusion = 0.3f;
        return m;
    }
    case CarPart::Underbody: {
        Material m = blackPlastic(0.8f);
        m.occlusion = 0.3f;
        return m;
    }
    case CarPart::Tyre: {
        Material m;
        m.albedo = {0.022f, 0.022f, 0.024f};
        m.specular = 0.15f;
        m.shininess = 10;
        m.reflect = 0.01f;
        m.occlusion = 0.55f + 0.45f * smoothstep(0.0f, d.wheelRadius, p.y);
        return m;
    }
    case CarPart::RimFace:
        return rimMaterial(d, p);
    case CarPart::Mirror: {
        if (n.x < -0.55f && std::fabs(p.z) > d.halfWidthAt(p.x) + 0.04f) {
            Material m = chrome();
            m.albedo = {0.1f, 0.1f, 0.11f};
            return m;
        }
        return d.blackRoof ? glossBlack() : paintOf(d);
    }
    case CarPart::Rail: {
        Material m = d.chromeTrim ? chrome() : blackPlastic();
        return m;
    }
    default:
        break;
    }

    // Body surfaces. Faces wrap around the corners, so the lamps are looked up by distance
    // around the face for every part near the ends.
    const float w0 = d.halfWidth;
    Material m = paintOf(d);
    const float noseDist = d.noseX - p.x, tailDist = p.x - d.tailX;
    if (noseDist < d.noseCorner + 0.25f && part != CarPart::Roof) {
        const float wn = w0 * 0.97f;
        const float s = wrapAround(p.x, p.z, d.noseX, d.noseCorner, wn, true);
        if (frontDetail(d, s, p.y, wn - d.noseCorner + d.noseCorner * kPi / 2 * 0.5f, m)) return m;
    }
    if (tailDist < d.tailCorner + 0.25f && part != CarPart::Roof) {
        const float s = wrapAround(p.x, p.z, d.tailX, d.tailCorner, w0, false);
        if (rearDetail(d, s, p.y, p.z, w0 - d.tailCorner + d.tailCorner * kPi / 2 * 0.5f, m)) return m;
    }

    // Low surfaces get less of the studio's ambient light.
    m.occlusion = 0.55f + 0.45f * smoothstep(bottomY, bottomY + 0.55f, p.y);

    if (part == CarPart::TailCap && d.cabinAt(d.tailX) > 0 && p.y > d.beltRear + 0.035f) {
        // The tailgate's glass, inset from the cap's outline.
        const float v = clamp01((p.y - d.tailGlassY0) / std::max(0.01f, d.tailGlassY1 - d.tailGlassY0));
        const float halfGlass = lerp(d.tailGlassHalf0, d.tailGlassHalf1, v) - 0.07f;
        if (std::fabs(p.z) < halfGlass && p.y < d.tailRoofY - 0.07f) return glass();
        if (p.y > d.tailRoofY - 0.05f && std::fabs(p.z) < 0.2f && p.y < d.tailRoofY - 0.035f) {
            m = glass(); // high-mounted stop lamp
            m.albedo = {0.2f, 0.004f, 0.004f};
            m.emission = {0.5f, 0.01f, 0.01f};
            return m;
        }
        return d.blackRoof ? glossBlack() : m;
    }
    if (part == CarPart::NoseCap || part == CarPart::TailCap) return m;

    const bool bed = p.x < d.bedX;
    if (part == CarPart::Lower) {
        for (float axle : {d.frontAxle, d.rearAxle}) {
            const float da2 = sq(p.x - axle) + sq(p.y - d.wheelRadius);
            if (da2 > sq(d.archRadius + 0.15f)) continue;
            const float da = std::sqrt(da2);
            if (da < d.archRadius + (d.cladding ? 0.065f : 0.012f)) {
                Material c = d.cladding ? blackPlastic() : m;
                c.occlusion = 0.5f;
                return c;
            }
            m.occlusion *= 0.7f + 0.3f * smoothstep(d.archRadius, d.archRadius + 0.15f, da);
        }
        if (d.cladding && p.y < bottomY + 0.16f) return blackPlastic();
        const float belt = p.x > d.deckX && p.x < d.cowlX ? d.beltAt(p.x) : d.top.at(p.x);
        if (p.y > bottomY + 0.07f && p.y < belt - 0.015f) {
            for (float cut : d.doorCuts)
                if (std::fabs(p.x - cut) < 0.0045f) return gap();
            // Each door's handle sits near its rear edge (the next cut back), as on most cars.
            for (std::size_t i = 0; i + 1 < d.doorCuts.size(); ++i) {
                const float rear = d.doorCuts[i + 1];
                if (p.x > rear + 0.08f && p.x < rear + 0.24f && std::fabs(p.y - d.handleY) < 0.02f) {
                    Material h = d.chromeTrim ? chrome() : m;
                    if (std::fabs(p.y - d.handleY) > 0.015f) h = gap();
                    return h;
                }
            }
        }
        if (bed && p.y > belt - 0.03f) return blackPlastic(); // bed rail cap
        return m;
    }

    const float cabin = d.cabinAt(p.x);
    if (part == CarPart::Greenhouse) {
        if (cabin <= 0) return bed ? blackPlastic() : m;
        if (band < 0.1f) return d.chromeTrim ? chrome() : glossBlack(); // waist seal
        if (p.x < d.dloFrontX && p.x > d.dloRearX) {
            for (float px : d.pillars)
                if (std::fabs(p.x - px) < 0.045f) return glossBlack();
            if (band > 0.9f) return glossBlack(); // door frame seal
            return glass();
        }
        return d.blackRoof ? glossBlack() : m;
    }

    // Roof band: bonnet, windscreen, roof, rear window, boot lid, or a pickup's covered bed.
    if (bed) {
        Material t = blackPlastic(0.8f);
        if (std::fmod(p.x - d.tailX, 0.12f) < 0.01f) t = blackPlastic(2.0f); // tonneau ribs
        return t;
    }
    if (p.x > d.cowlX) {
        if (p.x < d.cowlX + 0.06f) return blackPlastic(); // scuttle panel under the wipers
        if (std::fabs(p.x - (d.noseX - 0.1f)) < 0.004f) return gap();
        return m;
    }
    const bool windscreen = p.x > d.roofFrontX - 0.02f;
    const bool rearWindow = p.x < d.roofRearX + 0.02f && p.x >= d.deckX;
    if (windscreen || rearWindow) {
        if (band > 0.36f) {
            const bool frit = windscreen ? p.x < d.roofFrontX + 0.05f : p.x > d.roofRearX - 0.04f;
            return frit ? glossBlack() : glass();
        }
        return d.blackRoof ? glossBlack() : m;
    }
    if (p.x >= d.roofRearX && p.x <= d.roofFrontX) {
        if (d.sunroof && p.x > d.roofFrontX - 0.78f && p.x < d.roofFrontX - 0.14f && band > 0.5f) {
            const bool frame = p.x < d.roofFrontX - 0.76f || p.x > d.roofFrontX - 0.16f || band < 0.53f;
            return frame ? glossBlack() : glass();
        }
        return d.blackRoof ? glossBlack() : m;
    }
    // Boot lid with its shut line just behind the rear window.
    if (cabin <= 0 && std::fabs(p.x - (d.deckX - 0.04f)) < 0.004f) return gap();
    return m;
}

ToneCurve::ToneCurve()
{
    for (int i = 0; i < kSize; ++i) {
        float v = static_cast<float>(i) / (kSize - 1) * kMax;
        if (v > 0.8f) v = 0.8f + 0.2f * (1 - std::exp(-(v - 0.8f) / 0.2f));
        const float s = v <= 0.0031308f ? 12.92f * v : 1.055f * std::pow(v, 1 / 2.4f) - 0.055f;
        m_table[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(std::lround(std::clamp(s, 0.0f, 1.0f) * 255));
    }
}

} // namespace dongelek::server::demo
