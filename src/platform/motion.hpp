// Platform: the device's orientation, so a panorama can be looked around by turning the phone.
// Implements: motionSupported, startMotion, stopMotion, motion.
// motion_web.cpp (the deviceorientation event; iOS asks the person first) |
// motion_native.cpp (a desktop has no such sensor: never supported).
#pragma once

#include <cstdint>

namespace dongelek::platform {

// The last orientation the device reported (W3C DeviceOrientationEvent: alpha about the
// vertical axis, beta front to back, gamma side to side, degrees).
struct DeviceMotion {
    bool listening = false; // started and not refused
    bool refused = false;   // the person (or the browser) said no
    bool valid = false;     // at least one reading arrived
    double alpha = 0, beta = 0, gamma = 0;
    std::uint64_t serial = 0; // one more per reading
};

// A touch device whose browser has the orientation event.
bool motionSupported();
// Starts listening; where the browser asks the person first (iOS Safari) it asks now, so call it
// in the frame that handled the press. Each reading wakes the app.
void startMotion();
void stopMotion();
DeviceMotion motion();

} // namespace dongelek::platform
