// What the web app and its image decoder worker (web_image_worker.cpp, a separate wasm) say to
// each other through emscripten_call_worker: the function name and the layout of a reply.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dongelek::platform::image_worker {

// The worker's exported entry point: decode(char* bytes, int size) with JPEG or PNG bytes.
constexpr const char* kDecodeFunction = "decode";

// A reply is this header followed by width * height * 4 bytes of RGBA8, rows top to bottom.
// An empty reply means the bytes were not an image stb_image can read.
struct ReplyHeader {
    std::int32_t width;
    std::int32_t height;
};

// Larger photos are refused before any pixel is allocated: a bogus header must not make the
// worker (or the texture upload) ask for gigabytes. Above WebGL's usual 8192 limit anyway.
constexpr int kMaxDimension = 8192;

constexpr std::size_t replySize(int width, int height)
{
    return sizeof(ReplyHeader) + static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4;
}

} // namespace dongelek::platform::image_worker
