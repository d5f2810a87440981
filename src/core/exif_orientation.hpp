// A JPEG's EXIF orientation, and applying it. stb_image ignores the tag, and a phone saves a
// portrait shot as landscape pixels plus "orientation 6" (or 8), so a photo prepared without it
// lies on its side. Platform-free: the browser's spin worker and the desktop both prepare a
// seller's listing photos with it (photo_job.hpp).
//
// The EXIF values (TIFF tag 0x0112): how the stored pixels are turned to be shown upright.
//   1 as stored          2 mirrored left-right     3 turned 180°        4 mirrored top-bottom
//   5 transposed (mirrored along the main diagonal: shown(x, y) = stored(y, x))
//   6 turned 90° clockwise   7 transversed (along the other diagonal)   8 turned 90° anticlockwise
#pragma once

#include "core/spin_prep.hpp"

#include <string_view>

namespace dongelek::photo {

// The orientation (1..8) in a JPEG's EXIF block: SOI, then the marker segments before the scan,
// the first APP1 that starts "Exif\0\0", its TIFF header (II or MM byte order, 42), IFD0's tag
// 0x0112 of type SHORT. 1 when the bytes are not a JPEG, have no EXIF or no tag, a value outside
// 1..8, or anything is cut off or malformed. Every read is bounds-checked: garbage never reads
// past the buffer.
int jpegOrientation(std::string_view jpegBytes);

// The image turned upright for `orientation` (above): 5..8 swap width and height. Any channel
// count. 1, a value outside 1..8 or an invalid image: returned as it is.
spin::Image applyOrientation(spin::Image image, int orientation);

// True when `orientation` swaps width and height (5..8).
constexpr bool swapsSides(int orientation) { return orientation >= 5 && orientation <= 8; }

} // namespace dongelek::photo
