// The web app's photo decoder: a small wasm of its own, run as a Web Worker (-sBUILD_AS_WORKER),
// so stb_image decodes JPEG/PNG off the browser's main thread, the same decoder the desktop uses.

#include "platform/web_image_worker.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <cstring>

// Only what the server stores; the other formats would only make the download bigger.
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#define STBI_MAX_DIMENSIONS dongelek::platform::image_worker::kMaxDimension
#include <stb/stb_image.h>

namespace iw = dongelek::platform::image_worker;

// Called by the worker runtime for each emscripten_call_worker(..., "decode", ...) from the app;
// `data` is the runtime's buffer, reused for the next call. Always answers exactly once, so the
// app never waits on a photo: an HTML error page or a truncated JPEG gets the empty reply.
extern "C" EMSCRIPTEN_KEEPALIVE void decode(char* data, int size)
{
    int width = 0, height = 0, channels = 0;
    stbi_uc* pixels = nullptr;
    if (data && size > 0)
        pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(data), size, &width, &height, &channels, 4);
    if (!pixels || width <= 0 || height <= 0) {
        if (pixels) stbi_image_free(pixels);
        emscripten_worker_respond(nullptr, 0);
        return;
    }
    // One message holds header and pixels: the runtime copies the reply out of the heap anyway,
    // and a second (provisional) message would only add bookkeeping on the main thread.
    const std::size_t total = iw::replySize(width, height);
    char* reply = static_cast<char*>(std::malloc(total));
    if (!reply) { // memory could not grow that far
        stbi_image_free(pixels);
        emscripten_worker_respond(nullptr, 0);
        return;
    }
    const iw::ReplyHeader header{width, height};
    std::memcpy(reply, &header, sizeof header);
    std::memcpy(reply + sizeof header, pixels, total - sizeof header);
    stbi_image_free(pixels);
    emscripten_worker_respond(reply, static_cast<int>(total));
    std::free(reply);
}
