// Platform: HTTP requests to our server.
// Implements: httpSend, httpGet, setServerBase, siteOrigin.
// http_web.cpp (async emscripten_fetch, same origin: the browser sends and keeps cookies) |
// http_native.cpp (cpp-httplib on the worker threads, with a cookie jar of its own).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace dongelek::platform {

using HttpHeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method = "GET"; // GET, POST, PATCH, DELETE
    std::string url;            // site-relative: "/api/v1/me", "/media/...jpg"
    HttpHeaderList headers;     // sent as given (Authorization, Content-Type, X-Dongelek-CSRF)
    std::string body;
    // Optional: how much of `body` has been sent so far, out of `total` (body.size()). Called zero
    // or more times with increasing `sent`, always before `done`, on the same thread discipline as
    // `done` (an arbitrary thread natively, between frames on the web): callers hand it to the
    // main-thread queue. Web: through the network worker's XMLHttpRequest (fetch cannot report
    // uploads), at most about every 100 ms plus the last; before the worker runs, once with
    // (total, total) when an answer came. Native: as each 64 KB chunk is handed to the socket.
    // Requests without it are sent exactly as before.
    std::function<void(std::uint64_t sent, std::uint64_t total)> onUploadProgress;
};

struct HttpResponse {
    int status = 0;         // 0 when the request never got an HTTP answer
    std::string body;       // raw bytes (JSON text or an image)
    std::string error;      // transport error text when status == 0
    HttpHeaderList headers; // names as the server spelled them (the web cannot read Set-Cookie)
};

// Sends `request`; the native build prefixes the server given with --server. Cookies work as in
// a browser on both: the web's fetch is same-origin (the HttpOnly refresh cookie goes along by
// itself), the desktop keeps what Set-Cookie says in a jar and sends it back on matching paths
// (remembered between runs for persistent cookies, in a file only this user can read).
// `done` runs on an arbitrary thread natively and between frames on the web: callers hand the
// result to the main-thread queue.
void httpSend(HttpRequest request, std::function<void(HttpResponse)> done);
void httpGet(const std::string& url, std::function<void(HttpResponse)> done);
void setServerBase(const std::string& baseUrl); // native only; ignored on the web
// Where app addresses live, for links shared outside the app: the page's location.origin
// (web), the --server base (native). "https://dongelek.kz", no trailing slash.
std::string siteOrigin();

// Runs `work` while no other tab (web) of the site holds the lock called `name` (the Web Locks
// API; at once where it is missing, and natively). `work` calls `release` when it is done.
void runExclusive(const std::string& name, std::function<void(std::function<void()> release)> work);

} // namespace dongelek::platform
