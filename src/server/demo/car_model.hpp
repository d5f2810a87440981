// A procedural 3D car for the demo listings' 360° spins: a lofted body with glass, wheels,
// mirrors and rails as a triangle mesh, plus the materials at each surface point (lights, grille,
// door gaps, rims) that the spin renderer evaluates per sample instead of using textures.
#pragma once

#include <array>
#include <cstdint>

#include "core/model.hpp"
#include "server/demo/canvas.hpp"
#include "server/features/listings/listing_repository.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace dongelek::server::demo {

struct Vec3 {
    float x = 0, y = 0, z = 0;
};
// Scalar helpers the three demo painters share.
inline constexpr float kPi = 3.14159265358979f;
inline float clamp01(float v) { return v < 0 ? 0 : (v > 1 ? 1 : v); }
inline float lerp(float a, float b, float t) { return a + (b - a) * t; }
inline float smoothstep(float e0, float e1, float v)
{
    const float t = clamp01((v - e0) / (e1 - e0));
    return t * t * (3 - 2 * t);
}

inline Vec3 operator+(Vec3 a, Vec3 b)
{
    return {a.x + b.x, a.y + b.y, a.z + b.z};
}
inline Vec3 operator-(Vec3 a, Vec3 b)
{
    return {a.x - b.x, a.y - b.y, a.z - b.z};
}
inline Vec3 operator*(Vec3 a, float s)
{
    return {a.x * s, a.y * s, a.z * s};
}
inline Vec3 mul(Vec3 a, Vec3 b)
{
    return {a.x * b.x, a.y * b.y, a.z * b.z};
}
inline float dot(Vec3 a, Vec3 b)
{
    return a.x * b.x + a.y * b.y + a.z * b.z;
}
inline Vec3 cross(Vec3 a, Vec3 b)
{
    return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
}
inline Vec3 normalized(Vec3 a)
{
    const float l = std::sqrt(dot(a, a));
    return l > 1e-12f ? a * (1 / l) : Vec3{0, 1, 0};
}
// An sRGB Color (canvas.hpp) in linear light, which the 3D renderers light and blend in.
inline Vec3 linear(Color c)
{
    return {std::pow(c.r, 2.2f), std::pow(c.g, 2.2f), std::pow(c.b, 2.2f)};
}

// A monotone cubic through points sorted by x (Fritsch-Carlson): smooth, and unlike a plain
// spline it never overshoots, so a flat roof stays flat and a bonnet never bulges above its ends.
// Tabulated every few millimetres on construction: the renderer reads it for every sample.
class Curve {
public:
    Curve() = default;
    explicit Curve(const std::vector<Vec2>& points);
    float at(float x) const // constant beyond the ends
    {
        if (m_table.empty()) return 0;
        const float f = (x - m_x0) * m_invStep;
        if (f <= 0) return m_table.front();
        const std::size_t i = static_cast<std::size_t>(f);
        if (i + 1 >= m_table.size()) return m_table.back();
        const float t = f - static_cast<float>(i);
        return m_table[i] + (m_table[i + 1] - m_table[i]) * t;
    }

private:
    float m_x0 = 0, m_invStep = 1;
    std::vector<float> m_table;
};

// What a surface point is made of, in linear light.
struct Material {
    Vec3 albedo;
    float specular = 0;  // strength of the studio key light's highlight
    float shininess = 8; // its tightness (Blinn-Phong exponent)
    float reflect = 0;   // studio reflection at normal incidence; Fresnel raises it at grazing angles
    Vec3 emission;       // lamps that glow (daytime running lights, LED tail lights)
    float occlusion = 1; // ambient light reaching the point: less low down and inside the arches
};

// Which piece of the car a triangle belongs to; the material function looks at it first.
enum class CarPart : std::uint8_t {
    Underbody,
    Lower,      // body side from the sill to the belt line, and the caps' sides
    Greenhouse, // between the belt line and the roof edge: side glass and pillars
    Roof,       // roof edge to the centre line: roof, windscreen, rear window, bonnet, boot lid
    NoseCap,    // the flat front face: grille, headlights, bumper, plate
    TailCap,    // the flat rear face: tail lights, bumper, plate (and the tailgate glass)
    Tyre,
    RimFace,
    Mirror,
    Rail,
    WheelWell, // dark liners inside the arches, so nothing shows through the arch openings
};

struct CarVertex {
    Vec3 pos;
    Vec3 normal;
    float band = 0; // 0..1 across the body band (Greenhouse: belt -> roof edge, Roof: edge -> centre line)
};

struct CarTriangle {
    std::uint32_t a, b, c;
    CarPart part;
    bool twoSided; // wheel wells: seen from either side
    bool archCut;  // may cross a wheel arch opening: the rasterizer tests inWheelArch per sample
    Vec3 normal;   // face normal (winding a -> b -> c counter-clockwise seen from outside)
};

// Proportions and looks of one listing's car. Object space in metres: x from the tail (-length/2)
// to the nose (+length/2), y up from the ground, z to the car's right (its left side is -z).
struct CarDesign {
    Body body = Body::Sedan;
    float length = 4.8f, halfWidth = 0.9f, height = 1.45f;
    float tailX = -2.4f, noseX = 2.4f;
    float noseCorner = 0.3f, tailCorner = 0.3f;                                      // plan-view corner radii
    float wheelRadius = 0.33f, rimRadius = 0.22f, tyreWidth = 0.23f, trackZ = 0.78f; // trackZ: wheel centre |z|
    float frontAxle = 1.4f, rearAxle = -1.4f, archRadius = 0.37f;
    float clearance = 0.15f;
    // Window lines along x: the greenhouse spans deckX..cowlX, the roof roofRearX..roofFrontX.
    float cowlX = 1.2f, roofFrontX = 0.45f, roofRearX = -0.8f, deckX = -1.5f;
    float dloFrontX = 0.4f, dloRearX = -0.75f; // side glass ends (daylight opening)
    float bedX = -100;                         // pickups: the cab's back wall; the bed behind it
    float roofHalfWidth = 0.68f;
    float beltRear = 1.0f;       // belt height at the tail when the greenhouse reaches it
    std::vector<float> doorCuts; // shut lines, front to back
    std::vector<float> pillars;  // x of the black pillars splitting the side glass
    float handleY = 0.9f;
    Curve top, bottom; // centre-line height of the upper surface and the underbody along x

    // Lamps and faces (heights), see carMaterial.
    float headTop = 0.7f, headHeight = 0.11f, tailLampTop = 0.95f, tailLampBottom = 0.8f, tailLampInner = 0.3f;
    float frontPlateY = 0.35f, rearPlateY = 0.6f;

    // Looks (linear light).
    Vec3 paint, rimColor;
    bool lightPaint = false;
    int spokes = 5;
    bool twinSpokes = false;
    bool cladding = false, roofRails = false, blackRoof = false, sunroof = false, chromeTrim = false;
    bool redCalipers = false;

    // Derived from the above by finish(): the belt line's ends and the tailgate glass's outline.
    float beltDeckY = 1, beltCowlY = 1;
    float tailGlassY0 = 0, tailGlassY1 = 0, tailGlassHalf0 = 0, tailGlassHalf1 = 0, tailRoofY = 0;

    float beltAt(float x) const; // glass bottom line inside the greenhouse
    float cabinAt(float x) const // greenhouse height above the belt (0 on the bonnet and boot)
    {
        if (x < deckX - 1e-4f || x > cowlX) return 0;
        const float c = top.at(x) - beltAt(x);
        return c > 0 ? c : 0;
    }
    float halfWidthAt(float x) const;
    void finish(); // after changing the shape
};

struct CarModel {
    CarDesign design;
    std::vector<CarVertex> vertices;
    std::vector<CarTriangle> triangles;
    Vec3 boundsMin, boundsMax;
};

// The listing's car: proportions from its body type, paint from its color (catalog.hpp),
// wheel size, rims, roof height and options from its id. Deterministic.
CarDesign designCar(const PhotoSpec& spec);
CarModel buildCarModel(const CarDesign& design);

// True where the body side is cut away for a wheel (x, y in object space).
bool inWheelArch(const CarDesign& d, float x, float y);

// The material at a point of `part` (object-space position and unit normal, band as in CarVertex).
Material carMaterial(const CarDesign& d, CarPart part, Vec3 pos, Vec3 normal, float band);

// Linear light -> sRGB byte, with a soft shoulder so highlights roll off instead of clipping
// (the spin frames and the panorama alike). A table: construct once.
class ToneCurve {
public:
    ToneCurve();
    std::uint8_t operator()(float v) const
    {
        const int i = static_cast<int>(v * ((kSize - 1) / kMax) + 0.5f);
        return m_table[static_cast<std::size_t>(i < 0 ? 0 : (i > kSize - 1 ? kSize - 1 : i))];
    }

private:
    static constexpr int kSize = 8192;
    static constexpr float kMax = 2.0f;
    std::array<std::uint8_t, kSize> m_table{};
};

} // namespace dongelek::server::demo
