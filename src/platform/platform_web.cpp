// Browser implementation of platform.hpp: SDL2 on a WebGL2 canvas that fills the page, async
// emscripten_fetch, stb_image in a Web Worker, history.pushState/popstate, clipboard, devicePixelRatio.

// [SECTION] Index
// - JavaScript glue (EM_JS)
// - State and exported entry points (called from web/dongelek_glue.js)
// - Window, frame and main loop
// - HTTP (emscripten_fetch)
// - Images (stb_image in a Web Worker; the upload is in image_upload.cpp)
// - URL and history
// - Assets and test hook

#include "platform/platform.hpp"
#include "platform/web_image_worker.hpp"

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
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string_view>

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

// index.html names the content-hashed decoder file (web/stage_dist.cmake); "" when it does not.
EM_JS(char*, js_image_worker_url, (), {
    var s = Module["imageWorkerUrl"] || "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
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
    bool wantText = false;
    std::string clipboard;
    std::function<std::string()> itemsJson;
    std::function<std::string()> stateJson;
    std::string hookBuffer;
    // Photo decoding: the worker starts after the first frame (its download never delays the
    // app's own); requests wait in its message queue and are answered in order.
    std::optional<worker_handle> imageWorker;
    int nextImageRequest = 1;
    std::map<int, std::function<void(dongelek::platform::DecodedImage, bool)>> imageRequests;
    double imageProgressMs = 0; // last reply, or the request that found the worker idle
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
// Text typed into the page's hidden textarea or pasted (web/dongelek_glue.js), for the focused
// field. It joins SDL's event queue behind the key events that came before it, so "select all,
// delete, paste" within one frame applies in that order (at 10 fps that is one frame).
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
}
// The browser's clipboard text on Ctrl/Cmd+V (web/dongelek_glue.js keeps that key from SDL until
// the text is known). It becomes ImGui's clipboard and a Ctrl+V joins SDL's queue, so ImGui
// pastes as usual: in order with other keys, replacing a selection, through the field's filters.
EMSCRIPTEN_KEEPALIVE void dongelek_on_paste(const char* text)
{
    if (!text || !st().window) return;
    st().clipboard = text;
    SDL_Event e{};
    e.key.windowID = SDL_GetWindowID(st().window);
    e.key.keysym.scancode = SDL_SCANCODE_V;
    e.key.keysym.sym = SDLK_v;
    e.key.keysym.mod = KMOD_LCTRL;
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
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

namespace {
// Section Images: starts the photo decoder unless it runs (false when the page names none), and
// gives up on photos whose decoder stopped answering (run once per frame).
bool startImageWorker();
void checkImageWorker();
} // namespace

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
    // arrives through dongelek_on_paste (the glue intercepts Ctrl/Cmd+V).
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
    if (s.popPending) {
        s.popPending = false;
        if (s.popHandler) s.popHandler(currentUrl());
    }
    checkImageWorker();
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
void notifyFirstFrame()
{
    js_first_frame();
    // Now that the page is drawn, fetch and compile the decoder while the first listings load,
    // so it is ready when their photos arrive.
    startImageWorker();
}
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

// [SECTION] Images (stb_image in a Web Worker; the upload is in image_upload.cpp)

namespace {
// Photos that have waited this long with no reply from the decoder are given up (its file is
// gone after a redeploy, or the worker died): they fail like undecodable data, and the next
// photo starts a fresh worker. Far above a decode (~10 ms for 960x720) or the worker's start.
constexpr double kImageWorkerTimeoutMs = 15000;

// Runs on the main thread between frames (the worker's message event), like a fetch callback.
// `data` is the runtime's buffer, reused for the next reply: the pixels are copied out.
void onImageDecoded(char* data, int size, void* arg)
{
    WebState& s = st();
    s.imageProgressMs = emscripten_get_now();
    const auto it = s.imageRequests.find(static_cast<int>(reinterpret_cast<std::intptr_t>(arg)));
    if (it == s.imageRequests.end()) return; // already given up on
    auto done = std::move(it->second);
    s.imageRequests.erase(it);

    namespace iw = image_worker;
    iw::ReplyHeader header{0, 0};
    const std::size_t n = size > 0 ? static_cast<std::size_t>(size) : 0;
    if (n >= sizeof header) std::memcpy(&header, data, sizeof header);
    const bool ok = header.width > 0 && header.height > 0 && header.width <= iw::kMaxDimension &&
                    header.height <= iw::kMaxDimension && n == iw::replySize(header.width, header.height);
    DecodedImage image;
    if (ok) {
        image.width = header.width;
        image.height = header.height;
        image.rgba.assign(data + sizeof header, data + n);
    }
    done(std::move(image), ok);
}

void checkImageWorker()
{
    WebState& s = st();
    if (s.imageRequests.empty() || emscripten_get_now() - s.imageProgressMs < kImageWorkerTimeoutMs) return;
    if (s.imageWorker) emscripten_destroy_worker(*s.imageWorker);
    s.imageWorker.reset();
    auto requests = std::move(s.imageRequests);
    s.imageRequests.clear();
    for (auto& [request, done] : requests) done(DecodedImage{}, false);
}

bool startImageWorker()
{
    WebState& s = st();
    if (s.imageWorker) return true;
    char* p = js_image_worker_url();
    const std::string url = p ? p : "";
    std::free(p);
    if (url.empty()) return false;
    s.imageWorker = emscripten_create_worker(url.c_str());
    return true;
}
} // namespace

void decodeImage(std::string bytes, std::function<void(DecodedImage, bool)> done)
{
    WebState& s = st();
    if (!startImageWorker()) { // a page that does not name the decoder: no photos, but no hang either
        done(DecodedImage{}, false);
        return;
    }
    if (s.imageRequests.empty()) s.imageProgressMs = emscripten_get_now();
    const int request = s.nextImageRequest++;
    s.imageRequests.emplace(request, std::move(done));
    // The bytes are copied into the message, so `bytes` may go when this returns.
    emscripten_call_worker(*s.imageWorker, image_worker::kDecodeFunction, bytes.data(), static_cast<int>(bytes.size()),
                           onImageDecoded, reinterpret_cast<void*>(static_cast<std::intptr_t>(request)));
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
