// test_hook_export.hpp in the browser: window.dongelek.items() / state() (web/dongelek_glue.js)
// call the two exported functions below, which return the last completed frame's JSON.

#include "platform/test_hook_export.hpp"

#include <emscripten.h>

namespace {

EM_JS(void, js_hook_ready, (), { Module.dongelekHookReady = true; });

struct HookExport {
    std::function<std::string()> itemsJson;
    std::function<std::string()> stateJson;
    std::string buffer; // the last answer, alive until the next call
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
    st().buffer = st().itemsJson ? st().itemsJson() : "[]";
    return st().buffer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_state()
{
    st().buffer = st().stateJson ? st().stateJson() : "{}";
    return st().buffer.c_str();
}
}

namespace dongelek::platform {

void exposeTestHook(std::function<std::string()> itemsJson, std::function<std::string()> stateJson)
{
    st().itemsJson = std::move(itemsJson);
    st().stateJson = std::move(stateJson);
    js_hook_ready();
}

void writeDebugJson(const std::string&) {}

} // namespace dongelek::platform
