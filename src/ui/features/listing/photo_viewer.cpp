// The full-screen photo viewer (photo_viewer.hpp).

#include "ui/features/listing/photo_viewer.hpp"

#include "ui/redraw.hpp"
#include "ui/style.hpp"
#include "ui/test_hook.hpp"
#include "ui/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace dongelek::ui {

namespace {
constexpr float kMaxZoom = 5.0f;
constexpr float kDoubleClickZoom = 2.5f;

// A round translucent button over the black backdrop; returns true when pressed.
bool roundButton(const char* id, const std::string& name, ImVec2 min, float d, Icon icon, ImDrawList* dl,
                 bool drawPlus = false, bool drawMinus = false)
{
    ImGui::SetCursorScreenPos(min);
    const Press press = pressable(id, ImVec2(d, d));
    hookItem(id, name, nullptr, withRole(Role::Button));
    const ImVec2 c(min.x + d * 0.5f, min.y + d * 0.5f);
    dl->AddCircleFilled(c, d * 0.5f, col(press.hovered ? IM_COL32(255, 255, 255, 70) : IM_COL32(255, 255, 255, 40)), 32);
    if (drawPlus || drawMinus) {
        const float a = d * 0.22f;
        dl->AddLine(ImVec2(c.x - a, c.y), ImVec2(c.x + a, c.y), IM_COL32_WHITE, 2.0f);
        if (drawPlus) dl->AddLine(ImVec2(c.x, c.y - a), ImVec2(c.x, c.y + a), IM_COL32_WHITE, 2.0f);
    } else {
        drawIcon(dl, icon, c, em(1.125f), IM_COL32_WHITE);
    }
    return press.clicked;
}
} // namespace

void PhotoViewer::resetZoom(int photo)
{
    m_zoom = 1.0f;
    m_pan = ImVec2(0, 0);
    m_photo = photo;
    m_pinching = false;
}

// The photo's point under `point` stays there while the zoom becomes `newZoom`.
void PhotoViewer::zoomAbout(ImVec2 point, ImVec2 centre, float newZoom)
{
    newZoom = std::clamp(newZoom, 1.0f, kMaxZoom);
    const ImVec2 u((point.x - centre.x - m_pan.x) / m_zoom, (point.y - centre.y - m_pan.y) / m_zoom);
    m_zoom = newZoom;
    m_pan = ImVec2(point.x - centre.x - u.x * m_zoom, point.y - centre.y - u.y * m_zoom);
    if (m_zoom <= 1.0f) m_pan = ImVec2(0, 0);
}

PhotoViewer::Result PhotoViewer::draw(const Strings& s, TextureCache& textures, const std::vector<Photo>& photos,
                                      int index, double nowMs)
{
    Result out;
    constexpr int kNone = -1000000;
    int target = kNone; // the photo to show instead, before wrapping
    const int count = static_cast<int>(photos.size());
    if (count == 0) {
        out.close = true;
        return out;
    }
    index = std::clamp(index, 0, count - 1);
    if (m_photo != index) resetZoom(index);
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 display = io.DisplaySize;

    // A window of its own over the whole screen (not an ImGui popup: when the screen stops
    // drawing it, nothing is left open), kept in front and holding the keyboard's focus.
    if (!m_open) m_thumbScrolledTo = -1;
    m_open = true;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(display);
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 255));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoScrollbar;
    ImGui::Begin("##viewer", nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(3);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), display, IM_COL32(0, 0, 0, 255));

    const float d = em(2.75f); // every control at least the finger's size
    const float topH = d + em(1.0f);
    const bool strip = count > 1;
    const float thumbH = em(3.5f), thumbW = em(4.75f);
    const float stripH = strip ? thumbH + em(1.25f) : 0.0f;
    const ImVec2 pmin(0, topH), pmax(display.x, std::max(topH + em(6), display.y - stripH));
    const ImVec2 psize(pmax.x - pmin.x, pmax.y - pmin.y);
    const ImVec2 c0((pmin.x + pmax.x) * 0.5f, (pmin.y + pmax.y) * 0.5f);

    // [The photo area] one pressable under everything else, for the gestures.
    ImGui::SetCursorScreenPos(pmin);
    ImGui::SetNextItemAllowOverlap();
    const Press area = pressable("##viewer.photo", psize, true);
    (void)area;
    const bool overPhoto = ImRect(pmin, pmax).Contains(io.MousePos) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    const bool pressOnPhoto = ImRect(pmin, pmax).Contains(io.MouseClickedPos[0]) &&
                              ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    // Wheel: zoom about the pointer.
    if (overPhoto && io.MouseWheel != 0.0f) zoomAbout(io.MousePos, c0, m_zoom * std::pow(1.25f, io.MouseWheel));
    // Double-click or double-tap: zoom in there, or back to the whole photo.
    if (overPhoto && ImGui::IsMouseDoubleClicked(0)) {
        if (m_zoom > 1.01f) resetZoom(index);
        else zoomAbout(io.MousePos, c0, kDoubleClickZoom);
    }
    // Two fingers: zoom about the point between them, which stays under them.
    const PinchInput& p = pinch();
    if (ImGui::IsMouseClicked(0)) m_pinchedThisPress = false;
    if (p.active && (m_pinching || ImRect(pmin, pmax).Contains(p.center))) {
        if (!m_pinching) {
            m_pinching = true;
            m_zoomAtStart = m_zoom;
            m_panAtStart = m_pan;
            m_centreAtStart = p.center;
        }
        m_pinchedThisPress = true;
        m_zoom = std::clamp(m_zoomAtStart * p.scale, 1.0f, kMaxZoom);
        const ImVec2 u((m_centreAtStart.x - c0.x - m_panAtStart.x) / m_zoomAtStart,
                       (m_centreAtStart.y - c0.y - m_panAtStart.y) / m_zoomAtStart);
        m_pan = ImVec2(p.center.x - c0.x - u.x * m_zoom, p.center.y - c0.y - u.y * m_zoom);
        claimTouchDrag();
    } else if (m_pinching) {
        m_pinching = false;
        if (m_zoom < 1.05f) resetZoom(index);
    }
    const bool zoomed = m_zoom > 1.0f || m_pinching || m_pinchedThisPress;
    // One finger or the mouse: pan a zoomed photo; on a whole photo a sideways drag follows
    // the finger and, past a threshold, shows the next or previous one.
    float shift = 0.0f;
    const ImVec2 drag(io.MousePos.x - io.MouseClickedPos[0].x, io.MousePos.y - io.MouseClickedPos[0].y);
    if (pressOnPhoto && io.MouseDown[0] && !m_pinching) {
        if (m_zoom > 1.0f) {
            m_pan = ImVec2(m_pan.x + io.MouseDelta.x, m_pan.y + io.MouseDelta.y);
            claimTouchDrag();
        } else if (!zoomed && count > 1 && std::fabs(drag.x) > em(0.75f) && std::fabs(drag.x) > std::fabs(drag.y)) {
            shift = drag.x;
            claimTouchDrag();
            keepAnimating();
        }
    }
    if (pressOnPhoto && ImGui::IsMouseReleased(0) && !zoomed && count > 1 && std::fabs(drag.x) > std::fabs(drag.y) &&
        std::fabs(drag.x) > std::max(em(3), psize.x * 0.12f)) {
        target = index + (drag.x < 0 ? 1 : -1);
    }
    const ImVec2 room(psize.x * (m_zoom - 1.0f) * 0.5f, psize.y * (m_zoom - 1.0f) * 0.5f);
    m_pan = ImVec2(std::clamp(m_pan.x, -room.x, room.x), std::clamp(m_pan.y, -room.y, room.y));

    // Keys: arrows change the photo, + and - zoom, Escape closes.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) out.close = true;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow)) target = index + 1;
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow)) target = index - 1;
    if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) zoomAbout(c0, c0, m_zoom * 1.5f);
    if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) zoomAbout(c0, c0, m_zoom / 1.5f);

    // The photo: the large one, the thumbnail until it is decoded.
    const Photo& ph = photos[static_cast<std::size_t>(index)];
    const Texture* large = textures.get(ph.largeUrl);
    const Texture* thumb = large ? nullptr : textures.get(ph.thumbUrl);
    dl->PushClipRect(pmin, pmax, true);
    const ImVec2 c(c0.x + m_pan.x + shift, c0.y + m_pan.y);
    const ImVec2 half(psize.x * 0.5f * m_zoom, psize.y * 0.5f * m_zoom);
    const ImVec2 zmin(c.x - half.x, c.y - half.y), zmax(c.x + half.x, c.y + half.y);
    if (large) imageContain(dl, *large, zmin, zmax);
    else if (thumb) imageContain(dl, *thumb, zmin, zmax);
    else if (textures.failed(ph.largeUrl) && textures.failed(ph.thumbUrl))
        photo(dl, textures, "", pmin, pmax, 0.0f, nowMs, s.get("common.no_photo"));
    else spinner("viewer.loading", c0, em(1.0f), nowMs);
    dl->PopClipRect();
    if (count > 1) {
        textures.prefetch(photos[static_cast<std::size_t>((index + 1) % count)].largeUrl);
        textures.prefetch(photos[static_cast<std::size_t>((index + count - 1) % count)].largeUrl);
    }
    char zoomText[16];
    std::snprintf(zoomText, sizeof zoomText, "%.2f", m_zoom);
    hookRect("viewer.photo",
             s.format("listing.photo_of", {{"index", std::to_string(index + 1)}, {"count", std::to_string(count)}}), pmin,
             pmax, zoomText, withRole(Role::Image));

    // [Top bar] the counter, zoom out / in, close.
    const std::string counter = std::to_string(index + 1) + " / " + std::to_string(count);
    drawText(dl, Font::Bold, ImVec2(em(1.0f), em(0.5f) + (d - em(1.0f)) * 0.5f), IM_COL32_WHITE, counter);
    const float gap = em(0.5f);
    float x = display.x - em(0.5f) - d;
    if (roundButton("viewer.close", s.get("listing.viewer.close"), ImVec2(x, em(0.5f)), d, Icon::Close, dl)) out.close = true;
    x -= d + gap;
    if (roundButton("viewer.zoom_in", s.get("listing.viewer.zoom_in"), ImVec2(x, em(0.5f)), d, Icon::Search, dl, true))
        zoomAbout(c0, c0, m_zoom * 1.5f);
    x -= d + gap;
    if (roundButton("viewer.zoom_out", s.get("listing.viewer.zoom_out"), ImVec2(x, em(0.5f)), d, Icon::Search, dl, false, true))
        zoomAbout(c0, c0, m_zoom / 1.5f);

    // [Prev / next] over the photo's edges.
    if (count > 1) {
        const float y = pmin.y + (psize.y - d) * 0.5f;
        if (roundButton("viewer.prev", s.get("listing.photo_prev"), ImVec2(em(0.5f), y), d, Icon::ChevronLeft, dl))
            target = index - 1;
        if (roundButton("viewer.next", s.get("listing.photo_next"), ImVec2(display.x - em(0.5f) - d, y), d,
                        Icon::ChevronRight, dl))
            target = index + 1;
    }

    // [Thumbnail strip] scrolls sideways; the shown photo is kept in view.
    if (strip) {
        const float tgap = em(0.5f);
        const float stripW = count * thumbW + (count - 1) * tgap;
        const float w = std::min(display.x - em(1.0f), stripW);
        ImGui::SetCursorScreenPos(ImVec2((display.x - w) * 0.5f, pmax.y + em(0.5f)));
        ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, em(0.375f));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(0, 0, 0, 0));
        if (beginScrollRegion("##viewer.thumbs", ImVec2(w, thumbH + (stripW > w ? em(0.625f) : 0.0f)), ScrollKind::Inner,
                              ImGuiChildFlags_None, ImGuiWindowFlags_HorizontalScrollbar)) {
            ImDrawList* tdl = ImGui::GetWindowDrawList();
            for (int i = 0; i < count; ++i) {
                ImGui::PushID(i);
                if (i > 0) ImGui::SameLine(0, tgap);
                const ImVec2 tp = ImGui::GetCursorScreenPos();
                const Press press = pressable("##vthumb", ImVec2(thumbW, thumbH));
                hookItem("viewer.thumb:" + std::to_string(i),
                         s.format("listing.photo_of", {{"index", std::to_string(i + 1)}, {"count", std::to_string(count)}}),
                         nullptr, withRole(Role::Button));
                if (i == index && m_thumbScrolledTo != i) {
                    ImGui::SetScrollHereX(0.5f);
                    m_thumbScrolledTo = i;
                }
                const ImVec2 tq(tp.x + thumbW, tp.y + thumbH);
                if (ImGui::IsRectVisible(tp, tq))
                    photo(tdl, textures, photos[static_cast<std::size_t>(i)].thumbUrl, tp, tq, em(0.25f), nowMs, nullptr);
                if (i == index) tdl->AddRect(tp, tq, IM_COL32_WHITE, em(0.25f), 0, 2.5f);
                else tdl->AddRectFilled(tp, tq, IM_COL32(0, 0, 0, press.hovered ? 40 : 110), em(0.25f));
                if (press.clicked) target = i;
                ImGui::PopID();
            }
        }
        endScrollRegion();
        ImGui::PopStyleColor();
        ImGui::PopStyleVar();
    }

    if (target != kNone) {
        target = ((target % count) + count) % count;
        if (target != index) out.show = target;
    }
    if (out.close) m_open = false;
    ImGui::End();
    return out;
}

} // namespace dongelek::ui
