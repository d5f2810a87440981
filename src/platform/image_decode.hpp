// Platform: photos from a URL to GL textures, never fetched or decoded in a frame.
// Implements: loadImage, prepareImageDecoder (per platform), uploadImage, discardImage (image_upload.cpp).
// image_decode_web.cpp (fetch + stb_image in the network worker, net_worker_client_web.cpp) |
// image_decode_native.cpp (httpGet, then stb_image on the worker threads).
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

struct LoadedImage {
    int status = 0;    // the HTTP status; 0 when no answer came (offline, reset, the loader died),
                       // -1 when this page has no loader at all
    bool ok = false;   // status 200 and the body was a JPEG or PNG stb_image could read
    DecodedImage image;
};

// Fetches a site-relative photo URL and decodes it, both off the main thread. Like httpGet,
// `done` may run on any thread natively and runs between frames on the web.
void loadImage(const std::string& url, std::function<void(LoadedImage)> done);
// Gets the loader ready before the first photo is wanted (the web fetches and compiles its
// worker); call after the first frame so it never delays the app's own download.
void prepareImageDecoder();
// Main thread: turns the image into a GL texture (LINEAR, CLAMP_TO_EDGE) and releases the
// decoded pixels. Returns the texture name, 0 on failure.
unsigned uploadImage(DecodedImage& image);
// Releases an image that will not be uploaded (evicted or no longer wanted).
void discardImage(DecodedImage& image);

} // namespace dongelek::platform
