// Browser implementation of platform.hpp: SDL2 on a WebGL2 canvas that fills the page,
// async emscripten_fetch, history.pushState/popstate, the browser clipboard and devicePixelRatio.

// [SECTION] Index
// - JavaScript glue (EM_JS)
// - State and exported entry points (called from web/dongelek_glue.js)
// - Window, frame and main loop
// - HTTP (emscripten_fetch)
// - Images (createImageBitmap: decoded off the main thread, uploaded straight to WebGL)
// - URL and history
// - Assets and test hook

#include "platform/platform.hpp"

#include <SDL.h>
#include <SDL_opengles2.h>
#include <emscripten.h>
#include <emscripten/fetch.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

namespace {

// [SECTION] JavaScript glue (EM_JS)

// Strings returned to C++ are malloc'ed here and freed by the caller.
EM_JS(char*, js_location, (), {
    var s = window.location.pathname + window.location.search;
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_push_url, (const char* url), { window.history.pushState(null, "", UTF8ToString(url)); });
EM_JS(void, js_replace_url, (const char* url), { window.history.replaceState(null, "", UTF8ToString(url)); });
EM_JS(void, js_history_back, (), { window.history.back(); });
EM_JS(void, js_set_title, (const char* title), { document.title = UTF8ToString(title); });
EM_JS(void, js_hook_ready, (), { Module.dongelekHookReady = true; });
EM_JS(void, js_set_text_input, (int want), {
    if (Module.dongelekSetTextInput) Module.dongelekSetTextInput(want);
});
EM_JS(void, js_first_frame, (), {
    if (Module.dongelekReady) Module.dongelekReady();
});
// Copy: the key press that triggered it is a fresh user activation, so writeText is allowed.
EM_JS(void, js_clipboard_write, (const char* text), {
    var s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(function() {});
});

// The browser decodes JPEGs on its own threads; the ImageBitmap waits in a table until the
// frame that uploads it (texImage2D from the bitmap: no copy through the wasm heap).
EM_JS(void, js_decode_image, (const void* data, int size, int request), {
    var bytes = HEAPU8.slice(data, data + size);
    var table = Module.dongelekBitmaps || (Module.dongelekBitmaps = { next: 1 });
    createImageBitmap(new Blob([bytes]), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' }).then(
        function(bitmap) {
            var handle = table.next++;
            table[handle] = bitmap;
            Module._dongelek_on_image(request, handle, bitmap.width, bitmap.height);
        },
        function() { Module._dongelek_on_image(request, 0, 0, 0); });
});
EM_JS(int, js_upload_image, (int handle, unsigned texture), {
    var table = Module.dongelekBitmaps;
    var bitmap = table && table[handle];
    if (!bitmap) return 0;
    delete table[handle];
    var gl = GLctx;
    gl.bindTexture(gl.TEXTURE_2D, GL.textures[texture]);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
    gl.bindTexture(gl.TEXTURE_2D, null);
    bitmap.close();
    return 1;
});
EM_JS(void, js_discard_image, (int handle), {
    var table = Module.dongelekBitmaps;
    if (table && table[handle]) {
        table[handle].close();
        delete table[handle];
    }
});

// [SECTION] State and exported entry points

struct WebState {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    double cssW = 0, cssH = 0;
    int canvasW = 0, canvasH = 0;
    float dpr = 1.0f;
    std::function<bool()> frame;
    bool popPending = false;
    std::function<void(const std::string&)> popHandler;
    std::string pendingText;
    bool wantText = false;
    std::string clipboard;
    std::function<std::string()> itemsJson;
    std::function<std::string()> stateJson;
    std::string hookBuffer;
    int nextImageRequest = 1;
    std::map<int, std::function<void(dongelek::platform::DecodedImage, bool)>> imageRequests;
};

WebState& st()
{
    static WebState s;
    return s;
}

const char* getClipboard(void*) { return st().clipboard.c_str(); }
void setClipboard(void*, const char* text)
{
    st().clipboard = text ? text : "";
    js_clipboard_write(st().clipboard.c_str());
}

void mainLoopTick() { st().frame(); }

// Follows the page: the canvas is sized by CSS (100vw x 100vh); its backing store is the CSS
// size times devicePixelRatio so text stays sharp, re-checked every frame (zoom changes dpr).
void syncCanvasSize()
{
    WebState& s = st();
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    const float dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    if (w == s.cssW && h == s.cssH && dpr == s.dpr) return;
    s.cssW = w;
    s.cssH = h;
    s.dpr = dpr;
    s.canvasW = std::max(1, static_cast<int>(std::lround(w * dpr)));
    s.canvasH = std::max(1, static_cast<int>(std::lround(h * dpr)));
    SDL_SetWindowSize(s.window, static_cast<int>(w), static_cast<int>(h));
    emscripten_set_canvas_element_size("#canvas", s.canvasW, s.canvasH);
}

} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void dongelek_on_popstate() { st().popPending = true; }
// Text typed into the page's hidden textarea or pasted (web/dongelek_glue.js), for the focused field.
EMSCRIPTEN_KEEPALIVE void dongelek_on_text(const char* text)
{
    if (text) st().pendingText += text;
}
EMSCRIPTEN_KEEPALIVE void dongelek_on_image(int request, int handle, int width, int height)
{
    auto it = st().imageRequests.find(request);
    if (it == st().imageRequests.end()) {
        if (handle) js_discard_image(handle);
        return;
    }
    auto done = std::move(it->second);
    st().imageRequests.erase(it);
    dongelek::platform::DecodedImage image;
    image.handle = handle;
    image.width = width;
    image.height = height;
    done(std::move(image), handle != 0);
}
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_items()
{
    st().hookBuffer = st().itemsJson ? st().itemsJson() : "[]";
    return st().hookBuffer.c_str();
}
EMSCRIPTEN_KEEPALIVE const char* dongelek_hook_state()
{
    st().hookBuffer = st().stateJson ? st().stateJson() : "{}";
    return st().hookBuffer.c_str();
}
}

namespace dongelek::platform {

// [SECTION] Window, frame and main loop

bool init(const InitOptions& options, std::string* error)
{
    WebState& s = st();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        if (error) *error = SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    double w = 0, h = 0;
    emscripten_get_element_css_size("#canvas", &w, &h);
    s.window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_UNDEFINED, SDL_WINDOWPOS_UNDEFINED,
                                std::max(1, static_cast<int>(w)), std::max(1, static_cast<int>(h)),
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!s.window) {
        if (error) *error = SDL_GetError();
        return false;
    }
    s.gl = SDL_GL_CreateContext(s.window);
    if (!s.gl) {
        if (error) *error = SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(s.window, s.gl);
    ImGui_ImplSDL2_InitForOpenGL(s.window, s.gl);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // SDL 2.26 has no browser clipboard; route ImGui's copy to navigator.clipboard. Paste
    // arrives as text through dongelek_on_text (the glue intercepts Ctrl/Cmd+V).
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = setClipboard;
    io.GetClipboardTextFn = getClipboard;
    io.ClipboardUserData = nullptr;
    syncCanvasSize();
    return true;
}

void shutdown() {}

bool run(std::function<bool()> frame)
{
    st().frame = std::move(frame);
    // Returns at once; the browser calls mainLoopTick on every animation frame.
    emscripten_set_main_loop(mainLoopTick, 0, false);
    return false;
}

bool pollEvents()
{
    WebState& s = st();
    syncCanvasSize();
    SDL_Event event;
    while (SDL_PollEvent(&event)) ImGui_ImplSDL2_ProcessEvent(&event);
    // Keyboard focus follows ImGui: the textarea is focused while a field is edited (touch).
    const bool wantText = ImGui::GetIO().WantTextInput;
    if (wantText != s.wantText) {
        s.wantText = wantText;
        js_set_text_input(wantText ? 1 : 0);
    }
    if (!s.pendingText.empty()) {
        std::string text;
        text.swap(s.pendingText);
        for (char& c : text)
            if (c == '\r' || c == '\n' || c == '\t') c = ' '; // our fields are single-line
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    }
    if (s.popPending) {
        s.popPending = false;
        if (s.popHandler) s.popHandler(currentUrl());
    }
    return true;
}

void newFrame()
{
    WebState& s = st();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // Our own numbers: SDL's drawable size lags a zoom change by an event.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(s.cssW), static_cast<float>(s.cssH));
    if (s.cssW > 0 && s.cssH > 0)
        io.DisplayFramebufferScale =
            ImVec2(static_cast<float>(s.canvasW / s.cssW), static_cast<float>(s.canvasH / s.cssH));
}

void present(const float clearRgba[4], const char*)
{
    const WebState& s = st();
    glViewport(0, 0, s.canvasW, s.canvasH);
    glClearColor(clearRgba[0], clearRgba[1], clearRgba[2], clearRgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

float devicePixelRatio() { return st().dpr; }
Size framebufferSize() { return {st().canvasW, st().canvasH}; }
Size logicalSize() { return {static_cast<int>(st().cssW), static_cast<int>(st().cssH)}; }
double nowMs() { return emscripten_get_now(); }
void notifyFirstFrame() { js_first_frame(); }
void setWindowTitle(const std::string& title) { js_set_title(title.c_str()); }

// [SECTION] HTTP (emscripten_fetch)

namespace {
void onFetchDone(emscripten_fetch_t* fetch)
{
    std::unique_ptr<std::function<void(HttpResponse)>> done(
        static_cast<std::function<void(HttpResponse)>*>(fetch->userData));
    HttpResponse response;
    response.status = fetch->status;
    if (fetch->data && fetch->numBytes > 0)
        response.body.assign(fetch->data, static_cast<std::size_t>(fetch->numBytes));
    if (response.status == 0) response.error = "network error";
    emscripten_fetch_close(fetch);
    (*done)(std::move(response));
}
} // namespace

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    emscripten_fetch_attr_t attr;
    emscripten_fetch_attr_init(&attr);
    std::strcpy(attr.requestMethod, "GET");
    attr.attributes = EMSCRIPTEN_FETCH_LOAD_TO_MEMORY;
    attr.onsuccess = onFetchDone;
    attr.onerror = onFetchDone;
    attr.userData = new std::function<void(HttpResponse)>(std::move(done));
    emscripten_fetch(&attr, url.c_str());
}

void setServerBase(const std::string&) {}

// [SECTION] Images (createImageBitmap: decoded off the main thread, uploaded straight to WebGL)

void decodeImage(std::string bytes, std::function<void(DecodedImage, bool)> done)
{
    const int request = st().nextImageRequest++;
    st().imageRequests.emplace(request, std::move(done));
    js_decode_image(bytes.data(), static_cast<int>(bytes.size()), request);
}

unsigned uploadImage(DecodedImage& image)
{
    if (!image.handle) return 0;
    GLuint id = 0;
    glGenTextures(1, &id);
    const int ok = js_upload_image(image.handle, id);
    image.handle = 0;
    if (!ok) {
        glDeleteTextures(1, &id);
        return 0;
    }
    return id;
}

void discardImage(DecodedImage& image)
{
    if (image.handle) js_discard_image(image.handle);
    image.handle = 0;
}

// [SECTION] URL and history

std::string currentUrl()
{
    char* p = js_location();
    std::string url = p ? p : "/";
    std::free(p);
    return url;
}
void pushUrl(const std::string& url) { js_push_url(url.c_str()); }
void replaceUrl(const std::string& url) { js_replace_url(url.c_str()); }
void historyBack() { js_history_back(); }
void onPopState(std::function<void(const std::string& url)> handler) { st().popHandler = std::move(handler); }

// [SECTION] Assets and test hook

std::string assetDir() { return "/assets"; }
void setAssetDir(const std::string&) {}

void exposeTestHook(std::function<std::string()> itemsJson, std::function<std::string()> stateJson)
{
    st().itemsJson = std::move(itemsJson);
    st().stateJson = std::move(stateJson);
    js_hook_ready();
}

void writeDebugJson(const std::string&) {}

} // namespace dongelek::platform
