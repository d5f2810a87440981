// clipboard.hpp in the browser: SDL 2.26 has no browser clipboard, so ImGui's copy goes to
// navigator.clipboard and a paste arrives as text from web/dongelek_glue.js (which keeps
// Ctrl/Cmd+V from SDL until the text is known).

#include "platform/clipboard.hpp"
#include "platform/web_window.hpp"
#include "platform/window.hpp"

#include <SDL.h>
#include <emscripten.h>
#include <imgui.h>

#include <string>

namespace {

// Copy: the key press that triggered it is a fresh user activation, so writeText is allowed.
EM_JS(void, js_clipboard_write, (const char* text), {
    var s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(function() {});
});

std::string& clipboard()
{
    static std::string text;
    return text;
}

const char* getClipboard(void*) { return clipboard().c_str(); }
void setClipboard(void*, const char* text)
{
    clipboard() = text ? text : "";
    js_clipboard_write(clipboard().c_str());
}

} // namespace

extern "C" {
// The browser's clipboard text on Ctrl/Cmd+V. It becomes ImGui's clipboard and a Ctrl+V joins
// SDL's queue, so ImGui pastes as usual: in order with other keys, replacing a selection,
// through the field's filters.
EMSCRIPTEN_KEEPALIVE void dongelek_on_paste(const char* text)
{
    SDL_Window* window = dongelek::platform::web::sdlWindow();
    if (!text || !window) return;
    clipboard() = text;
    SDL_Event e{};
    e.key.windowID = SDL_GetWindowID(window);
    e.key.keysym.scancode = SDL_SCANCODE_V;
    e.key.keysym.sym = SDLK_v;
    e.key.keysym.mod = KMOD_LCTRL;
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    dongelek::platform::requestFrame();
}
}

namespace dongelek::platform {

void installClipboard()
{
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = setClipboard;
    io.GetClipboardTextFn = getClipboard;
    io.ClipboardUserData = nullptr;
}

} // namespace dongelek::platform
