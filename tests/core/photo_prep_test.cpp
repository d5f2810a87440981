// Listing photo preparation on synthetic photos whose answers are known: flat colours, colour
// quadrants and bands (where each colour must land), checkerboards (sharp, box-blurred, dark).
#include "core/photo_prep.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace dongelek;
using spin::Image;
using spin::makeImage;

namespace {

using Rgb = std::array<int, 3>;

constexpr Rgb kRed{220, 30, 30};
constexpr Rgb kBlue{30, 40, 210};
constexpr Rgb kGreen{40, 200, 60};
constexpr Rgb kWhite{250, 250, 250};

// A width × height image painted by colourAt(x, y), alpha 255 when RGBA.
template <typename F> Image paint(int width, int height, int channels, F colourAt)
{
    Image img = makeImage(width, height, channels);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const Rgb c = colourAt(x, y);
            std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * width + x) * channels;
            for (int k = 0; k < 3; ++k)
                p[k] = static_cast<std::uint8_t>(std::clamp(c[k], 0, 255));
            if (channels == 4) p[3] = 255;
        }
    return img;
}

Image flat(int width, int height, int channels, Rgb colour)
{
    return paint(width, height, channels, [colour](int, int) { return colour; });
}

// Squares of `cell` pixels alternating between two greys, with a little pixel noise (a
// sensor's), so the image is as sharp as an image gets.
Image checkerboard(int width, int height, int cell, int dark, int light)
{
    unsigned seed = 12345u;
    return paint(width, height, 3, [&](int x, int y) {
        seed = seed * 1664525u + 1013904223u;
        const int noise = static_cast<int>((seed >> 24) % 5) - 2;
        const int v = ((x / cell + y / cell) % 2 ? light : dark) + noise;
        return Rgb{v, v, v};
    });
}

// A (2r+1)² box filter, separable, edges clamped, by running sums: a shaky hand.
void boxBlur(Image& img, int r)
{
    const int w = img.width, h = img.height, ch = img.channels, n = 2 * r + 1;
    const std::size_t rowBytes = static_cast<std::size_t>(w) * ch;
    std::vector<std::uint8_t> tmp(img.pixels.size());
    // Across: each row's running sum per channel.
    for (int y = 0; y < h; ++y) {
        const std::uint8_t* in = img.pixels.data() + y * rowBytes;
        std::uint8_t* out = tmp.data() + y * rowBytes;
        const auto at = [&](int x, int c) { return static_cast<int>(in[std::clamp(x, 0, w - 1) * ch + c]); };
        for (int c = 0; c < ch; ++c) {
            int sum = 0;
            for (int k = -r; k <= r; ++k)
                sum += at(k, c);
            for (int x = 0; x < w; ++x) {
                out[x * ch + c] = static_cast<std::uint8_t>(sum / n);
                sum += at(x + r + 1, c) - at(x - r, c);
            }
        }
    }
    // Down: a running sum per column, a row at a time.
    const auto row = [&](int y) { return tmp.data() + std::clamp(y, 0, h - 1) * rowBytes; };
    std::vector<int> sums(rowBytes, 0);
    for (int k = -r; k <= r; ++k)
        for (std::size_t i = 0; i < rowBytes; ++i)
            sums[i] += row(k)[i];
    for (int y = 0; y < h; ++y) {
        std::uint8_t* out = img.pixels.data() + y * rowBytes;
        const std::uint8_t* add = row(y + r + 1);
        const std::uint8_t* drop = row(y - r);
        for (std::size_t i = 0; i < rowBytes; ++i) {
            out[i] = static_cast<std::uint8_t>(sums[i] / n);
            sums[i] += add[i] - drop[i];
        }
    }
}

Rgb pixel(const Image& img, int x, int y)
{
    const std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * img.channels;
    return {p[0], p[1], p[2]};
}

bool near(const Rgb& a, const Rgb& b, int tolerance)
{
    for (int k = 0; k < 3; ++k)
        if (std::abs(a[k] - b[k]) > tolerance) return false;
    return true;
}

// Pixels of `img` within `tolerance` of `colour` on every channel.
int countNear(const Image& img, Rgb colour, int tolerance)
{
    int n = 0;
    for (int y = 0; y < img.height; ++y)
        for (int x = 0; x < img.width; ++x)
            n += near(pixel(img, x, y), colour, tolerance) ? 1 : 0;
    return n;
}

} // namespace

// [SECTION] Sizes

TEST_CASE("a 12 MP photo prepares to 1600x1200 and a portrait to 1200x1600", "[core][photo]")
{
    const photo::Prepared landscape = photo::prepare(flat(4000, 3000, 3, {120, 130, 140}));
    CHECK(landscape.image.valid());
    CHECK(landscape.image.width == 1600);
    CHECK(landscape.image.height == 1200);
    CHECK(landscape.image.channels == 3);
    CHECK(landscape.source.width == 4000);
    CHECK(landscape.source.height == 3000);

    const photo::Prepared portrait = photo::prepare(flat(3000, 4000, 3, {120, 130, 140}));
    CHECK(portrait.image.width == 1200);
    CHECK(portrait.image.height == 1600);

    // An odd aspect: each side rounded, the longest at the bound.
    const Image wide = photo::fitWithin(flat(4032, 1815, 3, {120, 130, 140}), 1600, 1600);
    CHECK(wide.width == 1600);
    CHECK(wide.height == 720);
}

TEST_CASE("a photo that already fits is not enlarged and keeps its pixels", "[core][photo]")
{
    const Image small = checkerboard(800, 600, 10, 60, 190);
    const photo::Prepared p = photo::prepare(small);
    CHECK(p.image.width == 800);
    CHECK(p.image.height == 600);
    CHECK(p.image.pixels == small.pixels);
    CHECK(photo::fitWithin(small, 800, 600).pixels == small.pixels);
    // Within a box smaller on one side only: fitted to that side.
    const Image fitted = photo::fitWithin(small, 2000, 300);
    CHECK(fitted.width == 400);
    CHECK(fitted.height == 300);
}

TEST_CASE("RGBA input gives RGB output, transparency composited over white", "[core][photo]")
{
    Image rgba = flat(4000, 3000, 4, {200, 120, 40});
    const photo::Prepared p = photo::prepare(rgba);
    REQUIRE(p.image.valid());
    CHECK(p.image.channels == 3);
    CHECK(p.image.pixels.size() == std::size_t{1600} * 1200 * 3);
    CHECK(countNear(p.image, {200, 120, 40}, 2) == 1600 * 1200);

    // The left half fully transparent (stored black, as many PNGs do), the right half half
    // transparent red: white on the left, pink on the right.
    Image png = makeImage(400, 300, 4);
    for (int y = 0; y < png.height; ++y)
        for (int x = 0; x < png.width; ++x) {
            std::uint8_t* px = png.pixels.data() + (static_cast<std::size_t>(y) * png.width + x) * 4;
            if (x >= 200) {
                px[0] = 255;
                px[3] = 128;
            }
        }
    const Image rgb = photo::fitWithin(png, 1600, 1600);
    REQUIRE(rgb.channels == 3);
    CHECK(pixel(rgb, 10, 150) == Rgb{255, 255, 255});
    CHECK(near(pixel(rgb, 390, 150), {255, 127, 127}, 1));
}

// [SECTION] Colours and orientation

TEST_CASE("a flat colour stays that colour after resizing, RGB and RGBA", "[core][photo]")
{
    for (int channels : {3, 4}) {
        CAPTURE(channels);
        const Rgb colour{37, 180, 222};
        const Image src = flat(4000, 3000, channels, colour);
        const Image fitted = photo::fitWithin(src, 1600, 1600);
        CHECK(countNear(fitted, colour, 2) == fitted.width * fitted.height);
        const Image thumb = photo::coverCrop(src, photo::kThumbWidth, photo::kThumbHeight);
        CHECK(countNear(thumb, colour, 2) == thumb.width * thumb.height);
    }
}

TEST_CASE("colours keep their place: no mirroring or transposition", "[core][photo]")
{
    // Left half red, right half blue; and quadrants (red, blue over green, white), which a
    // transposed or flipped resize would move.
    const Image halves = paint(4000, 3000, 3, [](int x, int) { return x < 2000 ? kRed : kBlue; });
    const Image fitted = photo::fitWithin(halves, 1600, 1600);
    REQUIRE(fitted.width == 1600);
    for (int y : {0, 600, 1199}) {
        CHECK(near(pixel(fitted, 0, y), kRed, 2));
        CHECK(near(pixel(fitted, 790, y), kRed, 2));
        CHECK(near(pixel(fitted, 810, y), kBlue, 2));
        CHECK(near(pixel(fitted, 1599, y), kBlue, 2));
    }

    const Image quads = paint(3000, 4000, 4, [](int x, int y) {
        return y < 2000 ? (x < 1500 ? kRed : kBlue) : (x < 1500 ? kGreen : kWhite);
    });
    const photo::Prepared p = photo::prepare(quads);
    REQUIRE(p.image.width == 1200);
    REQUIRE(p.image.height == 1600);
    CHECK(near(pixel(p.image, 300, 400), kRed, 2));
    CHECK(near(pixel(p.image, 900, 400), kBlue, 2));
    CHECK(near(pixel(p.image, 300, 1200), kGreen, 2));
    CHECK(near(pixel(p.image, 900, 1200), kWhite, 2));
    // The boundaries where the source has them (the filter reaches 2 px either side).
    CHECK(near(pixel(p.image, 597, 400), kRed, 2));
    CHECK(near(pixel(p.image, 602, 400), kBlue, 2));
    CHECK(near(pixel(p.image, 300, 797), kRed, 2));
    CHECK(near(pixel(p.image, 300, 802), kGreen, 2));
}

// [SECTION] Thumbnails

TEST_CASE("a 4:3 photo's thumbnail keeps the whole width", "[core][photo]")
{
    // A 40 px red stripe at each side edge of a blue photo: both survive in the thumbnail.
    const Image src = paint(4000, 3000, 3, [](int x, int) { return x < 40 || x >= 3960 ? kRed : kBlue; });
    const Image thumb = photo::coverCrop(src, photo::kThumbWidth, photo::kThumbHeight);
    REQUIRE(thumb.valid());
    CHECK(thumb.width == 320);
    CHECK(thumb.height == 240);
    CHECK(thumb.channels == 3);
    for (int y : {0, 120, 239}) {
        CHECK(near(pixel(thumb, 0, y), kRed, 2));
        CHECK(near(pixel(thumb, 319, y), kRed, 2));
        CHECK(near(pixel(thumb, 160, y), kBlue, 2));
    }
}

TEST_CASE("a portrait photo's thumbnail crops top and bottom and keeps the centre", "[core][photo]")
{
    // 3000x4000: a red band over the top 800 rows and a blue one under the bottom 800, a
    // 1000 px green square in the middle, white elsewhere. 320x240 from 3000 wide keeps the
    // middle 2250 rows (875 .. 3125): both bands go, the square stays whole and square.
    const Image src = paint(3000, 4000, 3, [](int x, int y) {
        if (y < 800) return kRed;
        if (y >= 3200) return kBlue;
        if (x >= 1000 && x < 2000 && y >= 1500 && y < 2500) return kGreen;
        return kWhite;
    });
    const Image thumb = photo::coverCrop(src, 320, 240);
    REQUIRE(thumb.width == 320);
    REQUIRE(thumb.height == 240);
    CHECK(countNear(thumb, kRed, 60) == 0);
    CHECK(countNear(thumb, kBlue, 60) == 0);
    CHECK(near(pixel(thumb, 160, 120), kGreen, 2));
    CHECK(near(pixel(thumb, 160, 2), kWhite, 2));
    CHECK(near(pixel(thumb, 160, 237), kWhite, 2));
    // The square: 1000 × 320 / 3000 = 106.7 px on each side, centred.
    int across = 0, down = 0;
    for (int x = 0; x < thumb.width; ++x)
        across += near(pixel(thumb, x, 120), kGreen, 40) ? 1 : 0;
    for (int y = 0; y < thumb.height; ++y)
        down += near(pixel(thumb, 160, y), kGreen, 40) ? 1 : 0;
    CHECK(std::abs(across - 107) <= 2);
    CHECK(std::abs(down - 107) <= 2);
}

// [SECTION] Quality hints

TEST_CASE("a sharp photo is not blurry and the same photo box-blurred heavily is", "[core][photo]")
{
    Image sharp = checkerboard(1600, 1200, 24, 70, 180);
    const photo::Quality q = photo::assess(sharp);
    CAPTURE(q.sharpness, q.luminance);
    CHECK_FALSE(q.blurry);
    CHECK_FALSE(q.any());

    // A 41 × 41 box at 1600 px: the squares' edges smeared over 26 px at the measured 1024 px.
    Image shaky = sharp;
    boxBlur(shaky, 20);
    const photo::Quality b = photo::assess(shaky);
    CAPTURE(b.sharpness);
    CHECK(b.blurry);
    CHECK_FALSE(b.tooDark);
    CHECK(b.sharpness < q.sharpness / 100);

    // Through prepare from 12 MP the same: measured at one scale, not the source's.
    Image big = checkerboard(4000, 3000, 60, 70, 180);
    CHECK_FALSE(photo::prepare(big).quality.blurry);
    boxBlur(big, 50);
    CHECK(photo::prepare(big).quality.blurry);
}

TEST_CASE("a dark photo is too dark, not blurry", "[core][photo]")
{
    const photo::Quality q = photo::assess(checkerboard(1600, 1200, 24, 10, 30));
    CAPTURE(q.sharpness);
    CHECK(q.luminance == Approx(20).margin(1.5));
    CHECK(q.tooDark);
    CHECK_FALSE(q.blurry); // the measure is normalised to one exposure
    CHECK_FALSE(q.tooSmall);
}

TEST_CASE("a small source is too small, judged on the source", "[core][photo]")
{
    const photo::Quality q = photo::assess(checkerboard(500, 400, 8, 70, 180));
    CHECK(q.tooSmall);
    CHECK_FALSE(q.blurry);
    CHECK_FALSE(photo::assess(checkerboard(800, 600, 8, 70, 180)).tooSmall);

    // A 4000x1000 panorama prepares to 1600x400, but its source is not small.
    const photo::Prepared wide = photo::prepare(checkerboard(4000, 1000, 40, 70, 180));
    CHECK(wide.image.height == 400);
    CHECK_FALSE(wide.quality.tooSmall);
    // And a 1000x500 one is, whatever size it prepares to.
    CHECK(photo::prepare(checkerboard(1000, 500, 40, 70, 180)).quality.tooSmall);
}

TEST_CASE("a normal mid-grey sharp photo raises no flag", "[core][photo]")
{
    for (int channels : {3, 4}) {
        CAPTURE(channels);
        // Mid-grey squares and stripes of several sizes, RGB or RGBA, 12 MP.
        const Image src = paint(4000, 3000, channels, [](int x, int y) {
            const int v = ((x / 90 + y / 70) % 2 ? 150 : 100) + ((x / 7) % 5 == 0 ? 20 : 0);
            return Rgb{v, v + 5, v - 5};
        });
        const photo::Prepared p = photo::prepare(src);
        CAPTURE(p.quality.sharpness, p.quality.luminance);
        CHECK(p.image.channels == 3);
        CHECK_FALSE(p.quality.any());
        CHECK(p.quality.luminance > 100);
        CHECK(p.quality.luminance < 150);
    }
}

// [SECTION] Bad input

TEST_CASE("invalid input gives an invalid image and no flags", "[core][photo]")
{
    Image wrongSize = makeImage(100, 100, 3);
    wrongSize.pixels.pop_back();
    const std::vector<Image> bad{
        Image{}, makeImage(0, 0, 3), makeImage(0, 100, 3), makeImage(100, 100, 2), makeImage(-5, 10, 3), wrongSize};
    for (const Image& img : bad) {
        CHECK_FALSE(photo::fitWithin(img, 1600, 1600).valid());
        CHECK_FALSE(photo::coverCrop(img, 320, 240).valid());
        const photo::Quality q = photo::assess(img);
        CHECK_FALSE(q.any());
        CHECK(q.sharpness == 0);
        const photo::Prepared p = photo::prepare(img);
        CHECK_FALSE(p.image.valid());
        CHECK_FALSE(p.quality.any());
        CHECK(p.source.width == 0);
    }
    // Bad sizes asked of a good image.
    const Image good = flat(64, 48, 3, {1, 2, 3});
    CHECK_FALSE(photo::fitWithin(good, 0, 100).valid());
    CHECK_FALSE(photo::fitWithin(good, 100, -1).valid());
    CHECK_FALSE(photo::coverCrop(good, 0, 240).valid());
    CHECK_FALSE(photo::coverCrop(good, 320, photo::kMaxSide + 1).valid());
    photo::PrepOptions none;
    none.longestSide = 0;
    CHECK_FALSE(photo::prepare(good, none).image.valid());
    // Tiny but valid: a 1x1 photo prepares and is flagged, without a crash.
    const photo::Prepared dot = photo::prepare(flat(1, 1, 4, {9, 9, 9}));
    CHECK(dot.image.valid());
    CHECK(dot.quality.tooSmall);
    CHECK(photo::coverCrop(flat(1, 1, 3, {9, 9, 9}), 320, 240).valid());
}

// [SECTION] The shared resampler and measures (spin_prep.hpp)

TEST_CASE("resampleRegion scales exactly the region and keeps the channels", "[core][photo]")
{
    // Green inside [1000, 3000) x [1000, 2000) of a red 4000x3000: that region to 500x250 is
    // green throughout, RGBA stays RGBA.
    const Image src = paint(
        4000, 3000, 4, [](int x, int y) { return x >= 1000 && x < 3000 && y >= 1000 && y < 2000 ? kGreen : kRed; });
    const Image out = spin::resampleRegion(src, {1000, 1000, 3000, 2000}, {500, 250});
    REQUIRE(out.valid());
    CHECK(out.channels == 4);
    CHECK(out.width == 500);
    CHECK(out.height == 250);
    // Stb's filter reaches a pixel or two past the region's edge; inside that, pure green.
    int green = 0;
    for (int y = 2; y < 248; ++y)
        for (int x = 2; x < 498; ++x)
            green += near(pixel(out, x, y), kGreen, 2) ? 1 : 0;
    CHECK(green == 496 * 246);
    // Cut to the image; empty or bad: an empty image.
    CHECK(spin::resampleRegion(src, {-100, -100, 8000, 8000}, {400, 300}).valid());
    CHECK_FALSE(spin::resampleRegion(src, {5000, 0, 6000, 100}, {10, 10}).valid());
    CHECK_FALSE(spin::resampleRegion(src, {0, 0, 10, 10}, {0, 10}).valid());
    CHECK_FALSE(spin::resampleRegion(Image{}, {0, 0, 10, 10}, {10, 10}).valid());

    CHECK(spin::meanLuminance(flat(50, 40, 3, {100, 100, 100}), {0, 0, 50, 40}) == Approx(100));
    CHECK(spin::sharpness(flat(50, 40, 3, {100, 100, 100}), {0, 0, 50, 40}) == 0);
    CHECK(spin::sharpness(checkerboard(50, 40, 4, 70, 180), {0, 0, 50, 40}) > 100);
}
