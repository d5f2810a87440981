// The one interface that hides the two platforms: window + GL + main loop, HTTP, photo decoding, URL
// history, clipboard, pixel density. platform_web.cpp or platform_native.cpp (+ image_upload.cpp).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dongelek::platform {

// [SECTION] Window, frame and main loop

struct InitOptions {
    std::string title = "Dongelek";
    int width = 1280; // native window size in points; the web canvas always fills the page
    int height = 800;
};

// Creates the window, the GL context and the ImGui platform/renderer backends. The ImGui
// context must exist already. Returns false with a message when that is impossible.
bool init(const InitOptions& options, std::string* error);
void shutdown();

// Calls `frame` once per display frame. Natively blocks until `frame` returns false, then
// returns true. On the web returns false at once: the browser drives the loop from then on,
// so everything `frame` uses must outlive main().
bool run(std::function<bool()> frame);

// Feeds pending input to ImGui and follows window/canvas resizes. False when the user closed the window.
bool pollEvents();
// Starts the backends' frame (call before ImGui::NewFrame).
void newFrame();
// Clears, renders ImGui's draw data and presents. When `screenshotPng` is set, the frame is
// also written there as PNG first (native only; ignored on the web).
void present(const float clearRgba[4], const char* screenshotPng = nullptr);

// CSS pixels (web) / window points (native) per physical pixel.
float devicePixelRatio();
struct Size {
    int w = 0;
    int h = 0;
};
Size framebufferSize(); // backing store pixels
Size logicalSize();     // CSS pixels / points: ImGui's DisplaySize

// Milliseconds from a fixed origin; on the web this is performance.now().
double nowMs();
// Tells the page the app is drawing (the web hides its loading screen).
void notifyFirstFrame();
void setWindowTitle(const std::string& title);

// [SECTION] HTTP

struct HttpResponse {
    int status = 0;          // 0 when the request never got an HTTP answer
    std::string body;        // raw bytes (JSON text or an image)
    std::string error;       // transport error text when status == 0
};
// `url` is site-relative ("/api/v1/listings?make=3", "/media/...jpg"); the native build
// prefixes the server given with --server. `done` runs on an arbitrary thread natively
// and between frames on the web: callers hand the result to the main-thread queue.
void httpGet(const std::string& url, std::function<void(HttpResponse)> done);
void setServerBase(const std::string& baseUrl); // native only; ignored on the web

// [SECTION] Images

// A decoded photo waiting to become a texture: RGBA8 pixels, rows top to bottom, from stb_image
// on both platforms, so no JPEG is ever decoded in a frame.
struct DecodedImage {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> rgba;
};
// Decodes JPEG/PNG bytes off the main thread (native: an HTTP worker thread; web: a Web Worker
// running web_image_worker.cpp). `done` gets ok=false for undecodable data (an HTML error page,
// a truncated file) and, on the web, when the decoder cannot be reached; like httpGet it may
// run on any thread.
void decodeImage(std::string bytes, std::function<void(DecodedImage image, bool ok)> done);
// Main thread: turns the image into a GL texture (LINEAR, CLAMP_TO_EDGE) and releases the
// decoded pixels. Returns the texture name, 0 on failure. Shared by both (image_upload.cpp).
unsigned uploadImage(DecodedImage& image);
// Releases an image that will not be uploaded (evicted or no longer wanted).
void discardImage(DecodedImage& image);

// [SECTION] URL and history

// Path and query of the current address ("/listing/5", "/?make=3").
std::string currentUrl();
void pushUrl(const std::string& url);
void replaceUrl(const std::string& url);
// Goes one entry back; the pop handler then reports the new URL.
void historyBack();
// Called (between frames) with the new URL when the user goes back/forward.
void onPopState(std::function<void(const std::string& url)> handler);

// [SECTION] Assets and test hook

// Where fonts and locales are: "/assets" in the web's preloaded file system, the build's
// asset folder (or --assets) natively.
std::string assetDir();
void setAssetDir(const std::string& dir);

// Exposes the UI's test hook: window.dongelek.items()/state() on the web. Natively the
// functions are kept for writeDebugJson.
void exposeTestHook(std::function<std::string()> itemsJson, std::function<std::string()> stateJson);
// Native: writes the state object with the items added as "items" to `path` ("-" = stdout).
void writeDebugJson(const std::string& path);

} // namespace dongelek::platform
