// JPEG encoding of an RGB8 image (stb_image_write), for the rendered demo photos.
// The stb implementation is compiled in jpeg.cpp only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dongelek::server {

// `rgb` holds width*height*3 bytes, rows top to bottom. Returns the JFIF bytes.
std::string encodeJpeg(const std::vector<std::uint8_t>& rgb, int width, int height, int quality = 85);

} // namespace dongelek::server
