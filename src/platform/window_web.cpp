// window.hpp in the browser: SDL2 on a WebGL2 canvas that fills the page, frames on
// requestAnimationFrame only when one is due (idle mode: the page's DOM events wake it through
// web/dongelek_glue.js), devicePixelRatio, and typed text from the page's hidden textarea.

// [SECTION] Index
// - JavaScript glue (EM_JS)
// - State and exported entry points (called from web/dongelek_glue.js)
// - Window, frame and main loop

#include "platform/web_window.hpp"
#include "platform/window.hpp"

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string_view>

namespace {

// [SECTION] JavaScript glue (EM_JS)

// The canvas's CSS size without a layout per frame (getBoundingClientRect, which
// emscripten_get_element_css_size calls, forces one whenever the page's DOM changed, e.g. the
// accessible mirror): measured once, then kept by a ResizeObserver, which also wakes the app.
EM_JS(void, js_canvas_css_size, (double* w, double* h), {
    var c = Module.canvas || document.getElementById("canvas");
    if (!Module.dongelekCanvasSize) {
        var r = c.getBoundingClientRect();
        Module.dongelekCanvasSize = [r.width, r.height];
        if (typeof ResizeObserver !== "undefined") {
            new ResizeObserver(function(entries) {
                var r2 = entries[entries.length - 1].target.getBoundingClientRect(); // after layout: free
                Module.dongelekCanvasSize = [r2.width, r2.height];
                _dongelek_wake();
            }).observe(c);
        } else {
            window.addEventListener("resize", function() { Module.dongelekCanvasSize = null; });
        }
    }
    HEAPF64[w >> 3] = Module.dongelekCanvasSize[0];
    HEAPF64[h >> 3] = Module.dongelekCanvasSize[1];
});
EM_JS(int, js_coarse_pointer, (), {
    if (Module.dongelekCoarse === undefined) Module.dongelekCoarse = window.matchMedia ? window.matchMedia("(pointer: coarse)") : null;
    return !!(Module.dongelekCoarse && Module.dongelekCoarse.matches);
});
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
// Where the phone keyboard (or anything else over the page) begins. Read from visualViewport
// only when it changes: reading it in every frame forces a layout.
EM_JS(double, js_visible_bottom, (), {
    if (Module.dongelekVisibleBottom === undefined) {
        var v = window.visualViewport;
        var measure = function() { Module.dongelekVisibleBottom = v ? v.offsetTop + v.height : window.innerHeight; };
        measure();
        (v || window).addEventListener("resize", measure);
        if (v) v.addEventListener("scroll", measure);
    }
    return Module.dongelekVisibleBottom;
});
EM_JS(void, js_set_document_language, (const char* code), { document.documentElement.lang = UTF8ToString(code); });
EM_JS(void, js_set_text_input, (int want), {
    if (Module.dongelekSetTextInput) Module.dongelekSetTextInput(want);
});
EM_JS(void, js_init_failed, (), {
    if (Module.dongelekFailed) Module.dongelekFailed("nogl");
});
EM_JS(void, js_first_frame, (), {
    if (Module.dongelekReady) Module.dongelekReady();
});

// [SECTION] State and exported entry points

struct WindowState {
    SDL_Window* window = nullptr;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    double cssW = 0, cssH = 0;
    int canvasW = 0, canvasH = 0;
    float dpr = 1.0f;
    std::function<bool()> frame;
    bool wantText = false;
    bool framePending = false; // a requestAnimationFrame callback is on its way
    long timer = 0;            // the requestFrameAt timeout, 0 when none
    double timerAt = 0;
    bool hadEvents = false;
    dongelek::platform::Pinch pinch;
    bool contextLost = false;
    unsigned gpuGeneration = 1;
    int maxTextureSize = 2048;
};

WindowState& st()
{
    static WindowState s;
    return s;
}

EM_BOOL onAnimationFrame(double, void*)
{
    WindowState& s = st();
    s.framePending = false;
    if (s.frame && !s.contextLost) s.frame();
    return EM_FALSE;
}

// The browser took the WebGL context away: nothing can be drawn until it gives it back.
// Consuming the event (true) is what asks the browser for that.
EM_BOOL onContextLost(int, const void*, void*)
{
    st().contextLost = true;
    return EM_TRUE;
}

// A new context behind the same canvas: every GL object is gone. Whoever made one sees the new
// generation (platform::gpuGeneration) and makes it again: ImGui's renderer on the next frame.
EM_BOOL onContextRestored(int, const void*, void*)
{
    WindowState& s = st();
    s.contextLost = false;
    ++s.gpuGeneration;
    emscripten_webgl_make_context_current(s.gl);
    dongelek::platform::requestFrame();
    return EM_TRUE;
}

void onTimer(void*)
{
    st().timer = 0;
    dongelek::platform::requestFrame();
}

// Follows the page: the canvas is sized by CSS (100vw x 100vh); its backing store is the CSS
// size times devicePixelRatio so text stays sharp, re-checked every frame (zoom changes dpr).
bool syncCanvasSize()
{
    WindowState& s = st();
    double w = 0, h = 0;
    js_canvas_css_size(&w, &h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (w == s.cssW && h == s.cssH && dpr == s.dpr) return false;
    s.cssW = w;
    s.cssH = h;
    s.dpr = dpr;
    s.canvasW = std::max(1, static_cast<int>(std::lround(w * dpr)));
    s.canvasH = std::max(1, static_cast<int>(std::lround(h * dpr)));
    // Resizing a canvas with a WebGL context reallocates its buffers (slow): SDL's own resize
    // often gives the size wanted already, and then it is not done twice.
    SDL_SetWindowSize(s.window, static_cast<int>(w), static_cast<int>(h));
    int cw = 0, ch = 0;
    emscripten_get_canvas_element_size("#canvas", &cw, &ch);
    if (cw != s.canvasW || ch != s.canvasH) emscripten_set_canvas_element_size("#canvas", s.canvasW, s.canvasH);
    return true;
}

} // namespace

extern "C" {
// DOM input the app may react to (web/dongelek_glue.js listens before SDL does): draw a frame.
EMSCRIPTEN_KEEPALIVE void dongelek_wake() { dongelek::platform::requestFrame(); }

// A pinch on a zoomable photo (web/dongelek_glue.js): active, scale since its start, midpoint.
EMSCRIPTEN_KEEPALIVE void dongelek_pinch(int active, double scale, double x, double y)
{
    dongelek::platform::Pinch& p = st().pinch;
    p.active = active != 0;
    p.scale = static_cast<float>(scale);
    p.x = static_cast<float>(x);
    p.y = static_cast<float>(y);
    dongelek::platform::requestFrame();
}

// Text typed into the page's hidden textarea (web/dongelek_glue.js), for the focused field. It
// joins SDL's event queue behind the key events that came before it, so "select all, delete,
// paste" within one frame applies in that order (at 10 fps that is one frame).
EMSCRIPTEN_KEEPALIVE void dongelek_on_text(const char* text)
{
    if (!text || !st().window) return;
    constexpr std::size_t kChunk = sizeof(SDL_TextInputEvent::text) - 1;
    std::string_view rest(text);
    while (!rest.empty()) {
        std::size_t n = std::min(rest.size(), kChunk);
        while (n < rest.size() && n > 0 && (static_cast<unsigned char>(rest[n]) & 0xC0) == 0x80) --n; // whole letters
        if (n == 0) n = std::min(rest.size(), kChunk); // not UTF-8 at all: pass the bytes on as they are
        SDL_Event e{};
        e.type = SDL_TEXTINPUT;
        e.text.windowID = SDL_GetWindowID(st().window);
        for (std::size_t i = 0; i < n; ++i) {
            const char c = rest[i];
            e.text.text[i] = (c == '\r' || c == '\n' || c == '\t') ? ' ' : c; // our fields are single-line
        }
        SDL_PushEvent(&e);
        rest.remove_prefix(n);
    }
    dongelek::platform::requestFrame();
}
}

namespace dongelek::platform {

SDL_Window* web::sdlWindow() { return st().window; }

// [SECTION] Window, frame and main loop

bool init(const InitOptions& options, std::string* error)
{
    WindowState& s = st();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        if (error) *error = SDL_GetError();
        return false;
    }
    double w = 0, h = 0;
    js_canvas_css_size(&w, &h);
    // SDL only for its window and events: no SDL_WINDOW_OPENGL, whose EGL set-up and
    // extension probing cost a tenth of a second at start. The WebGL 2 context is made
    // directly, with no extension enabled up front: ImGui's renderer needs none.
    s.window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                std::max(1, static_cast<int>(w)), std::max(1, static_cast<int>(h)),
                                SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!s.window) {
        if (error) *error = SDL_GetError();
        return false;
    }
    // The canvas gets its final size before the context exists: resizing it later would
    // reallocate the context's buffers.
    syncCanvasSize();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.premultipliedAlpha = EM_TRUE;
    attrs.preserveDrawingBuffer = EM_FALSE;
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.enableExtensionsByDefault = EM_FALSE;
    s.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (s.gl <= 0 || emscripten_webgl_make_context_current(s.gl) != EMSCRIPTEN_RESULT_SUCCESS) {
        if (error) *error = "WebGL 2 is not available";
        js_init_failed(); // the page explains that WebGL 2 is missing
        return false;
    }
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    if (maxSize > 0) s.maxTextureSize = maxSize;
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, EM_FALSE, onContextLost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, EM_FALSE, onContextRestored);
    ImGui_ImplSDL2_InitForOpenGL(s.window, reinterpret_cast<void*>(static_cast<std::intptr_t>(s.gl)));
    // The app reads touches as SDL's emulated mouse. With finger events off, SDL no longer
    // cancels every touchstart, so the browser's pinch zoom works (the canvas allows only that
    // gesture, touch-action: pinch-zoom); touchend stays cancelled (no emulated clicks).
    SDL_EventState(SDL_FINGERDOWN, SDL_DISABLE);
    SDL_EventState(SDL_FINGERUP, SDL_DISABLE);
    SDL_EventState(SDL_FINGERMOTION, SDL_DISABLE);
    syncCanvasSize();
    return true;
}

void shutdown() {}

bool run(std::function<bool()> frame)
{
    st().frame = std::move(frame);
    // Returns at once; from here on frames come from requestAnimationFrame when one is due.
    requestFrame();
    return false;
}

void requestFrame()
{
    WindowState& s = st();
    if (s.framePending || !s.frame) return;
    s.framePending = true;
    emscripten_request_animation_frame(onAnimationFrame, nullptr);
}

void runSoon(std::function<void()> step)
{
    auto* task = new std::function<void()>(std::move(step));
    emscripten_set_timeout(
        [](void* p) {
            std::unique_ptr<std::function<void()>> t(static_cast<std::function<void()>*>(p));
            (*t)();
        },
        0, task);
}

void requestFrameAt(double atMs)
{
    WindowState& s = st();
    if (s.timer && s.timerAt <= atMs) return; // an earlier timer is set already
    if (s.timer) emscripten_clear_timeout(s.timer);
    s.timerAt = atMs;
    s.timer = emscripten_set_timeout(onTimer, std::max(0.0, atMs - emscripten_get_now()), nullptr);
}

bool pollEvents()
{
    WindowState& s = st();
    s.hadEvents = syncCanvasSize(); // a resize or a zoom (devicePixelRatio) needs frames like input
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        ImGui_ImplSDL2_ProcessEvent(&event);
        s.hadEvents = true;
    }
    // Keyboard focus follows ImGui: the textarea is focused while a field is edited (touch).
    const bool wantText = ImGui::GetIO().WantTextInput;
    if (wantText != s.wantText) {
        s.wantText = wantText;
        js_set_text_input(wantText ? 1 : 0);
    }
    return true;
}

bool hadEvents() { return st().hadEvents; }

void newFrame()
{
    WindowState& s = st();
    ImGui_ImplSDL2_NewFrame();
    // Our own numbers: SDL's drawable size lags a zoom change by an event.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(s.cssW), static_cast<float>(s.cssH));
    if (s.cssW > 0 && s.cssH > 0)
        io.DisplayFramebufferScale =
            ImVec2(static_cast<float>(s.canvasW / s.cssW), static_cast<float>(s.canvasH / s.cssH));
}

void present(const float clearRgba[4], const std::function<void()>& draw, const char*)
{
    const WindowState& s = st();
    glViewport(0, 0, s.canvasW, s.canvasH);
    glClearColor(clearRgba[0], clearRgba[1], clearRgba[2], clearRgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    draw(); // the browser shows the canvas when this task ends
}

float devicePixelRatio() { return st().dpr; }
unsigned gpuGeneration() { return st().gpuGeneration; }
int maxTextureSize() { return st().maxTextureSize; }
Size framebufferSize() { return {st().canvasW, st().canvasH}; }
Size logicalSize() { return {static_cast<int>(st().cssW), static_cast<int>(st().cssH)}; }
double nowMs() { return emscripten_get_now(); }
bool coarsePointer() { return js_coarse_pointer() != 0; }
float visibleBottom() { return static_cast<float>(js_visible_bottom()); }
Pinch pinch() { return st().pinch; }
void notifyFirstFrame() { js_first_frame(); }
void setWindowTitle(const std::string& title) { js_set_title(title.c_str()); }
void setDocumentLanguage(const std::string& code) { js_set_document_language(code.c_str()); }

std::string assetDir() { return "/assets"; }
void setAssetDir(const std::string&) {}

} // namespace dongelek::platform
