// Screen base class and what every screen gets: the app shell, the texture cache and the top
// bar. The base owns the full-window Begin/End and the top bar; a feature's screen draws its
// content from its module's state (const) and acts through the module's actions.
#pragma once

#include "client/app_controller.hpp"
#include "ui/texture_cache.hpp"

#include <imgui.h>

#include <functional>
#include <string>

namespace dongelek::ui {

class TopBar;

struct UiContext {
    AppController& app;
    TextureCache& textures;
    TopBar& topBar;
};

// Horizontal frame of the page: a centred column at most 76 em wide.
struct PageLayout {
    float left = 0;
    float width = 0;
    bool narrow = false; // below 56 em the filter panel folds behind a button
    static PageLayout compute(float displayWidth);
};

class Screen {
public:
    Screen(UiContext& ui, const Module& module, const char* titleKey, const char* stableId);
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    // One full-window borderless ImGui window: top bar, then drawContent below it.
    void draw();
    // The localized message of the module's error, as the screen shows it (the test hook reports it).
    virtual std::string errorText() const;
    // The app stopped showing this screen (another one is drawn now): let go of what only it
    // needed, such as its GPU textures.
    virtual void closed() {}
    // Something every screen shows over its content in a window of its own (the compare
    // tray): registered once by a feature's screen, drawn after the screen each frame.
    static void addOverlay(std::function<void(UiContext&)> overlay);

protected:
    // The cursor starts at the top-left of the content area (below the top bar).
    virtual void drawContent() = 0;
    const SharedState& shared() const { return m_ui.app.shared(); }
    const Strings& strings() const { return m_ui.app.shared().strings; }

    UiContext& m_ui;

private:
    const Module& m_module;
    const char* m_titleKey;
    const char* m_stableId;
};

} // namespace dongelek::ui
