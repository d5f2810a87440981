// A seller's spin prepared from encoded photos, one at a time: the files the server takes come
// out at the standard sizes, a bad shot is flagged, and what is not a photo is refused.
#include "core/spin_job.hpp"

#include <catch2/catch.hpp>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <cmath>
#include <string>
#include <vector>

using namespace dongelek::spin;

namespace {

// A light studio and a dark "car" whose width changes as it turns; `dark` dims the shot.
std::string photo(int i, int count, bool dark = false)
{
    const int w = 960, h = 720;
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 3);
    const double turn = 2 * 3.14159265358979 * i / count;
    const int half = static_cast<int>(220 + 120 * std::fabs(std::cos(turn)));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool car = y > 300 && y < 560 && std::abs(x - w / 2) < half;
            int v = car ? 40 + ((x / 9 + y / 7 + i) % 2) * 50 : 225 - y / 12; // texture on the car: not blurry
            if (dark) v /= 6;
            for (int c = 0; c < 3; ++c) px[(static_cast<std::size_t>(y) * w + x) * 3 + c] = static_cast<unsigned char>(v + c * 3);
        }
    std::string out;
    stbi_write_jpg_to_func([](void* ctx, void* d, int n) { static_cast<std::string*>(ctx)->append(static_cast<char*>(d), n); },
                           &out, w, h, 3, px.data(), 90);
    return out;
}

const std::uint8_t* bytes(const std::string& s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

void sizeOf(const std::string& jpeg, int& w, int& h)
{
    int n = 0;
    w = h = 0;
    REQUIRE(stbi_info_from_memory(bytes(jpeg), static_cast<int>(jpeg.size()), &w, &h, &n));
}

} // namespace

TEST_CASE("a spin job turns 24 photos into the files the server takes, flagging a dark one", "[core][spin]")
{
    constexpr int kCount = 24;
    SpinJob job(kCount);
    for (int i = 0; i < kCount; ++i) {
        const std::string p = photo(i, kCount, i == 5);
        REQUIRE(job.analyze(i, bytes(p), p.size()));
    }
    const SpinPlan& plan = job.plan();
    REQUIRE(plan.frames.size() == kCount);
    CHECK(plan.frames[5].flags.tooDark);
    CHECK_FALSE(plan.frames[4].flags.any());
    for (int i = 0; i < kCount; ++i) {
        const std::string p = photo(i, kCount, i == 5);
        std::string full, medium;
        REQUIRE(job.render(i, bytes(p), p.size(), full, medium));
        int w = 0, h = 0;
        sizeOf(full, w, h);
        CHECK(w == 1280);
        CHECK(h == 800);
        sizeOf(medium, w, h);
        CHECK(w == 640);
        CHECK(h == 400);
    }
    int w = 0, h = 0;
    sizeOf(job.atlasJpeg(), w, h);
    CHECK(w == 5 * 160); // ceil(sqrt(24)) = 5 columns
    CHECK(h == 5 * 100);
}

TEST_CASE("a spin job refuses what is not a photo", "[core][spin]")
{
    SpinJob job(24);
    const std::string html = "<!doctype html><p>not a photo</p>";
    CHECK_FALSE(job.analyze(0, bytes(html), html.size()));
    const std::string cut = photo(0, 24).substr(0, 200);
    CHECK_FALSE(job.analyze(0, bytes(cut), cut.size()));
    CHECK_FALSE(job.analyze(24, bytes(cut), cut.size())); // no such frame
    CHECK_FALSE(job.analyze(0, nullptr, 0));
}
