// Spin preparation: finds the car in a seller's raw 360° exterior frames, frames every shot
// alike, resizes to the standard sizes, packs the thumbnail atlas and flags bad shots; and
// checkSpin, the server's check of an uploaded, already prepared spin. Platform-free: the web
// app runs the preparation in the browser before upload, the server runs checkSpin.
//
// [SECTION] Images and boxes
// [SECTION] Options
// [SECTION] Step 1: one frame (analyzeFrame)
// [SECTION] Step 2: the whole spin (planSpin)
// [SECTION] Step 3: the output (renderFrame, makeAtlas)
// [SECTION] All at once (prepareSpin)
// [SECTION] The server's check (checkSpin)
// [SECTION] Shared with listing photos (resampleRegion, meanLuminance, sharpness)
//
// The steps are separate so the browser can run them one frame per animation frame and keep
// only one raw frame decoded at a time (72 decoded 12 MP frames would be 3.4 GB):
//   for each frame: decode, analyzeFrame, drop the pixels   -> FrameAnalysis (a few KB)
//   planSpin(all analyses)                                  -> SpinPlan (flags, framing)
//   makeAtlas(plan); for each frame: decode, renderFrame    -> full, medium, atlas cell
// prepareSpin does all of that for frames already in memory (tests, tools, the server).
//
// Method (why each choice, beside the code in spin_prep*.cpp):
// 1. Detection runs on a copy reduced by whole-block averaging to longest side ~256. The
//    background is fitted to the frame's own border ring: per-channel median first, then a
//    robust smooth fit (colour = a + b·x + c·y + d·y²) to the ring samples near the median,
//    so a studio cyclorama's fall-off or an outdoor sky-to-ground gradient is modelled, and a
//    car touching the border is left out as outliers. A per-pixel median across frames was
//    rejected: the car stays in the middle of every frame (the median there is the car), and
//    when the seller walks around the car the background moves anyway. Foreground = colour
//    distance above max(24, 4 × the ring's median residual), capped at 96 (0..255 units);
//    the mask is opened (3×3) and the largest 8-connected component kept, plus pieces over
//    it (a roof cut off by light glass, a wheel under a light arch). The box is then refined
//    on the full-resolution frame, near each coarse edge (two blocks out to one block in), to
//    the outermost row or column with ≥ 3 foreground pixels, so it is exact to about a pixel.
// 2. Framing: every frame's car is scaled to one common car height (the target comes from
//    the widest car in the spin, so nothing is cut), and its anchor (bottom contact line and
//    horizontal box centre by default) is put at one point of the output. Only the height
//    drives the scale: the width changes as the car turns, and fitting the whole box would
//    make the car breathe. A height that jumps against its neighbours (a person, a shadow)
//    is replaced by the neighbours' median. ScaleMode::Uniform keeps one scale for a
//    tripod and turntable, where sizes do not change and per-frame scaling only adds noise.
//    A cut-off or missing car is reconstructed from its uncut edges and its neighbours' box.
//    The crop has the output aspect (16:10) with a margin of 6 % on each side around the
//    widest car; where it reaches past the frame, the frame's edge pixels are extended.
// 3. Each frame is resampled once from the source (only the crop's part of it) to the full
//    size with stb_image_resize (Mitchell when shrinking, Catmull-Rom when enlarging; a source
//    over 1.5× the output's resolution, such as 12 MP, is block-averaged by a whole factor
//    first, which roughly halves stb's work). The medium size is made from the full one and
//    the atlas cell from the medium one, straight into its place in the atlas: at the standard
//    sizes these are whole ratios (2, 4), done as exact block averages (what stb's box filter
//    computes, 8× faster); other sizes use stb's box filter.
// 4. Quality: blurry = variance of the 4-neighbour Laplacian of the luminance over the car's
//    box (at ~1280 px scale, normalised to a mean luminance of 128 so a darker exposure does
//    not read as blur) below 0.35 × the spin's median or below 5; too dark = mean luminance
//    below 40 or below 0.5 × the spin's median (an exposure jump); out of order = moving the
//    frame elsewhere, or swapping it with its neighbour, shortens the path through the
//    car-centred 48×20 grayscale signatures by more than 0.75 of a median step, with gates
//    for the views either side of head-on and side-on, which look alike (see planSpin).
//    Known limit: two neighbours swapped within ~10° of head-on, tail-on or side-on are not
//    found (nothing in the images tells them apart), and a frame swapped with a look-alike
//    view (a front three-quarter with the rear three-quarter of the same side) may flag a
//    neighbour too.
//
// Cost, measured natively (g++ 12 -O3 on one core of a shared 2-core build VM, quietest of
// several runs; RGBA 1920×1080, 36 frames of a synthetic car with sensor-like noise):
//   analyzeFrame  ~5.5 ms a frame: reduction 2.2, background + mask + components 0.7,
//                 refinement 0.5, sharpness 2.0, signature 0.1           ~0.2 s for the spin
//   planSpin      ~0.7 ms for the spin (flags, order check, framing)
//   renderFrame   ~28 ms a frame: full 1280×800 26, medium 1.9, cell 0.2  ~1.0 s for the spin
// WebAssembly (the same code by em++ -O3 without SIMD, run in Node 20) took 2-2.2× as long
// (analyzeFrame ~11 ms, renderFrame ~63 ms); a phone is slower again. A 12 MP (4000×3000)
// frame: analyzeFrame ~45 ms (reduction 33, sharpness 8), renderFrame ~115 ms natively
// (~190 ms without the block average before stb), ~55 and ~250 ms in WebAssembly.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dongelek::spin {

// [SECTION] Images and boxes

// A decoded image: 8-bit sRGB, rows top to bottom, tightly packed (width × channels bytes a
// row), 3 channels (RGB) or 4 (RGBA; alpha is carried through, not used for detection).
struct Image {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::vector<std::uint8_t> pixels;

    bool valid() const
    {
        return width > 0 && height > 0 && (channels == 3 || channels == 4) &&
               pixels.size() == static_cast<std::size_t>(width) * height * channels;
    }
};

// Allocates a width × height image of `channels` channels, every byte zero.
Image makeImage(int width, int height, int channels);

// A pixel rectangle: columns [left, right) and rows [top, bottom) of a frame.
struct PixelBox {
    int left = 0;
    int top = 0;
    int right = 0;
    int bottom = 0;

    int width() const { return right - left; }
    int height() const { return bottom - top; }
    bool empty() const { return right <= left || bottom <= top; }
    double centreX() const { return 0.5 * (left + right); }
    double centreY() const { return 0.5 * (top + bottom); }
};

struct ImageSize {
    int width = 0;
    int height = 0;
};

// [SECTION] Options

// Where each frame's car is pinned in the output.
enum class Anchor {
    BottomCentre, // the bottom of the box (the wheels' contact line) and its horizontal centre:
                  // the ground stays still even when the roof line changes with the view
    BoxCentre,    // the centre of the box
};

enum class ScaleMode {
    PerFrameHeight, // every frame's car gets the same height (walking around the car: the
                    // distance changes from shot to shot)
    Uniform,        // one scale for every frame, from the median car height (tripod, turntable)
};

struct SpinOptions {
    // Framing and output.
    int aspectWidth = 16;     // output aspect ratio, width : height
    int aspectHeight = 10;
    double margin = 0.06;     // share of the output's width/height left free on each side of
                              // the widest (tallest) car of the spin
    Anchor anchor = Anchor::BottomCentre;
    ScaleMode scale = ScaleMode::PerFrameHeight;
    int fullLongest = 1280;   // longest side of the full-size frames, pixels
    int mediumLongest = 640;  // longest side of the medium frames
    int cellLongest = 160;    // longest side of an atlas cell (160 × 100 at 16:10)
    int atlasColumns = 0;     // 0: ceil(sqrt(frame count)), the squarest atlas
    int outputChannels = 4;   // 3 (RGB) or 4 (RGBA, alpha kept from the source or 255)
    bool closedLoop = true;   // the last frame is followed by the first (a full 360°)

    // Detection.
    int detectLongest = 256;       // longest side of the reduced copy the car is found on
    double minCarFraction = 0.02;  // a mask smaller than this share of the frame: no car
    double maxCarFraction = 0.95;  // larger: the background estimate failed, no car either
    double minThreshold = 24;      // colour distance bounds for the foreground (0..255 RGB,
    double maxThreshold = 96;      // Euclidean)
    double thresholdFactor = 4;    // × the border ring's median residual
    double cutOffMargin = 0.005;   // a box within this share of a side from the frame's
                                   // edge (at least 1 px) touches it: "cut off"

    // Quality flags.
    double blurRelative = 0.35;    // sharpness below this × the spin's median: blurry
    double blurFloor = 5;          // or below this, whatever the spin looks like
    double darkLuminance = 40;     // mean luminance (0..255) below this: too dark
    double darkRelative = 0.5;     // or below this × the spin's median luminance
    double orderMargin = 0.75;     // a reorder must shorten the path by more than this × the
                                   // median step between neighbours
    double orderMinGain = 0.01;    // and by more than this (signature distance units)
    double orderUnlike = 1.5;      // to be moved, a frame must be this × the typical step
                                   // around it away from both its neighbours
};

// [SECTION] Step 1: one frame (analyzeFrame)

inline constexpr int kSignatureWidth = 48;  // the car-centred grayscale signature of a frame,
inline constexpr int kSignatureHeight = 20; // used to compare frames for the order check

struct Sides {
    bool left = false;
    bool top = false;
    bool right = false;
    bool bottom = false;

    bool any() const { return left || top || right || bottom; }
};

// What one frame shows, measured without looking at the other frames.
struct FrameAnalysis {
    ImageSize size;               // the source frame, pixels
    bool carFound = false;        // the cleaned mask covers minCarFraction..maxCarFraction
    PixelBox car;                 // the car's bounding box in source pixels (empty if not found)
    Sides cut;                    // which sides of the box touch the frame's border
    double carFraction = 0;       // share of the frame the cleaned mask covers, 0..1
    std::array<double, 3> background{}; // background colour at the frame's centre, 0..255 RGB
    double threshold = 0;         // foreground colour distance used on the reduced copy
    double meanLuminance = 0;     // whole frame, 0..255 (Rec. 709 weights on the sRGB values)
    double sharpness = 0;         // variance of the Laplacian of the luminance over the car's
                                  // box and 4 % around it (the whole frame if no car),
                                  // luminance units², at a scale of ~1280 px (the source
                                  // reduced by whole blocks), normalised to a mean of 128
    // Luminance around the car (a 3.4 × 1.4 car-heights window on the box centre; the whole
    // frame if no car) relative to its mean (luminance / mean − 1, so exposure does not count),
    // row-major.
    std::array<float, kSignatureWidth * kSignatureHeight> signature{};
};

// Finds the car and measures the frame. An invalid image gives carFound = false and zeros.
FrameAnalysis analyzeFrame(const Image& frame, const SpinOptions& options = {});

// [SECTION] Step 2: the whole spin (planSpin)

// What may be wrong with a frame; the editor shows these and asks for a reshoot.
struct FrameFlags {
    bool carNotFound = false; // no car-sized foreground (empty shot, background like the car)
    bool cutOff = false;      // the car's box touches the frame's border (FrameAnalysis::cut)
    bool blurry = false;
    bool tooDark = false;
    bool outOfOrder = false;  // looks like it belongs elsewhere in the sequence

    bool any() const { return carNotFound || cutOff || blurry || tooDark || outOfOrder; }
};

struct FramePlan {
    FrameFlags flags;
    double relativeSharpness = 0; // sharpness / the spin's median (1 = typical)
    double relativeLuminance = 0; // mean luminance / the spin's median
    double orderGain = 0;         // how much a better place would shorten the path, in median
                                  // steps (> orderMargin flags the frame)
    // The source rectangle that becomes the full-size output: source pixels, may reach past
    // the frame (the frame's edge is extended there), always the output's aspect ratio.
    double cropX = 0;
    double cropY = 0;
    double cropWidth = 0;
    double cropHeight = 0;
    double scale = 0;             // full-size output pixels per source pixel (> 1: enlarged)
};

struct SpinPlan {
    std::vector<FramePlan> frames;    // one per analysis, in capture order
    ImageSize full;                   // e.g. 1280 × 800
    ImageSize medium;                 // e.g. 640 × 400
    ImageSize cell;                   // atlas cell, e.g. 160 × 100
    int atlasColumns = 0;
    int atlasRows = 0;
    ImageSize atlas;                  // atlasColumns × cell.width, atlasRows × cell.height
    int channels = 4;                 // of every output image
    double anchorX = 0;               // where every car's anchor lands in the full-size
    double anchorY = 0;               // output, pixels
    double carHeight = 0;             // the car's height in the full-size output, pixels
                                      // (PerFrameHeight: every frame; Uniform: the median)
    int flaggedFrames = 0;            // frames with any flag
};

// Flags the frames against the spin (relative sharpness and luminance, order) and frames
// them alike. Frames without a car are framed like their neighbours (the whole frame if no
// frame has a car). No analyses: a plan with no frames and an empty atlas.
SpinPlan planSpin(const std::vector<FrameAnalysis>& analyses, const SpinOptions& options = {});

// [SECTION] Step 3: the output (renderFrame, makeAtlas)

// An atlas of the plan's size, zero-filled (transparent black where no cell is drawn).
Image makeAtlas(const SpinPlan& plan);

// Frame `index` of the plan: resamples the crop of `source` to `full`, makes `medium` from it
// and writes the atlas cell (cell i at column i % columns, row i / columns). `full` and
// `medium` are reallocated only if their size differs, so a caller can reuse them. Returns
// false if the source is invalid, the index out of range or the atlas not the plan's.
bool renderFrame(const Image& source, const SpinPlan& plan, int index, Image& full, Image& medium,
                 Image& atlas);

// [SECTION] All at once (prepareSpin)

struct PreparedSpin {
    std::vector<FrameAnalysis> analyses;
    SpinPlan plan;
    std::vector<Image> full;   // in capture order, plan.full in size
    std::vector<Image> medium;
    Image atlas;
};

// analyzeFrame on each frame, planSpin, then renderFrame on each. No frames: an empty result.
PreparedSpin prepareSpin(const std::vector<Image>& frames, const SpinOptions& options = {});

// [SECTION] The server's check (checkSpin)

// What the server knows of an uploaded spin: image sizes (read from the file headers) and the
// atlas grid the client declared.
struct SpinManifest {
    std::vector<ImageSize> frames;       // the full-size frames, in viewing order
    std::vector<ImageSize> mediumFrames; // empty when the medium size is not uploaded
    ImageSize atlas;
    int atlasColumns = 0;
    int atlasRows = 0;
    ImageSize cell;
};

// The limits checkSpin enforces.
struct SpinLimits {
    int minFrames = 24;
    int maxFrames = 72;
    int minFrameLongest = 320;     // pixels, the full-size frames' longest side
    int maxFrameLongest = 2048;
    int maxCellLongest = 256;      // an atlas cell's longest side
    int maxAtlasSide = 4096;       // the atlas's width and height: a texture size practically
                                   // every phone's WebGL2 takes (the standard's minimum is 2048)
    double aspectTolerance = 0.02; // medium frames and cells vs the frames' aspect ratio
};

// Machine codes; the table in spin_prep_check.cpp is the one place they are spelled.
enum class SpinProblemCode {
    TooFewFrames,        // fewer than minFrames
    TooManyFrames,       // more than maxFrames
    FrameEmpty,          // a frame of zero width or height
    FrameSizeMismatch,   // a frame not the size of frame 0
    FrameTooLarge,       // longest side above maxFrameLongest
    FrameTooSmall,       // longest side below minFrameLongest
    MediumCountMismatch, // medium frames sent, but not one per frame
    MediumSizeMismatch,  // a medium frame not the size of medium 0, not smaller than the
                         // full size, or of another aspect ratio
    AtlasGridMismatch,   // columns or rows ≤ 0, fewer cells than frames, or an empty row
    AtlasCellInvalid,    // cell ≤ 0, longest side above maxCellLongest, or another aspect
    AtlasSizeMismatch,   // atlas not columns × cell width by rows × cell height
    AtlasTooLarge,       // atlas width or height above maxAtlasSide
};

struct SpinProblem {
    SpinProblemCode code = SpinProblemCode::TooFewFrames;
    int frame = -1;      // the frame (or medium frame) concerned; -1 for the spin as a whole
    std::string detail;  // English, for logs: "frame 3 is 1280x720, frame 0 is 1280x800"
};

// The wire name of a code: "too_few_frames", "frame_size_mismatch", ...
const char* problemCodeName(SpinProblemCode code);

// Every problem found (frame problems once per frame, not stopping at the first); empty when
// the spin is acceptable.
std::vector<SpinProblem> checkSpin(const SpinManifest& spin, const SpinLimits& limits = {});

// The manifest of a prepared spin, for checking it before upload.
SpinManifest manifestOf(const PreparedSpin& spin);

// [SECTION] Shared with listing photos (resampleRegion, meanLuminance, sharpness)
// photo_prep.hpp prepares a seller's single photos with the spin's resampler and measures, so
// a photo and a spin frame of the same shot come out alike.

// `region` of `source` (cut to the image) resampled to exactly `out`, with the source's
// channels, by the resampler of renderFrame (method, item 3: when shrinking 3× or more, a
// whole-block average first that leaves stb_image_resize 1 .. 1.5×). Where `out` does not have
// the region's aspect ratio exactly (rounded sizes), each axis gets its own scale. An invalid
// source, an empty region or out: an empty Image.
Image resampleRegion(const Image& source, PixelBox region, ImageSize out);

// Mean luminance over `region` (cut to the image), 0..255: Rec. 709 weights on the sRGB values,
// as FrameAnalysis::meanLuminance. An invalid image or an empty region: 0.
double meanLuminance(const Image& image, PixelBox region);

// The spin's blur measure over `region` (cut to the image): variance of the 4-neighbour
// Laplacian of the luminance, on the image reduced by whole blocks of block × block pixels,
// normalised to a mean luminance of 128 (× (128 / the region's mean)², so a darker exposure
// does not read as blur), luminance units². Regions under 3 × 3 blocks, an invalid image or
// block < 1: 0.
double sharpness(const Image& image, PixelBox region, int block = 1);

} // namespace dongelek::spin
