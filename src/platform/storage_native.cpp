// storage.hpp on the desktop: one file per key in $XDG_CONFIG_HOME/dongelek/storage/ (else
// ~/.config/dongelek/storage/), written whole to a temporary file and renamed. The values are
// small (a few KB), so a read is done at once and `done` runs before loadStored returns; the
// caller's queue still delivers it between frames.

#include "platform/storage.hpp"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace dongelek::platform {

namespace fs = std::filesystem;

namespace {

fs::path storageFile(const std::string& key)
{
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-')) return {};
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    fs::path base = xdg ? fs::path(xdg) : fs::path();
    if (base.empty() || !base.is_absolute()) {
        const char* home = std::getenv("HOME");
        if (!home || !*home) return {};
        base = fs::path(home) / ".config";
    }
    return base / "dongelek" / "storage" / (key + ".json");
}

} // namespace

void loadStored(const std::string& key, std::function<void(std::string value)> done)
{
    std::string value;
    const fs::path file = storageFile(key);
    if (!file.empty()) {
        std::ifstream in(file, std::ios::binary);
        if (in) {
            std::ostringstream ss;
            ss << in.rdbuf();
            value = ss.str();
        }
    }
    done(std::move(value));
}

void saveStored(const std::string& key, const std::string& value)
{
    const fs::path file = storageFile(key);
    if (file.empty()) return;
    std::error_code ec;
    if (value.empty()) {
        fs::remove(file, ec);
        return;
    }
    fs::create_directories(file.parent_path(), ec);
    const fs::path temp = file.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out << value;
        if (!out) return;
    }
    fs::rename(temp, file, ec);
}

} // namespace dongelek::platform
