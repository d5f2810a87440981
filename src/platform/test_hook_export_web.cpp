// test_hook_export.hpp in the browser: window.dongelek.items() / state() (web/dongelek_glue.js)
// call the two exported functions below, which return the last completed frame's JSON.

#include "platform/test_hook_export.hpp"

#include <emscripten.h>

namespace {

EM_JS(void, js_hook_ready, (), { Module.dongelekHookReady = true; });
EM_JS(void, js_frame_shown, (), {
    if (Module.dongelekMirror) Module.dongelekMirror();
});

struct HookExport {
    std::function<std::string(bool)> itemsJson;
    std::function<std::string()> stateJson;
    std::string buffer; // the last answer, alive until the next call
    std::uint64_t shownSignature = 0;
    std::function<void(const std::string&, const std::string&, const std::string&)> onRequest;
};

HookExport& st()
{
    static HookExport s;
    return s;
}

} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_items()
{
    st().buffer = st().itemsJson ? st().itemsJson(false) : "[]";
    return st().buffer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_items_all()
{
    st().buffer = st().itemsJson ? st().itemsJson(true) : "[]";
    return st().buffer.c_str();
}
// The accessible mirror (web/dongelek_glue.js) asks for an item's focus or activation.
EMSCRIPTEN_KEEPALIVE void dongelek_item_request(const char* kind, const char* id)
{
    if (kind && id && st().onRequest) st().onRequest(kind, id, "");
}
// A text field's value from the page (a password manager's fill, a screen reader's typing).
EMSCRIPTEN_KEEPALIVE void dongelek_item_value(const char* id, const char* value)
{
    if (id && value && st().onRequest) st().onRequest("set", id, value);
}
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_state()
{
    st().buffer = st().stateJson ? st().stateJson() : "{}";
    return st().buffer.c_str();
}
}

namespace dongelek::platform {

void exposeTestHook(std::function<std::string(bool)> itemsJson, std::function<std::string()> stateJson)
{
    st().itemsJson = std::move(itemsJson);
    st().stateJson = std::move(stateJson);
    js_hook_ready();
}

void frameShown(std::uint64_t signature)
{
    if (signature == st().shownSignature) return;
    st().shownSignature = signature;
    js_frame_shown();
}

void onItemRequest(std::function<void(const std::string&, const std::string&, const std::string&)> handler)
{
    st().onRequest = std::move(handler);
}

void writeDebugJson(const std::string&) {}

} // namespace dongelek::platform
