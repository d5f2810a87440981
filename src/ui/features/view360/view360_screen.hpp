// The 360-degree viewer (/listing/<id>?view=360 and ?view=inside): the exterior spin drawn by
// shaders/spin.frag (two captured frames blended by the fractional angle; the small-frames
// atlas first, the frames themselves as they arrive, nearest to the angle first and then in the
// direction of the turn), the interior panorama by shaders/panorama.frag, the seller's hotspots
// on both and as a list that jumps to each, links between outside, inside and the listing.
// Gestures: a horizontal drag turns the car with inertia (a vertical swipe still scrolls the
// page on a touch screen), the wheel, a pinch or a double click zooms up to 8x about the
// pointer, a drag pans a zoomed car, arrows step frames, Escape leaves full screen. Nothing is
// redrawn while the car is still. Hook ids "view360.*" (docs/testing.md).
#pragma once

#include "client/features/view360/view360_module.hpp"
#include "ui/gl_program.hpp"
#include "ui/screen.hpp"

namespace dongelek::ui {

class View360Screen : public Screen {
public:
    View360Screen(UiContext& ui, View360Module& module);

    void closed() override; // frees every texture of the viewer

protected:
    void drawContent() override;

private:
    void drawSpin(const View360& v, ImVec2 min, ImVec2 max);
    void drawPanorama(const View360& v, ImVec2 min, ImVec2 max);
    void drawHotspotMarker(const Hotspot& h, int number, ImVec2 at, float opacity);
    void drawPlacement(float width); // the seller's: add a mark, its label, remove
    void drawHotspotList(const View360& v);
    // The stage's input item (the pressable; the wheel kept from the page while over it);
    // true when the pointer is over it.
    bool stageItem(const char* id, ImVec2 min, ImVec2 max);
    // One finger or the mouse on the stage: the movement since the last frame while the drag is
    // the stage's (a touch drag only once it is clearly sideways, unless `anyDirection`).
    struct DragStep {
        bool started = false;  // a press began on the stage this frame
        bool active = false;   // the drag is the stage's: `delta` moved it
        bool released = false; // a drag that was the stage's ended
        bool tap = false;      // a press ended without becoming a drag
        ImVec2 delta{0, 0};
    };
    DragStep trackDrag(ImVec2 min, ImVec2 max, bool anyDirection);
    void handleSpinInput(ImVec2 stageMin, ImVec2 stageMax, ImVec2 min, ImVec2 max);
    void handlePanoramaInput(ImVec2 min, ImVec2 max);
    bool ensurePrograms();
    // The viewer's GPU memory: within view360::kGpuBudgetBytes (the frames farthest from the
    // angle go first), and all of it let go when the listing changes or the viewer closes.
    void keepWithinBudget(const View360& v, bool inside);
    void releaseTextures();
    // Inside on a phone: the button that makes the view follow the phone, and the sensors'
    // listening kept to when it is on.
    void drawMotionToggle(float left, float width);
    void followMotion(bool on);

    View360Module& m_module;
    GlProgram m_spin, m_panorama;
    GlQuad m_quad;
    bool m_programsTried = false;
    std::string m_programError;
    // The drag in progress: where it started, whether it turns (horizontal) or was left to the page.
    bool m_dragging = false;
    bool m_dragClaimed = false;
    ImVec2 m_lastPos{0, 0};
    double m_turned = 0;          // degrees turned by the drag so far
    view360::FlingTracker m_fling; // how fast it turned in its last moments
    bool m_pinching = false;
    float m_pinchStart = 1;
    double m_zoomAtPinch = 1, m_fovAtPinch = 75;
    bool m_fullscreen = false;
    bool m_focusLabel = false;
    bool m_keysHere = false; // the arrows are the stage's (stageItem)
    bool m_motionListening = false;
    std::uint64_t m_motionSerial = 0; // the last orientation reading followed
    View360 m_held; // the view whose textures the viewer holds (its URLs)
};

} // namespace dongelek::ui
