// Turntable frames of the procedural car (car_model.hpp) in a light studio. The car turns, the
// camera, lights and backdrop stay, as on a real turntable; everything is computed in the car's
// object space with the camera orbiting instead, which is the same picture.
//
// Rendering is two passes over a 2x2 supersampled buffer: the rasterizer writes only depth and
// the triangle id of each sample (a visibility buffer, with exact fixed-point edge functions so
// neighbouring triangles never leave cracks), then the visible surface is shaded, so the cost
// of lighting does not depend on overdraw. Shading is per pixel where its samples agree on the
// part, material and normal, per sample elsewhere (edges stay anti-aliased). The backdrop and
// the car's soft ground shadow are smooth and come from a coarse grid.
//
// Cost: ~20k triangles and ~160M instructions for a 640x400 frame (20-30 ms on one core).
//
// [SECTION] Camera and studio
// [SECTION] Rasterizer
// [SECTION] Shading
// [SECTION] Frame

#include "server/demo/spin_renderer.hpp"

#include "server/demo/car_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace dongelek::server::demo {

namespace {

constexpr int kSS = 2;        // supersampling factor per axis
constexpr int kSubpixel = 16; // fixed-point steps per sample for the edge functions


// [SECTION] Camera and studio

struct Camera {
    Vec3 pos, right, up, fwd; // object space
    float focal = 1, cx = 0, cy = 0;
    // A direction from object space into camera axes (x right, y up, z away from the camera).
    Vec3 toCamera(Vec3 v) const { return {dot(v, right), dot(v, up), dot(v, fwd)}; }
    Vec3 fromCamera(Vec3 v) const { return right * v.x + up * v.y + fwd * v.z; }
};

Camera orbitCamera(const CarDesign& d, float azimuth, int w, int h)
{
    const float diag = std::sqrt(d.length * d.length + 4 * d.halfWidth * d.halfWidth);
    const float dist = 3.2f * diag; // a long lens, as product shots use: little perspective wobble
    const float targetY = d.height * 0.45f;
    Camera c;
    c.pos = {dist * std::cos(azimuth), targetY + dist * 0.085f, -dist * std::sin(azimuth)};
    c.fwd = normalized(Vec3{0, targetY, 0} - c.pos);
    c.right = normalized(cross(c.fwd, {0, 1, 0}));
    c.up = cross(c.right, c.fwd);
    // The same framing for every frame of a car: its longest plan-view extent fits the width,
    // its height the height, with some allowance for the floor it stands on seen from a little
    // above (the nearest corner reaches lower in the picture than the roof's far edge rises).
    const float fitW = 0.80f * static_cast<float>(w) * dist / diag;
    const float fitH = 0.56f * static_cast<float>(h) * dist / (d.height + 0.25f + 0.045f * diag);
    c.focal = std::min(fitW, fitH);
    c.cx = static_cast<float>(w) / 2;
    c.cy = static_cast<float>(h) / 2;
    return c;
}

// Where the projected car's vertical middle lands, averaged over a whole turn, so the image can
// be shifted once per car (a lens shift): centred in every frame, without frame-to-frame wobble.
float verticalShift(const CarModel& m, int w, int h)
{
    float sum = 0;
    const int turns = 8;
    for (int i = 0; i < turns; ++i) {
        const Camera c = orbitCamera(m.design, 2 * kPi * static_cast<float>(i) / turns + kPi / 8, w, h);
        float lo = 1e30f, hi = -1e30f;
        for (std::size_t v = 0; v < m.vertices.size(); v += 7) {
            const Vec3 d = m.vertices[v].pos - c.pos;
            const float y = c.cy - c.focal * dot(d, c.up) / dot(d, c.fwd);
            lo = std::min(lo, y);
            hi = std::max(hi, y);
        }
        sum += (lo + hi) / 2 - c.cy;
    }
    return sum / turns;
}

// The studio as seen in reflections, in camera axes: a dark floor below a crisp horizon, light
// walls, a big overhead softbox and two tall strip lights behind the camera. The horizon line and
// the strips are what make paint read as glossy paint.
Vec3 studioEnvironment(Vec3 r)
{
    const float below = 0.16f - 0.08f * smoothstep(0.0f, 0.6f, -r.y);
    // The softbox is a panel, not a band: its edges show in the bonnet, roof and windscreen.
    // High enough that only near-horizontal panels catch it; side glass, leaning in a little,
    // reflects the grey walls instead.
    const float panel = smoothstep(0.74f, 0.82f, r.y) * (1 - smoothstep(0.30f, 0.36f, std::fabs(r.x))) *
                        (1 - smoothstep(0.42f, 0.5f, std::fabs(r.z + 0.1f)));
    const float above = 0.50f + 0.18f * std::max(r.y, 0.0f) + 1.9f * panel;
    float v = below + (above - below) * smoothstep(-0.015f, 0.015f, r.y);
    const float hl = std::sqrt(r.x * r.x + r.z * r.z);
    if (hl > 1e-4f && r.y > -0.05f && r.y < 0.55f) {
        const float hx = r.x / hl, hz = r.z / hl;
        for (float side : {-1.0f, 1.0f}) {
            const float c = hx * side * 0.64f + hz * -0.77f;
            v += 1.9f * smoothstep(0.985f, 0.993f, c) * smoothstep(-0.05f, 0.0f, r.y);
        }
        // Large soft panel on the wall behind the car.
        v += 0.35f * smoothstep(0.5f, 0.9f, hz);
    }
    return {v * 0.98f, v, v * 1.03f};
}

// The floor's darkening by the car: a broad soft shadow from the overhead light, a darker core
// right under the body, and contact shadows where the tyres touch the floor.
float groundShadow(const CarDesign& d, float x, float z)
{
    if (std::fabs(x) > d.length / 2 + 1.2f || std::fabs(z) > d.halfWidth + 1.2f) return 1;
    const float hx = d.length / 2 - 0.08f, hz = d.halfWidth - 0.03f, rc = 0.4f;
    const float qx = std::fabs(x) - (hx - rc), qz = std::fabs(z) - (hz - rc);
    const float ox = std::max(qx, 0.0f), oz = std::max(qz, 0.0f);
    const float sd = std::sqrt(ox * ox + oz * oz) + std::min(std::max(qx, qz), 0.0f) - rc;
    float occ = 0.42f * (1 - smoothstep(-0.7f, 0.9f, sd)) + 0.30f * (1 - smoothstep(-0.35f, 0.05f, sd));
    for (float axle : {d.frontAxle, d.rearAxle})
        for (float side : {-1.0f, 1.0f}) {
            const float ex = (x - axle) / 0.34f, ez = (z - side * d.trackZ) / (d.tyreWidth * 0.75f);
            const float e = ex * ex + ez * ez;
            if (e < 6) occ += 0.5f * std::exp(-2.5f * e); // (far away it is 0; expf's underflow path is slow)
        }
    return 1 - std::min(0.9f, occ);
}

// The backdrop behind and under the car for a ray from the camera (camera axes direction `dc`):
// a light grey cyclorama whose floor melts into the wall, with a pool of light around the car.
Vec3 backdrop(const CarDesign& d, const Camera& cam, Vec3 dc)
{
    const Vec3 dir = cam.fromCamera(dc);
    const float wall = 0.70f - 0.24f * smoothstep(0.0f, 0.45f, dir.y);
    if (dir.y >= -1e-4f) return {wall * 0.985f, wall, wall * 1.02f};
    const float t = -cam.pos.y / dir.y;
    const float gx = cam.pos.x + dir.x * t, gz = cam.pos.z + dir.z * t;
    const float r2 = gx * gx + gz * gz;
    float floor = 0.58f + (r2 < 1500 ? 0.16f * std::exp(-r2 / 22.0f) : 0);
    // Beyond the car the floor curves up into the wall: blend by distance behind the car.
    const float fl = std::sqrt(cam.fwd.x * cam.fwd.x + cam.fwd.z * cam.fwd.z);
    const float behind = (gx * cam.fwd.x + gz * cam.fwd.z) / fl;
    const float toWall = smoothstep(1.5f, 16.0f, behind);
    floor = floor * (1 - toWall) + wall * toWall;
    const float v = floor * groundShadow(d, gx, gz);
    return {v * 0.985f, v, v * 1.02f};
}

// [SECTION] Rasterizer

struct ScreenVertex {
    float x, y, invW;    // supersampled pixels; 1 / view depth
    std::int64_t fx, fy; // fixed point
};

struct Buffers {
    int w = 0, h = 0;
    std::vector<float> depth;     // 1/w of the nearest surface (0: none)
    std::vector<std::int32_t> id; // its triangle (-1: backdrop)
};

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

void rasterize(const CarModel& m, const std::vector<ScreenVertex>& sv, const Camera& cam, Buffers& buf)
{
    const CarDesign& d = m.design;
    const std::int64_t half = kSubpixel / 2;
    for (std::size_t ti = 0; ti < m.triangles.size(); ++ti) {
        const CarTriangle& t = m.triangles[ti];
        if (!t.twoSided && dot(t.normal, cam.pos - m.vertices[t.a].pos) <= 0) continue; // back face
        std::uint32_t ia = t.a, ib = t.b, ic = t.c;
        const ScreenVertex* A = &sv[ia];
        const ScreenVertex* B = &sv[ib];
        const ScreenVertex* C = &sv[ic];
        std::int64_t area = (B->fx - A->fx) * (C->fy - A->fy) - (B->fy - A->fy) * (C->fx - A->fx);
        if (area == 0) continue;
        if (area < 0) {
            std::swap(B, C);
            std::swap(ib, ic);
            area = -area;
        }
        const std::int64_t minFx = std::min({A->fx, B->fx, C->fx}), maxFx = std::max({A->fx, B->fx, C->fx});
        const std::int64_t minFy = std::min({A->fy, B->fy, C->fy}), maxFy = std::max({A->fy, B->fy, C->fy});
        // Samples sit at pixel centres: sample s is at s * kSubpixel + half.
        const int x0 = static_cast<int>(std::max<std::int64_t>(0, floorDiv(minFx - half + kSubpixel - 1, kSubpixel)));
        const int x1 = static_cast<int>(std::min<std::int64_t>(buf.w - 1, floorDiv(maxFx - half, kSubpixel)));
        const int y0 = static_cast<int>(std::max<std::int64_t>(0, floorDiv(minFy - half + kSubpixel - 1, kSubpixel)));
        const int y1 = static_cast<int>(std::min<std::int64_t>(buf.h - 1, floorDiv(maxFy - half, kSubpixel)));
        if (x0 > x1 || y0 > y1) continue;

        // Edge functions E_ab(p) = (b - a) x (p - a); all three >= 0 inside.
        const std::int64_t px = static_cast<std::int64_t>(x0) * kSubpixel + half;
        const std::int64_t py = static_cast<std::int64_t>(y0) * kSubpixel + half;
        const auto edge = [&](const ScreenVertex* a, const ScreenVertex* b) {
            return (b->fx - a->fx) * (py - a->fy) - (b->fy - a->fy) * (px - a->fx);
        };
        std::int64_t rowBC = edge(B, C), rowCA = edge(C, A), rowAB = edge(A, B);
        const std::int64_t dxBC = -(C->fy - B->fy) * kSubpixel, dyBC = (C->fx - B->fx) * kSubpixel;
        const std::int64_t dxCA = -(A->fy - C->fy) * kSubpixel, dyCA = (A->fx - C->fx) * kSubpixel;
        const std::int64_t dxAB = -(B->fy - A->fy) * kSubpixel, dyAB = (B->fx - A->fx) * kSubpixel;
        const float invArea = 1.0f / static_cast<float>(area);
        const float wa = A->invW * invArea, wb = B->invW * invArea, wc = C->invW * invArea;
        const Vec3 pa = m.vertices[ia].pos, pb = m.vertices[ib].pos, pc = m.vertices[ic].pos;

        for (int y = y0; y <= y1; ++y, rowBC += dyBC, rowCA += dyCA, rowAB += dyAB) {
            std::int64_t eBC = rowBC, eCA = rowCA, eAB = rowAB;
            float* depth = &buf.depth[static_cast<std::size_t>(y) * buf.w];
            std::int32_t* ids = &buf.id[static_cast<std::size_t>(y) * buf.w];
            for (int x = x0; x <= x1; ++x, eBC += dxBC, eCA += dxCA, eAB += dxAB) {
                if ((eBC | eCA | eAB) < 0) continue;
                const float ba = static_cast<float>(eBC) * wa, bb = static_cast<float>(eCA) * wb,
                            bc = static_cast<float>(eAB) * wc;
                const float iw = ba + bb + bc;
                if (iw <= depth[x]) continue;
                if (t.archCut) {
                    const float k = 1 / iw;
                    const float ox = (ba * pa.x + bb * pb.x + bc * pc.x) * k;
                    const float oy = (ba * pa.y + bb * pb.y + bc * pc.y) * k;
                    if (inWheelArch(d, ox, oy)) continue;
                }
                depth[x] = iw;
                ids[x] = static_cast<std::int32_t>(ti);
            }
        }
    }
}

// [SECTION] Shading

struct Lights {
    Vec3 key, fill; // towards each light, object space (the third, overhead, is +y)
};

// Blinn-Phong's x^n. Schlick's cheap rational approximation has far too wide a lobe for glossy
// paint and glass (a flat window would light up all at once), so the real power, skipped where
// it is negligible anyway.
float specularPower(float x, float n)
{
    if (x < 0.75f) return 0;
    return std::exp2(n * std::log2(x));
}

// A visible point of the car: where a sample's ray meets its triangle.
struct SurfacePoint {
    Vec3 p, n; // position, unit normal
    float band = 0;
    CarPart part = CarPart::Lower;
    bool inside = false; // a wheel well's far side
};

SurfacePoint surfaceAt(const CarModel& m, const std::vector<ScreenVertex>& sv, const Camera& cam, std::int32_t ti,
                       float sx, float sy)
{
    const CarTriangle& t = m.triangles[static_cast<std::size_t>(ti)];
    const ScreenVertex &A = sv[t.a], &B = sv[t.b], &C = sv[t.c];
    // Screen-space barycentrics, then perspective-correct weights.
    const float ea = (C.x - B.x) * (sy - B.y) - (C.y - B.y) * (sx - B.x);
    const float eb = (A.x - C.x) * (sy - C.y) - (A.y - C.y) * (sx - C.x);
    const float ec = (B.x - A.x) * (sy - A.y) - (B.y - A.y) * (sx - A.x);
    float wa = ea * A.invW, wb = eb * B.invW, wc = ec * C.invW;
    const float sum = wa + wb + wc;
    if (std::fabs(sum) < 1e-20f) {
        wa = wb = wc = 1.0f / 3;
    } else {
        const float k = 1 / sum;
        wa *= k;
        wb *= k;
        wc *= k;
    }
    const CarVertex &va = m.vertices[t.a], &vb = m.vertices[t.b], &vc = m.vertices[t.c];
    SurfacePoint s;
    s.p = va.pos * wa + vb.pos * wb + vc.pos * wc;
    s.n = normalized(va.normal * wa + vb.normal * wb + vc.normal * wc);
    s.band = va.band * wa + vb.band * wb + vc.band * wc;
    s.part = t.part;
    if (t.twoSided && dot(t.normal, cam.pos - s.p) < 0) {
        s.inside = true;
        s.n = t.normal * -1;
    }
    return s;
}

Material materialAt(const CarModel& m, const SurfacePoint& s)
{
    if (s.inside) { // the far side of a wheel well: dark
        Material mat;
        mat.albedo = {0.012f, 0.012f, 0.013f};
        mat.occlusion = 0.35f;
        return mat;
    }
    return carMaterial(m.design, s.part, s.p, s.n, s.band);
}

bool sameLook(const Material& a, const Material& b)
{
    // Occlusion varies smoothly across a surface and is left out: it does not make an edge.
    return a.albedo.x == b.albedo.x && a.albedo.y == b.albedo.y && a.albedo.z == b.albedo.z &&
           a.emission.x == b.emission.x && a.emission.y == b.emission.y && a.specular == b.specular &&
           a.reflect == b.reflect;
}

Vec3 light(const Material& mat, const SurfacePoint& s, const Camera& cam, const Lights& L)
{
    const Vec3 v = normalized(cam.pos - s.p);
    Vec3 n = s.n;
    // Interpolated normals can turn away from the eye at silhouettes: bend them back.
    const float nv0 = dot(n, v);
    if (nv0 < 0.02f) n = normalized(n + v * (0.02f - nv0));
    const float nv = std::max(dot(n, v), 0.0f);
    const float ao = mat.occlusion;
    const float ambient = (0.27f + 0.08f * n.y) * ao;
    const float key = std::max(dot(n, L.key), 0.0f), fill = std::max(dot(n, L.fill), 0.0f), top = std::max(n.y, 0.0f);
    const float diffuse = ambient + 0.62f * key * (0.6f + 0.4f * ao) + 0.20f * fill + 0.10f * top * ao;

    // Clear-coat style reflection: Schlick's Fresnel, damped on rough materials.
    const float f1 = 1 - nv, f2 = f1 * f1;
    const float fresnel = mat.reflect + (1 - mat.reflect) * f2 * f2 * f1 * std::min(1.0f, mat.reflect * 12);
    Vec3 env;
    if (fresnel > 0.003f) {
        const Vec3 r = n * (2 * dot(n, v)) - v;
        env = studioEnvironment(cam.toCamera(r)) * ((0.45f + 0.55f * ao) * fresnel);
    }
    float spec = 0;
    if (mat.specular > 0) {
        const Vec3 h = normalized(L.key + v);
        spec = mat.specular * specularPower(std::max(dot(n, h), 0.0f), mat.shininess) * (0.5f + 0.5f * ao);
    }
    const float kd = diffuse * (1 - fresnel);
    return {mat.albedo.x * kd + env.x + spec + mat.emission.x, mat.albedo.y * kd + env.y + spec + mat.emission.y,
            mat.albedo.z * kd + env.z + spec + mat.emission.z};
}

// One output pixel's samples (row-major 2x2). Where all four see the car, on one part, and the
// two diagonal samples agree on the material and roughly on the normal, the light is computed
// once for the pixel: lighting varies slowly, and any material edge at least a sample wide in x
// or in y touches one of the diagonal samples. Elsewhere (silhouettes, lamp outlines, door gaps,
// spokes) every sample is lit on its own, so edges stay anti-aliased.
Vec3 shadePixel(const CarModel& m, const std::vector<ScreenVertex>& sv, const Camera& cam, const Lights& L,
                const std::int32_t* ids, int x, int y, const Vec3& backdropColor)
{
    static_assert(kSS == 2, "the diagonal test assumes 2x2 samples");
    const auto samplePos = [&](int k, float& sx, float& sy) {
        sx = static_cast<float>(x * kSS + k % kSS) + 0.5f;
        sy = static_cast<float>(y * kSS + k / kSS) + 0.5f;
    };
    bool allCar = true;
    for (int k = 0; k < 4; ++k)
        allCar = allCar && ids[k] >= 0;
    if (allCar) {
        const CarPart part = m.triangles[static_cast<std::size_t>(ids[0])].part;
        bool onePart = true;
        for (int k = 1; k < 4; ++k)
            onePart = onePart && m.triangles[static_cast<std::size_t>(ids[k])].part == part;
        if (onePart) {
            float sx, sy;
            samplePos(0, sx, sy);
            const SurfacePoint a = surfaceAt(m, sv, cam, ids[0], sx, sy);
            samplePos(3, sx, sy);
            const SurfacePoint b = surfaceAt(m, sv, cam, ids[3], sx, sy);
            const Material ma = materialAt(m, a), mb = materialAt(m, b);
            if (a.inside == b.inside && dot(a.n, b.n) > 0.95f && sameLook(ma, mb)) {
                SurfacePoint c = a;
                c.p = (a.p + b.p) * 0.5f;
                c.n = normalized(a.n + b.n);
                Material mat = ma;
                mat.occlusion = (ma.occlusion + mb.occlusion) * 0.5f;
                return light(mat, c, cam, L) * 4.0f;
            }
        }
    }
    Vec3 acc;
    for (int k = 0; k < 4; ++k) {
        if (ids[k] < 0) {
            acc = acc + backdropColor;
            continue;
        }
        float sx, sy;
        samplePos(k, sx, sy);
        const SurfacePoint p = surfaceAt(m, sv, cam, ids[k], sx, sy);
        acc = acc + light(materialAt(m, p), p, cam, L);
    }
    return acc;
}

} // namespace

// [SECTION] Frame

std::vector<std::uint8_t> renderSpinFrame(const PhotoSpec& spec, int index, int count, int width, int height,
                                          const FrameWindow& window)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(std::max(width, 0)) * std::max(height, 0) * 3, 0);
    if (width <= 0 || height <= 0) return out;
    count = std::max(count, 1);
    index = ((index % count) + count) % count;

    const CarModel model = buildCarModel(designCar(spec));
    const CarDesign& d = model.design;
    Buffers buf;
    buf.w = width * kSS;
    buf.h = height * kSS;
    buf.depth.assign(static_cast<std::size_t>(buf.w) * buf.h, 0.0f);
    buf.id.assign(static_cast<std::size_t>(buf.w) * buf.h, -1);

    // Frame 0 looks at the front-left corner (camera at +x, -z); clockwise from above is
    // decreasing azimuth in this frame of reference (x right, -z up on a plan drawing).
    const float azimuth = kPi / 4 - 2 * kPi * static_cast<float>(index) / static_cast<float>(count);
    Camera cam = orbitCamera(d, azimuth, buf.w, buf.h);
    cam.cy -= verticalShift(model, buf.w, buf.h);
    if (window.scale > 1) { // a close-up: the same camera with a longer lens, aimed at the window
        const float k = window.scale;
        cam.focal *= k;
        cam.cx = (cam.cx - window.x0 * static_cast<float>(buf.w)) * k;
        cam.cy = (cam.cy - window.y0 * static_cast<float>(buf.h)) * k;
    }

    Lights L;
    L.key = normalized(cam.fromCamera({-0.45f, 0.80f, -0.40f}));
    L.fill = normalized(cam.fromCamera({0.85f, 0.30f, -0.35f}));

    // Project. Vertices never reach the camera (it orbits far outside the car), so no clipping;
    // coordinates are clamped to a guard band only to keep the fixed-point maths in range.
    std::vector<ScreenVertex> sv(model.vertices.size());
    const float guard = 4.0f * static_cast<float>(std::max(buf.w, buf.h));
    for (std::size_t i = 0; i < sv.size(); ++i) {
        const Vec3 rel = model.vertices[i].pos - cam.pos;
        const float z = std::max(dot(rel, cam.fwd), 0.1f);
        ScreenVertex& s = sv[i];
        s.invW = 1 / z;
        s.x = std::clamp(cam.cx + cam.focal * dot(rel, cam.right) * s.invW, -guard, guard);
        s.y = std::clamp(cam.cy - cam.focal * dot(rel, cam.up) * s.invW, -guard, guard);
        // Sample (i, j) covers [i, i+1) x [j, j+1) and sits at its centre, i * kSubpixel + half.
        s.fx = static_cast<std::int64_t>(std::lround(s.x * kSubpixel));
        s.fy = static_cast<std::int64_t>(std::lround(s.y * kSubpixel));
    }
    rasterize(model, sv, cam, buf);

    // The backdrop (walls, floor, soft shadow) has no detail finer than a few pixels: evaluate it
    // on a grid every kBackdropStep pixels and interpolate.
    constexpr int kBackdropStep = 4;
    const int gw = width / kBackdropStep + 2, gh = height / kBackdropStep + 2;
    std::vector<Vec3> grid(static_cast<std::size_t>(gw) * gh);
    for (int gy = 0; gy < gh; ++gy)
        for (int gx = 0; gx < gw; ++gx) {
            const float px = (static_cast<float>(gx * kBackdropStep) + 0.5f) * kSS;
            const float py = (static_cast<float>(gy * kBackdropStep) + 0.5f) * kSS;
            grid[static_cast<std::size_t>(gy) * gw + gx] =
                backdrop(d, cam, normalized({(px - cam.cx) / cam.focal, -(py - cam.cy) / cam.focal, 1}));
        }
    const auto backdropAt = [&](int x, int y) {
        const int gx = x / kBackdropStep, gy = y / kBackdropStep;
        const float fx = static_cast<float>(x % kBackdropStep) / kBackdropStep;
        const float fy = static_cast<float>(y % kBackdropStep) / kBackdropStep;
        const Vec3* g = &grid[static_cast<std::size_t>(gy) * gw + gx];
        const Vec3 top = g[0] + (g[1] - g[0]) * fx, bottom = g[gw] + (g[gw + 1] - g[gw]) * fx;
        return top + (bottom - top) * fy;
    };

    static const ToneCurve tone;
    const float invSamples = 1.0f / (kSS * kSS);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const std::int32_t* row0 = &buf.id[static_cast<std::size_t>(y * kSS) * buf.w + x * kSS];
            const std::int32_t ids[4] = {row0[0], row0[1], row0[buf.w], row0[buf.w + 1]};
            const bool anyBackdrop = (ids[0] | ids[1] | ids[2] | ids[3]) < 0; // a sign bit set: some -1
            const bool anyCar = (ids[0] & ids[1] & ids[2] & ids[3]) >= 0;     // not every sign bit set
            const Vec3 bd = anyBackdrop ? backdropAt(x, y) : Vec3{};
            const Vec3 acc = anyCar ? shadePixel(model, sv, cam, L, ids, x, y, bd) : bd * (kSS * kSS);
            std::uint8_t* o = &out[(static_cast<std::size_t>(y) * width + x) * 3];
            o[0] = tone(acc.x * invSamples);
            o[1] = tone(acc.y * invSamples);
            o[2] = tone(acc.z * invSamples);
        }
    }
    return out;
}

} // namespace dongelek::server::demo
