// A picked listing photo to its upload (photo_job.hpp): header check, decode, prepare, orient,
// encode.
#include "core/photo_job.hpp"

#include "core/exif_orientation.hpp"

#include <algorithm>
#include <climits>
#include <cstring>
#include <new>
#include <utility>

// stb's decoder and JPEG writer with static functions, as in spin_job.cpp (whose copies are
// static to that file and so cannot be shared): nothing here can clash with another copy in the
// same binary. STBI_MAX_DIMENSIONS backs up the header check below.
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS 12000
#include <stb/stb_image.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

namespace dongelek::photo {

static_assert(STBI_MAX_DIMENSIONS == kMaxPhotoSide, "stb's own limit is the header check's");

namespace {

unsigned be16(const unsigned char* p) { return static_cast<unsigned>(p[0]) << 8 | p[1]; }
std::uint32_t be32(const unsigned char* p)
{
    return static_cast<std::uint32_t>(p[0]) << 24 | static_cast<std::uint32_t>(p[1]) << 16 |
           static_cast<std::uint32_t>(p[2]) << 8 | p[3];
}

} // namespace

ImageHeader readImageHeader(std::string_view file)
{
    ImageHeader hd;
    const auto* d = reinterpret_cast<const unsigned char*>(file.data());
    const std::size_t n = file.size();
    static constexpr unsigned char kPng[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 24 && std::memcmp(d, kPng, sizeof kPng) == 0 && std::memcmp(d + 12, "IHDR", 4) == 0) {
        hd.sized = true;
        hd.width = be32(d + 16);
        hd.height = be32(d + 20);
        return hd;
    }
    if (n < 4 || d[0] != 0xFF || d[1] != 0xD8) return hd;
    // stb_image decodes a JPEG with no scan at all as a flat grey picture: refused here.
    hd.jpegWithoutScan = true;
    std::size_t at = 2;
    while (at < n && d[at] == 0xFF) {
        while (at < n && d[at] == 0xFF) ++at; // fill bytes
        if (at >= n) break;
        const unsigned marker = d[at++];
        if (marker == 0xDA) {
            hd.jpegWithoutScan = false;
            break;
        }
        if (marker == 0xD9) break;
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue;
        if (n - at < 2) break;
        const unsigned length = be16(d + at);
        if (length < 2 || n - at < length) break;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof && !hd.sized && length >= 7) {
            hd.sized = true;
            hd.height = be16(d + at + 3);
            hd.width = be16(d + at + 5);
        }
        at += length;
    }
    return hd;
}

namespace {

bool tooLarge(std::int64_t w, std::int64_t h)
{
    return w > kMaxPhotoSide || h > kMaxPhotoSide || w * h > kMaxPhotoPixels;
}

PhotoResult failure(const char* error)
{
    PhotoResult r;
    r.error = error;
    return r;
}

PhotoResult prepareOrFail(std::string_view file, int longestSide, int jpegQuality)
{
    if (file.empty()) return failure("notimage");
    if (file.size() > kMaxPhotoFileBytes || file.size() > static_cast<std::size_t>(INT_MAX)) return failure("toolarge");
    const ImageHeader header = readImageHeader(file);
    if (header.sized && tooLarge(header.width, header.height)) return failure("toolarge");
    if (header.jpegWithoutScan) return failure("notimage");

    const auto* data = reinterpret_cast<const stbi_uc*>(file.data());
    const int len = static_cast<int>(file.size());
    int w = 0, h = 0, n = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &n) || w <= 0 || h <= 0) return failure("notimage");
    if (tooLarge(w, h)) return failure("toolarge");
    // Alpha (grey + alpha, RGBA PNG) is kept for prepare to composite over white.
    const int channels = (n == 2 || n == 4) ? 4 : 3;
    spin::Image decoded;
    {
        stbi_uc* px = stbi_load_from_memory(data, len, &w, &h, &n, channels);
        if (!px) {
            const char* why = stbi_failure_reason();
            return failure(why && std::strcmp(why, "outofmem") == 0 ? "memory" : "notimage");
        }
        try {
            decoded.pixels.assign(px, px + static_cast<std::size_t>(w) * h * channels);
        } catch (const std::bad_alloc&) {
            stbi_image_free(px);
            return failure("memory");
        }
        stbi_image_free(px);
        decoded.width = w;
        decoded.height = h;
        decoded.channels = channels;
    }

    PrepOptions options;
    options.longestSide = std::clamp(longestSide, 16, kMaxSide);
    Prepared prepared = prepare(decoded, options);
    decoded = spin::Image(); // the full-size pixels go before the prepared copy is turned
    if (!prepared.image.valid()) return failure("memory"); // decoded fine, so only memory is left

    const int orientation = jpegOrientation(file);
    spin::Image upright = applyOrientation(std::move(prepared.image), orientation);

    PhotoResult r;
    stbi_write_jpg_to_func(
        [](void* ctx, void* bytes, int size) { static_cast<std::string*>(ctx)->append(static_cast<const char*>(bytes), size); },
        &r.jpeg, upright.width, upright.height, upright.channels, upright.pixels.data(), std::clamp(jpegQuality, 1, 100));
    if (r.jpeg.empty()) return failure("memory");
    r.ok = true;
    r.width = upright.width;
    r.height = upright.height;
    const bool swap = swapsSides(orientation);
    r.srcWidth = swap ? prepared.source.height : prepared.source.width;
    r.srcHeight = swap ? prepared.source.width : prepared.source.height;
    r.quality = prepared.quality;
    return r;
}

} // namespace

PhotoResult preparePhotoFile(std::string_view fileBytes, int longestSide, int jpegQuality)
{
    try {
        return prepareOrFail(fileBytes, longestSide, jpegQuality);
    } catch (const std::bad_alloc&) {
        return failure("memory");
    }
}

} // namespace dongelek::photo
