// Platform: sharing a page and opening addresses outside the app.
// Implements: canShareSheet, shareSheet, openExternal.
// share_web.cpp (navigator.share where the browser has it; window.open / location for tel:) |
// share_native.cpp (no share sheet: the caller copies the link; SDL_OpenURL).
#pragma once

#include <string>

namespace dongelek::platform {

// The system's share sheet is there (a phone's browser, Safari, Edge): navigator.share.
bool canShareSheet();
// Opens the share sheet with a title, a line of text and the link. Call from the frame that
// handled the press (the browser wants a recent user gesture). Does nothing where it is missing.
void shareSheet(const std::string& title, const std::string& text, const std::string& url);
// Opens an address that is not the app's: "tel:+7701...", "https://wa.me/...". Web links open
// in a new tab; tel: goes to the phone's dialler.
void openExternal(const std::string& url);

} // namespace dongelek::platform
