// The 360-degree view of a listing (issue 9): the exterior spin, the interior panorama and
// their hotspots, as the API sends them (GET /api/v1/listings/{id}/view360), with the
// geometry both the viewer and the tests rely on: which two captured frames a spin angle
// blends, where a hotspot is on neighbouring frames, and the panorama's view directions.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dongelek {

enum class HotspotView { Spin, Panorama };

struct Hotspot {
    std::int64_t id = 0;
    HotspotView view = HotspotView::Spin;
    // Spin: anchored on captured frame `frame` at (x, y), fractions of the frame (0..1, from
    // the top left). Panorama: yaw 0..360 degrees (0 at the panorama's left edge), pitch
    // -90..90 (up is positive).
    int frame = 0;
    double x = 0, y = 0;
    double yaw = 0, pitch = 0;
    std::string label; // the seller's words, "Scratch on the rear bumper"
    std::string note;  // optional longer text
    std::string closeupUrl; // a photo of it up close; "" when there is none (the server sets it)
};

struct SpinInfo {
    int frames = 0;        // captured frames, 24..72, evenly spaced around the car
    int frameWidth = 0;    // the full-size frame
    int frameHeight = 0;
    // Every frame small, in one image: cell i at column i % atlasColumns, row i / atlasColumns.
    std::string atlasUrl;
    int atlasColumns = 0;
    int cellWidth = 0;
    int cellHeight = 0;
    // A frame's URL: urlPattern with "{frame}" replaced by its number and "{size}" by one of
    // `sizes` ("m" 640 px wide, "l" full size).
    std::string urlPattern;
    std::vector<std::string> sizes;
};

struct PanoramaInfo {
    int width = 0; // equirectangular: width = 2 * height
    int height = 0;
    // Side by side tiles of tileWidth x height each (so no texture is wider than a phone allows).
    std::vector<std::string> tileUrls;
    int tileWidth = 0;
};

struct View360 {
    std::int64_t listingId = 0;
    std::optional<SpinInfo> spin;
    std::optional<PanoramaInfo> panorama;
    std::vector<Hotspot> hotspots;
    bool editable = false; // the signed-in user may place, move and delete hotspots
};

void to_json(nlohmann::json& j, const Hotspot& v);
void from_json(const nlohmann::json& j, Hotspot& v);
void to_json(nlohmann::json& j, const View360& v);
void from_json(const nlohmann::json& j, View360& v);
std::string_view toString(HotspotView v);
std::optional<HotspotView> parseHotspotView(std::string_view s);

namespace view360 {

// [SECTION] Limits (the server refuses beyond them; the editor keeps within them)
inline constexpr int kMinFrames = 24;
inline constexpr int kMaxFrames = 72;
inline constexpr int kMaxHotspots = 30;
inline constexpr std::size_t kMaxLabelBytes = 120; // UTF-8
inline constexpr std::size_t kMaxNoteBytes = 600;

// [SECTION] Spin geometry

// An angle 0..360 (any real number is wrapped) between captured frames: the frame before it,
// the one after, and how far along (0..1). The shader blends the two by `t`, so turning looks
// continuous rather than stepped.
struct FrameBlend {
    int from = 0;
    int to = 0;
    double t = 0;
    // How much of `to` is shown: the two photographs cross-fade over the middle 60% of the step
    // (smoothly), and each is shown alone near its own angle. A linear fade over the whole step
    // showed two ghosted cars for most of it; this keeps the double picture brief while turning
    // still looks continuous.
    double weight = 0;
};
FrameBlend blendAt(double angleDegrees, int frames);
double wrapDegrees(double a); // into [0, 360)
// The angle at which captured frame `frame` is shown exactly.
double frameAngle(int frame, int frames);

// The full frames to fetch for the angle shown, in order: the two blended now, then `ahead`
// frames further in the direction of the turn (`direction` +1 or -1), then `behind` the other
// way; each frame once.
std::vector<int> frameLoadOrder(const FrameBlend& shown, int frames, int direction, int ahead, int behind);

// Where a spin hotspot appears when the car is turned to `angleDegrees`: it is drawn on its
// own frame and on neighbouring frames while it stays visible (within `spanFrames` frames of
// its own, fading out towards the edge of that span), moving horizontally as the car turns (a
// point on the car's surface at (x, y) turns on a circle around the car's vertical axis at the
// image centre). Nothing when it is on the far side.
struct HotspotPlacement {
    double x = 0, y = 0; // fractions of the frame
    double opacity = 0;  // 0..1
};
std::optional<HotspotPlacement> placeOnSpin(const Hotspot& h, double angleDegrees, int frames, double spanFrames = 3);

// [SECTION] GPU memory

// What one open viewer may keep on the GPU: its atlas, the full frames near the angle shown and,
// inside, the panorama's tiles (decoded RGBA: a 640x400 frame is 1 MB, 1280x800 4 MB, a
// 4096x2048 panorama 32 MB). Closing the viewer frees all of it.
inline constexpr std::size_t kGpuBudgetBytes = std::size_t(64) << 20;

// A full frame's texture on the GPU (either size).
struct ResidentFrame {
    int frame = 0;
    std::size_t bytes = 0;
};
// Which of `resident` to let go (indices into it) so that `fixedBytes` (what the viewer cannot
// do without: the atlas, the panorama on screen) plus the frames fit `budget`: the frames
// farthest from `angleDegrees` (turning either way) first. The two frames on screen (within a
// frame's step of the angle) are never let go, even when that leaves the budget exceeded.
std::vector<std::size_t> framesToEvict(const std::vector<ResidentFrame>& resident, double angleDegrees, int frames,
                                       std::size_t fixedBytes, std::size_t budget = kGpuBudgetBytes);

// [SECTION] Fling

// How fast a drag was moving when the finger or the mouse let go, from the positions it went
// through in its last 100 ms (not from the last frame alone: a late frame followed by a quick
// one would turn one step into a spike). A release after a pause of 80 ms or more does not
// fling. Times in milliseconds, positions in any unit; the speed is that unit per second.
class FlingTracker {
public:
    void reset() { m_count = 0; }
    void add(double timeMs, double position);
    double speedAt(double releaseMs) const;

private:
    struct Sample {
        double t = 0, p = 0;
    };
    static constexpr int kSamples = 16;
    Sample m_samples[kSamples];
    int m_count = 0; // samples added since reset (the last kSamples are kept)
};

// [SECTION] Panorama geometry

// The view of the panorama: where the camera looks and how wide.
struct PanoramaCamera {
    double yaw = 180;   // degrees, 180 = the windscreen (the panorama's centre)
    double pitch = 0;   // degrees, clamped to +-(90 - half the vertical field of view)
    double fovY = 75;   // vertical field of view in degrees, kMinFov..kMaxFov
};
inline constexpr double kMinFov = 30;
inline constexpr double kMaxFov = 100;
// The camera's axes in the panorama's space (x right at yaw 90, y up, z at yaw 0), which the
// panorama shader (shaders/panorama.frag) turns into a view direction per pixel.
struct CameraBasis {
    double forward[3], right[3], up[3];
};
CameraBasis cameraBasis(const PanoramaCamera& c);
// Keeps pitch within the poles (the view never turns over) and fov within its range.
PanoramaCamera clampCamera(PanoramaCamera c);
// Where (yaw, pitch) of the panorama lands on a view of aspect width/height: x, y in 0..1
// from the top left; nothing when it is behind the camera or outside the view.
std::optional<HotspotPlacement> placeOnPanorama(double yaw, double pitch, const PanoramaCamera& c, double aspect);
// The panorama direction under view point (x, y) (0..1 from the top left): the inverse, for
// placing a hotspot where the seller tapped. Returns {yaw, pitch}.
std::pair<double, double> panoramaDirectionAt(double x, double y, const PanoramaCamera& c, double aspect);

// Where the back of a phone points, from its orientation (W3C DeviceOrientationEvent: alpha,
// beta, gamma in degrees, intrinsic Z-X'-Y'' rotations of the device from the Earth's frame):
// the compass heading (0..360, clockwise from alpha's zero, so turning right increases it) and
// the pitch (-90..90, up positive). Upright facing alpha's zero: {0, 0}; flat, screen up:
// pitch -90. The screen's orientation (portrait or landscape) changes neither.
struct LookDirection {
    double heading = 0;
    double pitch = 0;
};
LookDirection lookFromDevice(double alpha, double beta, double gamma);

} // namespace view360

} // namespace dongelek
