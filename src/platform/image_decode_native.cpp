// image_decode.hpp on the desktop: stb_image on the shared worker threads; the upload to a
// texture is image_upload.cpp.

#include "platform/image_decode.hpp"
#include "platform/workers_native.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

namespace dongelek::platform {

void prepareImageDecoder() {}

void decodeImage(std::string bytes, std::function<void(DecodedImage, bool)> done)
{
    native::post([bytes = std::move(bytes), done = std::move(done)] {
        DecodedImage image;
        int channels = 0;
        unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                      static_cast<int>(bytes.size()), &image.width, &image.height,
                                                      &channels, 4);
        const bool ok = pixels && image.width > 0 && image.height > 0;
        if (ok) image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) * image.height * 4);
        if (pixels) stbi_image_free(pixels);
        done(std::move(image), ok);
    });
}

} // namespace dongelek::platform
