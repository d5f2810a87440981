// The web app's network worker: a small wasm of its own run as a Web Worker, so neither HTTP
// requests (the browser's XHR/fetch bookkeeping) nor decoding photos (stb_image, the same decoder
// the desktop uses) cost the browser's main thread, where frames are drawn. Its message loop,
// which does the fetches, is web/net_worker_main.js; this is the decoder it calls.

#include "platform/web_net_worker_protocol.hpp"

#include <emscripten/emscripten.h>

// Only what the server stores; the other formats would only make the download bigger.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS dongelek::platform::net_worker::kMaxDimension
#include <stb/stb_image.h>

// RGBA8 pixels of the JPEG/PNG in `data`, with their size in size[0..1]; null for anything
// stb_image cannot read (an HTML error page, a truncated file) or when memory cannot grow.
extern "C" EMSCRIPTEN_KEEPALIVE unsigned char* decode_rgba(const unsigned char* data, int length, int* size)
{
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = data && length > 0 ? stbi_load_from_memory(data, length, &width, &height, &channels, 4) : nullptr;
    if (pixels && (width <= 0 || height <= 0)) {
        stbi_image_free(pixels);
        pixels = nullptr;
    }
    size[0] = pixels ? width : 0;
    size[1] = pixels ? height : 0;
    return pixels;
}

extern "C" EMSCRIPTEN_KEEPALIVE void free_rgba(unsigned char* pixels) { stbi_image_free(pixels); }
