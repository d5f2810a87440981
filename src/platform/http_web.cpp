// http.hpp in the browser: requests to the page's own origin go through the network worker
// (net_worker_client_web.hpp) once it runs, so starting them costs the main thread almost nothing;
// until then (the first requests, before the first frame) through emscripten_fetch. Either way
// the callbacks run on the browser thread between frames (no pthreads, so no COOP/COEP headers
// are needed), and same-origin requests send the site's cookies (the HttpOnly refresh cookie).

#include "platform/http.hpp"
#include "platform/net_worker_client_web.hpp"

#include <emscripten.h>
#include <emscripten/fetch.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

namespace dongelek::platform {

namespace {

// Everything a request needs until its callback: the request's own bytes (emscripten_fetch reads
// them at once, but they are kept to be safe) and the callback.
struct Pending {
    HttpRequest request;
    std::vector<const char*> headerPointers; // name, value, ..., nullptr
    std::function<void(HttpResponse)> done;
};

HttpHeaderList responseHeaders(emscripten_fetch_t* fetch)
{
    HttpHeaderList out;
    const std::size_t n = emscripten_fetch_get_response_headers_length(fetch);
    if (n == 0) return out;
    std::string raw(n + 1, '\0');
    emscripten_fetch_get_response_headers(fetch, raw.data(), raw.size());
    char** pairs = emscripten_fetch_unpack_response_headers(raw.c_str());
    if (!pairs) return out;
    for (char** p = pairs; p[0] && p[1]; p += 2) {
        std::string value = p[1];
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
        out.emplace_back(p[0], std::move(value));
    }
    emscripten_fetch_free_unpacked_response_headers(pairs);
    return out;
}

void onFetchDone(emscripten_fetch_t* fetch)
{
    std::unique_ptr<Pending> pending(static_cast<Pending*>(fetch->userData));
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    if (response.status == 0) response.error = "network error";
    else response.headers = responseHeaders(fetch);
    emscripten_fetch_close(fetch);
    // emscripten_fetch reports no upload progress: the whole body went once an answer came.
    if (pending->request.onUploadProgress && response.status != 0) {
        const auto total = static_cast<std::uint64_t>(pending->request.body.size());
        pending->request.onUploadProgress(total, total);
    }
    pending->done(std::move(response));
}

// The page's origin, in memory the caller frees.
EM_JS(char*, js_site_origin, (), {
    var s = location.origin;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// [SECTION] Web Locks: navigator.locks.request(name, () => promise) with the promise resolved when
// the C++ side releases. The work runs inside the lock's callback.

EM_JS(int, js_request_lock, (const char* name, int id), {
    if (!navigator.locks || !navigator.locks.request) return 0;
    Module.dongelekLocks = Module.dongelekLocks || {};
    navigator.locks.request(UTF8ToString(name), function() {
        return new Promise(function(resolve) {
            Module.dongelekLocks[id] = resolve;
            Module._dongelek_lock_granted(id);
        });
    }).catch(function() {});
    return 1;
});
EM_JS(void, js_release_lock, (int id), {
    var release = Module.dongelekLocks && Module.dongelekLocks[id];
    if (release) {
        delete Module.dongelekLocks[id];
        release();
    }
});

std::map<int, std::function<void(std::function<void()>)>>& lockWork()
{
    static std::map<int, std::function<void(std::function<void()>)>> work;
    return work;
}

} // namespace

void httpSend(HttpRequest request, std::function<void(HttpResponse)> done)
{
    if (net_worker::running()) {
        net_worker::send(request, false, [done = std::move(done)](net_worker::Reply reply) {
            HttpResponse response;
            response.status = std::max(0, reply.status);
            response.body = std::move(reply.body);
            response.error = std::move(reply.error);
            response.headers = std::move(reply.headers);
            done(std::move(response));
        });
        return;
    }
    auto* pending = new Pending{std::move(request), {}, std::move(done)};
    for (const auto& [name, value] : pending->request.headers) {
        pending->headerPointers.push_back(name.c_str());
        pending->headerPointers.push_back(value.c_str());
    }
    pending->headerPointers.push_back(nullptr);
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strncpy(attr.requestMethod, pending->request.method.c_str(), sizeof(attr.requestMethod) - 1);
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = onFetchDone;
    attr.onerror = onFetchDone;
    attr.userData = pending;
    if (pending->request.headers.size() > 0) attr.requestHeaders = pending->headerPointers.data();
    if (!pending->request.body.empty()) {
        attr.requestData = pending->request.body.data();
        attr.requestDataSize = pending->request.body.size();
    }
    emscripten_fetch(&attr, pending->request.url.c_str());
}

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    HttpRequest request;
    request.url = url;
    httpSend(std::move(request), std::move(done));
}

void setServerBase(const std::string&) {}

std::string siteOrigin()
{
    char* origin = js_site_origin();
    std::string out = origin ? origin : "";
    std::free(origin);
    return out;
}

void runExclusive(const std::string& name, std::function<void(std::function<void()> release)> work)
{
    static int nextId = 0;
    const int id = ++nextId;
    lockWork()[id] = std::move(work);
    if (js_request_lock(name.c_str(), id)) return; // granted later, between frames
    auto w = std::move(lockWork()[id]);
    lockWork().erase(id);
    w([] {}); // no Web Locks here: one tab's word is all there is
}

} // namespace dongelek::platform

extern "C" EMSCRIPTEN_KEEPALIVE void dongelek_lock_granted(int id)
{
    auto& all = dongelek::platform::lockWork();
    const auto it = all.find(id);
    if (it == all.end()) return;
    auto work = std::move(it->second);
    all.erase(it);
    work([id] { dongelek::platform::js_release_lock(id); });
}
