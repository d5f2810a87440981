// Desktop implementation of platform.hpp: SDL2 window + OpenGL 3.3 core, HTTP through
// cpp-httplib on worker threads, and an in-memory history standing in for the address bar.

// [SECTION] Index
// - State
// - Window, frame and main loop
// - HTTP worker pool
// - Images (stb_image on the workers; the upload is in image_upload.cpp)
// - URL and history
// - Assets and test hook

#include "platform/platform.hpp"

#include <SDL.h>
#include <SDL_opengl.h>
#include <httplib.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_JPEG
#define STBI_ONLY_PNG
#define STBI_NO_STDIO
#include <stb/stb_image.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace dongelek::platform {

// [SECTION] State

namespace {

constexpr int kHttpWorkers = 4; // one for the API, the rest keep thumbnails flowing in parallel

// Either an HTTP GET (url + done) or any other background task (image decoding).
struct HttpJob {
    std::string url;
    std::function<void(HttpResponse)> done;
    std::function<void()> task;
};

struct NativeState {
    SDL_Window* window = nullptr;
    SDL_GLContext gl = nullptr;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();

    std::string serverBase = "http://localhost:8080";
    std::mutex httpMutex;
    std::condition_variable httpWake;
    std::deque<HttpJob> httpJobs;
    std::vector<std::thread> httpThreads;
    bool httpStopping = false;

    std::vector<std::string> history{"/"};
    std::size_t historyIndex = 0;
    bool popPending = false;
    std::function<void(const std::string&)> popHandler;

    std::string assetDir;
    std::function<std::string()> itemsJson;
    std::function<std::string()> stateJson;
};

NativeState& st()
{
    static NativeState s;
    return s;
}

void httpWorker()
{
    NativeState& s = st();
    std::unique_ptr<httplib::Client> client;
    std::string clientBase;
    for (;;) {
        HttpJob job;
        {
            std::unique_lock<std::mutex> lock(s.httpMutex);
            s.httpWake.wait(lock, [&] { return s.httpStopping || !s.httpJobs.empty(); });
            if (s.httpStopping) return;
            job = std::move(s.httpJobs.front());
            s.httpJobs.pop_front();
            if (clientBase != s.serverBase) {
                clientBase = s.serverBase;
                client.reset();
            }
        }
        if (job.task) {
            job.task();
            continue;
        }
        if (!client) {
            // Kept per thread: httplib::Client is not thread-safe, and keep-alive saves a handshake per thumbnail.
            client = std::make_unique<httplib::Client>(clientBase);
            client->set_keep_alive(true);
            client->set_connection_timeout(5, 0);
            client->set_read_timeout(20, 0);
        }
        HttpResponse response;
        if (auto res = client->Get(job.url)) {
            response.status = res->status;
            response.body = std::move(res->body);
        } else {
            response.error = httplib::to_string(res.error());
            client.reset(); // a broken connection must not poison the next request
        }
        job.done(std::move(response));
    }
}

} // namespace

// [SECTION] Window, frame and main loop

bool init(const InitOptions& options, std::string* error)
{
    NativeState& s = st();
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
    ImGui_ImplSDL2_InitForOpenGL(s.window, s.gl);
    ImGui_ImplOpenGL3_Init("#version 330 core");

    for (int i = 0; i < kHttpWorkers; ++i) s.httpThreads.emplace_back(httpWorker);
    return true;
}

void shutdown()
{
    NativeState& s = st();
    {
        std::lock_guard<std::mutex> lock(s.httpMutex);
        s.httpStopping = true;
        s.httpJobs.clear();
    }
    s.httpWake.notify_all();
    for (auto& t : s.httpThreads) t.join();
    s.httpThreads.clear();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    if (s.gl) SDL_GL_DeleteContext(s.gl);
    if (s.window) SDL_DestroyWindow(s.window);
    SDL_Quit();
}

bool run(std::function<bool()> frame)
{
    constexpr double kFrameMs = 1000.0 / 60.0;
    for (;;) {
        const double start = nowMs();
        if (!frame()) break;
        // Swap may not block (no vsync under Xvfb): cap at ~60 fps so the CPU stays free.
        const double spent = nowMs() - start;
        if (spent < kFrameMs) SDL_Delay(static_cast<Uint32>(kFrameMs - spent));
    }
    return true;
}

bool pollEvents()
{
    NativeState& s = st();
    bool keepRunning = true;
    SDL_Event event;
    while (SDL_PollEvent(&event)) {
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
    if (s.popPending) {
        s.popPending = false;
        if (s.popHandler) s.popHandler(s.history[s.historyIndex]);
    }
    return keepRunning;
}

void newFrame()
{
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void present(const float clearRgba[4], const char* screenshotPng)
{
    NativeState& s = st();
    const Size fb = framebufferSize();
    glViewport(0, 0, fb.w, fb.h);
    glClearColor(clearRgba[0], clearRgba[1], clearRgba[2], clearRgba[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
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

void setWindowTitle(const std::string& title)
{
    if (st().window) SDL_SetWindowTitle(st().window, title.c_str());
}

// [SECTION] HTTP worker pool

void httpGet(const std::string& url, std::function<void(HttpResponse)> done)
{
    NativeState& s = st();
    {
        std::lock_guard<std::mutex> lock(s.httpMutex);
        if (s.httpStopping) return;
        s.httpJobs.push_back({url, std::move(done), {}});
    }
    s.httpWake.notify_one();
}

void setServerBase(const std::string& baseUrl)
{
    std::lock_guard<std::mutex> lock(st().httpMutex);
    std::string base = baseUrl;
    while (!base.empty() && base.back() == '/') base.pop_back();
    st().serverBase = base;
}

// [SECTION] Images (stb_image on the workers; the upload is in image_upload.cpp)

void decodeImage(std::string bytes, std::function<void(DecodedImage, bool)> done)
{
    NativeState& s = st();
    HttpJob job;
    job.task = [bytes = std::move(bytes), done = std::move(done)] {
        DecodedImage image;
        int channels = 0;
        unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()),
                                                      static_cast<int>(bytes.size()), &image.width, &image.height,
                                                      &channels, 4);
        const bool ok = pixels && image.width > 0 && image.height > 0;
        if (ok) image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) * image.height * 4);
        if (pixels) stbi_image_free(pixels);
        done(std::move(image), ok);
    };
    {
        std::lock_guard<std::mutex> lock(s.httpMutex);
        if (s.httpStopping) return;
        s.httpJobs.push_back(std::move(job));
    }
    s.httpWake.notify_one();
}

// [SECTION] URL and history

std::string currentUrl() { return st().history[st().historyIndex]; }

void pushUrl(const std::string& url)
{
    NativeState& s = st();
    s.history.resize(s.historyIndex + 1);
    s.history.push_back(url);
    s.historyIndex = s.history.size() - 1;
}

void replaceUrl(const std::string& url) { st().history[st().historyIndex] = url; }

void historyBack()
{
    NativeState& s = st();
    if (s.historyIndex == 0) return;
    --s.historyIndex;
    s.popPending = true; // delivered by the next pollEvents, like the browser's popstate
}

void onPopState(std::function<void(const std::string& url)> handler) { st().popHandler = std::move(handler); }

// [SECTION] Assets and test hook

std::string assetDir() { return st().assetDir; }
void setAssetDir(const std::string& dir) { st().assetDir = dir; }

void exposeTestHook(std::function<std::string()> itemsJson, std::function<std::string()> stateJson)
{
    st().itemsJson = std::move(itemsJson);
    st().stateJson = std::move(stateJson);
}

void writeDebugJson(const std::string& path)
{
    NativeState& s = st();
    if (!s.itemsJson || !s.stateJson) return;
    // {"screen": ..., ..., "items": [...]}: the state object with one more member.
    std::string state = s.stateJson();
    if (state.size() < 2 || state.back() != '}') return;
    state.pop_back();
    state += ",\"items\":" + s.itemsJson() + "}\n";
    if (path == "-") {
        std::fputs(state.c_str(), stdout);
        std::fflush(stdout);
        return;
    }
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fputs(state.c_str(), f);
        std::fclose(f);
    } else {
        std::fprintf(stderr, "dongelek: cannot write %s\n", path.c_str());
    }
}

} // namespace dongelek::platform
