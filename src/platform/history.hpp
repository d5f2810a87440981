// Platform: the address bar and its history.
// Implements: currentUrl, pushUrl, replaceUrl, historyBack, onPopState.
// history_web.cpp (history.pushState / popstate) | history_native.cpp (an in-memory list; Alt+Left is Back).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

// Path and query of the current address ("/listing/5", "/?make=3").
std::string currentUrl();
void pushUrl(const std::string& url);
void replaceUrl(const std::string& url);
// Goes one entry back; the pop handler then reports the new URL.
void historyBack();
// Called with the new URL when the user goes back/forward: between frames on the web, from
// within the frame natively. The handler must hand the work to the main-thread queue.
void onPopState(std::function<void(const std::string& url)> handler);

} // namespace dongelek::platform
