// Test hook collection and JSON export. Rectangles are clipped to what the window shows,
// so an item scrolled out of view is absent and a half-visible card reports its visible half.

#include "ui/test_hook.hpp"

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace dongelek::ui {

namespace {
TestHook* g_current = nullptr;

bool clipToWindow(ImVec2& min, ImVec2& max)
{
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    // A popup's first frame is laid out off screen while ImGui measures it: not visible yet.
    if (!window || window->Hidden || window->SkipItems) return false;
    for (const ImGuiWindow* w = window; w; w = w->ParentWindow)
        if (w->Hidden) return false;
    ImRect r(min, max);
    r.ClipWithFull(window->ClipRect);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    r.ClipWithFull(ImRect(ImVec2(0, 0), display));
    if (r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f) return false;
    min = r.Min;
    max = r.Max;
    return true;
}

double round2(double v) { return std::round(v * 100.0) / 100.0; }
} // namespace

const char* toString(Role role)
{
    switch (role) {
    case Role::None: return "";
    case Role::Button: return "button";
    case Role::Link: return "link";
    case Role::TextBox: return "textbox";
    case Role::ComboBox: return "combobox";
    case Role::Option: return "option";
    case Role::Heading: return "heading";
    case Role::Text: return "text";
    case Role::Image: return "img";
    }
    return "";
}

TestHook* TestHook::current() { return g_current; }
void TestHook::setCurrent(TestHook* hook) { g_current = hook; }

void TestHook::beginFrame(const char* screen)
{
    m_screen = screen;
    m_building.clear();
    m_focused.clear();
}

void TestHook::endFrame(const HookState& state)
{
    m_lastCards = cardsThisFrame();
    m_last.swap(m_building);
    m_lastScreen = m_screen;
    m_lastFocused = m_focused;
    m_state = state;
}

int TestHook::cardsThisFrame() const
{
    int n = 0;
    for (const auto& item : m_building)
        if (item.id.compare(0, 5, "card:") == 0) ++n;
    return n;
}

void TestHook::addRect(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, const char* value,
                       const ItemInfo& info)
{
    if (!clipToWindow(min, max)) return;
    // Ids stay unique: when an option is listed twice (popular makes), the first visible one counts.
    for (const auto& item : m_building)
        if (item.id == id) return;
    HookItem item{id, label, min, max, std::nullopt, info};
    if (value) item.value = std::string(value);
    m_building.push_back(std::move(item));
}

void TestHook::addLastItem(const std::string& id, const std::string& label, const char* value, const ItemInfo& info)
{
    // Keyboard focus, as the ring shows it: on this item, and not hidden since a mouse click.
    if (ImGui::GetItemID() != 0 && ImGui::GetItemID() == GImGui->NavId && !GImGui->NavDisableHighlight) m_focused = id;
    addRect(id, label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), value, info);
}

std::string TestHook::itemsJson() const
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : m_last) {
        nlohmann::json j{{"id", item.id},
                         {"label", item.label},
                         {"screen", m_lastScreen},
                         {"rect",
                          {{"x", round2(item.min.x)},
                           {"y", round2(item.min.y)},
                           {"w", round2(item.max.x - item.min.x)},
                           {"h", round2(item.max.y - item.min.y)}}}};
        if (item.value) j["value"] = *item.value;
        if (item.info.role != Role::None) j["role"] = toString(item.info.role);
        if (!item.info.href.empty()) j["href"] = item.info.href;
        if (*item.info.inputMode) j["inputmode"] = item.info.inputMode;
        if (item.info.selected) j["selected"] = true;
        if (item.info.disabled) j["disabled"] = true;
        out.push_back(std::move(j));
    }
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string TestHook::stateJson(const std::string& url) const
{
    const HookState& s = m_state;
    nlohmann::json j{{"screen", s.screen},
                     {"url", url},
                     {"status", s.status},
                     {"cards", m_lastCards},
                     {"focus", m_lastFocused},
                     {"error", s.error},
                     {"dpr", s.dpr},
                     {"frames", s.frames},
                     {"canvas", {{"w", s.canvasW}, {"h", s.canvasH}}},
                     {"css", {{"w", s.cssW}, {"h", s.cssH}}},
                     {"frameMs", {{"last", round2(s.frameLast)}, {"max", round2(s.frameMax)}, {"avg", round2(s.frameAvg)}}},
                     {"photos", {{"loading", s.photosLoading}, {"ready", s.photosReady}, {"failed", s.photosFailed}}},
                     {"firstListingsAt", s.firstListingsAt ? nlohmann::json(round2(*s.firstListingsAt)) : nlohmann::json()},
                     {"lang", s.lang}};
    for (const auto& [key, value] : s.features.items())
        j[key] = value;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void hookItem(const std::string& id, const std::string& label, const char* value, const ItemInfo& info)
{
    if (TestHook* h = TestHook::current()) h->addLastItem(id, label, value, info);
}

void hookRect(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, const char* value,
              const ItemInfo& info)
{
    if (TestHook* h = TestHook::current()) h->addRect(id, label, min, max, value, info);
}

} // namespace dongelek::ui
