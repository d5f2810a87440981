// The composition root's object graph: task queue, API client, the app shell, texture cache,
// test hook and the registered features, wired once. frame() is the whole per-frame sequence.
#pragma once

#include "app/features.hpp"
#include "client/api_client.hpp"
#include "client/app_controller.hpp"
#include "client/task_queue.hpp"
#include "ui/test_hook.hpp"
#include "ui/texture_cache.hpp"
#include "ui/top_bar.hpp"

#include <array>
#include <optional>
#include <string>

namespace dongelek {

struct AppOptions {
    std::string initialUrl = "/"; // native only; the web reads the address bar
    std::string lang;             // overrides ?lang=
    int minFrames = 0;            // > 0: exit after this many frames once the first content is on screen
    double timeoutMs = 30000;     // ...or after this long, whatever is on screen
    std::string screenshotPng;    // written from the last frame (native)
    std::string dumpStatePath;    // write state() + "items" as JSON here at exit, "-" = stdout (native)
};

class App {
public:
    explicit App(AppOptions options);
    // Start-up steps before the App exists (each a task of its own on the web, main.cpp): the
    // font atlas for the screen's pixel density, then its upload with the renderer's shaders.
    // The App's own setupDpiScale call then finds them done.
    static void buildFonts();
    static void uploadFonts();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // One frame: input, DPI, NewFrame, drain results, draw, present, test-hook bookkeeping.
    // Returns false when the app should exit (native --frames).
    bool frame();

private:
    ui::HookState hookState() const;
    bool finished(double now) const;
    // Idle mode: asks the platform for the next frame only when one is due.
    // Asks for the next frame; false when none is due (the app is at rest until input).
    bool scheduleNextFrame(double now, bool changed);

    AppOptions m_options;
    TaskQueue m_queue;
    ApiClient m_api;
    AppController m_controller;
    ui::TextureCache m_textures;
    ui::TestHook m_hook;
    ui::TopBar m_topBar;
    ui::UiContext m_ui;
    FeatureSet m_features;
    ui::Screen* m_shownScreen = nullptr; // the screen drawn last frame (told when it is left)

    long long m_frames = 0;
    int m_settleFrames = 0;
    long long m_inputFrames = 0;
    double m_start = 0;
    std::array<double, 120> m_frameMs{};
    // The same frames split: input and NewFrame, the screens (update, layout, ImGui::Render), GL.
    std::array<std::array<double, 3>, 120> m_partMs{};
    double m_lastFrameMs = 0;
    int m_drawCalls = 0; // of the last frame
    std::optional<double> m_firstListingsAt;
};

} // namespace dongelek
