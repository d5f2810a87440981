// The viewer's motion is kept here so it survives a frame that draws nothing (idle) and so the
// test hook can report it; the screen only measures gestures.

#include "client/features/view360/view360_module.hpp"

#include "client/app_controller.hpp"
#include "core/routes/view360_route.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace dongelek {

namespace {
constexpr double kFriction = 3.0;      // per second: a fling loses 95% of its speed in a second
constexpr double kStopBelow = 4.0;     // degrees per second
constexpr double kMaxFling = 720.0;    // degrees per second
} // namespace

std::string View360Module::viewUrl(std::int64_t listingId)
{
    return "/api/v1/listings/" + std::to_string(listingId) + "/view360";
}

int View360Module::frames() const
{
    return m_state.view.has() && m_state.view.value().spin ? m_state.view.value().spin->frames : 0;
}

bool View360Module::animating() const
{
    return m_state.spin.autoplaying || m_state.spin.velocity != 0 || m_state.spin.snapping;
}

bool View360Module::claims(const AppUrl& url) const { return View360Route::parse(url).has_value(); }

std::string View360Module::url() const { return View360Route{m_state.listingId, m_state.inside}.url(); }

std::string View360Module::title(const Strings& s) const
{
    return s.get(m_state.inside ? "view360.title_inside" : "view360.title");
}

void View360Module::enter(const AppUrl& url, Entry)
{
    const std::optional<View360Route> route = View360Route::parse(url);
    if (!route) return;
    const bool other = route->listingId != m_state.listingId;
    m_state.listingId = route->listingId;
    m_state.inside = route->inside;
    if (other) {
        m_state.view.reset();
        m_state.spin = SpinMotion{};
        m_state.camera = view360::PanoramaCamera{};
        m_state.selectedHotspot = 0;
    }
    if (m_state.view.needsLoad() || other) load();
}

void View360Module::load()
{
    const auto gen = m_state.view.begin();
    const std::int64_t id = m_state.listingId;
    app().api().get<View360>(viewUrl(id), [this, gen, id](ApiResult<View360> r) {
        if (m_state.listingId != id) return;
        m_state.view.settle(gen, std::move(r));
        if (app().isCurrent(*this)) app().titleChanged();
    });
}

void View360Module::startAutoplay(double nowMs)
{
    SpinMotion& s = m_state.spin;
    if (s.autoplayed || s.autoplaying || frames() == 0) return;
    s.autoplaying = true;
    s.autoplayStartMs = nowMs;
    s.autoplayStartAngle = s.angle;
    m_state.lastUpdateMs = nowMs;
}

void View360Module::touched()
{
    SpinMotion& s = m_state.spin;
    s.autoplaying = false;
    s.autoplayed = true;
    s.velocity = 0;
    s.snapping = false;
}

void View360Module::snapToFrame()
{
    if (frames() == 0) return;
    m_state.spin.snapping = true;
}

void View360Module::turnBy(double degrees) { m_state.spin.angle = view360::wrapDegrees(m_state.spin.angle + degrees); }

void View360Module::fling(double degreesPerSecond)
{
    m_state.spin.velocity = std::clamp(degreesPerSecond, -kMaxFling, kMaxFling);
    if (std::fabs(m_state.spin.velocity) < kStopBelow) {
        m_state.spin.velocity = 0;
        snapToFrame();
    }
}

void View360Module::stepFrames(int n)
{
    const int f = frames();
    if (f == 0) return;
    touched();
    const int nearest = static_cast<int>(std::lround(m_state.spin.angle / 360.0 * f)) % f;
    m_state.spin.angle = view360::frameAngle(((nearest + n) % f + f) % f, f);
}

void View360Module::zoomAbout(double factor, double fx, double fy)
{
    SpinMotion& s = m_state.spin;
    const double z = std::clamp(s.zoom * factor, 1.0, kMaxZoom);
    const double k = z / s.zoom;
    // The point under (fx, fy) stays there: pan' = f - (f - pan) * k.
    s.panX = fx - (fx - s.panX) * k;
    s.panY = fy - (fy - s.panY) * k;
    s.zoom = z;
    clampPan();
}

void View360Module::panBy(double dx, double dy)
{
    m_state.spin.panX += dx;
    m_state.spin.panY += dy;
    clampPan();
}

void View360Module::clampPan()
{
    SpinMotion& s = m_state.spin;
    const double limit = (s.zoom - 1) / 2; // the zoomed frame always covers the view
    s.panX = std::clamp(s.panX, -limit, limit);
    s.panY = std::clamp(s.panY, -limit, limit);
}

void View360Module::resetZoom()
{
    m_state.spin.zoom = 1;
    m_state.spin.panX = m_state.spin.panY = 0;
}

void View360Module::lookBy(double dYaw, double dPitch)
{
    view360::PanoramaCamera& c = m_state.camera;
    c.yaw += dYaw;
    c.pitch += dPitch;
    c = view360::clampCamera(c);
}

void View360Module::zoomFov(double factor)
{
    m_state.camera.fovY *= factor;
    m_state.camera = view360::clampCamera(m_state.camera);
}

void View360Module::selectHotspot(std::int64_t id)
{
    m_state.selectedHotspot = id;
    if (id == 0 || !m_state.view.has()) return;
    for (const Hotspot& h : m_state.view.value().hotspots) {
        if (h.id != id) continue;
        touched();
        if (h.view == HotspotView::Spin) {
            m_state.spin.angle = view360::frameAngle(h.frame, std::max(1, frames()));
        } else {
            m_state.camera.yaw = h.yaw;
            m_state.camera.pitch = h.pitch;
            m_state.camera = view360::clampCamera(m_state.camera);
        }
    }
}

void View360Module::update(double nowMs)
{
    SpinMotion& s = m_state.spin;
    const double dt = std::clamp((nowMs - m_state.lastUpdateMs) / 1000.0, 0.0, 0.1);
    m_state.lastUpdateMs = nowMs;
    if (s.autoplaying) {
        const double t = (nowMs - s.autoplayStartMs) / kAutoplayMs;
        if (t >= 1) {
            s.autoplaying = false;
            s.autoplayed = true;
            s.angle = s.autoplayStartAngle;
        } else {
            // Eased in and out, so the turn starts and ends gently.
            const double eased = t * t * (3 - 2 * t);
            s.angle = view360::wrapDegrees(s.autoplayStartAngle + 360.0 * eased);
        }
    } else if (s.velocity != 0) {
        s.angle = view360::wrapDegrees(s.angle + s.velocity * dt);
        s.velocity *= std::exp(-kFriction * dt);
        if (std::fabs(s.velocity) < kStopBelow) {
            s.velocity = 0;
            snapToFrame();
        }
    } else if (s.snapping) {
        const int f = std::max(1, frames());
        const double target = view360::frameAngle(static_cast<int>(std::lround(s.angle / 360.0 * f)) % f, f);
        double d = view360::wrapDegrees(target - s.angle);
        if (d > 180) d -= 360;
        if (std::fabs(d) < 0.05) {
            s.angle = target;
            s.snapping = false;
        } else {
            s.angle = view360::wrapDegrees(s.angle + d * std::min(1.0, dt * 14)); // about 0.2 s
        }
    }
}

std::optional<double> View360Module::nextUpdateAt() const
{
    if (animating()) return m_state.lastUpdateMs + 16; // the next display frame
    return std::nullopt;
}

void View360Module::describe(nlohmann::json& state, bool current) const
{
    if (!current) return;
    const View360State& v = m_state;
    const auto blend = view360::blendAt(v.spin.angle, std::max(1, frames()));
    nlohmann::json j = {{"listing", v.listingId},
                        {"inside", v.inside},
                        {"status", toString(v.view.status())},
                        {"angle", std::round(v.spin.angle * 100) / 100},
                        {"frame", blend.from},
                        {"zoom", std::round(v.spin.zoom * 100) / 100},
                        {"autoplaying", v.spin.autoplaying},
                        {"spinning", v.spin.velocity != 0 || v.spin.snapping},
                        {"yaw", std::round(v.camera.yaw * 10) / 10},
                        {"pitch", std::round(v.camera.pitch * 10) / 10},
                        {"fov", std::round(v.camera.fovY * 10) / 10},
                        {"selected", v.selectedHotspot}};
    if (v.view.has()) {
        j["frames"] = frames();
        j["hotspots"] = v.view.value().hotspots.size();
        j["editable"] = v.view.value().editable;
    }
    state["view360"] = j;
}

} // namespace dongelek
