// http.hpp in the browser: async emscripten_fetch to the page's own origin; the callbacks run on
// the browser thread between frames (no pthreads, so no COOP/COEP headers are needed).

#include "platform/http.hpp"

#include <emscripten/fetch.h>

#include <cstring>
#include <memory>

namespace dongelek::platform {

namespace {
void onFetchDone(emscripten_fetch_t* fetch)
{
    std::unique_ptr<std::function<void(HttpResponse)>> done(
        static_cast<std::function<void(HttpResponse)>*>(fetch->userData));
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    if (response.status == 0) response.error = "network error";
    emscripten_fetch_close(fetch);
    (*done)(std::move(response));
}
} // namespace

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = onFetchDone;
    attr.onerror = onFetchDone;
    attr.userData = new std::function<void(HttpResponse)>(std::move(done));
    emscripten_fetch(&attr, url.c_str());
}

void setServerBase(const std::string&) {}

} // namespace dongelek::platform
