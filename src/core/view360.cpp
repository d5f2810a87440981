#include "core/view360.hpp"

#include <algorithm>
#include <cmath>

namespace dongelek {

namespace {
constexpr double kPi = 3.14159265358979323846;
double rad(double d) { return d * kPi / 180.0; }
double deg(double r) { return r * 180.0 / kPi; }

struct Vec3 {
    double x, y, z;
};
Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 operator*(Vec3 a, double s) { return {a.x * s, a.y * s, a.z * s}; }
double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 cross(Vec3 a, Vec3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
Vec3 normalized(Vec3 a)
{
    const double n = std::sqrt(dot(a, a));
    return n > 0 ? a * (1.0 / n) : a;
}
// The direction of panorama point (yaw, pitch); the shader (shaders/panorama.frag) uses the same.
Vec3 direction(double yaw, double pitch)
{
    const double p = rad(pitch), t = rad(yaw);
    return {std::cos(p) * std::sin(t), std::sin(p), std::cos(p) * std::cos(t)};
}
struct Basis {
    Vec3 forward, right, up;
};
Basis basisOf(const view360::PanoramaCamera& c)
{
    const Vec3 f = direction(c.yaw, c.pitch);
    const Vec3 r = normalized(cross({0, 1, 0}, f));
    return {f, r, cross(f, r)};
}
} // namespace

// [SECTION] JSON

std::string_view toString(HotspotView v) { return v == HotspotView::Spin ? "spin" : "panorama"; }

std::optional<HotspotView> parseHotspotView(std::string_view s)
{
    if (s == "spin") return HotspotView::Spin;
    if (s == "panorama") return HotspotView::Panorama;
    return std::nullopt;
}

void to_json(nlohmann::json& j, const Hotspot& v)
{
    j = {{"id", v.id}, {"view", toString(v.view)}, {"label", v.label}, {"note", v.note}};
    if (!v.closeupUrl.empty()) j["closeup_url"] = v.closeupUrl;
    if (v.view == HotspotView::Spin) {
        j["frame"] = v.frame;
        j["x"] = v.x;
        j["y"] = v.y;
    } else {
        j["yaw"] = v.yaw;
        j["pitch"] = v.pitch;
    }
}

void from_json(const nlohmann::json& j, Hotspot& v)
{
    v.id = j.value("id", std::int64_t{0});
    v.view = parseHotspotView(j.value("view", std::string("spin"))).value_or(HotspotView::Spin);
    v.frame = j.value("frame", 0);
    v.x = j.value("x", 0.0);
    v.y = j.value("y", 0.0);
    v.yaw = j.value("yaw", 0.0);
    v.pitch = j.value("pitch", 0.0);
    v.label = j.value("label", std::string());
    v.note = j.value("note", std::string());
    v.closeupUrl = j.value("closeup_url", std::string());
}

void to_json(nlohmann::json& j, const View360& v)
{
    j = {{"listing_id", v.listingId}, {"hotspots", v.hotspots}, {"editable", v.editable}};
    if (v.spin) {
        const SpinInfo& s = *v.spin;
        j["spin"] = {{"frames", s.frames},           {"frame_width", s.frameWidth}, {"frame_height", s.frameHeight},
                     {"atlas_url", s.atlasUrl},      {"atlas_columns", s.atlasColumns},
                     {"cell_width", s.cellWidth},    {"cell_height", s.cellHeight},
                     {"url_pattern", s.urlPattern},  {"sizes", s.sizes}};
    } else {
        j["spin"] = nullptr;
    }
    if (v.panorama) {
        const PanoramaInfo& p = *v.panorama;
        j["panorama"] = {{"width", p.width}, {"height", p.height}, {"tile_urls", p.tileUrls}, {"tile_width", p.tileWidth}};
    } else {
        j["panorama"] = nullptr;
    }
}

void from_json(const nlohmann::json& j, View360& v)
{
    v.listingId = j.at("listing_id").get<std::int64_t>();
    v.hotspots = j.value("hotspots", std::vector<Hotspot>{});
    v.editable = j.value("editable", false);
    v.spin.reset();
    if (j.contains("spin") && j["spin"].is_object()) {
        const auto& s = j["spin"];
        SpinInfo out;
        out.frames = s.at("frames").get<int>();
        out.frameWidth = s.value("frame_width", 0);
        out.frameHeight = s.value("frame_height", 0);
        out.atlasUrl = s.at("atlas_url").get<std::string>();
        out.atlasColumns = s.at("atlas_columns").get<int>();
        out.cellWidth = s.at("cell_width").get<int>();
        out.cellHeight = s.at("cell_height").get<int>();
        out.urlPattern = s.at("url_pattern").get<std::string>();
        out.sizes = s.value("sizes", std::vector<std::string>{});
        v.spin = std::move(out);
    }
    v.panorama.reset();
    if (j.contains("panorama") && j["panorama"].is_object()) {
        const auto& p = j["panorama"];
        PanoramaInfo out;
        out.width = p.at("width").get<int>();
        out.height = p.at("height").get<int>();
        out.tileUrls = p.at("tile_urls").get<std::vector<std::string>>();
        out.tileWidth = p.at("tile_width").get<int>();
        v.panorama = std::move(out);
    }
}

namespace view360 {

// [SECTION] Spin geometry

double wrapDegrees(double a)
{
    double w = std::fmod(a, 360.0);
    if (w < 0) w += 360.0;
    return w >= 360.0 ? 0.0 : w;
}

double frameAngle(int frame, int frames) { return frames > 0 ? 360.0 * frame / frames : 0.0; }

FrameBlend blendAt(double angleDegrees, int frames)
{
    if (frames <= 0) return {};
    const double pos = wrapDegrees(angleDegrees) / 360.0 * frames;
    const double base = std::floor(pos);
    FrameBlend b;
    b.from = static_cast<int>(base) % frames;
    b.to = (b.from + 1) % frames;
    b.t = pos - base;
    const double u = std::clamp((b.t - 0.2) / 0.6, 0.0, 1.0);
    b.weight = u * u * (3 - 2 * u);
    return b;
}

std::vector<int> frameLoadOrder(const FrameBlend& shown, int frames, int direction, int ahead, int behind)
{
    std::vector<int> out;
    if (frames <= 0) return out;
    const int dir = direction < 0 ? -1 : 1;
    const auto add = [&](int f) {
        f = ((f % frames) + frames) % frames;
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(f);
    };
    add(shown.from); // both are drawn now
    add(shown.to);
    const int lead = dir > 0 ? shown.to : shown.from, trail = dir > 0 ? shown.from : shown.to;
    for (int k = 1; k <= ahead; ++k) add(lead + dir * k);
    for (int k = 1; k <= behind; ++k) add(trail - dir * k);
    return out;
}

std::optional<HotspotPlacement> placeOnSpin(const Hotspot& h, double angleDegrees, int frames, double spanFrames)
{
    if (frames <= 0 || h.view != HotspotView::Spin) return std::nullopt;
    // Degrees the car has turned since the hotspot's own frame, in -180..180.
    double delta = wrapDegrees(angleDegrees - frameAngle(h.frame, frames));
    if (delta >= 180) delta -= 360;
    const double span = spanFrames * 360.0 / frames;
    if (std::fabs(delta) > span) return std::nullopt;
    // The marked point on a vertical cylinder around the car's axis (the image's centre line):
    // its radius is at least that of a point a third of the frame from the centre, so a point
    // near the middle still moves as the car turns.
    const double dx = h.x - 0.5;
    const double radius = std::max(std::fabs(dx), 0.3);
    const double azimuth = std::asin(std::clamp(dx / radius, -1.0, 1.0)) - rad(delta);
    if (std::cos(azimuth) <= 0.05) return std::nullopt; // turned away to the far side
    HotspotPlacement p;
    p.x = 0.5 + radius * std::sin(azimuth);
    p.y = h.y;
    const double edge = std::fabs(delta) / span;
    p.opacity = std::clamp((1.0 - edge * edge) * std::min(1.0, std::cos(azimuth) * 2.0), 0.0, 1.0);
    return p;
}

// [SECTION] Panorama geometry

std::vector<std::size_t> framesToEvict(const std::vector<ResidentFrame>& resident, double angleDegrees, int frames,
                                       std::size_t fixedBytes, std::size_t budget)
{
    std::vector<std::size_t> out;
    if (frames <= 0) return out;
    std::size_t total = fixedBytes;
    for (const ResidentFrame& r : resident) total += r.bytes;
    if (total <= budget) return out;
    const double at = wrapDegrees(angleDegrees) / 360.0 * frames; // in frames
    const auto distance = [&](int frame) {
        const double d = std::fmod(std::fabs(frame - at), static_cast<double>(frames));
        return std::min(d, frames - d);
    };
    std::vector<std::size_t> order(resident.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return distance(resident[a].frame) > distance(resident[b].frame);
    });
    for (const std::size_t i : order) {
        if (total <= budget || distance(resident[i].frame) < 1.0) break;
        out.push_back(i);
        total -= resident[i].bytes;
    }
    return out;
}

void FlingTracker::add(double timeMs, double position)
{
    m_samples[m_count % kSamples] = {timeMs, position};
    ++m_count;
}

double FlingTracker::speedAt(double releaseMs) const
{
    constexpr double kWindowMs = 100, kPauseMs = 80, kShortestMs = 16;
    if (m_count < 2) return 0;
    const Sample& last = m_samples[(m_count - 1) % kSamples];
    if (releaseMs - last.t >= kPauseMs) return 0;
    // The oldest kept sample within the window (or the one just before it, so that a window
    // holding a single frame still measures something).
    const int oldest = std::max(0, m_count - kSamples);
    int ref = m_count - 2;
    while (ref > oldest && last.t - m_samples[(ref - 1) % kSamples].t <= kWindowMs) --ref;
    const Sample& first = m_samples[ref % kSamples];
    const double span = std::max(kShortestMs, last.t - first.t);
    return (last.p - first.p) / span * 1000.0;
}

CameraBasis cameraBasis(const PanoramaCamera& c)
{
    const Basis b = basisOf(c);
    return {{b.forward.x, b.forward.y, b.forward.z}, {b.right.x, b.right.y, b.right.z}, {b.up.x, b.up.y, b.up.z}};
}

PanoramaCamera clampCamera(PanoramaCamera c)
{
    c.fovY = std::clamp(c.fovY, kMinFov, kMaxFov);
    const double limit = 90.0 - c.fovY / 2.0;
    c.pitch = std::clamp(c.pitch, -limit, limit);
    c.yaw = wrapDegrees(c.yaw);
    return c;
}

std::optional<HotspotPlacement> placeOnPanorama(double yaw, double pitch, const PanoramaCamera& c, double aspect)
{
    const Basis b = basisOf(c);
    const Vec3 d = direction(yaw, pitch);
    const double z = dot(d, b.forward);
    if (z <= 0.01) return std::nullopt;
    const double tanY = std::tan(rad(c.fovY) / 2.0), tanX = tanY * aspect;
    const double xs = dot(d, b.right) / z, ys = dot(d, b.up) / z;
    HotspotPlacement p;
    p.x = 0.5 + 0.5 * xs / tanX;
    p.y = 0.5 - 0.5 * ys / tanY;
    if (p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1) return std::nullopt;
    p.opacity = 1;
    return p;
}

std::pair<double, double> panoramaDirectionAt(double x, double y, const PanoramaCamera& c, double aspect)
{
    const Basis b = basisOf(c);
    const double tanY = std::tan(rad(c.fovY) / 2.0), tanX = tanY * aspect;
    const Vec3 d = normalized(b.forward + b.right * ((2 * x - 1) * tanX) + b.up * ((1 - 2 * y) * tanY));
    return {wrapDegrees(deg(std::atan2(d.x, d.z))), deg(std::asin(std::clamp(d.y, -1.0, 1.0)))};
}

LookDirection lookFromDevice(double alpha, double beta, double gamma)
{
    const double ca = std::cos(rad(alpha)), sa = std::sin(rad(alpha));
    const double cb = std::cos(rad(beta)), sb = std::sin(rad(beta));
    const double cg = std::cos(rad(gamma)), sg = std::sin(rad(gamma));
    // The device's -z axis (out of its back) in Earth coordinates (x east, y north, z up):
    // minus the third column of Rz(alpha) Rx(beta) Ry(gamma).
    const double x = -ca * sg - sa * sb * cg;
    const double y = -sa * sg + ca * sb * cg;
    const double z = -cb * cg;
    LookDirection d;
    d.pitch = deg(std::asin(std::clamp(z, -1.0, 1.0)));
    // Looking straight up or down the heading is undefined; any value will do.
    d.heading = std::hypot(x, y) > 1e-9 ? wrapDegrees(deg(std::atan2(x, y))) : 0.0;
    return d;
}

} // namespace view360

} // namespace dongelek
