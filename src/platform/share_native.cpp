// share.hpp on the desktop: there is no share sheet (the screen copies the link instead);
// external addresses go to the desktop's handler through SDL.

#include "platform/share.hpp"

#include <SDL.h>

namespace dongelek::platform {

bool canShareSheet() { return false; }

void shareSheet(const std::string&, const std::string&, const std::string&) {}

void openExternal(const std::string& url) { SDL_OpenURL(url.c_str()); }

} // namespace dongelek::platform
