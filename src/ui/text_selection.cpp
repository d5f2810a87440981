// Selectable text: our own line layout (so drawing and hit-testing agree to the pixel), the
// selection state of the one text holding it, and the touch bubble.

// [SECTION] Index
// - Layout
// - Selection state
// - Drawing and input
// - End of frame (bubble, keys)

#include "ui/text_selection.hpp"

#include <imgui_internal.h>

#include "core/text_select.hpp"
#include "ui/redraw.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace dongelek::ui {

// [SECTION] Layout

namespace {

struct Line {
    std::size_t begin = 0, end = 0; // bytes of the text drawn on this line
};

struct Layout {
    std::vector<Line> lines;
    float lineH = 0;
    float width = 0;
};

// Calls `visit(offset, width)` for each letter of text[begin, end) as the font lays it out; stops
// when it returns true.
template <typename Visit>
void forEachLetter(const ImFont* f, std::string_view text, std::size_t begin, std::size_t end, Visit&& visit)
{
    const char* s = text.data() + begin;
    const char* e = text.data() + end;
    while (s < e) {
        const char* start = s;
        unsigned int c = static_cast<unsigned char>(*s);
        if (c < 0x80) ++s;
        else s += ImTextCharFromUtf8(&c, s, e);
        const float w = c == '\r' ? 0.0f : f->GetCharAdvance(static_cast<ImWchar>(c));
        if (visit(static_cast<std::size_t>(start - text.data()), w)) return;
    }
}

float advance(const ImFont* f, std::string_view text, std::size_t begin, std::size_t end)
{
    float x = 0;
    forEachLetter(f, text, begin, end, [&x](std::size_t, float w) {
        x += w;
        return false;
    });
    return x;
}

// Paragraphs split at '\n'; each wrapped at whole words (ImGui's own rule), the blanks at a
// wrap skipped. An empty paragraph is an empty line.
Layout layoutOf(const ImFont* f, std::string_view text, float wrapWidth)
{
    Layout l;
    l.lineH = f->FontSize;
    const char* base = text.data();
    const char* end = base + text.size();
    const char* p = base;
    for (;;) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* paraEnd = nl ? nl : end;
        const char* s = p;
        do {
            const char* lineEnd = paraEnd;
            if (wrapWidth > 0 && s < paraEnd) {
                lineEnd = f->CalcWordWrapPositionA(1.0f, s, paraEnd, wrapWidth);
                // Its "+1" for a too-narrow width may land inside a letter: keep the whole letter.
                while (lineEnd < paraEnd && (static_cast<unsigned char>(*lineEnd) & 0xC0) == 0x80) ++lineEnd;
            }
            l.lines.push_back({static_cast<std::size_t>(s - base), static_cast<std::size_t>(lineEnd - base)});
            l.width = std::max(l.width, advance(f, text, l.lines.back().begin, l.lines.back().end));
            s = lineEnd;
            while (s < paraEnd && (*s == ' ' || *s == '\t')) ++s;
        } while (s < paraEnd);
        if (!nl) break;
        p = nl + 1;
    }
    return l;
}

// The byte offset nearest to `x` on a line (before a letter's middle: before it).
std::size_t offsetAt(const ImFont* f, std::string_view text, const Line& line, float x)
{
    float at = 0;
    std::size_t found = line.end;
    forEachLetter(f, text, line.begin, line.end, [&](std::size_t offset, float w) {
        if (x < at + w * 0.5f) {
            found = offset;
            return true;
        }
        at += w;
        return false;
    });
    return found;
}

// [SECTION] Selection state

constexpr double kLongPressS = 0.5;
constexpr float kTouchSlopPx = 10.0f;

struct Selection {
    ImGuiID owner = 0;           // the text holding the selection (0: none)
    std::size_t anchor = 0, caret = 0;
    std::string text;            // the owner's text as last drawn
    bool drawnThisFrame = false;
    bool pressDrawn = false;     // the text under the pressing finger was drawn this frame
    bool mouseSelecting = false; // a mouse drag extends it
    bool tookPress = false;      // a text took this frame's press (it is not a click elsewhere)
    // Touch: a press that may become a long press, and what it selected.
    ImGuiID pressOwner = 0;
    double pressAt = 0;
    ImVec2 pressPos;
    bool longPressed = false;    // the finger that long-pressed is still down
    text::Range pressWord;
    bool bubble = false;         // the Copy / Select all bubble is shown
    ImVec2 bubbleAt;             // the top centre of the selection, last frame (screen)
    float bubbleBottom = 0;      // the bottom of the selection, when there is no room above
    ImGuiID bubbleWindow = 0;
    ImVec2 bubbleSize{em(12), em(3.5f)}; // last frame's, to place it
};

Selection& sel()
{
    static Selection s;
    return s;
}

void clearSelection()
{
    Selection& s = sel();
    s.owner = 0;
    s.anchor = s.caret = 0;
    s.text.clear();
    s.mouseSelecting = false;
    s.bubble = false;
}

void selectRange(ImGuiID id, std::string_view text, std::size_t anchor, std::size_t caret)
{
    Selection& s = sel();
    s.owner = id;
    s.anchor = anchor;
    s.caret = caret;
    s.text.assign(text);
}

bool touchInput() { return ImGui::GetIO().MouseSource == ImGuiMouseSource_TouchScreen; }

} // namespace

// [SECTION] Drawing and input

ImVec2 selectableTextSize(Font f, std::string_view text, float wrapWidth)
{
    const Layout l = layoutOf(font(f), text, wrapWidth);
    return ImVec2(std::ceil(l.width), l.lineH * static_cast<float>(l.lines.size()));
}

ImVec2 selectableText(const char* id, Font f, ImVec2 pos, ImU32 color, std::string_view text,
                      const SelectableTextOptions& o)
{
    ImFont* fnt = font(f);
    pos = ImVec2(std::round(pos.x), std::round(pos.y));
    const Layout l = layoutOf(fnt, text, o.wrapWidth);
    const ImVec2 size(std::ceil(l.width), l.lineH * static_cast<float>(l.lines.size()));
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const ImGuiID gid = ImGui::GetID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    Selection& s = sel();
    const ImGuiIO& io = ImGui::GetIO();

    const auto lineAtY = [&](float y) {
        const int i = static_cast<int>(std::floor((y - pos.y) / l.lineH));
        return static_cast<std::size_t>(std::clamp(i, 0, static_cast<int>(l.lines.size()) - 1));
    };
    // The offset under a point; above the text its start, below it its end.
    const auto hit = [&](ImVec2 p) -> std::size_t {
        if (p.y < pos.y) return 0;
        if (p.y >= max.y) return text.size();
        return offsetAt(fnt, text, l.lines[lineAtY(p.y)], p.x - pos.x);
    };

    // Hovered: under the pointer, inside the window's visible part, with nothing over it.
    const bool hovered = ImGui::IsMouseHoveringRect(pos, max) &&
                         ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                         !ImGui::IsAnyItemHovered();
    if (hovered && !touchInput()) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);

    if (hovered && ImGui::IsMouseClicked(0) && !ImGui::IsAnyItemActive()) {
        s.tookPress = true;
        const std::size_t at = hit(io.MousePos);
        if (touchInput()) {
            // Maybe a long press: decided while the finger stays still.
            s.pressOwner = gid;
            s.pressAt = ImGui::GetTime();
            s.pressPos = io.MousePos;
            s.longPressed = false;
            if (s.owner != gid || !s.bubble) clearSelection();
        } else {
            const int clicks = ImGui::GetMouseClickedCount(0);
            if (clicks >= 3) {
                selectRange(gid, text, 0, text.size());
            } else if (clicks == 2) {
                const text::Range w = text::wordAt(text, at);
                selectRange(gid, text, w.begin, w.end);
            } else if (io.KeyShift && s.owner == gid) {
                s.caret = at;
            } else {
                selectRange(gid, text, at, at);
            }
            s.mouseSelecting = clicks == 1;
            s.bubble = false;
        }
    }

    // A mouse drag extends the selection, wherever the pointer goes.
    if (s.owner == gid && s.mouseSelecting) {
        if (io.MouseDown[0]) s.caret = hit(io.MousePos);
        else s.mouseSelecting = false;
    }

    // Touch: still for half a second selects the word; moving first is a scroll.
    if (s.pressOwner == gid) {
        s.pressDrawn = true;
        const float moved = std::hypot(io.MousePos.x - s.pressPos.x, io.MousePos.y - s.pressPos.y);
        if (!io.MouseDown[0]) {
            s.pressOwner = 0;
            s.longPressed = false;
        } else if (s.longPressed) {
            // Extending: from the long-pressed word to the finger, word ends kept.
            if (moved > kTouchSlopPx) {
                const std::size_t at = hit(io.MousePos);
                if (at >= s.pressWord.begin) selectRange(gid, text, s.pressWord.begin, std::max(at, s.pressWord.end));
                else selectRange(gid, text, s.pressWord.end, at);
            }
        } else if (moved > kTouchSlopPx || touchDragging()) {
            s.pressOwner = 0; // a scroll or a swipe, not a long press
        } else {
            const double held = ImGui::GetTime() - s.pressAt;
            if (held >= kLongPressS) {
                s.pressWord = text::wordAt(text, hit(s.pressPos));
                selectRange(gid, text, s.pressWord.begin, s.pressWord.end);
                s.longPressed = true;
                s.bubble = true;
                ImGui::ClearActiveID();
            } else {
                redrawAfter((kLongPressS - held) * 1000.0 + 1.0);
            }
        }
    }

    // The selection's highlight behind the letters.
    if (s.owner == gid) {
        s.drawnThisFrame = true;
        if (s.text != text) { // the text changed under it (another language): start again
            clearSelection();
        } else {
            const std::size_t a = std::min(s.anchor, s.caret), b = std::max(s.anchor, s.caret);
            bool first = true;
            for (std::size_t i = 0; i < l.lines.size() && a < b; ++i) {
                const Line& line = l.lines[i];
                const std::size_t from = std::max(a, line.begin);
                std::size_t to = std::min(b, line.end);
                const bool continues = b > line.end && i + 1 < l.lines.size();
                if (from > to || (from == to && !continues)) continue;
                const float y = pos.y + l.lineH * static_cast<float>(i);
                const float x0 = pos.x + advance(fnt, text, line.begin, from);
                float x1 = pos.x + advance(fnt, text, line.begin, to);
                if (continues) x1 += fnt->GetCharAdvance(' '); // the wrapped space is selected too
                dl->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + l.lineH), col(color::kSelection));
                if (first) s.bubbleAt = ImVec2((x0 + x1) * 0.5f, y);
                first = false;
                s.bubbleBottom = y + l.lineH;
            }
        }
    }

    for (std::size_t i = 0; i < l.lines.size(); ++i) {
        const Line& line = l.lines[i];
        const float y = pos.y + l.lineH * static_cast<float>(i);
        if (line.end > line.begin && ImGui::IsRectVisible(ImVec2(pos.x, y), ImVec2(max.x, y + l.lineH)))
            dl->AddText(fnt, fnt->FontSize, ImVec2(pos.x, y), col(color), text.data() + line.begin, text.data() + line.end);
    }
    if (o.hookId) {
        const std::string label = o.hookLabel ? *o.hookLabel : std::string(text);
        hookRect(o.hookId, label, pos, max, nullptr, withRole(o.role));
    }
    return size;
}

// [SECTION] End of frame (bubble, keys)

void endTextSelectionFrame(const Strings& strings)
{
    Selection& s = sel();
    const ImGuiIO& io = ImGui::GetIO();
    if (s.owner && !s.drawnThisFrame) clearSelection(); // its text is gone (another screen)
    if (s.pressOwner && !s.pressDrawn) s.pressOwner = 0;

    const bool hasSelection = s.owner && s.anchor != s.caret;
    bool bubbleTook = false;
    if (hasSelection && s.bubble) {
        // Above the selection, or below it when the top of the screen is too near.
        const float h = em(2.75f);
        const bool below = s.bubbleAt.y - h - em(0.5f) < em(3.5f);
        // Centred over the selection, kept inside the screen (its size is last frame's).
        const float margin = em(0.5f);
        const float maxX = std::max(margin, io.DisplaySize.x - s.bubbleSize.x - margin);
        const float x = std::clamp(s.bubbleAt.x - s.bubbleSize.x * 0.5f, margin, maxX);
        const float y = below ? s.bubbleBottom + margin : s.bubbleAt.y - margin - s.bubbleSize.y;
        ImGui::SetNextWindowPos(ImVec2(x, std::max(margin, y)), ImGuiCond_Always);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.375f), em(0.375f)));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em(0.625f));
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(em(0.25f), 0));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
        ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(color::kSurface));
        ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(color::kBorderStrong));
        constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                            ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                                            ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav;
        if (ImGui::Begin("##selection.bubble", nullptr, kFlags)) {
            ImGuiWindow* w = ImGui::GetCurrentWindow();
            ImGui::BringWindowToDisplayFront(w);
            s.bubbleWindow = w->ID;
            s.bubbleSize = w->Size;
            ButtonOptions o;
            o.kind = ButtonKind::Ghost;
            if (button("selection.copy", strings.get("selection.copy"), o)) {
                const std::size_t a = std::min(s.anchor, s.caret), b = std::max(s.anchor, s.caret);
                ImGui::SetClipboardText(s.text.substr(a, b - a).c_str());
                clearSelection();
                bubbleTook = true;
            }
            ImGui::SameLine();
            if (s.owner && button("selection.all", strings.get("selection.select_all"), o)) {
                s.anchor = 0;
                s.caret = s.text.size();
                bubbleTook = true;
            }
        }
        ImGui::End();
        ImGui::PopStyleColor(2);
        ImGui::PopStyleVar(4);
    }

    // A press anywhere else (not on a text, not on the bubble) ends the selection.
    if (ImGui::IsMouseClicked(0) && !s.tookPress && !bubbleTook) {
        const ImGuiWindow* hoveredWin = GImGui->HoveredWindow;
        const bool onBubble = s.bubble && hoveredWin && hoveredWin->ID == s.bubbleWindow;
        if (!onBubble) clearSelection();
    }

    // Ctrl/Cmd+C copies, Ctrl/Cmd+A selects the whole text (unless a field is being typed into).
    if (s.owner && !io.WantTextInput) {
        const bool mod = io.KeyCtrl || io.KeySuper;
        if (mod && ImGui::IsKeyPressed(ImGuiKey_C, false) && s.anchor != s.caret) {
            const std::size_t a = std::min(s.anchor, s.caret), b = std::max(s.anchor, s.caret);
            ImGui::SetClipboardText(s.text.substr(a, b - a).c_str());
        }
        if (mod && ImGui::IsKeyPressed(ImGuiKey_A, false)) {
            s.anchor = 0;
            s.caret = s.text.size();
        }
    }
    s.drawnThisFrame = false;
    s.pressDrawn = false;
    s.tookPress = false;
}

std::string selectedText()
{
    const Selection& s = sel();
    if (!s.owner || s.anchor == s.caret) return {};
    const std::size_t a = std::min(s.anchor, s.caret), b = std::max(s.anchor, s.caret);
    return s.text.substr(a, b - a);
}

bool touchSelecting() { return sel().longPressed; }

} // namespace dongelek::ui
