// The frame's redraw requests: plain globals, main thread only (like ImGui's current context).

#include "ui/redraw.hpp"

#include <algorithm>

namespace dongelek::ui {

namespace {
RedrawRequest g_request;
} // namespace

void keepAnimating() { g_request.animating = true; }

void redrawAfter(double ms) { g_request.afterMs = std::min(g_request.afterMs, std::max(0.0, ms)); }

RedrawRequest takeRedrawRequest()
{
    const RedrawRequest r = g_request;
    g_request = RedrawRequest{};
    return r;
}

} // namespace dongelek::ui
