// One listing photo prepared on the seller's device from the file they picked (JPEG or PNG
// bytes) to what is uploaded: decoded, turned upright by its EXIF orientation, fitted within
// the longest side (photo_prep.hpp's prepare, with its quality hints), re-encoded as JPEG. The
// re-encoding is also what strips the metadata (EXIF with GPS position and camera serial, XMP,
// ICC, comments): stb_image_write writes pixels and a bare JFIF header only.
// Run off the main thread: by the browser's spin worker (platform/web_spin_worker.cpp) and by
// the desktop's worker thread (platform/photo_pick_native.cpp).
//
// Why each choice:
// - The size limits are read from the file's header (PNG IHDR, JPEG SOFn) before anything is
//   decoded, so a bomb (a small file claiming 30000 × 30000) costs nothing: 50 MP (a 12 MP
//   phone photo is well inside; 50 MP decodes to 150 MB of RGB, held twice while copied out of
//   stb_image, within the spin worker's 1 GB heap) and 12000 px a side (a longer panorama would
//   be a strip a few hundred pixels high at 1600).
// - The orientation is applied to the prepared copy, not the decoded photo: turning and mirroring
//   commute with fitting within a square and with the quality measures, and the prepared copy
//   is a sixth of a 12 MP photo's pixels.
#pragma once

#include "core/photo_prep.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dongelek::photo {

inline constexpr int kMaxPhotoSide = 12000;                 // either side of the source, pixels
inline constexpr std::int64_t kMaxPhotoPixels = 50'000'000; // 50 MP
inline constexpr std::size_t kMaxPhotoFileBytes = 200u << 20; // larger files are not read at all
inline constexpr int kPhotoLongestSide = 1600;
inline constexpr int kPhotoJpegQuality = 85;

// What a PNG's IHDR or a JPEG's header (its first SOFn, and whether a scan follows) says,
// without decoding anything (the server checks uploads with it too).
struct ImageHeader {
    bool sized = false; // width and height were read
    std::int64_t width = 0, height = 0;
    bool jpegWithoutScan = false; // a JPEG whose header ends (or is cut off) before any SOS
};
ImageHeader readImageHeader(std::string_view file);

struct PhotoResult {
    bool ok = false;
    std::string error; // when !ok: "notimage", "toolarge" or "memory"
    std::string jpeg;  // the prepared photo, JPEG
    int width = 0, height = 0;       // the prepared photo's size (upright)
    int srcWidth = 0, srcHeight = 0; // the picked photo's size, upright (sides swapped for EXIF 5..8)
    Quality quality;                 // prepare's hints (tooSmall judged on the source)
};

// The whole preparation of one picked file. `longestSide` is clamped to 16..kMaxSide and
// `jpegQuality` to 1..100. Errors: "notimage" (not a JPEG/PNG stb_image decodes, empty, a
// JPEG cut off before its scan), "toolarge" (over kMaxPhotoFileBytes, or over kMaxPhotoPixels
// or kMaxPhotoSide by its header), "memory" (an allocation failed). Never throws (in a build
// without exception catching, such as the web worker's, a failed `new` aborts instead).
PhotoResult preparePhotoFile(std::string_view fileBytes, int longestSide = kPhotoLongestSide,
                             int jpegQuality = kPhotoJpegQuality);

} // namespace dongelek::photo
