// The listing's photos full screen: a modal over the page with the photo letter-boxed on
// black, zoom (wheel about the pointer, two-finger pinch, double-click or double-tap, the +/-
// buttons and keys), pan by dragging a zoomed photo, a sideways drag or swipe to the next or
// previous photo, arrows and Escape, and a thumbnail strip. Its items go to the test hook and
// the page's mirror as "viewer.*". The open/closed state and the photo shown are the module's;
// zoom and pan are this widget's own.
#pragma once

#include "core/i18n.hpp"
#include "core/model.hpp"
#include "ui/texture_cache.hpp"

#include <imgui.h>

#include <vector>

namespace dongelek::ui {

class PhotoViewer {
public:
    struct Result {
        int show = -1;      // the photo to show instead, or -1
        bool close = false; // Escape, the close button
    };
    // Call every frame while the viewer is open (from the screen's drawContent).
    Result draw(const Strings& s, TextureCache& textures, const std::vector<Photo>& photos, int index, double nowMs);
    float zoom() const { return m_zoom; }
    // The viewer was closed from outside (a new listing): the next open starts afresh.
    void closed() { m_open = false; }

private:
    void resetZoom(int photo);
    void zoomAbout(ImVec2 point, ImVec2 centre, float newZoom);

    float m_zoom = 1.0f;
    ImVec2 m_pan{0, 0};
    int m_photo = -1;
    int m_thumbScrolledTo = -1;
    bool m_pinching = false;
    float m_zoomAtStart = 1.0f;
    ImVec2 m_panAtStart{0, 0}, m_centreAtStart{0, 0};
    bool m_pinchedThisPress = false;
    bool m_open = false; // the popup was opened (the first frame opens it)
};

} // namespace dongelek::ui
