// motion.hpp on the desktop: no orientation sensor.

#include "platform/motion.hpp"

namespace dongelek::platform {

bool motionSupported() { return false; }
void startMotion() {}
void stopMotion() {}
DeviceMotion motion() { return {}; }

} // namespace dongelek::platform
