// Spin preparation, step 1 (spin_prep.hpp): finds the car in one frame and measures it.
// The car is found on a block-averaged copy; its box and the sharpness come from the source.
//
// [SECTION] Reduced copy
// [SECTION] Background model
// [SECTION] Mask, opening, components
// [SECTION] Refinement on the source
// [SECTION] Sharpness and signature
// [SECTION] Shared with listing photos (meanLuminance, sharpness)
// [SECTION] analyzeFrame
#include "spin_prep.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace dongelek::spin {

Image makeImage(int width, int height, int channels)
{
    Image image;
    image.width = std::max(0, width);
    image.height = std::max(0, height);
    image.channels = channels;
    image.pixels.assign(static_cast<std::size_t>(image.width) * image.height * std::max(0, channels), 0);
    return image;
}

namespace {

constexpr double kLumaR = 0.2126; // Rec. 709, applied to the sRGB values as they are: the flags
constexpr double kLumaG = 0.7152; // compare frames with each other, so linearising buys nothing
constexpr double kLumaB = 0.0722;
constexpr float kLumaRf = 0.2126f;
constexpr float kLumaGf = 0.7152f;
constexpr float kLumaBf = 0.0722f;

// Pixels in a row (or column) of the source that make a box edge: fewer is noise or a lone
// JPEG artefact; a wheel's lowest row still has a dozen.
constexpr int kMinEdgeRun = 3;

template <typename T>
double medianOf(std::vector<T>& values)
{
    if (values.empty())
        return 0;
    const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
    std::nth_element(values.begin(), middle, values.end());
    return static_cast<double>(*middle);
}

// [SECTION] Reduced copy

// Each pixel the average of a factor × factor block of the source (partial blocks at the right
// and bottom edge), so the reduction reads every source pixel once and its block grid maps back
// to source pixels exactly. Area averaging also removes sensor noise before thresholding.
struct Reduced {
    int width = 0;
    int height = 0;
    int factor = 1;
    std::vector<float> rgb;  // width × height × 3
    std::vector<float> luma; // width × height
};

Reduced reduce(const Image& src, int longest)
{
    Reduced r;
    const int maxSide = std::max(src.width, src.height);
    longest = std::max(16, longest);
    r.factor = std::max(1, (maxSide + longest - 1) / longest);
    const int f = r.factor;
    r.width = (src.width + f - 1) / f;
    r.height = (src.height + f - 1) / f;
    r.rgb.assign(static_cast<std::size_t>(r.width) * r.height * 3, 0.0f);
    r.luma.assign(static_cast<std::size_t>(r.width) * r.height, 0.0f);
    // Each block's row summed in registers, then added to its column of sums. Summing whole
    // rows first vectorises natively (4× faster there) but is 2.5× slower in WebAssembly
    // without SIMD, where this runs on phones.
    std::vector<std::uint32_t> sums(static_cast<std::size_t>(r.width) * 3);
    const int ch = src.channels;
    const std::size_t rowBytes = static_cast<std::size_t>(src.width) * ch;
    for (int by = 0; by < r.height; ++by) {
        std::fill(sums.begin(), sums.end(), 0u);
        const int y0 = by * f;
        const int y1 = std::min(y0 + f, src.height);
        for (int y = y0; y < y1; ++y) {
            const std::uint8_t* row = src.pixels.data() + static_cast<std::size_t>(y) * rowBytes;
            for (int bx = 0; bx < r.width; ++bx) {
                const int x0 = bx * f;
                const int x1 = std::min(x0 + f, src.width);
                std::uint32_t s0 = 0, s1 = 0, s2 = 0;
                const std::uint8_t* p = row + static_cast<std::size_t>(x0) * ch;
                for (int x = x0; x < x1; ++x, p += ch) {
                    s0 += p[0];
                    s1 += p[1];
                    s2 += p[2];
                }
                sums[bx * 3] += s0;
                sums[bx * 3 + 1] += s1;
                sums[bx * 3 + 2] += s2;
            }
        }
        for (int bx = 0; bx < r.width; ++bx) {
            const int count = (std::min(bx * f + f, src.width) - bx * f) * (y1 - y0);
            const float inv = 1.0f / static_cast<float>(count);
            const std::size_t i = static_cast<std::size_t>(by) * r.width + bx;
            const float cr = sums[bx * 3] * inv, cg = sums[bx * 3 + 1] * inv, cb = sums[bx * 3 + 2] * inv;
            r.rgb[i * 3] = cr;
            r.rgb[i * 3 + 1] = cg;
            r.rgb[i * 3 + 2] = cb;
            r.luma[i] = static_cast<float>(kLumaR * cr + kLumaG * cg + kLumaB * cb);
        }
    }
    return r;
}

// [SECTION] Background model

// colour_c(u, v) = k[c][0] + k[c][1]·u + k[c][2]·v + k[c][3]·v², with u, v the position across
// the frame (-0.5 .. 0.5, source pixel centres). Linear across, quadratic down: a studio
// cyclorama darkens towards the floor, outdoors the sky meets the ground; the border ring
// covers every row (left and right columns) but only two rows of columns, so more terms across
// would be guesses.
struct Background {
    double k[3][4] = {};
    double spanX = 1; // source pixels the u range covers (u = X / spanX - 0.5)
    double spanY = 1;

    void colourAt(double u, double v, double out[3]) const
    {
        for (int c = 0; c < 3; ++c)
            out[c] = k[c][0] + k[c][1] * u + k[c][2] * v + k[c][3] * v * v;
    }
};

struct RingSample {
    float u, v;
    float c[3];
};

// Least squares of the four terms over the samples whose `keep` is set; false (model unchanged)
// when the system is degenerate.
bool fitBackground(const std::vector<RingSample>& samples, const std::vector<char>& keep, Background& bg)
{
    double a[4][4] = {};
    double rhs[3][4] = {};
    int used = 0;
    for (std::size_t i = 0; i < samples.size(); ++i) {
        if (!keep[i])
            continue;
        const RingSample& s = samples[i];
        const double basis[4] = {1.0, s.u, s.v, static_cast<double>(s.v) * s.v};
        for (int r = 0; r < 4; ++r) {
            for (int q = 0; q < 4; ++q)
                a[r][q] += basis[r] * basis[q];
            for (int c = 0; c < 3; ++c)
                rhs[c][r] += basis[r] * s.c[c];
        }
        ++used;
    }
    if (used < 16)
        return false;
    // Gaussian elimination with partial pivoting, the three channels' right-hand sides at once.
    for (int col = 0; col < 4; ++col) {
        int pivot = col;
        for (int r = col + 1; r < 4; ++r)
            if (std::fabs(a[r][col]) > std::fabs(a[pivot][col]))
                pivot = r;
        if (std::fabs(a[pivot][col]) < 1e-9 * used)
            return false;
        if (pivot != col) {
            for (int q = 0; q < 4; ++q)
                std::swap(a[pivot][q], a[col][q]);
            for (int c = 0; c < 3; ++c)
                std::swap(rhs[c][pivot], rhs[c][col]);
        }
        for (int r = col + 1; r < 4; ++r) {
            const double m = a[r][col] / a[col][col];
            for (int q = col; q < 4; ++q)
                a[r][q] -= m * a[col][q];
            for (int c = 0; c < 3; ++c)
                rhs[c][r] -= m * rhs[c][col];
        }
    }
    for (int c = 0; c < 3; ++c) {
        double x[4];
        for (int r = 3; r >= 0; --r) {
            double s = rhs[c][r];
            for (int q = r + 1; q < 4; ++q)
                s -= a[r][q] * x[q];
            x[r] = s / a[r][r];
        }
        for (int q = 0; q < 4; ++q)
            bg.k[c][q] = x[q];
    }
    return true;
}

double residual(const Background& bg, const RingSample& s)
{
    double m[3];
    bg.colourAt(s.u, s.v, m);
    const double d0 = s.c[0] - m[0], d1 = s.c[1] - m[1], d2 = s.c[2] - m[2];
    return std::sqrt(d0 * d0 + d1 * d1 + d2 * d2);
}

// The background from the border ring of the reduced copy. The ring is the frame's own
// backdrop in every shot, whether the camera is on a tripod or walks around the car; a car
// touching one side covers a minority of it and is rejected as outliers of the fit.
// Returns the threshold for the reduced copy.
double estimateBackground(const Reduced& r, const SpinOptions& options, Background& bg,
                          std::vector<RingSample>& samples)
{
    const int ring = std::max(2, std::min(r.width, r.height) / 40);
    samples.clear();
    for (int y = 0; y < r.height; ++y) {
        const bool rowInRing = y < ring || y >= r.height - ring;
        for (int x = 0; x < r.width; ++x) {
            if (!rowInRing && x == ring && r.width - ring > x) {
                x = r.width - ring - 1; // skip the inside of the row
                continue;
            }
            const std::size_t i = static_cast<std::size_t>(y) * r.width + x;
            RingSample s;
            s.u = static_cast<float>((x + 0.5) * r.factor / bg.spanX - 0.5);
            s.v = static_cast<float>((y + 0.5) * r.factor / bg.spanY - 0.5);
            for (int c = 0; c < 3; ++c)
                s.c[c] = r.rgb[i * 3 + c];
            samples.push_back(s);
        }
    }

    // Start from the per-channel median colour: robust to anything covering under half the ring.
    std::vector<float> channel(samples.size());
    for (int c = 0; c < 3; ++c) {
        for (std::size_t i = 0; i < samples.size(); ++i)
            channel[i] = samples[i].c[c];
        bg.k[c][0] = medianOf(channel);
        bg.k[c][1] = bg.k[c][2] = bg.k[c][3] = 0;
    }

    // Then fit the gradient to the samples near the current model, three rounds, each keeping
    // those within 3× the median residual (at least the minimum threshold).
    std::vector<char> keep(samples.size(), 1);
    std::vector<double> res(samples.size());
    for (int round = 0; round < 3; ++round) {
        for (std::size_t i = 0; i < samples.size(); ++i)
            res[i] = residual(bg, samples[i]);
        std::vector<double> sorted = res;
        const double gate = std::max(options.minThreshold, 3.0 * medianOf(sorted));
        for (std::size_t i = 0; i < samples.size(); ++i)
            keep[i] = res[i] <= gate;
        Background next = bg;
        if (!fitBackground(samples, keep, next))
            break;
        bg = next;
    }

    // The noise: the median residual of the samples the final model keeps.
    for (std::size_t i = 0; i < samples.size(); ++i)
        res[i] = residual(bg, samples[i]);
    std::vector<double> inlier = res;
    const double gate = std::max(options.minThreshold, 3.0 * medianOf(inlier));
    inlier.clear();
    for (double d : res)
        if (d <= gate)
            inlier.push_back(d);
    const double noise = medianOf(inlier);
    return std::clamp(options.thresholdFactor * noise, options.minThreshold, options.maxThreshold);
}

// [SECTION] Mask, opening, components

void maskForeground(const Reduced& r, const Background& bg, double threshold, std::vector<std::uint8_t>& mask)
{
    mask.assign(static_cast<std::size_t>(r.width) * r.height, 0);
    const double t2 = threshold * threshold;
    std::vector<double> across(static_cast<std::size_t>(r.width) * 3);
    for (int x = 0; x < r.width; ++x) {
        const double u = (x + 0.5) * r.factor / bg.spanX - 0.5;
        for (int c = 0; c < 3; ++c)
            across[x * 3 + c] = bg.k[c][1] * u;
    }
    for (int y = 0; y < r.height; ++y) {
        const double v = (y + 0.5) * r.factor / bg.spanY - 0.5;
        double base[3];
        for (int c = 0; c < 3; ++c)
            base[c] = bg.k[c][0] + bg.k[c][2] * v + bg.k[c][3] * v * v;
        const float* p = r.rgb.data() + static_cast<std::size_t>(y) * r.width * 3;
        std::uint8_t* m = mask.data() + static_cast<std::size_t>(y) * r.width;
        for (int x = 0; x < r.width; ++x, p += 3) {
            const double d0 = p[0] - base[0] - across[x * 3];
            const double d1 = p[1] - base[1] - across[x * 3 + 1];
            const double d2 = p[2] - base[2] - across[x * 3 + 2];
            m[x] = d0 * d0 + d1 * d1 + d2 * d2 > t2;
        }
    }
}

// One 3×3 pass, separable: erode (min) or dilate (max), the edge pixel repeated outside so a
// car touching the border keeps its border pixels.
void morph3(std::vector<std::uint8_t>& mask, int w, int h, bool erode, std::vector<std::uint8_t>& tmp)
{
    tmp.resize(mask.size());
    const auto pick = [erode](std::uint8_t a, std::uint8_t b) { return erode ? std::min(a, b) : std::max(a, b); };
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* s = mask.data() + static_cast<std::size_t>(y) * w;
        std::uint8_t* d = tmp.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x)
            d[x] = pick(pick(s[std::max(0, x - 1)], s[x]), s[std::min(w - 1, x + 1)]);
    }
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* a = tmp.data() + static_cast<std::size_t>(std::max(0, y - 1)) * w;
        const std::uint8_t* b = tmp.data() + static_cast<std::size_t>(y) * w;
        const std::uint8_t* c = tmp.data() + static_cast<std::size_t>(std::min(h - 1, y + 1)) * w;
        std::uint8_t* d = mask.data() + static_cast<std::size_t>(y) * w;
        for (int x = 0; x < w; ++x)
            d[x] = pick(pick(a[x], b[x]), c[x]);
    }
}

struct Component {
    int area = 0;
    PixelBox box; // reduced-copy pixels
};

// 8-connected components of the mask, by flood fill with one explicit stack.
std::vector<Component> components(const std::vector<std::uint8_t>& mask, int w, int h)
{
    std::vector<Component> out;
    std::vector<int> label(mask.size(), -1);
    std::vector<int> stack;
    for (int start = 0; start < w * h; ++start) {
        if (!mask[start] || label[start] >= 0)
            continue;
        Component comp;
        comp.box = {start % w, start / w, start % w + 1, start / w + 1};
        const int id = static_cast<int>(out.size());
        label[start] = id;
        stack.push_back(start);
        while (!stack.empty()) {
            const int i = stack.back();
            stack.pop_back();
            const int x = i % w, y = i / w;
            ++comp.area;
            comp.box.left = std::min(comp.box.left, x);
            comp.box.right = std::max(comp.box.right, x + 1);
            comp.box.top = std::min(comp.box.top, y);
            comp.box.bottom = std::max(comp.box.bottom, y + 1);
            for (int dy = -1; dy <= 1; ++dy) {
                const int ny = y + dy;
                if (ny < 0 || ny >= h)
                    continue;
                for (int dx = -1; dx <= 1; ++dx) {
                    const int nx = x + dx;
                    if (nx < 0 || nx >= w)
                        continue;
                    const int j = ny * w + nx;
                    if (mask[j] && label[j] < 0) {
                        label[j] = id;
                        stack.push_back(j);
                    }
                }
            }
        }
        out.push_back(comp);
    }
    return out;
}

// The car: the largest component, plus sizeable pieces centred over it and overlapping it
// vertically (a roof parted from the body by light glass, a wheel under a light arch). A
// person or a bin beside the car is centred outside its box and stays out.
Component carComponent(const std::vector<Component>& comps)
{
    if (comps.empty())
        return {};
    const Component* largest = &comps[0];
    for (const Component& c : comps)
        if (c.area > largest->area)
            largest = &c;
    Component car = *largest;
    const PixelBox core = largest->box;
    const int reach = core.height() / 4;
    for (const Component& c : comps) {
        if (&c == largest || c.area * 50 < largest->area)
            continue;
        const double cx = c.box.centreX();
        const bool over = cx >= core.left && cx <= core.right;
        const bool level = c.box.bottom > core.top - reach && c.box.top < core.bottom + reach;
        if (!over || !level)
            continue;
        car.area += c.area;
        car.box.left = std::min(car.box.left, c.box.left);
        car.box.top = std::min(car.box.top, c.box.top);
        car.box.right = std::max(car.box.right, c.box.right);
        car.box.bottom = std::max(car.box.bottom, c.box.bottom);
    }
    return car;
}

// [SECTION] Refinement on the source

// Counts, over a rectangle of the source, the foreground pixels of each row and each column.
void countForeground(const Image& src, const Background& bg, double threshold, const PixelBox& rect,
                     std::vector<int>& perRow, std::vector<int>& perColumn, std::vector<double>& across)
{
    perRow.assign(static_cast<std::size_t>(std::max(0, rect.height())), 0);
    perColumn.assign(static_cast<std::size_t>(std::max(0, rect.width())), 0);
    if (rect.empty())
        return;
    const double t2 = threshold * threshold;
    across.resize(static_cast<std::size_t>(rect.width()) * 3);
    for (int x = rect.left; x < rect.right; ++x) {
        const double u = (x + 0.5) / bg.spanX - 0.5;
        for (int c = 0; c < 3; ++c)
            across[(x - rect.left) * 3 + c] = bg.k[c][1] * u;
    }
    const int ch = src.channels;
    for (int y = rect.top; y < rect.bottom; ++y) {
        const double v = (y + 0.5) / bg.spanY - 0.5;
        double base[3];
        for (int c = 0; c < 3; ++c)
            base[c] = bg.k[c][0] + bg.k[c][2] * v + bg.k[c][3] * v * v;
        const std::uint8_t* p =
            src.pixels.data() + (static_cast<std::size_t>(y) * src.width + rect.left) * ch;
        int count = 0;
        for (int x = 0; x < rect.width(); ++x, p += ch) {
            const double d0 = p[0] - base[0] - across[x * 3];
            const double d1 = p[1] - base[1] - across[x * 3 + 1];
            const double d2 = p[2] - base[2] - across[x * 3 + 2];
            if (d0 * d0 + d1 * d1 + d2 * d2 > t2) {
                ++count;
                ++perColumn[x];
            }
        }
        perRow[y - rect.top] = count;
    }
}

// The source's noise around the border: the median residual of a grid of ring pixels that
// the reduced copy called background. A block average hides noise a single pixel has, so the
// source gets its own threshold (never below the reduced copy's).
double sourceThreshold(const Image& src, const Background& bg, int ringPixels, double reducedThreshold,
                       const SpinOptions& options)
{
    const int step = std::max(1, ringPixels / 4);
    std::vector<double> res;
    const auto sample = [&](int x, int y) {
        const std::uint8_t* p = src.pixels.data() + (static_cast<std::size_t>(y) * src.width + x) * src.channels;
        double m[3];
        bg.colourAt((x + 0.5) / bg.spanX - 0.5, (y + 0.5) / bg.spanY - 0.5, m);
        const double d0 = p[0] - m[0], d1 = p[1] - m[1], d2 = p[2] - m[2];
        const double d = std::sqrt(d0 * d0 + d1 * d1 + d2 * d2);
        if (d <= reducedThreshold)
            res.push_back(d);
    };
    for (int y = 0; y < src.height; y += step) {
        const bool rowInRing = y < ringPixels || y >= src.height - ringPixels;
        for (int x = 0; x < src.width; x += step) {
            if (!rowInRing && x >= ringPixels && x < src.width - ringPixels) {
                // jump to the first grid column of the right-hand band
                x = (src.width - ringPixels + step - 1) / step * step - step;
                continue;
            }
            sample(x, y);
        }
    }
    const double noise = medianOf(res);
    return std::max(reducedThreshold,
                    std::clamp(options.thresholdFactor * noise, options.minThreshold, options.maxThreshold));
}

// Moves each edge of the coarse box (source pixels, from the block grid) to the outermost source
// row or column with at least kMinEdgeRun foreground pixels, searching from two blocks outside
// the coarse edge (a block only partly covered may fall under the threshold, and the opening
// may have shaved a thin edge) to one block inside it. Keeps the coarse edge if none qualifies.
PixelBox refineBox(const Image& src, const Background& bg, double threshold, const PixelBox& coarse, int f)
{
    PixelBox box = coarse;
    std::vector<int> perRow, perColumn;
    std::vector<double> across;
    const auto clampX = [&](int x) { return std::clamp(x, 0, src.width); };
    const auto clampY = [&](int y) { return std::clamp(y, 0, src.height); };
    const int spanLeft = clampX(coarse.left - f), spanRight = clampX(coarse.right + f);
    const int spanTop = clampY(coarse.top - f), spanBottom = clampY(coarse.bottom + f);

    // Top: rows from two blocks above the coarse top down to one block below it.
    PixelBox band{spanLeft, clampY(coarse.top - 2 * f), spanRight, clampY(coarse.top + f)};
    countForeground(src, bg, threshold, band, perRow, perColumn, across);
    for (int i = 0; i < band.height(); ++i)
        if (perRow[i] >= kMinEdgeRun) {
            box.top = band.top + i;
            break;
        }
    // Bottom.
    band = {spanLeft, clampY(coarse.bottom - f), spanRight, clampY(coarse.bottom + 2 * f)};
    countForeground(src, bg, threshold, band, perRow, perColumn, across);
    for (int i = band.height() - 1; i >= 0; --i)
        if (perRow[i] >= kMinEdgeRun) {
            box.bottom = band.top + i + 1;
            break;
        }
    // Left.
    band = {clampX(coarse.left - 2 * f), spanTop, clampX(coarse.left + f), spanBottom};
    countForeground(src, bg, threshold, band, perRow, perColumn, across);
    for (int i = 0; i < band.width(); ++i)
        if (perColumn[i] >= kMinEdgeRun) {
            box.left = band.left + i;
            break;
        }
    // Right.
    band = {clampX(coarse.right - f), spanTop, clampX(coarse.right + 2 * f), spanBottom};
    countForeground(src, bg, threshold, band, perRow, perColumn, across);
    for (int i = band.width() - 1; i >= 0; --i)
        if (perColumn[i] >= kMinEdgeRun) {
            box.right = band.left + i + 1;
            break;
        }
    if (box.empty())
        return coarse;
    return box;
}

// [SECTION] Sharpness and signature

// `box` cut to the image's pixels (empty when it misses the image).
PixelBox clampToImage(const Image& image, PixelBox box)
{
    box.left = std::clamp(box.left, 0, image.width);
    box.right = std::clamp(box.right, 0, image.width);
    box.top = std::clamp(box.top, 0, image.height);
    box.bottom = std::clamp(box.bottom, 0, image.height);
    return box;
}

// Variance of the 4-neighbour Laplacian of the luminance over `region`, on the source reduced
// by whole blocks to about the full output size (blur the viewer will not see at 1280 px does
// not count; a 12 MP frame is not read at full resolution twice). Three rows of luminance are
// kept at a time.
double laplacianVariance(const Image& src, const PixelBox& region, int block)
{
    const int w = region.width() / block;
    const int h = region.height() / block;
    if (w < 3 || h < 3)
        return 0;
    std::vector<float> rows(static_cast<std::size_t>(w) * 3);
    const int ch = src.channels;
    const float norm = 1.0f / static_cast<float>(block * block);
    const auto lumaRow = [&](int by, float* out) {
        std::fill(out, out + w, 0.0f);
        for (int y = region.top + by * block; y < region.top + (by + 1) * block; ++y) {
            const std::uint8_t* p =
                src.pixels.data() + (static_cast<std::size_t>(y) * src.width + region.left) * ch;
            for (int bx = 0; bx < w; ++bx) {
                float s = 0;
                for (int k = 0; k < block; ++k, p += ch)
                    s += kLumaRf * p[0] + kLumaGf * p[1] + kLumaBf * p[2];
                out[bx] += s;
            }
        }
        for (int bx = 0; bx < w; ++bx)
            out[bx] *= norm;
    };
    float* prev = rows.data();
    float* cur = prev + w;
    float* next = cur + w;
    lumaRow(0, prev);
    lumaRow(1, cur);
    double sum = 0, sumSq = 0;
    long long n = 0;
    for (int y = 1; y + 1 < h; ++y) {
        lumaRow(y + 1, next);
        for (int x = 1; x + 1 < w; ++x) {
            const double lap = static_cast<double>(prev[x]) + next[x] + cur[x - 1] + cur[x + 1] - 4.0 * cur[x];
            sum += lap;
            sumSq += lap * lap;
        }
        n += w - 2;
        std::swap(prev, cur);
        std::swap(cur, next);
    }
    const double mean = sum / static_cast<double>(n);
    return std::max(0.0, sumSq / static_cast<double>(n) - mean * mean);
}

double bilinear(const Reduced& r, double x, double y)
{
    x = std::clamp(x, 0.0, r.width - 1.0);
    y = std::clamp(y, 0.0, r.height - 1.0);
    const int x0 = static_cast<int>(x), y0 = static_cast<int>(y);
    const int x1 = std::min(x0 + 1, r.width - 1), y1 = std::min(y0 + 1, r.height - 1);
    const double fx = x - x0, fy = y - y0;
    const auto at = [&](int xx, int yy) { return static_cast<double>(r.luma[static_cast<std::size_t>(yy) * r.width + xx]); };
    return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

// The luminance of a window (reduced-copy pixels) at signature size, each cell the mean of
// 3 × 3 bilinear taps over its footprint (a cell spans several pixels), then divided by its
// mean, so exposure does not count in the order check. Not scaled to unit variance as well: that
// would also cancel how light the car is against the backdrop, and a light front and a dark
// back with the same silhouette would look alike.
void makeSignature(const Reduced& r, double cx, double cy, double winW, double winH, FrameAnalysis& out)
{
    const double cellW = winW / kSignatureWidth, cellH = winH / kSignatureHeight;
    const double x0 = cx - winW / 2, y0 = cy - winH / 2;
    double sum = 0;
    for (int j = 0; j < kSignatureHeight; ++j)
        for (int i = 0; i < kSignatureWidth; ++i) {
            double s = 0;
            for (int ty = 0; ty < 3; ++ty)
                for (int tx = 0; tx < 3; ++tx)
                    s += bilinear(r, x0 + (i + (tx + 0.5) / 3) * cellW - 0.5, y0 + (j + (ty + 0.5) / 3) * cellH - 0.5);
            s /= 9;
            out.signature[static_cast<std::size_t>(j) * kSignatureWidth + i] = static_cast<float>(s);
            sum += s;
        }
    const double n = static_cast<double>(out.signature.size());
    const double mean = sum / n;
    for (float& v : out.signature)
        v = mean > 1e-6 ? static_cast<float>((v - mean) / mean) : 0.0f;
}

} // namespace

// [SECTION] Shared with listing photos

double meanLuminance(const Image& image, PixelBox region)
{
    if (!image.valid())
        return 0;
    region = clampToImage(image, region);
    if (region.empty())
        return 0;
    // Channel sums first (integers), weighted once: the same mean as weighting every pixel.
    std::uint64_t sum[3] = {};
    const int ch = image.channels;
    for (int y = region.top; y < region.bottom; ++y) {
        const std::uint8_t* p = image.pixels.data() + (static_cast<std::size_t>(y) * image.width + region.left) * ch;
        std::uint32_t row[3] = {};
        for (int x = region.left; x < region.right; ++x, p += ch) {
            row[0] += p[0];
            row[1] += p[1];
            row[2] += p[2];
        }
        for (int c = 0; c < 3; ++c)
            sum[c] += row[c];
    }
    const double n = static_cast<double>(region.width()) * region.height();
    return (kLumaR * static_cast<double>(sum[0]) + kLumaG * static_cast<double>(sum[1]) +
            kLumaB * static_cast<double>(sum[2])) / n;
}

double sharpness(const Image& image, PixelBox region, int block)
{
    if (!image.valid() || block < 1)
        return 0;
    region = clampToImage(image, region);
    if (region.empty())
        return 0;
    const double scaleMeanTo128 = 128.0 / std::max(1.0, meanLuminance(image, region));
    return laplacianVariance(image, region, block) * scaleMeanTo128 * scaleMeanTo128;
}

// [SECTION] analyzeFrame

FrameAnalysis analyzeFrame(const Image& frame, const SpinOptions& options)
{
    FrameAnalysis out;
    if (!frame.valid())
        return out;
    out.size = {frame.width, frame.height};

    const Reduced r = reduce(frame, options.detectLongest);
    double lumaSum = 0;
    for (float l : r.luma)
        lumaSum += l;
    out.meanLuminance = lumaSum / static_cast<double>(r.luma.size());

    Background bg;
    bg.spanX = static_cast<double>(r.width) * r.factor;
    bg.spanY = static_cast<double>(r.height) * r.factor;
    std::vector<RingSample> ring;
    out.threshold = estimateBackground(r, options, bg, ring);
    double centre[3];
    bg.colourAt(0.5 * frame.width / bg.spanX - 0.5, 0.5 * frame.height / bg.spanY - 0.5, centre);
    for (int c = 0; c < 3; ++c)
        out.background[c] = std::clamp(centre[c], 0.0, 255.0);

    std::vector<std::uint8_t> mask, tmp;
    maskForeground(r, bg, out.threshold, mask);
    // Opening: specks (noise, a leaf, dust on the lens) go; the car's outline comes back.
    morph3(mask, r.width, r.height, true, tmp);
    morph3(mask, r.width, r.height, false, tmp);
    const Component car = carComponent(components(mask, r.width, r.height));
    out.carFraction = static_cast<double>(car.area) / (static_cast<double>(r.width) * r.height);
    out.carFound = car.area > 0 && out.carFraction >= options.minCarFraction &&
                   out.carFraction <= options.maxCarFraction;

    const double scaleMeanTo128 = 128.0 / std::max(1.0, out.meanLuminance);
    const int block = std::max(1, std::max(frame.width, frame.height) / std::max(1, options.fullLongest));
    if (!out.carFound) {
        out.sharpness = laplacianVariance(frame, {0, 0, frame.width, frame.height}, block) * scaleMeanTo128 * scaleMeanTo128;
        makeSignature(r, r.width / 2.0, r.height / 2.0, r.width, r.height, out);
        return out;
    }

    const int f = r.factor;
    const PixelBox coarse{car.box.left * f, car.box.top * f, std::min(car.box.right * f, frame.width),
                          std::min(car.box.bottom * f, frame.height)};
    const int ringPixels = std::max(2, std::min(r.width, r.height) / 40) * f;
    const double threshold = sourceThreshold(frame, bg, ringPixels, out.threshold, options);
    out.car = refineBox(frame, bg, threshold, coarse, f);

    const int tolX = std::max(1, static_cast<int>(std::lround(options.cutOffMargin * frame.width)));
    const int tolY = std::max(1, static_cast<int>(std::lround(options.cutOffMargin * frame.height)));
    out.cut.left = out.car.left < tolX;
    out.cut.right = out.car.right > frame.width - tolX;
    out.cut.top = out.car.top < tolY;
    out.cut.bottom = out.car.bottom > frame.height - tolY;

    // Sharpness over the car and a little around it: the outline is part of what blurs, and a
    // plain backdrop elsewhere would only dilute the measure by the car's share of the frame.
    const int padX = out.car.width() / 25 + 2, padY = out.car.height() / 25 + 2;
    const PixelBox region{std::max(0, out.car.left - padX), std::max(0, out.car.top - padY),
                          std::min(frame.width, out.car.right + padX), std::min(frame.height, out.car.bottom + padY)};
    out.sharpness = laplacianVariance(frame, region, block) * scaleMeanTo128 * scaleMeanTo128;

    const double carH = out.car.height() / static_cast<double>(f);
    const double winH = 1.4 * carH;
    makeSignature(r, out.car.centreX() / f, out.car.centreY() / f, winH * kSignatureWidth / kSignatureHeight, winH, out);
    return out;
}

} // namespace dongelek::spin
