// text_pick.hpp on the desktop: the file named by DONGELEK_PICK_TEXT, read at once.

#include "platform/text_pick.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace dongelek::platform {

void pickTextFile(const std::string& /*accept*/, std::size_t maxBytes,
                  std::function<void(std::string name, std::string text)> done)
{
    const char* path = std::getenv("DONGELEK_PICK_TEXT");
    std::error_code ec;
    if (!path || !*path || !std::filesystem::is_regular_file(path, ec)) return done("", "");
    if (std::filesystem::file_size(path, ec) > maxBytes) return done("", "too_large");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    done(std::filesystem::path(path).filename().string(), text.str());
}

} // namespace dongelek::platform
