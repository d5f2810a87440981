// Platform: photos from JPEG/PNG bytes to GL textures, never decoded in a frame.
// Implements: decodeImage, prepareImageDecoder (per platform), uploadImage, discardImage (image_upload.cpp).
// image_decode_web.cpp (stb_image in a Web Worker, web_image_worker.cpp) |
// image_decode_native.cpp (stb_image on the worker threads).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dongelek::platform {

// A decoded photo waiting to become a texture: RGBA8 pixels, rows top to bottom, from stb_image
// on both platforms.
struct DecodedImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};

// Decodes JPEG/PNG bytes off the main thread. `done` gets ok=false for undecodable data (an
// HTML error page, a truncated file) and, on the web, when the decoder cannot be reached;
// like httpGet it may run on any thread.
void decodeImage(std::string bytes, std::function<void(DecodedImage image, bool ok)> done);
// Gets the decoder ready before the first photo arrives (the web fetches and compiles its
// worker); call after the first frame so it never delays the app's own download.
void prepareImageDecoder();
// Main thread: turns the image into a GL texture (LINEAR, CLAMP_TO_EDGE) and releases the
// decoded pixels. Returns the texture name, 0 on failure.
unsigned uploadImage(DecodedImage& image);
// Releases an image that will not be uploaded (evicted or no longer wanted).
void discardImage(DecodedImage& image);

} // namespace dongelek::platform
