// The web app's spin worker: a wasm of its own run as a Web Worker, started only when a seller
// uploads a 360° spin, so preparing 24-72 photos (core/spin_job.hpp: about 70 ms of work a photo
// in WebAssembly) never costs the page's main thread and nobody else downloads it. Its message
// loop, which reads the picked files, is web/spin_worker_main.js; these are the steps it calls.

#include "core/spin_job.hpp"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <memory>
#include <string>

namespace {
std::unique_ptr<dongelek::spin::SpinJob> g_job;
std::string g_out[2]; // the last outputs, read by JS through spin_output
std::string g_flags;
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

EMSCRIPTEN_KEEPALIVE void spin_end()
{
    g_job.reset();
    g_out[0].clear();
    g_out[0].shrink_to_fit();
    g_out[1].clear();
    g_out[1].shrink_to_fit();
}
}
