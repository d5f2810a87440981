// Platform: a file the app made for the person to keep (a listing's statistics as CSV).
// Implements: saveFile.
// download_web.cpp (a Blob and a link with download=: the browser's own download) |
// download_native.cpp (written to $XDG_DOWNLOAD_DIR, else ~/Downloads, else the working folder).
#pragma once

#include <string>

namespace dongelek::platform {

// Offers `bytes` as a file called `name` (no folders) of type `mime`. Returns where it went
// natively ("" on the web, where the browser decides; "" when it could not be written).
std::string saveFile(const std::string& name, const std::string& mime, const std::string& bytes);

} // namespace dongelek::platform
