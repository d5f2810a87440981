// What the last completed frame showed, for browser tests and benchmarks: every visible
// interactive item with a stable id and its rectangle, plus a state summary. Collected the
// same way on both platforms; platform code only decides how it is exported.
#pragma once

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dongelek::ui {

// What an item is, for the page's accessible mirror and the phone keyboard (web/dongelek_glue.js).
enum class Role { None, Button, Link, TextBox, ComboBox, Option, Heading, Text, Image, Radio, Checkbox, Progress };
const char* toString(Role role);

struct ItemInfo {
    Role role = Role::None;
    std::string href;           // Link: the app address it opens
    std::string detail;         // more of its accessible name ("2019 · 13,810,000 ₸ · Almaty" for a card)
    const char* inputMode = ""; // TextBox: "numeric", "search", "email", "tel" or "" (text)
    // TextBox, for password managers and the phone (the page's hidden input and mirror carry them):
    const char* inputType = "";    // "email", "password", "tel" or "" (text)
    const char* autocomplete = ""; // "username", "current-password", "new-password", "one-time-code", ...
    bool invalid = false;          // TextBox: the text is refused (an error is shown under it)
    bool multiline = false;        // TextBox: several lines (a <textarea> in the mirror)
    std::string describedBy;       // the hook id of the text that explains it (the field's error)
    bool selected = false;         // Option, Radio, Checkbox (checked), toggle buttons (the language on screen)
    int pressed = -1;              // a toggle button (ui::toggleButton): 1 on, 0 off, -1 not a toggle (aria-pressed)
    bool disabled = false;
};

inline ItemInfo withRole(Role role)
{
    ItemInfo info;
    info.role = role;
    return info;
}

struct HookItem {
    std::string id;
    std::string label;
    ImVec2 min, max; // visible (clipped) part, in CSS pixels / points
    std::optional<std::string> value;
    ItemInfo info;
    bool visible = true; // false: scrolled out of view (the rect is where it would be)
};

// Filled by the app once per frame.
struct HookState {
    std::string screen;  // the id of the feature module on screen: "browse", "listing", ...
    std::string status;  // "loading" | "ready" | "error" | "empty"
    std::string error;   // the localized message on screen, "" when none
    nlohmann::json features = nlohmann::json::object(); // each module's own fields (Module::describe)
    float dpr = 1;
    int canvasW = 0, canvasH = 0;
    int cssW = 0, cssH = 0;
    long long frames = 0; // frames drawn since start
    // No frame is due after this one until input: every effect of the last input or reply is
    // drawn (tests read a key's effect only then; a state read earlier may be a key behind).
    bool settled = false;
    long long inputFrames = 0; // frames that had input to handle (a key pressed shows up here)
    double frameLast = 0, frameMax = 0, frameAvg = 0, frameP50 = 0;
    int drawCalls = 0; // ImGui draw commands of the last frame (each one a GL draw call)
    double framePartsAvg[3] = {0, 0, 0}; // input + NewFrame, screens, GL (average of the same frames)
    int photosLoading = 0, photosReady = 0, photosFailed = 0; // photos drawn (or waited for) this frame
    double gpuMb = 0;          // photo textures on the GPU (the cache's budget holds it)
    unsigned gpuGeneration = 1; // one more each time a lost GL context came back
    std::optional<double> firstListingsAt;
    std::string lang;
    std::string selection; // the selected text (ui/text_selection.hpp), "" when none
};

class TestHook {
public:
    // Widgets record into the hook of the frame being drawn (like ImGui's current context).
    static TestHook* current();
    static void setCurrent(TestHook* hook);

    void beginFrame(const char* screen);
    void endFrame(const HookState& state);
    // After the frame: whether the app now rests (no frame due until input; HookState::settled).
    void setSettled(bool settled) { m_state.settled = settled; }

    // The last ImGui item (GetItemRect), if any part of it is visible.
    void addLastItem(const std::string& id, const std::string& label, const char* value = nullptr,
                     const ItemInfo& info = {});
    // An arbitrary rectangle, clipped by the current window.
    void addRect(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
                 const char* value = nullptr, const ItemInfo& info = {});

    int cardsInLastFrame() const { return m_lastCards; }
    // What the page asks of an item (its accessible mirror: a screen reader moved to it or
    // pressed it): done when the item is drawn next, like a keyboard focus or a click.
    void requestFocus(const std::string& id) { m_focusRequest = id; }
    void requestActivate(const std::string& id) { m_activateRequest = id; }
    // A text field's whole new value from the page (a password manager filled it), and Enter
    // pressed in the page's copy of a field: taken by the field when it is drawn next.
    void requestValue(const std::string& id, const std::string& value) { m_valueRequests[id] = value; }
    void requestSubmit(const std::string& id) { m_submitRequest = id; }
    std::optional<std::string> takeValueRequest(const std::string& id);
    bool takeSubmitRequest(const std::string& id);
    // For widgets whose ImGui item is not the last one when they hook (combos): applies the
    // requests above to `imguiId`.
    void applyRequests(const std::string& id, ImGuiID imguiId);
    // Changes whenever what the last frame showed changes (items, labels, values, places, focus),
    // so the page rebuilds its mirror only then.
    std::uint64_t signatureOfLastFrame() const { return m_lastSignature; }
    // An item whose keyboard focus its widget detects itself (a combo hooked before its ImGui item).
    void setFocused(const std::string& id) { m_focused = id; }
    // The text field being typed into this frame.
    void setEditing(const std::string& id) { m_editing = id; }
    // The id of the item the keyboard focus is on in the last frame ("" when none or after a click).
    const std::string& focusedInLastFrame() const { return m_lastFocused; }
    int cardsThisFrame() const;
    // The visible items; with `all`, also those scrolled out of view ("offscreen": true).
    std::string itemsJson(bool all = false) const;
    // The state object without "url" (added by whoever exports it).
    std::string stateJson(const std::string& url) const;

private:
    std::string m_screen;
    std::vector<HookItem> m_building;
    std::vector<HookItem> m_last;
    std::string m_lastScreen;
    HookState m_state;
    int m_lastCards = 0;
    std::string m_focused, m_lastFocused;
    std::string m_focusRequest, m_activateRequest, m_submitRequest;
    std::map<std::string, std::string> m_valueRequests;
    std::string m_editing, m_lastEditing;
    std::uint64_t m_lastSignature = 0;
};

// Shorthands for widgets: record into the current hook when there is one.
void hookItem(const std::string& id, const std::string& label, const char* value = nullptr, const ItemInfo& info = {});
void hookRect(const std::string& id, const std::string& label, ImVec2 min, ImVec2 max, const char* value = nullptr,
              const ItemInfo& info = {});

} // namespace dongelek::ui
