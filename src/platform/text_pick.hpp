// Platform: the person picks a text file to hand to the app (a dealer's stock as CSV).
// Implements: pickTextFile.
// text_pick_web.cpp (a hidden <input type=file>, read as UTF-8 text) |
// text_pick_native.cpp (the file named by DONGELEK_PICK_TEXT; the desktop build is for developers).
#pragma once

#include <functional>
#include <string>

namespace dongelek::platform {

// Opens the picker for files of `accept` ("text/csv,.csv"); call it in the frame that handled
// the press (the browser wants a user gesture). `done` gets the file's name and text, or an
// empty name when nothing was picked (or it was over `maxBytes`, then `text` is "too_large");
// it runs between frames on the web and on the calling thread natively: callers hand it to the
// main-thread queue.
void pickTextFile(const std::string& accept, std::size_t maxBytes,
                  std::function<void(std::string name, std::string text)> done);

} // namespace dongelek::platform
