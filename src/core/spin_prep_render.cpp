// Spin preparation, step 3 (spin_prep.hpp): resamples each frame's crop to the full size, the
// medium size and its atlas cell with stb_image_resize, and prepareSpin, all steps at once;
// and resampleRegion, the same resampler for listing photos (photo_prep.hpp).
#include "spin_prep.hpp"

// stb_image_resize's implementation lives in this file only, with its functions static
// (STB_IMAGE_RESIZE_STATIC): another library that also compiles the implementation, or a newer
// stb_image_resize2, cannot clash with it at link time.
#ifndef DONGELEK_SPIN_STBIR_IMPLEMENTATION
#define DONGELEK_SPIN_STBIR_IMPLEMENTATION
#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION
#include <stb/stb_image_resize.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace dongelek::spin {

namespace {

// Photos are opaque: the alpha channel (if any) is resampled as it is, not used as a weight,
// and never gamma-converted.
int alphaChannel(int channels) { return channels == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE; }
int alphaFlags(int channels) { return channels == 4 ? STBIR_FLAG_ALPHA_PREMULTIPLIED : 0; }

// Filtering the sRGB values as they are (stb's "linear" colour space), not converted to linear
// light (stb's "sRGB"): the conversion measured 1.4× slower, for a difference photos of cars do
// not show (it matters for fine bright lines on dark).
constexpr stbir_colorspace kSpace = STBIR_COLORSPACE_LINEAR;

void ensure(Image& image, ImageSize size, int channels)
{
    const std::size_t bytes = static_cast<std::size_t>(size.width) * size.height * channels;
    image.width = size.width;
    image.height = size.height;
    image.channels = channels;
    image.pixels.resize(bytes); // keeps the capacity: an RGB source's RGBA output reuses it
}

// In place: RGB to RGBA (alpha 255) or RGBA to RGB.
void convertChannels(Image& image, int channels)
{
    if (image.channels == channels)
        return;
    const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
    if (channels == 4) {
        image.pixels.resize(count * 4);
        for (std::size_t i = count; i-- > 0;) {
            std::uint8_t* d = image.pixels.data() + i * 4;
            const std::uint8_t* s = image.pixels.data() + i * 3;
            const std::uint8_t r = s[0], g = s[1], b = s[2];
            d[0] = r;
            d[1] = g;
            d[2] = b;
            d[3] = 255;
        }
    } else {
        for (std::size_t i = 0; i < count; ++i) {
            std::uint8_t* d = image.pixels.data() + i * 3;
            const std::uint8_t* s = image.pixels.data() + i * 4;
            d[0] = s[0];
            d[1] = s[1];
            d[2] = s[2];
        }
        image.pixels.resize(count * 3);
    }
    image.channels = channels;
}

// Repeats the edge pixels of the drawn rectangle [x0, x1) × [y0, y1) over the rest of the
// image: where the crop reaches past the frame, the frame's edge goes on (a studio backdrop
// continues; a seam of flat colour would not).
void extendEdges(Image& image, int x0, int y0, int x1, int y1)
{
    const int ch = image.channels;
    const std::size_t rowBytes = static_cast<std::size_t>(image.width) * ch;
    for (int y = y0; y < y1; ++y) {
        std::uint8_t* row = image.pixels.data() + y * rowBytes;
        for (int x = 0; x < x0; ++x)
            std::memcpy(row + x * ch, row + x0 * ch, ch);
        for (int x = x1; x < image.width; ++x)
            std::memcpy(row + x * ch, row + (x1 - 1) * ch, ch);
    }
    for (int y = 0; y < y0; ++y)
        std::memcpy(image.pixels.data() + y * rowBytes, image.pixels.data() + y0 * rowBytes, rowBytes);
    for (int y = y1; y < image.height; ++y)
        std::memcpy(image.pixels.data() + y * rowBytes, image.pixels.data() + (y1 - 1) * rowBytes, rowBytes);
}

// Each k × k block of a CH-channel image averaged into one pixel (partial blocks at the right
// and bottom edge average what they have). Whole rows are summed first, then each block's k
// columns; the division is a multiply by the reciprocal. For these small blocks (k = 2 to 4)
// summing rows first measured 1.5× faster than summing each block in registers in WebAssembly
// (no SIMD) and 2× natively (it vectorises).
template <int CH>
void blockAverage(const std::uint8_t* in, int w, int h, int stride, int k, std::uint8_t* out, int outStride)
{
    const int rw = (w + k - 1) / k, rh = (h + k - 1) / k;
    std::vector<std::uint32_t> rows(static_cast<std::size_t>(w) * CH);
    for (int by = 0; by < rh; ++by) {
        const int y0 = by * k, y1 = std::min(y0 + k, h);
        std::fill(rows.begin(), rows.end(), 0u);
        for (int y = y0; y < y1; ++y) {
            const std::uint8_t* p = in + static_cast<std::size_t>(y) * stride;
            std::uint32_t* a = rows.data();
            for (int i = 0; i < w * CH; ++i)
                a[i] += p[i];
        }
        std::uint8_t* o = out + static_cast<std::size_t>(by) * outStride;
        for (int bx = 0; bx < rw; ++bx) {
            const int x0 = bx * k, n = std::min(k, w - x0);
            std::uint32_t sum[CH] = {};
            for (int i = 0; i < n; ++i)
                for (int c = 0; c < CH; ++c)
                    sum[c] += rows[static_cast<std::size_t>(x0 + i) * CH + c];
            const std::uint32_t count = static_cast<std::uint32_t>(n * (y1 - y0));
            const std::uint64_t inverse = (std::uint64_t{1} << 32) / count;
            for (int c = 0; c < CH; ++c)
                o[bx * CH + c] = static_cast<std::uint8_t>(((sum[c] + count / 2) * inverse) >> 32);
        }
    }
}

// The source rectangle at (cropX, cropY), cropW × cropH source pixels, drawn into `out` (already
// sized, source channels) at sx × sy output pixels per source pixel: output pixel o samples the
// source at crop + (o + 0.5) / scale (pixel centres at +0.5, stb's convention). stb_image_resize
// only extends the input by its filter's reach, so it draws the output pixels whose centres fall
// on the frame, from the part of the frame they need; the rest repeats their edge. The two
// scales differ only when a caller rounds an output size (resampleRegion); a spin's are one.
bool resampleInto(const Image& source, double cropX, double cropY, double cropW, double cropH, double sx, double sy,
                  Image& out)
{
    if (!(sx > 0) || !(sy > 0) || !std::isfinite(cropX) || !std::isfinite(cropY))
        return false;
    const auto first = [](double crop, double s, int limit) {
        return std::clamp(static_cast<int>(std::ceil(-crop * s - 0.5)), 0, limit);
    };
    const auto last = [](double crop, double s, int size, int limit) {
        return std::clamp(static_cast<int>(std::floor((size - crop) * s - 0.5)) + 1, 0, limit);
    };
    int ox0 = first(cropX, sx, out.width), ox1 = last(cropX, sx, source.width, out.width);
    int oy0 = first(cropY, sy, out.height), oy1 = last(cropY, sy, source.height, out.height);
    if (ox1 <= ox0 || oy1 <= oy0) {
        // The crop misses the frame entirely (a plan for another frame size): its nearest pixel.
        const int px = std::clamp(static_cast<int>(cropX + cropW / 2), 0, source.width - 1);
        const int py = std::clamp(static_cast<int>(cropY + cropH / 2), 0, source.height - 1);
        const std::uint8_t* p = source.pixels.data() + (static_cast<std::size_t>(py) * source.width + px) * source.channels;
        for (std::size_t i = 0; i < out.pixels.size(); i += out.channels)
            std::memcpy(out.pixels.data() + i, p, out.channels);
        return true;
    }
    // A source more than 1.5× the output's resolution (12 MP for a 1280 output) is first reduced
    // by whole blocks of k × k pixels, over the crop only: stb_image_resize's cost grows with the
    // pixels it reads, the block average reads each once with integer sums, and the filter then
    // still shrinks by 1 .. 1.5×, so it still decides the look. (Square blocks: k follows the
    // axis shrunk less.)
    const int k = std::max(1, static_cast<int>(1.0 / (1.5 * std::max(sx, sy))));
    // The source rows and columns those pixels reach: their centres' span plus the filter's
    // support (2 pixels of the coarser grid) and a block for rounding.
    const double reachX = 2.0 / std::min(sx, 1.0) + k, reachY = 2.0 / std::min(sy, 1.0) + k;
    const auto lo = [](double crop, double s, double reach, int o, int size) {
        return std::clamp(static_cast<int>(std::floor(crop + (o + 0.5) / s - reach)), 0, size - 1);
    };
    const auto hi = [](double crop, double s, double reach, int o, int size, int from) {
        return std::clamp(static_cast<int>(std::ceil(crop + (o - 0.5) / s + reach)), from + 1, size);
    };
    const int rx0 = lo(cropX, sx, reachX, ox0, source.width), rx1 = hi(cropX, sx, reachX, ox1, source.width, rx0);
    const int ry0 = lo(cropY, sy, reachY, oy0, source.height), ry1 = hi(cropY, sy, reachY, oy1, source.height, ry0);
    const int ch = source.channels;
    const std::uint8_t* in = source.pixels.data() + (static_cast<std::size_t>(ry0) * source.width + rx0) * ch;
    int inW = rx1 - rx0, inH = ry1 - ry0, inStride = source.width * ch;
    std::vector<std::uint8_t> reduced;
    if (k > 1) {
        const int rw = (inW + k - 1) / k, rh = (inH + k - 1) / k;
        reduced.resize(static_cast<std::size_t>(rw) * rh * ch);
        if (ch == 4)
            blockAverage<4>(in, inW, inH, inStride, k, reduced.data(), rw * ch);
        else
            blockAverage<3>(in, inW, inH, inStride, k, reduced.data(), rw * ch);
        in = reduced.data();
        inW = rw;
        inH = rh;
        inStride = rw * ch;
    }
    // Output pixel o of the drawn part samples the (reduced) input at (o + 0.5 + shift) / scale.
    std::uint8_t* dst = out.pixels.data() + (static_cast<std::size_t>(oy0) * out.width + ox0) * ch;
    const float shiftX = static_cast<float>((cropX - rx0) * sx + ox0);
    const float shiftY = static_cast<float>((cropY - ry0) * sy + oy0);
    const float scaleX = static_cast<float>(sx * k), scaleY = static_cast<float>(sy * k);
    const int ok = stbir_resize_subpixel(in, inW, inH, inStride, dst, ox1 - ox0, oy1 - oy0, out.width * ch,
                                         STBIR_TYPE_UINT8, ch, alphaChannel(ch), alphaFlags(ch), STBIR_EDGE_CLAMP,
                                         STBIR_EDGE_CLAMP, STBIR_FILTER_DEFAULT, STBIR_FILTER_DEFAULT, kSpace,
                                         nullptr, scaleX, scaleY, shiftX, shiftY);
    if (!ok)
        return false;
    extendEdges(out, ox0, oy0, ox1, oy1);
    return true;
}

// The crop of `source` to `full` (source channels), one scale for both axes.
bool resampleCrop(const Image& source, const FramePlan& plan, Image& full)
{
    return resampleInto(source, plan.cropX, plan.cropY, plan.cropWidth, plan.cropHeight, plan.scale, plan.scale, full);
}

// Full to medium and medium to cell. At the standard sizes these are whole-number ratios (2 and
// 4), where the exact area average is the right filter: stb_image_resize's box filter computes
// just that, but measured ~15 ms a frame against ~2 ms for blockAverage (natively), so the
// block average does it. Other sizes go through stb_image_resize's box filter. The one
// resample from the source (resampleCrop) keeps stb's default filters: its ratio is arbitrary.
bool shrinkInto(const std::uint8_t* in, int inW, int inH, std::uint8_t* out, int outW, int outH, int outStride,
                int channels)
{
    const int k = inW / std::max(1, outW);
    if (k >= 1 && inW == k * outW && inH == k * outH) {
        if (channels == 4)
            blockAverage<4>(in, inW, inH, inW * 4, k, out, outStride);
        else
            blockAverage<3>(in, inW, inH, inW * 3, k, out, outStride);
        return true;
    }
    return stbir_resize_uint8_generic(in, inW, inH, 0, out, outW, outH, outStride, channels, alphaChannel(channels),
                                      alphaFlags(channels), STBIR_EDGE_CLAMP, STBIR_FILTER_BOX, kSpace,
                                      nullptr) != 0;
}

} // namespace

// [SECTION] Shared with listing photos

Image resampleRegion(const Image& source, PixelBox region, ImageSize out)
{
    if (!source.valid() || out.width <= 0 || out.height <= 0)
        return {};
    region.left = std::clamp(region.left, 0, source.width);
    region.right = std::clamp(region.right, 0, source.width);
    region.top = std::clamp(region.top, 0, source.height);
    region.bottom = std::clamp(region.bottom, 0, source.height);
    if (region.empty())
        return {};
    Image image;
    ensure(image, out, source.channels);
    const double sx = static_cast<double>(out.width) / region.width();
    const double sy = static_cast<double>(out.height) / region.height();
    if (!resampleInto(source, region.left, region.top, region.width(), region.height(), sx, sy, image))
        return {};
    return image;
}

Image makeAtlas(const SpinPlan& plan)
{
    return makeImage(plan.atlas.width, plan.atlas.height, plan.channels);
}

bool renderFrame(const Image& source, const SpinPlan& plan, int index, Image& full, Image& medium, Image& atlas)
{
    if (!source.valid() || index < 0 || index >= static_cast<int>(plan.frames.size()) ||
        atlas.width != plan.atlas.width || atlas.height != plan.atlas.height || atlas.channels != plan.channels ||
        !atlas.valid() || plan.full.width <= 0 || plan.medium.width <= 0 || plan.cell.width <= 0)
        return false;

    // Drawn with the source's channels, then converted in place: stb_image_resize keeps the
    // channel count, and a second full-size buffer would cost more than the conversion.
    ensure(full, plan.full, source.channels);
    if (!resampleCrop(source, plan.frames[index], full))
        return false;
    convertChannels(full, plan.channels);

    // Medium from full, the cell from medium: each step reads a quarter of the pixels of the
    // one before instead of the source again. The cell goes straight into the atlas.
    const int ch = plan.channels;
    ensure(medium, plan.medium, ch);
    if (!shrinkInto(full.pixels.data(), full.width, full.height, medium.pixels.data(), medium.width, medium.height,
                    medium.width * ch, ch))
        return false;
    const int col = index % plan.atlasColumns, row = index / plan.atlasColumns;
    std::uint8_t* cell = atlas.pixels.data() +
                         (static_cast<std::size_t>(row) * plan.cell.height * atlas.width + static_cast<std::size_t>(col) * plan.cell.width) * ch;
    return shrinkInto(medium.pixels.data(), medium.width, medium.height, cell, plan.cell.width, plan.cell.height,
                      atlas.width * ch, ch);
}

PreparedSpin prepareSpin(const std::vector<Image>& frames, const SpinOptions& options)
{
    PreparedSpin spin;
    if (frames.empty())
        return spin;
    spin.analyses.reserve(frames.size());
    for (const Image& frame : frames)
        spin.analyses.push_back(analyzeFrame(frame, options));
    spin.plan = planSpin(spin.analyses, options);
    spin.atlas = makeAtlas(spin.plan);
    spin.full.resize(frames.size());
    spin.medium.resize(frames.size());
    for (std::size_t i = 0; i < frames.size(); ++i)
        renderFrame(frames[i], spin.plan, static_cast<int>(i), spin.full[i], spin.medium[i], spin.atlas);
    return spin;
}

} // namespace dongelek::spin
