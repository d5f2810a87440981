// Scanline rasterizer: for each pixel row, kSubRows sub-scanlines find the spans inside
// the path (non-zero winding); each span adds its exact horizontal coverage, so edges
// are smooth in both directions without a supersampled frame buffer.
//
// [SECTION] Colors and transforms
// [SECTION] Paint
// [SECTION] Paths
// [SECTION] Canvas

#include "server/demo/canvas.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek::server::demo {

namespace {
constexpr int kSubRows = 5;
constexpr float kPi = 3.14159265358979f;
} // namespace

// [SECTION] Colors and transforms

Color mix(Color a, Color b, float t)
{
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
Color scale(Color c, float k)
{
    if (k <= 1) return {c.r * k, c.g * k, c.b * k};
    return mix(c, {1, 1, 1}, std::min(1.0f, k - 1));
}
Color rgb(int r, int g, int b)
{
    return {r / 255.0f, g / 255.0f, b / 255.0f};
}

Affine Affine::then(const Affine& n) const
{
    return {n.a * a + n.b * d, n.a * b + n.b * e, n.a * c + n.b * f + n.c,
            n.d * a + n.e * d, n.d * b + n.e * e, n.d * c + n.e * f + n.f};
}

// [SECTION] Paint

Paint Paint::solid(Color c, float alpha)
{
    Paint p;
    p.m_kind = Kind::Solid;
    p.m_color = c;
    p.m_alpha = alpha;
    return p;
}

Paint Paint::linear(Vec2 from, Vec2 to, std::vector<GradientStop> stops)
{
    Paint p;
    p.m_kind = Kind::Linear;
    p.m_p0 = from;
    p.m_p1 = to;
    p.m_stops = std::move(stops);
    return p;
}

Paint Paint::radial(Vec2 center, float rx, float ry, std::vector<GradientStop> stops)
{
    Paint p;
    p.m_kind = Kind::Radial;
    p.m_p0 = center;
    p.m_p1 = {rx, ry};
    p.m_stops = std::move(stops);
    return p;
}

Paint Paint::transformed(const Affine& t) const
{
    Paint p = *this;
    if (m_kind == Kind::Linear) {
        p.m_p0 = t.apply(m_p0);
        p.m_p1 = t.apply(m_p1);
    } else if (m_kind == Kind::Radial) {
        p.m_p0 = t.apply(m_p0);
        // Axis vectors of the ellipse in pixels; store the inverse so at() maps a pixel
        // back to unit-circle coordinates.
        const Vec2 u{t.a * m_p1.x, t.d * m_p1.x};
        const Vec2 v{t.b * m_p1.y, t.e * m_p1.y};
        const float det = u.x * v.y - v.x * u.y;
        const float inv = std::fabs(det) > 1e-12f ? 1.0f / det : 0.0f;
        p.m_axisX = {v.y * inv, -v.x * inv};
        p.m_axisY = {-u.y * inv, u.x * inv};
    }
    return p;
}

void Paint::at(float x, float y, Color& out, float& alpha) const
{
    if (m_kind == Kind::Solid) {
        out = m_color;
        alpha = m_alpha;
        return;
    }
    float t;
    if (m_kind == Kind::Linear) {
        const Vec2 d = m_p1 - m_p0;
        const float len2 = d.x * d.x + d.y * d.y;
        t = len2 > 0 ? ((x - m_p0.x) * d.x + (y - m_p0.y) * d.y) / len2 : 0;
    } else {
        const float dx = x - m_p0.x, dy = y - m_p0.y;
        const float s = m_axisX.x * dx + m_axisX.y * dy;
        const float r = m_axisY.x * dx + m_axisY.y * dy;
        t = std::sqrt(s * s + r * r);
    }
    if (m_stops.empty()) {
        out = {};
        alpha = 0;
        return;
    }
    if (t <= m_stops.front().t) {
        out = m_stops.front().color;
        alpha = m_stops.front().alpha;
        return;
    }
    for (std::size_t i = 1; i < m_stops.size(); ++i) {
        if (t <= m_stops[i].t) {
            const GradientStop& a = m_stops[i - 1];
            const GradientStop& b = m_stops[i];
            const float k = b.t > a.t ? (t - a.t) / (b.t - a.t) : 1;
            out = mix(a.color, b.color, k);
            alpha = a.alpha + (b.alpha - a.alpha) * k;
            return;
        }
    }
    out = m_stops.back().color;
    alpha = m_stops.back().alpha;
}

// [SECTION] Paths

Path& Path::moveTo(Vec2 p)
{
    m_contours.emplace_back();
    m_contours.back().push_back(p);
    m_last = p;
    return *this;
}

Path& Path::lineTo(Vec2 p)
{
    if (m_contours.empty()) return moveTo(p);
    m_contours.back().push_back(p);
    m_last = p;
    return *this;
}

Path& Path::quadTo(Vec2 c, Vec2 p)
{
    const Vec2 p0 = m_last;
    constexpr int n = 16;
    for (int i = 1; i <= n; ++i) {
        const float t = static_cast<float>(i) / n, u = 1 - t;
        lineTo(p0 * (u * u) + c * (2 * u * t) + p * (t * t));
    }
    return *this;
}

Path& Path::cubicTo(Vec2 c1, Vec2 c2, Vec2 p)
{
    const Vec2 p0 = m_last;
    constexpr int n = 24;
    for (int i = 1; i <= n; ++i) {
        const float t = static_cast<float>(i) / n, u = 1 - t;
        lineTo(p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p * (t * t * t));
    }
    return *this;
}

Path& Path::close()
{
    return *this;
} // contours are always filled as closed

Path& Path::polygon(const std::vector<Vec2>& pts)
{
    if (pts.empty()) return *this;
    moveTo(pts[0]);
    for (std::size_t i = 1; i < pts.size(); ++i)
        lineTo(pts[i]);
    return *this;
}

Path& Path::ellipse(Vec2 c, float rx, float ry, int segments)
{
    moveTo({c.x + rx, c.y});
    for (int i = 1; i < segments; ++i) {
        const float a = 2 * kPi * static_cast<float>(i) / static_cast<float>(segments);
        lineTo({c.x + rx * std::cos(a), c.y + ry * std::sin(a)});
    }
    return *this;
}

Path& Path::rect(float x0, float y0, float x1, float y1)
{
    return polygon({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}});
}

Path& Path::roundedRect(float x0, float y0, float x1, float y1, float r)
{
    if (x1 < x0) std::swap(x0, x1);
    if (y1 < y0) std::swap(y0, y1);
    r = std::min({r, (x1 - x0) / 2, (y1 - y0) / 2});
    const auto corner = [&](float cx, float cy, float a0) {
        for (int i = 0; i <= 8; ++i) {
            const float a = a0 + kPi / 2 * static_cast<float>(i) / 8;
            lineTo({cx + r * std::cos(a), cy + r * std::sin(a)});
        }
    };
    moveTo({x1 - r, y0});
    corner(x1 - r, y0 + r, -kPi / 2);
    corner(x1 - r, y1 - r, 0);
    corner(x0 + r, y1 - r, kPi / 2);
    corner(x0 + r, y0 + r, kPi);
    return *this;
}

Path& Path::sector(Vec2 c, float r0, float r1, float a0, float a1, int segments)
{
    moveTo({c.x + r1 * std::cos(a0), c.y + r1 * std::sin(a0)});
    for (int i = 1; i <= segments; ++i) {
        const float a = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments);
        lineTo({c.x + r1 * std::cos(a), c.y + r1 * std::sin(a)});
    }
    for (int i = segments; i >= 0; --i) {
        const float a = a0 + (a1 - a0) * static_cast<float>(i) / static_cast<float>(segments);
        lineTo({c.x + r0 * std::cos(a), c.y + r0 * std::sin(a)});
    }
    return *this;
}

Path& Path::smoothClosed(const std::vector<Vec2>& pts, const std::vector<int>& corners)
{
    const int n = static_cast<int>(pts.size());
    if (n < 3) return polygon(pts);
    const auto isCorner = [&](int i) { return std::find(corners.begin(), corners.end(), i) != corners.end(); };
    const auto P = [&](int i) { return pts[static_cast<std::size_t>((i % n + n) % n)]; };
    // Catmull-Rom tangents (tension 0.5), zero at corners, drawn as cubic Beziers.
    std::vector<Vec2> tangent(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        tangent[static_cast<std::size_t>(i)] = isCorner(i) ? Vec2{} : (P(i + 1) - P(i - 1)) * 0.5f;
    moveTo(pts[0]);
    for (int i = 0; i < n; ++i) {
        const Vec2 a = P(i), b = P(i + 1);
        const Vec2 ta = tangent[static_cast<std::size_t>(i)], tb = tangent[static_cast<std::size_t>((i + 1) % n)];
        cubicTo(a + ta * (1.0f / 3), b - tb * (1.0f / 3), b);
    }
    return *this;
}

// [SECTION] Canvas

Canvas::Canvas(int width, int height, Color background)
    : m_width(width), m_height(height), m_pixels(static_cast<std::size_t>(width) * height, background),
      m_coverage(static_cast<std::size_t>(width) + 2, 0.0f)
{
}

void Canvas::fill(const Path& path, const Paint& paintIn)
{
    struct Edge {
        float x0, y0, x1, y1;
        int dir;
    };
    std::vector<Edge> edges;
    float minY = 1e30f, maxY = -1e30f, minX = 1e30f, maxX = -1e30f;
    for (const auto& contour : path.contours()) {
        if (contour.size() < 3) continue;
        for (std::size_t i = 0; i < contour.size(); ++i) {
            const Vec2 a = m_transform.apply(contour[i]);
            const Vec2 b = m_transform.apply(contour[(i + 1) % contour.size()]);
            minX = std::min({minX, a.x, b.x});
            maxX = std::max({maxX, a.x, b.x});
            if (a.y == b.y) continue;
            minY = std::min({minY, a.y, b.y});
            maxY = std::max({maxY, a.y, b.y});
            if (a.y < b.y)
                edges.push_back({a.x, a.y, b.x, b.y, 1});
            else
                edges.push_back({b.x, b.y, a.x, a.y, -1});
        }
    }
    if (edges.empty()) return;
    const int row0 = std::max(0, static_cast<int>(std::floor(minY)));
    const int row1 = std::min(m_height - 1, static_cast<int>(std::ceil(maxY)));
    const int col0 = std::max(0, static_cast<int>(std::floor(minX)));
    const int col1 = std::min(m_width - 1, static_cast<int>(std::ceil(maxX)));
    if (row0 > row1 || col0 > col1) return;

    const Paint paint = paintIn.transformed(m_transform);
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.y0 < b.y0; });
    std::vector<std::pair<float, int>> crossings;
    std::vector<const Edge*> active;
    std::size_t nextEdge = 0;
    float* cov = m_coverage.data();
    const float w = 1.0f / kSubRows;

    for (int row = row0; row <= row1; ++row) {
        std::fill(cov + col0, cov + col1 + 2, 0.0f);
        bool any = false;
        for (int s = 0; s < kSubRows; ++s) {
            const float y = static_cast<float>(row) + (static_cast<float>(s) + 0.5f) * w;
            while (nextEdge < edges.size() && edges[nextEdge].y0 <= y)
                active.push_back(&edges[nextEdge++]);
            active.erase(std::remove_if(active.begin(), active.end(), [&](const Edge* e) { return e->y1 <= y; }),
                         active.end());
            crossings.clear();
            for (const Edge* e : active) {
                if (y < e->y0) continue;
                const float t = (y - e->y0) / (e->y1 - e->y0);
                crossings.push_back({e->x0 + (e->x1 - e->x0) * t, e->dir});
            }
            if (crossings.size() < 2) continue;
            std::sort(crossings.begin(), crossings.end());
            int winding = 0;
            for (std::size_t i = 0; i + 1 < crossings.size(); ++i) {
                winding += crossings[i].second;
                if (winding == 0) continue;
                float xa = std::max(crossings[i].first, static_cast<float>(col0));
                float xb = std::min(crossings[i + 1].first, static_cast<float>(col1 + 1));
                if (xb <= xa) continue;
                any = true;
                const int ia = static_cast<int>(xa), ib = static_cast<int>(xb);
                if (ia == ib) {
                    cov[ia] += (xb - xa) * w;
                } else {
                    cov[ia] += (static_cast<float>(ia + 1) - xa) * w;
                    for (int x = ia + 1; x < ib; ++x)
                        cov[x] += w;
                    if (ib <= col1) cov[ib] += (xb - static_cast<float>(ib)) * w;
                }
            }
        }
        if (!any) continue;
        Color* line = m_pixels.data() + static_cast<std::size_t>(row) * m_width;
        for (int x = col0; x <= col1; ++x) {
            const float c = std::min(1.0f, cov[x]);
            if (c <= 0.001f) continue;
            Color src;
            float alpha;
            paint.at(static_cast<float>(x) + 0.5f, static_cast<float>(row) + 0.5f, src, alpha);
            const float a = c * alpha * m_opacity;
            if (a <= 0) continue;
            Color& d = line[x];
            d.r += (src.r - d.r) * a;
            d.g += (src.g - d.g) * a;
            d.b += (src.b - d.b) * a;
        }
    }
}

std::vector<std::uint8_t> Canvas::finish(std::uint32_t grainSeed, float vignette) const
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(m_width) * m_height * 3);
    std::uint32_t state = grainSeed * 2654435761u + 1;
    const float cx = m_width * 0.5f, cy = m_height * 0.5f;
    const float maxD2 = cx * cx + cy * cy;
    std::size_t o = 0;
    for (int y = 0; y < m_height; ++y) {
        for (int x = 0; x < m_width; ++x) {
            const Color& c = m_pixels[static_cast<std::size_t>(y) * m_width + x];
            const float dx = x - cx, dy = y - cy;
            const float v = 1.0f - vignette * (dx * dx + dy * dy) / maxD2;
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            const float grain = (static_cast<float>(state & 0xFFFF) / 65535.0f - 0.5f) * (3.0f / 255.0f);
            const float ch[3] = {c.r, c.g, c.b};
            for (float value : ch) {
                const float f = std::clamp(value * v + grain, 0.0f, 1.0f);
                out[o++] = static_cast<std::uint8_t>(f * 255.0f + 0.5f);
            }
        }
    }
    return out;
}

} // namespace dongelek::server::demo
