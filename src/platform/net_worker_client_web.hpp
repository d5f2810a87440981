// Web only: the main thread's side of the network worker (web_net_worker_protocol.hpp). http_web
// sends requests through it once it runs, image_decode_web sends every photo through it; both
// get their answers between frames, like a fetch callback.
#pragma once

#include "platform/http.hpp"
#include "platform/image_decode.hpp"

#include <functional>
#include <string>

namespace dongelek::platform::net_worker {

struct Reply {
    int status = 0;      // 0: no answer (error says why)
    std::string error;
    HttpHeaderList headers;
    std::string body;    // raw requests
    bool decoded = false; // photo requests: image holds the pixels
    DecodedImage image;
};

// Starts the worker (its file is named by index.html); false when the page names none.
bool start();
bool running();
// Fetches `request` in the worker; with decode=true the answer is a decoded photo, not a body.
// A raw request with onUploadProgress set is sent with XMLHttpRequest instead of fetch, and its
// progress reaches that callback between frames, before `done`.
void send(const HttpRequest& request, bool decode, std::function<void(Reply)> done);

} // namespace dongelek::platform::net_worker
