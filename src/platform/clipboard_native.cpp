// clipboard.hpp on the desktop: ImGui's SDL backend already reads and writes SDL's clipboard.

#include "platform/clipboard.hpp"

namespace dongelek::platform {

void installClipboard() {}

} // namespace dongelek::platform
