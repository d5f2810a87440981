// history.hpp in the browser: the real address bar (history.pushState / replaceState) and the
// popstate event, forwarded by web/dongelek_glue.js between frames.

#include "platform/history.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// Strings returned to C++ are malloc'ed here and freed by the caller.
EM_JS(char*, js_location, (), {
    var s = window.location.pathname + window.location.search;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_push_url, (const char* url), { window.history.pushState(null, "", UTF8ToString(url)); });
EM_JS(void, js_replace_url, (const char* url), { window.history.replaceState(null, "", UTF8ToString(url)); });
EM_JS(void, js_history_back, (), { window.history.back(); });

std::function<void(const std::string&)>& popHandler()
{
    static std::function<void(const std::string&)> handler;
    return handler;
}

} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void dongelek_on_popstate()
{
    if (popHandler()) popHandler()(dongelek::platform::currentUrl());
}
}

namespace dongelek::platform {

std::string currentUrl()
{
    char* p = js_location();
    std::string url = p ? p : "/";
    std::free(p);
    return url;
}
void pushUrl(const std::string& url) { js_push_url(url.c_str()); }
void replaceUrl(const std::string& url) { js_replace_url(url.c_str()); }
void historyBack() { js_history_back(); }
void onPopState(std::function<void(const std::string& url)> handler) { popHandler() = std::move(handler); }

} // namespace dongelek::platform
