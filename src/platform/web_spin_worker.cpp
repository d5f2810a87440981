// The web app's spin worker: a wasm of its own run as a Web Worker, started only when a seller
// uploads a 360° spin, so preparing 24-72 photos (core/spin_job.hpp: about 70 ms of work a photo
// in WebAssembly) never costs the page's main thread and nobody else downloads it. Its message
// loop, which reads the picked files, is web/spin_worker_main.js; these are the steps it calls.
// It also prepares a seller's listing photos one at a time (core/photo_job.hpp: photo_prepare),
// for platform/photo_pick_web.cpp: the same decoder and resampler, so one worker file serves both.

#include "core/photo_job.hpp"
#include "core/spin_job.hpp"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace {
std::unique_ptr<dongelek::spin::SpinJob> g_job;
std::string g_out[2]; // the last outputs, read by JS through spin_output
std::string g_flags;
std::string g_photo; // the last prepared listing photo, read by JS through photo_output
} // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void spin_begin(int frames) { g_job = std::make_unique<dongelek::spin::SpinJob>(frames); }

EMSCRIPTEN_KEEPALIVE int spin_analyze(int index, const unsigned char* data, int length)
{
    return g_job && g_job->analyze(index, data, static_cast<std::size_t>(length)) ? 1 : 0;
}

// The plan's flags, one frame per character group: "c" car not found, "x" cut off, "b" blurry,
// "d" too dark, "o" out of order, "-" none; frames separated by commas.
EMSCRIPTEN_KEEPALIVE const char* spin_plan()
{
    g_flags.clear();
    if (!g_job) return g_flags.c_str();
    for (const auto& f : g_job->plan().frames) {
        if (!g_flags.empty()) g_flags += ',';
        const auto& x = f.flags;
        std::string one = std::string(x.carNotFound ? "c" : "") + (x.cutOff ? "x" : "") + (x.blurry ? "b" : "") +
                          (x.tooDark ? "d" : "") + (x.outOfOrder ? "o" : "");
        g_flags += one.empty() ? "-" : one;
    }
    return g_flags.c_str();
}

EMSCRIPTEN_KEEPALIVE int spin_render(int index, const unsigned char* data, int length)
{
    return g_job && g_job->render(index, data, static_cast<std::size_t>(length), g_out[0], g_out[1]) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void spin_atlas()
{
    g_out[0] = g_job ? g_job->atlasJpeg() : std::string();
    g_out[1].clear();
}

// Output `which` (0 full or atlas, 1 medium): its bytes, and its length in *length.
EMSCRIPTEN_KEEPALIVE const char* spin_output(int which, int* length)
{
    const std::string& s = g_out[which ? 1 : 0];
    *length = static_cast<int>(s.size());
    return s.data();
}

// One listing photo from its file's bytes (preparePhotoFile, fitted within `longestSide`, JPEG at
// `quality`). 0 when prepared: its JPEG is photo_output's, and info[0..4] are its width and
// height, the source's width and height (upright) and the hints (1 too small, 2 blurry, 4 too
// dark). Otherwise 1 not an image, 2 too large, 3 out of memory. Independent of a spin job.
EMSCRIPTEN_KEEPALIVE int photo_prepare(const unsigned char* data, int length, int longestSide, int quality, int* info)
{
    g_photo.clear();
    g_photo.shrink_to_fit();
    if (!data || length <= 0) return 1;
    dongelek::photo::PhotoResult r = dongelek::photo::preparePhotoFile(
        std::string_view(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length)), longestSide, quality);
    if (!r.ok) return r.error == "toolarge" ? 2 : r.error == "memory" ? 3 : 1;
    g_photo = std::move(r.jpeg);
    info[0] = r.width;
    info[1] = r.height;
    info[2] = r.srcWidth;
    info[3] = r.srcHeight;
    info[4] = (r.quality.tooSmall ? 1 : 0) | (r.quality.blurry ? 2 : 0) | (r.quality.tooDark ? 4 : 0);
    return 0;
}

// The last prepared photo's JPEG bytes, and their length in *length.
EMSCRIPTEN_KEEPALIVE const char* photo_output(int* length)
{
    *length = static_cast<int>(g_photo.size());
    return g_photo.data();
}

// Lets the last photo's JPEG go (once JS has copied it out).
EMSCRIPTEN_KEEPALIVE void photo_release()
{
    g_photo.clear();
    g_photo.shrink_to_fit();
}

EMSCRIPTEN_KEEPALIVE void spin_end()
{
    g_job.reset();
    g_out[0].clear();
    g_out[0].shrink_to_fit();
    g_out[1].clear();
    g_out[1].shrink_to_fit();
}
}
