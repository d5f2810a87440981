// The single translation unit with stb_image_write's implementation.
// Encoding goes to memory through a callback, so the caller decides where bytes land.

#include "server/features/media/jpeg.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#include <stb/stb_image_write.h>

#include <stdexcept>

namespace dongelek::server {

std::string encodeJpeg(const std::vector<std::uint8_t>& rgb, int width, int height, int quality)
{
    if (width <= 0 || height <= 0 || rgb.size() != static_cast<std::size_t>(width) * height * 3)
        throw std::invalid_argument("encodeJpeg: image size does not match the pixel buffer");
    std::string out;
    out.reserve(static_cast<std::size_t>(width) * height / 4);
    const auto write = [](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_jpg_to_func(write, &out, width, height, 3, rgb.data(), quality))
        throw std::runtime_error("JPEG encoding failed");
    return out;
}

} // namespace dongelek::server
