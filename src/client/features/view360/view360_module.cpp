// The viewer's motion is kept here so it survives a frame that draws nothing (idle) and so the
// test hook can report it; the screen only measures gestures.

#include "client/features/view360/view360_module.hpp"

#include "client/app_controller.hpp"
#include "client/session.hpp"
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

std::string View360Module::hotspotsUrl(std::int64_t listingId)
{
    return "/api/v1/listings/" + std::to_string(listingId) + "/hotspots";
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

View360Module::View360Module(AppController& app)
    : Module(app), m_upload(app, [this](const HttpReply& reply) {
          // The upload's answer is the listing's new view: shown at once, from its first frame.
          ApiResult<View360> fresh = ApiClient::interpret<View360>(reply);
          if (!fresh.ok) return;
          const auto gen = m_state.view.begin();
          m_state.view.settle(gen, std::move(fresh));
          m_state.spin = SpinMotion{};
          m_state.selectedHotspot = 0;
      })
{
}

void View360Module::startSpinUpload()
{
    if (!m_state.view.has() || !m_state.view.value().editable) return;
    cancelPlacing();
    cancelMoving();
    m_upload.start(SpinUploader::listingSpinUrl(m_state.listingId));
}

void View360Module::enter(const AppUrl& url, Entry)
{
    const std::optional<View360Route> route = View360Route::parse(url);
    if (!route) return;
    const bool other = route->listingId != m_state.listingId;
    if (!route->inside || other) m_state.motion = View360State::MotionLook{}; // outside, the phone's turns mean nothing
    if (other) switchTo(route->listingId);
    m_state.inside = route->inside;
    if (m_state.view.needsLoad() || other || m_state.sessionGeneration != app().session().generation()) load();
}

void View360Module::switchTo(std::int64_t listingId)
{
    m_state.listingId = listingId;
    m_state.view.reset();
    m_state.spin = SpinMotion{};
    m_state.camera = view360::PanoramaCamera{};
    m_state.selectedHotspot = 0;
    m_state.edit.reset();
    cancelPlacing();
    cancelMoving();
    m_upload.reset();
}

void View360Module::prefetch(const AppUrl& url)
{
    // The listing page shows its 360 link: the view (and, through warmTextures, its atlas) loads
    // now, so the click finds a car ready to turn.
    const std::optional<View360Route> route = View360Route::parse(url);
    if (!route) return;
    m_prefetchedAtMs = m_nowMs;
    if (route->listingId == m_state.listingId && !m_state.view.needsLoad()) return;
    if (route->listingId != m_state.listingId) switchTo(route->listingId);
    load();
}

void View360Module::warmTextures(std::vector<std::string>& urls) const
{
    // Only while the link is still on screen (prefetch is asked every frame it is drawn).
    if (m_nowMs - m_prefetchedAtMs > 1000 || !m_state.view.has() || !m_state.view.value().spin) return;
    urls.push_back(m_state.view.value().spin->atlasUrl);
}

void View360Module::load()
{
    const auto gen = m_state.view.begin();
    const std::int64_t id = m_state.listingId;
    m_state.sessionGeneration = app().session().generation();
    auto done = [this, gen, id](ApiResult<View360> r) {
        if (m_state.listingId != id) return;
        m_state.view.settle(gen, std::move(r));
        if (app().isCurrent(*this)) app().titleChanged();
    };
    // Signed in, the answer says whether this user may edit the marks.
    if (app().session().signedIn()) app().session().call<View360>(HttpRequest::get(viewUrl(id)), std::move(done));
    else app().api().get<View360>(viewUrl(id), std::move(done));
}

void View360Module::sendEdit(HttpRequest request)
{
    const auto gen = m_state.edit.begin();
    const std::int64_t id = m_state.listingId;
    app().session().call<View360>(std::move(request), [this, gen, id](ApiResult<View360> r) {
        if (m_state.listingId != id || !m_state.edit.settle(gen, std::move(r))) return;
        if (m_state.edit.status() != Status::Ready) return;
        // The answer is the whole view after the change: it replaces the one shown.
        const auto viewGen = m_state.view.begin();
        ApiResult<View360> fresh;
        fresh.ok = true;
        fresh.value = m_state.edit.value();
        m_state.view.settle(viewGen, std::move(fresh));
    });
}

void View360Module::startPlacing()
{
    if (!m_state.view.has() || !m_state.view.value().editable) return;
    m_state.moving = 0;
    m_state.placing = true;
    m_state.edit.reset();
}

void View360Module::cancelPlacing()
{
    m_state.placing = false;
    m_state.draftLabel.clear();
}

void View360Module::setDraftLabel(std::string label) { m_state.draftLabel = std::move(label); }

void View360Module::startMoving(std::int64_t id)
{
    if (!m_state.view.has() || !m_state.view.value().editable) return;
    cancelPlacing();
    m_state.moving = id;
    m_state.selectedHotspot = id;
    m_state.edit.reset();
}

void View360Module::cancelMoving() { m_state.moving = 0; }

bool View360Module::placeAt(double x, double y, double aspect)
{
    if ((!m_state.placing && !m_state.moving) || !m_state.view.has()) return false;
    // Where the tap is, on the view shown: the panorama direction, or the captured frame's point.
    const auto positionAt = [&](nlohmann::json& body) {
        if (m_state.inside) {
            const auto [yaw, pitch] = view360::panoramaDirectionAt(x, y, m_state.camera, aspect);
            body["view"] = "panorama";
            body["yaw"] = std::round(yaw * 100) / 100;
            body["pitch"] = std::round(pitch * 100) / 100;
        } else {
            const int f = std::max(1, frames());
            const SpinMotion& s = m_state.spin;
            // The frame point under the tap: (v - 0.5 - pan) / zoom + 0.5.
            body["view"] = "spin";
            body["frame"] = static_cast<int>(std::lround(s.angle / 360.0 * f)) % f;
            body["x"] = std::clamp((x - 0.5 - s.panX) / s.zoom + 0.5, 0.0, 1.0);
            body["y"] = std::clamp((y - 0.5 - s.panY) / s.zoom + 0.5, 0.0, 1.0);
        }
    };
    if (m_state.moving) {
        const auto& marks = m_state.view.value().hotspots;
        const auto it = std::find_if(marks.begin(), marks.end(), [&](const Hotspot& h) { return h.id == m_state.moving; });
        const std::int64_t id = m_state.moving;
        m_state.moving = 0;
        if (it == marks.end() || (it->view == HotspotView::Panorama) != m_state.inside) return false;
        nlohmann::json body = *it;
        body.erase("id"); // the address names it
        body.erase("closeup_url"); // the server's to draw
        positionAt(body);
        sendEdit(HttpRequest::json("PUT", hotspotsUrl(m_state.listingId) + "/" + std::to_string(id), body));
        return true;
    }
    std::string label = m_state.draftLabel;
    while (!label.empty() && label.back() == ' ') label.pop_back();
    if (label.empty()) return false;
    nlohmann::json body = {{"label", label}};
    positionAt(body);
    sendEdit(HttpRequest::json("POST", hotspotsUrl(m_state.listingId), body));
    m_state.placing = false;
    m_state.draftLabel.clear();
    return true;
}

void View360Module::removeHotspot(std::int64_t id)
{
    if (!m_state.view.has() || !m_state.view.value().editable) return;
    if (m_state.selectedHotspot == id) m_state.selectedHotspot = 0;
    sendEdit(HttpRequest::empty("DELETE", hotspotsUrl(m_state.listingId) + "/" + std::to_string(id)));
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
    if (m_state.motion.on) m_state.motion.refYaw += dYaw; // the phone's turns add to the drag's
}

void View360Module::setMotionLook(bool on)
{
    m_state.motion.on = on;
    m_state.motion.anchored = false;
    if (on) m_state.motion.refused = false;
}

void View360Module::motionRefused()
{
    m_state.motion.on = false;
    m_state.motion.refused = true;
}

void View360Module::followDevice(const view360::LookDirection& d)
{
    View360State::MotionLook& m = m_state.motion;
    if (!m.on) return;
    if (!m.anchored) {
        m.anchored = true;
        m.refHeading = d.heading;
        m.refYaw = m_state.camera.yaw;
    }
    m_state.camera.yaw = view360::wrapDegrees(m.refYaw + (d.heading - m.refHeading));
    m_state.camera.pitch = d.pitch;
    m_state.camera = view360::clampCamera(m_state.camera);
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
    // Signed in or out since the view came (the start-up refresh answers after the first
    // request): whether the marks are editable depends on who asks.
    if (m_state.listingId && app().isCurrent(*this) && !m_state.view.loading() &&
        m_state.sessionGeneration != app().session().generation())
        load();
    m_nowMs = nowMs;
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
                        {"selected", v.selectedHotspot},
                        {"placing", v.placing},
                        {"moving", v.moving},
                        {"edit", toString(v.edit.status())},
                        {"motion", v.motion.on},
                        {"gpuMb", std::round(static_cast<double>(v.gpuBytes) / (1 << 20) * 10) / 10}};
    m_upload.describe(j["upload"]);
    if (v.view.has()) {
        j["frames"] = frames();
        j["hotspots"] = v.view.value().hotspots.size();
        j["editable"] = v.view.value().editable;
    }
    state["view360"] = j;
}

} // namespace dongelek
