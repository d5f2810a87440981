// window.hpp on the desktop: an SDL2 window with an OpenGL 3.3 core context, a loop that draws
// at most ~60 fps and sleeps in SDL_WaitEventTimeout while no frame is due (idle mode), PNG
// screenshots of a frame (--screenshot), and the desktop stand-ins for the browser's Back.

// [SECTION] Index
// - State
// - Window, frame and main loop
// - Sizes, time, title, assets

#include "platform/history.hpp"
#include "platform/window.hpp"
#include "platform/workers_native.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

namespace dongelek::platform {

// [SECTION] State

namespace {
struct WindowState {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::string assetDir;
    std::atomic<bool> frameRequested{true}; // the first frame is due at once
    double frameAt = std::numeric_limits<double>::infinity();
    Uint32 wakeEvent = 0; // an SDL user event type: wakes SDL_WaitEventTimeout from any thread
    bool hadEvents = false;
    int maxTextureSize = 2048;
};

WindowState& st()
{
    static WindowState s;
    return s;
}
} // namespace

// [SECTION] Window, frame and main loop

bool init(const InitOptions& options, std::string* error)
{
    WindowState& s = st();
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        if (error) *error = SDL_GetError();
        return false;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, SDL_GL_CONTEXT_FORWARD_COMPATIBLE_FLAG);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    s.window = SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                                options.height, SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
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
    SDL_GL_SetSwapInterval(1);
    s.wakeEvent = SDL_RegisterEvents(1);
    GLint maxSize = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
    s.maxTextureSize = maxSize > 0 ? maxSize : 2048;
    ImGui_ImplSDL2_InitForOpenGL(s.window, s.gl);
    return true;
}

void shutdown()
{
    WindowState& s = st();
    native::stopWorkers(); // their callbacks may touch what is torn down below
    ImGui_ImplSDL2_Shutdown();
    if (s.gl) SDL_GL_DeleteContext(s.gl);
    if (s.window) SDL_DestroyWindow(s.window);
    SDL_Quit();
}

bool run(std::function<bool()> frame)
{
    WindowState& s = st();
    constexpr double kFrameMs = 1000.0 / 60.0;
    for (;;) {
        // Idle: sleep until an event arrives (input, a window change, requestFrame's wake
        // event) or the requested time comes; waking for nothing draws nothing.
        while (!s.frameRequested.load() && nowMs() < s.frameAt) {
            const double wait = std::min(1000.0, s.frameAt - nowMs());
            if (SDL_WaitEventTimeout(nullptr, static_cast<int>(std::ceil(std::max(1.0, wait))))) break;
        }
        s.frameRequested = false;
        s.frameAt = std::numeric_limits<double>::infinity();
        const double start = nowMs();
        if (!frame()) break;
        // Swap may not block (no vsync under Xvfb): cap at ~60 fps so the CPU stays free.
        const double spent = nowMs() - start;
        if (spent < kFrameMs) SDL_Delay(static_cast<Uint32>(kFrameMs - spent));
    }
    return true;
}

void requestFrame()
{
    WindowState& s = st();
    if (s.frameRequested.exchange(true) || !s.wakeEvent) return;
    SDL_Event e{};
    e.type = s.wakeEvent; // SDL_PushEvent is thread-safe: this is how worker threads wake the loop
    SDL_PushEvent(&e);
}

void requestFrameAt(double atMs) { st().frameAt = std::min(st().frameAt, atMs); }

void runSoon(std::function<void()> step) { step(); }

bool pollEvents()
{
    WindowState& s = st();
    bool keepRunning = true;
    s.hadEvents = false;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
        if (event.type == s.wakeEvent) continue; // only there to end the wait
        s.hadEvents = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) keepRunning = false;
        if (event.type == SDL_WINDOWEVENT && event.window.event == SDL_WINDOWEVENT_CLOSE &&
            event.window.windowID == SDL_GetWindowID(s.window))
            keepRunning = false;
        // The desktop stand-ins for the browser's Back: Alt+Left and the mouse's back button.
        if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_LEFT && (event.key.keysym.mod & KMOD_ALT))
            historyBack();
        if (event.type == SDL_MOUSEBUTTONDOWN && event.button.button == SDL_BUTTON_X1) historyBack();
    }
    return keepRunning;
}

bool hadEvents() { return st().hadEvents; }

void newFrame()
{
    ImGui_ImplSDL2_NewFrame();
}

void present(const float clearRgba[4], const std::function<void()>& draw, const char* screenshotPng)
{
    WindowState& s = st();
    const Size fb = framebufferSize();
    glViewport(0, 0, fb.w, fb.h);
    glClearColor(clearRgba[0], clearRgba[1], clearRgba[2], clearRgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    draw();
    if (screenshotPng && *screenshotPng && fb.w > 0 && fb.h > 0) {
        std::vector<unsigned char> pixels(static_cast<std::size_t>(fb.w) * fb.h * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, fb.w, fb.h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
        // Opaque PNG: GL rows are bottom-up, so write with a negative stride from the last row.
        for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
        const int stride = fb.w * 4;
        stbi_write_png(screenshotPng, fb.w, fb.h, 4, pixels.data() + static_cast<std::size_t>(fb.h - 1) * stride,
                       -stride);
    }
    SDL_GL_SwapWindow(s.window);
}

// [SECTION] Sizes, time, title, assets

unsigned gpuGeneration() { return 1; } // a desktop GL context is not taken away
int maxTextureSize() { return st().maxTextureSize; }

float devicePixelRatio()
{
    const Size fb = framebufferSize();
    const Size lg = logicalSize();
    return lg.w > 0 ? static_cast<float>(fb.w) / static_cast<float>(lg.w) : 1.0f;
}

Size framebufferSize()
{
    Size out;
    SDL_GL_GetDrawableSize(st().window, &out.w, &out.h);
    return out;
}

Size logicalSize()
{
    Size out;
    SDL_GetWindowSize(st().window, &out.w, &out.h);
    return out;
}

double nowMs()
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - st().start).count();
}

void notifyFirstFrame() {}

bool coarsePointer() { return false; }
float visibleBottom() { return static_cast<float>(logicalSize().h); }
Pinch pinch() { return {}; } // desktops: no touch screen gestures

void setWindowTitle(const std::string& title)
{
    if (st().window) SDL_SetWindowTitle(st().window, title.c_str());
}

void setDocumentLanguage(const std::string&) {} // a desktop window has no language to declare

std::string assetDir() { return st().assetDir; }
void setAssetDir(const std::string& dir) { st().assetDir = dir; }

} // namespace dongelek::platform
