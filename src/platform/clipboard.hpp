// Platform: copy and paste.
// Implements: installClipboard.
// clipboard_web.cpp (navigator.clipboard; paste arrives from web/dongelek_glue.js) |
// clipboard_native.cpp (SDL's clipboard, which ImGui's SDL backend already uses).
#pragma once

namespace dongelek::platform {

// Routes ImGui's clipboard to the system's. Call once after init().
void installClipboard();

} // namespace dongelek::platform
