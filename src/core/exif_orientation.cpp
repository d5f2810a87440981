// EXIF orientation (exif_orientation.hpp): a bounds-checked walk of the JPEG's marker segments
// to IFD0's tag 0x0112, and the eight pixel mappings.
#include "core/exif_orientation.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <utility>

namespace dongelek::photo {

namespace {

// A read-only view with bounds-checked big- or little-endian reads: every read says whether it
// fitted, and nothing is read outside [data, data + size).
struct Bytes {
    const unsigned char* data = nullptr;
    std::size_t size = 0;
    bool little = false;

    bool u8(std::size_t at, unsigned& out) const
    {
        if (at >= size) return false;
        out = data[at];
        return true;
    }
    bool u16(std::size_t at, unsigned& out) const
    {
        if (at > size || size - at < 2) return false;
        const unsigned a = data[at], b = data[at + 1];
        out = little ? (a | b << 8) : (a << 8 | b);
        return true;
    }
    bool u32(std::size_t at, std::uint32_t& out) const
    {
        if (at > size || size - at < 4) return false;
        const std::uint32_t a = data[at], b = data[at + 1], c = data[at + 2], d = data[at + 3];
        out = little ? (a | b << 8 | c << 16 | d << 24) : (a << 24 | b << 16 | c << 8 | d);
        return true;
    }
};

// The orientation in a TIFF block (the APP1 payload after "Exif\0\0"); 0 when absent or bad.
int tiffOrientation(const unsigned char* data, std::size_t size)
{
    Bytes t{data, size, false};
    if (size < 8) return 0;
    if (data[0] == 'I' && data[1] == 'I')
        t.little = true;
    else if (!(data[0] == 'M' && data[1] == 'M'))
        return 0;
    unsigned magic = 0;
    std::uint32_t ifd = 0;
    if (!t.u16(2, magic) || magic != 42 || !t.u32(4, ifd)) return 0;
    unsigned count = 0;
    if (ifd < 8 || !t.u16(ifd, count)) return 0;
    for (unsigned i = 0; i < count; ++i) {
        const std::size_t entry = static_cast<std::size_t>(ifd) + 2 + 12 * static_cast<std::size_t>(i);
        unsigned tag = 0, type = 0, value = 0;
        std::uint32_t n = 0;
        if (!t.u16(entry, tag) || !t.u16(entry + 2, type) || !t.u32(entry + 4, n) || !t.u16(entry + 8, value))
            return 0; // the entry is cut off
        if (tag != 0x0112) continue;
        // SHORT (3), one value, stored left-justified in the entry's 4-byte value field.
        if (type != 3 || n < 1 || value < 1 || value > 8) return 0;
        return static_cast<int>(value);
    }
    return 0;
}

} // namespace

int jpegOrientation(std::string_view jpegBytes)
{
    const Bytes b{reinterpret_cast<const unsigned char*>(jpegBytes.data()), jpegBytes.size(), false};
    unsigned m0 = 0, m1 = 0;
    if (!b.u8(0, m0) || !b.u8(1, m1) || m0 != 0xFF || m1 != 0xD8) return 1;
    std::size_t at = 2;
    for (;;) {
        unsigned ff = 0, marker = 0;
        if (!b.u8(at, ff) || ff != 0xFF) return 1; // not a marker: malformed, stop
        // Any number of 0xFF fill bytes may come before a marker's code.
        do {
            if (!b.u8(++at, marker)) return 1;
        } while (marker == 0xFF);
        ++at; // past the marker's code
        if (marker == 0xD9 || marker == 0xDA) return 1; // end of image / start of scan: no EXIF
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // no length
        unsigned length = 0;
        if (!b.u16(at, length) || length < 2 || b.size - at < length) return 1; // cut off
        const unsigned char* payload = b.data + at + 2;
        const std::size_t payloadSize = length - 2;
        static constexpr char kExif[] = {'E', 'x', 'i', 'f', '\0', '\0'};
        if (marker == 0xE1 && payloadSize >= sizeof kExif && std::memcmp(payload, kExif, sizeof kExif) == 0) {
            // The first EXIF block decides (an XMP APP1 that may follow has no TIFF tags).
            const int o = tiffOrientation(payload + sizeof kExif, payloadSize - sizeof kExif);
            return o ? o : 1;
        }
        at += length;
    }
}

spin::Image applyOrientation(spin::Image image, int orientation)
{
    if (orientation <= 1 || orientation > 8 || !image.valid()) return image;
    const int w = image.width, h = image.height, ch = image.channels;
    const bool swap = swapsSides(orientation);
    spin::Image out;
    out.width = swap ? h : w;
    out.height = swap ? w : h;
    out.channels = ch;
    out.pixels.resize(image.pixels.size());
    const std::uint8_t* src = image.pixels.data();
    std::uint8_t* dst = out.pixels.data();
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            int sx = x, sy = y; // the stored pixel shown at (x, y)
            switch (orientation) {
            case 2: sx = w - 1 - x; break;
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;
            case 4: sy = h - 1 - y; break;
            case 5: sx = y; sy = x; break;
            case 6: sx = y; sy = h - 1 - x; break;
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;
            case 8: sx = w - 1 - y; sy = x; break;
            default: break;
            }
            std::memcpy(dst + (static_cast<std::size_t>(y) * out.width + x) * ch,
                        src + (static_cast<std::size_t>(sy) * w + sx) * ch, static_cast<std::size_t>(ch));
        }
    return out;
}

} // namespace dongelek::photo
