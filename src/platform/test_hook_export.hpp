// Platform: how the UI's test hook (ui/test_hook.hpp) leaves the app.
// Implements: exposeTestHook, writeDebugJson.
// test_hook_export_web.cpp (window.dongelek.items()/state(), web/dongelek_glue.js) |
// test_hook_export_native.cpp (a JSON file written at exit: --dump-state).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

void exposeTestHook(std::function<std::string()> itemsJson, std::function<std::string()> stateJson);
// Native: writes the state object with the items added as "items" to `path` ("-" = stdout).
void writeDebugJson(const std::string& path);

} // namespace dongelek::platform
