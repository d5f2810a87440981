// Platform: how the UI's test hook (ui/test_hook.hpp) leaves the app.
// Implements: exposeTestHook, writeDebugJson, frameShown, onItemRequest.
// test_hook_export_web.cpp (window.dongelek.items()/state(), web/dongelek_glue.js) |
// test_hook_export_native.cpp (a JSON file written at exit: --dump-state).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace dongelek::platform {

// `itemsJson(true)` also lists the items scrolled out of view (for the page's accessible mirror).
void exposeTestHook(std::function<std::string(bool all)> itemsJson, std::function<std::string()> stateJson);
// After each frame: the web page rebuilds its accessible mirror when `signature` changed.
void frameShown(std::uint64_t signature);
// What the page asks of an item: "focus" (a screen reader moved to it), "activate" (pressed it),
// "set" (a text field's new `value`: a password manager filled the page's input, or a screen
// reader typed into it) or "submit" (Enter in such an input), with the item's hook id. Called
// between frames; the handler queues the work.
void onItemRequest(std::function<void(const std::string& kind, const std::string& id, const std::string& value)> handler);
// Native: writes the state object with the items added as "items" to `path` ("-" = stdout).
void writeDebugJson(const std::string& path);

} // namespace dongelek::platform
