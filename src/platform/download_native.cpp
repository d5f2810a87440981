// download.hpp on the desktop: the file goes where downloads go (XDG_DOWNLOAD_DIR, ~/Downloads,
// or the working folder), named as asked; an existing file of that name is replaced.

#include "platform/download.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace dongelek::platform {

std::string saveFile(const std::string& name, const std::string& /*mime*/, const std::string& bytes)
{
    namespace fs = std::filesystem;
    if (name.empty() || name.find('/') != std::string::npos || name.find("..") != std::string::npos) return {};
    fs::path dir = ".";
    if (const char* xdg = std::getenv("XDG_DOWNLOAD_DIR"); xdg && *xdg) dir = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home && fs::is_directory(fs::path(home) / "Downloads"))
        dir = fs::path(home) / "Downloads";
    const fs::path path = dir / name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return out ? path.string() : std::string();
}

} // namespace dongelek::platform
