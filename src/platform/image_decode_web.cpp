// image_decode.hpp in the browser: stb_image runs in a Web Worker (web_image_worker.cpp, its own
// small wasm built with -sBUILD_AS_WORKER), so no photo is decoded on the main thread; the
// upload to a texture is image_upload.cpp.

#include "platform/image_decode.hpp"
#include "platform/web_image_worker.hpp"

#include <emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

namespace dongelek::platform {

namespace {

// index.html names the content-hashed decoder file (web/stage_dist.cmake); "" when it does not.
EM_JS(char*, js_image_worker_url, (), {
    var s = Module["imageWorkerUrl"] || "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// Photos that have waited this long with no reply from the decoder are given up (its file is
// gone after a redeploy, or the worker died): they fail like undecodable data, and the next
// photo starts a fresh worker. Far above a decode (~10 ms for 960x720) or the worker's start.
constexpr double kWorkerTimeoutMs = 15000;

// Requests wait in the worker's message queue and are answered in order.
struct DecoderState {
    std::optional<worker_handle> worker;
    int nextRequest = 1;
    std::map<int, std::function<void(DecodedImage, bool)>> requests;
    double progressMs = 0;   // last reply, or the request that found the worker idle
    bool watchdogArmed = false;
};

DecoderState& st()
{
    static DecoderState s;
    return s;
}

bool startWorker()
{
    DecoderState& s = st();
    if (s.worker) return true;
    char* p = js_image_worker_url();
    const std::string url = p ? p : "";
    std::free(p);
    if (url.empty()) return false;
    s.worker = emscripten_create_worker(url.c_str());
    return true;
}

// Runs on a browser timer while requests are outstanding: gives up on a decoder that stopped answering.
void watchdog(void*)
{
    DecoderState& s = st();
    s.watchdogArmed = false;
    if (s.requests.empty()) return;
    const double waited = emscripten_get_now() - s.progressMs;
    if (waited < kWorkerTimeoutMs) {
        s.watchdogArmed = true;
        emscripten_async_call(watchdog, nullptr, static_cast<int>(kWorkerTimeoutMs - waited) + 1);
        return;
    }
    if (s.worker) emscripten_destroy_worker(*s.worker);
    s.worker.reset();
    auto requests = std::move(s.requests);
    s.requests.clear();
    for (auto& [request, done] : requests) done(DecodedImage{}, false);
}

// Runs on the main thread between frames (the worker's message event), like a fetch callback.
// `data` is the runtime's buffer, reused for the next reply: the pixels are copied out.
void onDecoded(char* data, int size, void* arg)
{
    DecoderState& s = st();
    s.progressMs = emscripten_get_now();
    const auto it = s.requests.find(static_cast<int>(reinterpret_cast<std::intptr_t>(arg)));
    if (it == s.requests.end()) return; // already given up on
    auto done = std::move(it->second);
    s.requests.erase(it);

    namespace iw = image_worker;
    iw::ReplyHeader header{0, 0};
    const std::size_t n = size > 0 ? static_cast<std::size_t>(size) : 0;
    if (n >= sizeof header) std::memcpy(&header, data, sizeof header);
    const bool ok = header.width > 0 && header.height > 0 && header.width <= iw::kMaxDimension &&
                    header.height <= iw::kMaxDimension && n == iw::replySize(header.width, header.height);
    DecodedImage image;
    if (ok) {
        image.width = header.width;
        image.height = header.height;
        image.rgba.assign(data + sizeof header, data + n);
    }
    done(std::move(image), ok);
}

} // namespace

void prepareImageDecoder()
{
    // Fetch and compile the decoder while the first listings load, so it is ready when their photos arrive.
    startWorker();
}

void decodeImage(std::string bytes, std::function<void(DecodedImage, bool)> done)
{
    DecoderState& s = st();
    if (!startWorker()) { // a page that does not name the decoder: no photos, but no hang either
        done(DecodedImage{}, false);
        return;
    }
    if (s.requests.empty()) s.progressMs = emscripten_get_now();
    const int request = s.nextRequest++;
    s.requests.emplace(request, std::move(done));
    if (!s.watchdogArmed) {
        s.watchdogArmed = true;
        emscripten_async_call(watchdog, nullptr, static_cast<int>(kWorkerTimeoutMs) + 1);
    }
    // The bytes are copied into the message, so `bytes` may go when this returns.
    emscripten_call_worker(*s.worker, image_worker::kDecodeFunction, bytes.data(), static_cast<int>(bytes.size()),
                           onDecoded, reinterpret_cast<void*>(static_cast<std::intptr_t>(request)));
}

} // namespace dongelek::platform
