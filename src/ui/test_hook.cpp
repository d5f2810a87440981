// Test hook collection and JSON export. Rectangles are clipped to what the window shows,
// so an item scrolled out of view is absent and a half-visible card reports its visible half.

#include "ui/test_hook.hpp"

#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <string_view>

namespace dongelek::ui {

namespace {
TestHook* g_current = nullptr;

enum class Clip { Visible, ScrolledOut, Hidden };

Clip clipToWindow(ImVec2& min, ImVec2& max)
{
    const ImGuiWindow* window = ImGui::GetCurrentWindowRead();
    // A popup's first frame is laid out off screen while ImGui measures it: not visible yet.
    if (!window || window->Hidden || window->SkipItems) return Clip::Hidden;
    for (const ImGuiWindow* w = window; w; w = w->ParentWindow)
        if (w->Hidden) return Clip::Hidden;
    ImRect r(min, max);
    r.ClipWithFull(window->ClipRect);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    r.ClipWithFull(ImRect(ImVec2(0, 0), display));
    if (r.GetWidth() <= 0.5f || r.GetHeight() <= 0.5f) return Clip::ScrolledOut; // keeps its whole rect
    min = r.Min;
    max = r.Max;
    return Clip::Visible;
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
    case Role::Radio: return "radio";
    case Role::Checkbox: return "checkbox";
    case Role::Progress: return "progressbar";
    }
    return "";
}

TestHook* TestHook::current() { return g_current; }
void TestHook::setCurrent(TestHook* hook) { g_current = hook; }

void TestHook::beginFrame(const char* screen)
{
    if (m_lastScreen != screen) { // what the page asked of the last screen's fields is void
        m_valueRequests.clear();
        m_submitRequest.clear();
    }
    m_screen = screen;
    m_building.clear();
    m_focused.clear();
    m_editing.clear();
}

void TestHook::endFrame(const HookState& state)
{
    m_lastCards = cardsThisFrame();
    // FNV-1a over what the page's mirror is built from.
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xFF) * 1099511628211ull;
    };
    for (const HookItem& item : m_building) {
        mix(item.id);
        mix(item.label);
        mix(item.value ? *item.value : std::string_view("\x01"));
        mix(toString(item.info.role));
        mix(item.info.selected ? "s" : item.info.disabled ? "d" : "");
        mix(item.info.inputType);
        mix(item.info.autocomplete);
        mix(item.info.invalid ? "i" : "");
        mix(item.info.describedBy);
        mix(item.info.detail); // a live count changed: the mirror says it too
        mix(item.info.href);
        mix(item.info.pressed == 1 ? "p" : item.info.pressed == 0 ? "u" : "");
        char rect[64];
        std::snprintf(rect, sizeof rect, "%d,%d,%d,%d", static_cast<int>(item.min.x), static_cast<int>(item.min.y),
                      static_cast<int>(item.max.x), static_cast<int>(item.max.y));
        mix(rect);
    }
    mix(m_focused);
    mix(m_editing); // the page's hidden input follows the field being edited
    mix(m_screen);
    m_lastSignature = h;
    m_last.swap(m_building);
    m_lastScreen = m_screen;
    m_lastFocused = m_focused;
    m_lastEditing = m_editing;
    m_state = state;
}

int TestHook::cardsThisFrame() const
{
    int n = 0;
    for (const auto& item : m_building)
        if (item.visible && item.id.compare(0, 5, "card:") == 0) ++n;
    return n;
}

void TestHook::addRect(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, const char* value,
                       const ItemInfo& info)
{
    const Clip clip = clipToWindow(min, max);
    if (clip == Clip::Hidden) return;
    HookItem item{id, label, min, max, std::nullopt, info};
    if (value) item.value = std::string(value);
    item.visible = clip == Clip::Visible;
    // Ids stay unique: when an option is listed twice (popular makes), the first visible one counts.
    for (auto& existing : m_building) {
        if (existing.id != id) continue;
        if (!existing.visible && item.visible) existing = std::move(item);
        return;
    }
    m_building.push_back(std::move(item));
}

void TestHook::applyRequests(const std::string& id, ImGuiID imguiId)
{
    if (imguiId == 0) return;
    if (!m_activateRequest.empty() && id == m_activateRequest) {
        ImGui::ActivateItemByID(imguiId); // pressed on the next frame, as a click would
        m_activateRequest.clear();
    }
    if (!m_focusRequest.empty() && id == m_focusRequest) {
        ImGui::SetFocusID(imguiId, ImGui::GetCurrentWindow());
        GImGui->NavDisableHighlight = false; // the focus ring shows where the screen reader is
        ImGui::SetScrollHereY(0.5f);
        m_focusRequest.clear();
    }
}

std::optional<std::string> TestHook::takeValueRequest(const std::string& id)
{
    const auto it = m_valueRequests.find(id);
    if (it == m_valueRequests.end()) return std::nullopt;
    std::string value = std::move(it->second);
    m_valueRequests.erase(it);
    return value;
}

bool TestHook::takeSubmitRequest(const std::string& id)
{
    if (m_submitRequest.empty() || m_submitRequest != id) return false;
    m_submitRequest.clear();
    return true;
}

void TestHook::addLastItem(const std::string& id, const std::string& label, const char* value, const ItemInfo& info)
{
    applyRequests(id, ImGui::GetItemID());
    // Keyboard focus, as the ring shows it: on this item, and not hidden since a mouse click.
    if (ImGui::GetItemID() != 0 && ImGui::GetItemID() == GImGui->NavId && !GImGui->NavDisableHighlight) m_focused = id;
    addRect(id, label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), value, info);
}

std::string TestHook::itemsJson(bool all) const
{
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : m_last) {
        if (!item.visible && !all) continue;
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
        if (!item.info.detail.empty()) j["detail"] = item.info.detail;
        if (*item.info.inputMode) j["inputmode"] = item.info.inputMode;
        if (*item.info.inputType) j["inputtype"] = item.info.inputType;
        if (*item.info.autocomplete) j["autocomplete"] = item.info.autocomplete;
        if (item.info.invalid) j["invalid"] = true;
        if (item.info.multiline) j["multiline"] = true;
        if (!item.info.describedBy.empty()) j["describedby"] = item.info.describedBy;
        if (item.info.selected) j["selected"] = true;
        if (item.info.pressed >= 0) j["pressed"] = item.info.pressed == 1;
        if (item.info.disabled) j["disabled"] = true;
        if (!item.visible) j["offscreen"] = true;
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
                     {"editing", m_lastEditing},
                     {"error", s.error},
                     {"dpr", s.dpr},
                     {"frames", s.frames},
                     {"settled", s.settled},
                     {"inputFrames", s.inputFrames},
                     {"canvas", {{"w", s.canvasW}, {"h", s.canvasH}}},
                     {"css", {{"w", s.cssW}, {"h", s.cssH}}},
                     {"frameMs", {{"last", round2(s.frameLast)}, {"max", round2(s.frameMax)}, {"avg", round2(s.frameAvg)}, {"p50", round2(s.frameP50)},
                                  {"input", round2(s.framePartsAvg[0])}, {"ui", round2(s.framePartsAvg[1])},
                                  {"gl", round2(s.framePartsAvg[2])}, {"drawCalls", s.drawCalls}}},
                     {"photos", {{"loading", s.photosLoading}, {"ready", s.photosReady}, {"failed", s.photosFailed}}},
                     {"gpu", {{"generation", s.gpuGeneration}, {"mb", round2(s.gpuMb)}}},
                     {"firstListingsAt", s.firstListingsAt ? nlohmann::json(round2(*s.firstListingsAt)) : nlohmann::json()},
                     {"lang", s.lang},
                     {"selection", s.selection}};
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
