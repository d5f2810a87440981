// Platform: window, GL context, main loop, input, pixel density, time and assets.
// Implements: init, shutdown, run, runSoon, requestFrame, requestFrameAt, pollEvents, hadEvents, newFrame,
// present, devicePixelRatio, framebufferSize, logicalSize, nowMs, notifyFirstFrame,
// setWindowTitle, setDocumentLanguage, coarsePointer, visibleBottom, assetDir, setAssetDir,
// gpuGeneration, maxTextureSize.
// window_web.cpp (SDL2 on a WebGL2 canvas that fills the page) | window_native.cpp (SDL2 + OpenGL 3.3).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

struct InitOptions {
    std::string title = "Dongelek";
    int width = 1280; // native window size in points; the web canvas always fills the page
    int height = 800;
};

// Creates the window, the GL context and the ImGui platform/renderer backends. The ImGui
// context must exist already. Returns false with a message when that is impossible.
bool init(const InitOptions& options, std::string* error);
void shutdown();

// Calls `frame` when a frame is due: at most once per display frame, and only after input, a
// resize, requestFrame() or a requestFrameAt() time (idle mode: nothing is drawn while nothing
// changes). Natively blocks until `frame` returns false, then returns true. On the web returns
// false at once: the browser drives the loop from then on, so everything `frame` uses must
// outlive main(). The first frame is due at once.
bool run(std::function<bool()> frame);
// Asks for another frame as soon as the display can show one. Any thread.
void requestFrame();
// Runs `step` as a task of its own: on the web after the browser has had its turn (start-up
// is split into steps so the page stays responsive while it boots); natively at once.
void runSoon(std::function<void()> step);
// Asks for a frame no later than `atMs` (the nowMs() clock). Main thread.
void requestFrameAt(double atMs);

// Feeds pending input to ImGui and follows window/canvas resizes. False when the user closed the window.
bool pollEvents();
// Whether the last pollEvents() had any event to feed (the app draws a few frames after input).
bool hadEvents();
// Starts the backends' frame (call before ImGui::NewFrame).
void newFrame();
// Clears, runs `draw` (the frame's GL work: ui::renderImGui) and presents. When `screenshotPng`
// is set, the frame is also written there as PNG first (native only; ignored on the web).
void present(const float clearRgba[4], const std::function<void()>& draw, const char* screenshotPng = nullptr);

// CSS pixels (web) / window points (native) per physical pixel.
float devicePixelRatio();
struct Size {
    int w = 0;
    int h = 0;
};
Size framebufferSize(); // backing store pixels
Size logicalSize();     // CSS pixels / points: ImGui's DisplaySize

// Whether the main pointer is a finger (CSS "pointer: coarse"): controls get tap-sized.
bool coarsePointer();
// The bottom of what the user can see, in CSS pixels / points: above a phone's on-screen
// keyboard (the visual viewport), else the window's height.
float visibleBottom();
// Two fingers pinching where the app zooms (the page gives only the gestures that start on a
// zoomable photo to the app; elsewhere the browser zooms the page): the distance between the
// fingers relative to where they started, and their midpoint in CSS pixels.
struct Pinch {
    bool active = false;
    float scale = 1.0f;
    float x = 0, y = 0;
};
Pinch pinch();
// Milliseconds from a fixed origin; on the web this is performance.now().
double nowMs();
// Tells the page the app is drawing (the web hides its loading screen).
void notifyFirstFrame();
void setWindowTitle(const std::string& title);
// The language of what is drawn ("ru"): the page's <html lang> on the web (screen readers pick
// their voice by it, search engines their index); nothing to do on the desktop.
void setDocumentLanguage(const std::string& code);

// The GL context's generation: 1 from init, one more each time the browser gives back a WebGL
// context it took away (phones do under memory pressure, and with tabs in the background).
// GL objects made in an earlier generation are gone: their owners (ui::Texture, ui::GlProgram,
// ui::GlQuad, ImGui's renderer) notice and make new ones. While the context is lost no frame
// is drawn. Natively the context is never lost.
unsigned gpuGeneration();
// GL_MAX_TEXTURE_SIZE of the context (at least 2048 on WebGL 2).
int maxTextureSize();

// Where fonts and locales are: "/assets" in the web's preloaded file system, the build's
// asset folder (or --assets) natively.
std::string assetDir();
void setAssetDir(const std::string& dir);

} // namespace dongelek::platform
