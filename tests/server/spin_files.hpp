// The files of a seller's own 360-degree spin, as the browser prepares and sends them
// (f<n>-l.jpg 1280x800, f<n>-m.jpg 640x400, atlas.jpg of 160x100 cells): shared by the API
// tests of a listing's spin and of a draft's.
#pragma once

#include "server/features/media/jpeg.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace dongelek::test {

// A prepared frame as the browser sends it: a plain background with a darker box for the car,
// a little further right on each frame. RGB8.
inline std::vector<std::uint8_t> spinFrame(int index, int w, int h)
{
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
    const int left = w / 4 + index * w / 200, right = left + w / 2, top = h * 2 / 5, bottom = h * 4 / 5;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            const bool car = x >= left && x < right && y >= top && y < bottom;
            std::uint8_t* p = &px[(static_cast<std::size_t>(y) * w + x) * 3];
            p[0] = car ? 60 : 215;
            p[1] = car ? 70 : 220;
            p[2] = car ? 90 : 225;
        }
    return px;
}
inline std::string frameJpeg(int index, int w, int h) { return dongelek::server::encodeJpeg(spinFrame(index, w, h), w, h, 80); }
inline std::string atlasJpeg(int frames, int columns)
{
    const int rows = (frames + columns - 1) / columns, cw = 160, ch = 100, w = columns * cw, h = rows * ch;
    std::vector<std::uint8_t> atlas(static_cast<std::size_t>(w) * h * 3, 0);
    for (int i = 0; i < frames; ++i) {
        const std::vector<std::uint8_t> cell = spinFrame(i, cw, ch);
        const int x0 = (i % columns) * cw, y0 = (i / columns) * ch;
        for (int y = 0; y < ch; ++y)
            std::copy_n(cell.begin() + static_cast<std::ptrdiff_t>(y) * cw * 3, cw * 3,
                        atlas.begin() + (static_cast<std::ptrdiff_t>(y0 + y) * w + x0) * 3);
    }
    return dongelek::server::encodeJpeg(atlas, w, h, 80);
}

} // namespace dongelek::test
