// Platform: HTTP requests to our server.
// Implements: httpGet, setServerBase.
// http_web.cpp (async emscripten_fetch, same origin) | http_native.cpp (cpp-httplib on the worker threads).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

struct HttpResponse {
    int status = 0;    // 0 when the request never got an HTTP answer
    std::string body;  // raw bytes (JSON text or an image)
    std::string error; // transport error text when status == 0
};

// `url` is site-relative ("/api/v1/listings?make=3", "/media/...jpg"); the native build
// prefixes the server given with --server. `done` runs on an arbitrary thread natively
// and between frames on the web: callers hand the result to the main-thread queue.
void httpGet(const std::string& url, std::function<void(HttpResponse)> done);
void setServerBase(const std::string& baseUrl); // native only; ignored on the web

} // namespace dongelek::platform
