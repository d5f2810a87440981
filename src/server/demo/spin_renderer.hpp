// The demo listings' 360° content, rendered on the CPU: turntable frames of a procedural 3D
// car in a light studio (spin_renderer.cpp) and an equirectangular interior panorama
// (panorama_painter.cpp). Both are deterministic, so cached JPEGs never go stale.
#pragma once

#include "server/features/listings/listing_repository.hpp"

#include <cstdint>
#include <vector>

namespace dongelek::server::demo {

// Frame `index` of a spin of `count` frames around the car: the camera turns 360/count degrees
// per frame around the vertical axis, clockwise seen from above; frame 0 shows the car's front-left
// three-quarter view. RGB8, width*height*3 bytes, rows top to bottom. Deterministic.
// `window` picks a part of the frame to fill the picture with (a close-up): the frame's
// fractions [x0, x0 + 1/scale) x [y0, y0 + 1/scale), drawn through a longer lens rather than
// enlarged, so it is as sharp as a whole frame.
struct FrameWindow {
    float x0 = 0, y0 = 0;
    float scale = 1;
};
std::vector<std::uint8_t> renderSpinFrame(const PhotoSpec& spec, int index, int count, int width, int height,
                                          const FrameWindow& window = {});

// The interior as an equirectangular panorama (width = 2*height): yaw 0 at the left edge ... 360 at the right,
// the windscreen and dashboard at yaw 180 (the image centre), pitch +90 at the top row. RGB8. Deterministic.
std::vector<std::uint8_t> renderPanorama(const PhotoSpec& spec, int width, int height);

} // namespace dongelek::server::demo
