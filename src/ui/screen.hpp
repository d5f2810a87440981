// Screen base class and what every screen gets: the controller, the texture cache and the
// top bar. The base owns the full-window Begin/End and the top bar; screens draw content.
#pragma once

#include "client/app_state.hpp"
#include "client/controller.hpp"
#include "ui/texture_cache.hpp"

#include <imgui.h>

#include <string>

namespace dongelek::ui {

class TopBar;

struct UiContext {
    AppController& controller;
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
    Screen(UiContext& ui, const char* titleKey, const char* stableId, const char* hookName);
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    // One full-window borderless ImGui window: top bar, then drawContent below it.
    void draw(AppState& state);
    const char* hookName() const { return m_hookName; }

protected:
    // The cursor starts at the top-left of the content area (below the top bar).
    virtual void drawContent(AppState& state) = 0;

    UiContext& m_ui;

private:
    const char* m_titleKey;
    const char* m_stableId;
    const char* m_hookName;
};

} // namespace dongelek::ui
