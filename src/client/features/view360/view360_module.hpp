// The 360-degree viewer on the client (/listing/<id>?view=360 and ?view=inside,
// core/routes/view360_route.hpp): the view as fetched, and the motion of the spin (angle,
// inertia after a fling, the one turn of autoplay when the car first appears, zoom and pan)
// and of the panorama's camera. The screen (ui/features/view360) turns gestures into these
// actions and draws; frames and tiles are loaded by the screen through the texture cache.
#pragma once

#include "client/features/view360/spin_upload.hpp"
#include "client/module.hpp"
#include "core/view360.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace dongelek {

template <> struct RemoteEmpty<View360> {
    static bool test(const View360& v) { return !v.spin && !v.panorama; }
};

struct SpinMotion {
    double angle = 0;     // degrees; frame i is shown exactly at 360 * i / frames
    double velocity = 0;  // degrees per second, after a fling; decays
    double zoom = 1;      // 1 .. kMaxZoom
    double panX = 0;      // the zoomed frame's offset, in fractions of the view (0 when not zoomed)
    double panY = 0;
    bool snapping = false; // easing to the nearest captured frame after the car came to rest
    bool autoplaying = false;
    bool autoplayed = false; // the one turn happened (or the user touched the car first)
    double autoplayStartMs = 0;
    double autoplayStartAngle = 0;
};

struct View360State {
    std::int64_t listingId = 0;
    bool inside = false; // the panorama, not the spin
    Remote<View360> view;
    SpinMotion spin;
    view360::PanoramaCamera camera;
    std::int64_t selectedHotspot = 0; // 0: none; its label and note are shown
    double lastUpdateMs = 0;
    // The seller's placement mode (view.editable): a label typed, then a tap on the car.
    bool placing = false;
    std::string draftLabel;
    std::int64_t moving = 0; // a mark to be moved: the next tap on the car puts it there
    Remote<View360> edit; // the last add or removal; the view it answers replaces `view`
    std::uint64_t sessionGeneration = 0;
    std::size_t gpuBytes = 0; // the viewer's textures on the GPU, as the screen last counted them
    // Inside, on a phone: the camera follows the phone's turns (relative to where it pointed when
    // this began, so the view does not jump) and its tilt; a drag still turns on top of that.
    struct MotionLook {
        bool on = false;
        bool refused = false; // the browser did not allow the sensors
        bool anchored = false; // the first reading since `on` set the reference
        double refHeading = 0, refYaw = 0;
    } motion;
};

class View360Module final : public Module {
public:
    static constexpr double kMaxZoom = 8;
    static constexpr double kAutoplayMs = 4000; // one turn
    static std::string viewUrl(std::int64_t listingId); // "/api/v1/listings/42/view360"
    static std::string hotspotsUrl(std::int64_t listingId); // ".../42/hotspots"

    explicit View360Module(AppController& app);
    const View360State& state() const { return m_state; }
    int frames() const;
    bool animating() const;

    // [SECTION] Actions (the screen calls them from gestures and keys)
    void startAutoplay(double nowMs); // once per listing, when the small frames are ready
    void touched();                   // any gesture on the car stops autoplay and inertia
    void turnBy(double degrees);
    // The screen's count of the viewer's GPU memory (reported by the test hook).
    void noteGpuBytes(std::size_t bytes) { m_state.gpuBytes = bytes; }
    // The drag ended: keep turning at this speed (it decays), or ease to the nearest captured
    // frame, where the picture is a photograph rather than a blend of two.
    void fling(double degreesPerSecond);
    void stepFrames(int n);           // to the n-th captured frame from the nearest one
    void zoomAbout(double factor, double fx, double fy); // fx, fy: the fixed point, -0.5..0.5 of the view
    void panBy(double dx, double dy);                    // fractions of the view
    void resetZoom();
    void lookBy(double dYaw, double dPitch);
    void zoomFov(double factor);
    void setMotionLook(bool on);
    void motionRefused(); // the sensors were not allowed: off, and the screen says so
    // A reading of where the phone's back points (view360::lookFromDevice).
    void followDevice(const view360::LookDirection& d);
    void selectHotspot(std::int64_t id); // jumps to it (0 closes)
    // Placement (only when the view is editable): start, type the label, tap where it goes.
    void startPlacing();
    void cancelPlacing();
    void setDraftLabel(std::string label);
    // Moving a mark: start (the list's Move), then a tap where it goes (placeAt), or cancel.
    void startMoving(std::int64_t id);
    void cancelMoving();
    // x, y: where the tap landed in the stage, 0..1 from the top left; `aspect` its width/height.
    // On the spin the mark goes on the nearest captured frame (through the zoom); inside, on the
    // panorama direction under the tap. False (nothing sent) without a label. While moving a
    // mark, the tap moves it there instead (its label and note stay).
    bool placeAt(double x, double y, double aspect);
    void removeHotspot(std::int64_t id);
    // The seller's own photos instead of the spin shown (spin_upload.hpp).
    const SpinUploader& upload() const { return m_upload; }
    void startSpinUpload();
    void uploadAnyway() { m_upload.uploadAnyway(); }
    void dismissUpload() { m_upload.reset(); }

    // [SECTION] Module
    const char* id() const override { return "view360"; }
    bool claims(const AppUrl& url) const override;
    void enter(const AppUrl& url, Entry how) override;
    std::string url() const override;
    Status status() const override { return m_state.view.status(); }
    const RequestError& error() const override { return m_state.view.error(); }
    std::string title(const Strings& s) const override;
    void retry() override { load(); }
    void update(double nowMs) override;
    std::optional<double> nextUpdateAt() const override;
    void describe(nlohmann::json& state, bool current) const override;
    void prefetch(const AppUrl& url) override;
    void warmTextures(std::vector<std::string>& urls) const override;

private:
    void switchTo(std::int64_t listingId); // another listing's view: everything of the last one goes
    void load();
    void sendEdit(HttpRequest request);
    void clampPan();
    void snapToFrame();

    View360State m_state;
    SpinUploader m_upload;
    double m_nowMs = 0;
    double m_prefetchedAtMs = -1e18; // when a link to this view was last on screen
};

} // namespace dongelek
