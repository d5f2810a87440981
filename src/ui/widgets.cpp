// Widgets shared by the screens. Shapes are drawn with ImDrawList on top of invisible
// ImGui items, so hit-testing, focus and the test hook use ImGui's own item rectangles.

// [SECTION] Index
// - Text and colour
// - Icons
// - Buttons
// - Inputs (combo, text field)
// - Status (spinner, error, empty)
// - Photos, chips, surfaces
// - Pager

#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include "core/text_format.hpp"
#include "core/utf8.hpp"
#include "ui/redraw.hpp"
#include "ui/scroll_speed.hpp"
#include "ui/test_hook.hpp"
#include "ui/text_selection.hpp"

#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace dongelek::ui {

// [SECTION] Text and colour

ImU32 col(ImU32 c) { return ImGui::GetColorU32(c); }

ImVec2 textSize(Font f, std::string_view text, float wrapWidth)
{
    ImFont* fnt = font(f);
    return fnt->CalcTextSizeA(fnt->FontSize, FLT_MAX, wrapWidth, text.data(), text.data() + text.size());
}

void drawText(ImDrawList* dl, Font f, ImVec2 pos, ImU32 color, std::string_view text, float wrapWidth)
{
    ImFont* fnt = font(f);
    dl->AddText(fnt, fnt->FontSize, ImVec2(std::round(pos.x), std::round(pos.y)), col(color), text.data(),
                text.data() + text.size(), wrapWidth);
}

std::string ellipsize(Font f, std::string_view text, float maxWidth)
{
    if (textSize(f, text).x <= maxWidth) return std::string(text);
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    const float ellipsisW = textSize(f, kEllipsis).x;
    ImFont* fnt = font(f);
    const char* end = nullptr;
    fnt->CalcTextSizeA(fnt->FontSize, std::max(0.0f, maxWidth - ellipsisW), 0.0f, text.data(),
                       text.data() + text.size(), &end);
    std::string out(text.data(), end ? static_cast<std::size_t>(end - text.data()) : 0);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

// [SECTION] Icons

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 color)
{
    const ImU32 k = col(color);
    const float t = std::max(1.5f, s * 0.1f);
    constexpr float kPi = 3.14159265f;
    switch (icon) {
    case Icon::Search:
        dl->AddCircle(ImVec2(c.x - s * 0.08f, c.y - s * 0.08f), s * 0.3f, k, 24, t);
        dl->AddLine(ImVec2(c.x + s * 0.14f, c.y + s * 0.14f), ImVec2(c.x + s * 0.38f, c.y + s * 0.38f), k, t * 1.2f);
        break;
    case Icon::ChevronLeft:
    case Icon::ChevronRight: {
        const float d = icon == Icon::ChevronLeft ? 1.0f : -1.0f;
        const ImVec2 pts[] = {ImVec2(c.x + d * s * 0.14f, c.y - s * 0.3f), ImVec2(c.x - d * s * 0.16f, c.y),
                              ImVec2(c.x + d * s * 0.14f, c.y + s * 0.3f)};
        dl->AddPolyline(pts, 3, k, 0, t);
        break;
    }
    case Icon::ChevronDown: {
        const ImVec2 pts[] = {ImVec2(c.x - s * 0.28f, c.y - s * 0.12f), ImVec2(c.x, c.y + s * 0.16f),
                              ImVec2(c.x + s * 0.28f, c.y - s * 0.12f)};
        dl->AddPolyline(pts, 3, k, 0, t);
        break;
    }
    case Icon::Check: {
        const ImVec2 pts[] = {ImVec2(c.x - s * 0.3f, c.y + s * 0.02f), ImVec2(c.x - s * 0.08f, c.y + s * 0.24f),
                              ImVec2(c.x + s * 0.32f, c.y - s * 0.22f)};
        dl->AddPolyline(pts, 3, k, 0, t * 1.1f);
        break;
    }
    case Icon::Pin:
        dl->PathArcTo(ImVec2(c.x, c.y - s * 0.1f), s * 0.28f, kPi * 0.8f, kPi * 2.2f, 20);
        dl->PathLineTo(ImVec2(c.x, c.y + s * 0.42f));
        dl->PathStroke(k, ImDrawFlags_Closed, t);
        dl->AddCircleFilled(ImVec2(c.x, c.y - s * 0.1f), s * 0.09f, k, 12);
        break;
    case Icon::Calendar:
        dl->AddRect(ImVec2(c.x - s * 0.36f, c.y - s * 0.3f), ImVec2(c.x + s * 0.36f, c.y + s * 0.38f), k, s * 0.08f,
                    0, t);
        dl->AddLine(ImVec2(c.x - s * 0.36f, c.y - s * 0.08f), ImVec2(c.x + s * 0.36f, c.y - s * 0.08f), k, t);
        dl->AddLine(ImVec2(c.x - s * 0.16f, c.y - s * 0.42f), ImVec2(c.x - s * 0.16f, c.y - s * 0.22f), k, t);
        dl->AddLine(ImVec2(c.x + s * 0.16f, c.y - s * 0.42f), ImVec2(c.x + s * 0.16f, c.y - s * 0.22f), k, t);
        break;
    case Icon::Phone:
        dl->AddRect(ImVec2(c.x - s * 0.22f, c.y - s * 0.4f), ImVec2(c.x + s * 0.22f, c.y + s * 0.4f), k, s * 0.1f, 0,
                    t);
        dl->AddLine(ImVec2(c.x - s * 0.06f, c.y + s * 0.26f), ImVec2(c.x + s * 0.06f, c.y + s * 0.26f), k, t);
        break;
    case Icon::User:
        dl->AddCircle(ImVec2(c.x, c.y - s * 0.14f), s * 0.17f, k, 16, t);
        dl->PathArcTo(ImVec2(c.x, c.y + s * 0.46f), s * 0.34f, kPi * 1.12f, kPi * 1.88f, 16);
        dl->PathStroke(k, 0, t);
        break;
    case Icon::Camera:
        dl->AddRect(ImVec2(c.x - s * 0.4f, c.y - s * 0.22f), ImVec2(c.x + s * 0.4f, c.y + s * 0.32f), k, s * 0.08f, 0,
                    t);
        dl->AddLine(ImVec2(c.x - s * 0.14f, c.y - s * 0.3f), ImVec2(c.x + s * 0.14f, c.y - s * 0.3f), k, t);
        dl->AddCircle(ImVec2(c.x, c.y + s * 0.05f), s * 0.14f, k, 16, t);
        break;
    case Icon::Alert:
        dl->AddCircle(c, s * 0.42f, k, 24, t);
        dl->AddLine(ImVec2(c.x, c.y - s * 0.2f), ImVec2(c.x, c.y + s * 0.06f), k, t * 1.2f);
        dl->AddCircleFilled(ImVec2(c.x, c.y + s * 0.2f), t * 0.8f, k, 8);
        break;
    case Icon::Filter:
        for (int i = -1; i <= 1; ++i) {
            const float y = c.y + i * s * 0.26f;
            dl->AddLine(ImVec2(c.x - s * 0.38f, y), ImVec2(c.x + s * 0.38f, y), k, t);
            const float kx = c.x + (i == 0 ? 0.16f : -0.16f) * s;
            dl->AddCircleFilled(ImVec2(kx, y), s * 0.1f, k, 12);
        }
        break;
    case Icon::Copy:
        dl->AddRect(ImVec2(c.x - s * 0.3f, c.y - s * 0.36f), ImVec2(c.x + s * 0.16f, c.y + s * 0.16f), k, s * 0.06f,
                    0, t);
        dl->AddRect(ImVec2(c.x - s * 0.14f, c.y - s * 0.18f), ImVec2(c.x + s * 0.32f, c.y + s * 0.36f), k, s * 0.06f,
                    0, t);
        break;
    case Icon::List:
        for (float dy : {-0.28f, 0.0f, 0.28f}) {
            dl->AddCircleFilled(ImVec2(c.x - s * 0.32f, c.y + s * dy), t * 0.75f, k, 8);
            dl->AddLine(ImVec2(c.x - s * 0.16f, c.y + s * dy), ImVec2(c.x + s * 0.38f, c.y + s * dy), k, t);
        }
        break;
    case Icon::Grid:
        for (float dx : {-0.2f, 0.2f})
            for (float dy : {-0.2f, 0.2f})
                dl->AddRect(ImVec2(c.x + s * dx - s * 0.14f, c.y + s * dy - s * 0.14f),
                            ImVec2(c.x + s * dx + s * 0.14f, c.y + s * dy + s * 0.14f), k, s * 0.04f, 0, t * 0.9f);
        break;
    case Icon::Close:
        dl->AddLine(ImVec2(c.x - s * 0.28f, c.y - s * 0.28f), ImVec2(c.x + s * 0.28f, c.y + s * 0.28f), k, t);
        dl->AddLine(ImVec2(c.x + s * 0.28f, c.y - s * 0.28f), ImVec2(c.x - s * 0.28f, c.y + s * 0.28f), k, t);
        break;
    case Icon::Eye:
    case Icon::EyeOff: {
        // An almond of two arcs and the pupil; crossed out for "hide".
        dl->PathArcTo(ImVec2(c.x, c.y + s * 0.42f), s * 0.62f, kPi * 1.22f, kPi * 1.78f, 20);
        dl->PathStroke(k, 0, t);
        dl->PathArcTo(ImVec2(c.x, c.y - s * 0.42f), s * 0.62f, kPi * 0.22f, kPi * 0.78f, 20);
        dl->PathStroke(k, 0, t);
        dl->AddCircleFilled(c, s * 0.13f, k, 16);
        if (icon == Icon::EyeOff)
            dl->AddLine(ImVec2(c.x - s * 0.36f, c.y + s * 0.36f), ImVec2(c.x + s * 0.36f, c.y - s * 0.36f), k, t);
        break;
    }
    case Icon::Mail: {
        const ImVec2 a(c.x - s * 0.4f, c.y - s * 0.28f), b(c.x + s * 0.4f, c.y + s * 0.28f);
        dl->AddRect(a, b, k, s * 0.06f, 0, t);
        const ImVec2 pts[] = {ImVec2(a.x + t * 0.5f, a.y + t * 0.5f), ImVec2(c.x, c.y + s * 0.04f),
                              ImVec2(b.x - t * 0.5f, a.y + t * 0.5f)};
        dl->AddPolyline(pts, 3, k, 0, t);
        break;
    }
    case Icon::Shield: {
        const ImVec2 pts[] = {ImVec2(c.x, c.y - s * 0.42f), ImVec2(c.x + s * 0.34f, c.y - s * 0.28f),
                              ImVec2(c.x + s * 0.3f, c.y + s * 0.1f), ImVec2(c.x, c.y + s * 0.42f),
                              ImVec2(c.x - s * 0.3f, c.y + s * 0.1f), ImVec2(c.x - s * 0.34f, c.y - s * 0.28f)};
        dl->AddPolyline(pts, 6, k, ImDrawFlags_Closed, t);
        const ImVec2 tick[] = {ImVec2(c.x - s * 0.14f, c.y), ImVec2(c.x - s * 0.02f, c.y + s * 0.12f),
                               ImVec2(c.x + s * 0.16f, c.y - s * 0.12f)};
        dl->AddPolyline(tick, 3, k, 0, t);
        break;
    }
    case Icon::Devices:
        dl->AddRect(ImVec2(c.x - s * 0.42f, c.y - s * 0.3f), ImVec2(c.x + s * 0.2f, c.y + s * 0.14f), k, s * 0.04f, 0, t);
        dl->AddLine(ImVec2(c.x - s * 0.3f, c.y + s * 0.3f), ImVec2(c.x + s * 0.06f, c.y + s * 0.3f), k, t);
        dl->AddRect(ImVec2(c.x + s * 0.12f, c.y - s * 0.06f), ImVec2(c.x + s * 0.42f, c.y + s * 0.4f), k, s * 0.06f, 0, t);
        break;
    case Icon::SignOut: {
        const ImVec2 door[] = {ImVec2(c.x + s * 0.05f, c.y - s * 0.38f), ImVec2(c.x - s * 0.38f, c.y - s * 0.38f),
                               ImVec2(c.x - s * 0.38f, c.y + s * 0.38f), ImVec2(c.x + s * 0.05f, c.y + s * 0.38f)};
        dl->AddPolyline(door, 4, k, 0, t);
        dl->AddLine(ImVec2(c.x - s * 0.12f, c.y), ImVec2(c.x + s * 0.4f, c.y), k, t);
        const ImVec2 head[] = {ImVec2(c.x + s * 0.24f, c.y - s * 0.16f), ImVec2(c.x + s * 0.4f, c.y),
                               ImVec2(c.x + s * 0.24f, c.y + s * 0.16f)};
        dl->AddPolyline(head, 3, k, 0, t);
        break;
    }
    case Icon::Heart: {
        // The classic heart curve, scaled into the icon's box: two open halves, so the cusps (the
        // notch and the point) get no mitred spikes.
        ImVec2 right[17], left[17];
        for (int i = 0; i < 17; ++i) {
            const float a = i * kPi / 16;
            const float x = 16 * std::pow(std::sin(a), 3.0f);
            const float y = 13 * std::cos(a) - 5 * std::cos(2 * a) - 2 * std::cos(3 * a) - std::cos(4 * a);
            right[i] = ImVec2(c.x + x * s * 0.026f, c.y - y * s * 0.026f - s * 0.04f);
            left[i] = ImVec2(c.x - x * s * 0.026f, right[i].y);
        }
        dl->AddPolyline(right, 17, k, 0, t);
        dl->AddPolyline(left, 17, k, 0, t);
        break;
    }
    case Icon::Compare: {
        // Two columns side by side on a base line.
        dl->AddRect(ImVec2(c.x - s * 0.36f, c.y - s * 0.2f), ImVec2(c.x - s * 0.06f, c.y + s * 0.32f), k, s * 0.05f, 0, t);
        dl->AddRect(ImVec2(c.x + s * 0.06f, c.y - s * 0.36f), ImVec2(c.x + s * 0.36f, c.y + s * 0.32f), k, s * 0.05f, 0, t);
        break;
    }
    case Icon::Wheel: {
        // The logo: a tyre, a hub and five spokes ("dongelek" is Kazakh for wheel).
        dl->AddCircle(c, s * 0.42f, k, 40, s * 0.13f);
        dl->AddCircleFilled(c, s * 0.12f, k, 20);
        for (int i = 0; i < 5; ++i) {
            const float a = -kPi / 2 + i * 2 * kPi / 5;
            dl->AddLine(ImVec2(c.x + std::cos(a) * s * 0.1f, c.y + std::sin(a) * s * 0.1f),
                        ImVec2(c.x + std::cos(a) * s * 0.38f, c.y + std::sin(a) * s * 0.38f), k, s * 0.07f);
        }
        break;
    }
    }
}

// [SECTION] Pressable regions and scroll regions

Press pressable(const char* imguiId, ImVec2 size, bool enabled)
{
    Press p;
    p.clicked = ImGui::InvisibleButton(imguiId, size);
    p.hovered = ImGui::IsItemHovered();
    p.held = ImGui::IsItemActive();
    if (p.hovered && enabled) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    // The keyboard's focus ring (drawn only while the keyboard moves focus, not after a click).
    ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), ImGui::GetItemID());
    p.clicked = p.clicked && enabled;
    return p;
}

namespace {

// Touch scrolling of one region: a finger drag along the region's axis scrolls it (and is no
// longer a tap), a flick keeps it moving and slows down, and pulling past an end stretches
// with resistance and springs back (rubber band).
struct TouchScroll {
    ImGuiWindow* window = nullptr; // last frame's child window (ImGui keeps it alive)
    bool tracking = false;         // a touch began inside this region
    bool dragging = false;         // it moved past the slop along the axis: it scrolls
    float velocity = 0;            // px/s along the axis, for the flick
    float overscroll = 0;          // px past the top (> 0) or the bottom (< 0)
    ScrollSpeed speed;             // how fast it moved lately, whatever moved it (ui/scroll_speed.hpp)
    bool fast = false;             // faster than a reader looks, in the last frame drawn
};
std::unordered_map<ImGuiID, TouchScroll> g_touchScroll;
std::vector<ImGuiID> g_regionStack;
std::vector<ScrollKind> g_regionKinds;
float g_reservedBottom = 0;
int g_reservedFrame = -10;
int g_claimedFrame = -10; // the last frame a widget claimed the finger's drag
int g_fastFrame = -10;    // the last frame a region scrolled faster than a reader looks

constexpr float kTouchSlopPx = 10.0f;   // a tap may wobble this much
constexpr float kFlickStopPx = 20.0f;   // px/s: slower than this, a flick has ended
constexpr float kDecelPerMs = 0.9965f;  // velocity kept per millisecond of a flick
constexpr float kStretch = 0.45f;       // how far content follows a finger past an end
constexpr float kSpringPerMs = 0.985f;  // overscroll kept per millisecond after release

// Updates `t` from this frame's input and returns the scroll the region should have (< 0: keep).
float touchScrollTarget(TouchScroll& t, ImGuiID id)
{
    ImGuiWindow* w = t.window;
    if (!w || w->Hidden) return -1.0f;
    const ImGuiIO& io = ImGui::GetIO();
    const bool horizontal = (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) && w->ScrollMax.y <= 0;
    const int axis = horizontal ? 0 : 1;
    const float maxScroll = w->ScrollMax[axis];
    const float dtMs = std::max(1.0f, io.DeltaTime * 1000.0f);
    float scroll = w->Scroll[axis];
    const bool touch = io.MouseSource == ImGuiMouseSource_TouchScreen;
    // Only a touch that starts in this region, not on a popup over it.
    bool hoveredHere = false;
    for (ImGuiWindow* h = GImGui->HoveredWindow; h; h = h->ParentWindow)
        if (h == w) hoveredHere = true;
    if (touch && ImGui::IsMouseClicked(0) && hoveredHere && w->InnerRect.Contains(io.MousePos)) {
        t.tracking = true;
        t.dragging = false;
        t.velocity = 0;
    }
    const bool claimed = ImGui::GetFrameCount() - g_claimedFrame <= 1;
    if (t.tracking && (touchSelecting() || claimed)) { // long-pressed text selects, a zoomed photo pans
        t.tracking = false;
        t.dragging = false;
        t.velocity = 0;
    }
    bool changed = false;
    if (t.tracking && io.MouseDown[0]) {
        const ImVec2 total(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
        const float along = axis ? total.y : total.x, across = axis ? total.x : total.y;
        if (!t.dragging && maxScroll > 0 && std::fabs(along) > kTouchSlopPx && std::fabs(along) > std::fabs(across)) {
            t.dragging = true;
            ImGui::ClearActiveID(); // the press was a scroll, not a tap: nothing gets clicked
        }
        if (t.dragging) {
            const float d = axis ? io.MouseDelta.y : io.MouseDelta.x;
            // Past an end the content follows the finger only partly, then springs back.
            if ((scroll <= 0 && d > 0) || t.overscroll > 0) {
                t.overscroll = std::max(0.0f, t.overscroll + d * kStretch);
            } else if ((scroll >= maxScroll && d < 0) || t.overscroll < 0) {
                t.overscroll = std::min(0.0f, t.overscroll + d * kStretch);
            } else {
                scroll = std::clamp(scroll - d, 0.0f, maxScroll);
            }
            t.velocity = t.velocity * 0.6f + (-d / dtMs * 1000.0f) * 0.4f;
            changed = true;
        }
    } else if (t.tracking) {
        t.tracking = false;
        if (!t.dragging) t.velocity = 0;
        t.dragging = false;
    }
    if (!t.tracking && std::fabs(t.velocity) > kFlickStopPx) {
        scroll += t.velocity * dtMs / 1000.0f;
        t.velocity *= std::pow(kDecelPerMs, dtMs);
        if (scroll <= 0 || scroll >= maxScroll) t.velocity = 0; // the end stops a flick
        scroll = std::clamp(scroll, 0.0f, maxScroll);
        changed = true;
        keepAnimating();
    }
    if (!t.dragging && t.overscroll != 0) {
        t.overscroll *= std::pow(kSpringPerMs, dtMs);
        if (std::fabs(t.overscroll) < 0.5f) t.overscroll = 0;
        keepAnimating();
    }
    (void)id;
    return changed ? scroll : -1.0f;
}

// A region flung faster than a reader looks holds its photos back (ui/scroll_speed.hpp): this
// frame is marked, a frame is asked for once the window of the speed has passed, and the first
// slow frame asks for one more, in which the photos of where it stopped are fetched.
void noteSpeed(TouchScroll& t, const ImGuiWindow* w)
{
    const bool horizontal = (w->Flags & ImGuiWindowFlags_HorizontalScrollbar) && w->ScrollMax.y <= 0;
    const int axis = horizontal ? 0 : 1;
    t.speed.add(ImGui::GetTime() * 1000.0, w->Scroll[axis]);
    const bool fast = t.speed.fast(horizontal ? w->InnerRect.GetWidth() : w->InnerRect.GetHeight());
    if (fast) {
        g_fastFrame = ImGui::GetFrameCount();
        redrawAfter(kSpeedWindowMs + 1);
    } else if (t.fast) {
        keepAnimating();
    }
    t.fast = fast;
}

} // namespace

bool scrolledFastThisFrame() { return g_fastFrame == ImGui::GetFrameCount(); }

bool beginScrollRegion(const char* imguiId, ImVec2 size, ScrollKind kind, ImGuiChildFlags childFlags,
                       ImGuiWindowFlags windowFlags)
{
    const ImGuiID id = ImGui::GetID(imguiId);
    TouchScroll& t = g_touchScroll[id];
    const float target = touchScrollTarget(t, id);
    if (target >= 0 && t.window) {
        const bool horizontal = (t.window->Flags & ImGuiWindowFlags_HorizontalScrollbar) && t.window->ScrollMax.y <= 0;
        ImGui::SetNextWindowScroll(horizontal ? ImVec2(target, -1.0f) : ImVec2(-1.0f, target));
    }
    // NavFlattened: Tab and the arrows go through the region's items as if they were the screen's.
    const bool open = ImGui::BeginChild(imguiId, size, childFlags, windowFlags | ImGuiWindowFlags_NavFlattened);
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    t.window = window;
    g_regionStack.push_back(id);
    g_regionKinds.push_back(kind);
    // Pulled past the top: the content sits lower by the stretch.
    if (t.overscroll > 0) ImGui::SetCursorPosY(ImGui::GetCursorPosY() + t.overscroll);
    if (kind == ScrollKind::Main && open && !ImGui::GetIO().WantTextInput && !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        const float page = std::max(em(2), window->InnerRect.GetHeight() - em(3)); // a screenful, keeping some context
        if (ImGui::IsKeyPressed(ImGuiKey_PageDown)) ImGui::SetScrollY(window->Scroll.y + page);
        if (ImGui::IsKeyPressed(ImGuiKey_PageUp)) ImGui::SetScrollY(window->Scroll.y - page);
        if (ImGui::IsKeyPressed(ImGuiKey_Home, false)) ImGui::SetScrollY(0);
        if (ImGui::IsKeyPressed(ImGuiKey_End, false)) ImGui::SetScrollY(window->ScrollMax.y);
    }
    return open;
}

void scrollIntoView(ImVec2 min, ImVec2 max)
{
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float top = window->InnerRect.Min.y, bottom = std::min(window->InnerRect.Max.y, visibleBottom());
    if (min.y >= top && max.y <= bottom) return;
    const float margin = em(1.0f);
    const float delta = min.y < top || max.y - min.y > bottom - top ? min.y - top - margin : max.y - bottom + margin;
    ImGui::SetScrollY(std::max(0.0f, window->Scroll.y + delta)); // ImGui clamps to the new content next frame
    keepAnimating(); // the next frame shows it
}

void endScrollRegion()
{
    flushOverlays();
    if (!g_regionKinds.empty()) {
        if (g_regionKinds.back() == ScrollKind::Main && g_reservedFrame >= ImGui::GetFrameCount() - 1)
            ImGui::Dummy(ImVec2(1.0f, g_reservedBottom));
        g_regionKinds.pop_back();
    }
    if (!g_regionStack.empty()) {
        TouchScroll& t = g_touchScroll[g_regionStack.back()];
        g_regionStack.pop_back();
        noteSpeed(t, ImGui::GetCurrentWindow());
        // Pulled past the bottom: room below the content, and the view stays at the (new) end.
        if (t.overscroll < 0) {
            ImGui::Dummy(ImVec2(1.0f, -t.overscroll));
            ImGui::SetScrollY(ImGui::GetScrollMaxY() - t.overscroll);
        }
    }
    ImGui::EndChild();
}

void reserveBottom(float px)
{
    g_reservedBottom = px;
    g_reservedFrame = ImGui::GetFrameCount();
}

void claimTouchDrag() { g_claimedFrame = ImGui::GetFrameCount(); }

bool holdToDrag()
{
    constexpr double kHoldS = 0.5; // as long as a long press that selects text
    static struct {
        ImGuiID item = 0;
        double at = 0;
        ImVec2 pos;
        bool armed = false;
    } hold;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) return true;
    const ImGuiID item = ImGui::GetItemID();
    if (ImGui::IsItemActivated()) hold = {item, ImGui::GetTime(), io.MousePos, false};
    if (hold.item != item) return false;
    if (!io.MouseDown[0] || !ImGui::IsItemActive()) {
        hold.item = 0;
        return false;
    }
    if (hold.armed) {
        claimTouchDrag();
        return true;
    }
    if (std::hypot(io.MousePos.x - hold.pos.x, io.MousePos.y - hold.pos.y) > kTouchSlopPx || touchDragging()) {
        hold.item = 0; // a scroll, not a hold
        return false;
    }
    const double held = ImGui::GetTime() - hold.at;
    if (held < kHoldS) {
        redrawAfter((kHoldS - held) * 1000.0 + 1.0);
        return false;
    }
    hold.armed = true;
    claimTouchDrag();
    return true;
}

bool touchDragging()
{
    for (const auto& [id, t] : g_touchScroll)
        if (t.dragging) return true;
    return false;
}

// [SECTION] Buttons

namespace {
constexpr float kButtonPadX = 1.0f; // em
constexpr float kIconEm = 1.0f;
} // namespace

float buttonWidth(std::string_view text, const ButtonOptions& o)
{
    if (o.size.x > 0) return o.size.x;
    if (text.empty() && o.hasIcon && o.kind != ButtonKind::Link) return ImGui::GetFrameHeight(); // square icon button
    const float textW = text.empty() ? 0.0f : textSize(o.font, text).x;
    const float iconW = o.hasIcon ? em(kIconEm) + (text.empty() ? 0.0f : em(0.375f)) : 0.0f;
    const float pad = o.kind == ButtonKind::Link ? 0.0f : em(kButtonPadX) * 2;
    return textW + iconW + pad;
}

bool button(const char* hookId, std::string_view text, const ButtonOptions& o)
{
    ImGui::PushID(hookId);
    const ImVec2 size(buttonWidth(text, o), o.size.y > 0 ? o.size.y : ImGui::GetFrameHeight());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (!o.enabled) ImGui::BeginDisabled();
    const Press press = pressable("##button", size, o.enabled);
    const bool clicked = press.clicked;
    const bool hovered = press.hovered;
    const bool held = press.held;
    ItemInfo info;
    info.role = o.href.empty() ? Role::Button : Role::Link;
    info.href = o.href;
    info.selected = o.selected;
    info.disabled = !o.enabled;
    hookItem(hookId, o.name.empty() ? std::string(text) : o.name, nullptr, info);

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + size.x, pos.y + size.y);
    const float r = ImGui::GetStyle().FrameRounding;
    ImU32 fg = color::kText;
    switch (o.kind) {
    case ButtonKind::Primary:
        dl->AddRectFilled(pos, max, col(hovered || held ? color::kAccentHover : color::kAccent), r);
        fg = IM_COL32_WHITE;
        break;
    case ButtonKind::Secondary:
        if (o.selected) {
            dl->AddRectFilled(pos, max, col(color::kAccent), r);
            fg = IM_COL32_WHITE;
        } else {
            dl->AddRectFilled(pos, max, col(held ? color::kBorder : hovered ? color::kChip : color::kSurface), r);
            dl->AddRect(pos, max, col(hovered ? color::kTextSubtle : color::kBorderStrong), r);
        }
        break;
    case ButtonKind::Ghost:
        if (o.selected) dl->AddRectFilled(pos, max, col(color::kAccentSoft), r);
        else if (hovered) dl->AddRectFilled(pos, max, col(color::kChip), r);
        fg = o.selected ? color::kAccent : color::kText;
        break;
    case ButtonKind::Link:
        fg = hovered ? color::kAccentHover : color::kAccent;
        break;
    }
    const float textW = text.empty() ? 0.0f : textSize(o.font, text).x;
    const float iconW = o.hasIcon ? em(kIconEm) + (text.empty() ? 0.0f : em(0.375f)) : 0.0f;
    float x = pos.x + (size.x - textW - iconW) * 0.5f;
    const float cy = pos.y + size.y * 0.5f;
    if (o.hasIcon) {
        drawIcon(dl, o.icon, ImVec2(x + em(kIconEm) * 0.5f, cy), em(kIconEm), fg);
        x += iconW;
    }
    if (!text.empty()) {
        drawText(dl, o.font, ImVec2(x, cy - font(o.font)->FontSize * 0.5f - 1), fg, text);
        if (o.kind == ButtonKind::Link && hovered)
            dl->AddLine(ImVec2(x, cy + font(o.font)->FontSize * 0.5f), ImVec2(x + textW, cy + font(o.font)->FontSize * 0.5f),
                        col(fg), 1.0f);
    }
    if (!o.enabled) ImGui::EndDisabled();
    ImGui::PopID();
    return clicked;
}

// [SECTION] Inputs (combo, text field)

bool beginCombo(const char* hookId, const char* label, const char* preview, float width, bool enabled)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetFrameHeight();
    const ImVec2 max(pos.x + width, pos.y + h);
    ItemInfo info;
    info.role = Role::ComboBox;
    info.disabled = !enabled;
    hookRect(hookId, label, pos, max, preview, info);

    ImGui::PushID(hookId);
    if (TestHook* hook = TestHook::current()) {
        const ImGuiID comboId = ImGui::GetID("##combo");
        if (GImGui->NavId == comboId && !GImGui->NavDisableHighlight) hook->setFocused(hookId);
        hook->applyRequests(hookId, comboId);
    }
    if (!enabled) ImGui::BeginDisabled();
    ImGui::SetNextItemWidth(width);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(std::max(width, em(18)), em(24)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.375f), em(0.375f)));
    const bool open = ImGui::BeginCombo("##combo", "", ImGuiComboFlags_NoArrowButton | ImGuiComboFlags_HeightLargest);
    ImGui::PopStyleVar();

    if (open) ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, em(0.125f)));

    // Our own preview (ellipsized, never under the chevron) on the parent window's draw list.
    const float pad = ImGui::GetStyle().FramePadding.x;
    const std::string shown = ellipsize(Font::Regular, preview, width - pad * 2 - em(1.25f));
    const float alpha = enabled ? 1.0f : ImGui::GetStyle().DisabledAlpha;
    const auto fade = [alpha](ImU32 c) {
        ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
        v.w *= alpha;
        return ImGui::ColorConvertFloat4ToU32(v);
    };
    drawText(dl, Font::Regular, ImVec2(pos.x + pad, pos.y + (h - em()) * 0.5f - 1), fade(color::kText), shown);
    drawIcon(dl, Icon::ChevronDown, ImVec2(max.x - pad - em(0.4f), pos.y + h * 0.5f), em(0.9f),
             fade(color::kTextMuted));
    if (!enabled) ImGui::EndDisabled();
    if (!open) ImGui::PopID();
    return open;
}

void endCombo()
{
    ImGui::PopStyleVar();
    ImGui::EndCombo();
    ImGui::PopID();
}

bool comboOption(const char* comboId, const std::string& value, const char* text, bool selected, const char* detail,
                 float indent, bool dimmed)
{
    const std::string id = std::string(comboId) + ".option:" + value;
    // When the popup opens, scroll to the first selected row only (an option can be listed twice).
    constexpr ImGuiID scrolledKey = 0x5C2011EDu; // in the popup window's own storage
    const bool scrollHere = selected && ImGui::IsWindowAppearing() &&
                            ImGui::GetStateStorage()->GetInt(scrolledKey, -1) != ImGui::GetFrameCount();
    if (scrollHere) ImGui::GetStateStorage()->SetInt(scrolledKey, ImGui::GetFrameCount());
    ImGui::PushID(id.c_str());
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = tapSize(em(2.0f));
    const bool clicked = ImGui::Selectable("##option", selected, 0, ImVec2(0, h));
    ItemInfo info;
    info.role = Role::Option;
    info.selected = selected;
    if (detail && *detail) info.detail = detail;
    hookItem(id, text, nullptr, info);
    if (dimmed) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    if (scrollHere) ImGui::SetScrollHereY(0.5f);
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float right = ImGui::GetItemRectMax().x;
    const float textY = pos.y + (h - em()) * 0.5f - 1;
    float detailW = 0;
    if (detail && *detail) {
        detailW = textSize(Font::Small, detail).x;
        drawText(dl, Font::Small, ImVec2(right - em(2.0f) - detailW, pos.y + (h - em(0.875f)) * 0.5f - 1),
                 color::kTextSubtle, detail);
    }
    const float maxText = right - pos.x - em(0.625f) - indent - em(2.5f) - detailW;
    drawText(dl, selected ? Font::Bold : Font::Regular, ImVec2(pos.x + em(0.625f) + indent, textY),
             selected ? color::kAccent : color::kText, ellipsize(selected ? Font::Bold : Font::Regular, text, maxText));
    if (selected) drawIcon(dl, Icon::Check, ImVec2(right - em(1.0f), pos.y + h * 0.5f), em(0.9f), color::kAccent);
    if (dimmed) ImGui::PopStyleVar();
    ImGui::PopID();
    return clicked;
}

void comboHeader(const char* text)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, em(1.75f)));
    drawText(ImGui::GetWindowDrawList(), Font::Small, ImVec2(pos.x + em(0.625f), pos.y + em(0.6f)), color::kTextMuted,
             text);
}

namespace {
int digitsOnlyFilter(ImGuiInputTextCallbackData* data)
{
    return (data->EventChar >= '0' && data->EventChar <= '9') ? 0 : 1;
}
int decimalFilter(ImGuiInputTextCallbackData* data)
{
    const ImWchar c = data->EventChar;
    if (c >= '0' && c <= '9') return 0;
    return c == '.' || c == ',' ? 0 : 1;
}
// One callback for every field: the character filter its options ask for; history (Up/Down) events
// are only claimed so the keyboard focus does not move, the owner reads the keys itself.
int fieldCallback(ImGuiInputTextCallbackData* data)
{
    if (data->EventFlag != ImGuiInputTextFlags_CallbackCharFilter) return 0;
    const auto* o = static_cast<const FieldOptions*>(data->UserData);
    if (o->decimal) return decimalFilter(data);
    if (o->digitsOnly) return digitsOnlyFilter(data);
    return 0;
}
} // namespace

float textBlock(const char* hookId, std::string_view text, ImVec2 pos, float width, Font font, ImU32 colour)
{
    drawText(ImGui::GetWindowDrawList(), font, pos, colour, text, width);
    const ImVec2 size = textSize(font, text, width);
    const std::string label(text);
    hookRect(hookId, label, pos, ImVec2(pos.x + size.x, pos.y + size.y), label.c_str(), withRole(Role::Text));
    return size.y;
}

bool textField(const char* hookId, const char* hint, std::string& text, float width, const FieldOptions& o)
{
    ImGui::PushID(hookId);
    TestHook* hook = TestHook::current();
    // The page filled the field (a password manager, or a screen reader typing into the page's copy).
    bool filled = false;
    if (hook)
        if (auto value = hook->takeValueRequest(hookId)) {
            const ImGuiID id = ImGui::GetID("##field");
            if (ImGui::GetActiveID() == id) ImGui::ClearActiveID(); // ImGui keeps its own copy while editing
            filled = *value != text;
            text = std::move(*value);
        }
    const float padX = ImGui::GetStyle().FramePadding.x;
    const float left = o.hasIcon ? em(2.25f) : padX;
    float padY = ImGui::GetStyle().FramePadding.y;
    if (o.height > 0 && !o.multiline) padY = (o.height - ImGui::GetFontSize()) * 0.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(left, padY));
    if (o.invalid) ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(color::kDanger));
    ImGui::SetNextItemWidth(width);
    ImGuiInputTextFlags flags = o.flags;
    if (o.digitsOnly || o.decimal) flags |= ImGuiInputTextFlags_CallbackCharFilter;
    if (o.ownsArrows) flags |= ImGuiInputTextFlags_CallbackHistory;
    if (o.masked) flags |= ImGuiInputTextFlags_Password;
    if (o.focusNow) ImGui::SetKeyboardFocusHere();
    const bool callback = (flags & (ImGuiInputTextFlags_CallbackCharFilter | ImGuiInputTextFlags_CallbackHistory)) != 0;
    bool changed = o.multiline
                       ? ImGui::InputTextMultiline("##field", &text, ImVec2(width, o.height > 0 ? o.height : em(8)),
                                                   flags, callback ? fieldCallback : nullptr,
                                                   const_cast<FieldOptions*>(&o))
                       : ImGui::InputTextWithHint("##field", hint, &text, flags, callback ? fieldCallback : nullptr,
                                                  const_cast<FieldOptions*>(&o));
    if (o.invalid) ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    changed = changed || filled;
    if (changed && utf8::length(text) > o.maxChars) text = std::string(utf8::truncate(text, o.maxChars));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const bool active = ImGui::IsItemActive();
    ItemInfo info;
    info.role = Role::TextBox;
    info.inputMode = o.decimal ? "decimal" : o.digitsOnly ? "numeric" : o.inputMode;
    info.inputType = o.inputType;
    info.autocomplete = o.autocomplete;
    info.invalid = o.invalid;
    info.multiline = o.multiline;
    info.describedBy = o.describedBy;
    hookItem(hookId, o.label ? o.label : hint, text.c_str(), info);
    if (active && hook) hook->setEditing(hookId);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (active) dl->AddRect(min, max, col(color::kAccent), ImGui::GetStyle().FrameRounding, 0, 1.5f);
    // A phone's keyboard covers the field being edited: scroll it up into what is left visible.
    if (active && max.y > visibleBottom() - em(0.5f) && ImGui::GetScrollMaxY() > 0)
        ImGui::SetScrollY(ImGui::GetScrollY() + (max.y - visibleBottom()) + em(1.5f));
    if (o.hasIcon)
        drawIcon(dl, o.icon, ImVec2(min.x + em(1.125f), (min.y + max.y) * 0.5f), em(1.0f), color::kTextMuted);
    if (o.suffix && !text.empty()) {
        const float w = textSize(Font::Regular, o.suffix).x;
        drawText(dl, Font::Regular, ImVec2(max.x - padX - w, (min.y + max.y - em()) * 0.5f - 1), color::kTextSubtle,
                 o.suffix);
    }
    ImGui::PopID();
    return changed;
}

FieldEvents formTextField(const char* hookId, const char* hint, std::string& text, float width, const FieldOptions& o)
{
    // Active before this frame: Enter then sends the form (Enter that only starts editing a
    // field the arrows moved to does not).
    ImGui::PushID(hookId);
    const ImGuiID id = ImGui::GetID("##field");
    ImGui::PopID();
    const bool wasEditing = GImGui->ActiveIdPreviousFrame == id;
    FieldEvents e;
    e.changed = textField(hookId, hint, text, width, o);
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
    e.submitted = wasEditing && enter;
    if (TestHook* hook = TestHook::current(); hook && hook->takeSubmitRequest(hookId)) e.submitted = true;
    return e;
}

FieldEvents passwordField(const char* hookId, const Strings& s, std::string& text, bool& shown, float width,
                          FieldOptions o)
{
    const float toggle = o.height > 0 ? o.height : ImGui::GetFrameHeight();
    const float gap = em(0.375f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    o.masked = !shown;
    if (!*o.inputType) o.inputType = "password";
    const FieldEvents e = formTextField(hookId, "", text, std::max(em(4), width - toggle - gap), o);
    ImGui::SetCursorScreenPos(ImVec2(pos.x + width - toggle, pos.y));
    ButtonOptions bo;
    bo.kind = ButtonKind::Secondary;
    bo.hasIcon = true;
    bo.icon = shown ? Icon::EyeOff : Icon::Eye;
    bo.size = ImVec2(toggle, toggle);
    bo.selected = false;
    bo.name = s.get(shown ? "account.password.hide" : "account.password.show");
    const std::string id = std::string(hookId) + ".show";
    if (button(id.c_str(), "", bo)) shown = !shown;
    tooltip(bo.name.c_str());
    ImGui::SetCursorScreenPos(pos);
    ImGui::Dummy(ImVec2(width, toggle));
    return e;
}

bool radioOption(const char* hookId, std::string_view text, std::string_view detail, bool selected, float width)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float wrap = width - em(3.0f);
    const ImVec2 textSz = textSize(Font::Bold, text, wrap);
    const ImVec2 detailSz = detail.empty() ? ImVec2(0, 0) : textSize(Font::Small, detail, wrap);
    const float h = tapSize(std::max(em(2.5f), textSz.y + (detail.empty() ? 0.0f : detailSz.y + em(0.25f)) + em(1.25f)));
    ImGui::PushID(hookId);
    const Press p = pressable("##radio", ImVec2(width, h));
    ItemInfo info;
    info.role = Role::Radio;
    info.selected = selected;
    info.detail = std::string(detail);
    hookItem(hookId, std::string(text), nullptr, info);
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + h);
    const float r = ImGui::GetStyle().FrameRounding;
    dl->AddRectFilled(pos, max, col(selected ? color::kAccentSoft : p.hovered ? color::kChip : color::kSurface), r);
    dl->AddRect(pos, max, col(selected ? color::kAccent : color::kBorderStrong), r, 0, selected ? 1.5f : 1.0f);
    const ImVec2 dot(pos.x + em(1.25f), pos.y + em(0.625f) + std::min(textSz.y, em(1.4f)) * 0.5f + 1);
    dl->AddCircle(dot, em(0.5f), col(selected ? color::kAccent : color::kTextSubtle), 20, 1.5f);
    if (selected) dl->AddCircleFilled(dot, em(0.27f), col(color::kAccent), 16);
    const float tx = pos.x + em(2.25f);
    drawText(dl, Font::Bold, ImVec2(tx, pos.y + em(0.625f)), color::kText, text, wrap);
    if (!detail.empty())
        drawText(dl, Font::Small, ImVec2(tx, pos.y + em(0.625f) + textSz.y + em(0.25f)), color::kTextMuted, detail, wrap);
    return p.clicked;
}

bool checkbox(const char* hookId, std::string_view text, bool checked, float width, const CheckOptions& o)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = tapSize(em(2.0f));
    ImGui::PushID(hookId);
    const Press p = pressable("##check", ImVec2(width, h));
    ItemInfo info;
    info.role = Role::Checkbox;
    info.selected = checked;
    if (o.detail && *o.detail) info.detail = o.detail;
    hookItem(hookId, std::string(text), nullptr, info);
    ImGui::PopID();
    if (!ImGui::IsRectVisible(pos, ImVec2(pos.x + width, pos.y + h))) return p.clicked;
    if (o.dimmed) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, ImGui::GetStyle().Alpha * 0.45f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + h);
    if (p.hovered) dl->AddRectFilled(pos, max, col(color::kChip), ImGui::GetStyle().FrameRounding);
    const float box = em(1.125f);
    const ImVec2 bmin(pos.x + o.indent + em(0.375f), pos.y + (h - box) * 0.5f), bmax(bmin.x + box, bmin.y + box);
    if (checked) {
        dl->AddRectFilled(bmin, bmax, col(color::kAccent), em(0.25f));
        drawIcon(dl, Icon::Check, ImVec2((bmin.x + bmax.x) * 0.5f, (bmin.y + bmax.y) * 0.5f), em(0.8f), IM_COL32_WHITE);
    } else {
        dl->AddRectFilled(bmin, bmax, col(color::kSurface), em(0.25f));
        dl->AddRect(bmin, bmax, col(p.hovered ? color::kTextSubtle : color::kBorderStrong), em(0.25f), 0, 1.5f);
    }
    float detailW = 0;
    if (o.detail && *o.detail) {
        detailW = textSize(Font::Small, o.detail).x + em(0.5f);
        drawText(dl, Font::Small, ImVec2(max.x - detailW, pos.y + (h - em(0.875f)) * 0.5f - 1), color::kTextSubtle,
                 o.detail);
    }
    const float tx = bmax.x + em(0.625f);
    drawText(dl, o.font, ImVec2(tx, pos.y + (h - em()) * 0.5f - 1), color::kText,
             ellipsize(o.font, text, max.x - tx - detailW - em(0.25f)));
    if (o.dimmed) ImGui::PopStyleVar();
    return p.clicked;
}

// [SECTION] Toggle buttons

namespace {
struct DeferredDraw {
    ImGuiWindow* window = nullptr;
    std::function<void(ImDrawList*)> draw;
};
std::vector<DeferredDraw> g_overlays;

// The heart filled: each half (the curve from the notch to the point, closed along the middle)
// is convex, so two convex fills draw it without seams.
void fillHeart(ImDrawList* dl, ImVec2 c, float s, ImU32 k)
{
    constexpr float kPi = 3.14159265f;
    constexpr int kHalf = 25;
    ImVec2 right[kHalf], left[kHalf];
    for (int i = 0; i < kHalf; ++i) {
        const float a = i * kPi / (kHalf - 1);
        const float x = 16 * std::pow(std::sin(a), 3.0f);
        const float y = 13 * std::cos(a) - 5 * std::cos(2 * a) - 2 * std::cos(3 * a) - std::cos(4 * a);
        right[i] = ImVec2(c.x + x * s * 0.026f, c.y - y * s * 0.026f - s * 0.04f);
        left[kHalf - 1 - i] = ImVec2(c.x - x * s * 0.026f, right[i].y);
    }
    dl->AddConvexPolyFilled(right, kHalf, k);
    dl->AddConvexPolyFilled(left, kHalf, k);
}
} // namespace

void flushOverlays()
{
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    std::vector<DeferredDraw> keep;
    for (DeferredDraw& d : g_overlays) {
        if (d.window == w) d.draw(w->DrawList);
        else keep.push_back(std::move(d));
    }
    g_overlays.swap(keep);
}

bool toggleButton(const char* hookId, Icon icon, bool on, const std::string& name, ImVec2 pos, const ToggleOptions& o)
{
    const float d = tapSize(o.size > 0 ? o.size : em(2.25f));
    const ImVec2 back = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(pos);
    ImGui::PushID(hookId);
    const Press press = pressable("##toggle", ImVec2(d, d));
    ImGui::PopID();
    ItemInfo info;
    info.role = Role::Button;
    info.pressed = on ? 1 : 0;
    hookItem(hookId, name, nullptr, info);
    ImGui::SetCursorScreenPos(back);
    if (!ImGui::IsRectVisible(pos, ImVec2(pos.x + d, pos.y + d))) return press.clicked;
    if (press.hovered && !touchScreen()) tooltip(name.c_str()); // a finger has no hover to explain it
    const bool hovered = press.hovered, held = press.held;
    const ImU32 onColor = o.onColor;
    auto draw = [pos, d, on, hovered, held, icon, onColor](ImDrawList* dl) {
        const ImVec2 c(pos.x + d * 0.5f, pos.y + d * 0.5f);
        const float r = std::min(d * 0.5f, em(1.125f));
        dl->AddCircleFilled(ImVec2(c.x, c.y + 1), r, col(IM_COL32(15, 23, 42, 40)), 28);
        dl->AddCircleFilled(c, r, col(held ? color::kBorder : hovered ? color::kChip : color::kSurface), 28);
        dl->AddCircle(c, r, col(on ? onColor : color::kBorderStrong), 28, 1.0f);
        const float is = r * 1.15f;
        if (icon == Icon::Heart && on) fillHeart(dl, c, is, col(onColor));
        else if (on) {
            dl->AddCircleFilled(c, r - 1, col(onColor), 28);
            drawIcon(dl, icon == Icon::Compare ? Icon::Check : icon, c, is * 0.9f, IM_COL32_WHITE);
        } else drawIcon(dl, icon, c, is, color::kTextMuted);
    };
    if (o.overlay) g_overlays.push_back({ImGui::GetCurrentWindow(), std::move(draw)});
    else draw(ImGui::GetWindowDrawList());
    return press.clicked;
}

// [SECTION] Status (spinner, error, empty)

void spinner(const char* hookId, ImVec2 c, float r, double timeMs)
{
    keepAnimating();
    hookRect(hookId, "", ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float t = std::max(2.0f, r * 0.2f);
    dl->AddCircle(c, r - t * 0.5f, col(color::kBorder), 32, t);
    const float a0 = static_cast<float>(std::fmod(timeMs / 1000.0 * 5.0, 6.2831853));
    dl->PathArcTo(c, r - t * 0.5f, a0, a0 + 1.6f, 20);
    dl->PathStroke(col(color::kAccent), 0, t);
}

void spinnerBlock(const char* hookId, ImVec2 size, double timeMs)
{
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    spinner(hookId, ImVec2(pos.x + size.x * 0.5f, pos.y + std::min(size.y * 0.5f, em(8))), em(1.25f), timeMs);
}

void progressBar(const char* hookId, const std::string& label, float fraction, float width)
{
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 ts = textSize(Font::Regular, label, width);
    drawText(dl, Font::Regular, pos, color::kText, label, width);
    const float barY = pos.y + ts.y + em(0.35f), barH = em(0.5f);
    dl->AddRectFilled(ImVec2(pos.x, barY), ImVec2(pos.x + width, barY + barH), IM_COL32(209, 213, 219, 255), barH / 2);
    if (fraction > 0)
        dl->AddRectFilled(ImVec2(pos.x, barY), ImVec2(pos.x + std::max(barH, width * fraction), barY + barH), color::kAccent,
                          barH / 2);
    const std::string percent = std::to_string(static_cast<int>(std::lround(fraction * 100)));
    hookRect(hookId, label, pos, ImVec2(pos.x + width, barY + barH), percent.c_str(), withRole(Role::Progress));
    ImGui::Dummy(ImVec2(width, barY + barH - pos.y));
}

std::string errorMessage(const Strings& s, const RequestError& e, bool listing)
{
    switch (e.kind) {
    case ErrorKind::Network: return s.get("errors.network");
    case ErrorKind::NotFound: return s.get(listing ? "errors.listing_not_found" : "errors.not_found");
    case ErrorKind::BadRequest: return s.get("errors.bad_request");
    case ErrorKind::Unauthorized: return s.get("errors.unauthorized");
    case ErrorKind::Forbidden: return s.get("errors.forbidden");
    case ErrorKind::RateLimited: return s.get("errors.rate_limited");
    case ErrorKind::Server: return s.get("errors.server");
    case ErrorKind::BadResponse: return s.get("errors.bad_response");
    case ErrorKind::None: break;
    }
    return {};
}

std::string errorHint(const Strings& s, const RequestError& e)
{
    switch (e.kind) {
    case ErrorKind::NotFound: return s.get("errors.hint.not_found");
    case ErrorKind::BadRequest: return s.get("errors.hint.bad_request");
    case ErrorKind::Network: return s.get("errors.hint.network");
    default: return s.get("errors.hint.other");
    }
}

void tooltip(const char* text)
{
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) {
        // Hovered, but not long enough yet: the tooltip is due in HoverDelayShort.
        if (ImGui::IsItemHovered()) redrawAfter(ImGui::GetStyle().HoverDelayShort * 1000.0 + 20.0);
        return;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em(0.625f), em(0.375f)));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, em(0.375f));
    ImGui::SetTooltip("%s", text);
    ImGui::PopStyleVar(2);
}

namespace {
// A centred column: round badge with an icon, a heading, a hint and one button.
bool statusPanel(const char* panelId, Icon icon, ImU32 iconColor, ImU32 badge, const std::string& heading,
                 const std::string& hint, const char* buttonId, const char* buttonText, ButtonKind kind, ImVec2 size)
{
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float wrap = std::min(size.x - em(2), em(26));
    const ImVec2 headSize = textSize(Font::Heading, heading, wrap);
    const ImVec2 hintSize = textSize(Font::Regular, hint, wrap);
    const float contentH = em(4) + em(1.25f) + headSize.y + em(0.5f) + hintSize.y + em(1.5f) + ImGui::GetFrameHeight();
    const float top = start.y + std::max(em(1.5f), std::min((size.y - contentH) * 0.5f, em(6)));
    const float cx = start.x + size.x * 0.5f;
    dl->AddCircleFilled(ImVec2(cx, top + em(2)), em(2), col(badge), 40);
    drawIcon(dl, icon, ImVec2(cx, top + em(2)), em(1.75f), iconColor);
    float y = top + em(4) + em(1.25f);
    // Wrapped lines centred one by one.
    const auto centred = [&](Font f, const std::string& text, ImU32 c) {
        ImFont* fnt = font(f);
        const char* p = text.c_str();
        const char* end = p + text.size();
        while (p < end) {
            const char* lineEnd = fnt->CalcWordWrapPositionA(1.0f, p, end, wrap);
            if (lineEnd == p) ++lineEnd;
            const std::string_view line(p, static_cast<std::size_t>(lineEnd - p));
            drawText(dl, f, ImVec2(cx - textSize(f, line).x * 0.5f, y), c, line);
            y += fnt->FontSize * 1.35f;
            p = lineEnd;
            while (p < end && *p == ' ') ++p;
        }
    };
    const float headTop = y;
    centred(Font::Heading, heading, color::kText);
    ItemInfo headingInfo;
    headingInfo.role = Role::Heading;
    hookRect(panelId, heading, ImVec2(cx - headSize.x * 0.5f, headTop), ImVec2(cx + headSize.x * 0.5f, y), nullptr,
             headingInfo);
    y += em(0.25f);
    centred(Font::Regular, hint, color::kTextMuted);
    y += em(1.25f);
    ButtonOptions bo;
    bo.kind = kind;
    const float bw = buttonWidth(buttonText, bo);
    ImGui::SetCursorScreenPos(ImVec2(cx - bw * 0.5f, y));
    const bool clicked = button(buttonId, buttonText, bo);
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(size.x, std::max(size.y, y + ImGui::GetFrameHeight() - start.y + em(1))));
    return clicked;
}
} // namespace

bool errorPanel(const Strings& s, const std::string& message, const std::string& hint, ImVec2 size)
{
    return statusPanel("error", Icon::Alert, color::kDanger, color::kDangerSoft, message, hint, "retry",
                       s.get("common.retry"), ButtonKind::Primary, size);
}

bool goneListingPanel(const Strings& s, const std::string& message, const std::string& hint, ImVec2 size)
{
    return statusPanel("error", Icon::Search, color::kAccent, color::kAccentSoft, message, hint, "browse.all",
                       s.get("listing.browse_all"), ButtonKind::Primary, size);
}

bool emptyPanel(const Strings& s, ImVec2 size)
{
    return statusPanel("empty", Icon::Search, color::kAccent, color::kAccentSoft, s.get("browse.empty.title"),
                       s.get("browse.empty.hint"), "empty.reset", s.get("browse.empty.reset"), ButtonKind::Primary,
                       size);
}

// [SECTION] Photos, chips, surfaces

void shimmer(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, double timeMs)
{
    keepAnimating();
    const float k = 0.5f + 0.5f * static_cast<float>(std::sin(timeMs / 1000.0 * 3.5));
    const ImVec4 a = ImGui::ColorConvertU32ToFloat4(color::kPlaceholder);
    const ImVec4 b = ImGui::ColorConvertU32ToFloat4(color::kPlaceholderHi);
    const ImVec4 m(a.x + (b.x - a.x) * k, a.y + (b.y - a.y) * k, a.z + (b.z - a.z) * k, 1.0f);
    dl->AddRectFilled(min, max, col(ImGui::ColorConvertFloat4ToU32(m)), rounding);
}

void imageCover(ImDrawList* dl, const Texture& tex, ImVec2 min, ImVec2 max, float rounding)
{
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 0 || h <= 0 || tex.width() <= 0 || tex.height() <= 0) return;
    const float target = w / h;
    const float image = static_cast<float>(tex.width()) / static_cast<float>(tex.height());
    ImVec2 uv0(0, 0), uv1(1, 1);
    if (image > target) {
        const float keep = target / image;
        uv0.x = (1 - keep) * 0.5f;
        uv1.x = 1 - uv0.x;
    } else {
        const float keep = image / target;
        uv0.y = (1 - keep) * 0.5f;
        uv1.y = 1 - uv0.y;
    }
    dl->AddImageRounded(tex.id(), min, max, uv0, uv1, col(IM_COL32_WHITE), rounding);
}

void imageContain(ImDrawList* dl, const Texture& tex, ImVec2 min, ImVec2 max)
{
    const float w = max.x - min.x, h = max.y - min.y;
    if (w <= 0 || h <= 0 || tex.width() <= 0 || tex.height() <= 0) return;
    const float scale = std::min(w / tex.width(), h / tex.height());
    const float dw = tex.width() * scale, dh = tex.height() * scale;
    const ImVec2 p(std::round(min.x + (w - dw) * 0.5f), std::round(min.y + (h - dh) * 0.5f));
    dl->AddImage(tex.id(), p, ImVec2(p.x + dw, p.y + dh), ImVec2(0, 0), ImVec2(1, 1), col(IM_COL32_WHITE));
}

void photo(ImDrawList* dl, TextureCache& cache, const std::string& url, ImVec2 min, ImVec2 max, float rounding,
           double timeMs, const char* noPhotoText)
{
    if (const Texture* tex = cache.get(url)) {
        imageCover(dl, *tex, min, max, rounding);
        return;
    }
    if (url.empty() || cache.failed(url)) {
        dl->AddRectFilled(min, max, col(color::kChip), rounding);
        const ImVec2 c((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
        const float size = std::min(em(2), (max.y - min.y) * 0.3f);
        drawIcon(dl, Icon::Camera, ImVec2(c.x, c.y - em(0.5f)), size, color::kTextSubtle);
        if (noPhotoText && max.y - min.y > em(5)) {
            const float w = textSize(Font::Small, noPhotoText).x;
            drawText(dl, Font::Small, ImVec2(c.x - w * 0.5f, c.y + size * 0.5f), color::kTextSubtle, noPhotoText);
        }
        return;
    }
    shimmer(dl, min, max, rounding, timeMs);
}

float chipWidth(std::string_view text) { return textSize(Font::Small, text).x + em(1.25f); }

float chip(ImDrawList* dl, ImVec2 pos, std::string_view text, ImU32 bg, ImU32 fg)
{
    const float w = chipWidth(text);
    const float h = em(1.5f);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), col(bg), h * 0.5f);
    drawText(dl, Font::Small, ImVec2(pos.x + em(0.625f), pos.y + (h - em(0.875f)) * 0.5f - 1), fg, text);
    return w;
}

void surface(ImDrawList* dl, ImVec2 min, ImVec2 max, float rounding, bool raised)
{
    if (raised) {
        dl->AddRectFilled(ImVec2(min.x - 1, min.y + 2), ImVec2(max.x + 1, max.y + 6), col(IM_COL32(17, 24, 39, 8)),
                          rounding + 4);
        dl->AddRectFilled(ImVec2(min.x, min.y + 1), ImVec2(max.x, max.y + 3), col(IM_COL32(17, 24, 39, 14)),
                          rounding + 2);
    } else {
        dl->AddRectFilled(ImVec2(min.x, min.y + 1), ImVec2(max.x, max.y + 1), col(color::kShadow), rounding);
    }
    dl->AddRectFilled(min, max, col(color::kSurface), rounding);
    dl->AddRect(min, max, col(raised ? color::kBorderStrong : color::kBorder), rounding);
}

// [SECTION] Pager

int pager(const Strings& s, int page, int pageCount, float width, const std::function<std::string(int)>& hrefOf)
{
    if (pageCount <= 1) return 0;
    const bool compact = width < em(34);
    const int around = compact ? 1 : 2;
    std::vector<int> pages; // 0 marks an ellipsis
    for (int p = 1; p <= pageCount; ++p) {
        if (p == 1 || p == pageCount || std::abs(p - page) <= around) pages.push_back(p);
        else if (!pages.empty() && pages.back() != 0) pages.push_back(0);
    }
    const float cell = ImGui::GetFrameHeight();
    const float gap = em(0.375f);
    ButtonOptions prevOpt;
    prevOpt.hasIcon = true;
    prevOpt.icon = Icon::ChevronLeft;
    prevOpt.enabled = page > 1;
    prevOpt.font = Font::Regular;
    ButtonOptions nextOpt = prevOpt;
    nextOpt.icon = Icon::ChevronRight;
    nextOpt.enabled = page < pageCount;
    const std::string prevText = compact ? "" : s.get("browse.pager.prev");
    const std::string nextText = compact ? "" : s.get("browse.pager.next");
    prevOpt.name = s.get("browse.pager.prev"); // still named when only the arrow shows
    nextOpt.name = s.get("browse.pager.next");
    if (hrefOf && page > 1) prevOpt.href = hrefOf(page - 1);
    if (hrefOf && page < pageCount) nextOpt.href = hrefOf(page + 1);
    float numbersW = 0;
    for (int p : pages) numbersW += (p == 0 ? em(1.25f) : std::max(cell, buttonWidth(std::to_string(p)))) + gap;
    const float total = buttonWidth(prevText, prevOpt) + gap + numbersW + buttonWidth(nextText, nextOpt);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    float x = start.x + std::max(0.0f, (width - total) * 0.5f);
    int clicked = 0;
    ImGui::SetCursorScreenPos(ImVec2(x, start.y));
    if (button("page.prev", prevText, prevOpt)) clicked = page - 1;
    x += buttonWidth(prevText, prevOpt) + gap;
    for (int p : pages) {
        if (p == 0) {
            drawText(ImGui::GetWindowDrawList(), Font::Regular, ImVec2(x + em(0.2f), start.y + (cell - em()) * 0.5f - 1),
                     color::kTextMuted, "\xE2\x80\xA6");
            x += em(1.25f) + gap;
            continue;
        }
        ButtonOptions o;
        o.kind = ButtonKind::Secondary;
        o.selected = p == page;
        o.font = p == page ? Font::Bold : Font::Regular;
        const std::string label = std::to_string(p);
        o.size = ImVec2(std::max(cell, buttonWidth(label)), cell);
        if (hrefOf) o.href = hrefOf(p);
        ImGui::SetCursorScreenPos(ImVec2(x, start.y));
        const std::string id = "page." + label;
        if (button(id.c_str(), label, o) && p != page) clicked = p;
        x += o.size.x + gap;
    }
    ImGui::SetCursorScreenPos(ImVec2(x, start.y));
    if (button("page.next", nextText, nextOpt)) clicked = page + 1;
    ImGui::SetCursorScreenPos(start);
    ImGui::Dummy(ImVec2(width, cell));
    return clicked;
}

ImVec2 heading(const char* hookId, std::string_view text, ImVec2 pos, Font font)
{
    const ImVec2 size = textSize(font, text);
    drawText(ImGui::GetWindowDrawList(), font, pos, color::kText, text);
    hookRect(hookId, std::string(text), pos, ImVec2(pos.x + size.x, pos.y + size.y), nullptr, withRole(Role::Heading));
    return size;
}

} // namespace dongelek::ui
