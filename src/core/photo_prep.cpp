// Listing photo preparation (photo_prep.hpp): fitting, thumbnails and quality hints, on the
// spin's resampler and measures (spin_prep.hpp, [SECTION] Shared with listing photos).
//
// [SECTION] RGB output
// [SECTION] Resizing
// [SECTION] Quality and prepare
#include "photo_prep.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace dongelek::photo {

using spin::Image;
using spin::ImageSize;
using spin::PixelBox;

namespace {

// [SECTION] RGB output

// RGB to RGB (moved or copied as it is); RGBA to RGB composited over white:
// c·a + 255·(1 − a), rounded, so an opaque pixel keeps its colour exactly.
Image toRgb(Image image)
{
    if (image.channels == 3) return image;
    const std::size_t count = static_cast<std::size_t>(image.width) * image.height;
    std::uint8_t* px = image.pixels.data();
    for (std::size_t i = 0; i < count; ++i) {
        const std::uint8_t* s = px + i * 4;
        std::uint8_t* d = px + i * 3;
        const unsigned a = s[3];
        const unsigned r = s[0], g = s[1], b = s[2];
        if (a == 255) {
            d[0] = static_cast<std::uint8_t>(r);
            d[1] = static_cast<std::uint8_t>(g);
            d[2] = static_cast<std::uint8_t>(b);
        } else {
            const unsigned white = 255u * (255u - a);
            d[0] = static_cast<std::uint8_t>((r * a + white + 127u) / 255u);
            d[1] = static_cast<std::uint8_t>((g * a + white + 127u) / 255u);
            d[2] = static_cast<std::uint8_t>((b * a + white + 127u) / 255u);
        }
    }
    image.pixels.resize(count * 3);
    image.channels = 3;
    return image;
}

// width × height scaled by the largest factor ≤ 1 that fits maxW × maxH (each side rounded, at
// least 1 and within its bound).
ImageSize fittedSize(int width, int height, int maxW, int maxH)
{
    const double scale = std::min({1.0, static_cast<double>(maxW) / width, static_cast<double>(maxH) / height});
    if (scale >= 1.0) return {width, height};
    const auto side = [scale](int size, int bound) {
        return std::clamp(static_cast<int>(std::lround(size * scale)), 1, bound);
    };
    return {side(width, maxW), side(height, maxH)};
}

} // namespace

// [SECTION] Resizing

Image fitWithin(const Image& src, int maxW, int maxH)
{
    if (!src.valid() || maxW <= 0 || maxH <= 0) return {};
    const ImageSize out = fittedSize(src.width, src.height, maxW, maxH);
    if (out.width == src.width && out.height == src.height) return toRgb(src);
    // Resampled with the source's channels, then converted: converting a 12 MP source first
    // would copy all of it; the output is a fraction of that.
    return toRgb(spin::resampleRegion(src, {0, 0, src.width, src.height}, out));
}

Image coverCrop(const Image& src, int w, int h)
{
    if (!src.valid() || w <= 0 || h <= 0 || w > kMaxSide || h > kMaxSide) return {};
    // The largest w:h rectangle in the middle of the source; rounding leaves it off the exact
    // aspect by under a source pixel, which resampleRegion's separate axis scales absorb.
    PixelBox region{0, 0, src.width, src.height};
    if (static_cast<long long>(src.width) * h > static_cast<long long>(src.height) * w) {
        const int cropW =
            std::clamp(static_cast<int>(std::lround(static_cast<double>(src.height) * w / h)), 1, src.width);
        region.left = (src.width - cropW) / 2;
        region.right = region.left + cropW;
    } else {
        const int cropH =
            std::clamp(static_cast<int>(std::lround(static_cast<double>(src.width) * h / w)), 1, src.height);
        region.top = (src.height - cropH) / 2;
        region.bottom = region.top + cropH;
    }
    return toRgb(spin::resampleRegion(src, region, {w, h}));
}

// [SECTION] Quality and prepare

Quality assess(const Image& img, const PrepOptions& o)
{
    Quality q;
    if (!img.valid()) return q;
    q.tooSmall = std::min(img.width, img.height) < o.minShortSide;
    // The measures at one scale (photo_prep.hpp, header comment); a smaller photo as it is.
    const ImageSize size = fittedSize(img.width, img.height, kMeasureLongest, kMeasureLongest);
    Image reduced;
    if (size.width != img.width || size.height != img.height)
        reduced = spin::resampleRegion(img, {0, 0, img.width, img.height}, size);
    const Image& m = reduced.valid() ? reduced : img;
    const PixelBox whole{0, 0, m.width, m.height};
    q.luminance = spin::meanLuminance(m, whole);
    q.sharpness = spin::sharpness(m, whole, 1);
    q.blurry = q.sharpness < o.blurThreshold;
    q.tooDark = q.luminance < o.darkLuminance;
    return q;
}

Prepared prepare(const Image& decoded, const PrepOptions& o)
{
    Prepared p;
    if (!decoded.valid() || o.longestSide <= 0) return p;
    p.source = {decoded.width, decoded.height};
    p.image = fitWithin(decoded, o.longestSide, o.longestSide);
    if (!p.image.valid()) return p;
    p.quality = assess(p.image, o);
    p.quality.tooSmall = std::min(decoded.width, decoded.height) < o.minShortSide;
    return p;
}

} // namespace dongelek::photo
