// test_hook_export.hpp on the desktop: the hook's JSON is kept as functions and written to a file
// (or stdout) at exit when the app runs with --dump-state (the native smoke test reads it).

#include "platform/test_hook_export.hpp"

#include <cstdio>

namespace dongelek::platform {

namespace {
std::function<std::string(bool)> g_itemsJson;
std::function<std::string()> g_stateJson;
} // namespace

void exposeTestHook(std::function<std::string(bool)> itemsJson, std::function<std::string()> stateJson)
{
    g_itemsJson = std::move(itemsJson);
    g_stateJson = std::move(stateJson);
}

void frameShown(std::uint64_t) {}
void onItemRequest(std::function<void(const std::string&, const std::string&, const std::string&)>) {}

void writeDebugJson(const std::string& path)
{
    if (!g_itemsJson || !g_stateJson) return;
    // {"screen": ..., ..., "items": [...]}: the state object with one more member.
    std::string state = g_stateJson();
    if (state.size() < 2 || state.back() != '}') return;
    state.pop_back();
    state += ",\"items\":" + g_itemsJson(false) + "}\n";
    if (path == "-") {
        std::fputs(state.c_str(), stdout);
        std::fflush(stdout);
        return;
    }
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fputs(state.c_str(), f);
        std::fclose(f);
    } else {
        std::fprintf(stderr, "dongelek: cannot write %s\n", path.c_str());
    }
}

} // namespace dongelek::platform
