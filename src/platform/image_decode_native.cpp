// image_decode.hpp on the desktop: the photo comes through httpGet (the worker threads) and
// stb_image decodes it on the shared worker threads; the upload to a texture is image_upload.cpp.

#include "platform/http.hpp"
#include "platform/image_decode.hpp"
#include "platform/workers_native.hpp"

#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

namespace dongelek::platform {

void prepareImageDecoder() {}

void loadImage(const std::string& url, std::function<void(LoadedImage)> done)
{
    httpGet(url, [done = std::move(done)](HttpResponse response) mutable {
        if (response.status != 200) {
            done(LoadedImage{response.status, false, {}});
            return;
        }
        native::post([bytes = std::move(response.body), done = std::move(done)] {
            LoadedImage loaded;
            loaded.status = 200;
            DecodedImage& image = loaded.image;
            int channels = 0;
            unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                          static_cast<int>(bytes.size()), &image.width, &image.height,
                                                          &channels, 4);
            loaded.ok = pixels && image.width > 0 && image.height > 0;
            if (loaded.ok) image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) * image.height * 4);
            if (pixels) stbi_image_free(pixels);
            done(std::move(loaded));
        });
    });
}

} // namespace dongelek::platform
