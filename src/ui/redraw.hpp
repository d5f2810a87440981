// Idle mode: the app draws a frame only when something can have changed. Input, replies and
// resizes wake it by themselves; what is drawn tells it here when it needs more frames: a
// spinner or a momentum scroll moves (keepAnimating), a tooltip's delay or a caret's blink
// ends later (redrawAfter). App::frame reads and clears the requests once per frame.
#pragma once

#include <limits>

namespace dongelek::ui {

// Something drawn this frame moves: draw the next frame too.
void keepAnimating();
// Something drawn this frame changes by itself in `ms` milliseconds.
void redrawAfter(double ms);

struct RedrawRequest {
    bool animating = false;
    double afterMs = std::numeric_limits<double>::infinity(); // the soonest redrawAfter
};
// What this frame asked for; resets the requests.
RedrawRequest takeRedrawRequest();

} // namespace dongelek::ui
