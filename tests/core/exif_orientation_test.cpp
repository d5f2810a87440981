// EXIF orientation on hand-built JPEG headers (every value, both byte orders, the tag among
// others, other APPn segments first) and on broken ones (cut off anywhere, lengths and offsets
// past the end, random bytes: 1 and no out-of-bounds read), and the eight turns of a 3 × 2 image.
#include "core/exif_orientation.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace dongelek;

namespace {

std::string u16(unsigned v, bool little)
{
    const char a = static_cast<char>(v >> 8 & 0xFF), b = static_cast<char>(v & 0xFF);
    return little ? std::string{b, a} : std::string{a, b};
}

std::string u32(std::uint32_t v, bool little)
{
    return little ? u16(v & 0xFFFF, true) + u16(v >> 16, true) : u16(v >> 16, false) + u16(v & 0xFFFF, false);
}

struct Entry {
    unsigned tag, type;
    std::uint32_t count, value;
};

// A TIFF block: header, IFD0 at offset 8 with `entries` (SHORT values left-justified), no next IFD.
std::string tiff(const std::vector<Entry>& entries, bool little)
{
    std::string t = little ? "II" : "MM";
    t += u16(42, little) + u32(8, little) + u16(static_cast<unsigned>(entries.size()), little);
    for (const Entry& e : entries) {
        t += u16(e.tag, little) + u16(e.type, little) + u32(e.count, little);
        t += e.type == 3 ? u16(e.value, little) + u16(0, little) : u32(e.value, little);
    }
    return t + u32(0, little);
}

std::string segment(unsigned marker, const std::string& payload)
{
    return std::string{'\xFF', static_cast<char>(marker)} + u16(static_cast<unsigned>(payload.size() + 2), false) + payload;
}

std::string exifApp1(const std::string& tiffBlock) { return segment(0xE1, std::string("Exif\0\0", 6) + tiffBlock); }

const std::string kSoi = "\xFF\xD8";
const std::string kJfif = segment(0xE0, std::string("JFIF\0\x01\x01\0\0\x01\0\x01\0\0", 14));
const std::string kScan = segment(0xDA, std::string("\x01\x01\0\0?\0", 6)) + "\x12\x34\xFF\xD9";

std::string jpegWith(int orientation, bool little)
{
    return kSoi + kJfif + exifApp1(tiff({{0x0112, 3, 1, static_cast<std::uint32_t>(orientation)}}, little)) + kScan;
}

// A 3 × 2 RGB image whose pixel (x, y) is {x, y, 7}.
spin::Image grid()
{
    spin::Image img = spin::makeImage(3, 2, 3);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 3; ++x) {
            std::uint8_t* p = img.pixels.data() + (y * 3 + x) * 3;
            p[0] = static_cast<std::uint8_t>(x);
            p[1] = static_cast<std::uint8_t>(y);
            p[2] = 7;
        }
    return img;
}

// Each output pixel's source coordinates, row by row, as "xy" pairs: "00 10 20 / 01 11 21".
std::string layout(const spin::Image& img)
{
    std::string s;
    for (int y = 0; y < img.height; ++y) {
        if (y) s += " /";
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = img.pixels.data() + (static_cast<std::size_t>(y) * img.width + x) * img.channels;
            s += ' ';
            s += static_cast<char>('0' + p[0]);
            s += static_cast<char>('0' + p[1]);
        }
    }
    return s;
}

} // namespace

TEST_CASE("jpegOrientation reads every value in both byte orders", "[photo][exif]")
{
    for (bool little : {true, false})
        for (int o = 1; o <= 8; ++o) {
            INFO("orientation " << o << (little ? " II" : " MM"));
            CHECK(photo::jpegOrientation(jpegWith(o, little)) == o);
        }
}

TEST_CASE("jpegOrientation finds the tag among other tags and after other APPn segments", "[photo][exif]")
{
    for (bool little : {true, false}) {
        const std::string block = tiff({{0x010F, 2, 4, 0x414243}, // Make, ASCII
                                        {0x0110, 2, 40, 200},     // Model, ASCII, an offset
                                        {0x0112, 3, 1, 8},
                                        {0x8769, 4, 1, 400}},     // the EXIF sub-IFD's offset
                                       little);
        const std::string xmp = segment(0xE1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>");
        const std::string icc = segment(0xE2, "ICC_PROFILE\0\x01\x01");
        CHECK(photo::jpegOrientation(kSoi + kJfif + xmp + icc + exifApp1(block) + kScan) == 8);
        // Fill bytes before a marker's code are allowed.
        CHECK(photo::jpegOrientation(kSoi + "\xFF\xFF" + exifApp1(block).substr(1) + kScan) == 8);
    }
    // Directly after SOI, the usual place for a camera.
    CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x0112, 3, 1, 6}}, false)) + kScan) == 6);
}

TEST_CASE("jpegOrientation is 1 without EXIF or orientation", "[photo][exif]")
{
    CHECK(photo::jpegOrientation("") == 1);
    CHECK(photo::jpegOrientation(kSoi) == 1);
    CHECK(photo::jpegOrientation(kSoi + kJfif + kScan) == 1);
    CHECK(photo::jpegOrientation("\x89PNG\r\n\x1A\n") == 1);
    CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x010F, 2, 4, 0x414243}}, true)) + kScan) == 1);
    // The EXIF block after the scan is pixel data, not a header.
    CHECK(photo::jpegOrientation(kSoi + kScan + jpegWith(6, true)) == 1);
    // An APP1 that is not EXIF (XMP naming an orientation) is not read.
    CHECK(photo::jpegOrientation(kSoi + segment(0xE1, "http://ns.adobe.com/xap/1.0/\0tiff:Orientation=6") + kScan) == 1);
}

TEST_CASE("jpegOrientation refuses a malformed tag or header", "[photo][exif]")
{
    for (bool little : {true, false}) {
        CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x0112, 3, 1, 0}}, little)) + kScan) == 1);
        CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x0112, 3, 1, 9}}, little)) + kScan) == 1);
        CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x0112, 4, 1, 6}}, little)) + kScan) == 1); // LONG
        CHECK(photo::jpegOrientation(kSoi + exifApp1(tiff({{0x0112, 3, 0, 6}}, little)) + kScan) == 1); // no value
        std::string badMagic = tiff({{0x0112, 3, 1, 6}}, little);
        badMagic[2] = badMagic[3] = 0x2B;
        CHECK(photo::jpegOrientation(kSoi + exifApp1(badMagic) + kScan) == 1);
        std::string ifdPastEnd = tiff({{0x0112, 3, 1, 6}}, little);
        ifdPastEnd.replace(4, 4, u32(0xFFFFFFF0u, little));
        CHECK(photo::jpegOrientation(kSoi + exifApp1(ifdPastEnd) + kScan) == 1);
        std::string ifdInHeader = tiff({{0x0112, 3, 1, 6}}, little);
        ifdInHeader.replace(4, 4, u32(2, little));
        CHECK(photo::jpegOrientation(kSoi + exifApp1(ifdInHeader) + kScan) == 1);
        // IFD0 claims 65535 entries; only one is there, and the walk stops at the block's end.
        std::string manyEntries = tiff({{0x0100, 3, 1, 6}}, little);
        manyEntries.replace(8, 2, u16(0xFFFF, little));
        CHECK(photo::jpegOrientation(kSoi + exifApp1(manyEntries) + kScan) == 1);
    }
    CHECK(photo::jpegOrientation(kSoi + exifApp1("XX") + kScan) == 1);
    CHECK(photo::jpegOrientation(kSoi + exifApp1("") + kScan) == 1);
    // A segment length under 2, or past the end of the file.
    CHECK(photo::jpegOrientation(kSoi + "\xFF\xE1\x00\x01" + kScan) == 1);
    CHECK(photo::jpegOrientation(kSoi + "\xFF\xE1\xFF\xFF" + "Exif\0\0MM" + kScan) == 1);
    // Not a marker where one must be.
    CHECK(photo::jpegOrientation(kSoi + "\x12\x34" + jpegWith(6, false).substr(2)) == 1);
}

TEST_CASE("jpegOrientation is 1 for the header cut off at any byte", "[photo][exif]")
{
    for (bool little : {true, false}) {
        const std::string full = jpegWith(6, little);
        const std::size_t app1End = kSoi.size() + kJfif.size() + exifApp1(tiff({{0x0112, 3, 1, 6}}, little)).size();
        for (std::size_t n = 0; n <= full.size(); ++n) {
            INFO("first " << n << " bytes");
            // Copied, so a read past the prefix would be a read past the allocation.
            const std::vector<char> prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
            CHECK(photo::jpegOrientation(std::string_view(prefix.data(), prefix.size())) == (n >= app1End ? 6 : 1));
        }
    }
}

TEST_CASE("jpegOrientation survives random bytes and mutated headers", "[photo][exif]")
{
    std::mt19937 rng(20240601);
    std::uniform_int_distribution<int> byte(0, 255);
    for (int round = 0; round < 3000; ++round) {
        std::string s = round % 2 ? jpegWith(1 + round % 8, round % 4 < 2) : kSoi + std::string(64, '\0');
        const int flips = 1 + round % 6;
        for (int i = 0; i < flips; ++i) {
            const std::size_t at = 2 + static_cast<std::size_t>(byte(rng)) % (s.size() - 2);
            s[at] = static_cast<char>(byte(rng));
        }
        s.resize(2 + static_cast<std::size_t>(byte(rng)) % (s.size() - 1));
        const std::vector<char> exact(s.begin(), s.end());
        const int o = photo::jpegOrientation(std::string_view(exact.data(), exact.size()));
        CHECK((o >= 1 && o <= 8));
    }
}

TEST_CASE("applyOrientation turns and mirrors a 3x2 image for each of 1..8", "[photo][exif]")
{
    // Source pixels by their "xy": 00 10 20 / 01 11 21.
    const struct {
        int orientation, width, height;
        const char* layout;
    } cases[] = {
        {1, 3, 2, " 00 10 20 / 01 11 21"},
        {2, 3, 2, " 20 10 00 / 21 11 01"}, // mirrored left-right
        {3, 3, 2, " 21 11 01 / 20 10 00"}, // 180°
        {4, 3, 2, " 01 11 21 / 00 10 20"}, // mirrored top-bottom
        {5, 2, 3, " 00 01 / 10 11 / 20 21"}, // transposed
        {6, 2, 3, " 01 00 / 11 10 / 21 20"}, // 90° clockwise: the left column becomes the top row
        {7, 2, 3, " 21 20 / 11 10 / 01 00"}, // transversed
        {8, 2, 3, " 20 21 / 10 11 / 00 01"}, // 90° anticlockwise: the right column becomes the top row
    };
    for (const auto& c : cases) {
        INFO("orientation " << c.orientation);
        const spin::Image out = photo::applyOrientation(grid(), c.orientation);
        REQUIRE(out.valid());
        CHECK(out.width == c.width);
        CHECK(out.height == c.height);
        CHECK(out.channels == 3);
        CHECK(layout(out) == c.layout);
        CHECK(out.pixels[2] == 7);
        CHECK(photo::swapsSides(c.orientation) == (c.width == 2));
    }
}

TEST_CASE("applyOrientation keeps every channel and leaves bad input alone", "[photo][exif]")
{
    spin::Image rgba = spin::makeImage(3, 2, 4);
    for (std::size_t i = 0; i < rgba.pixels.size(); ++i) rgba.pixels[i] = static_cast<std::uint8_t>(i);
    const spin::Image turned = photo::applyOrientation(rgba, 6);
    REQUIRE(turned.valid());
    CHECK(turned.channels == 4);
    // Shown (0, 0) is stored (0, 1): bytes 12..15.
    CHECK(std::vector<std::uint8_t>(turned.pixels.begin(), turned.pixels.begin() + 4) == std::vector<std::uint8_t>{12, 13, 14, 15});
    // Turned back (8 undoes 6).
    CHECK(photo::applyOrientation(turned, 8).pixels == rgba.pixels);
    for (int o : {0, 1, 9, -3}) CHECK(photo::applyOrientation(grid(), o).pixels == grid().pixels);
    const spin::Image empty = photo::applyOrientation(spin::Image{}, 6);
    CHECK(empty.width == 0);
    CHECK(empty.pixels.empty());
}
