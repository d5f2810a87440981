// Reusable pieces every screen draws with: text helpers, vector icons, buttons, combos,
// text fields, spinner, photo placeholders, chips, error / empty panels and the pager.
// Each interactive widget takes a stable hook id that is also its ImGui ID.
#pragma once

#include "client/api_client.hpp"
#include "core/i18n.hpp"
#include "ui/style.hpp"
#include "ui/texture_cache.hpp"

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>

namespace dongelek::ui {

// [SECTION] Text and colour

// A colour with ImGui's current style alpha applied, so dimmed sections fade drawn shapes too.
ImU32 col(ImU32 c);
ImVec2 textSize(Font f, std::string_view text, float wrapWidth = 0.0f);
void drawText(ImDrawList* dl, Font f, ImVec2 pos, ImU32 color, std::string_view text, float wrapWidth = 0.0f);
// `text` cut to `maxWidth` with an ellipsis.
std::string ellipsize(Font f, std::string_view text, float maxWidth);

// [SECTION] Icons (drawn with lines so no icon font is needed)

enum class Icon { Search, ChevronLeft, ChevronRight, ChevronDown, Check, Pin, Calendar, Phone, User, Camera, Alert,
                  Filter, Copy, Close, Wheel, Eye, EyeOff, Mail, Shield, Devices, SignOut, List, Grid, Heart,
                  Compare };
void drawIcon(ImDrawList* dl, Icon icon, ImVec2 center, float size, ImU32 color);

// [SECTION] Pressable regions and scroll regions (the shared layer every screen builds on)

// An invisible button with what every interactive item needs: a place in the keyboard's Tab
// order with a visible focus ring (Enter and Space activate it), the hand cursor, and no click
// when a touch press turned into a scroll.
struct Press {
    bool clicked = false;
    bool hovered = false;
    bool held = false;
};
Press pressable(const char* imguiId, ImVec2 size, bool enabled = true);

// A scrolling child window the keyboard can move through (Tab crosses into it; PageUp,
// PageDown, Home and End scroll the screen's main region). Always pair with endScrollRegion().
enum class ScrollKind { Main, Inner }; // Main: the region the page keys scroll
bool beginScrollRegion(const char* imguiId, ImVec2 size, ScrollKind kind, ImGuiChildFlags childFlags = 0,
                       ImGuiWindowFlags windowFlags = 0);
void endScrollRegion();
// Scrolls the current scroll region so the rect (screen coordinates) is in view, with a little
// room above it; for news the user must see (a confirmation that appeared out of sight). It
// moves only when the rect is not already wholly visible.
void scrollIntoView(ImVec2 min, ImVec2 max);
// A scroll region moved faster than a reader looks in this frame (ui/scroll_speed.hpp): the
// texture cache then holds back the photos of rows flying past (TextureCache::holdOffscreen).
bool scrolledFastThisFrame();
// A bar over the bottom of the screen (the compare tray) covers `px`: the screen's main region
// gets that much room after its content, so its end can scroll above the bar. Called each frame
// the bar shows; it lapses the frame after.
void reserveBottom(float px);
// A finger is scrolling a region right now (a press under it is not a tap).
bool touchDragging();
// The finger's drag this frame is a widget's own (a zoomed photo pans): regions do not scroll.
void claimTouchDrag();
// For the item just drawn (a button that is a drag-and-drop source): whether it may start a
// drag now. A mouse always may. A finger must first hold still on it for half a second (the
// item then looks lifted and the page stops scrolling under it); a finger that moves first
// scrolls the page, as on every phone's home screen.
bool holdToDrag();

// [SECTION] Buttons

enum class ButtonKind { Primary, Secondary, Ghost, Link };
struct ButtonOptions {
    ButtonKind kind = ButtonKind::Secondary;
    ImVec2 size{0, 0};     // 0 = fit the text
    bool hasIcon = false;
    Icon icon = Icon::ChevronLeft;
    bool enabled = true;
    bool selected = false; // pager's current page, language switcher
    Font font = Font::Bold;
    std::string href;      // set when the button opens an app address: it is a link, not a button
    std::string name;      // the accessible name when the text is not it (an icon-only button)
};
bool button(const char* hookId, std::string_view text, const ButtonOptions& options = {});
float buttonWidth(std::string_view text, const ButtonOptions& options = {});

// [SECTION] Toggle buttons

// A round icon button that is on or off (a heart: saved; compare: picked), the one widget for
// every such toggle: pressable with focus ring and Enter/Space, at least the finger size on a
// touch screen, and in the test hook and mirror as a button with its name and pressed state
// (aria-pressed). `overlay`: it sits over another pressable item drawn after it (a card): it is
// hit-tested first and drawn after everything else in its region (flushOverlays). Returns true
// when pressed; the cursor does not move.
struct ToggleOptions {
    float size = 0;        // the circle's diameter; 0 = 2.25 em (at least tapSize)
    bool overlay = false;
    ImU32 onColor = color::kAccent; // the icon's colour when on
};
bool toggleButton(const char* hookId, Icon icon, bool on, const std::string& name, ImVec2 pos,
                  const ToggleOptions& options = {});
// Draws what overlay toggles deferred for the current window (endScrollRegion and the screen
// call it before ending a window).
void flushOverlays();

// [SECTION] Inputs

// A combo with its own preview and chevron. Items inside use comboOption/comboHeader.
bool beginCombo(const char* hookId, const char* label, const char* preview, float width, bool enabled = true);
void endCombo();
// One option: its hook id is "<comboId>.option:<value>". `detail` is drawn muted on the right.
// `dimmed`: the option would find nothing (a count of 0); it is drawn faint but stays choosable.
bool comboOption(const char* comboId, const std::string& value, const char* text, bool selected,
                 const char* detail = nullptr, float indent = 0.0f, bool dimmed = false);
void comboHeader(const char* text);

// Single-line text field. `leading` draws an icon inside on the left; `suffix` muted on the
// right ("km"). Returns true when the text changed this frame (typed, pasted, or filled in by a
// password manager through the page: TestHook::requestValue).
struct FieldOptions {
    ImGuiInputTextFlags flags = 0;
    bool digitsOnly = false;
    bool decimal = false;       // digits and one decimal separator ('.' or ','): "1.6"
    std::size_t maxChars = 100; // code points
    bool hasIcon = false;
    Icon icon = Icon::Search;
    const char* suffix = nullptr;
    float height = 0.0f;        // 0 = the default frame height
    bool invalid = false;       // red border (and aria-invalid in the page's mirror)
    const char* inputMode = ""; // the phone keyboard to show: "search", "numeric", "email", "tel" (digitsOnly: numeric)
    // For password managers and phones: the page's hidden input and its mirror carry these.
    const char* inputType = "";    // "email", "password", "tel" ("" = text)
    const char* autocomplete = ""; // "username", "current-password", "new-password", "one-time-code", "tel", "name"
    const char* label = nullptr;   // the accessible name when it is not `hint` (a form field's label above it)
    std::string describedBy;       // hook id of the text under the field that explains it (its error)
    bool masked = false;           // shows dots instead of the letters (a password)
    float rightInset = 0.0f;       // room kept free inside on the right (a show/hide button over it)
    bool focusNow = false;         // takes the keyboard focus this frame (a form's first field)
    bool ownsArrows = false;       // Up and Down stay with the field's owner (a suggestion list), not the focus
    bool multiline = false;        // several lines, `height` tall (Enter starts a new line; a description)
};
bool textField(const char* hookId, const char* hint, std::string& text, float width, const FieldOptions& options = {});
// What a form's field did this frame: the text changed, or Enter was pressed in it (the form is
// sent: from the keyboard, the phone's "Go" key, or Enter in the page's copy of the field).
struct FieldEvents {
    bool changed = false;
    bool submitted = false;
};
FieldEvents formTextField(const char* hookId, const char* hint, std::string& text, float width,
                          const FieldOptions& options = {});
// A password: masked, with a Show / Hide button inside on the right ("<hookId>.show"); `shown`
// is the caller's (UI state). Use inputType/autocomplete "current-password" or "new-password".
FieldEvents passwordField(const char* hookId, const Strings& s, std::string& text, bool& shown, float width,
                          FieldOptions options = {});

// One choice of a set (a radio button): a round mark, a label and an optional muted line under
// it, the whole row pressable. Returns true when picked.
bool radioOption(const char* hookId, std::string_view text, std::string_view detail, bool selected, float width);

// A checkbox: a square mark, the text and an optional muted `detail` on the right (a count), the
// whole row pressable (at least the finger size). Returns true when toggled. Inside a combo's
// popup it makes a multi-select list (the popup stays open); use "<comboId>.option:<value>" ids.
struct CheckOptions {
    const char* detail = nullptr;
    bool dimmed = false; // it would find nothing: drawn faint, still choosable
    float indent = 0.0f;
    Font font = Font::Regular;
};
bool checkbox(const char* hookId, std::string_view text, bool checked, float width, const CheckOptions& options = {});

// [SECTION] Status

void spinner(const char* hookId, ImVec2 center, float radius, double timeMs);
// Centred spinner filling `size` (an item is submitted so layout advances).
void spinnerBlock(const char* hookId, ImVec2 size, double timeMs);
// A labelled bar at the cursor, `fraction` (0..1) filled: the label above, the bar under it,
// `width` wide; the mirror gets a progressbar with the label and the percentage.
void progressBar(const char* hookId, const std::string& label, float fraction, float width);

// The localized explanation of a failed request. `listing` picks "Listing not found" for 404s.
std::string errorMessage(const Strings& s, const RequestError& error, bool listing);
// What the user can do about it ("Check your connection…", "It may have been sold…").
std::string errorHint(const Strings& s, const RequestError& error);
// Icon, message, hint and a Retry button (hook id "retry"); returns true on Retry.
bool errorPanel(const Strings& s, const std::string& message, const std::string& hint, ImVec2 size);
// A listing that is gone: retrying cannot help, so the action leads back to the cars ("browse.all").
bool goneListingPanel(const Strings& s, const std::string& message, const std::string& hint, ImVec2 size);

// Wrapped text at `pos`, `width` wide, in the test hook and the mirror as a paragraph under
// `hookId` (so a screen reader reads it); returns its height.
float textBlock(const char* hookId, std::string_view text, ImVec2 pos, float width, Font font = Font::Regular,
                ImU32 colour = color::kText);
// A tooltip for the last item, padded like the rest of the app.
void tooltip(const char* text);
// A page's or section's heading drawn at `pos` in `font`, recorded as a heading for the mirror
// and the test hook under `hookId`; returns its size.
ImVec2 heading(const char* hookId, std::string_view text, ImVec2 pos, Font font = Font::Title);
// "No cars match these filters" + "Reset filters" (hook ids "empty", "empty.reset").
bool emptyPanel(const Strings& s, ImVec2 size);

// [SECTION] Photos, chips, cards

void shimmer(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, double timeMs);
// Cropped to fill (cover) or letter-boxed to fit (contain).
void imageCover(ImDrawList* dl, const Texture& tex, ImVec2 min, ImVec2 max, float rounding);
void imageContain(ImDrawList* dl, const Texture& tex, ImVec2 min, ImVec2 max);
// A texture, else a shimmer while loading, else a "no photo" box after a failure.
void photo(ImDrawList* dl, TextureCache& cache, const std::string& url, ImVec2 min, ImVec2 max, float rounding,
           double timeMs, const char* noPhotoText);
// Returns the chip's width.
float chip(ImDrawList* dl, ImVec2 pos, std::string_view text, ImU32 bg = color::kChip, ImU32 fg = color::kChipText);
float chipWidth(std::string_view text);
// White rounded panel with a hairline border and a soft shadow.
void surface(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, bool raised = false);

// [SECTION] Pager

// Prev, numbers (first, last and a window around the current page) and Next, centred in
// `width`. Hook ids "page.prev", "page.next", "page.<n>"; each is a link to `hrefOf(page)`
// when given. Returns the page clicked, else 0.
int pager(const Strings& s, int page, int pageCount, float width,
          const std::function<std::string(int page)>& hrefOf = nullptr);

} // namespace dongelek::ui
