// A picked listing photo prepared for upload, on photos encoded here: a 12 MP JPEG comes out at
// 1600 px upright (EXIF 6 turns it portrait), a PNG works, metadata does not survive, the hints
// come through, and garbage, cut-off files and size bombs are refused before any decoding.
#include "core/photo_job.hpp"

#include <catch2/catch.hpp>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cstdint>
#include <string>
#include <vector>

using namespace dongelek;

namespace {

void append(void* ctx, void* data, int n) { static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), n); }

// A textured (sharp) picture: red on the left half, blue on the right, each ×`gain`.
std::vector<unsigned char> picture(int w, int h, int channels, double gain = 1.0)
{
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * channels);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = px.data() + (static_cast<std::size_t>(y) * w + x) * channels;
            const int t = ((x / 6 + y / 6) % 2) * 40; // a 6 px checker: plenty of edges
            const bool left = x < w / 2;
            p[0] = static_cast<unsigned char>((left ? 200 + t / 2 : 30 + t) * gain);
            p[1] = static_cast<unsigned char>((40 + t) * gain);
            p[2] = static_cast<unsigned char>((left ? 30 + t : 200 + t / 2) * gain);
            if (channels == 4) p[3] = 255;
        }
    return px;
}

std::string jpeg(int w, int h, double gain = 1.0)
{
    const std::vector<unsigned char> px = picture(w, h, 3, gain);
    std::string out;
    REQUIRE(stbi_write_jpg_to_func(append, &out, w, h, 3, px.data(), 92));
    return out;
}

// The 4000 × 3000 camera photo, encoded once.
const std::string& camera()
{
    static const std::string s = jpeg(4000, 3000);
    return s;
}

std::string be16(unsigned v) { return {static_cast<char>(v >> 8 & 0xFF), static_cast<char>(v & 0xFF)}; }
std::string be32(std::uint32_t v) { return be16(v >> 16) + be16(v & 0xFFFF); }

std::string segment(unsigned marker, const std::string& payload)
{
    return std::string{'\xFF', static_cast<char>(marker)} + be16(static_cast<unsigned>(payload.size() + 2)) + payload;
}

// An EXIF APP1 (big-endian TIFF) with the orientation and, after IFD0, `extra` bytes.
std::string exif(int orientation, const std::string& extra = "")
{
    std::string tiff = "MM" + be16(42) + be32(8) + be16(1);
    tiff += be16(0x0112) + be16(3) + be32(1) + be16(static_cast<unsigned>(orientation)) + be16(0);
    tiff += be32(0) + extra;
    return segment(0xE1, std::string("Exif\0\0", 6) + tiff);
}

// `file` with `segments` inserted right after its SOI.
std::string withSegments(const std::string& file, const std::string& segments) { return file.substr(0, 2) + segments + file.substr(2); }

struct Decoded {
    int w = 0, h = 0;
    std::vector<unsigned char> rgb;
    const unsigned char* at(int x, int y) const { return rgb.data() + (static_cast<std::size_t>(y) * w + x) * 3; }
};

Decoded decode(const std::string& file)
{
    Decoded d;
    int n = 0;
    stbi_uc* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(file.data()), static_cast<int>(file.size()), &d.w, &d.h, &n, 3);
    REQUIRE(px);
    d.rgb.assign(px, px + static_cast<std::size_t>(d.w) * d.h * 3);
    stbi_image_free(px);
    return d;
}

bool isJpeg(const std::string& s) { return s.size() > 4 && s.compare(0, 2, "\xFF\xD8") == 0; }

// The markers of `jpeg`'s segments before its scan.
std::vector<unsigned> headerMarkers(const std::string& jpeg)
{
    std::vector<unsigned> out;
    std::size_t at = 2;
    while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
        const unsigned marker = static_cast<unsigned char>(jpeg[at + 1]);
        out.push_back(marker);
        if (marker == 0xDA) break;
        at += 2 + (static_cast<unsigned>(static_cast<unsigned char>(jpeg[at + 2])) << 8 | static_cast<unsigned char>(jpeg[at + 3]));
    }
    return out;
}

std::string pngHeader(std::uint32_t w, std::uint32_t h)
{
    std::string ihdr = be32(w) + be32(h) + std::string("\x08\x02\x00\x00\x00", 5);
    return std::string("\x89PNG\r\n\x1A\n", 8) + be32(13) + "IHDR" + ihdr + be32(0);
}

std::string jpegSofHeader(unsigned w, unsigned h)
{
    const std::string sof = std::string("\x08", 1) + be16(h) + be16(w) + std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
    return "\xFF\xD8" + segment(0xC0, sof) + "\xFF\xD9";
}

} // namespace

TEST_CASE("a 4000x3000 camera JPEG is prepared to a 1600x1200 JPEG", "[photo]")
{
    const photo::PhotoResult r = photo::preparePhotoFile(camera());
    REQUIRE(r.ok);
    CHECK(r.error.empty());
    CHECK(r.width == 1600);
    CHECK(r.height == 1200);
    CHECK(r.srcWidth == 4000);
    CHECK(r.srcHeight == 3000);
    CHECK_FALSE(r.quality.any());
    REQUIRE(isJpeg(r.jpeg));
    CHECK(r.jpeg.size() < camera().size());
    const Decoded d = decode(r.jpeg);
    CHECK(d.w == 1600);
    CHECK(d.h == 1200);
    CHECK(d.at(200, 600)[0] > 150); // red on the left
    CHECK(d.at(1400, 600)[2] > 150); // blue on the right
}

TEST_CASE("an EXIF orientation 6 photo comes out portrait and upright", "[photo]")
{
    const photo::PhotoResult r = photo::preparePhotoFile(withSegments(camera(), exif(6)));
    REQUIRE(r.ok);
    CHECK(r.width == 1200);
    CHECK(r.height == 1600);
    CHECK(r.srcWidth == 3000); // the source as shown
    CHECK(r.srcHeight == 4000);
    const Decoded d = decode(r.jpeg);
    REQUIRE(d.w == 1200);
    REQUIRE(d.h == 1600);
    // Turned 90° clockwise: the stored left half (red) is now the top.
    CHECK(d.at(600, 200)[0] > 150);
    CHECK(d.at(600, 200)[2] < 100);
    CHECK(d.at(600, 1400)[2] > 150);
    CHECK(d.at(600, 1400)[0] < 100);
    // Orientation 8 turns the other way: red at the bottom.
    const photo::PhotoResult r8 = photo::preparePhotoFile(withSegments(camera(), exif(8)));
    REQUIRE(r8.ok);
    const Decoded d8 = decode(r8.jpeg);
    CHECK(d8.at(600, 1400)[0] > 150);
    CHECK(d8.at(600, 200)[2] > 150);
}

TEST_CASE("a PNG is prepared to JPEG, transparency over white", "[photo]")
{
    const int w = 900, h = 700;
    std::vector<unsigned char> px = picture(w, h, 4);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < 100; ++x) {
            unsigned char* p = px.data() + (static_cast<std::size_t>(y) * w + x) * 4;
            p[0] = p[1] = p[2] = p[3] = 0; // transparent black: shown white
        }
    std::string png;
    REQUIRE(stbi_write_png_to_func(append, &png, w, h, 4, px.data(), w * 4));
    const photo::PhotoResult r = photo::preparePhotoFile(png);
    REQUIRE(r.ok);
    CHECK(r.width == 900); // never enlarged
    CHECK(r.height == 700);
    REQUIRE(isJpeg(r.jpeg));
    const Decoded d = decode(r.jpeg);
    CHECK(d.at(40, 350)[0] > 235);
    CHECK(d.at(40, 350)[1] > 235);
    CHECK(d.at(40, 350)[2] > 235);
    CHECK(d.at(300, 350)[0] > 150);
    // The longest side is the caller's.
    const photo::PhotoResult small = photo::preparePhotoFile(png, 450);
    REQUIRE(small.ok);
    CHECK(small.width == 450);
    CHECK(small.height == 350);
}

TEST_CASE("what is not an image is notimage", "[photo]")
{
    CHECK(photo::preparePhotoFile("").error == "notimage");
    const photo::PhotoResult garbage = photo::preparePhotoFile("this is not a photo at all, just text that was picked");
    CHECK_FALSE(garbage.ok);
    CHECK(garbage.error == "notimage");
    CHECK(garbage.jpeg.empty());
    CHECK(photo::preparePhotoFile(std::string(5000, '\xFF')).error == "notimage");
    // Cut off inside the header, and a JPEG header with no picture after it.
    const std::string small = jpeg(640, 480);
    CHECK(photo::preparePhotoFile(small.substr(0, 100)).error == "notimage");
    CHECK(photo::preparePhotoFile(small.substr(0, small.find("\xFF\xDA"))).error == "notimage");
    CHECK(photo::preparePhotoFile(jpegSofHeader(640, 480)).error == "notimage"); // stb would paint it grey
    CHECK(photo::preparePhotoFile(pngHeader(640, 480)).error == "notimage");
}

TEST_CASE("a header claiming too many pixels is toolarge before decoding", "[photo]")
{
    // Headers only: decoding would fail (notimage), so toolarge means the header decided.
    CHECK(photo::preparePhotoFile(pngHeader(30000, 30000)).error == "toolarge");
    CHECK(photo::preparePhotoFile(pngHeader(12001, 100)).error == "toolarge");
    CHECK(photo::preparePhotoFile(pngHeader(100, 12001)).error == "toolarge");
    CHECK(photo::preparePhotoFile(pngHeader(8000, 7000)).error == "toolarge"); // 56 MP
    CHECK(photo::preparePhotoFile(jpegSofHeader(12001, 100)).error == "toolarge");
    CHECK(photo::preparePhotoFile(jpegSofHeader(65535, 65535)).error == "toolarge");
    CHECK(photo::preparePhotoFile(withSegments(jpegSofHeader(9000, 6000), exif(6))).error == "toolarge");
    // Within the limits (12000 a side, 48 MP and 49 MP): the header passes, the missing data fails.
    CHECK(photo::preparePhotoFile(pngHeader(12000, 4000)).error == "notimage");
    CHECK(photo::preparePhotoFile(jpegSofHeader(7000, 7000)).error == "notimage");
}

TEST_CASE("the prepared JPEG carries none of the picked file's metadata", "[photo]")
{
    const std::string secret = "GPS 43.2389N 76.8897E serial DK-SECRET-0042";
    const std::string file = withSegments(jpeg(1200, 900), exif(1, secret) + segment(0xFE, "comment " + secret) +
                                                               segment(0xED, "Photoshop 3.0 " + secret));
    REQUIRE(file.find(secret) != std::string::npos);
    const photo::PhotoResult r = photo::preparePhotoFile(file);
    REQUIRE(r.ok);
    CHECK(r.jpeg.find(secret) == std::string::npos);
    CHECK(r.jpeg.find("Exif") == std::string::npos);
    for (unsigned marker : headerMarkers(r.jpeg)) {
        INFO("marker " << std::hex << marker);
        CHECK_FALSE((marker >= 0xE1 && marker <= 0xEF)); // APP0 (JFIF) and the codec's own segments only
        CHECK(marker != 0xFE);                            // no comment
    }
}

TEST_CASE("the quality hints come through", "[photo]")
{
    const photo::PhotoResult dark = photo::preparePhotoFile(jpeg(1200, 900, 0.12));
    REQUIRE(dark.ok);
    CHECK(dark.quality.tooDark);
    CHECK(dark.quality.luminance < 40);
    CHECK_FALSE(dark.quality.tooSmall);

    const photo::PhotoResult small = photo::preparePhotoFile(jpeg(480, 360));
    REQUIRE(small.ok);
    CHECK(small.quality.tooSmall);
    CHECK(small.width == 480);
    CHECK_FALSE(small.quality.tooDark);

    // A flat grey photo has no edges at all: blurry.
    std::vector<unsigned char> grey(800 * 600 * 3, 128);
    std::string flat;
    REQUIRE(stbi_write_jpg_to_func(append, &flat, 800, 600, 3, grey.data(), 90));
    const photo::PhotoResult blurry = photo::preparePhotoFile(flat);
    REQUIRE(blurry.ok);
    CHECK(blurry.quality.blurry);
    CHECK_FALSE(blurry.quality.tooDark);
}

TEST_CASE("the JPEG quality is the caller's", "[photo]")
{
    const std::string file = jpeg(1200, 900);
    const photo::PhotoResult q85 = photo::preparePhotoFile(file);
    const photo::PhotoResult q40 = photo::preparePhotoFile(file, 1600, 40);
    const photo::PhotoResult clamped = photo::preparePhotoFile(file, 1600, 1000);
    REQUIRE(q85.ok);
    REQUIRE(q40.ok);
    REQUIRE(clamped.ok);
    CHECK(q40.jpeg.size() < q85.jpeg.size());
    CHECK(clamped.jpeg.size() > q85.jpeg.size());
}
