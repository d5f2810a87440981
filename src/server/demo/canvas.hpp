// A tiny software rasterizer for the demo photos: filled paths with anti-aliasing
// (sub-scanlines plus exact horizontal coverage), gradients and an affine transform.
#pragma once

#include <cstdint>
#include <vector>

namespace dongelek::server::demo {

struct Vec2 {
    float x = 0, y = 0;
};
inline Vec2 operator+(Vec2 a, Vec2 b)
{
    return {a.x + b.x, a.y + b.y};
}
inline Vec2 operator-(Vec2 a, Vec2 b)
{
    return {a.x - b.x, a.y - b.y};
}
inline Vec2 operator*(Vec2 a, float s)
{
    return {a.x * s, a.y * s};
}

struct Color {
    float r = 0, g = 0, b = 0; // 0..1, sRGB
};
Color mix(Color a, Color b, float t);
Color scale(Color c, float k); // k > 1 lightens towards white, k < 1 darkens
Color rgb(int r, int g, int b);

// x' = a*x + b*y + c, y' = d*x + e*y + f
struct Affine {
    float a = 1, b = 0, c = 0, d = 0, e = 1, f = 0;
    Vec2 apply(Vec2 p) const { return {a * p.x + b * p.y + c, d * p.x + e * p.y + f}; }
    Affine then(const Affine& next) const; // this first, then `next`
    static Affine translate(float x, float y) { return {1, 0, x, 0, 1, y}; }
    static Affine scaling(float sx, float sy) { return {sx, 0, 0, 0, sy, 0}; }
};

struct GradientStop {
    float t;
    Color color;
    float alpha = 1;
};

// What fills a shape: a solid color or a linear / elliptical gradient. Gradient
// geometry is given in the same coordinates as the shapes (the transform applies).
class Paint {
public:
    static Paint solid(Color c, float alpha = 1);
    static Paint linear(Vec2 from, Vec2 to, std::vector<GradientStop> stops);
    // t = 0 at `center`, 1 on the ellipse with radii rx, ry.
    static Paint radial(Vec2 center, float rx, float ry, std::vector<GradientStop> stops);

    // Resolves gradient geometry to pixel space (called by Canvas::fill).
    Paint transformed(const Affine& t) const;
    void at(float x, float y, Color& out, float& alpha) const;

private:
    enum class Kind { Solid, Linear, Radial } m_kind = Kind::Solid;
    Vec2 m_p0, m_p1;       // linear: from/to; radial: center and radii
    Vec2 m_axisX, m_axisY; // radial: ellipse axes in pixel space (after transform)
    std::vector<GradientStop> m_stops;
    Color m_color;
    float m_alpha = 1;
};

// A set of closed polygons built from lines and curves (flattened as they are added).
class Path {
public:
    Path& moveTo(Vec2 p);
    Path& lineTo(Vec2 p);
    Path& quadTo(Vec2 c, Vec2 p);
    Path& cubicTo(Vec2 c1, Vec2 c2, Vec2 p);
    Path& close();
    // Whole shapes as separate contours.
    Path& polygon(const std::vector<Vec2>& pts);
    Path& ellipse(Vec2 center, float rx, float ry, int segments = 96);
    Path& circle(Vec2 center, float r, int segments = 96) { return ellipse(center, r, r, segments); }
    Path& rect(float x0, float y0, float x1, float y1);
    Path& roundedRect(float x0, float y0, float x1, float y1, float radius);
    // A ring sector between radii r0 < r1 from angle a0 to a1 (radians, counter-clockwise).
    Path& sector(Vec2 center, float r0, float r1, float a0, float a1, int segments = 24);
    // A smooth closed curve through `pts` (Catmull-Rom); indexes in `corners` stay sharp.
    Path& smoothClosed(const std::vector<Vec2>& pts, const std::vector<int>& corners = {});

    const std::vector<std::vector<Vec2>>& contours() const { return m_contours; }

private:
    std::vector<std::vector<Vec2>> m_contours;
    Vec2 m_last;
};

class Canvas {
public:
    Canvas(int width, int height, Color background = {});

    int width() const { return m_width; }
    int height() const { return m_height; }

    // Coordinates of every later fill go through this transform into pixels.
    void setTransform(const Affine& t) { m_transform = t; }
    const Affine& transform() const { return m_transform; }
    // Multiplies the alpha of every later fill (reflections, fades).
    void setOpacity(float o) { m_opacity = o; }

    // Non-zero winding fill, anti-aliased.
    void fill(const Path& path, const Paint& paint);

    // Adds film grain and a vignette, then converts to RGB8 rows top to bottom.
    std::vector<std::uint8_t> finish(std::uint32_t grainSeed, float vignette = 0.18f) const;

private:
    int m_width, m_height;
    std::vector<Color> m_pixels;
    Affine m_transform;
    float m_opacity = 1;
    std::vector<float> m_coverage; // one row, reused
};

} // namespace dongelek::server::demo
