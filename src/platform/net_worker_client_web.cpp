// The main thread's side of the network worker: one Worker, requests by number, the answers'
// bytes copied straight into the request's reply, and a watchdog for a worker that stopped
// answering (its file is gone after a redeploy, or it died).

#include "platform/net_worker_client_web.hpp"
#include "platform/web_net_worker_protocol.hpp"

#include <emscripten.h>

#include <cstdint>
#include <map>

namespace dongelek::platform::net_worker {

namespace {

// Requests that have waited this long with no reply at all from the worker are given up: they
// fail like a dropped connection (status 0), and the next request starts a fresh worker.
constexpr double kWorkerTimeoutMs = 30000;

struct Pending {
    std::function<void(Reply)> done;
    Reply reply;
    std::function<void(std::uint64_t, std::uint64_t)> onUploadProgress; // the request's, if any
};

struct WorkerState {
    bool started = false;
    int nextRequest = 1;
    std::map<int, Pending> requests;
    double progressMs = 0; // last reply, or the request that found the worker idle
    bool watchdogArmed = false;
};

WorkerState& st()
{
    static WorkerState s;
    return s;
}

EM_JS(int, js_net_worker_start, (), {
    var url = Module["netWorkerUrl"] || "";
    if (!url) return 0;
    var worker = new Worker(url);
    function text(s, into) {
        var n = lengthBytesUTF8(s) + 1;
        var p = _malloc(n);
        if (!p) return;
        stringToUTF8(s, p, n);
        into(p);
        _free(p);
    }
    worker.onmessage = function(e) {
        var d = e.data;
        if (typeof d.progress === 'number') { // upload progress; the request goes on
            _dongelek_net_progress(d.id, d.progress, d.total);
            return;
        }
        var ok = 0;
        if (d.pixels) {
            var p = _dongelek_net_pixels(d.id, d.width, d.height);
            if (p) {
                HEAPU8.set(d.pixels, p);
                ok = 1;
            }
        } else if (d.body) {
            var bytes = new Uint8Array(d.body);
            var q = _dongelek_net_body(d.id, bytes.length);
            if (q || !bytes.length) {
                if (bytes.length) HEAPU8.set(bytes, q);
                ok = 1;
            }
        }
        if (d.headers) text(d.headers, function(p) { _dongelek_net_headers(d.id, p); });
        if (d.error) text(d.error, function(p) { _dongelek_net_error(d.id, p); });
        _dongelek_net_done(d.id, d.status, ok);
    };
    worker.onerror = function(e) {
        e.preventDefault();
        _dongelek_net_failed();
    };
    Module.dongelekNetWorker = worker;
    return 1;
});
EM_JS(void, js_net_worker_post, (int id, int decode, int progress, const char* method, const char* url,
                                 const char* const* headers, const char* body, int bodySize), {
    var list = [];
    for (var i = 0; HEAPU32[(headers >> 2) + i]; i += 2)
        list.push([ UTF8ToString(HEAPU32[(headers >> 2) + i]), UTF8ToString(HEAPU32[(headers >> 2) + i + 1]) ]);
    var message = {
        id : id,
        decode : !!decode,
        progress : !!progress,
        method : UTF8ToString(method),
        url : UTF8ToString(url),
        headers : list,
        body : bodySize > 0 ? HEAPU8.slice(body, body + bodySize) : null
    };
    Module.dongelekNetWorker.postMessage(message, message.body ? [message.body.buffer] : []);
});
EM_JS(void, js_net_worker_stop, (), {
    if (Module.dongelekNetWorker) Module.dongelekNetWorker.terminate();
    Module.dongelekNetWorker = null;
});

// Every outstanding request fails as "no answer"; the next request starts a fresh worker.
void failAll(const char* why)
{
    WorkerState& s = st();
    if (s.started) js_net_worker_stop();
    s.started = false;
    auto requests = std::move(s.requests);
    s.requests.clear();
    for (auto& [id, pending] : requests) {
        Reply reply;
        reply.error = why;
        pending.done(std::move(reply));
    }
}

// Runs on a browser timer while requests are outstanding.
void watchdog(void*)
{
    WorkerState& s = st();
    s.watchdogArmed = false;
    if (s.requests.empty()) return;
    const double waited = emscripten_get_now() - s.progressMs;
    if (waited < kWorkerTimeoutMs) {
        s.watchdogArmed = true;
        emscripten_async_call(watchdog, nullptr, static_cast<int>(kWorkerTimeoutMs - waited) + 1);
        return;
    }
    failAll("the network worker stopped answering");
}

Reply* replyFor(int id)
{
    const auto it = st().requests.find(id);
    return it == st().requests.end() ? nullptr : &it->second.reply;
}

} // namespace

bool start()
{
    WorkerState& s = st();
    if (!s.started) s.started = js_net_worker_start() != 0;
    return s.started;
}

bool running() { return st().started; }

void send(const HttpRequest& request, bool decode, std::function<void(Reply)> done)
{
    WorkerState& s = st();
    if (!start()) {
        Reply reply;
        reply.status = -1; // this page has no worker
        reply.error = "no network worker";
        done(std::move(reply));
        return;
    }
    if (s.requests.empty()) s.progressMs = emscripten_get_now();
    const int id = s.nextRequest++;
    s.requests.emplace(id, Pending{std::move(done), {}, request.onUploadProgress});
    if (!s.watchdogArmed) {
        s.watchdogArmed = true;
        emscripten_async_call(watchdog, nullptr, static_cast<int>(kWorkerTimeoutMs) + 1);
    }
    std::vector<const char*> headers;
    for (const auto& [name, value] : request.headers) {
        headers.push_back(name.c_str());
        headers.push_back(value.c_str());
    }
    headers.push_back(nullptr);
    headers.push_back(nullptr);
    const bool progress = !decode && request.onUploadProgress;
    js_net_worker_post(id, decode ? 1 : 0, progress ? 1 : 0, request.method.c_str(), request.url.c_str(),
                       headers.data(), request.body.data(), static_cast<int>(request.body.size()));
}

} // namespace dongelek::platform::net_worker

namespace nw = dongelek::platform::net_worker;

// Where the worker's pixels for request `id` go (null: refused, or the request was given up).
extern "C" EMSCRIPTEN_KEEPALIVE unsigned char* dongelek_net_pixels(int id, int width, int height)
{
    nw::Reply* reply = nw::replyFor(id);
    if (!reply || width <= 0 || height <= 0 || width > nw::kMaxDimension || height > nw::kMaxDimension) return nullptr;
    reply->image.width = width;
    reply->image.height = height;
    reply->image.rgba.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    return reply->image.rgba.data();
}

extern "C" EMSCRIPTEN_KEEPALIVE char* dongelek_net_body(int id, int size)
{
    nw::Reply* reply = nw::replyFor(id);
    if (!reply || size <= 0) return nullptr;
    reply->body.resize(static_cast<std::size_t>(size));
    return reply->body.data();
}

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_net_headers(int id, const char* block)
{
    nw::Reply* reply = nw::replyFor(id);
    if (!reply || !block) return;
    // "name: value\r\n" lines, as the worker wrote them.
    std::string_view rest(block);
    while (!rest.empty()) {
        const std::size_t end = rest.find("\r\n");
        const std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 2);
        const std::size_t colon = line.find(": ");
        if (colon != std::string_view::npos)
            reply->headers.emplace_back(std::string(line.substr(0, colon)), std::string(line.substr(colon + 2)));
    }
}

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_net_error(int id, const char* error)
{
    if (nw::Reply* reply = nw::replyFor(id)) reply->error = error ? error : "";
}

// Upload progress of request `id` (the worker sends it for requests with onUploadProgress only).
// The request stays outstanding; a message from the worker also tells the watchdog it is alive.
extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_net_progress(int id, double sent, double total)
{
    auto& s = nw::st();
    s.progressMs = emscripten_get_now();
    const auto it = s.requests.find(id);
    if (it == s.requests.end() || !it->second.onUploadProgress) return; // given up on, or never asked
    const auto bytes = [](double v) { return v > 0 ? static_cast<std::uint64_t>(v) : std::uint64_t{0}; };
    auto progress = it->second.onUploadProgress; // a copy: the callback may send or give up requests
    progress(bytes(sent), bytes(total));
}

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_net_done(int id, int status, int ok)
{
    auto& s = nw::st();
    s.progressMs = emscripten_get_now();
    const auto it = s.requests.find(id);
    if (it == s.requests.end()) return; // already given up on
    nw::Pending pending = std::move(it->second);
    s.requests.erase(it);
    pending.reply.status = status;
    pending.reply.decoded = ok != 0 && pending.reply.image.width > 0;
    if (status == 0 && pending.reply.error.empty()) pending.reply.error = "network error";
    pending.done(std::move(pending.reply));
}

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_net_failed() { nw::failAll("the network worker failed"); }
