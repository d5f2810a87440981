// Screen base: the borderless full-window ImGui window with a localized title whose
// ###stable id keeps ImGui state (scroll, focus) when the language changes.

#include "ui/screen.hpp"

#include "ui/style.hpp"
#include "ui/top_bar.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace dongelek::ui {

PageLayout PageLayout::compute(float displayWidth)
{
    PageLayout l;
    l.narrow = displayWidth < em(56);
    const float margin = displayWidth < em(40) ? em(0.75f) : l.narrow ? em(1.25f) : em(2.0f);
    l.width = std::max(em(10), std::min(displayWidth - margin * 2, em(76)));
    l.left = std::max(margin, std::floor((displayWidth - l.width) * 0.5f));
    return l;
}

namespace {
std::vector<std::function<void(UiContext&)>>& overlays()
{
    static std::vector<std::function<void(UiContext&)>> all;
    return all;
}
} // namespace

void Screen::addOverlay(std::function<void(UiContext&)> overlay) { overlays().push_back(std::move(overlay)); }

Screen::Screen(UiContext& ui, const Module& module, const char* titleKey, const char* stableId)
    : m_ui(ui), m_module(module), m_titleKey(titleKey), m_stableId(stableId)
{
}

std::string Screen::errorText() const
{
    return errorMessage(strings(), m_module.error(), false);
}

void Screen::draw()
{
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const std::string title = std::string(strings().get(m_titleKey)) + "###" + m_stableId;
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                        ImGuiWindowFlags_NoScrollWithMouse;
    if (ImGui::Begin(title.c_str(), nullptr, kFlags)) {
        const float barHeight = m_ui.topBar.draw(m_ui);
        ImGui::SetCursorScreenPos(ImVec2(vp->Pos.x, vp->Pos.y + barHeight));
        drawContent();
        flushOverlays();
    }
    ImGui::End();
    for (const auto& overlay : overlays())
        overlay(m_ui);
}

} // namespace dongelek::ui
